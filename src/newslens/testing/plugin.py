"""pytest plugin of newslens (fixtures for plugin authors)."""
