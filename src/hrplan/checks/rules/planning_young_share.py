"""check.planning_young_share: the share of young cadres among those planned is under the program's floor."""
from __future__ import annotations

from hrplan.checks.rule import Rule
from hrplan.checks.rules.planning_limits import share_findings
from hrplan.problems import Severity

RULE = Rule("check.planning_young_share", Severity.WARNING, "planning",
            "Among those planned, the share of young cadres (`planning: {role: young, of: ...}`) is under `planning_limits.young_min_share` (15% in Quy định 377-QĐ/TW).",
            lambda ctx: share_findings(ctx, RULE, "young", "young_min_share"))
