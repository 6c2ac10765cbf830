"""The Word report's charts (reports/charts.py): every indicator's name readable whole, and no figure written across
the 100% line. The drawing is read in its SVG twin (the same figure, its text kept as text); the PNGs in the Word
file are checked to be that drawing."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextPath

from hrplan.jobs import run_demo
from hrplan.reports import build_document
from hrplan.reports.charts import make_charts
from hrplan.workspace import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return run_demo(tmp_path_factory.mktemp("demo") / "demo").workspace


def _texts(svg: str) -> list[tuple[float | None, str]]:
    """Give the chart's texts in drawing order, each with its x when it is written from a point (a bar's figure)."""
    out = []
    for m in re.finditer(r"<text([^>]*)>(.*?)</text>", svg, re.S):
        x = re.search(r'\bx="([\d.]+)"', m[1])
        out.append((float(x[1]) if x and "text-anchor: start" in m[1] else None, " ".join(m[2].split())))
    return out


def _figures_across_the_line(svg: str) -> list[str]:
    """Give the bars' figures whose text crosses the dashed 100% line (or touches it: 1 pt either side)."""
    (line,) = re.findall(r'<path d="M ([\d.]+)\s+[\d.]+\s+L ([\d.]+)\s+[\d.]+\s*"[^>]*stroke-dasharray', svg)
    x_line = float(line[0])
    crossed = []
    for x, text in _texts(svg):
        if x is not None and "%" in text:
            width = TextPath((0, 0), text, size=8, prop=FontProperties(family="DejaVu Sans")).get_extents().width
            if x - 1 < x_line < x + width + 1:
                crossed.append(text)
    return crossed


def _words(svg: str) -> str:
    return " ".join(t for _, t in _texts(svg))


def test_the_demo_charts_give_every_name_whole_and_no_figure_on_the_100_line(demo):
    """Seen on page 2 of the 12-CTr/TU range report: '…lĩnh vực y tế đào tạo chuyên khoa…', '…nhà nước ngạch chuyên
    viên ca…', and 'gần 70%' written across the 100% line (the bar ends at 70 on an axis reaching 300)."""
    for lang in ("vi", "en"):
        doc = build_document(Workspace(demo), "12-CTr/TU", "2016..2019-05", lang=lang)
        (chart,) = [c for c in doc.charts if c.key == "by_indicator"]
        words = _words(chart.svg)
        charted = [r["name"] for r in doc.context["table"] if r["level"] != 0 and r["ratio"] not in ("", "-")]
        assert len(charted) == 7
        for name in charted:
            assert name in words, (name, words)
        assert "…" not in words
        assert _figures_across_the_line(chart.svg) == [], lang
        assert ("gần 70%" if lang == "vi" else "nearly 70%") in words
    # the Word file holds these drawings
    with zipfile.ZipFile(demo / "reports" / "12-CTr-TU_2016_to_2019-05.docx") as z:
        media = {z.read(n) for n in z.namelist() if n.startswith("word/media/")}
    vi = build_document(Workspace(demo), "12-CTr/TU", "2016..2019-05")
    assert {c.png for c in vi.charts} <= media


def _row(name: str, ratio: float) -> dict:
    return {"name": name, "ratio": ratio, "kind": "count", "status": "met" if ratio >= 1 else "behind",
            "status_text": "", "direction": "higher", "incomplete": False}


def test_a_name_too_long_for_three_lines_is_cut_at_a_word_and_given_whole_under_the_chart():
    long = ("Tổng số cán bộ diện Tỉnh ủy quản lý được điều động, luân chuyển, bổ nhiệm, bổ nhiệm lại, giới thiệu ứng "
            "cử và bố trí công tác khác")
    data = {"summary": [_row(long, 0.97), _row("Đào tạo", 3.1), _row("Bồi dưỡng", 1.0)], "units": [], "annual": []}
    (chart,) = make_charts(data, "vi")
    texts = [t for _, t in _texts(chart.svg)]
    label = [t for t in texts if t.endswith("… (a)")]
    assert label and re.search(r"\w …", label[0]), texts  # cut between two words
    assert "(a) " + long in " ".join(texts)
    assert _figures_across_the_line(chart.svg) == []  # '97%' past the line, '100%' after it


def test_a_years_figure_next_to_the_100_line_is_written_on_the_points_other_side():
    """97% written above its point ran across the 100% line of the chart over time: it goes under the point."""
    annual = [{"year": y, "span": str(y), "indicator": "DT", "name": "Đào tạo", "ratio": r, "direction": "higher",
               "status": "nearly", "status_text": "gần đạt"} for y, r in ((2024, 0.97), (2025, 0.5))]
    (chart,) = make_charts({"summary": [], "units": [], "annual": annual}, "vi")
    (line,) = re.findall(r'<path d="M [\d.]+\s+([\d.]+)\s+L [\d.]+\s+([\d.]+)\s*"[^>]*stroke-dasharray', chart.svg)
    (y,) = [float(m[1]) for m in re.finditer(r'<text[^>]*\by="([\d.]+)"[^>]*>\s*97%\s*</text>', chart.svg)]
    assert not (y - 7 < float(line[0]) < y + 3), (y, line)  # the figure's height above its baseline, 8 pt type
