"""The problems import stored with each submission, read back as findings under their own codes."""
from __future__ import annotations

from hrplan.checks.finding import Finding
from hrplan.checks.rule import CheckContext
from hrplan.definitions import Period
from hrplan.problems import Location, Severity


def stored_findings(ctx: CheckContext, codes: set[str] | None, exclude: set[str] = frozenset()):
    """Give the problems import stored for the period's current submissions, with `codes` (None: any other)."""
    for p in ctx.store.submission_problems(ctx.program.code):
        if (codes is not None and p["code"] not in codes) or p["code"] in exclude:
            continue
        if not ctx.period.contains(Period.parse(p["period"])):
            continue
        yield Finding(p["code"], Severity(p["severity"]), ctx.program.code, p["period"], p["unit"],
                      p["params"].get("indicator"), p["params"], Location(p["file_name"], p["sheet"], p["cell"]))


OWN_RULES = {"stated_ratio.differs", "table.total_mismatch"}  # codes with a rule module of their own
