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
  into ``--partitions`` partitions. Timed from the computation's start
  (pipelines built on the workers included) to the last record; the cluster's
  start is shown apart.

The two alternate for ``--rounds`` rounds and the best time of each is kept
(other work on the machine slows one or the other). Both must give the same
records. Prints both times, the rates and the ratio (target: dask within 25%
of the processes). Run it on a quiet machine.

Usage::

    python benchmarks/dask_speed.py --data ../shared/data/polnear
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
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


def with_processes(docs: list[Document], workers: int, chunk: int, backend: str) -> tuple[
    float, list[dict[str, Any]]
]:
    """Analyse *docs* on a pool of *workers* processes; return the time and the records."""
    chunks = [docs[i : i + chunk] for i in range(0, len(docs), chunk)]
    began = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(
        workers, initializer=_start, initargs=(backend,)
    ) as pool:
        records = [record for part in pool.imap(_analyse, chunks) for record in part]
    return time.perf_counter() - began, records


def with_dask(docs: list[Document], workers: int, partitions: int, backend: str) -> tuple[
    float, float, list[dict[str, Any]]
]:
    """Analyse *docs* on a LocalCluster; return its start time, the run's time and the records."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    import newslens.dask

    began = time.perf_counter()
    with LocalCluster(
        n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=":0",
        worker_dashboard_address=":0",
    ) as cluster, Client(cluster):
        started = time.perf_counter() - began
        began = time.perf_counter()
        bag = db.from_sequence(docs, npartitions=partitions)
        records = newslens.dask.analyze_bag(bag, backend=backend).compute()
        took = time.perf_counter() - began
    return started, took, records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--backend", default="lite")
    parser.add_argument("--chunk", type=int, default=10, help="articles per pool task")
    parser.add_argument("--rounds", type=int, default=2, help="alternate runs of each")
    parser.add_argument("--partitions", type=int, default=0,
                        help="bag partitions (default: as many as the pool's tasks)")
    args = parser.parse_args(argv)
    # Worker processes import newslens and the plugins from where this one does.
    os.environ["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)
    docs = articles(args.data)
    partitions = args.partitions or -(-len(docs) // args.chunk)
    print(f"{len(docs)} articles, {args.workers} workers, backend {args.backend}")
    plain = took = float("inf")
    for round in range(1, args.rounds + 1):
        seconds, expected = with_processes(docs, args.workers, args.chunk, args.backend)
        print(f"round {round} processes: {seconds:6.1f} s", flush=True)
        plain = min(plain, seconds)
        started, seconds, records = with_dask(docs, args.workers, partitions, args.backend)
        print(f"round {round} dask:      {seconds:6.1f} s (cluster start {started:.1f} s)",
              flush=True)
        took = min(took, seconds)
        if records != expected:
            print("the records differ", file=sys.stderr)
            return 1
    print(f"processes: {plain:6.1f} s  {len(docs) / plain:6.1f} articles/s "
          f"(multiprocessing.Pool, chunks of {args.chunk}, pipelines built included)")
    print(f"dask:      {took:6.1f} s  {len(docs) / took:6.1f} articles/s "
          f"({partitions} partitions, pipelines built included)")
    print(f"ratio dask / processes: {took / plain:.2f} (target: at most 1.25)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
