"""Read workbooks in worker processes: a file cannot take the run down, and reading uses every core.

`read_files(paths, ctx, workers=N)` yields one `FileRead` per path, in the order given, while
up to N worker processes read ahead. Each file is checked (regular file, size, container
limits), then hashed, then read, all inside a worker with a memory limit and a time limit
(`read_limits.max_read_memory_bytes`, `max_read_seconds`). When the reader aborts (a Rust
panic or abort, a segfault), runs out of memory or time, the worker is replaced and that file
gets a `file.reader_failed` problem saying what happened; the other files are read as usual.

Workers ignore Ctrl-C; the caller's KeyboardInterrupt stops them (the generator is closed).
"""
from __future__ import annotations

import hashlib
import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from multiprocessing import connection, get_context
from pathlib import Path
from typing import Iterable, Iterator

from hrplan.problems import Location, Problem
from hrplan.reading.identify import identity_from_name
from hrplan.reading.submission import ParsedSubmission, read_submission
from hrplan.reading.types import ReadContext
from hrplan.workbooks import check_file


@dataclass
class FileRead:
    """What reading one file gave: its SHA-256 (None when refused before hashing) and the parsed submission."""

    path: Path
    file_hash: str | None
    parsed: ParsedSubmission
    seconds: float = 0.0


def default_workers() -> int:
    """Give how many worker processes use the machine's cores (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def read_one(path: Path, ctx: ReadContext) -> FileRead:
    """Check, hash and read one file in this process (what each worker runs).

    The file is read from disk once: the safety checks run on those bytes (regular file, size,
    container limits, before anything else is done with it), the hash is theirs, and the details
    the reader needs beyond calamine's values are gathered in that same pass.
    """
    started = time.monotonic()
    path = Path(path)
    parsed = ParsedSubmission(path)
    checked, problems = check_file(path, ctx.limits)
    if checked is None:  # damaged, too large, a password: what it is for, its name alone may tell
        parsed.problems.extend(problems)
        parsed.program, parsed.unit, parsed.period = identity_from_name(path, ctx)
        return FileRead(path, None, parsed, time.monotonic() - started)
    file_hash = hashlib.sha256(checked.data).hexdigest()
    checked.data = b""  # hashed and checked: not held while the file is read
    parsed = read_submission(path, ctx, checked)
    parsed.seal()
    return FileRead(path, file_hash, parsed, time.monotonic() - started)


QUEUED = 2  # files sent to a worker at a time: the one it reads and the next


def read_files(paths: Iterable[Path], ctx: ReadContext, workers: int | None = None) -> Iterator[FileRead]:
    """Yield one FileRead per path, in the order given, read by up to `workers` processes (default: all cores)."""
    paths = [Path(p) for p in paths]
    if not paths:
        return
    count = max(1, min(workers or default_workers(), len(paths)))
    pool = _Pool(ctx, count)
    try:
        yield from pool.run(paths)
    finally:
        pool.stop()


# -- the worker processes ------------------------------------------------------------------------

def _serve(conn, ctx: ReadContext, memory_bytes: int, stderr_fd: int | None = None) -> None:
    """A worker: read the files it is sent, one at a time, and send back what came of each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if stderr_fd is not None:  # a Rust abort's message goes where the parent can read it, not to the terminal
        os.dup2(stderr_fd, 2)
        # Forked: drop the parent's descriptors (the store, the workspace lock) so that a worker busy with
        # a file never keeps the workspace locked after its parent is gone.
        keep = sorted({conn.fileno()})
        os.closerange(3, keep[0])
        os.closerange(keep[-1] + 1, _max_fd())
    _limit_memory(memory_bytes)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        try:
            result = read_one(path, ctx)
        except BaseException as exc:  # a Rust panic (a BaseException), MemoryError, RecursionError, a bug
            result = _failed(Path(path), _describe_exception(exc))
            del exc
        try:
            conn.send((index, result))
        except MemoryError:
            conn.send((index, _failed(Path(path), "MemoryError")))


def _max_fd() -> int:
    try:
        return min(os.sysconf("SC_OPEN_MAX"), 65536)
    except (ValueError, OSError):
        return 4096


def _limit_memory(extra: int) -> None:
    """Cap this process's address space at what it uses now plus `extra` bytes (Linux; elsewhere no cap)."""
    try:
        import resource

        with open("/proc/self/statm") as fh:
            used = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (used + extra, resource.RLIM_INFINITY))
    except (ImportError, OSError, ValueError):
        pass


def _describe_exception(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    name = type(exc).__name__
    if name == "PanicException":
        return f"the reader panicked ({text or 'no message'})"
    if isinstance(exc, MemoryError):
        return "the reader ran out of memory (MemoryError)"
    return f"{name}: {text}" if text else name


def _failed(path: Path, found: str) -> FileRead:
    parsed = ParsedSubmission(path)
    parsed.problems.append(Problem("file.reader_failed", location=Location(file=str(path)), params={"found": found}))
    return FileRead(path, None, parsed)


class _Worker:
    def __init__(self, mp, ctx: ReadContext):
        self.conn, child = mp.Pipe()
        forked = mp.get_start_method() == "fork"
        self.stderr = tempfile.TemporaryFile() if forked else None
        args = (child, ctx, ctx.limits.max_read_memory_bytes, self.stderr.fileno() if forked else None)
        self.proc = mp.Process(target=_serve, args=args, daemon=True)
        self.proc.start()
        child.close()
        self.tasks: list[tuple[int, Path]] = []  # sent, oldest first: the first is being read
        self.started = 0.0  # when the first of them began

    def last_words(self) -> str:
        """Give the first line a dead worker wrote on its standard error (a Rust panic or abort says why)."""
        if self.stderr is None:
            return ""
        try:
            self.stderr.seek(0)
            lines = [ln.strip() for ln in self.stderr.read(4096).decode("utf-8", "replace").splitlines() if ln.strip()]
        except OSError:
            return ""
        return next((ln for ln in lines if not ln.startswith(("stack backtrace", "note:"))), "")[:200]

    def give(self, index: int, path: Path) -> None:
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append((index, path))
        self.conn.send((index, path))

    def finished(self) -> None:
        """The first task's result came back: the next one (if any) begins now."""
        self.tasks.pop(0)
        self.started = time.monotonic()

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()
        if self.stderr is not None:
            self.stderr.close()


class _Pool:
    def __init__(self, ctx: ReadContext, count: int):
        self.ctx = ctx
        # fork on Linux: no re-import of the program in each worker, and nothing to pickle; elsewhere spawn.
        self.mp = get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self.workers = [_Worker(self.mp, ctx) for _ in range(count)]

    def run(self, paths: list[Path]) -> Iterator[FileRead]:
        todo = list(enumerate(paths))[::-1]
        done: dict[int, FileRead] = {}
        limit = self.ctx.limits.max_read_seconds
        for next_index in range(len(paths)):
            while next_index not in done:
                # Each worker holds the file it reads and the next one, so that it never waits while the caller
                # stores a file (the store is one writer; reading meanwhile is what the cores are for).
                for worker in self.workers:
                    while len(worker.tasks) < QUEUED and todo:
                        worker.give(*todo.pop())
                busy = [w for w in self.workers if w.tasks]
                now = time.monotonic()
                timeout = max(0.0, min(w.started + limit for w in busy) - now)
                # A worker's death shows as end-of-file on its pipe (the only copy of the child's end is in the child).
                ready = connection.wait([w.conn for w in busy], timeout)
                for worker in busy:
                    index, path = worker.tasks[0]
                    if worker.conn in ready:
                        try:
                            got_index, result = worker.conn.recv()
                            done[got_index] = result
                            worker.finished()
                            continue
                        except (EOFError, OSError):
                            worker.proc.join(5)
                            words = worker.last_words()
                            done[index] = _failed(path, _death(worker.proc.exitcode) + (f": {words}" if words else ""))
                    elif time.monotonic() - worker.started >= limit:
                        done[index] = _failed(path, f"the reader took longer than {limit:g} s (read_limits.max_read_seconds)")
                    else:
                        continue
                    todo.extend(reversed(worker.tasks[1:]))  # the files waiting behind it go to the next worker free
                    self._replace(worker)
            yield done.pop(next_index)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers[self.workers.index(worker)] = _Worker(self.mp, self.ctx)

    def stop(self) -> None:
        for worker in self.workers:
            if not worker.tasks and worker.proc.is_alive():
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
        for worker in self.workers:
            if worker.tasks:
                worker.proc.kill()
            worker.proc.join(2)
            if worker.proc.is_alive():
                worker.proc.kill()
                worker.proc.join(2)
            worker.conn.close()
            if worker.stderr is not None:
                worker.stderr.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if name == "SIGKILL":
            return "the reader process was killed (SIGKILL; out of memory?)"
        return f"the reader process aborted ({name})"
    return f"the reader process ended unexpectedly (exit code {exitcode})"
