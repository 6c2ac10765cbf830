"""The morning digest for `hrplan status`: the nightly job's last run, what it took, and who is still missing."""
from __future__ import annotations

from typing import Any

from hrplan.jobs.current import current_period
from hrplan.jobs.runlog import read_last_run
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
    return {"last": record.get("last"), "last_with_files": record.get("last_with_files"), "current": current}
