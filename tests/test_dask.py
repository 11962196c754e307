"""newslens.dask against a real dask.distributed LocalCluster with two worker processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'newslens[dask]')")
pytest.importorskip("distributed", reason="distributed is not installed (the dask extra)")

import cloudpickle
import dask.bag as db
from distributed import Client, LocalCluster

import newslens.dask as nd
from newslens import Document, Pipeline

PLACES = ["harbour", "bridge", "school", "station", "market"]
ARTICLES: list[str | dict[str, Any]] = [
    f"Mayor Ana Ruiz said on Tuesday that the {place} would reopen in March. "
    f"\"We are ready,\" she told reporters. Officials said {n} people had complained.\n\n"
    f"The {place} closed in 2023 after a storm. Nobody was hurt."
    for n, place in enumerate(PLACES * 2)
] + [
    {"id": f"a{n}", "headline": f"{place.title()} to reopen", "published": "2024-03-14",
     "text": f"The {place} will reopen next week, the council said. It closed on Monday."}
    for n, place in enumerate(PLACES)
]


def _expected(
    articles: list[str | dict[str, Any]],
    detail: str = "standard",
    options: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    docs = [
        item if isinstance(item, str) else Document.create(
            item["text"], id=item["id"], headline=item["headline"], published=item["published"]
        )
        for item in articles
    ]
    return [doc.to_dict(detail=detail) for doc in Pipeline("lite", options=options).pipe(docs)]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # The worker processes must import this source tree's newslens and plugins.
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)
    # this module's functions go to the workers by value (they cannot import it)
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        with LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1,
            dashboard_address=":0", worker_dashboard_address=":0",
        ) as cluster, Client(cluster) as client:
            yield client
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


def test_bag_gives_the_records_of_pipe_in_order_with_one_pipeline_per_worker(
    client: Client,
) -> None:
    bag = db.from_sequence(ARTICLES, npartitions=8)
    records = nd.analyze_bag(bag).compute()
    assert records == _expected(ARTICLES)
    # at full detail, as Document.to_dict gives it (same settings: no new pipeline)
    again = nd.analyze_bag(bag, detail="full").compute()
    assert again == _expected(ARTICLES, detail="full")
    assert all("tokens" in record for record in again)
    assert all("tokens" not in record for record in records)  # the default, as the CLI
    builds = client.run(nd.pipeline_builds)
    assert len(builds) == 2
    assert set(builds.values()) <= {0, 1}, builds  # 16 tasks, at most one build per worker
    assert sum(builds.values()) >= 1


def test_a_failing_article_gives_an_error_record_and_the_others_go_on(client: Client) -> None:
    articles = [ARTICLES[0], {"id": "no-text", "headline": "Nothing"}, 42, ARTICLES[1]]
    records = nd.analyze_bag(db.from_sequence(articles, npartitions=2)).compute()
    assert records[1]["id"] == "no-text"
    assert "text" in records[1]["error"]
    assert records[2] == {"id": None, "error": records[2]["error"]}
    assert "int" in records[2]["error"]
    assert records[0] == _expected([ARTICLES[0]])[0]
    assert records[3] == _expected([ARTICLES[1]])[0]


def test_column_of_a_dask_dataframe(client: Client) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed (the dask extra has it)")
    dd = pytest.importorskip("dask.dataframe", reason="dask.dataframe is not installed")
    dicts = [item for item in ARTICLES if isinstance(item, dict)]
    frame = pd.DataFrame(
        {"id": [d["id"] for d in dicts], "body": [d["text"] for d in dicts],
         "headline": [d["headline"] for d in dicts],
         "published": pd.to_datetime([d["published"] for d in dicts]),
         "other": range(len(dicts))}
    )
    ddf = dd.from_pandas(frame, npartitions=2)
    assert nd.analyze_column(ddf, "body").compute() == _expected(list(dicts))
    texts = nd.analyze_column(ddf["body"]).compute()
    assert texts == _expected([d["text"] for d in dicts])
    with pytest.raises(KeyError, match="text"):
        nd.analyze_column(ddf)


def test_a_batch_that_raises_is_retried_article_by_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pipeline = nd.worker_pipeline("lite")
    enrich = pipeline.enrich

    def failing(doc: Document) -> Document:
        if "BOOM" in doc.text:
            raise RuntimeError("enricher exploded")
        return enrich(doc)

    monkeypatch.setattr(pipeline, "enrich", failing)
    articles = ["It rained.", {"id": "x", "text": "BOOM went the bridge."}, "Nobody was hurt."]
    records = nd.analyze_partition(articles, batch_size=8)
    assert records[1] == {"id": "x", "error": "RuntimeError: enricher exploded"}
    assert records[0]["text"] == "It rained."
    assert records[2]["text"] == "Nobody was hurt."
    assert nd.worker_pipeline("lite") is pipeline


FEW_WORDS = {"readability.min_words": 500}
"""Settings no other test uses: every article here has fewer words, and a diagnostic says so."""


def test_registered_plugin_builds_the_pipeline_when_each_worker_starts(client: Client) -> None:
    before = client.run(nd.pipeline_builds)
    plugin = nd.register_pipelines(client, "lite", options=FEW_WORDS)
    # every worker built it during the registration, before any task asked for it
    assert client.run(nd.pipeline_builds) == {worker: n + 1 for worker, n in before.items()}
    assert client.run(_has_pipeline, "lite", FEW_WORDS) == dict.fromkeys(before, True)
    nd.register_pipelines(client, "lite", options=FEW_WORDS)  # the same again: no new build
    assert client.run(nd.pipeline_builds) == {worker: n + 1 for worker, n in before.items()}
    bag = nd.article_bag(ARTICLES)
    records = nd.analyze_bag(bag, options=FEW_WORDS).compute()
    assert records == _expected(ARTICLES, options=FEW_WORDS)
    assert records != _expected(ARTICLES)  # the settings made a difference
    # with the plugin's pipeline, an article that cannot be analysed is an error record
    broken = nd.analyze_bag(nd.article_bag([ARTICLES[0], 42, {"id": "x"}]), options=FEW_WORDS)
    good, not_article, no_text = nd.gather_records(broken, client)
    assert good == _expected([ARTICLES[0]], options=FEW_WORDS)[0]
    assert not_article == {"id": None, "error": not_article["error"]}
    assert not_article["error"].startswith("TypeError") and "int" in not_article["error"]
    assert no_text == {"id": "x", "error": no_text["error"]} and "text" in no_text["error"]
    assert client.run(nd.pipeline_builds) == {worker: n + 1 for worker, n in before.items()}
    # a worker that joins the cluster later builds it as it starts, too
    cluster = client.cluster
    assert cluster is not None
    cluster.scale(3)
    try:
        client.wait_for_workers(3, timeout=60)
        joined = set(client.run(nd.pipeline_builds)) - set(before)
        assert len(joined) == 1
        assert client.run(_has_pipeline, "lite", FEW_WORDS, workers=list(joined)) == dict.fromkeys(
            joined, True
        )
    finally:
        client.unregister_worker_plugin(plugin.name)
        cluster.scale(2)
        _wait_for_exactly(client, 2)


def test_a_pipeline_a_worker_cannot_build_is_an_error_of_the_registration(client: Client) -> None:
    def names(dask_scheduler: Any) -> set[str]:
        return set(dask_scheduler.worker_plugins)

    before = client.run_on_scheduler(names)
    with pytest.raises(Exception, match="unknown backend 'no-such-backend'"):
        nd.register_pipelines(client, "no-such-backend")
    with pytest.raises(Exception, match="unknown option 'readability.no_such_option'"):
        nd.register_pipelines(client, options={"readability.no_such_option": 1})
    assert client.run_on_scheduler(names) == before  # removed again: later workers do not try
    with pytest.raises(TypeError, match="backend must be a string"):
        nd.PipelineWorkerPlugin(3)  # type: ignore[arg-type]


def test_plugins_are_named_by_their_settings() -> None:
    lite = nd.PipelineWorkerPlugin("lite")
    assert nd.PipelineWorkerPlugin("lite", options={}).name == lite.name  # the same pipeline
    assert nd.PipelineWorkerPlugin().name == lite.name
    assert nd.PipelineWorkerPlugin("lite", strict=True).name != lite.name
    assert nd.PipelineWorkerPlugin("lite", options=FEW_WORDS).name != lite.name
    assert lite.idempotent


def test_gather_records_gives_the_records_of_compute_in_order(client: Client) -> None:
    articles = [*ARTICLES, 42, {"id": "no-text"}]
    bag = nd.analyze_bag(nd.article_bag(articles, npartitions=5))
    records = nd.gather_records(bag, client)
    assert records == bag.compute()
    assert records[:-2] == _expected(ARTICLES)
    assert records[-2]["error"].startswith("TypeError") and records[-1]["id"] == "no-text"
    assert nd.gather_records(nd.analyze_bag(nd.article_bag([], npartitions=1))) == []


def test_article_bag_makes_partitions_for_every_worker_thread(client: Client) -> None:
    threads = sum(client.nthreads().values())
    many = [f"Article number {n} was short." for n in range(200)]
    assert nd.article_bag(many).npartitions == nd.PARTITIONS_PER_THREAD * threads
    assert nd.article_bag(many[:3]).npartitions == 3  # never more than the articles
    bag = nd.article_bag(many, npartitions=7)
    assert bag.npartitions == 7
    sizes = bag.map_partitions(lambda part: [len(list(part))]).compute()
    assert sum(sizes) == len(many) and max(sizes) - min(sizes) <= 1
    with pytest.raises(ValueError, match="at least 1"):
        nd.article_bag(many, npartitions=0)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=30), st.integers(min_value=1, max_value=12))
def test_article_bag_keeps_every_article_in_order(texts: list[str], npartitions: int) -> None:
    bag = nd.article_bag(texts, npartitions=npartitions)
    assert bag.compute(scheduler="sync") == texts
    assert bag.npartitions == max(1, min(npartitions, len(texts)))


def test_warm_up_analyses_an_article_of_its_own() -> None:
    calls: list[int] = []
    pipeline = Pipeline("lite")
    pipe = pipeline.pipe

    def counting(docs: Any, *args: Any, **kwargs: Any) -> Any:
        docs = list(docs)
        calls.append(len(docs))
        return pipe(docs, *args, **kwargs)

    pipeline.pipe = counting  # type: ignore[method-assign]
    nd.warm_up(pipeline)
    assert calls == [1]


def test_a_warm_up_that_fails_leaves_the_pipeline_built(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(pipeline: Pipeline) -> None:
        raise RuntimeError("the sample broke")

    monkeypatch.setattr(nd, "warm_up", failing)
    plugin = nd.PipelineWorkerPlugin("lite", strict=True)
    assert plugin.build() is nd.worker_pipeline("lite", strict=True)


def _wait_for_exactly(client: Client, workers: int) -> None:
    deadline = time.monotonic() + 60
    while len(client.scheduler_info()["workers"]) != workers:
        assert time.monotonic() < deadline, "the cluster did not scale back"
        time.sleep(0.1)


def _has_pipeline(backend: str, options: dict[str, Any]) -> bool:
    """Whether this worker has the pipeline for these settings already (run on a worker)."""
    return nd._settings_key(backend, options, False) in nd._pipelines


def test_importing_newslens_does_not_import_dask() -> None:
    code = "import sys, newslens; newslens.Pipeline; assert 'dask' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, env=_env())


def test_without_dask_the_error_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['dask'] = None\n"
        "try:\n    import newslens.dask\n"
        "except ImportError as exc:\n    print(exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, env=_env(), capture_output=True, text=True
    ).stdout
    assert "pip install 'newslens[dask]'" in out


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}

