"""The rules that attribute a statement: a cue, the speaker it names, and the content.

Everything here works on tokens and lemmas (the lite annotator's), and uses
part-of-speech tags when there are some. The rules, each named in
:attr:`Quote.how <newslens_quotes.model.Quote.how>`:

Direct quotes (a :class:`~newslens_quotes.marks.Quoted` span):

* ``after-quote``: ``"...," she said`` / ``"...," said Dana Whitfield, the fire chief``;
* ``before-quote``: ``He said: "..."`` / ``the mayor said, adding "..."``;
* ``dash``: ``"..." — Dana Whitfield``;
* ``inherited``: a quote that starts a sentence, with no cue of its own, right
  after another quote of the same or the previous paragraph, takes its speaker;
* ``unattributed``: a long quotation with no cue and nobody to inherit from.

Reported speech (a cue outside quotation marks):

* ``reported``: ``X said (that) CONTENT``, ``X told reporters (that) CONTENT``,
  ``..., who has publicly vowed to CONTENT`` (the speaker is ``who``), ``X, who ...,
  also noted that CONTENT`` (a clause of ``that`` or an infinitive whose speaker the
  noun-phrase reader does not reach: the sentence's subject);
* ``reported-after``: ``CONTENT, X said.`` / ``CONTENT, said X.``;
* ``content-ahead``, ``long-subject`` and ``infinitive`` (:mod:`newslens_quotes.ahead`): a
  closing attribution read as a whole (``CONTENT, a source close to the mayor told
  reporters on Monday.``), a subject the noun-phrase reader does not take (``Former
  tenants of the tower said CONTENT``), a cue after ``to`` (``likely to say CONTENT``);
* ``according-to``: ``according to X, CONTENT`` / ``CONTENT, according to X``;
* ``continued``: ``..., adding that CONTENT`` / ``... but denied CONTENT``, whose
  speaker is the one already speaking in the sentence (or its subject);
* ``passive``: ``it was reported that CONTENT`` (nobody named) / ``X was quoted as
  saying CONTENT``;
* ``dependency``: with a parse (stanza), the cue's subject and clausal complement.

Reported speech whose content holds quotation marks is ``mixed``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence
from typing import Final

import attrs

from newslens_quotes import ahead, dependencies, reported
from newslens_quotes.lexicon import APOSTROPHE_S, THOUGHT_FRAMES, Cue, CueIndex
from newslens_quotes.marks import Quoted
from newslens_quotes.words import (
    ADDRESSEES,
    BETWEEN,
    CLAUSE_WORDS,
    DASHES,
    DETERMINERS,
    FINITE_AUXILIARIES,
    MAX_APPOSITION,
    PARTICLES,
    PASSIVE,
    PERSON_PRONOUNS,
    QUOTE_MARKS,
    SETTINGS,
    SUBJECT_PRONOUNS,
    Words,
    described_name,
    floating_quantifier,
    introduces,
    is_verb,
    progressive_after_pronoun,
    quantifier_subject,
    sentence_subject,
    skip_back,
    speaker_after,
    speaker_before,
    speaker_with_apposition,
    subject_phrase,
)

_ASIDE_ENDS: Final = DASHES | {","}  # the mark that closes an aside before a cue
_END_PUNCT: Final = frozenset({".", ",", ";", ":", "!", "?", "…"})
_END_OR_MARK: Final = _END_PUNCT | QUOTE_MARKS
_END_COORDINATORS: Final = frozenset({"and", "or", "but"})  # "... on the first ballot and"
_MAX_ADJUNCT: Final = 7  # tokens from an adjunct's first word to "that": "on Tuesday that"
# Words an adjunct after a cue starts with: ``said on Tuesday``, ``said in a statement``.
_ADJUNCT: Final = frozenset({
    "on", "in", "at", "during", "after", "before", "late", "early", "last", "this", "today",
    "yesterday", "tonight", "earlier", "later", "recently", "then", "again", "afterward",
    "afterwards", "when", "while", "as", "to", "told", "from", "via", "through", "of", "about",
    "by", "with", "for", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "next", "previously", "also", "repeatedly", "publicly", "once",
})
# Words a content can end with before the next attribution starts: ``... in January after``.
_TRAILING: Final = frozenset({
    "after", "as", "while", "when", "because", "and", "but", "before", "since", "though",
    "although", "so", "or", "where", "until", "even", "if",
})
_SUBORDINATE: Final = frozenset({"when", "because", "if", "until", "where", "since"})
# Verbs whose object the next verb follows bare ("let them know", "made voters feel"): a
# cue after them has no speaker of its own; inside a content, it is the content's verb.
_CAUSATIVES: Final = frozenset({
    "let", "lets", "letting", "make", "makes", "made", "making", "help", "helps", "helped",
    "helping",
})
_SUBORDINATORS: Final = frozenset({"as", "while", "if", "because", "although", "though"})
_INTRO_CLAUSES: Final = frozenset({
    "as", "when", "while", "after", "before", "if", "because", "although", "though", "since",
    "once", "until", "unless", "despite", "amid", "following", "like", "unlike", "given",
    "with", "without", "in", "on", "during", "by", "for",
})
_SUBJECT_CLAUSES: Final = frozenset({"that", "to"})
_NO_SUBJECT: Final = frozenset({"it", "this", "that", "there", "what", "which"})
_OBJECTS: Final = ADDRESSEES | {"it"}
# Cue words that are nouns as often as verbs in their bare form, and what shows the verb.
_BARE_NOUNS: Final = frozenset({
    "state", "states", "report", "reports", "note", "notes", "claim", "claims", "charge",
    "charges", "counter", "estimate", "estimates", "promise", "promises", "pledge", "pledges",
    "tweet", "tweets", "joke", "jokes", "quip", "remark", "remarks", "warning", "continue",
    "answer", "reply", "replies", "response", "comment", "comments",
    "point", "points", "stress", "caution", "mention", "admit", "vow", "vows", "write",
    "attack", "attacks", "dispute", "disputes",
})
# "state" is a noun after a capitalised word (a place, "Battleground state") or in a name
# ("Iowa State"): the verb follows a pronoun or a lower-case subject ("the document states").
_STATE: Final = frozenset({"state", "states"})
_BARE_VERB_BEFORE: Final = frozenset({
    "to", "will", "would", "could", "can", "may", "might", "must", "should", "did", "do",
    "does", "they", "we", "i", "you", "he", "she", "it", "also", "who", "that", "not", "never",
})
_NOUN_BEFORE: Final = frozenset({"of", "for", "in", "on", "at", "with"}) | APOSTROPHE_S
_OPENING: Final = frozenset({
    "when", "as", "once", "while", "although", "though", "because", "if", "since", "until",
    "unless", "whereas",
})
"""Subordinators that open a clause before the main one (``When the ferry left, ...``)."""
MAX_NAME_WORDS: Final = 3
"""Words at most of a quotation that a cue after it with no speaker does not attribute: a
name or a term inside the cue's subject (``The Wall Street Journal``, ``super PAC``)."""
_MIN_CLAUSE_WORDS: Final = 5  # words a content with no verb read needs before ", X said"
_ADJUNCT_PREPOSITIONS: Final = frozenset(
    {"on", "in", "at", "during", "last", "this", "late", "early"}
)
_TIME_WORDS: Final = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "night", "morning", "afternoon", "evening", "week", "month", "year", "weekend",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
})
# A cue's participle that is the first word of a noun compound, not a verb.
_COMPOUNDS: Final = frozenset({
    ("pledged", "delegate"), ("pledged", "delegates"), ("reported", "case"),
    ("reported", "cases"), ("stated", "goal"), ("stated", "goals"), ("stated", "aim"),
})
_RELATIVE_SUBJECTS: Final = frozenset({"who", "which"})
# After a relative clause set off by commas, the sentence's own verb goes on.
_RESUMING_ADVERBS: Final = frozenset({"also", "then", "later", "now", "still", "never"})
_FINITE_AUX: Final = frozenset({
    "is", "was", "were", "are", "has", "had", "have", "will", "would", "can", "could", "did",
    "does", "should", "may", "might", "must", "left", "met", "took", "went", "came", "made",
    "said", "says", "told", "added",
})
_OPENING_WORDS: Final = frozenset({"but", "and", "however", "yet", "still", "meanwhile"})
# Where the clause of a ``clause`` cue starts, walking back from the cue.
_CLAUSE_STOPS: Final = frozenset({",", ";", ":", "(", "—", "–", "--", "―"})
_CLAUSE_OPENERS: Final = frozenset({
    "that", "because", "but", "although", "though", "while", "whereas", "since", "if",
    "unless", "so",
})
# Words before a colon that label a line instead of naming who speaks (``Related: ...``).
_NOT_SPEAKER_LABELS: Final = frozenset({
    "related", "update", "updated", "note", "editor", "editors", "photo", "photos", "video",
    "watch", "read", "source", "sources", "correction", "advertisement", "also", "more", "see",
    "click", "follow", "listen", "subscribe", "share", "image", "credit", "caption", "tags",
    "topics", "tip", "question", "answer", "q", "a", "previously", "background", "what",
    "why", "how", "when", "where", "who", "bottom", "full", "abstract", "text", "the",
    "latest", "contributing", "byline", "breaking", "wow", "look", "revealed", "bombshell",
    "busted", "boom", "exclusive", "just", "plus", "paid", "remember", "so", "name", "live",
})
# The rules whose content follows the cue, and words such a content does not start with:
# the cue's object came before it (``which she has disputed and which ...``, ``a recall of``).
_ADDRESSEE: Final = 4  # words between an object cue and its infinitive: "urged city drivers to"
_PHRASE_BREAKS: Final = frozenset({",", ";", "("}) | DASHES
_ARTICLES: Final = frozenset({"the", "a", "an", "this", "these", "those", "that"})
# Nouns of what is said, the object that makes a ``statement`` cue a statement: ``offered
# his thoughts on``, ``delivered a warning``, ``shared her concerns`` (not ``offered a
# discount``, ``delivered the mail``); not the occasion of it (``delivered a speech``,
# ``issued a statement``), whose content PolNeAR marks elsewhere (``saying ...``).
_STATEMENT_NOUNS: Final = frozenset({
    "thoughts", "thought", "view", "views", "opinion", "opinions", "assessment",
    "assessments", "evaluation", "analysis", "take", "verdict", "judgment", "judgement",
    "congratulations", "condolences", "sympathy", "sympathies", "apology", "apologies",
    "praise", "compliment", "compliments", "thanks", "tribute", "criticism", "criticisms",
    "critique", "rebuke", "rebuttal", "retort", "defense", "defence", "support",
    "endorsement", "warning", "warnings", "reminder", "advice", "tips", "guidance",
    "details", "explanation", "explanations", "justification", "rationale", "excuse",
    "excuses", "promise", "promises", "pledge", "assurance", "assurances", "reassurance",
    "reassurances", "prediction", "predictions", "forecast", "insight", "insights",
    "caveat", "caveats", "comment", "comments", "account", "argument", "arguments", "case",
    "response", "reply", "answer", "answers", "vision", "review", "reviews", "summary",
    "update", "plea", "appeal", "concern", "concerns", "doubts", "misgivings",
    "reservations", "hopes", "fears", "regret", "regrets", "prayers", "ideas", "suggestion",
    "suggestions", "recommendation", "recommendations", "proposal", "proposals",
    "observation", "observations", "story", "stories", "memories", "recollection",
    "recollections", "grievances", "complaint", "complaints", "objection", "objections",
})
_STATEMENT_REACH: Final = 6  # words from the cue to its noun: "the crowd an emotional evaluation"
_STATEMENT_STOPS: Final = frozenset({
    "to", "for", "on", "about", "of", "with", "in", "at", "that", "and", "or", "but", "if",
})
_AFTER_CUE: Final = frozenset({"reported", "continued", "interrupted", "stance"})
# A content of at most _SETTING_ONLY words that starts with one of these says where or
# when the words were said, not what was said ("said in 2019.", "said at the time.").
_SETTING_STARTS: Final = frozenset({"in", "at", "during", "on", "after", "before", "from"})
_SETTING_ONLY: Final = 4
# A preposition right after the cue and before "and" / "or" is stranded: its object went
# before the cue ("the cards they never asked for or wanted").
_STRANDED: Final = frozenset({"for", "about", "with", "to", "of", "on"})
_NOT_CONTENT_START: Final = frozenset({"on", "of", "by", "from", "as", "and", "or", "over", "-"})
# The sources of a sentence "in" which its content is found (Rules.poll_statements).
_POLLS: Final = frozenset({"poll", "polls", "survey", "surveys", "polling"})
# What follows a ``complement`` cue: a pronoun that starts a clause (not "it": "wants it"),
# and words after its "to" that are no infinitive ("plans to the city").
_AUXILIARIES: Final = frozenset({"has", "have", "had", "will", "would", "may", "might", "could"})
_PASSIVE_OR_AUXILIARY: Final = PASSIVE | _AUXILIARIES  # "it has been", "it will be"
_QUOTED: Final = frozenset({"quoted", "cited"})  # "X was quoted as saying ..."
_NOT_INFINITIVE: Final = frozenset({"him", "her", "them", "me", "us", "it", "his", "its"})
# What a ``that`` cue's subject names when it reports findings without "that" (a poll shows X).
_EVIDENCE: Final = _POLLS | {
    "study", "studies", "data", "results", "numbers", "figures", "records", "analysis", "report",
}
MAX_CUE_GAP: Final = 8  # tokens between a closing mark and its cue


@attrs.define
class Found:
    """One attribution as the rules find it, before speakers are named.

    Offsets of the content are characters; cue and speaker are token ranges.
    """

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    confidence: float
    how: str
    sentence: int
    inherit: bool = False
    quoted: Quoted | None = None
    parts: list[tuple[int, int]] = attrs.Factory(list)


@attrs.frozen
class Hit:
    """A cue found in the text: tokens ``[start, end)``."""

    start: int
    end: int
    cue: Cue


BLOCK_CONFIDENCE: Final = 0.8
"""The confidence of a block quotation (``block``) before the measured table."""
_BLOCK_REACH: Final = 6  # tokens between a block quotation's cue and its colon: "told CNN:"
_COLON_CUE: Final = Cue((":",), "speech", source="colon rule")
_POLL_CUE: Final = Cue(("in",), "speech", source="poll rule")
_OWNED_CUE: Final = Cue(("decision",), "speech", source="owned-noun rule")


def _raising(words: Words, hit: Hit) -> bool:
    """Whether *hit* is ``seem`` before its infinitive (``the race seemed to tighten``): the
    clause around it is the statement (the ``clause`` frame's), its subject no speaker."""
    return hit.cue.words == ("seem",) and hit.end < len(words) and words.lower[hit.end] == "to"


def _no_content(words: Words, first: int, end: int) -> bool:
    """Whether tokens ``[first, end)`` after a cue are no content: a short setting (``said
    in 2019.``, ``told reporters in Paris.``), the particle ``up`` (``promises add up to``)
    or a preposition stranded before ``and`` / ``or`` (``the cards they never asked for or
    wanted``: its object went before the cue)."""
    low = words.lower[first]
    if end - first <= _SETTING_ONLY and low in _SETTING_STARTS:
        return True
    return low == "up" or (low in _STRANDED and words.lower[first + 1] in _END_COORDINATORS)


_GO_ON: Final = ("go", "on")
# Cue words that are as often plural nouns: before a finite auxiliary, one is its subject
# ("Health worries have dogged the mayor", "The fears were unfounded").
_PLURAL_NOUN_CUES: Final = frozenset({
    "worries", "fears", "hopes", "concerns", "plans", "claims", "reports", "warnings",
    "doubts", "complaints",
})
_GAP_MARKERS: Final = frozenset({"that", "which", "who", "whom", "what"})


def _plural_subject(words: Words, i: int) -> bool:
    """Whether the cue word at *i* is a plural noun, the subject of the finite auxiliary
    right after it (``Health worries have dogged``); not after a pronoun (``she worries
    ...``) nor in a relative clause whose verb comes after it (``which he claims has``)."""
    if words.lower[i] not in _PLURAL_NOUN_CUES or i + 1 >= len(words) or i == 0:
        return False
    return words.lower[i + 1] in FINITE_AUXILIARIES and (
        words.lower[i - 1] not in SUBJECT_PRONOUNS
    ) and not any(words.lower[k] in _GAP_MARKERS for k in range(max(0, i - 4), i))


_TO_OBJECTS: Final = frozenset({"me", "us", "him", "her", "them", "you", "it"})


def _infinitive_at(words: Words, k: int, end: int) -> bool:
    """Whether token *k* is ``to`` before a bare verb, the cue's complement (``Ruiz declined
    to comment``, ``has sought to bolster``), not an adjunct (``said to reporters``, ``to
    the crowd``, ``to me``): a lower-case word after it, no plural, determiner or pronoun."""
    if words.lower[k] != "to" or k + 1 >= end:
        return False
    low = words.lower[k + 1]
    return low.isalpha() and not words.capital[k + 1] and not low.endswith("s") and (
        low not in DETERMINERS and low not in _TO_OBJECTS
    )


def _noun_here(words: Words, i: int, lo: int) -> bool:
    """Whether the word at *i* reads as a noun after the word before it (``the report``,
    ``his claims``, ``head of state``); not after a quantifier subject (``Most say``) or a
    pronoun's ``'s`` before a verb in ``-ing`` (``He's predicting``)."""
    return i > lo and (
        words.lower[i - 1] in DETERMINERS or words.lower[i - 1] in _NOUN_BEFORE
    ) and not quantifier_subject(words, i, lo) and not progressive_after_pronoun(
        words, i, lo
    ) and not _one_in(words, i - 1, lo) and not floating_quantifier(words, i - 1, lo)


_COUNTS: Final = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
})


def _one_in(words: Words, k: int, lo: int) -> bool:
    """Whether token *k* ends a share of people (``one in three``, ``2 in 5``): a
    subject, not a determiner before a noun (``One in three said``)."""
    def count(j: int) -> bool:
        return j >= lo and (words.lower[j] in _COUNTS or words.lower[j].isdigit())

    return count(k) and k - 1 >= lo and words.lower[k - 1] == "in" and count(k - 2)


# Cues after "and" that report a content of their own, even with the subject of the clause
# before them: "said he welcomed it and added, ...", "and told reporters ...".
_OWN_CONTENT_FRAMES: Final = frozenset({"object", "quote", "partial"})
_OWN_CONTENT_LEMMAS: Final = frozenset({"say", "add", "tell", "call"})


_MAX_DATELINE: Final = 4  # words of a place in capitals (``NEW YORK —``, ``MARLOW BAY —``)


def _after_dateline(words: Words, first: int, end: int) -> int:
    """The first token after a dateline that opens a content (``MARLOW BAY — The bridge
    will ...``, ``PARIS (Reuters) — ...``): a few words in capitals, perhaps a news
    agency in brackets, and a dash; else *first*."""
    k = first
    while k < end and k - first < _MAX_DATELINE and words.text[k].isupper() and (
        len(words.text[k]) > 1 or words.text[k].isalpha()
    ):
        k += 1
    if k > first and k < end and words.text[k] == "(":
        close = next((j for j in range(k + 1, min(end, k + 5)) if words.text[j] == ")"), None)
        k = k if close is None else close + 1
    if k > first and k + 1 < end and words.text[k] in DASHES:
        return k + 1
    return first


def _verb_at(words: Words, k: int) -> bool:
    """Whether token *k* reads as a finite verb (:func:`~newslens_quotes.words.is_verb`) or
    is one of the common auxiliaries and verbs of :data:`_FINITE_AUX` it does not read;
    not the month ``May`` (``in May``, ``May 5``)."""
    return (words.lower[k] in _FINITE_AUX and not _the_month(words, k)) or is_verb(words, k)


_MONTH_LEADS: Final = frozenset({
    "in", "on", "since", "until", "by", "of", "last", "next", "this", "early", "late", "mid",
    "through", "before", "after", "during", "from", "to", "between", "and", "or",
})


def _the_month(words: Words, k: int) -> bool:
    """Whether token *k* is ``May`` the month, not the auxiliary: written with a capital
    after a preposition or a word such as ``last`` (``in May``, ``since early May``), or
    before a number (``May 5``)."""
    if words.text[k] != "May" or k == 0:
        return False
    after = words.text[k + 1] if k + 1 < len(words) else ""
    return words.lower[k - 1] in _MONTH_LEADS or after[:1].isdigit()


_FREE_RELATIVES: Final = frozenset({"everything", "nothing", "anything"})


def _free_relative(words: Words, speaker: tuple[int, int], first: int, hi: int) -> bool:
    """Whether the speaker opens with, or comes right after, ``everything``, ``nothing`` or
    ``anything`` and what follows the cue starts with a finite verb (``Everything Trump
    says is a lie``, ``everything the mayor says is ...``): the cue is inside the subject
    of that verb, and reports nothing."""
    opening = {words.lower[speaker[0]], words.lower[speaker[0] - 1] if speaker[0] else ""}
    return bool(opening & _FREE_RELATIVES) and first < hi and words.lower[first] in _FINITE_AUX


_CLOSING_MARKS: Final = frozenset({"”", '"', "''", "’"})


def _comma_in_marks(words: Words, k: int, lo: int) -> int:
    """The comma before a closing quotation mark at token *k* (``... a "bad phone line,"
    claiming ...``), else *k*."""
    if k > lo and words.text[k] in _CLOSING_MARKS and words.text[k - 1] == ",":
        return k - 1
    return k


def _aside_say(words: Words, hit: Hit, hi: int) -> bool:
    """Whether the cue *hit* is a bare ``say`` between commas (``than, say, the old
    plan``): an aside that brings in an example."""
    return hit.end - hit.start == 1 and words.lower[hit.start] == "say" and (
        hit.end < hi and words.text[hit.end] == ","
    )


def _bare_addressee(words: Words, k: int, hi: int) -> bool:
    """Whether token *k*, right after a cue of the ``object`` frame, is a plural noun
    addressed on its own, with the reported clause's subject after it (``told colleagues
    the city would ...``, ``told residents they could ...``)."""
    low = words.lower[k]
    if k + 1 >= hi or words.capital[k] or not low.isalpha() or not low.endswith("s"):
        return False
    if low.endswith(("ss", "us", "is")) or low in CLAUSE_WORDS or low in DETERMINERS:
        return False
    after = words.lower[k + 1]
    return after in SUBJECT_PRONOUNS or (after in DETERMINERS and after != "that")


def _coordinated(words: Words, first: int, cue: int, hit: Hit, in_quote: Sequence[int]) -> bool:
    """Whether the cue *hit* at token *cue*, inside a content that starts at *first*, is a
    verb joined by a bare ``and`` to the content's own (no subject of its own and no comma
    before the ``and``, ``..., and added``): a verb of thought (``he is proud of it and
    expects to win``), or after a clause whose subject is a pronoun (``said he posed a
    threat and refused to drop the gun``) a verb that reports no content of its own (not
    ``said``, ``told``, ``added`` or ``called``, nor one before ``that``, punctuation or
    quotation marks: ``... and suggested that ...`` is a second statement)."""
    if not (cue - 2 >= first and words.lower[cue - 1] == "and" and (
        words.text[cue - 2] not in (",", ";")
    )):
        return False
    if hit.cue.frame in THOUGHT_FRAMES:
        return True
    if words.lower[first] not in PERSON_PRONOUNS or hit.cue.frame in _OWN_CONTENT_FRAMES or (
        words.lemma[hit.start] in _OWN_CONTENT_LEMMAS
    ):
        return False
    k = hit.end
    return k < len(words) and words.lower[k] != "that" and not words.is_punct(k) and (
        in_quote[k] < 0
    )


_FRONTED: Final = frozenset({
    "if", "while", "when", "although", "though", "because", "unless", "once", "as", "since",
    "after", "before", "until", "whether",
})


def _fronted_comma(words: Words, first: int, comma: int) -> bool:
    """Whether the comma at token *comma* closes a subordinate clause that opens the content
    at *first* (after its ``that``): ``that if the council wants one, it should ...``."""
    if words.lower[first] != "that":
        return False
    k = first + 1
    return k < comma and words.text[comma] == "," and words.lower[k] in _FRONTED and not any(
        words.text[j] in (",", ";") for j in range(k + 1, comma)
    )


# Auxiliaries of a plural subject: "Sanders and Trump were referring to ...".
_JOINT_AUX: Final = frozenset({
    "were", "are", "have", "had", "should", "would", "could", "will", "may", "might", "must",
    "did", "do",
})


def _verbless_that(words: Words, first: int, end: int) -> bool:
    """Whether the content that starts at token *first* is a ``that`` clause with no verb
    before token *end* (``that the turmoil after the vote``, ``that during the visit this
    week,``): a cue after it is the clause's own verb or in it, not a new attribution."""
    return words.lower[first] == "that" and not any(
        _verb_at(words, k) and not _plural_noun(words, k) for k in range(first + 1, end)
    )


# Words after which a word in "-s" is a plural noun, not a verb: "that the results in ...",
# "that at one of his first meetings, ...", "that in two years, ...".
_BEFORE_PLURAL: Final = frozenset({
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "two", "three",
    "four", "five", "of", "in", "at", "on", "during",
})


def _plural_noun(words: Words, k: int) -> bool:
    """Whether token *k*, which reads as a verb in ``-s`` without tags, is a plural noun:
    after an article, a possessive, a number or a preposition (:data:`_BEFORE_PLURAL`), or in
    ``-ings`` with a vowel before it (``meetings``, ``hearings``; not ``brings``)."""
    low = words.lower[k]
    if words.upos is not None or not low.endswith("s") or low in _FINITE_AUX:
        return False
    return (k > 0 and words.lower[k - 1] in _BEFORE_PLURAL) or (
        low.endswith("ings") and any(c in "aeiouy" for c in low[:-4])
    )


def _goes_on_with(
    words: Words, first: int, end: int, hit: Hit, speaker: tuple[int, int]
) -> bool:
    """Whether the *hit* with its *speaker* (which starts at token *end*), inside a content
    that starts at *first*, is the content's own verb: after a causative verb and its object,
    which is no speaker (``... and let them know that ...``), or a verb of thought after
    ``, but`` and the pronoun that is the content's subject (``she hopes to win, but she
    knows that ...``: one content)."""
    if words.lower[speaker[0]] in _CAUSATIVES:
        return True
    subject = first + (words.lower[first] == "that")
    return hit.cue.frame in THOUGHT_FRAMES and speaker[1] - speaker[0] == 1 and (
        words.lower[end - 1] == "but" and words.lower[speaker[0]] in PERSON_PRONOUNS
    ) and words.lower[speaker[0]] == words.lower[subject]


# Participles of an aim or an answer that a comma sets after a clause (``..., hoping to
# ...``, ``..., seeking to ...``, ``..., responding to ...``): what the clause's own subject
# does, which PolNeAR keeps in the content; not ``saying``, ``adding``, ``noting``.
_AIMS: Final = frozenset({"hope", "seek", "try", "aim", "attempt", "want", "respond"})


def _aim_participle(words: Words, end: int, hit: Hit) -> bool:
    """Whether the *hit* with no speaker, at token *end*, is a participle of an aim after a
    comma (:data:`_AIMS`): part of the content it follows, no attribution of its own."""
    return end == hit.start and end > 0 and words.text[end - 1] == "," and (
        words.lower[end].endswith("ing") and words.lemma[end] in _AIMS
    )


def _joint_subject(words: Words, first: int, speaker: int, cue: int) -> bool:
    """Whether the speaker at token *speaker* of the cue at token *cue*, inside a content
    that starts at *first*, is the last of names joined by a bare ``and`` (``that Tapper,
    Bash and Blitzer had mentioned it``, ``that both Sanders and Trump were referring to
    ...``): a subject inside the content, no new attribution; after a list (``X, Y and Z``)
    or before a plural auxiliary."""
    k = speaker - 1
    if k - 1 < first or words.lower[k] != "and" or words.text[k - 1] in (",", ";"):
        return False
    if not words.capital[k - 1] or not words.text[k - 1][:1].isalpha():
        return False
    return (k - 3 >= first and words.text[k - 2] == ",") or words.lower[cue - 1] in _JOINT_AUX


# "expressed concern about the plan", "voiced doubts over it", "offered his thoughts on
# the race": a verb of expressing whose object is a feeling or an opinion about something,
# which PolNeAR reports (the cue is "expressed concern about"; not "offered a defense of
# the bill", "expressed their support for", "reiterated his frustration over"; nor
# "expressed reservations about", which PolNeAR keeps whole).
_EXPRESSING: Final = frozenset({"express", "voice", "offer", "share", "state", "indicate", "raise"})
_FEELINGS: Final = frozenset({
    "concern", "concerns", "doubt", "doubts", "frustration", "discomfort", "interest",
    "opinion", "opinions", "thoughts", "optimism", "skepticism", "scepticism",
    "worries", "misgivings", "outrage", "anger", "dismay", "unease", "alarm",
    "disappointment",
})
_FEELING_OWNERS: Final = frozenset({"a", "an", "his", "her", "their", "its", "some"})
_FEELING_DEGREES: Final = frozenset({"deep", "serious", "grave", "strong", "growing", "great"})
_ABOUT: Final = frozenset({"about", "over", "with", "in", "on", "regarding"})


def _feeling_object(words: Words, hit: Hit, k: int, hi: int) -> int | None:
    """The first token of what a feeling or an opinion that a verb of expressing names at
    token *k* is about (``expressed deep concern about CONTENT``, ``offered his thoughts on
    CONTENT``), else ``None``."""
    if hit.cue.words[0] not in _EXPRESSING or len(hit.cue.words) > 1:
        return None
    k += k < hi and words.lower[k] in _FEELING_OWNERS
    k += k < hi and words.lower[k] in _FEELING_DEGREES
    if k + 2 < hi and words.lower[k] in _FEELINGS and words.lower[k + 1] in _ABOUT:
        return k + 2
    return None


# Finite verbs that an infinitive content cannot hold without a clause of its own: after
# "to" and its words, they are the verb of the sentence whose subject holds the content
# ("Donors who want to give more could shell out ...", "His refusal to act made it worse").
_FINITE_AFTER_INFINITIVE: Final = frozenset({
    "will", "would", "could", "can", "may", "might", "should", "must", "has", "have", "had",
    "is", "are", "was", "were", "does", "did", "made", "include", "includes",
})
_OWN_CLAUSE: Final = frozenset({
    "that", "who", "which", "whom", "whose", "what", "whether", "if", "when", "where", "why",
    "how", "because", "as", "while", "until", "unless", "before", "after", "since", "and",
    "or", "but", "so", "than",
    # verbs that take a clause without "that": "to make sure everything is ...", "to feel
    # the case will be ...", "to show the plan would ..."
    "sure", "ensure", "insure", "certain", "say", "show", "prove", "feel", "know", "think",
    "believe", "argue", "insist", "claim", "suggest", "find", "realize", "understand",
    "demonstrate", "convince", "guarantee",
})


def _sentence_verb_after(words: Words, to: int, j: int) -> bool:
    """Whether token *j*, after the ``to`` at token *to* of an infinitive content, is the
    finite verb of the sentence (see :data:`_FINITE_AFTER_INFINITIVE`): no clause opens in
    between and no pronoun stands before it as its subject."""
    if words.lower[j] not in _FINITE_AFTER_INFINITIVE or j + 1 >= len(words) or j < to + 3:
        return False  # not "not to have had to choose"
    if words.capital[j] or words.is_punct(j + 1):
        return False  # "to reopen in May."
    before, after, verb = words.lower[j - 1], words.lower[j + 1], words.lower[to + 1]
    if before in PERSON_PRONOUNS or words.lower[j - 2] in PERSON_PRONOUNS or (
        before in DETERMINERS or before[:1].isdigit() or words.lower[to - 1] == "that"
        or before.endswith(("'s", "’s"))
    ):  # "hopes they will", "the woman he hopes will", "the will of", "campaign 2016 has"
        return False
    if after in PERSON_PRONOUNS or after == "by" or verb.endswith("ing") or verb[:1].isdigit():
        return False  # "should he win", "made by", "to expanding checks", "20 to 30 could"
    return not any(words.lower[i] in _OWN_CLAUSE for i in range(to + 1, j))


_LIST_ITEM: Final = 6  # words of an item in a list that an infinitive runs through
_NOT_ITEMS: Final = frozenset({  # words that open the writer's phrase after a comma
    "with", "by", "including", "like", "as", "from", "in", "on", "at", "for", "to", "of",
    "especially", "such", "not", "only", "even", "then", "after", "before", "without",
})


def _list_goes_on(words: Words, comma: int, hi: int) -> bool:
    """Whether the comma at token *comma* goes on a list inside an infinitive content
    (``sought to rally older, rural and working-class voters``, ``to represent Asian
    Americans, Turkish Americans and Sikh Americans``): items of a few words with no verb,
    separated by commas, up to ``and`` or ``or``."""
    if words.text[comma] != "," or comma + 1 >= hi or words.lower[comma + 1] in _NOT_ITEMS:
        return False
    size = 0
    for i in range(comma + 1, min(hi, comma + 4 * _LIST_ITEM)):
        low = words.lower[i]
        if low in ("and", "or"):
            return size > 0 and not any(  # not "..., Trump and Ruiz appeared to ...": a clause
                _plain_verb(words, j) for j in range(i + 1, min(hi, i + 1 + _LIST_ITEM))
            )
        if low == ",":
            size = 0
            continue
        size += 1
        if size > _LIST_ITEM or words.is_punct(i) or _plain_verb(words, i) or low in _OWN_CLAUSE:
            return False
    return False


_ASIDE: Final = 10  # words between the two dashes of an aside inside an infinitive content


def _closing_dash(words: Words, dash: int, hi: int) -> int | None:
    """The dash that closes an aside opened by the dash at token *dash* (within
    :data:`_ASIDE` words, the same dash, no other break between) when the content goes on
    after it (no punctuation, no word that opens a clause and no verb right after), else
    ``None``."""
    for j in range(dash + 2, min(hi - 1, dash + _ASIDE + 2)):
        if words.text[j] == words.text[dash]:
            nxt = j + 1  # "— from entering", not "— as the company ..." nor "— is his goal"
            return None if words.is_punct(nxt) or words.lower[nxt] in _OWN_CLAUSE or (
                _plain_verb(words, nxt)
            ) else j
        if words.text[j] in _PHRASE_BREAKS or words.text[j] in (".", "?", "!", ":"):
            return None
    return None


def _plain_verb(words: Words, k: int) -> bool:
    """Whether token *k* is plainly a finite verb: an auxiliary of :data:`_FINITE_AUX` or a
    lower-case past in ``-ed`` (not a plural noun in ``-s``, which a list is full of)."""
    low = words.lower[k]
    return low in _FINITE_AUX or (not words.capital[k] and low.endswith("ed"))


# Prepositions that a cue takes before what it reports ("asked about the levy", "argued
# against the plan"): PolNeAR's cue holds them, its content is what follows. Not "at" or
# "over", as often a time or a setting ("the route the council proposed over the summer").
_CUE_PREPOSITIONS: Final = frozenset({"about", "against"})
_NOT_AFTER_PREPOSITION: Final = frozenset({"least", "most", "half", "first", "last", "one"})


def _cue_preposition(words: Words, hit: Hit, k: int, hi: int) -> bool:
    """Whether token *k*, right after the cue *hit*, is a preposition of
    :data:`_CUE_PREPOSITIONS` that opens the content, not a quantity (``about 12
    percent``, ``at least six``) nor a time (``at first``)."""
    if k != hit.end or k + 1 >= hi or words.lower[k] not in _CUE_PREPOSITIONS:
        return False
    if hit.start > 0 and words.lower[hit.start - 1] == "to":
        return False  # "help the sector to push back against the group": a purpose
    nxt = words.lower[k + 1]
    return not (nxt[:1].isdigit() or nxt in _NOT_AFTER_PREPOSITION or words.is_punct(k + 1))


def _shortest(words: Words, hit: Hit, first: int, end: int, shortest: int) -> int:
    """The fewest tokens a content ``[first, end)`` of *hit* needs: *shortest*, one after a
    feeling (``expressed concern about Ruiz``, :func:`_feeling_object`)."""
    return 1 if first == _feeling_object(words, hit, hit.end, end) else shortest


@functools.lru_cache(maxsize=8)
def _with_owned_nouns(starts: frozenset[str]) -> frozenset[str]:
    """The words a cue may start with (:attr:`CueIndex.starts
    <newslens_quotes.lexicon.CueIndex.starts>`) and the nouns of
    :data:`reported.OWNED_NOUNS <newslens_quotes.reported.OWNED_NOUNS>`."""
    return starts.union(reported.OWNED_NOUNS)


def _in_a_cue(k: int, earlier: Sequence[Found]) -> bool:
    """Whether token *k* is in the cue of one of *earlier*."""
    for f in earlier:  # a loop, not any(): called for every cue with every statement
        cue = f.cue
        if cue is not None and cue[0] <= k < cue[1]:
            return True
    return False


class Rules:
    """The attribution rules, run on one document's :class:`Words`."""

    def __init__(self, words: Words, quoted: Sequence[Quoted], cues: CueIndex) -> None:
        self.words = words
        self.quoted = quoted
        self.cues = cues
        starts = words.start
        self.in_quote: list[int] = [-1] * len(words)
        for n, q in enumerate(quoted):  # tokens from its opening mark to its closing one
            first = max(words.token_at(q.open), bisect.bisect_left(starts, q.open))
            end = bisect.bisect_right(starts, q.close + (q.width - 1))
            if end > first:
                self.in_quote[first:end] = [n] * (end - first)
        self._owned: list[int] = []  # the tokens of reported.OWNED_NOUNS (see noun_statements)
        opens = [q.open for q in quoted]
        self._opens = opens if all(a <= b for a, b in itertools.pairwise(opens)) else None
        self.hits: list[Hit] = self._find_hits()
        self._hit_starts = [h.start for h in self.hits]
        # the direct-quote rules look only at the cues of quotations (Cue.quotations)
        self._quotation_hits = [h for h in self.hits if h.cue.quotations]
        self._quotation_starts = [h.start for h in self._quotation_hits]
        self.used: set[int] = set()

    # -- cues ------------------------------------------------------------------------

    def _find_hits(self) -> list[Hit]:
        words = self.words
        found: list[Hit] = []
        firsts, forms, known = self.cues.by_first, self.cues.forms, self.cues.starts
        lemma, lower, in_quote = words.lemma, words.lower, self.in_quote
        # the tokens where a cue can start (elsewhere CueIndex.match says None), in order;
        # a form whose lemma went wrong ("extolled" as "extoll") as CueIndex.first_word says
        # (the few tokens of a word that starts a cue are looked at again, the rest once;
        # the owned nouns of noun_statements are found in the same pass)
        looked_for, nouns = _with_owned_nouns(known), reported.OWNED_NOUNS
        near = (
            [k for k, low in enumerate(lower) if low in looked_for] if lower is lemma
            else [k for k, (lem, low) in enumerate(zip(lemma, lower, strict=True))
                  if low in looked_for or lem in known]
        )
        self._owned = [k for k in near if k and lower[k] in nouns]
        starts = [
            k for k in near if in_quote[k] < 0 and (
                lemma[k] in firsts or lower[k] in firsts
                or (lower[k] in forms and lemma[k] != lower[k])
            )
        ]
        i = 0  # the first token a hit may start at (none inside the hit before)
        for k in starts:
            if k < i:
                continue
            i = k
            hit = self._hit_at(i)
            if hit is not None:
                found.append(hit)
                i = hit.end
            else:
                i += 1
        return found

    def _hit_at(self, i: int) -> Hit | None:
        """The cue that starts at token *i* and is used as one there, if any (with an adverb
        inside: ``is widely expected to``, :func:`~newslens_quotes.ahead.gapped_cue`)."""
        words = self.words
        cue = self.cues.match(words.lemma, words.lower, i)
        if cue is not None and cue.frame in reported.FRAMES and not reported.content_follows(
            words, self.in_quote, i + len(cue.words), i
        ):
            cue = None  # an opinion verb with no content after it: "thinks about"
        if cue is not None and (
            (cue.words == _GO_ON and self._went_on_to(i)) or _plural_subject(words, i)
        ):
            return None  # "went on to win": what came next; "Health worries have dogged"
        if cue is not None and (self._is_cue_use(i, cue) or reported.asked_of(words, i)):
            return Hit(i, i + len(cue.words), cue)
        gapped = ahead.gapped_cue(self.cues, words, i) if cue is None else None
        return None if gapped is None else Hit(i, gapped[1], gapped[0])

    def _went_on_to(self, i: int) -> bool:
        """Whether ``go on`` at token *i* is followed by ``to`` and a verb that is no cue."""
        words = self.words
        return i + 3 < len(words) and words.lower[i + 2] == "to" and (
            self.cues.match(words.lemma, words.lower, i + 3) is None
        )

    def _is_cue_use(self, i: int, cue: Cue) -> bool:
        """Whether the cue word at *i* is used as a reporting verb here."""
        words = self.words
        if cue.frame == "according":
            return True
        if cue.frame == "that":
            after = i + len(cue.words)
            article = i > 0 and words.lower[i - 1] in _ARTICLES  # "the show that aired"
            if after < len(words) and words.lower[after] == "that" and not article:
                return True
            return self._poll_subject(i) is not None  # "a new poll shows Ortega leading"
        if words.upos is not None and words.upos[i] not in ("VERB", None):
            return False
        if i + 1 < len(words) and (words.lower[i], words.lemma[i + 1]) in _COMPOUNDS:
            return False  # "758 pledged delegates": an adjective of a noun compound
        if cue.frame == "complement" and not self._clause_follows(i + len(cue.words)) and not (
            reported.relative_verb_follows(words, self.in_quote, i + len(cue.words), i)
        ):
            return False  # not "the levy, which Lind thinks will cost jobs": a relative's verb
        if cue.frame == "stance" and not self._stance_target_follows(i + len(cue.words)):
            return False
        if cue.frame == "statement" and not self._statement_follows(i + len(cue.words)):
            return False
        lo = words.sentence_bounds(i)[0]
        if _noun_here(words, i, lo) and not reported.quantified_holder(words, i, lo, cue.frame):
            return False  # a noun: "the report", "his claims", "head of state"
        if self._bare_noun(i, lo, len(cue.words)):
            return False  # "state", "report", "claims": a verb only after "to", "will", "they"...
        j = skip_back(words, i - 1, lo)
        if j >= lo and words.lower[j] in PASSIVE and words.lower[j][0] not in "'’" and not (
            words.lower[i].endswith("ing")  # "is calling": progressive, not passive
        ):
            return self._impersonal(i, len(cue.words))  # "it was reported that ..."
        return True

    def _bare_noun(self, i: int, lo: int, size: int) -> bool:
        """Whether the cue word at *i*, as often a noun as a verb in its bare form
        (``state``, ``report``, ``claims``), is a noun here (without tags): not after
        ``to``, ``will``, ``they``..., nor a verb before ``that``."""
        words = self.words
        if words.upos is None and words.lower[i] in _STATE and i > lo and (
            words.capital[i] or words.capital[i - 1]
        ) and words.lower[i - 1] not in SUBJECT_PRONOUNS:
            return True  # "Iowa State", "Battleground state Florida", "Rust Belt states that"
        return words.upos is None and words.lower[i] in _BARE_NOUNS and not (
            i > lo and words.lower[i - 1] in _BARE_VERB_BEFORE
        ) and not self._verb_before_that(i, lo, size) and not reported.verb_form(
            words, i, i + size, lo
        )  # "Ruiz claims she is ...": a name, then a clause

    def _verb_before_that(self, i: int, lo: int, size: int) -> bool:
        """Whether the bare cue word at *i* (``reports``, ``claims``, ``notes``) is a verb:
        ``that`` right after it and a subject before it that ends in a name or a plural
        (``CBS News reports that``, ``advocacy groups note that``; not ``rival claims that``
        after an adjective, which a plural noun cannot be told from without tags), or a
        name right before it and the sentence end right after it (``..., Dana Whitfield
        reports.``)."""
        words = self.words
        after = i + size
        if after >= len(words) or i <= lo:
            return False
        if words.text[after] in (".", "!") and words.capital[i - 1] and not words.capital[i]:
            return True  # "..., Isaac Stanley-Becker reports.": a closing attribution
        if words.lower[after] != "that":
            return False
        before = words.lower[i - 1]
        return words.capital[i - 1] or (before.endswith("s") and not before.endswith("ss"))

    def _impersonal(self, i: int, size: int) -> bool:
        """Whether the passive cue at *i* is ``it was reported that ...``: ``it`` right before
        its auxiliary, ``that`` right after it."""
        words = self.words
        after = i + size
        return self._it_before(i) and after < len(words) and words.lower[after] == "that"

    def _it_before(self, i: int) -> bool:
        """Whether ``it`` and a passive auxiliary come right before token *i* (``it was``,
        ``it has been``, ``it will be``)."""
        words = self.words
        j = i - 1
        if j < 0 or words.lower[j] not in PASSIVE:
            return False
        while j > 0 and i - j <= 3 and words.lower[j] in _PASSIVE_OR_AUXILIARY:
            j -= 1
        return words.lower[j] == "it"

    def _passive(self, hit: Hit, lo: int, hi: int) -> Found | None:
        """``It was reported that CONTENT`` (nobody named) and ``X was quoted as saying
        CONTENT`` (X the speaker)."""
        words = self.words
        k = hit.start
        if self._it_before(k):
            first = self._content_start(hit, hi)
            return self._content(first, self._content_end(first, hi), hit, None, "passive", 0.6)
        if k - 3 >= lo and words.lower[k - 1] == "as" and words.lower[k - 2] in _QUOTED and (
            words.lower[k - 3] in PASSIVE
        ):
            speaker = speaker_before(words, k - 3, lo)
            if speaker is not None:
                first = self._content_start(hit, hi)
                end = self._content_end(first, hi)
                return self._content(first, end, hit, speaker, "passive", 0.75)
        return None

    def _clause_follows(self, k: int) -> bool:
        """Whether a clause starts at token *k*, after a ``complement`` cue: ``that``, a
        subject pronoun (``thinks he is right``) or an infinitive (``wants to leave``)."""
        words = self.words
        if k + 1 >= len(words) or self.in_quote[k] >= 0:
            return False
        low, following = words.lower[k], words.lower[k + 1]
        if low == "that" or low in PERSON_PRONOUNS or reported.subject_clause(words, k):
            return True
        if reported.wanted_to(words, self.in_quote, k):
            return True  # "wants his party to work": an object and its infinitive
        return low == "to" and following.isalpha() and not (
            words.capital[k + 1] or following in DETERMINERS or following in _NOT_INFINITIVE
        )

    def _statement_follows(self, k: int) -> bool:
        """Whether a noun of what is said (``_STATEMENT_NOUNS``) comes within a few words
        after a ``statement`` cue, before a preposition or a punctuation mark: ``offered
        the crowd an emotional evaluation``, not ``offered a discount on shoes``."""
        words = self.words
        for j in range(k, min(len(words), k + _STATEMENT_REACH)):
            low = words.lower[j]
            if low in _STATEMENT_NOUNS and not words.capital[j] and self.in_quote[j] < 0:
                return True
            if low in _STATEMENT_STOPS or words.is_punct(j):
                return False
        return False

    def _poll_subject(self, i: int) -> tuple[int, int] | None:
        """The subject of a ``that`` cue at *i* when it is a poll or a survey (``a new poll
        shows``, ``while a poll released last week found``): from the clause's start."""
        words = self.words
        lo = words.sentence_bounds(i)[0]
        first, polled = i, False
        while first > lo and i - first < 8 and not (
            words.is_punct(first - 1) or words.lower[first - 1] in _CLAUSE_OPENERS
        ):
            first -= 1
            polled = polled or words.lower[first] in _EVIDENCE or words.lower[first] in (
                reported.EVIDENCE
            )
        if not polled or first == i or (
            i + 1 < len(words) and words.is_punct(i + 1) and words.text[first - 1] != ","
        ):
            return None  # "a poll shows." alone is nothing; "CONTENT, records show." is
        return (first, i)

    def _stance_target_follows(self, k: int) -> bool:
        """Whether what a ``stance`` cue is about starts at token *k*: a name or a person
        (:meth:`_name_follows`), or a thing it supports (``backs the plan``, ``supports
        raising the tax``): a content may start there (:func:`reported.content_follows
        <newslens_quotes.reported.content_follows>`: not ``it``, ``her``, a preposition or a
        particle)."""
        return self._name_follows(k) or reported.content_follows(self.words, self.in_quote, k)

    def _name_follows(self, k: int) -> bool:
        """Whether a name or a person starts at token *k*, after a ``stance`` cue
        (``endorsed Cruz``, ``supports Mr. Sanders``, ``endorsed her``; see
        :func:`reported.stance_end <newslens_quotes.reported.stance_end>`)."""
        return reported.stance_end(self.words, self.in_quote, k) is not None

    def hits_between(self, first: int, end: int) -> list[Hit]:
        """The cues of quotations (:attr:`Cue.quotations
        <newslens_quotes.lexicon.Cue.quotations>`) whose first token is in ``[first, end)``,
        in order: the cues the direct-quote rules consider."""
        starts = self._quotation_starts
        lo, hi = bisect.bisect_left(starts, first), bisect.bisect_left(starts, end)
        return self._quotation_hits[lo:hi]

    def all_hits_between(self, first: int, end: int) -> list[Hit]:
        """Every cue whose first token is in ``[first, end)``, in order."""
        starts = self._hit_starts
        return self.hits[bisect.bisect_left(starts, first) : bisect.bisect_left(starts, end)]

    # -- direct quotes -----------------------------------------------------------------

    def _sentence_end(self, i: int) -> int:
        """End of the sentence holding token *i*, run on into the next sentence when that
        one starts in lower case (``"Why now?" he asked.`` split after the mark)."""
        words = self.words
        hi = words.sentence_bounds(i)[1]
        if hi == i + 1 and hi < len(words) and words.text[hi][:1].islower():
            hi = words.sentence_bounds(hi)[1]
        return hi

    def _same_paragraph(self, i: int, j: int) -> bool:
        """Whether tokens *i* and *j* have no blank line between them."""
        return "\n" not in self.words.doc.text[self.words.end[i]:self.words.start[j]]

    def after_quote(self, q: Quoted) -> Found | None:
        """``"...," she said`` / ``"...," said X`` / ``"..." — X``; not the last quotation
        of a list of them (:meth:`_listed`)."""
        if not q.closed or self._listed(q):
            return None
        words = self.words
        close = words.token_at(q.close)
        if close >= len(words) or words.start[close] != q.close:
            return None
        k = close + 1
        while k < len(words) and self.in_quote[k] == self.in_quote[close]:
            k += 1  # the rest of a two-character mark
        hi = self._sentence_end(k - 1)
        ended = hi == k  # the sentence ends with the quote: "...done." Smith said.
        if ended and k < len(words) and self._same_paragraph(k - 1, k):
            hi = words.sentence_bounds(k)[1]
        dash = k < hi and words.text[k] in DASHES
        while k < hi and (words.text[k] in (",", ":") or words.text[k] in DASHES):
            k += 1
        for hit in self.hits_between(k, min(hi, k + MAX_CUE_GAP + 6 + MAX_APPOSITION)):
            if ended and (not self._ends_sentence(hit, k, hi) or self._quotes_after(hit, hi)):
                break
            if any(self.in_quote[t] >= 0 for t in range(k, hit.start)):
                break
            speaker = self._speaker_after_quote(hit, k, hi)
            if speaker is None and self._name_inside(q):
                # 'host of "Morning Joe," suggested ...': a name inside the cue's subject
                return None
            if speaker is not False:
                found = speaker if isinstance(speaker, tuple) else None
                return self._direct(q, hit, found, "after-quote", 0.95)
        return self._dash(q, k, hi) if dash else None

    def _listed(self, q: Quoted) -> bool:
        """Whether the quotation *q* follows another one and ``and`` or ``or`` (``Guns are
        "a crisis" and "a blight," Dean said``, ``words like "maybe" and "perhaps," he
        said``): the last of a list of quoted words inside a sentence, which the words
        before the list go with; the cue after it does not report it alone."""
        words = self.words
        opening = words.token_at(q.open)
        if not 2 <= opening < len(words) or words.start[opening] != q.open:
            return False
        return words.lower[opening - 1] in ("and", "or") and self.in_quote[opening - 2] >= 0

    def _dash(self, q: Quoted, k: int, hi: int) -> Found | None:
        """``"..." — X``: a name after the dash that closes the quote at token *k*."""
        speaker = speaker_after(self.words, k, hi)
        if speaker is not None and self.words.capital[speaker[0]]:
            return self._direct(q, None, speaker, "dash", 0.8)
        return None

    def _name_inside(self, q: Quoted) -> bool:
        """Whether the quotation *q* opens inside its sentence (after a word) and holds at
        most :data:`MAX_NAME_WORDS` words: a name or a term in a noun phrase."""
        words = self.words
        opening = words.token_at(q.open)
        if opening >= len(words) or words.sentence_bounds(opening)[0] == opening:
            return False
        if words.is_punct(opening - 1):
            return False  # '..., "I disagree," said ...': after a stop, a colon or a dash
        text = words.doc.text[q.start : q.end]
        return sum(1 for w in text.split() if any(ch.isalnum() for ch in w)) <= MAX_NAME_WORDS

    def _clause_after_comma(self, k: int, hi: int) -> bool:
        """Whether token *k* is a comma after which the sentence (to *hi*) goes on with a
        clause of ``that`` (``He said, twice, that he ...``): the cue's own content."""
        words = self.words
        return k < hi and words.text[k] == "," and "that" in words.lower[k + 1 : hi]

    def _quotes_after(self, hit: Hit, hi: int) -> bool:
        """Whether a quotation follows the cue in its sentence: ``He added, "..."`` introduces
        that quotation, not the one before it."""
        return any(self.in_quote[t] >= 0 for t in range(hit.end, hi))

    def _ends_sentence(self, hit: Hit, k: int, hi: int) -> bool:
        """After a quote that ends its sentence, whether the next sentence is only its
        attribution: ``Smith said.``, ``said Smith on Tuesday.``"""
        if self._only_adjuncts(hit.end, hi) and not self._clause_after_comma(hit.end, hi):
            return True
        after = speaker_after(self.words, hit.end, hi) if hit.start == k else None
        return after is not None and self._only_adjuncts(after[1], hi)

    def _speaker_after_quote(
        self, hit: Hit, k: int, hi: int
    ) -> tuple[int, int] | bool | None:
        """The speaker of a cue after a closing mark (``None``: the cue has none; ``False``:
        this cue is not the quote's)."""
        words = self.words
        speaker = dependencies.subject(words, hit.start) or (
            speaker_before(words, hit.start, k) if hit.start > k else None
        )
        if hit.start > k and (speaker is None or k < speaker[0] < hit.start):
            # "Jeff Weaver, the campaign's manager, said": the name before its apposition;
            # "a friend, Ana Ruiz told": the name after its description
            named = speaker_with_apposition(words, hit.start, k) or described_name(
                words, speaker, k
            )
            if named is not None:
                return named
        if speaker is not None:
            # right after the quote's mark, or after the cue (a parse's subject: said X)
            return speaker if speaker[0] == k or speaker[0] >= hit.end else False
        if hit.start > k:
            return False
        after = speaker_after(words, hit.end, hi)
        if after is not None and after[1] < hi and (
            words.lower[after[1]] in FINITE_AUXILIARIES or is_verb(words, after[1])
        ):  # '..., citing "...," said the levy could be cut': its own clause, no speaker
            return None if words.lower[hit.start].endswith("ing") else False
        return after

    def before_quote(self, q: Quoted, earlier: Sequence[Found] = ()) -> Found | None:
        """``He said: "..."`` / ``said Smith: "..."`` / ``..., adding "..."``."""
        words = self.words
        opening = words.token_at(q.open)
        if opening >= len(words) or words.start[opening] != q.open:
            return None
        lo = words.sentence_bounds(opening)[0]
        j = opening - 1
        colon = j >= lo and words.text[j] == ":"
        while j >= lo and (words.text[j] in (",", ":") or words.lower[j] == "that"):
            j -= 1
        introduced = colon or (j + 1 < opening and words.text[j + 1] == ",")
        if not introduced and self._runs_on(q):
            return None  # he said "budget reforms" would pay for it: reported, with a partial quote
        reach = 10 if introduced and words.capital[min(opening + 1, len(words) - 1)] else 1
        for hit in reversed(self.hits_between(max(lo, j + 1 - reach - 2), j + 1)):
            if hit.end < j + 1 - reach:
                break
            speaker = dependencies.subject(words, hit.start) or speaker_before(
                words, hit.start, lo
            )
            if speaker is None:
                speaker = speaker_after(words, hit.end, opening)
                if speaker is not None and speaker[1] - speaker[0] == 1 and (
                    words.lower[speaker[0]] in SUBJECT_PRONOUNS
                ):
                    speaker = None  # "calling it", "told them": the cue's object
            if speaker is None:
                speaker = self._quote_speaker(lo, hit.start, earlier)
            found = self._direct(q, hit, speaker, "before-quote", 0.9)
            found.inherit = speaker is None
            return found
        return None

    def direct_quote(self, q: Quoted, earlier: Sequence[Found] = ()) -> Found | None:
        """The attribution of the quoted span *q*: after it, before it, or introduced by the
        paragraph before it. An attribution after the quote wins unless it names nobody
        (``"...," adding that ...``) while the one before it does (``Peabody said: "...,"
        adding ...``)."""
        after = self._nearest_after(q)
        if after is not None and (after.speaker is not None or after.cue is None) and not (
            self._later_sentence(after, q)
        ):
            return self._with_lead(after, q)
        before = (
            self.before_quote(q, earlier) or self.introduced_quote(q) or self._colon_quote(q)
        )
        if before is not None:
            before = self._with_lead_before(before, q)
        if before is None or after is None:
            return after or before
        if before.speaker is not None and self._later_sentence(after, q):
            if after.cue is not None:  # "Smith said, "A." Jones agreed." : Smith's
                self.used.discard(after.cue[0])
            return before
        loser = after if before.speaker is not None else before
        if loser.cue is not None:
            self.used.discard(loser.cue[0])
        return before if loser is after else after

    def _colon_quote(self, q: Quoted) -> Found | None:
        """A quotation after a colon that closes a sentence's subject and its verb, or a name
        alone, with no cue of the lexicon: ``Schumer tweeted: "..."``, ``Kasich: "..."``
        (a headline), also when the colon ends the paragraph before."""
        words = self.words
        opening = words.token_at(q.open)
        if opening >= len(words) or words.start[opening] != q.open or opening == 0:
            return None
        colon = opening - 1
        if words.text[colon] != ":":
            return None
        lo = words.sentence_bounds(colon)[0]
        speaker = sentence_subject(words, lo, colon, self.in_quote)
        if speaker is None:
            return None
        if speaker[1] == colon and speaker[1] - speaker[0] <= 4 and words.capital[speaker[0]] and (
            words.lower[speaker[0]] not in DETERMINERS
        ):
            return self._direct(q, None, speaker, "before-quote", 0.7)  # "Kasich: '...'"
        verb = self._past_apposition(speaker[1], colon)
        while verb < colon and words.lower[verb] in BETWEEN:
            verb += 1
        if verb >= colon or not is_verb(words, verb) or colon - verb > 4:
            return None
        found = self._direct(q, None, speaker, "before-quote", 0.75)
        found.cue = (verb, verb + 1)
        return found

    def _past_apposition(self, k: int, stop: int) -> int:
        """The token after the appositions set off by commas that start at token *k* (``,
        71, who lives on Alder Street,``), before token *stop*; *k* itself when none does
        (no comma at *k*, or no comma closing it within :data:`MAX_APPOSITION` words
        before the sentence's end, a quotation or *stop*)."""
        words = self.words
        comma = k
        while comma < stop and words.text[comma] == ",":
            closing = next((j for j in range(comma + 1, min(stop, comma + MAX_APPOSITION))
                            if words.text[j] in (",", ".", "!", "?", ";", ":")
                            or self.in_quote[j] >= 0), None)
            if closing is None or words.text[closing] != "," or closing == comma + 1:
                break
            comma = closing
        return k if comma == k else comma + 1

    def _later_sentence(self, found: Found, q: Quoted) -> bool:
        """Whether *found*'s cue is in a sentence after the one the quote opens in."""
        words = self.words
        opening = min(words.token_at(q.open), len(words) - 1)
        return found.cue is not None and (
            words.sentence_of[found.cue[0]] > words.sentence_of[opening]
        )

    def _nearest_after(self, q: Quoted) -> Found | None:
        """The attribution after a quote: the lexicon's, unless a speaker and a verb outside
        it come first (``"Enough," she snapped, as Becker went on``)."""
        listed, unlisted = self.after_quote(q), self._unlisted_after(q)
        if unlisted is None or unlisted.cue is None:
            return listed
        if listed is not None and listed.cue is not None and listed.cue[0] < unlisted.cue[0]:
            return listed
        return unlisted  # a listed cue after it stays used: it is in the attribution's sentence

    def _unlisted_after(self, q: Quoted) -> Found | None:
        """``"Denver," he answered.`` / ``"...," Bozell points out.``: a speaker and one verb
        not in the cue lexicon that close the sentence right after a quote ending in a comma,
        a question or an exclamation mark (the news convention for an attribution)."""
        if not q.closed or self.words.doc.text[q.close - 1: q.close] not in (",", "?", "!", "—"):
            return None
        words = self.words
        close = words.token_at(q.close)
        k = close + 1
        while k < len(words) and self.in_quote[k] >= 0 and self.in_quote[k] == self.in_quote[close]:
            k += 1  # the rest of its closing mark, not the next quotation
        if k >= len(words) or self.in_quote[k] >= 0 or not self._same_paragraph(k - 1, k):
            return None
        hi = words.sentence_bounds(k)[1]
        speaker = subject_phrase(words, k, hi)
        if speaker is None or speaker[1] >= hi or not is_verb(words, speaker[1]):
            return None
        verb = speaker[1]
        if words.lower[verb - 1] in _ARTICLES:
            return None  # a noun: '"...," a gap in the rules.'
        end = verb + 1
        while end < hi and words.lower[end] in PARTICLES:
            end += 1
        if end < hi and not (words.text[end] in _END_PUNCT or self._only_adjuncts(end, hi)):
            return None
        found = self._direct(q, None, speaker, "after-quote", 0.75)
        found.cue = (verb, end)
        return found

    def _quote_speaker(
        self, lo: int, before: int, earlier: Sequence[Found]
    ) -> tuple[int, int] | None:
        """Who speaks a quote introduced by a cue with no speaker of its own (``..., saying:``):
        an earlier attribution in the sentence, else the sentence's subject."""
        sentence = self.words.sentence_of[lo]
        for found in reversed(earlier):
            if found.sentence == sentence and found.speaker is not None:
                return found.speaker
        return sentence_subject(self.words, lo, before, self.in_quote)

    def _with_lead(self, found: Found, q: Quoted) -> Found:
        """A quote attributed after it that opens inside its sentence takes in the words
        before it, a mixed quote: ``The plan "will not work," she said.``"""
        words = self.words
        opening = words.token_at(q.open)
        if opening >= len(words) or found.cue is None:
            return found
        lo = words.sentence_bounds(opening)[0]
        while lo < opening and (words.is_punct(lo) or words.lower[lo] in _OPENING_WORDS):
            lo += 1
        lead = range(lo, opening)
        if sum(not words.is_punct(k) for k in lead) < 2 or words.text[opening - 1] in (
            ":", ";"
        ) or words.text[opening - 1] in DASHES or introduces(words, opening):
            return found  # "...," or a quote after a colon, a dash or its verb: on its own
        if any(self.in_quote[k] >= 0 for k in lead) or self.all_hits_between(lo, opening):
            return found
        found.start, found.kind = words.start[lo], "mixed"
        if q.closed:
            found.end = q.close + q.width  # with its closing mark: 'The plan "will not work,"'
        return found

    def _with_lead_before(self, found: Found, q: Quoted) -> Found:
        """A quote whose attribution interrupts its sentence takes in the words before the
        attribution, a mixed quote in two parts: ``When the firm sold the mill, Mr. Becker said, "we
        were stunned."`` (not a setting: ``In a statement, Peabody said: "..."``)."""
        words = self.words
        if found.speaker is None or found.cue is None or found.speaker[0] > found.cue[0]:
            return found
        comma = found.speaker[0] - 1
        opening = words.token_at(q.open)
        lo = words.sentence_bounds(opening)[0]
        while lo < comma and (words.is_punct(lo) or words.lower[lo] in _OPENING_WORDS):
            lo += 1
        if comma <= lo or words.text[comma] != "," or words.text[opening - 1] != ",":
            return found
        if sum(not words.is_punct(k) for k in range(lo, comma)) < 3 or (
            words.lower[lo] in _ADJUNCT_PREPOSITIONS or words.lower[lo] in _TIME_WORDS
        ):
            return found
        if any(self.in_quote[k] >= 0 for k in range(lo, comma)) or self.all_hits_between(lo, comma):
            return found
        found.parts = [(words.start[lo], words.end[comma - 1]), (found.start, found.end)]
        found.start, found.kind = words.start[lo], "mixed"
        return found

    def _runs_on(self, q: Quoted) -> bool:
        """Whether the sentence goes on with words after the quote's closing mark, so that the
        quote is part of a clause (``said "budget reforms" and taxes would pay``)."""
        if not q.closed:
            return False
        words = self.words
        close = words.token_at(q.close)
        k = close + 1
        while k < len(words) and self.in_quote[k] >= 0 and self.in_quote[k] == self.in_quote[close]:
            k += 1
        if close >= len(words) or k >= len(words):
            return False
        return words.sentence_of[k] == words.sentence_of[close] and not words.is_punct(k)

    def introduced_quote(self, q: Quoted) -> Found | None:
        """A quote that opens its paragraph after a paragraph ending in a cue and a colon:
        ``He said:`` / ``The report says, in part:`` then ``"..."``."""
        words = self.words
        opening = words.token_at(q.open)
        if opening >= len(words) or words.start[opening] != q.open or opening == 0:
            return None
        colon = opening - 1
        if words.text[colon] != ":" or self._same_paragraph(colon, opening):
            return None
        lo = words.sentence_bounds(colon)[0]
        for hit in reversed(self.hits_between(max(lo, colon - 8), colon)):
            if any(self.in_quote[t] >= 0 for t in range(hit.end, colon)):
                break
            speaker = dependencies.subject(words, hit.start) or speaker_before(
                words, hit.start, lo
            ) or speaker_after(words, hit.end, colon)
            found = self._direct(q, hit, speaker, "before-quote", 0.85)
            found.inherit = speaker is None
            return found
        return None

    def block_quote(self, colon: int, start: int, end: int) -> Found | None:
        """A paragraph in no quotation marks, the characters ``[start, end)``, after a
        paragraph that ends in a cue and its colon (token *colon*): ``The governor
        added:`` then the words he added, set as a block quotation, as web articles set
        long ones (found by ``block``). The cue must name its speaker and not have
        introduced a quotation already."""
        words = self.words
        lo = words.sentence_bounds(colon)[0]
        for hit in reversed(self.hits_between(max(lo, colon - _BLOCK_REACH), colon)):
            if hit.start in self.used or any(
                self.in_quote[t] >= 0 or words.is_punct(t) for t in range(hit.end, colon)
            ):
                return None
            speaker = dependencies.subject(words, hit.start) or speaker_before(
                words, hit.start, lo
            )
            if speaker is None:
                return None
            self.used.add(hit.start)
            return Found(
                start, end, "direct", (hit.start, hit.end), speaker, BLOCK_CONFIDENCE, "block",
                words.sentence_of[colon],
            )
        return None

    def _direct(
        self, q: Quoted, hit: Hit | None, speaker: tuple[int, int] | None, how: str, conf: float
    ) -> Found:
        if hit is not None:
            self.used.add(hit.start)
        start, end = q.content(self.words.doc.text)
        return Found(
            start, end, "direct",
            None if hit is None else (hit.start, hit.end),
            speaker,
            conf if speaker is not None else conf - 0.3,
            how,
            self.words.sentence_of[min(self.words.token_at(q.open), len(self.words) - 1)],
            quoted=q,
        )

    # -- reported speech -----------------------------------------------------------------

    def reported(self, hit: Hit, earlier: Sequence[Found]) -> Found | None:
        """Reported speech introduced by the cue *hit* (see the module's rules)."""
        words = self.words
        lo, hi = words.sentence_bounds(hit.start)
        if hit.cue.frame == "according":
            return self._according(hit, lo, hi)
        if _in_a_cue(hit.start, earlier):
            return None  # part of an attribution already made
        if reported.inside_statement(words, hit.start, earlier) or reported.no_one_s_view(
            words, hit
        ):
            return None  # "she said she wants to ...": part of what she said
        closing = ahead.closing(self, hit, lo, hi, earlier)
        if closing is not None:
            return closing  # "CONTENT, X wrote.": a closing attribution
        # a cue of quotations reports its "that" clause: "she wrote (Monday, in her memoir) that"
        if hit.cue.frame == "quote" and (
            words.lower[min(self._content_start(hit, hi), len(words) - 1)] != "that"
        ):
            return self._interrupting(hit, lo, hi)  # else it is a quote's cue
        if hit.cue.frame == "partial" and (named := reported.naming(self, hit, lo, hi)):
            return named
        if hit.cue.frame == "clause" or _raising(words, hit):
            return self._clause(hit, lo, hi)
        if hit.cue.frame == "stance":
            return self._stance(hit, lo, hi) or reported.stance_object(self, hit, lo, hi, earlier)
        if hit.cue.frame in reported.FRAMES:
            return reported.opinion(self, hit, lo, hi, earlier)
        question = reported.asked(self, hit, lo, hi)
        if question is not None:
            return question
        first_found = self._passive(hit, lo, hi) or self._parsed(hit)
        if first_found is not None:
            return first_found
        speaker = self._named_speaker(hit, lo)
        if speaker is not None:
            return self._spoken(hit, speaker, lo, hi)
        return self._unnamed(hit, lo, hi, earlier)

    def _interrupting(self, hit: Hit, lo: int, hi: int) -> Found | None:
        """A cue of quotations that interrupts a statement between commas, its speaker
        named right before it (``The trouble, Lind writes, began in the 1970s``): the
        statement in two parts; else ``None``."""
        words = self.words
        speaker = speaker_before(words, hit.start, lo)
        if speaker is None or speaker[0] - 1 <= lo or words.text[speaker[0] - 1] != ",":
            return None
        if any(self.in_quote[k] >= 0 for k in range(lo, hit.end)):
            return None  # a quotation before it: the quote rules attribute it
        resumed = self._resumed(hit.end, hi)
        if resumed is None:
            return None
        return self._interrupted(lo, speaker[0] - 1, resumed, hit, speaker, hi)

    def _named_speaker(self, hit: Hit, lo: int) -> tuple[int, int] | None:
        """Who the cue *hit* reports, named before it: the phrase right before it, a
        share of people (``One in three said``), a poll, or a subject further back."""
        words = self.words
        speaker = speaker_before(words, hit.start, lo)
        if speaker is not None and _one_in(words, hit.start - 1, lo):
            speaker = reported.far_subject(words, hit.start, lo) or speaker  # "one in three"
        if speaker is None and hit.cue.frame == "that":
            speaker = self._poll_subject(hit.start)
        return speaker or reported.far_subject(words, hit.start, lo)

    def _unnamed(self, hit: Hit, lo: int, hi: int, earlier: Sequence[Found]) -> Found | None:
        """A cue with no speaker's noun phrase before it: ``..., who (has publicly) said
        CONTENT``, ``CONTENT, said X.``, ``..., adding that CONTENT``."""
        words = self.words
        before = hit.start - 1
        relative = skip_back(words, before, lo)  # "who has publicly vowed to ..."
        if relative >= lo and words.lower[relative] in _RELATIVE_SUBJECTS:
            # "Ruiz backs Becker, who says he is grateful": the relative pronoun speaks
            first = self._content_start(hit, hi)
            end = self._content_end(first, hi)
            if relative - 1 > lo and words.text[relative - 1] == "," and not any(
                _verb_at(words, k) for k in range(lo, relative - 1)
            ):  # "The harbour master, who said ...,": the sentence's verb is still to come
                end = self._relative_end(first, end)
            return self._content(first, end, hit, (relative, relative + 1), "reported", 0.75)
        if hit.cue.frame == "complement":
            return None  # a verb of thought needs its thinker named: not "..., wanting to"
        if before > lo and words.text[before] == "," and not words.lower[hit.start].endswith("ing"):
            # "CONTENT, said X."; not "CONTENT, citing X" (a participle and its object)
            after = speaker_after(words, hit.end, hi)
            if (after is not None and self._only_adjuncts(after[1], hi)
                    and self._reads_as_clause(lo, before)):
                return self._content(lo, before, hit, after, "reported-after", 0.8)
        before = _comma_in_marks(words, before, lo)
        if before >= lo and (words.text[before] == "," or words.lower[before] in ("and", "but")):
            if words.text[before] == "," and _aside_say(words, hit, hi):
                return None  # "no better than, say, the old plan": an example, not a statement
            first = self._content_start(hit, hi)
            end = self._content_end(first, hi, _ADDRESSEE if hit.cue.frame == "object" else 0)
            found = self._content(first, end, hit, None, "continued", 0.7)
            if found is not None:
                found.speaker = self._sentence_speaker(lo, hit.start, earlier)
                found.inherit = found.speaker is None
            return found
        return (
            ahead.infinitive(self, hit, lo, hi) or ahead.long_subject(self, hit, lo, hi)
            or self._subject_that(hit, lo, hi)
        )

    def _subject_that(self, hit: Hit, lo: int, hi: int) -> Found | None:
        """A cue of speech with its clause of ``that`` or its infinitive and no speaker right
        before it, the sentence's subject further back (``Kirk, who ..., also noted that
        CONTENT``, ``Snyder, for his part, has denied that CONTENT``, ``Perino, a host of
        the show, refused to CONTENT``): the subject speaks."""
        words = self.words
        if hit.cue.frame not in ("speech", "object"):
            return None
        first = self._content_start(hit, hi)
        if first >= hi or words.lower[first] not in _SUBJECT_CLAUSES:
            return None
        speaker = sentence_subject(words, lo, hit.start, self.in_quote)
        if speaker is None or words.lower[speaker[0]] in _NO_SUBJECT:
            return None  # "It is important to note that ...": nobody's statement
        return self._content(first, self._content_end(first, hi), hit, speaker, "reported", 0.7)

    def _spoken(self, hit: Hit, speaker: tuple[int, int], lo: int, hi: int) -> Found | None:
        """The cue's speaker is named before it: ``X said (that) CONTENT``, ``CONTENT, X
        said.`` or ``CONTENT, X said, CONTENT.``"""
        words = self.words
        comma = speaker[0] - 1
        if comma > lo and words.text[comma] == ",":
            # a verb of thought reports the clause after it ("..., Ruiz wanted to stay, but")
            resumed = None if hit.cue.frame == "complement" else self._resumed(hit.end, hi)
            if resumed is not None:
                return self._interrupted(lo, comma, resumed, hit, speaker, hi)
            if self._only_adjuncts(hit.end, hi) and self._reads_as_clause(lo, comma):
                return self._content(lo, comma, hit, speaker, "reported-after", 0.8)
        first = self._content_start(hit, hi)
        if _free_relative(words, speaker, first, hi):
            return None  # "Everything Trump says is a lie": the writer's claim about it
        end = self._content_end(first, hi, _ADDRESSEE if hit.cue.frame == "object" else 0)
        found = self._content(first, end, hit, speaker, "reported", 0.8)
        if found is None and hit.cue.frame == "speech" and first + 1 < hi:
            single = first + 1 if words.is_punct(first + 1) else end
            if reported.whole_object(words, hit.start, first, single):  # "Reid blasted Rubio."
                found = self._content(first, single, hit, speaker, "object-only", 0.7, shortest=1)
        return found

    def _stance(self, hit: Hit, lo: int, hi: int) -> Found | None:
        """``Palin endorsed Trump``, ``voters who support Sanders``: the named speaker's
        stand on the name after the cue (its run of capitalised words)."""
        words = self.words
        if reported.describing(words, hit.start, lo):
            return None  # "a super PAC supporting Rubio": a description, not a stand
        speaker = speaker_before(words, hit.start, lo)
        if speaker is None and hit.start > lo and words.lower[hit.start - 1] in _RELATIVE_SUBJECTS:
            speaker = (hit.start - 1, hit.start)
        if speaker is None and (before := skip_back(words, hit.start - 1, lo)) > lo and (
            words.text[before] in _ASIDE_ENDS
        ):
            speaker = reported.far_subject(words, hit.start, lo)  # "Ruiz, the mayor, endorsed"
        if speaker is None or reported.unsure_stance(words, hit.start, speaker):
            return None  # "whether he would support Trump", "Do you support Trump?"
        end = min(hi, reported.stance_end(words, self.in_quote, hit.end) or hit.end)
        return self._content(hit.end, end, hit, speaker, "stance", 0.7, shortest=1)

    def _resumed(self, k: int, hi: int) -> int | None:
        """Where the content resumes after an attribution that interrupts it (``..., the
        port authority said in its spring review, CONTENT``): after the comma that ends the
        attribution."""
        words = self.words
        if k >= hi or not (words.text[k] == "," or words.lower[k] in _ADJUNCT):
            return None
        for j in range(k, min(hi, k + 9)):
            if words.text[j] == ",":
                r = j + 1
                if r + 2 >= hi or self.all_hits_between(r, r + 1) or words.lower[r].endswith("ing"):
                    return None  # "..., she said, adding that ...": another attribution
                if reported.cue_adjunct_end(self, j, hi) == r:
                    return None  # "..., he said, on condition of anonymity": how he spoke
                return r
            if self.in_quote[j] >= 0 or words.lower[j] == "that":
                return None
        return None

    def _interrupted(
        self, lo: int, comma: int, resumed: int, hit: Hit, speaker: tuple[int, int], hi: int
    ) -> Found | None:
        """``The new pier, the council said, was its largest yet``: content in two parts, the
        second ending where a reported clause ends (``..., although ...``: the writer's);
        only the second when the first only tells when or where (``On Monday, she said,
        the ferry will stop``)."""
        words = self.words
        end = ahead.content_stop(self, resumed, hi)
        first = lo
        while first < comma and words.is_punct(first):
            first += 1
        stretch = range(first + 1, comma)
        if first < comma and words.lower[first] in _SETTING_STARTS and all(
            words.lower[k] in _TIME_WORDS or words.lower[k] in SETTINGS
            or words.lower[k] in DETERMINERS or words.lower[k] in _SETTING_STARTS
            or words.capital[k] or words.lower[k][:1].isdigit() or words.is_punct(k)
            for k in stretch
        ) and any(words.lower[k] not in DETERMINERS for k in stretch):  # not "After all"
            return self._content(resumed, end, hit, speaker, "interrupted", 0.75)
        found = self._content(lo, end, hit, speaker, "interrupted", 0.75)
        if found is None:
            return None
        found.parts = [(found.start, words.end[comma - 1]), (words.start[resumed], found.end)]
        return found

    def _parsed(self, hit: Hit) -> Found | None:
        """``X said (that) CONTENT`` read from the parse: subject and clausal complement."""
        speaker = dependencies.subject(self.words, hit.start)
        content = dependencies.complement(self.words, hit.start)
        if speaker is None or content is None:
            return None
        return self._content(content[0], content[1], hit, speaker, "dependency", 0.85)

    def _according(self, hit: Hit, lo: int, hi: int) -> Found | None:
        words = self.words
        speaker = speaker_after(words, hit.end, hi)
        if speaker is None:  # "according to police, ...": a bare noun up to the comma
            end = hit.end
            while end < hi and end - hit.end < 5 and not words.is_punct(end):
                end += 1
            if end == hit.end:
                return None
            speaker = (hit.end, end)
        comma = hit.start > lo and words.lower[hit.start - 1] == ","
        opening = hit.start - 1 if comma else hit.start
        if opening <= lo + 1:  # at the start: "According to X, CONTENT"
            k = speaker[1]
            while k < hi and words.text[k] != ",":
                k += 1
            return self._content(k + 1, hi, hit, speaker, "according-to", 0.85)
        found = self._content(lo, opening, hit, speaker, "according-to", 0.85)
        return reported.according_resumed(self, found, comma, speaker[1], hi)

    def _clause(self, hit: Hit, lo: int, hi: int) -> Found | None:
        """``the plan appears to be stalled``: the clause around the cue, no speaker."""
        words = self.words
        first = hit.start
        while first > lo and not (
            words.text[first - 1] in _CLAUSE_STOPS or words.lower[first - 1] in _CLAUSE_OPENERS
        ):
            first -= 1
        while first < hit.start and words.is_punct(first):
            first += 1
        if first == hit.start:
            return None  # no subject before the cue: "Appearing on Fox, ..."
        rest = hit.end - 1 if words.lower[hit.end - 1] == "to" else hit.end
        # from its "to", an infinitive ends at its first comma: "is expected to sign it, ..."
        found = self._content(first, self._content_end(rest, hi), hit, None, "clause", 0.6)
        if found is None or rest >= hi or found.end <= words.end[hit.end - 1]:
            return None  # nothing after the cue: "the mayor reportedly."
        if found.end > words.end[rest]:
            # the content is the clause without its cue: "the plan [appears] to be stalled"
            found.parts = [(found.start, words.end[hit.start - 1]), (words.start[rest], found.end)]
            found.cue = (hit.start, rest)
        return found

    def colon_statements(self) -> list[Found]:
        """``Mark Cuban: I'd consider a White House bid``, a headline's way to attribute: a
        short name, a colon, and the statement (in the headline, or the first sentence of a
        document without one)."""
        words = self.words
        found: list[Found] = []
        if not len(words):
            return found
        headline = words.doc.part("headline")
        last = words.token_at(headline.end - 1) if headline is not None else 0
        for lo, hi in words.sentences[: words.sentence_of[min(last, len(words) - 1)] + 1]:
            k = next((j for j in range(lo + 1, min(hi, lo + reported.MAX_HEADLINE_NAME + 1))
                      if words.text[j] == ":"), None)
            if k is None or hi - k < 4 or self.in_quote[k] >= 0:
                continue
            name = reported.headline_name(words, lo, k)
            if name is None:
                continue
            if words.lower[lo] in _NOT_SPEAKER_LABELS or not words.text[k + 1][:1].isalnum():
                continue
            hit = Hit(k, k + 1, _COLON_CUE)
            statement = self._content(k + 1, hi, hit, name, "colon", 0.6)
            if statement is not None:
                found.append(statement)
        return found

    def poll_statements(self) -> list[Found]:
        """``In the new poll, CONTENT`` and ``CONTENT in the latest polls.``: a poll or a
        survey as the source of a sentence that has no cue of its own."""
        words = self.words
        found: list[Found] = []
        for lo, hi in words.sentences:
            if hi - lo < 5 or self.all_hits_between(lo, hi):
                continue
            end = hi
            while end > lo and words.is_punct(end - 1):
                end -= 1
            statement = self._poll_first(lo, hi) or self._poll_last(lo, end)
            if statement is not None:
                found.append(statement)
        return found

    def noun_statements(self, earlier: Sequence[Found]) -> list[Found]:
        """``Pence's call for CONTENT``, ``his decision to CONTENT``: a noun of statement or
        stance with its owner (``reported.owned_noun``, nouns of
        :data:`~newslens_quotes.reported.OWNED_NOUNS`), outside every statement found before."""
        words = self.words
        found: list[Found] = []
        in_quote = self.in_quote
        for k in [k for k in self._owned if in_quote[k] < 0]:
            start = words.start[k]
            if any(f.start <= start < f.end for f in earlier):
                continue
            lo, hi = words.sentence_bounds(k)
            owned = reported.owned_noun(self, k, lo, hi)
            if owned is None:
                continue
            first, end, speaker = owned
            hit = Hit(k, k + 1, _OWNED_CUE)
            statement = self._content(first, end, hit, speaker, "owned-noun", 0.6)
            if statement is not None:
                found.append(statement)
        return found

    def _poll_first(self, lo: int, hi: int) -> Found | None:
        """``In the new poll, CONTENT``."""
        words = self.words
        if words.lower[lo] != "in":
            return None
        reach = min(hi, lo + reported.MAX_POLL_NAME)
        comma = next((k for k in range(lo + 1, reach) if words.text[k] == ","), None)
        if comma is None or not any(words.lower[k] in _POLLS for k in range(lo + 1, comma)):
            return None
        hit = Hit(lo, lo + 1, _POLL_CUE)
        return self._content(comma + 1, hi, hit, (lo + 1, comma), "poll", 0.6)

    def _poll_last(self, lo: int, end: int) -> Found | None:
        """``CONTENT in the latest polls.`` (a short sentence: in a long one, the polls are
        more often a detail of the story than its source)."""
        words = self.words
        if not 5 <= end - lo <= 14 or words.lower[end - 1] not in _POLLS:
            return None
        k = end - 2
        while k > lo and end - k <= 7 and words.lower[k] != "in" and not words.is_punct(k):
            k -= 1
        if k <= lo + 2 or words.lower[k] != "in":
            return None
        hit = Hit(k, k + 1, _POLL_CUE)
        return self._content(lo, k, hit, (k + 1, end), "poll", 0.6)

    def _reads_as_clause(self, first: int, end: int) -> bool:
        """Whether tokens ``[first, end)`` hold a verb, so that they can be what a closing
        ``, X said.`` reports: not ``For his part, Ruiz tweeted.`` or ``Joe Madison, a
        host, recalled.`` (an opening phrase or the subject set off by commas)."""
        words = self.words
        if words.lower[first] in _OPENING and "," not in words.text[first:end]:
            return False  # "When the ferry left, the crew refused.": an opening clause
        if any(_verb_at(words, k) for k in range(first, end)):
            return True
        # no verb read (the lite tokens have no tags): a longer run of words that neither
        # opens with an adjunct's word nor holds a comma may still be a clause
        return (
            sum(1 for k in range(first, end) if not words.is_punct(k)) >= _MIN_CLAUSE_WORDS
            and words.lower[first] not in _ADJUNCT
            and "," not in words.text[first:end]
        )

    def _only_adjuncts(self, k: int, hi: int) -> bool:
        """Whether tokens ``[k, hi)`` are only a short adjunct and the final punctuation."""
        words = self.words
        end = hi
        while end > k and words.text[end - 1] in _END_OR_MARK:
            end -= 1
        if end == k:
            return True
        if words.text[k] == ",":
            return True
        if words.lower[k] not in _ADJUNCT or _infinitive_at(words, k, end):
            return False
        comma = next((j for j in range(k, end) if words.text[j] == ","), end)
        return comma - k <= 8

    def content_start(self, hit: Hit, hi: int) -> int:
        """The first token of what the cue *hit* reports (see :meth:`_content_start`)."""
        return self._content_start(hit, hi)

    def content_end(self, first: int, hi: int) -> int:
        """Where a content that starts at token *first* stops (see :meth:`_content_end`)."""
        return self._content_end(first, hi)

    def content(
        self, first: int, end: int, hit: Hit, speaker: tuple[int, int] | None, how: str,
        conf: float, shortest: int = 2,
    ) -> Found | None:
        """A :class:`Found` for the content tokens ``[first, end)`` (see :meth:`_content`)."""
        return self._content(first, end, hit, speaker, how, conf, shortest)

    def _content_start(self, hit: Hit, hi: int) -> int:
        """The first token of what a cue reports: after its addressee, ``that``, a colon."""
        words = self.words
        k = hit.end
        if hit.cue.frame == "object" and k < hi:
            that = reported.addressee_that(words, self.in_quote, k, hi)
            if that is not None:
                return that  # "told her supporters on Tuesday that ...": from its "that"
            low = words.lower[k]
            if low in _OBJECTS or _bare_addressee(words, k, hi):
                k += 1
            elif words.capital[k] or low in DETERMINERS:
                addressee = speaker_after(words, k, hi)
                if addressee is not None:
                    k = addressee[1]
                    if k - 1 > addressee[0] and words.lower[k - 1] in PERSON_PRONOUNS:
                        k -= 1  # "told The Harbour Gazette he was ...": the clause's subject
            if k > hit.end and k < hi and words.lower[k] == "to":
                return hit.end  # "urged them to leave": the addressee is part of the request
        if k < hi and words.lower[k] == "that":
            return k
        if k < hi and words.lower[k] in _ADJUNCT:  # "said on Tuesday that ..."
            return self._that_after_adjunct(k, hi)
        feeling = _feeling_object(words, hit, k, hi)
        if feeling is not None:
            return feeling  # "expressed concern about the plan": the plan
        if _cue_preposition(words, hit, k, hi):
            return k + 1  # "asked about the plan", "argued against it": the plan, it
        while k < hi and words.text[k] in (":", ","):
            k += 1
        return self._skip_adjunct(k, hi)

    def _that_after_adjunct(self, k: int, hi: int) -> int:
        """The ``that`` after a short adjunct that starts at token *k* (``on Tuesday that``,
        ``on ABC's "This Week" that``: the words of a title in quotation marks do not count
        towards its length), else what follows the adjunct."""
        words = self.words
        j, length = k + 1, 1
        while j < hi and length < _MAX_ADJUNCT and words.text[j] not in (",", ";"):
            if words.lower[j] == "that" and self.in_quote[j] < 0:
                return j
            length += self.in_quote[j] < 0
            j += 1
        return self._skip_adjunct(k, hi)  # k is the adjunct's first word

    def _skip_adjunct(self, k: int, hi: int) -> int:
        """Skip a time or a setting that follows the cue (``said on Tuesday the bill ...``,
        ``said in a statement the plan ...``)."""
        words = self.words
        if k >= hi or words.lower[k] not in _ADJUNCT_PREPOSITIONS:
            return k
        j, last = k + 1, k
        while j < hi and j - k <= 4 and (
            words.lower[j] in _TIME_WORDS or words.lower[j] in SETTINGS
            or words.lower[j] in ("a", "an", "the", "his", "her", "their")
        ):
            if words.lower[j] in _TIME_WORDS or words.lower[j] in SETTINGS:
                last = j
            j += 1
        if last == k:
            return k
        return last + 2 if last + 1 < hi and words.text[last + 1] == "," else last + 1

    def _content_end(self, first: int, hi: int, reach: int = 0) -> int:
        """Where the content stops: the sentence end, or the next attribution that starts a
        clause of its own (``... in January after Putin said``, ``..., adding``, ``but
        warned``); one inside the content (``that the city had asked``) or in a clause that
        ``when``, ``because``, ``if``, ``until``, ``where`` or ``since`` opens without a comma
        (``... was dropped when Ortiz announced ...``: PolNeAR's one content) does not stop it."""
        words = self.words
        hi = ahead.content_stop(self, first, self._phrase_end(first, hi, reach))
        hi = self._intro_end(first, hi)
        for hit in self.all_hits_between(first + 1, hi):
            speaker = speaker_before(words, hit.start, first)
            end = speaker[0] if speaker is not None else hit.start
            if end == first and first > 0 and words.text[first - 1] == ",":
                return first  # "... are worrying, Cuban said.": the sentence's attribution
            if speaker is None and _coordinated(words, first, end, hit, self.in_quote):
                continue  # "he is proud of it and expects to win": the content's own verb
            if speaker is None and _aim_participle(words, end, hit):
                continue  # "that they raised money, hoping to ...": the content's subject's aim
            if end - 1 < first or not (
                words.text[end - 1] in (",", ";") or words.lower[end - 1] in _TRAILING
            ):
                continue
            if words.lower[end - 1] in _SUBORDINATE and end - 2 >= first and (
                words.text[end - 2] not in (",", ";")
            ):
                continue  # "... that Ruiz listed when she announced them": one content
            if _joint_subject(words, first, end, hit.start):
                continue  # "that Tapper, Bash and Blitzer had mentioned it": one subject
            if _fronted_comma(words, first, end - 1):
                continue  # "that if the council wants one, it should ask ...": one clause
            if self._in_verbless_that(first, end, hit, speaker, hi):
                continue  # "that the turmoil after the vote underscores ...": its subject
            if speaker is not None and _goes_on_with(words, first, end, hit, speaker):
                continue  # "... and let them know that ...": the content's own verb
            while end > first and (
                words.lower[end - 1] in _TRAILING or words.text[end - 1] in (",", ";")
            ):
                end -= 1
            return end
        return hi

    def _in_verbless_that(
        self, first: int, end: int, hit: Hit, speaker: tuple[int, int] | None, hi: int
    ) -> bool:
        """Whether the *hit* with its *speaker* (which starts at token *end*) goes on a
        ``that`` content that starts at *first* and has no verb yet (:func:`_verbless_that`:
        ``that during the visit, the governor repeated ...``): one content, unless the
        speaker has nothing after its cue (``that in public work, he said.``)."""
        if speaker is None or not _verbless_that(self.words, first, end - 1):
            return False
        return not self._only_adjuncts(max(speaker[1], hit.end), hi)

    def _intro_end(self, first: int, hi: int) -> int:
        """A content inside a sentence's opening clause or phrase (``As Ruiz spoke about how
        the pier fell, the crowd ...``, ``If you doubt that the fee is fair, ask ...``,
        ``With the council denying claims of waste, the mayor ...``, ``Having said that,
        ...``: a subordinator, a preposition or a word in ``-ing`` first; or a clause that
        ``as``, ``while``, ``if``, ``because``, ``although`` or ``though`` opens after a
        comma or a semicolon, ``..., and while Ruiz said the fee was fair, it ...``; not
        ``when``, whose clause after a comma trails more often than not) ends with it, at
        its comma or at a dash (``When Ruiz noted that the pier was shut — as it has been
        — the council ...``)."""
        words = self.words
        if first >= len(words):
            return hi
        lo = words.sentence_bounds(first)[0]
        inner = next(  # after the last comma or semicolon before first, else lo
            (k + 1 for k in range(first - 1, lo - 1, -1) if words.text[k] in (",", ";")), lo
        )
        while inner < first and (words.is_punct(inner) or words.lower[inner] in _OPENING_WORDS):
            inner += 1
        if inner > lo and inner < first and words.lower[inner] in _SUBORDINATORS:
            lo = inner
        while lo < first and (words.is_punct(lo) or words.lower[lo] in _OPENING_WORDS):
            lo += 1
        if lo >= first or not (
            words.lower[lo] in _INTRO_CLAUSES or words.lower[lo].endswith("ing")
        ) or any(
            words.text[k] == "," for k in range(lo, first)
        ):
            return hi
        return next(
            (k for k in range(first + 1, hi)
             if (words.text[k] == "," or words.text[k] in DASHES) and self.in_quote[k] < 0),
            hi,
        )

    def _relative_end(self, first: int, end: int) -> int:
        """The end of a content in a relative clause set off by commas after the sentence's
        subject: the comma after which the sentence's own verb goes on (``The harbour
        master, who said the pier was unsafe, left early``), outside quotation marks; else
        *end*."""
        words = self.words
        for k in range(first + 1, end - 1):
            if words.text[k] != "," or self.in_quote[k] >= 0:
                continue
            j = k + 1
            while j < end - 1 and words.lower[j] in _RESUMING_ADVERBS:
                j += 1
            if _verb_at(words, j):
                return k
        return end

    def _phrase_end(self, first: int, hi: int, reach: int = 0) -> int:
        """An infinitive content (``hoped to win, ...``; with *reach*, after an addressee of
        up to that many words: ``asked residents to stay indoors, ...``) ends at the first
        comma, semicolon or dash outside quotation marks; a clause runs on."""
        words = self.words
        k = first
        while k < min(hi, first + reach + 1) and words.lower[k] != "to" and not words.is_punct(k):
            k += 1
        if k > first and (k >= hi or words.lower[k] != "to"):
            k = first
        k = k + 1 if k < hi and words.lower[k] == "not" else k
        if k >= hi or words.lower[k] != "to":
            return hi
        j = k + 2
        while j < hi:
            if self.in_quote[j] < 0 and words.text[j] in DASHES:
                closing = _closing_dash(words, j, hi)
                if closing is not None:
                    j = closing + 1  # "to ban all visitors — a million people — from ...": on
                    continue
            if self.in_quote[j] < 0 and words.text[j] in _PHRASE_BREAKS and not (
                _list_goes_on(words, j, hi)
            ):
                return j
            if self.in_quote[j] < 0 and _sentence_verb_after(words, k, j) and not (
                self.all_hits_between(k + 1, j)
            ):
                return j
            j += 1
        return hi

    def _quoted_from(self, start: int, stop: int) -> Sequence[Quoted]:
        """The quotations that open in ``[start, stop)`` (and maybe others: all of them when
        they are not in order)."""
        opens = self._opens
        if opens is None:
            return self.quoted
        return self.quoted[bisect.bisect_left(opens, start) : bisect.bisect_left(opens, stop)]

    def _content(
        self,
        first: int,
        end: int,
        hit: Hit,
        speaker: tuple[int, int] | None,
        how: str,
        conf: float,
        shortest: int = 2,
    ) -> Found | None:
        words = self.words
        first = _after_dateline(words, first, end)
        while end > first and (words.text[end - 1] in _END_PUNCT or (
            words.text[end - 1] == ")" and "(" not in words.text[first : end - 1]
        ) or words.text[end - 1] in DASHES or words.lower[end - 1] in _END_COORDINATORS):
            end -= 1  # "(She said it was not over.)": the bracket opened before the content
        if first >= len(words) or end - first < _shortest(words, hit, first, end, shortest):
            return None
        after_cue = how in _AFTER_CUE and first >= hit.end  # not "Over the years, she said, ..."
        if after_cue and (
            words.lower[first] in _NOT_CONTENT_START or reported.to_a_thing(words, first)
        ):
            return None  # "which he proposed under a flat rate": the object went before
        if after_cue and _no_content(words, first, end):
            return None  # "said in 2019.", "promises add up to": a setting or a particle
        start, stop = words.start[first], words.end[end - 1]
        inner = [q for q in self._quoted_from(start, stop) if start <= q.open and q.close < stop]
        whole = len(inner) == 1 and inner[0].open == start and inner[0].close + 1 >= stop
        if whole or (not inner and hit.cue.frame == "partial"):
            return None  # a direct quote the quote rules attribute, or no quoted words
        self.used.add(hit.start)
        return Found(
            start, stop, "mixed" if inner else "indirect", (hit.start, hit.end), speaker, conf,
            how, words.sentence_of[hit.start],
        )

    def _sentence_speaker(
        self, lo: int, before: int, earlier: Sequence[Found]
    ) -> tuple[int, int] | None:
        """Who speaks in the sentence so far: an earlier attribution in it, else its subject
        (:meth:`_quote_speaker`)."""
        return self._quote_speaker(lo, before, earlier)

