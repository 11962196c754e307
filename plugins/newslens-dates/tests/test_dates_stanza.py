"""The dates plugin on real stanza output: tense comes from the tags when they are there.

stanza builds its ``Document`` from CoNLL-U without any model, so these tests run the
plugin on true stanza objects converted by the core's stanza backend.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newslens_dates import TIMEXES, find_document_timexes
from stanza.utils.conll import CoNLL

from newslens import Document
from newslens.annotators.stanza import from_stanza

# Thursday 14 March 2024: the Friday before is the 8th, the next one the 15th.
PUBLISHED = dt.date(2024, 3, 14)
TEXT = "Officials put the plan to voters Friday."
CONLLU = (Path(__file__).parent / "fixtures" / "weekday.conllu").read_text("utf-8")

def stanza_document() -> Document:
    sdoc = CoNLL.conll2doc(input_str=CONLLU)
    sdoc.text = TEXT
    return from_stanza(Document.create(TEXT, published=PUBLISHED), [(0, sdoc)])


def test_tags_decide_the_direction_of_a_weekday() -> None:
    doc = stanza_document()
    assert doc.backend == "stanza"
    assert doc.tokens[1].xpos == "VBD"
    (timex,) = find_document_timexes(doc)[TIMEXES].timexes
    assert (timex.text, timex.value) == ("Friday", "2024-03-08")



def test_without_a_creation_time_the_document_gets_a_warning() -> None:
    import newslens

    doc = newslens.analyze("The council met on Friday.", backend="lite")
    warnings = [d for d in doc.diagnostics if d.plugin == "dates" and d.level == "warning"]
    assert warnings
    assert "creation time" in warnings[0].message
    dated = newslens.analyze("The council met on Friday.", published=PUBLISHED, backend="lite")
    assert not [d for d in dated.diagnostics if d.plugin == "dates"]
