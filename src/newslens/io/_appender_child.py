"""The appender's own side (see :mod:`newslens.io.appender`), and the output file's lock.

Run as ``python -I -S _appender_child.py FD``, it reads batches from standard
input, each as its length in 8 bytes and then its bytes, and writes each
batch whole to the file descriptor *FD*, which the command opened, locked
and handed over. It imports the standard library only, and little of it.
"""

from __future__ import annotations

import os
import stat
import struct
import sys
from collections.abc import Callable

HEADER = struct.Struct(">Q")
"""Each batch goes to the appender as its length in 8 bytes, then its bytes."""


def claim(fd: int, *, fresh: bool, on_wait: Callable[[], None] | None = None) -> None:
    """Take the lock of the open file *fd* and, when *fresh*, empty it.

    Only a regular file is locked and emptied (not ``/dev/null`` or a
    terminal, which runs share). The lock (``flock``) belongs to the open file,
    so a process that inherits *fd* holds it until every copy is closed; a run
    that wants the file waits for it, and *on_wait* is called first when it
    must. Where ``fcntl`` is missing (not POSIX) nothing is locked.
    """
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        pass
    else:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
    if fresh:
        os.ftruncate(fd, 0)


def serve(fd: int) -> int:
    """Write the batches read from standard input to *fd*, each whole; return the exit
    status (1, with the reason on standard error, when a write fails)."""
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
    sys.exit(serve(int(sys.argv[1])))
