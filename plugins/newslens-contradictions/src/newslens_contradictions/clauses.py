"""Statements: a document cut into clauses, each with what the detectors compare.

A sentence is cut where a new clause plainly starts: at ``;``, at a subordinator
or contrast word (``while``, ``but``, ``although``, ``after``...), and at ``and``,
``or`` or a comma followed by a new subject (``and the man is smiling``). A clause
records:

- its *content*: lemmas of the words that carry meaning (function words,
  reporting verbs and numbers left out), a nominalisation mapped to its verb
  (``agreement`` -> ``agree``, from WordNet's derivation pointers) so that an
  event matches across the two;
- its *core*: the content words a counterpart must share before two clauses are
  said to be about the same thing; likely modifiers (``final``, ``diplomatic``,
  adverbs in ``-ly``) are content but not core;
- its *negation markers*: ``not``, ``no``, ``never``, ``without``... (kind
  ``negation``) and denials or negative implicatives that negate what follows
  them (``denied invading``, ``refused to resign``: kind ``factive``);
- whether it is *irrealis*: a condition, a question, a wish, a forecast or a
  modal (``could``, ``if``, ``whether``, ``expected to``), which asserts nothing
  a fact can contradict;
- its *names*, *quantities* (:mod:`newslens_contradictions.numbers`), *dates*
  (the dates plugin's values, when it ran) and its *source* (the speaker the
  quotes plugin attributes it to, when it ran).

Everything here reads token columns and word lists; the lite annotator's output
is enough. With the stanza annotator, part-of-speech tags sharpen which words are
modifiers.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import compress, repeat, starmap
from operator import and_, gt, is_, itemgetter, ne, or_
from typing import Any, Final, NamedTuple, TypeVar, overload

from newslens import Document, Key
from newslens_contradictions.lexicon import (
    lemmas_of,
    nominal_verb,
)
from newslens_contradictions.numbers import Quantity, find_quantities

T = TypeVar("T")

TIMEXES: Final = Key(
    "dates.timexes",
    object,
    doc="The dates plugin's result, read (when that plugin runs) for the dates of events.",
)
"""The dates plugin's key, an optional requirement (keys are matched by name, so this
plugin needs nothing of the dates plugin but its key's name)."""

QUOTES: Final = Key(
    "quotes.quotes",
    object,
    doc="The quotes plugin's result, read (when that plugin runs) for who says what.",
)
"""The quotes plugin's key, an optional requirement: a clause inside a quote's content
is attributed to the quote's speaker."""

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS: Final = _words("""
a an the this that these those some any each every all both either another other such i
me my we us our ours you your yours he him his she her hers it its they them their
theirs who whom whose which what where when why how there here itself himself herself
themselves ourselves myself yourself one ones be am is are was were been being have has
had having do does did doing done will would shall should can could may might must ought
of in on at by for with from to into onto upon about over under above below between
among through during before after since until till against toward towards across along
around behind beyond near off out up down per via than as like unlike despite within and
or nor but so yet if whether because although though while whereas unless once also just
only still even now then too very more most less least much many few several again
already ever always often soon later earlier today yesterday tomorrow tonight say says
said tell told add added state stated according report reported 's ’s ' ’ s n't not no
never none nobody nothing neither without nowhere mr mrs ms dr
go get make take come put give keep let seem become need mr. mrs. ms. dr. st.
""")
"""Words that never count as content."""

NEGATORS: Final = frozenset(
    {"not", "n't", "n’t", "no", "never", "none", "nobody", "nothing", "neither", "nor",
     "without", "nowhere", "cannot"}
)
"""Words that negate their clause (kind ``negation``)."""

IRREALIS: Final = frozenset({
    "would", "could", "might", "may", "should", "must", "if", "whether", "unless", "will",
    "shall", "expect", "project", "forecast", "predict", "wish", "propose", "consider",
    "urge", "demand",
    "suggest", "likely", "unlikely", "possible", "possibly", "perhaps", "maybe", "probably",
    "potential", "potentially", "allegedly", "reportedly", "rumor", "rumour", "whenever",
    "suppose", "planned", "scheduled", "bound",
})
"""Words that make a clause a condition, question, wish, forecast or modal statement."""

CORRECTIONS: Final = _words("""
finally eventually anymore previously now
correct corrected correction revise revised revision update updated amend amended
initially originally erroneously mistakenly incorrectly retract retracted
""")
"""Words that mark a sentence as a correction of an earlier statement, or a change
since (``finally endorses``, ``now says``): two states at two times, not a contradiction."""

_BREAK_WORDS: Final = frozenset(
    {"while", "whereas", "although", "though", "but", "however", "because", "after",
     "before", "since", "if", "unless", "whether", "when", "yet", "despite", "which", "who",
     "whom", "whose", "where"}
)
_NEW_SUBJECT: Final = frozenset(
    {"the", "a", "an", "there", "he", "she", "they", "it", "we", "i", "you", "his", "her",
     "their", "its", "this", "these", "those", "that", "some", "no", "nobody", "none"}
)
_MODIFIER_SUFFIXES: Final = ("ly", "ous", "ful", "less", "ish", "est")
_MODIFIERS: Final = _words("""
young old new big small large little final senior junior top key main major minor good
bad great high low long short nearby outdoors outside inside full whole early late
recent current former next last past previous first second third other certain local
national international federal diplomatic political economic financial public social
military annual regional municipal foreign domestic
""")
_WORD_NUMBERS: Final = _words("""
zero two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
eighty ninety hundred thousand million billion trillion dozen dozens hundreds thousands
millions percent
""")
CASUALTY: Final = "(dead)"
"""A lemma of no word, added to the content (not the core) of a clause with a figure
and a word of death (:data:`CASUALTY_WORDS`): ``Bus crash kills 14`` and ``Eleven
people died in a bus crash`` count the same thing, the dead, and share it."""

CASUALTY_WORDS: Final = frozenset({"kill", "die", "dead", "death", "fatality"})
"""The lemmas that count the dead next to a figure (``death`` is read as ``die``)."""

_ORDINALS: Final = frozenset(
    {"first", "second", "third", "fourth", "fifth", "last", "next", "previous", "former",
     "latter", "final", "earlier", "later"}
)
_HAS_LETTER: Final = re.compile(r"[^\W\d_]")
_TITLE_CASE_SHARE: Final = 0.6


class Marker(NamedTuple):
    """A word that negates the rest of its clause.

    Attributes:
        token: The token's index in the document.
        start: The token's offset in the document's text.
        scope_end: Where what it negates ends: the first comma after it, or the clause's end.
        lemma: The token's normalised lemma.
        kind: ``"negation"`` (``not``, ``no``...) or ``"factive"`` (a denial or a
            negative implicative: ``denied``, ``refused to``).
        word: The word as written.
    """

    token: int
    start: int
    scope_end: int
    lemma: str
    kind: str
    word: str


class Clause(NamedTuple):
    """One clause of the document and what the detectors compare in it (a named tuple:
    thousands are made for a long article).

    Attributes:
        number: Its position among the document's clauses.
        start: Offset of its first word in the document's text.
        end: End offset of its last word (closing punctuation left out).
        first: Index of its first token.
        last: Index after its last token.
        headline: Whether it is in the headline.
        paragraph: Its paragraph's number in the body (1 for the first), 0 in the headline.
        content: Normalised lemmas of its content words.
        core: The content words that are not likely modifiers.
        at: ``(offset, lemma, word)`` of each content word, in text order.
        markers: Its negation markers, in text order.
        irrealis: Whether it asserts no fact (condition, question, wish, forecast, modal).
        correction: Whether its sentence corrects an earlier statement.
        names: Lower-cased words of the names in it.
        entities: The words of each name in it (``{"mayor", "rita", "ellison"}``).
        ordinals: Ordinals and relative positions in it (``first``, ``last``...).
        quantities: Its quantities (read from the text when first asked for).
        dates: Its temporal expressions of type DATE, as ``(start, end, text, value)``.
        counted: Offsets of its content words that follow a number (``3,000 people``).
        source: The speaker it is attributed to, or ``None`` for the article's voice.
    """

    number: int
    start: int
    end: int
    first: int
    last: int
    headline: bool
    paragraph: int
    content: frozenset[str]
    core: frozenset[str]
    at: tuple[tuple[int, str, str], ...]
    markers: tuple[Marker, ...]
    irrealis: bool
    correction: bool
    names: frozenset[str]
    entities: tuple[frozenset[str], ...]
    ordinals: frozenset[str]
    quantities: Sequence[Quantity]
    dates: tuple[tuple[int, int, str, str], ...]
    counted: frozenset[int]
    source: str | None

    @property
    def negated(self) -> bool:
        """Whether a marker negates it (two close together have cancelled out)."""
        return bool(self.markers)


class Words:
    """The token columns of a document, and what the clauses ask of each word.

    A word's facts depend only on its text and lemma (and tag), so they are
    worked out once per different word (:func:`_facts`, cached) and read as columns:
    the lower-case words and the lemmas as tuples of strings, the nine flags as
    :class:`bytes`, one byte a word (0 or 1 for a yes or no; for :attr:`marks` and
    :attr:`irrealis`, the kind, 0 for none), which index, slice, ``any`` and
    ``itertools.compress`` read as they would read a tuple of booleans.
    """

    __slots__ = ("content", "corrects", "cutter", "ends", "irrealis", "leading", "lemmas",
                 "lower", "marks", "modifier", "numeric", "speaks", "starts", "texts")

    def __init__(self, doc: Document) -> None:
        tokens = doc.tokens
        self.texts: tuple[str, ...] = tokens.column("text")
        self.starts: tuple[int, ...] = tokens.column("start")
        self.ends: tuple[int, ...] = tokens.column("end")
        lemmas = tokens.column("lemma") if tokens.has("lemma") else self.texts
        columns = _FACTS.columns(self.texts, lemmas, tokens.column("upos"))
        if tokens.has("kind"):  # web text (URLs, handles, markup...): no word of a claim
            columns = _without_web_text(columns, tokens.column("kind"))
        self.lower: tuple[str, ...] = columns[0]
        self.lemmas: tuple[str, ...] = columns[1]
        self.content: bytes = columns[2]
        self.modifier: bytes = columns[3]
        self.marks: bytes = columns[4]
        self.irrealis: bytes = columns[5]
        self.cutter: bytes = columns[6]
        self.numeric: bytes = columns[7]
        self.corrects: bytes = columns[8]
        self.speaks: bytes = columns[9]
        self.leading: bytes = columns[10]


_WEB_TEXT_FACTS: Final = ("", "", False, False, 0, 0, False, False, False, False, True)
"""The facts of a token with a kind: no content, no marker, not spoken, skipped at a
clause's start (see :attr:`newslens.Token.kind`)."""


def _without_web_text(
    columns: list[Any], kinds: Sequence[str | None]
) -> list[Any]:
    """*columns* with the facts of each token that has a kind set to :data:`_WEB_TEXT_FACTS`."""
    out: list[Any] = [list(c) if isinstance(c, tuple) else bytearray(c) for c in columns]
    for i, kind in enumerate(kinds):
        if kind is not None:
            for column, value in zip(out, _WEB_TEXT_FACTS, strict=True):
                column[i] = value
    return [tuple(c) if isinstance(c, list) else bytes(c) for c in out]


_CUTTERS: Final = frozenset({";", ":", "and", "or", ","}) | _BREAK_WORDS
_NUMBER_WORDS: Final = frozenset({"dozen", "half"})
_IRREALIS_WORD: Final = 1
_IRREALIS_CAPITAL: Final = 2
_IRREALIS_BEFORE: Final = 3


_Flags = bytes
"""A word's nine flags (see :func:`_facts`), one byte each."""
_Facts = tuple[str, str, _Flags, str | None, str | None]
_Key = tuple[str, str | None, str | None]
_FACT_COUNT: Final = 11
"""How many columns :class:`Words` reads from the facts: lower case, lemma, and the
nine flags."""
_FLAG_COUNT: Final = _FACT_COUNT - 2
_LEMMA: Final = 3
_TAG: Final = 4
_NEVER: Final = object()
_UNKNOWN: Final = (None, None, None, _NEVER, None)
"""The facts of a word not met: for a lemma equal to none."""
_FLAGS: Final[dict[_Flags, _Flags]] = {}
"""One :class:`bytes` for each combination of a word's flags (a few hundred are met,
2,048 at most), which the words share: a word's facts are then five references, and
read in few memory lines."""


def _flag_columns(flags: Sequence[_Flags]) -> list[bytes]:
    """The flags of words (nine bytes a word, :func:`_facts`) as nine columns, a byte a
    word: one join, then one slice a column, all at C level (no object a word, as a
    transposition with ``zip(*flags)`` would make)."""
    joined = b"".join(flags)
    return [joined[k::_FLAG_COUNT] for k in range(_FLAG_COUNT)]


class _FactCache:
    """Words' facts (:func:`_facts`) by ``(text, lemma, tag)``, read a column at a time
    from :attr:`young`, in two generations of at most *half* words each (as
    :class:`newslens.WordCache` keeps its words), so that memory stays bounded.

    :attr:`by_text` keeps the facts of each text as last met (with its lemma and tag,
    which may change with the context): a document whose every word is there with its
    lemma and tag is read from it alone, by its texts (one dictionary look-up a word,
    of a string whose hash is kept, rather than of a tuple built for the purpose)."""

    __slots__ = ("by_text", "half", "old", "young")

    def __init__(self, half: int) -> None:
        self.half = half
        self.young: dict[_Key, _Facts] = {}
        self.old: dict[_Key, _Facts] = {}
        self.by_text: dict[str, _Facts] = {}

    def columns(
        self, texts: Sequence[str], lemmas: Sequence[str | None], tags: Sequence[str | None]
    ) -> list[Any]:
        """The facts of words with these *texts*, *lemmas* and *tags* (sequences of one
        length), as the columns of :class:`Words`: lower case, lemma (tuples), content...
        (the flags, :class:`bytes`)."""
        if not texts:
            return [(), (), *[b""] * _FLAG_COUNT]
        unknown: Any = _UNKNOWN
        found: list[_Facts] = list(map(self.by_text.get, texts, repeat(unknown)))
        columns = list(zip(*found, strict=True))
        if columns[_LEMMA] == tuple(lemmas) and columns[_TAG] == tuple(tags):
            # every word as last met: the usual case
            return [columns[0], columns[1], *_flag_columns(columns[2])]
        wrong = list(map(ne, columns[_LEMMA], lemmas))  # a word met with other facts
        if columns[_TAG] != tuple(tags):
            wrong = list(map(or_, wrong, map(ne, columns[_TAG], tags)))
        keys: list[_Key] = list(zip(
            compress(texts, wrong), compress(lemmas, wrong), compress(tags, wrong), strict=True
        ))
        facts: list[_Facts | None] = list(map(self.young.get, keys))
        if None in facts:  # words not met lately
            self.fill(keys, facts)
        texts_met = map(itemgetter(0), keys)
        self.by_text.update(zip(texts_met, facts, strict=True))  # type: ignore[arg-type]
        low, normal, flags = list(columns[0]), list(columns[1]), list(columns[2])
        for i, fact in zip(compress(range(len(texts)), wrong), facts, strict=True):
            low[i], normal[i], flags[i], _, _ = fact  # type: ignore[misc] # (no None left)
        return [tuple(low), tuple(normal), *_flag_columns(flags)]

    def fill(self, keys: list[_Key], facts: list[_Facts | None]) -> None:
        """Fill in *facts* where :attr:`young` had none (``None``), keeping them."""
        missing = list(set(compress(keys, map(is_, facts, repeat(None)))))  # each word once
        kept = list(map(self.old.get, missing))
        fresh: dict[_Key, _Facts | None] = dict(zip(missing, kept, strict=True))
        if None in kept:  # words met in neither generation
            new = list(compress(missing, map(is_, kept, repeat(None))))
            fresh.update(zip(new, starmap(_facts, new), strict=True))
        facts[:] = map(fresh.get, keys, facts)  # a word found in young keeps its facts
        if len(self.young) + len(fresh) > self.half:
            # by_text starts again too: it never holds more words than the generations
            self.old, self.young, self.by_text = self.young, {}, {}
        self.young.update(fresh)  # type: ignore[arg-type] # (no None is left)


_FACTS: Final = _FactCache(1 << 14)
"""The word facts kept: 16,384 words a generation, about 230 bytes a word,
:attr:`_FactCache.by_text` included. 32,768 would hold all 31,499 different words (with
their lemmas) of the 840 PolNeAR train articles, and so be faster on a second pass over
them, but it made the peak memory of a long run grow more (``benchmarks/scale.py
--no-speed``, 1,000 against 20,000 articles with two jobs: +10.2%, where the goal is
under 10%), and a real corpus has many more different words anyway."""


_NEGATOR: Final = 1
_DENIAL: Final = 2
_IMPLICATIVE: Final = 3


def _mark_kind(low: str, lemma: str) -> int:
    """How a word may negate its clause: as a negator, a denial, a negative implicative
    (only before ``to``), or not at all (0). A noun (``denial``) is its own lemma and
    does not negate."""
    if low in NEGATORS:
        return _NEGATOR
    denials, implicatives = lemmas_of("denial"), lemmas_of("negative")
    if lemma in denials:
        return _DENIAL
    return _IMPLICATIVE if lemma in implicatives else 0


def _facts(
    text: str, lemma: str | None, tag: str | None
) -> _Facts:
    """A word's lower case, normalised lemma, its flags (nine bytes, shared by the words
    that have the same: whether it is content, a modifier, a possible negation marker,
    irrealis (1; 2 when capitalised; 3 before ``to``...), a possible clause break, part
    of a number, a word of correction, a word a clause may start or end with, and a word
    a clause drops from its start), and the lemma and tag they were worked out for.

    Worked out once for each word met (see :class:`_FactCache`), so it reads the word
    lists directly rather than through the cached helpers."""
    low = text.lower()
    low = text if low == text else low  # one string, not two equal ones, in the cache
    normal = _normalised(text, low, lemma)
    if low in IRREALIS or normal in IRREALIS:
        irrealis = _IRREALIS_WORD if text[:1].islower() else _IRREALIS_CAPITAL
    else:
        irrealis = _IRREALIS_BEFORE if normal in _ASKING else 0
    digit = _has_digit(low)
    content = (
        low not in FUNCTION_WORDS
        and normal not in FUNCTION_WORDS
        and low not in _WORD_NUMBERS
        and _HAS_LETTER.search(low) is not None
        and not digit
    )
    speaks = _speaks(low)
    flags = bytes((
        content,
        content and _is_modifier(low, normal, tag),
        _mark_kind(low, (lemma or low).lower()),
        irrealis,
        low in _CUTTERS,
        low in _WORD_NUMBERS or digit or low in _NUMBER_WORDS,
        low in CORRECTIONS or normal in CORRECTIONS,
        speaks,
        low in _LEADING or not speaks,
    ))
    return low, normal, _FLAGS.setdefault(flags, flags), lemma, tag


def _normalised(text: str, low: str, lemma: str | None) -> str:
    """The normalised lemma of a word: *lemma* in lower case (a nominalisation's verb,
    :func:`~newslens_contradictions.lexicon.nominal_verb`, in its place), and *low* or
    *lemma* itself where it is equal to one of them (one string, not two, in the cache)."""
    # an acronym (US, NATO) is its own lemma, not a pronoun's
    normal = (low if len(text) > 1 and text.isupper() else (lemma or low)).lower()
    normal = nominal_verb(normal) or normal  # agreement -> agree
    if normal == low:
        return low
    if normal == lemma and lemma is not None:
        return lemma
    return normal


def _has_digit(word: str) -> bool:
    """Whether *word* holds a digit (any that ``str.isdigit`` knows; a word of letters
    only, the usual case, holds none)."""
    return not word.isalpha() and any(ch.isdigit() for ch in word)


def _is_modifier(lower: str, lemma: str, upos: str | None) -> bool:
    if upos is not None:
        return upos in ("ADJ", "ADV", "NUM")
    if lower in _MODIFIERS:
        return True
    return lemma == lower and len(lower) > 5 and lower.endswith(_MODIFIER_SUFFIXES)


def _cut_points(words: Words, first: int, last: int, bounds: Sequence[int]) -> list[int]:
    """Token indices where a new clause starts inside the sentence ``[first, last)``.

    *bounds* are the token indices where a quote's content starts or ends (the
    quotes plugin's), which cut the attribution (``officials said``) from the claim.
    """
    lower, lemmas = words.lower, words.lemmas
    k = bisect_right(bounds, first)
    cuts = [  # not between a denial and what it denies ("denied | resigning")
        b for b in bounds[k : bisect_left(bounds, last, k)]
        if lemmas[b - 1] not in _marking() and lower[b - 1] != "to"
    ] if k < len(bounds) and bounds[k] < last else []
    for i in compress(range(first + 1, last), words.cutter[first + 1 : last]):
        word = lower[i]
        nxt = lower[i + 1] if i + 1 < last else ""
        if word in (";", ":"):
            cuts.append(i + 1)
        elif word in _BREAK_WORDS:
            if i > first + 1 and not (word in _RELATIVE and lower[i - 1] == ","):
                cuts.append(i)  # (", which ...," is an aside: the clause goes on after it)
        elif nxt in _NEW_SUBJECT:  # "and", "or" or a comma before a new subject
            cuts.append(i)
        elif word == "," and last - i <= _TAIL and not _REPORTING.isdisjoint(
            lemmas[i + 1 : last]
        ):
            cuts.append(i)  # ", officials said." ends the claim
    return sorted(set(cuts)) if cuts else cuts


@functools.cache
def _marking() -> frozenset[str]:
    """The lemmas of denials and negative implicatives (those for which
    :func:`~newslens_contradictions.lexicon.is_denial` or
    :func:`~newslens_contradictions.lexicon.is_negative_implicative` is true; the
    words' lemmas here are lower case)."""
    return lemmas_of("denial") | lemmas_of("negative")


_HUGE: Final = 1e12
_RELATIVE: Final = frozenset({"which", "who", "whom", "whose"})
_TAIL: Final = 8
_REPORTING: Final = frozenset({"say", "tell", "add", "state", "according", "report", "write",
                               "announce", "explain", "note"})


def _entity_spans(doc: Document) -> list[tuple[int, int, str]]:
    """The document's names as ``(start, end, text)``, in text order (their words are
    read, by :func:`_name_words`, only for the clauses that are built)."""
    return sorted((entity.start, entity.end, entity.text) for entity in doc.entities)


@functools.lru_cache(maxsize=1 << 12)
def _name_words(name: str) -> tuple[str, ...]:
    """The lower-case words of a name, without titles and other function words."""
    return tuple(
        w for w in (w.lower() for w in name.split())
        if _HAS_LETTER.search(w) and w not in FUNCTION_WORDS
    )


def _attributions(doc: Document) -> list[tuple[int, int, str]]:
    result = doc.get(QUOTES)
    spans: list[tuple[int, int, str]] = []
    for quote in getattr(result, "quotes", ()) if result is not None else ():
        speaker = getattr(quote, "speaker_name", None) or "an unnamed speaker"
        for part in getattr(quote, "parts", ()) or (quote,):
            spans.append((int(part.start), int(part.end), str(speaker)))
    spans.sort()
    return spans


_NOT_WHEN: Final = frozenset({"by", "until", "till", "since", "before", "after", "through"})


def _timex_spans(doc: Document) -> list[tuple[int, int]]:
    """Where every temporal expression is (durations included): no quantity there."""
    result = doc.get(TIMEXES)
    return sorted(
        (int(t.start), int(t.end)) for t in getattr(result, "timexes", ()) or ()
    ) if result is not None else []


def _dates(doc: Document) -> list[tuple[int, int, str, str]]:
    result = doc.get(TIMEXES)
    out: list[tuple[int, int, str, str]] = []
    text = doc.text
    for timex in getattr(result, "timexes", ()) if result is not None else ():
        before = text[max(0, timex.start - 7) : timex.start].lower().split()
        if before and before[-1] in _NOT_WHEN:
            continue  # "released by Thursday", "until Monday": a deadline or a span
        if getattr(timex, "type", None) in ("DATE", "TIME") and getattr(timex, "value", None):
            day = str(timex.value).partition("T")[0]  # a time compares by its day
            out.append((int(timex.start), int(timex.end), str(timex.text), day))
    out.sort()
    return out


def _negates(words: Words, i: int, hi: int, found: Sequence[Marker]) -> bool:
    """Whether the negator at token *i* negates what follows it."""
    lower, lemmas = words.lower, words.lemmas
    word = lower[i]
    nxt = lower[i + 1] if i + 1 < hi else ""
    if word == "no" and (nxt in (",", ".", "!", "") or not _HAS_LETTER.search(nxt)):
        return False  # "no, they have come": an answer, not a negation
    if word == "nor" and found and found[-1].word.lower() == "neither":
        return False
    if i + 2 >= hi and nxt in _PRONOUNS:
        return False  # "..., didn't he": a tag question asks for agreement
    if nxt in _NOT_A_DENIAL or any(w in _ALL for w in lower[i + 1 : i + 4]):
        return False  # "not only", "no longer", "can't fool all": it qualifies
    # "did not say that ...", "don't think": what follows is not denied
    return not any(lemmas[j] in _SAYING for j in range(i + 1, min(i + _CANCEL + 1, hi)))


def _denies(words: Words, i: int, lo: int, hi: int) -> bool:
    """Whether the denial or negative implicative verb at token *i* denies what follows."""
    lower = words.lower
    nxt = lower[i + 1] if i + 1 < hi else ""
    if nxt == "by" or (i > lo and lower[i - 1] in _DETERMINERS):
        return False  # "rejected by voters": a passive; "a dispute over": a noun
    return words.marks[i] == _DENIAL or (nxt == "to" and words.marks[i] == _IMPLICATIVE)


def _markers(words: Words, lo: int, hi: int) -> tuple[Marker, ...]:
    lower, lemmas, texts, starts = words.lower, words.lemmas, words.texts, words.starts
    found: list[Marker] = []
    for i in compress(range(lo, hi), words.marks[lo:hi]):  # (a negator is marked too)
        if lower[i] in NEGATORS:
            if not _negates(words, i, hi, found):
                continue
            kind = "negation"
        elif _denies(words, i, lo, hi):
            kind = "factive"
        else:
            continue
        end = next((words.ends[j - 1] for j in range(i + 1, hi) if lower[j] == ","),
                   words.ends[hi - 1])
        if found and i - found[-1].token <= _CANCEL:
            found.pop()  # "not without", "never failed to": two negations cancel
            continue
        found.append(Marker(i, starts[i], end, lemmas[i], kind, texts[i]))
    return tuple(found)


_QUESTION_STARTS: Final = frozenset(
    {"why", "how", "what", "who", "when", "where", "which", "is", "are", "was", "were", "does",
     "do", "did", "can", "could", "will", "would", "should", "has", "have"}
)
"""Words that open a headline asking a question (``Why Does Israel Refuse...``)."""

_DETERMINERS: Final = frozenset(
    {"a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "my", "your", "any",
     "no", "legal", "public"}
)

_SUPPOSING: Final = frozenset({"if", "unless", "whether", "whenever", "lest", "suppose"})

_NOT_A_DENIAL: Final = frozenset(
    {"only", "just", "all", "merely", "necessarily", "longer", "always", "least", "simply",
     "quite", "exactly", "everyone", "everything", "every", "doubt", "to", "surprise",
     "wonder", "matter", "less", "sooner"}
)
"""Words after ``not``/``no`` that make it qualify rather than deny (``not only``)."""

_PRONOUNS: Final = frozenset({"he", "she", "it", "they", "we", "i", "you", "there"})

_ALL: Final = frozenset({"all", "every", "always", "everyone", "everything", "everybody"})

_SAYING: Final = frozenset(
    {"say", "tell", "claim", "suggest", "think", "believe", "know", "mention", "specify",
     "explain", "recall", "expect", "comment", "elaborate", "indicate", "confirm"}
)
"""Verbs after which a negation is about the saying, not the said (``did not say``)."""

_CANCEL: Final = 3
"""Two negation markers this close (in tokens) cancel out."""


def _asks(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with a question mark (spaces after it aside)."""
    mark = text.rfind("?", start, end)
    return mark >= 0 and not text[mark + 1 : end].strip()


def _title_case(words: Words, lo: int, hi: int) -> bool:
    letters = [w for w in words.texts[lo:hi] if _HAS_LETTER.search(w)]
    return bool(letters) and sum(w[0].isupper() for w in letters) >= _TITLE_CASE_SHARE * len(
        letters
    )


def build_clauses(doc: Document) -> list[Clause]:
    """Cut *doc* into clauses (headline and body; the byline is left out)."""
    builder = ClauseBuilder(doc)
    return [builder.clause(outline) for outline in builder.outlines]


class Later(Sequence[T]):
    """A sequence worked out when first read (a clause's quantities are needed only when
    a pair of clauses gets as far as comparing figures)."""

    __slots__ = ("_items", "_make")

    def __init__(self, make: Callable[[], Sequence[T]]) -> None:
        self._make: Callable[[], Sequence[T]] | None = make
        self._items: Sequence[T] = ()

    def _read(self) -> Sequence[T]:
        if self._make is not None:
            self._items, self._make = self._make(), None
        return self._items

    def __len__(self) -> int:
        return len(self._read())

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        return self._read()[index]

    def __repr__(self) -> str:
        return f"Later({list(self._read())!r})"


class Outline(NamedTuple):
    """Where a clause is and its content words: enough to decide whether to compare it.

    Attributes:
        number: Its position among the document's clauses.
        first: Index of its first token.
        last: Index after its last token.
        headline: Whether it is in the headline.
        caps: Whether it is in a headline written in title case.
        correction: Whether its sentence corrects an earlier statement.
        content: Normalised lemmas of its content words (dates left out).
        marked: Whether a word in it may negate it (``not``, ``denied``...).
        numbered: Whether it holds a digit or a number word.
        dated: Whether it holds a date (from the dates plugin).
        question: Whether its sentence asks a question (``?``, or a headline opening
            with ``Why``, ``Does``...), or it opens with ``if``, ``unless`` or ``whether``.
    """

    number: int
    first: int
    last: int
    headline: bool
    caps: bool
    correction: bool
    content: frozenset[str]
    marked: bool
    numbered: bool
    dated: bool
    question: bool


class ClauseBuilder:
    """A document cut into clauses: ``outlines`` at once, each :class:`Clause` on demand.

    The engine compares only clauses that share words with another, so it builds
    the full clause (names, markers, quantities, source...) only for those.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.words = Words(doc)
        self.outlines: list[Outline] = []
        body = doc.part("body")
        self.body_start = body.start if body is not None else 0
        self.quotes = _attributions(doc)
        self.quote_bounds = sorted(
            {bisect_left(self.words.starts, q[0]) for q in self.quotes}
            | {bisect_left(self.words.starts, q[1]) for q in self.quotes}
        )
        self.dates = _dates(doc)
        self.date_starts = [d[0] for d in self.dates]
        self.dateline = doc.part("dateline")
        self.after_dateline = (
            bisect_left(self.words.starts, self.dateline.end) if self.dateline is not None else 0
        )
        self.outlines = self._outlines() if len(doc.tokens) else []
        self._irrealis_of: dict[int, bool] = {}

    # what only a full clause reads, worked out when the first is built

    @functools.cached_property
    def quote_starts(self) -> list[int]:
        """Where each quote of :attr:`quotes` starts."""
        return [q[0] for q in self.quotes]

    @functools.cached_property
    def timex_spans(self) -> list[tuple[int, int]]:
        """Where every temporal expression is (see :func:`_timex_spans`)."""
        return _timex_spans(self.doc)

    @functools.cached_property
    def paragraphs(self) -> list[int]:
        """Where each paragraph starts."""
        return [p.start for p in self.doc.paragraphs]

    @functools.cached_property
    def first_body_paragraph(self) -> int:
        """The index in :attr:`paragraphs` of the body's first paragraph."""
        return bisect_right(self.paragraphs, self.body_start) - 1

    @functools.cached_property
    def entities(self) -> list[tuple[int, int, str]]:
        """The document's names (see :func:`_entity_spans`)."""
        return _entity_spans(self.doc)

    @functools.cached_property
    def entity_starts(self) -> list[int]:
        """Where each name of :attr:`entities` starts."""
        return [e[0] for e in self.entities]

    @functools.cached_property
    def body_names(self) -> frozenset[str]:
        """The words of the body's names."""
        return frozenset(
            w for start, _, name in self.entities if start >= self.body_start
            for w in _name_words(name)
        )

    def irrealis(self, outline: Outline) -> bool:
        """Whether the clause of *outline* asserts no fact (:attr:`Clause.irrealis`),
        worked out once, without building the clause."""
        found = self._irrealis_of.get(outline.number)
        if found is None:
            lo, hi = outline.first, outline.last
            try:
                comma = self.words.lower.index(",", lo, hi)
            except ValueError:
                comma = hi
            found = outline.question or self._irrealis(lo, comma, outline.caps)
            self._irrealis_of[outline.number] = found
        return found

    def _irrealis(self, lo: int, hi: int, caps: bool) -> bool:
        """Whether a word of tokens ``[lo, hi)`` makes their clause irrealis."""
        words = self.words
        lower, kinds = words.lower, words.irrealis
        for i in compress(range(lo, hi), kinds[lo:hi]):
            kind = kinds[i]
            if kind == _IRREALIS_WORD:
                return True
            if kind == _IRREALIS_CAPITAL and (caps or i == lo):
                return True  # "Could it..."; "May" mid-clause is a month, not in a title
            if kind == _IRREALIS_BEFORE and i + 1 < len(lower) and (
                lower[i + 1] in _ASKING[words.lemmas[i]]
            ):
                return True  # "called for guarantees", "plans to", not "a spending plan"
        return False

    def _outlines(self) -> list[Outline]:
        words, bounds = self.words, self.quote_bounds
        numeric, marks = words.numeric, words.marks
        outline = self._outliner()
        out: list[Outline] = []
        for first, last, facts in self._sentences():
            # whether the sentence has a figure, a word that may negate: most have neither
            some = any(numeric[first:last]), any(marks[first:last])
            lo = first
            for hi in (*_cut_points(words, first, last, bounds), last):
                if lo < hi:  # (a cut after a last ";" leaves nothing)
                    found = outline(len(out), lo, hi, facts, some)
                    if found is not None:
                        out.append(found)
                lo = hi
        return out

    def _sentences(self) -> Iterator[tuple[int, int, tuple[bool, bool, bool, bool]]]:
        """The token span of each sentence outside the byline, and whether it is in the
        headline, in a title-case headline, corrects, and asks a question."""
        doc, words = self.doc, self.words
        text = doc.text
        headline, byline = doc.part("headline"), doc.part("byline")
        lower, corrects = words.lower, words.corrects
        versions = (
            [m.start() for m in _EARLIER_VERSION.finditer(text)] if "version" in text else []
        )
        for sentence in doc.sentences:
            first, last = sentence.token_start, sentence.token_end
            start, end = sentence.start, sentence.end
            if last <= first or (byline is not None and byline.start <= start < byline.end):
                continue
            in_headline = headline is not None and start < headline.end
            yield first, last, (
                in_headline,
                in_headline and _title_case(words, first, last),
                any(corrects[first:last])
                or (bool(versions) and any(start <= at < end for at in versions)),
                _asks(text, start, end) or (in_headline and lower[first] in _QUESTION_STARTS),
            )

    def _outliner(
        self,
    ) -> Callable[[int, int, int, tuple[bool, bool, bool, bool], tuple[bool, bool]],
                  Outline | None]:
        """A function that gives the outline of tokens ``[lo, hi)`` (``lo < hi``) of a
        sentence with these facts (and whether it has a figure, and a word that may
        negate), trimmed, or ``None`` when too little is left; with the document's
        columns at hand (it is called for every piece of every sentence)."""
        words = self.words
        lower, starts, ends, lemmas = words.lower, words.starts, words.ends, words.lemmas
        leading, speaks, numeric, content, marks = (
            words.leading, words.speaks, words.numeric, words.content, words.marks
        )
        dateline, after_dateline = self.dateline, self.after_dateline
        # the tokens starting in the dateline (the token starts are in order)
        in_dateline = bisect_left(starts, dateline.start) if dateline is not None else 0
        dates, date_starts, undated = self.dates, self.date_starts, self._undated
        new = tuple.__new__  # Outline(...) without its Python-level __new__

        def outline(
            number: int, lo: int, hi: int, facts: tuple[bool, bool, bool, bool],
            some: tuple[bool, bool],
        ) -> Outline | None:
            supposed = lower[lo] in _SUPPOSING  # "if the council does not..."
            if in_dateline <= lo < after_dateline:
                lo = after_dateline  # "BRENNICK (Northwire) —" is not a claim
            while lo < hi and leading[lo]:
                lo += 1
            while hi > lo and not speaks[hi - 1]:
                hi -= 1
            if hi <= lo:
                return None
            numbered = some[0] and any(numeric[lo:hi])
            k = bisect_left(date_starts, starts[lo]) if dates else len(dates)
            if k < len(dates) and date_starts[k] < ends[hi - 1]:
                here = dates[k : bisect_left(date_starts, ends[hi - 1], k)]
                words_in = frozenset(compress(lemmas[lo:hi], undated(lo, hi, here)))
            else:
                here = []
                words_in = frozenset(compress(lemmas[lo:hi], content[lo:hi]))
            if numbered and not words_in.isdisjoint(CASUALTY_WORDS):
                words_in = words_in | _COUNTS_DEAD  # ("Fourteen killed" is enough)
            if len(words_in) < _MIN_CONTENT and not (numbered and here):
                return None  # "police said": too little to align with anything
            in_headline, caps, correction, question = facts
            return new(Outline, (  # type: ignore[no-any-return]
                number, lo, hi, in_headline, caps, correction, words_in,
                some[1] and any(marks[lo:hi]),
                numbered, bool(here), question or supposed,
            ))

        return outline

    def _undated(
        self, lo: int, hi: int, dates: Sequence[tuple[int, int, str, str]]
    ) -> Sequence[int]:
        """Which tokens of ``[lo, hi)`` are content words outside the *dates* (1 or
        ``True``: a yes; 0 or ``False``: a no)."""
        content = self.words.content[lo:hi]
        if not dates:
            return content
        mask = list(content)
        starts = self.words.starts
        for d_start, d_end, _, _ in dates:
            a = bisect_left(starts, d_start, lo, hi) - lo
            b = bisect_left(starts, d_end, lo, hi) - lo
            mask[a:b] = [False] * (b - a)
        return mask

    def _dates_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        if not self.dates:
            return []
        return self.dates[bisect_left(self.date_starts, start) : bisect_left(self.date_starts, end)]

    def clause(self, outline: Outline) -> Clause:
        """The full clause of *outline*."""
        number, lo, hi = outline.number, outline.first, outline.last
        in_headline, caps, correction = outline.headline, outline.caps, outline.correction
        words = self.words
        lemmas, starts, texts = words.lemmas, words.starts, words.texts
        start, end = starts[lo], words.ends[hi - 1]
        dates = self._dates_in(start, end)
        irrealis = self.irrealis(outline)
        mask = self._undated(lo, hi, dates)  # (columns of booleans, compared in C)
        at = tuple(zip(compress(starts[lo:hi], mask), compress(lemmas[lo:hi], mask),
                       compress(texts[lo:hi], mask), strict=True))
        core = frozenset(compress(lemmas[lo:hi], map(gt, mask, words.modifier[lo:hi])))
        k = bisect_left(self.entity_starts, start)
        entities = [
            frozenset(_name_words(name)) & self.body_names if caps
            else frozenset(_name_words(name))
            # a title-case headline capitalises every word: keep the body's names
            for e_start, _, name in self.entities[k : bisect_left(self.entity_starts, end)]
            if not _inside(e_start, dates)
        ]
        entities = [e for e in entities if e]
        paragraph = bisect_right(self.paragraphs, start) - self.first_body_paragraph
        return Clause(
            number=number,
            start=start,
            end=end,
            first=lo,
            last=hi,
            headline=in_headline,
            paragraph=0 if in_headline else max(paragraph, 1),
            content=outline.content,
            core=core,
            at=at,
            markers=_markers(words, lo, hi) if any(words.marks[lo:hi]) else (),
            irrealis=irrealis,
            correction=correction,
            names=frozenset().union(*entities),
            entities=tuple(entities),
            ordinals=_ORDINALS.intersection(words.lower[lo:hi]),
            quantities=Later(lambda: self.quantities(start, end)) if outline.numbered else (),
            dates=tuple(dates),
            counted=frozenset(compress(  # content words right after a number
                starts[lo:hi], map(and_, mask, (False, *words.numeric[lo : hi - 1]))
            )) if outline.numbered else frozenset(),
            source=self.source(start, end),
        )

    def quantities(self, start: int, end: int) -> tuple[Quantity, ...]:
        """The quantities in ``[start, end)`` that are not part of a temporal expression
        (``30 years ago``) and not identifiers (a number over a trillion with no unit)."""
        spans = self.timex_spans
        return tuple(
            q for q in find_quantities(self.doc.text[start:end], start)
            if (q.unit is not None or q.value < _HUGE)
            and not any(lo < q.end and q.start < hi for lo, hi in spans)
        )

    def source(self, start: int, end: int) -> str | None:
        """The speaker of the quote whose content holds ``[start, end)``, if any."""
        k = bisect_right(self.quote_starts, start)
        for q_start, q_end, speaker in reversed(self.quotes[max(0, k - 4) : k]):
            if q_start <= start and end <= q_end + 1:
                return speaker
        return None


def _inside(offset: int, spans: Sequence[tuple[int, int, str, str]]) -> bool:
    return any(lo <= offset < hi for lo, hi, _, _ in spans)


_TO: Final = frozenset({"to", "that"})
_ASKING: Final = {
    "call": frozenset({"for", "on"}),
    "ask": frozenset({"for", "to", "whether", "if"}),
    "go": frozenset({"to"}),  # "is going to": the future
    "need": frozenset({"to"}),  # "didn't need to meet": a necessity, not an event
    **{verb: _TO for verb in ("hope", "plan", "aim", "want", "intend", "seek",
                               "threaten", "try", "vow", "promise", "pledge")},
}
"""Verbs that make a clause irrealis only before these words (``plans to``, not
``a spending plan``)."""

_EARLIER_VERSION: Final = re.compile(r"(?i)\bearlier version\b")

_COUNTS_DEAD: Final = frozenset({CASUALTY})

_MIN_CONTENT: Final = 2
"""A clause with fewer content words can share the two every detector needs with
no other clause (but a figure given for a date: ``unemployment at 5.1 percent in
June``), so it is not outlined."""

_LEADING: Final = _BREAK_WORDS | {",", "and", "or", "that", ";", ":"}


def _speaks(word: str) -> bool:
    """Whether a clause may start or end with *word* (a word, a number or a sign)."""
    return bool(_HAS_LETTER.search(word)) or word[:1].isdigit() or word in ("%", "$", "€", "£")
