"""table.total_mismatch: a total row of the workbook that is not the sum of the rows above it."""
from __future__ import annotations

from hrplan.checks.rule import Rule
from hrplan.checks.rules.import_findings import stored_findings
from hrplan.problems import Severity

RULE = Rule("table.total_mismatch", Severity.WARNING, "consistency",
            "A 'Tổng cộng' row of a workbook differs from the sum of the rows above it (found at import).",
            lambda ctx: stored_findings(ctx, {"table.total_mismatch"}), own_rows=True)
