"""``score_text`` annotates through the public ``newslens.annotate`` as the lite annotator does.

(That the plugin imports only what ``newslens`` exports is checked for every
plugin by the core's ``tests/test_architecture.py``.)"""

from __future__ import annotations

import newslens_readability
from newslens_readability import score_text
from newslens_readability.report import analyse

import newslens


def test_score_text_reads_like_the_lite_annotator() -> None:
    from newslens.annotators.lite import LiteAnnotator

    text = "WASHINGTON (AP) — The U.S. council met. “It is fine,” Mr. Lee said on Tuesday."
    doc = LiteAnnotator().annotate(
        newslens.Document.create(text, headline="Council meets", byline="By Ana Ruiz")
    )
    expected = analyse(doc, newslens_readability.all_formulas()).to_dict()
    assert score_text(text, headline="Council meets", byline="By Ana Ruiz").to_dict() == expected
