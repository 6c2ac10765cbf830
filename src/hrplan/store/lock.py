"""The workspace lock: one writer at a time on a workspace's store.

Every command that writes the store (`import`, the nightly `consolidate`) runs inside
`workspace_lock(root, wait)`. A second writer waits up to `wait` seconds, then gets an
`HrplanError` with code `workspace.locked` (exit code 4 in the CLI) and writes nothing; held by a
run of another workspace on the same server store, the code is `store.locked` (exit code 4 too).
Readers take no lock: SQLite in WAL mode gives them a consistent snapshot.

The lock is an OS lock (flock/LockFileEx through the `filelock` library) on the file
`.hrplan.lock` in the workspace root, so it is released when the holder exits or is killed:
a crashed run never leaves the workspace locked.

When the store is a server (`store_url` given and not SQLite), the same call also takes a
PostgreSQL session advisory lock in that database, so that two machines, each with its own
workspace folder and the same store, never write at once (the nightly job on one, an analyst
on another). The server drops that lock when the holder's connection ends, killed or not.
"""
from __future__ import annotations

import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from filelock import FileLock, Timeout

from hrplan.problems import HrplanError, Location, Problem

if TYPE_CHECKING:
    from hrplan.store.urls import StoreUrl

LOCK_NAME = ".hrplan.lock"
DEFAULT_WAIT = 10.0  # seconds a writer waits for another to finish before giving up (exit 4)
EXIT_LOCKED = 4
# PostgreSQL advisory lock keys (64-bit): 'hrplan' + a number. WRITE_LOCK: one write transaction at a
# time (store/database.py); WORKSPACE_LOCK: one writing run (import, consolidate) at a time.
WRITE_LOCK = 0x6872706C616E0001
WORKSPACE_LOCK = 0x6872706C616E0002


def lock_path(workspace_root: Path) -> Path:
    """Give the file the workspace lock is taken on."""
    return Path(workspace_root) / LOCK_NAME


@contextmanager
def workspace_lock(workspace_root: Path, wait: float = DEFAULT_WAIT, store_url: StoreUrl | None = None) -> Iterator[Path]:
    """Hold the workspace's write lock for the `with` block; give the lock file's path.

    Waits up to `wait` seconds (0: try once) for another writer to finish; then raises
    HrplanError `workspace.locked` with exit code 4. The lock is released on leaving the
    block, on any exception (Ctrl-C included) and when the process dies. With a server
    `store_url` the server's advisory lock is taken too, within the same `wait`.
    """
    started = time.monotonic()
    with ExitStack() as held:
        path = held.enter_context(_file_lock(workspace_root, wait))
        if store_url is not None and store_url.is_server:
            held.enter_context(_server_lock(store_url, max(0.0, wait - (time.monotonic() - started)), wait))
        yield path


@contextmanager
def _server_lock(store_url: StoreUrl, wait: float, asked: float) -> Iterator[None]:
    """Hold the store server's advisory WORKSPACE_LOCK on a connection of its own."""
    from sqlalchemy import create_engine, func, select
    from sqlalchemy.exc import DBAPIError, OperationalError
    from sqlalchemy.pool import NullPool

    from hrplan.store.lost import connection_lost
    from hrplan.store.urls import unreachable

    engine = create_engine(store_url.url, poolclass=NullPool, connect_args={"connect_timeout": 15,
                                                                                "application_name": "hrplan-lock"})
    try:
        try:
            conn = engine.connect()
        except OperationalError as exc:
            raise unreachable(store_url, exc) from None
        with conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")  # a session lock, outside any transaction
            deadline = time.monotonic() + wait
            while not conn.execute(select(func.pg_try_advisory_lock(WORKSPACE_LOCK))).scalar():
                if time.monotonic() >= deadline:
                    raise HrplanError(Problem("store.locked", params={"path": store_url.masked(),
                                                                           "wait": _seconds(asked)}),
                                      exit_code=EXIT_LOCKED)
                time.sleep(0.2)
            try:
                yield
            finally:
                try:
                    conn.execute(select(func.pg_advisory_unlock(WORKSPACE_LOCK)))
                except DBAPIError as exc:
                    if not connection_lost(exc):
                        raise
                    # The server went away: it dropped the session's lock with the connection. The error that
                    # stopped the run (the store lost, told with the file in hand) is the one to show.
    finally:
        engine.dispose()


@contextmanager
def _file_lock(workspace_root: Path, wait: float) -> Iterator[Path]:
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
