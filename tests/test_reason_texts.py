"""The reason file beside a rejected workbook is read by the unit's clerk: it speaks to them, in their language.

One night's inbox of refused files (a table on a hidden sheet only, a password, a zip bomb, a text in a number
cell, a title naming two units, a PDF) goes through the real `hrplan consolidate`; each test reads the reason
files it wrote as the clerk would: the Vietnamese half, then the English half. The rule codes and what only the
analyst can do come last, under their own heading.
"""
from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from conftest import make_sample_workspace
from inbox_builder import CORPUS, consolidate

from hrplan.messages import MESSAGES

REFUSED = {  # inbox name -> corpus workbook
    "BC an trang.xlsx": "table_on_hidden_sheet.xlsx",
    "BC mat khau.xlsx": "password_protected.xlsx",
    "BC bom nen.xlsx": "zip_bomb.xlsx",
    "BC sai o.xlsx": "text_in_number_cell.xlsx",
    "BC hai don vi.xlsx": "ambiguous_unit.xlsx",
}


@pytest.fixture(scope="module")
def night(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str, str]]:
    """Give each refused file's reason as (Vietnamese half, English half, the analyst's part), after one real run."""
    ws = make_sample_workspace(tmp_path_factory.mktemp("reasons") / "ws")
    inbox = ws.root / "inbox"
    an_hour_ago = time.time() - 3600  # settled long ago, as a night's inbox is
    for name, source in REFUSED.items():
        shutil.copyfile(CORPUS / source, inbox / name)
        os.utime(inbox / name, (an_hour_ago, an_hour_ago))
    (inbox / "Cong van.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    run = consolidate(ws)
    assert run.returncode == 3, run.stdout + run.stderr
    reasons = {}
    for path in (ws.root / "rejected").glob("*.reason.txt"):
        text = path.read_text(encoding="utf-8")
        vi, rest = text.split("[Tiếng Việt]\n")[1].split("[English]\n")
        en, _, analyst = rest.partition("[Cho cán bộ tổng hợp / For the analyst]\n")
        reasons[path.name.removesuffix(".reason.txt")] = (vi, en, analyst)
    assert sorted(reasons) == sorted([*REFUSED, "Cong van.pdf"])
    return reasons


def test_a_table_on_a_hidden_sheet_tells_the_clerk_to_unhide_it(night) -> None:
    vi, en, analyst = night["BC an trang.xlsx"]
    assert "Hãy bỏ ẩn trang này" in vi and "chép bảng sang một trang đang hiện" in vi
    assert "Unhide it" in en and "copy the table into a visible sheet" in en
    assert "--hidden-sheets" not in vi + en  # an option of `hrplan import`, nothing a clerk can use
    assert "các ô nêu trên" not in vi and "cells named above" not in en  # no cell is named
    assert "read_hidden_sheets: true" in analyst  # the analyst's alternative follows, under its heading


def test_the_clerks_halves_name_where_without_rule_codes(night) -> None:
    vi, en, analyst = night["BC sai o.xlsx"]
    assert "1. Lỗi tại BC sai o.xlsx › BC 6 thang › E12:\n" in vi
    assert "1. Error at BC sai o.xlsx › BC 6 thang › E12:\n" in en
    assert "Mã lỗi / Rule codes: value.not_number" in analyst
    codes = {code for code in MESSAGES if "." in code}
    for name, (vi, en, _) in night.items():
        found = set(re.findall(r"\b[a-z_]+(?:\.[a-z_]+)+\b", vi + en)) & codes
        assert not found, (name, found)


@pytest.mark.parametrize("name", [*REFUSED, "Cong van.pdf"])
def test_the_reason_speaks_to_the_unit_not_to_the_analyst(night, name: str) -> None:
    vi, en, _ = night[name]
    for analyst_words in ("đề nghị đơn vị", "Ask the unit", "inbox", "--unit", "--program", "--period", "hrplan.yaml",
                          "nhập lại", "import again", "units.yaml", "tệp chương trình", "program file"):
        assert analyst_words not in vi + en, analyst_words
    assert "gửi lại" in vi and "send" in en


def test_a_password_tells_the_unit_to_send_a_copy_without_one(night) -> None:
    vi, en, _ = night["BC mat khau.xlsx"]
    assert "Hãy gửi lại bản không đặt mật khẩu" in vi and "Send a copy without a password again" in en


@pytest.mark.parametrize("name, vi_todo, en_todo", [
    ("BC mat khau.xlsx", "Cần làm: làm theo hướng dẫn nêu trên", "What to do: do as said above"),
    ("BC bom nen.xlsx", "Cần làm: làm theo hướng dẫn nêu trên", "What to do: do as said above"),
    ("BC an trang.xlsx", "Cần làm: làm theo hướng dẫn nêu trên", "What to do: do as said above"),
    ("BC sai o.xlsx", "Cần làm: sửa đúng các ô nêu trên", "What to do: fix the cells named above"),
    ("Cong van.pdf", "Cần làm: điền số liệu vào mẫu báo cáo (tệp .xlsx)", "What to do: fill in the figures in the report template"),
])
def test_the_closing_line_fits_the_problem(night, name: str, vi_todo: str, en_todo: str) -> None:
    vi, en, _ = night[name]
    assert vi_todo in vi and en_todo in en
    if name != "Cong van.pdf":  # the template advice is for a file that is not a workbook
        assert "không phải bảng tính" not in vi and "not a workbook" not in en


def test_a_zip_bomb_writes_its_sizes_in_each_language(night) -> None:
    vi, en, _ = night["BC bom nen.xlsx"]
    assert "giải nén ra 64,0 MB (gấp 1.007 lần, giới hạn 200 lần)" in vi
    assert "unpacks to 64.0 MB (1007 times; the limit is 200)" in en


def test_a_corrected_resend_settles_the_earlier_rejection(tmp_path: Path) -> None:
    # The refused file and its reason stayed in rejected/ after the correction was stored, as if still to send
    # back. They move to rejected/settled/, the reason saying which file made it good; nothing is deleted.
    from openpyxl import load_workbook

    ws = make_sample_workspace(tmp_path / "ws")
    inbox, rejected = ws.root / "inbox", ws.root / "rejected"
    shutil.copyfile(CORPUS / "text_in_number_cell.xlsx", inbox / "HHA_2023-H1_sai.xlsx")
    shutil.copyfile(CORPUS / "password_protected.xlsx", inbox / "SNV mat khau.xlsx")  # no unit or period to match
    an_hour_ago = time.time() - 3600
    os.utime(inbox / "SNV mat khau.xlsx", (an_hour_ago, an_hour_ago))
    assert consolidate(ws).returncode == 3
    assert (rejected / "HHA_2023-H1_sai.xlsx.reason.txt").exists()

    book = load_workbook(CORPUS / "text_in_number_cell.xlsx")
    book["BC 6 thang"]["E12"] = 60
    book.save(inbox / "HHA_2023-H1_sai.xlsx")  # the clerk fixed the cell and sent it under the same name
    run = consolidate(ws)
    assert run.returncode == 0, run.stdout + run.stderr

    assert sorted(p.name for p in rejected.iterdir() if p.is_file()) == ["SNV mat khau.xlsx",
                                                                         "SNV mat khau.xlsx.reason.txt"]
    settled = rejected / "settled"
    assert (settled / "HHA_2023-H1_sai.xlsx").read_bytes() == (CORPUS / "text_in_number_cell.xlsx").read_bytes()
    reason = (settled / "HHA_2023-H1_sai.xlsx.reason.txt").read_text(encoding="utf-8")
    assert "Ô chứa 'khoảng 60'" in reason  # the reason as it was sent, then the line that settles it
    stored = next((ws.root / "done").rglob("HHA_2023-H1_sai.xlsx"))
    today = time.strftime("%Y-%m-%d")
    assert f"Đã nhận bản sửa {stored.relative_to(ws.root)} ngày {today}" in reason
    assert f"The corrected file {stored.relative_to(ws.root)} was stored on {today}" in reason


def test_a_correction_imported_by_hand_settles_the_rejection_at_the_next_night(tmp_path: Path) -> None:
    # The analyst imported the clerk's corrected file with `hrplan import` (sent by mail, not through the inbox):
    # the refusal stayed in rejected/ night after night, as if still to send back.
    import subprocess

    from openpyxl import load_workbook

    from inbox_builder import EXE

    ws = make_sample_workspace(tmp_path / "ws")
    inbox, rejected = ws.root / "inbox", ws.root / "rejected"
    shutil.copyfile(CORPUS / "text_in_number_cell.xlsx", inbox / "HHA_2023-H1_sai.xlsx")
    assert consolidate(ws).returncode == 3
    assert (rejected / "HHA_2023-H1_sai.xlsx.reason.txt").exists()
    time.sleep(1.1)  # the store's time has whole seconds: stored after the refusal, not the same second

    book = load_workbook(CORPUS / "text_in_number_cell.xlsx")
    book["BC 6 thang"]["E12"] = 60
    book.save(tmp_path / "HHA sua.xlsx")
    assert subprocess.run([EXE, "-w", str(ws.root), "import", str(tmp_path / "HHA sua.xlsx")],
                          capture_output=True).returncode == 0
    assert (rejected / "HHA_2023-H1_sai.xlsx.reason.txt").exists()  # the import itself leaves the job's folders

    run = consolidate(ws)  # an empty inbox: nothing to take, the refusal is settled
    assert run.returncode == 0, run.stdout + run.stderr
    assert not (rejected / "HHA_2023-H1_sai.xlsx").exists()
    reason = (rejected / "settled" / "HHA_2023-H1_sai.xlsx.reason.txt").read_text(encoding="utf-8")
    assert "Đã nhận bản sửa HHA sua.xlsx ngày" in reason and "The corrected file HHA sua.xlsx was stored on" in reason


def test_a_refusal_written_by_an_older_hrplan_is_settled_by_the_correction(tmp_path: Path) -> None:
    # An hrplan before the 'Read as' line wrote the reason: the nightly job never matched it to the corrected file
    # stored since, and the refusal stayed in rejected/ for ever, as if still to send back to the clerk.
    import subprocess

    from openpyxl import load_workbook

    from inbox_builder import EXE

    ws = make_sample_workspace(tmp_path / "ws")
    inbox, rejected = ws.root / "inbox", ws.root / "rejected"
    shutil.copyfile(CORPUS / "text_in_number_cell.xlsx", inbox / "HHA_2023-H1_sai.xlsx")
    (inbox / "HHA bao cao.pdf").write_bytes(b"%PDF-1.4 not a workbook")
    assert consolidate(ws).returncode == 3
    old_reason = rejected / "HHA_2023-H1_sai.xlsx.reason.txt"
    text = old_reason.read_text(encoding="utf-8")
    assert "Tệp đọc được là / Read as: 08-CTr/TU | HHA | 2023-H1" in text
    written = old_reason.stat()
    old_reason.write_text("".join(line for line in text.splitlines(keepends=True)  # as the older hrplan wrote it
                                  if not line.startswith("Tệp đọc được là")), encoding="utf-8")
    os.utime(old_reason, ns=(written.st_atime_ns, written.st_mtime_ns))
    time.sleep(1.1)  # the store's time has whole seconds: stored after the refusal, not the same second

    book = load_workbook(CORPUS / "text_in_number_cell.xlsx")
    book["BC 6 thang"]["E12"] = 60
    book.save(tmp_path / "HHA sua.xlsx")
    assert subprocess.run([EXE, "-w", str(ws.root), "import", str(tmp_path / "HHA sua.xlsx")],
                          capture_output=True).returncode == 0

    run = consolidate(ws)
    assert run.returncode in (0, 5), run.stdout + run.stderr
    assert not (rejected / "HHA_2023-H1_sai.xlsx").exists() and not old_reason.exists()
    assert (rejected / "settled" / "HHA_2023-H1_sai.xlsx").is_file()
    reason = (rejected / "settled" / "HHA_2023-H1_sai.xlsx.reason.txt").read_text(encoding="utf-8")
    assert "Đã nhận bản sửa HHA sua.xlsx ngày" in reason and "The corrected file HHA sua.xlsx was stored on" in reason
    # The PDF says nothing of its program, unit or period: it stays, and the log says to look at it by hand.
    assert (rejected / "HHA bao cao.pdf.reason.txt").exists()
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8").splitlines()
    unmatched = [line for line in log if " unmatched " in line]
    assert len(unmatched) == 2  # each night that does something (the second rewrote the reports the import changed)
    assert all("rejected/HHA bao cao.pdf. Cần xem bằng tay" in line and "HHA_2023" not in line for line in unmatched)
