"""Canonical speakers: every mention of one person, group or organisation linked to one name.

Mentions are read in text order: the speakers of the quotes, and the names
the annotator found (entities). Each is linked to a cluster:

* a **name** (``"President Vladimir Putin"``, ``"Putin"``, ``"The Post"``) joins the
  most recent cluster with the same surname (last word of the name, titles left
  out) whose other names agree; the cluster keeps the fullest name;
* a **pronoun** (``he``, ``she``) joins the most recently mentioned person whose
  gender does not disagree (``she`` never goes to a ``spokesman``); ``they`` and
  ``we`` the most recent group or organisation;
* a **relative pronoun** that speaks (``Becker, who says``, ``a letter that says``)
  stands for the noun phrase before it (:func:`relative_antecedent`): that phrase is
  linked in its place, so two people each introduced with ``who`` stay two speakers;
* a **description** followed by a name in apposition (``its regional secretary, Samir
  Haddad, said``) is linked as one mention with that name (:func:`apposition_name`);
* a **role** with a definite article (``"the spokeswoman"``) joins the most
  recent cluster described with that word (``"White House spokeswoman Jen
  Psaki"``); any other role (``"US officials"``, ``"a source"``) is a speaker of its own.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from newslens import Entity
from newslens_quotes.lexicon import first_name_gender, is_place, roles
from newslens_quotes.model import Speaker, TextSpan, most_quoted_first
from newslens_quotes.words import CLAUSE_WORDS, DETERMINERS, Words, is_verb

_ORGANISATION: Final = frozenset({
    "news", "post", "times", "journal", "party", "department", "house", "committee",
    "campaign", "agency", "ministry", "office", "university", "institute", "association",
    "council", "court", "congress", "senate", "police", "network", "tribune", "herald", "press",
    "reuters", "cnn", "msnbc", "nbc", "abc", "cbs", "fox", "ap", "afp", "bbc", "inc", "inc.",
    "corp", "corp.", "company", "group", "foundation", "center", "centre", "commission",
    "administration", "government", "organization", "organisation", "union", "bank", "fund",
    "board", "service", "magazine", "review", "daily", "street", "club", "coalition",
    "republicans", "democrats", "gop", "state", "states", "nations", "kremlin", "pentagon",
})
_PERSON_LABELS: Final = frozenset({"PERSON", "PER"})
_TITLES: Final = frozenset({"title", "leader"})  # roles.tsv: words that tell a person
SPEAKER_REACH: Final = 5
"""How many sentences back a pronoun may go to the last person who spoke (see
:meth:`Linker._salient`)."""
_ORGANISATION_LABELS: Final = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC"})
_GENDER: Final = {"he": "m", "him": "m", "she": "f", "her": "f"}
_POSSESSIVE: Final = ("'s", "’s", "'", "’")
_POSSESSIVE_SET: Final = frozenset(_POSSESSIVE)
RELATIVE_PRONOUNS: Final = frozenset({"who", "whom", "which", "that"})
"""Relative pronouns that a rule may give as a speaker (PolNeAR marks them as the source)."""
_MAX_ANTECEDENT: Final = 5  # words of a described antecedent (``the new harbour master``)
_READ_CACHE: Final = 4096  # mentions whose reading (``_read``) is kept


def is_relative(words: Words, first: int, end: int) -> bool:
    """Whether the speaker ``[first, end)`` is a relative pronoun (``who``, ``that``)."""
    return end - first == 1 and words.lower[first] in RELATIVE_PRONOUNS


def relative_antecedent(words: Words, first: int, end: int) -> tuple[int, int] | None:
    """The noun phrase that the speaker ``[first, end)`` stands for when it is a relative
    pronoun (:func:`is_relative`): the words right before it (past a comma) back to a
    determiner, punctuation, a verb or a clause word, within its sentence (``Later Lee
    met Okafor, who said`` gives ``Okafor``; ``the harbour master, who said`` gives ``the
    harbour master``).
    ``None`` when the speaker is no relative pronoun or nothing names a speaker before it.
    """
    if not is_relative(words, first, end):
        return None
    lo = words.sentence_bounds(first)[0]
    k = first - 1
    if k >= lo and words.text[k] == ",":
        k -= 1
    if k < lo or words.is_punct(k) or words.lower[k] in CLAUSE_WORDS:
        return None
    j = k
    while j > lo and k - j < _MAX_ANTECEDENT - 1 and words.lower[j] not in DETERMINERS:
        low = words.lower[j - 1]
        if words.is_punct(j - 1) or low in CLAUSE_WORDS or (
            low not in DETERMINERS and is_verb(words, j - 1)
        ):
            break
        j -= 1
    return (j, k + 1)


_APPOSITION_ENDS: Final = frozenset({",", ".", ";", "!", "?"})


def apposition_name(
    words: Words, first: int, end: int, names: dict[int, int]
) -> tuple[int, int] | None:
    """The speaker ``[first, end)`` widened over a name in apposition right after it, when
    the speaker itself names nobody: ``its regional secretary, Samir Haddad, said`` is
    linked as ``its regional secretary, Samir Haddad`` (the name and the role), so that
    ``Haddad`` and ``he`` later in the article join it. *names* maps the first token of
    each name the annotator found to its end. ``None`` when no name between commas (or
    before the sentence's end) follows, or when the speaker is a pronoun or ends in a
    capitalised word (a name, perhaps one the title lexicon takes for a title).
    """
    stop = names.get(end + 1)
    if stop is None or words.text[end] != "," or (
        stop < len(words) and words.text[stop] not in _APPOSITION_ENDS
    ) or not all(words.capital[end + 1:stop]):  # not "Michael Brown of Washington"
        return None
    name, pronoun = _read(words.text[first:end])[:2]
    if name or pronoun is not None or words.capital[end - 1] or (
        words.lower[first] in RELATIVE_PRONOUNS
    ):
        return None  # a name already, though a title ends it ("Rep. Peter T. King, New York")
    return (first, stop)


@attrs.define
class Mention:
    """One span that names or refers to someone, and what it tells about them."""

    start: int
    end: int
    text: str
    name: tuple[str, ...] = ()
    pronoun: str | None = None
    roles: tuple[str, ...] = ()
    gender: str | None = None
    plural: bool = False
    label: str | None = None
    definite: bool = False
    speaks: bool = False
    sentence: int = -1  # the index of its sentence (-1: not known)
    subject: bool = False  # it is in its sentence's subject (worked out only where a
    # pronoun speaker's sentence, or the one before it, is: see Linker._salient)


def describe(words: Words, first: int, end: int, label: str | None = None) -> Mention:
    """Read the mention made of tokens ``[first, end)``: its name, pronoun, roles, gender."""
    start, stop = words.start[first], words.end[end - 1]
    name, pronoun, known, gender, plural, definite = _read(words.text[first:end])
    return Mention(
        start, stop, words.doc.text[start:stop], name, pronoun, known, gender, plural, label,
        definite,
    )


@functools.lru_cache(maxsize=_READ_CACHE)
def _read(
    texts: tuple[str, ...]
) -> tuple[tuple[str, ...], str | None, tuple[str, ...], str | None, bool, bool]:
    """What the words *texts* of a mention tell: ``(name, pronoun, roles, gender, plural,
    definite)`` (see :class:`Mention`); kept for the words met last, as names recur."""
    lowers = tuple([t.lower() for t in texts])
    if len(lowers) == 1 and lowers[0] in ("he", "she", "they", "we", "i", "it"):
        return (), lowers[0], (), _GENDER.get(lowers[0]), lowers[0] in ("they", "we"), False
    known = roles()
    found = tuple([w for w in [x.rstrip(".") for x in lowers] if w in known])
    gender = None
    if found:
        genders = {known[w].gender for w in found} - {None}
        gender = genders.pop() if len(genders) == 1 else None
    name = _name(texts, lowers)
    if gender is None and len(name) >= 2:  # "Hillary Clinton", not "Clinton" or "Jordan"
        gender = first_name_gender(name[0])
    definite = lowers[0] in DETERMINERS or not _POSSESSIVE_SET.isdisjoint(lowers)
    head = lowers[-1]
    plural = not name and head.endswith("s") and not head.endswith("ss")
    return name, None, found, gender, plural, definite


_WEEKDAYS: Final = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})


def _name(texts: Sequence[str], lowers: Sequence[str]) -> tuple[str, ...]:
    """The trailing run of capitalised words that are not titles (``Vladimir Putin``)."""
    known = roles()
    k = len(texts)
    while k > 0 and (texts[k - 1] in _POSSESSIVE or lowers[k - 1] in _WEEKDAYS):
        k -= 1  # "Fort Pierce, Florida Friday": the day is no part of a name
    end = k
    while k > 0:
        word, low = texts[k - 1], lowers[k - 1].rstrip(".")
        if not word[:1].isupper() or low in DETERMINERS or (
            low in known and (known[low].what != "role" or k == 1)
        ):
            break
        k -= 1
    return tuple(texts[k:end])


@attrs.define
class Cluster:
    """Mentions linked to one speaker, as they are gathered."""

    mentions: list[Mention]
    name: tuple[str, ...] = ()
    gender: str | None = None
    kind: str = "unknown"
    last: int = 0
    quotes: list[int] = attrs.Factory(list)
    known: bool = False  # a speaker, or titled, or tagged as a person: a pronoun may refer to it

    def title(self) -> str | None:
        """The canonical name: the fullest name, else the words of the first described mention."""
        if self.name:
            return " ".join(self.name)
        for mention in self.mentions:
            if mention.pronoun is None:
                return mention.text
        return None


_SERVING: Final = re.compile(r"\s+(?:for|of|at|with|to)\s+", re.IGNORECASE)


def _serves(text: str) -> bool:
    """Whether a description names a person who serves something: a title before ``for``,
    ``of``, ``at``... (``a spokeswoman for the transport ministry``), not the body itself
    (``the ministry of transport``)."""
    head = _SERVING.split(text, maxsplit=1)
    if len(head) < 2:
        return False
    known = roles()
    return any(
        known[w].what in _TITLES for w in (x.rstrip(".") for x in head[0].lower().split())
        if w in known
    )


def _kind(mention: Mention) -> str:
    if mention.label in _PERSON_LABELS or mention.gender or mention.pronoun in ("he", "she", "i"):
        return "person"
    if mention.name and is_place(" ".join(mention.name)):
        return "organisation"  # "North Korea said": a government, like an organisation
    if len(mention.name) >= 2 and any(roles()[r].what in _TITLES for r in mention.roles) and (
        _ORGANISATION.isdisjoint([w.lower() for w in mention.name])
    ):  # a title before a full name: "Board chair Dolores Whitaker", not "House Intelligence
        return "person"  # Committee"
    if not mention.name and _serves(mention.text):
        return "person"  # "a spokeswoman for the ministry", "the director of the agency"
    if mention.label in _ORGANISATION_LABELS or not (
        _ORGANISATION.isdisjoint(mention.text.lower().split())
        and _ORGANISATION.isdisjoint(mention.roles)
    ):
        return "organisation"
    if mention.plural:
        return "group"
    if len(mention.name) >= 2 or any(roles()[r].what != "modifier" for r in mention.roles):
        return "person"  # not "Republican" or "National" alone
    return "unknown"


class Linker:
    """Links mentions, in text order, to clusters."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        # indexes kept as mentions join, so that a mention does not scan every cluster
        self._position: dict[int, int] = {}  # id(cluster) -> its index in clusters
        self._by_last: dict[str, list[int]] = {}  # _last_key of a cluster's name -> clusters
        self._by_words: dict[str, int] = {}  # a described mention's words -> first cluster

    def add(self, mention: Mention) -> Cluster | None:
        """Link *mention* to a cluster (a new one when it matches none) and return it."""
        if mention.pronoun is not None:
            cluster = self._antecedent(mention)
        elif mention.name:
            cluster = self._named(mention)
        else:
            cluster = self._described(mention)
        if cluster is None and mention.pronoun is not None:
            return None
        if cluster is None:
            kind = _kind(mention)
            cluster = Cluster([], kind=kind)
            self._position[id(cluster)] = len(self.clusters)
            self.clusters.append(cluster)
        else:  # only a cluster of no kind yet or of a group takes the mention's (see _join)
            kind = _kind(mention) if cluster.kind in ("unknown", "group") else cluster.kind
        self._join(cluster, mention, kind)
        return cluster

    def _join(self, cluster: Cluster, mention: Mention, kind: str) -> None:
        cluster.mentions.append(mention)
        if mention.start > cluster.last:
            cluster.last = mention.start
        position = self._position[id(cluster)]
        if mention.pronoun is None:
            key = mention.text.lower()
            if self._by_words.get(key, position) >= position:
                self._by_words[key] = position
        if len(mention.name) > len(cluster.name):
            last = _last_key(cluster.name) if cluster.name else ""
            new = _last_key(mention.name)
            if cluster.name and last != new:
                self._by_last[last].remove(position)
            if not cluster.name or last != new:
                self._by_last.setdefault(new, []).append(position)
            cluster.name = mention.name
        if cluster.gender is None and mention.gender is not None:
            cluster.gender = mention.gender
        if not cluster.known and (
            mention.speaks or mention.gender or mention.label in _PERSON_LABELS
            or any(roles()[r].what in _TITLES for r in mention.roles)
        ):
            cluster.known = True
        if (cluster.kind in ("unknown", "group") and kind == "person") or cluster.kind == "unknown":
            cluster.kind = kind

    def _named(self, mention: Mention) -> Cluster | None:
        name = mention.name
        best: Cluster | None = None
        best_position = -1
        for position in self._by_last.get(_last_key(name), ()):  # _same_name: same last word
            cluster = self.clusters[position]
            if _same_name(name, cluster.name) and (
                best is None or cluster.last > best.last
                or (cluster.last == best.last and position < best_position)
            ):
                best, best_position = cluster, position
        return best

    def _described(self, mention: Mention) -> Cluster | None:
        if not mention.definite or mention.plural:
            return self._same_words(mention)
        head = mention.roles[-1] if mention.roles else None
        if head is None:
            return self._same_words(mention)
        best: Cluster | None = None
        for cluster in self.clusters:
            if any(head in m.roles for m in cluster.mentions) and (
                best is None or cluster.last > best.last
            ):
                best = cluster
        if best is None and any(roles()[r].what == "leader" for r in mention.roles):
            best = self._latest(mention.start, ("person",), None)
        return best or self._same_words(mention)

    def _same_words(self, mention: Mention) -> Cluster | None:
        position = self._by_words.get(mention.text.lower())
        return None if position is None else self.clusters[position]

    def _antecedent(self, mention: Mention) -> Cluster | None:
        wanted = ("group", "organisation") if mention.plural else ("person",)
        if mention.pronoun == "it":
            wanted = ("organisation",)
        best = (self._salient(mention) if wanted == ("person",) else None) or self._latest(
            mention.start, wanted, mention.gender
        )
        if best is not None and best.gender is None and mention.gender is not None:
            best.gender = mention.gender
        return best

    def _salient(self, mention: Mention) -> Cluster | None:
        """For ``he``, ``she`` or ``I``: the person the news convention puts forward, when
        one is: the subject of the pronoun's sentence before it, else of the sentence
        before; else the person who spoke last within :data:`SPEAKER_REACH` sentences
        (``Lynch ... said. Clinton, she said, ...``). ``None`` when the mentions' sentences
        are not known or no such person agrees with the pronoun."""
        here = mention.sentence
        if here < 0:
            return None
        found: dict[int, tuple[int, Cluster]] = {}  # rule -> (offset, cluster), the latest
        for cluster in self.clusters:
            if cluster.kind != "person" or not cluster.known or cluster.last >= mention.start:
                continue
            if mention.gender and cluster.gender and mention.gender != cluster.gender:
                continue
            for m in cluster.mentions:
                if m.start >= mention.start or m.sentence < 0:
                    continue
                rule = 0 if m.subject and m.sentence == here else (
                    1 if m.subject and m.sentence == here - 1 else (
                        2 if m.speaks and here - m.sentence <= SPEAKER_REACH else 3))
                if rule < 3 and m.start > found.get(rule, (-1, cluster))[0]:
                    found[rule] = (m.start, cluster)
        return found[min(found)][1] if found else None

    def _latest(self, before: int, wanted: tuple[str, ...], gender: str | None) -> Cluster | None:
        """The known cluster of a *wanted* kind mentioned last before offset *before*,
        whose gender does not disagree with *gender*."""
        best: Cluster | None = None
        for cluster in self.clusters:
            if cluster.kind not in wanted or cluster.last >= before or not cluster.known:
                continue
            if gender and cluster.gender and gender != cluster.gender:
                continue
            if best is None or cluster.last > best.last:
                best = cluster
        return best


def _last_key(name: tuple[str, ...]) -> str:
    """The key of a name's last word in :class:`Linker`'s index: case set aside (a
    transcript's ``PENCE`` is ``Pence``)."""
    return name[-1].casefold()


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names can be one person's: same last word, and the shorter fits the
    longer (case set aside: a transcript's ``PENCE`` is ``Mike Pence``)."""
    if a == b:
        return True  # most often: the same name again ("Ruiz" ... "Ruiz")
    a, b = tuple(map(str.casefold, a)), tuple(map(str.casefold, b))
    if a[-1] != b[-1]:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[len(long) - len(short):] == short or short[0] == long[0]


def entity_mentions(words: Words, entities: Iterable[Entity]) -> list[tuple[int, int, str]]:
    """Token ranges ``(first, end, label)`` of the document's entities."""
    found = []
    starts, ends = words.start, words.end
    for entity in entities:
        first = bisect.bisect_right(ends, entity.start)  # words.token_at
        end = bisect.bisect_left(starts, entity.end, first)  # the first token after it
        if end > first:
            found.append((first, end, entity.label))
    return found


def speaker_of(cluster: Cluster | None, index: int) -> str | None:
    """Record quote *index* for *cluster* and return the cluster's name."""
    if cluster is None:
        return None
    cluster.quotes.append(index)
    return cluster.title()


def as_speakers(clusters: Iterable[Cluster]) -> tuple[tuple[Speaker, ...], tuple[Speaker, ...]]:
    """``(speakers, clusters)`` of :class:`~newslens_quotes.model.QuoteResult`."""
    made: list[Speaker] = []
    for cluster in clusters:
        title = cluster.title()
        if title is None:
            continue
        mentions = tuple([TextSpan(m.start, m.end, m.text) for m in cluster.mentions])
        made.append(Speaker(title, mentions, tuple(cluster.quotes), cluster.kind))
    return most_quoted_first(made), tuple(made)
