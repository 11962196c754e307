"""How the workers start (:func:`newslens.parallel.start_method`): a fork server that
imports newslens and, with the lite backend, loads its tables once, else ``spawn``.

What a worker sees is checked in a fresh interpreter: a process has one fork
server, which keeps the preload it was started with.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslens import parallel
from newslens._warm import warm
from newslens.parallel import WARM_UP_ARTICLE


def test_the_fork_server_is_chosen_where_the_platform_has_it() -> None:
    assert "forkserver" in multiprocessing.get_all_start_methods()  # Linux, where CI runs
    assert parallel.start_method() == "forkserver"
    assert parallel.worker_context().get_start_method() == "forkserver"


@given(st.lists(st.sampled_from(["fork", "spawn", "forkserver", "other"]), unique=True))
@settings(max_examples=20)
def test_the_first_method_of_the_order_the_platform_has_is_chosen(
    available: list[str],
) -> None:
    original = multiprocessing.get_all_start_methods
    multiprocessing.get_all_start_methods = lambda: available  # type: ignore[assignment]
    try:
        chosen = parallel.start_method()
    finally:
        multiprocessing.get_all_start_methods = original  # type: ignore[assignment]
    expected = next((m for m in parallel.START_METHODS if m in available), "spawn")
    assert chosen == expected
    assert chosen != "fork"  # a plain fork of the caller is never used


def test_without_a_fork_server_the_workers_are_spawned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert parallel.worker_context().get_start_method() == "spawn"
    assert parallel.start_server() is False  # nothing to start
    results = list(parallel.ordered_map(len, [[1], [1, 2], [1, 2, 3]], n_process=2,
                                        setup=print))
    assert results == [1, 2, 3]


def test_the_warm_up_analyses_its_article_and_leaves_no_thread() -> None:
    assert warm() is True
    assert len(WARM_UP_ARTICLE) > 100
    # as in the fork server: a fresh interpreter, which must have no thread when it forks
    code = "import threading, newslens._warm as w; print(w.warm(), threading.active_count())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.split() == ["True", "1"]


def test_a_warm_up_that_fails_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslens._warm as module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no tables")

    monkeypatch.setattr("newslens.runner.LineMaker", broken)
    assert module.warm() is False


PROBE = """
import json, sys
from newslens import parallel

def seen(_item):
    return sorted(name for name in ("newslens._warm", "newslens_readability", "absent_module_x")
                  if name in sys.modules)

def nothing():
    pass

if __name__ == "__main__":
    preload = tuple(sys.argv[1].split(",")) if sys.argv[1] else ()
    started = [parallel.start_server(preload), parallel.start_server(preload)]
    found = list(parallel.ordered_map(seen, [0, 1], n_process=2, setup=nothing,
                                      preload=preload))
    print(json.dumps({"started": started, "found": found}))
"""


def probe(tmp_path: Path, preload: str) -> dict[str, object]:
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), preload], capture_output=True,
                          text=True, timeout=120, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_workers_start_with_what_the_server_preloaded(tmp_path: Path) -> None:
    result = probe(tmp_path, ",".join((*parallel.PRELOAD_LITE, "absent_module_x")))
    assert result["started"] == [True, False]  # once a process
    # the warm-up imported the plugins before the worker's setup ran; a module
    # that cannot be imported is left out
    assert result["found"] == [["newslens._warm", "newslens_readability"]] * 2


def test_workers_of_a_bare_server_load_nothing_before_their_setup(tmp_path: Path) -> None:
    result = probe(tmp_path, ",".join(parallel.PRELOAD))
    assert result["started"] == [True, False]
    assert result["found"] == [[], []]


@pytest.mark.parametrize(
    ("jobs", "format", "backend", "started"),
    [
        ("2", "jsonl", "lite", True),
        ("auto", "jsonl", "lite", True),  # two cores or more where the tests run
        ("1", "jsonl", "lite", False),
        (None, "jsonl", "lite", False),  # decided later, once the input is read ahead
        ("2", "json", "lite", False),  # refused later: --jobs writes JSON lines
        ("2", "jsonl", "stanza", False),  # its workers load their models themselves
        ("two", "jsonl", "lite", False),  # refused later, as a usage error
    ],
)
def test_analyze_starts_the_server_first_only_for_a_lite_corpus_run(
    monkeypatch: pytest.MonkeyPatch, jobs: str | None, format: str, backend: str,
    started: bool,
) -> None:
    import argparse

    from newslens.cli import _start_workers_early
    from newslens.config import Config

    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(parallel, "start_server", lambda preload: calls.append(preload))
    args = argparse.Namespace(jobs=jobs, format=format)
    _start_workers_early(args, Config(backend=backend))
    assert calls == ([parallel.PRELOAD_LITE] if started else [])
