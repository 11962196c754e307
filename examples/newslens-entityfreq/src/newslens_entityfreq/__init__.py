"""newslens-entityfreq: how often each named entity is mentioned (an example plugin)."""

from collections import Counter
from typing import Any

from newslens import Block, Document, Key, Table, enricher, hookimpl, layers

COUNTS = Key("entityfreq.counts", tuple, doc="(name, mentions) pairs, most mentioned first.")


@enricher(name="entityfreq.count", requires=[layers.ENTITIES], provides=[COUNTS])
def count_entities(doc: Document) -> dict[Key[Any], Any]:
    """Count entity mentions, ignoring case, spacing and a possessive ``'s``."""
    forms: dict[str, Counter[str]] = {}
    for entity in doc.entities:
        name = " ".join(entity.text.split()).removesuffix("'s").removesuffix("’s")
        forms.setdefault(name.casefold(), Counter())[name] += 1
    counts = ((seen.most_common(1)[0][0], seen.total()) for seen in forms.values())
    return {COUNTS: tuple(sorted(counts, key=lambda item: (-item[1], item[0])))}


@hookimpl
def newslens_register_enrichers(register: Any) -> None:
    """Register :func:`count_entities`."""
    register(count_entities)


@hookimpl
def newslens_json_section(doc: Document) -> dict[str, Any] | None:
    """Add ``"entityfreq": [{"name": ..., "count": ...}, ...]`` to the JSON output."""
    counts = doc.get(COUNTS)
    return None if counts is None else {"entityfreq": [{"name": n, "count": c} for n, c in counts]}


@hookimpl
def newslens_report_blocks(doc: Document) -> list[Block] | None:
    """Show the ten most mentioned entities as a table in every report."""
    counts = doc.get(COUNTS)
    if not counts:
        return None
    rows = [(name, str(mentions)) for name, mentions in counts[:10]]
    return [Block("Most mentioned", tables=[Table(("Entity", "Mentions"), rows)])]
