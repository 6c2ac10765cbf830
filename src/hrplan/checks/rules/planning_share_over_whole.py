"""check.planning_share_over_whole: more women (or young cadres) than people planned, at the unit that wrote them."""
from __future__ import annotations

from hrplan.checks.rule import Rule
from hrplan.checks.rules.planning_limits import over_whole_findings
from hrplan.problems import Severity

RULE = Rule("check.planning_share_over_whole", Severity.ERROR, "consistency",
            "A unit's women or young cadres among those planned (`planning: {role: women, of: ...}`) outnumber those "
            "planned: a part over its whole. The unit is left out of its groups' shares and named there.",
            lambda ctx: over_whole_findings(ctx, RULE))
