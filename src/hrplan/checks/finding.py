"""A finding: one thing an analyst should look at, as data (code, severity, where, params)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hrplan.definitions import IndicatorKind, Period, UnitTree
from hrplan.figures import Figure
from hrplan.messages import render
from hrplan.values import format_number
from hrplan.problems import Location, Severity


@dataclass(slots=True)  # a national check makes 130,000 of them
class Finding:
    """One thing an analyst should look at."""

    code: str
    severity: Severity
    program: str
    period: str
    unit: str | None = None
    indicator: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    location: Location = field(default_factory=Location)
    wording: str | None = None  # the catalogue message when not the code's own (a ceiling's 'behind plan')

    def message(self, lang: str = "vi") -> str:
        return render(self.wording or self.code, lang, **self.params)

    @property
    def short_code(self) -> str:
        """Give the code without its 'check.' prefix, for narrow tables."""
        return self.code.removeprefix("check.")

    def figure(self, lang: str = "vi") -> str:
        """Give the one number the finding is about (the ratio, the value, the sum...), or '': in Vietnamese its
        '_vi' form when the finding keeps the number in both languages ('found_vi': '1.234', 'found': '1,234')."""
        params = self.params
        for key in _FIGURE_KEYS:
            if params.get(key) not in (None, ""):
                if lang != "en" and params.get(f"{key}_vi") not in (None, ""):
                    return str(params[f"{key}_vi"])
                return str(params[key])
        return ""

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity.value, "program": self.program, "period": self.period,
                "unit": self.unit, "indicator": self.indicator, "figure": self.figure(lang), "message": self.message(lang),
                "location": self.location.to_dict(), "params": {k: str(v) for k, v in self.params.items()}}


_FIGURE_KEYS = ("ratio", "share", "value", "actual", "parts_sum", "stated", "left", "arrived", "found", "count")


def first_cell(fig: Figure) -> Location:
    """Give where a unit figure's actual was read: its first cell, and how many more it adds up (a year of quarter
    files: 'HSD_2024-Q1.xlsx › Báo cáo › F17 và 2 ô khác'). A group's figure has no one place."""
    cell = None if fig.is_group else fig.first_actual_cell()
    if cell is None:
        return Location()
    return Location(*cell, more=fig.actual_count - 1 if fig.actual_count > 1 else None)



def left_out_words(fig: Figure, units: UnitTree, uom: str, lang: str) -> str:
    """Give what a figure's ratio leaves out, as the report's row says it (' Không tính vào tỷ lệ: Huyện ủy Lộc Bình
    ghi 10 người quy hoạch cho 0 vị trí.'), or '': a finding that states a ratio states the numbers it is taken over
    (`ratio_actual`/`ratio_plan`) and names who is not in them, so that its numbers divide to its ratio."""
    left = [lo for lo in fig.left_out if lo.reason != "ended"]  # an ended member is out of the sum, not the ratio
    if not left or fig.ratio is None:
        return ""
    items = []
    for lo in left:
        code = f"figure.left_out.{lo.reason}"
        if lo.reason == "zero_plan" and fig.indicator.kind is IndicatorKind.PLANNING_RATIO:
            code += ".seats"
        period = f" ({Period.parse(lo.period).in_sentence(lang)})" if lo.period else ""
        items.append(render(code, lang, unit=units.get(lo.unit).name if lo.unit in units else lo.unit, period=period,
                            plan=format_number(lo.plan, lang=lang), actual=format_number(lo.actual, lang=lang),
                            uom=uom))
    return " " + render("figure.left_out", lang, items="; ".join(items))
