"""``benchmarks/compiled_speed.py`` names modules that exist: a module renamed or moved
fails here, not in a half-hour benchmark run."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCHMARK = Path(__file__).parent.parent / "benchmarks" / "compiled_speed.py"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compiled_speed_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _package_folder(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.submodule_search_locations, name
    return Path(next(iter(spec.submodule_search_locations)))


def test_every_compiled_and_excluded_module_exists_in_a_copied_package() -> None:
    bench = _benchmark()
    named = [*bench.MODULES, *(name for name in bench.EXCLUDED if not name.startswith("*"))]
    for module in named:
        package, _, rest = module.partition("/")
        assert package in bench.PACKAGES, module
        assert (_package_folder(package) / rest).is_file(), module


def test_no_module_is_both_compiled_and_excluded() -> None:
    bench = _benchmark()
    assert len(set(bench.MODULES)) == len(bench.MODULES)
    assert not set(bench.MODULES) & set(bench.EXCLUDED)
    assert not any(module.endswith("/__init__.py") for module in bench.MODULES)
