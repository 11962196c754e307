"""The document's tokens as the rules read them, and the noun phrase that names a speaker.

:class:`Words` holds the token columns once per document (text, lower case,
lemma, offsets, and the tags when the annotator gives them). The speaker
finders walk from a cue to the words that name who speaks: back from the cue
(``White House spokeswoman Jen Psaki said``), skipping auxiliaries and adverbs
(``has also said``), or forward from it (``said Dana Whitfield, the fire
chief``). With part-of-speech tags (stanza) the walk stops at verbs and
clause words by their tags; without them (lite), by word lists.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

from newslens import Document
from newslens_quotes.lexicon import APOSTROPHE_S, roles

SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "they", "i", "we", "it", "you"})
DETERMINERS: Final = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "another", "some", "many", "several",
    "both", "other", "his", "her", "their", "its", "our", "my", "your", "one", "two", "three",
    "four", "five", "few", "most", "all", "each", "every", "no",
})
# Words that end a speaker's noun phrase when met walking back from the cue.
CLAUSE_WORDS: Final = frozenset({
    "and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "when", "while", "as",
    "after", "before", "because", "if", "since", "although", "though", "where", "so", "than",
    "until", "unless", "whether", "not", "yet", "also", "to", "in", "on", "at", "by", "during",
    "into", "over", "about", "against", "under", "without", "through", "what", "how", "why",
    "there", "here", "just", "even", "only", "however", "meanwhile", "later", "earlier",
    "now", "then", "today", "yesterday", "tonight", "said", "says", "say",
})
# Between a speaker and the cue: ``has said``, ``would later say``, ``also told``.
BETWEEN: Final = frozenset({
    "has", "have", "had", "will", "would", "could", "can", "should", "may", "might", "must",
    "did", "does", "do", "also", "previously", "later", "repeatedly", "again", "recently",
    "then", "once", "already", "further", "often", "still", "earlier", "first",
    "never", "always", "reportedly", "allegedly", "publicly", "privately", "quickly",
    "flatly", "simply", "subsequently", "specifically", "separately", "similarly",
    "together", "just", "jointly", "finally", "immediately", "openly",
})
_ADVERBS: Final = frozenset({
    "very", "almost", "please", "indeed", "nearly", "quite", "not", "n't", "n’t",
})
"""Adverbs that stand before a verb and name nobody (``almost suggested``, ``please
ask``, ``very aptly pointed out``), skipped like the ones of :data:`BETWEEN`."""
LINKS: Final = frozenset({"of", "for", "at", "from", "with", "'", "’"}) | APOSTROPHE_S
# Forms of "be" that make a cue passive (``he was asked``).
PASSIVE: Final = frozenset({"was", "were", "is", "are", "be", "been", "being"}) | APOSTROPHE_S
_NOT_NP_TAGS: Final = frozenset(
    {"VERB", "AUX", "ADV", "SCONJ", "CCONJ", "PUNCT", "INTJ", "SYM", "X", "PART"}
)
MAX_SPEAKER: Final = 9
# Words an opening adjunct starts with; the subject follows its comma.
INTRODUCERS: Final = frozenset({
    "in", "on", "at", "during", "after", "before", "when", "while", "as", "with", "since",
    "although", "though", "if", "because", "following", "asked", "responding", "earlier",
    "later", "last", "just", "then", "first", "also", "from", "for", "speaking", "addressing",
    "writing", "like", "unlike", "despite", "instead", "once", "now", "still", "again", "yet",
    "by", "to", "of", "under", "over", "through", "throughout", "within", "without", "among",
    "upon", "amid", "into", "according",
})
OPENING: Final = frozenset({"but", "and", "however", "yet", "still", "meanwhile", "so", "or"})
"""Words that may open a clause before its subject (``But``, ``And``, ``However``)."""
TIME_WORDS: Final = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "night", "morning", "afternoon", "evening", "week", "month",
    "year", "weekend", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "jan.", "feb.", "aug.",
    "sept.", "oct.", "nov.", "dec.",
})
_TIME_LEADS: Final = frozenset({"on", "in", "this", "last", "next", "early", "late", "that"})
_BEFORE_BARE_VERB: Final = frozenset({
    "not", "to", "could", "would", "will", "can", "should", "must", "may", "might", "did",
    "does", "do", "n't", "never",
})
IRREGULAR_PAST: Final = frozenset({
    "wrote", "shot", "spoke", "told", "said", "began", "went", "put", "read", "thought",
    "swore", "bit", "threw", "broke", "sang", "cried", "replied", "shook", "struck",
})
BE_FORMS: Final = frozenset(
    {"is", "are", "was", "were", "am", "be", "been", "'re", "’re"}
) | APOSTROPHE_S
"""Forms of *be* (before a cue in -ing they make the progressive, ``is calling``)."""
FINITE_AUXILIARIES: Final = frozenset({
    "is", "are", "was", "were", "will", "would", "could", "can", "should", "may", "might",
    "must", "has", "have", "had", "does", "did",
})
"""Auxiliaries and forms of *be* and *have* that make a clause finite (``the levy could be
cut``, ``the staff member ... should be fired``): a phrase before one is its subject."""
PERSON_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i"})
"""Subject pronouns that stand for people: a clause's subject, an opinion's holder."""
PARTICLES: Final = frozenset({"back", "out", "up", "again", "aloud", "later"})
ADDRESSEES: Final = frozenset({
    "him", "her", "them", "me", "us", "you", "reporters", "journalists", "lawmakers",
    "supporters", "viewers", "listeners", "readers", "voters", "congress",
})
"""Whom a cue is addressed to, right after it: ``told reporters``, ``warned them``."""
SETTINGS: Final = frozenset({
    "statement", "interview", "conference", "news", "press", "tweet", "twitter", "facebook",
    "speech", "rally", "email", "e-mail", "post", "letter", "briefing", "hearing", "debate",
    "radio", "television", "call", "memo", "release", "op-ed", "video", "appearance",
})
"""Where words are said or written, as an attribution names it: ``in a statement``."""
_PLACE_LINKS: Final = frozenset({"in", "at", "on", "from"})  # "a welder in Ostend"
MAX_INTRO: Final = 20  # tokens of an opening adjunct before its comma
MAX_PARENTHESIS: Final = 6  # tokens inside a parenthesis after a name: "(D-Mo.)", "(R-La.)"
MAX_APPOSITION: Final = 24  # tokens of an apposition between a name and its cue
DASHES: Final = frozenset({"—", "–", "--", "-", "―"})
"""Dash tokens: em and en dashes, two hyphens, a hyphen standing alone and the horizontal
bar."""
ASIDE_MARKS: Final = frozenset({",", "--", "—", "–", "-"})
"""The marks that set a phrase off beside a name (``Hale, the fire chief, said``, ``Hale
-- co-author of a book -- said``): a comma or a dash, not the horizontal bar."""
QUOTE_MARKS: Final = frozenset({'"', "“", "”", "'", "‘", "’", "„", "«", "»", "``", "''"})
"""Quotation mark tokens, straight, curly, guillemets and the doubled ASCII forms."""
UTTERING: Final = frozenset({
    "chant", "chanted", "chanting", "chants", "shout", "shouted", "shouting", "shouts",
    "yell", "yelled", "yelling", "yells", "scream", "screamed", "screaming", "screams",
    "sing", "sang", "sung", "singing", "sings", "cry", "cried", "crying", "cries",
    "exclaim", "exclaimed", "exclaiming", "exclaims", "holler", "hollered", "hollering",
    "mouth", "mouthed", "mouthing", "mouths", "whisper", "whispered", "whispering",
    "whispers", "mutter", "muttered", "muttering", "mutters", "roar", "roared", "roaring",
    "interject", "interjected", "interjecting", "blurt", "blurted", "chorus", "chorused",
})
"""Verbs of uttering aloud: what follows them in quotation marks was said (or sung)
word for word. Written for newslens from the verbs of manner of speaking; a verb,
not a cue of the lexicon, since it attributes only a quotation right after it."""


_ALNUM: Final = re.compile(r"[^\W_]")
"""A letter or a digit: a character for which :meth:`str.isalnum` is true."""


def has_alnum(word: str) -> bool:
    """Whether *word* holds a letter or a digit (``any(ch.isalnum() for ch in word)``, in C)."""
    return word.isalnum() or _ALNUM.search(word) is not None


def _prose_bounds(kinds: Sequence[str | None] | None, lo: int, hi: int) -> tuple[int, int]:
    """``(lo, hi)`` without the tokens with a kind (web text) at either end, unless all have."""
    if kinds is None:
        return lo, hi
    first, end = lo, hi
    while first < end and kinds[first] is not None:
        first += 1
    while end > first and kinds[end - 1] is not None:
        end -= 1
    return (first, end) if first < end else (lo, hi)


class Words:
    """The columns of a document's tokens, and which sentence each token is in.

    A sentence's bounds (``sentences``) leave out the web text at its ends
    (tokens with a :attr:`~newslens.Token.kind`: a handle or URL before it, a tag
    after it), so that no rule reads them as its first or last words; and no
    such token is a word of a speaker's noun phrase (:meth:`could_be_np`).
    """

    __slots__ = (
        "capital",
        "deprel",
        "doc",
        "end",
        "head",
        "kind",
        "lemma",
        "lower",
        "sentence_of",
        "sentences",
        "start",
        "text",
        "upos",
    )

    def __init__(self, doc: Document) -> None:
        tokens = doc.tokens
        self.doc = doc
        self.text: tuple[str, ...] = tokens.column("text")
        self.lower: tuple[str, ...] = tuple(map(str.lower, self.text))
        lemmas = tokens.column("lemma") if tokens.has("lemma") else None
        self.lemma: tuple[str, ...] = self.lower
        if lemmas is not None and all(lemmas):  # every token has its lemma
            # most annotators' lemmas are in lower case already: then they are kept as they
            # are (lower() changes their join only where it changes a lemma: it lowers each
            # character alone but a sigma, which it always changes)
            joined = "".join(lemmas)
            self.lemma = lemmas if joined.lower() == joined else tuple(map(str.lower, lemmas))
        elif lemmas is not None:
            self.lemma = tuple([
                lem.lower() if lem else low for lem, low in zip(lemmas, self.lower, strict=True)
            ])
        self.start: tuple[int, ...] = tokens.column("start")
        self.end: tuple[int, ...] = tokens.column("end")
        self.upos: tuple[str | None, ...] | None = (
            tokens.column("upos") if tokens.has("upos") else None
        )
        self.head: tuple[int | None, ...] | None = (
            tokens.column("head") if tokens.has("head") else None
        )
        self.deprel: tuple[str | None, ...] | None = (
            tokens.column("deprel") if tokens.has("deprel") else None
        )
        kinds = tokens.column("kind") if tokens.has("kind") else None
        self.kind: tuple[str | None, ...] | None = kinds
        self.capital: tuple[bool, ...] = (  # web text ("A1B2C3D4") is no capitalised word
            tuple([t[:1].isupper() for t in self.text]) if kinds is None
            else tuple([
                t[:1].isupper() and k is None for t, k in zip(self.text, kinds, strict=True)
            ])
        )
        bounds = [(s.token_start, s.token_end) for s in doc.sentences]
        self.sentences: list[tuple[int, int]] = bounds if kinds is None else [
            _prose_bounds(kinds, lo, hi)
            if lo < hi and (kinds[lo] is not None or kinds[hi - 1] is not None) else (lo, hi)
            for lo, hi in bounds
        ]
        sentence_of = [0] * len(self.text)
        for n, (lo, hi) in enumerate(bounds):  # web text at its ends too
            sentence_of[lo:hi] = [n] * (hi - lo)
        self.sentence_of: list[int] = sentence_of

    def __len__(self) -> int:
        return len(self.text)

    def token_at(self, offset: int) -> int:
        """Index of the first token that ends after character *offset*."""
        return bisect.bisect_right(self.end, offset)

    def is_punct(self, i: int) -> bool:
        """Whether token *i* is punctuation (no letter or digit in it)."""
        word = self.text[i]  # has_alnum, inlined: a few hundred calls a document
        return not word.isalnum() and _ALNUM.search(word) is None

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """``(first, end)`` token indices of the sentence holding token *i*."""
        return self.sentences[self.sentence_of[i]]

    def could_be_np(self, i: int) -> bool:
        """Whether token *i* can be part of a speaker's noun phrase (never a handle, URL,
        ID or tag: a token with a kind)."""
        if self.kind is not None and self.kind[i] is not None:
            return False
        low = self.lower[i]
        if self.upos is not None and self.upos[i] in _NOT_NP_TAGS and low not in LINKS:
            return low in APOSTROPHE_S
        if low in LINKS:
            return True
        return not self.is_punct(i) or (self.text[i].endswith(".") and len(self.text[i]) > 1)


def skip_back(words: Words, i: int, lo: int) -> int:
    """From token *i* going back, skip auxiliaries, adverbs and web text (``one Twitter
    user @nycsouthpaw said``: a handle is no speaker); return the first other token."""
    kind = words.kind
    while i >= lo and (
        words.lower[i] in BETWEEN or words.lower[i] in _ADVERBS
        or (kind is not None and kind[i] is not None)
        or (words.upos is None and words.lower[i].endswith("ly") and not words.capital[i])
        or (words.upos is not None and words.upos[i] in ("AUX", "ADV"))
    ):
        i -= 1
    return i


def skip_time(words: Words, i: int, lo: int) -> int:
    """From token *i*, skip back over a time adjunct between a speaker and the cue (``Sanders
    on Tuesday said``, ``prosecutors in April charged``, ``Wells Fargo this month announced``);
    return the token before it, else *i*."""
    if i <= lo or words.lower[i] not in TIME_WORDS:
        return i
    k = i - 1
    while k > lo and words.lower[k] in TIME_WORDS:
        k -= 1
    if words.lower[k] in _TIME_LEADS:
        k -= 1
    return k if k >= lo else i


def skip_parenthesis(words: Words, i: int, lo: int) -> int:
    """From token *i*, skip back over a short parenthesis after a name (``Rep. Ann Lee
    (D-Ohio)``, ``Dana Whitfield (pictured)``); return the token before it, else *i*."""
    if i <= lo or words.text[i] != ")":
        return i
    for k in range(i - 1, max(lo, i - MAX_PARENTHESIS) - 1, -1):
        if words.text[k] == "(":
            return k - 1 if k > lo else i
        if words.text[k] in (")", "!", "?") or words.lower[k] in CLAUSE_WORDS:
            return i
    return i


def possessive_mark(words: Words, k: int) -> bool:
    """Whether the apostrophe at token *k* ends a plural's possessive (``Sanders’ campaign``),
    attached to a word in ``s``, not a quotation mark."""
    return (
        words.text[k] in ("'", "’") and k > 0 and words.end[k - 1] == words.start[k]
        and words.lower[k - 1].endswith("s")
        and (k + 1 >= len(words) or words.start[k + 1] > words.end[k])
    )


def speaker_with_apposition(words: Words, cue: int, lo: int) -> tuple[int, int] | None:
    """The name before an apposition set off by commas that ends just before the cue:
    ``Dana Whitfield, the fire chief, said`` / ``Tom Becker, 62, a welder in Ostend, told``.

    Walks back over at most :data:`MAX_APPOSITION` tokens; the name must end right before
    the apposition's first comma and start at *lo* (the caller's bound: the start of the
    sentence, or the token after a closing quotation mark). Returns ``(first, end)`` of the
    name alone, or ``None``.
    """
    j = skip_back(words, skip_parenthesis(words, skip_back(words, cue - 1, lo), lo), lo)
    if j <= lo or words.text[j] != ",":
        return None
    for comma in range(j - 1, max(lo, j - MAX_APPOSITION) - 1, -1):
        text = words.text[comma]
        if text in ("!", "?", ";", ":") or (
            text in QUOTE_MARKS and not possessive_mark(words, comma)
        ) or (text == "." and words.text[comma + 1] != ","):
            return None  # a sentence's end; not the period of "R-Ky.,"
        if text != ",":
            continue
        name = speaker_before(words, comma, lo)
        if name is not None and name[0] == lo and (
            words.capital[name[0]] or words.lower[name[0]] in DETERMINERS
        ) and words.lower[name[0]] not in SUBJECT_PRONOUNS:
            return name
    return None


def sentence_subject(
    words: Words, lo: int, before: int, skip: Sequence[int] = ()
) -> tuple[int, int] | None:
    """The subject of the sentence that starts at token *lo*, looked for before token
    *before*: past an opening adjunct up to its comma (``In a statement on Monday, Dana
    Whitfield said``), and through names in apposition (``her adviser, Jake Sullivan,
    said`` gives the name). Tokens whose *skip* entry is 0 or more (quoted words) and
    opening words (``But``) are passed over first. Returns ``(first, end)`` or ``None``.
    """
    k = lo
    while k < before and (
        words.lower[k] in OPENING or words.is_punct(k) or (skip and skip[k] >= 0)
    ):
        k += 1
    if k >= before:
        return None
    if words.lower[k] in INTRODUCERS or (
        words.lower[k].endswith("ing") and words.capital[k] and words.upos is None
    ) or (words.upos is not None and words.upos[k] in ("ADP", "SCONJ", "VERB", "ADV")):
        comma = next((j for j in range(k + 1, min(before, k + MAX_INTRO)) if words.text[j] == ","),
                     None)
        if comma is None:
            return None
        k = comma + 1
    return _subject_of_chain(words, k, before)


def _subject_of_chain(words: Words, k: int, before: int) -> tuple[int, int] | None:
    """The subject among the phrases between commas that start at token *k*: the last,
    which its verb follows, unless a full name opened the run and what follows it is an
    apposition cut short; the name among them when the run reaches the cue."""
    chain: list[tuple[int, int]] = []
    while k < before and len(chain) < 4:
        phrase = subject_phrase(words, k, before)
        if phrase is None:
            break
        chain.append(phrase)
        if phrase[1] >= before or words.text[phrase[1]] != ",":
            if len(chain) > 1 and _is_full_name(words, *chain[0]) and not (
                words.capital[phrase[0]] and phrase[1] < before and is_verb(words, phrase[1])
            ):  # "Mark Elling, one of the two dissenters, said"; not "in Salem, Ohio, Lee went"
                return chain[0]
            return phrase  # followed by its verb, or by the cue itself
        k = phrase[1] + 1
    # a run of phrases between commas up to the cue: the name among them
    return next((p for p in chain if _is_name(words, *p)), chain[0] if chain else None)


def subject_phrase(words: Words, k: int, before: int) -> tuple[int, int] | None:
    """The noun phrase that starts at *k* as a subject: with tags, as after a cue; without,
    a pronoun, a run of capitalised words (``Sen. Ann Lee``, ``Ann Lee of Ohio``), or a
    phrase with a determiner that runs to a comma or the cue (``her senior adviser,``)."""
    if words.upos is not None or words.lower[k] in SUBJECT_PRONOUNS:
        return speaker_after(words, k, before)
    if words.capital[k] and words.lower[k] not in DETERMINERS:
        return _capitalised_run(words, k, before)
    if words.lower[k] in DETERMINERS:
        return _described(words, k, before)
    return None


def _capitalised_run(words: Words, k: int, before: int) -> tuple[int, int] | None:
    """``Sen. Ann Lee``, ``Ann Lee of Ohio``, ``Harbour economist Ann Lee``, ``Republican
    presidential nominee Ann Lee`` (a role in lower case, with a word before it, between
    capitalised words); ``None`` for a possessive (``Lee's aide``)."""
    j = k
    while j < before and j - k < MAX_SPEAKER and (
        words.capital[j] or (
            words.lower[j] in LINKS and j + 1 < before and words.capital[j + 1]
            and words.lower[j] not in ("'", "’")
        ) or (j > k and words.lower[j] in APOSTROPHE_S and words.capital[j - 1])
        or (j > k and _role_before_name(words, j, before))
    ):
        j += 1
    if words.lower[j - 1] in APOSTROPHE_S:
        return None
    return (k, j)


def _role_before_name(words: Words, j: int, before: int) -> bool:
    """Whether the lower-case word at *j* is a role right before a capitalised word
    (``economist Ann``), or one word before such a role (``presidential nominee Ann``)."""
    known = roles()
    for role in (j, j + 1):
        if role + 1 >= before or words.capital[role] or not words.text[role].isalpha():
            return False
        if words.lower[role] in known and known[words.lower[role]].what in _NAMING_ROLES:
            return words.capital[role + 1]
    return False


_NAMING_ROLES: Final = frozenset({"title", "role", "leader"})




def _described(words: Words, k: int, before: int) -> tuple[int, int] | None:
    """A phrase with a determiner up to a comma, a dash, a verb or *before* (``the fire
    chief``)."""
    end = next(
        (j for j in range(k + 1, min(before, k + MAX_SPEAKER))
         if words.text[j] in ASIDE_MARKS or (
             j > k + 1 and is_verb(words, j) and not (j + 1 < before and is_verb(words, j + 1))
         )),  # "the harbour engineers praised": a plural noun before the verb
        before if before - k <= MAX_SPEAKER else None,
    )
    if end is None or any(
        words.lower[j] in CLAUSE_WORDS and words.lower[j] not in _PLACE_LINKS
        for j in range(k + 1, end)
    ):
        return None
    return (k, end) if end > k + 1 else None


TIME_NOUNS: Final = frozenset({
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "nights",
    "mornings", "evenings", "weekends",
})
"""Plural nouns of time, which end in ``-s`` but are no verbs."""


def is_verb(words: Words, i: int) -> bool:
    """Whether token *i* reads as a finite verb: its tag, or without tags a lower-case word
    in ``-ed``/``-s`` or a common irregular past (``wrote``, ``shot``) that is no
    function word."""
    low = words.lower[i]
    if words.upos is not None:
        return words.upos[i] == "VERB"
    if words.capital[i] or not low.isalpha() or low in CLAUSE_WORDS or low in DETERMINERS:
        return False
    if low in BETWEEN or low in PASSIVE or low in SUBJECT_PRONOUNS or low in LINKS:
        return False
    if low in TIME_NOUNS:
        return False  # "in the late evening hours that": a time, no verb
    return low in IRREGULAR_PAST or low.endswith("ed") or (
        low.endswith("s") and not low.endswith(("ss", "us", "is"))
    )


QUANTIFIERS: Final = frozenset({"most", "several", "many", "some", "few", "both", "all", "others"})
"""Determiners that stand alone as a subject (``Most said``, ``Several told reporters``)."""


def quantifier_subject(words: Words, i: int, lo: int) -> bool:
    """Whether the word before the cue at token *i* is a quantifier standing alone as the
    sentence's subject (``Most said they were "deeply uneasy"``): the quantifier opens the
    sentence or follows a semicolon or a colon, and the cue is a past form (``Some claims``
    stays a noun)."""
    low = words.lower[i]
    return opening_quantifier(words, i - 1, lo) and words.upos is None and (
        low in IRREGULAR_PAST or (low.endswith("ed") and low.isalpha())
    )


def opening_quantifier(
    words: Words, j: int, lo: int, after: frozenset[str] = frozenset()
) -> bool:
    """Whether token *j* is a quantifier (``most``, ``few``...) that opens its sentence
    (which starts at token *lo*): its first word, the first after a semicolon, a colon or
    a comma (``When asked, most said ...``), or the first after one of the words *after*
    that opens the sentence (``But few think ...``)."""
    if j < lo or words.lower[j] not in QUANTIFIERS:
        return False
    return j == lo or words.text[j - 1] in (";", ":", ",") or (
        j - 1 == lo and words.lower[lo] in after
    )


def _is_full_name(words: Words, first: int, end: int) -> bool:
    """Whether tokens ``[first, end)`` are two or more capitalised words, no determiner
    first, not all in capitals (``Mark Elling``, ``Sen. Rand Paul``; not ``Ultimately``,
    ``This week``, a dateline's ``BUENA PARK``)."""
    return end - first >= 2 and all(words.capital[first:end]) and (
        words.lower[first] not in DETERMINERS
    ) and not all(words.text[k].isupper() for k in range(first, end))


def _is_name(words: Words, first: int, end: int) -> bool:
    return any(
        words.capital[k] and words.lower[k].rstrip(".") not in roles() for k in range(first, end)
    ) and words.lower[first] not in SUBJECT_PRONOUNS


_FLOATING: Final = frozenset({"all", "both", "each"})
"""Quantifiers that float after the subject they count (``They both said``)."""


def floating_quantifier(words: Words, k: int, lo: int) -> bool:
    """Whether token *k* is a quantifier floating after its subject (``They both``,
    ``Lee and Hart all``, ``The senators all``): ``all``, ``both`` or ``each`` after a
    subject pronoun or a word of a noun phrase that is no determiner."""
    return k - 1 >= lo and words.lower[k] in _FLOATING and (
        words.lower[k - 1] in SUBJECT_PRONOUNS or (
            words.could_be_np(k - 1) and words.lower[k - 1] not in DETERMINERS
            and not words.is_punct(k - 1) and words.lower[k - 1] not in LINKS
        )
    )


def speaker_before(words: Words, cue: int, lo: int) -> tuple[int, int] | None:
    """The speaker's noun phrase that ends just before the cue at token *cue*.

    Returns ``(first, end)`` token indices, or ``None`` when the words before
    the cue do not name anyone (a clause word, a comma, the sentence start).
    """
    j = skip_back(words, skip_parenthesis(words, skip_back(words, cue - 1, lo), lo), lo)
    if floating_quantifier(words, j, lo):
        j = skip_back(words, j - 1, lo)  # "They both said", "Lee and Hart all suggested"
    if j >= lo and cue < len(words) and words.lower[cue].endswith("ing") and (
        words.lower[j] in BE_FORMS
    ):
        j = skip_back(words, j - 1, lo)  # "is calling", "were chanting": the subject before
    j = skip_back(words, skip_time(words, j, lo), lo)
    j = skip_parenthesis(words, j, lo)  # "Sen. Ann Lee (D-Ohio) on Monday criticized"
    if j < lo:
        return None  # nothing, or a phrase ending in a preposition ("aside from saying")
    if words.lower[j] in SUBJECT_PRONOUNS:
        return (j, j + 1)
    i = j
    while i >= lo and j - i < MAX_SPEAKER and words.could_be_np(i):
        low = words.lower[i]
        passive = low in PASSIVE and low[0] not in "'’"
        if low in CLAUSE_WORDS or low in SUBJECT_PRONOUNS or passive:
            break
        # a determiner starts the phrase unless a linking word comes before it
        if low in DETERMINERS and low != "one" and (i - 1 < lo or words.lower[i - 1] not in LINKS):
            i -= 1
            break
        i -= 1
    first = i + 1
    while first <= j and (words.lower[first] in LINKS or words.is_punct(first)):
        first += 1
    if first > j:
        return None
    antecedent = _antecedent_before(words, cue, lo)
    if antecedent is not None:  # "Engineers who have worked with Ruiz say": it speaks
        return antecedent
    if not _names_someone(words, first, j + 1):
        return None
    return (first, j + 1)


def _antecedent_before(words: Words, cue: int, lo: int) -> tuple[int, int] | None:
    """The antecedent of a relative clause that ends right before the cue at token *cue*
    (:func:`_relative_before`), with a word joined to it by ``and`` or ``or`` and its
    determiner (``Current and former engineers who ...``, ``The mayor and residents who
    ...``); else ``None``."""
    relative = _relative_before(words, cue, lo)
    antecedent = None if relative is None else speaker_before(words, relative, lo)
    if antecedent is None:
        return None
    k = antecedent[0]
    if k - 2 >= lo and words.lower[k - 1] in ("and", "or") and words.text[k - 2].isalpha() and (
        words.lower[k - 2] not in CLAUSE_WORDS and not is_verb(words, k - 2)
    ):
        k -= 2
        k = k - 1 if k - 1 >= lo and words.lower[k - 1] in DETERMINERS else k
    return (k, antecedent[1])


MAX_RELATIVE: Final = 10
"""Words of a relative clause between ``who`` and a cue (``who live near the pier say``)."""


def _relative_before(words: Words, cue: int, lo: int) -> int | None:
    """The ``who`` that opens a relative clause ending right before the cue at token *cue*
    (``Residents who live near the pier said``), with a verb right after it and no
    punctuation or clause word after it, and a phrase before it; else ``None``."""
    for k in range(cue - 2, max(lo, cue - MAX_RELATIVE - 1), -1):
        low = words.lower[k]
        if words.is_punct(k) or (low in CLAUSE_WORDS and low != "who"):
            return None
        if low == "who":  # its next word, in lower case and no determiner, is its verb
            after = words.text[k + 1]
            return k if k - 1 >= lo and after.isalpha() and after.islower() and (
                words.lower[k + 1] not in DETERMINERS
            ) else None
    return None



def speaker_after(words: Words, cue_end: int, hi: int) -> tuple[int, int] | None:
    """The speaker's noun phrase right after a cue (``said Dana Whitfield``), if any."""
    i = cue_end
    if i >= hi:
        return None
    low = words.lower[i]
    if low == "that" or not (
        words.capital[i] or low in DETERMINERS or low in SUBJECT_PRONOUNS or low in roles()
    ):
        return None
    if low in SUBJECT_PRONOUNS:
        return (i, i + 1)
    j = i
    while j < hi and j - i < MAX_SPEAKER and words.could_be_np(j):
        low = words.lower[j]
        if j > i and (
            low in CLAUSE_WORDS or low in BETWEEN or low in PASSIVE
            or (low in DETERMINERS and words.lower[j - 1] not in LINKS)
        ):
            break
        if words.is_punct(j) and not words.text[j].endswith("."):
            break
        j += 1
    while j > i and words.lower[j - 1] in LINKS:
        j -= 1
    if j == i or _only_time(words, i, j) or not _names_someone(words, i, j):
        return None
    return (i, j)


def _only_time(words: Words, first: int, end: int) -> bool:
    """Whether tokens ``[first, end)`` are only determiners and times: only "the" before a
    quotation mark, or ``Tuesday`` in ``said Tuesday``."""
    return all(
        words.lower[k] in DETERMINERS or words.lower[k] in TIME_WORDS for k in range(first, end)
    )


def _names_someone(words: Words, first: int, end: int) -> bool:
    """Whether tokens ``[first, end)`` look like a name, a pronoun or a described person."""
    low = words.lower[first]
    if low in DETERMINERS or low in SUBJECT_PRONOUNS or words.capital[first]:
        return True
    if words.upos is not None:
        return any(words.upos[k] in ("NOUN", "PROPN", "PRON") for k in range(first, end))
    known = roles()
    if any(words.lower[k] in known for k in range(first, end)):
        return True
    last = words.lower[end - 1]  # a short phrase ending in a noun-like word: "city engineers"
    return end - first <= 4 and last.isalpha() and not last.endswith(("ly", "ed", "ing"))



def introduces(words: Words, opening: int) -> bool:
    """Whether the words right before the quotation mark at token *opening* introduce it
    as their verb's object (``a man yelled "Stay there!"``, ``Clinton cracked, "..."``,
    ``protesters marched, chanting "..."``): a verb, a participle or a verb of uttering
    aloud, with at most a comma between (not a plural noun: ``Most of the crews "worked
    through the night," she said``)."""
    k = opening - 1
    if k >= 0 and words.text[k] == ",":
        k -= 1
    if k < 0 or words.capital[k]:
        return False
    low = words.lower[k]
    if low in UTTERING:
        return True
    if is_verb(words, k):  # without tags, a word in -s is a verb only after a pronoun
        return not low.endswith("s") or words.upos is not None or (
            k > 0 and words.lower[k - 1] in SUBJECT_PRONOUNS
        )
    return words.upos is None and low.endswith("ing") and len(low) > 5 and low.isalpha()


def progressive_after_pronoun(words: Words, i: int, lo: int) -> bool:
    """Whether token *i* is a verb in ``-ing`` after a pronoun's ``'s`` (``He's predicting``,
    ``she’s saying``): the progressive, where ``'s`` is *is*, not a possessive."""
    return (
        i - 2 >= lo and words.lower[i].endswith("ing") and words.lower[i - 1] in APOSTROPHE_S
        and words.lower[i - 2] in SUBJECT_PRONOUNS
    )


def described_name(
    words: Words, phrase: tuple[int, int] | None, lo: int
) -> tuple[int, int] | None:
    """The name in two phrases set apart by a comma, the first starting at *lo* and the
    second, *phrase*, ending before a cue: the first when it is a name (``Doug Andres, a
    spokesman for the speaker`` told: an apposition whose closing comma is missing), else the
    second when it is one (``another friend, Ana Ruiz`` told); ``None`` otherwise."""
    if phrase is None or phrase[0] - 1 <= lo or words.text[phrase[0] - 1] != ",":
        return None
    lead = speaker_before(words, phrase[0] - 1, lo)
    if lead is None or lead[0] != lo:
        return None
    first, second = words.lower[lo], words.lower[phrase[0]]
    if words.capital[lo] and first not in DETERMINERS and second in DETERMINERS:
        return lead  # a name, then "a"/"the" description
    if first in DETERMINERS and words.capital[phrase[0]] and second not in DETERMINERS:
        return phrase  # "another friend", then a name
    return None
