"""Testing helpers for plugin authors: checks, hypothesis strategies, pytest fixtures.

* :func:`~newslens.testing.check_enricher` runs an enricher over generated and given documents
  and asserts that it keeps the enricher contract (declared keys only, right
  types, no mutation, deterministic, never raises).
* :func:`~newslens.testing.check_document` checks that an annotated document is consistent.
* :func:`~newslens.testing.run_enricher` runs one enricher, after what it requires, on one text.
* :mod:`newslens.testing.strategies` has hypothesis strategies for texts and
  documents (it needs hypothesis installed).
* :mod:`newslens.testing.plugin` is a pytest plugin, loaded automatically,
  with the fixtures ``make_document``, ``lite_pipeline``,
  ``newslens_plugin_manager`` and ``run_enricher``.

A plugin's test suite typically needs only::

    from newslens.testing import check_enricher
    from newslens_myplugin import my_enricher

    def test_contract():
        check_enricher(my_enricher)
"""

from __future__ import annotations

from newslens.testing.checks import EDGE_CASES, check_document, check_enricher, run_enricher

__all__ = ["EDGE_CASES", "check_document", "check_enricher", "run_enricher"]
