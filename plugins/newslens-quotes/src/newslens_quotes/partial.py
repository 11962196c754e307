"""Partial quotes: quoted words inside someone's reported statement.

A mixed quote is reported speech that holds the speaker's own words in quotation
marks (``Becker called the plan a "disaster"``). The reported-speech rules find
where such a content starts; the rules here decide where it ends and add the
quotations that those rules leave out:

* ``trim_tail``: a mixed content ends with the clause its last quotation closes,
  not with the sentence: what comes after the closing mark and starts a new
  clause or an adjunct of the attribution is left out (``... blasted the levy as a
  "scandal" | Tuesday at a council meeting``, ``... the plan was "unfair," | adding
  that ...``, ``... called him a "nice guy" | and praised his rival``); a clause
  that ``but``, ``while`` or ``as`` links to it stays in, as PolNeAR's contents keep it,
  and so does a dependent clause after a quotation that ends in a comma (``"a fight in
  Kelby," where ...``, ``"peanuts," compared to ...``, ``"a disgrace," because ...``)
  or what a comma after the quotation adds to it (``, including ...``, ``, such as ...``,
  ``, especially ...``, ``, particularly ...``, ``, even if ...``, ``, not ...``);
  a clause of its own inside the content whose subject utters a quotation aloud
  (``said it was good to be home, | and a man yelled "Stay there!"``) ends it too;
* ``trim_tail`` lets a mixed content that stops right before ``and that`` (``, and that``)
  run on through that second clause of the same verb (``said that the board was "taking a
  close look" at it, and that the ferry would run``), to the sentence's end or the clause of
  its last quotation (``_second_that``);
* ``own_clause_before_colon``: a mixed content that runs on, past a comma, into a clause
  with its own subject and verb and through a colon into a quotation (``worried about the
  turnout, Ruiz has a blunt reminder: "Vote early."``) ends at that comma; the quotation
  is then read as one of its own;
* ``trim_tail`` first lets a content that the end of a sentence cuts inside a quotation it
  opens run on to that quotation's closing mark (``added that the account "must be read
  in hindsight. It is hard to live with."``), whatever rule found the content;
* ``characterised``: a quotation after ``as`` that says what someone called a thing,
  whatever the verb (``dismissed the report as "fiction"``, ``hailed her as "a
  fighter"``): a mixed quote whose content is the thing named, ``as`` and the
  quotation (or a list of them: ``as "false" or "misleading"``; past a verb's particle,
  ``went after Ruiz as "..."``, ``lashed out at the board as "..."``, or a setting after
  the thing named, ``listed the town on their profiles as "..."``), whose cue is the verb
  and whose speaker is the verb's subject; not when nothing is named between the verb
  and ``as`` (``an event billed as "..."``, ``known as "..."``: more often a label
  than someone's words);
* ``characterised`` also reads a quotation after ``to`` that says what someone likened or
  compared a thing to (``likened the toll to "robbing the islands"``, ``compared Ruiz to a
  coach who is "shouting at the players"``): the thing named, ``to`` and the clause of the
  quotation, ended as ``trim_tail`` ends one (``_likened``); not ``compared to`` with
  nothing named before ``to``;
* ``characterised`` also reads a quotation in the object of a verb of referring to words
  or of urging, a few words after it (``referenced the "harbour loophole,"``, ``invoked
  the "ferry pact" between ...``, ``exhorted voters to "save the pier"``): the object and
  the quotation's clause, up to another cue (``_referenced``); not after a determiner (``a
  reference to``);
* ``uttered``: a quotation right after a verb of uttering aloud (``chanted "USA!"``,
  ``yelled, "You lie!"``) or a noun of it (``chants of "Ana!"``): a direct quote of
  the verb's subject;
* ``inverted``: a quotation that ends in a comma (``?``, ``!``), then a verb in ``-ed`` and
  a name, or a name and such a verb ending the sentence (``"...," scoffed Ana Ruiz, 34``,
  ``"...," Tom Becker shrugged.``): the convention of an attribution, whatever the verb; a
  direct quote of that name;
* ``inscribed``: a quotation right after ``read`` (``reads``, ``reading``) when a thing with
  words on it stands a few words before (``a sign that read "Save the pier!"``, ``a hat
  reading "..."``): a direct quote, whose speaker is the sentence's subject;
* ``termed``: a short quotation right after a noun that names it as words someone uses
  (``has used the phrase "harbour first"``, ``campaigned on the slogan "Fix the Pier"``): a
  direct quote of the words alone, whose speaker is the subject of the verb before the noun; not
  after ``in`` (``in her words, "..."`` attributes what follows), nor a quotation of more
  than :data:`MAX_TERM` words;
* ``relative``: a quotation in the clause of a verb of saying after a relative ``that`` or
  ``which`` (``a note from the engineer that says the pier is "sound again"``,
  ``flyers that said, "Ferries first!"``): right after the verb, a direct quote; further on,
  a mixed quote of the verb's clause; the relative is the speaker, as PolNeAR marks it; not
  ``read`` (``inscribed``'s);
* ``labelled``: a title right after ``titled`` or ``entitled`` (``a report titled "Ferry
  Costs"``: the title alone, no speaker), and a name given in the passive right before the
  quotation (``the ferry was officially named "The Grey Gull"``, ``what is called a
  "debate"``, ``has been dubbed``, ``is known as``): the thing named and the name, in two
  parts without the verb, no speaker, as PolNeAR marks them, and so is a name given in an
  apposition after a comma (``the levy, known as the "Bridge Fund"``, ``Ana Ruiz, 44, known
  online as "..."``); not without the verb *be* or the comma (``the blogger known as
  "Harbourmum"``: a label), nor in the active (another rule's);
* ``that-clause``: a quotation inside a clause of ``that`` or ``whether`` right after a
  verb the lexicon does not list (``predicted that the levy would "hurt every
  family"``), also past a short adjunct of names, numbers, time words or an object
  pronoun between the verb and ``that`` (``recalled in 2008 that``, ``confided to her
  that``; not when that verb is a cue of the lexicon, whose own rules read it), or
  inside a clause whose pronoun subject follows a cue of the lexicon that needs
  ``that`` to report speech without quotation marks, right after the cue or after a
  short adjunct (``wrote in both letters she was "deeply sorry"``): a mixed quote of the
  clause, ended as ``trim_tail`` ends one; not when ``that`` follows a noun (``the
  reports that``) or a cue of the lexicon stands between ``that`` and the quotation.
* ``colon_lead``: a quotation after a colon whose cue, before the colon, reports a clause
  of its own (``said she knows what the job needs: "Patience."``): the clause, the colon
  and the quotation are one mixed content (``how`` stays ``before-quote``);
* ``title_before_cue``: a title in quotation marks before a name and a cue whose own
  content follows (``On "Harbour Today," Ruiz said the repairs ...``) is the
  setting of the attribution, not its quote: the cue goes to the reported speech after
  it, also when that speech opens with a name (``said Tom Becker's "reckless" plan
  ...``); a quotation right after ``on`` or a possessive (``on "Tidewatch,"``) is such a
  title however few its words (``named_setting``).

Each rule's precision on PolNeAR train (a prediction matching a gold content) was
measured before it was kept; see the plugin's documentation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from newslens_quotes.attribution import Found, Rules
from newslens_quotes.lexicon import APOSTROPHE_S
from newslens_quotes.marks import Quoted
from newslens_quotes.words import (
    CLAUSE_WORDS,
    DETERMINERS,
    LINKS,
    PERSON_PRONOUNS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    UTTERING,
    Words,
    is_verb,
    sentence_subject,
    speaker_after,
    speaker_before,
    subject_phrase,
)

_BREAKS: Final = frozenset({",", ";", ":", "(", "—", "–", "--", "―", "-", "…"})
"""Punctuation after a closing mark that ends the quoted clause."""
_SETTINGS: Final = frozenset({
    "statement", "interview", "tweet", "speech", "rally", "email", "post", "letter",
    "briefing", "hearing", "debate", "appearance", "memo", "video", "op-ed", "book",
    "article", "column", "campaign", "conference", "address", "remarks", "broadcast",
})
"""The settings of an attribution (``in a tweet``, ``during a campaign stop``)."""
_SETTING_LEADS: Final = frozenset({"in", "on", "at", "during", "via", "through"})
_SETTING_WORDS: Final = 4  # words from the preposition to its setting: "in a lengthy interview"
_REPORTED: Final = frozenset({"reported", "continued", "passive", "dependency"})
"""The reported-speech rules whose content follows the cue (and may run on past its quote)."""


def trim_tail(words: Words, in_quote: Sequence[int], found: Found) -> int | None:
    """End a mixed content that follows its cue with the clause its last quotation closes
    (see the module's docstring); *found* is changed in place. Returns the index of the
    quotation that is all that is left of the content (``the mayor quipped, "...," aides
    said``), else ``None``."""
    _close_open_quotation(words, in_quote, found)
    if found.kind != "mixed" or found.how not in _REPORTED:
        return None
    first, end = words.token_at(found.start), words.token_at(found.end - 1) + 1
    cut = _uttered_inside(words, in_quote, first, end) or _tail_break(words, in_quote, first, end)
    if cut is None or cut <= first:
        _second_that(words, in_quote, found)
        return None
    stop = words.end[cut - 1]
    found.end = stop
    if found.parts:
        found.parts = [(a, min(b, stop)) for a, b in found.parts if a < stop]
    if all(in_quote[k] < 0 for k in range(first, cut)):
        found.kind = "indirect"  # no quoted words left in it
        return None
    whole = in_quote[first] >= 0 and in_quote[first] == in_quote[cut - 1]
    if whole:
        return in_quote[first]
    _second_that(words, in_quote, found)
    return None


def own_clause_before_colon(words: Words, in_quote: Sequence[int], found: Found) -> None:
    """End a mixed content that runs on, past a comma, into a clause with its own subject
    and verb and through a colon into a quotation (``worried about the turnout, Ruiz
    has a blunt reminder: "Vote early."``) at that comma: the quotation after the colon is
    that clause's, not the cue's (it is then read as a quotation of its own); *found* is
    changed in place."""
    if found.kind != "mixed" or found.how not in _REPORTED or found.parts:
        return
    first, end = words.token_at(found.start), words.token_at(found.end - 1) + 1
    if end > len(words) or in_quote[end - 1] < 0:
        return
    opening = end - 1
    while opening > first and in_quote[opening - 1] == in_quote[end - 1]:
        opening -= 1
    if opening - 1 <= first or words.text[opening - 1] != ":":
        return
    for j in range(first + 1, opening - 2):
        if words.text[j] != "," or in_quote[j] >= 0:
            continue
        phrase = subject_phrase(words, j + 1, opening - 1)
        if phrase is None or phrase[1] >= opening - 1:
            continue
        verb = phrase[1]
        while verb < opening - 1 and words.lower[verb] in _AUXILIARIES | {"'s"}:
            verb += 1
        if is_verb(words, phrase[1]) or verb > phrase[1]:  # "Ruiz is trying", "he's said"
            found.end = words.end[j - 1]
            if all(in_quote[k] < 0 for k in range(first, j)):
                found.kind = "indirect"
            return


def _second_that(words: Words, in_quote: Sequence[int], found: Found) -> None:
    """Let a mixed content that stops right before ``and that`` (``, and that``) run on
    through that second clause of the same verb (``said that the board was "taking a close
    look" at it, and that her plan ...``), as PolNeAR's contents do, to the end of its
    sentence or the clause of its last quotation; *found* is changed in place."""
    k = words.token_at(found.end)
    if not 0 < k < len(words) or words.start[k] < found.end:
        return
    hi = words.sentence_bounds(k - 1)[1]
    if k < hi and words.text[k] == ",":
        k += 1
    if not (k + 1 < hi and words.lower[k] == "and" and words.lower[k + 1] == "that"):
        return
    end = hi
    while end > k and (words.is_punct(end - 1) and in_quote[end - 1] < 0):
        end -= 1
    for j in range(k + 2, end):
        if words.lower[j] in _CLAUSE_ENDS:
            end = j
            break
    cut = _tail_break(words, in_quote, k + 1, end)
    end = cut if cut is not None and cut > k + 2 else end
    if end > k + 2:
        found.end = words.end[end - 1]
        if found.parts:
            found.parts[-1] = (found.parts[-1][0], found.end)


_CLAUSE_ENDS: Final = frozenset({";", ":", "—", "–", "--", "―"})


def _close_open_quotation(words: Words, in_quote: Sequence[int], found: Found) -> None:
    """Let a content that ends inside a quotation it opens run on to the quotation's closing
    mark (``added that the account "must be read in hindsight. It is hard to live with."``:
    the sentence ends inside the marks, the speaker's words do not); *found* is changed in
    place."""
    if found.end <= found.start:
        return
    first, last = words.token_at(found.start), words.token_at(found.end - 1)
    if last >= len(words) or (quote := in_quote[last]) < 0:
        return
    opening = last
    while opening > 0 and in_quote[opening - 1] == quote:
        opening -= 1
    closing = last
    while closing + 1 < len(words) and in_quote[closing + 1] == quote:
        closing += 1
    if opening < first or opening == first == last or closing == last:
        return  # a content inside the quotation, or one that already ends with it
    found.end = words.end[closing]
    if found.parts:
        found.parts[-1] = (found.parts[-1][0], found.end)
    if found.kind == "indirect":
        found.kind = "mixed"


def _uttered_inside(words: Words, in_quote: Sequence[int], first: int, end: int) -> int | None:
    """The comma that starts a clause of its own inside a content, whose subject utters a
    quotation aloud (``said the pier was safe again, a man yelled "Fix it first!"``): the
    content ends there."""
    for k in range(first + 2, end):
        if in_quote[k] < 0 or in_quote[k - 1] >= 0 or words.lower[k - 1] not in UTTERING:
            continue
        comma = k - 2
        while comma > first and k - comma <= MAX_OBJECT and words.text[comma] != ",":
            comma -= 1
        if comma > first and words.text[comma] == ",":
            return comma
    return None


def _tail_break(words: Words, in_quote: Sequence[int], first: int, end: int) -> int | None:
    """The token in ``[first, end)`` where the clause of the last quotation ends: right
    after its closing mark when the quotation ends in a comma (``as "fantastic," telling
    reporters``) or an adjunct of time or setting follows the mark; else at a clause
    break (a comma, a dash, a semicolon) or another predicate or clause after ``and``."""
    last = next((j for j in range(end - 2, first - 1, -1) if closed_here(words, in_quote, j)), None)
    if last is None:
        return None
    text = words.doc.text
    mark = last  # the closing mark's first token ('' may be two)
    while mark > first and in_quote[mark - 1] == in_quote[last] and words.is_punct(mark - 1) and (
        words.end[mark - 1] == words.start[mark] and text[words.start[mark - 1]] in "'’"
    ):
        mark -= 1
    comma = text[words.start[mark] - 1 : words.start[mark]] in (",", ";")
    if (comma and not _subordinate(words, last + 1, end)) or _adjunct_starts(
        words, last + 1, end
    ):
        return last + 1
    for j in range(last + 1, end):
        low = words.lower[j]
        if low in _BREAKS and not (low == "," and _subordinate(words, j + 1, end)):
            return j  # not "but", "while", "as", ", because": on PolNeAR such a clause goes on
        if low == "and" and j + 1 < end and (
            is_verb(words, j + 1) or words.lower[j + 1] in SUBJECT_PRONOUNS
        ):
            return j  # "and threatened to ...", "and he didn't": another predicate or clause
    return None


_SUBORDINATORS: Final = frozenset({
    "when", "where", "because", "while", "whereas", "although", "though", "unless",
    "compared", "since", "if", "including", "such", "especially", "particularly", "even", "not",
})


def _subordinate(words: Words, k: int, end: int) -> bool:
    """Whether a clause that depends on the quoted one starts at token *k* (``"a fight in
    Kelby," where the council may ...``, ``"peanuts," compared to ...``): the content goes
    on through it, as PolNeAR's contents do."""
    return k < end and words.lower[k] in _SUBORDINATORS


def closed_here(words: Words, in_quote: Sequence[int], j: int) -> bool:
    """Whether token *j* is the closing mark of its quotation (its last token)."""
    return in_quote[j] >= 0 and (j + 1 >= len(words) or in_quote[j + 1] != in_quote[j])
def _adjunct_starts(words: Words, k: int, end: int) -> bool:
    """Whether a time (``Wednesday``) or a setting (``in a tweet``, ``during a campaign
    stop``) starts at token *k*: the attribution's, not the content's."""
    low = words.lower[k]
    if low in TIME_WORDS:
        return True
    if low not in _SETTING_LEADS:
        return False
    return any(words.lower[j] in _SETTINGS for j in range(k + 1, min(end, k + 1 + _SETTING_WORDS)))


# -- quotations the cue lexicon does not attribute ------------------------------------------

UTTERANCES: Final = frozenset({"chants", "chant", "cries", "cry", "shouts", "shout", "calls",
                               "chorus", "refrain", "cheers", "boos", "jeers", "roars"})
"""Nouns of uttering aloud, before ``of`` and a quotation (``chants of "Ana!"``)."""
_NOT_CHARACTERISING: Final = frozenset({"such", "so", "as", "just", "much", "well", "same"})
"""Words before ``as`` that make it a comparison or an example, not a name given."""
MAX_OBJECT: Final = 8
"""Most tokens of the thing named before ``as`` (``40% of the council's claims``)."""
_AS_LEADS: Final = DETERMINERS | {"being"}  # between "as" and the mark: "as a", "as being"


def attribute(rules: Rules, q: Quoted, taken: set[int]) -> Found | None:
    """A quotation that the cue lexicon leaves unattributed, read by ``uttered``,
    ``inverted``, ``inscribed``, ``labelled``, ``termed``, ``relative``, ``characterised``
    (also likened and referenced) or ``that-clause`` (see the module's docstring); *taken*
    gets the quotations (by their ``open`` offset) that a content takes in after *q*."""
    words = rules.words
    opening = words.token_at(q.open)
    if opening >= len(words) or words.start[opening] != q.open:
        return None
    if opening == 0:  # nothing before it: only an attribution after it
        return _inverted(rules, q)
    return (
        _uttered(rules, q, opening)
        or _inverted(rules, q)
        or _inscribed(rules, q, opening)
        or _labelled(rules, q, opening, taken)
        or _termed(rules, q, opening)
        or _relative_says(rules, q, opening, taken)
        or _characterised(rules, q, opening, taken)
        or _likened(rules, q, opening, taken)
        or _referenced(rules, q, opening, taken)
        or _that_clause(rules, q, opening, taken)
    )


def _word_before(words: Words, opening: int) -> tuple[int, int]:
    """The token before the quotation that opens at *opening*, past a comma or colon
    (``yelled, "..."``, ``read: "..."``), and the first token of the sentence."""
    lo = words.sentence_bounds(opening)[0]
    k = opening - 1
    while k > lo and words.text[k] in (",", ":"):
        k -= 1
    return k, lo


def _uttered(rules: Rules, q: Quoted, opening: int) -> Found | None:
    words = rules.words
    k, lo = _word_before(words, opening)
    if k < lo or rules.in_quote[k] >= 0:
        return None
    low = words.lower[k]
    if low in UTTERING and not (k > lo and words.lower[k - 1] in DETERMINERS):
        anchor = k  # "were chanting", "had yelled": the subject is before the auxiliary
        while anchor - 1 > lo and words.lower[anchor - 1] in _AUXILIARIES:
            anchor -= 1
        speaker = _subject(rules, anchor, lo)
        cue: tuple[int, int] = (k, k + 1)
    elif low == "of" and k > lo and words.lower[k - 1] in UTTERANCES:
        cue = (k - 1, k + 1)
        owner = k - 2  # "their chants of": the owner speaks
        speaker = (owner, owner + 1) if owner >= lo and words.lower[owner] in _POSSESSIVES else None
    else:
        return None
    start, end = q.content(words.doc.text)
    return Found(start, end, "direct", cue, speaker, 0.75 if speaker else 0.5, "uttered",
                 words.sentence_of[opening], quoted=q)


_QUOTE_ENDS: Final = frozenset({",", "?", "!"})
_SENTENCE_ENDS: Final = frozenset({".", "!", "?", ","})
MAX_NAME: Final = 5  # capitalised words of a speaker's name: "Harbour FM co-host Sam Oduya"


def _inverted(rules: Rules, q: Quoted) -> Found | None:
    """``"...," scoffed Ana Ruiz.`` / ``"...," Ana Ruiz mused.``: a quotation that ends in a
    comma (or ``?``, ``!``), then a verb in ``-ed`` and a name, or a name and such a verb that
    ends the sentence: the convention of an attribution, whatever the verb (the lexicon
    lists the usual ones)."""
    words = rules.words
    text = words.doc.text
    if not q.closed or text[q.start:q.end].rstrip()[-1:] not in _QUOTE_ENDS:
        return None
    close = words.token_at(q.close)
    k = close
    while k < len(words) and rules.in_quote[k] >= 0 and rules.in_quote[k] == rules.in_quote[close]:
        k += 1  # the rest of its closing mark, not the next quotation
    hi = words.sentence_bounds(min(k, len(words) - 1))[1] if k < len(words) else k
    if k + 1 >= hi or rules.in_quote[k] >= 0 or "\n" in text[q.close : words.start[k]]:
        return None  # another quotation, or the next paragraph, follows it
    if _past_verb(words, k):
        speaker = speaker_after(words, k + 1, hi)
        cue = k
        ok = speaker is not None and words.capital[speaker[0]] and (
            speaker[1] >= hi or words.text[speaker[1]] in _SENTENCE_ENDS
        )
    else:
        end = k
        while end < hi and end - k < MAX_NAME and words.capital[end] and words.text[end].isalpha():
            end += 1
        speaker, cue = (k, end), end
        ok = k < end < hi - 1 and _past_verb(words, end) and (
            words.text[end + 1] in _SENTENCE_ENDS
        )
    if not ok or speaker is None:
        return None
    start, end = q.content(text)
    return Found(start, end, "direct", (cue, cue + 1), speaker, 0.6, "inverted",
                 words.sentence_of[cue], quoted=q)


def _past_verb(words: Words, k: int) -> bool:
    """Whether token *k* reads as a verb in the past: a lower-case word in ``-ed``."""
    low = words.lower[k]
    return low.isalpha() and not words.capital[k] and low.endswith("ed") and len(low) > 4


_READING: Final = frozenset({"read", "reads", "reading"})
INSCRIBED: Final = frozenset({
    "sign", "signs", "banner", "banners", "placard", "placards", "poster", "posters", "message",
    "messages", "headline", "headlines", "shirt", "shirts", "t-shirt", "t-shirts", "hat", "hats",
    "cap", "caps", "sticker", "stickers", "billboard", "billboards", "note", "notes", "caption",
    "tweet", "tweets", "post", "posts", "plaque", "inscription", "slogan", "card", "cards",
    "button", "buttons", "flag", "flags", "text", "letter",
})
"""Things with words written on them, before ``read`` (``a sign that read "..."``)."""
_THING_WORDS: Final = 5  # tokens from the thing to "read": "a message on the ferry reading"


def _inscribed(rules: Rules, q: Quoted, opening: int) -> Found | None:
    """``a sign that read "Fishers 4 Ruiz"``, ``One banner read: "..."``: a quotation
    right after ``read`` (or ``reads``, ``reading``) whose subject, a few words before, is a
    thing with words on it; a direct quote, its speaker the sentence's subject (who held the
    sign, or the sign itself)."""
    words = rules.words
    k, lo = _word_before(words, opening)
    if k <= lo or rules.in_quote[k] >= 0 or words.lower[k] not in _READING:
        return None
    if not any(words.lower[j] in INSCRIBED for j in range(max(lo, k - _THING_WORDS), k)):
        return None  # "she read "The Raven" aloud": a title read, not words written
    start, end = q.content(words.doc.text)
    speaker = _subject(rules, k, lo)
    return Found(start, end, "direct", (k, k + 1), speaker, 0.6, "inscribed",
                 words.sentence_of[opening], quoted=q)


TERMS: Final = frozenset({
    "phrase", "phrases", "term", "terms", "word", "words", "slogan", "slogans", "motto",
    "catchphrase", "expression", "mantra",
})
"""Nouns that name the words in quotation marks after them as words someone uses (``used
the phrase "..."``, ``campaigned on the slogan "..."``)."""
MAX_TERM: Final = 8
"""Most words of a term in quotation marks (``the slogan "Fix the Pier before the Winter
Storms"``); a longer quotation after ``words`` is someone's statement."""


def _termed(rules: Rules, q: Quoted, opening: int) -> Found | None:
    """``She has used the phrase "harbour first" for years``, ``campaigned on the slogan
    "Fix the Pier"``: a short quotation right after a noun that names it as words used
    (:data:`TERMS`); a direct quote of the words alone, whose speaker is the subject of the
    verb before the noun."""
    words = rules.words
    text = words.doc.text
    k, lo = _word_before(words, opening)
    if k <= lo or rules.in_quote[k] >= 0 or not q.closed:
        return None
    if words.lower[k] not in TERMS or len(text[q.start:q.end].split()) > MAX_TERM:
        return None
    if "in" in words.lower[max(lo, k - 3) : k]:
        return None  # "in her words, "...": an attribution of what follows
    verb = next((j for j in range(k - 1, lo - 1, -1) if _verb_like(words, j)), None)
    speaker = sentence_subject(words, lo, k if verb is None else verb, rules.in_quote)
    if speaker is not None and speaker[1] > (k - 2 if verb is None else verb):
        speaker = None  # it runs into the verb, or into the term's own phrase ("campaigned on the")
    start, end = q.content(text)
    return Found(start, end, "direct", (k, k + 1), speaker, 0.6, "termed",
                 words.sentence_of[opening], quoted=q)


SAYING: Final = frozenset({
    "says", "said", "states", "stated", "notes", "noted", "claims", "claimed",
    "declares", "declared", "warns", "warned", "argues", "argued", "asserts", "asserted",
})
"""Verbs of saying after a relative ``that`` or ``which`` (``a letter that says ...``)."""
_RELATIVES: Final = frozenset({"that", "which"})
_MAX_RELATIVE: Final = 12  # tokens from the verb to the quotation: "which said the city"


def _relative_says(rules: Rules, q: Quoted, opening: int, taken: set[int]) -> Found | None:
    """``a note from the engineer that says the pier is "sound again"``, ``flyers that
    said, "Ferries first!"``: a quotation in the clause of a verb of saying
    (:data:`SAYING`) after a relative ``that`` or ``which``, whose subject is a thing or
    someone named before it: right after the verb, a direct quote of the words; further
    on, a mixed quote of the verb's clause, ended as :func:`trim_tail` ends one. The
    speaker is the relative itself, as PolNeAR marks it (as the reported rules take
    ``who``). Not ``read`` (``a sign that read "..."``: :func:`_inscribed`'s)."""
    words = rules.words
    lo, hi = words.sentence_bounds(opening)
    verb = next((
        k for k in range(opening - 1, max(lo, opening - _MAX_RELATIVE) - 1, -1)
        if words.lower[k] in SAYING and k - 1 > lo and words.lower[k - 1] in _RELATIVES
    ), None)
    if verb is None or any(
        rules.in_quote[k] >= 0 or words.lower[k] in _LEAD_STOPS or words.text[k] == "-"
        for k in range(verb, opening)
    ):
        return None
    speaker = (verb - 1, verb)  # the relative itself, as PolNeAR marks it (as for "who said")
    k, _ = _word_before(words, opening)
    if k == verb:  # 'a sign that said, "..."': the words themselves
        start, end = q.content(words.doc.text)
        return Found(start, end, "direct", (verb, verb + 1), speaker, 0.6, "relative",
                     words.sentence_of[opening], quoted=q)
    found = _object_content(rules, q, verb, (lo, hi), taken)
    found.speaker, found.how = speaker, "relative"
    return found


_LABELS: Final = frozenset({
    "called", "named", "dubbed", "nicknamed", "labeled", "labelled", "branded", "termed",
    "designated", "known", "titled", "entitled",
})
"""Participles that give a thing its name (``is called "..."``, ``a memo titled "..."``)."""
_TITLING: Final = frozenset({"titled", "entitled"})
_BE: Final = frozenset({"is", "are", "was", "were", "be", "been"})  # not "being dubbed"
_LABEL_LEADS: Final = frozenset({",", ":", "as", "a", "an", "the"})  # 'titled, "..."', 'as the'
_LABEL_ADVERBS: Final = frozenset({
    "also", "often", "sometimes", "now", "once", "later", "still", "widely", "commonly",
    "officially", "informally", "derisively", "affectionately", "popularly", "jokingly",
})
_LABEL_STOPS: Final = frozenset({",", ";", ":", "(", ")", "—", "–", "--", "―"})
_LABEL_OPENERS: Final = frozenset({
    "that", "because", "but", "although", "though", "while", "whereas", "since", "if",
    "unless", "so", "when", "and", "after", "before", "until",
})
_LABEL_RELATIVES: Final = frozenset({"what", "which", "who"})
_MAX_LABELLED: Final = 12  # tokens of the thing named: "All the tickets sold in the first week"


def _labelled(rules: Rules, q: Quoted, opening: int, taken: set[int]) -> Found | None:
    """``a report titled "Ferry Costs"`` / ``the ferry was officially named "The Grey
    Gull"``: a title after ``titled`` or ``entitled`` (the title alone, no speaker), and a
    name given in the passive (``is called``, ``was dubbed``, ``has been labeled``, ``is
    known as``): the thing named and the quotation, in two parts, with no speaker, as
    PolNeAR marks them."""
    words = rules.words
    lo = words.sentence_bounds(opening)[0]
    k = opening - 1
    while k > lo and words.lower[k] in _LABEL_LEADS and opening - k <= 3:
        k -= 1
    if k - 1 > lo and words.lower[k - 1] == "known" and words.lower[k + 1] == "as":
        k -= 1  # "known online as", "known here as"
    if k <= lo or rules.in_quote[k] >= 0 or words.lower[k] not in _LABELS:
        return None
    start, end = q.content(words.doc.text)
    if words.lower[k] in _TITLING:
        return Found(start, end, "direct", (k, k + 1), None, 0.5, "labelled",
                     words.sentence_of[opening], quoted=q)
    if words.lower[k] == "known" and "as" not in words.lower[k + 1 : k + 3]:
        return None
    aux = k - 1
    while aux > lo and (words.lower[aux] in _LABEL_ADVERBS or (
        words.lower[aux].endswith("ly") and not words.capital[aux]
    )):
        aux -= 1
    if words.text[aux] == "," and words.lower[k] == "known":
        return _known_apposition(rules, q, (aux, k), lo, taken)
    if words.lower[aux] not in _BE:
        return None  # "Becker called Ruiz "...": the speaker names it, another rule's
    while aux > lo and words.lower[aux - 1] in _BE | {"has", "have", "had", "will", "would"}:
        aux -= 1  # "has been", "will be"
    first = _thing_named(rules, aux, lo)
    if first is None:
        return None
    end = _last_of_list(rules, q, taken)
    found = Found(words.start[first], end, "mixed", (aux, k + 1), None, 0.5, "labelled",
                  words.sentence_of[opening])
    found.parts = [(words.start[first], words.end[aux - 1]), (words.start[k + 1], end)]
    return found


def _known_apposition(
    rules: Rules, q: Quoted, at: tuple[int, int], lo: int, taken: set[int]
) -> Found | None:
    """``the levy, known as the "Bridge Fund"``, ``Ana Ruiz, 44, known online as
    "Harbourmum"``: a name given in an apposition after a comma (at ``at[0]``, ``known`` at
    ``at[1]``): the phrase before the comma (past an age between commas) and the name, in
    two parts, no speaker."""
    words = rules.words
    comma, known = at
    first = _thing_named(rules, comma, lo)
    if first is None:
        return None
    if first - 1 > lo and words.text[first - 1] == "," and all(
        words.text[j].isdigit() for j in range(first, comma)
    ):
        earlier = _thing_named(rules, first - 1, lo)  # "Ruiz, 44,"
        first = first if earlier is None else earlier
    second = known + 1 if words.lower[known + 1] == "as" else known + 2
    end = _last_of_list(rules, q, taken)
    found = Found(words.start[first], end, "mixed", (known, known + 1), None, 0.5, "labelled",
                  words.sentence_of[known])
    found.parts = [(words.start[first], words.end[comma - 1]), (words.start[second], end)]
    return found


def _thing_named(rules: Rules, aux: int, lo: int) -> int | None:
    """The first token of what a passive name is given to, which ends before the verb *be*
    at *aux*: a relative or a pronoun right before it (``what is called``, ``she is
    nicknamed``), else the words back to the clause's start (``By 2013, the show was
    named``: ``the show``); ``None`` when there are none or too many."""
    words = rules.words
    if aux > lo and words.lower[aux - 1] in _LABEL_RELATIVES | SUBJECT_PRONOUNS:
        return aux - 1
    first = aux
    while first > lo and aux - first < _MAX_LABELLED and not (
        words.text[first - 1] in _LABEL_STOPS or words.lower[first - 1] in _LABEL_OPENERS
    ) and rules.in_quote[first - 1] < 0:
        first -= 1
    return None if first == aux or aux - first >= _MAX_LABELLED else first


_POSSESSIVES: Final = frozenset({"their", "his", "her", "our", "my", "your"})
_AUXILIARIES: Final = frozenset({"was", "were", "is", "are", "be", "been", "has", "have", "had"})
_PARTICLES: Final = frozenset({"across", "out", "off", "up", "down", "in", "on", "back", "over"})


def _characterised(rules: Rules, q: Quoted, opening: int, taken: set[int]) -> Found | None:
    words = rules.words
    lo = words.sentence_bounds(opening)[0]
    k = opening - 1
    while k > lo and words.lower[k] in _AS_LEADS and opening - k <= 2:
        k -= 1
    if k <= lo or words.lower[k] != "as" or words.lower[k - 1] in _NOT_CHARACTERISING:
        return None
    if _compared(rules, q):
        return None  # "as 'strong' as ever": a comparison
    first = _object_start(words, k, lo)
    first, verb = _past_preposition(words, first, lo) if first < k else (first, first - 1)
    if first == k or verb < lo or not (_verb_like(words, verb) or words.lower[verb] in _GO) or (
        words.lower[k - 1] in _PARTICLES  # "came across as"
    ):
        return None  # nothing named ("billed as", "known as"): too often a label, no quote
    participle = words.upos is None and words.lower[verb].endswith("ing")
    speaker = (None if participle else _subject(rules, verb, lo)) or sentence_subject(
        words, lo, verb, rules.in_quote
    )
    if speaker is not None and speaker[0] >= first:
        speaker = None
    end = _last_of_list(rules, q, taken)
    return Found(words.start[first], end, "mixed", (verb, verb + 1), speaker,
                 0.7 if speaker else 0.5, "characterised", words.sentence_of[opening])


_LIKENING: Final = frozenset({
    "liken", "likens", "likened", "likening", "compare", "compares", "compared", "comparing",
})
_MAX_LIKENED: Final = 20  # tokens from the verb to its quotation: "Ruiz to a coach who is"


def _likened(rules: Rules, q: Quoted, opening: int, taken: set[int]) -> Found | None:
    """``Becker likened the levy to "robbing the harbour"``, ``compared Ruiz to a coach
    who is "shouting at the players"``: a quotation after ``to`` that says what someone likened
    a thing to; a mixed quote whose content is the thing named, ``to`` and the clause of the
    quotation (ended as :func:`trim_tail` ends one), whose cue is the verb and whose speaker
    is the verb's subject; not ``compared to`` with nothing named (``"peanuts," compared to
    ...``)."""
    words = rules.words
    lo, hi = words.sentence_bounds(opening)
    verb = to = None
    for k in range(opening - 1, max(lo, opening - _MAX_LIKENED) - 1, -1):
        if rules.in_quote[k] >= 0 or words.lower[k] in _LEAD_STOPS:
            return None
        if words.lower[k] == "to" and to is None:
            to = k
        if words.lower[k] in _LIKENING:
            verb = k
            break
    if verb is None or to is None or to <= verb + 1:
        return None  # no "to", or nothing named before it
    return _object_content(rules, q, verb, (lo, hi), taken)


_LINKING_PREPOSITIONS: Final = frozenset({"after", "at", "on", "upon", "in"})
_PARTICLE_PREPOSITIONS: Final = frozenset({"after", "at"})  # "went after", "lashed out at"
_GO: Final = frozenset({"go", "goes", "going", "gone", "went"})  # "gone after Ruiz as"


def _past_preposition(words: Words, first: int, lo: int) -> tuple[int, int]:
    """``(start, verb)``: the start of the thing named before ``as`` and its verb, when a
    preposition stands before the phrase that starts at *first*: the object of a verb with
    a particle (``gone after Ruiz as``: ``Ruiz``, the verb ``gone``), or the thing named
    before a setting (``describes himself on his council web page as``: ``himself``,
    ``describes``); else *first* and the token before it."""
    prep = first - 1
    if prep >= lo and words.lower[first] == "out" and (
        words.lower[first + 1] in _PARTICLE_PREPOSITIONS and _verb_like(words, prep)
    ):
        return first + 2, prep  # "lashed out at the board as"
    if prep <= lo or words.lower[prep] not in _LINKING_PREPOSITIONS:
        return first, prep
    if words.lower[prep] in _PARTICLE_PREPOSITIONS and (
        _verb_like(words, prep - 1) or words.lower[prep - 1] in _GO
    ) and words.lower[prep - 2] not in _BE:
        return first, prep - 1  # the verb and its particle: the thing follows them
    earlier = _object_start(words, prep, lo)
    if lo < earlier < prep and _verb_like(words, earlier - 1) and (
        words.lower[earlier - 2] not in _BE  # "is described on the website as": the passive's
    ):
        return earlier, earlier - 1
    return first, prep


_REFERRING: Final = frozenset({
    "reference", "references", "referenced", "referencing", "invoke", "invokes", "invoked",
    "invoking",
    "exhort", "exhorts", "exhorted", "exhorting", "implore", "implores", "implored",
    "imploring", "beg", "begs", "begged", "begging", "entreat", "entreated", "admonish",
    "admonished",
})
_MAX_REFERENCE: Final = 8  # tokens from the verb to its quotation: "an official's report that"


def _referenced(rules: Rules, q: Quoted, opening: int, taken: set[int]) -> Found | None:
    """``She referenced the "harbour loophole,"``, ``referencing the firm's push to
    "up-sell" or ...``, ``exhorted voters to "save the pier"``: a quotation in the object
    of a verb of referring to words (``reference``, ``invoke``) or of urging (``exhort``,
    ``implore``, ``beg``), a few words after it; a mixed quote whose content is the object
    and the clause of the quotation (ended as :func:`trim_tail` ends one, or by another
    cue), whose speaker is the verb's subject."""
    words = rules.words
    lo, hi = words.sentence_bounds(opening)
    verb = next((
        k for k in range(opening - 1, max(lo, opening - _MAX_REFERENCE) - 1, -1)
        if words.lower[k] in _REFERRING
    ), None)
    if verb is None or any(
        rules.in_quote[k] >= 0 or words.lower[k] in _LEAD_STOPS for k in range(verb, opening)
    ) or (verb > lo and words.lower[verb - 1] in DETERMINERS):
        return None  # "a reference to": a noun
    return _object_content(rules, q, verb, (lo, hi), taken)


def _object_content(
    rules: Rules, q: Quoted, verb: int, bounds: tuple[int, int], taken: set[int]
) -> Found:
    """The mixed quote of a verb at token *verb* whose object holds the quotation *q*: from
    the word after the verb to the clause end of its last quotation (or the next cue of the
    lexicon after the quotation: ``... "think of the harbour" and said ...``), the verb's
    subject as speaker."""
    words = rules.words
    lo, hi = bounds
    opening = words.token_at(q.open)
    end = hi
    while end > opening and words.is_punct(end - 1) and rules.in_quote[end - 1] < 0:
        end -= 1
    cut = _tail_break(words, rules.in_quote, verb + 1, end)
    end = cut if cut is not None and cut > opening else end
    later = [h.start for h in rules.all_hits_between(opening, end) if rules.in_quote[h.start] < 0]
    if later:  # "... and said he was ...": another attribution ends it
        end = later[0]
        while end > opening + 1 and (
            words.is_punct(end - 1) or words.lower[end - 1] in ("and", "but")
        ) and rules.in_quote[end - 1] < 0:
            end -= 1
    participle = words.upos is None and words.lower[verb].endswith("ing")
    speaker = (None if participle else _subject(rules, verb, lo)) or sentence_subject(
        words, lo, verb, rules.in_quote
    )
    stop = words.end[end - 1]
    for r in rules.quoted:
        if q.open < r.open < stop:
            taken.add(r.open)
    return Found(words.start[verb + 1], stop, "mixed", (verb, verb + 1), speaker,
                 0.7 if speaker else 0.5, "characterised", words.sentence_of[opening])


def _object_start(words: Words, k: int, lo: int) -> int:
    """The first token of the thing named before ``as`` at *k* (``the judge``, ``many of
    them``, ``Ana M. Ruiz's statements``, ``30% of the claims``); *k* itself when nothing
    is named (``billed as``)."""
    first = k
    while first > lo and k - first < MAX_OBJECT:
        j = first - 1
        low = words.lower[j]
        if low in DETERMINERS and low not in SUBJECT_PRONOUNS and (
            j == lo or words.lower[j - 1] not in LINKS
        ):
            return j  # a determiner starts the phrase: "the judge", "his rivals"
        noun = j > lo and (  # "both claims", "the reports", "the council's claims"
            words.lower[j - 1] in DETERMINERS or words.lower[j - 1] in APOSTROPHE_S or (
                j - 1 > lo and words.capital[j - 1]  # "32% of Republican claims"
                and (words.lower[j - 2] in DETERMINERS or words.lower[j - 2] == "of")
            )
        )
        if (_verb_like(words, j) and not noun) or (low in CLAUSE_WORDS and low not in LINKS):
            return first
        if words.is_punct(j) and low not in APOSTROPHE_S and low != "%":  # "30% of the claims"
            return first
        first = j
    return first if k - first < MAX_OBJECT else k


def _verb_like(words: Words, j: int) -> bool:
    """Whether token *j* reads as a verb before a thing named: a finite verb, a participle
    or a gerund (``described``, ``describing``, ``known``)."""
    low = words.lower[j]
    if words.upos is not None:
        return words.upos[j] in ("VERB", "AUX")
    return is_verb(words, j) or (
        low.isalpha() and not words.capital[j] and (
            (low.endswith("ing") and len(low) > 5) or low in ("known", "seen", "saw", "see")
        )
    )


def _compared(rules: Rules, q: Quoted) -> bool:
    words = rules.words
    close = words.token_at(q.close)
    return close + 1 < len(words) and words.lower[close + 1] == "as"


def _last_of_list(rules: Rules, q: Quoted, taken: set[int]) -> int:
    """Where a characterising content ends: after its quotation, or after a list of them
    (``as "wrong" or "plain nonsense"``)."""
    words = rules.words
    text = words.doc.text
    end = q.close + q.width if q.closed else q.close
    following = [r for r in rules.quoted if r.open > q.open]
    for r in following:
        between = text[end:r.open]
        if "\n" in between or between.strip() not in ("and", "or", ",", ", and", ", or") or (
            not r.closed
        ):
            break
        taken.add(r.open)
        end = r.close + r.width
    return end


_CLAUSE_HEADS: Final = frozenset({"that", "whether"})
MAX_CLAUSE_LEAD: Final = 25  # tokens from "that" to the quotation's opening mark
_LEAD_STOPS: Final = frozenset({";", ":", "—", "–", "--", "―", "(", ")"})


def _that_clause(rules: Rules, q: Quoted, opening: int, taken: set[int]) -> Found | None:
    """``Smith predicted that the levy would "hurt every family."``: a quotation inside a
    clause of ``that`` (or ``whether``) after a verb outside the lexicon; the content is
    the clause, the cue the verb, the speaker its subject."""
    words = rules.words
    lo, hi = words.sentence_bounds(opening)
    found = _clause_head(rules, opening, lo)
    if found is None:
        return None
    head, verb = found
    owner = _owner(rules, verb, lo) if words.lower[head] == "that" else None
    if owner is None and not _verb_like(words, verb):
        verb = _verb_before_adjunct(words, rules.in_quote, head, lo)
        if verb < head - 1 and rules.cues.match(words.lemma, words.lower, verb) is not None:
            return None  # a cue of the lexicon: the reported-speech rules read it
    if owner is None and (not _verb_like(words, verb) or (
        verb > lo and words.lower[verb - 1] in DETERMINERS  # "the reports that": a noun
    )):
        return None
    if rules.all_hits_between(head, opening):
        return None  # a cue of its own inside the clause: another attribution
    end = hi
    while end > head and words.is_punct(end - 1) and rules.in_quote[end - 1] < 0:
        end -= 1
    cut = _tail_break(words, rules.in_quote, head, end)
    end = cut if cut is not None and cut > opening else end
    participle = words.upos is None and words.lower[verb].endswith("ing")
    speaker = owner or (None if participle else _subject(rules, verb, lo)) or (
        sentence_subject(words, lo, verb, rules.in_quote)
    )
    stop = words.end[end - 1]
    for r in rules.quoted:
        if q.open < r.open < stop:
            taken.add(r.open)
    return Found(words.start[head], stop, "mixed", (verb, verb + 1), speaker,
                 0.7 if speaker else 0.5, "that-clause", words.sentence_of[opening])


_HEAD_ADJUNCT_LEADS: Final = frozenset({"in", "on", "at", "during", "to", "last", "this"})
"""Words that open a short adjunct between a verb and its ``that`` (``found in 2014
that``, ``confided to her that``, ``contended in its letter that``)."""


def _verb_before_adjunct(words: Words, in_quote: Sequence[int], head: int, lo: int) -> int:
    """The verb before a short adjunct that ends right before the clause head at *head*
    (``recalled in 2008 that``: ``recalled``); ``head - 1`` when there is none."""
    for k in range(head - 1, max(lo, head - 1 - MAX_ADJUNCT) - 1, -1):
        if words.is_punct(k) or in_quote[k] >= 0 or not _adjunct_word(words, k):
            break
        if words.lower[k] in _HEAD_ADJUNCT_LEADS and k - 1 > lo and _verb_like(words, k - 1) and (
            words.lower[k - 2] not in DETERMINERS
        ):
            return k - 1
    return head - 1


_OBJECTS: Final = frozenset({"her", "him", "them", "me", "us", "reporters", "supporters"})


def _adjunct_word(words: Words, k: int) -> bool:
    """Whether token *k* may stand in a short adjunct before ``that``: its preposition, a
    name, a number, a time word or an object pronoun (``in 2014``, ``to her``, ``in Ohio``)."""
    low = words.lower[k]
    return (
        low in _HEAD_ADJUNCT_LEADS or low in _OBJECTS or low in TIME_WORDS or low.isdigit()
        or words.capital[k]
    )


def _clause_head(rules: Rules, opening: int, lo: int) -> tuple[int, int] | None:
    """``(head, verb)``: the ``that``, ``whether`` or pronoun subject that opens the clause
    of the quotation at token *opening*, and the token of the verb before it."""
    words = rules.words
    for t in range(opening - 1, max(lo, opening - MAX_CLAUSE_LEAD) - 1, -1):
        low = words.lower[t]
        if low in _LEAD_STOPS:
            return None
        if rules.in_quote[t] >= 0:
            continue
        if low in _CLAUSE_HEADS:
            return (t, t - 1) if t > lo else None
        if low in PERSON_PRONOUNS:
            cue = _cue_before(rules, t, lo)
            if cue is not None:
                return t, cue
    return None


_ADJUNCT_LEADS: Final = frozenset({"in", "on", "at", "during", "after", "last", "this"})
MAX_ADJUNCT: Final = 4  # tokens of an adjunct between a cue and its clause: "in both listings"


def _cue_before(rules: Rules, t: int, lo: int) -> int | None:
    """The first token of a cue of the lexicon that ends right before token *t*, or right
    before a short adjunct that ends there (``wrote in both letters he was ...``): a
    clause without ``that`` whose subject is the pronoun at *t*."""
    words = rules.words
    for k in range(t, max(lo, t - MAX_ADJUNCT) - 1, -1):
        if k < t and (words.is_punct(k) or rules.in_quote[k] >= 0):
            return None
        if k == t or words.lower[k] in _ADJUNCT_LEADS:
            ending = [h for h in rules.all_hits_between(max(lo, k - 3), k) if h.end == k]
            if ending:
                return ending[-1].start
    return None


_NOT_CONTENT: Final = frozenset({
    "on", "in", "at", "during", "last", "this", "earlier", "later", "late", "early", "again",
    "yesterday", "today", "tonight", "recently", "afterward", "then", "to", "of", "about",
    "when", "while", "as", "before", "after", "from", "with",
})
"""Words after a cue that start an adjunct of the attribution, not what was said."""


_SETTING_MARKS: Final = frozenset({"on"}) | APOSTROPHE_S


def named_setting(rules: Rules, q: Quoted) -> bool:
    """Whether the quotation *q* names where something was said: right after ``on`` or a
    possessive (``on "Tidewatch,"``, ``WHBR's "Sunday Harbour Hour"``), a title
    however few its words."""
    words = rules.words
    opening = words.token_at(q.open)
    return 0 < opening < len(words) and words.lower[opening - 1] in _SETTING_MARKS


def title_before_cue(rules: Rules, found: Found) -> bool:
    """Whether *found* attributes its quotation to a cue after it whose own content follows
    it (``On "Harbour Today," Ruiz said the repairs ...``): when the quotation is a
    title, the cue is the sentence's verb of reported speech, the title only its setting."""
    if found.how != "after-quote" or found.cue is None or found.speaker is None:
        return False
    words = rules.words
    cue_end = found.cue[1]
    if found.speaker[1] > found.cue[0] or cue_end >= words.sentence_bounds(cue_end - 1)[1]:
        return False  # "said Dana Whitfield", or nothing after the cue
    low = words.lower[cue_end]
    return low.isalpha() and low not in _NOT_CONTENT and low not in TIME_WORDS and (
        not words.capital[cue_end] or _names_then_goes_on(words, cue_end)
    )


_OPENING_MARKS: Final = frozenset({'"', "“", "''"})


def _names_then_goes_on(words: Words, k: int) -> bool:
    """Whether the capitalised word at token *k*, right after a cue, opens a reported
    clause rather than naming whom the cue addresses (``said Ana Ruiz's
    "judgment" ...``, not ``told CNN``): a run of capitalised words followed by a lower-case
    word that opens no adjunct, or by a quotation."""
    end = k
    while end < len(words) and (words.capital[end] or words.lower[end] in APOSTROPHE_S):
        end += 1
    return end < len(words) and end - k <= MAX_OWNER + 2 and (
        words.text[end] in _OPENING_MARKS or (
            words.lower[end].isalpha() and not words.capital[end]
            and words.lower[end] not in _NOT_CONTENT
        )
    )


_OWNERS: Final = frozenset({"his", "her", "their", "its", "our", "my"})
MAX_OWNER: Final = 4  # capitalised words of a possessor: "Sen. Ann Lee's"


def _owner(rules: Rules, noun: int, lo: int) -> tuple[int, int] | None:
    """The speaker of a cue of the lexicon used as a noun before ``that``, named by its
    possessive (``his claim that``, ``Becker's assertion that``), else ``None``."""
    words = rules.words
    if noun - 1 < lo or rules.cues.match(words.lemma, words.lower, noun) is None:
        return None
    before = words.lower[noun - 1]
    if before in _OWNERS:
        return (noun - 1, noun)
    if before in APOSTROPHE_S:  # the capitalised words before it: "Dana Whitfield's"
        first = noun - 1
        while first > lo and noun - first <= MAX_OWNER and words.capital[first - 1]:
            first -= 1
        return (first, noun - 1) if first < noun - 1 else None
    return None


_PREPOSITIONS: Final = frozenset({
    "through", "in", "on", "at", "from", "with", "into", "across", "over", "under", "near",
    "outside", "inside", "behind", "along", "around", "past", "toward", "towards", "by",
})


def _subject(rules: Rules, verb: int, lo: int) -> tuple[int, int] | None:
    """Who does the verb at token *verb*: the noun phrase right before it, unless that is
    the object of a preposition (``Fishermen walking along the quay chanted``),
    then the sentence's subject."""
    words = rules.words
    speaker = speaker_before(words, verb, lo)
    if speaker is not None and speaker[0] > lo and words.lower[speaker[0] - 1] in _PREPOSITIONS:
        speaker = None
    return speaker or sentence_subject(words, lo, verb, rules.in_quote)


_CLAUSE_SUBJECTS: Final = PERSON_PRONOUNS | {"that", "there"}  # not "it": "put it this way:"
MIN_LEAD: Final = 3
"""Fewest words of a clause between a cue and the colon before its quotation."""


def colon_lead(rules: Rules, found: Found) -> None:
    """``She said she knows what the job needs: "Patience, and a thick skin."``: a quotation
    after a colon whose cue, before the colon, reports a clause of its own (one that opens
    with a personal pronoun, ``that`` or ``there``, of at least :data:`MIN_LEAD` words): the
    content is that clause, the colon and the quotation, a mixed quote, as PolNeAR marks
    it; *found* (a ``before-quote`` direct quote) is changed in place. Not a setting
    (``said in a statement: "..."``), an object (``put it this way: "..."``) nor a short
    phrase."""
    if found.how != "before-quote" or found.cue is None or found.quoted is None or found.parts:
        return
    words = rules.words
    first = found.cue[1]
    while first < len(words) and words.text[first] == ",":
        first += 1
    opening = words.token_at(found.quoted.open)
    if not first < opening - MIN_LEAD or words.text[opening - 1] != ":" or (
        words.lower[first] not in _CLAUSE_SUBJECTS
    ):
        return
    lead = range(first, opening - 1)
    if any(rules.in_quote[k] >= 0 or words.lower[k] in _LEAD_STOPS for k in lead) or (
        rules.all_hits_between(first, opening - 1) or words.sentence_of[first] != (
            words.sentence_of[opening]
        )
    ):
        return
    found.start, found.kind = words.start[first], "mixed"
    if found.quoted.closed:  # with its closing mark, as a mixed content ends
        found.end = found.quoted.close + found.quoted.width


_ATTRIBUTED_AFTER: Final = frozenset({"after-quote", "reported-after", "content-ahead"})


def speaks_before(found: Found) -> bool:
    """Whether a quotation with no cue right after *found* may take its speaker: *found* is
    a direct quote, a content with quoted words whose attribution follows it (``the
    clubs are "barely afloat," Hedge said.`` then ``"Golf is a thin business."``), or any
    content whose closing attribution :mod:`newslens_quotes.ahead` read (``The club may
    close, Hedge said.`` then ``"..."``)."""
    return found.kind == "direct" or found.how == "content-ahead" or (
        found.kind == "mixed" and found.how in _ATTRIBUTED_AFTER
    )
