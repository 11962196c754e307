"""``newslens analyze --jobs N`` and ``--resume``, and ``Pipeline.pipe(n_process=N)``.

The command runs in a subprocess, as a user runs it; the worker processes it
starts inherit its environment (``PYTHONPATH`` included).
"""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslens import Document, Pipeline
from newslens.annotators.lite import LiteAnnotator
from newslens.cli import EXIT_INPUT, EXIT_USAGE, main
from newslens.runner import AUTO_JOBS_OVER, read_ahead

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
            return  # the kill lands while the first batch is being written
        time.sleep(0.001)


def _stopped_midway(source: Path, out: Path, stop: Callable[[int], None]) -> int:
    """Start a two-job run of *source* into *out* in a session of its own, call *stop* with
    its pid once its first lines are on disk, and return the pid (its session's id)."""
    process = subprocess.Popen(
        command(str(source), "-o", str(out), "--jobs", "2", "--batch-size", "4"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        _wait_for_lines(out, process)
    finally:
        stop(process.pid)
        process.wait()
    return process.pid


def _settled(path: Path) -> bytes:
    """The file once no appender holds its lock (the one a killed run's appender holds
    while it finishes its batch), as the next run on the file would see it."""
    with path.open("rb") as handle:
        deadline = time.monotonic() + 30
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return handle.read()
            except BlockingIOError:
                assert time.monotonic() < deadline, "the appender never let the file go"
                time.sleep(0.01)


def test_a_killed_run_resumes_to_the_uninterrupted_output(tmp_path: Path) -> None:
    source = corpus(tmp_path / "many.jsonl", 200)
    whole = tmp_path / "whole.jsonl"
    done = run(str(source), "-o", str(whole), "--jobs", "2", "--batch-size", "4")
    assert done.returncode == 0, done.stderr

    out = tmp_path / "out.jsonl"
    _stopped_midway(source, out, lambda pid: os.killpg(pid, signal.SIGKILL))  # all at once
    data = _settled(out)
    assert data.endswith(b"\n")
    kept = [json.loads(line) for line in data.splitlines()]
    assert 0 < len(kept) < 200
    assert [doc["id"] for doc in kept] == [f"a{n}" for n in range(len(kept))]

    done = run(str(source), "-o", str(out), "--jobs", "2", "--batch-size", "4", "--resume")
    assert done.returncode == 0, done.stderr
    ids = [doc["id"] for doc in lines(out)]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 200
    assert out.read_bytes() == whole.read_bytes()


def _session_alive(session: int) -> list[int]:
    """The pids of the live (not zombie) processes of the session *session*."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_workers_end_when_the_command_alone_is_killed(tmp_path: Path) -> None:
    source = corpus(tmp_path / "many.jsonl", 400)
    out = tmp_path / "out.jsonl"
    running: list[int] = []

    def kill_the_command_only(pid: int) -> None:
        running.extend(_session_alive(pid))
        os.kill(pid, signal.SIGKILL)  # its workers and their server are left to notice

    session = _stopped_midway(source, out, kill_the_command_only)
    assert len(running) >= 3  # the command, its fork server, its workers
    deadline = time.monotonic() + 30
    while _session_alive(session) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _session_alive(session)
    for pid in left:  # not to leave them behind when the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == []
    assert _settled(out).endswith(b"\n")


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


# -- without --jobs: every core for a large JSON lines run ----------------------------


@given(
    st.lists(st.integers(), max_size=AUTO_JOBS_OVER + 30),
    st.sampled_from(["jsonl", "json", "text", "html"]),
    st.integers(1, 8),
)
def test_read_ahead_picks_every_core_only_for_many_articles_as_json_lines(
    items: list[int], format: str, cores: int
) -> None:
    jobs, rest = read_ahead(items, format, cores)  # type: ignore[arg-type]
    many = len(items) > AUTO_JOBS_OVER
    assert jobs == (cores if many and format == "jsonl" else 1)
    assert list(rest) == items


def test_read_ahead_reads_no_more_than_it_needs() -> None:
    endless = itertools.count()
    jobs, rest = read_ahead(endless, "jsonl", 2)  # type: ignore[arg-type]
    assert jobs == 2
    assert next(endless) == AUTO_JOBS_OVER + 1  # the rest is left unread
    assert list(itertools.islice(rest, AUTO_JOBS_OVER + 3)) == [
        *range(AUTO_JOBS_OVER + 1), AUTO_JOBS_OVER + 2, AUTO_JOBS_OVER + 3]


def test_jobs_default_to_every_core_over_the_threshold_and_to_one_below(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newslens.parallel

    monkeypatch.setattr(newslens.parallel, "cpu_count", lambda: 2)
    many = corpus(tmp_path / "many.jsonl", AUTO_JOBS_OVER + 1)
    out, one = tmp_path / "auto.jsonl", tmp_path / "one.jsonl"
    base = ["analyze", "--backend", "lite", "--format", "jsonl", str(many), "--summary"]
    assert main([*base, "-o", str(out)]) == 0
    assert "articles/s (2 jobs)" in capsys.readouterr().err
    assert main([*base, "-o", str(one), "--jobs", "1"]) == 0
    assert out.read_bytes() == one.read_bytes()
    few = corpus(tmp_path / "few.jsonl", AUTO_JOBS_OVER)
    assert main(["analyze", "--backend", "lite", "--format", "jsonl", str(few), "--summary",
                 "-o", str(out)]) == 0
    assert "jobs)" not in capsys.readouterr().err  # one process, as without a corpus run
    assert [doc["id"] for doc in lines(out)] == [f"a{n}" for n in range(AUTO_JOBS_OVER)]
    assert [{**r, "source": None} for r in lines(out)] == [
        {**r, "source": None} for r in lines(one)[:AUTO_JOBS_OVER]]


def test_help_gives_the_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--help"]) == 0
    assert f"more than {AUTO_JOBS_OVER} articles" in " ".join(capsys.readouterr().out.split())
