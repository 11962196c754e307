"""``newslens analyze --jobs N`` and ``--resume``, and ``Pipeline.pipe(n_process=N)``.

The command runs in a subprocess, as a user runs it; the worker processes it
starts inherit its environment (``PYTHONPATH`` included).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newslens import Document, Pipeline
from newslens.annotators.lite import LiteAnnotator
from newslens.cli import EXIT_INPUT, EXIT_USAGE, main

TEXT = (
    'Mr Smith said on Monday that bridge {n} would open in March. "It is late," he told '
    "reporters in Leeds. The council disagreed on {n} May 2024."
)


def corpus(path: Path, count: int, long: frozenset[int] = frozenset()) -> Path:
    """A JSON lines corpus of *count* short articles (those in *long* much longer)."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            text = TEXT.format(n=n) * (20 if n in long else 1)
            handle.write(json.dumps({"id": f"a{n}", "headline": f"Story {n}", "text": text}))
            handle.write("\n")
    return path


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newslens", "analyze", "--backend", "lite",
            "--format", "jsonl", *args]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(*args), capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def twenty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus(tmp_path_factory.mktemp("corpus") / "twenty.jsonl", 20)


@pytest.fixture(scope="module")
def one_job(twenty: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "one.jsonl"
    done = run(str(twenty), "-o", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    return out


def test_two_jobs_write_what_one_job_writes_in_the_same_order(
    twenty: Path, one_job: Path, tmp_path: Path
) -> None:
    out = tmp_path / "two.jsonl"
    done = run(str(twenty), "-o", str(out), "--jobs", "2", "--batch-size", "3", "--summary")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == one_job.read_bytes()
    assert [doc["id"] for doc in lines(out)] == [f"a{n}" for n in range(20)]
    assert "20 articles, 0 failed" in done.stderr and "articles/s (2 jobs)" in done.stderr


def test_one_job_writes_what_the_plain_command_writes(twenty: Path, one_job: Path) -> None:
    done = run(str(twenty))
    assert done.returncode == 0, done.stderr
    assert done.stdout == one_job.read_text(encoding="utf-8")


def test_a_failing_article_gets_an_error_record_and_the_others_are_written(
    tmp_path: Path, one_job: Path
) -> None:
    source = corpus(tmp_path / "long.jsonl", 20, long=frozenset({4, 11}))
    out = tmp_path / "out.jsonl"
    done = run(str(source), "-o", str(out), "--jobs", "2", "--batch-size", "3",
               "--max-chars", "1000")
    assert done.returncode == EXIT_INPUT
    records = lines(out)
    assert [doc["id"] for doc in records] == [f"a{n}" for n in range(20)]
    for n in (4, 11):
        assert set(records[n]) == {"id", "error"}
        assert "over the limit of 1,000" in records[n]["error"]
        assert f"a{n}:" in done.stderr
    good = lines(one_job)
    assert [{**r, "source": None} for n, r in enumerate(records) if n not in (4, 11)] == [
        {**r, "source": None} for n, r in enumerate(good) if n not in (4, 11)
    ]


def test_an_article_the_annotator_fails_on_gets_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    annotate = LiteAnnotator.annotate

    def fragile(self: LiteAnnotator, doc: Document) -> Document:
        if "BOOM" in doc.text:
            raise RuntimeError("the annotator broke")
        return annotate(self, doc)

    monkeypatch.setattr(LiteAnnotator, "annotate", fragile)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(
        json.dumps({"id": name, "text": text}) + "\n"
        for name, text in [("ok1", "It rained."), ("bad", "BOOM went the bridge."),
                           ("ok2", "It stopped.")]
    ), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = main(["analyze", str(source), "-b", "lite", "-f", "jsonl", "-o", str(out),
                   "--jobs", "1"])
    assert status == EXIT_INPUT
    records = lines(out)
    assert [r["id"] for r in records] == ["ok1", "bad", "ok2"]
    assert records[1] == {"id": "bad", "error": "RuntimeError: the annotator broke"}
    assert "text" in records[0] and "text" in records[2]


def test_resume_cuts_a_half_line_and_adds_only_the_rest(
    twenty: Path, one_job: Path, tmp_path: Path
) -> None:
    whole = one_job.read_bytes()
    cut = whole.index(b"\n", len(whole) // 3) + 40  # 40 bytes into a line
    out = tmp_path / "out.jsonl"
    out.write_bytes(whole[:cut])
    done = run(str(twenty), "-o", str(out), "--jobs", "2", "--resume", "--summary")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == whole
    assert "already done" in done.stderr


def test_resume_and_jobs_need_json_lines(twenty: Path, tmp_path: Path) -> None:
    base = [sys.executable, "-m", "newslens", "analyze", "-b", "lite", str(twenty)]
    done = subprocess.run([*base, "-f", "json", "--jobs", "2"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == EXIT_USAGE and "--format jsonl" in done.stderr
    done = subprocess.run([*base, "-f", "jsonl", "--resume"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == EXIT_USAGE and "-o FILE" in done.stderr
    done = subprocess.run([*base, "-f", "jsonl", "--jobs", "none"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == EXIT_USAGE and "--jobs" in done.stderr


def _wait_for_lines(path: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.stat().st_size > 0:
            return
        time.sleep(0.01)


def test_a_killed_run_resumes_to_the_uninterrupted_output(tmp_path: Path) -> None:
    source = corpus(tmp_path / "many.jsonl", 200)
    whole = tmp_path / "whole.jsonl"
    done = run(str(source), "-o", str(whole), "--jobs", "2", "--batch-size", "4")
    assert done.returncode == 0, done.stderr

    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        command(str(source), "-o", str(out), "--jobs", "2", "--batch-size", "4"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        _wait_for_lines(out, process)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the command and its workers, at once
        process.wait()
    data = out.read_bytes()
    assert data.endswith(b"\n")
    kept = [json.loads(line) for line in data.splitlines()]
    assert 0 < len(kept) < 200
    assert [doc["id"] for doc in kept] == [f"a{n}" for n in range(len(kept))]

    done = run(str(source), "-o", str(out), "--jobs", "2", "--batch-size", "4", "--resume")
    assert done.returncode == 0, done.stderr
    ids = [doc["id"] for doc in lines(out)]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 200
    assert out.read_bytes() == whole.read_bytes()


def _texts() -> Iterator[str]:
    for n in range(12):
        yield TEXT.format(n=n)


def test_pipe_in_two_processes_gives_what_one_gives() -> None:
    pipeline = Pipeline("lite")
    one = [doc.to_dict() for doc in pipeline.pipe(_texts(), batch_size=5)]
    two = [doc.to_dict() for doc in pipeline.pipe(_texts(), batch_size=5, n_process=2)]
    assert two == one


def test_pipe_refuses_processes_for_a_pipeline_it_cannot_rebuild() -> None:
    pipeline = Pipeline(annotator=LiteAnnotator())
    with pytest.raises(ValueError, match="n_process=1"):
        list(pipeline.pipe(["Text."], n_process=2))
    with pytest.raises(ValueError, match="at least 1"):
        list(Pipeline("lite").pipe(["Text."], n_process=0))
