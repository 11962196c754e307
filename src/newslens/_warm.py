"""Imported by the workers' fork server (:func:`newslens.parallel.worker_context`)
when the workers use the lite backend: loads, once, what every worker would
otherwise load for itself on its first articles.

It builds a pipeline with the lite backend and the installed plugins and
analyses :data:`~newslens.parallel.WARM_UP_ARTICLE`, written as JSON the way a corpus run
writes it, so that the modules are imported and the annotator's and the
plugins' tables (word lists, dictionaries, compiled patterns) are loaded in the
server. Each worker forked from it starts with them. If anything fails here,
the failure is ignored: each worker then loads what is missing itself, and
reports any error as it would have without the server.
"""

from __future__ import annotations

from newslens.parallel import WARM_UP_ARTICLE


def warm() -> bool:
    """Analyse :data:`~newslens.parallel.WARM_UP_ARTICLE` with the lite backend and
    every installed plugin; return whether it worked."""
    try:
        from newslens.config import Config
        from newslens.model import Document
        from newslens.pipeline import Pipeline
        from newslens.runner import LineMaker

        maker = LineMaker(Pipeline(config=Config(backend="lite")), "jsonl", frozenset())
        maker([Document(text=WARM_UP_ARTICLE, id="warm-up")])
    except Exception:  # each worker then loads what it needs itself
        return False
    return True


warm()
