"""Program definitions (chương trình / đề án / kế hoạch): indicators, breakdowns, targets, bands.

One human-edited YAML file per program in the workspace's `programs/` folder. A mistake is
reported with the file, the field path and the line. Per-unit targets can be a long table, so
a program may point at a CSV or a workbook (`targets_file`) beside it: columns indicator, unit,
period, value and optionally uom.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

from hrplan.collector import paused_gc
from hrplan.definitions.check_settings import CheckSettings, PlanningLimits, PlanningRole
from hrplan.definitions.layouts import DeclaredLayout
from hrplan.definitions.measures import PERCENT, Measure, MeasureBook
from hrplan.definitions.periods import Period, PeriodError
from hrplan.definitions.plans import Interim, PlanFor, plan_for
from hrplan.definitions.report_settings import ReportSettings
from hrplan.definitions.yaml_source import Explained
from hrplan.names import fold, strip_diacritics
from hrplan.problems import Problem


class IndicatorKind(str, Enum):
    """What an indicator's two figures mean and how they compare."""

    COUNT = "count"  # actual against a planned count or amount (thực hiện / kế hoạch)
    COVERAGE = "coverage"  # numerator out of denominator, e.g. stations with a doctor / all stations
    PLANNING_RATIO = "planning_ratio"  # candidates per seat (quy hoạch), judged against a norm band


class Direction(str, Enum):
    HIGHER = "higher"  # more is better (training, rotation)
    # Less is better: the actual is judged against a ceiling (staff on the budget payroll against
    # the quota), met while actual / plan <= 1. A reduction *target* ("480 fewer than 2021") is
    # entered as the reduction achieved, direction higher.
    LOWER = "lower"


class Accumulation(str, Enum):
    PER_PERIOD = "per_period"  # each period's figure is its own; periods add up
    CUMULATIVE = "cumulative"  # each figure is a running total (lũy kế); the latest one counts; it never falls
    # A level (số tại thời điểm): the stock at the period's end, such as the staff on the budget payroll; the latest
    # one counts, as for a running total, but it may fall or rise from one period to the next.
    LEVEL = "level"


class Band(BaseModel):
    """A norm band for a planning ratio, e.g. 1,0 to 1,5 times (set by the planning regulation).

    A band may say when it was in force (`from:`, `until:`, both days included): a program lists one band per
    regulation (Quy định 50-QĐ/TW until 07/10/2025, Quy định 377-QĐ/TW from 08/10/2025) and each period is judged by
    the band in force on its last day (`Indicator.band_at`)."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    min: float | None = None
    max: float | None = None
    source: str | None = None  # the regulation it comes from, e.g. "Quy định 377-QĐ/TW"
    began: date | None = Field(None, alias="from")  # its first day in force; None: from the program's start
    until: date | None = None  # its last day in force; None: still in force

    def describe(self, lang: str = "vi") -> str:
        """Give the band as office text in `lang`: '1,0–1,5 lần', or '1.0–1.5 times' in English; an open end as
        'từ 1,0 lần' / 'đến 1,5 lần' ('at least 1.0 times' / 'at most 1.5 times')."""
        from hrplan.messages import render

        lo, hi = _band_number(self.min, lang), _band_number(self.max, lang)
        if lo and hi:
            return render("band.between", lang, min=lo, max=hi)
        if lo or hi:
            return render("band.at_least" if lo else "band.at_most", lang, min=lo, max=hi)
        return "-"

    def in_force(self, day: date) -> bool:
        """Tell whether the band was in force on `day`."""
        return (self.began is None or self.began <= day) and (self.until is None or day <= self.until)


def _band_number(value: float | None, lang: str) -> str:
    """Give a band's limit with at least one decimal, as office text: 1 -> '1,0', 1.25 -> '1,25' ('1.0' in English)."""
    if value is None:
        return ""
    from hrplan.values import format_number

    number = format_number(Decimal(str(value)), 2, lang)
    point = "." if lang == "en" else ","
    if point in number:
        number = number.rstrip("0")
        number = number + "0" if number.endswith(point) else number
    else:
        number += point + "0"
    return number


def _one_or_many(value: object) -> str:
    return "~many" if isinstance(value, list) else "~one"


# A setting given once (`band: {min: 1.0, max: 1.5, source: ...}`) or as a list, one per regulation with its dates.
# The tags ('~one', '~many') are in a mistake's pydantic location only: program_files drops them from the field path.
Bands = Annotated[Union[Annotated[Band, Tag("~one")], Annotated[list[Band], Tag("~many")]], Discriminator(_one_or_many)]
Limits = Annotated[Union[Annotated[PlanningLimits, Tag("~one")], Annotated[list[PlanningLimits], Tag("~many")]],
                   Discriminator(_one_or_many)]


def dated_mistakes(settings: list, first: date, last: date) -> list[tuple[int, str, object, str, str]]:
    """Give (index, field, the value found, expected, its Vietnamese) for a list of dated settings (bands, limits) that
    overlap, leave a gap, end before they begin, or leave a day of the program (`first`..`last`) without one: each
    period must be judged by exactly one. A value found None is a date left out."""
    day = lambda d: d.strftime("%d/%m/%Y")  # noqa: E731
    out: list[tuple[int, str, object, str, str]] = [
        (i, "until", s.until, f"a day no earlier than from: ({day(s.began)})", f"một ngày không trước from: ({day(s.began)})")
        for i, s in enumerate(settings) if s.began is not None and s.until is not None and s.until < s.began]
    if out:
        return out
    order = sorted(range(len(settings)), key=lambda i: settings[i].began or date.min)
    for before, after in zip(order, order[1:]):
        a, b = settings[before], settings[after]
        if a.until is None or b.began is None or a.until >= b.began:
            # Both in force on some day: the earlier one needs an until: before the later one's from:.
            begins = f"from: {day(b.began)}" if b.began else "no from:, the program's first day"
            begins_vi = f"from: {day(b.began)}" if b.began else "không có from:, tức ngày đầu của chương trình"
            out.append((before, "until", a.until,
                        f"a last day before the first day of entry [{after}] ({begins}): one setting in force each day",
                        f"một ngày cuối trước ngày đầu của mục [{after}] ({begins_vi}): mỗi ngày chỉ một mức có hiệu "
                        "lực"))
        elif (b.began - a.until).days > 1:
            out.append((after, "from", b.began,
                        f"the day after entry [{before}]'s until: ({day(a.until + timedelta(days=1))}): no day may be "
                        "left without a setting",
                        f"ngày liền sau until: của mục [{before}] ({day(a.until + timedelta(days=1))}): không để ngày "
                        "nào không có mức"))
    if out:
        return out
    head, tail = settings[order[0]], settings[order[-1]]
    if head.began is not None and head.began > first:
        out.append((order[0], "from", head.began, f"no later than the program's first day ({day(first)}), or no from:",
                    f"không sau ngày đầu của chương trình ({day(first)}), hoặc bỏ from:"))
    if tail.until is not None and tail.until < last:
        out.append((order[-1], "until", tail.until,
                    f"no earlier than the program's last day ({day(last)}), or no until: (still in force)",
                    f"không trước ngày cuối của chương trình ({day(last)}), hoặc bỏ until: (còn hiệu lực)"))
    return out


def in_force(settings: object, day: date):
    """Give the setting (a band, planning limits) of a single or dated list in force on `day`, or None."""
    if settings is None:
        return None
    if not isinstance(settings, list):
        return settings if settings.in_force(day) else None
    return next((s for s in settings if s.in_force(day)), None)


class StatusBands(BaseModel):
    """Where achievement turns into a status word: vượt / đạt / gần đạt / chưa đạt."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    met: float = 1.0  # at or above this ratio: met (đạt)
    over: float = 1.0  # above this ratio: over (vượt)
    nearly: float = 0.9  # at or above this (and below met): nearly met (gần đạt)


class Indicator(BaseModel):
    """One measured line of a program (chỉ tiêu) with its unit of measure (đơn vị tính)."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    code: str
    name: str
    name_en: str | None = None
    aliases: list[str] = []
    uom: str = Field("người", description="unit of measure, e.g. người, lượt người, lớp, tỷ đồng")
    kind: IndicatorKind = IndicatorKind.COUNT
    direction: Direction = Direction.HIGHER
    accumulation: Accumulation = Accumulation.CUMULATIVE
    band: Bands | None = None  # one band, or a list of bands each with its regulation's dates (`band_at`)
    interim: Interim | None = None  # how a shorter period is judged against a longer target; None: the program's
    section: str | None = None  # heading the indicator sits under in templates and reports
    planning: PlanningRole | None = None  # what it counts for the planning limits (women, young, per title...)

    @property
    def takes_latest(self) -> bool:
        """Tell whether a longer period's figure is the latest part's (a running total or a level), not the sum."""
        return self.accumulation is not Accumulation.PER_PERIOD

    @property
    def is_maximum(self) -> bool:
        """Tell whether figures combine by taking the largest, not the sum (`PlanningRole.is_maximum`)."""
        return self.planning is not None and self.planning.is_maximum

    def name_in(self, lang: str) -> str:
        """Give the indicator's name in `lang`: the English one when asked for and given, else the Vietnamese."""
        return self.name_en if lang == "en" and self.name_en else self.name

    def band_at(self, day: date) -> Band | None:
        """Give the band in force on `day` (a period is judged by the band in force on its last day), or None."""
        return in_force(self.band, day)

    # A field validator (not a model one) so that the mistake is located at 'band' and its line.
    @field_validator("band")
    @classmethod
    def _band_only_for_planning(cls, band: Band | list[Band] | None, info: ValidationInfo) -> Band | list[Band] | None:
        kind = info.data.get("kind")
        if band is not None and kind is not None and kind is not IndicatorKind.PLANNING_RATIO:
            raise Explained("khung định mức ('band') chỉ dùng cho kind: planning_ratio",
                            "a norm band ('band') is only for kind: planning_ratio")
        return band


class Section(BaseModel):
    """A heading of the program's indicators (mục: 'Đào tạo sau đại học') and its English name for `--lang en`."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    name: str  # as the indicators' `section:` spells it
    name_en: str | None = None


class Breakdown(BaseModel):
    """Parts that must add up to a total (210 = 45 + 12 + 9 + 42 + 102)."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    total: str
    parts: list[str]
    complete: bool = True  # False: the parts are 'of which' lines and may sum to less than the total


def _year_as_text(value: object) -> object:
    """Give an unquoted year (YAML reads `period: 2022` as a number) as the text '2022'."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Target(BaseModel):
    """An assigned target (chỉ tiêu giao): for the whole program or a year, for all units or one."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    indicator: str
    value: Decimal
    unit: str | None = None  # None: the program's whole scope
    period: str | None = None  # None: the whole program period
    uom: str | None = None
    source: str | None = None  # where the target was read (file and line), for tracing

    @classmethod
    def checked(cls, indicator: str, value: Decimal, unit: str | None, period: str | None, uom: str | None,
                source: str) -> Target:
        """Give a target of values its caller has checked as validation would (texts, a finite Decimal, a
        period that parses), made without validating them again: a targets table has 132,000 rows."""
        target = _new_object(cls)
        _set(target, "__dict__", {"indicator": indicator, "value": value, "unit": unit, "period": period,
                                  "uom": uom, "source": source})
        _set(target, "__pydantic_fields_set__", _ALL_FIELDS_SET)  # one set for all: 62 MB less for 132,000 targets
        _set(target, "__pydantic_extra__", None)
        _set(target, "__pydantic_private__", None)
        return target

    @field_validator("period", mode="before")
    @classmethod
    def _period_parses(cls, v: object) -> str | None:
        v = _year_as_text(v)
        if v is not None:
            try:
                Period.parse(str(v))
            except PeriodError:
                raise Explained(f"'{v}' không phải một kỳ (2023, 2023-Q2, 2021..2023-Q2)",
                                f"'{v}' is not a period (2023, 2023-Q2, 2021..2023-Q2)") from None
            return str(v)
        return v


_new_object, _set = object.__new__, object.__setattr__
_TARGET_FIELDS = frozenset(Target.model_fields)
# Every field of a checked target is set, so pydantic never adds to this set (it adds a field's name on assignment).
_ALL_FIELDS_SET = set(_TARGET_FIELDS)
_NO_SPANS: list = []  # most units of a national tree have no target of their own (never changed)


class Program(BaseModel):
    """A program definition as written in its YAML file."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    code: str
    title: str
    title_en: str | None = None
    issuer: str | None = None
    issued: date | None = None
    period: str
    scope: str | None = None  # code of the unit whose subtree reports on this program
    reporting: Literal["month", "quarter", "half", "year"] | None = None  # how often units report; None: as they send
    unit_reporting: dict[str, Literal["month", "quarter", "half", "year"]] = {}  # a unit reporting at another frequency
    interim: Interim = Interim.NONE  # how a quarter is judged against a year's target (see definitions/plans.py)
    reporters: list[str] | None = None  # units expected to report; default: those given per-unit targets
    status_bands: StatusBands = StatusBands()
    measures: list[Measure] = []
    sections: list[Section] = []  # the English names of the indicators' sections (--lang en)
    indicators: list[Indicator]
    breakdowns: list[Breakdown] = []
    targets: list[Target] = []
    targets_file: str | None = None
    layouts: list[DeclaredLayout] = []  # how this program's workbooks lay out their tables, when detection cannot tell
    checks: CheckSettings = CheckSettings()  # rules off, severities, parameters, custom rules
    # The limits of the planning regulation, for the planning rules: once, or a list with each regulation's dates
    planning_limits: Limits | None = None
    report: ReportSettings | None = None  # this program's report heading and signer, over the workspace's
    source_file: str | None = None
    # (indicator, unit) -> targets and their periods, built on first look-up (a national program has 132,000
    # per-unit targets; a scan per look-up made figures quadratic). Rebuilt if targets were added since.
    _target_index: tuple | None = PrivateAttr(default=None)
    _indicator_index: tuple | None = PrivateAttr(default=None)  # (the list, its length, code -> indicator)
    # unit -> the registry's Unit, for the units with a first or last day (units.yaml `from:`, `until:`): set by the
    # workspace when it checks the program against the registry (`with_unit_lives`)
    _unit_lives: dict | None = PrivateAttr(default=None)

    @field_validator("period", mode="before")
    @classmethod
    def _program_period(cls, v: object) -> str:
        v = _year_as_text(v)
        try:
            Period.parse(str(v))
        except PeriodError:
            raise Explained(f"'{v}' không phải một kỳ; hãy viết như 2021-2025",
                            f"'{v}' is not a period; write it like 2021-2025") from None
        return str(v)

    @model_validator(mode="after")
    def _references_exist(self, info: ValidationInfo) -> Program:
        # load_program asks to check later, so that each mistake gets its own field path and line.
        if not (info.context or {}).get("locate_references"):
            mistakes = self.reference_mistakes()
            if mistakes:
                raise ValueError("; ".join(message for _, _, message, _ in mistakes))
        return self

    def reference_mistakes(self) -> list[tuple[tuple, str, str, str]]:
        """Give (field location, code found, message, its Vietnamese) for each indicator code used twice or unknown."""
        mistakes: list[tuple[tuple, str, str, str]] = []
        seen: set[str] = set()
        for i, ind in enumerate(self.indicators):
            if ind.code in seen:
                mistakes.append((("indicators", i, "code"), ind.code, f"indicator code '{ind.code}' used twice",
                                 f"mã chỉ tiêu '{ind.code}' không dùng hai lần"))
            seen.add(ind.code)
        book = self.measure_book()
        for i, ind in enumerate(self.indicators):
            measure = book.find(ind.uom)
            if measure is None:
                known = ", ".join(n for n in book.names() if book.find(n).dimension != PERCENT)
                mistakes.append((("indicators", i, "uom"), ind.uom,
                                 f"a known unit of measure ({known}), or one declared under"
                                 " 'measures:' with its dimension and factor",
                                 f"một đơn vị tính đã biết ({known}), hoặc một đơn vị khai trong"
                                 " 'measures:' với loại (dimension) và hệ số (factor)"))
            elif measure.dimension == PERCENT:
                # Units' and periods' figures are added up: 7 units at 90% would make 630%. A share is a coverage.
                from hrplan.messages import render

                mistakes.append((("indicators", i, "uom"), ind.uom, render("expected.percent_uom", "en"),
                                 render("expected.percent_uom", "vi")))
        for i, b in enumerate(self.breakdowns):
            named = [(("breakdowns", i, "total"), b.total)] + [(("breakdowns", i, "parts", j), code)
                                                               for j, code in enumerate(b.parts)]
            for loc, code in named:
                if code not in seen:
                    mistakes.append((loc, code, f"breakdown names indicator '{code}', which is not defined",
                                     f"chỉ tiêu '{code}' nêu trong breakdowns phải được khai trong indicators"))
        mistakes += self._section_mistakes()
        mistakes += self._dated_mistakes()
        for i, t in enumerate(self.targets):
            if t.indicator not in seen:
                mistakes.append((("targets", i, "indicator"), t.indicator,
                                 f"a target names indicator '{t.indicator}', which is not defined",
                                 f"chỉ tiêu '{t.indicator}' nêu trong targets phải được khai trong indicators"))
        return mistakes

    def _dated_mistakes(self) -> list[tuple[tuple, str, str, str]]:
        """Give the mistakes of the dated bands and planning limits: dates that overlap, leave a gap, or leave a day
        of the program without a setting (`dated_mistakes`)."""
        whole = self.period_value
        named = [(("indicators", i, "band"), ind.band) for i, ind in enumerate(self.indicators)]
        named.append((("planning_limits",), self.planning_limits))
        mistakes: list[tuple[tuple, str, str, str]] = []
        for loc, settings in named:
            if settings is None:
                continue
            many = isinstance(settings, list)
            for i, field, found, en, vi in dated_mistakes(settings if many else [settings], whole.start, whole.end):
                mistakes.append(((*loc, *((i,) if many else ()), field), found, en, vi))
        return mistakes

    def limits_at(self, day: date) -> PlanningLimits | None:
        """Give the planning limits in force on `day` (a period is judged by those in force on its last day)."""
        return in_force(self.planning_limits, day)

    def _section_mistakes(self) -> list[tuple[tuple, str, str, str]]:
        """Give the mistakes of `sections:`: a name listed twice, or that no indicator uses (misspelt, its English name
        would never show). A section it does not list keeps its Vietnamese name in English."""
        mistakes: list[tuple[tuple, str, str, str]] = []
        used = {ind.section for ind in self.indicators if ind.section}
        listed: set[str] = set()
        for i, section in enumerate(self.sections):
            if section.name in listed:
                mistakes.append((("sections", i, "name"), section.name, f"section '{section.name}' listed twice",
                                 f"mục '{section.name}' không khai hai lần"))
            elif section.name not in used:
                mistakes.append((("sections", i, "name"), section.name,
                                 f"the section of an indicator (one of: {', '.join(sorted(used))})",
                                 f"mục của một chỉ tiêu (một trong: {', '.join(sorted(used))})"))
            listed.add(section.name)
        return mistakes

    # -- look-ups --------------------------------------------------------------------------
    def section_name(self, name: str, lang: str) -> str:
        """Give a section's heading in `lang`: its English name from `sections:` when asked for and given."""
        if lang == "en":
            for section in self.sections:
                if section.name == name and section.name_en:
                    return section.name_en
        return name

    @property
    def slug(self) -> str:
        """Give the code as a file-name-safe word: '12-CTr/TU' -> '12-CTr-TU'."""
        return program_slug(self.code)

    @property
    def period_value(self) -> Period:
        return Period.parse(self.period)

    def indicator(self, code: str) -> Indicator:
        """Give the indicator of a code; raise KeyError when the program has none."""
        private = self.__pydantic_private__  # a slot (see _spans_of); figures ask once per unit and indicator
        cached = private.get("_indicator_index") if private is not None else None
        if cached is None or cached[0] is not self.indicators or cached[1] != len(self.indicators):
            index: dict[str, Indicator] = {}
            for ind in self.indicators:
                index.setdefault(ind.code, ind)
            cached = (self.indicators, len(self.indicators), index)
            if private is not None:
                private["_indicator_index"] = cached
        return cached[2][code]

    def target(self, indicator: str, unit: str | None, period: Period) -> Target | None:
        """Give the target that applies to an indicator, unit and period, or None (see `plan_for`)."""
        return plan_for(self, indicator, unit, period).target

    def plan_for(self, indicator: str, unit: str | None, period: Period) -> PlanFor:
        """Give the plan that applies to the period and any longer target shown as context (definitions/plans.py)."""
        return plan_for(self, indicator, unit, period)

    def has_target(self, indicator: str, unit: str | None) -> bool:
        """Tell whether the program sets the unit a target for the indicator, for any period."""
        return bool(self._spans_of(indicator, unit))

    def _spans_of(self, indicator: str, unit: str | None) -> list[tuple[Target, Period]]:
        """Give the targets for an indicator and unit with the period each covers, in file order (see
        `plan_for`): one dict look-up, as figures ask twice per unit and indicator (268,000 times)."""
        private = self.__pydantic_private__  # a slot: `self._target_index` would go through pydantic's slow __getattr__
        cached = private.get("_target_index") if private is not None else None
        if cached is None or cached[0] != len(self.targets) or cached[1] != self.period:
            whole = self.period_value
            parse = Period.parse
            index: dict[tuple[str, str | None], list[tuple[Target, Period]]] = {}
            with paused_gc():  # 132,000 lists and pairs, none in a cycle: collecting meanwhile doubled the time
                for t in self.targets:
                    key = (t.indicator, t.unit)
                    pair = (t, parse(t.period) if t.period else whole)
                    spans = index.get(key)
                    if spans is None:
                        index[key] = [pair]
                    else:
                        spans.append(pair)
            cached = (len(self.targets), self.period, index)
            if private is not None:
                private["_target_index"] = cached
        return cached[2].get((indicator, unit), _NO_SPANS)

    def overlaps(self, period: Period) -> bool:
        """Tell whether `period` shares a day with the program's period (else no figure of it is the program's)."""
        whole = self.period_value
        return period.start <= whole.end and whole.start <= period.end

    def outside_problem(self, period: Period) -> Problem | None:
        """Give the problem of asking the program for a period outside its own, or None."""
        if self.overlaps(period):
            return None
        return Problem("period.outside_program", params={"period": period.label, "program": self.code,
                                                         "program_period": self.period})

    def with_unit_lives(self, lives: dict) -> None:
        """Note the units that began or ended (code -> Unit): they owe reports and their targets count only inside
        their life (`lived`)."""
        self.__pydantic_private__["_unit_lives"] = lives or None

    def lived(self, unit: str | None, period: Period) -> bool:
        """Tell whether the unit existed during some day of `period` (a unit without a first or last day: always)."""
        private = self.__pydantic_private__
        lives = private.get("_unit_lives") if private is not None else None
        life = lives.get(unit) if lives and unit is not None else None
        return life is None or life.lived(period.start, period.end)

    def life_of(self, unit: str):
        """Give the registry's Unit of a unit that began or ended, else None."""
        private = self.__pydantic_private__
        lives = private.get("_unit_lives") if private is not None else None
        return lives.get(unit) if lives else None

    def expected_reporters(self) -> list[str]:
        """Give the codes of the units expected to send a submission for each period."""
        if self.reporters is not None:
            return list(self.reporters)
        return sorted({t.unit for t in self.targets if t.unit})

    def measure_book(self) -> MeasureBook:
        return MeasureBook(self.measures)

    def name_index(self) -> dict[str, str]:
        """Give folded code, name and alias keys mapped to indicator codes."""
        index: dict[str, str] = {}
        for ind in self.indicators:
            for key in [ind.code, ind.name, ind.name_en or "", *ind.aliases]:
                if key:
                    index.setdefault(fold(key), ind.code)
        return index


def program_slug(code: str) -> str:
    """Give a program code made safe for file names: '12-CTr/TU' -> '12-CTr-TU', '06-ĐA/TU' -> '06-DA-TU'."""
    return strip_diacritics(code).replace("/", "-").replace("\\", "-").replace(" ", "")
