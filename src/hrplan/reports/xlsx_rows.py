"""The rows of the consolidated workbook's sheets: one per indicator and unit of the program's tree, in tree order.

Each indicator's rows follow the unit tree depth first (the scope, then each group followed by its members), so a
member sits under its own group. A unit of the tree with no figure because it sent nothing still has a row for every
indicator, marked for what it lacks: an expected reporter that sent nothing for the period (with the plan it had,
when the program sets one), one not due at its reporting frequency, or a group none of whose members reported. A
unit that sent a file without an indicator gets no row for it (the checks say what its file lacks): a department
does not carry every district's indicators. Units of the registry that the program does not expect and that hold
no figure are not the program's and get no row.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from hrplan.definitions import UnitTree
from hrplan.messages import render
from hrplan.reports.content import uom

COLUMNS = ["indicator", "name", "uom", "kind", "unit", "unit_name", "level", "depth", "is_group", "plan", "actual",
           "estimate", "ratio", "status", "status_text", "notes", "footnotes", "sent"]


def tree_rows(data: dict[str, Any], units: UnitTree, lang: str) -> pd.DataFrame:
    """Give one row per indicator and unit of the program's tree (`COLUMNS`), indicators in the program's order,
    units depth first; `depth` is the level under the scope (0 for the scope), `sent` False on a row without a
    figure; `notes` its footnotes in one text, `footnotes` the list of them."""
    rows = list(data["summary"]) + list(data["units"])
    scope = data["scope"]["code"]
    tree = _program_tree(data, units, scope, {r["unit"] for r in rows})
    position = {code: i for i, code in enumerate(tree)}
    scope_level = _level(units, scope) if scope else 0
    indicators = {r["indicator"]: (r["name"], r["uom"], r["kind"]) for r in rows}
    frame = pd.DataFrame([{
        "indicator": r["indicator"], "name": r["name"], "uom": uom(r["uom"], lang), "kind": r["kind"], "unit": r["unit"],
        "unit_name": r["unit_name"], "is_group": r["is_group"], "plan": r["plan"], "actual": r["actual"],
        "estimate": r.get("estimate"), "ratio": r["ratio"], "status": r["status"],
        "status_text": "" if r["status"] == "no_plan" else r["status_text"],
        "notes": " ".join(r.get("footnotes") or []), "footnotes": list(r.get("footnotes") or []), "sent": True}
        for r in rows], columns=COLUMNS)
    if frame.empty:
        return frame
    frame = frame.drop_duplicates(["indicator", "unit"])
    held = set(zip(frame["indicator"], frame["unit"]))
    plans = _plans_not_sent(rows)
    marks = _marks(data, units, lang)
    silent = [unit for unit in tree if marks(unit)]
    # A unit that sent nothing but is known to report only some indicators has no row for the others: it is missing
    # from no figure of theirs (`FigureSet.owes`).
    only = {u: set(codes) for u, codes in ((data.get("coverage") or {}).get("reports_only") or {}).items()}
    missing = [{"indicator": code, "name": name, "uom": uom(measure, lang), "kind": kind, "unit": unit,
                "unit_name": units.get(unit).name if unit in units else unit, "is_group": units.has_children(unit),
                "plan": _total(plans.get((code, unit))), "actual": None, "estimate": None, "ratio": None, "status": "not_sent",
                "status_text": marks(unit), "notes": "", "footnotes": [], "sent": False}
               for code, (name, measure, kind) in indicators.items() for unit in silent if (code, unit) not in held
               and (unit not in only or code in only[unit])]
    if missing:
        frame = pd.concat([frame, pd.DataFrame(missing, columns=COLUMNS)], ignore_index=True)
    order = {r["indicator"]: i for i, r in enumerate(data["summary"])}
    frame["level"] = [_level(units, u) for u in frame["unit"]]
    frame["depth"] = [max(lv - scope_level, 0) for lv in frame["level"]]
    frame["_ind"] = [order.get(c, len(order)) for c in frame["indicator"]]
    frame["_pos"] = [position.get(u, len(position)) for u in frame["unit"]]
    return frame.sort_values(["_ind", "_pos"], kind="stable").drop(columns=["_ind", "_pos"]).reset_index(drop=True)


def _program_tree(data: dict[str, Any], units: UnitTree, scope: str | None, with_rows: set[str]) -> list[str]:
    """Give the units of the scope's subtree that are the program's (expected reporters, units with figures and the
    groups above them), depth first."""
    coverage = data.get("coverage") or {}
    wanted = set(with_rows) | set(coverage.get("due") or []) | {n["unit"] for n in coverage.get("not_due") or []}
    if scope is None or scope not in units:
        return [u for u in dict.fromkeys(r["unit"] for r in list(data["summary"]) + list(data["units"]))]
    keep = set()
    for code in wanted:
        seen = set()
        while code in units and code not in seen:
            seen.add(code)
            keep.add(code)
            if code == scope:
                break
            code = units.get(code).parent
    return [u for u in units.subtree(scope) if u in keep]


def _plans_not_sent(rows: list[Any]) -> dict[tuple[str, str], dict[Any, float | None]]:
    """Give the plan each unit that sent nothing had, per indicator and part of the period, as the groups above it
    left it out of their ratios ("Yên Sơn chưa gửi báo cáo (KH 50)")."""
    plans: dict[tuple[str, str], dict[Any, float | None]] = {}
    for r in rows:
        if not r["is_group"]:
            continue
        for lo in r.get("left_out") or []:
            if lo["reason"] == "no_submission":
                plans.setdefault((r["indicator"], lo["unit"]), {})[lo["period"]] = lo["plan"]
    return plans


def _total(parts: dict[Any, float | None] | None) -> float | None:
    values = [v for v in (parts or {}).values() if v is not None]
    return sum(values) if values else None


def _marks(data: dict[str, Any], units: UnitTree, lang: str):
    """Give a function naming, in words, why a unit has no figure at all ('' for a unit that sent something)."""
    coverage = data.get("coverage") or {}
    not_due = {n["unit"]: n["frequency"] for n in coverage.get("not_due") or []}
    sent = set(data.get("submissions") or {})

    def mark(unit: str) -> str:
        if unit in not_due:
            return render("report.xlsx.not_due", lang, every=render(f"figure.reports_every.{not_due[unit]}", lang))
        if units.has_children(unit):
            return "" if set(units.descendants(unit)) & sent else render("report.xlsx.no_member_sent", lang)
        return "" if unit in sent else render("report.xlsx.not_sent", lang)

    return mark


def _level(units: UnitTree, code: str) -> int:
    """Give how deep a unit sits in the registry (0 for a root)."""
    depth, seen = 0, set()
    while code in units and units.get(code).parent and code not in seen:
        seen.add(code)
        code = units.get(code).parent
        depth += 1
    return depth
