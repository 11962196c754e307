"""Speed of newslens.dask on a 2-worker LocalCluster against two plain processes.

Reads every ``*.txt`` article of ``--data``'s ``train/text`` folder (or of
``--data`` itself when it holds articles) as ``newslens analyze`` reads them,
then analyses them all, with every installed plugin on the ``--backend``
annotator, and brings every JSON record (:meth:`Document.to_dict
<newslens.Document.to_dict>`) back to this process, in several ways:

- **processes**: a :class:`multiprocessing.Pool` of ``--workers`` processes,
  each building one :class:`~newslens.Pipeline` when it starts, mapping the
  articles in input order (chunks of ``--chunk``). Timed from the pool's
  creation (pipelines built included) to the last record.
- **dask** on a ``dask.distributed`` ``LocalCluster`` of ``--workers``
  processes of one thread each, the workers' statistical profiler off
  (``--profile`` keeps it on), as the docs recommend for a batch run; a new
  cluster for each run. Its start, and the registration of the worker plugin
  (pipelines built and warmed up on the workers), are timed apart; the run is
  timed from the computation's start to the last record. ``--dask`` chooses
  the ways (comma-separated, each run in every round):

  - ``after`` (what the docs recommend): a
    :class:`newslens.dask.PipelineWorkerPlugin` registered first (each worker
    builds its pipeline as it starts), the bag made by
    :func:`newslens.dask.article_bag` with its default partitions (or
    ``--partitions``), the records brought back by
    :func:`newslens.dask.gather_records`;
  - ``before`` (what the docs recommended until then): no plugin (each worker
    builds its pipeline in its first task, timed), 4 partitions per worker
    (or ``--partitions``) and ``bag.compute()``;
  - ``plugin``: as ``before`` with the plugin registered first;
  - ``lazy``: as ``after`` without the plugin (pipelines built in the first
    tasks, timed).

The ways alternate for ``--rounds`` rounds and the best time of each is kept
(other work on the machine slows one or the other); each run shows the CPU
seconds other processes spent meanwhile (from ``/proc/stat``: how much the
machine was shared), and ``--wait-idle`` waits for the machine to be idle
before each run; ``--max-others`` leaves out of the best the runs during
which they spent more than so many CPU seconds. All must give the same
records. Prints the times, the rates and the ratios to the processes' time
(target: dask within 25% of the processes), and the CPU seconds each spent
(the workers', and this process's: Dask's scheduler runs in it; the plugin's
registration included), which a busy machine changes less than the times.
Run it on a quiet machine.

Usage::

    python benchmarks/dask_speed.py --data ../shared/data/polnear --dask before,after
"""

from __future__ import annotations

import argparse
import math
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


def machine_cpu() -> float:
    """CPU seconds the whole machine has spent busy since it started (``nan`` where
    ``/proc/stat`` is missing)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(field) for field in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return math.nan
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(most: float) -> float:
    """Wait (up to *most* seconds) until the machine has been idle for a second (under
    0.1 core busy); return how long it waited."""
    began = time.perf_counter()
    while time.perf_counter() - began < most:
        before = machine_cpu()
        time.sleep(1.0)
        if not machine_cpu() - before > 0.1:  # nan (no /proc/stat): do not wait
            break
    return time.perf_counter() - began


def with_processes(docs: list[Document], workers: int, chunk: int, backend: str) -> tuple[
    float, float, float, list[dict[str, Any]]
]:
    """Analyse *docs* on a pool of *workers* processes; return the time, the CPU seconds
    (workers and this process), the other processes' CPU seconds meanwhile and the records."""
    chunks = [docs[i : i + chunk] for i in range(0, len(docs), chunk)]
    machine = machine_cpu()
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
    return took, cpu, machine_cpu() - machine - cpu, records


WAYS = ("after", "before", "plugin", "lazy")
"""The ways of running on Dask that ``--dask`` chooses from (see the module's docs)."""


def with_dask(
    docs: list[Document], way: str, args: argparse.Namespace
) -> tuple[float, float, float, float, float, list[dict[str, Any]]]:
    """Analyse *docs* on a new LocalCluster, *way*; return its start time, the plugin's
    registration time (0 without it), the run's time, the CPU seconds (workers and this
    process, registration included), the other processes' CPU seconds meanwhile (the
    cluster's nannies' included) and the records."""
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster

    import newslens.dask

    plugin = way in ("after", "plugin")
    began = time.perf_counter()
    with dask.config.set({"distributed.worker.profile.enabled": args.profile}), LocalCluster(
        n_workers=args.workers, processes=True, threads_per_worker=1, dashboard_address=":0",
        worker_dashboard_address=":0",
    ) as cluster, Client(cluster) as client:
        started = time.perf_counter() - began
        machine = machine_cpu()
        cpu = sum(client.run(cpu_seconds).values()) + cpu_seconds()
        began = time.perf_counter()
        if plugin:
            client.register_plugin(newslens.dask.PipelineWorkerPlugin(args.backend))
        registered = time.perf_counter() - began if plugin else 0.0
        began = time.perf_counter()
        if way in ("after", "lazy"):
            bag = newslens.dask.article_bag(docs, npartitions=args.partitions or None)
            records = newslens.dask.gather_records(
                newslens.dask.analyze_bag(bag, backend=args.backend)
            )
        else:
            bag = db.from_sequence(docs, npartitions=args.partitions or 4 * args.workers)
            records = newslens.dask.analyze_bag(bag, backend=args.backend).compute()
        took = time.perf_counter() - began
        cpu = sum(client.run(cpu_seconds).values()) + cpu_seconds() - cpu
        others = machine_cpu() - machine - cpu
    return started, registered, took, cpu, others, records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--backend", default="lite")
    parser.add_argument("--chunk", type=int, default=10, help="articles per pool task")
    parser.add_argument("--rounds", type=int, default=2, help="alternate runs of each")
    parser.add_argument("--dask", default="before,after",
                        help=f"the ways of running on Dask, comma-separated, of {', '.join(WAYS)}")
    parser.add_argument("--partitions", type=int, default=0,
                        help="bag partitions (default: article_bag's for after and lazy, "
                        "4 per worker for before and plugin)")
    parser.add_argument("--profile", action="store_true",
                        help="keep the Dask workers' statistical profiler on")
    parser.add_argument("--wait-idle", type=float, default=0.0, metavar="SECONDS",
                        help="before each run, wait up to SECONDS for the machine to be idle")
    parser.add_argument("--max-others", type=float, default=math.inf, metavar="SECONDS",
                        help="leave out of the best the runs during which other processes "
                        "spent more than SECONDS of CPU time")
    args = parser.parse_args(argv)
    ways = [way.strip() for way in args.dask.split(",") if way.strip()]
    if not ways or any(way not in WAYS for way in ways):
        parser.error(f"--dask takes ways of {', '.join(WAYS)}, got {args.dask!r}")
    # Worker processes import newslens and the plugins from where this one does.
    os.environ["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)
    docs = articles(args.data)
    print(f"{len(docs)} articles, {args.workers} workers, backend {args.backend}")
    best: dict[str, tuple[float, float, float]] = {}  # way: time, CPU, registration
    for round in range(1, args.rounds + 1):
        waited = wait_until_idle(args.wait_idle)
        seconds, cpu, others, expected = with_processes(
            docs, args.workers, args.chunk, args.backend
        )
        print(f"round {round} processes:     {seconds:6.1f} s (CPU {cpu:.1f} s; other "
              f"processes' CPU {others:.1f} s, waited {waited:.0f} s)", flush=True)
        if not others > args.max_others:
            best["processes"] = _best(best.get("processes"), (seconds, cpu, 0.0))
        for way in ways:
            waited = wait_until_idle(args.wait_idle)
            started, registered, seconds, cpu, others, records = with_dask(docs, way, args)
            print(f"round {round} dask {way:<8} {seconds:6.1f} s (CPU {cpu:.1f} s; cluster "
                  f"start {started:.1f} s, plugin registered in {registered:.1f} s; other "
                  f"processes' CPU {others:.1f} s, waited {waited:.0f} s)", flush=True)
            if not others > args.max_others:
                best[way] = _best(best.get(way), (seconds, cpu, registered))
            if records != expected:
                print(f"the records of dask {way} differ", file=sys.stderr)
                return 1
    summary(best, ways, len(docs), args)
    return 0


def summary(best: dict[str, tuple[float, float, float]], ways: list[str], count: int,
            args: argparse.Namespace) -> None:
    """Print the best run of each way (time, CPU seconds, registration) and its ratios."""
    kept = "" if args.max_others == math.inf else (
        f", of the runs during which other processes spent at most {args.max_others:g} CPU s"
    )
    if "processes" not in best:
        print(f"no run of the processes to compare with{kept}")
        return
    plain, plain_cpu, _ = best["processes"]
    print(f"best of {args.rounds}{kept}:")
    print(f"processes     {plain:5.1f} s {count / plain:6.1f} articles/s, CPU {plain_cpu:.1f} s "
          f"(multiprocessing.Pool, chunks of {args.chunk}, pipelines built included)")
    for way in ways:
        if way not in best:
            print(f"dask {way:<8} no run")
            continue
        took, cpu, registered = best[way]
        print(f"dask {way:<8} {took:5.1f} s {count / took:6.1f} articles/s, CPU {cpu:.1f} s; "
              f"ratio to processes {took / plain:.2f} (target: at most 1.25), "
              f"{(took + registered) / plain:.2f} with the plugin's registration, "
              f"in CPU seconds {cpu / plain_cpu:.2f}")
    print(f"(profiler {'on' if args.profile else 'off'})")


def _best(
    old: tuple[float, float, float] | None, new: tuple[float, float, float]
) -> tuple[float, float, float]:
    """The shortest time, the fewest CPU seconds and the shortest registration of two runs."""
    return new if old is None else (min(old[0], new[0]), min(old[1], new[1]), min(old[2], new[2]))


if __name__ == "__main__":
    sys.exit(main())
