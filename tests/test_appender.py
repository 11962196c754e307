"""The appender: whole batches only, the output's lock, and clear write errors."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslens.cli import EXIT_USAGE
from newslens.io import _appender_child
from newslens.io.appender import HEADER, Appender, open_locked


def test_batches_are_written_in_order_and_a_fresh_run_empties_the_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"old line\n")
    sink = Appender(str(out), fresh=True)
    sink.write(b'{"id": "1"}\n')
    sink.write(b'{"id": "2"}\n{"id": "3"}\n')
    sink.close()
    assert out.read_bytes() == b'{"id": "1"}\n{"id": "2"}\n{"id": "3"}\n'

    again = Appender(str(out), fresh=False)
    again.write(b'{"id": "4"}\n')
    again.close()
    again.close()  # a second close does nothing more
    assert out.read_bytes().splitlines()[-1] == b'{"id": "4"}'


@settings(max_examples=25, deadline=None)
@given(st.lists(st.binary(max_size=3000), max_size=6))
def test_what_is_handed_over_is_what_the_file_holds(batches: list[bytes]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.bin"
        sink = Appender(str(out), fresh=True)
        for batch in batches:
            sink.write(batch)
        sink.close()
        assert out.read_bytes() == b"".join(batches)


def test_a_batch_handed_over_in_part_is_not_written(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    fd = open_locked(str(out), fresh=True)
    try:
        child = subprocess.Popen(
            [sys.executable, "-I", "-S", _appender_child.__file__, str(fd)],
            stdin=subprocess.PIPE, pass_fds=(fd,),
        )
    finally:
        os.close(fd)
    assert child.stdin is not None
    whole = b'{"id": "a"}\n' * 500
    child.stdin.write(HEADER.pack(len(whole)) + whole)
    child.stdin.write(HEADER.pack(len(whole)) + whole[: len(whole) // 2])
    child.stdin.close()  # as when the command is killed while handing a batch over
    assert child.wait(timeout=30) == 0
    assert out.read_bytes() == whole


def test_a_second_appender_waits_for_the_first_to_let_the_file_go(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = Appender(str(out), fresh=True)
    first.write(b"1\n")
    events: list[str] = []

    def second() -> None:
        sink = Appender(str(out), fresh=False, on_wait=lambda: events.append("second waits"))
        events.append("second ready")
        sink.write(b"2\n")
        sink.close()

    thread = threading.Thread(target=second)
    thread.start()
    time.sleep(0.3)
    events.append("first closing")
    first.close()
    thread.join(timeout=30)
    assert events == ["second waits", "first closing", "second ready"]
    assert out.read_bytes() == b"1\n2\n"


def test_a_file_that_cannot_be_opened_or_written_gives_the_reason(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="No such file or directory"):
        Appender(str(tmp_path / "missing" / "out.jsonl"), fresh=True)
    full = Appender("/dev/full", fresh=True)
    with pytest.raises(OSError, match="No space left on device"):
        full.write(b"x" * 100)
        full.close()


@pytest.mark.parametrize("jobs", [[], ["--jobs", "1"], ["--jobs", "2"]])
@pytest.mark.parametrize("to_file", [True, False])
def test_a_full_disk_is_a_clear_error_not_a_traceback(jobs: list[str], to_file: bool) -> None:
    article = Path(__file__).parent / "fixtures" / "inputs"
    command = [sys.executable, "-m", "newslens", "analyze", "--backend", "lite",
               "--format", "jsonl", str(article), *jobs]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(command + (["-o", "/dev/full"] if to_file else []),
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                              check=False)
    where = "/dev/full" if to_file else "standard output"
    assert done.returncode == EXIT_USAGE
    assert done.stderr == f"newslens: error: cannot write {where}: No space left on device\n"


def test_runs_writing_to_the_null_device_do_not_wait_for_each_other() -> None:
    first = Appender(os.devnull, fresh=True)
    done: list[bool] = []

    def second() -> None:
        sink = Appender(os.devnull, fresh=True)  # would wait behind a lock on the device
        sink.write(b"line\n")
        sink.close()
        done.append(True)

    thread = threading.Thread(target=second, daemon=True)
    thread.start()
    thread.join(timeout=30)
    first.close()
    assert done == [True]


def _analyze(*args: str) -> subprocess.CompletedProcess[bytes]:
    inputs = Path(__file__).parent / "fixtures" / "inputs"
    return subprocess.run(
        [sys.executable, "-m", "newslens", "analyze", "--backend", "lite", "--format", "jsonl",
         str(inputs), *args], capture_output=True, timeout=120, check=False,
    )


def test_a_corpus_run_writes_to_dev_stdout_as_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    to_file = _analyze("--jobs", "1", "-o", str(out))
    to_stdout = _analyze("--jobs", "1", "-o", "/dev/stdout")
    assert to_file.returncode == to_stdout.returncode == 0, to_stdout.stderr
    assert to_stdout.stdout == out.read_bytes() != b""


def test_resume_into_the_null_device_is_no_error() -> None:
    done = _analyze("--jobs", "1", "--resume", "-o", os.devnull)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
