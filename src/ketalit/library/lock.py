"""The library's write lock: one writer at a time across processes, and a waiter told who it waits for.

The lock is an flock(2) on ``.ketalit.lock``. The kernel releases it when its holder exits, however it exits, so a
killed ketalit never leaves a lock behind: a lock file whose recorded holder is gone is simply taken. The holder
records its pid, host, command and start time in the file; a command that times out waiting names that process
and says whether it is running, stopped (suspended with Ctrl-Z or SIGSTOP) or gone, instead of suggesting that
the lock file be deleted.

Deleting the lock file while a holder is suspended would let a second writer in. So the file is never deleted by
ketalit, and a holder checks before it writes that the file at the lock path is still the one it locked: if not,
it writes nothing and says so.
"""

from __future__ import annotations

import errno
import os
import sys
import time
import weakref
from pathlib import Path

import orjson

from ..errors import LibraryBusy, LibraryWriteError
from ..records import now_iso


def _hostname() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename  # what gethostname() returns, without loading the socket module at start-up
    import socket

    return socket.gethostname()


HOST = _hostname() or "localhost"
POLL = 0.05


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def process_state(pid: int) -> str:
    """'running', 'stopped' or 'gone', for a process on this host."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # no such process, or no /proc on this system
        return "running" if pid_alive(pid) else "gone"
    state = stat.rpartition(")")[2].split()[:1]
    if state in (["T"], ["t"]):
        return "stopped"
    if state in (["Z"], ["X"]):
        return "gone"
    return "running"


_held: weakref.WeakSet[LibraryLock] = weakref.WeakSet()


def _forget_in_child() -> None:
    # A forked worker must not keep the parent's lock alive after the parent dies: close its copy of the file
    # (without unlocking, which would release the parent's lock too).
    for lock in list(_held):
        if lock._fd is not None:
            try:
                os.close(lock._fd)
            except OSError:
                pass
            lock._fd = None
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


class LibraryLock:
    def __init__(self, path: Path, library: Path) -> None:
        self.path = path
        self.library = library
        self._fd: int | None = None

    def acquire(self, timeout: float) -> None:
        import fcntl  # POSIX only; imported here so that reading a library works everywhere

        deadline = time.monotonic() + timeout
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                    raise LibraryWriteError(f"{self.path}: cannot lock the library ({exc.strerror})") from exc
                if time.monotonic() >= deadline:
                    raise LibraryBusy(self.busy_message(timeout)) from None
                time.sleep(POLL)
                continue
            if not self._is_at_path(fd):  # removed or replaced between our open and our lock: lock the new file
                os.close(fd)
                continue
            self._fd = fd
            _held.add(self)
            self._record_holder()
            return

    def _open(self) -> int:
        flags = os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW
        try:
            try:
                return os.open(self.path, os.O_RDWR | flags, 0o666)
            except PermissionError:
                if not self.path.is_file():
                    raise
                return os.open(self.path, os.O_RDONLY | flags)  # someone else's lock file: lock it, record nothing
        except IsADirectoryError:
            raise LibraryWriteError(
                f"{self.path}: is a folder, but ketalit keeps its lock file at this path: rename or remove the folder"
            ) from None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise LibraryWriteError(
                    f"{self.path}: is a symbolic link, but ketalit keeps its lock file at this path: remove the link"
                ) from None
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise LibraryWriteError(
                    f"{self.path}: cannot create the lock file ({exc.strerror}): the library folder is read-only, "
                    "so the library cannot be changed"
                ) from None
            raise LibraryWriteError(f"{self.path}: cannot open the lock file ({exc.strerror})") from None

    def _is_at_path(self, fd: int) -> bool:
        try:
            here = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        mine = os.fstat(fd)
        return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)

    def _record_holder(self) -> None:
        info = {"pid": os.getpid(), "host": HOST, "since": now_iso(), "command": " ".join(sys.argv[1:])[:300]}
        assert self._fd is not None  # called with the lock held
        try:
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, orjson.dumps(info), 0)
        except OSError:
            pass  # a lock file opened read-only: the lock holds, only its holder goes unnamed

    def holder(self) -> dict[str, object]:
        try:
            info = orjson.loads(self.path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        return info if isinstance(info, dict) else {}

    def busy_message(self, timeout: float) -> str:
        info = self.holder()
        pid, host = info.get("pid"), info.get("host")
        head = f"{self.library}: the library is busy: "
        if not isinstance(pid, int):
            return head + f"another process has held its lock ({self.path}) for over {timeout:g} s; wait and try again"
        command = f" `{info['command']}`" if info.get("command") else ""
        who = f"ketalit (pid {pid}, running{command} since {info.get('since')})"
        if host != HOST:
            return head + f"{who} on host {host} holds its lock; wait for it to finish there, then try again"
        state = process_state(pid)
        if state == "stopped":
            return head + (
                f"{who} holds its lock and is stopped (suspended): resume it with `kill -CONT {pid}` (or `fg` in its "
                f"shell) or end it with `kill {pid}`, then try again"
            )
        if state == "gone":
            return head + (
                f"pid {pid} took its lock and has ended, but a process it started still holds it: end that process "
                f"(`fuser -v {self.path}` lists it), then try again"
            )
        return head + f"{who} has held its lock for over {timeout:g} s; wait for it to finish, then try again"

    def verify(self) -> None:
        """Raise unless the file at the lock path is still the one this process locked (nobody removed it)."""
        if self._fd is not None and not self._is_at_path(self._fd):
            raise LibraryWriteError(
                f"{self.path} was removed while this command held it, so another ketalit may have written meanwhile; "
                "nothing was written: run the command again (and never delete the lock file)"
            )

    def release(self) -> None:
        fd, self._fd = self._fd, None
        _held.discard(self)
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
