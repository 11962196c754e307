"""The ``stanza`` annotator: Stanford's neural pipeline, and its model management.

stanza (and torch behind it) is imported lazily, inside functions, so that
importing this module and calling :func:`why_unavailable` stay cheap: ``auto``
calls it every time a pipeline is built.

Models live in a *resources directory*: :attr:`Config.stanza_dir
<newslens.Config.stanza_dir>` when set, else ``$STANZA_RESOURCES_DIR``, else
stanza's own default (see :func:`default_model_dir`). :func:`download_models`
fills it; ``newslens models download`` calls that function.

How a document is processed: it is split into paragraphs as the lite
annotator splits it (:func:`~newslens.annotators.paragraphs.paragraph_spans`:
the headline and the byline are one paragraph each; a body is cut into blocks
at blank lines, or into lines when it has none, with ``\n``, ``\r\n`` and
``\r`` all line breaks), and every paragraph goes to stanza as a text of its
own, all paragraphs of a batch of documents in one ``bulk_process`` call. So sentences
never cross a paragraph or part boundary, and stanza batches across documents.
:func:`from_stanza` then maps stanza's output back to offsets in
:attr:`Document.text <newslens.Document.text>`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from newslens import layers as L
from newslens import webtext
from newslens.annotators import Annotator
from newslens.annotators.paragraphs import paragraph_spans
from newslens.config import Config
from newslens.errors import AnnotatorError
from newslens.model import Document, Entity, Paragraph, Sentence, Token

StanzaDocument = Any
"""A ``stanza.Document`` (typed loosely: stanza ships no type information)."""

PROCESSORS: Final = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
"""The stanza processors the annotator runs, in pipeline order. ``mwt`` is left out
for languages whose default package has no multi-word-token expander."""

PROCESSOR_LAYERS: Final[dict[str, frozenset[str]]] = {
    "tokenize": frozenset({L.PARAGRAPHS, L.SENTENCES, L.TOKENS}),
    "mwt": frozenset(),
    "pos": frozenset({L.POS, L.MORPHOLOGY}),
    "lemma": frozenset({L.LEMMAS}),
    "depparse": frozenset({L.DEPENDENCIES}),
    "ner": frozenset({L.ENTITIES}),
}
"""The annotation layers each stanza processor fills in."""

RESOURCES_ENV: Final = "STANZA_RESOURCES_DIR"
"""The environment variable stanza reads its resources directory from."""

RESOURCES_FILE: Final = "resources.json"

_LANGUAGE_NAMES: Final = {"en": "English"}

_VERSION_LINE: Final = re.compile(r"""__resources_version__\s*=\s*['"]([^'"]+)['"]""")


# -- where the models are ---------------------------------------------------------


def _stanza_spec_dir() -> Path | None:
    spec = importlib.util.find_spec("stanza")
    if spec is None:
        return None
    locations = list(spec.submodule_search_locations or ())
    return Path(locations[0]) if locations else Path(spec.origin or ".").parent


def _resources_version(package_dir: Path | None) -> str | None:
    """Read ``__resources_version__`` from stanza's ``_version.py`` without importing stanza."""
    if package_dir is not None:
        try:
            match = _VERSION_LINE.search((package_dir / "_version.py").read_text("utf-8"))
        except OSError:
            match = None
        if match:
            return match.group(1)
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("stanza")
    except PackageNotFoundError:
        return None


def default_model_dir() -> str:
    """Return the resources directory stanza uses when none is configured.

    This is what stanza 1.10+ computes for ``DEFAULT_MODEL_DIR`` (a ``resources``
    folder in the user cache directory, per resources version), worked out without
    importing stanza. Releases before that used ``~/stanza_resources``; when only
    that older directory holds models, it is returned instead.
    """
    legacy = Path.home() / "stanza_resources"
    version = _resources_version(_stanza_spec_dir())
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # stanza without platformdirs predates the cache directory
        return str(legacy)
    if version is None:
        return str(legacy)
    current = Path(user_cache_dir("stanza", "StanfordNLP", version)) / "resources"
    if not (current / RESOURCES_FILE).exists() and (legacy / RESOURCES_FILE).exists():
        return str(legacy)
    return str(current)


def resources_dir(config: Config | None = None) -> str:
    """Return the stanza resources directory for *config*.

    In order: ``config.stanza_dir``, ``$STANZA_RESOURCES_DIR``, :func:`default_model_dir`.
    """
    if config is not None and config.stanza_dir:
        return os.path.expanduser(config.stanza_dir)
    env = os.environ.get(RESOURCES_ENV)
    if env:
        return os.path.expanduser(env)
    return default_model_dir()


@attrs.frozen
class ModelStatus:
    """What :func:`check_models` found in a resources directory.

    Attributes:
        directory: The resources directory looked at.
        language: The language asked for.
        processors: The processors of :data:`PROCESSORS` that the language's
            default package provides (all of them when ``resources.json`` is unreadable).
        problems: What is missing, one item per problem (paths relative to
            *directory*); empty when the models look installed.
    """

    directory: str
    language: str
    processors: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def installed(self) -> bool:
        """Whether every model file the annotator needs is present."""
        return not self.problems


def check_models(language: str, directory: str) -> ModelStatus:
    """Look for the default stanza models of *language* in *directory*, cheaply.

    Reads ``resources.json`` (as stanza does), follows a language alias, and
    checks that a ``<lang>/<processor>/<package>.pt`` file exists for each
    processor the annotator runs and for each model those depend on (pretrained
    embeddings, character language models). Nothing is imported from stanza and
    no checksum is computed, so a corrupt file is only noticed when loading.
    """
    resources_path = Path(directory) / RESOURCES_FILE
    if not resources_path.is_file():
        return ModelStatus(directory, language, PROCESSORS, (f"{RESOURCES_FILE} is missing",))
    try:
        resources = json.loads(resources_path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        return ModelStatus(
            directory, language, PROCESSORS, (f"{RESOURCES_FILE} cannot be read: {exc}",)
        )
    lang = language.strip().lower()
    seen: set[str] = set()
    while isinstance(resources.get(lang), dict) and "alias" in resources[lang]:
        if lang in seen:
            break
        seen.add(lang)
        lang = resources[lang]["alias"]
    lang_resources = resources.get(lang)
    if not isinstance(lang_resources, dict):
        problem = f"stanza has no models for language {language!r} (not in {RESOURCES_FILE})"
        return ModelStatus(directory, language, PROCESSORS, (problem,))
    default = lang_resources.get("packages", {}).get("default", {})
    processors = tuple(p for p in PROCESSORS if p in default)
    problems: list[str] = []
    required = [p for p in PROCESSORS if p != "mwt"]
    absent = [p for p in required if p not in default]
    if absent:
        problems.append(
            f"stanza's default package for {language!r} has no {', '.join(absent)} model"
        )
    needed: list[tuple[str, str]] = []
    for processor in processors:
        packages = default[processor]
        for package in [packages] if isinstance(packages, str) else list(packages):
            if processor == "lemma" and package == "identity":
                continue
            needed.append((processor, package))
            info = lang_resources.get(processor, {}).get(package, {})
            for dependency in info.get("dependencies", ()) if isinstance(info, dict) else ():
                needed.append((dependency["model"], dependency["package"]))
    for processor, package in dict.fromkeys(needed):
        relative = Path(lang, processor, f"{package}.pt")
        if not (Path(directory) / relative).is_file():
            problems.append(f"{relative} is missing")
    return ModelStatus(directory, language, processors or PROCESSORS, tuple(problems))


def _language_name(language: str) -> str:
    return _LANGUAGE_NAMES.get(language, repr(language))


def _how_to_install(language: str, directory: str) -> str:
    command = "newslens models download"
    if language != "en":
        command += f" --language {shlex.quote(language)}"
    if directory == resources_dir(None):  # where both commands put models by default
        call = f"stanza.download({language!r})"
    else:
        command += f" --dir {shlex.quote(directory)}"
        call = f"stanza.download({language!r}, model_dir={directory!r})"
    return (
        f"get them with `{command}` or "
        f'`python -c "import stanza; {call}"`, '
        "or use `--backend lite` for the fast model-free annotator"
    )


def _not_installed_message(status: ModelStatus) -> str:
    shown = "; ".join(status.problems[:3])
    if len(status.problems) > 3:
        shown += f"; and {len(status.problems) - 3} more"
    return (
        f"stanza's {_language_name(status.language)} models are not installed in "
        f"{status.directory} ({shown}); {_how_to_install(status.language, status.directory)}"
    )


def _no_package_message() -> str:
    return (
        "the stanza package is not installed: install it with "
        "`pip install 'newslens[stanza]'` and then get its models with "
        "`newslens models download`, or use `--backend lite` for the fast model-free annotator"
    )


def why_unavailable(config: Config) -> str | None:
    """Return why the stanza annotator cannot be used with *config*, or ``None``.

    Cheap enough to call on every start: it neither imports stanza nor loads a
    model; it looks for the stanza package (:func:`importlib.util.find_spec`)
    and for the model files (:func:`check_models`). The message says how to
    get what is missing.
    """
    if _stanza_spec_dir() is None:
        return _no_package_message()
    status = check_models(config.language, resources_dir(config))
    return None if status.installed else _not_installed_message(status)


def download_models(language: str = "en", model_dir: str | None = None) -> str:
    """Download stanza's models for *language*, showing progress; return the directory.

    ``newslens models download`` calls this. Only the processors the annotator
    runs (:data:`PROCESSORS`, with the pretrained embeddings and character
    language models they need) are fetched, not stanza's whole default package.
    Files already present with the right checksum are not fetched again.

    Args:
        language: A stanza language code (``"en"``).
        model_dir: The resources directory to fill (default: ``$STANZA_RESOURCES_DIR``
            or :func:`default_model_dir`, the directory the annotator reads).

    Returns:
        The resources directory the models are in.

    Raises:
        AnnotatorError: when stanza is not installed, the download fails (no
            network, no such language), or models are still missing afterwards.
    """
    directory = os.path.expanduser(model_dir) if model_dir else resources_dir(None)
    try:
        import stanza
    except ImportError as exc:
        raise AnnotatorError(_no_package_message()) from exc
    # mwt is not asked for by name: stanza adds it where the language's tokenizer needs one.
    processors = ",".join(p for p in PROCESSORS if p != "mwt")
    try:
        stanza.download(language, model_dir=directory, processors=processors, logging_level="INFO")
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"
        if isinstance(exc, ValueError) and not isinstance(exc, OSError):
            hint = f"check that {language!r} is a language stanza has models for"
        else:
            hint = (
                "stanza fetches resources.json from GitHub and the models from Hugging Face; "
                "check the network connection (or set HTTPS_PROXY), or copy a stanza "
                f"resources directory from another machine and point ${RESOURCES_ENV} at it"
            )
        raise AnnotatorError(
            f"could not download stanza's {_language_name(language)} models into "
            f"{directory} ({reason}); {hint}; or use `--backend lite`, which needs no models"
        ) from exc
    status = check_models(language, directory)
    if not status.installed:
        raise AnnotatorError(
            "stanza's download finished but models are still missing: " + "; ".join(status.problems)
        )
    return directory


# -- converting stanza's output -----------------------------------------------------


@attrs.define
class _Locator:
    """Finds stanza tokens in the document text, moving forward."""

    text: str
    limit: int
    cursor: int
    guessed: int = 0

    def locate(self, surface: str, start: int | None, end: int | None) -> tuple[int, int]:
        # 1. stanza's offsets, when they point at the token's text.
        if (
            start is not None
            and end is not None
            and self.cursor <= start <= end <= self.limit
            and self.text[start:end] == surface
        ):
            self.cursor = end
            return start, end
        # 2. the token's text, searched forward from the previous token.
        if surface:
            found = self.text.find(surface, self.cursor, self.limit)
            if found >= 0:
                self.cursor = found + len(surface)
                return found, self.cursor
        # 3. a guess: stanza's offsets if they lie ahead, else the next characters.
        self.guessed += 1
        if start is not None and end is not None and self.cursor <= start <= end <= self.limit:
            self.cursor = end
            return start, end
        first = self.cursor
        while first < self.limit and self.text[first].isspace():
            first += 1
        self.cursor = min(first + len(surface), self.limit)
        return first, self.cursor


def _none_if_blank(value: Any) -> str | None:
    return None if value in (None, "", "_") else str(value)


def _sentence_tokens(
    text: str,
    ssent: Any,
    offset: int,
    locator: _Locator,
    spans: dict[int, tuple[int, int]],
    first: int,
) -> list[Token]:
    """Return the tokens of one stanza sentence, stanza's words, with offsets in *text*.

    *first* is the index in the document's tokens of the sentence's first
    word (heads are indices there); each stanza token's span is recorded in
    *spans* by ``id`` for the entities.
    """
    index_of: dict[int, int] = {}
    pending: list[tuple[Any, Any, int, int]] = []
    for stoken in ssent.tokens:
        start = None if stoken.start_char is None else offset + stoken.start_char
        end = None if stoken.end_char is None else offset + stoken.end_char
        span = locator.locate(stoken.text or "", start, end)
        spans[id(stoken)] = span
        for word in stoken.words:
            index_of[word.id] = first + len(pending)
            pending.append((stoken, word, *span))
    tokens: list[Token] = []
    for stoken, word, start, end in pending:
        surface = text[start:end]
        head = word.head
        tokens.append(
            Token(
                start,
                end,
                surface,
                form=word.text if word.text is not None and word.text != surface else None,
                lemma=_none_if_blank(word.lemma),
                upos=_none_if_blank(word.upos),
                xpos=_none_if_blank(word.xpos),
                feats=_none_if_blank(word.feats),
                head=None if head in (None, 0) else index_of.get(head),
                deprel=_none_if_blank(word.deprel),
                ner=_none_if_blank(stoken.ner),
            )
        )
    return tokens


def _piece_paragraph(piece: str | None, offset: int, tokens: Sequence[Token]) -> Paragraph | None:
    """The paragraph of one piece: its text trimmed, or the extent of its tokens if no text."""
    if piece is not None:
        stripped = piece.strip()
        if not stripped:
            return None
        first = offset + len(piece) - len(piece.lstrip())
        return Paragraph(first, first + len(stripped))
    if not tokens:
        return None
    return Paragraph(tokens[0].start, max(t.end for t in tokens))


def _piece_entities(
    text: str, sdoc: StanzaDocument, spans: dict[int, tuple[int, int]]
) -> list[Entity]:
    """The entities of one stanza document (built from its tags when it has none)."""
    ents = list(sdoc.ents or ())
    if not ents and any(
        _none_if_blank(t.ner) not in (None, "O") for s in sdoc.sentences for t in s.tokens
    ):
        ents = list(sdoc.build_ents())
    entities: list[Entity] = []
    for ent in ents:
        located = [spans[id(t)] for t in ent.tokens if id(t) in spans]
        if located:
            start, end = located[0][0], max(e for _, e in located)
            entities.append(Entity(start, end, str(ent.type), text[start:end]))
    return entities


def _mark_web_text(
    text: str, tokens: list[Token], entities: list[Entity]
) -> tuple[list[Token], list[Entity]]:
    """Give tokens that are not prose their kind (:func:`newslens.webtext.token_kinds`).

    Entities that hold such a token (a handle, an ID, part of a tag) are left out.
    """
    kinds = webtext.token_kinds(text, [t.start for t in tokens], [t.end for t in tokens])
    if kinds is None:
        return tokens, entities
    marked = [
        t if k is None else attrs.evolve(t, kind=k) for t, k in zip(tokens, kinds, strict=True)
    ]
    noise = [(t.start, t.end) for t in marked if t.kind is not None]
    kept = [
        e for e in entities
        if not any(s < e.end and e.start < end for s, end in noise)
    ]
    return marked, kept


def from_stanza(
    doc: Document,
    stanza_docs: Sequence[tuple[int, StanzaDocument]],
    *,
    layers: Iterable[str] = L.ALL,
    backend: str = "stanza",
) -> Document:
    """Return *doc* annotated with the output of stanza on pieces of its text.

    Args:
        doc: The document the pieces come from.
        stanza_docs: ``(offset, stanza_document)`` pairs: each stanza document is
            stanza's analysis of one piece of ``doc.text`` (normally one
            paragraph) starting at character *offset*. Each piece becomes one
            :class:`~newslens.Paragraph` (its text trimmed of whitespace, or the
            extent of its tokens when the stanza document has no text).
        layers: The layers to record in :attr:`Document.layers`.
        backend: The name to record in :attr:`Document.backend`.

    Tokens are stanza's *words*: a multi-word token (English *cannot* = *can*
    + *not*) gives one :class:`~newslens.Token` per word, each with the
    token's span, ``text`` the surface characters and ``form`` the word.
    Tokens inside web text (a URL, a handle, a markup tag that stanza cut into
    pieces...) get its :attr:`~newslens.Token.kind`, IDs the kind ``id``
    (:func:`newslens.webtext.token_kinds`); an entity holding such a token,
    or lying in a ``boilerplate`` part, is left out.
    ``head`` is an index into :attr:`Document.tokens` (``None`` for the root),
    ``ner`` is the BIOES tag of the word's token, and entities come from the
    stanza document's ``ents`` (built from the tags with ``build_ents()``
    when the document has tags but no entities).

    Offsets: stanza's ``start_char``/``end_char`` are used when they point at
    the token's text. Otherwise (no offsets, as in CoNLL-U input without them;
    or offsets that disagree with the text) the token's text is searched for
    forward from the previous token, within the piece. A token found neither
    way keeps stanza's offsets (or the next characters) and a warning
    diagnostic counts such tokens; every token's ``text`` is always
    ``doc.text[start:end]``.

    Raises:
        ValueError: when a stanza document's text is not the text of *doc* at its offset.
    """
    text = doc.text
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    entities: list[Entity] = []
    guessed = 0
    for offset, sdoc in sorted(stanza_docs, key=lambda item: item[0]):
        piece: str | None = sdoc.text
        if piece is not None and text[offset : offset + len(piece)] != piece:
            raise ValueError(
                f"stanza document text {piece[:40]!r} is not the document text at offset {offset}"
            )
        limit = offset + len(piece) if piece is not None else len(text)
        locator = _Locator(text, limit, offset)
        spans: dict[int, tuple[int, int]] = {}
        first_token = len(tokens)
        for ssent in sdoc.sentences:
            sentence_first = len(tokens)
            tokens += _sentence_tokens(text, ssent, offset, locator, spans, sentence_first)
            if len(tokens) > sentence_first:
                sentences.append(
                    Sentence(
                        tokens[sentence_first].start,
                        max(t.end for t in tokens[sentence_first:]),
                        sentence_first,
                        len(tokens),
                    )
                )
        guessed += locator.guessed
        paragraph = _piece_paragraph(piece, offset, tokens[first_token:])
        if paragraph is not None:
            paragraphs.append(paragraph)
        entities += _piece_entities(text, sdoc, spans)
    tokens, entities = _mark_web_text(text, tokens, entities)
    if doc.boilerplate:
        skip = [(p.start, p.end) for p in doc.boilerplate]
        entities = [e for e in entities if not webtext.in_spans(skip, e.start)]
    result = attrs.evolve(
        doc,
        backend=backend,
        layers=frozenset(layers),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        tokens=tuple(tokens),
        entities=tuple(entities),
    )
    if guessed:
        result = result.with_diagnostic(
            backend,
            "warning",
            f"{guessed} token(s) from stanza could not be matched to the text; "
            "their offsets are approximate",
        )
    return result


# -- the annotator ------------------------------------------------------------------


class StanzaAnnotator(Annotator):
    """Annotate with stanza: tokens, sentences, lemmas, POS, morphology, dependencies, entities.

    The stanza pipeline is loaded once, when the annotator is made, by
    :meth:`_load_pipeline`; pass *nlp* (or override that method) to supply
    another object with stanza's ``bulk_process(texts) -> [stanza.Document]``.

    Args:
        config: Language (``config.language``), models directory
            (``config.stanza_dir``) and whether missing models may be downloaded
            (``config.download``).
        nlp: A ready stanza pipeline (or stand-in) to use instead of loading one.

    Raises:
        AnnotatorError: when stanza or its models are missing, saying how to get them.
    """

    name = "stanza"
    layers = L.ALL

    batch_size: int = 32
    """Documents per ``bulk_process`` call."""

    def __init__(self, config: Config, *, nlp: object | None = None) -> None:
        self.config = config
        self.model_dir = resources_dir(config)
        self.nlp: Any = nlp if nlp is not None else self._load_pipeline()
        loaded = getattr(self.nlp, "processors", None)
        if isinstance(loaded, dict) and loaded:
            self.layers = frozenset().union(
                *(PROCESSOR_LAYERS.get(str(name), frozenset()) for name in loaded)
            )

    def _load_pipeline(self) -> Any:
        """Build the ``stanza.Pipeline`` (the only step that needs model files).

        Raises:
            AnnotatorError: when stanza or its models are missing, or the download
                (with ``config.download``) fails.
        """
        try:
            import stanza
        except ImportError as exc:
            raise AnnotatorError(_no_package_message()) from exc
        language = self.config.language
        status = check_models(language, self.model_dir)
        try:
            return stanza.Pipeline(
                lang=language,
                processors=",".join(status.processors),
                dir=self.model_dir,
                download_method="reuse_resources" if self.config.download else None,
                logging_level="WARN",
            )
        except Exception as exc:
            status = check_models(language, self.model_dir)
            reason = f"{type(exc).__name__}: {exc}"
            if not status.installed:
                message = _not_installed_message(status)
                if self.config.download:
                    message = f"could not download them ({reason}); {message}"
            else:
                message = (
                    f"stanza could not load its {_language_name(language)} models from "
                    f"{self.model_dir} ({reason}); reinstall them with "
                    "`newslens models download`, or use `--backend lite`"
                )
            raise AnnotatorError(message) from exc

    def annotate(self, doc: Document) -> Document:
        """Return a copy of *doc* annotated by stanza."""
        return next(iter(self.annotate_many([doc])))

    def annotate_many(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Annotate *docs* in order, :attr:`batch_size` documents per stanza call."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._annotate_batch(batch)
                batch = []
        if batch:
            yield from self._annotate_batch(batch)

    def _annotate_batch(self, docs: Sequence[Document]) -> Iterator[Document]:
        jobs: list[tuple[int, int]] = []
        texts: list[str] = []
        for index, doc in enumerate(docs):
            for paragraph in paragraph_spans(doc):
                jobs.append((index, paragraph.start))
                texts.append(doc.text[paragraph.start : paragraph.end])
        try:
            results = list(self.nlp.bulk_process(texts)) if texts else []
        except Exception as exc:
            names = ", ".join(str(d.id or d.source or f"#{i}") for i, d in enumerate(docs))
            raise AnnotatorError(
                f"stanza failed on a batch of {len(docs)} document(s) ({names}): "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        if len(results) != len(texts):
            raise AnnotatorError(
                f"stanza returned {len(results)} documents for {len(texts)} paragraphs"
            )
        pieces: list[list[tuple[int, StanzaDocument]]] = [[] for _ in docs]
        for (index, offset), result in zip(jobs, results, strict=True):
            pieces[index].append((offset, result))
        for doc, doc_pieces in zip(docs, pieces, strict=True):
            yield from_stanza(doc, doc_pieces, layers=self.layers, backend=self.name)
