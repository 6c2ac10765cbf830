"""check.planning_people_per_title: more people planned for one title than the program's limit."""
from __future__ import annotations

from hrplan.checks.rule import Rule
from hrplan.checks.rules.planning_limits import maximum_findings
from hrplan.problems import Severity

RULE = Rule("check.planning_people_per_title", Severity.WARNING, "planning",
            "The most people planned for one title (`planning: {role: people_per_title}`) is over `planning_limits.people_per_title_max` (3 in Quy định 377-QĐ/TW).",
            lambda ctx: maximum_findings(ctx, RULE, "people_per_title", "people_per_title_max"))
