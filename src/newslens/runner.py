"""``newslens analyze --jobs N``: a corpus run, streamed, in order, resumable.

The command reads the inputs lazily, hands batches of articles to worker
processes (see :mod:`newslens.parallel`; with ``--jobs 1`` they are analysed
in the command's own process by the same code), and writes each result as
one JSON line, in input order, as soon as it and those before it are done.
Each batch's lines are written whole, by an appender process of the command's own
(:mod:`newslens.io.appender`) when the output is a file, so that a run stopped at
any moment (Ctrl-C, ``kill -9``) leaves a file of complete lines; a last line cut
short (by a machine that goes down) is removed by ``--resume``.

An article that cannot be analysed or written gets an error record in its
place, ``{"id": "...", "error": "..."}``, and the run goes on. ``--resume``
reads the ids already in the output file and analyses only the other
articles, appending their lines.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import os
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from newslens.exits import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_PIPELINE,
    EXIT_PLUGIN,
    EXIT_STRICT,
    EXIT_USAGE,
    PROG,
    CommandError,
    error,
    output_errors,
    output_failed,
    waiting_for,
    warn_unused_omit,
)

if TYPE_CHECKING:
    from newslens.config import Config
    from newslens.errors import InputError
    from newslens.io.writers import DocumentWriter
    from newslens.model import Document
    from newslens.pipeline import Pipeline

LINE_FORMATS = ("jsonl",)
"""The output formats a corpus run (``--jobs``, ``--resume``) writes."""

AUTO_JOBS_OVER = 100
"""Without ``--jobs``, a run writing JSON lines uses every core when its input holds more
articles than this (read ahead, never the whole input); else one process. Starting
the workers costs about half a second or more (the fork server, or each spawned
worker, loads the annotator and the plugins), which two cores win back only after
about a hundred articles."""


@attrs.frozen
class Record:
    """One article's line of output.

    Attributes:
        id: The article's id.
        line: One JSON object and a newline: the analysis, or the error record.
        error: Why the line is an error record (``None`` for an analysis).
        plugin_failed: Whether a plugin's enricher or output hook failed on it.
    """

    id: str
    line: str
    error: str | None = None
    plugin_failed: bool = False


@attrs.frozen
class BatchResult:
    """What analysing one batch gives: its records and the field names seen (for ``--omit``)."""

    records: tuple[Record, ...]
    seen: frozenset[str]


class RunStopped(Exception):
    """A batch cannot go on: under ``--strict`` a plugin failed (kind ``"strict"``),
    or the annotator failed outside any single article (kind ``"annotator"``)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message


def error_record(id: str, message: str) -> Record:
    """The line written in place of an article that could not be analysed or written."""
    line = json.dumps({"id": id, "error": message}, ensure_ascii=False) + "\n"
    return Record(id, line, error=message)


def _plugin_failed(doc: Document) -> bool:
    notes = doc.output.diagnostics if doc.output is not None else ()
    return any(d.level == "error" and d.plugin != "newslens" for d in (*doc.diagnostics, *notes))


class LineMaker:
    """Analyses batches of articles and writes each as one line, with one pipeline.

    Args:
        pipeline: The pipeline to use (a worker builds its own, once).
        format: The output format's name (``jsonl``).
        omit: Fields and sections to leave out.
        detail: The level of detail of the output (``--detail``).
    """

    def __init__(
        self, pipeline: Pipeline, format: str, omit: frozenset[str], detail: str = "standard"
    ) -> None:
        from newslens.io.writers import find_format

        self.pipeline = pipeline
        self.buffer = io.StringIO()
        self.writer: DocumentWriter = find_format(format, pipeline.plugins).open(
            self.buffer, omit=omit, detail=detail
        )

    def __call__(self, batch: list[Document]) -> BatchResult:
        """Analyse *batch* and return one record per article, in order.

        The cyclic garbage collector is paused until the batch's documents are
        written and dropped (the pipeline pauses it while they are made): switched
        back on while they are alive, it would walk every one of their objects.

        Raises:
            RunStopped: under ``--strict``, when a plugin fails.
        """
        from newslens.pipeline import collector_paused

        with collector_paused():
            return self._lines(batch)

    def _lines(self, batch: list[Document]) -> BatchResult:
        from newslens.errors import EnricherError, InputError
        from newslens.plugins import PluginError

        slots: list[Record | Document] = []
        for doc in batch:
            try:
                slots.append(self.pipeline.prepare(doc))
            except InputError as exc:
                slots.append(error_record(_id(doc), exc.message))
        ready = [item for item in slots if not isinstance(item, Record)]
        try:
            done = iter(self._analyse(ready))
        except (EnricherError, PluginError) as exc:
            raise RunStopped("strict", str(exc)) from None
        records = tuple(
            item if isinstance(item, Record) else self._line(next(done)) for item in slots
        )
        return BatchResult(records, frozenset(self.writer.seen))

    def _analyse(self, docs: list[Document]) -> list[Document | Record]:
        """The analysed documents; when the batch fails, each article alone, so that
        only those that fail get an error record."""
        from newslens.errors import EnricherError
        from newslens.plugins import PluginError

        try:
            return list(self.pipeline.pipe(docs, batch_size=max(1, len(docs))))
        except (EnricherError, PluginError):
            raise
        except Exception:
            if len(docs) == 1:
                raise
        results: list[Document | Record] = []
        for doc in docs:
            try:
                results.extend(self.pipeline.pipe([doc]))
            except (EnricherError, PluginError):
                raise
            except Exception as exc:  # one article's failure: recorded
                results.append(error_record(_id(doc), f"{type(exc).__name__}: {exc}"))
        return results

    def _line(self, doc: Document | Record) -> Record:
        from newslens.errors import NewslensError
        from newslens.jsonout import UnwritableError
        from newslens.plugins import PluginError

        if isinstance(doc, Record):
            return doc
        try:
            self.writer.write(doc)
        except PluginError as exc:
            raise RunStopped("strict", str(exc)) from None
        except (NewslensError, UnwritableError) as exc:
            self.buffer.seek(0)
            self.buffer.truncate()
            return error_record(_id(doc), f"cannot write the document: {exc}")
        line = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return Record(_id(doc), line, plugin_failed=_plugin_failed(doc))


def _id(doc: Document) -> str:
    return doc.id if doc.id is not None else "?"


# -- in the worker processes ---------------------------------------------------------


_in_worker: dict[str, LineMaker] = {}
"""A worker process's own line maker, built once when it starts."""


def _setup_worker(config: Config, format: str, omit: frozenset[str], detail: str) -> None:
    from newslens.pipeline import Pipeline

    _in_worker["lines"] = LineMaker(Pipeline(config=config), format, omit, detail)


def _run_batch(batch: list[Document]) -> BatchResult:
    return _in_worker["lines"](batch)


# -- resume --------------------------------------------------------------------------


def read_done(path: str) -> set[str]:
    """Return the ids in the JSON lines file *path*, after cutting off a last line
    that was left incomplete (no newline at its end). A complete line that is
    not a JSON object with an ``id`` is a usage error (the command's ``CommandError``).
    """
    done: set[str] = set()
    try:
        handle = open(path, "r+b")  # noqa: SIM115 - truncated below
    except FileNotFoundError:
        return done
    except OSError as exc:
        raise CommandError(f"cannot resume {path}: {exc.strerror or exc}", EXIT_USAGE) from None
    with handle:
        good = 0
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                break  # cut short by an interruption
            try:
                record = json.loads(line)
                done.add(str(record["id"]))
            except (ValueError, KeyError, TypeError):
                if not line.strip():
                    good += len(line)
                    continue
                raise CommandError(
                    f"cannot resume {path}: line {number} is not a JSON object with an id",
                    EXIT_USAGE,
                ) from None
            good += len(line)
        if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # not /dev/null
            handle.truncate(good)
    return done


# -- progress ------------------------------------------------------------------------


def count_articles(inputs: Iterable[str]) -> int | None:
    """How many articles *inputs* hold, when that is cheap to know (``.txt`` and ``.html``
    files: one each; ``.jsonl``: its non-blank lines), else ``None``."""
    from newslens.errors import InputError
    from newslens.io.loaders import expand_inputs

    total = 0
    for source in expand_inputs(inputs):
        if isinstance(source, InputError):
            continue
        suffix = os.path.splitext(source)[1].lower()
        if suffix in (".txt", ".html", ".htm"):
            total += 1
        elif suffix == ".jsonl":
            try:
                with open(source, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                continue
        else:
            return None
    return total


class ProgressDisplay:
    """A progress bar on standard error when it is a terminal; nothing otherwise."""

    def __init__(self, total: int | None, show: bool) -> None:
        self._progress: Any = None
        self._task: Any = None
        if not show:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        rate = TextColumn("{task.fields[rate]}")
        columns = (
            [SpinnerColumn(), TextColumn("analysing"), BarColumn(), MofNCompleteColumn(),
             rate, TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn()]
            if total is not None
            else [SpinnerColumn(), TextColumn("analysing {task.completed} articles"),
                  rate, TimeElapsedColumn()]
        )
        self._progress = Progress(
            *columns, console=Console(file=sys.stderr), transient=True
        )
        self._task = self._progress.add_task("analyse", total=total, rate="")
        self._progress.start()

    def advance(self, count: int, rate: float) -> None:
        """Count *count* more articles done."""
        if self._progress is not None:
            self._progress.update(self._task, advance=count, rate=f"{rate:,.1f}/s")

    def stop(self) -> None:
        """Remove the bar."""
        if self._progress is not None:
            self._progress.stop()


# -- the run -------------------------------------------------------------------------


def _open_lines(args: argparse.Namespace) -> tuple[LineSink, set[str]]:
    """Where the lines go, and the ids already done (``--resume``)."""
    if args.output is None:
        return _Standard(), set()
    from newslens.io.appender import open_appender

    path = args.output
    try:  # takes the file's lock first: an earlier run's last batch is written by then
        sink = open_appender(path, fresh=not args.resume, on_wait=lambda: waiting_for(path))
    except OSError as exc:
        raise output_failed(path, exc) from None
    try:
        return sink, read_done(args.output) if args.resume else set()
    except BaseException:
        sink.close()
        raise


class LineSink(Protocol):
    """Takes whole batches of lines (:mod:`newslens.io.appender`, or standard output)."""

    def write(self, data: bytes) -> None:
        """Write one batch whole."""

    def close(self) -> None:
        """Finish writing."""


class _Standard:
    """Standard output: each batch written and flushed (no lock, no appender)."""

    def write(self, data: bytes) -> None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()

    def close(self) -> None:
        sys.stdout.buffer.flush()


def _jobs(value: str | None, cores: int) -> int:
    """``--jobs``: a positive number, or ``auto`` (every core); absent means 1."""
    if value is None:
        return 1
    if value == "auto":
        return cores
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise CommandError(f"--jobs: expected a positive number or auto, got {value!r}",
                           EXIT_USAGE)
    return number


@attrs.define
class Tally:
    """What a corpus run has done so far."""

    articles: int = 0
    failed: int = 0
    skipped: int = 0
    plugin_failed: bool = False
    seen: set[str] = attrs.field(factory=set)
    start: float = attrs.field(factory=time.perf_counter)

    def rate(self) -> float:
        """Articles per second since the start."""
        return self.articles / max(time.perf_counter() - self.start, 1e-9)

    def add(self, result: BatchResult) -> None:
        """Count a batch's records, reporting each error record on standard error."""
        self.seen.update(result.seen)
        for record in result.records:
            self.articles += 1
            if record.error is not None:
                self.failed += 1
                error(f"{record.id}: {record.error}; an error record is written")
            self.plugin_failed = self.plugin_failed or record.plugin_failed

    def summary(self, jobs: int) -> str:
        """The line ``--summary`` prints."""
        skipped = f", {self.skipped} already done" if self.skipped else ""
        return (
            f"{PROG}: {self.articles} articles, {self.failed} failed{skipped}, "
            f"{time.perf_counter() - self.start:.1f} s, {self.rate():.1f} articles/s "
            f"({jobs} job{'s' if jobs != 1 else ''})\n"
        )


def _check(args: argparse.Namespace, format: str) -> int:
    """The number of jobs, once the options are known to fit together."""
    from newslens.parallel import cpu_count

    if format not in LINE_FORMATS:
        raise CommandError(
            f"--jobs and --resume write JSON lines: use --format jsonl, not {format!r}",
            EXIT_USAGE,
        )
    if args.resume and args.output is None:
        raise CommandError("--resume needs the output file: -o FILE", EXIT_USAGE)
    return _jobs(args.jobs, cpu_count())


def read_ahead(
    items: Iterable[Document | InputError], format: str, cores: int
) -> tuple[int, Iterator[Document | InputError]]:
    """How many jobs a run without ``--jobs`` uses, and its input unchanged.

    Every core (*cores*) when the output is JSON lines and *items* hold more than
    :data:`AUTO_JOBS_OVER` articles, else 1. At most that many items and one
    more are read, and given back first by the returned iterator.
    """
    rest = iter(items)
    if format not in LINE_FORMATS or cores == 1:
        return 1, rest
    ahead = list(itertools.islice(rest, AUTO_JOBS_OVER + 1))
    jobs = cores if len(ahead) > AUTO_JOBS_OVER else 1
    return jobs, itertools.chain(ahead, rest)


def _articles(
    items: Iterable[Document | InputError], done: set[str], tally: Tally
) -> Iterator[Document]:
    """The input articles, lazily, each with an id, leaving out those in *done*."""
    from newslens.errors import InputError

    position = 0
    for item in items:
        if isinstance(item, InputError):
            tally.failed += 1
            error(str(item))
            continue
        position += 1
        if item.id is None:
            item = attrs.evolve(item, id=str(position))
        if item.id in done:
            tally.skipped += 1
            continue
        yield item


def _warn_unused(omit: frozenset[str], tally: Tally) -> None:
    from newslens.io.writers import unused_names

    if tally.articles:
        warn_unused_omit(unused_names(omit, tally.seen))


def run_corpus(
    args: argparse.Namespace, config: Config, pipeline: Pipeline, format: str,
    omit: frozenset[str], *, items: Iterable[Document | InputError] | None = None,
    jobs: int | None = None,
) -> int:
    """Run ``newslens analyze`` with ``--jobs`` or ``--resume`` (see the module docs).

    *items* are the input's articles when the command has begun reading them
    (:func:`read_ahead`), and *jobs* the number of jobs it chose (else ``--jobs``).

    A format other than ``jsonl`` or ``--resume`` without ``-o`` is a usage
    error (status 2); a plugin failure under ``--strict`` ends the run with
    status 4, a worker that died with status 3 (each raised as the command's
    ``CommandError``).

    Returns:
        The exit status: 1 when an article could not be read or analysed, 5 when
        a plugin failed on some article, else 0.
    """
    from newslens.io import load
    from newslens.parallel import batched, ordered_map, preload_for

    jobs = _check(args, format) if jobs is None else jobs
    broken: tuple[type[BaseException], ...] = ()  # a worker that died: none with one job
    if jobs > 1:  # (one job imports nothing of multiprocessing: about 10 ms of every start)
        from concurrent.futures.process import BrokenProcessPool

        broken = (BrokenProcessPool,)
    sink, done = _open_lines(args)
    results: Iterator[BatchResult] | None = None
    progress: ProgressDisplay | None = None
    try:  # from here on the output is closed however the run ends
        show = sys.stderr.isatty()
        tally = Tally(plugin_failed=bool(pipeline.failures or pipeline.disabled))
        if items is None:
            items = load(args.inputs, config=config, plugins=pipeline.plugins)
        batches = batched(_articles(items, done, tally), args.batch_size)
        if jobs == 1:
            maker = LineMaker(pipeline, format, omit, args.detail)
            results = (maker(batch) for batch in batches)
        else:
            results = ordered_map(
                _run_batch, batches, n_process=jobs, setup=_setup_worker,
                setup_args=(config, format, omit, args.detail),
                preload=preload_for(pipeline.annotator.name),
            )
        total = count_articles(args.inputs) if show else None
        progress = ProgressDisplay(None if total is None else max(0, total - len(done)), show)
        for result in results:
            with output_errors(args.output):
                sink.write("".join(r.line for r in result.records).encode("utf-8"))
            tally.add(result)
            progress.advance(len(result.records), tally.rate())
        with output_errors(args.output):
            sink.close()
    except RunStopped as exc:
        if exc.kind == "strict":
            raise CommandError(f"{exc.message} (--strict)", EXIT_STRICT) from None
        raise CommandError(exc.message, EXIT_PIPELINE) from None
    except broken:
        raise CommandError(
            "a worker process died (killed, or out of memory); the output holds every "
            "article before it: run again with --resume to go on", EXIT_PIPELINE
        ) from None
    finally:
        if progress is not None:
            progress.stop()
        stop = getattr(results, "close", None)
        if stop is not None:
            stop()  # stops the workers at once when the run ends early
        with contextlib.suppress(OSError):
            sink.close()  # after an error: its batches so far are written, or it failed
    _warn_unused(omit, tally)
    if args.summary or show:
        sys.stderr.write(tally.summary(jobs))
    if tally.failed:
        return EXIT_INPUT
    return EXIT_PLUGIN if tally.plugin_failed else EXIT_OK
