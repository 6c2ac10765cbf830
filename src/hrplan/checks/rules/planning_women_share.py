"""check.planning_women_share: the share of women among those planned is under the program's floor."""
from __future__ import annotations

from hrplan.checks.rule import Rule
from hrplan.checks.rules.planning_limits import share_findings
from hrplan.problems import Severity

RULE = Rule("check.planning_women_share", Severity.WARNING, "planning",
            "Among those planned for a planning indicator (`planning: {role: women, of: ...}`), the share of women is under `planning_limits.women_min_share` (25% in Quy định 377-QĐ/TW).",
            lambda ctx: share_findings(ctx, RULE, "women", "women_min_share"))
