"""The inbox scan (settled, still written, lock and temporary files) and the filing (never overwrite, never twice)."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from hrplan.jobs.filing import destination, place, reason_text
from hrplan.jobs.inbox import scan_inbox
from hrplan.problems import Location, Problem

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "submissions"
WORKBOOK = (SAMPLE / "12-CTr-TU_SYT_2016_to_2019-05.xlsx").read_bytes()


def test_only_settled_files_are_ready(tmp_path: Path):
    inbox = tmp_path / "inbox"
    (inbox / "huyen").mkdir(parents=True)
    for name in ("SYT.xlsx", "huyen/HHA.xls", "scan.pdf", "~$SYT.xlsx", ".~lock.SNV.ods#", "SNV.xlsx.part",
                 "download.crdownload", ".hidden.xlsx", "copy.tmp", "bak.xlsx~"):
        (inbox / name).write_bytes(WORKBOOK)
    (inbox / "empty.ods").write_bytes(b"")
    growing = inbox / "growing.xlsx"
    growing.write_bytes(WORKBOOK[:100])

    def grow() -> None:  # a copy still running while the job looks twice
        with growing.open("ab") as fh:
            for _ in range(6):
                time.sleep(0.05)
                fh.write(b"x" * 10)
                fh.flush()

    writer = threading.Thread(target=grow)
    writer.start()
    found = scan_inbox(inbox, settle_seconds=0.2)
    writer.join()
    ready = sorted(str(f.path.relative_to(inbox)) for f in found if f.ready)
    assert ready == ["SYT.xlsx", "huyen/HHA.xls", "scan.pdf"]
    waiting = {f.path.name: f.wait_reason for f in found if not f.ready}
    assert waiting == {"~$SYT.xlsx": "lock_file", ".~lock.SNV.ods#": "lock_file", "SNV.xlsx.part": "temporary",
                       "download.crdownload": "temporary", ".hidden.xlsx": "temporary", "copy.tmp": "temporary",
                       "bak.xlsx~": "temporary", "empty.ods": "empty", "growing.xlsx": "changing"}
    assert {f.path.name: f.is_workbook for f in found if f.ready} == {"SYT.xlsx": True, "HHA.xls": True, "scan.pdf": False}


def test_ready_files_come_in_the_order_they_apply(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, mtime in (("b.xlsx", 300), ("a.xlsx", 300), ("c.xlsx", 100)):
        (inbox / name).write_bytes(WORKBOOK)
        os.utime(inbox / name, (mtime, mtime))
    assert [f.path.name for f in scan_inbox(inbox, 0)] == ["c.xlsx", "a.xlsx", "b.xlsx"]


def test_a_name_clash_never_overwrites(tmp_path: Path):
    done, inbox = tmp_path / "done", tmp_path / "inbox"
    done.mkdir(), inbox.mkdir()
    (done / "SYT.xlsx").write_bytes(b"the first night's file")
    (done / "SYT (2).xlsx").write_bytes(b"the second night's file")
    (inbox / "SYT.xlsx").write_bytes(WORKBOOK)
    dest, already = destination(done, inbox / "SYT.xlsx")
    assert (dest.name, already) == ("SYT (3).xlsx", False)
    place(inbox / "SYT.xlsx", dest, already)
    assert (done / "SYT.xlsx").read_bytes() == b"the first night's file"
    assert (done / "SYT (2).xlsx").read_bytes() == b"the second night's file"
    assert (done / "SYT (3).xlsx").read_bytes() == WORKBOOK and not (inbox / "SYT.xlsx").exists()


def test_a_move_cut_in_half_is_finished_not_doubled(tmp_path: Path):
    done, inbox = tmp_path / "done", tmp_path / "inbox"
    done.mkdir(), inbox.mkdir()
    (inbox / "SYT.xlsx").write_bytes(WORKBOOK)
    os.link(inbox / "SYT.xlsx", done / "SYT.xlsx")  # a run killed after linking, before removing the inbox entry
    dest, already = destination(done, inbox / "SYT.xlsx")
    assert (dest.name, already) == ("SYT.xlsx", True)
    place(inbox / "SYT.xlsx", dest, already)
    assert sorted(p.name for p in done.iterdir()) == ["SYT.xlsx"] and not any(inbox.iterdir())


def test_reason_names_the_cell_in_both_languages():
    problem = Problem("value.not_number", location=Location(file="HHA.xlsx", sheet="BC 6 thang", cell="E12"),
                      params={"found": "khoảng 60"})
    text = reason_text([problem], "HHA.xlsx")
    assert "HHA.xlsx › BC 6 thang › E12" in text
    assert "Ô chứa 'khoảng 60'" in text and "The cell holds 'khoảng 60'" in text
    assert "Cần làm: sửa đúng các ô" in text and "What to do: fix the cells" in text
