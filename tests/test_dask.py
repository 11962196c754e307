"""newslens.dask against a real dask.distributed LocalCluster with two worker processes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'newslens[dask]')")
pytest.importorskip("distributed", reason="distributed is not installed (the dask extra)")

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
    articles: list[str | dict[str, Any]], detail: str = "standard"
) -> list[dict[str, Any]]:
    docs = [
        item if isinstance(item, str) else Document.create(
            item["text"], id=item["id"], headline=item["headline"], published=item["published"]
        )
        for item in articles
    ]
    return [doc.to_dict(detail=detail) for doc in Pipeline("lite").pipe(docs)]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # The worker processes must import this source tree's newslens and plugins.
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)
    try:
        with LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1,
            dashboard_address=":0", worker_dashboard_address=":0",
        ) as cluster, Client(cluster) as client:
            yield client
    finally:
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

