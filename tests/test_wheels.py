"""Every distribution builds a wheel that works in a clean virtual environment.

The wheels of newslens, its first-party plugins and the example plugin are
built from this checkout and installed (not editable) into a new virtual
environment with nothing else; ``newslens analyze`` must then run there with
every plugin, which proves that package data (the JSON Schema, word lists,
pronunciations) is inside the wheels and that the entry points are declared.
Dependencies come from the package index, as for a user.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DISTRIBUTIONS = [
    ROOT,
    *sorted(p.parent for p in (ROOT / "plugins").glob("*/pyproject.toml")),
    *sorted(p.parent for p in (ROOT / "examples").glob("*/pyproject.toml")),
]


def _run(*args: str | Path, cwd: Path | None = None, timeout: int = 600) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


IGNORED = shutil.ignore_patterns(
    ".*", "build", "dist", "*.egg-info", "__pycache__", "docs", "tests", "benchmarks",
    "plugins", "examples",
)
"""Left out of the copy a wheel is built from (setuptools writes build/ beside the sources)."""


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("wheels")
    sources = tmp_path_factory.mktemp("sources")
    for index, dist in enumerate(DISTRIBUTIONS):
        copy = sources / f"{index}-{dist.name}"
        shutil.copytree(dist, copy, ignore=IGNORED)
        _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
             "--no-build-isolation", "--wheel-dir", out, copy)
    return sorted(out.glob("*.whl"))


def test_every_distribution_has_a_wheel_with_its_licence(wheels: list[Path]) -> None:
    assert len(wheels) == len(DISTRIBUTIONS)
    for wheel in wheels:
        names = zipfile.ZipFile(wheel).namelist()
        licences = [n for n in names if ".dist-info/licenses/" in n]
        assert licences, f"{wheel.name} carries no licence file"
        assert any(n.endswith("py.typed") for n in names) or "entityfreq" in wheel.name


def test_package_data_is_inside_the_wheels(wheels: list[Path]) -> None:
    contents = {wheel.name.split("-")[0]: zipfile.ZipFile(wheel).namelist() for wheel in wheels}
    assert "newslens/schema/newslens-1.schema.json" in contents["newslens"]
    readability = contents["newslens_readability"]
    for expected in ("data/dale_chall.txt", "data/spache.txt", "data/syllable_rules.tsv",
                     "data/cmudict_syllables.txt.gz", "LICENSE-CMUdict", "NOTICE"):
        assert f"newslens_readability/{expected}" in readability


def test_newslens_runs_from_the_wheels_in_a_clean_environment(
    wheels: list[Path], tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", *wheels, timeout=900)
    listed = json.loads(_run(env_dir / "bin" / "newslens", "plugins", "--format", "json",
                             cwd=tmp_path))
    status = {plugin["name"]: plugin["status"] for plugin in listed}
    assert status == {"newslens.builtins": "ok", "contradictions": "ok", "dates": "ok",
                      "entityfreq": "ok",
                      "quotes": "ok", "readability": "ok"}
    article = ROOT / "examples" / "articles" / "harbour-bridge.txt"
    out = _run(env_dir / "bin" / "newslens", "analyze", article, "--backend", "lite",
               "--published", "2024-02-15", "--format", "json", cwd=tmp_path)
    data = json.loads(out)
    assert data["readability"]["words"] > 100
    assert any(t["value"] == "2024-03-28" for t in data["timexes"])
    assert data["entityfreq"]
    assert data["quotes"] and data["speakers"]  # the quotes plugin's data files are in its wheel
    assert isinstance(data["contradictions"], list)  # and the contradictions plugin's
    budget = tmp_path / "budget.txt"
    budget.write_text("Council approves budget\n\nThe council did not approve the budget.\n")
    seed = _run(env_dir / "bin" / "newslens", "analyze", budget, "--backend", "lite",
                "--format", "json", cwd=tmp_path)
    (finding,) = json.loads(seed)["contradictions"]
    assert finding["kind"] == "negation"
    licences = _run(python, "-c", "import importlib.metadata as m; "
                    "print(m.distribution('newslens-contradictions').files)")
    assert "WORDNET-LICENSE" in licences
    assert not [d for d in data["diagnostics"] if d["level"] == "error"]
    located = _run(python, "-c", "import newslens, newslens_readability; "
                   "print(newslens.__file__, newslens_readability.__file__)")
    assert str(ROOT) not in located and str(env_dir) in located
    requires = _run(python, "-m", "pip", "show", "newslens-readability")
    assert "cmudict" not in requires.lower()  # the GPL wrapper is not a dependency
