"""newslens-entityfreq: how often each named entity is mentioned (an example plugin)."""

from collections import Counter
from typing import TYPE_CHECKING, Any

from newslens import Document, Key, enricher, hookimpl, layers

if TYPE_CHECKING:  # rich is imported only when a text report is printed
    from rich.console import Console

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
def newslens_text_report(doc: Document, console: "Console") -> None:
    """Print the ten most mentioned entities as a table."""
    from rich.table import Table

    table = Table("Entity", "Mentions", title="Most mentioned")
    for name, mentions in (doc.get(COUNTS) or ())[:10]:
        table.add_row(name, str(mentions))
    if table.row_count:
        console.print(table)
