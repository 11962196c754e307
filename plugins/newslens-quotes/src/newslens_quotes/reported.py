"""Reported speech without quotation marks, beyond ``X said (that) ...``: the rules the
attribution rules (:mod:`newslens_quotes.attribution`) call for cues of opinion, questions,
naming, evidence, and where a reported clause ends.

PolNeAR-style news attribution counts more than speech: ``Cruz believes he will win``, ``the
party plans to cut taxes``, ``most voters oppose the toll``. Such verbs are too often
something else to be read plainly (``tax plans``, ``the employees they believe were best``),
so each rule here takes them only in a frame that makes them precise, and each was kept
only when it was right (overlap-matched to a PolNeAR gold content) on most of the training
split's articles where it fired, and the development split moved with it:

* ``opinion`` cues (``data/cues.tsv``: believe, hope, plan, consider, question, oppose,
  fear, demand; how ``"opinion"``): someone who can hold an opinion named right before the
  cue (:func:`holder`: a subject pronoun, a relative ``who``, a name, a role, a group or a
  count of people; never a thing) and a content right after it (:func:`content_follows`:
  no preposition or particle, no bare object pronoun, no verb whose subject went before the
  cue). A form that is as often a noun (``plans``, ``hopes``) counts only before ``to`` or
  ``that``; a participle (``a super PAC supporting ...``) only after a form of ``be``. The
  content is a clause to its end, or a noun phrase to its first comma or verb.
* ``as`` cues (see, view, regard): the same, only with ``as`` in the content's first words
  (``voters see Clinton as the stronger candidate``), a judgement and not a sight.
* **Questions** (how ``"asked"``): ``Asked whether CONTENT, X said``, ``When asked about
  CONTENT``, ``X was asked why CONTENT`` (:func:`asked_of`): what was asked, with no speaker,
  to the next comma or question mark.
* **Naming** (how ``"named"``): ``X called Trump a fascist``, ``64 percent call him
  competent``: a ``partial`` cue (call, dub, label) with a name or an object pronoun and
  what it is called, without quotation marks (with them, the speech rules make a mixed
  quote).
* **Stance targets** (:func:`stance_end`): after a ``stance`` cue, a name that a title may
  lead (``endorsed Sen. Ted Cruz``, ``supports Mr. Sanders``) or an object pronoun that is
  the whole object (``endorsed her on Monday``; not ``endorsed her plan``).
* **Stances on things** (how ``"stance-object"``, ``stance_object``): ``the union
  supports the levy``, ``Ruiz endorsed raising the tax``: a ``stance`` cue whose object is
  no name, with a holder as for ``opinion`` (not a relative ``who``, not after a modal);
  PolNeAR marks such stances about half the time (24 of 40 on train), so they carry their
  own confidence.
* **Owned nouns** (how ``"owned-noun"``, ``owned_noun``): ``his promise to CONTENT``,
  ``Murphy's opposition to CONTENT``, ``his decision to CONTENT``: a noun of
  :data:`OWNED_NOUNS` right after its owner (a possessive pronoun, or a name with ``'s``),
  who is the speaker.
* **Wanted objects** (:func:`wanted_to`): ``want`` takes an object and its infinitive as
  a clause (``wants his party to work harder``), not ``it`` (``wants it to end``).
* **Addressees** (:func:`addressee_that`): an ``object`` cue's content starts at the
  ``that`` after its addressee, whatever words the addressee has (``told her supporters
  on Tuesday that ...``), unless a second noun phrase comes first (``told reporters the
  bill that passed ...``: a relative ``that``).
* **Whole objects** (how ``"object-only"``, :func:`whole_object`): a cue of speech whose
  whole object is one person (``Reid blasted Rubio.``), which the usual two-word minimum
  would leave.
* **Unsure stances** (:func:`unsure_stance`): no ``stance`` after a modal (``whether he
  would support Trump``) or from a lone ``you`` (``Do you support Trump?``).
* **Evidence**: plural nouns of evidence (:data:`EVIDENCE`: ``new filings show ...``,
  ``CONTENT, city records show.``) are subjects of ``that``-frame cues, like polls.
* **Nesting**: a cue inside the content of an earlier statement of its sentence is part of
  that statement, not one of its own (``she said she believes ...``; PolNeAR's content is
  the outer one), unless it is a noun with its owner (``his warning that ...``).
* **Speakers further back** (:func:`far_subject`): a count of people (``Six in 10 say``)
  and a subject past its aside (``Whitfield, who ..., said``).
* **Quantifiers** (:func:`quantified_holder`): a quantifier alone holds a thought
  (``Most believe that ...``, ``But few think ...``), whatever the tense of a verb that is
  no noun.
* **Clause ends** (``clause_end``): a reported clause stops at a semicolon, at a comma before
  the writer's contrast or adjunct (``..., but ...``, ``..., compared with ...``), and at a
  coordinated clause with a cue of its own (``..., and a third said ...``). Verbs of thought
  (``complement`` frame) also take a clause with a noun subject (:func:`subject_clause`:
  ``thinks the levy will fail``). A noun-phrase object (:func:`_object_end`) stops before
  a subordinator (``praised the crews while ...``) and before a second verb of the
  sentence's subject (``declined the post and has since left``); a clause keeps both.
  Any content stops before how its speaker spoke (``cue_adjunct_end``: ``on
  condition of anonymity``, ``through his lawyer``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import attrs

from newslens_quotes.lexicon import APOSTROPHE_S, roles
from newslens_quotes.words import (
    ASIDE_MARKS,
    BE_FORMS,
    DASHES,
    DETERMINERS,
    IRREGULAR_PAST,
    PERSON_PRONOUNS,
    TIME_WORDS,
    Words,
    opening_quantifier,
    sentence_subject,
    skip_back,
    speaker_before,
    subject_phrase,
)
from newslens_quotes.words import BETWEEN as BETWEEN_WORDS

if TYPE_CHECKING:
    from newslens_quotes.attribution import Found, Hit, Rules

FRAMES: Final = frozenset({"opinion", "as"})
"""The cue frames (:data:`~newslens_quotes.lexicon.FRAMES`) whose cues this module reads."""
MAX_AS: Final = 8  # words between an "as" cue and its "as": "sees the governor's plan as"
EVIDENCE: Final = frozenset({
    "reports", "records", "filings", "documents", "emails", "estimates", "returns",
    "statistics", "projections", "forecasts", "tallies", "counts", "evidence", "research",
    "findings", "census", "transcripts", "logs", "receipts", "video", "videos", "footage",
    "review", "email", "memo", "audit", "average", "tally", "polling", "documentation",
})
"""Nouns of evidence that report what they show (``new filings show it has ...``, ``...,
fundraising documents show.``, ``Video of the incident shows ...``), beside the polls and
studies of the ``that`` frame."""
_NOT_CONTENT: Final = frozenset({
    "about", "of", "on", "for", "in", "at", "by", "with", "from", "into", "up", "out", "off",
    "back", "over", "as", "and", "or", "but", "so", "than", "too", "it", "him", "her", "them",
    "me", "us", "there", "here", "away", "through", "around", "against", "nothing",
})
# A content that starts with a verb lost its subject to the phrase before the cue ("the
# builders they thought were the cheapest"): that phrase, not the verb's object, is the
# content, so the rule leaves it.
_GAP: Final = frozenset({
    "is", "are", "was", "were", "would", "will", "could", "can", "should", "has", "have",
    "had", "may", "might", "must",
}) | APOSTROPHE_S
# Words that end a noun-phrase content ("backed Ruiz, providing ..."; "who back
# the levy are in college").
_NP_STOPS: Final = frozenset({",", ";", ":", "(", "—", "–", "--", "―"}) | _GAP
_CLAUSE_STARTS: Final = frozenset({"that", "to", "whether", "if", "how", "what", "why", "not"})
# Cue forms as often nouns as verbs, taken only before an infinitive ("plans to run").
_NOUN_FORMS: Final = frozenset({"plan", "plans", "hope", "hopes", "fear", "fears", "view", "views"})
_NOBODY: Final = frozenset({"nobody", "none", "no", "neither", "noone", "no-one"})
_ASIDES: Final = frozenset({
    "meanwhile", "however", "though", "too", "also", "instead", "moreover", "likewise",
    "nonetheless", "still", "now", "then", "therefore",
})
# Words of _PEOPLE that stand alone as a subject: "Most believe ...", "Few expect ...".
_ALONE: Final = frozenset({"most", "many", "some", "few", "others", "all", "both", "half"})
# Closing attributions that take in no statement: their content is PolNeAR's less often
# than the statement inside it (on train, 0 of 8 and 3 of 8 matched where 8 and 5 inside
# were): "The chief, asked why ..., blamed the budget" reads "blamed" as a closing cue.
_NOT_OUTER: Final = frozenset({"reported-after", "interrupted"})
_POSSESSIVES: Final = frozenset({"his", "her", "their", "its", "our", "my"}) | APOSTROPHE_S
_RELATIVES: Final = frozenset({"who"})
# Words that head a phrase naming people without being a role: "most", "64 percent".
_PEOPLE: Final = frozenset({
    "percent", "%", "majority", "majorities", "most", "many", "half", "third", "thirds",
    "quarter", "quarters", "others", "people", "americans", "everyone", "everybody", "both",
    "all", "some", "few", "sources", "someone", "members", "leaders",
    "critics", "experts", "analysts", "economists", "advocates", "conservatives", "liberals",
    "progressives",
    "activists", "residents", "citizens", "women", "men", "candidates", "delegates",
    "donors", "respondents", "parents", "students", "workers", "lawmakers", "legislators",
    "senators", "governors", "officials", "administration", "campaign", "party", "group",
    "committee", "government", "court", "company", "firm", "team", "agency", "department",
    "congress", "senate", "house", "gop", "democrats", "republicans", "independents",
    "union", "unions", "council", "board", "commission", "coalition", "association",
    "organization", "organisation", "network", "bank", "city", "state", "country", "nation",
    "ministry", "police", "army", "military", "family", "couple", "staff", "aides", "allies",
    "groups", "advisers", "advisors", "strategist", "strategists", "reporters", "rivals",
    "politicians", "opponents", "insiders", "executives", "parties", "campaigns", "friends",
    "backers", "observers", "investors", "employees", "neighbors", "colleagues", "pundits",
    "commentators", "historians", "lawyers", "attorneys", "judges", "teachers", "farmers",
    "owners", "organizations", "countries", "nations", "governments",
    "reporter", "executive", "man", "woman", "media", "audience", "crowd",
    "public", "community", "leadership",
})


def content_follows(
    words: Words, in_quote: Sequence[int], k: int, cue: int | None = None
) -> bool:
    """Whether a content can start at token *k*, right after an ``opinion`` cue (which
    starts at token *cue*, when given): not a preposition or an object pronoun; a verb only
    in a relative clause whose subject the cue's holder is not (``a plan that he believes
    was drafted``: what was drafted is the relative's antecedent, see
    :func:`relative_holder`)."""
    if k >= len(words) or in_quote[k] >= 0 or words.is_punct(k):
        return False
    if words.sentence_of[k] != words.sentence_of[k - 1]:
        return False
    low = words.lower[k]
    if low in _GAP:
        return cue is not None and relative_holder(words, cue)
    return low not in _NOT_CONTENT


def relative_verb_follows(words: Words, in_quote: Sequence[int], k: int, cue: int) -> bool:
    """Whether the verb of a relative clause (an auxiliary, ``be`` or ``have``) follows
    at token *k* the cue at token *cue* and its holder (:func:`relative_holder`: ``which
    Lind thinks will cost jobs``)."""
    return k < len(words) and words.lower[k] in _GAP and content_follows(words, in_quote, k, cue)


_RELATIVE_WORDS: Final = frozenset({"that", "which", "who", "whom", "what", "whose"})
MAX_HOLDER: Final = 4
"""Words of a holder between a relative word and its cue (``whom many progressives
believed``)."""


def relative_holder(words: Words, cue: int) -> bool:
    """Whether the opinion cue at token *cue* follows a relative word and its holder, with
    nothing else between (``that he believes``, ``which Mozloom thinks``, ``what
    scientists think``): the verb after the cue is then the relative clause's, and its
    subject the relative's antecedent."""
    lo = words.sentence_bounds(cue)[0] if cue < len(words) else cue
    for j in range(cue - 2, max(lo, cue - MAX_HOLDER - 1) - 1, -1):
        if words.is_punct(j + 1):
            return False
        if words.lower[j] in _RELATIVE_WORDS:
            return True
    return False


def holder(words: Words, cue: int, lo: int) -> tuple[int, int] | None:
    """Who holds the opinion of the cue at token *cue*: a relative ``who`` before it, past
    auxiliaries and adverbs (``who had quietly hoped``), else the phrase right before it
    or the subject before an aside (``Ruiz, the mayor, plans``; :func:`far_subject`),
    when it names people (see the module's rules); ``None`` otherwise."""
    relative = skip_back(words, cue - 1, lo)  # "who had quietly hoped to ..."
    if relative >= lo and words.lower[relative] in _RELATIVES:
        return (relative, relative + 1)
    while cue - 1 > lo and words.lower[cue - 1] in BE_FORMS:
        cue -= 1  # "Ortega is seeking": the phrase before the auxiliary
    if cue - 3 >= lo and words.text[cue - 1] == "," and words.text[cue - 3] == "," and (
        words.lower[cue - 2] in _ASIDES
    ):
        cue -= 3  # "Sanders, meanwhile, hopes"
    if cue > lo and words.lower[cue - 1] in _PEOPLE and words.lower[cue - 1] in _ALONE:
        return (cue - 1, cue)  # "Most believe", "Some seek"
    found = speaker_before(words, cue, lo) or far_subject(words, cue, lo)  # "Ruiz, the mayor,"
    if found is None:
        return None
    first, end = found
    head = words.lower[end - 1]
    if words.lower[first] in _NOBODY:
        return None  # "Nobody believed ...": no one's opinion
    if end - first == 1 and head in PERSON_PRONOUNS:
        return found
    if words.upos is not None:
        tag = words.upos[end - 1]
        ok = tag == "PROPN" or (tag == "PRON" and head in PERSON_PRONOUNS)
    else:
        ok = words.capital[end - 1] and words.text[end - 1][:1].isalpha()
    if ok or head in roles() or head in _PEOPLE:
        return found
    return None


def inside_statement(words: Words, cue: int, earlier: Sequence[Found]) -> bool:
    """Whether the cue at token *cue* lies inside the content of an earlier statement (a
    noun cue with its owner, ``his warning that ...``, is a statement of its own)."""
    if cue > 0 and words.lower[cue - 1] in _POSSESSIVES:
        return False
    start = words.start[cue]
    # a loop, not any() (a generator's overhead, about 3x the time on 20 statements):
    # called for every cue with every statement before it
    for f in earlier:  # noqa: SIM110
        if f.start <= start < f.end and f.kind != "direct":
            return True
    return False


def outer_only(words: Words, found: Sequence[Found]) -> list[Found]:
    """*found* without the statements whose cue lies inside the content of a statement found
    after them (``CONTENT, X said.``, ``..., according to X``: ``Y told her that Z,
    according to X`` is X's one content, ``Y told her that Z``) or of a headline's
    statement (``Ortiz: I Think Voters Will ...``); :func:`inside_statement` does the same
    for the statements found before. Of two statements with one content
    (``continued to suggest that CONTENT``: ``continued`` and ``suggest``), the first stays."""
    kept: list[Found] = []
    contents: set[tuple[int, int]] = set()
    outer = [  # the statements that may hold another's cue, with their cues
        (g, g.cue) for g in found
        if g.kind != "direct" and g.cue is not None and g.how not in _NOT_OUTER
    ]
    for f in found:
        if f.kind != "direct" and (f.start, f.end) in contents:
            continue
        if f.kind != "direct" and f.cue is not None and not (
            f.cue[0] > 0 and words.lower[f.cue[0] - 1] in _POSSESSIVES
        ) and _held(f, f.cue[0], words.start[f.cue[0]], outer):
            continue
        kept.append(f)
        if f.kind != "direct":
            contents.add((f.start, f.end))
    return kept


def _held(
    f: Found, cue: int, start: int, outer: Sequence[tuple[Found, tuple[int, int]]]
) -> bool:
    """Whether the cue of *f* (token *cue*, character *start*) lies inside the content of a
    statement of *outer* whose own cue comes after it, or of a headline's (``colon``)."""
    for g, (first, _) in outer:  # a loop, not any(): run for every statement
        if g is not f and g.start <= start < g.end and (first > cue or g.how == "colon"):
            return True
    return False


def opinion(
    rules: Rules, hit: Hit, lo: int, hi: int, earlier: Sequence[Found], how: str = "opinion"
) -> Found | None:
    """``X thinks (that) CONTENT``, ``X wants to VERB ...``, ``X supports CONTENT`` (found
    by the rule *how*)."""
    words = rules.words
    if words.capital[hit.start] and hit.start > lo:
        return None  # "the Clean Power Plan": a name
    if words.lower[hit.start] in _NOUN_FORMS and words.lower[hit.end] not in ("to", "that") and (
        not verb_form(words, hit.start, hit.end, lo)
    ):
        return None  # "a government plan similar to ...": a verb only before "to" or "that"
    if describing(words, hit.start, lo):
        return None  # "a super PAC supporting Rubio": a description, not a stand
    speaker = holder(words, hit.start, lo)
    if speaker is None:
        return None
    first = rules.content_start(hit, hi)
    end = rules.content_end(first, hi)
    if hit.cue.frame == "as" and (
        not any(words.lower[k] == "as" for k in range(first + 1, min(end, first + MAX_AS)))
        or any(rules.in_quote[k] >= 0 for k in range(first, end))
    ):
        return None  # "saw the tweet": no judgement; 'as "..."' is a partial quote's
    if not _clause_after(words, first, end) and hit.cue.frame != "as":
        end = next((k for k in range(first + 1, end) if words.text[k] in _NP_STOPS
                    or words.lower[k] in _NP_STOPS), end)
        while end > first + 1 and words.lower[end - 1] in ("and", "or", "but"):
            end -= 1  # "seeks more revenue and would leave ...": the phrase, not the "and"
        if words.lower[speaker[0]] in _RELATIVES and words.capital[first]:
            # "voters who oppose Halvorsen live in the city": the name, then the main verb
            end = next((k for k in range(first + 1, end) if not words.capital[k]), end)
    return rules.content(first, end, hit, speaker, how, 0.65, shortest=1)


def verb_form(words: Words, cue: int, after: int, lo: int) -> bool:
    """Whether a cue that is as often a noun (``hopes``, ``fears``) is a verb here: a name,
    a subject pronoun, a role or a plural of people right before it, and a clause right
    after it (``Ruiz hopes the plan will work``, ``the mayor fears the pier will
    fall``; not ``her hopes``, ``the party's plans``)."""
    before = cue - 1
    if before < lo or after >= len(words) or not subject_clause(words, after):
        return False
    low = words.lower[before]
    if low in PERSON_PRONOUNS:
        return True
    return (words.capital[before] and low not in DETERMINERS and not (
        before > lo and words.lower[before - 1] in DETERMINERS
    )) or low in _PEOPLE or low in roles()


def stance_object(
    rules: Rules, hit: Hit, lo: int, hi: int, earlier: Sequence[Found]
) -> Found | None:
    """``the union supports the levy``, ``Ortega backed efforts to ...`` (how
    ``"stance-object"``): a ``stance`` cue whose object is no name or person (those are the
    ``stance`` rule's), with a holder named right before it as for an ``opinion`` cue (a
    name, a pronoun, an organisation, a group of people; not a relative ``who``, which
    describes someone: ``members who support charters``) and not after a modal; the content
    is the object, to its first comma or verb, or the clause after it."""
    words = rules.words
    if stance_end(words, rules.in_quote, hit.end) is not None:
        return None
    if hit.end < hi and words.lower[hit.end] in _SUPPORT_AS_NOUN:
        return None  # "his support among Latino voters": the noun
    if hit.start > lo and words.lower[hit.start - 1] in _RELATIVES:
        return None  # "members who support charters": who they are, not what they said
    speaker = holder(words, hit.start, lo)
    if speaker is not None and unsure_stance(words, hit.start, speaker):
        return None  # "whether he would back the bill": no stand yet
    if hit.start > lo and words.lower[hit.start - 1] in ("percent", "%") and (
        words.lower[hit.start] == words.lemma[hit.start]
    ):
        return None  # "45 percent support": a share of the vote, not a stand
    return opinion(rules, hit, lo, hi, earlier, how="stance-object")


# Words after a stance cue that show it is a noun ("support among voters", "support today").
_SUPPORT_AS_NOUN: Final = frozenset({
    "among", "across", "within", "today", "remains", "remained", "has", "had", "grew", "fell",
})


def describing(words: Words, cue: int, lo: int) -> bool:
    """Whether the cue at token *cue* is a participle that describes the noun before it
    (``a super PAC supporting Rubio``, ``voters backing Cruz``) rather than a verb of its
    own (``she is supporting Rubio``, ``..., calling him a bully``)."""
    return words.lower[cue].endswith("ing") and cue > lo and not (
        words.lower[cue - 1] in BE_FORMS or words.is_punct(cue - 1)
    )


def _clause_after(words: Words, first: int, end: int) -> bool:
    """Whether the content ``[first, end)`` is a clause (``that ...``, ``to ...``, a subject
    pronoun, or a verb of the lexicon's sense within its first words) rather than a noun
    phrase, whose end is its first comma or verb."""
    low = words.lower[first]
    if low in _CLAUSE_STARTS or low in PERSON_PRONOUNS:
        return True
    return any(words.lower[k] in _GAP for k in range(first + 1, min(end, first + 8)))


_QUESTION_WORDS: Final = frozenset({
    "whether", "if", "what", "who", "whom", "which", "how", "why", "when", "where", "about",
})
_ASKED_ADVERBS: Final = frozenset({
    "specifically", "directly", "again", "later", "repeatedly", "also", "then", "pointedly",
    "recently", "once", "twice",
})
_ASKED_BEFORE: Final = frozenset({"when", "while", "after", "before", "once", "if", "as", ","})
_QUESTION_END: Final = frozenset(",;?:(—–-―.!")


def asked_of(words: Words, i: int) -> bool:
    """Whether token *i* is a passive ``asked`` before a question (``he was asked whether
    ...``, ``when asked about ...``, ``Asked on Monday by a reporter whether ...``): a cue of
    the ``asked`` rule, where other passive cues are none."""
    return words.lower[i] == "asked" and question_after(words, i + 1) is not None


_ASKED_SETTINGS: Final = frozenset({"on", "in", "at", "during", "by", "after", "earlier"})
MAX_ASKED_SETTING: Final = 8
"""Words of when, where or by whom a question was put, between ``asked`` and it (``asked
at a briefing Monday in Washington about ...``)."""


def question_after(words: Words, k: int) -> int | None:
    """The question word (``whether``, ``why``, ``about``...) that token *k* opens after
    ``asked``, past adverbs (``asked specifically what``) and a setting (``asked on Monday
    whether``, ``asked by a reporter about``, ``asked Tuesday about``); else ``None``."""
    n = len(words)
    while k < n and words.lower[k] in _ASKED_ADVERBS:
        k += 1
    if k < n and words.lower[k] in _QUESTION_WORDS:
        return k
    if k >= n or not (words.lower[k] in _ASKED_SETTINGS or words.lower[k] in TIME_WORDS):
        return None
    for j in range(k + 1, min(n, k + MAX_ASKED_SETTING + 1)):
        low = words.lower[j]
        if words.is_punct(j) and low != "'s":
            return None
        if low in _QUESTION_WORDS and low not in ("when", "where", "which", "who"):
            return j
    return None


def asked(rules: Rules, hit: Hit, lo: int, hi: int) -> Found | None:
    """``Asked whether CONTENT, X said``, ``When asked about CONTENT, ...``, ``X was asked
    what CONTENT``: the question put to someone is what PolNeAR attributes, with no source
    (the asker is rarely named). The content is what follows ``asked`` (after ``about``) to
    the next comma or question mark."""
    words = rules.words
    k = hit.start
    if words.lower[k] != "asked" or hit.end != k + 1 or k + 2 >= hi:
        return None
    before = k - 1
    while before >= lo and words.lower[before] in BETWEEN_WORDS:
        before -= 1
    if not (before < lo or words.lower[before] in _ASKED_BEFORE or words.lower[before] in BE_FORMS):
        return None  # "Smith asked whether ...": the speech rules read it, with its speaker
    first = question_after(words, k + 1)
    if first is None or first >= hi:
        return None
    if all(words.lower[j] in _ASKED_ADVERBS for j in range(k + 1, first)):
        first = k + 1  # "asked specifically what ...": the adverb is the asker's, kept
    if words.lower[first] == "about":
        first += 1
    end = next((j for j in range(first + 1, hi) if (
        rules.in_quote[j] < 0 or (words.text[j] == "," and _closes_quote(rules, j))
    ) and words.is_punct(j) and not _QUESTION_END.isdisjoint(words.text[j])), hi)
    return rules.content(first, end, hit, None, "asked", 0.6)


def _closes_quote(rules: Rules, j: int) -> bool:
    """Whether the token after token *j* (a comma inside quotation marks) closes them:
    ``whether Ruiz “has the integrity to serve,” 75 percent said``."""
    n, quote = len(rules.words), rules.in_quote
    return j + 1 < n and quote[j + 1] == quote[j] and (j + 2 >= n or quote[j + 2] != quote[j])


# After a comma, words that start a clause or an adjunct of the writer's, not the speaker's:
# "..., but Hart did not say when", "..., compared with 58 percent who ...".
_CONTRASTS: Final = frozenset({
    "but", "however", "while", "whereas", "although", "though", "yet", "compared",
    "putting", "making", "leaving", "giving", "meaning",
})
_COORDINATORS: Final = frozenset({"and", "but", "while", "as", "whereas"})
_BREAKS: Final = frozenset({";"})
_DASH_CONTRASTS: Final = frozenset({"although", "though", "while", "whereas"})  # not "but"
_ASIDE_STARTS: Final = frozenset({"who", "which", "a", "an", "the", "whose"})
_SETTING_LEADS: Final = frozenset({"in", "during", "at"})
_SETTING_WORDS: Final = frozenset({
    "interview", "statement", "speech", "conference", "briefing", "rally", "debate",
    "appearance", "op-ed", "tweet", "email", "letter", "memo", "town", "hearing", "address",
})
MAX_SETTING: Final = 10  # words of a setting that ends a content: "in an interview with CNN"
MIN_CONTENT: Final = 3  # words a content keeps before a comma can end it


_NOUN_OPENERS: Final = frozenset({"his", "her", "their", "its", "the", "a", "an", "our", "my"})
_CLAUSE_SIGNS: Final = BE_FORMS | {
    "will", "would", "could", "should", "can", "may", "might", "must", "has", "have", "had",
    "that", "who", "which", "to", "did", "does", "do",
}
_OBJECT_SETTING_LEADS: Final = frozenset({"in", "at", "on", "during"})
_OBJECT_SETTINGS: Final = _SETTING_WORDS | {
    "call", "show", "program", "remarks", "session", "broadcast", "radio", "television",
    "conference", "press", "start", "opening", "visit", "stop", "event", "forum", "meeting",
}


_OBJECT_REACH: Final = 5  # from a setting's first word to its noun: "at the close of her speech"


def _object_setting_end(words: Words, first: int, end: int) -> int:
    """Where a noun-phrase content that starts at token *first* (``his``, ``the``...) stops
    before *end*: at a setting of the cue after it (``discussed his plan on his radio
    show``, ``praised the reporter at a press conference``), unless a clause comes first
    (``his plan will pass in June``: the time is the content's)."""
    if first >= end or words.lower[first] not in _NOUN_OPENERS:
        return end
    for k in range(first + 2, end - 1):
        low = words.lower[k]
        if low in _CLAUSE_SIGNS:
            return end
        reach = range(k + 1, min(end, k + _OBJECT_REACH + 1))
        if low in _OBJECT_SETTING_LEADS and any(words.lower[j] in _OBJECT_SETTINGS for j in reach):
            return k
    return end


_OBJECT_STARTS: Final = _NOUN_OPENERS | {"these", "those"}
# Words that open the writer's clause after a noun-phrase object: "rejected the plan while
# the council ...". Not "as" ("described him as a ..."), nor "because", "when", "after" or
# "before", which PolNeAR keeps in the content as often as not.
_OBJECT_SUBORDINATORS: Final = frozenset({"while", "although", "though", "whereas"})
_OBJECT_COORDINATORS: Final = frozenset({"and", "but"})
_OBJECT_ADVERBS: Final = frozenset({"also", "then", "later", "since", "still", "never"})
# Not "'s", a possessive as often: "praised Mr. Ruiz's work but also had to ...".
_OBJECT_VERBS: Final = _GAP - APOSTROPHE_S | {"did", "does", "do", "am", "be", "been"}
_OBJECT_MODALS: Final = frozenset({
    "would", "will", "could", "can", "may", "might", "should", "must",
})


def _verbish(words: Words, k: int) -> bool:
    """Whether token *k* reads as the finite verb of a clause: an auxiliary, a form of
    "be", a negated verb (``can't``), a past in ``-ed`` or an irregular past."""
    low = words.lower[k]
    return low in _OBJECT_VERBS or low.endswith(("n't", "n’t")) or (
        not words.capital[k] and low.isalpha() and (low.endswith("ed") or low in IRREGULAR_PAST)
    )


def _object_end(rules: Rules, first: int, end: int) -> int:
    """Where a noun-phrase object after the cue (``praised the crews``, ``blamed Ruiz for
    the delay``) stops before *end*: before a subordinator that opens the writer's clause
    (``... while the council ...``) and before a second verb of the sentence's own subject
    joined by ``and`` or ``but`` (``declined the post and has since left``, ``praised the
    crews but also had to ...``, ``praised the crews, and has since ...``; not after an
    earlier comma, ``praised Ruiz, Hale and Wu``, nor before a modal or a verb with a
    subject of its own: ``the heat and humid weather could last``); else *end*. A content
    with a verb before these is a clause (``said Ruiz would win and ...``), which keeps
    its coordinated verbs, as does a one-word object."""
    words = rules.words
    if first >= min(end, len(words)):
        return end
    low = words.lower[first]
    if not (low in _OBJECT_STARTS or (
        words.capital[first] and words.text[first][:1].isalpha() and low not in PERSON_PRONOUNS
        and low not in _CLAUSE_STARTS
    )):
        return end
    for k in range(first + 1, end - 1):
        if rules.in_quote[k] >= 0:
            continue
        if _verbish(words, k) or words.text[k] == ":":
            return end  # a clause: "said Ruiz would win and ..."; "a way to pay: Draw on ..."
        if k >= first + 2 and (
            words.lower[k] in _OBJECT_SUBORDINATORS or _second_verb(words, first, k, end)
        ):
            return k
    return end


def _second_verb(words: Words, first: int, k: int, end: int) -> bool:
    """Whether the ``and`` or ``but`` at token *k*, after a noun-phrase object that starts
    at *first*, joins a second verb of the sentence's subject (see :func:`_object_end`)."""
    if words.lower[k] not in _OBJECT_COORDINATORS or "," in words.text[first : k - 1]:
        return False
    j = k + 1
    while j < end - 1 and words.lower[j] in _OBJECT_ADVERBS:
        j += 1
    return _verbish(words, j) and words.lower[j] not in _OBJECT_MODALS and not any(
        words.lower[i] in _GAP for i in range(j + 1, min(end, j + 4))
    )


_ARTICLES: Final = frozenset({"a", "an", "the"})


def _rest_of_list(words: Words, k: int, end: int) -> bool:
    """Whether the phrase after the comma at token *k* is the rest of a list (``... the
    singer Chuck Berry, the pitcher Willie Mays and the judge Thurgood Marshall``): an
    article, then words with no verb or participle, then ``and`` before another article or
    a name; not an aside on the name before the comma (``..., the chief of staff``)."""
    if words.lower[k + 1] not in _ARTICLES:
        return False
    for j in range(k + 2, end - 1):
        low = words.lower[j]
        if low == "and":
            return words.lower[j + 1] in _ARTICLES or words.capital[j + 1]
        if low in _GAP or low.endswith(("ing", "ed")) or low in ("who", "which", "that"):
            return False
    return False


_CONDITION_LEADS: Final = frozenset({"on", "under"})
_ANONYMITY: Final = ("condition", "of", "anonymity")
_GO_BETWEENS: Final = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "lawyer",
    "lawyers", "attorney", "attorneys", "representative", "representatives", "publicist",
})
_OWNERS_OF_GO_BETWEENS: Final = frozenset({"a", "an", "his", "her", "their", "its"})


def cue_adjunct_end(rules: Rules, first: int, end: int) -> int:
    """Where a content that starts at token *first* stops before an adjunct of its cue's,
    which says how the speaker spoke, not what: ``(only) on (the) condition of anonymity``
    (``discussed the talks on condition of anonymity because ...``) and ``through a
    spokeswoman`` (``denied the charges through his lawyer``), outside quotation marks;
    else *end*. Not another condition (``would reopen on the condition that ...``: the
    content's own), nor ``for this article`` after ``declined to comment``, which PolNeAR keeps
    in the content about as often as not."""
    lower, in_quote = rules.words.lower, rules.in_quote  # read once: a loop over tokens
    for k in range(first + 1, end - 1):
        if in_quote[k] >= 0:
            continue
        low = lower[k]
        if low in _CONDITION_LEADS:
            j = k + 2 if lower[k + 1] == "the" else k + 1
            stop = j + 2 < end and lower[j : j + 3] == _ANONYMITY
        else:
            stop = low == "through" and lower[k + 1] in _OWNERS_OF_GO_BETWEENS and k + 2 < end and (
                lower[k + 2] in _GO_BETWEENS
            )
        if stop:
            return k - 1 if lower[k - 1] == "only" and k - 1 > first else k
    return end


_SHORT_SETTING_LEADS: Final = _SETTING_LEADS | {"on", "from"}
_SHORT_SETTINGS: Final = _SETTING_WORDS | {
    "twitter", "facebook", "instagram", "tweets", "television", "radio", "cable", "floor",
    "print", "ruling", "interviews", "speeches", "speech", "post", "posts", "page", "blog",
}


def _short_setting_end(words: Words, first: int, end: int) -> int:
    """Where a content of one or two words stops before the setting of its cue that ends
    the content (``mocked Trump on Twitter``, ``claimed victory in a tweet``, ``criticized
    Clinton during a rally Friday``): a preposition of :data:`_SHORT_SETTING_LEADS` with a
    word of :data:`_SHORT_SETTINGS` within its next three words; else *end*. Longer contents
    are :func:`clause_end`'s, and an infinitive keeps its setting (``planned to protest at
    the conference``)."""
    if first >= end or words.lower[first] == "to":
        return end
    for k in range(first + 1, min(end - 1, first + MIN_CONTENT)):
        if words.lower[k] in _SHORT_SETTING_LEADS and end - k <= MAX_SETTING and any(
            words.lower[j] in _SHORT_SETTINGS for j in range(k + 1, min(end, k + 4))
        ):
            return k
    return end


def clause_end(rules: Rules, first: int, end: int) -> int:
    """Where a reported clause that starts at token *first* stops, before *end*: at a
    semicolon (the writer's next clause), at a comma that opens a contrast or an adjunct of
    the writer (``..., but ...``, ``..., compared with ...``), before where it was said
    (``... in an interview with WHBR`` in its last words), at a last aside on a name
    (``... signed by Dana Whitfield, who chairs the board``: the writer's; not the rest of
    a list, ``..., the pilot Ben Ruiz and the engineer Carla Hart``), or at a
    coordinated clause with a cue of its own (``..., and three-quarters said ...``)."""
    words = rules.words
    end = _object_end(rules, first, _object_setting_end(words, first, end))
    end = cue_adjunct_end(rules, first, end)
    end = _short_setting_end(words, first, end)
    text, lower, in_quote = words.text, words.lower, rules.in_quote  # read once for the loop
    for k in range(first + MIN_CONTENT, end - 1):
        word = text[k]
        if in_quote[k] < 0 and word in _BREAKS:
            return k
        if lower[k] in _SETTING_LEADS and end - k <= MAX_SETTING and any(
            lower[j] in _SETTING_WORDS for j in range(k + 1, min(end, k + 4))
        ):
            return k  # "... was dead in an interview with CNN": where it was said
        if word in DASHES and in_quote[k] < 0 and lower[k + 1] in _DASH_CONTRASTS:
            return k  # "... with Clinton – although she laughed ...": the writer's
        if word != "," or in_quote[k] >= 0:
            continue
        low = lower[k + 1]
        if low in _CONTRASTS:
            return k
        if low in _ASIDE_STARTS and words.capital[k - 1] and not any(
            words.text[j] in (",", ";") for j in range(k + 2, end)
        ) and not _rest_of_list(words, k, end):
            return k  # "... between Ruiz and Sam Oduya, who was her chief of staff"
        if low in _COORDINATORS:
            stop = next((j for j in range(k + 2, end) if words.text[j] == ","), end)
            if rules.all_hits_between(k + 2, stop):
                return k
    return end


MAX_SUBJECT: Final = 6  # words of a clause's subject before its verb: "the new county budget will"


_THINKING_FRAMES: Final = frozenset({"opinion", "complement", "as"})
_CONJUNCTIONS: Final = frozenset({"but", "and", "yet", "so", "still"})


def quantified_holder(words: Words, i: int, lo: int, frame: str) -> bool:
    """Whether the cue at token *i*, of a verb of thought or opinion (*frame* ``opinion``,
    ``complement`` or ``as``), has a quantifier alone as its subject, opening the sentence
    or after a conjunction (``Most believe that ...``, ``But few think the tax will ...``):
    such a cue is a verb whatever its tense, unless its form is as often a noun
    (``Some plans``)."""
    if frame not in _THINKING_FRAMES or words.lower[i] in _NOUN_FORMS:
        return False
    return opening_quantifier(words, i - 1, lo, after=_CONJUNCTIONS)


def subject_clause(words: Words, k: int) -> bool:
    """Whether a clause with a noun-phrase subject starts at token *k*: an auxiliary or a
    form of "be" or "have" within a few words, with no punctuation before it (``thinks
    Cruz will win``, ``expects the vote to be close`` is no such clause), or ``it`` right
    before one (``thinks it is wrong``, not ``wants it to end``)."""
    if words.lower[k] == "it" and k + 1 < len(words) and words.lower[k + 1] in _GAP:
        return True  # "thinks it is wrong", "thinks it's strong"; not "wants it to end"
    for j in range(k + 1, min(len(words), k + MAX_SUBJECT + 1)):
        if words.is_punct(j) or words.sentence_of[j] != words.sentence_of[k]:
            return False
        if words.lower[j] in _GAP:
            return words.lower[k] not in _NOT_CONTENT and words.lower[k] not in _GAP
    return False


_NUMBERS: Final = frozenset({
    "majorities", "majority", "percent", "%", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "dozen", "dozens", "hundreds", "thousands",
})
_APPOSITION_STARTS: Final = frozenset({"who", "a", "an", "the", "whose"})
_ASIDE_PREPOSITIONS: Final = frozenset({
    "in", "at", "after", "during", "like", "unlike", "despite", "amid", "before", "since",
    "with", "without", "for",
})


def _aside_starts(words: Words, k: int) -> bool:
    """Whether an aside between commas after a subject starts at token *k*: an apposition
    or a relative clause (``who``, ``a``, ``the``...), a preposition (``in the wake of
    ...``) or a participle (``citing ...``, ``speaking on Monday``)."""
    low = words.lower[k]
    return low in _APPOSITION_STARTS or low in _ASIDE_PREPOSITIONS or (
        low.endswith("ing") and len(low) > 4 and words.text[k].islower()
    )


def far_subject(words: Words, cue: int, lo: int) -> tuple[int, int] | None:
    """The speaker of a cue with no noun phrase right before it, found further back:

    * a count of people (``Six in 10 say``, ``three-quarters said``, ``43 said``);
    * a sentence's subject and its apposition or relative clause, between commas, right
      before the cue or its auxiliaries and adverbs (``Becker, who has written letters on
      her behalf, (has) said ...``; ``Councillor Paul Hart, a levy supporter, said ...``),
      or between dashes (``Hale -- co-author of a
      book on the port -- said ...``).
    """
    k = cue - 1
    if k >= lo and _counts_people(words, k):
        first = k
        while first > lo and (_counts_people(words, first - 1) or words.lower[first - 1] in (
            "in", "than", "about", "nearly", "almost", "more", "less", "fewer", "over", "one"
        )):  # "one in three", "nearly two in five"
            first -= 1
        return (first, cue)
    while k > lo and words.lower[k] in BETWEEN_WORDS:
        k -= 1  # "Becker, who ..., has (also) said": an auxiliary or an adverb after the aside
    mark = words.text[k] if k > lo else ""
    if mark not in ASIDE_MARKS or words.lower[cue].endswith("ing"):
        return None  # "..., adding that": a participle goes on the sentence's statement
    if words.lemma[k - 1] in ("say", "tell"):
        return None  # "The bridge is safe, the mayor said, adding": an attribution, no aside
    subject = subject_phrase(words, lo, cue)
    if subject is None or subject[1] >= k or words.text[subject[1]] != mark:
        return None
    if mark == "," and not _aside_starts(words, subject[1] + 1):
        return None
    if any(words.text[j] == mark for j in range(subject[1] + 1, k)):
        return None  # more than one aside: "X, who ..., and Y, who ..., said"
    if mark != ",":  # "Hale -- co-author of a book on the port -- said ...": the name
        return subject
    return sentence_subject(words, lo, cue) or subject


def _counts_people(words: Words, k: int) -> bool:
    """Whether token *k* counts people: a number, a fraction (``three-quarters``), or a
    word such as ``most`` or ``majorities``."""
    low = words.lower[k]
    return low.isdigit() or low in _ALONE or low in _NUMBERS or (
        "-" in low and low.split("-")[-1] in ("quarters", "thirds", "fifths", "half")
    )


_OBJECT_PRONOUNS: Final = frozenset({"him", "her", "them", "it", "himself", "herself", "itself"})
_NAMING_PARTICLES: Final = frozenset({
    "by", "in", "on", "at", "to", "into", "off", "up", "back", "from", "with", "upon",
})
_NAMING_AFTER: Final = frozenset({"a", "an", "the", "his", "her", "their", "its", "one"})
_NAMING_NOT: Final = _NOT_CONTENT | _GAP | {"to", "that", "when", "after", "before", "twice"}


def naming(rules: Rules, hit: Hit, lo: int, hi: int) -> Found | None:
    """``X called Trump a fascist``, ``64 percent call him competent``: a ``partial`` cue
    (call, dub, label) followed by whom it names and what it calls them, with no quotation
    marks (those make a mixed quote, read by the speech rules). The content is both, to the
    next comma; the speaker is the holder before the cue (see :func:`holder`), or for
    ``..., calling X Y`` the sentence's subject."""
    words = rules.words
    k = hit.end
    if k + 1 >= hi or rules.in_quote[k] >= 0 or rules.in_quote[k + 1] >= 0:
        return None
    if words.lower[k] in _NAMING_PARTICLES:
        return None  # "hailed by the council as a step", "called in to a town hall"
    named = k + 1 if words.lower[k] in _OBJECT_PRONOUNS else (
        _name_end(words, k, hi) or _thing_end(words, k, hi)
    )
    if named is None or named >= hi or rules.in_quote[named] >= 0:
        return None
    nxt = words.lower[named]
    if words.is_punct(named) or nxt in _NAMING_NOT or not (
        nxt in _NAMING_AFTER or words.text[named].isalpha()
    ):
        return None
    speaker = _namer(words, hit, lo)
    if speaker is None:
        return None
    end = next((j for j in range(named, hi) if words.is_punct(j) and words.text[j] != "-"), hi)
    if any(rules.in_quote[j] >= 0 for j in range(k, min(hi, end + 2))):
        return None  # 'called Clinton a "champion"': a mixed quote, the speech rules' own
    unquoted = attrs.evolve(hit, cue=attrs.evolve(hit.cue, frame="opinion"))  # no marks needed
    return rules.content(k, end, unquoted, speaker, "named", 0.65)


def _namer(words: Words, hit: Hit, lo: int) -> tuple[int, int] | None:
    """Who names a thing with the ``partial`` cue *hit* (:func:`naming`): the holder
    before the cue, or the sentence's subject for ``..., calling X Y`` and for a second
    verb after ``and`` or ``but`` (``Ruiz said ... and called it a mistake``); ``None`` for
    nobody, or a thing's name (``a group called Lashkar``)."""
    speaker = holder(words, hit.start, lo)
    if speaker is None and hit.start - 1 > lo and (
        (words.lower[hit.start].endswith("ing") and words.text[hit.start - 1] == ",")
        or words.lower[hit.start - 1] in ("and", "but")
    ):
        speaker = sentence_subject(words, lo, hit.start - 1)
    if speaker is None or (
        speaker[1] == hit.start and words.lower[speaker[0]] in ("a", "an")
    ):
        return None
    return speaker


_TITLES: Final = frozenset({
    "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "sens.", "reps.", "lt.",
    "col.", "sgt.", "rev.", "prof.", "pres.", "mr", "mrs", "ms", "dr", "sen", "rep", "gov",
})
_STANCE_PRONOUNS: Final = frozenset({"him", "her", "them"})
# After a bare object pronoun, words that show it is the whole object ("endorsed her on
# Monday", "endorsed him in May"), not a possessive ("endorsed her campaign").
_AFTER_OBJECT: Final = frozenset({
    "in", "on", "at", "for", "after", "before", "during", "over", "as", "and", "but",
    "because", "since", "when", "while", "despite", "last", "this", "again", "too", "early",
})


def stance_end(words: Words, in_quote: Sequence[int], k: int) -> int | None:
    """Where the name or person after a ``stance`` cue at token *k* ends (``endorsed Cruz``,
    ``supports Sen. Ted Cruz``, ``endorsed her on Monday``), or ``None`` when none follows:
    a run of capitalised words, which may start with a title (``Mr.``, ``Sen.``), or an
    object pronoun that is the whole object (no noun after ``her``)."""
    n = len(words)
    if k >= n or in_quote[k] >= 0 or words.sentence_of[k] != words.sentence_of[k - 1]:
        return None
    low = words.lower[k]
    if low in _STANCE_PRONOUNS:
        nxt = k + 1
        if nxt >= n or words.sentence_of[nxt] != words.sentence_of[k] or words.is_punct(nxt) or (
            words.lower[nxt] in _AFTER_OBJECT
        ):
            return k + 1
        return None
    j = k
    if low in _TITLES:
        j += 1
        if j < n and words.text[j] == ".":
            j += 1  # "Mr" "." when the period is a token of its own
    end = j
    while end < n and words.capital[end] and words.text[end][:1].isalpha() and (
        words.lower[end] not in PERSON_PRONOUNS and words.sentence_of[end] == words.sentence_of[k]
    ):
        end += 1
    if end > j and end < n and words.lower[end] in APOSTROPHE_S:
        end = _possessed_end(words, end + 1, k)  # "endorsing Donald Trump's campaign"
    return end if end > j and words.text[j].isalpha() else None


def _possessed_end(words: Words, k: int, cue_end: int) -> int:
    """The end of the thing owned after a name's ``'s`` at token *k* - 1: its words in
    lower case, to a punctuation mark, a preposition or a clause word."""
    end = k
    while end < len(words) and words.text[end].isalpha() and words.text[end].islower() and (
        words.lower[end] not in _AFTER_OBJECT and words.lower[end] not in _NAMING_NOT
        and words.sentence_of[end] == words.sentence_of[cue_end]
    ):
        end += 1
    return end if end > k else k - 1


_ADJECTIVE_ENDS: Final = (
    "ed", "ful", "ous", "ble", "al", "ive", "ic", "ent", "ant", "less", "ist", "ary",
)
_JUDGEMENTS: Final = frozenset({
    "false", "wrong", "true", "unfair", "fair", "absurd", "outrageous", "ridiculous",
    "dangerous", "racist", "sexist", "baseless", "bogus", "fake", "untrue", "crazy", "dumb",
    "stupid", "unacceptable", "unconstitutional", "illegal", "misleading", "inaccurate",
})
MAX_THING: Final = 12
"""Words of a thing named after ``called`` (``called climate change a hoax``, ``called the
closure of the pier in Marlow Bay a mistake``)."""
_THING_BREAKS: Final = frozenset({
    "that", "who", "which", "to", "because", "when", "while", "if", "where", "since", "until",
    "than",
})
"""Words that open a clause or a purpose: no part of a thing named (``called the harbour
master to a hearing``, ``called the pier that ... a``)."""


def _thing_end(words: Words, k: int, hi: int) -> int | None:
    """The end of a thing named after a ``partial`` cue at token *k*, when what it is
    called follows it: up to :data:`MAX_THING` words (after a determiner, or none; words
    or possessives, none of :data:`_THING_BREAKS`) before
    an article (``called climate change a hoax``, ``called the toll on Ruiz's bridge a
    tax``), or a determiner and one noun before a judgement (``called the charges
    false``, ``... unsubstantiated``); else ``None``."""
    first = k + 1 if words.lower[k] in _THING_STARTS else k
    for j in range(first + 1, min(hi, first + MAX_THING + 1)):
        low = words.lower[j]
        if low in ("a", "an"):
            return None if words.lower[j - 1] in ("half", "quite", "such") else j  # "half a dozen"
        if low in _THING_BREAKS or not (words.text[j].isalpha() or low in APOSTROPHE_S):
            return None
        if j == first + 1 and first > k and (
            low in _JUDGEMENTS or (low.endswith(_ADJECTIVE_ENDS) and len(low) > 5)
        ):
            return j
    return None


def _name_end(words: Words, k: int, hi: int) -> int | None:
    """The end of a run of capitalised words at token *k* (a name), or ``None``."""
    j = k
    while j < hi and words.capital[j] and words.text[j][:1].isalpha():
        j += 1
    return j if j > k else None


_THING_STARTS: Final = frozenset({
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those",
})


def to_a_thing(words: Words, first: int) -> bool:
    """Whether a content would start with ``to`` and a noun phrase (``added to her lead``,
    ``added to the uncertainty``): a verb's other sense, not a report (an infinitive, ``to
    leave``, is one)."""
    return (
        words.lower[first] == "to" and first + 1 < len(words)
        and words.lower[first + 1] in _THING_STARTS
    )


_ADVICE: Final = frozenset({"may", "might", "could", "should"})
_VIEW_FRAMES: Final = FRAMES | {"complement"}


def no_one_s_view(words: Words, hit: Hit) -> bool:
    """Whether a verb of thought or opinion states nobody's view: advice (``Becker may want to
    check his sums``) or a generic ``you`` (``if you want to understand ...``)."""
    if hit.cue.frame not in _VIEW_FRAMES or hit.start == 0:
        return False
    before = words.lower[hit.start - 1]
    return before in ("you", "anyone", "whoever") or (
        before in _ADVICE and words.lemma[hit.start] == "want"
    )


MAX_POLL_NAME: Final = 14  # words of "In a Harbour Gazette/WHBR News poll released Monday,"

MAX_HEADLINE_NAME: Final = 8  # words before a headline's colon: "Former AG Mukasey at RNC:"
_HEADLINE_LINKS: Final = frozenset({"to", "on", "at", "in", "of", "for", "camp"})


def headline_name(words: Words, lo: int, colon: int) -> tuple[int, int] | None:
    """Who speaks in a headline ``NAME: statement``: the words before the colon when they
    are a name (capitalised words, a title such as ``Dr.``), or a name and where or to whom
    it spoke (``Clinton to Planned Parenthood:``, ``Mukasey at RNC:``, ``Clinton camp:``),
    the speaker being the name. Four words at most without such a link."""
    end = lo
    while end < colon and words.capital[end] and words.text[end].rstrip(".").isalpha():
        end += 1
    if end == lo:
        return None
    if end == colon:
        return (lo, end) if end - lo <= 4 else None
    if words.lower[end] not in _HEADLINE_LINKS:
        return None
    rest = range(end + 1, colon)
    if not all(words.capital[j] or words.lower[j] in _HEADLINE_LINKS for j in rest):
        return None
    return (lo, end)


MIN_RESUMED: Final = 3  # words of a content that goes on after "..., according to X, ..."
# Words after "according to X," that start an aside on X or the writer's addition, not the
# rest of the content: "..., according to Pew, a research group", "..., which ran the poll".
_NOT_RESUMED: Final = frozenset({
    "who", "which", "whose", "where", "a", "an", "compared", "including", "with",
})


def according_resumed(
    rules: Rules, found: Found | None, comma: bool, k: int, hi: int
) -> Found | None:
    """``Notably absent, according to two aides, was any mention of ...``: a content that
    goes on after an ``according to X`` between commas, in two parts (PolNeAR's fragments);
    *k* is the token after X. Not an aside on X or the writer's addition (``..., according
    to Pew, a research group``, ``..., according to X, but ...``)."""
    words = rules.words
    if found is None or not comma or k >= hi or words.text[k] != ",":
        return found
    end = hi
    while end > k and words.is_punct(end - 1):
        end -= 1
    first = k + 1
    if end - first < MIN_RESUMED or rules.all_hits_between(first, end) or (
        rules.in_quote[first] >= 0  # "..., according to X, “...”": a quotation of its own
    ):
        return found
    if words.lower[first] in _NOT_RESUMED or words.lower[first] in _CONTRASTS:
        return found  # "..., according to X, who ...", "..., according to X, but ...": X's aside
    found.parts = [(found.start, found.end), (words.start[first], words.end[end - 1])]
    found.end = words.end[end - 1]
    return found


OWNED_NOUNS: Final = {
    "promise": "to", "promises": "to", "claim": "to", "criticism": "of", "opposition": "to",
    "decision": "to", "refusal": "to",
}
"""Nouns of statement and stance with their owner (``his promise to fix the pier``,
``Hart's opposition to the levy``), each with the word that opens its content: ``to``
an infinitive (kept in the content) or a preposition before a noun phrase (left out; kept
for ``criticism of``, as PolNeAR does). The first five were kept when, on PolNeAR's
training split, most of their contents matched a gold one (.75 of 20 together);
``decision to`` (6 of 11) and ``refusal to`` (6 of 12) are right about half the time, which
raises the overlap F1 of both train and dev, and carry their own confidence
(``data/confidence.tsv``); ``support for`` (9 of 19), ``call for`` (3 of 7) and ``proposal
to`` (2 of 5) made no prediction on dev, so could not be checked there, and are left out."""
_OWNERS: Final = frozenset({"his", "her", "their"}) | APOSTROPHE_S
_PUNCT_STOPS: Final = _NP_STOPS - _GAP  # an infinitive runs on past "is" and "'s"


def owned_noun(
    rules: Rules, k: int, lo: int, hi: int
) -> tuple[int, int, tuple[int, int]] | None:
    """``X's call for CONTENT``, ``his decision to CONTENT``: a noun of :data:`OWNED_NOUNS`
    at token *k*, right after its owner (a possessive pronoun, or a name with ``'s``), and
    its opening word right after it. The speaker is the owner; the content an infinitive to
    its first comma, or a noun phrase to its first comma or verb. Returns the content's
    first token, its end and the speaker, or ``None``."""
    words = rules.words
    opening = OWNED_NOUNS.get(words.lower[k])
    if opening is None or k <= lo or k + 2 >= hi or words.lower[k + 1] != opening:
        return None
    if words.lower[k - 1] not in _OWNERS or rules.in_quote[k + 1] >= 0:
        return None
    if words.lower[k - 1][0] in "'’":
        j = k - 2
        while j >= lo and words.capital[j] and words.text[j].rstrip(".").isalpha():
            j -= 1
        if j + 1 >= k - 1:
            return None  # "the party's call for ...": a name owns it, not a thing
        speaker = (j + 1, k - 1)
    else:
        speaker = (k - 1, k)
    infinitive = opening == "to" and words.lower[k + 2].isalpha() and not (
        words.lower[k + 2] in _THING_STARTS or words.capital[k + 2]
    )
    if opening == "to" and not infinitive and words.lower[k] != "opposition":
        return None  # "his promise to the voters": no infinitive
    first = k + 1 if infinitive or opening == "of" else k + 2
    end = rules.content_end(first, hi)
    stops = _PUNCT_STOPS if infinitive else _NP_STOPS
    end = next((j for j in range(first + 1, end) if words.lower[j] in stops), end)
    return first, end, speaker


MAX_WANTED: Final = 6  # words of whom or what someone wants to act: "all immigrants in the country"
_WANTED_NOT: Final = frozenset({"it", "that", "this", "what", "which", "there", "here"})


def wanted_to(words: Words, in_quote: Sequence[int], k: int) -> bool:
    """Whether ``want`` right before token *k* takes an object and an infinitive (``wants his
    party to work``, ``want Germany to do more``): a few words with no punctuation, verb or
    clause word, then ``to`` and a word (``want it to`` is left: ``it`` is as often a thing
    said before)."""
    if k >= len(words) or words.lemma[k - 1] != "want" or words.lower[k] in _WANTED_NOT:
        return False
    if words.lower[k] in _NOT_CONTENT or words.lower[k] in _GAP or words.lower[k] == "to":
        return False
    for j in range(k + 1, min(len(words), k + MAX_WANTED + 1)):
        if in_quote[j] >= 0 or words.is_punct(j) or words.lower[j] in _GAP or (
            words.sentence_of[j] != words.sentence_of[k]
        ):
            return False
        if words.lower[j] == "to":
            nxt = j + 1
            return nxt < len(words) and words.text[nxt].isalpha() and not (
                words.capital[nxt] or words.lower[nxt] in _THING_STARTS
                or words.lower[nxt] in _OBJECT_PRONOUNS
            )
        if words.lower[j] in _CLAUSE_STARTS or words.lower[j] in PERSON_PRONOUNS:
            return False
    return False


_ARTICLE_WORDS: Final = frozenset({"the", "a", "an", "this", "these", "those"})
_SETTING_PREPOSITIONS: Final = frozenset({
    "in", "on", "at", "during", "from", "of", "for", "with", "across", "around", "outside",
})
MAX_ADDRESSEE: Final = 9
"""The most words between an ``object`` cue and its ``that`` that are read as whom it
addresses (``told conservative radio host Ann Lee on Wednesday that ...``)."""


_MARKS: Final = frozenset({'"', "“", "”", "''", "``"})


def _in_title(words: Words, in_quote: Sequence[int], j: int) -> bool:
    """Whether token *j* is a capitalised word in quotation marks, or one of the marks
    around such words (a title: ``“Good Morning America”``)."""
    if words.text[j] in _MARKS:
        return True
    return in_quote[j] >= 0 and words.capital[j]


def addressee_that(words: Words, in_quote: Sequence[int], k: int, hi: int) -> int | None:
    """The ``that`` that opens the content of an ``object`` cue whose addressee ends at or
    after token *k* (``told her supporters on Tuesday that ...``, ``has been telling donors
    privately that ...``): the first ``that`` within a few words with no punctuation, verb
    or other clause word before it; ``None`` when there is none."""
    for j in range(k, min(hi, k + MAX_ADDRESSEE + 1)):
        low = words.lower[j]
        if low == "that":
            return j if j > k else None
        if low in APOSTROPHE_S and j > k and words.capital[j - 1]:
            continue  # "told The Gazette's editorial board that": a possessive
        if _in_title(words, in_quote, j):
            continue  # "told ABC's “Good Morning America” that": a show's name
        if in_quote[j] >= 0 or words.is_punct(j) or low in _GAP or low in _CLAUSE_STARTS or (
            low in PERSON_PRONOUNS
        ):
            return None
        if j > k and low in _ARTICLE_WORDS and words.lower[j - 1] not in _SETTING_PREPOSITIONS:
            return None  # "told reporters the bill that passed ...": a second noun phrase
    return None


_DAYS_AND_MONTHS: Final = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "today", "tonight", "yesterday",
})
_NOT_OBJECT_CUES: Final = frozenset({"say", "report", "tell", "add", "write"})
_NEGATIONS: Final = frozenset({"n't", "n’t", "not", "never", "don't", "don’t"})


def whole_object(words: Words, cue: int, first: int, end: int) -> bool:
    """Whether the one-word content ``[first, end)`` after the cue of speech at token *cue*
    is a person as the whole object (``Reid blasted Rubio.``, ``Obama praised her.``): a
    capitalised name (no day or month) or an object pronoun, with nothing but punctuation
    or an adjunct after it; not after ``say``, ``report`` and the like (``would
    say Thursday``), nor after a negation (``Don't blame Bush``). Longer contents need no
    such test."""
    if end - first != 1 or first + 1 > len(words) or words.lemma[cue] in _NOT_OBJECT_CUES:
        return False
    if cue > 0 and words.lower[cue - 1] in _NEGATIONS:
        return False
    low = words.lower[first]
    if low in _DAYS_AND_MONTHS:
        return False
    if low not in _STANCE_PRONOUNS and not (
        words.capital[first] and words.text[first].isalpha() and low not in PERSON_PRONOUNS
    ):
        return False
    nxt = first + 1
    return nxt >= len(words) or words.is_punct(nxt) or words.lower[nxt] in _AFTER_OBJECT


_MODALS: Final = frozenset({"would", "will", "could", "might", "may", "should", "'d", "’d"})


def unsure_stance(words: Words, cue: int, speaker: tuple[int, int]) -> bool:
    """Whether the ``stance`` cue at token *cue* states no stand: after a modal (``whether
    he would support Trump``, ``said they will endorse him``: a stand to come, if ever) or
    with ``you`` as its subject (``Do you support Donald Trump?``, a question to the
    reader)."""
    before = words.lower[cue - 1] if cue > 0 else ""
    alone_you = words.lower[speaker[0]] == "you" and speaker[1] - speaker[0] == 1
    return before in _MODALS or alone_you
