"""Kill a corpus run midway, ``--resume`` it, and compare with an uninterrupted run.

On the PolNeAR train articles (``--data``; the first ``--articles``, 840 by
default, written as a JSON lines corpus as ``benchmarks/scale.py`` writes it):

1. one uninterrupted run, ``newslens analyze corpus.jsonl --format jsonl -o
   whole.jsonl --jobs JOBS``, whose time sets the range of the kill times;
2. ``--rounds`` rounds, each with a kill time drawn at random (seeded) between
   5% and 75% of that time (a run may go faster than the first) and a way to stop the run, in turn:

   - ``kill -9 group``: SIGKILL to the command's process group (the command
     and its workers, at once, as a shell's job control or a batch scheduler
     does);
   - ``kill -9 command``: SIGKILL to the command alone (its workers and its
     fork server are left to notice);
   - ``Ctrl-C``: SIGINT to the process group, as a terminal sends it;

   then it waits for the file's lock (the appender of :mod:`newslens.io.appender`
   finishing its last batch), reads the file as a reader would, checks that every
   line is a whole JSON object in input order, runs the command again with
   ``--resume``, and compares the result with the uninterrupted run byte for byte.
   It also counts processes of the stopped run still alive 10 seconds after the
   stop (none should be).

Printed per round: how the run was stopped, when, lines on disk after the stop,
whether the file ended with a cut line, ids once each after the resume, and
whether the file equals the uninterrupted run's. The last line sums the rounds.

Usage::

    python benchmarks/kill_resume.py --data ../shared/data/polnear --rounds 6
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale import ENVIRONMENT, command, write_corpus

STOPS = ("kill -9 group", "kill -9 command", "Ctrl-C")


def settled(path: Path, timeout: float = 30.0) -> bytes:
    """The file once no appender holds its lock (empty when there is no file)."""
    if not path.exists():
        return b""
    with path.open("rb") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return handle.read()
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"{path}: still locked after {timeout} s") from None
                time.sleep(0.01)


def survivors(session: int) -> int:
    """Processes still alive in the session *session* (the stopped run's)."""
    alive = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                alive += 1
    return alive


def stop(process: subprocess.Popen[bytes], how: str) -> None:
    if how == "kill -9 group":
        os.killpg(process.pid, signal.SIGKILL)
    elif how == "kill -9 command":
        os.kill(process.pid, signal.SIGKILL)
    else:
        os.killpg(process.pid, signal.SIGINT)


def one_round(argv: list[str], out: Path, whole: bytes, at: float, how: str) -> dict[str, object]:
    """Start a run, stop it after *at* seconds, check the file, resume, compare."""
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True, env=ENVIRONMENT)
    time.sleep(at)
    stop(process, how)
    process.wait()
    data = settled(out)
    cut = bool(data) and not data.endswith(b"\n")
    lines = data.splitlines()
    whole_lines = whole.splitlines()
    in_order = all(json.loads(line) == json.loads(whole_lines[n])
                   for n, line in enumerate(lines[: len(lines) - cut]))
    time.sleep(10)
    left = survivors(process.pid)
    resumed = subprocess.run([*argv, "--resume"], capture_output=True, env=ENVIRONMENT,
                             check=False)
    after = out.read_bytes()
    ids = [json.loads(line)["id"] for line in after.splitlines()]
    return {
        "how": how, "at": at, "lines": len(lines) - cut, "cut": cut, "in_order": in_order,
        "left": left, "status": resumed.returncode, "once": len(ids) == len(set(ids)),
        "equal": after == whole,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--articles", type=int, default=840)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--backend", default="lite")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    chance = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder, "corpus.jsonl")
        count = write_corpus(args.data / "train" / "text", args.articles, args.articles, corpus)
        whole_path = Path(folder, "whole.jsonl")
        start = time.perf_counter()
        subprocess.run(command(corpus, str(whole_path), args.jobs, args.backend), check=True,
                       env=ENVIRONMENT, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        whole = whole_path.read_bytes()
        print(f"{count} articles, --jobs {args.jobs}: an uninterrupted run takes "
              f"{seconds:.1f} s")
        print(f"{'stopped by':<16} {'at s':>6} {'lines':>6} {'cut':>4} {'order':>6} "
              f"{'left':>5} {'resume':>7} {'once':>5} {'equal':>6}")
        results = []
        for n in range(args.rounds):
            out = Path(folder, f"out{n}.jsonl")
            at = round(chance.uniform(0.05, 0.75) * seconds, 2)
            r = one_round(command(corpus, str(out), args.jobs, args.backend), out, whole, at,
                          STOPS[n % len(STOPS)])
            results.append(r)
            print(f"{r['how']:<16} {at:>6.2f} {r['lines']:>6} {r['cut']!s:>4} "
                  f"{r['in_order']!s:>6} {r['left']:>5} {r['status']:>7} {r['once']!s:>5} "
                  f"{r['equal']!s:>6}")
        ended = sum(r["lines"] == count for r in results)
        if ended:
            print(f"({ended} of the runs had finished before they were stopped)")
        good = sum(not r["cut"] and r["in_order"] and r["once"] and r["equal"]
                   and not r["left"] for r in results)
        print(f"{good} of {len(results)} rounds: no cut line, lines in order, no process "
              "left, every id once after --resume, equal to the uninterrupted run")
    return 0 if good == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
