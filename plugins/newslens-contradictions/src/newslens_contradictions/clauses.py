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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, Final

import attrs

from newslens import Document, Key
from newslens_contradictions.lexicon import is_denial, is_negative_implicative, nominal_verb
from newslens_contradictions.numbers import Quantity, find_quantities

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
me my mine we us our ours you your yours he him his she her hers it its they them their
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
""")
"""Words that never count as content."""

NEGATORS: Final = frozenset(
    {"not", "n't", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
     "nowhere", "cannot"}
)
"""Words that negate their clause (kind ``negation``)."""

IRREALIS: Final = frozenset({
    "would", "could", "might", "may", "should", "must", "if", "whether", "unless", "will",
    "shall", "expect", "project", "forecast", "predict", "wish", "propose", "consider", "urge", "demand",
    "suggest", "likely", "unlikely", "possible", "possibly", "perhaps", "maybe", "probably",
    "potential", "potentially", "allegedly", "reportedly", "rumor", "rumour", "whenever",
    "suppose",
})
"""Words that make a clause a condition, question, wish, forecast or modal statement."""

CORRECTIONS: Final = _words("""
correct corrected correction revise revised revision update updated amend amended
initially originally erroneously mistakenly incorrectly retract retracted
""")
"""Words that mark a sentence as a correction of an earlier statement."""

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
_ORDINALS: Final = frozenset(
    {"first", "second", "third", "fourth", "fifth", "last", "next", "previous", "former",
     "latter", "final", "earlier", "later"}
)
_HAS_LETTER: Final = re.compile(r"[^\W\d_]")
_TITLE_CASE_SHARE: Final = 0.6


@attrs.frozen(slots=True)
class Marker:
    """A word that negates the rest of its clause.

    Attributes:
        index: The token's index in the document.
        start: The token's offset in the document's text.
        scope_end: Where what it negates ends: the first comma after it, or the clause's end.
        lemma: The token's normalised lemma.
        kind: ``"negation"`` (``not``, ``no``...) or ``"factive"`` (a denial or a
            negative implicative: ``denied``, ``refused to``).
        word: The word as written.
    """

    index: int
    start: int
    scope_end: int
    lemma: str
    kind: str
    word: str


@attrs.frozen(slots=True)
class Clause:
    """One clause of the document and what the detectors compare in it.

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
        quantities: Its quantities.
        dates: Its temporal expressions of type DATE, as ``(start, end, text, value)``.
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
    at: tuple[tuple[int, str, str], ...] = attrs.field(eq=False)
    markers: tuple[Marker, ...]
    irrealis: bool
    correction: bool
    names: frozenset[str]
    entities: tuple[frozenset[str], ...]
    ordinals: frozenset[str]
    quantities: tuple[Quantity, ...]
    dates: tuple[tuple[int, int, str, str], ...]
    source: str | None

    @property
    def negated(self) -> bool:
        """Whether a marker negates it (two close together have cancelled out)."""
        return bool(self.markers)


class Words:
    """The token columns of a document, normalised once for the clause builder."""

    __slots__ = ("ends", "lemmas", "lower", "starts", "texts")

    def __init__(self, doc: Document) -> None:
        tokens = doc.tokens
        self.texts: tuple[str, ...] = tokens.column("text")
        self.starts: tuple[int, ...] = tokens.column("start")
        self.ends: tuple[int, ...] = tokens.column("end")
        self.lower: list[str] = [t.lower() for t in self.texts]
        lemmas = tokens.column("lemma") if tokens.has("lemma") else None
        normal: list[str] = []
        for i, low in enumerate(self.lower):
            lemma = (lemmas[i] or low).lower() if lemmas is not None else low
            text = self.texts[i]
            if len(text) > 1 and text.isupper():  # an acronym (US, NATO) is not a pronoun
                lemma = low
            normal.append(nominal_verb(lemma) or lemma)
        self.lemmas: list[str] = normal


def _is_content(lower: str, lemma: str) -> bool:
    return (
        lower not in FUNCTION_WORDS
        and lemma not in FUNCTION_WORDS
        and lower not in _WORD_NUMBERS
        and _HAS_LETTER.search(lower) is not None
        and not any(ch.isdigit() for ch in lower)
    )


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
    cuts = [  # not between a denial and what it denies ("denied | resigning")
        b for b in bounds
        if first < b < last and not _MARKS(lemmas[b - 1]) and lower[b - 1] != "to"
    ]
    for i in range(first + 1, last):
        word = lower[i]
        nxt = lower[i + 1] if i + 1 < last else ""
        if word in (";", ":"):
            cuts.append(i + 1)
        elif word in _BREAK_WORDS and i > first + 1:
            cuts.append(i)
        elif word in ("and", "or", ",") and nxt in _NEW_SUBJECT:
            cuts.append(i)
        elif word == "," and last - i <= _TAIL and any(
            lemmas[j] in _REPORTING for j in range(i + 1, last)
        ):
            cuts.append(i)  # ", officials said." ends the claim
    return sorted(set(cuts))


def _MARKS(lemma: str) -> bool:  # noqa: N802 - reads as a set
    return is_denial(lemma) or is_negative_implicative(lemma)


_TAIL: Final = 8
_REPORTING: Final = frozenset({"say", "tell", "add", "state", "according", "report", "write",
                               "announce", "explain", "note"})


def _entity_words(doc: Document, lo: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """The document's names from offset *lo* on, as ``(start, end, lower-case words)``."""
    return sorted(
        (entity.start, entity.end,
         tuple(w.lower() for w in entity.text.split() if _HAS_LETTER.search(w)))
        for entity in doc.entities
        if entity.start >= lo
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


def _dates(doc: Document) -> list[tuple[int, int, str, str]]:
    result = doc.get(TIMEXES)
    out: list[tuple[int, int, str, str]] = []
    for timex in getattr(result, "timexes", ()) if result is not None else ():
        if getattr(timex, "type", None) in ("DATE", "TIME") and getattr(timex, "value", None):
            day = str(timex.value).partition("T")[0]  # a time compares by its day
            out.append((int(timex.start), int(timex.end), str(timex.text), day))
    out.sort()
    return out


def _markers(words: Words, lo: int, hi: int) -> tuple[Marker, ...]:
    lower, lemmas, texts, starts = words.lower, words.lemmas, words.texts, words.starts
    found: list[Marker] = []
    for i in range(lo, hi):
        word = lower[i]
        nxt = lower[i + 1] if i + 1 < hi else ""
        if word in NEGATORS:
            if word == "no" and (nxt in (",", ".", "!", "") or not _HAS_LETTER.search(nxt)):
                continue  # "no, they have come": an answer, not a negation
            if word == "nor" and found and found[-1].word.lower() == "neither":
                continue
            kind = "negation"
        elif is_denial(lemmas[i]) or (is_negative_implicative(lemmas[i]) and nxt == "to"):
            kind = "factive"
        else:
            continue
        end = next((words.ends[j - 1] for j in range(i + 1, hi) if lower[j] == ","),
                   words.ends[hi - 1])
        if found and i - found[-1].index <= _CANCEL:
            found.pop()  # "not without", "never failed to": two negations cancel
            continue
        found.append(Marker(i, starts[i], end, lemmas[i], kind, texts[i]))
    return tuple(found)


_CANCEL: Final = 3
"""Two negation markers this close (in tokens) cancel out."""


def _title_case(words: Words, lo: int, hi: int) -> bool:
    letters = [w for w in words.texts[lo:hi] if _HAS_LETTER.search(w)]
    return bool(letters) and sum(w[0].isupper() for w in letters) >= _TITLE_CASE_SHARE * len(
        letters
    )


def build_clauses(doc: Document) -> list[Clause]:
    """Cut *doc* into clauses (headline and body; the byline is left out)."""
    if not len(doc.tokens):
        return []
    return _Builder(doc).clauses()


class _Builder:
    """What building the clauses of one document needs, worked out once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.words = Words(doc)
        self.upos: Sequence[Any] | None = (
            doc.tokens.column("upos") if doc.tokens.has("upos") else None
        )
        body = doc.part("body")
        self.body_start = body.start if body is not None else 0
        self.entities = _entity_words(doc, 0)
        self.entity_starts = [e[0] for e in self.entities]
        self.body_names = frozenset(
            w for start, _, ws in self.entities if start >= self.body_start for w in ws
        )
        self.quotes = _attributions(doc)
        self.quote_starts = [q[0] for q in self.quotes]
        self.quote_bounds = sorted(
            {bisect_left(self.words.starts, q[0]) for q in self.quotes}
            | {bisect_left(self.words.starts, q[1]) for q in self.quotes}
        )
        self.dates = _dates(doc)
        self.date_starts = [d[0] for d in self.dates]
        self.paragraphs = [p.start for p in doc.paragraphs]
        self.first_body_paragraph = bisect_right(self.paragraphs, self.body_start) - 1

    def clauses(self) -> list[Clause]:
        doc, words = self.doc, self.words
        headline, byline = doc.part("headline"), doc.part("byline")
        dateline = doc.part("dateline")
        after_dateline = (
            bisect_left(words.starts, dateline.end) if dateline is not None else 0
        )
        lower = words.lower
        out: list[Clause] = []
        for sentence in doc.sentences:
            if byline is not None and byline.start <= sentence.start < byline.end:
                continue
            first, last = sentence.token_start, sentence.token_end
            if last <= first:
                continue
            in_headline = headline is not None and sentence.start < headline.end
            said = set(words.lemmas[first:last]) | set(lower[first:last])
            correction = bool(said & CORRECTIONS) or (
                "earlier version" in doc.text[sentence.start : sentence.end].lower()
            )
            caps = in_headline and _title_case(words, first, last)
            bounds = [first, *_cut_points(words, first, last, self.quote_bounds), last]
            for lo, hi in pairwise(bounds):
                if dateline is not None and dateline.start <= words.starts[lo] < dateline.end:
                    lo = max(lo, after_dateline)  # "BRENNICK (Northwire) —" is not a claim
                while lo < hi and (lower[lo] in _LEADING or not _speaks(lower[lo])):
                    lo += 1
                while hi > lo and not _speaks(lower[hi - 1]):
                    hi -= 1
                if hi > lo:
                    out.append(self.clause(len(out), lo, hi, in_headline, caps, correction))
        return out

    def clause(
        self, number: int, lo: int, hi: int, in_headline: bool, caps: bool, correction: bool
    ) -> Clause:
        words, upos = self.words, self.upos
        lemmas, lower = words.lemmas, words.lower
        start, end = words.starts[lo], words.ends[hi - 1]
        content: set[str] = set()
        core: set[str] = set()
        at: list[tuple[int, str, str]] = []
        dates = self.dates[bisect_left(self.date_starts, start) : bisect_left(self.date_starts, end)]
        irrealis = False
        ordinals: set[str] = set()
        comma = next((i for i in range(lo, hi) if lower[i] == ","), hi)
        for i in range(lo, hi):
            low, lemma = lower[i], lemmas[i]
            if i < comma and (low in IRREALIS or lemma in IRREALIS) and (
                i == lo or words.texts[i][:1].islower()  # "May" mid-clause is the month
            ):
                irrealis = True
            elif i < comma and lemma in _ASKING and i + 1 < hi and lower[i + 1] in _ASKING[lemma]:
                irrealis = True  # "called for guarantees", "asked to leave"
            if low in _ORDINALS:
                ordinals.add(low)
            if not _is_content(low, lemma) or _inside(words.starts[i], dates):
                continue
            content.add(lemma)
            at.append((words.starts[i], lemma, words.texts[i]))
            if not _is_modifier(low, lemma, upos[i] if upos is not None else None):
                core.add(lemma)
        k = bisect_left(self.entity_starts, start)
        entities = [
            frozenset(ws) & self.body_names if caps else frozenset(ws)
            # a title-case headline capitalises every word: keep the body's names
            for e_start, _, ws in self.entities[k : bisect_left(self.entity_starts, end)]
            if not _inside(e_start, dates)
        ]
        entities = [e for e in entities if e]
        names = set().union(*entities)
        paragraph = bisect_right(self.paragraphs, start) - self.first_body_paragraph
        return Clause(
            number=number,
            start=start,
            end=end,
            first=lo,
            last=hi,
            headline=in_headline,
            paragraph=0 if in_headline else max(paragraph, 1),
            content=frozenset(content),
            core=frozenset(core),
            at=tuple(at),
            markers=_markers(words, lo, hi),
            irrealis=irrealis,
            correction=correction,
            names=frozenset(names),
            entities=tuple(entities),
            ordinals=frozenset(ordinals),
            quantities=tuple(find_quantities(self.doc.text[start:end], start)),
            dates=tuple(dates),
            source=self.source(start, end),
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
    **{verb: _TO for verb in ("expect", "hope", "plan", "aim", "want", "intend", "seek",
                               "threaten", "try", "vow", "promise", "pledge")},
}
"""Verbs that make a clause irrealis only before these words (``plans to``, not
``a spending plan``)."""

_LEADING: Final = _BREAK_WORDS | {",", "and", "or", "that", ";", ":"}


def _speaks(word: str) -> bool:
    """Whether a clause may start or end with *word* (a word, a number or a sign)."""
    return bool(_HAS_LETTER.search(word)) or word[:1].isdigit() or word in ("%", "$", "€", "£")
