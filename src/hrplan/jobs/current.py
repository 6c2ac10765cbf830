"""The period the nightly job works on for a program: light, so that `status` can ask without loading the
checks and report writers."""
from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.definitions import Period
from hrplan.workspace import Workspace

if TYPE_CHECKING:
    from hrplan.definitions import Program
    from hrplan.store import SqliteReader, Store


def current_period(workspace: Workspace, program: Program, store: Store | SqliteReader) -> str | None:
    """Give the program's current period: the setting, else the latest period its current submissions cover."""
    settings = workspace.config.consolidate
    chosen = next((v for k, v in settings.periods.items() if workspace.program(k).code == program.code), None) \
        or settings.period
    if chosen:
        return str(Period.parse(chosen))
    # A submission dated outside the program (a mistyped 2031) is stored, warned of, and never the current period.
    periods = {r.period for r in store.submissions(program.code) if program.overlaps(Period.parse(r.period))}
    if not periods:
        return None
    # Latest end first; at the same end the longest span (a cumulative report covers its parts).
    parsed = sorted((Period.parse(p) for p in periods), key=lambda p: (p.end, -p.start.toordinal(), p.label))
    return str(parsed[-1])
