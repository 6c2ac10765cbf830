"""Charts where people would rather look than read: achievement by indicator against the 100% line, by unit,
and over time. Each chart is drawn once by matplotlib and kept as PNG (for Word) and SVG (inline in HTML).

Why matplotlib: one offline library gives both formats from the same drawing, with no browser or
JavaScript engine at run time (vl-convert would bundle a V8 runtime to do the same).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: charts are files
import matplotlib.pyplot as plt  # noqa: E402

from hrplan.definitions import UnitTree  # noqa: E402
from hrplan.messages import render  # noqa: E402
from hrplan.values import describe_percent  # noqa: E402

_COLOURS = {"over": "#2e7d32", "met": "#2e7d32", "nearly": "#b7791f", "behind": "#b42318"}
MAX_BARS = 15  # a chart with more bars is unreadable on A4; the worst are shown


@dataclass
class Chart:
    """One chart: its caption and the same drawing as PNG bytes and as SVG text."""

    key: str
    title: str
    png: bytes
    svg: str


def make_charts(data: dict[str, Any], lang: str, units: UnitTree | None = None) -> list[Chart]:
    """Give the report's charts: by indicator, by unit (the units directly under the scope, as the report's table of
    units shows them, for the indicator most of them have a ratio in), over time."""
    charts = []
    rows = [r for r in data["summary"] if r["ratio"] is not None and r["kind"] != "planning_ratio"]
    if len(rows) >= 2:
        charts.append(_bars("by_indicator", _caption(render("report.chart.by_indicator", lang), rows, lang),
                            [_bar(_label(r["name"], r, lang), r, lang) for r in rows], lang))
    by_unit = _units_of_most_reported(data, units)
    if by_unit:
        name, rows = by_unit
        charts.append(_bars("by_unit", _caption(render("report.chart.by_unit", lang, name=name), rows, lang),
                            [_bar(_label(r["unit_name"], r, lang), r, lang) for r in rows], lang))
    if any(r["ratio"] is not None for r in data.get("annual") or []):
        charts.append(_over_time(render("report.chart.over_time", lang), data["annual"], lang))
    return charts


def _bar(label: str, row: dict[str, Any], lang: str) -> tuple[str, float, str, str]:
    """Give a bar: its label, ratio, status and the figure written at its end; where lower is better the plan is a
    ceiling, and the figure says how it stands ('111% (vượt trần)'): a long bar there is no success."""
    return label, row["ratio"], row["status"], _value_text(row, lang)


def _value_text(row: dict[str, Any], lang: str) -> str:
    text = _percent(row["ratio"], lang)
    if row.get("direction") == "lower":
        text = render("report.chart.ceiling_value", lang, ratio=text, status=row["status_text"])
    return text


def _label(name: str, row: dict[str, Any], lang: str) -> str:
    """Give a bar's label, starred when its figure lacks parts of the period ('* Huyện Hòa An'; the caption says
    what the star means)."""
    return "* " + name if row.get("incomplete") else name


def _caption(title: str, rows: list[dict[str, Any]], lang: str) -> str:
    return title + render("report.chart.incomplete", lang) if any(r.get("incomplete") for r in rows) else title


def _units_of_most_reported(data: dict[str, Any], units: UnitTree | None = None) -> tuple[str, list[dict]] | None:
    """Give the indicator with a ratio in the most units directly under the scope, and those units' rows (a group's
    row is its members' sums: a district behind plan is shown, not only its communes). Without the unit tree, or
    with fewer than two such units, the units that are no group are charted instead."""
    scope = (data.get("scope") or {}).get("code")
    top = set(units.children(scope)) if units is not None and scope and scope in units else set()
    for level in ((lambda r: r["unit"] in top), (lambda r: not r["is_group"])):
        per: dict[str, list[dict]] = {}
        for r in data["units"]:
            if r["ratio"] is not None and r["kind"] != "planning_ratio" and level(r):
                per.setdefault(r["indicator"], []).append(r)
        if per:
            code, rows = max(per.items(), key=lambda kv: len(kv[1]))
            if len(rows) >= 2:
                return rows[0]["name"], rows
    return None


def _short(text: str, n: int = 48) -> str:
    """Give a label on at most two lines of about n/2 characters (cut with '…' beyond)."""
    import textwrap

    lines = textwrap.wrap(text, max(12, n // 2 + 6))
    if len(lines) > 2:
        lines = [lines[0], lines[1][: max(12, n // 2 + 6) - 1].rstrip() + "…"]
    return "\n".join(lines)


def _bars(key: str, title: str, items: list[tuple[str, float, str, str]], lang: str) -> Chart:
    if len(items) > MAX_BARS:
        items = sorted(items, key=lambda i: i[1])[:MAX_BARS]
    labels = [_short(i[0]) for i in items][::-1]
    values = [i[1] * 100 for i in items][::-1]
    texts = [i[3] for i in items][::-1]
    colours = [_COLOURS.get(i[2], "#555555") for i in items][::-1]
    fig, ax = plt.subplots(figsize=(6.3, 0.5 * len(items) + 1.0), dpi=150)
    ax.barh(labels, values, color=colours, height=0.6)
    ax.axvline(100, color="#000000", linewidth=1.2, linestyle="--")
    for y, (v, text) in enumerate(zip(values, texts)):
        ax.text(v + max(values) * 0.01, y, text, va="center", fontsize=8)
    # room for the longest figure written at a bar's end ('111% (vượt trần)')
    room = 1.15 + 0.012 * max(max(len(t) for t in texts) - 5, 0)
    ax.set_xlim(0, max(max(values) * room, 110))
    ax.set_xlabel(render("report.chart.axis_percent", lang), fontsize=8)
    _style(ax)
    return _finish(key, title, fig)


def _over_time(title: str, annual: list[dict], lang: str) -> Chart:
    """Give each indicator's years against their annual targets: a year without a plan has no point (nothing is 0%
    of a plan that does not exist); a year the report only partly covers is named by the part it covers ('2027
    (đến 30/06)'); where lower is better the line is dotted, its points say how they stand against the ceiling."""
    fig, ax = plt.subplots(figsize=(6.3, 2.8), dpi=150)
    years = list(dict.fromkeys(r.get("span") or str(r["year"]) for r in annual))
    by_indicator: dict[str, list[dict]] = {}
    for row in annual:
        by_indicator.setdefault(row["indicator"], []).append(row)
    for rows in by_indicator.values():
        if all(r["ratio"] is None for r in rows):
            continue  # no year of it has a plan: nothing to chart
        ceiling = rows[0].get("direction") == "lower"
        name = _short(rows[0]["name"], 60)
        if ceiling:
            name = render("report.chart.ceiling_legend", lang, name=name)
        at = {r.get("span") or str(r["year"]): r for r in rows}
        xs = [years.index(y) for y in years if y in at]
        values = [at[y]["ratio"] * 100 if at[y]["ratio"] is not None else float("nan") for y in years if y in at]
        ax.plot(xs, values, marker="v" if ceiling else "o", linestyle=":" if ceiling else "-", label=name)
        for x, v, y in zip(xs, values, (y for y in years if y in at)):
            if at[y]["ratio"] is not None:
                # a ceiling's figures under its points, the others' above: two lines meeting keep their labels apart
                ax.annotate(_value_text(at[y], lang), (x, v), textcoords="offset points",
                            xytext=(0, -12) if ceiling else (0, 6), ha="center", fontsize=8,
                            color=_COLOURS["behind"] if ceiling and at[y]["status"] == "behind" else None)
    ax.set_xticks(range(len(years)), years)
    ax.set_xlim(-0.5, len(years) - 0.5)
    ax.axhline(100, color="#000000", linewidth=1.2, linestyle="--")
    ax.set_ylabel(render("report.chart.axis_percent", lang), fontsize=8)
    ax.set_ylim(0, max(max((r["ratio"] or 0) * 100 for r in annual) * 1.2, 110))
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    _style(ax)
    return _finish("over_time", title, fig)


def _percent(ratio: float | None, lang: str) -> str:
    """Give a bar's figure as the text and tables give it (one rounding, half up, at display): 112,5% is '113%',
    99,7% 'gần 100%' (a bar short of plan never reads 100%), 100,4% 'hơn 100%'."""
    return describe_percent(ratio, lang)


def _style(ax) -> None:
    ax.tick_params(labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _finish(key: str, title: str, fig) -> Chart:
    fig.tight_layout()
    png, svg = io.BytesIO(), io.StringIO()
    fig.savefig(png, format="png")
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "hrplan"}):  # text stays text; stable ids
        fig.savefig(svg, format="svg", metadata={"Date": None})
    plt.close(fig)
    text = svg.getvalue()
    text = text[text.index("<svg"):]
    # Inline in HTML the SVG needs no namespace declarations: drop them, so the page names no outside address.
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)  # RDF naming outside vocabularies
    text = re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", text, count=2)
    return Chart(key, title, png.getvalue(), text)
