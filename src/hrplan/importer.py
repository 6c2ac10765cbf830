"""Importing submissions into the store: files and folders in, one outcome per file out.

Each file is all-or-nothing: it is read and checked completely before one transaction stores
it. The same bytes (under any name) or the same content as the current submission change
nothing. When a run holds several files for the same program, unit and period, they are
applied in order of modification time, then name, so the last one is current and the others
stay in history. A refused file stores nothing and the run goes on.
"""
from __future__ import annotations

import hashlib
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Callable

from hrplan.problems import Location, Problem
from hrplan.store import DEFAULT_WAIT, AlreadyStored, Store, workspace_lock
from hrplan.reading import ParsedSubmission, ReadContext, read_submission
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


def collect_files(paths: list[Path]) -> tuple[list[Path], list[FileResult]]:
    """Give the workbook files named or inside the folders named, in the order they apply, and misses."""
    files: list[Path] = []
    missing: list[FileResult] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES
                         and not p.name.startswith("~$"))
        elif path.exists():
            files.append(path)
        else:
            missing.append(FileResult(path, Outcome.REJECTED, problems=[
                Problem("file.not_found", location=Location(file=str(path)), params={"path": str(path)})]))
    unique = {p.resolve(): p for p in files}
    ordered = sorted(unique.values(), key=lambda p: (p.stat().st_mtime, p.name))
    return ordered, missing


def import_files(workspace: Workspace, paths: list[Path], options: ImportOptions | None = None,
                 progress: Progress | None = None) -> list[FileResult]:
    """Import workbooks into the workspace's store; give one result per file in the order applied."""
    options = options or ImportOptions()
    files, results = collect_files(paths)
    cfg = workspace.config
    ctx = ReadContext(
        programs=workspace.programs, units=workspace.units, limits=cfg.read_limits,
        read_hidden=cfg.read_hidden_sheets if options.read_hidden is None else options.read_hidden,
        filename_pattern=cfg.filename_pattern, layouts=cfg.layouts, program=options.program, unit=options.unit,
        period=options.period,
    )
    # One writer at a time: a dry run writes nothing and reads a consistent snapshot (WAL) without the lock.
    with (nullcontext() if options.dry_run else workspace_lock(workspace.root, options.wait, workspace.store_url)):
        with workspace.open_store() as store:
            for done, path in enumerate(files):
                if progress:
                    progress(done, len(files), path)
                results.append(import_one(store, path, ctx, options.dry_run))
            if progress:
                progress(len(files), len(files), Path(""))
    return results


def import_one(store: Store, path: Path, ctx: ReadContext, dry_run: bool = False) -> FileResult:
    """Read one workbook and store it in one transaction unless it is refused or already known."""
    try:
        file_hash = _file_hash(path)
    except OSError as exc:  # unreadable (permissions, a file still being copied in, a folder named .xlsx)
        return FileResult(path, Outcome.REJECTED, problems=[
            Problem("file.unreadable", location=Location(file=str(path)), params={"found": exc.strerror or str(exc)})])
    known = store.find_by_file_hash(file_hash)
    if known is not None:
        return FileResult(path, Outcome.UNCHANGED, known.program, known.unit, known.period, same_as=known.id)
    parsed = read_submission(path, ctx)
    result = _result_of(parsed)
    if not parsed.ok:
        result.outcome, result.values = Outcome.REJECTED, 0  # nothing of a refused file is stored
        for part in result.parts:
            part.outcome, part.values = Outcome.REJECTED, 0
        return result
    if not parsed.parts:
        _store_one(store, path, file_hash, parsed, result, dry_run)
        return result
    with store.write():  # one submission per unit block, all in one transaction: the file is whole or absent
        for part, part_result in zip(parsed.parts, result.parts):
            _store_one(store, path, file_hash, part, part_result, dry_run)
    outcomes = {p.outcome for p in result.parts}
    result.values = sum(p.values for p in result.parts)
    result.outcome = next((o for o in (Outcome.WOULD_IMPORT, Outcome.UPDATED, Outcome.IMPORTED) if o in outcomes),
                          Outcome.UNCHANGED)
    return result


def _store_one(store: Store, path: Path, file_hash: str, parsed: ParsedSubmission, result: FileResult,
               dry_run: bool) -> None:
    """Store one read submission unless the same content is already current; fill in `result`."""
    current = store.current(parsed.program, parsed.unit, parsed.period)
    content_hash = parsed.content_hash()
    if current is not None and current.content_hash == content_hash:
        result.outcome, result.same_as = Outcome.UNCHANGED, current.id
        return
    if dry_run:
        result.outcome = Outcome.WOULD_IMPORT
        return
    mtime = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat(timespec="seconds")
    try:
        new_id, old_id = store.add_submission(
            program=parsed.program, unit=parsed.unit, period=parsed.period, file_name=path.name,
            file_path=str(path.resolve()), file_hash=file_hash, content_hash=content_hash, file_mtime=mtime,
            sheet=parsed.sheet, header_row=parsed.header_row, values=parsed.values, blanks=parsed.blanks,
            problems=[p for p in parsed.problems if not p.is_error],
            notes=[n.message("en") for n in parsed.notes],
        )
    except AlreadyStored as same:  # another import stored it since the first look (checked again under the lock)
        result.outcome, result.same_as = Outcome.UNCHANGED, same.same_as
        return
    result.submission_id, result.superseded_id = new_id, old_id
    result.outcome = Outcome.UPDATED if old_id else Outcome.IMPORTED


def _file_hash(path: Path) -> str:
    """Give the SHA-256 of a file, read in chunks (a huge file is refused later without filling memory)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _result_of(parsed: ParsedSubmission) -> FileResult:
    return FileResult(parsed.path, Outcome.REJECTED, parsed.program, parsed.unit, parsed.period,
                      values=len(parsed.values), problems=parsed.problems, notes=parsed.notes,
                      parts=[_result_of(part) for part in parsed.parts])
