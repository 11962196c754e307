"""Analyse articles on a Dask cluster: one pipeline per worker process, JSON records out.

An optional extra (``pip install 'newslens[dask]'``): importing :mod:`newslens`
never imports Dask, and importing this module without Dask raises an
:class:`ImportError` naming the extra.

Each worker process builds the :class:`~newslens.Pipeline` for a set of
settings (backend, options, strictness) once, the first time one of its tasks
needs it, and keeps it for every later task (:func:`worker_pipeline`). The
articles of a partition go through :meth:`Pipeline.pipe <newslens.Pipeline.pipe>`
in batches and come back as JSON records, the dictionaries
:meth:`Document.to_dict <newslens.Document.to_dict>` returns, in input order.
An article that cannot be read or analysed becomes an error record,
``{"id": ..., "error": "..."}``, and the others go on.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Final, TypeAlias

import attrs

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise ImportError(
        "newslens.dask needs Dask: install the extra with pip install 'newslens[dask]' "
        f"({exc})"
    ) from exc

from newslens.io.loaders import ARTICLE_FIELDS, article_from_json
from newslens.model import Document
from newslens.pipeline import Pipeline, collector_paused

__all__ = [
    "Article",
    "Record",
    "analyze_bag",
    "analyze_column",
    "analyze_partition",
    "pipeline_builds",
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
