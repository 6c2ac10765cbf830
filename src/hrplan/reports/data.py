"""Report data: a program's figures and findings for a period gathered into plain data, a row object per figure.

The Word, HTML and workbook reports are made of it; the JSON writes it as format 2 (`json_format`: tables of
numbers, words once)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from collections.abc import Mapping
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from hrplan import __version__
from hrplan.checks import FIGURES_WEIGHT, STEPS_PER_PROGRAM, Finding, check_program, left_out_text, planning_share, share_text
from hrplan.collector import paused_gc
from hrplan.definitions import (
    Band,
    Direction,
    Indicator,
    IndicatorKind,
    Period,
    Program,
    UnitTree,
    frequency,
    not_due,
    parts_due,
    period_from_user,
    unexpected_reporters,
)
from hrplan.figures import Coverage, Figure, FigureSet, LeftOut, compute_figures
from hrplan.messages import render
from hrplan.problems import HrplanError
from hrplan.reports.previous import Compared, compare, previous_actuals
from hrplan.values import describe_percent, format_number, format_percent, format_times
from hrplan.workspace import Workspace


@dataclass
class Report:
    """Everything one report shows, as data (`data`: a row object per figure, what the documents are made of).

    Its unit rows and findings are `LazyRow` mappings (read like dicts; `json.dumps(data, default=dict)`), or
    for a report written only as JSON a `RowStream` each."""

    data: dict[str, Any]
    sources: bool = True  # whether its figures may carry the cells behind them
    units: UnitTree | None = None  # the unit tree its names come from (the JSON's `unit_tree`)
    lang: str = "vi"
    # The previous period's actuals against this one's over the units both hold (reports.previous.compare), when
    # asked for.
    previous: Compared | None = None

    def to_json(self, sources: bool = False) -> str:
        return self.json_bytes(sources).decode("utf-8")

    def write_json(self, write: Callable[[bytes], Any], sources: bool = False) -> None:
        """Write what `json_bytes` gives to `write`, a megabyte at a time (never the whole text in memory)."""
        from hrplan.reports.json_format import write_report_json

        if sources and not self.sources:
            raise ValueError("the report was built without its sources: build_report(..., sources=True)")
        write_report_json(self.data, self.units, self.lang, write, sources)

    def json_bytes(self, sources: bool = False) -> bytes:
        """Give the report as JSON format 2 (tables of numbers, words once: `hrplan.reports.json_format`), UTF-8;
        the cells behind every figure only with `sources`."""
        from hrplan.reports.json_format import report_json_bytes

        if sources and not self.sources:
            raise ValueError("the report was built without its sources: build_report(..., sources=True)")
        return report_json_bytes(self.data, self.units, self.lang, sources)


REPORT_STEPS = STEPS_PER_PROGRAM + 2  # the figures and each rule (weighed as in check), the years, the data


def build_report(workspace: Workspace, program_name: str, period_text: str, lang: str = "vi",
                 step: Callable[..., None] | None = None, sources: bool = False,
                 documents: bool = True, previous: bool = False) -> Report:
    """Give the report of a program for a period, computed from the workspace's store.

    `step(label)` is told after each of `REPORT_STEPS` steps (the figures, each rule, the years, the data).
    `sources`: every figure's row keeps the cells (and target lines) it was computed from (`report --sources`);
    at national scale they are most of the data, so they are gathered only when asked.
    `documents=False`: the report is only written as JSON, its per-unit rows and findings made as they are written
    (`report_data`).
    `previous`: also the scope's actuals of the period it is compared with (the documents show them), computed
    first, in the same moment of the store."""
    program = workspace.program(program_name)
    period = period_from_user(period_text)
    if (outside := program.outside_problem(period)) is not None:
        raise HrplanError(outside)
    units = workspace.units
    step = step or (lambda label, weight=1: None)
    # One moment (an import meanwhile is not half seen); figures, findings and rows are plain objects by the
    # hundred thousand, none in a cycle: the collector waits (hrplan.collector).
    with paused_gc():
        with workspace.open_store() as store, store.snapshot():
            before = previous_actuals(program, period, store, units) if previous else None
            figures = compute_figures(program, period, store, units, sources=sources)
            before = compare(program, before, figures) if before is not None else None
            step(program.code, FIGURES_WEIGHT)
            findings = check_program(program, figures, store, units, lang, step=step)
            annual = _annual(program, period, store, units, lang, sources)
            step("annual")
        data = report_data(program, figures, findings, units, lang, workspace.config.name, annual, sources,
                           documents)
    step("data")
    start, end = workspace.config.cutoff.window(period)
    data["period"]["window"] = {"start": start.isoformat(), "end": end.isoformat(),
                                "text": workspace.config.cutoff.window_text(period, lang)}
    return Report(data, sources=sources, units=units, lang=lang, previous=before)


def _annual(program: Program, period: Period, store, units: UnitTree, lang: str,
            sources: bool = False) -> list[dict[str, Any]]:
    """Give each year of a multi-year period against its own annual target, for indicators that have them.

    A year the period only partly covers is cut at the period's ends (a report to 30/06/2027 shows 2027 to 30/06,
    never the second half's figures it is not about): `period` is the span computed, `span` says it in words."""
    with_annual = {t.indicator for t in program.targets if t.period and Period.parse(t.period).kind == "year"}
    if len(period.years()) < 2 or not with_annual:
        return []
    rows = []
    for year in period.years():
        span = year_in(period, year)
        figs = compute_figures(program, span, store, units, sources=sources)
        top = figs.root
        rows_of = ReportRows(program, units, lang, figs.period, sources)
        words = year_words(span, year, lang)
        for code in sorted(with_annual):
            fig = figs.get(top, code) if top else None
            if fig is not None:
                rows.append({"year": year, "period": span.label, "span": words, **rows_of.row(fig)})
    return rows


def year_in(period: Period, year: int) -> Period:
    """Give the part of `year` inside `period`: the year itself, or the months of it the period covers
    ('2027-01..2027-06' of a period ending 30/06/2027)."""
    whole = Period.parse(str(year))
    start, end = max(whole.start, period.start), min(whole.end, period.end)
    if (start, end) == (whole.start, whole.end):
        return whole
    return Period.parse(f"{start:%Y-%m}..{end:%Y-%m}")


def year_words(span: Period, year: int, lang: str) -> str:
    """Give a year of a range as its row and chart name it: '2026', '2027 (đến 30/06)', '2026 (từ 01/07)'."""
    whole = Period.parse(str(year))
    cut_start, cut_end = span.start != whole.start, span.end != whole.end
    if cut_start and cut_end:
        return render("report.year.between", lang, year=year, start=f"{span.start:%d/%m}", end=f"{span.end:%d/%m}")
    if cut_end:
        return render("report.year.to", lang, year=year, end=f"{span.end:%d/%m}")
    if cut_start:
        return render("report.year.from", lang, year=year, start=f"{span.start:%d/%m}")
    return str(year)


class LazyRow(Mapping):
    """A report row made the first time one of its keys is read beyond those filtering needs (`cheap`, read from
    the figure or finding itself), then kept. The documents show a few hundred of a national roll-up's 130,000
    unit rows and 120,000 findings (units behind plan, errors), and choose them by status, ratio and unit: made
    and kept as dicts, the rows took 400 MB and 4.6 s. Reads as the dict it stands for (keys, items, ==)."""

    __slots__ = ("_source", "_make", "_cheap", "_row")

    def __init__(self, source: Any, make: Callable[[Any], dict[str, Any]],
                 cheap: dict[str, Callable[[Any], Any]]):
        self._source, self._make, self._cheap, self._row = source, make, cheap, None

    def __getitem__(self, key: str) -> Any:
        row = self._row
        if row is None:
            read = self._cheap.get(key)
            if read is not None:
                return read(self._source)
            row = self._row = self._make(self._source)
        return row[key]

    def _whole(self) -> dict[str, Any]:
        if self._row is None:
            self._row = self._make(self._source)
        return self._row

    def __iter__(self) -> Iterator[str]:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def __repr__(self) -> str:
        return f"LazyRow({self._whole()!r})"


class RowStream:
    """Rows made each time they are read, never kept: a report written only as JSON writes its per-unit rows and
    findings as it makes them (at national scale, kept as objects, they take 400 MB)."""

    def __init__(self, make: Callable[[], Iterable[dict[str, Any]]]):
        self._make = make

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._make())


class FigureStream(RowStream):
    """The per-unit rows of a report written only as JSON: read as rows without words (`ReportRows.row(fig, False)`),
    or, by the JSON writer, as the figures themselves with `rows` to word them (`json_format` makes its rows
    straight from a figure: the dict in between was half the time of writing a national report)."""

    def __init__(self, figures: Callable[[], Iterable[Figure]], rows: ReportRows):
        super().__init__(lambda: (rows.row(fig, False) for fig in figures()))
        self.figures, self.rows = figures, rows


class FindingStream(RowStream):
    """The findings of a report written only as JSON: read as `Finding.to_dict` rows, or, by the JSON writer, as the
    findings themselves (`findings`) in `lang`."""

    def __init__(self, findings: list[Finding], lang: str):
        super().__init__(lambda: (f.to_dict(lang) for f in findings))
        self.findings, self.lang = findings, lang


class FigureNumbers(NamedTuple):
    """What every row of a figure shows (`ReportRows.numbers`)."""

    ratio: float | None
    status: str
    plan: Decimal | None  # over the paired members when there is a ratio
    actual: Decimal | None
    notes: list[tuple[str, str]]
    lacks: list[str]
    footnotes: list[str]


def report_data(program: Program, figures: FigureSet, findings: list[Finding], units: UnitTree, lang: str,
                workspace_name: str, annual: list[dict[str, Any]] | None = None,
                sources: bool = False, documents: bool = True) -> dict[str, Any]:
    """Give the report as JSON-ready data: summary, per-unit table, breakdowns, findings (and with `sources`,
    the cells behind every figure).

    Without `documents` (a report written only as JSON), `units` and `findings` are a `RowStream` each, whose
    unit rows leave out the words the JSON leaves to the summary (display, sentence, parts)."""
    period = figures.period
    top = figures.root
    rows = ReportRows(program, units, lang, period, sources)
    row = rows.row
    summary = [row(f) for f in (figures.get(top, i.code) for i in program.indicators) if f]

    def unit_figures() -> Iterator[Figure]:
        for unit in units.subtree(top):
            if unit != top:
                yield from figures.for_unit(unit)

    unit_rows: list[LazyRow] | RowStream = (_lazy_unit_rows(figures, units, top, rows) if documents
                                            else FigureStream(unit_figures, rows))
    finding_rows: list[LazyRow] | RowStream = (_lazy_finding_rows(findings, lang) if documents
                                               else FindingStream(findings, lang))
    breakdowns = []
    for b in program.breakdowns:
        total = figures.get(top, b.total) if top else None
        parts = [figures.get(top, p) if top else None for p in b.parts]
        if total is None or total.actual is None:
            continue
        total_row = row(total)
        # The parts are told over the members the total shows: a unit left out of the total's ratio (10 people for
        # 0 seats) is out of the row's 258, so its 6 + 4 are out of the parts beside it (else 176 + 82 of 258).
        shown, outside = _shown_members(figures, total, parts)
        text = _breakdown_text(program, total, [p for p in parts if p is not None], lang, summary, shown)
        # A group's parts that do not add up to its total are no fact to print: the row says whose do not (the
        # finding names them once, in the errors; a reader of "260, of which … " is told here, beside the number).
        mismatch = (_breakdown_mismatch(b, figures, units, top, total, parts, lang, shown, outside) if total.is_group
                    else None)
        if mismatch:
            total_row["footnotes"] = [*total_row["footnotes"], mismatch]
            for r in summary:
                if r["indicator"] == b.total and r["unit"] == top:
                    r["footnotes"] = [*r["footnotes"], mismatch]
            text = f"{text} {mismatch}"
        part_rows = [row(p) for p in parts if p is not None]
        if outside:  # a part's own row keeps its whole sum: said to hold what the total's row leaves out
            beyond = {p.indicator.code: _beyond_text(units, total, p, shown, outside, lang) for p in parts
                      if p is not None and p.actual is not None and shown.get(p.indicator.code) != p.actual}
            for r in [*part_rows, *(r for r in summary if r["unit"] == top)]:
                if r["indicator"] in beyond:
                    r["footnotes"] = [*r["footnotes"], beyond[r["indicator"]]]
                    # what the total's sentence tells of the part ('trong đó: nguồn tại chỗ 170'): its members'
                    r["display"] = {**r["display"], "in_total": format_number(shown[r["indicator"]], lang=lang)}
        breakdowns.append({
            "total": total_row,
            "parts": part_rows,
            "complete": b.complete,
            "text": text,
        })
    for r in summary:  # a group's women (young cadres) summing a member's number flagged impossible: said beside it
        over = _over_whole_members(program, figures, units, r["indicator"], top, lang) if r["is_group"] else None
        if over:
            r["footnotes"] = [*r["footnotes"], over]
    return {
        "hrplan_version": __version__,
        "generated_at": datetime.now().isoformat(timespec="seconds"),
        "workspace": workspace_name,
        "program": {"code": program.code, "title": program.title, "issuer": program.issuer, "period": program.period},
        "period": {"label": period.label, "text": period.describe(lang), "start": period.start.isoformat(),
                   "end": period.end.isoformat()},
        "coverage": _coverage(figures, units, lang),
        "scope": {"code": top, "name": units.get(top).name if top and top in units else None},
        "place": _place(units.get(top).name) if top and top in units else None,
        "summary": summary,
        "planning_limits": _planning_limits(program, figures, units, lang),
        "narrative": _narrative(program, summary, breakdowns),
        "units": unit_rows,
        "annual": annual or [],
        "breakdowns": breakdowns,
        "submissions": {u: p for u, p in sorted(figures.submitted.items())},
        "findings": finding_rows,
        "counts": {"errors": sum(f.severity.value == "error" for f in findings),
                   "warnings": sum(f.severity.value == "warning" for f in findings),
                   "infos": sum(f.severity.value == "info" for f in findings)},  # notes, as `check` counts them
    }


_LIMIT_OF_ROLE = {"women": "women_min_share", "young": "young_min_share",
                  "titles_per_person": "titles_per_person_max", "people_per_title": "people_per_title_max"}


def _planning_limits(program: Program, figures: FigureSet, units: UnitTree, lang: str) -> list[dict[str, Any]]:
    """Give the scope's standing against each limit of the planning regulation the program sets (`planning_limits`):
    the share of women and of young cadres among those planned against its floor, over the members that gave both
    numbers (`checks.rules.planning_limits.planning_share`, what the check rules judge), and the most people per
    title and titles per person against their maximum."""
    limits = program.limits_at(figures.period.end)  # those in force on the period's last day
    top = figures.root
    if limits is None or top is None:
        return []
    out = []
    for ind in program.indicators:
        role = ind.planning.role if ind.planning else None
        limit = getattr(limits, _LIMIT_OF_ROLE.get(role, ""), None) if role else None
        fig = figures.get(top, ind.code)
        if limit is None or fig is None or fig.actual is None:
            continue
        source = limits.source or "-"
        if ind.is_maximum:
            within = fig.actual <= limit
            # The largest of the units that gave the number: those that reported without it are named, as a share
            # names the units left out of it ('3, trong giới hạn' said nothing of the two that left it blank).
            given = set(fig.members)
            left = [_unit_name(units, u) for u in units.subtree(top) if u in figures.submitted and u not in given]
            out.append({"indicator": ind.code, "role": role, "value": float(fig.actual), "limit": limit,
                        "within": within, "left_out": left,
                        "text": render("report.s.planning_max", lang, name=ind.name_in(lang),
                                       value=format_number(fig.actual, lang=lang) + _lacks_mark(fig, units, lang),
                                       limit=format_number(limit, lang=lang), source=source,
                                       word=render(f"report.s.limit_{'within_max' if within else 'over_max'}", lang),
                                       left_out=render("report.s.planning_max.left_out", lang, units=", ".join(left))
                                       if left else "")})
            continue
        found = planning_share(figures, units, fig)
        if found is None:
            continue
        within = found.share >= limit - 1e-9
        of = program.indicator(ind.planning.of).name_in(lang)
        left = left_out_text(found, lang)
        out.append({"indicator": ind.code, "role": role, "count": float(found.count), "planned": float(found.planned),
                    "share": found.share, "limit": limit, "within": within,
                    "left_out": [*found.left_out, *(name for name, _, _ in [*found.over, *found.zero_seats])],
                    "text": render("report.s.planning_share", lang, role=render(f"report.role.{role}", lang), of=of,
                                   count=format_number(found.count, lang=lang),
                                   planned=format_number(found.planned, lang=lang),
                                   share=share_text(found.share, limit, lang) + _lacks_mark(fig, units, lang),
                                   floor=format_percent(limit, lang=lang), source=source,
                                   word=render(f"report.s.limit_{'within' if within else 'under_min'}", lang),
                                   left_out=left)})
    return out


def _lacks_mark(fig: Figure, units: UnitTree, lang: str) -> str:
    """Give the mark a number about a group figure takes for what the figure lacks ('' if nothing), as a sentence's:
    ' (chưa gồm 1/4 đơn vị chưa gửi: Huyện ủy Lộc Bình)'."""
    absent = absent_of(fig, units)
    return absent_mark(absent, lang) if absent else ""


def _lazy_unit_rows(figures: FigureSet, units: UnitTree, top: str | None, rows: ReportRows) -> list[LazyRow]:
    """Give the rows of every unit under the scope, in tree order, each made when read (see `LazyRow`)."""
    program = figures.program
    cheap: dict[str, Callable[[Figure], Any]] = {
        "indicator": lambda f: f.indicator.code, "unit": lambda f: f.unit, "is_group": lambda f: f.is_group,
        "kind": lambda f: f.indicator.kind.value, "ratio": lambda f: f.ratio,
        "status": lambda f: f.status(program=program),
        "left_out": lambda f: [lo.to_dict() for lo in f.left_out]}  # a unit not judged is shown (content.top_units)
    return [LazyRow(fig, rows.row, cheap) for unit in units.subtree(top) if unit != top
            for fig in figures.for_unit(unit)]


def _lazy_finding_rows(findings: list[Finding], lang: str) -> list[LazyRow]:
    """Give the findings as rows, each made when read beyond its code, severity, unit and indicator."""
    cheap: dict[str, Callable[[Finding], Any]] = {
        "code": lambda f: f.code, "severity": lambda f: f.severity.value, "unit": lambda f: f.unit,
        "indicator": lambda f: f.indicator}
    def make(f: Finding) -> dict[str, Any]:
        return f.to_dict(lang)

    return [LazyRow(f, make, cheap) for f in findings]


class ReportRows:
    """Puts figures as report rows for one report (one language, one period): what every row repeats (a unit of
    measure's label, a status's word, '3/4 quý', a period in words) is worked out once, and each row computes a
    figure's ratio, notes and what it lacks once. A national roll-up has a row per commune and indicator."""

    def __init__(self, program: Program, units: UnitTree, lang: str, period: Period, sources: bool = False):
        self.program, self.units, self.lang, self.period, self.sources = program, units, lang, period, sources
        self._book = None
        self._uom: dict[str, str] = {}
        self._status: dict[str, str] = {}
        self._parts: dict[tuple, str] = {}
        self._periods: dict[str | None, str] = {}
        self._described: dict[str, str] = {}

    def numbers(self, fig: Figure) -> FigureNumbers:
        """Give what every row of a figure shows, computed once: its ratio and status, the plan and actual the ratio
        is over (the whole figure's without one), its notes, what the ratio lacks and the footnotes, in words."""
        ratio = fig.ratio
        paired = ratio is not None
        notes = fig.notes
        lacks = self._lacks(fig, ratio)
        footnotes = self._footnotes(fig, ratio, notes, lacks)
        return FigureNumbers(ratio, fig.status(program=self.program),
                             fig.ratio_plan if paired else fig.plan, fig.ratio_actual if paired else fig.actual,
                             notes, lacks, footnotes)

    def row(self, fig: Figure, words: bool = True) -> dict[str, Any]:
        """Give one figure as a row: plan, actual and ratio over the same members, and what was left out, in words;
        the cells (and target lines) behind it only when the report keeps sources. Without `words`, the row leaves
        out its display strings, sentence and parts text (the JSON's unit rows do)."""
        lang = self.lang
        ind = fig.indicator
        ratio, status, plan, actual, notes, lacks, footnotes = self.numbers(fig)
        planning = ind.kind is IndicatorKind.PLANNING_RATIO
        name = ind.name_in(lang)
        row = {
            "indicator": ind.code,
            "name": name,
            "uom": ind.uom,
            "kind": ind.kind.value,
            "direction": ind.direction.value,
            "unit": fig.unit,
            "unit_name": self.unit_name(fig.unit),
            "is_group": fig.is_group,
            "members": fig.members,
            "unpaired": fig.unpaired,
            "plan": float(plan) if plan is not None else None,
            "actual": float(actual) if actual is not None else None,
            "total_actual": float(fig.actual) if fig.actual is not None else None,
            "full_plan": float(fig.full_plan) if fig.full_plan is not None else None,
            "estimate": float(fig.estimate) if fig.estimate is not None else None,
            # the units whose estimate is summed (fewer than `members` when some sent no ƯTH column)
            "estimate_members": [unit for unit, _ in fig.estimate_members],
            "ratio": ratio,
            "status": status,
            "status_text": self.status_text(status, ind.direction),
            "plan_rule": fig.plan_rule,
            "context": fig.context.to_dict() if fig.context is not None else None,
            "left_out": [lo.to_dict() for lo in fig.left_out],
            "incomplete": [{**c.to_dict(), "unit_name": self.unit_name(c.unit)} for c in fig.incomplete],
            "absent": self.absent(fig),
        }
        if words:
            row["parts"] = self._parts_summary(fig)
        row["notes"] = [{"unit": u, "note": n} for u, n in notes]
        row["footnotes"] = footnotes
        row["lacks"] = lacks
        if words:
            plan_text, actual_text = self.num(plan), self.num(actual)
            ratio_text = format_times(ratio, lang) if planning else describe_percent(ratio, lang)
            row["display"] = {"plan": plan_text, "actual": actual_text, "estimate": self.estimate_text(fig),
                              "ratio": ratio_text}
            if planning:  # the band in force on the period's last day, and the regulation that set it
                band = ind.band_at(fig.period.end)
                row["display"]["band"] = band.describe(lang) if band else "-"
                row["display"]["band_source"] = (band.source or "") if band else ""
            row["sentence"] = (self._sentence(fig, ratio, status, name, plan_text, actual_text, ratio_text)
                               if fig.actual is not None else "")
        if self.sources:
            row["sources"] = figure_sources(fig, ratio is not None)
        return row

    def num(self, value) -> str:
        return format_number(value, lang=self.lang)

    def absent(self, fig: Figure) -> dict[str, Any] | None:
        """Give the due reporters under a group that sent nothing for the period, with their names and how many
        reporters under it were due (None when none is missing)."""
        return absent_of(fig, self.units)

    def unit_name(self, code: str) -> str:
        return _unit_name(self.units, code)

    def status_text(self, status: str, direction: Direction | str = Direction.HIGHER) -> str:
        """Give a status's word; where lower is better the plan is a ceiling: 'vượt trần', not 'chưa đạt'."""
        key = status_key(status, direction)
        text = self._status.get(key)
        if text is None:
            text = self._status[key] = render(f"status.{key}", self.lang)
        return text

    def uom_label(self, uom: str) -> str:
        label = self._uom.get(uom)
        if label is None:
            if self._book is None:
                self._book = self.program.measure_book()
            label = self._uom[uom] = self._book.label(uom, self.lang)
        return label

    def parts_text(self, cover: Coverage) -> str:
        key = (cover.frequency, cover.present, len(cover.expected))
        text = self._parts.get(key)
        if text is None:
            text = self._parts[key] = _parts_text(cover, self.lang)
        return text

    def period_words(self, label: str | None) -> str:
        words = self._periods.get(label)
        if words is None:
            words = self._periods[label] = _period_words(label, self.lang)
        return words

    def described(self, label: str) -> str:
        words = self._described.get(label)
        if words is None:
            words = self._described[label] = Period.parse(label).in_sentence(self.lang)
        return words

    def _parts_summary(self, fig: Figure) -> str | None:
        """Give '3/4 quý' for a unit's incomplete figure, 'A 3/4 quý; C 2/4 quý' for a group's, None when complete."""
        if not fig.incomplete:
            return None
        if not fig.is_group and len(fig.incomplete) == 1:
            return self.parts_text(fig.incomplete[0])
        return "; ".join(f"{c.unit} {self.parts_text(c)}" for c in fig.incomplete)

    def _footnotes(self, fig: Figure, ratio: float | None, notes: list[tuple[str, str]],
                   lacks: list[str]) -> list[str]:
        """Give what a row lacks, in words: parts missing, members left out, the whole plan, context, notes."""
        total_apart = ratio is not None and fig.actual is not None and fig.actual != fig.ratio_actual
        if not (fig.incomplete or fig.absent or fig.members_missing or lacks or total_apart or fig.context is not None or notes
                or (fig.is_group and fig.estimate_partial)):
            return []  # most of a national roll-up's 130,000 rows: nothing to say
        lang = self.lang
        out = []
        if fig.absent or fig.members_missing:
            out.append(absent_text(self.absent(fig), lang))
        for cover in fig.incomplete:
            missing = ", ".join(self.described(p) for p in cover.missing)
            out.append(render("figure.incomplete", lang, unit=self.unit_name(cover.unit),
                              parts=self.parts_text(cover), missing=missing))
        out += lacks
        if total_apart:
            out.append(render("figure.total_actual", lang, actual=self.num(fig.actual)))
        if fig.is_group and fig.estimate_partial:
            out.append(self._estimate_members_text(fig))
        if fig.context is not None and ratio is None:
            out.append(render("figure.context", lang, period=self.period_words(self.period.label),
                              context_period=self.period_words(fig.context.period), value=self.num(fig.context.value)))
        elif fig.context is not None and fig.plan_rule in ("pro_rata", "to_date", "whole", "pieced"):
            ind = fig.indicator
            if fig.plan_rule == "pieced" and fig.plan_pieces and fig.plan is not None:
                out.append(render("figure.plan_rule.pieced.parts", lang, total=self.num(fig.plan), parts=" + ".join(
                    render("figure.plan_piece.whole" if months is None else "figure.plan_piece.share", lang,
                           period=self.period_words(label), value=self.num(value), months=months, of=of)
                    for label, value, months, of in fig.plan_pieces)))
            else:
                running = fig.plan_rule == "whole" and ind.kind is IndicatorKind.COUNT  # not seats: a stock
                variant = ("" if not running else ".level" if ind.accumulation.value == "level" else ".running")
                word = f"figure.plan_word.{'ceiling' if ind.direction is Direction.LOWER else 'target'}"
                out.append(render(f"figure.plan_rule.{fig.plan_rule}{variant}", lang, word=render(word, lang),
                                  context_period=self.period_words(fig.context.period),
                                  context=self.num(fig.context.value)))
        for unit, note in notes:
            out.append(render("figure.note", lang, unit=self.unit_name(unit), note=note))
        return out

    def _lacks(self, fig: Figure, ratio: float | None) -> list[str]:
        """Give what a ratio leaves out, in words: members without a pair of figures, the plan of units not reported."""
        lang = self.lang
        out = []
        # With no ratio at all, nothing is left out of one; but a unit's ratio not judged for want of a part's actual
        # (a plan for the whole period that no rule splits) says why.
        # A running total's member that ended before the period's end is out of the sum itself, not only of the
        # ratio: said in a sentence of its own, whether the group has a ratio or not.
        ended = [lo for lo in fig.left_out if lo.reason == "ended"]
        left_out = [lo for lo in fig.left_out if lo.reason != "ended"] if ended else fig.left_out
        told = bool(left_out) and (ratio is not None or any(lo.reason in ("unsplit", "zero_plan") for lo in left_out))
        if told:
            never = {(c.unit, label) for c in fig.incomplete for label in c.missing}
            out.append(render("figure.left_out", lang, items="; ".join(self._left_out_text(lo, fig.indicator, never)
                                                                       for lo in left_out)))
        if ended:
            out.append(render("figure.ended", lang, items="; ".join(self._ended_text(lo) for lo in ended)))
        if fig.is_group and ratio is not None and fig.full_plan is not None and fig.full_plan != fig.ratio_plan:
            out.append(render("figure.full_plan", lang, group=self.unit_name(fig.unit), full=self.num(fig.full_plan),
                              reported=self.num(fig.ratio_plan)))
        if fig.as_of:
            out.append(self._as_of_text(fig) + ".")
        if fig.target_below is not None:
            target, members = fig.target_below
            out.append(render("figure.target_below", lang, group=self.unit_name(fig.unit), target=self.num(target),
                              members=self.num(members)))
        if fig.blanks:  # actuals left empty that the words above do not already name (a plan without its actual)
            said = {lo.unit for lo in fig.left_out if lo.reason in ("no_actual", "unsplit")} if told else set()
            empty = [f"{self.unit_name(unit)}{f' ({self.described(part)})' if part else ''}"
                     for unit, part in dict.fromkeys(fig.blanks) if unit not in said]
            if empty:
                out.append(render("figure.blank", lang, items="; ".join(empty)))
        return out

    def _estimate_members_text(self, fig: Figure) -> str:
        """'Ước thực hiện 19 chỉ cộng 5/11 đơn vị có gửi số ước thực hiện: Sở Y tế 11; …' for a group's estimate
        summed over fewer units than its members."""
        items = "; ".join(f"{self.unit_name(unit)} {self.num(value)}" for unit, value in fig.estimate_members)
        return render("figure.estimate_members", self.lang, value=self.num(fig.estimate),
                      n=len(fig.estimate_members), total=len(dict.fromkeys(fig.members)), items=items,
                      actual=self.num(fig.actual))

    def estimate_text(self, fig: Figure) -> str:
        """Give the estimate as a table cell shows it: '19 (5/11 đơn vị)' when it covers fewer units than the row."""
        value = self.num(fig.estimate)
        if not (fig.is_group and fig.estimate_partial):
            return value
        return render("figure.estimate_partial", self.lang, value=value, n=len(fig.estimate_members),
                      total=len(dict.fromkeys(fig.members)))

    def _as_of_text(self, fig: Figure) -> str:
        """'Số lũy kế của Huyện Văn Lãng tính đến hết năm 2024' for the units whose last report ends early."""
        def until(label: str) -> str:
            words = self.described(label)
            return render("figure.as_of.until", self.lang, period=words[:1].lower() + words[1:] if self.lang == "vi"
                          else words)  # 'hết năm 2024'; English runs on as it is: 'the end of Q2 2024', not 'q2'

        items = "; ".join(f"{self.unit_name(unit)} {until(label)}" for unit, label in dict.fromkeys(fig.as_of))
        return render("figure.as_of", self.lang, items=items)

    def _ended_text(self, lo: LeftOut) -> str:
        """'Xã Một (12): đã sáp nhập vào Xã Mới từ ngày 01/07/2025' (units.yaml `until:`, `merged_into:`)."""
        life = self.program.life_of(lo.unit)
        day = (life.until + timedelta(days=1)).strftime("%d/%m/%Y")
        if life.merged_into is not None:
            return render("figure.ended.merged", self.lang, unit=self.unit_name(lo.unit), actual=self.num(lo.actual),
                          successor=self.unit_name(life.merged_into), day=day)
        return render("figure.ended.dissolved", self.lang, unit=self.unit_name(lo.unit), actual=self.num(lo.actual),
                      day=day)

    def _left_out_text(self, lo: LeftOut, ind: Indicator, never: set[tuple[str, str]] = frozenset()) -> str:
        """`never`: the (unit, part) the figure's members never sent, said as not sent rather than without actual."""
        period = f" ({self.described(lo.period)})" if lo.period else ""
        code = f"figure.left_out.{lo.reason}"
        if lo.reason == "zero_plan" and ind.kind is IndicatorKind.PLANNING_RATIO:
            code += ".seats"  # '5 người cho 0 vị trí', not a denominator
        elif lo.reason == "unsplit" and (lo.unit, lo.period) in never:
            code += ".not_sent"
        return render(code, self.lang, unit=self.unit_name(lo.unit), period=period,
                      plan=self.num(lo.plan), actual=self.num(lo.actual), uom=self.uom_label(ind.uom))

    def _sentence(self, fig: Figure, ratio: float | None, status: str, name: str, plan: str, actual: str,
                  ratio_text: str) -> str:
        """Give the figure as a report sentence: 'Cử … y tế: 117 người, đạt 285% kế hoạch (vượt).'

        `plan`, `actual` and `ratio_text` are the row's, in words (over the paired members when there is a ratio;
        the ratio as times for a planning ratio, else as a percentage)."""
        lang = self.lang
        ind = fig.indicator
        uom = self.uom_label(ind.uom)
        paired = ratio is not None
        word = self.status_text(status)
        if not paired and fig.context is not None:
            text = render("figure.sentence.context", lang, name=name, actual=actual, uom=uom,
                          context_period=self.period_words(fig.context.period), value=self.num(fig.context.value))
        elif not paired:
            text = render("figure.sentence.plain", lang, name=name, actual=actual, uom=uom)
        elif ind.kind is IndicatorKind.PLANNING_RATIO:
            text = render("figure.sentence.planning", lang, name=name, actual=actual, uom=uom, plan=plan,
                          times=ratio_text, word=word, band=band_in_sentence(ind.band_at(fig.period.end), lang))
        elif ind.kind is IndicatorKind.COVERAGE:
            text = render("figure.sentence.coverage", lang, name=name, actual=actual, plan=plan, ratio=ratio_text,
                          word=word)
        elif ind.direction is Direction.LOWER:  # a ceiling: '111% of plan' would read as more than asked
            word = self.status_text(status, ind.direction)
            text = render("figure.sentence.ceiling", lang, name=name, actual=actual, uom=uom, plan=plan,
                          ratio=ratio_text, word=word)
        else:
            text = render("figure.sentence.count", lang, name=name, actual=actual, uom=uom, ratio=ratio_text,
                          word=word)
        if fig.incomplete:
            # prose: names, apart by '; ' as in the Word and HTML body ('Sở Văn hóa, Thể thao và Du lịch 3/4 quý')
            parts = "; ".join(f"{self.unit_name(c.unit)} {self.parts_text(c)}" for c in fig.incomplete)
            text = text[:-1] + render("figure.sentence.incomplete", lang, parts=parts) + "."
        if fig.absent or fig.members_missing:
            text = text[:-1] + absent_mark(self.absent(fig), lang) + "."
        if fig.as_of:
            text = text[:-1] + f" ({self._as_of_text(fig)[:1].lower()}{self._as_of_text(fig)[1:]})."
        return text


def status_key(status: str, direction: Direction | str = Direction.HIGHER) -> str:
    """Give the catalogue key (after 'status.') of a status's word: where lower is better (`direction: lower`) the
    plan is a ceiling, and its 'met' and 'behind' are 'ceiling.met' ('không vượt trần') and 'ceiling.behind'
    ('vượt trần'), as check words them. The JSON's `status_words` is keyed by it."""
    if status in ("met", "behind") and Direction(direction) is Direction.LOWER:
        return f"ceiling.{status}"
    return status


MOST_NAMED = 12  # units named in a mark or a line; past that they are counted (a national report's communes)


def absent_of(fig: Figure, units: UnitTree) -> dict[str, Any] | None:
    """Give the due reporters under a group that sent nothing for the period, with their names and how many reporters
    under it were due; the members missing of the reporters under it only partly in; the units that left its actual
    empty (None when it lacks none of these)."""
    if not fig.absent and not fig.members_missing and not fig.blanks:
        return None
    out = {"units": list(fig.absent), "names": [_unit_name(units, u) for u in fig.absent], "due": fig.due}
    if fig.members_missing:  # of the reporters under it only partly in: the members that sent nothing
        out["members_missing"] = [{"unit": m, "name": _unit_name(units, m), "group": g,
                                   "group_name": _unit_name(units, g)} for m, g in fig.members_missing]
    if fig.blanks:  # units that sent their report but left this actual empty: not in the sum either
        out["blanks"] = [{"unit": u, "name": _unit_name(units, u), "period": p} for u, p in dict.fromkeys(fig.blanks)]
    return out


def absent_mark(absent: dict[str, Any], lang: str) -> str:
    """Give the mark a sentence takes for the units its figure lacks: ' (chưa gồm 3/4 đơn vị chưa gửi: Sở Nội vụ, …)',
    and for the members missing of a unit only partly in: ' (chưa gồm Xã Thái Hòa (Huyện Hàm Yên) chưa gửi)'."""
    n, due = len(absent["units"]), absent["due"]
    out = ""
    if n > MOST_NAMED:
        out = render("figure.sentence.absent.counted", lang, n=n, due=due)
    elif n:
        out = render("figure.sentence.absent", lang, n=n, due=due, units=", ".join(absent["names"]))
    if absent.get("members_missing"):
        out += render("figure.sentence.members_missing", lang, units=members_missing_names(absent, lang))
    if absent.get("blanks"):
        out += render("figure.sentence.blank", lang, units=blank_names(absent, lang))
    return out


def blank_names(absent: dict[str, Any], lang: str) -> str:
    """Give 'Sở Nội vụ' (or 'Sở Nội vụ (Quý 2/2025)') for each unit that left the figure's actual empty."""
    blanks = absent["blanks"]
    if len(blanks) > MOST_NAMED:
        return render("figure.units_counted", lang, n=len(blanks))
    return ", ".join(b["name"] + (f" ({Period.parse(b['period']).in_sentence(lang)})" if b.get("period") else "")
                     for b in blanks)


def absent_text(absent: dict[str, Any], lang: str) -> str:
    """Give the note under a row whose figure lacks units: 'Chưa gồm 3/4 đơn vị chưa gửi báo cáo: Sở Nội vụ, …', and
    'Chưa gồm đơn vị trực thuộc chưa gửi báo cáo: Xã Thái Hòa (Huyện Hàm Yên).' for a unit only partly in."""
    n, due = len(absent["units"]), absent["due"]
    out = []
    if n > MOST_NAMED:
        out.append(render("figure.absent.counted", lang, n=n, due=due))
    elif n:
        out.append(render("figure.absent", lang, n=n, due=due, units=", ".join(absent["names"])))
    if absent.get("members_missing"):
        out.append(render("figure.members_missing", lang, units=members_missing_names(absent, lang)))
    return " ".join(out)


def members_missing_names(absent: dict[str, Any], lang: str) -> str:
    """Give 'Xã Thái Hòa (Huyện Hàm Yên)' for each member missing of a unit only partly in, or their count."""
    missing = absent["members_missing"]
    if len(missing) > MOST_NAMED:
        return render("figure.units_counted", lang, n=len(missing))
    return ", ".join(render("figure.member_of", lang, member=m["name"], group=m["group_name"]) for m in missing)


def band_in_sentence(band: Band | None, lang: str) -> str:
    """Give a planning ratio's band after its status word: ' 1,0–1,3 lần theo Quy định 50-QĐ/TW' (or '')."""
    if band is None:
        return ""
    if band.source:
        return render("band.in_sentence", lang, band=band.describe(lang), source=band.source)
    return render("band.in_sentence.no_source", lang, band=band.describe(lang))


# Why a member's plan or actual is not in the sums its row shows (`LeftOut.reason`), by measure.
_OUT_OF_PLAN = ("no_actual", "not_sent", "unsplit", "ended")
_OUT_OF_ACTUAL = ("no_plan", "ended")


def figure_sources(fig: Figure, paired: bool) -> dict[str, list[dict[str, Any]]]:
    """Give the cells behind a row, exactly those its numbers add up: `plan` and `actual` are the cells summed into
    the plan and actual the row shows (with a ratio, those of the paired members and periods only), `estimate` those
    of the estimate; the cells of members left out of the ratio are listed apart, as `plan_left_out` and
    `actual_left_out` (present only when there are some)."""
    plan, actual = fig.plan_sources, fig.actual_sources
    out: dict[str, list[dict[str, Any]]] = {}
    if paired and fig.left_out:
        plan, out["plan_left_out"] = _split_out(plan, fig.left_out, _OUT_OF_PLAN)
        actual, out["actual_left_out"] = _split_out(actual, fig.left_out, _OUT_OF_ACTUAL)
    sources = {"plan": [s.to_dict() for s in plan], "actual": [s.to_dict() for s in actual]}
    if fig.estimate_cells:
        sources["estimate"] = [s.to_dict() for s in fig.estimate_sources]
    sources.update({k: [s.to_dict() for s in v] for k, v in out.items() if v})
    return sources


def _split_out(cells: list, left_out: list[LeftOut], reasons: tuple[str, ...]) -> tuple[list, list]:
    """Give (the cells counted, the cells of members and periods `left_out` for one of `reasons`)."""
    out = [(lo.unit, lo.period) for lo in left_out if lo.reason in reasons]
    if not out:
        return cells, []
    counted, apart = [], []
    for s in cells:
        (apart if any(s.unit == unit and (period is None or s.period == period) for unit, period in out)
         else counted).append(s)
    return counted, apart


def _unit_name(units: UnitTree, code: str) -> str:
    return units.get(code).name if code in units else code


def _parts_text(cover: Coverage, lang: str) -> str:
    kind = f"figure.kind.{cover.frequency}"
    return render("figure.parts", lang, present=cover.present, expected=len(cover.expected),
                  kind=render(kind, "en"), kind_vi=render(kind, "vi"))


def _period_words(label: str | None, lang: str) -> str:
    if not label:
        return ""
    text = Period.parse(label).in_sentence(lang)
    return text[:1].lower() + text[1:] if lang == "vi" else text


def _coverage(figures: FigureSet, units: UnitTree, lang: str) -> dict[str, Any]:
    """Give the report header's statement of what the period's figures are made of: the units missing parts of it,
    and the expected reporters not due for it at their frequency (a month's figures hold the monthly reporters only).

    `due` lists the expected reporters that owe a report for the period (`hrplan.definitions.is_due`); `absent`
    those of them that sent nothing for it (in no figure: not complete), `through_members` those that sent nothing
    in their own name but whose every member did (a district's table of its communes), with those members."""
    missing = figures.incomplete_units()
    period = _period_words(figures.period.label, lang)
    program = figures.program
    absent = {u: f for u, f in not_due(program, figures.period).items() if u not in figures.submitted}
    due = [u for u in program.expected_reporters() if u not in absent
           and (u in figures.submitted or program.lived(u, figures.period))]
    sent_nothing = [u for u in figures.absent if u in due]
    texts = []
    if sent_nothing:
        texts.append(render("report.s.missing_units", lang, n=len(sent_nothing), total=len(due),
                            units=_names(units, sent_nothing, lang)))
    for unit, members in figures.partly_in.items():  # its figures are in the totals, these members' are not
        if unit in due:
            texts.append(_partly_in_text(program, units, figures.period, unit, members, lang))
    if missing:
        items = "; ".join(f"{_unit_name(units, c.unit)} {_parts_text(c, lang)} "
                          f"({', '.join(Period.parse(p).in_sentence(lang) for p in c.missing)})" for c in missing)
        texts.append(render("figure.coverage_header", lang, period=period, items=items))
    if absent:
        held = _names(units, sorted(figures.submitted), lang) or render("figure.coverage_held_none", lang)
        by_frequency = {f: [u for u, g in absent.items() if g == f] for f in dict.fromkeys(absent.values())}
        others = ", ".join(f"{_names(units, codes, lang)} ({render(f'figure.reports_every.{f}', lang)})"
                           for f, codes in by_frequency.items())
        texts.append(render("figure.coverage_not_due", lang, period=period, held=held, others=others))
    unregistered = figures.unregistered
    if unregistered:  # stored, but under no group of today's registry: said first, it changes every total
        parts = sorted({p for labels in unregistered.values() for p in labels}, key=lambda p: Period.parse(p).start)
        texts.insert(0, render("figure.coverage_unregistered", lang, units=", ".join(sorted(unregistered)),
                               periods=", ".join(Period.parse(p).in_sentence(lang) for p in parts)))
    outside = figures.outside_life
    if outside:  # stored before units.yaml gave the unit's life, for a period outside it: in no figure either
        items = "; ".join(f"{_unit_name(units, u)} ({', '.join(Period.parse(p).in_sentence(lang) for p in labels)})"
                          for u, labels in sorted(outside.items()))
        texts.insert(1 if unregistered else 0, render("figure.coverage_outside_life", lang, items=items))
    # Counted though the program's `reporters` do not ask them (a department beside the districts): named, so the
    # committee sees whose figures the totals hold (check.unexpected_reporter says it to the analyst).
    unexpected = unexpected_reporters(program, units, [u for u in figures.submitted
                                                       if u not in unregistered and u not in outside])
    extra = render("figure.coverage_unexpected", lang, units=_names(units, unexpected, lang),
                   reporters=_names(units, list(program.reporters or []), lang)) if unexpected else ""
    common = {"due": due, "absent": sent_nothing, "through_members": dict(figures.through_members),
              "partly_in": {u: {"missing": list(m), "missing_names": [_unit_name(units, c) for c in m]}
                            for u, m in figures.partly_in.items() if u in due},
              "not_due": [{"unit": u, "frequency": f} for u, f in absent.items()],
              "unregistered": [{"unit": u, "periods": list(p)} for u, p in sorted(unregistered.items())],
              "outside_life": [{"unit": u, "periods": list(p)} for u, p in sorted(outside.items())],
              "unexpected": unexpected,
              # the reporters that sent nothing known to report only these indicators: missing from no other
              "reports_only": {u: sorted(codes) for u, codes in sorted(figures.reports.items())}}
    if not texts:  # every report is there; one the program did not ask for is said beside that
        complete = render("figure.coverage_complete", lang, period=period) if figures.coverage else ""
        return {"complete": True, "units": [], **common, "text": " ".join(t for t in (complete, extra) if t)}
    # A unit that sent nothing lacks every part it owed (present 0), beside those that sent some of them.
    lacking = [*(c.to_dict() for c in missing), *(_nothing_sent(program, u, figures.period) for u in sent_nothing)]
    return {"complete": False, "units": sorted(lacking, key=lambda c: c["unit"]), **common,
            "text": " ".join([*texts, *([extra] if extra else [])])}


def _partly_in_text(program: Program, units: UnitTree, period: Period, unit: str, missing: list[str],
                    lang: str) -> str:
    """Give 'Huyện Hàm Yên: mới có 2/3 xã, chưa có Xã Thái Hòa.' for a reporter only some of whose members sent."""
    members = [m for m in units.children(unit) if program.lived(m, period)]
    kinds = {(units.get(m).kind or "").strip() for m in members}
    kind = kinds.pop() if lang == "vi" and len(kinds) == 1 and "" not in kinds else render("report.s.members_kind", lang)
    # Members wholly in: a sub-group with a member missing is not
    present = sum(1 for m in members if m not in missing and not _has_missing_under(units, m, missing))
    return render("report.s.partly_in", lang, unit=_unit_name(units, unit), present=present, total=len(members),
                  kind=kind, missing=_names(units, missing, lang))


def _has_missing_under(units: UnitTree, code: str, missing: list[str]) -> bool:
    return any(m in missing for m in units.descendants(code))


def _nothing_sent(program: Program, unit: str, period: Period) -> dict[str, Any]:
    """Give a unit that sent nothing as a coverage entry: every part it owed missing ('0/4 quý', '0/1 quý')."""
    owed = parts_due(program, unit, period)
    labels = [p.label for p in owed] if owed else [period.label]
    return Coverage(unit, frequency(program, unit) or period.kind, tuple(labels), tuple(labels)).to_dict()


def _names(units: UnitTree, codes: list[str], lang: str, most: int = MOST_NAMED) -> str:
    """Give the units' names, or their count when there are more than `most` (a national report's communes)."""
    if len(codes) > most:
        return render("figure.units_counted", lang, n=len(codes))
    return ", ".join(_unit_name(units, c) for c in codes)


def _over_whole_members(program: Program, figures: FigureSet, units: UnitTree, code: str, top: str | None,
                        lang: str) -> str | None:
    """Give the note of a group's women (or young cadres) whose sum holds a member's number larger than the people it
    planned ('Gồm 50 nữ của Huyện ủy Văn Lãng, nhiều hơn số người quy hoạch 42: số này có lỗi.'), or None. The sum
    keeps the number (nothing dropped in silence: check.planning_share_over_whole is the error at its cell) and the
    row says it is there; the share leaves it out (`planning_share`)."""
    plan = program.indicator(code).planning
    fig = figures.get(top, code) if top else None
    if plan is None or plan.of is None or plan.role not in ("women", "young") or fig is None:
        return None
    items = []
    for unit in dict.fromkeys(fig.members):
        mine, theirs = figures.reported(unit, code), figures.reported(unit, plan.of)
        if mine is None or theirs is None or mine.actual is None or theirs.actual is None:
            continue
        if mine.actual > theirs.actual:
            items.append(render("figure.over_whole.unit", lang, count=format_number(mine.actual, lang=lang),
                                role=render(f"report.role.{plan.role}", lang), unit=_unit_name(units, unit),
                                planned=format_number(theirs.actual, lang=lang)))
    return render("figure.over_whole", lang, items="; ".join(items)) if items else None


def _shown_members(figures: FigureSet, total: Figure,
                   parts: list[Figure | None]) -> tuple[dict[str, Decimal | None], list[str]]:
    """Give (indicator -> the number the report shows, the members whose numbers it leaves out) for a breakdown's
    total and parts: with a ratio the total's row shows its paired members' sum (`ratio_actual`), so each part is
    summed over those same members, the units left out of the total's ratio with their actual taken from it.

    A unit left out for one of its sub-periods only (a quarter without a plan) cannot be taken out of a part that
    adds its periods: then every number is the whole one, as the table's rows are (and the total's footnote gives
    its whole actual)."""
    whole: dict[str, Decimal | None] = {p.indicator.code: p.actual for p in parts if p is not None}
    whole[total.indicator.code] = total.actual
    outside = [lo for lo in total.left_out if lo.actual is not None and lo.reason != "ended"]
    if total.ratio is None or not outside or any(lo.period is not None for lo in outside):
        return whole, []
    units = list(dict.fromkeys(lo.unit for lo in outside))
    shown = dict(whole)
    shown[total.indicator.code] = total.ratio_actual
    for p in parts:
        if p is None or p.actual is None:
            continue
        value = p.actual
        for unit in units:
            theirs = figures.reported(unit, p.indicator.code)
            if theirs is not None and theirs.actual is not None:
                value -= theirs.actual
        shown[p.indicator.code] = value
    return shown, units


def _beyond_text(units: UnitTree, total: Figure, part: Figure, shown: dict[str, Decimal | None], outside: list[str],
                 lang: str) -> str:
    """'Gồm cả 6 của Huyện ủy Lộc Bình, không tính trong tổng 258 (…); cùng các đơn vị của tổng: 170.'"""
    return render("figure.breakdown_part_beyond", lang, value=format_number(part.actual, lang=lang),
                  units=", ".join(_unit_name(units, u) for u in outside),
                  total=format_number(shown[total.indicator.code], lang=lang), name=total.indicator.name_in(lang),
                  shown=format_number(shown[part.indicator.code], lang=lang))


def _breakdown_text(program: Program, total: Figure, parts: list[Figure], lang: str, summary: list[dict],
                    shown: dict[str, Decimal | None]) -> str:
    """Give the total's sentence with its parts: '…: 424 lượt người, trong đó: nam 217; nữ 204.' When the total has
    a ratio, a longer plan or missing parts, its own sentence says them and the parts follow it ('…, đạt 106% kế
    hoạch (vượt) (số liệu chưa đủ: …); trong đó: nam 217; nữ 204.'): never a total stripped of what it lacks.
    `shown`: each number over the members the total's row shows (`_shown_members`)."""
    name = lambda f: f.indicator.name_in(lang)  # noqa: E731
    listed = "; ".join(f"{part_name(name(p))} {format_number(shown[p.indicator.code], lang=lang)}" for p in parts
                       if p.actual is not None)
    row = next((r for r in summary if r["indicator"] == total.indicator.code and r["unit"] == total.unit), None)
    if row is not None and row.get("sentence") and (row["ratio"] is not None or total.incomplete or total.context
                                                    or total.absent):
        return row["sentence"][:-1] + render("figure.sentence.of_which", lang, parts=listed) + "."
    return render("figure.sentence.breakdown", lang, name=name(total),
                  actual=format_number(shown[total.indicator.code], lang=lang),
                  uom=program.measure_book().label(total.indicator.uom, lang), parts=listed)


def _breakdown_mismatch(b, figures: FigureSet, units: UnitTree, top: str, total: Figure, parts: list[Figure | None],
                        lang: str, shown: dict[str, Decimal | None], outside: list[str]) -> str | None:
    """Give the note of a group's breakdown whose parts do not add up to its total, naming the units whose own parts
    do not (and those that wrote the total without every part), or None when they add up. The numbers are those the
    row shows (`shown`), over its members: the units `outside` them are not named."""
    shown_total = shown[total.indicator.code]
    if any(p is None or p.actual is None for p in parts):
        summed = None
    else:
        summed = sum((shown[p.indicator.code] for p in parts), Decimal(0))
        if (summed == shown_total) if b.complete else (summed <= shown_total):
            return None
    named = []
    for unit in units.subtree(top):
        if unit in outside:
            continue
        mine = figures.reported(unit, b.total)
        theirs = [figures.reported(unit, p) for p in b.parts]
        if mine is None or mine.actual is None:
            continue
        if any(p is None or p.actual is None for p in theirs):
            if summed is not None:  # every part has a number somewhere: a unit without one of them is part of why
                named.append(render("figure.breakdown_mismatch.partial", lang, unit=_unit_name(units, unit)))
            continue
        own = sum((p.actual for p in theirs), Decimal(0))
        if (own != mine.actual) if b.complete else (own > mine.actual):
            named.append(render("figure.breakdown_mismatch.unit", lang, unit=_unit_name(units, unit),
                                total=format_number(mine.actual, lang=lang), parts_sum=format_number(own, lang=lang)))
    if summed is None and not named:
        return None  # a part nobody wrote: the sentence lists the parts there are, nothing adds up wrongly
    return render("figure.breakdown_mismatch", lang, total=format_number(shown_total, lang=lang),
                  parts_sum=format_number(summed, lang=lang) if summed is not None else "-",
                  units="; ".join(named) or "-")


def part_name(name: str) -> str:
    """Give a part's name as it reads after 'trong đó:': 'Trong đó: nữ' -> 'nữ', 'Of which women' -> 'women'."""
    lowered = _lower_first(name)
    for lead in ("trong đó:", "trong đó", "of which:", "of which"):
        if lowered.lower().startswith(lead):
            return lowered[len(lead):].lstrip(" :-–")
    return lowered


def _narrative(program: Program, summary: list[dict], breakdowns: list[dict]) -> list[str]:
    """Give the report's sentences: one per indicator; a breakdown's parts are told with their total
    (and again on their own only when they have a ratio worth saying, e.g. "285% of plan")."""
    told = {b["total"]["indicator"]: b["text"] for b in breakdowns}
    parts = {p["indicator"] for b in breakdowns for p in b["parts"]}
    lines = []
    for row in summary:
        if row["indicator"] in told:
            lines.append(told[row["indicator"]])
        elif row["sentence"] and (row["indicator"] not in parts or row["ratio"] is not None):
            lines.append(row["sentence"])
    return lines


def _place(scope_name: str) -> str:
    """Give the place name a report is dated from: 'Tỉnh Cao Bằng' -> 'Cao Bằng'."""
    for prefix in ("Tỉnh ", "Thành phố ", "Huyện ", "Xã ", "Phường "):
        if scope_name.startswith(prefix):
            return scope_name[len(prefix):]
    return scope_name


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]

