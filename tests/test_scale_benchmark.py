"""``benchmarks/scale.py``'s wrapper counts every process of a run, the workers a
fork server started included (they are not children of the command)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

SCALE = Path(__file__).parent.parent / "benchmarks" / "scale.py"

RUN = """
from newslens import parallel

def big(megabytes):
    block = bytearray(megabytes << 20)  # touched: resident
    return len(block) >> 20

def nothing():
    pass

if __name__ == "__main__":
    assert parallel.start_method() == "forkserver"
    print(list(parallel.ordered_map(big, [150], n_process=1, setup=nothing)))
"""


def test_the_wrapper_counts_the_memory_and_time_of_a_fork_servers_workers(
    tmp_path: Path,
) -> None:
    spec = importlib.util.spec_from_file_location("scale_benchmark", SCALE)
    assert spec is not None and spec.loader is not None
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    script = tmp_path / "run.py"
    script.write_text(RUN, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", scale.WRAPPER, sys.executable, str(script)],
                          capture_output=True, text=True, timeout=120, check=True)
    kib, status, wall, cpu = done.stdout.split()
    assert int(status) == 0
    assert int(kib) > 150 * 1024  # the worker's 150 MiB, which the command never had
    assert float(cpu) > 0 and float(wall) > 0
