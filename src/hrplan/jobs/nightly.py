"""The nightly job (tổng hợp tự động): take every settled file in the inbox, import it, file it away, report.

    consolidate(workspace) -> ConsolidateResult

Under the workspace lock (a second run stops at once, or waits `wait` seconds), each ready file
is imported in its own transaction and only then moved: to `done/<period>/` when stored (or
found already stored by its bytes or figures), to `rejected/` with a `.reason.txt` beside it
when refused. A kill at any moment leaves each file either still in the inbox (the next run
takes it; if its transaction had committed, it is found by hash and only moved) or filed.
Then the checks run and the reports of each program's current period are rewritten, only
where what they are built from changed. Each file gives one line in `logs/consolidate.log`;
each run one summary line.
"""
from __future__ import annotations

import errno
import os
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from hrplan.definitions import Period
from hrplan.importer import Outcome, ReadAhead, store_read
from hrplan.jobs.filing import (clean_own_temporaries, destination, note_read_as, outstanding_rejections, place,
                                settle_rejections, unmatched_rejections, write_reason, REASON_SUFFIX)
from hrplan.jobs.inbox import InboxFile, scan_inbox
from hrplan.jobs.outputs import ProgramOutput, check_settings, refresh_outputs
from hrplan.jobs.runlog import RunLog, lines_of_run, mark_running, now_text, read_last_run
from hrplan.messages import render
from hrplan.problems import HrplanError, Location, Problem, environment_problem
from hrplan.reading import ReadContext, read_files
from hrplan.workbooks import WORKBOOK_SUFFIXES
from hrplan.store import connection_lost, workspace_lock
from hrplan.workspace import Workspace

Progress = Callable[[int, int, Path], None]  # (done, total, current file)

NOTHING, DONE, DONE_WITH_REJECTED, DONE_WITH_FAILED = "nothing", "done", "rejected", "failed"
STORE_LOST = "store_lost"  # the store went away during the run: it stopped at once, the files left stay in the inbox
STOPPED = "stopped"  # a full disk or a folder hrplan may not write: the run stopped at the first write that failed


@dataclass
class FileOutcome:
    """What the run did with one inbox file (paths relative to the workspace)."""

    file: str
    outcome: str  # imported, updated, unchanged, rejected, waiting, failed (or another import outcome)
    moved_to: str | None = None
    program: str | None = None
    unit: str | None = None
    period: str | None = None
    reason: str | None = None  # why it waits, why it was refused (first error), or the internal error
    reason_file: str | None = None
    # a refused file a later file of the same program, unit and period made good in the same run: that file (it
    # and its reason were then moved on to rejected/settled/, where moved_to and reason_file say)
    settled_by: str | None = None
    submission_id: int | None = None  # the stored submission (for unchanged: the one it matches)
    superseded_id: int | None = None
    values: int = 0
    problems: list[Problem] = field(default_factory=list)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k != "problems"}
        data["problems"] = [p.to_dict(lang) for p in self.problems]
        return data


@dataclass
class ConsolidateResult:
    """One run: the files taken, the files left waiting, and the outputs rewritten."""

    started: str
    finished: str = ""
    seconds: float = 0.0
    files: list[FileOutcome] = field(default_factory=list)
    waiting: list[FileOutcome] = field(default_factory=list)
    outputs: list[ProgramOutput] = field(default_factory=list)
    # Files stored tonight for a period other than their program's current one (a quarter sent late): each such
    # program, period and units with the counts of their findings, so that a late file's errors are not unseen.
    late: list[dict[str, Any]] = field(default_factory=list)
    # The store went away during the run (a server restart): why, and the run stopped there.
    lost: Problem | None = None
    # A full disk or a folder hrplan may not write (done/, the inbox, logs/ ...): why, and the run stopped there.
    stopped: Problem | None = None
    # A run that started taking files and never finished (killed): its start, process id and the files its log
    # lines say it took; found by this run, said in the log and in `hrplan status`.
    interrupted: dict[str, Any] | None = None
    # The log lines that could not be written (the log's disk full, or logs/ not writable): the caller says them.
    unlogged: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """'nothing' (no file taken, no output rewritten), 'done', 'rejected', 'failed' (some files), 'store_lost' or
        'stopped'."""
        if self.lost is not None:
            return STORE_LOST
        if self.stopped is not None:
            return STOPPED
        if any(f.outcome == "failed" for f in self.files):
            return DONE_WITH_FAILED
        if any(f.outcome == "rejected" for f in self.files):
            return DONE_WITH_REJECTED
        if self.files or any(o.written for o in self.outputs):
            return DONE
        return NOTHING

    def counts(self) -> dict[str, int]:
        counts = {k: 0 for k in ("imported", "updated", "unchanged", "rejected", "failed")}
        for f in self.files:
            counts[f.outcome] = counts.get(f.outcome, 0) + 1
        counts["waiting"] = len(self.waiting)
        counts["reports"] = sum(1 for o in self.outputs if o.written)
        return counts

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "status": self.status, "started": self.started, "finished": self.finished, "seconds": self.seconds,
            "counts": self.counts(), "files": [f.to_dict(lang) for f in self.files],
            "waiting": [f.to_dict(lang) for f in self.waiting],
            "programs": [asdict(o) for o in self.outputs], "late": self.late,
            **({"problems": [p.to_dict(lang) for p in (self.lost, self.stopped) if p is not None]}
               if self.lost is not None or self.stopped is not None else {}),
            **({"unlogged": self.unlogged} if self.unlogged else {}),
            **({"interrupted": self.interrupted} if self.interrupted else {}),
        }


def consolidate(workspace: Workspace, lang: str = "vi", wait: float = 0.0, progress: Progress | None = None) -> ConsolidateResult:
    """Run the nightly job once on the workspace and give what it did (see the module docstring)."""
    settings = workspace.config.consolidate
    log = RunLog(workspace.root / "logs", settings.log_max_kb * 1024, settings.log_keep)
    try:
        workspace.programs  # a broken program file or units registry stops the run before it takes anything
        formats = check_settings(workspace)
        with workspace_lock(workspace.root, wait, workspace.store_url):  # a server store: its lock too
            return _run_locked(workspace, formats, lang, log, progress)
    except HrplanError as exc:
        if any(p.code in ("workspace.locked", "store.locked") for p in exc.problems):
            log.line("locked", render("consolidate.log.locked", lang))
        else:
            reason = "; ".join(f"{p.location.describe(lang)}: {p.message(lang)}".lstrip(": ") for p in exc.problems)
            log.line("run", render("consolidate.log.could_not_run", lang, reason=reason))
        machine = environment_problem(log.failure, log.path)
        if machine is not None:  # the log could not say it either (a full disk): the message does
            raise HrplanError([*exc.problems, machine], exc.exit_code) from None
        raise


def _run_locked(workspace: Workspace, formats: list[str], lang: str, log: RunLog, progress: Progress | None) -> ConsolidateResult:
    started = time.monotonic()
    result = ConsolidateResult(started=now_text())
    log.rotate_if_due()
    result.interrupted = _interrupted_run(log, lang)
    done_dir, rejected_dir = workspace.root / "done", workspace.root / "rejected"
    ready: list[InboxFile] = []
    try:
        for folder in (workspace.inbox, done_dir, rejected_dir):
            folder.mkdir(parents=True, exist_ok=True)
        for folder in (rejected_dir, *[d for d in done_dir.iterdir() if d.is_dir()]):
            clean_own_temporaries(folder)
        for fmt in formats:  # a report being written when a run was killed (write_report's temporary name)
            for leftover in workspace.reports_dir.glob(f"*.{fmt}.tmp"):
                leftover.unlink(missing_ok=True)
        found = scan_inbox(workspace.inbox, workspace.config.consolidate.settle_seconds)
        ready = [f for f in found if f.ready]
        result.waiting = [FileOutcome(_rel(workspace, f.path), "waiting", reason=f.wait_reason)
                          for f in found if not f.ready]
        if ready:
            try:  # a kill from here on leaves this mark: `status` and the next run tell the run did not finish
                mark_running(log.folder, result.started)
            except OSError as exc:
                log.failure = log.failure or exc
            # Read ahead on every core (each file in a worker process, as `import` does); stored and filed one by one.
            ahead = ReadAhead([f.path for f in ready if f.is_workbook], _read_context(workspace))
            with workspace.open_store() as store, ahead:
                for n, item in enumerate(ready):
                    if progress:
                        progress(n, len(ready), item.path)
                    try:
                        outcome, settled = _take(workspace, store, ahead, item, done_dir, rejected_dir, lang)
                    except _Halt as halt:  # a full disk, a folder not writable: every file after would fail too
                        if halt.outcome is not None:  # stored, not moved: said, and counted
                            result.files.append(halt.outcome)
                            log.line(halt.outcome.outcome, _file_line(halt.outcome, lang))
                        return _stopped(workspace, result, ready, log, lang, started, halt.problem)
                    result.files.append(outcome)
                    log.line(outcome.outcome, _file_line(outcome, lang))
                    _note_settled(workspace, result, log, settled, outcome.moved_to, lang)
                    if log.failure is not None:  # nothing more is done that the log could not tell
                        machine = environment_problem(log.failure, log.path)
                        return _stopped(workspace, result, ready, log, lang, started, machine)
            if progress:
                progress(len(ready), len(ready), Path(""))
        by_hand = _identify_old_rejections(workspace, rejected_dir)
        for by, settled in _settle_by_store(workspace, rejected_dir):
            _note_settled(workspace, result, log, settled, by, lang)
        result.outputs = refresh_outputs(workspace, formats)
    except Exception as exc:
        machine = None if connection_lost(exc) else environment_problem(exc, _store_file(workspace))
        if not connection_lost(exc) and machine is None:
            raise
        # The store went away (a server restart), or a disk is full, a folder not writable: every file after this
        # one would fail the same way. Stop, leave them in the inbox for the next run, and say it once, in the
        # run's summary line.
        return _stopped(workspace, result, ready, log, lang, started, machine)
    for out in result.outputs:
        if out.written:
            names = ", ".join(Path(p).name for p in out.written)
            log.line("report", render("consolidate.log.report", lang, program=out.program, period=out.period,
                                      errors=out.findings.get("error", 0), warnings=out.findings.get("warning", 0),
                                      files=names))
    result.late = _check_late(workspace, result, log, lang)
    result.seconds = round(time.monotonic() - started, 2)
    result.finished = now_text()
    for item in result.waiting:  # each night; a link or a FIFO needs someone, so it is named on a quiet night too
        if result.status != NOTHING or item.reason == "not_a_file":
            log.line("waiting", render("consolidate.log.waiting", lang, file=item.file,
                                       reason=render(f"consolidate.wait.{item.reason}", lang)))
    if by_hand and result.status != NOTHING:  # as files left waiting: said on the nights something happened
        log.line("unmatched", render("consolidate.log.unmatched", lang, count=len(by_hand),
                                     files=", ".join(_rel(workspace, p) for p in by_hand)))
    if result.status == NOTHING:
        log.line("run", render("consolidate.log.nothing", lang, waiting=len(result.waiting)))
    else:
        log.line("run", render("consolidate.log.done", lang, seconds=result.seconds, **result.counts()))
    log.record(result.to_dict(lang))
    if log.failure is not None:  # the work is done, but its log is not: said as a stop, with the lines unwritten
        result.stopped = _stop_problem(workspace, result, [], environment_problem(log.failure, log.path))
        result.unlogged = list(log.unwritten)
    return result


def _interrupted_run(log: RunLog, lang: str) -> dict[str, Any] | None:
    """Give the run a kill stopped before its summary (its 'running' mark is still there: we hold the lock, so it
    is not running), with the files its log lines say it took, and say it in the log; None when there is none."""
    running = (read_last_run(log.folder) or {}).get("running")
    if not isinstance(running, dict) or "pid" not in running or "started" not in running:
        return None
    files = lines_of_run(log.folder, running["pid"], running["started"])
    log.line("interrupted", render("consolidate.log.interrupted", lang, started=running["started"],
                                   pid=running["pid"], count=len(files)))
    return {"started": running["started"], "pid": running["pid"], "files": files}


def _identify_old_rejections(workspace: Workspace, rejected_dir: Path) -> list[Path]:
    """Give the refusals whose reason does not say what the file was read as (an hrplan before that line wrote it)
    the line, read from the rejected file itself as import reads it (nothing stored), so that a corrected file
    settles them as any other; give the rejected files that cannot be told apart, to be looked at by hand."""
    unmatched = unmatched_rejections(rejected_dir)
    if not unmatched:
        return []
    workbooks = [(reason, rejected) for reason, rejected in unmatched if rejected.suffix.lower() in WORKBOOK_SUFFIXES]
    by_hand = [rejected for reason, rejected in unmatched if rejected.suffix.lower() not in WORKBOOK_SUFFIXES]
    if workbooks:
        reads = read_files([rejected for _, rejected in workbooks], _read_context(workspace), workers=1)
        try:
            for (reason, rejected), read in zip(workbooks, reads):
                parsed = read.parsed
                about = (parsed.program, parsed.unit, parsed.period)
                if all(about) and not parsed.parts:
                    note_read_as(reason, about)  # type: ignore[arg-type]
                else:  # not told apart (a unit the registry lacks, a sheet of several units' blocks, no period)
                    by_hand.append(rejected)
        finally:
            reads.close()
    return sorted(by_hand)


def _note_settled(workspace: Workspace, result: ConsolidateResult, log: RunLog, settled: list[tuple[Path, Path]],
                  by: str | None, lang: str) -> None:
    """Log each refusal a stored file made good, and point this run's outcome of a file refused earlier in the run at
    rejected/settled/, where it now is: what `consolidate` prints and `status` shows must name where the file is."""
    tonight = {f.moved_to: f for f in result.files if f.outcome == "rejected" and f.moved_to}
    for old, new in settled:
        log.line("settled", render("consolidate.log.settled", lang, file=_rel(workspace, old),
                                   dest=_rel(workspace, new), by=by or "-"))
        refused = tonight.get(_rel(workspace, old))
        if refused is not None:
            refused.moved_to, refused.settled_by = _rel(workspace, new), by
            refused.reason_file = _rel(workspace, new.with_name(new.name + REASON_SUFFIX))


def _settle_by_store(workspace: Workspace, rejected_dir: Path) -> list[tuple[str, list[tuple[Path, Path]]]]:
    """Settle the rejections a submission stored since made good, whoever stored it: the analyst who imported the
    clerk's corrected file by hand (`hrplan import`) leaves no refusal in rejected/ to send back for ever. A
    submission counts only if stored after the reason was written (the store's time, UTC; the file's, its mtime).
    Give, per submission that settled some, its file's name and the (old, new) places of the files it settled."""
    outstanding = outstanding_rejections(rejected_dir)
    if not outstanding:
        return []
    out = []
    with workspace.open_store() as store:
        for reason, about in outstanding:
            record = store.current(*about)
            if record is None or not reason.exists():
                continue
            stored = datetime.fromisoformat(record.imported_at)
            if stored.tzinfo is None:
                stored = stored.replace(tzinfo=timezone.utc)
            if stored.timestamp() <= reason.stat().st_mtime:
                continue  # stored before the refusal: not its correction
            moved = settle_rejections(rejected_dir, about, record.file_name, stored.astimezone().date().isoformat(),
                                      record.id)
            if moved:
                out.append((record.file_name, moved))
    return out


def _stopped(workspace: Workspace, result: ConsolidateResult, ready: list[InboxFile], log: RunLog, lang: str,
             started: float, machine: Problem | None = None) -> ConsolidateResult:
    """Finish a run whose store went away (`machine` None) or that a full disk or a folder it may not write stopped
    (`machine`, naming it): the summary line, the last run's record; no report is written."""
    # Every file with an outcome was taken, moved or not: one stored but not moved is told apart, never "not taken".
    taken = {f.file for f in result.files}
    left = [f for f in ready if _rel(workspace, f.path) not in taken]
    if machine is None:
        stored = sum(f.outcome in ("imported", "updated") for f in result.files)
        result.lost = Problem("consolidate.store_lost", params={
            "url": workspace.store_url.masked(), "file": left[0].path.name if left else "-", "stored": stored,
            "left": len(left)})
        summary = result.lost
    else:
        result.stopped = summary = _stop_problem(workspace, result, left, machine)
    result.seconds = round(time.monotonic() - started, 2)
    result.finished = now_text()
    log.line("run", summary.message(lang))
    log.record(result.to_dict(lang))
    if log.failure is not None and machine is None:
        result.stopped = _stop_problem(workspace, result, left, environment_problem(log.failure, log.path))
    result.unlogged = list(log.unwritten)
    return result


def _stop_problem(workspace: Workspace, result: ConsolidateResult, left: list[InboxFile],
                  machine: Problem | None) -> Problem:
    """Give the summary of a run a full disk or a folder it may not write stopped: why (the machine's problem, in
    both languages), the files stored (and of them, those left in the inbox, stored but not moved), the files left."""
    machine = machine or Problem("os.disk_full", params={"folder": "?", "path": "?", "error": "?", "user": "?"})
    stored = [f for f in result.files if f.outcome in ("imported", "updated")]
    # stored tonight or found already stored (an earlier run stored it, the disk still full): only waits to be moved
    kept = [f.file for f in result.files if f.outcome in ("imported", "updated", "unchanged") and f.moved_to is None]
    kept_note = {lang: render("consolidate.stopped.kept", lang, kept=len(kept), files=", ".join(kept)) if kept else ""
                 for lang in ("vi", "en")}
    return Problem("consolidate.stopped", params={
        "reason": machine.message("en"), "reason_vi": machine.message("vi"), "stored": len(stored),
        "kept": kept_note["en"], "kept_vi": kept_note["vi"], "left": len(left), "cause": machine.code})


def _store_file(workspace: Workspace) -> Path | None:
    """Give a SQLite store's file (where its "database or disk is full" happened), else None."""
    return None if workspace.store_url.is_server else workspace.store_url.path


class _Halt(Exception):
    """A file's filing hit a full disk or a folder hrplan may not write: the run stops; `outcome` is the file's when
    it was stored first (its transaction committed: stored, not moved), None when nothing of it was stored."""

    def __init__(self, outcome: FileOutcome | None, problem: Problem):
        super().__init__(problem.code)
        self.outcome, self.problem = outcome, problem


def _take(workspace: Workspace, store, ahead: ReadAhead, item: InboxFile, done_dir: Path, rejected_dir: Path,
          lang: str) -> tuple[FileOutcome, list[tuple[Path, Path]]]:
    """Import one ready file and file it away; a bug leaves it in the inbox and says so. Give what it did and the
    refused files it made good (their old and new places)."""
    rel = _rel(workspace, item.path)
    try:
        if not item.is_workbook:
            problem = Problem("consolidate.not_a_workbook", location=Location(file=item.path.name),
                              params={"name": item.path.name, "suffix": item.path.suffix or "(none)"})
            return _reject(workspace, FileOutcome(rel, "rejected", problems=[problem]), item.path, rejected_dir, lang), []
        try:
            imported = store_read(store, ahead.read_of(item.path))
        except Exception as exc:
            machine = None if connection_lost(exc) else environment_problem(exc, _store_file(workspace))
            if machine is None:
                raise
            raise _Halt(None, machine) from None
        outcome = FileOutcome(rel, imported.outcome.value, program=imported.program, unit=imported.unit,
                              period=imported.period,
                              problems=[*imported.problems, *(n for n in imported.notes
                                                              if n.code == "import.kept_from_earlier")],
                              submission_id=imported.submission_id or imported.same_as,
                              superseded_id=imported.superseded_id, values=imported.values)
        if imported.outcome is Outcome.REJECTED:
            return _reject(workspace, outcome, item.path, rejected_dir, lang), []
        # The transaction has committed: only now does the file leave the inbox.
        folder = done_dir / Period.parse(imported.period).file_label
        dest, already_there = None, False
        settled: list[tuple[Path, Path]] = []
        try:
            dest, already_there = destination(folder, item.path)
            place(item.path, dest, already_there)
            outcome.moved_to = _rel(workspace, dest)
            settled = settle_rejections(rejected_dir, (imported.program, imported.unit, imported.period),
                                        outcome.moved_to, now_text()[:10], outcome.submission_id)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT) and exc.filename and Path(exc.filename) == item.path:
                exc = OSError(exc.errno, exc.strerror, str(dest or folder))  # a copy's write, named by its source
            machine = environment_problem(exc)
            if machine is None:
                raise
            if outcome.moved_to is None:  # stored, not moved: only in the inbox, where the next run files it
                _undo_link(item.path, dest, already_there)
                outcome.reason = render("consolidate.not_moved", lang, reason=machine.message(lang))
            raise _Halt(outcome, machine) from None
        return outcome, settled
    except (HrplanError, _Halt):
        raise
    except Exception as exc:  # a bug must not stop the other files; the file stays for a fixed hrplan
        if connection_lost(exc):
            raise  # not a bug in hrplan, and not this file's: the run stops (`_stopped`)
        import traceback

        from hrplan.errorlog import write_error_log

        log = write_error_log(f"{rel}\n{traceback.format_exc()}", workspace.root)
        error = f"{type(exc).__name__}: {exc}"[:300] + f" ({log})"
        return FileOutcome(rel, "failed", reason=error,
                           problems=[Problem("consolidate.failed_file", location=Location(file=item.path.name),
                                             params={"error": error})]), []


def _reject(workspace: Workspace, outcome: FileOutcome, path: Path, rejected_dir: Path, lang: str) -> FileOutcome:
    reason_file = None
    try:
        dest, already_there = destination(rejected_dir, path)
        about = (outcome.program, outcome.unit, outcome.period)
        reason_file = write_reason(dest, outcome.problems, path.name, about)  # first the reason, then the file
        place(path, dest, already_there)
    except OSError as exc:  # nothing of it was stored: it stays in the inbox, without a reason beside no file
        machine = environment_problem(exc)
        if machine is None:
            raise
        if reason_file is not None and path.exists():
            _undo_link(path, dest, already_there)
            try:
                reason_file.unlink()
            except OSError:
                pass
        raise _Halt(None, machine) from None
    outcome.outcome = "rejected"
    outcome.moved_to, outcome.reason_file = _rel(workspace, dest), _rel(workspace, reason_file)
    errors = [p for p in outcome.problems if p.is_error] or outcome.problems
    if errors:
        where = errors[0].location.describe(lang)
        outcome.reason = (f"{where}: " if where else "") + errors[0].message(lang)
    return outcome


def _undo_link(source: Path, dest: Path | None, already_there: bool) -> None:
    """Remove the link `place` made at `dest` when it could not then remove `source` (a read-only inbox): the file
    is then in one place, the inbox, not in both."""
    if dest is None or already_there:
        return
    try:
        if source.exists() and os.path.lexists(dest) and os.path.samefile(source, dest):
            dest.unlink()
    except OSError:
        pass


def _check_late(workspace: Workspace, result: ConsolidateResult, log: RunLog, lang: str) -> list[dict[str, Any]]:
    """Check each period other than its program's current one that a file stored tonight belongs to (the reports
    are written for the current period only) and log, in the run's language, per program and period, the findings
    of the units that sent: a late quarter's typo (400 for a plan of 20) went through with nothing in the log."""
    current = {o.program: o.period for o in result.outputs}
    late: dict[tuple[str, str], dict[str, list[str]]] = {}
    for f in result.files:
        if f.outcome in ("imported", "updated") and f.program and f.period and f.period != current.get(f.program):
            late.setdefault((f.program, f.period), {}).setdefault(f.unit, []).append(f.moved_to or f.file)
    for program, period, unit, name in _stored_by_killed_run(workspace, result.interrupted):
        if period != current.get(program):  # the killed run never got to its late check: this run does it
            names = late.setdefault((program, period), {}).setdefault(unit, [])
            if name not in names:
                names.append(name)
    out = []
    for (program, period), sent in sorted(late.items()):
        from hrplan.checks import run_checks

        units = set(sent)
        try:
            findings = [x for x in run_checks(workspace, [program], period, lang) if x.unit in units]
        except HrplanError as exc:  # the period cannot be checked: name the files, their units and why
            log.line("late", render("consolidate.log.late_not_checked", lang, program=program, period=period,
                                    files=", ".join(f"{name} ({unit})" for unit, names in sorted(sent.items())
                                                    for name in names),
                                    reason="; ".join(p.message(lang) for p in exc.problems)))
            continue
        counts = {s: sum(x.severity.value == s for x in findings) for s in ("error", "warning", "info")}
        out.append({"program": program, "period": period, "units": sorted(units), "findings": counts})
        log.line("late", render("consolidate.log.late", lang, program=program, period=period,
                                units=", ".join(sorted(units)), errors=counts["error"], warnings=counts["warning"]))
    return out


def _stored_by_killed_run(workspace: Workspace, interrupted: dict[str, Any] | None) -> list[tuple[str, str, str, str]]:
    """Give the submissions stored since the killed run before this one started (program, period, unit, file name):
    its files, filed by it or found `unchanged` by this run, are tonight's for the late check."""
    if not interrupted:
        return []
    since = _utc(interrupted["started"])
    out = []
    with workspace.open_store() as store:
        for program in workspace.programs:
            for record in store.submissions(program):
                if record.superseded_by is None and _utc(record.imported_at) >= since:
                    out.append((record.program, record.period, record.unit, record.file_name))
    return out


def _utc(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def _file_line(f: FileOutcome, lang: str) -> str:
    stays = f.moved_to is None and f.outcome in ("imported", "updated", "unchanged")
    dest = render("consolidate.log.still_in_inbox", lang) if stays else (f.moved_to or "-")
    common = {"file": f.file, "dest": dest, "program": f.program, "unit": f.unit, "period": f.period}
    if f.outcome in ("imported", "updated", "unchanged"):
        line = render(f"consolidate.log.{f.outcome}", lang, values=f.values, id=f.submission_id,
                      old=f.superseded_id, same=f.submission_id, **common)
        if f.moved_to is None and f.reason:  # stored, not moved (a folder not writable): where it is, and why
            line += " " + f.reason
        said = [p.message(lang) for p in f.problems if p.code in ("import.older_than_current", "import.kept_from_earlier")
                or (p.code.startswith("submission.") and not p.is_error)]
        # An old copy arriving late, what the file says of its unit or period that was taken with a doubt (a unit
        # the program did not ask): said where the analyst reads the night, not only in `check`.
        return " ".join([line, *said])
    if f.outcome == "rejected":
        return render("consolidate.log.rejected", lang, reason=f.reason, **common)
    if f.outcome == "failed":
        return render("consolidate.log.failed", lang, error=f.reason, **common)
    return render("consolidate.log.stored", lang, outcome=f.outcome, **common)


def _read_context(workspace: Workspace) -> ReadContext:
    cfg = workspace.config
    return ReadContext(programs=workspace.programs, units=workspace.units, limits=cfg.read_limits,
                       read_hidden=cfg.read_hidden_sheets, filename_pattern=cfg.filename_pattern,
                       layouts=cfg.layouts)


def _rel(workspace: Workspace, path: Path) -> str:
    try:
        return str(path.relative_to(workspace.root))
    except ValueError:
        return str(path)


__all__ = ["ConsolidateResult", "FileOutcome", "consolidate", "REASON_SUFFIX"]
