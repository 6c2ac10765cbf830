"""check.late_submission: a unit's report for the period arrived after the workspace's deadline (Decree 09)."""
from __future__ import annotations

from datetime import datetime

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Period
from hrplan.problems import Location, Severity


def arrival_status(deadline, period: Period, arrived: str | None) -> tuple[str, str | None]:
    """Give ('on_time' | 'late' | 'unknown', due date as dd/mm/yyyy) for a submission saved at `arrived` (ISO)."""
    if deadline is None:
        return "unknown", None
    due = deadline.due(period.end)
    if not arrived:
        return "unknown", due.strftime("%d/%m/%Y")
    day = datetime.fromisoformat(arrived).date()
    return ("late" if day > due else "on_time"), due.strftime("%d/%m/%Y")


def _run(ctx: CheckContext):
    deadline = ctx.settings.get("deadline")
    if deadline is None:
        return
    for sub in ctx.store.submissions(ctx.program.code):
        period = Period.parse(sub.period)
        if not ctx.period.contains(period):
            continue
        status, due = arrival_status(deadline, period, sub.file_mtime)
        if status == "late":
            arrived = datetime.fromisoformat(sub.file_mtime).strftime("%d/%m/%Y")
            yield RULE.finding(ctx, sub.unit, None, {"unit": sub.unit, "period": sub.period, "due": due,
                                                     "arrived": arrived}, Location(sub.file_name))


RULE = Rule("check.late_submission", Severity.WARNING, "completeness",
            "A unit's report arrived (its file was saved) after the workspace's `deadline` for its period, e.g. the "
            "15th of the month after (Decree 09/2019/NĐ-CP).", _run)
