"""A finding: one thing an analyst should look at, as data (code, severity, where, params)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hrplan.definitions import IndicatorKind, Period, UnitTree
from hrplan.figures import Figure
from hrplan.messages import MESSAGES, render
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
    # What the figure the finding is about lacks, as the report's sentence says it (`figure_lacks`): the units
    # that sent nothing, the members missing of a unit only partly in, the parts missing, the actuals left empty.
    lacks: Lacks | None = None

    def message(self, lang: str = "vi") -> str:
        text = render(self.wording or self.code, lang, **self.params)
        if self.lacks is None:
            return text
        return (text[:-1] + self.lacks.mark + ".") if text.endswith(".") else text + self.lacks.mark

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
                "location": self.location.to_dict(), "params": {k: str(v) for k, v in self.params.items()},
                **({"lacks": self.lacks.to_dict()} if self.lacks is not None else {})}


@dataclass(frozen=True, slots=True)
class Lacks:
    """What a figure lacks, said beside a finding on it: `mark` as the report's sentence says it, `short` for the
    cell column of an 80-column table ('thiếu 2'), and the units by code."""

    mark: str
    short: str
    absent: tuple[str, ...] = ()  # due reporters that sent nothing
    members_missing: tuple[tuple[str, str], ...] = ()  # (member, the reporter only partly in above it)
    incomplete: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (unit, its parts missing)
    blanks: tuple[str, ...] = ()  # units that left the actual empty
    due: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.mark.strip(), "absent": list(self.absent), "due": self.due,
                "members_missing": [{"unit": m, "group": g} for m, g in self.members_missing],
                "incomplete": [{"unit": u, "missing": list(p)} for u, p in self.incomplete],
                "blanks": list(self.blanks)}


_MOST_NAMED = 12  # as the report: past that, units are counted


def figure_lacks(fig: Figure, units: UnitTree, lang: str, told: frozenset[str] = frozenset()) -> Lacks | None:
    """Give what a figure lacks, in the report's words (' (số liệu chưa đủ: Huyện Yên Sơn 3/4 quý) (chưa gồm 1/7 đơn
    vị chưa gửi: Sở Lao động…) (chưa gồm Xã Thái Hòa (Huyện Hàm Yên) chưa gửi)'), or None when it lacks nothing.
    The units in `told` left their actual empty and the finding's own words already say so ('Không tính vào tỷ lệ:
    Sở Y tế … có KH 200 nhưng chưa có số thực hiện'): the mark does not say it again."""
    blanks = tuple(dict.fromkeys(u for u, _ in fig.blanks)) if fig.is_group else ()
    incomplete = [c for c in fig.incomplete if not c.complete]
    if not (fig.absent or fig.members_missing or incomplete or blanks):
        return None

    def name(code: str) -> str:
        return units.get(code).name if code in units else code

    def names(codes) -> str:
        codes = list(codes)
        return render("figure.units_counted", lang, n=len(codes)) if len(codes) > _MOST_NAMED else ", ".join(codes)

    mark = ""
    if incomplete:
        kinds = {c.frequency for c in incomplete}
        parts = names(f"{name(c.unit)} " + render("figure.parts", lang, present=c.present, expected=len(c.expected),
                                                  kind=render(f"figure.kind.{c.frequency}", "en"),
                                                  kind_vi=render(f"figure.kind.{c.frequency}", "vi"))
                      for c in incomplete) if kinds else ""
        mark += render("figure.sentence.incomplete", lang, parts=parts)
    if fig.absent:
        n = len(fig.absent)
        mark += (render("figure.sentence.absent.counted", lang, n=n, due=fig.due) if n > _MOST_NAMED else
                 render("figure.sentence.absent", lang, n=n, due=fig.due, units=", ".join(map(name, fig.absent))))
    if fig.members_missing:
        mark += render("figure.sentence.members_missing", lang, units=names(
            render("figure.member_of", lang, member=name(m), group=name(g)) for m, g in fig.members_missing))
    unsaid = [u for u in blanks if u not in told]
    if unsaid:
        mark += render("figure.sentence.blank", lang, units=names(map(name, unsaid)))
    return Lacks(mark, _lacks_short(fig, incomplete, blanks, lang), tuple(fig.absent), tuple(fig.members_missing),
                 tuple((c.unit, tuple(c.missing)) for c in incomplete), blanks, fig.due)


def _lacks_short(fig: Figure, incomplete, blanks: tuple[str, ...], lang: str) -> str:
    """Give what a figure lacks, counted for the cell column of an 80-column table: 'thiếu 2 đơn vị', 'thiếu 1 quý'
    (one unit's parts; '3 đơn vị thiếu quý' for several units'), '1 ô TH trống' (joined by '; ')."""
    said = []
    units = len(fig.absent) + len(fig.members_missing)
    if units:
        said.append(render("check.lacks_short.units", lang, n=units))
    parts = sum(len(c.missing) for c in incomplete)
    kinds = {c.frequency for c in incomplete}
    kind = kinds.pop() if len(kinds) == 1 else "parts"
    if len(incomplete) > 1:
        known = f"figure.kind.{kind}" in MESSAGES
        said.append(render("check.lacks_short.units_parts", lang, n=len(incomplete),
                           kind=render(f"figure.kind.{kind}", "en") if known else "periods",
                           kind_vi=render(f"figure.kind.{kind}", "vi") if known else "kỳ"))
    elif parts:
        said.append(render(f"check.lacks_short.{kind}" if f"check.lacks_short.{kind}" in MESSAGES
                           else "check.lacks_short.parts", lang, n=parts))
    if blanks:
        said.append(render("check.lacks_short.blanks", lang, n=len(blanks)))
    return "; ".join(said)


_FIGURE_KEYS = ("ratio", "share", "value", "actual", "parts_sum", "stated", "left", "arrived", "found", "count")


def first_cell(fig: Figure) -> Location:
    """Give where a unit figure's actual was read: its first cell, and how many more it adds up (a year of quarter
    files: 'HSD_2024-Q1.xlsx › Báo cáo › F17 và 2 ô khác'). A group's figure has no one place."""
    cell = None if fig.is_group else fig.first_actual_cell()
    if cell is None:
        return Location()
    return Location(*cell, more=fig.actual_count - 1 if fig.actual_count > 1 else None)



def left_out_param(fig: Figure, units: UnitTree, uom: str, lang: str) -> dict[str, str]:
    """Give the finding parameter `opt_left_out` (`left_out_words`) when the ratio leaves someone out, else nothing:
    most of a national check's 120,000 findings leave no one out, and an empty parameter on each cost its time
    and its place in every report JSON."""
    words = left_out_words(fig, units, uom, lang)
    return {"opt_left_out": words} if words else {}


def left_out_words(fig: Figure, units: UnitTree, uom: str, lang: str) -> str:
    """Give what a figure's ratio leaves out, as the report's row says it (' Không tính vào tỷ lệ: Huyện ủy Lộc Bình
    ghi 10 người quy hoạch cho 0 vị trí.'), or '': a finding that states a ratio states the numbers it is taken over
    (`ratio_actual`/`ratio_plan`) and names who is not in them, so that its numbers divide to its ratio."""
    # An ended member is out of the sum, not the ratio; one that sent nothing is named by the finding's marks
    # (`figure_lacks`: '(chưa gồm 1/3 đơn vị chưa gửi: …)'), not twice.
    left = [lo for lo in fig.left_out if lo.reason not in ("ended", "no_submission")]
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
