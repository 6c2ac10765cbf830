"""The body of a report as a person reads it, built from the report data: a summary paragraph per section of the
program, the indicator table in the program's sections (breakdown parts indented), planning ratios, the top
levels of the unit tree, the units behind plan, the errors, what the figures lack.

Provenance (files, sheets, cells) stays out of the body: it is in the JSON (with --sources).
"""
from __future__ import annotations

import re
from typing import Any

from hrplan.definitions import Direction, IndicatorKind, Period, Program, UnitTree
from hrplan.messages import UOM_EN, render

BEHIND = ("behind", "nearly", "below_band", "above_band")
MAX_BEHIND = 30  # units behind plan listed in the body; the rest are counted and left to the workbook
_ROMAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV".split()


def roman(n: int) -> str:
    return _ROMAN[n - 1] if n <= len(_ROMAN) else str(n)


def localise(text: str, lang: str) -> str:
    """Give a displayed figure in the reader's language: '15.185' -> '15,185', 'gần 70%' -> 'nearly 70%'."""
    if lang != "en" or not text:
        return text
    text = re.sub(r"[.,]", lambda m: "," if m[0] == "." else ".", text)
    return text.replace("gần ", "nearly ").replace(" lần", " times")


def uom(name: str, lang: str) -> str:
    return UOM_EN.get(name, name) if lang == "en" else name


def sections(program: Program, data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Give the program's sections in order, each with its summary paragraph and its table rows."""
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
            table.append(_row(indicators[code], rows.get(code), str(count), 1, lang))
            placed.add(code)
            parts = [p for p in parts_of.get(code, []) if p in indicators]
            for part in parts:
                table.append(_row(indicators[part], rows.get(part), "-", 2, lang))
                placed.add(part)
            sentence = _sentence(indicators[code], rows.get(code), [rows.get(p) for p in parts], lang)
            if sentence:
                sentences.append(sentence)
            for part in parts:  # a part with a ratio worth saying ("285% of plan") gets its own sentence too
                if rows.get(part) and rows[part]["ratio"] is not None:
                    sentences.append(_sentence(indicators[part], rows[part], [], lang))
        heading = name or render("report.other_section", lang)
        out.append({"number": n, "roman": roman(n), "name": heading, "rows": table,
                    "paragraph": " ".join(s for s in sentences if s) or render("report.s.no_figures", lang)})
    return out


def _row(ind, row: dict | None, number: str, level: int, lang: str) -> dict[str, Any]:
    name = ind.name_en if lang == "en" and ind.name_en else ind.name
    shown = (row or {}).get("display", {})
    status = row["status"] if row else "no_data"
    return {"no": number, "level": level, "name": name, "code": ind.code, "uom": uom(ind.uom, lang),
            "plan": localise(shown.get("plan", "-"), lang), "actual": localise(shown.get("actual", "-"), lang),
            "estimate": localise(shown.get("estimate", "-"), lang), "has_estimate": bool(row and row.get("estimate") is not None),
            "ratio": localise(shown.get("ratio", "-"), lang), "status": status,
            "status_text": "" if status == "no_plan" else render(f"status.{status}", lang)}


def _sentence(ind, row: dict | None, parts: list[dict | None], lang: str) -> str:
    """Give one indicator as a report sentence: 'Cử … y tế: 117 người, đạt 285% kế hoạch (vượt).'"""
    if not row or row.get("actual") is None:
        return ""
    d = row["display"]
    params = {"name": ind.name_en if lang == "en" and ind.name_en else ind.name, "uom": uom(ind.uom, lang),
              "actual": localise(d["actual"], lang), "plan": localise(d["plan"], lang),
              "ratio": localise(d["ratio"], lang), "status": render(f"status.{row['status']}", lang)}
    told = [p for p in parts if p and p.get("actual") is not None]
    if told:
        listed = "; ".join(f"{_lower_first(p['name'])} {localise(p['display']['actual'], lang)}" for p in told)
        return render("report.s.breakdown", lang, parts=listed, **params)
    if row["ratio"] is None:
        return render("report.s.no_plan", lang, **params)
    if ind.kind is IndicatorKind.PLANNING_RATIO:
        return render("report.s.planning", lang, **params)
    if ind.kind is IndicatorKind.COVERAGE:
        return render("report.s.coverage", lang, **params)
    if ind.direction is Direction.LOWER:
        return render("report.s.lower", lang, **params)
    return render("report.s.count", lang, **params)


def planning(program: Program, data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Give the planning ratios (candidates per seat) of the scope with their norm band."""
    kinds = {i.code: i for i in program.indicators if i.kind is IndicatorKind.PLANNING_RATIO}
    out = []
    for row in data["summary"]:
        ind = kinds.get(row["indicator"])
        if ind is None:
            continue
        band = localise(ind.band.describe(), lang) if ind.band else "-"
        out.append({"name": row["name"], "seats": localise(row["display"]["plan"], lang),
                    "candidates": localise(row["display"]["actual"], lang), "ratio": localise(row["display"]["ratio"], lang),
                    "band": band, "status": row["status"], "status_text": render(f"status.{row['status']}", lang)})
    return out


def top_units(data: dict[str, Any], units: UnitTree, lang: str) -> list[dict[str, Any]]:
    """Give the figures of the units directly under the scope (the top level of the tree), indicators with a plan."""
    scope = data["scope"]["code"]
    if not scope or scope not in units:
        return []
    children = set(units.children(scope))
    rows = [r for r in data["units"] if r["unit"] in children and r["ratio"] is not None]
    rank = {c: i for i, c in enumerate(units.children(scope))}
    rows.sort(key=lambda r: rank.get(r["unit"], 0))
    return [_unit_row(r, lang) for r in rows]


def behind(data: dict[str, Any], lang: str, limit: int = MAX_BEHIND) -> tuple[list[dict[str, Any]], int]:
    """Give the units behind plan (worst first, at most `limit`) and how many more there are."""
    rows = [r for r in data["units"] if r["status"] in BEHIND and r["ratio"] is not None]
    rows.sort(key=lambda r: (r["status"] not in ("behind", "below_band", "above_band"), r["ratio"]))
    return [_unit_row(r, lang) for r in rows[:limit]], max(0, len(rows) - limit)


def _unit_row(r: dict[str, Any], lang: str) -> dict[str, Any]:
    d = r["display"]
    return {"unit": r["unit_name"], "name": r["name"], "uom": uom(r["uom"], lang), "plan": localise(d["plan"], lang),
            "actual": localise(d["actual"], lang), "ratio": localise(d["ratio"], lang), "status": r["status"],
            "status_text": render(f"status.{r['status']}", lang), "is_group": r["is_group"]}


def findings(data: dict[str, Any]) -> tuple[list[str], int]:
    """Give the messages of the findings that are errors, and the number of warnings."""
    errors = [f["message"] for f in data["findings"] if f["severity"] == "error" and f["code"] != "check.missing_submission"]
    return errors, data["counts"]["warnings"]


def lacks(program: Program, data: dict[str, Any], units: UnitTree, lang: str) -> list[str]:
    """Give what the figures lack, said plainly: units that sent nothing, periods not covered, indicators without
    figures, members left out of a ratio."""
    out = []
    expected = program.expected_reporters()
    missing = [u for u in expected if u not in data["submissions"]]
    if missing:
        names = ", ".join(units.get(u).name if u in units else u for u in missing)
        out.append(render("report.s.missing_units", lang, n=len(missing), total=len(expected), units=names))
    end = data["period"]["end"]
    for unit, periods in data["submissions"].items():
        last = max(Period.parse(p).end for p in periods).isoformat()
        if last < end:
            name = units.get(unit).name if unit in units else unit
            out.append(render("report.s.partial_units", lang, unit=name, end=_date_text(last, lang)))
    summary = {r["indicator"] for r in data["summary"] if r.get("actual") is not None}
    empty = [i.name_en if lang == "en" and i.name_en else i.name for i in program.indicators if i.code not in summary]
    if empty:
        out.append(render("report.s.no_data", lang, names="; ".join(empty)))
    for r in data["summary"]:
        if r["unpaired"] and r["ratio"] is not None:
            names = ", ".join(units.get(u).name if u in units else u for u in r["unpaired"])
            out.append(render("report.s.unpaired", lang, name=r["name"], units=names))
    return out


def _date_text(iso: str, lang: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]
