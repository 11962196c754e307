"""The plugin's lexical data: opposites, negative implicatives, denials, nominalisations.

Four tables in ``data/`` (see :data:`LEXICON_SOURCES` for where each comes from
and its licence):

* ``antonyms.tsv``: WordNet 3.0's direct antonyms (``rise``/``fall``,
  ``guilty``/``innocent``), less the senses listed in ``antonym_stoplist.tsv``;
* ``opposites.tsv``: opposing predicates as news uses them (``rise``/``plunge``,
  ``confirm``/``deny``), negative implicative verbs (``refuse``, ``fail``) and
  verbs of denial (``deny``, ``dispute``), written for newslens;
* ``derivations.tsv``: nouns and the verbs they come from (``invasion``:
  ``invade``), from WordNet's derivationally related forms.

Every function takes lemmas in any case and answers for the exact lemma (no
stemming: ``agreements`` is not ``agreement``). Each table is read once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Final

POS: Final = ("n", "v", "a", "r")
"""WordNet's parts of speech: noun, verb, adjective (satellites included), adverb."""

CATEGORIES: Final = ("antonym", "negative", "denial")
"""The categories of ``opposites.tsv`` (its header explains each)."""

FRAMES: Final = ("to", "ing", "that", "np", "from")
"""The complements a negative or denial verb takes: to-infinitive, gerund,
that-clause, noun phrase, ``from`` + gerund or noun."""

LEXICON_SOURCES: Final[dict[str, str]] = {
    "antonyms.tsv": (
        "Direct antonyms (lexical '!' pointers) of WordNet 3.0, Princeton University, "
        "less antonym_stoplist.tsv; built by scripts/build_antonyms.py from the WordNet "
        "database files. WordNet 3.0 licence (data/WORDNET-LICENSE)."
    ),
    "derivations.tsv": (
        "Noun-verb derivationally related forms (lexical '+' pointers) of WordNet 3.0, "
        "Princeton University; built by scripts/build_antonyms.py. WordNet 3.0 licence "
        "(data/WORDNET-LICENSE)."
    ),
    "opposites.tsv": (
        "Opposing predicates of news, negative implicative verbs and verbs of denial, "
        "written for newslens. MIT licence, like the project."
    ),
    "antonym_stoplist.tsv": (
        "WordNet antonym pairs left out of antonyms.tsv, each with its reason; written for "
        "newslens, read by scripts/build_antonyms.py only. MIT licence, like the project."
    ),
    "WORDNET-LICENSE": (
        "The WordNet 3.0 licence, from the copyright file of Debian's wordnet-base package; "
        "applies to antonyms.tsv and derivations.tsv."
    ),
}
"""Each file of ``newslens_contradictions/data``: what it holds, where from, its licence."""

_UPOS: Final = {
    "NOUN": "n",
    "PROPN": "n",
    "VERB": "v",
    "AUX": "v",
    "ADJ": "a",
    "ADV": "r",
    "s": "a",
}


def _rows(name: str, columns: int, *, header: bool) -> Iterator[list[str]]:
    """Yield the rows of a data file, checking that each has ``columns`` fields.

    Comment lines (``#``) and blank lines are skipped, and so is the first other
    line when the file has a ``header`` line naming its columns.

    Raises:
        ValueError: naming the file and line of a row with the wrong number of
            fields or an empty, padded or upper-case field.
    """
    text = resources.files("newslens_contradictions").joinpath("data", name).read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    del rows[: 1 if header else 0]
    table = [row.split("\t") for row in rows]
    if _plain("\t".join(rows)) and all(
        len(fields) == columns and "" not in fields for fields in table
    ):  # every field non-empty, lower case, without spaces or padding: checked at once
        yield from table
        return
    seen_header = not header  # else each line is checked, to name the first one at fault
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not seen_header:
            seen_header = True
            continue
        fields = line.split("\t")
        if len(fields) != columns or any(
            not f or f != f.strip() or f != f.lower() or " " in f for f in fields
        ):
            raise ValueError(f"{name}:{number}: expected {columns} lower-case fields: {line!r}")
        yield fields


def _plain(line: str) -> bool:
    """Whether every tab-separated field of *line* is lower case and holds no white space.

    A line of printable characters (tabs aside) holds no white space but the ASCII
    space (every other space character is unprintable), and a line equal to its lower
    case has its fields equal to theirs: one test of the line (or of a whole table, its
    rows joined by tabs) for the checks :func:`_rows` makes of each field.
    """
    return " " not in line and line == line.lower() and line.replace("\t", "").isprintable()


def _pos(pos: str) -> str:
    key = _UPOS.get(pos, pos)
    if key not in POS:
        raise ValueError(f"unknown part of speech {pos!r}; use one of {POS} or a UD tag")
    return key


@functools.cache
def _wordnet() -> Mapping[str, Mapping[str, frozenset[str]]]:
    """Return WordNet's antonyms by part of speech, then lemma."""
    table: dict[str, dict[str, set[str]]] = {pos: {} for pos in POS}
    for pos, lemma, antonym in _rows("antonyms.tsv", 3, header=False):
        if pos not in POS:
            raise ValueError(f"antonyms.tsv: unknown part of speech {pos!r}")
        table[pos].setdefault(lemma, set()).add(antonym)
    return {
        pos: {lemma: frozenset(words) for lemma, words in by_lemma.items()}
        for pos, by_lemma in table.items()
    }


@functools.cache
def _opposites() -> tuple[Mapping[str, frozenset[str]], Mapping[tuple[str, str], frozenset[str]]]:
    """Return the ``antonym`` pairs of ``opposites.tsv`` (both directions) and the
    complements of each ``(lemma, category)`` of the other categories."""
    pairs: dict[str, set[str]] = {}
    frames: dict[tuple[str, str], frozenset[str]] = {}
    for lemma, opposite_, category, frame in _rows("opposites.tsv", 4, header=True):
        if category not in CATEGORIES:
            raise ValueError(f"opposites.tsv: unknown category {category!r} of {lemma!r}")
        if category == "antonym":
            if opposite_ == "-" or frame != "-" or opposite_ == lemma:
                raise ValueError(f"opposites.tsv: bad antonym line for {lemma!r}")
            pairs.setdefault(lemma, set()).add(opposite_)
            pairs.setdefault(opposite_, set()).add(lemma)
            continue
        kinds = frozenset(frame.split(","))
        if not kinds <= set(FRAMES) or (lemma, category) in frames:
            raise ValueError(f"opposites.tsv: bad or repeated {category} line for {lemma!r}")
        frames[lemma, category] = kinds
    return {lemma: frozenset(words) for lemma, words in pairs.items()}, frames


@functools.cache
def _derivations() -> Mapping[str, tuple[str, ...]]:
    """Return each noun's verbs, best first, from ``derivations.tsv``."""
    verbs: dict[str, list[str]] = {}
    for noun, verb in _rows("derivations.tsv", 2, header=False):
        verbs.setdefault(noun, []).append(verb)
    return {noun: tuple(found) for noun, found in verbs.items()}


def wordnet_antonyms(lemma: str, pos: str | None = None) -> frozenset[str]:
    """Return WordNet's direct antonyms of a lemma (stoplist applied).

    Args:
        lemma: The lemma, any case.
        pos: ``n``, ``v``, ``a``, ``r`` (or ``s``, or a UD tag such as ``VERB``);
            ``None`` for every part of speech.

    Returns:
        The antonyms, lower case; empty when there are none.

    Raises:
        ValueError: When ``pos`` is not a part of speech.

    Example:
        >>> sorted(wordnet_antonyms("Win", "v"))
        ['lose']
    """
    key = lemma.lower()
    tables = _wordnet()
    parts = POS if pos is None else (_pos(pos),)
    return frozenset().union(*(tables[p].get(key, frozenset()) for p in parts))


def newslens_antonyms(lemma: str) -> frozenset[str]:
    """Return the ``antonym`` opposites of a lemma in ``opposites.tsv``, in both directions.

    Args:
        lemma: The lemma, any case.

    Returns:
        The opposites, lower case; empty when there are none.

    Example:
        >>> sorted(newslens_antonyms("confirm"))
        ['contradict', 'deny', 'dispute', 'refute']
    """
    return _opposites()[0].get(lemma.lower(), frozenset())


def antonyms(lemma: str, pos: str | None = None) -> frozenset[str]:
    """Return every opposite of a lemma: WordNet's direct antonyms and ours.

    The relation is symmetric: ``b in antonyms(a)`` exactly when
    ``a in antonyms(b)`` (for the same ``pos``). The opposites of
    ``opposites.tsv`` carry no part of speech and are returned for every ``pos``.

    Args:
        lemma: The lemma, any case.
        pos: ``n``, ``v``, ``a``, ``r`` (or ``s``, or a UD tag such as ``VERB``);
            ``None`` for every part of speech.

    Returns:
        The opposites, lower case; empty when there are none.

    Raises:
        ValueError: When ``pos`` is not a part of speech.

    Example:
        >>> sorted(antonyms("rise", "v"))[:4]
        ['decline', 'dip', 'drop', 'fall']
    """
    return wordnet_antonyms(lemma, pos) | newslens_antonyms(lemma)


def opposite(a: str, b: str) -> str | None:
    """Tell whether two lemmas are opposites, and on whose word.

    Args:
        a: A lemma, any case.
        b: Another lemma, any case.

    Returns:
        ``"wordnet"`` when WordNet lists them as direct antonyms (in any part of
        speech), else ``"newslens"`` when ``opposites.tsv`` does, else ``None``.

    Example:
        >>> opposite("Agreement", "disagreement"), opposite("rise", "plunge")
        ('wordnet', 'newslens')
        >>> opposite("rise", "increase") is None
        True
    """
    b = b.lower()
    if b in wordnet_antonyms(a):
        return "wordnet"
    if b in newslens_antonyms(a):
        return "newslens"
    return None


def antonym_pairs() -> frozenset[tuple[str, str]]:
    """Return every ``(lemma, opposite)`` pair the lexicon knows, in both directions.

    Returns:
        The pairs of :func:`antonyms` over all lemmas and parts of speech.
    """
    pairs = {
        (lemma, other)
        for by_lemma in _wordnet().values()
        for lemma, others in by_lemma.items()
        for other in others
    }
    pairs.update((lemma, other) for lemma, others in _opposites()[0].items() for other in others)
    return frozenset(pairs)


def complement_frames(lemma: str, category: str) -> frozenset[str]:
    """Return the complements through which a negative or denial verb works.

    Args:
        lemma: The verb's lemma, any case.
        category: ``"negative"`` or ``"denial"``.

    Returns:
        A subset of :data:`FRAMES`; empty when the verb is not in that category.

    Example:
        >>> sorted(complement_frames("refuse", "negative"))
        ['np', 'to']
    """
    return _opposites()[1].get((lemma.lower(), category), frozenset())


@functools.cache
def lemmas_of(category: str) -> frozenset[str]:
    """Return every lemma ``opposites.tsv`` lists under a category of complements.

    The sets behind :func:`is_denial` (``"denial"``) and :func:`is_negative_implicative`
    (``"negative"``), for callers that test many words.

    Args:
        category: One of :data:`CATEGORIES` other than ``antonym``.

    Returns:
        The lemmas, lower case.

    Example:
        >>> "deny" in lemmas_of("denial"), "say" in lemmas_of("denial")
        (True, False)
    """
    return frozenset(
        lemma for (lemma, listed), frames in _opposites()[1].items()
        if listed == category and frames
    )


@functools.cache
def antonym_table() -> Mapping[str, frozenset[str]]:
    """Return :func:`antonyms` (every part of speech) of each lemma of
    :func:`antonym_lemmas`, made once from the tables (lower-case keys)."""
    table: dict[str, frozenset[str]] = {}
    for by_lemma in (*_wordnet().values(), _opposites()[0]):
        for lemma, words in by_lemma.items():
            found = table.get(lemma)
            table[lemma] = words if found is None else found | words
    return table


@functools.cache
def antonym_lemmas() -> frozenset[str]:
    """Return every lemma with an opposite, WordNet's or ours (lower case): the lemmas
    for which :func:`antonyms` is not empty."""
    return frozenset(_opposites()[0]).union(*_wordnet().values())


def is_negative_implicative(lemma: str) -> bool:
    """Tell whether a verb says its complement did not happen.

    ``X refused to sign`` means X did not sign; so do ``failed to``,
    ``declined to``, ``avoided signing``, ``missed the deadline``.

    Args:
        lemma: The verb's lemma, any case.

    Returns:
        Whether ``opposites.tsv`` lists it as ``negative``.

    Example:
        >>> is_negative_implicative("Refuse"), is_negative_implicative("agree")
        (True, False)
    """
    return bool(complement_frames(lemma, "negative"))


def is_denial(lemma: str) -> bool:
    """Tell whether a reporting verb denies its complement.

    ``X denied invading Y``: X says X did not invade Y (which makes the
    invasion disputed, not false).

    Args:
        lemma: The verb's lemma, any case.

    Returns:
        Whether ``opposites.tsv`` lists it as ``denial``.

    Example:
        >>> is_denial("dispute"), is_denial("say")
        (True, False)
    """
    return bool(complement_frames(lemma, "denial"))


def nominal_verbs(lemma: str) -> tuple[str, ...]:
    """Return the verbs WordNet relates to a noun, best first.

    Args:
        lemma: The noun's lemma, any case.

    Returns:
        The verbs (see :func:`nominal_verb` for the order); empty for a word that
        is not such a noun.
    """
    return _derivations().get(lemma.lower(), ())


def nominal_verb(lemma: str) -> str | None:
    """Return the verb a nominalisation comes from.

    From WordNet's derivationally related forms: ``agreement`` gives ``agree``,
    ``invasion`` ``invade``, ``death`` ``die``, and a noun that is also the verb
    gives itself (``attack``, ``increase``). When several verbs are related, the
    one sharing the longest beginning with the noun wins, then the shortest.

    Args:
        lemma: The noun's lemma, any case.

    Returns:
        The verb, or ``None`` when WordNet relates no single-word verb to it.

    Example:
        >>> nominal_verb("Invasion"), nominal_verb("refusal"), nominal_verb("death")
        ('invade', 'refuse', 'die')
    """
    verbs = nominal_verbs(lemma)
    return verbs[0] if verbs else None
