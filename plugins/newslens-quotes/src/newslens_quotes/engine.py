"""One document's quotes, start to end: marks, cues, attributions, speakers.

1. Quotation marks are paired (:mod:`newslens_quotes.marks`).
2. Cues are found outside quotation marks, and each quoted span looks for its
   attribution after and before itself (:mod:`newslens_quotes.attribution`).
3. Each cue not used by a quoted span introduces reported speech, indirect or
   mixed; a quoted span inside reported speech becomes part of it.
   A mixed content ends with the clause of its last quotation, and quotations the
   lexicon leaves unattributed are read by :mod:`newslens_quotes.partial` (a quotation
   after ``as``, after a verb of uttering, in a clause of ``that``).
4. A quoted span with no cue takes the speaker of the quote just before it when
   news convention says so; a short one with no cue (a scare quote, a title) is
   left out.
5. Speakers are linked across the document (:mod:`newslens_quotes.speakers`).
6. Each quote's confidence is its rule's measured precision
   (:mod:`newslens_quotes.confidence`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from newslens import Document
from newslens_quotes import boundaries, learned_cues
from newslens_quotes.attribution import Found, Rules
from newslens_quotes.confidence import confidence, cue_key
from newslens_quotes.lexicon import Cue, CueIndex, builtin_cues, roles
from newslens_quotes.marks import Quoted, find_quoted, trimmed
from newslens_quotes.model import Quote, QuoteResult, TextSpan
from newslens_quotes.partial import (
    attribute,
    colon_lead,
    named_setting,
    own_clause_before_colon,
    speaks_before,
    title_before_cue,
    trim_tail,
)
from newslens_quotes.reported import outer_only
from newslens_quotes.speakers import (
    Cluster,
    Linker,
    apposition_name,
    as_speakers,
    describe,
    entity_mentions,
    is_relative,
    relative_antecedent,
    speaker_of,
)
from newslens_quotes.transcript import turns
from newslens_quotes.words import (
    DETERMINERS,
    QUOTE_MARKS,
    SUBJECT_PRONOUNS,
    Words,
    has_alnum,
    sentence_subject,
)

EndChooser = Callable[[Rules, Sequence[Found]], None]
"""What may move the ends of reported contents: called with the rules and the reported
contents found so far."""

MIN_QUOTE_WORDS: Final = 6
"""A quotation with no cue needs this many words to count as a quote (fewer, with
sentence punctuation inside the marks, also do when they are at least three)."""


TURN_CONFIDENCE: Final = 0.8
"""The confidence of a transcript's turn (``transcript``): its label names the speaker."""

MAX_BETWEEN_PARTS: Final = 40
"""Tokens of attribution at most between two parts of one quote."""

_CLAUSE_OPENERS: Final = frozenset({
    "that", "why", "how", "what", "whether", "if", "when", "he", "she", "they", "it", "we", "i",
})
"""Words that open a content as a clause of its own (``adding that``, ``said he would``),
which a quotation after it may go on (see ``_Run._participle_between``)."""


def _words_in(text: str) -> int:
    return sum(1 for w in text.split() if has_alnum(w))


_SMALL_WORDS: Final = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with",
    "by", "from", "as", "into", "is", "are", "was", "be", "vs", "vs.", "&",
})
MAX_TITLE_WORDS: Final = 10


def is_title(text: str) -> bool:
    """Whether a quotation reads as the title or name of something: a few words, every one
    but the small ones capitalised, whatever punctuation the marks take in
    (``"Face the Nation,"``, ``"Contract with America."``, ``"The Night We Lost the Pier"``).
    """
    count = big = 0  # words with a letter, and those of them that are not small words
    for piece in text.split():
        word = piece.strip(".,;:!?…'\"‘’“”()")
        if not (word.isalpha() or any(ch.isalpha() for ch in word)):
            continue
        count += 1
        if count > MAX_TITLE_WORDS:
            return False
        if word.lower() not in _SMALL_WORDS:
            big += 1
            if not (word[:1].isupper() or not word[:1].isalpha()):
                return False
    return big >= 2


def is_substantial(text: str) -> bool:
    """Whether a quotation with no cue reads as someone's words, not a scare quote or title."""
    stripped = text.rstrip()
    if stripped[-1:] not in ".,?!…":
        words = [w for w in stripped.split() if w[:1].isalpha()]
        if words and sum(w[0].isupper() for w in words) > 0.6 * len(words):
            return False  # a title in capitals: "The Night We Lost the Pier"
    if is_title(stripped):
        return False
    n = _words_in(text)
    if n >= MIN_QUOTE_WORDS:
        return True
    return n >= 3 and stripped[-1:] in ".,?!…" and stripped[:1].isupper()


class _Run:
    """The state of one call of :func:`find_quotes`."""

    def __init__(self, doc: Document, cues: CueIndex) -> None:
        self.doc = doc
        self.words = Words(doc)
        paragraphs = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.text))]
        self._paragraphs = paragraphs
        self.paragraph_starts = [lo for lo, _ in paragraphs]
        self.leave_out = doc.not_prose_spans()
        dateline = doc.part("dateline")  # "MARLOW BAY —" opens a sentence, not a content
        self.trim_out = self.leave_out if dateline is None else tuple(
            sorted([*self.leave_out, (dateline.start, dateline.end)])
        )
        self.quoted = find_quoted(doc.text, paragraphs, self.leave_out)
        self.rules = Rules(self.words, self.quoted, cues)

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset) - 1

    def attributions(self, inherit: bool, ends: EndChooser | None = None) -> list[Found]:
        """The attributions of the document, in text order; *ends*, when given, may move
        the ends of the reported contents (:func:`newslens_quotes.boundaries.choose_ends`)."""
        rules = self.rules
        direct: list[Found] = []
        loose: list[Quoted] = []
        for q in self.quoted:
            found = rules.direct_quote(q, direct)
            if found is not None and found.cue is not None and _setting_of(rules, found, q):
                rules.used.discard(found.cue[0])  # the cue reports what follows it
                found = None
            if found is None:
                loose.append(q)
            else:
                direct.append(found)
        reported: list[Found] = []
        for hit in rules.hits:
            if hit.start not in rules.used:
                found = rules.reported(hit, direct + reported)
                if found is not None:
                    reported.append(found)
        reported += rules.colon_statements() + rules.poll_statements()
        direct, freed = _participle_inside(self.words, direct, reported)
        reported += self._freed(freed, direct + reported)
        reported = outer_only(self.words, reported)
        reported += rules.noun_statements(direct + reported)
        direct, cut = self._tails(direct, reported)
        reported += self._freed(self._participles_after(cut), direct + reported)
        if ends is not None:
            kept = [(f, limit, f.end) for f, limit in cut]
            ends(rules, reported)
            cut = [(f, limit) for f, limit, end in kept if f.end == end]  # the model's end stays
        loose = [q for q in loose if not _inside(q, reported)]
        taken: set[int] = set()
        for q in loose:
            found = None if q.open in taken else attribute(rules, q, taken)
            if found is not None:
                taken.add(q.open)
                (direct if found.kind == "direct" else reported).append(found)
        loose = [q for q in loose if q.open not in taken]
        loose = _run_on(rules, cut, loose)
        direct = [f for f in direct if f.cue is not None or not _inside(f.quoted, reported)]
        for f in direct:
            colon_lead(rules, f)
        everything = sorted(direct + reported, key=lambda f: f.start)
        joined = self._joined(self._loose(everything, loose, inherit))
        joined = _outside_mixed(self.doc.text, _closing_only(self.words, joined))
        return self._with_blocks(self._with_turns(joined))

    def _with_blocks(self, found: list[Found]) -> list[Found]:
        """Add each block quotation (:meth:`Rules.block_quote
        <newslens_quotes.attribution.Rules.block_quote>`): a paragraph of prose in no
        quotation marks after a paragraph that ends in a cue and a colon; what the rules
        found inside it is part of it."""
        text, words, spans = self.doc.text, self.words, self._paragraphs
        for (lo, hi), (start, end) in itertools.pairwise(spans):
            stop = hi
            while stop > lo and text[stop - 1].isspace():
                stop -= 1
            if stop == lo or text[stop - 1] != ":":
                continue  # most paragraphs: no colon at their end, nothing more to read
            piece = text[start:end]
            start += len(piece) - len(piece.lstrip())
            end = start + len(piece.strip())
            if not text[start : start + 1].isalpha():
                continue
            first = words.token_at(start)
            if first >= len(words) or self.rules.in_quote[first] >= 0 or any(
                a < end and start < b for a, b in self.leave_out
            ):
                continue
            block = self.rules.block_quote(words.token_at(stop - 1), start, end)
            if block is not None:
                found = [f for f in found if f.end <= start or f.start >= end] + [block]
        return sorted(found, key=lambda f: f.start)

    def _with_turns(self, found: list[Found]) -> list[Found]:
        """The transcript's turns (:mod:`newslens_quotes.transcript`) as direct quotes of
        their labels, in place of what the rules found in them: the quotation marks made
        the transcript one long quotation, and reported speech inside a turn is part of
        the turn, as it is of any direct quote."""
        said = turns(self.doc.text, self._paragraphs)
        if not said:
            return found
        words = self.words
        kept = [f for f in found if not any(
            t.label[0] <= f.end and f.start <= t.end for t in said
        )]
        for t in said:
            first, colon = words.token_at(t.label[0]), words.token_at(t.colon)
            kept.append(Found(
                t.start, t.end, "direct", (colon, colon + 1), (first, colon), TURN_CONFIDENCE,
                "transcript", words.sentence_of[min(first, len(words) - 1)],
                parts=list(t.parts) if len(t.parts) > 1 else [],
            ))
        return sorted(kept, key=lambda f: f.start)

    def _tails(
        self, direct: list[Found], reported: list[Found]
    ) -> tuple[list[Found], list[tuple[Found, int]]]:
        """End each reported content with :func:`~newslens_quotes.partial.trim_tail` (a
        content left with only its quotation becomes that direct quote). Returns the direct
        quotes, and the contents that end before their sentence with the offset they may run
        on to (:func:`_run_on`)."""
        cut: list[tuple[Found, int]] = []
        for f in reported:
            before = f.end
            own_clause_before_colon(self.words, self.rules.in_quote, f)
            if f.end < before:  # the quotation after the colon is another clause's
                continue
            whole = trim_tail(self.words, self.rules.in_quote, f)
            if whole is not None:  # "the mayor quipped, "...," aides said": the cue's quote
                q = self.quoted[whole]
                f.kind, f.quoted, f.how = "direct", q, "before-quote"
                f.start, f.end = q.content(self.doc.text)
                direct = [d for d in direct if d.quoted is not q]
            elif f.end < before and f.kind == "mixed":
                cut.append((f, before))  # cut short at its last quotation's clause
            elif f.how in _RUN_ON and f.end > f.start and not self._infinitive(f):
                # ended by the cue's rule at a clause break (an infinitive stays at its comma)
                cut.append((f, self._sentence_end(f.end - 1)))
        return direct, cut

    def _infinitive(self, f: Found) -> bool:
        """Whether the content *f* is an infinitive, with or without its addressee (``to
        stay home``, ``drivers to stay home``)."""
        words = self.words
        first = words.token_at(f.start)
        return "to" in words.lower[first : first + _INFINITIVE_LEAD]

    def _sentence_end(self, offset: int) -> int:
        """The offset after the last token of the sentence that holds *offset*."""
        words = self.words
        hi = words.sentence_bounds(min(words.token_at(offset), len(words) - 1))[1]
        return words.end[hi - 1]

    def _participles_after(self, cut: Sequence[tuple[Found, int]]) -> set[int]:
        """The participles after a comma that a mixed content cut short at its quotation
        has left outside it (``insisted that she has "saved the fund," claiming that
        ...``): free to report a content of their own."""
        words, rules = self.words, self.rules
        free: set[int] = set()
        for f, before in cut:
            if f.kind != "mixed" or f.cue is None:
                continue
            first, end = words.token_at(f.end), words.token_at(before - 1) + 1
            for hit in rules.all_hits_between(first, end):
                k = hit.start
                if words.lower[k].endswith("ing") and k > 1 and "," in words.text[k - 2 : k]:
                    free.add(k)
        return free

    def _freed(self, freed: set[int], earlier: list[Found]) -> list[Found]:
        """The contents of the cues *freed* from a quotation (``..., claiming that ...``)."""
        rules = self.rules
        found: list[Found] = []
        for hit in rules.hits:
            if hit.start in freed:
                rules.used.discard(hit.start)
                f = rules.reported(hit, earlier + found)
                if f is not None:
                    found.append(f)
        return found

    def _joined(self, found: list[Found]) -> list[Found]:
        """Join a quote to the one before it when only their attribution stands between
        them (``"A," she said. "B."`` and ``"A," she said, "B."``): one quote in parts."""
        joined: list[Found] = []
        for f in found:
            last = joined[-1] if joined else None
            if last is not None and len(joined) > 1 and self._participle_between(
                joined[-2], last, f
            ):  # '"A," said X, referring to Y. "B."': A and B are one content, Y another
                last = joined[-2]
            if last is not None and self._continues(last, f):
                if not last.parts:
                    last.parts.append((last.start, last.end))
                last.parts.append((f.start, f.end))
                last.end = f.end
                continue
            joined.append(f)
        return joined

    def _participle_between(self, before: Found, between: Found, f: Found) -> bool:
        """Whether *between* is a participle's content in the attribution sentence of the
        direct quote *before*, and *f* a quotation with no cue of its own after it."""
        words = self.words
        return (
            f.how == "inherited" and before.kind == "direct" and before.cue is not None
            and between.kind != "direct" and between.cue is not None
            and before.end <= between.start and between.cue[0] >= before.cue[1]
            and words.sentence_of[between.cue[0]] == words.sentence_of[before.cue[0]]
            and words.lower[words.token_at(between.start)] not in _CLAUSE_OPENERS
        )

    def _continues(self, last: Found, f: Found) -> bool:
        if f.kind != "direct":
            return False
        if last.cue is None:
            return self._after_unread_attribution(last, f)
        if f.cue is not None:
            return last.kind == "direct" and f.cue == last.cue and (
                self.paragraph(last.start) == self.paragraph(f.start)
            )
        if f.how != "inherited":
            return False
        words = self.words
        first, end = words.token_at(last.end), words.token_at(f.start)
        if last.kind != "direct" and (  # 'It is "a disgrace," X said. "B."': one content
            last.cue[0] < first or self.paragraph(f.start) != self.paragraph(last.start)
        ):
            return False
        inside = [k for k in range(first, end) if self.rules.in_quote[k] < 0]
        cue_first, cue_end = last.cue
        if not inside:  # a quote paragraph right after another of the same speaker
            return self.paragraph(f.start) == self.paragraph(last.end) + 1 and all(
                words.is_punct(k) for k in range(first, end)
            )
        if not inside[0] <= cue_first < cue_end <= end:
            return False
        # only the attribution's own sentence between the two: '"A," said X, a lawyer who ... "B."'
        sentence = words.sentence_of[cue_first]
        return len(inside) <= MAX_BETWEEN_PARTS and all(
            words.sentence_of[k] == sentence or words.is_punct(k) for k in inside
        )

    def _after_unread_attribution(self, last: Found, f: Found) -> bool:
        """Whether the quotation *f*, which took the speaker of the cue-less quotation
        *last*, goes on it across one sentence the rules did not read as its attribution:
        *last* ends in a comma (news writing's sign that the attribution follows: ``"A,"
        the two engineers write. "B."``), and only that sentence, in the same paragraph,
        stands between them."""
        if f.how != "inherited" or last.how != "unattributed" or last.kind != "direct":
            return False
        text, words = self.doc.text, self.words
        if text[last.start : last.end].rstrip()[-1:] != "," or (
            self.paragraph(f.start) != self.paragraph(last.start)
        ):
            return False
        first, end = words.token_at(last.end), words.token_at(f.start)
        inside = [k for k in range(first, end) if self.rules.in_quote[k] < 0]
        return 0 < len(inside) <= MAX_BETWEEN_PARTS and len(
            {words.sentence_of[k] for k in inside if not words.is_punct(k)}
        ) == 1

    def _loose(self, found: list[Found], loose: Sequence[Quoted], inherit: bool) -> list[Found]:
        """Add the quoted spans with no cue that read as quotes, inheriting a speaker."""
        text = self.doc.text
        words = self.words
        for q in loose:
            first = words.token_at(q.open)
            lo = words.sentence_bounds(first)[0] if first < len(words) else first
            starts_sentence = all(words.is_punct(k) for k in range(lo, first))
            # the last direct quote before this one (found is in text order only up to
            # the loose quotes appended in this loop)
            last = max(
                (f for f in found if f.start < q.open and speaks_before(f)),
                key=lambda f: f.start, default=None,
            )
            near = last is not None and self.paragraph(q.open) - self.paragraph(last.start) <= 1
            # '"A," Tester said, referring to the excuse, "B."': B goes on A's sentence
            goes_on = last is not None and last.cue is not None and last.cue[1] <= first and (
                words.sentence_of[last.cue[0]] == words.sentence_of[min(first, len(words) - 1)]
            ) and 0 < first < len(words) and _after_comma(words, first)
            follows = inherit and near and (starts_sentence or goes_on) and not is_title(
                text[q.start:q.end]
            )
            if not (follows or is_substantial(text[q.start:q.end])) or self._subhead(q):
                continue
            start, end = q.content(text)
            found.append(Found(
                start, end, "direct", None, None, 0.7 if follows else 0.4,
                "inherited" if follows else "unattributed",
                words.sentence_of[min(first, len(words) - 1)] if len(words) else 0,
                inherit=follows, quoted=q,
            ))
        return sorted(found, key=lambda f: f.start)

    def _subhead(self, q: Quoted) -> bool:
        """Whether *q* in single marks is its paragraph's only text (``'A change
        warrior.'`` between two paragraphs): a section heading, as headlines quote, not a
        statement."""
        index = self.paragraph(q.open)
        if not q.single or not q.closed or index < 0:
            return False
        lo, hi = self._paragraphs[index]
        text = self.doc.text
        return not text[lo:q.open].strip() and not text[q.close + q.width : hi].strip(" .\n\t")

    def _link(
        self, found: Sequence[Found], linker: Linker
    ) -> dict[tuple[int, int], Cluster | None]:
        """Link the names the annotator found and the quotes' speakers, in text order;
        return each speaker span's cluster. A relative pronoun that speaks is linked
        through the phrase it stands for."""
        words = self.words
        entities = sorted(
            (_with_title(words, first), end, label)
            for first, end, label in entity_mentions(words, self.doc.entities)
            if self.rules.in_quote[first] < 0  # names in a quote are the speaker's words
        )
        named_by = self._named_by(found, {first: end for first, end, _ in entities})
        spans = {span for span in named_by.values() if span is not None}
        inside = {  # the names in apposition, linked with the speaker they follow
            (span[1] + 1, named[1]) for span, named in named_by.items()
            if named is not None and named[0] == span[0] and named[1] > span[1]
        }
        pending = sorted(
            [(first, end, label) for first, end, label in entities
             if (first, end) not in spans and (first, end) not in inside]
            + [(first, end, None) for first, end in spans]
        )
        linked: dict[tuple[int, int], Cluster | None] = {}
        subjects: dict[int, tuple[int, int] | None] = {}  # sentence -> its subject
        near = self._near_pronouns(spans)
        sentence_of, add = words.sentence_of, linker.add
        for first, end, label in pending:
            mention = describe(words, first, end, label)
            mention.speaks = label is None
            mention.sentence = sentence = sentence_of[first]
            mention.subject = sentence in near and self._opens_sentence(first, subjects)
            cluster = add(mention)
            if (first, end) in spans:
                linked[(first, end)] = cluster
        return {  # a relative pronoun with nothing before it names nobody
            span: None if named is None else linked[named] for span, named in named_by.items()
        }

    def _named_by(
        self, found: Sequence[Found], names: dict[int, int]
    ) -> dict[tuple[int, int], tuple[int, int] | None]:
        """Each speaker span of *found* with the tokens it is linked through
        (:func:`_named_span`; *names*: each name's first token -> its end)."""
        words = self.words
        according = {  # "According to a summary of its inquiry, Ann Lee, an aide, sent"
            f.speaker for f in found
            if f.speaker is not None and f.cue is not None and words.lower[f.cue[0]] == "according"
        }
        return {
            span: _named_span(words, span, names, according)
            for span in {f.speaker for f in found if f.speaker is not None}
        }

    def _near_pronouns(self, spans: set[tuple[int, int]]) -> set[int]:
        """The sentences of the speakers ``he``, ``she`` and ``I`` among *spans*, and the
        sentences before them: the only ones whose subjects Linker._salient reads."""
        words = self.words
        near: set[int] = set()
        for first, end in spans:
            if end - first == 1 and words.lower[first] in ("he", "she", "i"):
                near.update((words.sentence_of[first], words.sentence_of[first] - 1))
        return near

    def _opens_sentence(self, k: int, subjects: dict[int, tuple[int, int] | None]) -> bool:
        """Whether token *k* is in the subject of its sentence
        (:func:`~newslens_quotes.words.sentence_subject`: past ``But``, ``Later``, an
        opening adjunct and its comma), the subjects worked out kept in *subjects*."""
        words = self.words
        n = words.sentence_of[k]
        if n not in subjects:
            lo, hi = words.sentence_bounds(k)
            subjects[n] = sentence_subject(words, lo, hi, self.rules.in_quote)
        subject = subjects[n]
        return subject is not None and subject[0] <= k < subject[1]

    def build(self, found: Sequence[Found]) -> QuoteResult:
        linker = Linker()
        cluster_at = self._link(found, linker)
        quotes: list[Quote] = []
        previous: tuple[int, Cluster | None, Found | None] = (-9, None, None)
        for n, f in enumerate(found):
            cluster = cluster_at.get(f.speaker) if f.speaker is not None else None
            if cluster is None and f.inherit and self.paragraph(f.start) - previous[0] <= 1:
                cluster, source = previous[1], previous[2]
                if source is not None and f.speaker is None and f.how == "inherited":
                    f.speaker, f.cue = source.speaker, source.cue  # the attribution it continues
            if cluster is not None:
                previous = (self.paragraph(f.start), cluster, f)
            text, skip = self.doc.text, self.trim_out
            parts = [trimmed(text, a, b, skip) for a, b in f.parts or [(f.start, f.end)]]
            f.start, f.end = parts[0][0], parts[-1][1]
            pieces = tuple([TextSpan(a, b, text[a:b]) for a, b in parts])
            name = speaker_of(cluster, n)
            quotes.append(Quote(
                f.start, f.end, self.doc.text[f.start:f.end], f.kind,
                self._span(f.cue), self._span(f.speaker), name,
                self._confidence(f, cluster is not None, name is not None), f.how, pieces,
            ))
        speakers, clusters = as_speakers(linker.clusters)
        return QuoteResult(tuple(quotes), speakers, clusters)

    def _confidence(self, f: Found, linked: bool, named: bool) -> float:
        """The confidence of *f* (:mod:`newslens_quotes.confidence`): its rule's measured
        precision, by whether it names a speaker and by its cue; for a rule the table lacks,
        the rule's own estimate (less for an inherited speaker that was not linked)."""
        estimate = f.confidence if linked or not f.inherit else f.confidence - 0.2
        cue = cue_key(self.words.lemma[f.cue[0]:f.cue[1]]) if f.cue is not None else ""
        return confidence(f.how, f.speaker is not None or named, f.kind, estimate, cue)

    def _span(self, tokens: tuple[int, int] | None) -> TextSpan | None:
        if tokens is None:
            return None
        start, end = self.words.start[tokens[0]], self.words.end[tokens[1] - 1]
        return TextSpan(start, end, self.doc.text[start:end])


def _named_span(
    words: Words, span: tuple[int, int], names: dict[int, int], according: set[tuple[int, int]]
) -> tuple[int, int] | None:
    """The tokens through which the speaker *span* is linked: the phrase a relative pronoun
    stands for, the speaker with a name in apposition after it (not for an ``according
    to`` source, whose comma ends the source), else the span itself."""
    if is_relative(words, *span):
        return relative_antecedent(words, *span)
    if span in according:
        return span
    return apposition_name(words, *span, names) or span


def _with_title(words: Words, first: int) -> int:
    """Take the title words before a name into its mention (``Fire chief Dana Whitfield``)."""
    known = roles()
    if first == 0 or words.lower[first - 1].rstrip(".") not in known:
        return first  # no title before it (most names)
    lo = words.sentence_bounds(first)[0] if first < len(words) else first
    k = first
    while k > lo and first - k < 4 and words.lower[k - 1].rstrip(".") in known:
        k -= 1
    return k


def _setting_of(rules: Rules, found: Found, q: Quoted) -> bool:
    """Whether the quotation *q* that *found* attributes is a title naming the setting of
    a cue whose own content follows (see :func:`~newslens_quotes.partial.title_before_cue`)."""
    text = rules.words.doc.text
    return title_before_cue(rules, found) and (
        is_title(text[q.start:q.end]) or named_setting(rules, q)
    )


def _participle_inside(
    words: Words, direct: list[Found], reported: Sequence[Found]
) -> tuple[list[Found], set[int]]:
    """Leave out a quotation that lies inside a reported content whose cue comes before it
    and that only a participle after a comma attributes (``X insisted that the levy has
    "saved the fund," claiming ...``): a partial quotation of that content, whose
    gold attribution is the content's, not a quote of its own. Return the quotes kept
    and the participles set free to report a content of their own."""
    kept: list[Found] = []
    freed: set[int] = set()
    for f in direct:
        if (
            f.how == "after-quote" and f.cue is not None and f.quoted is not None
            and words.lower[f.cue[0]].endswith("ing") and _comma_then(words, f.quoted, f.cue[0])
            and any(
                r.cue is not None and r.cue[1] <= words.token_at(f.quoted.open)
                and _inside(f.quoted, [r]) for r in reported
            )
        ):
            freed.add(f.cue[0])
        else:
            kept.append(f)
    return kept, freed


def _comma_then(words: Words, q: Quoted, cue: int) -> bool:
    """Whether only a comma (inside or after the closing mark) stands between *q* and the
    token *cue*."""
    text = words.doc.text
    between = text[q.close + 1 : words.start[cue]]
    return not between.strip(",'\" ”’") and (
        "," in between or text[q.open : q.close].rstrip()[-1:] == ","
    )


_RUN_ON: Final = frozenset({"reported", "continued"})
"""The rules whose content follows its cue and may end before its sentence does."""
_INFINITIVE_LEAD: Final = 4  # tokens of an addressee before "to": "the harbour board to"


def _run_on(rules: Rules, cut: Sequence[tuple[Found, int]], loose: list[Quoted]) -> list[Quoted]:
    """Let a content that ends before its sentence (a mixed one that
    :func:`~newslens_quotes.partial.trim_tail` cut short, or one that its cue's rule ended
    at a clause break) run on to a quotation that nothing else attributes in the words after
    it (``said that the fund "ran dry in May" and crews were "left unpaid."``, ``said the
    levy was "unfair," but the crews were "left unpaid."``: one content, as PolNeAR marks
    it; not an infinitive, which ends at its first comma), when only a plain stretch of the
    clause stands between them (see :func:`_plain_between`). *cut* holds each such content
    with the offset it may run on to; the contents are changed in place. Returns the
    quotations of *loose* still without an attribution."""
    if not cut:
        return loose
    words = rules.words
    kept: list[Quoted] = []
    for q in loose:
        owner = next((f for f, end in cut if f.end <= q.open and q.close <= end), None)
        if owner is None or not _plain_between(
            rules, words.token_at(owner.end), words.token_at(q.open)
        ):
            kept.append(q)
            continue
        owner.end = q.close + q.width if q.closed else q.close
        if owner.parts:
            owner.parts[-1] = (owner.parts[-1][0], owner.end)
    return kept


_NOT_BETWEEN: Final = frozenset({":", ";", "—", "–", "--", "―", "(", ")"})
"""Punctuation that keeps a cut-off quotation apart from the content before it."""


def _plain_between(rules: Rules, first: int, end: int) -> bool:
    """Whether the tokens ``[first, end)`` go on the clause of the content before them: no
    cue of the lexicon, no colon, semicolon, dash or bracket, no ``and`` before a verb in
    ``-ed`` (``and ranked Ruiz as ...``: another predicate), no comma before a word in
    ``-ing``, a determiner or a subject pronoun (``, telling reporters``, ``, the crews
    ...``: another clause)."""
    words = rules.words
    if rules.all_hits_between(first, end):
        return False
    for k in range(first, end):
        low = words.lower[k]
        after = words.lower[k + 1] if k + 1 < end else ""
        if low in _NOT_BETWEEN or (low == "and" and after.endswith("ed")) or (low == "," and (
            after.endswith("ing") or after in DETERMINERS or after in SUBJECT_PRONOUNS
        )):
            return False
    return True


_JOINING: Final = frozenset({"and", "but"})
"""Conjunctions that carry a sentence on after its comma to a quotation of the same speaker
(``"A," he said, but "B."``)."""


def _after_comma(words: Words, first: int) -> bool:
    """Whether the token before *first* is a comma or a colon, or a conjunction of
    :data:`_JOINING` right after a comma."""
    k = first - 1
    if k > 0 and words.lower[k] in _JOINING:
        k -= 1
    return words.text[k] in (",", ":")


_SPEECH_LEMMAS: Final = frozenset({"say", "tell", "ask", "write", "add", "report"})
_MARKS: Final = "".join(sorted(m for m in QUOTE_MARKS if len(m) == 1))  # for rstrip
_LOOK_BACK: Final = 12  # characters read before a quotation's first word: ', "'
_INTRODUCING: Final = frozenset(",:.?!;—–-―")
"""What introduces a quotation as a quote of its own when it comes right before its
opening mark (``Ruiz said, "..."``, ``... the plan. "..."``)."""


def _closing_only(words: Words, found: list[Found]) -> list[Found]:
    """*found* without the closing attributions (``reported-after``: ``CONTENT, X said``)
    whose content holds another statement whole, its verb of speech and its content
    (``Lind also said the videos show nothing, the footage showed``, ``"...," said Ruiz,
    half joking``): that statement is the content, not the sentence around it."""
    def holds_one(f: Found) -> bool:
        return any(
            g is not f and g.cue is not None and f.start <= words.start[g.cue[0]] < f.end
            and f.start <= g.start and g.end <= f.end
            and words.lemma[g.cue[0]] in _SPEECH_LEMMAS for g in found
        )

    return [f for f in found if f.how != "reported-after" or not holds_one(f)]


def _outside_mixed(text: str, found: list[Found]) -> list[Found]:
    """*found* without the direct quotes that run on inside the content of a mixed quote,
    no punctuation before their opening mark and no colon between that content's start and
    theirs (``Ruiz said the levy was "a tax on work"``, ``what she calls "a lifeline"``):
    the quotation is part of that statement, not a second one. A quotation set off by a
    comma, a colon, a dash or a sentence's end (``Ruiz said, "..."``) stays a quote."""
    mixed = [(f.start, f.end) for f in found if f.kind == "mixed"]
    if not mixed:
        return found

    def runs_on(f: Found) -> bool:
        window = text[max(0, f.start - _LOOK_BACK):f.start]
        before = window.rstrip().rstrip(_MARKS).rstrip()
        return f.kind == "direct" and before[-1:] not in _INTRODUCING and before[-1:] != "" \
            and "\n" not in window[len(before):]

    return [f for f in found if not runs_on(f) or not any(
        start <= f.start and f.end <= end and (start, end) != (f.start, f.end)
        and ":" not in text[start:f.start] for start, end in mixed
    )]


def _inside(q: Quoted | None, found: Iterable[Found]) -> bool:
    return q is not None and any(f.start <= q.open and q.close <= f.end + 1 for f in found)


def find_quotes(
    doc: Document,
    *,
    cues: Iterable[Cue] | CueIndex | None = None,
    inherit: bool = True,
    min_confidence: float = 0.0,
    learned_boundaries: bool = False,
    learned_candidates: bool = False,
) -> QuoteResult:
    """Find the quotes of an annotated document and who said them.

    Args:
        doc: A document with tokens, sentences and paragraphs (any annotator;
            part-of-speech tags and dependencies are used when present).
        cues: The reporting cues to look for (default: the built-in lexicon,
            :func:`~newslens_quotes.lexicon.builtin_cues`), or their
            :class:`~newslens_quotes.lexicon.CueIndex`: build it once with
            :meth:`CueIndex.build <newslens_quotes.lexicon.CueIndex.build>` to look for
            the same cues in many documents.
        inherit: Let a quotation with no cue of its own take the speaker of
            the quote before it, as news convention allows.
        min_confidence: Leave out the quotes whose
            :attr:`~newslens_quotes.model.Quote.confidence` is below it (from 0, keep
            all, to 1; see :meth:`QuoteResult.at_least
            <newslens_quotes.model.QuoteResult.at_least>`).
        learned_boundaries: Let the model of :mod:`newslens_quotes.boundaries` (learned
            on PolNeAR's train split) choose where each reported content ends, instead
            of the rules alone.
        learned_candidates: Let the model of :mod:`newslens_quotes.learned_cues` (learned
            on PolNeAR's train split) add statements that no cue of the lexicon
            introduces (``backed the plan``, ``plans to run``), found by
            :data:`~newslens_quotes.learned_cues.HOW`.

    Raises:
        ValueError: when *min_confidence* is not a number from 0 to 1.

    Returns:
        The quotes in text order, with canonical speakers.
    """
    check_confidence(min_confidence)
    run = _Run(doc, _index_of(cues))
    chooser = boundaries.choose_ends if learned_boundaries else None
    found = run.attributions(inherit, chooser)
    if learned_candidates:
        found = learned_cues.add_statements(run.rules, found)
    result = run.build(found)
    return result.at_least(min_confidence) if min_confidence > 0 else result


def check_confidence(value: object) -> float:
    """Return *value* as a confidence threshold, or raise :class:`ValueError` saying why
    (a threshold is a number from 0 to 1; a bool, NaN or a string is none)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError(f"a confidence threshold is a number from 0 to 1, not {value!r}")
    return float(value)


def _index_of(cues: Iterable[Cue] | CueIndex | None) -> CueIndex:
    """The :class:`CueIndex` to look for: *cues* itself when it is one, the built-in
    lexicon's (built once) for ``None``, else built from *cues* for this call."""
    if isinstance(cues, CueIndex):
        return cues
    return _builtin_index() if cues is None else CueIndex.build(cues)


@functools.cache
def _builtin_index() -> CueIndex:
    return CueIndex.build(builtin_cues())
