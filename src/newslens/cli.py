"""The ``newslens`` command.

Commands::

    newslens analyze INPUT... [--format json|jsonl|text|html|NAME] [--published YYYY-MM-DD]
                              [--backend auto|lite|stanza|NAME] [-o OUT] [--strict]
                              [-O PLUGIN.OPTION=VALUE]... [--config FILE]
                              [--omit SECTION[,SECTION]] [--detail summary|standard|full]
                              [--max-chars N] [--batch-size N] [--encoding NAME]
    newslens plugins [--format text|json]
    newslens models download [--language en] [--dir DIR]
    newslens schema
    newslens --version

Exit status:

* 0: success.
* 1: at least one input could not be read or processed (the others were);
  each problem is reported on standard error as ``newslens: error: ...``.
* 2: usage error: a bad option or value (``-O``, ``--config``), an unknown
  backend name, an unknown output format (``--format yaml``),
  an output file that cannot be opened.
* 3: the annotator cannot start (such as ``--backend stanza`` without its
  models), or stanza's models could not be downloaded.
* 4: under ``--strict``: a plugin failed to load or contribute, an enricher
  cannot run or raised, or an output hook raised.
* 5: all output was written, but some plugin failed (it could not be loaded,
  its enrichers could not run or raised, or its output or report hook raised):
  the documents' diagnostics say what is missing and why.
* 130: interrupted (Ctrl-C).

A plugin that fails is never an input error: the other plugins' results are
written, and the run ends with status 5 (1 when an input could not be read
as well).

When the reader of standard output goes away (``newslens analyze ... | head``),
the command stops quietly with status 1.

An enricher failing without ``--strict`` is not an error of the command: the
document is written with an ``error`` diagnostic saying what failed.

This module imports only the standard library (and :mod:`newslens.exits`, its exit
statuses and error messages) at start; rich, jsonschema and
the stanza backend are imported when a command needs them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import glob
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from newslens.exits import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PIPELINE,
    EXIT_PLUGIN,
    EXIT_STRICT,
    EXIT_USAGE,
    PROG,
    CommandError,
    error,
    output_errors,
    output_failed,
    waiting_for,
    warn_unused_omit,
)

if TYPE_CHECKING:
    import pluggy

    from newslens.config import Config
    from newslens.enrichers import Enricher
    from newslens.io.formats import OutputFormat
    from newslens.model import Document
    from newslens.options import Option
    from newslens.pipeline import Pipeline

EPILOG: Final = """\
exit status:
  0    success
  1    at least one input could not be read or processed (the others were)
  2    usage error: bad option or plugin option, unknown backend or output format;
       an output that cannot be opened or written to (a full disk)
  3    the annotator cannot start (e.g. --backend stanza without its models),
       or the models could not be downloaded
  4    a plugin or enricher failed under --strict
  5    all output written, but a plugin failed (see the diagnostics)
  130  interrupted
"""


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
            "Analyse news articles: who said what, when things happen, how readable "
            "they are and where they contradict themselves."
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
        metavar="NAME",
        help="text encoding of the inputs, such as cp1252 or utf-16 (default: utf-8)",
    )
    analyze.add_argument(
        "--format",
        "-f",
        metavar="FORMAT",
        help=(
            "output format: json, jsonl, text, html, or one a plugin adds (default: text on "
            "a terminal; else chosen by the extension of -o OUT, .jsonl, .html, .txt; else "
            "json). json writes one object for one document and an array "
            "for several; jsonl one object per line; html one self-contained page with the "
            "analysis laid over the text (for several articles, an index page, then each "
            "report): use it with -o report.html"
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
        help=(
            "stop with exit status 4 when a plugin or enricher fails (default: record it "
            "in the documents' diagnostics, go on, and end with status 5)"
        ),
    )
    analyze.add_argument(
        "-O",
        "--option",
        action="append",
        default=[],
        metavar="PLUGIN.OPTION=VALUE",
        help="set a plugin option (repeatable; 'newslens plugins' lists them)",
    )
    analyze.add_argument(
        "--config",
        metavar="FILE",
        help=(
            "read settings from this TOML file (default: [tool.newslens] of the nearest "
            "pyproject.toml); -O and the other options override it"
        ),
    )
    analyze.add_argument(
        "--omit",
        action="append",
        default=[],
        metavar="SECTION[,SECTION]",
        help=(
            "leave these fields or sections out of JSON output (repeatable); 'compact' "
            "stands for tokens,sentences,paragraphs"
        ),
    )
    analyze.add_argument(
        "--detail",
        choices=("summary", "standard", "full"),
        default="standard",
        help=(
            "how much JSON output holds (default: standard: no tokens, sentences, "
            "paragraphs or entities, nor the plugins' detail such as per-sentence "
            "readability; full: everything; summary: the plugins' shortest forms)"
        ),
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
    analyze.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        help=(
            "analyse in N worker processes ('auto': one per core), streaming the input and "
            "writing JSON lines in input order as they are done; an article that fails gets "
            "an error record {\"id\": ..., \"error\": ...} and the run goes on (needs "
            "--format jsonl; see also --resume). Default: with --format jsonl, 'auto' when "
            "the input holds more than 100 articles, else 1"
        ),
    )
    analyze.add_argument(
        "--resume",
        action="store_true",
        help=(
            "with -o FILE and --format jsonl: keep the lines already in FILE (cutting off "
            "a last line left incomplete), skip the articles whose ids they hold, and "
            "append the others"
        ),
    )
    analyze.add_argument(
        "--summary",
        action="store_true",
        help=(
            "print a one-line summary (articles, failures, seconds, rate) on standard "
            "error at the end of a --jobs or --resume run, even when it is not a terminal"
        ),
    )
    analyze.set_defaults(handler=cmd_analyze)

    plugins = commands.add_parser(
        "plugins",
        help="list the installed plugins, their options and enrichers, and any that failed",
        description=(
            "List every plugin with its version, distribution, options (with defaults) "
            "and enrichers (what each requires and provides). A plugin that could not be "
            "loaded or registered is listed as failed, with the reason."
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


def _settings(args: argparse.Namespace) -> Config:
    """The run's settings: the config file first, then the command line over it."""
    from newslens.config import DEFAULT_MAX_CHARS, Config
    from newslens.io.loaders import expand_user
    from newslens.options import OptionError, find_pyproject, parse_assignment, read_config

    try:
        path = expand_user(args.config) if args.config else find_pyproject()
        settings = read_config(path) if path is not None else {"options": {}}
        options = dict(settings.pop("options"))
        for assignment in args.option:
            name, value = parse_assignment(assignment)
            options[name] = value
        try:
            file_config = Config(**settings)
        except (TypeError, ValueError) as exc:  # "max_chars must be an int, got str"
            raise OptionError(f"{path}: {exc}") from None
    except (OptionError, TypeError, ValueError) as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    return Config(
        backend=args.backend or file_config.backend,
        strict=args.strict or file_config.strict,
        max_chars=args.max_chars or file_config.max_chars or DEFAULT_MAX_CHARS,
        published=args.published or file_config.published,
        language=file_config.language,
        options=options,
        encoding=args.encoding or file_config.encoding,
    )


def _make_pipeline(config: Config) -> Pipeline:
    """Build the plugin manager and the pipeline, telling apart: a bad option or unknown
    backend (2), an annotator that cannot start (3), a plugin fault under --strict (4)."""
    from newslens.errors import AnnotatorError, PipelineError, UnknownBackendError
    from newslens.options import OptionError
    from newslens.pipeline import Pipeline
    from newslens.plugins import PluginError, get_plugin_manager

    try:  # under --strict the pipeline refuses the plugin manager's failures
        return Pipeline(config=config, plugins=get_plugin_manager())
    except UnknownBackendError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    except AnnotatorError as exc:
        raise CommandError(
            f"backend {config.backend!r} cannot be used: {exc}", EXIT_PIPELINE
        ) from None
    except OptionError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    except (PluginError, PipelineError) as exc:
        raise CommandError(f"{exc} (--strict)", EXIT_STRICT) from None


def _open_output(path: str | None, fmt: str) -> TextIO:
    if path is None:
        encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
            if fmt != "text":
                sys.stdout.reconfigure(encoding="utf-8")  # JSON is UTF-8 whatever the locale
            else:  # a report in the terminal's encoding: what it cannot show becomes "?"
                sys.stdout.reconfigure(errors="replace")
        return sys.stdout
    from newslens.io.appender import open_locked

    try:  # locked as a corpus run locks it: a killed run's last batch is written first
        fd = open_locked(path, fresh=True, on_wait=lambda: waiting_for(path))
    except OSError as exc:
        raise output_failed(path, exc) from None
    return open(fd, "w", encoding="utf-8", newline="\n")


def _describe(doc: Document) -> str:
    """Name a document in an error message: its source, and its id when that adds anything."""
    from pathlib import PurePath

    where = doc.source or "<input>"
    if doc.id is None or doc.id == PurePath(where).stem:
        return where
    return f"{where} (id {doc.id!r})"


_OUTPUT_SUFFIXES: Final = {
    ".jsonl": "jsonl", ".json": "json", ".html": "html", ".htm": "html", ".txt": "text"
}
"""The output format chosen by the extension of ``-o OUT`` when ``--format`` is not given."""


def _choose_format(
    args: argparse.Namespace, pipeline: Pipeline
) -> tuple[OutputFormat, frozenset[str]]:
    """The output format and the names to omit, checked before any input is read."""
    from newslens.io.writers import UnsupportedFormatError, expand_omit, find_format

    to_terminal = args.output is None and sys.stdout.isatty()
    default = "text" if to_terminal else _OUTPUT_SUFFIXES.get(
        os.path.splitext(args.output or "")[1].lower(), "json"
    )
    try:
        chosen = find_format(args.format or default, pipeline.plugins)
    except UnsupportedFormatError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    try:
        omit = expand_omit(name for value in args.omit for name in value.split(","))
    except ValueError as exc:
        raise CommandError(f"--omit: {exc}", EXIT_USAGE) from None
    return chosen, omit


def _pattern_matches(pattern: str, path: str) -> bool:
    """Whether the glob *pattern* (``data/*.jsonl``, ``news/**/*.txt``) matches *path*,
    existing or not: part by part, ``**`` standing for any number of folders."""
    import fnmatch

    want = os.path.abspath(pattern).split(os.sep)
    have = os.path.abspath(path).split(os.sep)

    def match(i: int, j: int) -> bool:
        if i == len(want):
            return j == len(have)
        if want[i] == "**":
            return any(match(i + 1, k) for k in range(j, len(have) + 1))
        return j < len(have) and fnmatch.fnmatchcase(have[j], want[i]) and match(i + 1, j + 1)

    return match(0, 0)


def _refuse_output_among_inputs(output: str, inputs: Sequence[str]) -> None:
    """Refuse ``-o OUT`` when OUT is an input file, or a file of a type newslens reads
    inside an input folder: the output is opened (emptied) before the inputs are read,
    so the input would be lost, or the output read back as input."""
    from pathlib import Path

    from newslens.io.loaders import STDIN, SUPPORTED, expand_user

    out = Path(os.path.realpath(output))
    for item in inputs:
        if item == STDIN:
            continue
        if glob.has_magic(item) and _pattern_matches(expand_user(item), output):
            raise CommandError(
                f"-o {output} matches the input pattern {item}: it would be read back as "
                "input; write it elsewhere, or give it another name", EXIT_USAGE
            )
        given = Path(os.path.realpath(expand_user(item)))
        if given == out:
            raise CommandError(
                f"-o {output} is also an input: writing it would destroy the articles "
                "before they are read; write to another file", EXIT_USAGE
            )
        if given.is_dir() and out.suffix.lower() in SUPPORTED and given in out.parents:
            raise CommandError(
                f"-o {output} is inside the input folder {item}: it would be read back as "
                "input; write it outside the folder, or give it another extension", EXIT_USAGE
            )


def _plugin_failed(doc: Document) -> bool:
    """Whether a plugin's enricher or output hook failed on *doc* (its results are missing)."""
    notes = doc.output.diagnostics if doc.output is not None else ()
    return any(d.level == "error" and d.plugin != "newslens" for d in (*doc.diagnostics, *notes))


def _start_workers_early(args: argparse.Namespace, config: Config) -> None:
    """With ``--jobs N`` (N > 1), ``--format jsonl`` and the lite backend, start the
    workers' fork server before this process builds its own pipeline, so that the two
    are done at once (see :func:`newslens.parallel.start_server`)."""
    from newslens.parallel import cpu_count, preload_for, start_server
    from newslens.runner import _jobs

    if args.format != "jsonl" or config.backend != "lite":
        return
    try:
        jobs = _jobs(args.jobs, cpu_count())  # --jobs read as the run reads it
    except CommandError:
        return  # refused later, where the run checks its options
    if jobs > 1:
        start_server(preload_for(config.backend))


def cmd_analyze(args: argparse.Namespace) -> int:
    """Run ``newslens analyze``: read, analyse and write every input, in order."""
    from newslens.errors import AnnotatorError, EnricherError, InputError, NewslensError
    from newslens.io import load
    from newslens.io.loaders import expand_user
    from newslens.jsonout import UnwritableError
    from newslens.parallel import cpu_count
    from newslens.plugins import PluginError

    if args.output is not None:
        args.output = expand_user(args.output)  # --output=~/out.jsonl: no shell expands it
        _refuse_output_among_inputs(args.output, args.inputs)
    config = _settings(args)
    _start_workers_early(args, config)
    pipeline = _make_pipeline(config)  # before any input is read
    if not gc.isenabled():  # the command line's own process (see main): what is loaded
        gc.freeze()  # so far lives as long as the run, and the collector need not look
        gc.enable()  # at it again
    chosen, omit = _choose_format(args, pipeline)
    from newslens.runner import read_ahead, run_corpus

    if args.jobs is not None or args.resume:  # a corpus run: see newslens.runner
        return run_corpus(args, config, pipeline, chosen.name, omit)
    # a large input written as JSON lines is a corpus run on every core
    jobs, items = read_ahead(
        load(args.inputs, config=config, plugins=pipeline.plugins), chosen.name, cpu_count()
    )
    if jobs > 1:
        return run_corpus(args, config, pipeline, chosen.name, omit, items=items, jobs=jobs)
    failures = 0
    plugin_failures = bool(pipeline.failures or pipeline.disabled)

    def documents() -> Iterator[Document]:
        nonlocal failures
        for item in items:  # folders, globs
            if isinstance(item, InputError):
                failures += 1
                error(str(item))
                continue
            try:
                yield pipeline.prepare(item)
            except InputError as exc:
                failures += 1
                error(f"{_describe(item)}: {exc.message}; skipped")

    stream = _open_output(args.output, chosen.name)
    try:
        with output_errors(args.output):  # a full disk, a file that went away
            with chosen.open(stream, omit=omit, detail=args.detail) as writer:
                for doc in pipeline.pipe(documents(), batch_size=args.batch_size):
                    try:
                        writer.write(doc)
                    except PluginError:
                        raise
                    except (NewslensError, UnwritableError) as exc:
                        failures += 1
                        error(f"{_describe(doc)}: cannot write the document: {exc}")
                    plugin_failures = plugin_failures or _plugin_failed(doc)
            if stream is not sys.stdout:
                stream.close()
        warn_unused_omit(writer.unused_omit())
    except (EnricherError, PluginError) as exc:
        raise CommandError(f"{exc} (--strict)", EXIT_STRICT) from None
    except AnnotatorError as exc:
        message = f"the {pipeline.annotator.name} backend failed: {exc}"
        raise CommandError(message, EXIT_PIPELINE) from None
    finally:
        if stream is not sys.stdout and not stream.closed:
            with contextlib.suppress(OSError):
                stream.close()
    if failures:
        return EXIT_INPUT
    return EXIT_PLUGIN if plugin_failures else EXIT_OK


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


def option_info(option: Option) -> dict[str, Any]:
    """Return what ``newslens plugins --format json`` says about one option."""
    return {
        "name": option.name,
        "type": option.describe_type(),
        "default": option.default,
        "doc": option.doc,
    }


def plugins_info(pm: pluggy.PluginManager | None = None) -> list[dict[str, Any]]:
    """Return every plugin as JSON-ready data (``newslens plugins --format json``).

    Plugins that failed are listed too, with ``"status": "failed"`` and the reasons.
    """
    from newslens.plugins import list_plugins

    return [
        {
            "name": info.name,
            "version": info.version,
            "distribution": info.distribution,
            "status": "ok" if info.ok else "failed",
            "failures": [{"stage": f.stage, "message": f.message} for f in info.failures],
            "options": [option_info(option) for option in info.options],
            "enrichers": [enricher_info(item) for item in info.enrichers],
        }
        for info in list_plugins(pm)
    ]


def _enricher_table(enrichers: list[dict[str, Any]]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 2))
    table.add_column("enricher", style="cyan", no_wrap=True)
    table.add_column("requires")
    table.add_column("provides", overflow="fold")
    for item in enrichers:
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
    return table


def _option_table(options: list[dict[str, Any]]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 2))
    table.add_column("option", style="magenta", no_wrap=True)
    table.add_column("type", style="dim")
    table.add_column("default")
    table.add_column("", overflow="fold")
    for option in options:
        table.add_row(option["name"], option["type"], Text(repr(option["default"])),
                      Text(option["doc"]))
    return table


def cmd_plugins(args: argparse.Namespace) -> int:
    """Run ``newslens plugins``: every plugin, failed ones included, never a traceback."""
    data = plugins_info()
    if args.format == "json":
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for plugin in data:
        origin = (
            f"{plugin['distribution']} {plugin['version']}"
            if plugin["distribution"]
            else "built in"
        )
        status = Text("  failed", style="bold red") if plugin["failures"] else Text("")
        console.print(Text.assemble((plugin["name"], "bold"), "  ", (origin, "dim"), status))
        for failure in plugin["failures"]:
            console.print(Text(f"  {failure['stage']}: {failure['message']}", style="red"))
        if plugin["options"]:
            console.print(_option_table(plugin["options"]))
        if plugin["enrichers"]:
            console.print(_enricher_table(plugin["enrichers"]))
        elif not plugin["failures"]:
            console.print(Text("  no enrichers", style="dim"))
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
        if argv is None and args.handler is cmd_analyze:
            gc.disable()  # no collection while the modules and plugins load: cmd_analyze
            # freezes what they made and enables it again (about 0.04 s of CPU a start;
            # not when main is called in a process of the caller's, which it would freeze)
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
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INPUT
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
