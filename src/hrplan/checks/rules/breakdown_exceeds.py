"""check.breakdown_exceeds: the 'of which' lines of a breakdown add up to more than its total."""
from __future__ import annotations

from hrplan.checks.rule import Rule
from hrplan.checks.rules.breakdown_mismatch import breakdown_findings
from hrplan.problems import Severity

RULE = Rule("check.breakdown_exceeds", Severity.ERROR, "consistency",
            "The 'of which' lines of a breakdown declared `complete: false` add up to more than its total.",
            lambda ctx: breakdown_findings(ctx, RULE, complete=False))
