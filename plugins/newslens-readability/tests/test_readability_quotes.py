"""Readability reads the quotes plugin's direct quotes for its speech/narration split."""

from __future__ import annotations

from newslens_readability import REPORT, readability

import newslens

ARTICLE = (
    'The council met on Monday to discuss the "green corridor" plan for the old docks.\n'
    '"We will not let this harbour die while I am mayor," said Mayor Ana Ruiz. '
    "Several members of the council asked for more time to read the costs.\n"
)


def test_with_the_quotes_plugin_scare_quotes_stay_narration() -> None:
    doc = newslens.analyze(ARTICLE, backend="lite")
    report = doc[REPORT]
    assert report.quotes_source == "quotes plugin"
    assert report.quoted is not None
    # only the mayor's words are quoted speech: 11 words, not the scare-quoted "green corridor"
    assert report.quoted.counts.words == 11


def test_without_it_quotation_marks_are_paired_here() -> None:
    doc = newslens.annotate(ARTICLE, backend="lite")
    report = readability(doc)[REPORT]
    assert report.quotes_source == "quotation marks"
    assert report.quoted is not None
    assert report.quoted.counts.words == 13  # the scare quote counts as speech here
