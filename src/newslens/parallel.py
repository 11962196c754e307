"""Running a pipeline in worker processes, results in input order.

:func:`ordered_map` is the engine: it hands batches to a pool of worker
processes (started with the ``spawn`` method, never ``fork``, so that no lock or
thread of the parent is copied, and each is a child of the calling process),
keeps at most a few batches in flight, and yields the results in the order the
batches were given, as they arrive. The input is consumed lazily: at most
*in_flight* batches are read ahead, so memory stays flat whatever the length
of the input.

Each worker builds its :class:`~newslens.Pipeline` once, when it starts, from
the :class:`~newslens.Config` it is given and the installed plugins, and keeps
it for every batch it runs. Workers ignore Ctrl-C (``SIGINT``): the parent
process stops them.

:meth:`Pipeline.pipe(docs, n_process=N) <newslens.Pipeline.pipe>` uses this
module; so does ``newslens analyze --jobs N`` (see :mod:`newslens.runner`).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

if TYPE_CHECKING:
    from newslens.config import Config
    from newslens.model import Document
    from newslens.pipeline import Pipeline

T = TypeVar("T")
R = TypeVar("R")

_worker_state: dict[str, Any] = {}
"""What a worker process keeps between batches (its pipeline, a CLI line maker)."""


def cpu_count() -> int:
    """The number of processors this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def worker_context() -> BaseContext:
    """The multiprocessing context of the workers: ``spawn``.

    Each worker is a fresh interpreter and a child of the calling process
    (so that its time and memory are counted among the caller's children),
    and nothing of the caller (locks, threads, open files) is copied into it.
    """
    return multiprocessing.get_context("spawn")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Group *items* into lists of *size* (the last one may be shorter), lazily."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold back ``SIGINT`` in this thread for a moment (a Ctrl-C then arrives just after).

    Workers are started while a batch is submitted; they inherit the blocked
    signal, so that a Ctrl-C can neither stop one half started (which breaks
    the pool) nor reach it later (the parent stops the run).
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start_worker(setup: Callable[..., None], args: Sequence[Any]) -> None:
    _ignore_interrupts()
    setup(*args)


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    n_process: int,
    setup: Callable[..., None],
    setup_args: Sequence[Any] = (),
    in_flight: int | None = None,
) -> Iterator[R]:
    """Apply *func* to every item in worker processes, yielding results in input order.

    Args:
        func: A module-level function (it is pickled by name).
        items: Read lazily; at most *in_flight* items are waiting or running at once.
        n_process: How many worker processes.
        setup: Run once in each worker when it starts, with *setup_args*
            (a module-level function: build the pipeline there).
        in_flight: Most items handed out and not yet yielded (default: twice
            *n_process*).

    A worker that dies (killed, out of memory) or whose *setup* raises makes
    this raise ``concurrent.futures.process.BrokenProcessPool``; what *func*
    raises in a worker is raised here, in its item's turn. Either way, and
    when the caller stops early, nothing more is started: the workers finish
    the item they are running and exit.
    """
    limit = in_flight or 2 * n_process
    pool = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=worker_context(),
        initializer=_start_worker,
        initargs=(setup, tuple(setup_args)),
    )
    pending: deque[Future[R]] = deque()
    finished = False
    try:
        for item in items:
            with _interrupts_held():  # a worker started now is born deaf to Ctrl-C
                pending.append(pool.submit(func, item))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # interrupted, closed early or failed: start nothing more
            # The workers finish the batch they are running and exit; they are
            # not killed, which could leave a result half sent and the pool's
            # thread waiting for the rest of it for ever.
            for future in pending:
                future.cancel()
            pool.shutdown(wait=False, cancel_futures=True)


# -- Pipeline.pipe(n_process=N) ------------------------------------------------------


def _setup_pipeline(config: Config) -> None:
    from newslens.pipeline import Pipeline

    _worker_state["pipeline"] = Pipeline(config=config)


def _analyse_batch(batch: list[Document]) -> list[Document]:
    pipeline: Pipeline = _worker_state["pipeline"]
    done = pipeline.pipe(batch, batch_size=max(1, len(batch)))
    return [attrs.evolve(doc, output=None) for doc in done]  # its output is bound again


def pipe_in_processes(
    pipeline: Pipeline, docs: Iterable[Document], *, n_process: int, batch_size: int
) -> Iterator[Document]:
    """Run ``pipeline.pipe(docs)`` in *n_process* workers (see :meth:`Pipeline.pipe
    <newslens.Pipeline.pipe>`); each worker builds ``Pipeline(config=pipeline.config)``."""
    from newslens.plugins import with_output

    results = ordered_map(
        _analyse_batch,
        batched(docs, batch_size),
        n_process=n_process,
        setup=_setup_pipeline,
        setup_args=(pipeline.config,),
    )
    for batch in results:
        for doc in batch:
            yield with_output(doc, pipeline.plugins, strict=pipeline.config.strict)
