"""Counting words, syllables and letters from a document's own tokens and sentences.

Words
    A word is a token with a letter or a digit, together with the clitics the
    annotator split off it (``Russia`` + ``'s``, ``do`` + ``n't`` are one word
    each). A ``%``, ``$``, ``€`` or ``£`` next to a number is a word too, as it
    is said (*percent*, *dollars*). Other punctuation is not a word.
Letters and characters
    ``letters`` counts alphabetic characters; ``characters`` counts letters and
    digits (what ARI and Coleman-Liau read), never punctuation. The ``s`` of a
    possessive ``'s`` is left out of both, as the clitic is left out of the
    syllables (``Russia's`` has 6 letters and is not a long word).
Long, complex and unfamiliar words
    *Long*: more than 6 letters. *Polysyllabic*: 3 syllables or more.
    *Complex* (Gunning 1952): polysyllabic, but not a proper name, not a
    hyphenated compound, and not made three syllables by ``-es``, ``-ed`` or
    ``-ing``. *Unfamiliar*: not familiar by :mod:`newslens_readability.wordlists`;
    Dale-Chall counts every occurrence, Spache each different word once.
Proper names
    ``PROPN`` when the annotator tags parts of speech; otherwise a capitalised
    word that does not start its sentence (or its quotation), or an all-capital
    abbreviation. Proper names are familiar and never complex.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Collection, Iterable, Sequence
from functools import partial
from itertools import accumulate, chain, compress
from operator import itemgetter
from typing import Final, NamedTuple

import attrs

from newslens import WordCache
from newslens_readability.estimator import ESTIMATE_CACHE
from newslens_readability.syllables import SYLLABLE_CACHE, _count, count_syllables
from newslens_readability.wordlists import (
    DALE_CHALL,
    SPACHE,
    familiar_forms,
    is_familiar,
    judge_familiar,
)

_SPOKEN_SYMBOLS: Final = frozenset("%$€£")
_OPENING: Final = frozenset("\"'“‘«([{—–-")


@attrs.frozen
class Counts:
    """The counts every formula is computed from.

    Attributes:
        sentences: Sentences.
        words: Words (see the module documentation).
        syllables: Syllables of all words.
        letters: Alphabetic characters in words.
        characters: Letters and digits in words.
        monosyllables: Words of one syllable.
        polysyllables: Words of three syllables or more.
        long_words: Words of more than six letters.
        complex_words: Gunning's complex words.
        dale_chall_unfamiliar: Words not familiar by the Dale-Chall list (every occurrence).
        spache_unfamiliar: Different words not familiar by the Spache list.
    """

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    characters: int = 0
    monosyllables: int = 0
    polysyllables: int = 0
    long_words: int = 0
    complex_words: int = 0
    dale_chall_unfamiliar: int = 0
    spache_unfamiliar: int = 0

    def as_dict(self) -> dict[str, int]:
        """Return the counts as a plain dictionary."""
        return attrs.asdict(self)


class Word(NamedTuple):
    """One word of a document, with everything the counts need.

    Fields: ``start`` and ``end`` (offsets of the word's first and last
    tokens), ``text`` (as written), ``syllables``, ``letters``, ``characters``
    (letters and digits), ``proper`` (taken as a proper name), ``complex``
    (Gunning), ``dale_chall_unfamiliar`` and ``spache_unfamiliar``.
    """

    start: int
    end: int
    text: str
    syllables: int
    letters: int
    characters: int
    proper: bool
    complex: bool
    dale_chall_unfamiliar: bool
    spache_unfamiliar: bool


# -- word facts ----------------------------------------------------------------


class _WordFacts(NamedTuple):
    """What the counts need of one word, worked out once per different word.

    ``tally`` packs what :class:`Counts` adds up over words (:func:`_pack`), so
    that words are added up with one integer addition; the eight fields after
    ``hard`` are the same counts by name (see :data:`_TALLIED`; the flags count
    as 0 or 1). ``tally``, ``spache_key`` and ``hard``, read for every word of a
    document, come first, close to the start of the tuple in memory.
    """

    tally: int
    """The eight counted fields packed into one :data:`_Tally` (:func:`_pack`)."""
    spache_key: str
    """The lower-case word when Spache finds it unfamiliar, else ``""``."""
    hard: bool
    """Complex or not familiar by Dale-Chall (a hard word of the report)."""
    syllables: int
    letters: int
    characters: int
    monosyllable: bool
    """One syllable."""
    polysyllable: bool
    """Three syllables or more."""
    long: bool
    """More than six letters."""
    complex: bool
    """Gunning's complex word."""
    dale_chall_unfamiliar: bool
    spache_unfamiliar: bool
    proper: bool
    """Taken as a proper name."""


def _measure(text: str, proper: bool) -> tuple[int, int, int, bool, bool]:
    """Syllables, letters, characters, and whether Dale-Chall and Spache find the word
    unfamiliar (*proper*: it is taken as a proper name, familiar): for :func:`_make_facts`,
    whose answers are cached, so that the syllables are worked out without the cache of
    :func:`count_syllables` (:func:`newslens_readability.syllables._count`)."""
    syllables = _count(text)
    if text.isalpha():  # most words: every character a letter
        letters = len(text)
        if proper:
            return syllables, letters, letters, False, False
        lower = text.lower()
        if lower.isalpha():  # what judge_familiar does for it (see familiar_forms)
            return (syllables, letters, letters, lower not in familiar_forms(DALE_CHALL),
                    lower not in familiar_forms(SPACHE))  # fmt: skip
        # "İ" is a letter, its lower case ("i" and a dot above) is not: as below
        return (syllables, letters, letters, not judge_familiar(text, DALE_CHALL),
                not judge_familiar(text, SPACHE))  # fmt: skip
    letters = sum(ch.isalpha() for ch in text)
    if len(text) > 2 and text[-2] in "'’" and text[-1] in "sS":
        letters -= 1  # a possessive (or "it's") clitic is not part of the word's letters
    characters = letters + sum(ch.isdigit() for ch in text)
    if proper or letters == 0:  # familiar
        return syllables, letters, characters, False, False
    return (syllables, letters, characters, not judge_familiar(text, DALE_CHALL),
            not judge_familiar(text, SPACHE))  # fmt: skip


def _make_facts(text: str, proper: bool) -> _WordFacts:
    """Return what the counts need of one word (*proper*: it is taken as a proper name)."""
    syllables, letters, characters, dale, spache = _measure(text, proper)
    complex_ = syllables >= 3 and not proper and "-" not in text and letters > 0
    if complex_:
        lower = text.lower()
        for suffix in ("es", "ed", "ing"):
            if lower.endswith(suffix):
                stem = text[: -len(suffix)]
                if count_syllables(stem) < 3 and count_syllables(stem + "e") < 3:
                    complex_ = False
                break
    counted = (syllables, letters, characters, syllables == 1, syllables >= 3, letters > 6,
               complex_, dale)  # the fields of _TALLIED, in order
    tally = int.from_bytes(_FIELD.pack(*counted), "little")  # _pack(counted)
    key = text.lower() if spache else ""
    # the fields in the order of _WordFacts, without its keyword-taking __new__ (once a word)
    facts = tuple.__new__(_WordFacts, (tally, key, complex_ or dale, *counted, spache, proper))
    if key or len(_SHARED_FACTS) >= _SHARED_LIMIT:
        return facts
    return _SHARED_FACTS.setdefault(facts, facts)


_SHARED_FACTS: Final[dict[_WordFacts, _WordFacts]] = {}
"""One :class:`_WordFacts` for all the words with equal facts and no Spache key (most
words: ``harbour`` and ``council`` differ in nothing the counts read), so that the caches of
a long run hold one tuple per kind of word rather than one per word."""

_SHARED_LIMIT: Final = 1 << 14
"""How many kinds of word :data:`_SHARED_FACTS` keeps at most (a few thousand occur)."""


# The facts of a word are cached by its text alone (a string key is the
# cheapest a cache can have): one cache for proper names, one for other words,
# and, for untagged words, one for each position (starting a clause or not),
# whose entries are the very tuples of the first two.


_name_facts: Final = WordCache(partial(_make_facts, proper=True), limit=131_072)
"""The facts of a proper name, by its text."""

_common_facts: Final = WordCache(partial(_make_facts, proper=False), limit=131_072)
"""The facts of any other word, by its text."""


def _word_facts(text: str, proper: bool) -> _WordFacts:
    """Return the facts of a word known to be (or not to be) a proper name."""
    return _name_facts(text) if proper else _common_facts(text)


def _is_proper(word: str, first: bool) -> bool:
    """Whether an untagged word is taken as a proper name (see the module documentation)."""
    return word[:1].isupper() and (not first or (len(word) > 1 and word.isupper()))


def _plain_word_facts(text: str, first: bool) -> _WordFacts:
    """Return the facts of an untagged word (``first``: it starts a sentence or clause)."""
    return _word_facts(text, _is_proper(text, first))


def _facts_within(text: str) -> _WordFacts:
    """:func:`_plain_word_facts` of a word within its clause, worked out (one step: a
    miss of :data:`_facts_in_clause`, at most once per word, does not go through the
    caches of proper names and other words)."""
    return _make_facts(text, _is_proper(text, first=False))


_facts_in_clause: Final = WordCache(_facts_within)
"""The facts of an untagged word that does not start its sentence or clause, cached."""


def _facts_first(text: str) -> _WordFacts:
    """:func:`_plain_word_facts` of a word starting its clause, worked out."""
    if not text[:1].isupper():  # not a name anywhere: the facts it has within a clause
        return _facts_in_clause(text)
    return _make_facts(text, _is_proper(text, first=True))


_facts_at_clause_start: Final = WordCache(_facts_first)
"""The facts of an untagged word that starts its sentence or clause, cached."""


def _facts_of(
    written: str, upos: str | None, *, first: bool = False, caps: bool = False
) -> _WordFacts:
    """Return the facts of a word as written, tagged *upos* (``None``: untagged).

    *first*: it starts a sentence or a clause; *caps*: its sentence is written in
    capitals, which then say nothing about names, so the word is read in lower case.
    """
    if upos is None and not caps:
        return (_facts_at_clause_start if first else _facts_in_clause)(written)
    word = written.lower() if caps and len(written) > 1 else written
    if upos is not None:
        return _word_facts(word, upos == "PROPN")
    return _plain_word_facts(word, first)


def clear_word_caches() -> None:
    """Empty the per-word caches of this module and of :mod:`~newslens_readability.syllables`.

    They fill as documents are read (about a kilobyte per different word);
    a long-running service may empty them now and then. Dictionaries and word
    lists stay loaded.
    """
    for cached in (
        _name_facts, _common_facts, _facts_in_clause, _facts_at_clause_start, _token_class,
        SYLLABLE_CACHE, ESTIMATE_CACHE, is_familiar,
    ):
        cached.cache_clear()


# -- tokens to words -------------------------------------------------------------

_ALNUM: Final = 1
_CLITIC: Final = 2
_SYMBOL: Final = 4
_OPENER: Final = 8


def _is_clitic(text: str) -> bool:
    return text[:1] in ("'", "’") or text.lower() in ("n't", "n’t")


_HAS_ALNUM: Final = re.compile(r"[^\W_]").search
"""A letter or a digit: ``str.isalnum`` of one character is ``\\w`` without the underscore."""


def _classify(token: str) -> int:
    """Return ``_ALNUM``, ``_CLITIC``, ``_SYMBOL`` and ``_OPENER`` flags of a token's text."""
    if _HAS_ALNUM(token):
        return _ALNUM | (_CLITIC if _is_clitic(token) else 0)
    if token in _SPOKEN_SYMBOLS:
        return _SYMBOL
    return _OPENER if token in _OPENING or token in ":;" else 0


_token_class: Final = WordCache(_classify)
"""The flags of a token's text (:func:`_classify`), cached."""


class _WordList:
    """Words of a document as parallel lists, in text order (what :func:`_add_words` fills).

    Attributes:
        starts: Offset of each word's first token.
        ends: Offset after each word's last token.
        texts: Each word as written.
        facts: Each word's :class:`_WordFacts`.
    """

    __slots__ = ("ends", "facts", "starts", "texts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        self.facts: list[_WordFacts] = []

    def __len__(self) -> int:
        return len(self.starts)

    def words(self, lo: int = 0, hi: int | None = None) -> list[Word]:
        """Return words ``lo`` to ``hi`` as :class:`Word` tuples."""
        hi = len(self) if hi is None else hi
        return [
            Word(self.starts[i], self.ends[i], self.texts[i], f.syllables, f.letters,
                 f.characters, f.proper, f.complex, f.dale_chall_unfamiliar, f.spache_unfamiliar)
            for i, f in enumerate(self.facts[lo:hi], lo)
        ]


_TALLIED: Final = (
    "syllables",
    "letters",
    "characters",
    "monosyllables",
    "polysyllables",
    "long_words",
    "complex_words",
    "dale_chall_unfamiliar",
)
"""The fields of :class:`Counts` that add up over words, in the order of a :data:`_Tally`.

They are the sums of the first eight fields of :class:`_WordFacts`, in the
same order (the flags counted as 0 or 1).
"""

_FIELD: Final = struct.Struct("<3Q5I")
"""The width of each field of :data:`_TALLIED`, in order, lowest first: 64 bits for
syllables, letters and characters, 32 for the five flags (one a word at most)."""

_MAX_WORDS: Final = 2**32 - 1
"""Below this many words no flag of a tally can fill its 32 bits."""

_Tally = int
"""What :class:`Counts` adds up over a run of words, packed in one integer.

Each field of :data:`_TALLIED` has bits of its own (:data:`_FIELD`), lowest
first: a sum or difference of tallies adds or subtracts every field at once
(no field ever carries into the next, nor goes below 0 in a difference of
running sums), and :func:`_unpack` names them again where they become
:class:`Counts` (:func:`_counts_of`). The narrow flags keep the integers small
(352 bits), so that adding them up is quick.
"""

_NO_WORDS: Final[_Tally] = 0


def _pack(counted: Sequence[int]) -> _Tally:
    """Pack the fields of :data:`_TALLIED` (in order) into one tally."""
    return int.from_bytes(_FIELD.pack(*counted), "little")


def _unpack(tally: _Tally) -> tuple[int, ...]:
    """Return the fields of :data:`_TALLIED` held in *tally*, in order."""
    return _FIELD.unpack(tally.to_bytes(_FIELD.size, "little"))


_tally_of: Final = itemgetter(_WordFacts._fields.index("tally"))
"""The ``tally`` of a word's facts (an item getter: the quickest read of a field)."""
_spache_key_of: Final = itemgetter(_WordFacts._fields.index("spache_key"))
_hard_of: Final = itemgetter(_WordFacts._fields.index("hard"))


class _RunningTally:
    """The running sums of the tallies of a document's words, and their Spache keys.

    ``sums[i]`` is the tally of words ``[0, i)``, so that the words of any run
    (a sentence, a paragraph, a quotation) are tallied by one subtraction.

    Attributes:
        sums: The tally of the words before each word, and of all of them.
        keys: The ``spache_key`` of each word.
    """

    __slots__ = ("keys", "sums")

    def __init__(self, facts: Sequence[_WordFacts]) -> None:
        """Tally *facts*, the facts of a document's words in order.

        Raises:
            OverflowError: for :data:`_MAX_WORDS` words or more (a flag would not fit).
        """
        if len(facts) >= _MAX_WORDS:
            raise OverflowError(f"{len(facts)} words are too many to tally")
        self.sums: list[_Tally] = list(accumulate(map(_tally_of, facts), initial=0))
        self.keys: list[str] = list(map(_spache_key_of, facts))

    def total(self) -> _Tally:
        """Return the tally of all the words."""
        return self.sums[-1]

    def between(self, first: int, end: int) -> _Tally:
        """Return the tally of words ``[first, end)``."""
        return self.sums[end] - self.sums[first]

    def of_runs(self, firsts: Sequence[int], ends: Sequence[int]) -> _Tally:
        """Return the tally of the runs of words ``[firsts[k], ends[k])`` together."""
        sums = self.sums
        return sum(map(sums.__getitem__, ends)) - sum(map(sums.__getitem__, firsts))


def _tally(facts: Iterable[_WordFacts]) -> _Tally:
    """Add up the tallies of a run of words."""
    total: _Tally = sum(map(_tally_of, facts))
    return total


def _counts_of(sentences: int, words: int, tally: _Tally, spache_keys: Iterable[str]) -> Counts:
    """Make :class:`Counts` from the tally of some words and their Spache keys.

    Spache counts the different keys, ``""`` (a familiar word) left out. The
    tally's fields are those of :class:`Counts` after ``sentences`` and ``words``,
    in order (:data:`_TALLIED`; a test checks it), so they are passed as they are.
    """
    different = set(spache_keys)
    different.discard("")
    return Counts(sentences, words, *_unpack(tally), len(different))  # type: ignore[call-arg]


_BREAK: Final = 16  # marks a sentence's first token in _add_words


def _add_words(
    words: _WordList,
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    tokens: Sequence[str],
    tags: Sequence[str | None],
    *,
    sentences: Sequence[int] = (0,),
    all_caps: Collection[int] = (),
) -> list[int]:
    """Append the words of a run of whole sentences to *words* (see :func:`make_words`).

    Args:
        words: Where the words go.
        text: The text the offsets point into.
        starts: Offset of each token's first character.
        ends: Offset after each token's last character.
        tokens: Each token's text.
        tags: Each token's POS tag, ``None`` when untagged.
        sentences: Index of each sentence's first token, in order, starting with 0.
        all_caps: Indices (into *sentences*) of the sentences written in capitals.

    Returns:
        For each sentence, the index in *words* of its first word, then
        ``len(words)``: sentence ``k`` has words ``[result[k], result[k + 1])``.

    The rules, token by token: an alphanumeric token starts a word, unless it
    is a clitic touching the word before in its sentence (``Russia`` +
    ``'s``), which it then extends; a ``%``, ``$``, ``€`` or ``£`` touching a
    digit is a word; other tokens are not words, and an opening mark (a
    quotation mark, a bracket, a dash, a colon) makes the next word start a
    clause, as a sentence's first word does.

    Most tokens are plain words or plain punctuation; those are taken in runs
    with C-level ``map``/``compress``, and only clitics, symbols, opening
    marks and sentence starts are looked at one by one.
    """
    base = len(words)
    kinds = _token_class.many(tokens)
    marked = kinds.copy()
    for first_token in sentences:
        marked[first_token] |= _BREAK
    at: list[int] = []  # the token each word starts at
    w_ends: list[int] = []
    heads: set[int] = set()  # the words that start a sentence or a clause
    bounds: list[int] = []
    merged: list[int] = []  # the words a clitic was added to
    clause_start = True
    barrier = 0  # words before this index belong to an earlier sentence
    pos = 0
    n = len(kinds)
    specials = compress(range(n), map(_ALNUM.__lt__, marked))
    for i in chain(specials, (n,)):  # the special tokens, then the end
        if i > pos:  # a run of plain words and plain punctuation
            run = list(compress(range(pos, i), kinds[pos:i]))
            if run:
                if clause_start:
                    heads.add(len(at))
                    clause_start = False
                at += run
                w_ends += map(ends.__getitem__, run)
        if i == n:
            break
        pos = i + 1
        if marked[i] & _BREAK:
            bounds.append(base + len(at))
            barrier = len(at)
            clause_start = True
        kind, start, end = kinds[i], starts[i], ends[i]
        if kind == _ALNUM:
            first = clause_start
            clause_start = False
        elif kind & _ALNUM:  # a clitic
            if len(at) > barrier and w_ends[-1] == start:
                w_ends[-1] = end
                if not merged or merged[-1] != len(at) - 1:
                    merged.append(len(at) - 1)
                continue
            first = clause_start
            clause_start = False
        elif kind & _SYMBOL and (
            (len(at) > barrier and w_ends[-1] == start and text[start - 1 : start].isdigit())
            or text[end : end + 1].isdigit()
        ):
            first = False
        else:
            if kind & _OPENER:
                clause_start = True
            continue
        if first:
            heads.add(len(at))
        at.append(i)
        w_ends.append(end)
    bounds.append(base + len(at))
    if at:
        _store_words(
            words, text, starts, tokens, tags, at, w_ends,
            merged=merged, heads=heads, sentences=[b - base for b in bounds], all_caps=all_caps,
        )
    return bounds


def _store_words(
    words: _WordList,
    text: str,
    starts: Sequence[int],
    tokens: Sequence[str],
    tags: Sequence[str | None],
    at: list[int],
    ends: list[int],
    *,
    merged: list[int],
    heads: set[int],
    sentences: list[int],
    all_caps: Collection[int],
) -> None:
    """Append the words :func:`_add_words` found to *words*, with their facts.

    Args:
        words: Where the words go.
        text: The text the offsets point into.
        starts: Offset of each token's first character.
        tokens: Each token's text.
        tags: Each token's POS tag, ``None`` when untagged.
        at: The token each new word starts at.
        ends: Offset after each new word's last character.
        merged: The new words a clitic was added to (longer than their first token).
        heads: The new words that start a sentence or a clause.
        sentences: Index of each sentence's first new word, then the number of new words.
        all_caps: Indices (into *sentences*) of the sentences written in capitals.
    """
    w_starts = list(map(starts.__getitem__, at))
    texts = list(map(tokens.__getitem__, at))
    for k in merged:  # a word with its clitics is longer than its first token
        texts[k] = text[w_starts[k] : ends[k]]
    words.starts += w_starts
    words.ends += ends
    words.texts += texts
    untagged = tags.count(None) == len(tags)  # as with the lite annotator
    if untagged:
        found = _facts_in_clause.many(texts)
    else:
        found = [_facts_of(written, tags[q]) for q, written in zip(at, texts, strict=True)]
    capitals = {w for k in all_caps for w in range(sentences[k], sentences[k + 1])}
    if untagged and not capitals:  # the words starting a clause: _facts_of, in one look-up
        firsts = list(heads)
        at_start = _facts_at_clause_start.many(list(map(texts.__getitem__, firsts)))
        for w, facts in zip(firsts, at_start, strict=True):
            found[w] = facts
    else:
        for w in heads | capitals:  # the few words whose place changes their facts
            found[w] = _facts_of(texts[w], tags[at[w]], first=w in heads, caps=w in capitals)
    words.facts += found


def make_words(
    text: str,
    tokens: Sequence[tuple[int, int, str, str | None]],
    *,
    all_caps: bool = False,
) -> list[Word]:
    """Turn one sentence's tokens into words.

    Args:
        text: The document text the offsets point into.
        tokens: ``(start, end, text, upos)`` of each token of the sentence.
        all_caps: The sentence is written in capitals (a headline): capitals
            then say nothing about names or abbreviations.
    """
    words = _WordList()
    if tokens:
        starts, ends, texts, tags = zip(*tokens, strict=True)
        _add_words(words, text, starts, ends, texts, tags, all_caps=(0,) if all_caps else ())
    return words.words()


def count_words(words: Iterable[Word], sentences: int) -> Counts:
    """Add up the counts of *words* spread over *sentences* sentences.

    Example:
        >>> from newslens_readability.counts import Word, count_words
        >>> w = Word(0, 3, "cat", 1, 3, 3, False, False, False, False)
        >>> count_words([w, w], 1).syllables
        2
    """
    n = syl = letters = chars = mono = poly = long_ = complex_ = dale = 0
    spache: set[str] = set()
    for word in words:
        n += 1
        syl += word.syllables
        letters += word.letters
        chars += word.characters
        mono += word.syllables == 1
        poly += word.syllables >= 3
        long_ += word.letters > 6
        complex_ += word.complex
        dale += word.dale_chall_unfamiliar
        if word.spache_unfamiliar:
            spache.add(word.text.lower())
    return Counts(sentences, n, syl, letters, chars, mono, poly, long_, complex_, dale, len(spache))
