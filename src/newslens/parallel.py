"""Running a pipeline in worker processes, results in input order.

:func:`ordered_map` is the engine: it hands batches to a pool of worker
processes (see :func:`worker_context` for how they are started: never with a
plain ``fork`` of the caller, so that no lock or thread of the caller is
copied), keeps at most a few batches in flight, and yields the results in the order the
batches were given, as they arrive. The input is consumed lazily: at most
*in_flight* batches are read ahead, so memory stays flat whatever the length
of the input.

Each worker runs its *setup* once, when it starts: there the callers (the
pipeline, the command) build a :class:`~newslens.Pipeline` from the
:class:`~newslens.Config` they pass and the installed plugins, and keep it for
every batch. This module knows nothing of pipelines: they use it. Workers
ignore Ctrl-C (``SIGINT``): the parent process stops them.

:meth:`Pipeline.pipe(docs, n_process=N) <newslens.Pipeline.pipe>` uses this
module; so does ``newslens analyze --jobs N`` (see :mod:`newslens.runner`).
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

# multiprocessing and concurrent.futures are imported where a pool is made: a
# command-line run with one job reads cpu_count() only, and saves their imports
# (about 9 ms of every start)

T = TypeVar("T")
R = TypeVar("R")


def cpu_count() -> int:
    """The number of processors this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


START_METHODS: Final = ("forkserver", "spawn")
"""The start methods of the workers, the first the platform has (:func:`start_method`)."""

WARM_UP_ARTICLE: Final = (
    "The harbour board said on Tuesday, March 3, 2020, that the new bridge would "
    'open in May. "We will not raise the tolls," its chair, Ann Lee, told reporters. '
    "Critics said the plan was late and costly; the mayor denied it.\n\n"
    "Dr. Smith's report, published last week, found that 12% of drivers were unhappy."
)
"""A short article of our own with every kind of thing the plugins look at, which a
worker's pipeline analyses before its first task so that its tables are loaded then
(``newslens._warm`` in the fork server, :func:`newslens.dask.warm_up` on Dask workers)."""

PRELOAD: Final = ("newslens.runner",)
"""What the fork server imports before it forks any worker, whatever the backend."""

PRELOAD_LITE: Final = ("newslens._warm",)
"""What it imports when the workers use the lite backend: ``newslens._warm`` also
loads the lite annotator's and the installed plugins' tables, once, for every worker."""


def preload_for(backend: str) -> tuple[str, ...]:
    """What the fork server preloads for workers of *backend* (the annotator's name):
    :data:`PRELOAD_LITE` for ``lite``, else :data:`PRELOAD`."""
    return PRELOAD_LITE if backend == "lite" else PRELOAD


def start_method() -> str:
    """The start method of the workers: ``forkserver`` where the platform has it
    (Linux, macOS), else ``spawn`` (Windows)."""
    import multiprocessing

    available = multiprocessing.get_all_start_methods()
    return next((m for m in START_METHODS if m in available), "spawn")


def worker_context(preload: Sequence[str] = PRELOAD) -> multiprocessing.context.BaseContext:
    """The multiprocessing context of the workers (see :func:`start_method`).

    With ``forkserver`` a server process is started once (a fresh interpreter,
    with no thread: nothing of the caller, no lock, no thread, is copied), imports
    the modules *preload* names, and forks each worker from itself: a worker
    starts with the modules and the tables they loaded, instead of importing and
    loading them again (about 0.6 CPU seconds a worker on the lite backend). The
    server outlives the pool, for the next one; its preload is the one given
    when it started. A module of *preload* that cannot be imported is left out.
    The workers are children of the server, not of the caller.

    With ``spawn`` each worker is a fresh interpreter and a child of the caller,
    and imports and loads everything itself.
    """
    import multiprocessing

    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(list(preload))
    return context


def start_server(preload: Sequence[str] = PRELOAD) -> bool:
    """Start the workers' fork server now, if :func:`start_method` is ``forkserver``
    and it is not running yet; return whether it was started.

    The server then imports *preload* (see :func:`worker_context`) while the
    caller goes on with its own setup, rather than when the first worker is
    needed. ``newslens analyze --jobs N`` (N > 1) calls it first thing with the
    lite backend. It is started with ``SIGINT`` held back, as the workers are.
    """
    if start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    if getattr(forkserver._forkserver, "_forkserver_pid", None) is not None:
        return False  # running already: its preload stays
    worker_context(preload)
    with _interrupts_held():
        forkserver.ensure_running()
    return True


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

    Workers (and the fork server, the first time) are started while a batch is
    submitted; they inherit the blocked signal (a worker forked by the server
    inherits the server's), so that a Ctrl-C can neither stop one half started
    (which breaks the pool) nor reach it later (the parent stops the run).
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
    follow()
    setup(*args)


def follow() -> None:
    """End this process (with status 1) as soon as the process that started it is gone.

    A worker calls it when it starts. Without it, a pool's workers outlive a
    parent killed with ``kill -9`` for ever: each holds both ends of the pool's
    queues, so none ever reads an end of input, and the fork server waits for
    them. A daemon thread waits on the parent's sentinel, which multiprocessing
    gives every process it starts, whatever the start method.
    """
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return  # not started by multiprocessing: nothing to follow

    def wait_then_end() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=wait_then_end, daemon=True, name="newslens-follow-parent").start()


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    n_process: int,
    setup: Callable[..., None],
    setup_args: Sequence[Any] = (),
    in_flight: int | None = None,
    preload: Sequence[str] = PRELOAD,
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
        preload: Modules the fork server imports before it forks the workers
            (see :func:`worker_context`; with ``spawn``, none).

    A worker that dies (killed, out of memory) or whose *setup* raises makes
    this raise ``concurrent.futures.process.BrokenProcessPool``; what *func*
    raises in a worker is raised here, in its item's turn. Either way, and
    when the caller stops early, nothing more is started: the workers finish
    the item they are running and exit.
    """
    from concurrent.futures import ProcessPoolExecutor

    limit = in_flight or 2 * n_process
    pool = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=worker_context(preload),
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
