"""Web text that is not prose: token kinds and boilerplate lines.

Articles scraped from the web carry URLs, e-mail addresses, @handles,
#hashtags, numeric IDs, remnants of markup (``<tweet id="..." author="@x">``)
and boilerplate ("Sign up for our newsletter", "Read more", photo credits,
the sign-off of an embedded post). This module says where they are, with
regular expressions kept here as data, so that every annotator and plugin
agrees on them:

Token kinds (:attr:`newslens.Token.kind`)
    The annotators give every token that is not a word of prose one of
    :data:`TOKEN_KINDS`; words, numbers and punctuation of prose have
    ``kind=None``.

    ================  ===============================================================
    ``url``           ``https://t.co/x1``, ``www.example.com``, ``pic.twitter.com/ab``
    ``email``         ``desk@example.com``
    ``handle``        ``@HarbourMayor`` (not the ``@`` of an e-mail address)
    ``hashtag``       ``#SaveThePier`` (a ``#`` then a word with a letter: not ``#1``)
    ``id``            a long number (8 digits or more, no separators), a hex string of
                      8 characters or more with digits and letters
                      (``9f86d081``, a UUID), or a code of 8 characters or more that
                      changes between letters and digits at least twice (``ab12cd34``):
                      see :func:`is_id`
    ``markup``        a tag with its attributes, in one piece
                      (``<tweet id="1" author="@x">``, ``</a>``, ``<br/>``), or an
                      HTML comment
    ================  ===============================================================

    Ordinary numbers (``2016``, ``3.5``, ``100,000``, ``2016-06-29``) and
    names with digits (``G7``, ``COVID-19``, ``A320neo``) are prose.

Boilerplate (:data:`BOILERPLATE` parts of a document)
    :meth:`Document.create <newslens.Document.create>` marks each stretch of
    the body matched by :data:`BOILERPLATE_LINES` (a whole line) or
    :data:`BOILERPLATE_INLINE` (anywhere in a line) as a part named
    ``boilerplate``, inside the body. The annotators split paragraphs at
    these parts, so no sentence of the body runs into one; plugins that read
    prose leave them out (:func:`in_spans` tells whether an offset lies in one).
    The kinds are those of :data:`BOILERPLATE_KINDS`; :func:`find_boilerplate`
    gives them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Final

URL: Final = "url"
"""Token kind of a web address."""
EMAIL: Final = "email"
"""Token kind of an e-mail address."""
HANDLE: Final = "handle"
"""Token kind of a social-media handle (``@name``)."""
HASHTAG: Final = "hashtag"
"""Token kind of a hashtag (``#word``)."""
ID: Final = "id"
"""Token kind of a number-like identifier (see :func:`is_id`)."""
MARKUP: Final = "markup"
"""Token kind of a markup tag with its attributes (or an HTML comment)."""

TOKEN_KINDS: Final = (URL, EMAIL, HANDLE, HASHTAG, ID, MARKUP)
"""Every value :attr:`Token.kind <newslens.Token.kind>` may take besides ``None`` (prose)."""

BOILERPLATE: Final = "boilerplate"
"""The name of the :class:`~newslens.Part` of each boilerplate stretch of the body."""

_TLDS: Final = r"com|org|net|gov|edu|int|mil|info|io|uk|eu|news|co|ly|me|tv|us|ca|de|fr"

# The pieces of web text the tokenizers keep whole, in the order they are tried at a
# position. Bounded quantifiers only: no input makes them backtrack for long.
_NOISE_RE: Final = re.compile(
    rf"""
  (?P<markup><!--[^\n]{{0,2000}}?-->
    | </?[A-Za-z][\w:.-]{{0,40}}(?:\s[^<>\n]{{0,2000}})?/?>)
| (?P<url>(?:[A-Za-z][A-Za-z0-9+.-]{{0,15}}://|[Ww][Ww][Ww]\.)[^\s<>]{{1,2000}}
    | (?<![\w@.])(?:[A-Za-z0-9-]{{1,63}}\.){{1,6}}(?:{_TLDS})/[^\s<>]{{0,2000}})
| (?P<email>(?<![\w.+-])[\w.+-]{{1,64}}@[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{1,8}})
| (?P<handle>(?<![\w@])@\w{{1,50}})
| (?P<hashtag>(?<![\w#&])\#(?=\w{{0,99}}[^\W\d])\w{{1,100}})
""",
    re.VERBOSE,
)
_TLD_BEFORE_SLASH_RE: Final = re.compile(rf"(?:\.(?:{_TLDS})|:/)/")
_URL_TRAIL: Final = ".,;:!?)]}'\"”’»"
_HEX: Final = frozenset("0123456789abcdefABCDEF-")


def may_hold_noise(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` may hold a URL, e-mail address, handle, hashtag or tag.

    A quick test (looking for ``@``, ``#``, ``<``, ``www.``, ``://`` or ``.com/``
    and the like): ``False`` means :func:`find_noise` finds nothing.
    """
    end = len(text) if end is None else end
    find = text.find
    if (
        find("@", start, end) >= 0
        or find("#", start, end) >= 0
        or find("<", start, end) >= 0
        or find("ww.", start, end) >= 0
        or find("WW.", start, end) >= 0
    ):
        return True
    slash = find("/", start, end)
    while slash >= 0:  # a slash after "://" or after a domain: few slashes in prose
        if _TLD_BEFORE_SLASH_RE.search(text, max(start, slash - 6), slash + 1):
            return True
        slash = find("/", slash + 1, end)
    return False


def find_noise(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Return the ``(start, end, kind)`` of every URL, address, handle, hashtag and tag.

    Searched in ``text[start:end]``, in text order, never overlapping. A URL
    loses trailing punctuation (``.``, ``)``, quotes...) to the prose around
    it. IDs are words to a tokenizer: they are told by :func:`is_id`.

    Example:
        >>> text = 'See <a href="x">https://t.co/ab1</a>, @nyt and #vote.'
        >>> [(text[s:e], kind) for s, e, kind in find_noise(text)]
        [('<a href="x">', 'markup'), ('https://t.co/ab1', 'url'), ('</a>', 'markup'), \
('@nyt', 'handle'), ('#vote', 'hashtag')]
    """
    end = len(text) if end is None else end
    found: list[tuple[int, int, str]] = []
    for match in _NOISE_RE.finditer(text, start, end):
        s, e = match.span()
        kind = match.lastgroup or URL
        if kind == URL:
            while e > s + 1 and text[e - 1] in _URL_TRAIL:
                e -= 1
        found.append((s, e, kind))
    return found


def _changes(word: str) -> int:
    """How many times *word* changes between letters and digits."""
    changes = 0
    previous = None
    for ch in word:
        if ch.isdigit():
            now = True
        elif ch.isalpha():
            now = False
        else:
            continue
        if previous is not None and now != previous:
            changes += 1
        previous = now
    return changes


def is_id(word: str) -> bool:
    """Whether a token is a number-like identifier rather than a number or a word.

    An ID is 8 characters or more and one of: all digits (``747986907162877952``;
    numbers with separators such as ``100,000,000`` or ``2016-06-29`` are not);
    hex digits and hyphens with at least one digit and one letter
    (``9f86d081``, ``123e4567-e89b-12d3``); or letters and digits that change
    from one to the other at least twice between two hyphens (``ab12cd34``,
    ``wX4LsVFCNN``, but not ``B737-MAX8``).

    Example:
        >>> [is_id(w) for w in ("747986907162877952", "2016", "9f86d081", "COVID-19", "A320neo")]
        [True, False, True, False, False]
    """
    if len(word) < 8:
        return False
    if word.isdigit():
        return word.isascii()
    if not word.isascii() or not any(ch.isdigit() for ch in word):
        return False
    core = word.replace("-", "").replace("_", "")
    if not core.isalnum() or not any(ch.isalpha() for ch in core):
        return False
    if set(word) <= _HEX:
        return True
    return max(map(_changes, re.split(r"[-_]", word))) >= 2


# A digit that starts a word of 8 characters or more, or follows a letter (the first
# digit of "ab12cd34", and of "G7"): every ID has such a digit, and few words do.
_ID_HINT_RE: Final = re.compile(r"\d(?:(?<=[^\W\d]\d)|(?<![\w-]\d)(?=[\w-]{7}))")
_WORD_CHARS_RE: Final = re.compile(r"[\w-]{1,200}")


def id_hints(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Return offsets in ``text[start:end]`` of every word :func:`is_id` may take, and others.

    Each offset lies in a word (a digit that starts a word of 8 characters or
    more, or that follows a letter); one regular expression finds them, quickly.
    """
    end = len(text) if end is None else end
    return [m.start() for m in _ID_HINT_RE.finditer(text, start, end)]


def id_candidates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of the words of ``text[start:end]`` that :func:`is_id` takes.

    A word is a run of letters, digits, ``_`` and ``-``.
    """
    found: list[tuple[int, int]] = []
    after = -1
    for at in id_hints(text, start, end):
        if at < after:
            continue
        s = at
        while s > start and (text[s - 1].isalnum() or text[s - 1] in "_-"):
            s -= 1
        match = _WORD_CHARS_RE.match(text, s, len(text) if end is None else end)
        if match is None:  # pragma: no cover - a hint lies in a word
            continue
        after = match.end()
        word = match.group().strip("-")
        if is_id(word):
            s += len(match.group()) - len(match.group().lstrip("-"))
            found.append((s, s + len(word)))
    return found


def token_kinds(text: str, starts: Sequence[int], ends: Sequence[int]) -> list[str | None] | None:
    """Return the kind of each token (``None`` for prose), or ``None`` when all are prose.

    For an annotator whose tokens come from elsewhere (stanza): a token gets
    the kind of the URL, address, handle, hashtag or tag it lies in (a tag
    cut into many tokens gives them all ``markup``), or ``id`` when its text
    is an ID.
    """
    kinds: list[str | None] = [None] * len(starts)
    found = False
    if may_hold_noise(text):
        for s, e, kind in find_noise(text):
            i = bisect_right(ends, s)  # the first token ending after s
            while i < len(starts) and starts[i] < e:
                kinds[i] = kind
                found = True
                i += 1
    for s, e in id_candidates(text):
        i = bisect_right(starts, s) - 1
        if i >= 0 and starts[i] == s and ends[i] == e and kinds[i] is None:
            kinds[i] = ID
            found = True
    return kinds if found else None


# -- boilerplate ---------------------------------------------------------------

_MONTHS: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

BOILERPLATE_LINES: Final = {
    "newsletter": r"(?:for more,?\s|want [^?\n]{1,80}\?\s{0,3})?(?:sign up|subscribe)\b"
    r"[^\n]{0,160}\b(?:newsletter|e-?mail|inbox|updates|alerts)\b[^\n]{0,120}"
    r"|[^\n]{0,80}\bnewsletters?\b[^\n]{0,40}\b(?:sign up|subscribe)\b[^\n]{0,80}",
    "more": r"(?:read more|read next|see also|related(?: coverage| stories| articles| content)?"
    r"|more from [^\n:]{1,40}|recommended(?: for you)?|continue reading|keep reading)"
    r"(?:\s*[:—–|»›-][^\n]{0,200})?|click here\b[^\n]{0,150}",
    "share": r"(?:share|tweet|e-?mail|print|pin|save|comments?|like|whatsapp|facebook|twitter)"
    r"(?: (?:on|this|via|to) [\w ]{1,30})?(?:\s*[|·•/,]\s*(?:share|tweet|e-?mail|print|pin"
    r"|save|comments?|like|whatsapp|facebook|twitter)(?: (?:on|this|via|to) [\w ]{1,30})?){0,8}"
    r"[.!:]?",
    "follow": r"follow [^\n.]{1,60} on (?:twitter|facebook|instagram|threads|bluesky)\b[^\n]{0,80}",
    "credit": r"(?:(?:photo|image|picture|video|photograph|illustration)s?(?: credit)?\s*:"
    r"|(?:photo|image|picture|video)s? by\b)[^\n]{0,160}"
    r"|\(?(?:getty(?: images)?|ap(?: photo)?|afp|reuters|shutterstock|epa)\)?[.]?"
    r"|[^\n]{1,80}/\s?(?:getty images|afp|ap|ap photo|reuters|epa)\)?[.]?",
    "watch": r"watch [^\n]{1,100}\b(?:above|below)\s*[.:]?",
    "advertisement": r"advertisement|sponsored content|story continues below(?: advertisement)?",
}
"""Patterns (case-insensitive) of whole lines that are boilerplate, by kind. A line
is boilerplate when one of them matches all of it, white space around it aside:
newsletter prompts, "Read more" and "Related" links, rows of share buttons,
"Follow X on Twitter", photo credits ("Photo: ...", "Getty.", ".../AFP"), "Watch
the video above" and advertisement markers."""

BOILERPLATE_INLINE: Final = {
    "signoff": rf"[—–-]{{1,2}}\s?[^\n—–()<>]{{1,80}}?\s?\(@\w{{1,50}}\)\s?{_MONTHS}\s?"
    r"\d{1,2},\s?\d{4}",
    "newsletter": r"\bsign up for (?:our|the) (?:[\w’' -]{1,40} )?newsletters?\b",
}
"""Patterns of boilerplate anywhere in a line: the sign-off of an embedded post
("— Name (@handle) June 28, 2016"; case-sensitive) and "Sign up for our
newsletter" (case-insensitive)."""

BOILERPLATE_KINDS: Final = tuple(dict.fromkeys([*BOILERPLATE_LINES, *BOILERPLATE_INLINE]))
"""The kinds of boilerplate :func:`find_boilerplate` tells apart."""

_LINE_BODY: Final = (
    r"[^\S\n]*(?:"
    + "|".join(f"(?P<{name}>(?:{pattern}))" for name, pattern in BOILERPLATE_LINES.items())
    + r")[^\S\n]*(?=\n|\Z)"
)
# The first line, then the others: a pattern that starts with a line feed is searched
# for quickly (the engine skips to each line feed), where "^" would be tried everywhere.
_FIRST_LINE_RE: Final = re.compile("(?i)" + _LINE_BODY)
_LINE_RE: Final = re.compile("(?i)\n" + _LINE_BODY)
_INLINE_RES: Final = {
    name: re.compile(pattern if name == "signoff" else f"(?i:{pattern})")
    for name, pattern in BOILERPLATE_INLINE.items()
}
_INLINE_HINTS: Final = {"signoff": ("(@",), "newsletter": ("ewsletter", "EWSLETTER")}
"""Strings one of which a text holds when the inline pattern of that kind may match it."""


def find_boilerplate(text: str) -> list[tuple[int, int, str]]:
    """Return the ``(start, end, kind)`` of the boilerplate of *text*, in order.

    Lines matched by :data:`BOILERPLATE_LINES` (trimmed) and stretches matched
    by :data:`BOILERPLATE_INLINE`, never overlapping; *kind* is one of
    :data:`BOILERPLATE_KINDS`.

    Example:
        >>> body = "Rain fell.\\nRead more: Storms ahead\\nIt stopped."
        >>> [(body[s:e], kind) for s, e, kind in find_boilerplate(body)]
        [('Read more: Storms ahead', 'more')]
    """
    found: list[tuple[int, int, str]] = []
    first = _FIRST_LINE_RE.match(text)
    for match in ([first] if first else []) + list(_LINE_RE.finditer(text)):
        kind = match.lastgroup or "more"
        s, e = match.span(kind)
        while e > s and text[e - 1].isspace():
            e -= 1
        found.append((s, e, kind))
    lines = len(found)
    for name, pattern in _INLINE_RES.items():
        if not any(hint in text for hint in _INLINE_HINTS[name]):
            continue
        for match in pattern.finditer(text):
            s, e = match.span()
            if not any(fs <= s < fe or s <= fs < e for fs, fe, _ in found):
                found.append((s, e, name))
    if len(found) > lines:
        found.sort()
    return found


def in_spans(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether *offset* lies in one of *spans* (``(start, end)`` pairs, in order, apart)."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def joined_spans(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Return *spans* (``(start, end)`` pairs) sorted, with overlapping or touching ones
    joined: the form :func:`in_spans` and :meth:`Document.not_prose_spans
    <newslens.Document.not_prose_spans>` use.

    Example:
        >>> joined_spans([(5, 10), (0, 3), (9, 12), (12, 14)])
        ((0, 3), (5, 14))
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return tuple(out)
