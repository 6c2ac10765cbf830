"""check.planning_titles_per_person: more titles planned for one person than the program's limit."""
from __future__ import annotations

from hrplan.checks.rule import Rule
from hrplan.checks.rules.planning_limits import maximum_findings
from hrplan.problems import Severity

RULE = Rule("check.planning_titles_per_person", Severity.WARNING, "planning",
            "The most titles planned for one person (`planning: {role: titles_per_person}`) is over `planning_limits.titles_per_person_max` (3 in Quy định 377-QĐ/TW).",
            lambda ctx: maximum_findings(ctx, RULE, "titles_per_person", "titles_per_person_max"))
