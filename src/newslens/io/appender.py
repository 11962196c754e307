"""Append whole batches of lines to a file, so that a killed run never leaves half a line.

A corpus run (``newslens analyze --jobs N -o FILE``) writes each batch of
JSON lines with one ``write``. That alone is not enough: the kernel copies a
large write page by page and a ``kill -9`` that lands in the middle stops it
there, leaving a line cut short. So the command hands each batch to a small
child process of its own, the *appender*, started in a session of its own
(a signal sent to the command's process group, Ctrl-C included, does not reach
it). The appender writes a batch only once it has received all of it and
writes it whole; when the command dies, the appender finishes the batch it is
writing, drops a batch it received only in part, and exits. While it runs it
holds an advisory lock (``flock``) on the file (a regular file: not on
``/dev/null``, which runs share), which a new run on the same
file takes before it reads or writes anything: ``--resume`` right after a
``kill -9`` waits, for milliseconds, until the last batch is on disk.

This module is the parent's side (:class:`Appender`) and, run as a script
with the standard library only (``python -I -S appender.py FILE MODE``), the
child's. It needs ``fcntl`` (POSIX); :func:`open_appender` falls back to
writing in the command's own process elsewhere.
"""

from __future__ import annotations

import contextlib
import os
import struct
import subprocess
import sys
from typing import IO, BinaryIO

HEADER = struct.Struct(">Q")
"""Each batch goes to the appender as its length in 8 bytes, then its bytes."""

READY = b"ready\n"
"""What the appender answers once it holds the lock and the file is open."""


class Appender:
    """Writes batches of bytes to *path* through an appender process (see the module).

    Args:
        path: The output file; created when missing.
        fresh: Empty the file first (a new run), else append (``--resume``).

    Raises:
        OSError: The file cannot be opened (the appender's reason), or the
            appender cannot be started.
    """

    def __init__(self, path: str, *, fresh: bool) -> None:
        self.path = path
        mode = "fresh" if fresh else "append"
        self._process = subprocess.Popen(
            [sys.executable, "-I", "-S", os.path.abspath(__file__), path, mode],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True,
        )
        self._said: str | None = None
        self._answer = self._pipe(self._process.stdout).readline()
        if self._answer != READY:
            reason = self._reason()
            with contextlib.suppress(OSError):
                self.close()  # the pipes
            raise OSError(reason)
        self._answer = b""

    @staticmethod
    def _pipe(stream: IO[bytes] | None) -> IO[bytes]:
        assert stream is not None  # every stream is a pipe (see __init__)
        return stream

    def _reason(self) -> str:
        """Why the appender stopped (once it has): what it said, read once."""
        if self._said is None:
            self._process.wait()
            said = self._answer + self._pipe(self._process.stderr).read()
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
        self._pipe(self._process.stdout).close()
        if reason:
            raise OSError(reason)


class _InProcess:
    """The fallback where ``fcntl`` is missing: whole batches, written by the command."""

    def __init__(self, path: str, *, fresh: bool) -> None:
        self._stream: BinaryIO = open(path, "wb" if fresh else "ab")  # noqa: SIM115

    def write(self, data: bytes) -> None:
        self._stream.write(data)
        self._stream.flush()

    def close(self) -> None:
        self._stream.close()


def open_appender(path: str, *, fresh: bool) -> Appender | _InProcess:
    """Return a writer of whole batches to *path*: an :class:`Appender` where the
    platform has ``fcntl`` (POSIX), else one that writes in this process.

    Raises:
        OSError: The file cannot be opened.
    """
    try:
        import fcntl  # noqa: F401 - only to know whether the appender can lock the file
    except ImportError:
        return _InProcess(path, fresh=fresh)
    return Appender(path, fresh=fresh)


# -- the appender's side -------------------------------------------------------------


def _serve(path: str, fresh: bool) -> int:
    import fcntl
    import stat

    out = sys.stdout.buffer
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        if stat.S_ISREG(os.fstat(fd).st_mode):  # not /dev/null, which runs share
            fcntl.flock(fd, fcntl.LOCK_EX)  # an earlier run's appender finishes first
            if fresh:
                os.ftruncate(fd, 0)
    except OSError as exc:
        out.write(f"{exc.strerror or exc}\n".encode())
        return 1
    out.write(READY)
    out.flush()
    source = sys.stdin.buffer
    while True:
        head = source.read(HEADER.size)
        if len(head) < HEADER.size:
            return 0  # the command is done, or died between batches
        (size,) = HEADER.unpack(head)
        data = source.read(size)
        if len(data) < size:
            return 0  # the command died while handing this batch over: none of it
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        except OSError as exc:
            sys.stderr.write(f"{exc.strerror or exc}\n")
            return 1


if __name__ == "__main__":
    sys.exit(_serve(sys.argv[1], sys.argv[2] == "fresh"))
