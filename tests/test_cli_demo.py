"""`hrplan demo`: the whole cycle on the bundled sample prints the seeds' figures."""
from __future__ import annotations

import json
from pathlib import Path


def test_demo_prints_the_seed_figures_and_writes_reports(tmp_path: Path, run):
    out = tmp_path / "demo"
    result = run("demo", "--out", out)
    assert result.exit_code == 0, result.output
    text = result.stdout
    for figure in ("285%", "300%", "100%", "45%", "238%", "60%", "1,15 lần", "1,4 lần", "27.296", "15.185",
                   "210 người, trong đó: điều động 45; luân chuyển 12; bổ nhiệm 9; bổ nhiệm lại 42; giới thiệu ứng cử 102",
                   "217 người, trong đó: cán bộ cấp huyện được luân chuyển 173; cán bộ cấp xã được luân chuyển 44",
                   "2021: Lượt người được đào tạo, bồi dưỡng chuyên sâu về khoa học và công nghệ 470/400 = 118%"):
        assert figure in text, figure
    assert "Nhập 37 tệp: mới 36, cập nhật 1, không đổi 0, từ chối 0." in text  # 18 seed files + 19 quarterly
    assert "  Kiểm tra: 0 lỗi, 7 cảnh báo, 11 lưu ý.\n" in text  # 12-CTr/TU: the notes counted, as `check` does
    reports = sorted(p.name for p in (out / "reports").iterdir())
    assert {p.rsplit(".", 1)[1] for p in reports} >= {"docx", "html", "json"}  # each program in each format
    assert len([p for p in reports if p.startswith("12-CTr-TU_2016_to_2019-05.")]) == len({p.rsplit(".", 1)[1] for p in reports})
    data = json.loads((out / "reports" / "12-CTr-TU_2016_to_2019-05.json").read_text(encoding="utf-8"))
    ldql = next(r for r in data["summary"] if r["indicator"] == "BD-LDQL")
    assert ldql["ratio"] == 0.695 and ldql["display"]["ratio"] == "gần 70%"
    # the quarterly plan: Hòa An missed 2024-Q3; Sở Y tế sent its Q4 budget plan without the actual
    quarterly = json.loads((out / "reports" / "27-KH-UBND_2024.json").read_text(encoding="utf-8"))
    assert quarterly["coverage"]["text"] == "Số liệu năm 2024 chưa đủ: Huyện Hòa An 3/4 quý (Quý III/2024)."
    people, budget = quarterly["summary"]
    assert people["parts"] == "HHA 3/4 quý" and "(số liệu chưa đủ: Huyện Hòa An 3/4 quý)" in people["sentence"]
    assert (budget["display"]["plan"], budget["display"]["actual"], budget["full_plan"]) == ("1.650", "1.645", 1850)
    assert "Sở Y tế (Quý IV/2024) có KH 200 nhưng chưa có số thực hiện" in budget["footnotes"][0]
    assert "KH toàn Tỉnh Cao Bằng 1.850, trong đó đơn vị đã báo cáo 1.650" in budget["footnotes"][1]
    html = (out / "reports" / "27-KH-UBND_2024.html").read_text(encoding="utf-8")
    assert "Huyện Hòa An 3/4 quý" in html and "KH toàn Tỉnh Cao Bằng 1.850" in html
    assert "Số liệu từ ngày 15/12/2023 đến ngày 14/12/2024" in html  # a line of its own: a capital


def test_demo_can_be_run_again_but_never_over_someone_elses_folder(tmp_path: Path, run):
    out = tmp_path / "demo"
    assert run("demo", "--out", out).exit_code == 0
    assert run("demo", "--out", out).exit_code == 0  # an earlier demo is replaced
    other = tmp_path / "tai-lieu"
    other.mkdir()
    (other / "bao-cao.docx").write_bytes(b"keep me")
    result = run("demo", "--out", other)
    assert result.exit_code == 2 and "demo.not_empty" in result.stderr
    assert (other / "bao-cao.docx").read_bytes() == b"keep me"


def test_demo_refuses_a_store_of_the_users_rather_than_ignore_it(tmp_path: Path, run, monkeypatch):
    # `hrplan --store postgresql://… demo` built an SQLite workspace and wrote nothing to the server, saying nothing.
    out = tmp_path / "demo"
    result = run("--store", "postgresql://analyst@db.tinh.vn/hrplan", "demo", "--out", out)
    assert result.exit_code == 2 and "demo.own_store" in result.stderr
    assert "luôn dùng kho SQLite riêng" in result.stderr and str(out / "hrplan.sqlite") in result.stderr
    assert not out.exists()  # nothing made
    monkeypatch.setenv("HRPLAN_STORE", f"sqlite:///{tmp_path / 'office.sqlite'}")
    result = run("demo", "--out", out, lang="en")
    assert result.exit_code == 2 and "always uses its own SQLite file" in result.stderr and "HRPLAN_STORE" in result.stderr
    assert not out.exists() and not (tmp_path / "office.sqlite").exists()
    monkeypatch.delenv("HRPLAN_STORE")
    assert run("demo", "--out", out).exit_code == 0 and (out / "hrplan.sqlite").is_file()


def test_the_demo_counts_each_reports_findings_as_check_does_in_english(tmp_path: Path, run):
    # It printed "Check: 1 errors, 3 warnings." (a hard-coded string: "1 errors", and no notes) where
    # `check` says "1 error, 3 warnings, 4 notes."
    out = tmp_path / "demo"
    result = run("demo", "--out", out, lang="en")
    assert result.exit_code == 0, result.output
    assert "Workspace: " in result.stdout and "Imported 37 files: new 36, updated 1, unchanged 0, rejected 0." in result.stdout
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("Check: ")]
    assert lines == ["Check: 0 errors, 7 warnings, 11 notes.", "Check: 0 errors, 0 warnings, 0 notes.",
                     "Check: 0 errors, 0 warnings, 0 notes.", "Check: 0 errors, 0 warnings, 1 note.",
                     "Check: 1 error, 3 warnings, 4 notes."]
    from hrplan.jobs.demo import DEMO_RUNS

    for (program, period), line in zip(DEMO_RUNS, lines):
        check = run("check", "-p", program, "--period", period, workspace=out, lang="en")
        assert check.stdout.strip().splitlines()[-1] == line.removeprefix("Check: "), program
