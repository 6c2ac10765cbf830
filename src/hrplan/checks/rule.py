"""A rule of the catalogue (quy tắc kiểm tra): its stable code, default severity, one line of docs, and what it looks at."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from hrplan.checks.finding import Finding
from hrplan.definitions import Period, Program, UnitTree
from hrplan.figures import FigureSet
from hrplan.problems import Location, Severity
from hrplan.store import Store


@dataclass
class CheckContext:
    """What a rule may look at: the program, the period, its figures, the store and the unit tree."""

    program: Program
    period: Period
    figures: FigureSet
    store: Store
    units: UnitTree
    lang: str = "vi"
    settings: dict[str, Any] = field(default_factory=dict)  # workspace settings a rule may read (deadlines)
    cache: dict[str, Any] = field(default_factory=dict)  # tables computed once per run and shared by rules

    def param(self, rule: Rule, name: str, indicator: str | None = None) -> Any:
        """Give a rule parameter: the program's setting for the indicator, else for the rule, else the default."""
        return rule_setting(self.program, rule.code, name, indicator, rule.params.get(name))

    def uom(self, name: str) -> str:
        """Give a unit of measure as the findings' language writes it ('lượt người', or 'person-times' in English),
        from the program's measure book, as the reports do."""
        book = self.cache.get("measures")
        if book is None:
            book = self.cache["measures"] = self.program.measure_book()
        return book.label(name, self.lang)


@dataclass(frozen=True)
class Rule:
    """One rule: `run(ctx)` gives its findings, with the rule's code and default severity."""

    code: str  # stable: scripts, program files and docs/checks.md name the rule by it
    severity: Severity
    family: str  # completeness | achievement | consistency | planning | history | custom | import
    doc: str  # one line for docs/checks.md
    run: Callable[[CheckContext], Iterable[Finding]]
    params: dict[str, Any] = field(default_factory=dict)  # parameters a program may change, with defaults
    messages: tuple[str, ...] = ()  # catalogue codes of the messages it writes (default: its own code)
    # It judges the figures a unit wrote in its own file (a stated percentage, its running total against its own
    # previous one), not the figure of the group under the unit: its findings never carry the group's marks
    # ('chưa gồm 1/3 đơn vị chưa gửi'), which are about the members' figures, not the district's own row.
    own_rows: bool = False

    def message_codes(self) -> tuple[str, ...]:
        return self.messages or (self.code,)

    def finding(self, ctx: CheckContext, unit: str | None, indicator: str | None, params: dict[str, Any],
                location=None, code: str | None = None, wording: str | None = None) -> Finding:
        """Give a finding of this rule for the program and period being checked (`wording`: another of the rule's
        `messages` than its code's own)."""
        return Finding(code or self.code, self.severity, ctx.program.code, ctx.period.label, unit, indicator, params,
                       location or Location(), wording)


def rule_setting(program: Program, code: str, name: str, indicator: str | None, default: Any) -> Any:
    """Give the program's setting `name` of rule `code` (per indicator first), or `default`."""
    settings = getattr(program, "checks", None)
    if settings is None:
        return default
    rule = settings.rules.get(code)
    if rule is None:
        return default
    if indicator is not None and indicator in rule.indicators:
        per = rule.indicators[indicator]
        value = getattr(per, name, None) if name in ("enabled", "severity") else per.params.get(name)
        if value is not None:
            return value
    value = getattr(rule, name, None) if name in ("enabled", "severity") else rule.params.get(name)
    return default if value is None else value
