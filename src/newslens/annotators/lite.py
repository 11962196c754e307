"""The lite annotator: paragraphs, sentences, tokens, lemmas and name candidates, no model.

:class:`LiteAnnotator` is deterministic, imports nothing heavier than the
standard library and `simplemma <https://github.com/adbar/simplemma>`_ (loaded
on first use), and annotates well over 50,000 words a second on one core. It is
meant for English news text, but any text gives a valid document.

What it does, in order, for each part of the document (headline, byline and
body are never mixed):

Paragraphs
    The headline and the byline are one paragraph each. In the body, when it
    contains a blank line, paragraphs are the blocks between blank lines;
    otherwise every non-empty line is a paragraph. Spans are trimmed. The
    stanza annotator splits the same way: both call
    :func:`newslens.annotators.paragraphs.paragraph_regions`.

Tokens
    One regular expression, with bounded quantifiers only (so no input can make
    it backtrack for long), cuts each paragraph into words, numbers and single
    punctuation marks; every character that is not white space belongs to
    exactly one token. Words keep inner hyphens and apostrophes
    (``Russia-backed``), but English clitics are split off as in the Penn
    Treebank and as stanza does (``do`` + ``n't``, ``Clinton`` + ``'s``), so
    offsets and lemmas line up with the stanza backend. Numbers keep their
    inner separators (``100,000``, ``3.5``, ``12:30``); currency signs and
    ``%`` are tokens of their own (``$`` ``1.2``, ``4.5`` ``%``). Known
    abbreviations (``newslens.annotators._lite_data``), dotted acronyms
    (``U.S.``, ``a.m.``) and initials (``W.``) keep their period. URLs, e-mail
    addresses, handles, hashtags and markup tags with their attributes are one
    token each (a URL's trailing punctuation excluded), with their ``kind``; so
    are IDs (see :mod:`newslens.webtext`). Combining marks and emoji joiners
    stay with the character they modify.

Sentences
    A sentence ends at ``.``, ``!``, ``?``, ``…`` (and the CJK and Arabic
    marks), together with any closing quotes and brackets after it, unless the
    next word starts in lower case (``"Is it over?" she asked.``), is a name
    followed by a verb of saying after ``?"`` or ``!"`` (``"Why now?" Smith
    asked.``), or follows an ellipsis without a capital. After an abbreviation
    or an initial, a sentence ends only when the next word is a capitalised
    function word (``in the U.S. The ...``) or, after ``etc.``, ``a.m.`` and
    ``p.m.``, any capitalised word; titles (``Mr.``, ``Gen.``) never end one. The
    document's ``dateline`` part (``WASHINGTON (AP) —``, ``ST. LOUIS —``; see
    :func:`newslens.model.find_dateline`) stays in the first sentence.

Lemmas
    simplemma's English dictionary (maintained, 0.2 s to load on first use,
    then a cached lookup), with a small table of fixes for clitics and forms it
    leaves ambiguous. Words are lower-cased; punctuation, numbers, URLs keep
    their text. All-capital words are only lower-cased (``NYPD`` -> ``nypd``).

Entities
    Candidate names with the label ``NAME``: maximal runs of capitalised words
    and initials within a sentence, allowing lower-case connectors inside
    (``Bank of England``, ``Charles de Gaulle``, ``Procter & Gamble``). Function
    words are dropped from the front of a run that starts a sentence or a
    quotation (``The Post`` -> ``Post`` there, but not mid-sentence), a lone
    capitalised word at the start of a sentence is kept only when it looks like
    a name (the dictionary knows it as a proper noun, does not know it, or its
    paragraph also capitalises it mid-sentence), and weekdays and months alone
    are not names. In title-case lines (most headlines), function words break
    runs, and so do ordinary words the document capitalises nowhere else
    (``Ana Ruiz Denies Tom Becker Resigned`` gives ``Ana Ruiz`` and
    ``Tom Becker``; in a headline alone, only inflected words such as
    ``Denies`` break). Web text (handles, IDs, tags, URLs: the tokens with a
    ``kind``) is never part of a name and is passed over when telling whether a
    run starts its sentence; nothing in a ``boilerplate`` part is a name. These
    are candidates, not typed entities: use the stanza backend for
    ``PERSON``/``ORG``/``GPE``.

Why rules and not a library
    We tried the sentence splitters that install from PyPI and need no model
    on a probe set of news passages (``benchmarks/probes/sentences.txt``,
    written for newslens; ``benchmarks/sentence_probe.py`` prints the table)
    and on the PolNeAr articles. pysbd (boundary F1 0.95 on the probes) is the
    most accurate of them, but alone it splits only about 40,000 words a
    second, below the 50,000 words/s this whole annotator must reach, and has
    had no release since 2021. sentencex (F1 0.95) is very fast, but it splits
    ``"Why now?" Smith asked.`` in two and returns character ranges that would
    still have to be reconciled with our tokens; like pysbd it never ends a
    sentence inside a quotation, where the treebanks, and so the stanza
    backend, do. syntok and blingfire (F1 0.92) do worse on quotations and
    abbreviations. So boundaries are decided here, on our own tokens, which
    also guarantees that no token crosses a sentence; the rules fit in a few
    hundred lines, and the word lists in ``newslens.annotators._lite_data`` can
    be read and extended. On the probes lite scores F1 0.99 (1.00 on the 30
    passages written after the rules were fixed), with the caveat that we wrote
    both; it still misses ``... in the U.K. Wages fell.``
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache, partial
from itertools import accumulate, chain, compress, count, groupby, pairwise, repeat, starmap
from operator import and_, is_not, itemgetter, sub
from sys import intern
from typing import Final

import attrs

from newslens import layers, webtext
from newslens.annotators import Annotator
from newslens.annotators import _lite_data as data
from newslens.annotators.paragraphs import paragraph_regions
from newslens.model import (
    DATELINE,
    Deferred,
    Document,
    Entity,
    Paragraph,
    Sentence,
    TokenTable,
)
from newslens.wordcache import WordCache

ENTITY_LABEL: Final = "NAME"
"""The label of every entity the lite annotator finds: a capitalised-name candidate."""

# -- token kinds -----------------------------------------------------------

_WORD: Final = 0  # a word or a number
_TERM: Final = 1  # sentence-final punctuation: . ! ? … and runs of them
_TITLE: Final = 2  # "Mr.": an abbreviation that never ends a sentence
_ABBR: Final = 3  # "Inc.", "U.S.", "W.": an abbreviation that may end a sentence
_PUNCT: Final = 4  # any other single symbol
_WEB: Final = 5  # not prose: a URL, an address, a handle, a hashtag, a tag (newslens.webtext)
_CANDIDATES: Final = frozenset({_TERM, _TITLE, _ABBR})  # kinds that may end a sentence
# Kinds (and flags, below) are small numbers: bytes.translate with these tables marks, in
# C, the tokens of a kind (or with a flag) 1 and the others 0.
_CANDIDATE_TABLE: Final = bytes(kind in _CANDIDATES for kind in range(256))

_TERMINALS: Final = ".!?…。！？؟‼⁇⁈⁉"
_CLOSERS: Final = frozenset(")]}”’»›」』")
_STRAIGHT_QUOTES: Final = frozenset("\"'")
_QUOTES: Final = frozenset("\"'“”‘’«»‹›「」『』")
_OPENERS: Final = frozenset("([{“‘«‹「『¿¡\"'")
_CONTINUERS: Final = frozenset(",;:%)]}")
_CLAUSE_OPENERS: Final = frozenset("([{“‘«‹「『\"':;—–-")
_JOINERS: Final = frozenset("\u200c\u200d\u2060") | frozenset(map(chr, range(0x1F3FB, 0x1F400)))
_TLDS: Final = r"com|org|net|gov|edu|int|mil|info|io|uk|co\.uk|eu|news"

_ACRO: Final = r"(?:[^\W\d_]{1,3}-)?[^\W\d_]\.(?:[^\W\d_]\.){1,9}"
_WORD_RE_TEXT: Final = rf"\w+(?:(?:[-'’]|(?<=\d)[.,:/](?=\d)|\.(?=(?i:{_TLDS})\b))\w+)*"
_CORE: Final = rf"""
  (?P<acro>{_ACRO})
| (?P<word>{_WORD_RE_TEXT})
| (?P<term>[{_TERMINALS}]+)
| (?P<dash>-{{2,}})
| (?P<other>\S)
"""
# The same tokens for the fast path, as re.split pieces: group 1 is the token, and
# two empty groups say which kind matched: group 2 an acronym or a run of terminals
# (a token that may end a sentence; its first character tells which), group 3 a word;
# neither is punctuation. The acronym and word patterns are _ACRO and _WORD_RE_TEXT
# rewritten for speed, with the same matches: every token starts with one character
# of \S, and a look-behind at that character then tells the alternatives apart (a
# pattern that starts with a character class lets re skip the white space between
# tokens without trying the pattern there: 9% less time in re.split); the rest of
# each alternative starts with a character class where it can (which the regex engine
# checks before trying the rest), and quantifiers are possessive where giving
# characters back could never help. The last alternative is the empty one: the first
# character alone is a punctuation token.
_LETTER: Final = r"[^\W\d_]"
_SPLIT_RE: Final = re.compile(
    rf"(\S(?:(?:(?<={_LETTER})(?:\.|{_LETTER}{{0,2}}+-{_LETTER}\.)(?:{_LETTER}\.){{1,9}}"
    rf"|(?<=[{_TERMINALS}])[{_TERMINALS}]*+)()"
    rf"|(?<=\w)\w*+(?:(?:[-'’]|[.,:/](?<=\d[.,:/])(?=\d)|\.(?=(?i:{_TLDS})\b))\w++)*+()"
    rf"|(?<=-)-++|))"
)
_STRIDE: Final = 4  # pieces per token: the space before it, the token, two marks
_MAYBE_ABBREVIATION: Final = data.TITLES | data.ABBREVIATIONS | data.NUMBER_ABBREVIATIONS
"""Words that may keep a following period (with all-capital words: see :func:`_word_kind`)."""
_APOSTROPHES: Final = ("'", "’")
_WORD_OR_PUNCT: Final = {"": _WORD, None: _PUNCT}  # from the word mark of a split piece
# Characters that may be joiners or combining marks: anything outside Latin-1 and
# the general punctuation block U+2010-U+2027 (dashes, quotes, ellipsis), which hold none.
_MAYBE_JOINER_RE: Final = re.compile(r"[^\x00-\xff\u2010-\u2027]")
_TOKEN_RE: Final = re.compile(_CORE, re.VERBOSE)
_CLITIC_RE: Final = re.compile(r"(?i)(?:n['’]t|['’](?:s|re|ve|ll|d|m))\Z")
_Tok = tuple[int, int, int]
"""A token while annotating: ``(start, end, kind)``."""


# -- lemmas ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _lemmatizer() -> Callable[[str], str]:
    """Return simplemma's English lemmatizer: what ``simplemma.lemmatize(word, "en")`` does.

    The word's own entry in the dictionary, when it has one, is looked up first
    (:func:`_english_entry`): that is the lemma simplemma gives, found without its
    chain of strategies (some 3 us a word less).
    """
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    # What simplemma.lemmatize(word, lang="en") does, without its two wrapper calls, and
    # without simplemma's own cache of 65,536 words: every caller here is already cached
    # per word (a WordCache), so that cache was never hit, and it held some 4 MiB.
    lemmatizer = Lemmatizer(cache_max_size=0, lemmatization_strategy=DefaultStrategy(greedy=False))
    lemmatize = partial(lemmatizer.lemmatize, lang="en")
    entry = _english_entry()
    if entry is None:
        return lemmatize

    def lemma(word: str) -> str:
        found = entry(word)
        return found if found else lemmatize(word)  # an empty entry: simplemma looks further

    return lemma


@lru_cache(maxsize=1)
def _english_entry() -> Callable[[str], str | None] | None:
    """Return a function giving a word's own entry in simplemma's English dictionary.

    simplemma's default strategy answers a word that is not a number with its
    entry (after NFC normalisation, which the dictionary's keys have) or, when it
    has none, with the entry of the word with its first letter's case turned
    (``Rivers`` -> ``rivers``, ``nasa`` -> ``Nasa``) before anything else, and
    ``is_known`` says yes to any word with either; the function gives that entry,
    or ``None`` (for a number too, which is its own lemma).
    The dictionary is simplemma's default one, which both share, so it is loaded
    once. ``None`` instead of a function with a simplemma that has no such
    shared dictionary (before 2.0).
    """
    try:
        from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY
    except ImportError:  # pragma: no cover - simplemma before 2.0
        return None
    get = DEFAULT_DICTIONARY_FACTORY.get_dictionary("en").get

    def entry(word: str) -> str | None:
        token = unicodedata.normalize("NFC", word)
        if token.isnumeric():
            return None
        found = get(token)
        if found is None:  # then the word with its first letter's case the other way
            found = get(token.lower() if token[:1].isupper() else token.capitalize())
        return found

    return entry


@lru_cache(maxsize=1)
def _dictionary() -> Callable[[str], bool]:
    """Return ``simplemma.is_known(word, "en")``, the word's own entry looked up first."""
    import simplemma

    entry = _english_entry() or (lambda word: None)

    def known(word: str) -> bool:
        return entry(word) is not None or bool(simplemma.is_known(word, lang="en"))

    return known


def lemma_of(text: str) -> str:
    """Return the lite lemma of one token's text (kept for the next time).

    Words are lemmatised with simplemma (and a table of fixes) and lower-cased;
    all-capital words are only lower-cased; anything without a letter (numbers,
    punctuation, symbols) is its own lemma.

    Example:
        >>> [lemma_of(w) for w in ("said", "Told", "denied", "n't", "3.5", ",")]
        ['say', 'tell', 'deny', 'not', '3.5', ',']
    """
    return _LEMMAS(text)


def _lemma(text: str) -> str:
    if not text.isalpha() and not any(map(str.isalpha, text)):
        return text
    lower = text.lower()
    fixed = data.LEMMA_OVERRIDES.get(lower)
    if fixed is not None:
        return fixed
    if "." in text or "@" in text or (len(text) > 1 and text.isupper()) or len(text) > 40:
        return _same(lower, text)
    try:
        return _same(_lemmatizer()(text).lower(), text)
    except UnicodeEncodeError:  # a lone surrogate, which simplemma cannot look up
        return _same(lower, text)


def _same(lemma: str, text: str) -> str:
    """*lemma*, or *text* itself when they are equal: the cache then keeps one string for
    both (most words are their own lemma)."""
    return text if lemma == text else lemma


_LEMMAS: Final = WordCache(_lemma)


def clear_word_caches() -> None:
    """Empty the lite annotator's per-word caches (lemmas, name flags).

    They fill as documents are read and are bounded; simplemma's dictionary
    stays loaded.
    """
    _LEMMAS.cache_clear()
    _word_flags.cache_clear()
    _title_word.cache_clear()
    _dictionary_words.cache_clear()


# -- tokens ------------------------------------------------------------------


def _is_joiner(ch: str) -> bool:
    return ch in _JOINERS or unicodedata.category(ch)[0] == "M"


def _word_kind(text: str, word: str, end: int, endpos: int) -> int:
    """Return the kind of *word* plus a following period, or -1 if the period is not its own."""
    if end >= endpos or text[end] != ".":
        return -1
    if end + 1 < endpos and text[end + 1] in _TERMINALS:
        return -1
    key = word.capitalize() if len(word) > 1 and word.isupper() else word
    if key in data.TITLES:
        return _TITLE
    if key in data.ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return _ABBR
    if word in data.NUMBER_ABBREVIATIONS:
        rest = text[end + 1 : min(endpos, end + 4)].lstrip()
        if rest[:1].isdigit():
            return _TITLE
    return -1


def _has_web_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold a URL, an address, a handle, a hashtag or a tag."""
    return webtext.may_hold_noise(text, start, end)


def _add_word(out: list[_Tok], text: str, s: int, e: int, end: int) -> int:
    """Append the word ``text[s:e]`` to *out*; return where the next token may start.

    The word takes a following period when it is an abbreviation, loses an
    English clitic to a token of its own, and joins the token before it when
    a joiner lies between them.
    """
    word = text[s:e]
    kind = _word_kind(text, word, e, end)
    if kind >= 0:
        out.append((s, e + 1, kind))
        return e + 1
    clitic = _CLITIC_RE.search(word) if ("'" in word or "’" in word) else None
    if clitic is not None and clitic.start() > 0:
        out.append((s, s + clitic.start(), _WORD))
        out.append((s + clitic.start(), e, _WORD))
    elif out and out[-1][1] == s and _is_joiner(text[s - 1]):
        out[-1] = (out[-1][0], e, _WORD)
    else:
        out.append((s, e, _WORD))
    return -1


def _add_symbol(out: list[_Tok], text: str, s: int, e: int) -> None:
    """Append the symbol ``text[s:e]``, or join it to the token before through a joiner."""
    if out and out[-1][1] == s and (_is_joiner(text[s]) or _is_joiner(text[s - 1])):
        prev = out[-1]
        out[-1] = (prev[0], e, prev[2] if prev[2] in (_WORD, _PUNCT) else _PUNCT)
    else:
        out.append((s, e, _PUNCT))


_SIMPLE_KINDS: Final = {"term": _TERM, "acro": _ABBR, "dash": _PUNCT}


def _tokenize(
    text: str, start: int, end: int, labels: dict[int, str] | None = None
) -> list[_Tok]:
    """Cut ``text[start:end]`` into ``(start, end, kind)`` tokens covering every non-space.

    The general tokenizer, for paragraphs with web text (URLs, addresses,
    handles, hashtags, tags: :func:`newslens.webtext.find_noise`, each one
    token of kind ``_WEB``), joiners or combining marks; :func:`_scan` takes a
    faster road through the others. The kind of each piece of web text is
    recorded in *labels* by its start offset.
    """
    if not _has_web_address(text, start, end):
        return _tokenize_prose(text, start, end)
    out: list[_Tok] = []
    pos = start
    for s, e, kind in webtext.find_noise(text, start, end):
        out += _tokenize_prose(text, pos, s)
        out.append((s, e, _WEB))
        if labels is not None:
            labels[s] = kind
        pos = e
    out += _tokenize_prose(text, pos, end)
    return out


def _tokenize_prose(text: str, start: int, end: int) -> list[_Tok]:
    """Tokenize ``text[start:end]``, which holds no web text (see :func:`_tokenize`)."""
    out: list[_Tok] = []
    skip = -1
    for match in _TOKEN_RE.finditer(text, start, end):
        s, e = match.span()
        if s < skip:
            continue
        group = match.lastgroup
        if group == "word":
            skip = _add_word(out, text, s, e, end)
        elif group == "other":
            _add_symbol(out, text, s, e)
        else:  # a term, an acronym or a dash
            out.append((s, e, _SIMPLE_KINDS[group or "dash"]))
    return out


class _Tokens:
    """The tokens of a whole document as parallel lists (cheaper than a tuple per token).

    Attributes:
        starts: Offset of each token's first character.
        ends: Offset after each token's last character.
        kinds: Each token's kind (``_WORD``, ``_TERM``...).
        words: Each token's text.
        firsts: Index of the first token of each paragraph, in order (a
            paragraph is trimmed, so it has at least one token).
        candidates: Indices of the tokens that may end a sentence (``_TERM``,
            ``_ABBR``, ``_TITLE``), in order.
        general: ``(first, end)`` index ranges of the tokens made by the
            general tokenizer (kinds the fast path never gives, such as
            ``_WEB``, may occur there).
        labels: The :data:`newslens.webtext.TOKEN_KINDS` kind of each token
            that is not prose, by token index (most documents: none).
    """

    __slots__ = ("candidates", "ends", "firsts", "general", "kinds", "labels", "starts", "words")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.kinds: list[int] = []
        self.words: list[str] = []
        self.firsts: list[int] = []
        self.candidates: list[int] = []
        self.general: list[tuple[int, int]] = []
        self.labels: dict[int, str] = {}

    def limit(self, i: int) -> int:
        """Return the index after the last token of the paragraph of token ``i``."""
        p = bisect_right(self.firsts, i)
        return self.firsts[p] if p < len(self.firsts) else len(self.kinds)


def _needs_general_tokenizer(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold a URL, an e-mail address, a joiner or a mark."""
    if _has_web_address(text, start, end):
        return True
    if text.isascii():  # known without reading the text: Python records it
        return False
    return any(_is_joiner(ch) for ch in set(_MAYBE_JOINER_RE.findall(text, start, end)))


def _marked(marks: list[str | None]) -> Iterator[int]:
    """Yield the indices of the tokens whose mark group matched (``""``, not ``None``)."""
    return compress(count(), map(is_not, marks, repeat(None)))


_Columns = tuple[list[int], list[int], list[int], list[str]]
"""Tokens as ``(starts, ends, kinds, words)``."""


def _scan(text: str, start: int, end: int, limits: Sequence[int] = ()) -> _Columns:
    """Tokenize ``text[start:end]`` exactly as :func:`_tokenize` would, if it needs no URL rules.

    The text must hold no URL, e-mail address, joiner or combining mark (see
    :func:`_needs_general_tokenizer`); almost every paragraph of news qualifies.
    Then no token is ever merged with its neighbour: one ``re.split`` gives
    every token, the white space between them (hence the offsets) and which
    kind of token each is, with no Python code per token. Only words followed
    by a period (abbreviations?) and words with an apostrophe (clitics?) are
    then looked at one by one.

    The text may be several paragraphs at once: ``limits`` are their ends, in
    order (by default ``end`` alone). The tokens are those of each paragraph
    tokenized on its own, since paragraphs are separated by white space, which
    no token holds and no rule looks across, except ``No.`` before a digit,
    which looks no further than its paragraph's end.
    """
    pieces = _SPLIT_RE.split(text[start:end])
    kinds = list(map(_WORD_OR_PUNCT.__getitem__, pieces[3::_STRIDE]))
    marks = pieces[2::_STRIDE]
    # Then only the white space and the tokens, in turn, whose lengths give the offsets.
    del pieces[3::_STRIDE]
    del pieces[2 :: _STRIDE - 1]
    offsets = list(accumulate(map(len, pieces), initial=start))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    words: list[str] = pieces[1::2]
    terms: list[int] = []
    for i in _marked(marks):
        if words[i][0] in _TERMINALS:
            kinds[i] = _TERM
            terms.append(i)
        else:
            kinds[i] = _ABBR
    # Words followed by a lone period: abbreviations that keep it? (A word followed by
    # "..." or ".!" never keeps the period, see _word_kind.)
    # Only words that may be abbreviations (_MAYBE_ABBREVIATION: a superset of the words
    # _word_kind may keep the period for) are looked at; most are sentence ends.
    dotted = {
        t - 1
        for t in terms
        if words[t] == "."
        and t
        and kinds[t - 1] == _WORD
        and ends[t - 1] == starts[t]
        and (words[t - 1] in _MAYBE_ABBREVIATION or words[t - 1].isupper())
    }
    quoted: dict[int, int] = {}  # words that end in an English clitic: where it starts
    for apostrophe in _APOSTROPHES:  # str.find runs faster than a regular expression here
        at = text.find(apostrophe, start, end)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            if kinds[i] == _WORD:
                clitic = _CLITIC_RE.search(words[i])
                if clitic is not None and clitic.start() > 0:
                    quoted[i] = clitic.start()
                at = text.find(apostrophe, ends[i], end)  # past the word's other apostrophes
            else:
                at = text.find(apostrophe, at + 1, end)
    if not dotted and not quoted:
        return starts, ends, kinds, words
    # Rebuild the columns in one pass, copying the runs between the tokens that change
    # (editing the lists in place would cost time quadratic in the document's length).
    limits = limits or (end,)
    new_starts: list[int] = []
    new_ends: list[int] = []
    new_kinds: list[int] = []
    new_words: list[str] = []
    pos = 0  # the first token not copied yet
    for i in sorted(dotted.union(quoted)):
        if i < pos:  # the period an abbreviation took
            continue
        new_starts += starts[pos:i]
        new_ends += ends[pos:i]
        new_kinds += kinds[pos:i]
        new_words += words[pos:i]
        pos = i + 1
        word = words[i]
        if i in dotted:
            limit = limits[bisect_left(limits, ends[i])]  # the end of the word's paragraph
            kind = _word_kind(text, word, ends[i], limit)
            if kind >= 0:  # the period is the abbreviation's: it leaves the next token
                new_starts.append(starts[i])
                new_ends.append(ends[i] + 1)
                new_kinds.append(kind)
                new_words.append(word + ".")
                pos = i + 2
                continue
        split = quoted.get(i)
        if split is not None:  # a word, then its clitic
            cut = starts[i] + split
            new_starts += (starts[i], cut)
            new_ends += (cut, ends[i])
            new_kinds += (_WORD, _WORD)
            new_words += (word[:split], word[split:])
            continue
        new_starts.append(starts[i])
        new_ends.append(ends[i])
        new_kinds.append(kinds[i])
        new_words.append(word)
    new_starts += starts[pos:]
    new_ends += ends[pos:]
    new_kinds += kinds[pos:]
    new_words += words[pos:]
    return new_starts, new_ends, new_kinds, new_words


def _tokenize_paragraphs(text: str, regions: list[list[tuple[int, int]]]) -> _Tokens:
    """Tokenize the paragraphs of a document, given as the paragraph spans of each region.

    Consecutive paragraphs of one region that the fast path can take (in most
    documents, all of them) go to :func:`_scan` in one piece; the others, one
    by one, to :func:`_tokenize`. Regions are never scanned together: parts
    may abut without white space between them.
    """
    toks = _Tokens()
    maybe_general = _needs_general_tokenizer(text, 0, len(text))
    for spans in filter(None, regions):
        runs: Iterable[tuple[bool, Iterable[tuple[int, int]]]] = (
            groupby(spans, key=lambda span: _needs_general_tokenizer(text, *span))
            if maybe_general
            else [(False, spans)]
        )
        for general, run in runs:
            if general:
                for start, end in run:
                    first = len(toks.kinds)
                    toks.firsts.append(first)
                    labels: dict[int, str] = {}
                    for s, e, kind in _tokenize(text, start, end, labels):
                        if kind == _WEB:
                            toks.labels[len(toks.kinds)] = labels[s]
                        toks.starts.append(s)
                        toks.ends.append(e)
                        toks.kinds.append(kind)
                        toks.words.append(text[s:e])
                    toks.general.append((first, len(toks.kinds)))
                continue
            paragraphs = list(run)
            limits = [end for _, end in paragraphs]
            starts, ends, kinds, words = _scan(text, paragraphs[0][0], limits[-1], limits)
            base = len(toks.kinds)
            toks.firsts += [base + bisect_left(starts, start) for start, _ in paragraphs]
            toks.starts += starts
            toks.ends += ends
            toks.kinds += kinds
            toks.words += words
    # One string object per distinct word: the per-word caches of the annotator and
    # of the plugins then share their keys, rather than each keeping the copy of the
    # document it first met the word in (about 2 MiB less in a worker after 8,000
    # articles; benchmarks/scale.py).
    toks.words = list(map(intern, toks.words))
    toks.candidates = _ones(bytes(toks.kinds).translate(_CANDIDATE_TABLE))
    _label_ids(text, toks)
    return toks


def _ones(marks: bytes) -> list[int]:
    """Return the indices of the bytes of *marks* that are 1, in order (few are).

    ``bytes.find`` runs to the next one in C: cheaper than a test per byte.
    """
    found: list[int] = []
    at = marks.find(1)
    while at >= 0:
        found.append(at)
        at = marks.find(1, at + 1)
    return found


def _label_ids(text: str, toks: _Tokens) -> None:
    """Label the word tokens that are IDs (:func:`newslens.webtext.is_id`) ``id``.

    Every ID has a digit: the tokens of 8 characters or more holding one are
    found from the digits (``str.find`` runs through text far faster than a
    regular expression that starts with a character class), and only they are
    checked.
    """
    starts, words, kinds = toks.starts, toks.words, toks.kinds
    long_words: set[int] = set()
    find = text.find
    for digit in "0123456789":
        at = find(digit)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            if len(words[i]) >= 8:
                long_words.add(i)
                at = find(digit, toks.ends[i])
            else:
                at = find(digit, at + 1)
    for i in long_words:
        if kinds[i] == _WORD and webtext.is_id(words[i]):
            toks.labels[i] = webtext.ID


# -- sentences ---------------------------------------------------------------


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _attribution_follows(toks: _Tokens, k: int, n: int) -> bool:
    """Whether the tokens from ``k`` (before ``n``) read as a name and a verb of saying.

    As in "Smith asked" after ``"Why now?"``.
    """
    names = 0
    for q in range(k, min(k + 6, n)):
        word, kind = toks.words[q], toks.kinds[q]
        if kind in (_WORD, _TITLE, _ABBR) and _is_capitalised(word):
            names += 1
            continue
        return names > 0 and kind == _WORD and word in data.SPEECH_VERBS
    return False


def _is_boundary(text: str, toks: _Tokens, i: int, j: int, n: int) -> bool:
    """Whether a sentence ends after token ``i`` (closers up to token ``j`` excluded).

    ``n`` is the index after the last token of the paragraph.
    """
    starts, kinds, words = toks.starts, toks.kinds, toks.words
    kind = kinds[i]
    first = text[starts[j]]
    if first in _CONTINUERS or kinds[j] == _TERM:
        return False
    k = j
    labels = toks.labels  # web text says nothing of sentences: the next word decides
    while k < n and (
        (kinds[k] == _PUNCT and text[starts[k]] in _OPENERS) or (labels and k in labels)
    ):
        k += 1
    if k == n:
        return False
    word = words[k]
    initial = word[0]
    if initial.islower():
        return False
    if kind == _TERM:
        mark = words[i]
        if "…" in mark or ".." in mark:
            return initial.isupper()
        quoted = any(text[starts[q]] in _QUOTES for q in range(i + 1, j))
        asked = quoted and ("?" in mark or "!" in mark)
        return not (asked and _attribution_follows(toks, k, n))
    if kind == _TITLE or not initial.isupper():
        return False
    if word.lower() in data.SENTENCE_STARTERS:
        return True
    abbreviation = words[i]
    return (
        abbreviation[:-1] in data.ENDING_ABBREVIATIONS or abbreviation in data.ENDING_ABBREVIATIONS
    ) and word not in data.NOT_AFTER_TIME


def _sentence_starts(text: str, toks: _Tokens, protected: tuple[int, int]) -> list[int]:
    """Return the indices of the tokens that start a sentence, in order.

    Every paragraph's first token starts one. Then only the tokens that may
    end a sentence are visited; the closing quotes and brackets after one
    belong to its sentence. No candidate within the dateline, the span
    ``protected`` (``(start, end)`` offsets), ends a sentence.
    """
    found: list[int] = []
    offsets, ends, kinds = toks.starts, toks.ends, toks.kinds
    dateline_start, dateline_end = protected
    # The candidates come in order: the end of a candidate's paragraph (what toks.limit
    # gives) is found by walking the paragraphs' first tokens along with them.
    limits = iter([*toks.firsts[1:], len(kinds)])
    n = -1
    for i in toks.candidates:
        if ends[i] <= dateline_end and offsets[i] >= dateline_start:
            continue
        while n <= i:
            n = next(limits)
        j = i + 1
        while j < n and kinds[j] == _PUNCT:
            ch = text[offsets[j]]
            if ch in _CLOSERS or (offsets[j] == ends[j - 1] and ch in _STRAIGHT_QUOTES):
                j += 1
            else:
                break
        if j < n and _is_boundary(text, toks, i, j, n):
            found.append(j)  # inside the paragraph, so never one of its first tokens
    return sorted(toks.firsts + found)


# -- entities ----------------------------------------------------------------

_ALPHA: Final = 1  # starts with a letter (bit 0, so that ``f & _ALPHA`` counts such words)
_NAME: Final = 2  # a capitalised word that may be part of a name
_STOP: Final = 4  # a function word, in any case
_CONNECTOR: Final = 8  # may join the capitalised words of one name
_NAME_KINDS: Final = (_WORD, _ABBR, _TITLE)
_NAME_TABLE: Final = bytes(1 if flags & _NAME else 0 for flags in range(256))


def _is_name_word(word: str, kind: int) -> bool:
    if kind not in _NAME_KINDS or not word[:1].isalpha():
        return False
    if not word[0].isupper():
        if word.islower():  # the common case: no capital anywhere, so no "al-Assad"
            return False
        lower = word.lower()
        return any(
            lower.startswith(p) and word[len(p) : len(p) + 1].isupper() for p in data.NAME_PREFIXES
        )
    if "-" in word:
        return all(not part[:1].isalpha() or part[0].isupper() for part in word.split("-"))
    return True


def _compute_flags(word: str) -> int:
    """Return the ``_ALPHA | _NAME | _STOP | _CONNECTOR`` flags of a word token's text."""
    flags = _ALPHA if word[:1].isalpha() else 0
    if not word.islower() and _is_name_word(word, _WORD):  # no capital (most words): no name
        flags |= _NAME
    if word.lower() in data.STOPWORDS:
        flags |= _STOP
    if word in data.CONNECTORS:
        flags |= _CONNECTOR
    return flags


_word_flags: Final = WordCache(_compute_flags)


def _flags(toks: _Tokens, boilerplate: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Return the flags of every token: :func:`_compute_flags`, less what its kind rules out.

    Tokens in *boilerplate* (``(start, end)`` spans) are no words at all: its
    capitals say nothing of names elsewhere.
    """
    flags = _word_flags.many(toks.words)
    kinds = toks.kinds
    # A URL starts with a letter but is no name; merged marks are punctuation.
    for lo, hi in toks.general:
        flags[lo:hi] = [
            f & ~(_ALPHA | _NAME) if kind == _PUNCT else f if kind in _NAME_KINDS else f & ~_NAME
            for f, kind in zip(flags[lo:hi], kinds[lo:hi], strict=True)
        ]
    for i in toks.labels:  # web text and IDs: never a word of a name, nor a word at all
        flags[i] &= ~(_ALPHA | _NAME)
    for start, end in boilerplate:
        lo, hi = bisect_left(toks.starts, start), bisect_left(toks.starts, end)
        flags[lo:hi] = [f & ~(_ALPHA | _NAME) for f in flags[lo:hi]]
    return flags


def _title_case(flags: list[int], lo: int, hi: int, names: int) -> int:
    """Whether the sentence of tokens ``[lo, hi)``, with *names* name words, is title case.

    ``_TITLE_CASE``: at least 4 words, 70% of them capitalised;
    ``_STRICT_TITLE``: every word is, but function words (a headline); else 0.
    """
    if names < 3:
        return 0
    words = sum(map(and_, flags[lo:hi], repeat(_ALPHA)))  # _ALPHA is 1: this counts them
    if words < 4 or names < 0.7 * words:
        return 0
    lower_stops = sum(1 for f in flags[lo:hi] if f & _STOP and not f & _NAME)
    return _STRICT_TITLE if names + lower_stops == words else _TITLE_CASE


def _name_runs(
    text: str,
    toks: _Tokens,
    flags: list[int],
    names: list[int],
    sentences: Iterable[tuple[int, int]],
) -> list[tuple[int, int, bool, int]]:
    """Return the capitalised runs of every sentence: ``(first, last, initial, title_case)``.

    ``names`` are the indices of the document's tokens flagged ``_NAME``;
    ``sentences`` the ``(first, end)`` token ranges of the sentences, in order.
    ``first`` and ``last`` are token indices; ``initial`` tells whether the run
    starts the sentence or a clause (after a quote, a bracket, a colon or a
    dash); ``title_case`` whether most words of the sentence are capitalised,
    so that capitals there say little (``_TITLE_CASE``; ``_STRICT_TITLE`` when
    every word but function words is; 0 otherwise).
    """
    runs: list[tuple[int, int, bool, int]] = []
    offsets, labels = toks.starts, toks.labels
    k = 0  # names[k:] lie in this sentence or after it
    for lo, hi in sentences:
        if k == len(names):
            break
        j = bisect_left(names, hi, k)
        if j == k:
            continue
        inside = names[k:j]
        k = j
        title_case = _title_case(flags, lo, hi, len(inside))
        stop = _STOP if title_case else 0  # function words are no names in title case
        after = -1
        for q in inside:
            if q <= after or flags[q] & stop:
                continue
            first = last = q
            r = q + 1
            while r < hi:
                f = flags[r]
                if f & _NAME and not f & stop:
                    last = r
                    r += 1
                    continue
                if not f & _CONNECTOR:
                    break
                t = r + 1  # one or two connectors, then a name
                if t < hi and flags[t] & _CONNECTOR:
                    t += 1
                if t < hi and flags[t] & _NAME:
                    r = t
                    continue
                break
            before = first - 1
            if labels:
                while before >= lo and before in labels:  # web text says nothing of clauses
                    before -= 1
            initial = before < lo or text[offsets[before]] in _CLAUSE_OPENERS
            runs.append((first, last, initial, title_case))
            after = last
    return runs


def _is_dictionary_word(word: str) -> bool:
    """Whether a capitalised word is, by its form and the dictionary, an ordinary word.

    An ordinary word is all letters, not all capitals, known to the dictionary
    and not lemmatised as a proper noun. The answer is kept per word.
    """
    return _dictionary_words(word)


def _compute_dictionary_word(word: str) -> bool:
    if not word.isalpha() or word.isupper():
        return False
    lower = word.lower()
    return _dictionary()(lower) and not _lemmatizer()(lower)[:1].isupper()


_dictionary_words: Final = WordCache(_compute_dictionary_word)


def _capitalised_elsewhere(
    words: list[str], runs: list[tuple[int, int, bool, int]], lo: int, hi: int
) -> frozenset[str]:
    """Return the words of ``runs[lo:hi]`` that are capitalised where capitals mean names.

    That is, in runs outside title-case sentences, less the first word of a
    run that starts a sentence or a clause.
    """
    return frozenset(
        words[q]
        for first, last, initial, title_case in runs[lo:hi]
        if not title_case
        for q in range(first + 1 if initial else first, last + 1)
    )


_TITLE_CASE: Final = 1  # a sentence whose capitals say little: most of its words have one
_STRICT_TITLE: Final = 2  # ... every one but function words (a headline in title case)
_ORDINARY: Final = 1  # an ordinary word (_is_dictionary_word)
_INFLECTED: Final = 2  # ... whose lemma is not the word itself ("Denies", "Invited")


def _compute_title_word(word: str) -> int:
    """Return the ``_ORDINARY | _INFLECTED`` flags of a capitalised word of a title-case line."""
    if not _is_dictionary_word(word):
        return 0
    lower = word.lower()
    return _ORDINARY | (_INFLECTED if _lemmatizer()(lower).lower() != lower else 0)


_title_word: Final = WordCache(_compute_title_word)


_Run = tuple[int, int, bool, int]
"""A capitalised run: ``(first, last, initial, title_case)`` (see :func:`_name_runs`)."""


def _capitalised_in_prose(word: str, words: list[str], runs: list[_Run], firsts: list[int]) -> bool:
    """Whether *word* is capitalised somewhere capitals mean names: inside a run of a
    sentence that is not title case, and not as the first word of a run that starts
    its sentence or clause (*firsts*: each run's first token)."""
    i = -1
    while True:
        try:
            i = words.index(word, i + 1)
        except ValueError:
            return False
        r = bisect_right(firsts, i) - 1
        if r >= 0:
            first, last, initial, title_case = runs[r]
            if not title_case and i <= last and (i > first or not initial):
                return True


def _split_title_case_runs(runs: list[_Run], flags: list[int], words: list[str]) -> list[_Run]:
    """Cut the runs of title-case lines at the ordinary words between names.

    "Ana Ruiz Denies Tom Becker Resigned" gives "Ana Ruiz" and "Tom
    Becker". Only lines where every word but function words is capitalised are
    cut (not prose that is merely full of names): a run is cut at an ordinary
    word (:func:`_is_dictionary_word`) that the document capitalises nowhere
    else where capitals mean names, when the document has such capitals to go
    by or the word is inflected.
    Connectors are kept only between two names that stay.
    """
    titled = [
        i for i in compress(count(), map(itemgetter(3), runs))
        if runs[i][3] == _STRICT_TITLE and runs[i][1] > runs[i][0]
    ]
    if not titled:
        return runs
    firsts = list(map(itemgetter(0), runs))
    prose_names = not all(map(itemgetter(3), runs))  # capitals to go by elsewhere
    out: list[_Run] = []
    pos = 0
    for i in titled:
        out += runs[pos:i]
        pos = i + 1
        first, last, initial, _ = runs[i]
        start = end = -1
        for q in range(first, last + 1):
            if not flags[q] & _NAME:
                continue  # a connector: inside the piece if a name follows
            kind = _title_word(words[q])
            if (kind & _INFLECTED or (kind and prose_names)) and not _capitalised_in_prose(
                words[q], words, runs, firsts
            ):
                if start >= 0:
                    out.append((start, end, initial and start == first, True))
                start = -1
                continue
            if start < 0:
                start = q
            end = q
        if start >= 0:
            out.append((start, end, initial and start == first, True))
    out += runs[pos:]
    return out


def _entities(
    text: str,
    toks: _Tokens,
    sentence_starts: list[int],
    boilerplate: Sequence[tuple[int, int]] = (),
) -> Iterator[tuple[int, int]]:
    """Yield the ``(first, last)`` token indices of name candidates, in order (none in
    *boilerplate*); *sentence_starts* are the indices of the tokens that start a sentence."""
    flags = _flags(toks, boilerplate)
    names = list(compress(count(), bytes(flags).translate(_NAME_TABLE)))
    if not names:
        return
    words, firsts = toks.words, toks.firsts
    sentences = pairwise(chain(sentence_starts, (len(flags),)))  # each (first, end)
    runs = _name_runs(text, toks, flags, names, sentences)
    runs = _split_title_case_runs(runs, flags, words)
    run_firsts: list[int] = []
    paragraph, elsewhere = -1, frozenset[str]()
    for first, last, initial, title_case in runs:
        if initial:
            while first <= last and flags[first] & _STOP:
                first += 1
            if first > last:
                continue
        word = words[first]
        if first == last:
            if flags[first] & _STOP or word.rstrip(".") in data.WEEKDAYS_MONTHS:
                continue
            if (initial or title_case) and _is_dictionary_word(word):
                # Still a name if its paragraph capitalises it elsewhere. That set of
                # words is made only for the paragraphs that need it.
                p = bisect_right(firsts, first)
                if p != paragraph:
                    run_firsts = run_firsts or [run[0] for run in runs]
                    lo = bisect_left(run_firsts, firsts[p - 1])
                    hi = bisect_left(run_firsts, firsts[p]) if p < len(firsts) else len(runs)
                    paragraph, elsewhere = p, _capitalised_elsewhere(words, runs, lo, hi)
                if word not in elsewhere:
                    continue
        yield first, last


# -- the annotator -------------------------------------------------------------


def _entity_list(
    text: str,
    toks: _Tokens,
    sentence_starts: list[int],
    boilerplate: Sequence[tuple[int, int]] = (),
) -> list[Entity]:
    """Return the ``NAME`` candidates of a document (its tokens, and the indices of
    those that start a sentence).

    Candidates in *boilerplate* (``(start, end)`` spans, in order) are left out.
    """
    starts, ends = toks.starts, toks.ends
    return [
        Entity(starts[first], ends[last], ENTITY_LABEL, text[starts[first] : ends[last]])
        for first, last in _entities(text, toks, sentence_starts, boilerplate)
    ]


class LiteAnnotator(Annotator):
    """Model-free annotator: paragraphs, sentences, tokens, lemmas and ``NAME`` candidates.

    Fast and deterministic, with no model to install; the module's documentation
    gives its rules. It does not tag parts of speech or parse.

    Example:
        >>> doc = LiteAnnotator().annotate(Document.create("Mr. Lee said no. He left."))
        >>> [doc.text[s.start : s.end] for s in doc.sentences]
        ['Mr. Lee said no.', 'He left.']
        >>> [(t.text, t.lemma) for t in doc.tokens[:3]]
        [('Mr.', 'mr.'), ('Lee', 'lee'), ('said', 'say')]
        >>> [(e.text, e.label) for e in doc.entities]
        [('Mr. Lee', 'NAME')]
    """

    name = "lite"
    layers = frozenset(
        {layers.PARAGRAPHS, layers.SENTENCES, layers.TOKENS, layers.LEMMAS, layers.ENTITIES}
    )

    def annotate(self, doc: Document) -> Document:
        """Return a copy of *doc* with paragraphs, sentences, tokens, lemmas and entities."""
        text = doc.text
        regions = paragraph_regions(doc)
        dateline = doc.part(DATELINE)  # whose periods end no sentence
        protected = (0, -1) if dateline is None else (dateline.start, dateline.end)
        toks = _tokenize_paragraphs(text, regions)
        starts, ends, words = toks.starts, toks.ends, toks.words
        first_tokens = _sentence_starts(text, toks, protected)
        next_firsts = first_tokens[1:]
        next_firsts.append(len(words))
        skip = [(p.start, p.end) for p in doc.boilerplate]  # no names in boilerplate
        kind: list[str | None] | None = None
        if toks.labels:
            kind = [None] * len(words)
            for i, label in toks.labels.items():
                kind[i] = label
        return attrs.evolve(
            doc,
            backend=self.name,
            layers=self.layers,
            paragraphs=list(starmap(Paragraph, chain.from_iterable(regions))),
            sentences=list(  # each Sentence(start, end, token_start, token_end)
                map(
                    Sentence,
                    map(starts.__getitem__, first_tokens),
                    map(ends.__getitem__, map(sub, next_firsts, repeat(1))),
                    first_tokens,
                    next_firsts,
                )
            ),
            tokens=TokenTable.from_columns(  # lemmas are worked out when first read
                start=starts, end=ends, text=words, kind=kind, derived={"lemma": _LEMMAS.many}
            ),
            # when first read; the sentences' first tokens rather than their (first, end)
            # pairs, which would be a tuple each for the garbage collector to look at
            entities=Deferred(partial(_entity_list, text, toks, first_tokens, skip)),
        )
