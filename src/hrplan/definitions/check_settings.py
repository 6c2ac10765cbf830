"""How a program shapes the rule catalogue (`checks:` in a program file): rules off, severities, parameters, custom rules.

    checks:
      rules:
        check.over_plan: {enabled: false}
        check.outlier: {params: {threshold: 3.0, min_periods: 6}}
        check.behind_plan: {severity: error, indicators: {LC-TRE: {enabled: false}}}
      custom:
        - {code: DT-THS-PARTS, left: DT-THS, operator: ">=", right: DT-GD + DT-YT, severity: error}

Rule codes and parameter names are checked against the catalogue when `check` runs (the
catalogue lives in a wing above this one); everything else is checked here.
"""
from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SeverityName = Literal["error", "warning", "info"]


class RuleOverride(BaseModel):
    """One rule's settings for a program, or for one indicator of it."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool | None = None
    severity: SeverityName | None = None
    params: dict[str, float | int | str] = {}


class RuleSettings(RuleOverride):
    indicators: dict[str, RuleOverride] = {}


class MissingValues(str, Enum):
    """When a custom rule is judged with values missing (DHIS2's missing value strategy)."""

    SKIP_IF_ANY = "skip_if_any_missing"
    SKIP_IF_ALL = "skip_if_all_missing"
    NEVER_SKIP = "never_skip"


class CustomRule(BaseModel):
    """A validation rule in DHIS2's shape: left side, operator, right side, each an expression over indicator codes."""

    model_config = ConfigDict(extra="forbid")

    code: str
    name: str | None = None  # what the rule says, in the analyst's words (shown in the finding)
    name_en: str | None = None  # the same in English, for --lang en
    left: str
    operator: Literal["=", "==", "!=", "≠", "<", "<=", "≤", ">", ">=", "≥", "compulsory_pair"]
    right: str
    missing: MissingValues = MissingValues.SKIP_IF_ANY
    severity: SeverityName = "warning"
    measure: Literal["actual", "plan"] = "actual"  # which figure of each indicator the expressions read

    def name_in(self, lang: str) -> str | None:
        """Give the rule's name in `lang`: the English one when asked for and given, else the Vietnamese (or None)."""
        return self.name_en if lang == "en" and self.name_en else self.name


class CheckSettings(BaseModel):
    """The `checks:` block of a program file."""

    model_config = ConfigDict(extra="forbid")

    rules: dict[str, RuleSettings] = {}
    custom: list[CustomRule] = Field(default_factory=list)


class PlanningLimits(BaseModel):
    """Limits of the planning regulation in force (Quy định 377-QĐ/TW of 8 October 2025 today): settings, not code.

    Like a band, they may be given as a list, one per regulation with the days it was in force (`from:`, `until:`):
    a period is judged by the limits in force on its last day (`Program.limits_at`)."""

    model_config = ConfigDict(extra="forbid")

    people_per_title_max: int | None = None  # at most this many people planned for one title
    titles_per_person_max: int | None = None  # at most this many titles planned for one person
    women_min_share: float | None = None  # at least this share of women among those planned (0.25)
    young_min_share: float | None = None  # at least this share of young cadres among those planned (0.15)
    source: str | None = None  # the regulation, e.g. "Quy định 377-QĐ/TW"
    began: date | None = Field(None, alias="from")  # its first day in force; None: from the program's start
    until: date | None = None  # its last day in force; None: still in force

    def in_force(self, day: date) -> bool:
        """Tell whether the limits were in force on `day`."""
        return (self.began is None or self.began <= day) and (self.until is None or day <= self.until)


class PlanningRole(BaseModel):
    """What a planning indicator counts, for the limits of the planning regulation.

    `women` and `young`: how many of those planned (for the planning-ratio indicator `of`) are women
    or young cadres; `people_per_title`: the most people planned for one title; `titles_per_person`:
    the most titles planned for one person.
    """

    model_config = ConfigDict(extra="forbid")

    role: Literal["women", "young", "people_per_title", "titles_per_person"]
    of: str | None = None  # the planning_ratio indicator whose candidates a share is taken of

    @property
    def is_maximum(self) -> bool:
        """Tell whether the indicator is a maximum (the most people per title, titles per person): a group's
        figure is its members' largest, never their sum (2, 4 and 3 titles per person make 4, not 9)."""
        return self.role in ("people_per_title", "titles_per_person")


class DeadlineRule(BaseModel):
    """When a period's report is due (hạn gửi báo cáo): `day` of the month `months_after` the period's end.

    Decree 09/2019/NĐ-CP: the 15th of the month after (`{day: 15, months_after: 1}`), the workspace's
    `deadline:` setting. A submission arrives when its file was last saved (the file's modification time).
    """

    model_config = ConfigDict(extra="forbid")

    day: int = Field(15, ge=1, le=28)
    months_after: int = Field(1, ge=0, le=12)
    source: str | None = None

    def due(self, period_end: date) -> date:
        """Give the last day a report for a period ending `period_end` is on time."""
        month = period_end.month - 1 + self.months_after
        return date(period_end.year + month // 12, month % 12 + 1, self.day)
