"""Hypothesis strategies that generate article text and documents.

Use them in property-based tests of an enricher or an annotator::

    from hypothesis import given
    from newslens.testing.strategies import annotated_documents

    @given(annotated_documents())
    def test_my_enricher_never_raises(doc):
        my_enricher(doc)

:func:`texts` is deliberately hostile (empty strings, lone whitespace, emoji,
right-to-left scripts, combining marks, control characters, every kind of line
break); :func:`news_texts` is plausible wire copy with names, quotes, numbers,
dates and abbreviations, so that an enricher meets both what it was written for
and what it will meet in the wild.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from newslens.model import Document

if TYPE_CHECKING:
    from newslens.annotators import Annotator

__all__ = [
    "annotated_documents",
    "articles",
    "bylines",
    "headlines",
    "make_annotator",
    "news_sentences",
    "news_texts",
    "texts",
]

TRICKY_CHARACTERS: Final = (
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\u2028",
    "\u2029",
    "\x00",
    "\x1b",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202e",
    "\ufeff",
    "\u0301",
    "😀",
    "👍🏽",
    "👩‍👩‍👧",
    "🇺🇸",
    "שלום",
    "مرحبا",
    "İ",
    "ß",
    "ﬁ",
    "Å",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "—",
    "…",
    ".",
    "!",
    "?",
    '"',
    "'",
    "Mr.",
    "U.S.",
    "3.5",
)
"""Characters and short strings that break naive tokenisers and offset arithmetic."""

_FIRST_NAMES: Final = ("Ana", "Tomas", "Priya", "Kwame", "Li", "Margaret", "Jean-Luc", "O'Neil")
_LAST_NAMES: Final = ("Ruiz", "Okafor", "Lindqvist", "Chen", "Haddad", "Brennan", "van Dijk")
_TITLES: Final = ("Mr.", "Ms.", "Mrs.", "Dr.", "Sen.", "Gov.", "Prof.")
_ROLES: Final = ("the mayor", "a spokeswoman", "the chief executive", "police", "officials")
_PLACES: Final = ("the U.S.", "Washington", "St. Louis", "the U.K.", "Lagos", "Port Ellen")
_ORGS: Final = ("the Harbour Authority", "Acme Corp.", "the U.N.", "the city council", "NASA")
_WHEN: Final = (
    "on Tuesday",
    "last week",
    "on March 3",
    "in 2019",
    "yesterday",
    "at 10 a.m.",
    "earlier this month",
    "on Jan. 12",
)
_AMOUNTS: Final = ("$4.5 million", "3,200", "12 percent", "No. 7", "half", "1.5 km", "17")
_VERBS: Final = ("said", "told reporters", "added", "warned", "wrote in a statement")
_CLAIMS: Final = (
    "the work will be finished by spring",
    "nobody was hurt",
    "costs had risen sharply",
    "we have done nothing wrong",
    "the plan is not dead",
    "talks would resume",
)


@st.composite
def _names(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from(_FIRST_NAMES))
    last = draw(st.sampled_from(_LAST_NAMES))
    form = draw(st.integers(0, 2))
    if form == 0:
        return f"{first} {last}"
    if form == 1:
        return f"{draw(st.sampled_from(_TITLES))} {last}"
    return last


@st.composite
def news_sentences(draw: st.DrawFn) -> str:
    """Generate one sentence of wire copy: a quote, a report, a number or a date."""
    speaker = draw(st.one_of(_names(), st.sampled_from(_ROLES)))
    claim = draw(st.sampled_from(_CLAIMS))
    when = draw(st.sampled_from(_WHEN))
    kind = draw(st.integers(0, 5))
    if kind == 0:
        verb = draw(st.sampled_from(_VERBS))
        return f"“{claim[0].upper()}{claim[1:]},” {speaker} {verb}."
    if kind == 1:
        return f'"{claim[0].upper()}{claim[1:]}," {speaker} said {when}.'
    if kind == 2:
        return f"{speaker[0].upper()}{speaker[1:]} said {when} that {claim}."
    if kind == 3:
        amount = draw(st.sampled_from(_AMOUNTS))
        place = draw(st.sampled_from(_PLACES))
        return f"About {amount} people in {place} were affected {when}, according to {speaker}."
    if kind == 4:
        org = draw(st.sampled_from(_ORGS))
        return f"{org[0].upper()}{org[1:]} did not respond to a request for comment."
    place = draw(st.sampled_from(_PLACES))
    return f"{when[0].upper()}{when[1:]}, {speaker} met {draw(_names())} in {place}."


def news_texts(*, max_paragraphs: int = 5, max_sentences: int = 4) -> st.SearchStrategy[str]:
    """Generate a plausible article body: paragraphs of wire-style sentences, one per line.

    Args:
        max_paragraphs: Most paragraphs in a body (at least one is made).
        max_sentences: Most sentences in a paragraph.
    """
    paragraph = st.lists(news_sentences(), min_size=1, max_size=max_sentences).map(" ".join)
    return st.lists(paragraph, min_size=1, max_size=max_paragraphs).map("\n".join)


def texts(*, max_size: int = 200) -> st.SearchStrategy[str]:
    """Generate any text at all, with a strong bias towards what breaks text processing.

    Includes the empty string, whitespace only, emoji (with skin tones and
    joiners), right-to-left scripts and direction marks, combining characters,
    control characters and every Unicode line break, mixed with ordinary words.

    Args:
        max_size: Most pieces (characters, words or tricky strings) joined together.
    """
    piece = st.one_of(
        st.sampled_from(TRICKY_CHARACTERS),
        st.characters(),
        st.sampled_from(_FIRST_NAMES + _LAST_NAMES + _VERBS),
        st.text(max_size=5),
    )
    joined = st.lists(piece, max_size=max_size).map("".join)
    return st.one_of(
        st.just(""),
        st.text(alphabet=" \t\n\r\u00a0\u2028", max_size=10),
        joined,
        st.text(max_size=max_size),
    )


def headlines() -> st.SearchStrategy[str | None]:
    """Generate a headline, an empty or blank one, or ``None``."""
    words = st.lists(st.sampled_from(_FIRST_NAMES + _LAST_NAMES + _CLAIMS), min_size=1, max_size=4)
    return st.one_of(st.none(), st.just(""), st.just("  "), words.map(" ".join), texts(max_size=12))


def bylines() -> st.SearchStrategy[str | None]:
    """Generate a byline (``By Ana Ruiz``), an empty or blank one, or ``None``."""
    name = st.builds(
        lambda f, la: f"By {f} {la}", st.sampled_from(_FIRST_NAMES), st.sampled_from(_LAST_NAMES)
    )
    return st.one_of(st.none(), st.just(""), name, texts(max_size=8))


def articles(*, body: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Document]:
    """Generate unannotated documents made with :meth:`Document.create <newslens.Document.create>`.

    Args:
        body: Strategy for the body text (default: :func:`news_texts` or :func:`texts`).
    """
    bodies = body if body is not None else st.one_of(news_texts(), texts())
    published = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
    return st.builds(
        Document.create,
        bodies,
        headline=headlines(),
        byline=bylines(),
        published=published,
    )


def annotated_documents(
    backend: str = "lite",
    *,
    body: st.SearchStrategy[str] | None = None,
    annotator: Annotator | None = None,
) -> st.SearchStrategy[Document]:
    """Generate documents annotated by a backend (the model-free ``lite`` one by default).

    The annotator is built once, when the strategy is made.

    Args:
        backend: ``"lite"``, or any backend a plugin's ``newslens_make_annotator``
            answers to (``"stanza"`` needs its models installed).
        body: Strategy for the body text (see :func:`articles`).
        annotator: Use this annotator instead of building one for *backend*.

    Raises:
        AnnotatorError: when the annotator for *backend* cannot be built.
    """
    if annotator is None:
        annotator = make_annotator(backend)
    return articles(body=body).map(annotator.annotate)


def make_annotator(backend: str = "lite") -> Annotator:
    """Build the annotator for *backend* (lite directly, others through the plugins).

    Raises:
        AnnotatorError: when no plugin answers for *backend* or it cannot be built.
    """
    if backend == "lite":
        from newslens.annotators.lite import LiteAnnotator

        return LiteAnnotator()
    from newslens.config import Config
    from newslens.plugins import get_plugin_manager
    from newslens.plugins import make_annotator as plugin_annotator

    return plugin_annotator(get_plugin_manager(), Config(backend=backend))
