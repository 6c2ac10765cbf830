"""A group's estimate (ước thực hiện) says over which units it is summed when they are fewer than its row's members:
'15 (1/3 đv)' in the HTML and Word tables alike, a note naming them with their numbers, the units in the JSON."""
from __future__ import annotations

import json
import re

import pytest
from docx import Document as WordDocument

from test_report_docx import pdf_text

from hrplan.reports.json_format import figure_rows
from quarterly import make_workspace, office_table, send


@pytest.fixture
def ws(tmp_path):
    """Sở An sends an ƯTH column, Sở Bình and Sở Công do not; Sở Công has a plan for DT and no actual."""
    ws = make_workspace(tmp_path / "ws")
    results = send(ws,
                   office_table(tmp_path / "A_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 10, 12, 15],
                                                              [2, "Kinh phí đào tạo", "triệu đồng", 100, 90, 95]],
                                estimate=True),
                   office_table(tmp_path / "B_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 20, 18],
                                                              [2, "Kinh phí đào tạo", "triệu đồng", 200, 150]]),
                   office_table(tmp_path / "C_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 5, None],
                                                              [2, "Kinh phí đào tạo", "triệu đồng", 50, 40]]))
    assert all(r.submission_id for r in results), [r.problems for r in results]
    return ws


def _cells(row_html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", cell).replace("\xa0", " ").strip() for cell in row_html.split("</td>")[:-1]]


def test_a_partial_estimate_says_over_which_units_in_json_html_and_word(ws, run, tmp_path):
    out = tmp_path / "r.json"
    run("report", "-p", "Q-01/KH", "--period", "2024-Q1", "-f", "json", "-o", out, workspace=ws)
    doc = json.loads(out.read_text(encoding="utf-8"))
    summary = {r["indicator"]: r for r in figure_rows(doc, "summary")}
    kp = summary["KP"]
    assert (kp["plan"], kp["actual"], kp["estimate"]) == (350, 280, 95)
    assert kp["estimate_members"] == ["A"] and kp["members"] == ["A", "B", "C"]
    assert kp["display"]["estimate"] == "95 (1/3\xa0đv)"
    assert ("Ước thực hiện 95 chỉ cộng 1/3 đơn vị có gửi số ước thực hiện: Sở An 95; các đơn vị khác không gửi, nên"
            " không so được với số thực hiện 280.") in kp["footnotes"]
    units = {(r["unit"], r["indicator"]): r for r in figure_rows(doc)}
    assert units[("A", "KP")]["estimate_members"] == ["A"] and units[("B", "KP")]["estimate_members"] == []
    assert units[("A", "KP")]["footnotes"] == []  # a unit's own estimate is whole: nothing to say

    html_out = tmp_path / "r.html"
    run("report", "-p", "Q-01/KH", "--period", "2024-Q1", "-o", html_out, workspace=ws)
    html = html_out.read_text(encoding="utf-8")
    table = html[html.index("II. BẢNG TỔNG HỢP"):]
    row = table[table.index("Kinh phí đào tạo"):].split("</tr>")[0]
    assert _cells(row)[1:6] == ["triệu đồng", "350", "280", "95 (1/3 đv)", "80%"]

    docx_out = tmp_path / "r.docx"
    run("report", "-p", "Q-01/KH", "--period", "2024-Q1", "-f", "docx", "-o", docx_out, workspace=ws)
    word = WordDocument(str(docx_out))
    grid = next(t for t in word.tables if "Ước thực hiện" in [c.text for c in t.rows[0].cells])
    captions = [c.text for c in grid.rows[0].cells]
    assert captions == ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Ước thực hiện", "Tỷ lệ", "Đánh giá"]
    kp_row = next(r for r in grid.rows if r.cells[1].text.startswith("Kinh phí đào tạo"))
    assert [c.text.replace("\xa0", " ") for c in kp_row.cells[2:7]] == ["triệu đồng", "350", "280", "95 (1/3 đv)",
                                                                       "80%"]
    assert "Ước thực hiện 95 chỉ cộng 1/3 đơn vị" in "\n".join(p.text for p in word.paragraphs)


def test_without_estimates_the_word_table_has_no_estimate_column(tmp_path, run):
    ws = make_workspace(tmp_path / "ws")
    send(ws, office_table(tmp_path / "A_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 10, 12]]))
    docx_out = tmp_path / "r.docx"
    run("report", "-p", "Q-01/KH", "--period", "2024-Q1", "-f", "docx", "-o", docx_out, workspace=ws)
    word = WordDocument(str(docx_out))
    grid = next(t for t in word.tables if "Chỉ tiêu" in [c.text for c in t.rows[0].cells])
    assert [c.text for c in grid.rows[0].cells] == ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ",
                                                    "Đánh giá"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_partial_estimate_keeps_its_bracket_whole_in_the_printed_word_table(ws, run, tmp_path, lang):
    # Found on exE: the Word cell of a partial estimate printed "183" / "(2/5 đơn vị" / ")": a bracket alone on a
    # line. The cell says "183 (2/5 đv)", breaking only before the bracket; the note keeps the full wording.
    docx_out = tmp_path / f"r-{lang}.docx"
    assert run("report", "-p", "Q-01/KH", "--period", "2024-Q1", "-f", "docx", "-o", docx_out, workspace=ws,
               lang=lang).exit_code == 0
    lines = [line.strip().replace("\xa0", " ") for line in pdf_text(docx_out, tmp_path).splitlines()]
    whole = "(1/3 đv)" if lang == "vi" else "(1/3 units)"
    assert any(line.endswith(whole) for line in lines), [line for line in lines if "1/3" in line]
    assert not [line for line in lines if line in (")", "vị)", "units)", "đv)")]
    flat = " ".join(" ".join(lines).split())
    assert ("Ước thực hiện 95 chỉ cộng 1/3 đơn vị có gửi số ước thực hiện: Sở An 95" if lang == "vi"
            else "The estimate 95 adds only the 1 of 3 units that sent one") in flat, flat
