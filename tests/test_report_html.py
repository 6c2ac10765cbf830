"""The HTML report is the same document as the Word one: one self-contained page that prints on A4 through
headless Chromium with page numbers from page 2 and no browser furniture; every user text escaped; fully
English with --lang en."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import sample_submissions
from hrplan.importer import import_files
from hrplan.reports import write_reports


@pytest.fixture
def loaded(sample_ws):
    import_files(sample_ws, sample_submissions())
    return sample_ws


def _html(ws, program="12-CTr/TU", period="2016..2019-05", lang="vi") -> str:
    return write_reports(ws, program, period, ["html"], lang).paths["html"].read_text(encoding="utf-8")


def test_the_page_is_the_official_document_and_self_contained(loaded):
    html = _html(loaded)
    assert '<html lang="vi">' in html
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in html and "CỘNG HÒA XÃ HỘI" not in html  # a Tỉnh ủy program
    assert "TỈNH ỦY CAO BẰNG" in html and "Số ……-BC/BTCTU" in html and "Nơi nhận:" in html
    assert "117 người, đạt 285% kế hoạch (vượt)" in html and "139 người, đạt gần 70% kế hoạch (chưa đạt)" in html
    assert html.count("<svg") >= 2  # the charts, inline
    assert "<script" not in html and "src=" not in html and "<link" not in html
    assert not re.search(r"url\((?!#)", html) and "http" not in html.split("<body>")[1]  # nothing fetched
    assert ".xlsx" not in html and "F22" not in html  # no provenance in the body
    state = _html(loaded, "06-ĐA/TU", "2021..2022")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in state and "Độc lập - Tự do - Hạnh phúc" in state
    assert "Số: ……/BC-SNV" in state


def test_with_lang_en_the_whole_page_is_english(loaded):
    html = _html(loaded, lang="en")
    assert '<html lang="en">' in html
    for english in ("COMMUNIST PARTY OF VIETNAM", "REPORT", "RESULTS BY INDICATOR", "SUMMARY TABLE OF INDICATORS",
                    "Recipients:", "285% of plan (over)", "nearly 70% of plan"):
        assert english in html, english
    body = html.split("<body>")[1]
    for vietnamese in ("BÁO CÁO", "KẾT QUẢ", "Nơi nhận", "đạt", "Kế hoạch", "kế hoạch", "ngày"):
        assert vietnamese not in body, vietnamese


def test_every_text_a_unit_or_analyst_wrote_is_escaped(sample_ws):
    units = yaml.safe_load(sample_ws.units_file.read_text(encoding="utf-8"))
    for u in units["units"]:
        if u["code"] == "SYT":
            u["name"] = "Sở Y tế <script>alert(1)</script>"
    sample_ws.units_file.write_text(yaml.safe_dump(units, allow_unicode=True), encoding="utf-8")
    (sample_ws.root / "hrplan.yaml").write_text((sample_ws.root / "hrplan.yaml").read_text(encoding="utf-8")
                                                + 'report:\n  signer: {name: "<b>Nguyễn Văn A</b> & co"}\n', encoding="utf-8")
    ws = type(sample_ws)(sample_ws.root)
    import_files(ws, sample_submissions())
    html = _html(ws)
    assert "<script" not in html and "Sở Y tế &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Nguyễn Văn A&lt;/b&gt; &amp; co" in html


def test_chromium_prints_a4_with_page_numbers_and_no_browser_furniture(loaded, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium or not shutil.which("pdftotext"):
        pytest.fail("chromium and pdftotext are needed to print the page (Debian: chromium poppler-utils)")
    page = write_reports(loaded, "12-CTr/TU", "2016..2019-05", ["html"]).paths["html"]
    pdf = tmp_path / "page.pdf"
    # No --no-pdf-header-footer: the page itself must keep the browser's date and address off the paper.
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}",
                    f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=180)
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                           timeout=60).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    assert "file:" not in "".join(pages) and page.name not in "".join(pages)
    assert "Bản xem trên màn hình" not in "".join(pages)  # the screen-only note does not print
    assert pages[1].strip().splitlines()[0].strip() == "2"  # page 2 is numbered at the top, centred
    assert pages[0].strip().splitlines()[0].strip() != "1"  # page 1 is not
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout if shutil.which("pdfinfo") else ""
    assert not size or "(A4)" in size


def test_a_bar_of_a_figure_that_lacks_parts_is_starred_and_the_caption_says_why(tmp_path):
    """The demo's quarterly year lacks Hòa An's Q3: the province's bar carries '*', the caption explains. Hòa An
    itself has no bar: with its Q3 never sent and no interim rule to split its year target, it is not judged
    (before, a bar of 37 of the whole 50, 74%)."""
    from hrplan.jobs import run_demo
    from hrplan.reports import build_document

    from hrplan.workspace import find_workspace

    ws_root = run_demo(tmp_path / "demo").workspace
    ws = find_workspace(ws_root)
    doc = build_document(ws, "27-KH/UBND", "2024")
    by_unit = next(c for c in doc.charts if c.key == "by_unit")
    assert not by_unit.title.endswith("(*: số liệu chưa đủ kỳ)")
    assert "Huyện Hòa An" not in by_unit.svg and "Sở Nội vụ" in by_unit.svg  # the SVG keeps its text as text
    (summary,) = [c for c in doc.charts if c.key != "by_unit" and "(*: số liệu chưa đủ kỳ)" in c.title]
    assert "* Lượt cán bộ" in summary.svg
    html = (ws_root / "reports" / "27-KH-UBND_2024.html").read_text(encoding="utf-8")
    assert html.count("(*: số liệu chưa đủ kỳ)") == 1
    complete = build_document(ws, "12-CTr/TU", "2016..2019-05")
    assert all("*:" not in c.title for c in complete.charts)


def test_english_numbers_are_written_the_english_way_once(tmp_path):
    """Thousands and decimals in an English report: '1,645' and '1.15 times', never the Vietnamese '1.645' or a
    number converted twice; the previous-period table too."""
    from hrplan.jobs import run_demo
    from hrplan.reports import build_document
    from hrplan.workspace import find_workspace

    ws = find_workspace(run_demo(tmp_path / "demo").workspace)
    doc = build_document(ws, "27-KH/UBND", "2024", lang="en")
    budget = next(r for r in doc.context["table"] if r.get("code") == "KP-DTBD")
    assert (budget["plan"], budget["actual"]) == ("1,650", "1,645")
    assert "Training budget: 1,645 million VND, nearly 100% of plan" in doc.context["sections"][0]["paragraph"]
    planning = build_document(ws, "08-CTr/TU", "2021..2023-05", lang="en").context["planning"]
    assert any(p["ratio"] == "1.15\u00a0times" for p in planning), planning  # kept whole in a table cell
    vi = build_document(ws, "08-CTr/TU", "2021..2023-05").context["planning"]
    assert any(p["ratio"] == "1,15\u00a0lần" for p in vi), vi



def test_a_charts_bars_are_labelled_as_the_tables_round_them_and_a_bar_short_of_plan_never_reads_100(tmp_path):
    """135 of 120 is 112,5%: the tables say 113% (half up), the unit chart said 112% (Python's half-even); 1.645 of
    1.650 is 99,7%: the text says 'gần 100%', the bar said '100%'."""
    from hrplan.reports import build_report
    from hrplan.reports.charts import make_charts

    from quarterly import filled_template, make_workspace, send

    ws = make_workspace(tmp_path / "ws")
    send(ws, filled_template(ws, "A", "2024-Q1", {"DT": (120, 135), "KP": (1650, 1645)}),
         filled_template(ws, "B", "2024-Q1", {"DT": (100, 80)}))
    data = build_report(ws, "Q-01/KH", "2024-Q1").data
    shown = {(r["unit"], r["indicator"]): r["display"]["ratio"] for r in data["units"]}
    assert (shown[("A", "DT")], shown[("B", "DT")]) == ("113%", "80%")
    assert [r["display"]["ratio"] for r in data["summary"] if r["ratio"] is not None] == ["98%", "gần 100%"]
    labels = {c.key: re.findall(r">\s*([^<>]*%)\s*<", c.svg) for c in make_charts(data, "vi")}
    assert sorted(labels["by_unit"]) == ["113%", "80%"], labels
    assert sorted(labels["by_indicator"]) == ["98%", "gần 100%"], labels
