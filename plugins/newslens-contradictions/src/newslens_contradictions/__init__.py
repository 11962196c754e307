"""newslens-contradictions: where a news article disagrees with itself, explained."""
