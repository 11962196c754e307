"""How the ``newslens`` command ends: its exit statuses, :class:`CommandError`, and
its one-line messages on standard error.

``newslens.cli`` and :mod:`newslens.runner` (a corpus run) both end the
command through these, so neither needs the other for them.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from typing import Final

PROG: Final = "newslens"

EXIT_OK: Final = 0
"""Everything was read and analysed."""
EXIT_INPUT: Final = 1
"""At least one input could not be read or processed; the others were."""
EXIT_USAGE: Final = 2
"""Bad option or value, unknown backend, unsupported output format, an output that
cannot be opened or written to."""
EXIT_PIPELINE: Final = 3
"""The pipeline could not be built (or stanza's models could not be downloaded)."""
EXIT_STRICT: Final = 4
"""A plugin or enricher failed under ``--strict``."""
EXIT_PLUGIN: Final = 5
"""Everything was written, but a plugin failed: some results are missing."""
EXIT_INTERRUPTED: Final = 130
"""Interrupted by Ctrl-C."""


class CommandError(Exception):
    """Ends the command with ``newslens: error: <message>`` and an exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def error(message: str) -> None:
    """Print ``newslens: error: <message>`` to standard error."""
    sys.stderr.write(f"{PROG}: error: {message}\n")
    sys.stderr.flush()


def waiting_for(path: str) -> None:
    """Say on standard error that the command waits for another run writing *path*."""
    sys.stderr.write(f"{PROG}: {path} is being written by another run: waiting for it "
                     "to finish\n")
    sys.stderr.flush()


def warn_unused_omit(names: Iterable[str]) -> None:
    """Warn on standard error about each ``--omit`` name no document had."""
    for name in sorted(names):
        sys.stderr.write(f"{PROG}: warning: --omit {name}: no document had a field "
                         "or section of that name\n")


def output_failed(path: str | None, exc: OSError) -> CommandError:
    """The error for an output that cannot be written (*path*, or standard output
    when ``None``), a usage error as for one that cannot be opened. Standard output
    is pointed at the null device, so that the interpreter does not try to flush
    what is left of it at exit."""
    if path is None:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return CommandError(f"cannot write {path or 'standard output'}: {exc.strerror or exc}",
                        EXIT_USAGE)


@contextlib.contextmanager
def output_errors(path: str | None) -> Iterator[None]:
    """Turn an :class:`OSError` raised inside into :func:`output_failed`'s error for
    *path*, save a broken pipe on standard output (the reader went away: the
    command stops quietly, see ``newslens.cli.main``)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise output_failed(path, exc) from None
