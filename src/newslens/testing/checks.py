"""Contract checks for annotators' output and for enrichers.

:func:`~newslens.testing.check_document` checks what an annotator produced;
:func:`~newslens.testing.check_enricher` runs an enricher over many generated
documents and checks that it keeps the contract every enricher must keep;
:func:`~newslens.testing.run_enricher` runs one enricher (and what it requires)
on one text, for example-based tests. All three raise :class:`AssertionError`
with a message that names the document, the span or the key at fault, so they
read well in a pytest report. Import them from :mod:`newslens.testing`.

hypothesis is imported only when :func:`~newslens.testing.check_enricher`
generates documents, so importing this module (and the pytest plugin) costs
nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from newslens import layers as layer_names
from newslens.enrichers import DIAGNOSTICS, Enricher, order_enrichers, run_enrichers
from newslens.enrichments import Key
from newslens.errors import EnricherError
from newslens.model import BODY, DATELINE, Document
from newslens.webtext import BOILERPLATE

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from newslens.annotators import Annotator
    from newslens.pipeline import Pipeline

__all__ = ["EDGE_CASES", "check_document", "check_enricher", "run_enricher"]

EDGE_CASES: Final[tuple[Document, ...]] = (
    Document.create(""),
    Document.create(" \n\t\n "),
    Document.create("Nobody said anything.", headline="Quiet day"),
    Document.create(
        "Mr. Ruiz said on Tuesday that the U.S. plan would cost $4.5 million.\n"
        "“We are not done,” he told reporters. Ms. Chen disagreed.",
        headline="Harbour plan approved",
        byline="By Ana Okafor",
        published="2024-03-14",
    ),
)
"""Documents that every :func:`~newslens.testing.check_enricher` run includes."""


# -- documents ----------------------------------------------------------------


def _describe(doc: Document, width: int = 80) -> str:
    """Return a one-line description of *doc* for error messages."""
    text = doc.text if len(doc.text) <= width else doc.text[:width] + "…"
    name = f"document {doc.id!r}" if doc.id else "document"
    return f"{name} with text {text!r}"


def _check_spans(doc: Document, kind: str, spans: Sequence[Any], *, overlap: bool) -> None:
    size = len(doc.text)
    previous: Any = None
    for index, item in enumerate(spans):
        if not 0 <= item.start <= item.end <= size:
            raise AssertionError(
                f"{kind} {index} [{item.start}, {item.end}) is outside the text "
                f"(length {size}) of {_describe(doc)}"
            )
        text = getattr(item, "text", None)
        if text is not None and text != doc.text[item.start : item.end]:
            raise AssertionError(
                f"{kind} {index} [{item.start}, {item.end}) has text {text!r} but the "
                f"document has {doc.text[item.start : item.end]!r} there ({_describe(doc)})"
            )
        if previous is not None:
            if (item.start, item.end) < (previous.start, previous.end):
                raise AssertionError(
                    f"{kind}s are not in text order: {kind} {index} [{item.start}, {item.end}) "
                    f"comes after [{previous.start}, {previous.end}) in {_describe(doc)}"
                )
            shared_word = (  # the words of one multi-word token share its span
                getattr(item, "form", None) is not None
                and getattr(previous, "form", None) is not None
                and (item.start, item.end) == (previous.start, previous.end)
            )
            if not overlap and item.start < previous.end and not shared_word:
                raise AssertionError(
                    f"{kind} {index} [{item.start}, {item.end}) overlaps the previous one "
                    f"[{previous.start}, {previous.end}) in {_describe(doc)}"
                )
        previous = item


def _check_sentences(doc: Document) -> None:
    count = len(doc.tokens)
    expected_start = 0
    covering = layer_names.SENTENCES in doc.layers and layer_names.TOKENS in doc.layers
    for index, sentence in enumerate(doc.sentences):
        where = f"sentence {index} [{sentence.start}, {sentence.end})"
        if not 0 <= sentence.token_start <= sentence.token_end <= count:
            raise AssertionError(
                f"{where} has tokens [{sentence.token_start}, {sentence.token_end}), "
                f"outside the document's {count} tokens ({_describe(doc)})"
            )
        if covering and sentence.token_start != expected_start:
            raise AssertionError(
                f"{where} starts at token {sentence.token_start}, expected {expected_start}: "
                f"every token must belong to exactly one sentence ({_describe(doc)})"
            )
        expected_start = sentence.token_end
        for offset, token in enumerate(doc.sentence_tokens(sentence)):
            if token.start < sentence.start or token.end > sentence.end:
                raise AssertionError(
                    f"token {sentence.token_start + offset} {token.text!r} "
                    f"[{token.start}, {token.end}) lies outside {where} ({_describe(doc)})"
                )
            head = token.head
            if head is not None and not sentence.token_start <= head < sentence.token_end:
                raise AssertionError(
                    f"token {sentence.token_start + offset} {token.text!r} has head {head}, "
                    f"outside its {where} (tokens {sentence.token_start}-"
                    f"{sentence.token_end - 1}) in {_describe(doc)}"
                )
    if covering and doc.sentences and expected_start != count:
        raise AssertionError(
            f"tokens {expected_start}-{count - 1} belong to no sentence ({_describe(doc)})"
        )


def _check_containment(doc: Document) -> None:
    containers: tuple[tuple[str, Sequence[Any]], ...] = (
        ("part", doc.parts),
        ("paragraph", doc.paragraphs),
    )
    for kind, outer in containers:
        if not outer:
            continue
        for index, sentence in enumerate(doc.sentences):
            if not any(o.start <= sentence.start and sentence.end <= o.end for o in outer):
                raise AssertionError(
                    f"sentence {index} [{sentence.start}, {sentence.end}) "
                    f"{doc.text[sentence.start : sentence.end]!r} crosses a {kind} boundary "
                    f"in {_describe(doc)}"
                )


def _check_parts(doc: Document) -> None:
    """Headline, byline and body follow one another; the dateline and the boilerplate
    parts lie inside the body, the boilerplate parts in order and apart."""
    named = [p for p in doc.parts if p.name != BOILERPLATE]
    outer = [p for p in named if not any(o is not p and _inside(p, o) for o in named)]
    _check_spans(doc, "part", outer, overlap=False)
    _check_spans(doc, "boilerplate part", doc.boilerplate, overlap=False)
    body = doc.part(BODY)
    for part in doc.parts:
        if part.name in (DATELINE, BOILERPLATE) and (body is None or not _inside(part, body)):
            raise AssertionError(
                f"the {part.name} [{part.start}, {part.end}) is not inside the body "
                f"in {_describe(doc)}"
            )


def _inside(inner: Any, outer: Any) -> bool:
    return bool(outer.start <= inner.start and inner.end <= outer.end)


def check_document(doc: Document) -> None:
    """Check that an annotated document is internally consistent.

    Checks that every part, paragraph, sentence, token and entity lies within
    the text and comes in text order; that parts (but for a part inside
    another, such as the dateline and the boilerplate, which must lie inside
    the body; only ``boilerplate`` parts may repeat), paragraphs,
    sentences and tokens do not overlap; that each token's and entity's ``text`` is the slice
    of :attr:`Document.text <newslens.Document.text>` at its offsets; that each
    sentence's token range is within the document's tokens and its tokens lie
    inside the sentence; that (when both layers are present) every token
    belongs to exactly one sentence; that no sentence crosses a part or
    paragraph boundary; and that dependency heads stay inside their sentence.

    Args:
        doc: The document to check.

    Raises:
        AssertionError: naming the first span that breaks a rule, and the document.
    """
    names = [part.name for part in doc.parts if part.name != BOILERPLATE]
    if len(set(names)) != len(names):
        raise AssertionError(f"part names repeat: {names} in {_describe(doc)}")
    _check_parts(doc)
    _check_spans(doc, "paragraph", doc.paragraphs, overlap=False)
    _check_spans(doc, "sentence", doc.sentences, overlap=False)
    _check_spans(doc, "token", doc.tokens, overlap=False)
    _check_spans(doc, "entity", doc.entities, overlap=True)
    _check_sentences(doc)
    _check_containment(doc)


# -- deep snapshots, so that mutation can be seen --------------------------------


def _snapshot(value: Any, seen: frozenset[int] = frozenset()) -> Any:
    """Return a structure of tuples equal to another snapshot iff the values are equal.

    Unlike :func:`copy.deepcopy` it copes with read-only mappings and slotted
    attrs classes, and it treats NaN as equal to NaN.
    """
    if value is None or isinstance(value, str | bytes | int | bool):
        return value
    if isinstance(value, float):
        return ("nan",) if math.isnan(value) else value
    if id(value) in seen:
        return ("cycle", type(value).__qualname__)
    seen = seen | {id(value)}
    if isinstance(value, Key):
        return ("key", value.name)
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return (
            "attrs",
            type(value).__qualname__,
            tuple((f.name, _snapshot(getattr(value, f.name), seen)) for f in fields),
        )
    if isinstance(value, Mapping):
        items = tuple((_snapshot(k, seen), _snapshot(v, seen)) for k, v in value.items())
        return ("map", type(value).__qualname__, items)
    if isinstance(value, list | tuple):
        return ("seq", type(value).__qualname__, tuple(_snapshot(v, seen) for v in value))
    if isinstance(value, set | frozenset):
        return ("set", tuple(sorted((_snapshot(v, seen) for v in value), key=repr)))
    if isinstance(value, bytearray):
        return ("bytearray", bytes(value))
    state = getattr(value, "__dict__", None)
    if isinstance(state, dict):
        return ("object", type(value).__qualname__, _snapshot(state, seen))
    return value


def _document_snapshot(doc: Document) -> dict[str, Any]:
    parts: dict[str, Any] = {}
    for field in attrs.fields(Document):
        if field.name == "enrichments":
            for key, value in doc.enrichments.items():
                parts[f"enrichment {key.name!r}"] = _snapshot(value)
            parts["the enrichment keys"] = tuple(key.name for key in doc.enrichments)
        else:
            parts[f"field {field.name!r}"] = _snapshot(getattr(doc, field.name))
    return parts


def _changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    return [name for name in before if before[name] != after.get(name)]


# -- enrichers ------------------------------------------------------------------------


def _call(item: Enricher, doc: Document, what: str = "enricher") -> Any:
    try:
        return item(doc)
    except Exception as exc:
        raise AssertionError(
            f"{what} {item.name!r} raised {type(exc).__name__}: {exc} on {_describe(doc)}"
        ) from exc


def _check_value_spans(item: Enricher, key: Key[Any], value: Any, doc: Document) -> None:
    size = len(doc.text)

    def walk(node: Any, path: str, seen: frozenset[int]) -> None:
        if id(node) in seen or isinstance(node, str | bytes | int | float | bool) or node is None:
            return
        seen = seen | {id(node)}
        if attrs.has(type(node)) and not isinstance(node, Document):
            fields: Mapping[str, Any] = {
                f.name: getattr(node, f.name) for f in attrs.fields(type(node))
            }
        elif isinstance(node, Mapping):
            fields = {str(k): v for k, v in node.items()}
        elif isinstance(node, list | tuple | set | frozenset):
            for index, child in enumerate(node):
                walk(child, f"{path}[{index}]", seen)
            return
        else:
            return
        start, end, text = fields.get("start"), fields.get("end"), fields.get("text")
        if type(start) is int and type(end) is int:
            if not 0 <= start <= end <= size:
                raise AssertionError(
                    f"enricher {item.name!r} returned a span [{start}, {end}) at {path} that "
                    f"is outside the text (length {size}) of {_describe(doc)}"
                )
            if isinstance(text, str) and text != doc.text[start:end]:
                raise AssertionError(
                    f"enricher {item.name!r} returned a span [{start}, {end}) at {path} with "
                    f"text {text!r}, but the document has {doc.text[start:end]!r} there "
                    f"({_describe(doc)})"
                )
        for name, child in fields.items():
            walk(child, f"{path}.{name}", seen)

    walk(value, key.name, frozenset())


def _check_result(
    item: Enricher,
    doc: Document,
    result: Any,
    *,
    allow_missing: bool = True,
    check_spans: bool = False,
) -> None:
    if not isinstance(result, Mapping):
        raise AssertionError(
            f"enricher {item.name!r} returned {type(result).__name__}, not a mapping of "
            f"Key to value, on {_describe(doc)}"
        )
    declared = {key.name: key for key in item.provides}
    provides = ", ".join(declared) or "nothing"
    for key, value in result.items():
        if key == DIAGNOSTICS:
            continue  # reported through the document's diagnostics, never stored
        if not isinstance(key, Key):
            raise AssertionError(
                f"enricher {item.name!r} returned the key {key!r}, which is not a "
                f"newslens.Key, on {_describe(doc)}"
            )
        if key.name not in declared:
            raise AssertionError(
                f"enricher {item.name!r} returned the undeclared key {key.name!r} "
                f"(it provides {provides}) on {_describe(doc)}"
            )
        try:
            declared[key.name].check(value)
        except TypeError as exc:
            raise AssertionError(
                f"enricher {item.name!r} returned a wrong type: {exc}, on {_describe(doc)}"
            ) from None
        if check_spans:
            _check_value_spans(item, key, value, doc)
    returned = {getattr(key, "name", None) for key in result}
    missing = [name for name in declared if name not in returned]
    if missing and not allow_missing:
        raise AssertionError(
            f"enricher {item.name!r} did not return {', '.join(map(repr, missing))} on "
            f"{_describe(doc)}; the pipeline treats a missing key like a failure and skips "
            "the enrichers that require it (pass allow_missing=True if that is intended)"
        )


@attrs.frozen
class _Preparer:
    """Annotates a document and runs what an enricher requires, in pipeline order."""

    annotator: Annotator
    chain: tuple[Enricher, ...]
    provided: frozenset[str]

    @classmethod
    def build(
        cls,
        target: Enricher,
        *,
        upstream: Iterable[Enricher],
        pipeline: Pipeline | None,
        backend: str,
        annotator: Annotator | None,
    ) -> _Preparer:
        from newslens.testing.strategies import make_annotator

        if annotator is None:
            annotator = pipeline.annotator if pipeline is not None else make_annotator(backend)
        pool: dict[str, Enricher] = {}
        for item in (*(pipeline.enrichers if pipeline is not None else ()), *upstream):
            pool[item.name] = item
        pool.pop(target.name, None)
        ordered = order_enrichers([*pool.values(), target], annotator.layers)
        providers = {key.name: item for item in ordered for key in item.provides}
        needed: set[str] = set()
        stack = [target]
        while stack:
            current = stack.pop()
            for req in (*current.requires, *current.optional):
                if not isinstance(req, Key) or req.name not in providers:
                    continue
                provider = providers[req.name]
                if provider.name != target.name and provider.name not in needed:
                    needed.add(provider.name)
                    stack.append(provider)
        chain = tuple(item for item in ordered if item.name in needed)
        provided = frozenset(key.name for item in (*chain, target) for key in item.provides)
        return cls(annotator, chain, provided)

    def __call__(self, item: Document | str) -> Document:
        doc = Document.create(item) if isinstance(item, str) else item
        if doc.backend is None:
            doc = self.annotator.annotate(doc)
        todo = [up for up in self.chain if not all(key in doc for key in up.provides)]
        return _run(doc, todo, self.provided, "upstream enricher")


def _run(doc: Document, enrichers: Sequence[Enricher], provided: frozenset[str],
         what: str) -> Document:
    """Run *enrichers* with the pipeline's own engine; a failure is an AssertionError."""
    try:
        return run_enrichers(doc, enrichers, strict=True, provided=provided)
    except EnricherError as exc:
        cause = exc.__cause__
        raise AssertionError(
            f"{what} {exc.enricher!r} raised {type(cause).__name__}: {cause} on {_describe(doc)}"
        ) from exc


def _has_requirements(item: Enricher, doc: Document) -> bool:
    return all(req in doc for req in item.requires if isinstance(req, Key))


def _check_once(item: Enricher, doc: Document, *, allow_missing: bool, check_spans: bool) -> None:
    before = _document_snapshot(doc)
    first = _call(item, doc)
    _check_result(item, doc, first, allow_missing=allow_missing, check_spans=check_spans)
    first_snapshot = _snapshot(dict(first))
    changed = _changed(before, _document_snapshot(doc))
    if changed:
        raise AssertionError(
            f"enricher {item.name!r} mutated its input: {', '.join(changed)} changed "
            f"while it ran on {_describe(doc)}; return new values instead"
        )
    second = _call(item, doc)
    changed = _changed(before, _document_snapshot(doc))
    if changed:
        raise AssertionError(
            f"enricher {item.name!r} mutated its input on a second run: "
            f"{', '.join(changed)} changed ({_describe(doc)})"
        )
    if not isinstance(second, Mapping) or _snapshot(dict(second)) != first_snapshot:
        differing = sorted(
            key.name
            for key in {*first, *(second if isinstance(second, Mapping) else ())}
            if not isinstance(second, Mapping)
            or _snapshot(first.get(key)) != _snapshot(second.get(key))
        )
        if _snapshot(dict(first)) != first_snapshot:
            raise AssertionError(
                f"enricher {item.name!r} changed the value it returned earlier when it ran "
                f"again (keys {', '.join(differing) or '?'}) on {_describe(doc)}: it shares "
                "mutable state between calls"
            )
        raise AssertionError(
            f"enricher {item.name!r} is not deterministic: two runs on the same document "
            f"returned different values for {', '.join(differing) or 'its result'} "
            f"({_describe(doc)})"
        )


def check_enricher(
    enricher: Enricher,
    docs: Iterable[Document | str] | None = None,
    *,
    upstream: Iterable[Enricher] = (),
    pipeline: Pipeline | None = None,
    backend: str = "lite",
    annotator: Annotator | None = None,
    strategy: SearchStrategy[Document] | None = None,
    max_examples: int | None = None,
    allow_missing: bool = False,
    check_spans: bool = True,
) -> int:
    """Check that an enricher keeps the enricher contract on many documents.

    Runs *enricher* on :data:`~newslens.testing.checks.EDGE_CASES`, on every
    document in *docs* and on documents generated by hypothesis
    (:func:`newslens.testing.strategies.articles`), each annotated by the
    annotator of *backend* (the model-free lite one by default) and enriched
    with whatever the enricher requires. For each document it asserts that
    the enricher:

    * does not raise;
    * returns a mapping whose keys are all among its ``provides``, with values
      of each key's type (:meth:`Key.check <newslens.Key.check>`), and (unless
      *allow_missing*) returns every key it provides;
    * returns spans within the text: any value object with integer ``start``
      and ``end`` must lie in the text and, if it has a string ``text``, match
      the document's text there (unless *check_spans* is false);
    * does not mutate its input: the document, including every enrichment
      value it can reach, is deeply the same after the call;
    * is deterministic: a second run returns an equal result and leaves the
      first result unchanged.

    Enrichers that require other enrichers' keys get them computed first: pass
    the enrichers that provide them in *upstream*, or a *pipeline* whose
    enrichers are used (only those the enricher needs are run).

    Args:
        enricher: The enricher to check.
        docs: More documents (or body texts) to check it on; unannotated ones
            are annotated first.
        upstream: Enrichers that provide the keys *enricher* requires or uses.
        pipeline: A pipeline whose annotator and enrichers are used.
        backend: Annotator backend when neither *pipeline* nor *annotator* is given.
        annotator: The annotator to use.
        strategy: Strategy for generated documents (default:
            :func:`~newslens.testing.strategies.articles`).
        max_examples: How many documents hypothesis generates; default: the
            active hypothesis profile's ``max_examples``; 0 turns generation off.
        allow_missing: Accept results that leave out some provided keys.
        check_spans: Check spans found in the returned values.

    Returns:
        How many documents the enricher was checked on.

    Raises:
        AssertionError: describing the first broken rule and the document.
        PipelineError: when the enricher's requirements cannot be met by the
            annotator's layers and the *upstream* / *pipeline* enrichers.
    """
    prepare = _Preparer.build(
        enricher, upstream=upstream, pipeline=pipeline, backend=backend, annotator=annotator
    )
    checked = 0

    def check(item: Document | str) -> None:
        nonlocal checked
        doc = prepare(item)
        if not _has_requirements(enricher, doc):
            return  # the pipeline would skip the enricher here, so there is nothing to check
        _check_once(enricher, doc, allow_missing=allow_missing, check_spans=check_spans)
        checked += 1

    for item in (*EDGE_CASES, *(docs or ())):
        check(item)
    if max_examples is None or max_examples > 0:
        _run_generated(check, strategy, max_examples)
    if not checked:
        raise AssertionError(
            f"enricher {enricher.name!r} was checked on no document: its upstream enrichers "
            "never returned the keys it requires"
        )
    return checked


def _run_generated(
    check: Callable[[Document], None],
    strategy: SearchStrategy[Document] | None,
    max_examples: int | None,
) -> None:
    from hypothesis import HealthCheck, given, settings

    from newslens.testing.strategies import articles

    options: dict[str, Any] = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    }
    if max_examples is not None:
        options["max_examples"] = max_examples

    @settings(**options)
    @given(strategy if strategy is not None else articles())
    def generated(doc: Document) -> None:
        check(doc)

    generated()


def run_enricher(
    enricher: Enricher,
    doc: Document | str,
    *,
    upstream: Iterable[Enricher] = (),
    backend: str = "lite",
    headline: str | None = None,
    byline: str | None = None,
    published: dt.date | str | None = None,
) -> Document:
    """Run one enricher (after what it requires) on one article and return the result.

    The document is annotated (lite by default), the *upstream* enrichers it
    needs run in pipeline order, then *enricher*; its result is checked like
    the pipeline checks it and stored, so read it back with ``doc[KEY]``.
    It runs through the pipeline's own engine (:func:`newslens.enrichers.run_enrichers`),
    so ``newslens.diagnostics`` items land in the document's diagnostics exactly as
    in a pipeline; unlike a pipeline, a failure raises.

    Args:
        enricher: The enricher to run.
        doc: An article body, or a :class:`~newslens.Document`.
        upstream: Enrichers that provide the keys *enricher* requires or uses.
        backend: The annotator backend.
        headline: Headline, when *doc* is a string.
        byline: Byline, when *doc* is a string.
        published: Publication date, when *doc* is a string.

    Raises:
        AssertionError: when an enricher raises, or returns an undeclared key
            or a value of the wrong type.
    """
    if isinstance(doc, str):
        doc = Document.create(doc, headline=headline, byline=byline, published=published)
    prepare = _Preparer.build(
        enricher, upstream=upstream, pipeline=None, backend=backend, annotator=None
    )
    prepared = prepare(doc)
    return _run(prepared, [enricher], prepare.provided, "enricher")
