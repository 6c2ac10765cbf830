"""The morning digest for `hrplan status`: the nightly job's last run, what it took, a run that did not finish
(still running, or killed: what it took, from its log lines), and who is still missing."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hrplan.jobs.current import current_period
from hrplan.jobs.runlog import lines_of_run, read_last_run
from hrplan.store import open_reader
from hrplan.workspace import Workspace


def consolidation_digest(workspace: Workspace) -> dict[str, Any]:
    """Give the last run, the last run that took files, and per program its current period's missing units."""
    record = read_last_run(workspace.root / "logs") or {}
    current = []
    with open_reader(workspace.store_url) as store:
        for program in workspace.programs.values():
            period = current_period(workspace, program, store)
            expected = program.expected_reporters()
            if period is None:
                sent: set[str] = set()
                missing = expected
            else:
                sent = {r.unit for r in store.submissions(program.code, period=period)}
                by_unit: dict[str, set[str]] = {}
                for r in store.submissions(program.code):
                    by_unit.setdefault(r.unit, set()).add(r.period)
                # Here, not at the top: `hrplan status` in a workspace without programs never loads them (start-up).
                from hrplan.definitions import Period, missing_reporters

                missing = missing_reporters(program, Period.parse(period), by_unit, workspace.units)  # at each unit's frequency
            current.append({"program": program.code, "period": period, "submitted": sorted(sent & set(expected)),
                            "missing": missing})
    return {"last": record.get("last"), "last_with_files": record.get("last_with_files"),
            "running": _running(workspace, record.get("running")), "current": current}


def _running(workspace: Workspace, running: Any) -> dict[str, Any] | None:
    """Give the run whose 'running' mark is left (started taking files, no summary yet): its start, process id,
    the files its log lines say it took, and whether it still runs (it holds the workspace lock) or was killed."""
    if not isinstance(running, dict) or "pid" not in running or "started" not in running:
        return None
    from hrplan.store import lock_path  # here: only then is the lock library loaded (`status` starts fast)

    files = lines_of_run(workspace.root / "logs", running["pid"], running["started"])
    alive = _holds_lock(lock_path(workspace.root), running["pid"])
    return {**running, "files": files, "state": "running" if alive else "killed"}


def _holds_lock(lock_file: Path, pid: int) -> bool:
    """Tell whether process `pid` holds the lock on `lock_file`, without taking it (a `status` must never make the
    nightly run find the workspace locked): from /proc/locks where the system has it, else whether `pid` lives."""
    try:
        inode = lock_file.stat().st_ino
    except OSError:
        return False
    try:
        table = Path("/proc/locks").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
            return True
        except PermissionError:
            return True
        except OSError:
            return False
    for line in table.splitlines():
        fields = line.split()  # '1: FLOCK  ADVISORY  WRITE 4123 fd:01:1234567 0 EOF'
        if len(fields) >= 6 and fields[4] == str(pid) and fields[5].rsplit(":", 1)[-1] == str(inode):
            return True
    return False
