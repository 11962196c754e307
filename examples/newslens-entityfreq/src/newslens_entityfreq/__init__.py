"""newslens-entityfreq: how often each named entity is mentioned (an example plugin)."""

from collections import Counter
from typing import Any

from newslens import Block, Document, Enricher, Key, Option, Table, enricher, hookimpl, layers

COUNTS = Key("entityfreq.counts", tuple, doc="(name, mentions) pairs, most mentioned first.")
MIN_MENTIONS = Option(
    "entityfreq.min_mentions", int, 1, minimum=1,
    doc="Leave out entities mentioned fewer times than this.",
)


def make_counter(min_mentions: int = 1) -> Enricher:
    """Return the enricher that counts entity mentions, keeping those seen *min_mentions* times."""

    @enricher(name="entityfreq.count", requires=[layers.ENTITIES], provides=[COUNTS])
    def count_entities(doc: Document) -> dict[Key[Any], Any]:
        """Count entity mentions, ignoring case, spacing and a possessive ``'s``."""
        forms: dict[str, Counter[str]] = {}
        for entity in doc.entities:
            name = " ".join(entity.text.split()).removesuffix("'s").removesuffix("’s")
            forms.setdefault(name.casefold(), Counter())[name] += 1
        counts = ((seen.most_common(1)[0][0], seen.total()) for seen in forms.values())
        kept = (item for item in counts if item[1] >= min_mentions)
        return {COUNTS: tuple(sorted(kept, key=lambda item: (-item[1], item[0])))}

    return count_entities


count_entities = make_counter()
"""The enricher with the default option values."""


@hookimpl
def newslens_options() -> list[Option]:
    """Declare ``entityfreq.min_mentions``."""
    return [MIN_MENTIONS]


@hookimpl
def newslens_register_enrichers(register: Any, options: Any) -> None:
    """Register the counter, built with the option's value."""
    register(make_counter(options[MIN_MENTIONS.name]))


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
