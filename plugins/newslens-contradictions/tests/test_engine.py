"""The detectors on short invented articles: what is found, what is not, and the spans."""

from __future__ import annotations

import newslens_contradictions
import newslens_dates
import newslens_quotes
import pytest
from newslens_contradictions import ContradictionResult, Finding, find_contradictions

import newslens
from newslens import Document
from newslens.plugins import new_plugin_manager

PIPELINE = newslens.Pipeline(
    backend="lite",
    plugins=new_plugin_manager(
        entry_points=False,
        plugins=[newslens_dates, newslens_quotes, newslens_contradictions],
    ),
    strict=True,
)


def findings(body: str, headline: str | None = None, published: str | None = None) -> list[Finding]:
    doc = PIPELINE(Document.create(body, headline=headline, published=published))
    result = doc[newslens_contradictions.CONTRADICTIONS]
    assert isinstance(result, ContradictionResult)
    for f in result.findings:
        assert f.a.text == doc.text[f.a.start : f.a.end]
        assert f.b.text == doc.text[f.b.start : f.b.end]
        assert f.a.start < f.b.start
        assert 0 < f.confidence <= 1
    return list(result.findings)


def one(body: str, headline: str | None = None, published: str | None = None) -> Finding:
    found = findings(body, headline, published)
    assert len(found) == 1, found
    return found[0]


def test_headline_negated_in_the_body() -> None:
    f = one("The city council did not approve the budget on Monday, officials said.",
            headline="Council approves budget")
    assert (f.kind, f.scope) == ("negation", "headline_body")
    assert f.a.text == "Council approves budget"
    assert f.b.text.startswith("The city council did not approve the budget")
    assert f.explanation.startswith("The headline says 'Council approves budget'; paragraph 1")


def test_a_denial_is_factive_and_b_starts_at_the_verb() -> None:
    f = one("The minister spoke to reporters on Friday. She denied resigning from the cabinet.",
            headline="Minister resigns from cabinet")
    assert (f.kind, f.scope) == ("factive", "headline_body")
    assert f.b.text == "denied resigning from the cabinet"
    assert "paragraph 1" in f.explanation


def test_a_refusal_is_factive() -> None:
    f = one("Mayor Ana Ruiz signed the harbour treaty in March. "
            "Later that week, Mayor Ana Ruiz refused to sign the harbour treaty.")
    assert (f.kind, f.scope) == ("factive", "body")


def test_opposite_predicates() -> None:
    f = one("Shares of Acme Foods rose sharply in Tuesday trading. "
            "Acme Foods shares fell sharply in Tuesday trading, brokers said.")
    assert f.kind == "antonym"
    assert {p.lower() for p in f.pieces} == {"rose", "fell"}


def test_two_tolls_of_one_flood() -> None:
    f = one("Rescuers said the flood in Marlow killed 12 people.",
            headline="Flood in Marlow kills 40")
    assert (f.kind, f.scope) == ("numeric", "headline_body")
    assert f.pieces == ("40", "12")


def test_two_rates_for_one_month() -> None:
    f = one("The jobless rate in Kelby fell to 4.2 percent in June. "
            "With the jobless rate at 5.1 percent in June, the council cut spending.")
    assert (f.kind, f.scope) == ("numeric", "body")
    assert f.pieces == ("4.2 percent", "5.1 percent")


def test_a_running_tally_in_the_body_is_not_compared() -> None:
    # a live blog updates its figures: without a date for each, they are not one claim
    assert findings("Overall, Ruiz leads with 182 votes. Later: overall, Ruiz "
                    "leads with 221 votes.") == []


def test_one_number_written_two_ways_is_not_a_contradiction() -> None:
    assert findings("About 3,000 people marched in Kelby on Sunday. "
                    "Police said three thousand people marched in Kelby.") == []


def test_numbers_of_different_things_are_not_compared() -> None:
    assert findings("The crash in Dunmore killed 4 people. "
                    "The crash in Dunmore injured 17 people.") == []


def test_one_event_on_two_days() -> None:
    f = one("The Harlow town council vote on the new bridge took place on Tuesday. "
            "The Harlow town council vote on the new bridge took place on Thursday.",
            published="2024-03-08")
    assert f.kind == "date"
    assert "2024-03-05" in f.explanation and "2024-03-07" in f.explanation


def test_two_sources_disagreeing_is_a_dispute() -> None:
    f = one('"The new factory in Brill opened in May," said Ann Lee, the plant manager. '
            '"The new factory in Brill did not open in May," said Tom Kerr, a union leader.')
    assert f.kind == "dispute"
    assert (f.a.source, f.b.source) == ("Ann Lee", "Tom Kerr")
    assert "Ann Lee and Tom Kerr disagree" in f.explanation


def test_a_correction_is_not_a_contradiction() -> None:
    assert findings("Officials said the storm killed 10 people in Ardmore. "
                    "The toll was later revised: the storm killed 12 people in Ardmore.") == []


def test_a_forecast_is_not_a_result() -> None:
    assert findings("Analysts expected sales at Pell Motors to rise 3 percent. "
                    "Sales at Pell Motors rose 2 percent.") == []


def test_a_question_asserts_nothing() -> None:
    assert findings("Putnam asked whether there would be no invasion of the valley.",
                    headline="Troops begin invasion of the valley") == []


def test_different_companies_are_different_things() -> None:
    assert findings("Acme shares rose on Monday. Zenith shares fell on Monday.") == []


def test_a_clean_article_has_no_finding() -> None:
    assert findings(
        "The Ferris county library reopened on Saturday after a two-year renovation. "
        "About 400 visitors came on the first day, the librarian said. "
        "The building now has a reading garden and a children's wing.",
        headline="Ferris library reopens after renovation",
    ) == []


@pytest.mark.parametrize("threshold", [0.0, 0.95])
def test_threshold_option(threshold: float) -> None:
    pipeline = newslens.Pipeline(backend="lite", options={"contradictions.threshold": threshold})
    doc = pipeline(Document.create("The council did not approve the budget.",
                                   headline="Council approves budget"))
    found = doc[newslens_contradictions.CONTRADICTIONS].findings
    assert (len(found) == 1) == (threshold < 0.5)


def test_empty_and_headline_only_documents() -> None:
    assert findings("Nothing here.") == []
    assert find_contradictions(newslens.annotate("", backend="lite")).findings == ()
