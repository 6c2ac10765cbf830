"""The 2025 administrative reform: units that end, begin and merge (giải thể, sáp nhập, thành lập).

The tester's case, made small: province P with a department S and a district H of communes X1, X2 until
30 June 2025; from 1 July 2025 the new commune N (= X1 + X2) sits under the province and H is gone. Figures
of units deleted from units.yaml must never vanish in silence; units declared ended or begun owe only the
periods of their life, their targets count only there, and a running total is not counted twice across a
merger.
"""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from quarterly import filled_template, make_workspace, send
from test_report_committee_document import _docx_text, _html_text

PROGRAM = """
code: R-01/KH
title: Đào tạo cán bộ qua sắp xếp đơn vị hành chính
period: 2024-2026
scope: P
reporting: quarter
interim: pro_rata
indicators:
  - {code: DT, name: Cán bộ được cử đi đào tạo, name_en: Officials sent to training, uom: người, accumulation: per_period}
  - {code: CC, name: Cán bộ đạt chuẩn, name_en: Officials meeting the standard, uom: người, kind: coverage,
     accumulation: cumulative}
targets:
  - {indicator: DT, unit: S, period: "2025", value: 40}
  - {indicator: DT, unit: X1, period: "2025", value: 8}
  - {indicator: DT, unit: X2, period: "2025", value: 12}
  - {indicator: DT, unit: N, period: "2025", value: 20}
reporters: [S, X1, X2, N]
"""
BEFORE = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: S, name: Sở Nội vụ, parent: P}
  - {code: H, name: Huyện Cũ, parent: P}
  - {code: X1, name: Xã Một, parent: H}
  - {code: X2, name: Xã Hai, parent: H}
  - {code: N, name: Xã Mới, parent: P}
"""
AFTER = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: S, name: Sở Nội vụ, parent: P}
  - {code: H, name: Huyện Cũ, parent: P, until: 2025-06-30}
  - {code: X1, name: Xã Một, parent: H, until: 2025-06-30, merged_into: N}
  - {code: X2, name: Xã Hai, parent: H, until: 2025-06-30, merged_into: N}
  - {code: N, name: Xã Mới, parent: P, from: 2025-07-01}
"""


def _write_units(ws, text: str) -> None:
    (ws.root / "units.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def _report(run, ws, period: str, tmp_path, lang: str = "vi") -> dict:
    out = tmp_path / f"r-{period}-{lang}.json"
    result = run("report", "-p", "R-01/KH", "--period", period, "-f", "json", "-o", out, workspace=ws, lang=lang)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def _findings(run, ws, period: str, lang: str = "vi") -> list[dict]:
    result = run("check", "-p", "R-01/KH", "--period", period, "-f", "json", workspace=ws, lang=lang)
    return json.loads(result.stdout)["findings"]


def _row(report: dict, indicator: str) -> dict:
    return next(r for r in report["summary"] if r["indicator"] == indicator)


@pytest.fixture
def old_ws(tmp_path):
    """The registry before the reform, with 2024-Q1 sent by S, X1 and X2."""
    ws = make_workspace(tmp_path / "ws", PROGRAM, BEFORE)
    for unit, dt in (("S", 10), ("X1", 3), ("X2", 4)):
        send(ws, filled_template(ws, unit, "2024-Q1", {"DT": (None, dt), "CC": (30, 20)}, program="R-01/KH"))
    return ws


def test_figures_of_units_deleted_from_the_registry_are_named_not_dropped(old_ws, run, tmp_path):
    _write_units(old_ws, """
        units:
          - {code: P, name: Tỉnh Thử}
          - {code: S, name: Sở Nội vụ, parent: P}
          - {code: N, name: Xã Mới, parent: P}
        """)
    program = old_ws.root / "programs" / "Q-01-KH.yaml"
    program.write_text(program.read_text(encoding="utf-8").replace("reporters: [S, X1, X2, N]", "reporters: [S, N]")
                       .replace("  - {indicator: DT, unit: X1, period: \"2025\", value: 8}\n", "")
                       .replace("  - {indicator: DT, unit: X2, period: \"2025\", value: 12}\n", ""), encoding="utf-8")
    report = _report(run, old_ws, "2024-Q1", tmp_path)
    coverage = report["coverage"]
    assert not coverage["complete"]
    assert [u["unit"] for u in coverage["unregistered"]] == ["X1", "X2"]
    assert coverage["text"].startswith("Không tính vào số liệu: báo cáo đã lưu của X1, X2 (Quý I/2024)")
    assert "until:" in coverage["text"]
    english = _report(run, old_ws, "2024-Q1", tmp_path, "en")["coverage"]["text"]
    assert english.startswith("Not counted in the figures: the stored reports of X1, X2 (Q1 2024)")
    found = [(f["code"], f["unit"]) for f in _findings(run, old_ws, "2024-Q1")
             if f["code"] == "check.unregistered_unit"]
    assert found == [("check.unregistered_unit", "X1"), ("check.unregistered_unit", "X2")]
    history = run("history", "-p", "R-01/KH", "-u", "X1", "-f", "json", workspace=old_ws)
    assert history.exit_code == 0, history.output
    assert [e["period"] for e in json.loads(history.stdout)] == ["2024-Q1"]
    assert run("history", "-p", "R-01/KH", "-u", "X9", workspace=old_ws).exit_code != 0  # a typo is still refused


FIGURES = {  # unit -> quarter -> (DT actual, CC staff, CC meeting the standard)
    "S": {"2025-Q1": (5, 40, 30), "2025-Q2": (6, 40, 31), "2025-Q3": (7, 41, 33), "2025-Q4": (8, 41, 35)},
    "X1": {"2025-Q1": (1, 20, 10), "2025-Q2": (2, 20, 12)},
    "X2": {"2025-Q1": (3, 30, 15), "2025-Q2": (4, 30, 16)},
    "N": {"2025-Q3": (5, 49, 30), "2025-Q4": (6, 50, 33)},
}


def _send(ws, unit: str, period: str):
    dt, staff, meeting = FIGURES[unit][period]
    return send(ws, filled_template(ws, unit, period, {"DT": (None, dt), "CC": (staff, meeting)}, program="R-01/KH"))


@pytest.fixture
def reform_ws(tmp_path):
    """The registry after the reform declared with until:, merged_into: and from:, and 2025 sent by who lived then."""
    ws = make_workspace(tmp_path / "ws", PROGRAM, AFTER)
    for unit, quarters in FIGURES.items():
        for period in quarters:
            _send(ws, unit, period)
    return ws


def test_the_reform_fields_are_checked_and_a_misspelt_one_lists_the_fields(tmp_path, run):
    ws = make_workspace(tmp_path / "ws", PROGRAM, AFTER)
    for old, new, words in (
            ("until: 2025-06-30, merged_into: N}", "valid_until: 2025-06-30}", "'valid_until': không có trường này"),
            ("until: 2025-06-30, merged_into: N}", "until: 2025-06-30, merged_into: Q}", "sáp nhập vào 'Q'"),
            ("until: 2025-06-30, merged_into: N}", "merged_into: N}", "mà không ghi ngày kết thúc"),
            ("from: 2025-07-01}", "from: 2025-07-01, until: 2025-01-01}",
             "kết thúc (01/01/2025) trước ngày bắt đầu (01/07/2025)"),
            ("from: 2025-07-01}", "from: 2025-13-01}", "một ngày viết dạng 2025-06-30")):
        _write_units(ws, AFTER.replace(old, new, 1))
        result = run("status", workspace=ws)
        assert result.exit_code != 0, new
        assert words in " ".join(result.output.split()), result.output
    _write_units(ws, AFTER.replace("until: 2025-06-30, merged_into: N}", "valid_until: 2025-06-30}", 1))
    output = " ".join(run("status", workspace=ws).output.split())
    assert "một trong các trường code, name, parent, kind, aliases, from, until, merged_into" in output


def test_units_owe_only_the_periods_of_their_life(reform_ws, run):
    q1_2026 = [(f["code"], f["unit"]) for f in _findings(run, reform_ws, "2026-Q1") if f["severity"] == "error"]
    assert sorted(q1_2026) == [("check.missing_submission", "N"), ("check.missing_submission", "S")]
    year = [(f["code"], f["unit"]) for f in _findings(run, reform_ws, "2025")
            if f["code"] in ("check.incomplete_period", "check.missing_submission")]
    assert year == []  # N owes Q3 and Q4 only, X1 and X2 Q1 and Q2 only
    q3 = [(f["code"], f["unit"]) for f in _findings(run, reform_ws, "2025-Q3") if f["severity"] == "error"]
    assert q3 == []
    matrix = json.loads(run("status", "--period", "2024", "-f", "json", workspace=reform_ws).stdout)
    rows = {r["unit"]: r["cells"] for r in matrix["programs"][0]["rows"]}
    assert rows["N"]["2024-Q1"]["status"] == "not_in_life"
    assert rows["X1"]["2024-Q1"]["status"] == "missing"


def test_a_report_for_a_period_outside_its_units_life_is_refused_at_the_period_cell(reform_ws, run, tmp_path):
    late = filled_template(reform_ws, "X1", "2025-Q3", {"DT": (None, 1), "CC": (20, 12)}, program="R-01/KH")
    early = filled_template(reform_ws, "N", "2025-Q2", {"DT": (None, 1), "CC": (20, 12)}, program="R-01/KH")
    good = filled_template(reform_ws, "S", "2026-Q1", {"DT": (None, 1), "CC": (40, 36)}, program="R-01/KH")
    result = run("import", late, early, good, "-f", "json", workspace=reform_ws)
    files = {Path(f["file"]).name: f for f in json.loads(result.stdout)["results"]}
    refused = files[late.name]
    assert refused["outcome"] == "rejected"
    problem = refused["problems"][0]
    assert problem["code"] == "submission.unit_merged"
    assert problem["message"].startswith("Đơn vị Xã Một (X1) đã sáp nhập vào Xã Mới (N) từ ngày 01/07/2025")
    assert "Xã Mới (N) gửi báo cáo kỳ 2025-Q3" in problem["message"]
    assert problem["location"]["cell"] == "D10"
    assert files[early.name]["problems"][0]["code"] == "submission.unit_not_yet"
    assert files[good.name]["outcome"] == "imported"  # the run goes on with the other files
    english = run("import", "--dry-run", late, "-f", "json", workspace=reform_ws, lang="en")
    assert "Unit Xã Một (X1) was merged into Xã Mới (N) on 01/07/2025" in english.stdout


def test_a_running_total_counts_the_merged_communes_people_once(reform_ws, run, tmp_path):
    for period in ("2025", "2024..2025"):
        row = _row(_report(run, reform_ws, period, tmp_path), "CC")
        assert (row["actual"], row["plan"]) == (68, 91)  # S and N at 2025-Q4; not X1 and X2 at 2025-Q2 beside N
        # out of the sum itself, in a sentence of its own: not after 'Không tính vào tỷ lệ:' (left out of the ratio)
        assert "Không cộng số lũy kế của Huyện Cũ (28): đã giải thể từ ngày 01/07/2025." in row["lacks"]
        assert not any("tỷ lệ" in text for text in row["lacks"])
        assert "chưa đủ" not in row["sentence"]
    english = _row(_report(run, reform_ws, "2025", tmp_path, "en"), "CC")
    assert "Not added to the sum: the running total of Huyện Cũ (28), dissolved on 01/07/2025." in english["lacks"]
    assert not any("ratio" in text for text in english["lacks"])
    flows = _row(_report(run, reform_ws, "2025", tmp_path), "DT")
    assert flows["actual"] == 47  # people trained by X1 and X2 in the quarters they lived still count


def test_merged_communes_left_out_of_a_running_total_are_said_out_of_the_sum_in_word_and_html(reform_ws, run,
                                                                                               tmp_path):
    # Without the district between them, X1 and X2 are the province's members themselves, merged into N.
    _write_units(reform_ws, AFTER.replace("parent: H, until", "parent: P, until"))
    texts = {}
    for lang in ("vi", "en"):
        for fmt in ("docx", "html"):
            out = tmp_path / f"r-{lang}.{fmt}"
            result = run("report", "-p", "R-01/KH", "--period", "2025", "-f", fmt, "-o", out, workspace=reform_ws,
                         lang=lang)
            assert result.exit_code == 0, result.output
            texts[lang, fmt] = " ".join((_docx_text(out) if fmt == "docx" else _html_text(out)).split())
    for fmt in ("docx", "html"):
        vi, en = texts["vi", fmt], texts["en", fmt]
        assert ("Không cộng số lũy kế của Xã Một (12): đã sáp nhập vào Xã Mới từ ngày 01/07/2025; Xã Hai (16): đã sáp "
                "nhập vào Xã Mới từ ngày 01/07/2025.") in vi, fmt
        assert "Không tính vào tỷ lệ: Xã Một" not in vi and "sáp nhập hoặc giải thể" not in vi
        assert ("Not added to the sum: the running total of Xã Một (12), merged into Xã Mới on 01/07/2025; Xã Hai "
                "(16), merged into Xã Mới on 01/07/2025.") in en, fmt
        assert "Left out of the ratio: Xã Một" not in en


def test_targets_of_ended_units_do_not_count_after_their_end(reform_ws, run, tmp_path):
    q3 = _row(_report(run, reform_ws, "2025-Q3", tmp_path), "DT")
    assert (q3["plan"], q3["full_plan"]) == (15, 15)  # S 40/4 and N 20/4; X1's and X2's 2025 targets end with them
    assert not any("KH toàn Tỉnh Thử" in text or "Xã Một" in text for text in q3["lacks"])  # was 'KH toàn … 20'
    q2 = _row(_report(run, reform_ws, "2025-Q2", tmp_path), "DT")
    assert q2["plan"] == 15  # S 40/4, X1 8/4, X2 12/4; N did not exist yet


def test_a_file_stored_before_its_units_end_was_declared_is_named_not_counted(tmp_path, run):
    # The tester's case: the dissolved district's 2025-Q3 file was imported while units.yaml had no dates yet.
    ws = make_workspace(tmp_path / "ws", PROGRAM, BEFORE)
    stale = filled_template(ws, "H", "2025-Q3", {"DT": (None, 2), "CC": (50, 28)}, program="R-01/KH")
    send(ws, stale)
    _send(ws, "S", "2025-Q3")
    _write_units(ws, AFTER)
    _send(ws, "N", "2025-Q3")
    for period in ("2025-Q3", "2025"):
        report = _report(run, ws, period, tmp_path)
        dt, cc = _row(report, "DT"), _row(report, "CC")
        assert dt["actual"] == 12  # S 7 and N 5; the district's 2 is not added
        assert cc["actual"] == 63  # S 33 and N 30 at 2025-Q3, not the district's 28 beside N's
        assert not any("Huyện Cũ" in text for text in dt["lacks"] + cc["lacks"])  # was 'thực hiện 2 nhưng chưa có KH'
        coverage = report["coverage"]
        assert not coverage["complete"]
        assert coverage["outside_life"] == [{"unit": "H", "periods": ["2025-Q3"]}]
        assert coverage["text"].startswith("Không tính vào số liệu: báo cáo đã lưu của Huyện Cũ (Quý III/2025), vì kỳ "
                                           "báo cáo nằm ngoài thời gian đơn vị tồn tại")
    english = _report(run, ws, "2025-Q3", tmp_path, "en")["coverage"]["text"]
    assert english.startswith("Not counted in the figures: the stored reports of Huyện Cũ (Q3 2025), as each period "
                              "lies outside its unit's life")
    found = [f for f in _findings(run, ws, "2025-Q3") if f["code"] == "check.outside_unit_life"]
    assert [(f["severity"], f["unit"]) for f in found] == [("error", "H")]
    message = found[0]["message"]
    assert message.startswith(f"Báo cáo đã lưu của Huyện Cũ (H) kỳ Quý III/2025 (tệp {stale.name}) không được tính "
                              "vào số liệu")
    assert "đã giải thể từ ngày 01/07/2025" in message and "để nguyên" in message and "sửa from:/until:" in message
    merged = [f for f in _findings(run, ws, "2025-Q3", "en") if f["code"] == "check.outside_unit_life"]
    assert "is not counted in the figures" in merged[0]["message"] and "dissolved on 01/07/2025" in merged[0]["message"]
    assert [f["code"] for f in _findings(run, ws, "2025-Q2") if f["code"] == "check.outside_unit_life"] == []


def _without_period_cell(path: Path, name: str, title: str | None) -> Path:
    """Give the unit's template with its 'Kỳ báo cáo' cell (D10) emptied and its title's period line (A6) set to
    `title` (None: emptied too), saved as `name`: the period is then read from the title, else the file name."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet["D10"].value = None
    sheet["A6"].value = title
    book.save(path.with_name(name))
    path.unlink()
    return path.with_name(name)


def test_a_refusal_outside_a_units_life_names_where_its_period_was_read(reform_ws, run):
    # The tester's case: an office's file with the period in its title line only ('QUÝ III NĂM 2025'): the refusal
    # said 'correct this cell' and named no cell.
    titled = _without_period_cell(filled_template(reform_ws, "X1", "2025-Q3", {"DT": (None, 1), "CC": (20, 12)},
                                                  program="R-01/KH"), "bao_cao_X1.xlsx", "QUÝ III NĂM 2025")
    result = run("import", "--dry-run", titled, "-f", "json", workspace=reform_ws)
    (problem,) = json.loads(result.stdout)["results"][0]["problems"]
    assert problem["code"] == "submission.unit_merged" and problem["location"]["cell"] == "A6"
    assert problem["message"].endswith("nếu gõ nhầm kỳ hoặc đơn vị, hãy sửa ô này.")
    # read from the file name: no cell holds the period, and the advice says to correct the name
    named = _without_period_cell(filled_template(reform_ws, "N", "2025-Q2", {"DT": (None, 1), "CC": (20, 12)},
                                                 program="R-01/KH"), "N_2025-Q2.xlsx", None)
    result = run("import", "--dry-run", named, "-f", "json", workspace=reform_ws)
    (problem,) = json.loads(result.stdout)["results"][0]["problems"]
    assert problem["code"] == "submission.unit_not_yet"
    assert problem["location"]["cell"] == "D9"  # the unit's cell, the only one that says who and when
    assert "kỳ 2025-Q2 đọc từ tên tệp 'N_2025-Q2.xlsx'" in problem["message"] and "hãy sửa tên tệp" in problem["message"]
    english = run("import", "--dry-run", named, "-f", "json", workspace=reform_ws, lang="en")
    assert "the period 2025-Q2 was read from the file name 'N_2025-Q2.xlsx'" in english.stdout
    # given with --period: the option is what to correct, not a cell
    result = run("import", "--dry-run", "--period", "2025-Q2", named, "-f", "json", workspace=reform_ws)
    (problem,) = json.loads(result.stdout)["results"][0]["problems"]
    assert "kỳ 2025-Q2 là kỳ ghi ở tùy chọn --period" in problem["message"] and "ô này" not in problem["message"]
