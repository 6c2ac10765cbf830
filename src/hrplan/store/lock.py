"""The workspace lock: one writer at a time on a workspace's store.

Every command that writes the store (`import`, the nightly `consolidate`) runs inside
`workspace_lock(root, wait)`. A second writer waits up to `wait` seconds, then gets an
`HrplanError` with code `workspace.locked` (exit code 4 in the CLI) and writes nothing.
Readers take no lock: SQLite in WAL mode gives them a consistent snapshot.

The lock is an OS lock (flock/LockFileEx through the `filelock` library) on the file
`.hrplan.lock` in the workspace root, so it is released when the holder exits or is killed:
a crashed run never leaves the workspace locked. A server store keeps this same API and
takes an advisory lock on the server instead.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from hrplan.problems import HrplanError, Location, Problem

LOCK_NAME = ".hrplan.lock"
DEFAULT_WAIT = 10.0  # seconds a writer waits for another to finish before giving up (exit 4)
EXIT_LOCKED = 4


def lock_path(workspace_root: Path) -> Path:
    """Give the file the workspace lock is taken on."""
    return Path(workspace_root) / LOCK_NAME


@contextmanager
def workspace_lock(workspace_root: Path, wait: float = DEFAULT_WAIT) -> Iterator[Path]:
    """Hold the workspace's write lock for the `with` block; give the lock file's path.

    Waits up to `wait` seconds (0: try once) for another writer to finish; then raises
    HrplanError `workspace.locked` with exit code 4. The lock is released on leaving the
    block, on any exception (Ctrl-C included) and when the process dies.
    """
    path = lock_path(workspace_root)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # Never follow a link or open a device/FIFO put where the lock file should be.
        raise HrplanError(Problem("workspace.lock_unusable", location=Location(file=str(path)),
                                  params={"path": str(path)}), exit_code=2)
    lock = FileLock(str(path), timeout=max(0.0, float(wait)), thread_local=False, is_singleton=False)
    try:
        lock.acquire()
    except Timeout:
        raise HrplanError(Problem("workspace.locked", location=Location(file=str(path)),
                                  params={"path": str(path), "wait": _seconds(wait)}), exit_code=EXIT_LOCKED) from None
    except OSError as exc:  # a read-only workspace, a full disk
        raise HrplanError(Problem("workspace.lock_unusable", location=Location(file=str(path)),
                                  params={"path": str(path), "found": exc.strerror or str(exc)}), exit_code=2) from None
    try:
        yield path
    finally:
        lock.release()


def _seconds(wait: float) -> str:
    return f"{wait:g}"
