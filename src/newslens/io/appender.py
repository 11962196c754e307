"""Append whole batches of lines to a file, so that a killed run never leaves half a line.

A corpus run (``newslens analyze --jobs N -o FILE``) writes each batch of
JSON lines with one ``write``. That alone is not enough: the kernel copies a
large write page by page and a ``kill -9`` that lands in the middle stops it
there, leaving a line cut short. So the command opens the file, takes its lock
and hands the open file to a small child process of its own, the *appender*
(``newslens/io/_appender_child.py``), started in a session of its own (a
signal sent to the command's process group, Ctrl-C included, does not reach
it). The command sends it each batch through a pipe; the appender writes a
batch only once it has received all of it, and writes it whole. When the
command dies, the appender finishes the batch it is writing, drops a batch it
received only in part, and exits.

The lock (``flock``, on a regular file only: not on ``/dev/null``, which runs
share) belongs to the open file, which the appender holds until it exits; a
new run on the same file takes the lock before it reads or writes anything,
so ``--resume`` right after a ``kill -9`` waits, for milliseconds, until the
last batch is on disk (see :func:`claim`). Where ``fcntl`` is missing (not
POSIX), :func:`open_appender` writes in the command's own process instead.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable
from typing import IO

from newslens.io._appender_child import HEADER, claim

__all__ = ["HEADER", "Appender", "claim", "open_appender"]

_CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_appender_child.py")


def open_locked(
    path: str, *, fresh: bool, on_wait: Callable[[], None] | None = None
) -> int:
    """Open *path* for writing (created when missing), take its lock (:func:`claim`)
    and return the descriptor.

    Raises:
        OSError: The file cannot be opened.
    """
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    try:
        claim(fd, fresh=fresh, on_wait=on_wait)
    except BaseException:
        os.close(fd)
        raise
    return fd


class Appender:
    """Writes batches of bytes to *path* through an appender process (see the module).

    Args:
        path: The output file; created when missing.
        fresh: Empty the file first (a new run), else append (``--resume``).
        on_wait: Called when another run holds the file, before waiting for it.

    Raises:
        OSError: The file cannot be opened, or the appender cannot be started.
    """

    def __init__(
        self, path: str, *, fresh: bool, on_wait: Callable[[], None] | None = None
    ) -> None:
        self.path = path
        fd = open_locked(path, fresh=fresh, on_wait=on_wait)
        try:  # the appender inherits the open file, and with it the lock
            self._process = subprocess.Popen(
                [sys.executable, "-I", "-S", _CHILD, str(fd)], pass_fds=(fd,),
                stdin=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
            )
        finally:
            os.close(fd)
        self._said: str | None = None

    @staticmethod
    def _pipe(stream: IO[bytes] | None) -> IO[bytes]:
        assert stream is not None  # both streams are pipes (see __init__)
        return stream

    def _reason(self) -> str:
        """Why the appender stopped (once it has): what it said, read once."""
        if self._said is None:
            self._process.wait()
            said = self._pipe(self._process.stderr).read()
            self._said = said.decode("utf-8", "replace").strip() or (
                f"the writer process ended with status {self._process.returncode}"
            )
        return self._said

    def write(self, data: bytes) -> None:
        """Hand one batch to the appender, which writes it whole.

        Raises:
            OSError: The appender could not write an earlier batch (its reason).
        """
        stdin = self._pipe(self._process.stdin)
        try:
            stdin.write(HEADER.pack(len(data)))
            stdin.write(data)
            stdin.flush()
        except BrokenPipeError:
            raise OSError(self._reason()) from None

    def close(self) -> None:
        """Wait until every batch is written, then let the appender go (a second call
        waits for nothing, and raises again what the first raised).

        Raises:
            OSError: A batch could not be written (the appender's reason).
        """
        with contextlib.suppress(BrokenPipeError):  # the appender failed: reason below
            self._pipe(self._process.stdin).close()
        failed = self._process.wait() != 0
        reason = self._reason() if failed else ""
        self._pipe(self._process.stderr).close()
        if reason:
            raise OSError(reason)


class _InProcess:
    """The fallback where ``fcntl`` is missing: whole batches, written by the command."""

    def __init__(self, path: str, *, fresh: bool) -> None:
        self._stream = open(path, "wb" if fresh else "ab")  # noqa: SIM115

    def write(self, data: bytes) -> None:
        self._stream.write(data)
        self._stream.flush()

    def close(self) -> None:
        self._stream.close()


def open_appender(
    path: str, *, fresh: bool, on_wait: Callable[[], None] | None = None
) -> Appender | _InProcess:
    """Return a writer of whole batches to *path*: an :class:`Appender` where the
    platform has ``fcntl`` (POSIX), else one that writes in this process.

    Raises:
        OSError: The file cannot be opened.
    """
    try:
        import fcntl  # noqa: F401 - only to know whether the file can be locked
    except ImportError:  # pragma: no cover - not POSIX
        return _InProcess(path, fresh=fresh)
    return Appender(path, fresh=fresh, on_wait=on_wait)
