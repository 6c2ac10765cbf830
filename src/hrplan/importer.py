"""Importing submissions into the store: files and folders in, one outcome per file out.

Each file is all-or-nothing: it is read and checked completely (in a worker process, so a file
that brings its reader down is refused and the run goes on) before one transaction stores it.
History never runs backwards: a file whose bytes (under any name) or content match ANY earlier
submission for the same program, unit and period is already seen and changes nothing;
that check and the insert happen in the same write transaction, under the workspace lock.
A new file for a program, unit and period replaces the figures of the indicators it has rows for and keeps
the current version's figures of those it has no row for (a unit's second table, e.g. a budget annex), saying so.
Files apply in arrival order: run after run, and within a run by modification time, then
name. A refused file stores nothing and the run goes on. Ctrl-C stops the run between files
(a commit in progress finishes first) and raises `ImportInterrupted` with what was stored; a store that
goes away (a server restart) stops it at once with `ImportStoreLost`, likewise.

A file is not parsed again when its bytes, its path and everything reading depends on are those
of a read remembered in the workspace (`reading.memo`) and the store finds every submission it
holds already seen: its outcome is then 'unchanged', with the same details as after a parse.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Callable, Iterator

from hrplan.names import arrival_order
from hrplan.problems import HrplanError, Location, Problem, Severity
from hrplan.store import DEFAULT_WAIT, EXIT_STORE, AlreadyStored, Store, connection_lost, workspace_lock
from hrplan.reading import (MEMO_NAME, FileRead, ParsedSubmission, ReadContext, ReadMemo, ReadSummary, read_files,
                            read_fingerprint)
from hrplan.workbooks import WORKBOOK_SUFFIXES
from hrplan.workspace import Workspace

Progress = Callable[[int, int, Path], None]  # (done, total, current file)


class Outcome(str, Enum):
    IMPORTED = "imported"  # new for its program, unit and period
    UPDATED = "updated"  # superseded an earlier submission, which stays in history
    UNCHANGED = "unchanged"  # same file or same content as before: nothing stored
    REJECTED = "rejected"  # a problem prevents storing anything
    WOULD_IMPORT = "would_import"  # --dry-run: it would have been stored


@dataclass
class FileResult:
    """What happened to one file, and why."""

    path: Path
    outcome: Outcome
    program: str | None = None
    unit: str | None = None
    period: str | None = None
    submission_id: int | None = None
    superseded_id: int | None = None
    same_as: int | None = None  # for UNCHANGED: the submission it matches
    values: int = 0  # figures stored (or that would be, with --dry-run); 0 for a refused file
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    # A sheet with one block of columns per unit gives one submission per unit, stored all or none.
    parts: list[FileResult] = field(default_factory=list)
    # False: not parsed in this run (its bytes and what reading depends on are those of a remembered read,
    # and the store has seen all of it); the outcome and details are the same. Not part of the output.
    parsed: bool = True

    def to_dict(self, lang: str = "vi") -> dict:
        return {
            "file": str(self.path), "outcome": self.outcome.value, "program": self.program, "unit": self.unit,
            "period": self.period, "submission_id": self.submission_id, "superseded_id": self.superseded_id,
            "same_as": self.same_as, "values": self.values,
            "problems": [p.to_dict(lang) for p in self.problems], "notes": [p.to_dict(lang) for p in self.notes],
            **({"parts": [part.to_dict(lang) for part in self.parts]} if self.parts else {}),
        }


@dataclass
class ImportOptions:
    """Options of one import run (the CLI's flags)."""

    program: str | None = None
    unit: str | None = None
    period: str | None = None
    dry_run: bool = False
    read_hidden: bool | None = None  # None: the workspace setting
    wait: float = DEFAULT_WAIT  # seconds to wait for another writer's workspace lock before exit 4
    workers: int | None = None  # reader processes; None: one per core


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped the run: `results` are the files finished (stored or not) before it; `pending` the rest."""

    def __init__(self, results: list[FileResult], pending: list[Path]):
        super().__init__("interrupted")
        self.results, self.pending = results, pending


class ImportStoreLost(HrplanError):
    """The store went away during the run (a server restarted, a network cut): the run stopped at once.

    `results` are the files finished (stored or not) before it; `pending` the file in hand and the rest, none of
    them stored in part. Exit code 2, as for a store that cannot be reached when the run starts.
    """

    def __init__(self, results: list[FileResult], pending: list[Path], url: object):
        stored = sum(r.outcome in (Outcome.IMPORTED, Outcome.UPDATED) for r in results)
        masked = url.masked() if hasattr(url, "masked") else str(url)
        super().__init__(Problem("import.store_lost", params={
            "url": masked, "file": pending[0].name if pending else "-", "stored": stored, "pending": len(pending)}),
            exit_code=EXIT_STORE)
        self.results, self.pending = results, pending


def collect_files(paths: list[Path]) -> tuple[list[Path], list[FileResult]]:
    """Give the workbook files named or inside the folders named, in the order they apply, and misses.

    Inside a folder, every entry named like a workbook is taken, whatever it is: a FIFO, a device
    or a folder named '.xlsx' is then refused by what it is, never silently skipped or opened.
    """
    files: list[Path] = []
    missing: list[FileResult] = []
    for path in paths:
        if path.is_dir() and not path.suffix.lower() in WORKBOOK_SUFFIXES:
            files.extend(p for p in path.rglob("*") if p.suffix.lower() in WORKBOOK_SUFFIXES
                         and not p.name.startswith("~$"))
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            missing.append(FileResult(path, Outcome.REJECTED, problems=[
                Problem("file.not_found", location=Location(file=str(path)), params={"path": str(path)})]))
    unique = {_identity(p): p for p in files}
    ordered = sorted(unique.values(), key=lambda p: (_mtime(p), arrival_order(p.name)))
    return ordered, missing


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return path.absolute()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return path.lstat().st_mtime if path.is_symlink() else 0.0


def import_files(workspace: Workspace, paths: list[Path], options: ImportOptions | None = None,
                 progress: Progress | None = None) -> list[FileResult]:
    """Import workbooks into the workspace's store; give one result per file in the order applied.

    Raises ImportInterrupted (a KeyboardInterrupt) on Ctrl-C, and ImportStoreLost (an HrplanError, exit code 2)
    when the store goes away during the run, each holding the results so far.
    """
    options = options or ImportOptions()
    files, results = collect_files(paths)
    cfg = workspace.config
    read_hidden = cfg.read_hidden_sheets if options.read_hidden is None else options.read_hidden
    run_options = [read_hidden, cfg.filename_pattern, options.program, options.unit, options.period]

    def context_key(digest: dict[str, str]) -> str:
        return read_fingerprint(digest, cfg.read_limits, cfg.layouts, run_options)

    done = 0
    try:
        # One writer at a time: a dry run writes nothing and reads a consistent snapshot (WAL) without the lock.
        with (nullcontext() if options.dry_run else workspace_lock(workspace.root, options.wait, workspace.store_url)):
            with workspace.open_store() as store:
                memo = ReadMemo(workspace.root / MEMO_NAME, None, cfg.read_limits.max_file_bytes)
                before = workspace.definitions_digest(memo.definition_sources())
                memo.fingerprint = context_key(before)
                known = _already_seen(store, memo, files)
                unread = [p for p in files if p not in known]
                ahead: ReadAhead | None = None
                if unread:  # only now the programs and units load (a re-import of unchanged files needs neither)
                    ctx = ReadContext(programs=workspace.programs, units=workspace.units, limits=cfg.read_limits,
                                      read_hidden=read_hidden, filename_pattern=cfg.filename_pattern, layouts=cfg.layouts,
                                      program=options.program, unit=options.unit, period=options.period)
                    memo.fingerprint = _loaded_key(workspace, memo, context_key)
                    ahead = ReadAhead(unread, ctx, options.workers)
                try:
                    for path in files:
                        read = ahead.read_of(path) if path not in known else None
                        if progress:
                            progress(done, len(files), path)
                        with _commit_before_interrupt():  # Ctrl-C during the commit: recorded first, then stop
                            if read is None:
                                results.append(known[path])
                            else:
                                results.append(store_read(store, read, options.dry_run))
                                if read.file_hash is not None and not options.dry_run:
                                    memo.remember(read.path, read.file_hash, read.parsed)
                            done += 1
                finally:
                    if ahead is not None:
                        ahead.close()
                    if not options.dry_run:
                        memo.save()
                if progress:
                    progress(len(files), len(files), Path(""))
    except KeyboardInterrupt:
        raise ImportInterrupted(results, files[done:]) from None
    except Exception as exc:
        if not connection_lost(exc):
            raise
        # The store went away (a server restart): stop here, say what was stored; the driver's text (SQL and
        # parameters included) is no message for the user, and the next file would only fail the same way.
        raise ImportStoreLost(results, files[done:], workspace.store_url) from None
    return results


def _loaded_key(workspace: Workspace, memo: ReadMemo, context_key) -> str | None:
    """Give the memo's key for reads made with the workspace's programs and units: the bytes they were loaded
    from (perhaps earlier than this run: the nightly job loads them first), the targets tables among them
    noted for the next run's recall; None (remember nothing) when a file changed while it was being loaded."""
    loaded = workspace.loaded_digest()
    memo.note_definition_sources(workspace.targets_tables)
    return None if loaded is None else context_key(loaded)


def _already_seen(store: Store, memo: ReadMemo, files: list[Path]) -> dict[Path, FileResult]:
    """Give the files the import need not read: a remembered read of the same bytes and context (`memo`) says
    what they hold, and the store has seen every submission of each (the same check as after a parse: same
    bytes for the unit, or the same content for its program, unit and period). Each with its result."""
    recalled = memo.recall(files)
    wanted: list[tuple] = []
    for path, (file_hash, summary) in recalled.items():
        for part in summary.parts or [summary]:
            wanted.append((part.program, part.unit, part.period, file_hash, part.content_hash))
    seen = iter(store.seen_many(wanted)) if wanted else iter(())
    known: dict[Path, FileResult] = {}
    for path, (file_hash, summary) in recalled.items():
        ids = [next(seen) for _ in summary.parts or [summary]]
        if any(i is None for i in ids):
            continue  # something in it would be stored: read it
        result = _result_of_summary(summary)
        if summary.parts:
            for part, same_as in zip(result.parts, ids):
                part.same_as = same_as
            result.values = sum(p.values for p in result.parts)
        else:
            result.same_as = ids[0]
        known[path] = result
    return known


def _result_of_summary(summary: ReadSummary) -> FileResult:
    return FileResult(Path(summary.path), Outcome.UNCHANGED, summary.program, summary.unit, summary.period,
                      values=summary.values, problems=summary.problems, notes=summary.notes,
                      parts=[_result_of_summary(part) for part in summary.parts], parsed=False)


class ReadAhead:
    """Files read in worker processes on every core, ahead of the caller, who stores them one at a time.

    For callers that act on each file once it is stored (the nightly job files it away), in the order
    given: `read_of(path)` gives that file's read; `store_read` then stores it in its own transaction.
    A file read but never asked for (the caller skipped it) is dropped: it was not stored. Close it
    (or use it as a context manager) to stop the workers. The caller holds the workspace lock.
    """

    def __init__(self, paths: list[Path], ctx: ReadContext, workers: int | None = None):
        self._paths, self._ctx, self._workers = list(paths), ctx, workers
        self._done = 0  # reads handed over or dropped
        self._reads = read_files(self._paths, ctx, workers)

    def read_of(self, path: Path) -> FileRead:
        """Give the read of `path`, one of the files still ahead (those before it are dropped)."""
        while self._done < len(self._paths):
            self._done += 1
            try:
                read = next(self._reads)
            except Exception:  # the reading machinery failed (a bug): the files after this one are read afresh
                self._reads.close()
                self._reads = read_files(self._paths[self._done:], self._ctx, self._workers)
                raise
            if read.path == path:
                return read
        raise ValueError(f"not among the files ahead: {path}")

    def close(self) -> None:
        self._reads.close()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def store_read(store: Store, read: FileRead, dry_run: bool = False) -> FileResult:
    """Store one read file in one transaction unless it is refused or already seen; give what happened."""
    parsed, path = read.parsed, read.path
    result = _result_of(parsed)
    if not parsed.ok or read.file_hash is None:
        result.outcome, result.values = Outcome.REJECTED, 0  # nothing of a refused file is stored
        for part in result.parts:
            part.outcome, part.values = Outcome.REJECTED, 0
        return result
    if not parsed.parts:
        _store_one(store, path, read.file_hash, parsed, result, dry_run)
        return result
    # One submission per unit block, all in one transaction: the file is whole or absent.
    with (store.snapshot() if dry_run else store.write()):
        for part, part_result in zip(parsed.parts, result.parts):
            _store_one(store, path, read.file_hash, part, part_result, dry_run)
    outcomes = {p.outcome for p in result.parts}
    result.values = sum(p.values for p in result.parts)
    result.outcome = next((o for o in (Outcome.WOULD_IMPORT, Outcome.UPDATED, Outcome.IMPORTED) if o in outcomes),
                          Outcome.UNCHANGED)
    return result


def _store_one(store: Store, path: Path, file_hash: str, parsed: ParsedSubmission, result: FileResult,
               dry_run: bool) -> None:
    """Store one read submission unless it is already seen (same bytes or the same content
    as any earlier submission for its program, unit and period); fill in `result`."""
    content_hash = parsed.sealed_content_hash()
    has = {*parsed.rows, *(v.indicator for v in parsed.values), *(b.indicator for b in parsed.blanks)}
    if dry_run:
        seen = store.seen(parsed.program, parsed.unit, parsed.period, file_hash, content_hash)
        result.outcome, result.same_as = (Outcome.UNCHANGED, seen.id) if seen else (Outcome.WOULD_IMPORT, None)
        if seen is None:
            _say_kept(result, path, "import.would_keep_from_earlier",
                      store.would_keep(parsed.program, parsed.unit, parsed.period, has))
        return
    try:
        mtime = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat(timespec="seconds")
    except OSError:
        mtime = None  # removed since it was read: what was read is still what the unit sent
    before = store.current(parsed.program, parsed.unit, parsed.period)
    try:
        new_id, old_id, same_as = store.add_unless_seen(
            program=parsed.program, unit=parsed.unit, period=parsed.period, file_name=path.name,
            file_path=str(path.absolute()), file_hash=file_hash, content_hash=content_hash, file_mtime=mtime,
            sheet=parsed.sheet, header_row=parsed.header_row, values=parsed.values, blanks=parsed.blanks,
            problems=[p for p in parsed.problems if not p.is_error],
            notes=[n.message("en") for n in parsed.notes], rows=sorted(has),
        )
    except AlreadyStored as same:  # the store's own last check under its writers' lock
        new_id, old_id, same_as = None, None, same.same_as
    if same_as is not None:
        result.outcome, result.same_as = Outcome.UNCHANGED, same_as
        return
    result.submission_id, result.superseded_id = new_id, old_id
    result.outcome = Outcome.UPDATED if old_id else Outcome.IMPORTED
    if old_id:  # a unit's second table for the period: the figures of rows this file lacks stay, said by whom
        _say_kept(result, path, "import.kept_from_earlier", store.kept(new_id))
    if old_id and before is not None and before.id == old_id and _older(mtime, before.file_mtime):
        # A new list, as in _say_kept: the result's problems are the read's own, which the memo remembers as the
        # file's, and this warning is about this run's replacing, not about the file.
        result.problems = [*result.problems, Problem("import.older_than_current", Severity.WARNING, Location(path.name), {
            "saved": _local(mtime), "old": old_id, "old_file": before.file_name, "old_saved": _local(before.file_mtime)})]


def _say_kept(result: FileResult, path: Path, code: str, kept: list[tuple[int, str, list[str]]]) -> None:
    """Note on the result, per earlier file, the indicators kept from it because this file has no row for them."""
    # A new list: the result's notes are the read's own, which the workspace's memo remembers as the file's.
    result.notes = [*result.notes, *(Problem(code, Severity.INFO, Location(str(path)), {
        "indicators": ", ".join(codes), "old": source, "old_file": name}) for source, name, codes in kept)]


def _older(mtime: str | None, than: str | None) -> bool:
    """Tell whether a file saved at `mtime` was saved before `than` (ISO times; unknown: not older)."""
    try:
        return bool(mtime and than) and datetime.fromisoformat(mtime) < datetime.fromisoformat(than)
    except ValueError:
        return False


def _local(stamp: str | None) -> str:
    """Give an ISO time as the analyst's clock reads it: '05/03/2024 14:20'."""
    return datetime.fromisoformat(stamp).astimezone().strftime("%d/%m/%Y %H:%M") if stamp else "?"


def restore_submission(workspace: Workspace, submission_id: int, wait: float = DEFAULT_WAIT) -> tuple[int | None, int | None]:
    """Make an earlier submission current again, deliberately (under the workspace lock); give (new id, superseded id)."""
    with workspace_lock(workspace.root, wait, workspace.store_url), workspace.open_store() as store, \
            _commit_before_interrupt():
        return store.restore(submission_id)


@contextmanager
def _commit_before_interrupt() -> Iterator[None]:
    """Let the block (a commit and the recording of its result) finish before Ctrl-C takes effect, so that
    what the run says it stored is always what the store holds; the interrupt is raised after the block."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[object] = []
    previous = signal.signal(signal.SIGINT, lambda *a: caught.append(a))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _result_of(parsed: ParsedSubmission) -> FileResult:
    return FileResult(parsed.path, Outcome.REJECTED, parsed.program, parsed.unit, parsed.period,
                      values=len(parsed.values), problems=parsed.problems, notes=parsed.notes,
                      parts=[_result_of(part) for part in parsed.parts])
