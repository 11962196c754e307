"""Analyse articles on a Dask cluster: one pipeline per worker process, JSON records out.

An optional extra (``pip install 'newslens[dask]'``): importing :mod:`newslens`
never imports Dask, and importing this module without Dask raises an
:class:`ImportError` naming the extra.

Each worker process builds the :class:`~newslens.Pipeline` for a set of
settings (backend, options, strictness) once and keeps it for every later task
(:func:`worker_pipeline`): when the worker starts, if a
:class:`PipelineWorkerPlugin` for those settings is registered with the
cluster, else the first time one of its tasks needs it. The
articles of a partition go through :meth:`Pipeline.pipe <newslens.Pipeline.pipe>`
in batches and come back as JSON records, the dictionaries
:meth:`Document.to_dict <newslens.Document.to_dict>` returns, in input order.
An article that cannot be read or analysed becomes an error record,
``{"id": ..., "error": "..."}``, and the others go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import itertools
import json
import math
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs

try:
    import dask.bag as db
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise ImportError(
        "newslens.dask needs Dask: install the extra with pip install 'newslens[dask]' "
        f"({exc})"
    ) from exc

from newslens.io.loaders import ARTICLE_FIELDS, article_from_json
from newslens.model import Document
from newslens.parallel import WARM_UP_ARTICLE, cpu_count
from newslens.pipeline import Pipeline, collector_paused

if TYPE_CHECKING:
    import distributed

__all__ = [
    "PARTITIONS_PER_THREAD",
    "Article",
    "PipelineWorkerPlugin",
    "Record",
    "analyze_bag",
    "analyze_column",
    "analyze_partition",
    "article_bag",
    "gather_records",
    "pipeline_builds",
    "register_pipelines",
    "warm_up",
    "worker_pipeline",
]

Article: TypeAlias = str | Mapping[str, Any] | Document
"""One input article: its body as a string, a JSON article object (as a line of
a JSONL input holds it: ``text``, and optionally ``id``, ``headline``,
``byline``, ``published``, ``url``, ``source``, ``meta``), or an unannotated
:class:`~newslens.Document`."""

Record: TypeAlias = dict[str, Any]
"""One output record: a document as :meth:`Document.to_dict
<newslens.Document.to_dict>` gives it, or an error record
``{"id": ..., "error": "..."}``."""

_SOURCE: Final = "<dask>"

_lock = threading.Lock()
_pipelines: dict[str, Pipeline] = {}
_builds = 0


def _settings_key(backend: str, options: Mapping[str, Any] | None, strict: bool) -> str:
    return json.dumps([backend, strict, dict(options or {})], sort_keys=True, default=repr)


def worker_pipeline(
    backend: str = "lite", *, options: Mapping[str, Any] | None = None, strict: bool = False
) -> Pipeline:
    """Return this process's pipeline for these settings, building it the first time.

    Pipelines are kept for the life of the process (a Dask worker), one for
    each distinct ``(backend, options, strict)``; the worker's threads share it.

    Args:
        backend: The annotator backend (see :class:`~newslens.Pipeline`).
        options: Plugin option values by full name.
        strict: Raise instead of recording diagnostics.
    """
    global _builds
    key = _settings_key(backend, options, strict)
    with _lock:
        pipeline = _pipelines.get(key)
        if pipeline is None:
            pipeline = Pipeline(backend, strict=strict, options=options)
            _pipelines[key] = pipeline
            _builds += 1
    return pipeline


def pipeline_builds() -> int:
    """Return how many pipelines this process has built (to check one per worker).

    Example, on a :class:`distributed.Client`:
    ``client.run(newslens.dask.pipeline_builds)`` maps each worker's address to its count.
    """
    return _builds




def warm_up(pipeline: Pipeline) -> None:
    """Analyse :data:`~newslens.parallel.WARM_UP_ARTICLE` with *pipeline*, and make its
    record.

    The annotator and the plugins load some of their tables (word lists,
    compiled patterns) on their first article; this loads them now, so that the
    first task does not pay for them.
    """
    for doc in pipeline.pipe([WARM_UP_ARTICLE]):
        doc.to_dict()


class PipelineWorkerPlugin(WorkerPlugin):  # type: ignore[misc]  # distributed: untyped
    """A ``distributed`` worker plugin: each worker builds its pipeline when it starts.

    Register it with the cluster's :class:`distributed.Client` before the
    computation, with the settings the computation uses::

        client.register_plugin(newslens.dask.PipelineWorkerPlugin("lite"))

    Every worker running then, and every worker that joins the cluster later
    (a restarted or added one), imports newslens and the installed plugins,
    builds the :class:`~newslens.Pipeline` for these settings
    (:func:`worker_pipeline`) and analyses a short article of its own with it
    (:func:`warm_up`) before it runs any task; :meth:`Client.register_plugin
    <distributed.Client.register_plugin>` returns once every running worker
    has. The tasks of :func:`analyze_bag` and :func:`analyze_column` with the
    same settings then find the pipeline ready. Without the plugin each worker
    builds it inside its first task instead: the results are the same.

    The pipeline is built in a thread of the worker's, so that the worker keeps
    answering the scheduler meanwhile. A pipeline that cannot be built (an
    unknown backend or option) makes the registration raise the worker's
    exception. Plugins for different settings have different :attr:`name`
    values and live side by side; registering the same settings again does
    nothing (the plugin is idempotent).

    Args:
        backend: The annotator backend (see :class:`~newslens.Pipeline`).
        options: Plugin option values by full name.
        strict: Build the pipeline with ``strict=True``.
        warm: Analyse the short article once the pipeline is built.
    """

    idempotent = True

    def __init__(
        self,
        backend: str = "lite",
        *,
        options: Mapping[str, Any] | None = None,
        strict: bool = False,
        warm: bool = True,
    ) -> None:
        if not isinstance(backend, str):
            raise TypeError(f"backend must be a string, got {type(backend).__name__}")
        self.backend = backend
        self.options = dict(options) if options is not None else None
        self.strict = strict
        self.warm = warm
        digest = hashlib.sha256(_settings_key(backend, self.options, strict).encode()).hexdigest()
        self.name = f"newslens-pipeline-{digest[:12]}"
        """The plugin's name on the cluster, the same for the same settings."""

    def build(self) -> Pipeline:
        """Build (or find) this process's pipeline for the plugin's settings, and warm it up.

        An error of the warm-up is left for the tasks to meet (each article's own
        error record or diagnostic says what went wrong), as without the plugin.
        """
        pipeline = worker_pipeline(self.backend, options=self.options, strict=self.strict)
        if self.warm:
            with contextlib.suppress(Exception):
                warm_up(pipeline)
        return pipeline

    async def setup(self, worker: distributed.Worker) -> None:
        """Build the worker's pipeline (called by the worker when the plugin is added)."""
        await asyncio.get_running_loop().run_in_executor(None, self.build)


def register_pipelines(
    client: distributed.Client | None = None,
    backend: str = "lite",
    *,
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
) -> PipelineWorkerPlugin:
    """Have every worker of the cluster build its pipeline for these settings now,
    and every worker that joins later as it starts; return the registered plugin.

    Registers a :class:`PipelineWorkerPlugin` with *client* and waits until every
    running worker has built (and warmed up) its pipeline. If a worker cannot
    build it, the plugin is removed again (workers that join later do not try)
    and the worker's exception is raised here: an
    :class:`~newslens.errors.UnknownBackendError` or an
    :class:`~newslens.options.OptionError`, for instance.

    Args:
        client: The ``distributed`` client (default: the current one).
        backend: The annotator backend (see :class:`~newslens.Pipeline`).
        options: Plugin option values by full name.
        strict: Build the pipelines with ``strict=True``.

    Raises:
        ValueError: when there is no client and none is given.
    """
    from distributed import get_client

    client = client or get_client()
    plugin = PipelineWorkerPlugin(backend, options=options, strict=strict)
    try:
        client.register_plugin(plugin)
    except Exception:
        unregister: Callable[[str], object] = client.unregister_worker_plugin  # not annotated
        unregister(plugin.name)
        raise
    return plugin


def _plain(value: Any) -> Any:
    """A cell of a DataFrame as JSON would hold it (``None`` for a missing value)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # a NumPy scalar
        return _plain(value.item())
    if value != value:  # pandas' NA and NaT
        return None
    return value


def _to_document(article: Article) -> Document:
    if isinstance(article, Document):
        return article
    if isinstance(article, str):
        return Document.create(article)
    if isinstance(article, Mapping):
        fields = {key: _plain(value) for key, value in article.items()}
        doc = article_from_json(fields, source=_SOURCE)
        return attrs.evolve(doc, source=None) if doc.source == _SOURCE else doc
    raise TypeError(
        f"an article must be a string, a mapping or a Document, got {type(article).__name__}"
    )


def _article_id(article: object) -> str | None:
    if isinstance(article, Document):
        return article.id
    if isinstance(article, Mapping):
        value = _plain(article.get("id"))
        return None if value is None else str(value)
    return None


def _error(article_id: str | None, exc: BaseException) -> Record:
    return {"id": article_id, "error": f"{type(exc).__name__}: {exc}"}


def analyze_partition(
    articles: Iterable[Article],
    *,
    backend: str = "lite",
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
    omit: Collection[str] = (),
    batch_size: int = 32,
    detail: str = "standard",
) -> list[Record]:
    """Analyse the articles of one partition with this process's pipeline.

    What :func:`analyze_bag` runs on every partition; usable with
    :meth:`dask.bag.Bag.map_partitions` or outside Dask. The records are in
    input order. An article that is not a string, a mapping or a
    :class:`~newslens.Document`, a mapping that is not a valid article, and
    an article whose analysis raises each give an error record; an article
    :meth:`Pipeline.pipe <newslens.Pipeline.pipe>` refuses (over
    ``max_chars``) gives its unannotated document with an ``error``
    diagnostic, as ``pipe`` does.

    Args:
        articles: The partition's articles (see :data:`Article`).
        backend: The annotator backend (see :class:`~newslens.Pipeline`).
        options: Plugin option values by full name.
        strict: Build the pipeline with ``strict=True``: an enricher's
            exception then gives an error record instead of a diagnostic.
        omit: Fields or sections to leave out of every record
            (see :meth:`Document.to_dict <newslens.Document.to_dict>`).
        batch_size: Articles given to the annotator at a time.
        detail: The level of detail of the records, as ``--detail`` sets it for the
            CLI (``"summary"``, ``"standard"``, ``"full"``; see
            :meth:`Document.to_dict <newslens.Document.to_dict>`).
    """
    pipeline = worker_pipeline(backend, options=options, strict=strict)
    records: list[Record] = []
    pending: list[tuple[int, Document]] = []

    def run() -> None:
        # the collector stays paused until the batch's documents are turned into
        # records and dropped (see newslens.pipeline.collector_paused)
        with collector_paused():
            analyse()
        pending.clear()

    def analyse() -> None:
        try:
            docs = list(pipeline.pipe([doc for _, doc in pending], batch_size=batch_size))
        except Exception:  # one article broke the batch: find which, keep the others
            docs = []
            for _, doc in pending:
                try:
                    docs.append(next(pipeline.pipe([doc], batch_size=1)))
                except Exception as exc:
                    docs.append(exc)  # type: ignore[arg-type]
        for (slot, doc), result in zip(pending, docs, strict=True):
            if isinstance(result, BaseException):
                records[slot] = _error(doc.id, result)
                continue
            try:
                records[slot] = result.to_dict(omit=omit, detail=detail)
            except Exception as exc:
                records[slot] = _error(doc.id, exc)

    for article in articles:
        try:
            doc = _to_document(article)
        except Exception as exc:
            records.append(_error(_article_id(article), exc))
            continue
        pending.append((len(records), doc))
        records.append({})
        if len(pending) >= batch_size:
            run()
    if pending:
        run()
    return records


def analyze_bag(
    bag: db.Bag,
    *,
    backend: str = "lite",
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
    omit: Collection[str] = (),
    batch_size: int = 32,
    detail: str = "standard",
) -> db.Bag:
    """Analyse a bag of articles; return a bag of JSON records in the same order.

    Lazy, as Dask is: nothing runs until the result is computed (or written,
    for instance with ``.map(json.dumps).to_textfiles(...)``). Every worker
    builds one pipeline for these settings and reuses it for all its
    partitions; the package and its plugins must be installed on every worker.

    Args:
        bag: Articles (see :data:`Article`): strings, JSON article objects,
            unannotated documents, or a mixture.
        backend: The annotator backend (``"lite"``, ``"stanza"``, ``"auto"`` or
            a plugin's backend).
        options: Plugin option values by full name
            (``{"readability.long_sentence_words": 40}``).
        strict: Build the pipelines with ``strict=True``.
        omit: Fields or sections to leave out of every record (``{"tokens"}``).
        batch_size: Articles given to the annotator at a time.
        detail: The level of detail of the records (default ``"standard"``, as the
            CLI's output: no tokens, no per-sentence scores).

    Returns:
        A bag of :data:`Record`, one for each article.
    """
    map_partitions: Callable[..., db.Bag] = bag.map_partitions  # Dask's is not annotated
    return map_partitions(
        analyze_partition,
        backend=backend,
        options=dict(options) if options is not None else None,
        strict=strict,
        omit=frozenset(omit),
        batch_size=batch_size,
        detail=detail,
    )


PARTITIONS_PER_THREAD: Final = 8
"""The partitions :func:`article_bag` makes for each worker thread of the cluster."""


def _cluster_threads() -> int:
    """The worker threads of the current ``distributed`` client's cluster, or, without
    a client, this machine's processors (the local scheduler's threads)."""
    try:
        from distributed import get_client

        nthreads: Callable[[], dict[str, int]] = get_client().nthreads  # not annotated
        return max(1, sum(nthreads().values()))
    except (ImportError, ValueError):
        return cpu_count()


def article_bag(articles: Sequence[Article], *, npartitions: int | None = None) -> db.Bag:
    """A bag of *articles* (see :data:`Article`), cut into partitions for :func:`analyze_bag`.

    The partitions are in order and of equal sizes (give or take an article);
    by default there are :data:`PARTITIONS_PER_THREAD` for each worker thread
    of the current ``distributed`` client's cluster (this machine's processors
    without a client), and no more than there are articles. Many partitions
    for each thread keep the workers busy to the end (a worker that finishes
    early takes the next partition, and the partition another worker is still
    running at the end is short), at a few milliseconds of scheduling each.

    Args:
        articles: The articles, in memory (for a corpus in files, build the bag
            with :func:`dask.bag.read_text` instead).
        npartitions: The number of partitions, instead of the default.

    Raises:
        ValueError: when *npartitions* is below 1.
    """
    if npartitions is None:
        npartitions = PARTITIONS_PER_THREAD * _cluster_threads()
    if npartitions < 1:
        raise ValueError(f"npartitions must be at least 1, got {npartitions}")
    count = max(1, min(npartitions, len(articles)))
    size, longer = divmod(len(articles), count)  # the first *longer* have one more
    bounds = [n * size + min(n, longer) for n in range(count + 1)]
    parts = [list(articles[start:end]) for start, end in itertools.pairwise(bounds)]
    from_sequence: Callable[..., db.Bag] = db.from_sequence  # Dask's are not annotated
    flatten: Callable[[], db.Bag] = from_sequence(parts, npartitions=count).flatten
    return flatten()


def gather_records(records: db.Bag, client: distributed.Client | None = None) -> list[Record]:
    """Compute a bag of records on the cluster and bring them back here, in order.

    ``records.compute()`` has every partition sent to one worker, which joins
    them and sends the whole list here; this fetches each partition straight
    from the worker that made it, as soon as it is done (while the others are
    still running), and lets the worker drop it. Use it for a bag of
    :func:`analyze_bag` or :func:`analyze_column` whose records you want in
    this process; to write them to files, use the bag's own writers
    (``records.map(json.dumps).to_textfiles(...)``) instead.

    Args:
        records: A bag (of records, or of anything else).
        client: The ``distributed`` client (default: the current one).

    Raises:
        ValueError: when there is no client and none is given.
    """
    from distributed import as_completed, get_client

    cluster: Any = client or get_client()  # distributed is not annotated
    partitions: Callable[[], list[Any]] = records.to_delayed
    futures: list[Any] = cluster.compute(partitions())
    slot = {future.key: n for n, future in enumerate(futures)}
    parts: list[list[Any]] = [[] for _ in futures]
    done: Callable[[list[Any]], Iterable[Any]] = as_completed
    for future in done(futures):
        parts[slot[future.key]] = future.result()
        future.release()  # the worker may drop the partition now
    return [record for part in parts for record in part]


def analyze_column(
    data: Any,
    column: str = "text",
    *,
    backend: str = "lite",
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
    omit: Collection[str] = (),
    batch_size: int = 32,
    detail: str = "standard",
) -> db.Bag:
    """Analyse a Dask DataFrame column (or Series) of article texts.

    With a DataFrame, the other columns named as article fields (``id``,
    ``headline``, ``byline``, ``published``, ``url``, ``source``) go with each
    text; a missing value counts as absent, and a date or timestamp as its
    date. Needs ``dask.dataframe`` (and pandas, which the extra installs).

    Args:
        data: A :class:`dask.dataframe.DataFrame` or :class:`dask.dataframe.Series`.
        column: The DataFrame's column of texts (ignored for a Series).
        backend: The annotator backend (see :func:`analyze_bag`).
        options: Plugin option values by full name.
        strict: Build the pipelines with ``strict=True``.
        omit: Fields or sections to leave out of every record.
        batch_size: Articles given to the annotator at a time.
        detail: The level of detail of the records (see :func:`analyze_bag`).

    Returns:
        A bag of :data:`Record`, one for each row, in row order.

    Raises:
        KeyError: when the DataFrame has no column *column*.
    """
    settings: dict[str, Any] = {
        "backend": backend, "options": options, "strict": strict,
        "omit": omit, "batch_size": batch_size, "detail": detail,
    }
    import dask.dataframe as dd  # here: it needs pandas, which only DataFrames need

    if isinstance(data, dd.Series):  # its values are the texts
        series: Any = data
        return analyze_bag(series.to_bag(index=False), **settings)
    columns = list(data.columns)
    if column not in columns:
        raise KeyError(f"no column {column!r} in the DataFrame (columns: {columns})")
    fields = [name for name in ARTICLE_FIELDS if name not in ("text", "meta") and name in columns
              and name != column]
    frame = data[[column, *fields]]
    if column != "text":
        frame = frame.rename(columns={column: "text"})
    return analyze_bag(frame.to_bag(index=False, format="dict"), **settings)
