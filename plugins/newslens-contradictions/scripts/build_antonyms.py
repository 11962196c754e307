"""Build the WordNet-derived tables of ``newslens_contradictions/data``.

Reads the WordNet 3.0 database files (``data.noun``, ``data.verb``,
``data.adj``, ``data.adv``; on Debian and Ubuntu the ``wordnet-base`` package
puts them in ``/usr/share/wordnet``) and writes:

``antonyms.tsv``
    The direct antonyms of WordNet: the lexical ``!`` pointers, which join one
    word of a synset to one word of another (not the whole synsets), as lines
    ``pos<TAB>lemma<TAB>antonym`` with ``pos`` one of ``n v a r`` (satellite
    adjectives count as ``a``). Lower case, single words only (lemmas written
    with ``_`` are left out), each pair in both directions, sorted, without
    duplicates. Pairs listed in ``antonym_stoplist.tsv`` (beside the output) are
    left out: WordNet senses that would make a contradiction detector fire on
    ordinary news sentences.

``derivations.tsv``
    Nouns and the verbs they are derived from or share a root with, from the
    lexical ``+`` pointers (derivationally related forms) between a noun and a
    verb, as lines ``noun<TAB>verb``, counting only the senses of the noun that
    name an act, event, state or the like (see ``EVENT_NOUNS``), not a person,
    group or thing. Single words, lower case. When some of a
    noun's verbs share its first three letters, only those are kept
    (``agreement`` keeps ``agree``; ``death`` has none and keeps ``die``). A
    noun's verbs are listed best first: longest shared beginning, then shortest
    verb, then alphabetical; nouns are sorted.

The parser follows wndb(5): a data line is ``synset_offset lex_filenum
ss_type w_cnt word lex_id [word lex_id ...] p_cnt [ptr ...] [frames ...] |
gloss`` with ``w_cnt`` two hexadecimal digits and ``p_cnt`` three decimal
digits; a pointer is ``symbol offset pos source/target``, the last four
hexadecimal digits, two for the source word number and two for the target's
(``0000`` for a pointer between whole synsets). Lines starting with two spaces
are the licence header of the file.

Run from the repository root (the output is reproducible)::

    .venv/bin/python plugins/newslens-contradictions/scripts/build_antonyms.py

Options: ``--wordnet DIR`` (default ``/usr/share/wordnet``), ``--out DIR``
(default: the package's ``data`` directory), ``--stoplist FILE`` (default
``antonym_stoplist.tsv`` in the package's ``data`` directory).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DATA = Path(__file__).resolve().parents[1] / "src" / "newslens_contradictions" / "data"
FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}
COMMAND = "python plugins/newslens-contradictions/scripts/build_antonyms.py"
# The lexicographer files of nouns that can name what a verb does or undergoes:
# act, attribute, cognition, communication, event, feeling, motive, phenomenon,
# possession, process, quantity, relation, state, time. Left out: Tops, animal,
# artifact, body, food, group, location, object, person, plant, shape, substance,
# so that police (group), minister and player (person), or table (artifact) are not
# taken for nominalisations of the verbs police, minister, play and tabulate.
EVENT_NOUNS = frozenset({4, 7, 9, 10, 11, 12, 16, 19, 21, 22, 23, 24, 26, 28})
_MARKER = re.compile(r"\([a-z]+\)$")  # the syntactic marker of an adjective: (a), (p), (ip)


@dataclass(frozen=True)
class Pointer:
    """One pointer of a synset."""

    symbol: str
    offset: int
    pos: str
    source: int  # word number in the synset it starts from, 0 for the whole synset
    target: int  # word number in the synset it points to, 0 for the whole synset


@dataclass(frozen=True)
class Synset:
    """One line of a WordNet data file: its words and pointers."""

    offset: int
    lexfile: int  # lex_filenum: the lexicographer file (04 noun.act, 18 noun.person, ...)
    pos: str  # n, v, a, r (satellites, s, are given as a)
    words: tuple[str, ...]
    pointers: tuple[Pointer, ...]


def _word(raw: str) -> str:
    return _MARKER.sub("", raw).lower()


def parse_line(line: str, pos: str) -> Synset:
    """Read one synset line of a data file (wndb(5)).

    Args:
        line: The line, without its line break.
        pos: The part of speech of the file (``n``, ``v``, ``a`` or ``r``).

    Returns:
        The synset.

    Raises:
        ValueError: When the line does not have the fields wndb(5) describes.
    """
    fields = line.split(" ")
    offset = int(fields[0])
    if fields[2] not in ("n", "v", "a", "s", "r"):
        raise ValueError(f"bad ss_type {fields[2]!r} at {offset}")
    w_cnt = int(fields[3], 16)
    words = tuple(_word(fields[4 + 2 * i]) for i in range(w_cnt))
    at = 4 + 2 * w_cnt
    p_cnt = int(fields[at])
    pointers = []
    for i in range(p_cnt):
        symbol, target, target_pos, where = fields[at + 1 + 4 * i : at + 5 + 4 * i]
        if len(where) != 4:
            raise ValueError(f"bad source/target {where!r} at {offset}")
        pointers.append(
            Pointer(symbol, int(target), target_pos, int(where[:2], 16), int(where[2:], 16))
        )
    return Synset(offset, int(fields[1]), pos, words, tuple(pointers))


def read_wordnet(directory: Path) -> dict[tuple[str, int], Synset]:
    """Read the four data files.

    Args:
        directory: Where ``data.noun`` and the others are.

    Returns:
        Every synset by ``(pos, offset)``; satellite adjectives are under ``a``.
    """
    synsets: dict[tuple[str, int], Synset] = {}
    for pos, name in FILES.items():
        with (directory / name).open(encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("  ") or not line.strip():
                    continue
                synset = parse_line(line.rstrip("\n"), pos)
                synsets[pos, synset.offset] = synset
    return synsets


def _lexical_pairs(
    synsets: dict[tuple[str, int], Synset], symbol: str, nouns: frozenset[int] | None = None
) -> Iterator[tuple[str, str, str, str]]:
    """Yield ``(pos, word, target pos, target word)`` for each lexical pointer ``symbol``.

    With ``nouns``, a pointer from or to a noun synset counts only when the noun
    synset's lexicographer file is one of them.
    """
    for synset in synsets.values():
        for pointer in synset.pointers:
            if pointer.symbol != symbol or not pointer.source or not pointer.target:
                continue
            target_pos = "a" if pointer.pos == "s" else pointer.pos
            target = synsets[target_pos, pointer.offset]
            if nouns is not None and any(
                s.pos == "n" and s.lexfile not in nouns for s in (synset, target)
            ):
                continue
            yield (
                synset.pos,
                synset.words[pointer.source - 1],
                target_pos,
                target.words[pointer.target - 1],
            )


def read_stoplist(path: Path) -> set[tuple[str, str, str]]:
    """Read ``antonym_stoplist.tsv``: ``pos<TAB>lemma<TAB>antonym<TAB>reason`` lines.

    An antonym of ``*`` stands for every antonym of the lemma in that part of
    speech. Lines starting with ``#`` and the column header are skipped.

    Args:
        path: The stoplist.

    Returns:
        The ``(pos, lemma, antonym)`` entries.
    """
    entries: set[tuple[str, str, str]] = set()
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for line in lines[1:]:
        pos, lemma, antonym, _reason = line.split("\t")
        entries.add((pos, lemma, antonym))
    return entries


def _stopped(pos: str, a: str, b: str, stoplist: set[tuple[str, str, str]]) -> bool:
    return any((pos, x, y) in stoplist or (pos, x, "*") in stoplist for x, y in ((a, b), (b, a)))


def antonym_rows(
    synsets: dict[tuple[str, int], Synset], stoplist: set[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """Return the direct antonym pairs, both directions, sorted, stoplist applied.

    Args:
        synsets: All synsets, from :func:`read_wordnet`.
        stoplist: Entries from :func:`read_stoplist`.

    Returns:
        ``(pos, lemma, antonym)`` rows.
    """
    rows: set[tuple[str, str, str]] = set()
    for pos, word, target_pos, target in _lexical_pairs(synsets, "!"):
        if pos != target_pos or "_" in word or "_" in target or word == target:
            continue
        if _stopped(pos, word, target, stoplist):
            continue
        rows.add((pos, word, target))
        rows.add((pos, target, word))
    return sorted(rows)


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def derivation_rows(synsets: dict[tuple[str, int], Synset]) -> list[tuple[str, str]]:
    """Return ``(noun, verb)`` derivational pairs, each noun's verbs best first.

    Args:
        synsets: All synsets, from :func:`read_wordnet`.

    Returns:
        The rows, nouns sorted.
    """
    verbs: dict[str, set[str]] = {}
    for pos, word, target_pos, target in _lexical_pairs(synsets, "+", EVENT_NOUNS):
        if "_" in word or "_" in target:
            continue
        if pos == "n" and target_pos == "v":
            verbs.setdefault(word, set()).add(target)
        elif pos == "v" and target_pos == "n":
            verbs.setdefault(target, set()).add(word)
    rows: list[tuple[str, str]] = []
    for noun in sorted(verbs):
        candidates = verbs[noun]
        close = {v for v in candidates if _shared(noun, v) >= 3}
        kept = close or candidates
        for verb in sorted(kept, key=lambda v: (-_shared(noun, v), len(v), v)):
            rows.append((noun, verb))
    return rows


def _header(what: str, columns: str) -> list[str]:
    return [
        f"# {what}",
        "# Source: WordNet 3.0, Princeton University (https://wordnet.princeton.edu/),",
        "#   the database files data.noun, data.verb, data.adj and data.adv.",
        f"# Built by: {COMMAND}",
        "#   (see the script's docstring; do not edit by hand, rebuild instead).",
        "# Licence: the WordNet 3.0 licence applies to this file; see WORDNET-LICENSE beside it.",
        "#   WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.",
        f"# Columns (tab-separated, no header line): {columns}",
    ]


def write_tsv(path: Path, header: list[str], rows: Iterable[tuple[str, ...]]) -> int:
    """Write ``header`` then the rows, tab-separated; return the number of rows.

    Args:
        path: The file to write.
        header: Comment lines, each starting with ``#``.
        rows: The rows.

    Returns:
        How many rows were written.
    """
    lines = ["\t".join(row) for row in rows]
    path.write_text("\n".join([*header, *lines]) + "\n", encoding="utf-8")
    return len(lines)


def build(wordnet: Path, out: Path, stoplist: Path) -> tuple[int, int]:
    """Write ``antonyms.tsv`` and ``derivations.tsv`` into ``out``.

    Args:
        wordnet: The directory of the WordNet data files.
        out: The directory to write into (created if missing).
        stoplist: The antonym stoplist.

    Returns:
        The number of antonym rows and of derivation rows.
    """
    synsets = read_wordnet(wordnet)
    out.mkdir(parents=True, exist_ok=True)
    antonyms = write_tsv(
        out / "antonyms.tsv",
        _header(
            "Direct antonyms of WordNet 3.0 (lexical '!' pointers), both directions,"
            " minus antonym_stoplist.tsv.",
            "pos (n v a r) lemma antonym",
        ),
        antonym_rows(synsets, read_stoplist(stoplist)),
    )
    derivations = write_tsv(
        out / "derivations.tsv",
        _header(
            "Nouns and their verbs from WordNet 3.0 derivationally related forms ('+' pointers);"
            " a noun's verbs best first.",
            "noun verb",
        ),
        derivation_rows(synsets),
    )
    return antonyms, derivations


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and build the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=PACKAGE_DATA)
    parser.add_argument("--stoplist", type=Path, default=PACKAGE_DATA / "antonym_stoplist.tsv")
    args = parser.parse_args(argv)
    antonyms, derivations = build(args.wordnet, args.out, args.stoplist)
    print(f"{antonyms} antonym rows, {derivations} derivation rows written to {args.out}")


if __name__ == "__main__":
    main()
