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
from typing import Final

from newslens import Document
from newslens_quotes.lexicon import roles

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
})
LINKS: Final = frozenset({"of", "for", "at", "from", "with", "'s", "’s", "'", "’"})
# Forms of "be" that make a cue passive (``he was asked``).
PASSIVE: Final = frozenset({"was", "were", "is", "are", "be", "been", "being", "'s", "’s"})
_NOT_NP_TAGS: Final = frozenset(
    {"VERB", "AUX", "ADV", "SCONJ", "CCONJ", "PUNCT", "INTJ", "SYM", "X", "PART"}
)
MAX_SPEAKER: Final = 9
MAX_PARENTHESIS: Final = 6  # tokens inside a parenthesis after a name: "(D-Mo.)", "(R-La.)"
MAX_APPOSITION: Final = 24  # tokens of an apposition between a name and its cue
_QUOTE_MARKS: Final = frozenset({'"', "“", "”", "'", "‘", "’", "„", "«", "»", "``", "''"})


class Words:
    """The columns of a document's tokens, and which sentence each token is in."""

    __slots__ = (
        "capital",
        "deprel",
        "doc",
        "end",
        "head",
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
        self.lower: tuple[str, ...] = tuple(t.lower() for t in self.text)
        lemmas = tokens.column("lemma") if tokens.has("lemma") else None
        self.lemma: tuple[str, ...] = (
            tuple(lem.lower() if lem else low for lem, low in zip(lemmas, self.lower, strict=True))
            if lemmas is not None else self.lower
        )
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
        self.capital: tuple[bool, ...] = tuple(t[:1].isupper() for t in self.text)
        self.sentences: list[tuple[int, int]] = [
            (s.token_start, s.token_end) for s in doc.sentences
        ]
        sentence_of = [0] * len(self.text)
        for n, (lo, hi) in enumerate(self.sentences):
            sentence_of[lo:hi] = [n] * (hi - lo)
        self.sentence_of: list[int] = sentence_of

    def __len__(self) -> int:
        return len(self.text)

    def token_at(self, offset: int) -> int:
        """Index of the first token that ends after character *offset*."""
        return bisect.bisect_right(self.end, offset)

    def is_punct(self, i: int) -> bool:
        """Whether token *i* is punctuation (no letter or digit in it)."""
        return not any(ch.isalnum() for ch in self.text[i])

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """``(first, end)`` token indices of the sentence holding token *i*."""
        return self.sentences[self.sentence_of[i]]

    def could_be_np(self, i: int) -> bool:
        """Whether token *i* can be part of a speaker's noun phrase."""
        low = self.lower[i]
        if self.upos is not None and self.upos[i] in _NOT_NP_TAGS and low not in LINKS:
            return low in ("'s", "’s")
        if low in LINKS:
            return True
        return not self.is_punct(i) or (self.text[i].endswith(".") and len(self.text[i]) > 1)


def skip_back(words: Words, i: int, lo: int) -> int:
    """From token *i* going back, skip auxiliaries and adverbs; return the first other token."""
    while i >= lo and (
        words.lower[i] in BETWEEN
        or (words.upos is None and words.lower[i].endswith("ly") and not words.capital[i])
        or (words.upos is not None and words.upos[i] in ("AUX", "ADV"))
    ):
        i -= 1
    return i


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
        if text in (".", "!", "?", ";", ":") or text in _QUOTE_MARKS:
            return None
        if text != ",":
            continue
        name = speaker_before(words, comma, lo)
        if name is not None and name[0] == lo and (
            words.capital[name[0]] or words.lower[name[0]] in DETERMINERS
        ) and words.lower[name[0]] not in SUBJECT_PRONOUNS:
            return name
    return None


def speaker_before(words: Words, cue: int, lo: int) -> tuple[int, int] | None:
    """The speaker's noun phrase that ends just before the cue at token *cue*.

    Returns ``(first, end)`` token indices, or ``None`` when the words before
    the cue do not name anyone (a clause word, a comma, the sentence start).
    """
    j = skip_back(words, skip_parenthesis(words, skip_back(words, cue - 1, lo), lo), lo)
    if j < lo:
        return None
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
    if first > j or not _names_someone(words, first, j + 1):
        return None
    return (first, j + 1)


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
    if j == i or all(words.lower[k] in DETERMINERS for k in range(i, j)):
        return None  # nothing, or only "the" before a quotation mark
    if not _names_someone(words, i, j):
        return None
    return (i, j)


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

