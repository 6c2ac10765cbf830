"""check.import_notes: any other problem import stored with a submission, under its own code."""
from __future__ import annotations

from hrplan.checks.rule import Rule
from hrplan.checks.rules.import_findings import OWN_RULES, stored_findings
from hrplan.problems import Severity

RULE = Rule("check.import_notes", Severity.INFO, "import",
            "Any other problem import stored with a submission, shown under its own code and cell.",
            lambda ctx: stored_findings(ctx, None, exclude=OWN_RULES), messages=("(the import code)",), own_rows=True)
