"""The ``newslens`` command.

Commands::

    newslens analyze INPUT... [--format json|jsonl|text] [--published YYYY-MM-DD]
                              [--backend auto|lite|stanza|NAME] [-o OUT] [--strict]
                              [--max-chars N] [--batch-size N] [--encoding NAME]
    newslens plugins [--format text|json]
    newslens models download [--language en] [--dir DIR]
    newslens schema
    newslens --version

Exit status:

* 0: success.
* 1: at least one input could not be read or processed (the others were);
  each problem is reported on standard error as ``newslens: error: ...``.
* 2: usage error: a bad option or value, an unknown backend name, an
  unsupported output format (``--format html`` is not available yet), an
  output file that cannot be opened.
* 3: the pipeline could not be built (requirements of the plugins' enrichers
  unmet or clashing; an annotator that cannot start, such as ``--backend
  stanza`` without its models), or stanza's models could not be downloaded.
* 4: an enricher failed under ``--strict``.
* 130: interrupted (Ctrl-C).

When the reader of standard output goes away (``newslens analyze ... | head``),
the command stops quietly with status 1.

An enricher failing without ``--strict`` is not an error of the command: the
document is written with an ``error`` diagnostic saying what failed.

This module imports only the standard library at start; rich, jsonschema and
the stanza backend are imported when a command needs them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

if TYPE_CHECKING:
    import pluggy

    from newslens.annotators import Annotator
    from newslens.config import Config
    from newslens.model import Document
    from newslens.pipeline import Enricher, Pipeline

PROG: Final = "newslens"

EXIT_OK: Final = 0
"""Everything was read and analysed."""
EXIT_INPUT: Final = 1
"""At least one input could not be read or processed; the others were."""
EXIT_USAGE: Final = 2
"""Bad option or value, unknown backend, unsupported output format."""
EXIT_PIPELINE: Final = 3
"""The pipeline could not be built (or stanza's models could not be downloaded)."""
EXIT_STRICT: Final = 4
"""An enricher failed under ``--strict``."""
EXIT_INTERRUPTED: Final = 130
"""Interrupted by Ctrl-C."""

EPILOG: Final = """\
exit status:
  0    success
  1    at least one input could not be read or processed (the others were)
  2    usage error: bad option, unknown backend, unsupported output format
  3    the pipeline could not be built (e.g. --backend stanza without its models),
       or the models could not be downloaded
  4    an enricher failed under --strict
  130  interrupted
"""


class CommandError(Exception):
    """Ends the command with ``newslens: error: <message>`` and an exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def error(message: str) -> None:
    """Print ``newslens: error: <message>`` to standard error."""
    sys.stderr.write(f"{PROG}: error: {message}\n")
    sys.stderr.flush()


# -- argument parsing ------------------------------------------------------------------


def _date(value: str) -> dt.date:
    from newslens.errors import InputError
    from newslens.model import parse_published

    try:
        return parse_published(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _encoding(value: str) -> str:
    from newslens.config import check_encoding

    try:
        return check_encoding(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {number}")
    return number


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors keep argparse's usage line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _version() -> str:
    from newslens import __version__

    return f"{PROG} {__version__}"


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        sys.stdout.write(_version() + "\n")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``newslens`` command."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog=PROG,
        description=(
            "Analyse news articles: who said what, when, how readable, and where an "
            "article contradicts itself."
        ),
        epilog=EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    analyze = commands.add_parser(
        "analyze",
        help="analyse articles and write the results",
        description=(
            "Analyse the articles in each INPUT: .txt (headline on the first line, an "
            "optional 'By ...' line, then the body), .json (an article object or an array), "
            ".jsonl (one object per line), .html/.htm (needs newslens[html]), or - for "
            "JSON lines on standard input. Article objects have 'text' (required), 'id', "
            "'headline', 'byline', 'published', 'url', 'source', and any other fields as "
            "metadata."
        ),
        epilog=EPILOG,
        formatter_class=formatter,
    )
    analyze.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=(
            "file to read; a folder (every supported file in it, recursively); a glob "
            "pattern, quoted ('articles/**/*.txt'); or - for standard input"
        ),
    )
    analyze.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        metavar="NAME",
        help="text encoding of the inputs, such as cp1252 or utf-16 (default: utf-8)",
    )
    analyze.add_argument(
        "--format",
        "-f",
        choices=("json", "jsonl", "text", "html"),
        help=(
            "output format (default: text on a terminal, else json). json writes one "
            "object for one document and an array for several; jsonl one object per "
            "line; html is not available yet"
        ),
    )
    analyze.add_argument(
        "--published",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date for articles that give none",
    )
    analyze.add_argument(
        "--backend",
        "-b",
        default="auto",
        metavar="NAME",
        help=(
            "annotator: auto (stanza when its English models are installed, else lite), "
            "lite, stanza, or a plugin's backend (default: auto)"
        ),
    )
    analyze.add_argument(
        "-o", "--output", metavar="OUT", help="write to this file instead of standard output"
    )
    analyze.add_argument(
        "--strict",
        action="store_true",
        help="stop with exit status 4 when an enricher fails (default: record it and go on)",
    )
    analyze.add_argument(
        "--max-chars",
        type=_positive,
        metavar="N",
        help="refuse articles longer than N characters (default: 1,000,000)",
    )
    analyze.add_argument(
        "--batch-size",
        type=_positive,
        default=32,
        metavar="N",
        help="articles annotated together (default: 32)",
    )
    analyze.set_defaults(handler=cmd_analyze)

    plugins = commands.add_parser(
        "plugins",
        help="list the installed plugins and their enrichers",
        description=(
            "List every registered plugin with its version, distribution and enrichers, "
            "and what each enricher requires and provides."
        ),
    )
    plugins.add_argument("--format", "-f", choices=("text", "json"), default="text")
    plugins.set_defaults(handler=cmd_plugins)

    models = commands.add_parser("models", help="manage stanza's models")
    model_commands = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    download = model_commands.add_parser(
        "download",
        help="download stanza's models (needs the network and newslens[stanza])",
        description="Download the stanza models newslens uses for a language.",
    )
    download.add_argument("--language", "-l", default="en", help="language code (default: en)")
    download.add_argument(
        "--dir",
        metavar="DIR",
        help="model directory (default: stanza's, $STANZA_RESOURCES_DIR or its cache)",
    )
    download.set_defaults(handler=cmd_models_download)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the json output (newslens/1)"
    )
    schema.set_defaults(handler=cmd_schema)
    return parser


# -- analyze -------------------------------------------------------------------------


def _make_pipeline(config: Config, pm: pluggy.PluginManager) -> Pipeline:
    """Build the pipeline, telling an unknown backend (2) from one that cannot start (3)."""
    from newslens.errors import AnnotatorError, PipelineError
    from newslens.pipeline import Pipeline

    try:
        annotator: Annotator | None = pm.hook.newslens_make_annotator(config=config)
    except AnnotatorError as exc:
        raise CommandError(
            f"backend {config.backend!r} cannot be used: {exc}", EXIT_PIPELINE
        ) from None
    if annotator is None:
        raise CommandError(
            f"unknown backend {config.backend!r}: choose auto, lite or stanza "
            "(or install the plugin that provides it)",
            EXIT_USAGE,
        )
    try:
        return Pipeline(config=config, plugins=pm, annotator=annotator)
    except (PipelineError, AnnotatorError) as exc:
        raise CommandError(str(exc), EXIT_PIPELINE) from None


def _open_output(path: str | None, fmt: str) -> TextIO:
    if path is None:
        encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
        if fmt != "text" and encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")  # JSON is UTF-8 whatever the locale
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}", EXIT_USAGE) from None


def _describe(doc: Document) -> str:
    """Name a document in an error message: its source, and its id when that adds anything."""
    from pathlib import PurePath

    where = doc.source or "<input>"
    if doc.id is None or doc.id == PurePath(where).stem:
        return where
    return f"{where} (id {doc.id!r})"


def cmd_analyze(args: argparse.Namespace) -> int:
    """Run ``newslens analyze``: read, analyse and write every input, in order."""
    from newslens.config import DEFAULT_MAX_CHARS, Config
    from newslens.errors import AnnotatorError, EnricherError, InputError, NewslensError
    from newslens.io import load
    from newslens.io.writers import open_writer
    from newslens.plugins import get_plugin_manager

    if args.format == "html":
        raise CommandError(
            "HTML output is not available yet: use --format text, json or jsonl", EXIT_USAGE
        )
    to_terminal = args.output is None and sys.stdout.isatty()
    fmt = args.format or ("text" if to_terminal else "json")
    config = Config(
        backend=args.backend,
        strict=args.strict,
        max_chars=args.max_chars or DEFAULT_MAX_CHARS,
        published=args.published,
        encoding=args.encoding,
    )
    pm = get_plugin_manager()
    pipeline = _make_pipeline(config, pm)  # before any input is read
    failures = 0

    def documents() -> Iterator[Document]:
        nonlocal failures
        for item in load(args.inputs, config=config, plugins=pm):  # folders, globs expanded
            if isinstance(item, InputError):
                failures += 1
                error(str(item))
                continue
            try:
                yield pipeline.prepare(item)
            except InputError as exc:
                failures += 1
                error(f"{_describe(item)}: {exc.message}; skipped")

    stream = _open_output(args.output, fmt)
    try:
        with open_writer(fmt, stream, pm) as writer:
            for doc in pipeline.pipe(documents(), batch_size=args.batch_size):
                try:
                    writer.write(doc)
                except NewslensError as exc:
                    failures += 1
                    error(f"{_describe(doc)}: cannot write the document: {exc}")
    except EnricherError as exc:
        raise CommandError(f"{exc} (--strict)", EXIT_STRICT) from None
    except AnnotatorError as exc:
        message = f"the {pipeline.annotator.name} backend failed: {exc}"
        raise CommandError(message, EXIT_PIPELINE) from None
    finally:
        if stream is not sys.stdout:
            stream.close()
    return EXIT_INPUT if failures else EXIT_OK


# -- plugins -------------------------------------------------------------------------


def _requirement_name(req: Any) -> str:
    return str(getattr(req, "name", req))


def enricher_info(item: Enricher) -> dict[str, Any]:
    """Return what ``newslens plugins --format json`` says about one enricher."""
    return {
        "name": item.name,
        "requires": [_requirement_name(req) for req in item.requires],
        "optional": [_requirement_name(req) for req in item.optional],
        "provides": [
            {"name": key.name, "type": key.type.__name__, "doc": key.doc} for key in item.provides
        ],
    }


def plugins_info(pm: pluggy.PluginManager | None = None) -> list[dict[str, Any]]:
    """Return every registered plugin as JSON-ready data (``newslens plugins --format json``)."""
    from newslens.plugins import list_plugins

    return [
        {
            "name": info.name,
            "version": info.version,
            "distribution": info.distribution,
            "enrichers": [enricher_info(item) for item in info.enrichers],
        }
        for info in list_plugins(pm)
    ]


def cmd_plugins(args: argparse.Namespace) -> int:
    """Run ``newslens plugins``."""
    data = plugins_info()
    if args.format == "json":
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    for plugin in data:
        origin = (
            f"{plugin['distribution']} {plugin['version']}"
            if plugin["distribution"]
            else "built in"
        )
        console.print(Text.assemble((plugin["name"], "bold"), "  ", (origin, "dim")))
        if not plugin["enrichers"]:
            console.print(Text("  no enrichers", style="dim"))
            continue
        table = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 2))
        table.add_column("enricher", style="cyan", no_wrap=True)
        table.add_column("requires")
        table.add_column("provides", overflow="fold")
        for item in plugin["enrichers"]:
            requires = ", ".join(item["requires"])
            if item["optional"]:
                requires += (", " if requires else "") + "optional: " + ", ".join(item["optional"])
            provides = Text()
            for key in item["provides"]:
                if provides:
                    provides.append("\n")
                provides.append(key["name"], style="green")
                provides.append(f" ({key['type']})", style="dim")
                if key["doc"]:
                    provides.append(f": {key['doc']}")
            table.add_row(item["name"], requires or Text("—", style="dim"), provides)
        console.print(table)
    return EXIT_OK


# -- models, schema ----------------------------------------------------------------------


def cmd_models_download(args: argparse.Namespace) -> int:
    """Run ``newslens models download``."""
    from newslens.errors import NewslensError

    try:
        from newslens.annotators import stanza as stanza_backend

        download_models = stanza_backend.download_models  # type: ignore[attr-defined]
    except (ImportError, AttributeError) as exc:
        raise CommandError(
            f"downloading models is not available in this installation ({exc}); "
            "install the stanza extra: pip install 'newslens[stanza]'",
            EXIT_PIPELINE,
        ) from None
    try:
        where = download_models(args.language, args.dir)
    except NewslensError as exc:
        raise CommandError(str(exc), EXIT_PIPELINE) from None
    except OSError as exc:
        raise CommandError(
            f"cannot download stanza's {args.language!r} models: {exc}", EXIT_PIPELINE
        ) from None
    place = f" into {where}" if where else (f" into {args.dir}" if args.dir else "")
    sys.stdout.write(f"stanza models for {args.language!r} are installed{place}\n")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Run ``newslens schema``: print the JSON Schema of one ``newslens/1`` document."""
    from newslens.schema import load_schema

    sys.stdout.write(json.dumps(load_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


# -- main ----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newslens`` command with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status (see the module documentation).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        status: int = args.handler(args)
        return status
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except CommandError as exc:
        error(str(exc))
        return exc.status
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``newslens analyze ... | head``): stop quietly.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
