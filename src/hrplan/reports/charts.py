"""Charts where people would rather look than read: achievement by indicator against the 100% line, by unit,
and over time. Each chart is drawn once by matplotlib and kept as PNG (for Word) and SVG (inline in HTML).

Why matplotlib: one offline library gives both formats from the same drawing, with no browser or
JavaScript engine at run time (vl-convert would bundle a V8 runtime to do the same).
"""
from __future__ import annotations

import io
import re
import textwrap
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
# A bar's name on lines of at most 34 characters (4,3 cm at 8 pt of the chart's 15 cm), three at most; a longer name is
# shortened at a word and given in full in a note under the chart.
LABEL_CHARS, LABEL_LINES = 34, 3


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
    lines = textwrap.wrap(text, max(12, n // 2 + 6))
    if len(lines) > 2:
        lines = [lines[0], lines[1][: max(12, n // 2 + 6) - 1].rstrip() + "…"]
    return "\n".join(lines)


def _wrapped(text: str, width: int = LABEL_CHARS, lines: int = LABEL_LINES) -> tuple[str, bool]:
    """Give a bar's name on at most `lines` lines broken between words, and whether it had to be shortened: the
    last line then ends at a word with '…' (never inside a word: 'viên ca…')."""
    out = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    if len(out) <= lines:
        return "\n".join(out), False
    last = out[lines - 1]
    while len(last) + 2 > width and " " in last:
        last = last.rsplit(" ", 1)[0]
    return "\n".join(out[:lines - 1] + [last.rstrip(",;:-") + " …"]), True


def _bar_labels(names: list[str]) -> tuple[list[str], list[str]]:
    """Give the bars' labels, each on at most three lines, and the notes under the chart that give in full the
    names shortened to fit ('(a) Tổng số cán bộ … giới thiệu ứng cử'): each shortened label ends with its letter."""
    labels, notes = [], []
    for name in names:
        label, cut = _wrapped(name)
        if cut:
            mark = f"({chr(ord('a') + len(notes))})"
            label, _ = _wrapped(name, LABEL_CHARS - len(mark) - 1)
            label += " " + mark
            notes.append(f"{mark} {name}")
        labels.append(label)
    return labels, notes


def _bars(key: str, title: str, items: list[tuple[str, float, str, str]], lang: str) -> Chart:
    if len(items) > MAX_BARS:
        items = sorted(items, key=lambda i: i[1])[:MAX_BARS]
    labels, notes = _bar_labels([i[0] for i in items])
    labels = labels[::-1]
    values = [i[1] * 100 for i in items][::-1]
    texts = [i[3] for i in items][::-1]
    colours = [_COLOURS.get(i[2], "#555555") for i in items][::-1]
    tall = max(label.count("\n") + 1 for label in labels) > 2  # three-line names need more room between bars
    note_lines = [line for note in notes for line in textwrap.wrap(note, 120)]
    fig, ax = plt.subplots(figsize=(6.3, (0.62 if tall else 0.5) * len(items) + 1.0 + 0.16 * len(note_lines)), dpi=150)
    ax.barh(range(len(labels)), values, color=colours, height=0.6)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.axvline(100, color="#000000", linewidth=1.2, linestyle="--")
    ax.set_xlabel(render("report.chart.axis_percent", lang), fontsize=8)
    _style(ax)
    if note_lines:
        fig.text(0.01, 0.01, "\n".join(note_lines), fontsize=7, va="bottom", ha="left")
        fig.tight_layout(rect=(0, (0.16 * len(note_lines) + 0.1) / fig.get_figheight(), 1, 1))
    else:
        fig.tight_layout()
    marks = [ax.annotate(text, (v, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
             for y, (v, text) in enumerate(zip(values, texts))]
    _clear_of_line(fig, ax, marks, values)
    return _finish(key, title, fig, layout=False)


def _clear_of_line(fig, ax, marks: list, values: list[float]) -> None:
    """Write each bar's figure at the bar's end, or just past the 100% line when it would sit on it ('gần 70%' over
    the line of a chart reaching 300%), and widen the axis until every figure fits inside it."""
    ax.set_xlim(0, max(max(values) * 1.05, 110))
    renderer = fig.canvas.get_renderer()
    for _ in range(4):  # the axis's scale moves the figures' ends: settle it
        line = ax.transData.transform((100, 0))[0]
        for mark, v in zip(marks, values):
            mark.xy = (v, mark.xy[1])
            box = mark.get_window_extent(renderer)
            if box.x0 - 3 < line < box.x1 + 3:
                mark.xy = (100, mark.xy[1])
        right = max(ax.transData.inverted().transform((m.get_window_extent(renderer).x1, 0))[0] for m in marks)
        if right <= ax.get_xlim()[1]:
            return
        ax.set_xlim(0, right * 1.03)


def _over_time(title: str, annual: list[dict], lang: str) -> Chart:
    """Give each indicator's years against their annual targets: a year without a plan has no point (nothing is 0%
    of a plan that does not exist); a year the report only partly covers is named by the part it covers ('2027
    (đến 30/06)'); where lower is better the line is dotted, its points say how they stand against the ceiling."""
    fig, ax = plt.subplots(figsize=(6.3, 2.8), dpi=150)
    years = list(dict.fromkeys(r.get("span") or str(r["year"]) for r in annual))
    by_indicator: dict[str, list[dict]] = {}
    marks = []
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
                marks.append(ax.annotate(_value_text(at[y], lang), (x, v), textcoords="offset points",
                                         xytext=(0, -12) if ceiling else (0, 6), ha="center", fontsize=8,
                                         color=_COLOURS["behind"] if ceiling and at[y]["status"] == "behind" else None))
    ax.set_xticks(range(len(years)), years)
    ax.set_xlim(-0.5, len(years) - 0.5)
    ax.axhline(100, color="#000000", linewidth=1.2, linestyle="--")
    ax.set_ylabel(render("report.chart.axis_percent", lang), fontsize=8)
    ax.set_ylim(0, max(max((r["ratio"] or 0) * 100 for r in annual) * 1.2, 110))
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    _style(ax)
    fig.tight_layout()
    _off_the_line(fig, ax, marks)
    return _finish("over_time", title, fig, layout=False)


def _off_the_line(fig, ax, marks: list) -> None:
    """Move a point's figure that would sit on the 100% line to the point's other side ('98%' written across it)."""
    renderer = fig.canvas.get_renderer()
    line = ax.transData.transform((0, 100))[1]
    for mark in marks:
        box = mark.get_window_extent(renderer)
        if box.y0 - 3 < line < box.y1 + 3:
            x, y = mark.xyann
            mark.xyann = (x, 6 if y < 0 else -12)


def _percent(ratio: float | None, lang: str) -> str:
    """Give a bar's figure as the text and tables give it (one rounding, half up, at display): 112,5% is '113%',
    99,7% 'gần 100%' (a bar short of plan never reads 100%), 100,4% 'hơn 100%'."""
    return describe_percent(ratio, lang)


def _style(ax) -> None:
    ax.tick_params(labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _finish(key: str, title: str, fig, layout: bool = True) -> Chart:
    if layout:
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
