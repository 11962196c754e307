"""Canonical speakers of pronoun sources on PolNeAR dev, against a hand-made gold set.

Usage::

    python benchmarks/quotes_canonical.py --data ../shared/data/polnear \\
        --gold benchmarks/data/polnear_pronouns_dev.tsv [--jobs 2] [-O NAME=VALUE] [--errors N]
    python benchmarks/quotes_canonical.py --data DIR --gold FILE --self-test   # exit 1 if not 1.0
    python benchmarks/quotes_canonical.py --data ../shared/data/polnear --split train \\
        --gold benchmarks/data/polnear_pronouns_train.tsv   # the held-out set, made from train

``benchmarks/quotes_polnear.py`` scores the speaker *span* (does the predicted speaker overlap
the gold Source?). This script scores the *canonical speaker* (``Quote.speaker_name``) of the
quotes whose source is a personal pronoun (``he``, ``she``, ``they``, ``we``, ``I``, ``it``),
which PolNeAR does not annotate: the referents come from
``benchmarks/data/polnear_pronouns_dev.tsv``, written for newslens by reading the articles
(its header says how).

Gold rows (tab-separated, ``#`` lines are comments, the first other line names the columns):
``article`` (the text's file name without ``.txt``), ``start``, ``end`` (offsets in
``doc.text`` as newslens reads the text, ``newslens.io.loaders.parse_txt``, the offsets
``quotes_polnear.load_split`` gives), ``pronoun`` (``doc.text[start:end]``), ``referent`` and
``kind``:

* ``named``: the referent is the fullest name the article gives the person or body
  (``Paul D. Ryan``, ``the Clinton campaign``); two or more people as ``A and B``;
* ``described``: the referent is never named, only described (``Sanders's aides``);
* ``none``: the pronoun refers to no one in the article (the writer's ``I``, a generic
  ``we`` or ``they``); the referent is ``-``;
* ``unclear``: the annotator could not tell; left out of the score and counted.

Before scoring, every row is checked against the data: its article is in the split, its
offsets read the pronoun in ``doc.text``, the span is a gold Source of the article, and every
pronoun Source of an article with rows has a row (an article is annotated in full or not at
all). Any failure exits with a message naming the row.

Scoring, for each gold row (``unclear`` ones apart):

* **found**: a predicted quote's speaker span overlaps the pronoun (the one whose speaker
  span equals it first, else the first in text order);
* **right** / **wrong** / **none given**: for ``named`` and ``described`` rows, right when
  ``speaker_name`` matches the referent (:func:`names_match`), none given when it is
  ``None``, else wrong; for ``none`` rows, right when ``speaker_name`` is ``None`` and wrong
  otherwise. A pronoun not found is none of the three.

Name matching (:func:`names_match`), after :func:`name_words` normalises both names (case,
curly apostrophes, possessive ``'s``, punctuation other than inner hyphens, a leading
``the``, titles such as ``Mr.``, ``Sen.``, ``President``, ``Gov.``, suffixes such as ``Jr.``
and one-letter initials): the two word lists are equal, or they end with the same word and
the shorter is a subsequence of the longer (``Paul Ryan`` = ``Paul D. Ryan`` = ``Ryan`` =
``House Speaker Paul Ryan``; ``Bill Clinton`` is not ``Hillary Clinton``: a conflicting first
name). When that last word is lower-case in the referent (a common noun: ``campaign``,
``aides``) the shorter must have two words at least (``the campaign`` is not ``the Clinton
campaign``). A group referent (``A and B``) needs a group name with the same members, each
matched by the same rule. A referent whose surname is not its last word also gives the form
the article uses, after `` | `` (``Ban Ki-moon | Ban``); matching one form is enough. The
rule is lenient on bare surnames on purpose: the plugin's canonical name is the fullest it
saw, and a surname alone is right unless another first name contradicts it.

Figures (all rows, by kind, by pronoun): gold rows, found, right, wrong, none given; found
and right as shares of the gold rows, and right as a share of the rows found.

``--errors N`` prints N wrong or none-given rows with the pronoun's sentence and what was
predicted; ``--verdicts FILE`` writes every row's verdict and predicted name (``diff`` two
such files to see what a rule change fixed and broke); ``--self-test`` scores the gold as
predictions (every figure must be 1.0).
"""

from __future__ import annotations

import argparse
import collections
import functools
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
from quotes_polnear import (
    Article,
    Outcome,
    Pred,
    Span,
    load_split,
    newslens_predictor,
    predict_all,
    quotes_module,
)

PRONOUNS = ("he", "she", "they", "it", "we", "i")
KINDS = ("named", "described", "none", "unclear")
COLUMNS = ("article", "start", "end", "pronoun", "referent", "kind")
TITLES = frozenset({
    "the", "mr", "mrs", "ms", "miss", "mx", "dr", "sen", "senator", "rep", "representative",
    "del", "delegate", "gov", "governor", "lt", "president", "pres", "vice", "gen", "general",
    "adm", "admiral", "col", "secretary", "sec", "prof", "professor", "rev", "reverend", "sir",
    "dame", "lord", "lady", "judge", "justice", "chief", "mayor", "commissioner", "chairman",
    "chairwoman", "congressman", "congresswoman", "former", "speaker", "leader", "attorney",
    "minister", "prime", "ambassador", "spokesman", "spokeswoman",
})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"\w+(?:-\w+)*")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?=\W|$)")
_GROUP = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|,\s*|\s*&\s*)")


@attrs.frozen
class Row:
    """One gold pronoun: where it is, what it is, and who it refers to."""

    line: int
    article: str
    span: Span
    pronoun: str
    referent: str
    kind: str

    def where(self) -> str:
        """``file line N (article start-end 'pronoun')``, for messages."""
        span = f"{self.span.start}-{self.span.end}"
        return f"line {self.line} ({self.article} {span} {self.pronoun!r})"


# -- names -----------------------------------------------------------------------------


def name_words(name: str) -> list[str]:
    """The words of *name* as they are compared: lower case, no possessive ``'s``, no
    punctuation (inner hyphens kept), without leading titles and trailing suffixes
    (while another word is left) and without one-letter initials."""
    text = _POSSESSIVE.sub("", name.replace("’", "'").lower())
    words = _WORD.findall(text)
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    initials = [w for w in words if len(w) == 1]
    return [w for w in words if len(w) > 1] if len(initials) < len(words) else words


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def _one_matches(referent: str, predicted: str) -> bool:
    gold, pred = name_words(referent), name_words(predicted)
    if not gold or not pred:
        return False
    if gold == pred:
        return True
    if gold[-1] != pred[-1]:
        return False
    short, long = sorted((gold, pred), key=len)
    if not _subsequence(short, long):
        return False
    last = _WORD.findall(referent)
    common_noun = bool(last) and last[-1].islower()
    return not (common_noun and len(short) < 2)


def group_members(name: str) -> list[str]:
    """The members of a group name (``A and B``, ``A, B and C``), or ``[name]``."""
    parts = [p for p in _GROUP.split(name.strip()) if p]
    return parts if len(parts) > 1 and " and " in f" {name} " else [name]


def names_match(referent: str, predicted: str | None) -> bool:
    """Whether the predicted canonical name names the referent (module docstring); a
    referent with other forms (``Ban Ki-moon | Ban``) matches when one of them does."""
    if predicted is None:
        return False
    if " | " in referent:
        return any(names_match(form, predicted) for form in referent.split(" | "))
    gold, pred = group_members(referent), group_members(predicted)
    if len(gold) != len(pred):
        return False
    if len(gold) == 1:
        return _one_matches(referent, predicted)
    left = list(pred)
    for member in gold:
        hit = next((p for p in left if _one_matches(member, p)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


# -- gold ------------------------------------------------------------------------------


class GoldError(ValueError):
    """The gold file is malformed or does not fit the data."""


def parse_gold(text: str, source: str = "gold") -> list[Row]:
    """Read the gold TSV; raise :class:`GoldError` naming the line on a bad row."""
    rows: list[Row] = []
    header = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            if tuple(cells) != COLUMNS:
                raise GoldError(f"{source} line {number}: expected the columns {COLUMNS}")
            header = True
            continue
        if len(cells) != len(COLUMNS):
            raise GoldError(f"{source} line {number}: {len(cells)} cells, expected 6")
        article, start, end, pronoun, referent, kind = cells
        if not (start.isdigit() and end.isdigit() and int(start) < int(end)):
            raise GoldError(f"{source} line {number}: bad offsets {start!r} {end!r}")
        if pronoun.lower() not in PRONOUNS:
            raise GoldError(f"{source} line {number}: {pronoun!r} is not one of {PRONOUNS}")
        if kind not in KINDS:
            raise GoldError(f"{source} line {number}: kind {kind!r} is not one of {KINDS}")
        if (kind == "none") != (referent == "-") or not referent.strip():
            raise GoldError(f"{source} line {number}: the referent is '-' exactly for kind none")
        rows.append(Row(number, article, Span(int(start), int(end)), pronoun, referent, kind))
    if not header:
        raise GoldError(f"{source}: no header line {COLUMNS}")
    return rows


def pronoun_sources(article: Article) -> list[Span]:
    """The article's gold Source spans that are a personal pronoun, in text order."""
    return sorted({
        s for g in article.gold for s in g.sources
        if article.text[s.start:s.end].lower() in PRONOUNS
    })


def check_gold(rows: Sequence[Row], articles: Sequence[Article]) -> list[Article]:
    """Check every row against the data (module docstring); return the annotated articles
    in file-name order. Raise :class:`GoldError` naming the first bad row."""
    by_name = {a.name: a for a in articles}
    seen: dict[str, set[Span]] = collections.defaultdict(set)
    for row in rows:
        article = by_name.get(row.article)
        if article is None:
            raise GoldError(f"{row.where()}: no such article in the split")
        found = article.text[row.span.start:row.span.end]
        if found != row.pronoun:
            raise GoldError(f"{row.where()}: the text there is {found!r}")
        if row.span not in pronoun_sources(article):
            raise GoldError(f"{row.where()}: not a gold Source span of the article")
        if row.span in seen[row.article]:
            raise GoldError(f"{row.where()}: a second row for this pronoun")
        seen[row.article].add(row.span)
    for name, spans in seen.items():
        missing = [s for s in pronoun_sources(by_name[name]) if s not in spans]
        if missing:
            raise GoldError(
                f"{name}: {len(missing)} pronoun sources without a row, the first at "
                f"{missing[0].start}-{missing[0].end}; annotate an article in full"
            )
    return [by_name[name] for name in sorted(seen)]


# -- scoring ---------------------------------------------------------------------------


@attrs.frozen
class Judged:
    """One gold row and what the predictor gave for it."""

    row: Row
    pred: Pred | None
    verdict: str  # right, wrong, none given, not found, unclear


def find_pred(row: Row, preds: Sequence[Pred]) -> Pred | None:
    """The predicted quote whose speaker span is the pronoun, else the first overlapping it."""
    over = [p for p in preds if p.speaker is not None and p.speaker.overlaps(row.span)]
    exact = [p for p in over if p.speaker == row.span]
    chosen = exact or sorted(over, key=lambda p: (p.speaker.start if p.speaker else 0))
    return chosen[0] if chosen else None


def judge(row: Row, pred: Pred | None) -> str:
    """The verdict on one row (module docstring)."""
    if row.kind == "unclear":
        return "unclear"
    if pred is None:
        return "not found"
    if row.kind == "none":
        return "right" if pred.speaker_name is None else "wrong"
    if pred.speaker_name is None:
        return "none given"
    return "right" if names_match(row.referent, pred.speaker_name) else "wrong"


def judge_all(
    rows: Sequence[Row], articles: Sequence[Article], outcomes: Sequence[Outcome]
) -> list[Judged]:
    """Judge every row with the predictions of its article."""
    preds = {a.name: o.preds for a, o in zip(articles, outcomes, strict=True)}
    judged = []
    for row in rows:
        pred = find_pred(row, preds[row.article])
        judged.append(Judged(row, pred, judge(row, pred)))
    return judged


VERDICTS = ("right", "wrong", "none given", "not found")


def tally(judged: Sequence[Judged]) -> dict[str, collections.Counter[str]]:
    """Verdict counts for all rows, by kind and by pronoun (``unclear`` rows apart)."""
    groups: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for j in judged:
        keys = ["all"] if j.verdict == "unclear" else [
            "all", f"kind {j.row.kind}", f"pronoun {j.row.pronoun.lower()}"
        ]
        for key in keys:
            groups[key][j.verdict] += 1
    return groups


def figures(counts: collections.Counter[str]) -> dict[str, float]:
    """Found and right as shares of the scored rows, and right as a share of those found."""
    scored = sum(counts[v] for v in VERDICTS)
    found = scored - counts["not found"]
    return {
        "found": found / scored if scored else 0.0,
        "right": counts["right"] / scored if scored else 0.0,
        "right of found": counts["right"] / found if found else 0.0,
    }


def print_table(judged: Sequence[Judged]) -> None:
    """Print the counts and shares, for all rows, by kind and by pronoun."""
    groups = tally(judged)
    order = ["all"] + [f"kind {k}" for k in KINDS[:3]] + [f"pronoun {p}" for p in PRONOUNS]
    print(f"\n{'rows':<16}{'gold':>6}{'found':>7}{'right':>7}{'wrong':>7}{'none':>6}"
          f"{'found%':>8}{'right%':>8}{'r/found':>8}")
    for key in order:
        c = groups.get(key)
        if not c:
            continue
        f = figures(c)
        gold = sum(c[v] for v in VERDICTS)
        print(f"{key:<16}{gold:>6}{gold - c['not found']:>7}{c['right']:>7}{c['wrong']:>7}"
              f"{c['none given']:>6}{f['found']:>8.3f}{f['right']:>8.3f}"
              f"{f['right of found']:>8.3f}")
    print(f"unclear rows (not scored): {groups['all']['unclear']}")


def sentence_of(text: str, span: Span) -> str:
    """The sentence around *span* (cut at line breaks and ``. ! ?`` before white space),
    the pronoun in brackets."""
    starts = [m.end() for m in re.finditer(r"[.!?][\"'”’]?\s+|\n", text[:span.start])]
    start = starts[-1] if starts else 0
    after = re.search(r"[.!?][\"'”’]?(?=\s)|\n", text[span.end:])
    end = span.end + (after.end() if after else len(text) - span.end)
    return (text[start:span.start] + "[" + text[span.start:span.end] + "]"
            + text[span.end:end]).strip()


def print_errors(judged: Sequence[Judged], articles: Sequence[Article], count: int) -> None:
    """Print the first *count* wrong and none-given rows with their sentence."""
    texts = {a.name: a.text for a in articles}
    bad = [j for j in judged if j.verdict in ("wrong", "none given")]
    print(f"\n{min(count, len(bad))} of {len(bad)} wrong or none-given rows:")
    for j in bad[:count]:
        sentence = sentence_of(texts[j.row.article], j.row.span)
        if len(sentence) > 300:
            sentence = sentence[:300] + "..."
        said = j.pred.speaker_name if j.pred is not None else None
        print(f"- {j.row.article} {j.row.span.start}: {sentence}\n"
              f"  gold {j.row.referent!r} ({j.row.kind}); predicted {said!r} [{j.verdict}]")


def write_verdicts(path: Path, judged: Sequence[Judged]) -> None:
    """Write one line per gold row: where, the referent, the verdict and the predicted name
    (to compare two versions of the plugin with ``diff``)."""
    lines = ["article\tstart\tpronoun\treferent\tkind\tverdict\tpredicted"]
    for j in judged:
        said = j.pred.speaker_name if j.pred is not None else None
        lines.append("\t".join((j.row.article, str(j.row.span.start), j.row.pronoun,
                                 j.row.referent, j.row.kind, j.verdict, str(said))))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- running ---------------------------------------------------------------------------


def gold_outcomes(rows: Sequence[Row], articles: Sequence[Article]) -> list[Outcome]:
    """The gold as predictions: one quote per row, its speaker the pronoun and its name
    the referent's first form (``None`` for kind ``none``)."""
    preds: dict[str, list[Pred]] = collections.defaultdict(list)
    for row in rows:
        name = None if row.kind == "none" else row.referent.split(" | ")[0]
        preds[row.article].append(Pred((row.span,), "direct", row.span, None, name))
    return [Outcome(tuple(preds[a.name])) for a in articles]


def load(args: argparse.Namespace) -> tuple[list[Row], list[Article]]:
    """Read and check the gold; exit with the message when it does not fit."""
    try:
        rows = parse_gold(args.gold.read_text(encoding="utf-8"), str(args.gold))
        split, _ = load_split(args.data, args.split, 0)
        articles = check_gold(rows, split)
    except GoldError as exc:
        raise SystemExit(f"bad gold: {exc}") from None
    return rows, articles


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--gold", type=Path, required=True, help="the pronoun gold TSV")
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test"),
                        help="the PolNeAR split the gold's articles come from (default dev)")
    parser.add_argument("--plugin-module", default="newslens_quotes",
                        help="the quotes plugin's module, registered in the pipeline")
    parser.add_argument("-O", "--option", action="append", default=[], metavar="NAME=VALUE",
                        help="a plugin option for the newslens pipeline (repeatable)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--errors", type=int, default=0, help="wrong rows to print")
    parser.add_argument("--verdicts", type=Path, default=None, metavar="FILE",
                        help="write every row's verdict and predicted name to FILE (TSV)")
    parser.add_argument("--self-test", action="store_true",
                        help="score the gold as predictions; exit 1 unless every figure is 1.0")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    args = parse_args(argv)
    rows, articles = load(args)
    kinds = collections.Counter(r.kind for r in rows)
    print(f"gold: {len(rows)} pronoun sources in {len(articles)} PolNeAR {args.split} articles "
          f"({', '.join(f'{k} {kinds[k]}' for k in KINDS)}); "
          f"articles {articles[0].name} .. {articles[-1].name}")
    if args.self_test:
        judged = judge_all(rows, articles, gold_outcomes(rows, articles))
        print_table(judged)
        shares = figures(tally(judged)["all"])
        ok = all(abs(v - 1.0) < 1e-12 for v in shares.values())
        print("self-test: " + ("every figure 1.0" if ok else f"FAILED {shares}"))
        return 0 if ok else 1
    quotes_module(args.plugin_module)
    factory = functools.partial(newslens_predictor, args.plugin_module, args.option)
    outcomes = predict_all(articles, factory, args.jobs)
    failed = [(a.name, o.error) for a, o in zip(articles, outcomes, strict=True) if o.error]
    if failed:
        print(f"{len(failed)} articles with errors, e.g. {failed[0]}", file=sys.stderr)
    judged = judge_all(rows, articles, outcomes)
    print_table(judged)
    if args.errors:
        print_errors(judged, articles, args.errors)
    if args.verdicts:
        write_verdicts(args.verdicts, judged)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
