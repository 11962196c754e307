"""Twenty noisy/clean article pairs written for newslens (tests/fixtures/noisy).

Each fixture marks its noise ⟦like this⟧ (see the README there). The lite
annotator and the readability plugin must read the noisy article as the clean
one, on the prose's own spans; ``benchmarks/noisy_pairs.py`` compares every
installed plugin's output the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newslens import Document, webtext
from newslens.annotators.lite import LiteAnnotator
from newslens.io.loaders import parse_txt
from newslens.testing.strategies import SaltedText

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "noisy").glob("*.txt"))
LITE = LiteAnnotator()


def test_there_are_twenty_pairs_with_every_kind_of_noise() -> None:
    assert len(FIXTURES) == 20
    kinds: set[str] = set()
    boilerplate: set[str] = set()
    for path in FIXTURES:
        salted = SaltedText.from_marked(path.read_text(encoding="utf-8"))
        doc = LITE.annotate(parse_txt(salted.noisy))
        kinds.update(t.kind for t in doc.tokens if t.kind)
        boilerplate.update(kind for _, _, kind in webtext.find_boilerplate(doc.body))
    assert kinds == set(webtext.TOKEN_KINDS)
    assert boilerplate >= {"newsletter", "more", "share", "follow", "credit", "watch",
                           "advertisement", "signoff"}


def pair(path: Path) -> tuple[SaltedText, Document, Document]:
    salted = SaltedText.from_marked(path.read_text(encoding="utf-8"))
    clean, noisy = parse_txt(salted.clean), parse_txt(salted.noisy)
    assert (clean.text, noisy.text) == (salted.clean, salted.noisy)  # offsets carry over
    return salted, clean, noisy


def prose(doc: Document, salted: SaltedText | None = None) -> dict[str, Any]:
    skip = [(p.start, p.end) for p in doc.boilerplate]

    def mapped(start: int, end: int) -> tuple[int, int] | None:
        return (start, end) if salted is None else salted.clean_span(start, end)

    kept = [i for i, t in enumerate(doc.tokens)
            if t.kind is None and not webtext.in_spans(skip, t.start)]
    spans = {i: mapped(doc.tokens[i].start, doc.tokens[i].end) for i in kept}
    return {
        "tokens": [(spans[i], doc.tokens[i].text, doc.tokens[i].lemma) for i in kept],
        "sentences": [s for s in (
            tuple(spans[i] for i in range(x.token_start, x.token_end) if i in spans)
            for x in doc.sentences) if s],
        "entities": [(mapped(e.start, e.end), e.text) for e in doc.entities],
    }


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_lite_reads_the_noisy_article_as_the_clean_one(path: Path) -> None:
    salted, clean, noisy = pair(path)
    clean, noisy = LITE.annotate(clean), LITE.annotate(noisy)
    assert noisy.boilerplate or noisy.tokens.has("kind")
    assert prose(noisy, salted) == prose(clean)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_readability_of_the_noisy_article_is_that_of_the_clean_one(path: Path) -> None:
    from newslens_readability.report import analyse

    salted, clean, noisy = pair(path)
    clean_report = analyse(LITE.annotate(clean))
    noisy_report = analyse(LITE.annotate(noisy))
    assert noisy_report.body == clean_report.body
    assert noisy_report.headline == clean_report.headline
    assert [(salted.clean_span(s.start, s.end), s.scores) for s in noisy_report.per_sentence] == [
        ((s.start, s.end), s.scores) for s in clean_report.per_sentence]
    assert noisy_report.left_out and not clean_report.left_out


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_entity_frequencies_of_the_noisy_article_are_those_of_the_clean_one(path: Path) -> None:
    from newslens_entityfreq import make_counter

    _, clean, noisy = pair(path)
    count = make_counter()
    assert count(LITE.annotate(noisy)) == count(LITE.annotate(clean))


def test_a_mark_left_open_is_an_error() -> None:
    with pytest.raises(ValueError, match="not closed"):
        SaltedText.from_marked("Rain ⟦@x fell.")
    with pytest.raises(ValueError, match="closes no mark"):
        SaltedText.from_marked("Rain @x⟧ fell.")
