"""newslens-entityfreq: how often each named entity is mentioned (an example plugin)."""

from operator import itemgetter
from typing import Any

from newslens import (
    Block,
    Document,
    Enricher,
    Key,
    Mark,
    Option,
    Table,
    enricher,
    hookimpl,
    layers,
)

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
        forms: dict[str, dict[str, int]] = {}  # spelling -> mentions, by case-folded name
        names: dict[str, str] = {}  # each entity text met, and its name (once each)
        for text in [entity.text for entity in doc.entities]:
            name = names.get(text)
            if name is None:
                name = names[text] = _name(text)
            seen = forms.get(name.casefold())
            if seen is None:
                forms[name.casefold()] = {name: 1}
            else:
                seen[name] = seen.get(name, 0) + 1
        # the most frequent spelling (the first met of those tied), and the mentions of all
        counts = ((max(seen.items(), key=itemgetter(1))[0], sum(seen.values()))
                  for seen in forms.values())
        kept = (item for item in counts if item[1] >= min_mentions)
        return {COUNTS: tuple(sorted(kept, key=lambda item: (-item[1], item[0])))}

    return count_entities


def _name(text: str) -> str:
    return " ".join(text.split()).removesuffix("'s").removesuffix("’s")


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
    """Show the ten most mentioned entities as a table, and mark their mentions in the
    text (one group per entity: an HTML report colours and numbers them, links them,
    and needs no HTML from this plugin)."""
    counts = doc.get(COUNTS)
    if not counts:
        return None
    top = dict(counts[:10])
    by_key = {name.casefold(): name for name in top}
    rows = [(name, str(mentions)) for name, mentions in top.items()]
    marks = [
        Mark(entity.start, entity.end, f"entity: {name} ({_times(top[name])})", group=name)
        for entity in doc.entities
        if (name := by_key.get(_name(entity.text).casefold())) is not None
    ]
    return [Block("Most mentioned", tables=[Table(("Entity", "Mentions"), rows)], marks=marks)]


def _times(mentions: int) -> str:
    """Say a number of mentions: ``1 mention``, ``3 mentions``."""
    return f"{mentions} mention" if mentions == 1 else f"{mentions} mentions"
