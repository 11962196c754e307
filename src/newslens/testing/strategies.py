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

:func:`salted_texts` generates news prose and the same prose salted with web
text that is not prose (URLs, addresses, handles, hashtags, IDs, markup:
:func:`web_noise`; boilerplate lines and sign-offs: :func:`boilerplate_lines`),
with the map between the two (:class:`SaltedText`), so that a test can check
that an analysis of the salted text, read on the prose's own spans, is the
analysis of the prose::

    from hypothesis import given
    from newslens.testing.strategies import salted_texts

    @given(salted_texts())
    def test_noise_changes_nothing(salted):
        clean = analyse(salted.clean)
        noisy = analyse(salted.noisy)
        assert [salted.clean_span(s, e) for s, e in noisy.spans] == clean.spans
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import TYPE_CHECKING, Final

import attrs
from hypothesis import strategies as st

from newslens.model import Document

if TYPE_CHECKING:
    from newslens.annotators import Annotator

__all__ = [
    "SaltedText",
    "annotated_documents",
    "articles",
    "boilerplate_lines",
    "bylines",
    "headlines",
    "make_annotator",
    "news_sentences",
    "news_texts",
    "salted_texts",
    "texts",
    "web_noise",
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


# -- web text that is not prose ----------------------------------------------------

_MONTHS: Final = ("January", "March", "June", "July", "September", "December")
_HANDLE: Final = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{1,14}", fullmatch=True)
_CODE: Final = st.from_regex(r"[A-Za-z0-9]{6,10}", fullmatch=True)
_WORD: Final = st.sampled_from(("vote", "pool", "city", "news", "storm", "budget"))


@st.composite
def _markup(draw: st.DrawFn) -> str:
    digits = draw(st.from_regex(r"[1-9][0-9]{17}", fullmatch=True))
    handle = draw(_HANDLE)
    return draw(st.sampled_from((
        f'<tweet id="{digits}" author="@{handle}" datetime="2016-06-29">',
        "</tweet>",
        "<br/>",
        f'<a href="https://example.org/{handle}">',
        "</a>",
        "<!-- embed -->",
    )))


def web_noise(kinds: tuple[str, ...] | None = None) -> st.SearchStrategy[str]:
    """Generate one piece of web text that is not prose, of one of *kinds*.

    The kinds are those of :data:`newslens.webtext.TOKEN_KINDS` (default: all):
    ``url`` (``https://t.co/Ab12cd``, ``www.example.com/x``), ``email``,
    ``handle`` (``@ana_ruiz``), ``hashtag`` (``#VoteToday``), ``id`` (18 digits
    or a hex string) and ``markup`` (a tweet tag with its attributes, a link,
    ``</tweet>``, ``<br/>``, a comment). Each is one token of that kind to the
    built-in annotators.
    """
    makers: dict[str, st.SearchStrategy[str]] = {
        "url": st.one_of(
            _CODE.map(lambda code: f"https://t.co/{code}"),
            _WORD.map(lambda word: f"www.example.com/{word}"),
            _CODE.map(lambda code: f"pic.twitter.com/{code}"),
        ),
        "email": st.builds(lambda h, w: f"{h}@{w}.example.com", _HANDLE, _WORD),
        "handle": _HANDLE.map(lambda handle: f"@{handle}"),
        "hashtag": st.builds(lambda a, b: f"#{a.title()}{b.title()}", _WORD, _WORD),
        "id": st.one_of(
            st.from_regex(r"[1-9][0-9]{11,19}", fullmatch=True),
            st.from_regex(r"[0-9a-f]{4}[0-9][a-f][0-9a-f]{6}", fullmatch=True),
        ),
        "markup": _markup(),
    }
    chosen = kinds if kinds is not None else tuple(makers)
    unknown = sorted(set(chosen) - set(makers))
    if unknown:
        raise ValueError(f"unknown kind(s) of web text: {', '.join(unknown)}")
    return st.one_of(*(makers[kind] for kind in chosen))


@st.composite
def _sign_off(draw: st.DrawFn) -> str:
    first, last = draw(st.sampled_from(_FIRST_NAMES)), draw(st.sampled_from(_LAST_NAMES))
    month, day = draw(st.sampled_from(_MONTHS)), draw(st.integers(1, 28))
    return f"— {first} {last} (@{draw(_HANDLE)}) {month} {day}, {draw(st.integers(2009, 2024))}"


@st.composite
def boilerplate_lines(draw: st.DrawFn) -> str:
    """Generate one line of boilerplate that :func:`newslens.webtext.find_boilerplate` finds whole.

    Newsletter prompts, "Read more" lines, rows of share buttons, "Follow X on
    Twitter", photo credits, "Watch the video above", "Advertisement".
    """
    name = f"{draw(st.sampled_from(_FIRST_NAMES))} {draw(st.sampled_from(_LAST_NAMES))}"
    claim = draw(st.sampled_from(_CLAIMS))
    return draw(st.sampled_from((
        "Sign up for our newsletter",
        "SIGN UP FOR OUR NEWSLETTER",
        f"Want more stories like this? Sign up for {name}'s newsletter.",
        f"READ MORE: {claim.title()}",
        f"Read more: {claim}",
        "Related coverage",
        "Share | Tweet | Email",
        "Share on Facebook",
        f"Follow {name} on Twitter @{draw(_HANDLE)}.",
        f"Photo: {name}/Getty Images",
        "Getty.",
        "Watch the video above.",
        "Advertisement",
    )))


@attrs.frozen
class SaltedText:
    """A text of prose (:attr:`clean`) and the same prose salted with web text (:attr:`noisy`).

    Attributes:
        clean: The prose.
        noisy: The prose with web text, boilerplate lines and embedded posts put in.
        pieces: ``(clean_start, noisy_start, length)`` of each stretch of
            :attr:`clean` copied into :attr:`noisy`, in order.
    """

    clean: str
    noisy: str
    pieces: tuple[tuple[int, int, int], ...]

    @classmethod
    def from_marked(cls, text: str, *, open_mark: str = "⟦", close_mark: str = "⟧") -> SaltedText:
        """Read a text whose noise is marked: ``"Rain fell. ⟦@ana ⟧It stopped."``.

        The clean text is *text* without the marked stretches, the noisy one
        *text* without the marks (for fixtures written by hand).

        Raises:
            ValueError: for a mark that is not closed, or closed without being opened.
        """
        salter = _Salter()
        pos = 0
        while True:
            start = text.find(open_mark, pos)
            stray = text.find(close_mark, pos, len(text) if start < 0 else start)
            if stray >= 0:
                raise ValueError(f"{close_mark!r} at offset {stray} closes no mark")
            if start < 0:
                break
            end = text.find(close_mark, start + len(open_mark))
            if end < 0:
                raise ValueError(f"{open_mark!r} at offset {start} is not closed")
            if start > pos:
                salter.prose(text[pos:start])
            salter.noise(text[start + len(open_mark) : end])
            pos = end + len(close_mark)
        if pos < len(text):
            salter.prose(text[pos:])
        return salter.done()

    def clean_offset(self, offset: int) -> int | None:
        """The offset in :attr:`clean` of the character at *offset* in :attr:`noisy`,
        or ``None`` when that character was put in."""
        k = bisect_right([noisy for _, noisy, _ in self.pieces], offset) - 1
        if k < 0:
            return None
        clean, noisy, length = self.pieces[k]
        return clean + offset - noisy if offset < noisy + length else None

    def clean_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of :attr:`clean` that ``noisy[start:end]`` was copied from, or
        ``None`` when it was not copied whole from one stretch of prose."""
        if end <= start:
            return None
        first, last = self.clean_offset(start), self.clean_offset(end - 1)
        if first is None or last is None or last - first != end - 1 - start:
            return None
        return first, last + 1


class _Salter:
    """Builds a :class:`SaltedText` piece by piece."""

    def __init__(self) -> None:
        self.clean: list[str] = []
        self.noisy: list[str] = []
        self.pieces: list[tuple[int, int, int]] = []
        self.clean_length = self.noisy_length = 0

    def prose(self, text: str) -> None:
        self.pieces.append((self.clean_length, self.noisy_length, len(text)))
        self.clean.append(text)
        self.noisy.append(text)
        self.clean_length += len(text)
        self.noisy_length += len(text)

    def noise(self, text: str) -> None:
        self.noisy.append(text)
        self.noisy_length += len(text)

    def done(self) -> SaltedText:
        return SaltedText("".join(self.clean), "".join(self.noisy), tuple(self.pieces))


@st.composite
def salted_texts(
    draw: st.DrawFn,
    *,
    max_paragraphs: int = 4,
    max_sentences: int = 3,
    noise: st.SearchStrategy[str] | None = None,
) -> SaltedText:
    """Generate news prose, one paragraph a line, and the same prose salted with web text.

    The noisy text has pieces of :func:`web_noise` between sentences and at
    the end of paragraphs, lines of :func:`boilerplate_lines` between
    paragraphs, and paragraphs whose last sentence is an embedded post
    (``<tweet ...>`` sentence, perhaps a sign-off such as ``— Ana Ruiz
    (@ana) June 2, 2016`` or "SIGN UP FOR OUR NEWSLETTER", ``</tweet>``). Nothing is
    put before the first sentence (where a dateline would be). The prose is
    :func:`news_sentences`.

    Args:
        max_paragraphs: Most paragraphs (at least one).
        max_sentences: Most sentences in a paragraph (at least one).
        noise: Strategy for the pieces put between sentences (default: :func:`web_noise`).
    """
    pieces = noise if noise is not None else web_noise()
    paragraphs = draw(st.lists(
        st.lists(news_sentences(), min_size=1, max_size=max_sentences),
        min_size=1, max_size=max_paragraphs,
    ))
    salter = _Salter()
    for p, sentences in enumerate(paragraphs):
        if p:
            salter.prose("\n")
            if draw(st.booleans()):
                salter.noise(draw(boilerplate_lines()) + "\n")
        for k, sentence in enumerate(sentences):
            if k:
                salter.prose(" ")
            if (p or k) and draw(st.integers(0, 2)) == 0:
                salter.noise(draw(pieces) + " ")
            embedded = k == len(sentences) - 1 and (p or k) and draw(st.integers(0, 3)) == 0
            if embedded:
                salter.noise(draw(_markup().filter(lambda tag: tag.startswith("<tweet "))))
            salter.prose(sentence)
            if embedded:
                sign_off = draw(st.sampled_from(("", "signoff", "newsletter")))
                if sign_off == "signoff":
                    salter.noise(" " + draw(_sign_off()))
                elif sign_off == "newsletter":
                    salter.noise(" SIGN UP FOR OUR NEWSLETTER")
                salter.noise("</tweet>")
        if (p or len(sentences) > 1) and draw(st.integers(0, 3)) == 0:
            salter.noise(" " + draw(pieces))
    if draw(st.booleans()):
        salter.noise("\n" + draw(boilerplate_lines()))
    return salter.done()
