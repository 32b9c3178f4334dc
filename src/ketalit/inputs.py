"""Files a person names as input, read whole: a regular file, or standard input for ``-``.

Opening a FIFO for reading waits for a writer, and a terminal or some devices never end, so anything but a regular
file is refused (with how to pass such input instead: standard input), never waited on.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import BadInput

STDIN = "-"


@contextlib.contextmanager
def open_input(
    path: str | Path, where: str, instead: str = "", error: type[BadInput] = BadInput, stdin: bool = True
) -> Iterator[BinaryIO]:
    """The file at ``path`` open for reading in binary (standard input for ``-`` when ``stdin``).

    ``error`` (naming ``where``) for a missing file, a folder, anything but a regular file, or one that cannot be
    opened; ``instead`` says how else to give such input (e.g. "pipe it into `ketalit import -`").
    """
    if stdin and str(path) == STDIN:
        yield sys.stdin.buffer
        return
    otherwise = f", or {instead}" if instead else ""
    try:  # non-blocking: opening a FIFO must not wait for a writer; it is refused below like any non-file
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise error(f"{where}: no such file") from None
    except OSError as exc:
        raise error(f"{where}: cannot be opened ({exc.strerror or exc})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise error(f"{where}: is a folder, not a regular file; give a file{otherwise}")
        raise error(f"{where}: not a regular file (a pipe, socket or device): save it to a file{otherwise}")
    with os.fdopen(fd, "rb") as fh:
        yield fh


def read_input(
    path: str | Path, where: str, instead: str = "", error: type[BadInput] = BadInput, stdin: bool = True
) -> bytes:
    """The whole of ``open_input``; ``error`` also for a file that cannot be read."""
    with open_input(path, where, instead, error, stdin) as fh:
        try:
            return fh.read()
        except OSError as exc:
            raise error(f"{where}: cannot be read ({exc.strerror or exc})") from None
