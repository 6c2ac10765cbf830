"""stated_ratio.differs: a percentage the unit wrote that differs from actual / plan recomputed from its row."""
from __future__ import annotations

from hrplan.checks.rule import Rule
from hrplan.checks.rules.import_findings import stored_findings
from hrplan.problems import Severity

RULE = Rule("stated_ratio.differs", Severity.WARNING, "consistency",
            "The percentage a unit wrote differs from actual / plan recomputed from its own row (found at import).",
            lambda ctx: stored_findings(ctx, {"stated_ratio.differs"}))
