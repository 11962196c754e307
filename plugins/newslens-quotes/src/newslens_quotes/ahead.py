"""Reported speech whose content comes ahead of its attribution, without quotation marks.

News writing often gives the statement first and closes the sentence with who made it:
``The bridge will stay closed until May, a city engineer told the Daily Herald.``,
``The mill is losing money, two past and present managers said.``, ``The plan will fail,
said the city's chief engineer, Dana Whitfield.`` The rule here (how ``"content-ahead"``)
reads such a closing attribution as a whole, where the plain ``CONTENT, X said.`` rule
(``reported-after``) needs a speaker its noun-phrase reader knows and nothing after the
cue but a short adjunct:

* the attribution is the sentence's last comma-separated stretch: a comma, a speaker's
  phrase of up to :data:`MAX_SPEAKER` words (any noun phrase: ``a source close to the
  mayor``, ``she and another engineer``, ``people familiar with the talks``), the cue,
  then for a cue with an addressee (``object`` frame) that addressee (``told the Daily
  Herald``, ``told reporters``), and at most a short adjunct (``on Monday``, ``in a
  filing``) to the sentence end;
* or the cue right after the comma with its speaker after it, which may carry an
  apposition after a second comma (``..., said the chief engineer, Dana Whitfield.``);
* the content is the sentence before that comma (after its last semicolon or colon, and
  after any statement found earlier in the sentence).

A speaker's phrase never starts with a word that opens a clause (``..., as experts
said``, ``..., which officials denied``) and holds no quotation mark and no other cue.

The second rule here (how ``"long-subject"``, ``long_subject``) takes the subject of
a ``speech`` or ``object`` cue that the noun-phrase reader leaves (``Former tenants of the
tower said ...``, ``One in three said ...``, ``The engineer -- who ... -- said ...``) as the
stretch from its clause start to the cue, when a reported clause follows the cue.

Where a reported clause ends (``content_stop``, for every rule whose content follows
its cue): past ``..., but could not ...`` and ``..., but wants ...`` (the same subject's
next verb) and past the ``but`` of a ``not just``, and before the
writer's addition to the whole clause (``..., a claim not recognized abroad``, ``..., which
the probe said ...``).

A cue right after ``to`` (how ``"infinitive"``, ``infinitive``: ``Voters are more likely to
say CONTENT``) speaks for the one named before ``to``, else for the sentence's subject.

Cues that did not fire: a cue of ``be`` and a participle with an adverb or a negation
inside (``gapped_cue``: ``is widely expected to``, ``is not expected to``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from newslens_quotes.lexicon import APOSTROPHE_S, THOUGHT_FRAMES, Cue, CueIndex, roles
from newslens_quotes.reported import clause_end, far_subject, subject_clause
from newslens_quotes.words import (
    ADDRESSEES,
    BE_FORMS,
    BETWEEN,
    CLAUSE_WORDS,
    DETERMINERS,
    FINITE_AUXILIARIES,
    INTRODUCERS,
    LINKS,
    OPENING,
    PERSON_PRONOUNS,
    QUOTE_MARKS,
    SETTINGS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    Words,
    is_verb,
    sentence_subject,
    speaker_after,
    speaker_before,
)

if TYPE_CHECKING:
    from newslens_quotes.attribution import Found, Hit, Rules

MAX_SPEAKER: Final = 14
"""Words of a speaker's phrase between the comma and the cue."""
MAX_APPOSITION: Final = 24
"""Words of an apposition after a speaker named after the cue."""
FRAMES: Final = frozenset({"speech", "object", "quote"})
"""The cue frames the rule reads (``quote``: ``..., Kennedy wrote.`` is reported speech)."""
_NOT_IN_SPEAKER: Final = frozenset({
    "who", "which", "that", "whom", "not", "as", "when", "while", "because", "if", "but",
    "never", "what", "where", "there", "than", "so",
}) | (BE_FORMS - APOSTROPHE_S) | {"has", "have", "had"}  # "the city's engineer" is no "is"
_BODIES: Final = frozenset({
    "council", "court", "committee", "panel", "audience", "crowd", "jury", "board", "senate",
    "house", "assembly", "legislature", "congress", "reporters", "journalists", "supporters",
})
_SPEAKER_NOT_FIRST: Final = CLAUSE_WORDS | {"it", "there", "this", "what", "with", "for", "of"}
_STOPS: Final = frozenset({";", ":"})
# the marks a name may hold: "Sen. Lee (D-Ohio)"
_IN_NAMES: Final = frozenset({".", "'", "’", "&", "(", ")", "-"}) | APOSTROPHE_S
_BREAKS: Final = frozenset({",", ";", ":", "—", "–", "--", "(", "?"})
_ENDS: Final = frozenset({".", "!", "?", "…"})
MAX_ADJUNCT: Final = 12
"""Words of a clause of when it was said that closes the sentence (``when asked ...``)."""
MAX_SETTING: Final = 10
"""Words of a time or a setting that closes the sentence (``in a statement on Monday``)."""
CLAUSE_STARTS: Final = frozenset({"when", "while", "as", "after", "before"})
"""Words that start a clause of when it was said."""
SETTING_STARTS: Final = frozenset({
    "on", "in", "at", "during", "after", "before", "last", "this", "earlier", "later",
    "today", "yesterday", "tonight", "late", "early", "recently", "then", "via", "through",
    "from", "inside", "outside", "since", "again", "previously", "afterward", "afterwards",
})
"""Words a time or a setting after the cue starts with."""
SETTING_WORDS: Final = SETTINGS | frozenset({
    "filing", "report", "message", "remarks", "town", "hall", "event", "meeting", "program",
    "show", "blog", "book", "column", "editorial", "court", "documents", "time", "past",
    "weekend", "recent", "phone", "telephone", "text", "emailed", "written", "prepared",
})
"""Words that make an adjunct a setting: ``in a statement``, ``at a rally``."""
_TIME_LEADS: Final = frozenset({"this", "last", "next", "early", "late", "earlier", "later"})
INVERTED: Final = frozenset({
    "say", "write", "add", "ask", "explain", "recall", "insist", "argue", "warn", "note",
    "conclude", "acknowledge", "observe", "remark", "reply", "respond", "quip", "joke",
    "declare", "tell", "report", "state", "admit", "continue", "counter", "caution",
})
"""Lemmas of cues whose speaker can follow them: ``..., said the fire chief.``"""
CONFIDENCE: Final = 0.75


def closing(rules: Rules, hit: Hit, lo: int, hi: int, earlier: Sequence[Found]) -> Found | None:
    """The statement before a closing attribution made by the cue *hit* in the sentence of
    tokens ``[lo, hi)`` (see the module), or ``None``."""
    if hit.cue.frame not in FRAMES:
        return None
    words = rules.words
    comma = hit.start - 1
    if comma > lo and words.text[comma] == ",":
        speaker = _named_after(rules, hit, lo, hi)
    else:
        comma, speaker = _named_before(rules, hit, lo, hi)
    if speaker is None or comma <= lo:
        return None
    first = _content_first(rules, lo, comma, earlier)
    if words.text[hit.start - 1] == "," and not _has_verb(rules, first, comma):
        return None  # "Ruiz's aide, Ann Lee, said the man who ...": a subject, no statement
    if words.lower[first] in INTRODUCERS and not any(
        words.text[k] == "," and rules.in_quote[k] < 0 for k in range(first, comma)
    ):
        return None  # "In his speech, Graham urged ...": an opening adjunct, no statement
    return rules.content(first, comma, hit, speaker, "content-ahead", CONFIDENCE)


def _has_verb(rules: Rules, first: int, end: int) -> bool:
    """Whether tokens ``[first, end)`` hold a verb (a quotation counts as one): a
    statement, not a noun phrase."""
    words = rules.words
    return any(
        rules.in_quote[k] >= 0 or words.lower[k] in _VERB_WORDS or is_verb(words, k)
        or (words.lower[k] in BE_FORMS and words.lower[k] not in APOSTROPHE_S)
        for k in range(first, end)
    )


_VERB_WORDS: Final = FINITE_AUXILIARIES | {"do"}  # with BE_FORMS beside it in _has_verb


def _named_before(
    rules: Rules, hit: Hit, lo: int, hi: int
) -> tuple[int, tuple[int, int] | None]:
    """``CONTENT, SPEAKER CUE [ADDRESSEE] [ADJUNCT].``: the comma and the speaker's phrase."""
    words = rules.words
    if not _tail_ends(rules, _past_addressee(rules, hit, hi), hi):
        return -1, None
    end = hit.start
    while end > lo and words.lower[end - 1] in BETWEEN:
        end -= 1  # "has said", "would later tell"
    comma = end - 1
    while comma > lo and end - comma <= MAX_SPEAKER + 1 and words.text[comma] != ",":
        if words.is_punct(comma) and words.text[comma] not in _IN_NAMES:
            return -1, None
        if rules.in_quote[comma] >= 0:
            return -1, None
        comma -= 1
    if comma <= lo or words.text[comma] != "," or comma + 1 >= end:
        return -1, None
    first = comma + 1
    if words.lower[first] in _SPEAKER_NOT_FIRST or not _could_name(words, first, end):
        return -1, None
    if any(words.lower[j] in _NOT_IN_SPEAKER for j in range(first, end)):
        return -1, None  # "..., waving off a clerk who asked", "..., the pump failed as"
    if _object_and_subject(words, first, end):
        return -1, None  # "..., a word Trump repeated": the object, then the subject
    return comma, (first, end)


def _object_and_subject(words: Words, first: int, end: int) -> bool:
    """Whether ``[first, end)`` is a noun and the name of whoever acts on it (``a word
    Trump``, ``the plan the mayor``): a determiner, then a lower-case word that names no
    role right before a capitalised word or a second determiner."""
    if words.lower[first] not in DETERMINERS:
        return False
    known = roles()
    return any(
        not words.capital[j] and words.lower[j] not in known and words.lower[j] not in LINKS
        and words.lower[j] not in CLAUSE_WORDS
        and (words.capital[j + 1] or words.lower[j + 1] in DETERMINERS)
        for j in range(first + 1, end - 1)
    )


def _could_name(words: Words, first: int, end: int) -> bool:
    """Whether ``[first, end)`` can be a speaker's phrase: it starts with a letter or a
    number and not with a verb in ``-ing``, ``-ed`` or an irregular past (``..., got
    cards they asked for``), and a lone lower-case word is a plural or a pronoun
    (``officials``, ``she``)."""
    low = words.lower[first]
    if not words.text[first][:1].isalnum():
        return False
    if not words.capital[first] and (
        low.endswith("ing") or (is_verb(words, first) and not low.endswith("s"))
    ):
        return False
    if end - first == 1 and not words.capital[first]:
        return low.endswith("s") or low in SUBJECT_PRONOUNS
    return True


def _named_after(rules: Rules, hit: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    """``CONTENT, CUE SPEAKER[, APPOSITION] [ADJUNCT].``: the speaker after the cue."""
    words = rules.words
    if words.lemma[hit.start] not in INVERTED or words.lower[hit.start].endswith("ing"):
        return None  # "..., echoing Mr. Putin": a participle and its object
    if far_subject(words, hit.start, lo) is not None:
        return None  # "Ivanka Trump, his eldest daughter, noted the rule": an apposition
    speaker = speaker_after(words, hit.end, hi)
    if speaker is None:
        return None
    speaker = _possessed(rules, speaker, hi)
    if speaker is None:
        return None
    k = speaker[1]
    return speaker if _tail_ends(rules, k, hi) or _relative_after(rules, k, hi) else None


def _possessed(rules: Rules, speaker: tuple[int, int], hi: int) -> tuple[int, int] | None:
    """The speaker after a cue taken on through a possessive or a link (``the city's chief
    engineer``, ``the head of the agency``) to its comma, adjunct or end; ``None`` when a
    clause word or a quotation comes first."""
    words = rules.words
    k = speaker[1]
    if k >= hi or words.lower[k] not in LINKS:
        return speaker
    while k < hi and words.text[k] not in _BREAKS and words.text[k] not in _ENDS and (
        k - speaker[0] < MAX_SPEAKER
    ) and (words.lower[k] in LINKS or words.lower[k] not in CLAUSE_WORDS):
        if words.lower[k] in _NOT_IN_SPEAKER or rules.in_quote[k] >= 0 or _verb_in_phrase(
            words, k
        ):
            return None  # "said Ivanka Trump's statement didn't ...": a clause, no speaker
        k += 1
    return (speaker[0], k)


def _verb_in_phrase(words: Words, k: int) -> bool:
    """Whether token *k* is an auxiliary, a negation or a verb: no word of a speaker's
    phrase."""
    return words.lower[k] in BETWEEN or words.lower[k] == "n't" or is_verb(words, k)


def _relative_after(rules: Rules, k: int, hi: int) -> bool:
    """Whether a comma and an apposition (``, Dana Whitfield``) or a relative clause (``who
    point to ...``) run from token *k* to the sentence end, with no quotation, no ``that``,
    no semicolon or colon and no other cue."""
    words = rules.words
    if k >= hi or not (words.text[k] == "," or words.lower[k] in ("who", "whose")):
        return False
    first = k + 1 if words.text[k] == "," else k
    end = hi
    while end > first and words.is_punct(end - 1):
        end -= 1
    return 0 < end - first <= MAX_APPOSITION and not any(
        rules.in_quote[j] >= 0 or words.lower[j] == "that" or words.text[j] in _STOPS
        for j in range(first, end)
    ) and not rules.all_hits_between(first, end)


def _past_addressee(rules: Rules, hit: Hit, hi: int) -> int:
    """The token after an ``object`` cue's addressee (``told the Daily Herald``,
    ``told reporters``); the cue's end for other cues or when none follows."""
    words = rules.words
    k = hit.end
    if hit.cue.frame != "object" or k >= hi:
        return k
    if words.lower[k] in ADDRESSEES:
        return k + 1
    addressee = speaker_after(words, k, hi)
    if addressee is None or not _names(words, *addressee):
        return k  # "told a joke": no addressee
    return addressee[1]


def _tail_ends(rules: Rules, k: int, hi: int) -> bool:
    """Whether only the end punctuation, or a short adjunct and the end punctuation, follow
    token *k* (see :func:`_adjunct`; no comma: ``..., X said, adding ...`` goes on; no
    quotation: ``..., she said, "..."`` introduces it; a semicolon ends the sentence:
    ``..., analysts say; in 2012, ...``)."""
    words = rules.words
    reach = min(hi, k + MAX_ADJUNCT + 1)  # a semicolon further on leaves too long a tail
    end = next((j for j in range(k, reach) if words.text[j] == ";" and rules.in_quote[j] < 0), hi)
    while end > k and words.is_punct(end - 1) and words.text[end - 1] != ")":
        end -= 1
    if end == k:
        return True
    if end - k > MAX_ADJUNCT or any(
        rules.in_quote[j] >= 0 or words.text[j] in _BREAKS for j in range(k, end)
    ):
        return False
    return _adjunct(words, k, end)


def _adjunct(words: Words, k: int, end: int) -> bool:
    """Whether tokens ``[k, end)`` are a time (``on Monday``, ``last week``), a setting
    named by a setting word or a name (``in a statement``, ``at the White House``), an
    addressee after ``to`` (``to reporters``, ``to the Daily Herald``), or a clause of
    when it was said (``when asked about it``, ``as he left the hall``); not an object or
    an infinitive (``..., he reminded voters of ...``, ``..., he declined to comment``)."""
    low = words.lower[k]
    size = end - k
    if low in CLAUSE_STARTS and words.text[k] in (low, low.capitalize()):  # "AS": a name
        return size <= MAX_ADJUNCT
    if size > MAX_SETTING:
        return False
    if low == "to":
        after = words.lower[k + 1] if k + 1 < end else ""
        return after in ADDRESSEES or (k + 1 < end and words.capital[k + 1]) or (
            after in DETERMINERS and _names(words, k + 2, end)
        )
    if low not in SETTING_STARTS and low not in TIME_WORDS and low not in _TIME_LEADS:
        return False
    return any(
        words.lower[j] in TIME_WORDS or words.lower[j] in SETTING_WORDS or words.capital[j]
        or words.lower[j][:1].isdigit()
        for j in range(k, end)
    )


def _names(words: Words, k: int, end: int) -> bool:
    """Whether ``[k, end)`` holds a capitalised word, a role or a body that is told things
    (``the Times``, ``a judge``, ``the council``)."""
    known = roles()
    return any(
        words.capital[j] or words.lower[j] in known or words.lower[j] in _BODIES
        for j in range(k, end)
    )


def _content_first(rules: Rules, lo: int, comma: int, earlier: Sequence[Found]) -> int:
    """Where the content before the closing attribution starts: the sentence start, after
    its last semicolon or colon outside quotation marks, and after a statement found
    earlier in the sentence."""
    words = rules.words
    first = lo
    for k in range(lo, comma):
        if words.text[k] in _STOPS and rules.in_quote[k] < 0:
            first = k + 1
    start = words.start[first]
    for found in earlier:
        if found.kind == "direct" and start <= found.end <= words.start[comma]:
            while first < comma and words.start[first] < found.end:
                first += 1
    while first < comma and words.is_punct(first) and words.text[first] not in QUOTE_MARKS:
        first += 1
    n = rules.in_quote[first]
    if n >= 0 and rules.quoted[n].open < words.start[first]:
        first = words.token_at(rules.quoted[n].open)  # a quotation begun a sentence before
    return first


MAX_SUBJECT: Final = 16
"""Words of a long subject between the clause start and its cue (``long-subject``)."""
SUBJECT_CONFIDENCE: Final = 0.65
_ASIDES: Final = {"(": ")", "--": "--", "—": "—", "–": "–"}
_SUBJECT_STOPS: Final = frozenset({",", ";", ":", "?", "!"})
_RELATIVES: Final = frozenset({"who", "which", "that", "whose"})


def long_subject(rules: Rules, hit: Hit, lo: int, hi: int) -> Found | None:
    """``Current and former engineers who spoke with the Daily Herald said CONTENT``, ``One
    in three said CONTENT``, ``Dana Whitfield (who chairs the board) said CONTENT``: a
    ``speech`` or ``object`` cue whose subject the noun-phrase reader does not take (a
    relative clause, a count, an aside in parentheses or dashes), followed by a clause
    (``that``, a pronoun, or a subject and its auxiliary). The speaker is the stretch from
    the clause's start (the sentence start, or its last comma, semicolon or colon outside
    an aside) to the cue (how ``"long-subject"``)."""
    if hit.cue.frame not in ("speech", "object"):
        return None
    speaker = words_before_cue(rules, hit, lo)
    if speaker is None:
        return None
    words = rules.words
    if words.lower[speaker[1] - 1] in _PARTICIPLE_LEADS and words.lower[hit.start].endswith(
        "ing"
    ):  # "He pitched himself to voters by telling ...": the clause's subject speaks
        speaker = sentence_subject(words, lo, hit.start) or speaker
    first = rules.content_start(hit, hi)
    if first >= hi or not _clause_starts(words, first):
        return None
    end = rules.content_end(first, hi)
    return rules.content(first, end, hit, speaker, "long-subject", SUBJECT_CONFIDENCE)


def _clause_starts(words: Words, k: int) -> bool:
    """Whether a reported clause starts at token *k*: ``that``, a subject pronoun, or a noun
    phrase and its auxiliary (:func:`~newslens_quotes.reported.subject_clause`)."""
    low = words.lower[k]
    return low == "that" or (low in SUBJECT_PRONOUNS and low != "it") or subject_clause(words, k)


def words_before_cue(rules: Rules, hit: Hit, lo: int) -> tuple[int, int] | None:
    """The stretch from the clause start to the cue *hit* when it can be a subject (see
    :func:`long_subject`), else ``None``."""
    words = rules.words
    end = hit.start
    while end > lo and words.lower[end - 1] in BETWEEN:
        end -= 1
    k = end - 1
    while k >= lo and end - k <= MAX_SUBJECT:
        text = words.text[k]
        closing = next((o for o, c in _ASIDES.items() if c == text), None)
        if closing is not None:  # an aside: "(who chairs the board)", "-- who ... --"
            k = _aside_start(words, k, lo, closing)
            if k < lo:
                return None
        elif text in _SUBJECT_STOPS or rules.in_quote[k] >= 0 or words.lower[k] == "that":
            break
        k -= 1
    if end - k > MAX_SUBJECT or k + 1 >= end:
        return None
    first = k + 1
    while first < end and (words.lower[first] in OPENING or words.is_punct(first)):
        first += 1
    if first >= end or words.lower[first] in _SPEAKER_NOT_FIRST:
        return None
    if not _could_name(words, first, end) or rules.all_hits_between(first, end):
        return None
    if words.lower[end - 1] in _RELATIVES:
        return None  # "The hacker who first revealed": the relative rule's speaker
    return (first, end)


_PARTICIPLE_LEADS: Final = frozenset({
    "by", "after", "before", "while", "without", "for", "in", "on", "when", "since",
})


def _aside_start(words: Words, k: int, lo: int, opening: str) -> int:
    """The token before the opening of the aside that closes at *k* (``-1`` if none)."""
    j = k - 1
    while j >= lo and k - j <= MAX_SUBJECT and words.text[j] != opening:
        j -= 1
    return j - 1 if j >= lo and words.text[j] == opening else -1


# -- where a reported clause ends ------------------------------------------------------------

_GOES_ON_AFTER_BUT: Final = frozenset({
    "not", "that", "also", "only", "rather", "has", "had", "have", "would", "could", "will",
    "did", "does", "do", "is", "was", "were", "are", "should", "can", "may", "might", "must",
})


_ADVERBS_AFTER_BUT: Final = frozenset({
    "also", "then", "later", "still", "never", "strongly", "quickly", "now",
})
_NOT_JUST: Final = frozenset({"just", "only", "merely", "simply"})
MAX_NOT_JUST: Final = 12  # words from "not just" to the ", but" that completes it


def content_stop(rules: Rules, first: int, end: int) -> int:
    """Where a reported clause that starts at token *first* stops, before *end*: at the
    clause end of :func:`~newslens_quotes.reported.clause_end`, except that a comma before
    ``but`` with the same subject's next verb (``..., but could not ...``, ``..., but not
    ...``, ``..., but that ...``, ``..., but later dropped ...``) or that completes a ``not
    just`` (``not just a delay, but a disaster``) goes on; and at two additions of the
    writer after a comma that it does not stop at: a noun phrase in apposition to the whole
    clause (``..., a claim not recognized abroad``; not after a name: ``..., Barack Obama, a
    Democrat``) and a relative clause with its own subject (``..., which the probe said
    ...``)."""
    stop = clause_end(rules, first, end)
    while stop < end - 2 and (
        _goes_on(rules.words, stop) or same_subject_after_but(rules, first, stop)
    ):
        stop = clause_end(rules, stop + 2, end)
    return _writer_addition(rules, first, stop)


def same_subject_after_but(rules: Rules, first: int, k: int) -> bool:
    """Whether ``, but`` at token *k* goes on with the pronoun that is the subject of the
    content at *first* (after its ``that``) and a verb (``she hopes to win, but she knows
    that ...``; a verb, or a cue of thought: ``they know``): the same speaker's thought goes
    on, one content (a cue of speech after it ends the content all the same:
    :meth:`~newslens_quotes.attribution.Rules.content_end`)."""
    words = rules.words
    subject = first + (words.lower[first] == "that")
    if k + 3 >= len(words) or subject >= k or words.lower[subject] not in PERSON_PRONOUNS:
        return False
    return words.text[k] == "," and words.lower[k + 1] == "but" and (
        words.lower[k + 2] == words.lower[subject]
    ) and (is_verb(words, k + 3) or any(
        hit.start == k + 3 and hit.cue.frame in THOUGHT_FRAMES
        for hit in rules.all_hits_between(k + 3, k + 4)
    ))


def _goes_on(words: Words, k: int) -> bool:
    """Whether the content goes on past the comma at token *k* (see :func:`content_stop`)."""
    if words.text[k] != "," or words.lower[k + 1] != "but":
        return False
    after = words.lower[k + 2]
    if after in _GOES_ON_AFTER_BUT or after.endswith(("n't", "n’t")):
        return True
    j = k + 2
    while j < len(words) - 1 and words.lower[j] in _ADVERBS_AFTER_BUT:
        j += 1
    if is_verb(words, j):
        return True  # "..., but wants a discount": the same subject's next verb
    lo = words.sentence_bounds(k)[0]
    return any(  # "not just a failure, but a catastrophe"
        words.lower[i] == "not" and words.lower[i + 1] in _NOT_JUST
        for i in range(max(lo, k - MAX_NOT_JUST), k)
    )


def _writer_addition(rules: Rules, first: int, stop: int) -> int:
    """The comma before the writer's addition to a content ``[first, stop)`` (see
    :func:`content_stop`), or *stop*."""
    words = rules.words
    for k in range(first + 3, stop - 2):
        if words.text[k] != "," or rules.in_quote[k] >= 0:
            continue
        low, after = words.lower[k + 1], words.lower[k + 2]
        if low in ("a", "an") and not words.capital[k - 1] and not any(
            words.text[j] == "," for j in range(k + 2, stop)
        ):
            return k  # "..., a claim not recognized abroad"
        if low == "which" and (
            after in DETERMINERS or after in SUBJECT_PRONOUNS or words.capital[k + 2]
        ):
            return k  # "..., which the probe said ..."
    return stop


# -- cues with an adverb inside -------------------------------------------------------------

MAX_GAP: Final = 2
"""Adverbs (or a negation) a cue of ``be`` and a participle can hold: ``is widely
expected to``, ``is not expected to``."""
_GAP_WORDS: Final = frozenset({"not", "n't", "n’t", "also", "still", "now", "already", "once"})


def gapped_cue(cues: CueIndex, words: Words, i: int) -> tuple[Cue, int] | None:
    """A cue of several words that starts with ``be`` (``be expect to``), matched at token
    *i* with up to :data:`MAX_GAP` adverbs or a negation after its ``be`` (``is widely
    expected to``, ``is not expected to``): the cue and the token after its last word."""
    if words.lemma[i] != "be":
        return None
    j = i + 1
    while j < len(words) and j - i <= MAX_GAP and (
        words.lower[j] in _GAP_WORDS
        or (words.lower[j].endswith("ly") and words.lower[j].isalpha() and not words.capital[j])
    ):
        j += 1
    if j == i + 1:
        return None
    end = min(len(words), j + 4)
    lemmas = (words.lemma[i], *words.lemma[j:end])
    lowers = (words.lower[i], *words.lower[j:end])
    cue = cues.match(lemmas, lowers, 0)
    if cue is None or len(cue.words) < 2:
        return None
    return cue, j + len(cue.words) - 1


_WH_WORDS: Final = frozenset({"whether", "who", "what", "how", "why", "when", "where", "if"})


def infinitive(rules: Rules, hit: Hit, lo: int, hi: int) -> Found | None:
    """``Councillors were quick to say that CONTENT``, ``the vote led councillors to say
    CONTENT``, ``Becker declined to say whether CONTENT`` (how ``"infinitive"``): a
    ``speech`` or ``object`` cue right after ``to``, followed by a clause or a question; the
    speaker is the one named right before ``to`` (``led Republicans to say``), else the
    sentence's subject."""
    words = rules.words
    k = hit.start - 1
    if hit.cue.frame not in ("speech", "object") or k <= lo or words.lower[k] != "to":
        return None
    first = rules.content_start(hit, hi)
    if first >= hi or not (_clause_starts(words, first) or words.lower[first] in _WH_WORDS):
        return None
    speaker = speaker_before(words, k, lo)
    if speaker is None or not _names_people(words, speaker):
        speaker = sentence_subject(words, lo, k, rules.in_quote)
    if speaker is None or words.lower[speaker[0]] in ("it", "this", "that", "there"):
        return None  # "It is too soon to say whether ...": nobody's statement
    end = rules.content_end(first, hi)
    opening = lo
    while opening < k and (words.lower[opening] in OPENING or words.is_punct(opening)):
        opening += 1
    for j in range(first + 1, end - 1):
        if words.text[j] == "," and rules.in_quote[j] >= 0:
            continue
        if (words.text[j] == "," and words.lower[opening] in INTRODUCERS) or (
            words.lower[j] == "and" and words.lower[j + 1] == "to"
        ):
            end = j  # "When he appeared ... to discuss X, he was ...", "... and to rail ..."
            break
    return rules.content(first, end, hit, speaker, "infinitive", INFINITIVE_CONFIDENCE)


INFINITIVE_CONFIDENCE: Final = 0.6


def _names_people(words: Words, speaker: tuple[int, int]) -> bool:
    """Whether the phrase *speaker* names someone: it starts with a capital, or ends in a
    role or a plural (``led councillors to say``, not ``came to the harbour to say``)."""
    last = words.lower[speaker[1] - 1]
    return words.capital[speaker[0]] or last in roles() or (
        last.endswith("s") and not last.endswith("ss")
    )
