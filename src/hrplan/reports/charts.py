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


def make_charts(data: dict[str, Any], lang: str) -> list[Chart]:
    """Give the report's charts: by indicator, by unit (for the indicator most units report), over time."""
    charts = []
    rows = [r for r in data["summary"] if r["ratio"] is not None and r["kind"] != "planning_ratio"]
    if len(rows) >= 2:
        charts.append(_bars("by_indicator", _caption(render("report.chart.by_indicator", lang), rows, lang),
                            [(_label(r["name"], r, lang), r["ratio"], r["status"]) for r in rows], lang))
    by_unit = _units_of_most_reported(data)
    if by_unit:
        name, rows = by_unit
        charts.append(_bars("by_unit", _caption(render("report.chart.by_unit", lang, name=name), rows, lang),
                            [(_label(r["unit_name"], r, lang), r["ratio"], r["status"]) for r in rows], lang))
    if data.get("annual"):
        charts.append(_over_time(render("report.chart.over_time", lang), data["annual"], lang))
    return charts


def _label(name: str, row: dict[str, Any], lang: str) -> str:
    """Give a bar's label, starred when its figure lacks parts of the period ('* Huyện Hòa An'; the caption says
    what the star means)."""
    return "* " + name if row.get("incomplete") else name


def _caption(title: str, rows: list[dict[str, Any]], lang: str) -> str:
    return title + render("report.chart.incomplete", lang) if any(r.get("incomplete") for r in rows) else title


def _units_of_most_reported(data: dict[str, Any]) -> tuple[str, list[dict]] | None:
    """Give the indicator with a ratio in the most (non-group) units, and those units' rows."""
    per: dict[str, list[dict]] = {}
    for r in data["units"]:
        if r["ratio"] is not None and not r["is_group"] and r["kind"] != "planning_ratio":
            per.setdefault(r["indicator"], []).append(r)
    if not per:
        return None
    code, rows = max(per.items(), key=lambda kv: len(kv[1]))
    if len(rows) < 2:
        return None
    return rows[0]["name"], rows


def _short(text: str, n: int = 48) -> str:
    """Give a label on at most two lines of about n/2 characters (cut with '…' beyond)."""
    import textwrap

    lines = textwrap.wrap(text, max(12, n // 2 + 6))
    if len(lines) > 2:
        lines = [lines[0], lines[1][: max(12, n // 2 + 6) - 1].rstrip() + "…"]
    return "\n".join(lines)


def _bars(key: str, title: str, items: list[tuple[str, float, str]], lang: str) -> Chart:
    if len(items) > MAX_BARS:
        items = sorted(items, key=lambda i: i[1])[:MAX_BARS]
    labels = [_short(i[0]) for i in items][::-1]
    ratios = [i[1] for i in items][::-1]
    values = [r * 100 for r in ratios]
    colours = [_COLOURS.get(i[2], "#555555") for i in items][::-1]
    fig, ax = plt.subplots(figsize=(6.3, 0.5 * len(items) + 1.0), dpi=150)
    ax.barh(labels, values, color=colours, height=0.6)
    ax.axvline(100, color="#000000", linewidth=1.2, linestyle="--")
    for y, (v, ratio) in enumerate(zip(values, ratios)):
        ax.text(v + max(values) * 0.01, y, _percent(ratio, lang), va="center", fontsize=8)
    ax.set_xlim(0, max(max(values) * 1.15, 110))
    ax.set_xlabel(render("report.chart.axis_percent", lang), fontsize=8)
    _style(ax)
    return _finish(key, title, fig)


def _over_time(title: str, annual: list[dict], lang: str) -> Chart:
    fig, ax = plt.subplots(figsize=(6.3, 2.8), dpi=150)
    by_indicator: dict[str, list[dict]] = {}
    for row in annual:
        by_indicator.setdefault(row["name"], []).append(row)
    for name, rows in by_indicator.items():
        years = [str(r["year"]) for r in rows]
        values = [(r["ratio"] or 0) * 100 for r in rows]
        ax.plot(years, values, marker="o", label=_short(name, 60))
        for x, v, r in zip(years, values, rows):
            ax.annotate(_percent(r["ratio"], lang), (x, v), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
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
