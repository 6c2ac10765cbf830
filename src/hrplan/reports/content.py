"""The body of a report as a person reads it, built from the report data: a summary paragraph per section of the
program, the indicator table in the program's sections (breakdown parts indented), planning ratios, the top
levels of the unit tree, the units behind plan, the errors, what the figures lack.

Provenance (files, sheets, cells) stays out of the body: it is in the JSON (with --sources).
"""
from __future__ import annotations

import re

from collections.abc import Mapping
from datetime import date
from typing import Any

from hrplan.definitions import Direction, IndicatorKind, MeasureBook, Period, Program, UnitTree
from hrplan.messages import render
from hrplan.reports.data import absent_mark, part_name, status_key
from hrplan.values import format_number

JUDGED = ("over", "met", "nearly", "behind")  # the words of a figure judged against a plan
BEHIND = ("behind", "nearly")  # a planning ratio out of its band is not behind plan: it is told under planning
# The findings on the planning regulation's limits and bands: told in the planning section, unit by unit.
PLANNING_CODES = ("check.planning_ratio_out_of_band", "check.planning_women_share", "check.planning_young_share",
                  "check.planning_titles_per_person", "check.planning_people_per_title")
# The findings on what is missing, told under what the figures lack (coverage, units that sent nothing), not as errors.
MISSING_CODES = ("check.missing_submission", "check.incomplete_period")
MAX_APPENDIX = 100  # warnings listed in the appendix; the rest are counted and left to the workbook
MAX_BEHIND = 30  # units behind plan listed in the body; the rest are counted and left to the workbook
_ROMAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV".split()


def roman(n: int) -> str:
    return _ROMAN[n - 1] if n <= len(_ROMAN) else str(n)


_MEASURES = MeasureBook()


def uom(name: str, lang: str) -> str:
    """Give a unit of measure in `lang` (the measure book's English name: 'lượt người' -> 'person-times')."""
    return _MEASURES.label(name, lang)


class Notes:
    """The numbered notes of a document: a row that lacks something carries a mark "(n)" pointing at its note.

    Rows whose notes say the same thing share one mark (the province's row and the district that lacks a quarter)."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def mark(self, row: dict | None) -> str:
        """Give the mark of a report row's footnotes ("" when it has none), numbering a new note when needed."""
        notes = (row or {}).get("footnotes") or []
        if not notes:
            return ""
        text = " ".join(notes)
        if text not in self.texts:
            self.texts.append(text)
        return f"({self.texts.index(text) + 1})"

    def lines(self) -> list[str]:
        return [f"({n}) {text}" for n, text in enumerate(self.texts, start=1)]


def _marked(name: str, mark: str) -> str:
    return f"{name} {mark}" if mark else name


def sections(program: Program, data: dict[str, Any], lang: str, notes: Notes | None = None) -> list[dict[str, Any]]:
    """Give the program's sections in order, each with its summary paragraph and its table rows.

    A row that lacks something (parts of the period, members left out of its ratio, a partial plan) carries the
    mark of its note in its name, and its sentence says what it lacks."""
    notes = notes if notes is not None else Notes()
    rows = {r["indicator"]: r for r in data["summary"]}
    part_of = {p: b.total for b in program.breakdowns for p in b.parts}
    parts_of = {b.total: b.parts for b in program.breakdowns}
    order: dict[str, list[str]] = {}
    for ind in program.indicators:
        order.setdefault(ind.section or "", []).append(ind.code)
    indicators = {i.code: i for i in program.indicators}
    out = []
    for n, (name, codes) in enumerate(order.items(), start=1):
        table, sentences, count = [], [], 0
        placed: set[str] = set()
        for code in codes:
            if code in placed or (part_of.get(code) in codes):
                continue  # a part is placed under its total
            count += 1
            table.append(_row(indicators[code], rows.get(code), str(count), 1, lang, notes))
            placed.add(code)
            parts = [p for p in parts_of.get(code, []) if p in indicators]
            for part in parts:
                table.append(_row(indicators[part], rows.get(part), "-", 2, lang, notes))
                placed.add(part)
            sentence = _sentence(indicators[code], rows.get(code), [rows.get(p) for p in parts], lang, notes)
            if sentence:
                sentences.append(sentence)
            for part in parts:  # a part with a ratio worth saying ("285% of plan") gets its own sentence too
                if rows.get(part) and rows[part]["ratio"] is not None:
                    sentences.append(_sentence(indicators[part], rows[part], [], lang, notes))
        heading = program.section_name(name, lang) if name else render("report.other_section", lang)
        out.append({"number": n, "roman": roman(n), "name": heading, "rows": table,
                    "paragraph": " ".join(s for s in sentences if s) or render("report.s.no_figures", lang)})
    return out


def _row(ind, row: dict | None, number: str, level: int, lang: str, notes: Notes) -> dict[str, Any]:
    name = ind.name_in(lang)
    shown = (row or {}).get("display", {})
    status = row["status"] if row else "no_data"
    mark = notes.mark(row)
    return {"no": number, "level": level, "name": _marked(name, mark), "mark": mark, "code": ind.code,
            "uom": uom(ind.uom, lang), "incomplete": bool(row and row.get("incomplete")),
            "plan": shown.get("plan", "-"), "actual": shown.get("actual", "-"),
            "estimate": shown.get("estimate", "-"), "has_estimate": bool(row and row.get("estimate") is not None),
            "ratio": unbroken(shown.get("ratio", "-")), "status": status,
            "status_text": "" if status == "no_plan" else render(f"status.{status_key(status, ind.direction)}", lang)}


def _sentence(ind, row: dict | None, parts: list[dict | None], lang: str, notes: Notes) -> str:
    """Give one indicator as a report sentence: 'Cử … y tế: 117 người, đạt 285% kế hoạch (vượt).'

    A figure built from a unit's incomplete parts says so in the sentence, naming the units; any other note of
    the row is pointed at by its mark."""
    if not row or row.get("actual") is None:
        return ""
    told = [p for p in parts if p and p.get("actual") is not None]
    # A total that has a ratio or lacks something keeps its own sentence, the parts after it, as the JSON's
    # narrative says it (`data._breakdown_text`): never '66 người, trong đó: …' stripped of its '108% kế hoạch'.
    own = bool(told) and (row["ratio"] is not None or bool(row.get("incomplete")) or bool(row.get("absent")))
    text = capital_first(_plain_sentence(ind, row, [] if own else told, lang))  # lowercase name: 'of which health'
    if row.get("incomplete"):
        lacking = "; ".join(f"{c.get('unit_name', c['unit'])} {_parts_words(c, lang)}" for c in row["incomplete"])
        text = text[:-1] + render("figure.sentence.incomplete", lang, parts=lacking) + "."
    if row.get("absent"):  # the units it lacks, beside the figure, as the parts it lacks are
        text = text[:-1] + absent_mark(row["absent"], lang) + "."
    mark = notes.mark(row)
    if mark and len(row.get("footnotes") or []) > len(row.get("incomplete") or []) + bool(row.get("absent")):
        text = text[:-1] + f" {mark}."  # else the sentence already says all its note says
    if own:
        listed = "; ".join(f"{part_name(p['name'])} {_part_figure(p)}" for p in told)
        text = text[:-1] + render("figure.sentence.of_which", lang, parts=listed) + "."
    return text


def _part_figure(part: dict) -> str:
    """Give a part's figure as its total's sentence tells it: over the members the total's row shows."""
    return part["display"].get("in_total", part["display"]["actual"])


def _parts_words(cover: dict, lang: str) -> str:
    return render("figure.parts", lang, present=cover["present"], expected=len(cover["expected"]),
                  kind_vi=render(f"figure.kind.{cover['frequency']}", "vi"), kind=render(f"figure.kind.{cover['frequency']}", "en"))


def _plain_sentence(ind, row: dict, parts: list[dict | None], lang: str) -> str:
    d = row["display"]
    params = {"name": ind.name_in(lang), "uom": uom(ind.uom, lang),
              "actual": d["actual"], "plan": d["plan"],
              "ratio": d["ratio"], "status": render(f"status.{status_key(row['status'], ind.direction)}", lang)}
    if parts:  # never 'of which of which'; a part over the total's members only, as the total's row shows them
        listed = "; ".join(f"{part_name(p['name'])} {_part_figure(p)}" for p in parts)
        return render("report.s.breakdown", lang, parts=listed, **params)
    if row["ratio"] is None:
        return render("report.s.no_plan", lang, **params)
    if ind.kind is IndicatorKind.PLANNING_RATIO:
        return render("report.s.planning", lang, **params, band=_band_words(d, lang))
    if ind.kind is IndicatorKind.COVERAGE:
        return render("report.s.coverage", lang, **params)
    if ind.direction is Direction.LOWER:
        return render("report.s.lower", lang, **params)
    return render("report.s.count", lang, **params)


def _band_words(display: dict[str, Any], lang: str) -> str:
    """Give a row's band after its status word: ' 1,0–1,3 lần theo Quy định 50-QĐ/TW' (the band in force on the
    period's last day, `ReportRows.row`), or ''."""
    band, source = display.get("band"), display.get("band_source")
    if not band or band == "-":
        return ""
    return render("band.in_sentence" if source else "band.in_sentence.no_source", lang, band=band, source=source)


def planning(program: Program, data: dict[str, Any], lang: str, notes: Notes | None = None) -> list[dict[str, Any]]:
    """Give the planning ratios (candidates per seat) of the scope with their norm band: the one in force on the
    period's last day, with the regulation that set it ('1,0–1,3 lần (Quy định 50-QĐ/TW)'). A row that lacks
    something carries the mark of its note, as in the indicator table (the same note, the same number)."""
    notes = notes if notes is not None else Notes()
    kinds = {i.code: i for i in program.indicators if i.kind is IndicatorKind.PLANNING_RATIO}
    end = date.fromisoformat(data["period"]["end"])
    out = []
    for row in data["summary"]:
        ind = kinds.get(row["indicator"])
        if ind is None:
            continue
        in_force = ind.band_at(end)
        band = unbroken(in_force.describe(lang)) if in_force else "-"
        band += f" ({in_force.source})" if in_force and in_force.source else ""
        mark = notes.mark(row)
        out.append({"name": _marked(row["name"], mark), "mark": mark, "seats": row["display"]["plan"],
                    "candidates": row["display"]["actual"], "ratio": unbroken(row["display"]["ratio"]),
                    "band": band, "status": row["status"], "status_text": render(f"status.{row['status']}", lang)})
    return out


def top_units(data: dict[str, Any], units: UnitTree, lang: str, notes: Notes | None = None) -> list[dict[str, Any]]:
    """Give the figures of the units directly under the scope (the top level of the tree), indicators with a plan
    and an actual; a unit with none such but with plans (it sent its estimate, or left the actuals for later) shows
    those plans, without an actual: it reported, and is one of the units the section shows and counts."""
    scope = data["scope"]["code"]
    if not scope or scope not in units:
        return []
    children = set(units.children(scope))
    mine = [r for r in data["units"] if r["unit"] in children]
    judged = {r["unit"] for r in mine if r["ratio"] is not None}
    rows = [r for r in mine if r["ratio"] is not None or _not_judged(r)
            or r["unit"] not in judged and r["status"] == "no_data" and r["plan"] is not None]
    # A unit that sent figures none of which has a ratio (0 seats beside its candidates, an error): shown with them.
    shown = {r["unit"] for r in rows}
    rows += [r for r in mine if r["unit"] not in shown and (r["actual"] is not None or r["plan"] is not None)]
    notes = notes if notes is not None else Notes()
    out = [_unit_row(r, lang, notes) for r in rows]
    # A due unit under the scope that sent nothing: a row per plan it had ('Chưa gửi báo cáo', KH 30), or one row.
    shown = {r["unit"] for r in rows}
    for unit in (data.get("coverage") or {}).get("absent", []):
        if unit in children and unit not in shown:
            out += _unsent_rows(data, units, unit, lang)
    rank = {c: i for i, c in enumerate(units.children(scope))}
    out.sort(key=lambda r: rank.get(r["unit_code"], 0))  # stable: each unit's rows keep their order
    return out


def _unsent_rows(data: dict[str, Any], units: UnitTree, unit: str, lang: str) -> list[dict[str, Any]]:
    """Give the rows of a unit that sent nothing: each indicator it had a plan for, with that plan, or one row."""
    name = units.get(unit).name if unit in units else unit
    status = render("report.s.unit_not_sent", lang)
    out = []
    for r in data["summary"]:
        plans = [lo["plan"] for lo in r["left_out"] if lo["unit"] == unit and lo["reason"] == "no_submission"
                 and lo["plan"] is not None]
        if plans:
            out.append({"unit": name, "unit_code": unit, "indicator": r["indicator"], "name": r["name"], "mark": "",
                        "incomplete": False, "uom": uom(r["uom"], lang), "plan": format_number(plans[0], lang=lang),
                        "actual": "-", "ratio": "-", "status": "not_sent", "status_text": status, "is_group": False})
    return out or [{"unit": name, "unit_code": unit, "indicator": "", "name": "", "mark": "", "incomplete": False,
                    "uom": "", "plan": "-", "actual": "-", "ratio": "-", "status": "not_sent", "status_text": status,
                    "is_group": False}]


def behind(data: dict[str, Any], lang: str, limit: int = MAX_BEHIND,
           notes: Notes | None = None) -> tuple[list[dict[str, Any]], int]:
    """Give the units behind plan (worst first, at most `limit`) and how many more there are."""
    rows = [r for r in data["units"] if r["status"] in BEHIND and r["ratio"] is not None]
    rows.sort(key=lambda r: (r["status"] not in ("behind", "below_band", "above_band"), r["ratio"]))
    notes = notes if notes is not None else Notes()
    return [_unit_row(r, lang, notes) for r in rows[:limit]], max(0, len(rows) - limit)


def none_behind(data: dict[str, Any], lang: str, scope: str) -> str:
    """Give what the report says when no unit is behind plan: that none is, only when some unit's figure was judged
    against a plan of its own; else that no unit could be judged (a planning ratio is judged against its band, not a
    plan; a target the scope alone has, 24 of 40 for the province, is told with the indicators)."""
    if any(r["status"] in JUDGED for r in data["units"]):
        return render("report.s.none_behind", lang)
    if any(r["status"] in JUDGED for r in data["summary"]):
        return render("report.s.none_judged_units", lang, scope=scope)
    return render("report.s.none_judged", lang)  # without a plan nothing is behind it, nor met


def _not_judged(r: dict[str, Any]) -> bool:
    """Tell whether a row has a plan and an actual but no ratio, because a part's share of its plan is unknown (a
    quarter not sent or without its actual, no `interim` rule): shown, with its plan and actual, as not judged."""
    return r["ratio"] is None and any(lo["reason"] == "unsplit" for lo in r["left_out"])


def _unit_row(r: dict[str, Any], lang: str, notes: Notes) -> dict[str, Any]:
    d = r["display"]
    mark = notes.mark(r)
    status_text = render("status.not_judged" if _not_judged(r)
                         else f"status.{status_key(r['status'], r.get('direction', 'higher'))}", lang)
    return {"unit": r["unit_name"], "unit_code": r["unit"], "indicator": r["indicator"], "name": _marked(r["name"], mark), "mark": mark, "incomplete": bool(r.get("incomplete")), "uom": uom(r["uom"], lang), "plan": d["plan"],
            "actual": d["actual"], "ratio": d["ratio"], "status": r["status"],
            "status_text": status_text, "direction": r.get("direction", "higher"), "is_group": r["is_group"]}


def finding_text(f: Mapping[str, Any], units: UnitTree) -> str:
    """Give a finding as a line of the document, naming its unit: 'Huyện Bắc Quang: Lượt cán bộ…: tổng … nhưng …'
    (a message names what is wrong, not always where; the same message from three units must read as three)."""
    message = f["message"]
    unit = f["unit"]
    if not unit:
        return message
    name = units.get(unit).name if unit in units else unit
    message = message.replace(f"{name} ({unit})", name)  # codes are for the JSON and the workbook, not the committee
    return message if name in message else f"{name}: {message}"


def findings(data: dict[str, Any], units: UnitTree) -> tuple[list[str], int]:
    """Give the findings that are errors in the figures, each naming its unit, and the number of warnings. What is
    missing (a unit's report, a quarter of its year) is not an error in a figure: `lacks` tells it."""
    errors = [finding_text(f, units) for f in data["findings"]
              if f["severity"] == "error" and f["code"] not in MISSING_CODES]
    return errors, data["counts"]["warnings"]


def planning_breaches(data: dict[str, Any], units: UnitTree) -> tuple[list[str], list[str]]:
    """Give the units under the scope outside a limit or band of the planning regulation (the check's findings: a
    share under its floor, a maximum over its limit, a planning ratio out of its band), in the tree's order, each
    naming its unit and its own regulation, and the regulations they name, once each. The scope's own standing is
    told by the planning table and `data['planning_limits']`."""
    scope = data["scope"]["code"]
    order = {u: i for i, u in enumerate(units.subtree(scope))} if scope and scope in units else {}
    found = [f for f in data["findings"] if f["code"] in PLANNING_CODES and f["unit"] and f["unit"] != scope]
    found.sort(key=lambda f: (order.get(f["unit"], len(order)), PLANNING_CODES.index(f["code"])))
    sources = list(dict.fromkeys(f["params"].get("source") or "-" for f in found))
    return [finding_text(f, units) for f in found], sources


def told_warnings(data: dict[str, Any], behind_rows: list[dict[str, Any]]) -> set[tuple[str, str | None, str | None]]:
    """Give the (code, unit, indicator) of the warnings the body already tells: the planning limits and bands (in the
    planning section) and the units behind plan it lists."""
    scope = data["scope"]["code"]
    listed = {(r["unit_code"], r["indicator"]) for r in behind_rows}
    told = set()
    for f in data["findings"]:
        if f["severity"] != "warning":
            continue
        key = (f["code"], f["unit"], f["indicator"])
        if f["code"] in PLANNING_CODES:
            told.add(key)
        elif f["code"] == "check.behind_plan" and (f["unit"] == scope or (f["unit"], f["indicator"]) in listed):
            told.add(key)
    return told


def other_warnings(data: dict[str, Any], units: UnitTree, told: set, limit: int = MAX_APPENDIX
                   ) -> tuple[list[dict[str, Any]], int]:
    """Give the warnings the body does not tell, for the appendix (at most `limit`, each with its unit's name), and
    how many there are in all."""
    rest = [f for f in data["findings"]
            if f["severity"] == "warning" and (f["code"], f["unit"], f["indicator"]) not in told]
    rows = [{"no": n, "unit": (units.get(f["unit"]).name if f["unit"] in units else f["unit"] or ""),
             "text": f["message"]} for n, f in enumerate(rest[:limit], start=1)]
    return rows, len(rest)


def lacks(program: Program, data: dict[str, Any], units: UnitTree, lang: str) -> list[str]:
    """Give what the figures lack, said plainly: units that sent nothing, periods not covered, indicators without
    figures, members left out of a ratio."""
    out = []
    coverage = data.get("coverage") or {}
    # The units that sent nothing (a district whose every commune sent is not one of them) open the coverage text,
    # with those not due and the parts missing.
    if coverage.get("text") and not coverage.get("complete", True):
        out.append(coverage["text"])
    end = data["period"]["end"]
    for unit, periods in data["submissions"].items():
        last = max(Period.parse(p).end for p in periods).isoformat()
        if last < end:
            name = units.get(unit).name if unit in units else unit
            out.append(render("report.s.partial_units", lang, unit=name, end=_date_text(last, lang)))
    for r in data["summary"]:
        if r.get("lacks"):
            out.append(f"{r['name']}: " + " ".join(r["lacks"]))
    summary = {r["indicator"] for r in data["summary"] if r.get("actual") is not None}
    empty = [i.name_in(lang) for i in program.indicators if i.code not in summary]
    if empty:
        out.append(render("report.s.no_data", lang, names="; ".join(empty)))
    return out  # members with an actual and no plan are in each row's lacks ('Không tính vào tỷ lệ: …'), once


def _date_text(iso: str, lang: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def unbroken(figure: str) -> str:
    """Give a figure of a table cell with no break between its number and the word after it ('1,15 lần', '1.15
    times'): a narrow column of Word or a browser would put 'lần' on a line of its own. A word before the number
    may still go on a line above it ('gần' over '100%'): kept whole, 'gần 100%' was broken inside '100 | %'."""
    return _NUMBER_THEN_WORD.sub("\u00a0", figure)


_NUMBER_THEN_WORD = re.compile(r"(?<=\d) (?=\S)")


def capital_first(sentence: str) -> str:
    """Give a sentence (or a line standing alone) with its first letter capital: 'Of which health …', 'Số liệu từ …'."""
    return sentence[:1].upper() + sentence[1:]
