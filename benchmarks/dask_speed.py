"""Speed of newslens.dask on a 2-worker LocalCluster against two plain processes.

Reads every ``*.txt`` article of ``--data``'s ``train/text`` folder (or of
``--data`` itself when it holds articles) as ``newslens analyze`` reads them,
then analyses them all, with every installed plugin on the ``--backend``
annotator, and brings every JSON record (:meth:`Document.to_dict
<newslens.Document.to_dict>`) back to this process, twice:

- **processes**: a :class:`multiprocessing.Pool` of ``--workers`` processes,
  each building one :class:`~newslens.Pipeline` when it starts, mapping the
  articles in input order (chunks of ``--chunk``). Timed from the pool's
  creation (pipelines built included) to the last record.
- **dask**: :func:`newslens.dask.analyze_bag` on a ``dask.distributed``
  ``LocalCluster`` of ``--workers`` processes of one thread each, the bag cut
  into ``--partitions`` partitions (default: 4 per worker, as the docs
  recommend), the workers' statistical profiler off (``--profile`` keeps it
  on), as the docs recommend for a batch run. Timed from the computation's
  start (pipelines built on the workers included) to the last record; the
  cluster's start is shown apart.

The two alternate for ``--rounds`` rounds and the best time of each is kept
(other work on the machine slows one or the other). Both must give the same
records. Prints both times, the rates and the ratio (target: dask within 25%
of the processes), and the CPU seconds each spent (the workers', and this
process's: Dask's scheduler runs in it), which a busy machine changes less
than the times. Run it on a quiet machine.

Usage::

    python benchmarks/dask_speed.py --data ../shared/data/polnear
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from newslens import Document, Pipeline
from newslens.io.loaders import parse_txt

_pipeline: Pipeline | None = None


def articles(data: Path) -> list[Document]:
    """Read the ``.txt`` articles of *data* (or of its ``train/text`` folder), by name."""
    folder = data / "train" / "text" if (data / "train" / "text").is_dir() else data
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt articles in {folder}")
    return [parse_txt(path.read_text(encoding="utf-8"), id=path.stem) for path in paths]


def _start(backend: str) -> None:
    global _pipeline
    _pipeline = Pipeline(backend)


def _analyse(docs: list[Document]) -> list[dict[str, Any]]:
    assert _pipeline is not None
    return [doc.to_dict(detail="standard") for doc in _pipeline.pipe(docs)]


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    """CPU seconds (user and system) of this process, or of its ended children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def with_processes(docs: list[Document], workers: int, chunk: int, backend: str) -> tuple[
    float, float, list[dict[str, Any]]
]:
    """Analyse *docs* on a pool of *workers* processes; return the time, the CPU seconds
    (workers and this process) and the records."""
    chunks = [docs[i : i + chunk] for i in range(0, len(docs), chunk)]
    cpu = cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    pool = multiprocessing.get_context("spawn").Pool(
        workers, initializer=_start, initargs=(backend,)
    )
    with pool:
        records = [record for part in pool.imap(_analyse, chunks) for record in part]
        took = time.perf_counter() - began
        pool.close()
        pool.join()  # the workers' CPU seconds are counted once they have ended
    cpu = cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu
    return took, cpu, records


def with_dask(
    docs: list[Document], workers: int, partitions: int, backend: str, profile: bool
) -> tuple[float, float, float, list[dict[str, Any]]]:
    """Analyse *docs* on a LocalCluster; return its start time, the run's time, the CPU
    seconds (workers and this process) and the records."""
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster

    import newslens.dask

    began = time.perf_counter()
    with dask.config.set({"distributed.worker.profile.enabled": profile}), LocalCluster(
        n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=":0",
        worker_dashboard_address=":0",
    ) as cluster, Client(cluster) as client:
        started = time.perf_counter() - began
        cpu = sum(client.run(cpu_seconds).values()) + cpu_seconds()
        began = time.perf_counter()
        bag = db.from_sequence(docs, npartitions=partitions)
        records = newslens.dask.analyze_bag(bag, backend=backend).compute()
        took = time.perf_counter() - began
        cpu = sum(client.run(cpu_seconds).values()) + cpu_seconds() - cpu
    return started, took, cpu, records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--backend", default="lite")
    parser.add_argument("--chunk", type=int, default=10, help="articles per pool task")
    parser.add_argument("--rounds", type=int, default=2, help="alternate runs of each")
    parser.add_argument("--partitions", type=int, default=0,
                        help="bag partitions (default: 4 per worker)")
    parser.add_argument("--profile", action="store_true",
                        help="keep the Dask workers' statistical profiler on")
    args = parser.parse_args(argv)
    # Worker processes import newslens and the plugins from where this one does.
    os.environ["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)
    docs = articles(args.data)
    partitions = args.partitions or 4 * args.workers
    print(f"{len(docs)} articles, {args.workers} workers, backend {args.backend}")
    plain = took = plain_cpu = dask_cpu = float("inf")
    for round in range(1, args.rounds + 1):
        seconds, cpu, expected = with_processes(docs, args.workers, args.chunk, args.backend)
        print(f"round {round} processes: {seconds:6.1f} s (CPU {cpu:.1f} s)", flush=True)
        plain, plain_cpu = min(plain, seconds), min(plain_cpu, cpu)
        started, seconds, cpu, records = with_dask(
            docs, args.workers, partitions, args.backend, args.profile
        )
        print(f"round {round} dask:      {seconds:6.1f} s (CPU {cpu:.1f} s; cluster start "
              f"{started:.1f} s)", flush=True)
        took, dask_cpu = min(took, seconds), min(dask_cpu, cpu)
        if records != expected:
            print("the records differ", file=sys.stderr)
            return 1
    print(f"processes: {plain:6.1f} s  {len(docs) / plain:6.1f} articles/s, CPU {plain_cpu:.1f} s "
          f"(multiprocessing.Pool, chunks of {args.chunk}, pipelines built included)")
    print(f"dask:      {took:6.1f} s  {len(docs) / took:6.1f} articles/s, CPU {dask_cpu:.1f} s "
          f"({partitions} partitions, profiler {'on' if args.profile else 'off'}, "
          "pipelines built included)")
    print(f"ratio dask / processes: {took / plain:.2f} (target: at most 1.25); "
          f"in CPU seconds {dask_cpu / plain_cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
