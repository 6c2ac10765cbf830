"""check.planning_people_per_title: more people planned for one title than the program's limit."""
from __future__ import annotations

from itertools import chain

from hrplan.checks.rule import Rule
from hrplan.checks.rules.planning_limits import CROWDED, crowded_seat_findings, maximum_findings
from hrplan.problems import Severity

RULE = Rule("check.planning_people_per_title", Severity.WARNING, "planning",
            "The most people planned for one title (`planning: {role: people_per_title}`), or a unit's planning ratio (people per seat), is over `planning_limits.people_per_title_max` (3 in Quy định 377-QĐ/TW).",
            lambda ctx: chain(maximum_findings(ctx, RULE, "people_per_title", "people_per_title_max"),
                              crowded_seat_findings(ctx, RULE)),
            messages=("check.planning_people_per_title", CROWDED))
