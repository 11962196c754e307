"""The newslens pytest plugin: fixtures for testing plugins, loaded automatically.

Installing newslens registers this module under pytest's ``pytest11`` entry
point, so these fixtures are available in any test suite without a
``conftest.py``:

``make_document``
    A factory ``make_document(body, *, headline=None, byline=None,
    published=None, id=None)`` returning a document annotated by the lite
    annotator (no stanza models needed).
``lite_pipeline``
    A session-wide :class:`newslens.Pipeline` with the lite backend and every
    installed plugin.
``newslens_plugin_manager``
    A fresh plugin manager (:func:`newslens.plugins.new_plugin_manager`) for one
    test, to register plugins on without touching the process-wide one.
``run_enricher``
    :func:`newslens.testing.run_enricher`: run one enricher, after what it
    requires, on one text.

The plugin imports neither stanza nor hypothesis and registers no hypothesis
profile. Turn it off for a run with ``pytest -p no:newslens``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import pytest

from newslens.model import Document

if TYPE_CHECKING:
    import pluggy

    from newslens.pipeline import Pipeline

__all__ = [
    "DocumentFactory",
    "lite_pipeline",
    "make_document",
    "newslens_plugin_manager",
    "run_enricher",
]


class DocumentFactory(Protocol):
    """The type of the ``make_document`` fixture."""

    def __call__(
        self,
        body: str = "",
        *,
        headline: str | None = None,
        byline: str | None = None,
        published: dt.date | str | None = None,
        id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Document:
        """Return a lite-annotated document made from these parts."""
        ...


@pytest.fixture
def make_document() -> DocumentFactory:
    """Return a factory of lite-annotated documents (see :class:`DocumentFactory`)."""
    from newslens.annotators.lite import LiteAnnotator

    annotator = LiteAnnotator()

    def make(
        body: str = "",
        *,
        headline: str | None = None,
        byline: str | None = None,
        published: dt.date | str | None = None,
        id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Document:
        doc = Document.create(
            body, headline=headline, byline=byline, published=published, id=id, meta=meta
        )
        return annotator.annotate(doc)

    return make


@pytest.fixture(scope="session")
def lite_pipeline() -> Pipeline:
    """Return a :class:`newslens.Pipeline` with the lite backend, shared by the session."""
    from newslens.pipeline import Pipeline

    return Pipeline(backend="lite")


@pytest.fixture
def newslens_plugin_manager() -> pluggy.PluginManager:
    """Return a fresh newslens plugin manager with the built-ins and installed plugins."""
    from newslens.plugins import new_plugin_manager

    return new_plugin_manager()


@pytest.fixture
def run_enricher() -> Callable[..., Document]:
    """Return :func:`newslens.testing.run_enricher`."""
    from newslens.testing.checks import run_enricher as run

    return run
