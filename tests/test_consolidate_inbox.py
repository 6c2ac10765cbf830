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


def test_a_long_vietnamese_name_is_rejected_with_its_reason_not_a_crash_every_night(tmp_path: Path):
    # A legal name of 250 bytes (about 100 Vietnamese letters) left no room for '.reason.txt': the job failed with
    # exit 70 every night and the file stayed in the inbox. It is filed under a shortened name, its reason beside it.
    from conftest import make_sample_workspace
    from inbox_builder import CORPUS, consolidate

    ws = make_sample_workspace(tmp_path / "ws")
    name = ("Báo cáo Sở Nội vụ tỉnh Cao Bằng " * 10).encode()[:245].decode(errors="ignore").rstrip() + ".xlsx"
    assert len(name.encode()) > 240
    bad = ws.root / "inbox" / name
    bad.write_bytes((CORPUS / "text_in_number_cell.xlsx").read_bytes())
    os.utime(bad, (1_700_000_000, 1_700_000_000))
    first = consolidate(ws)
    assert first.returncode == 3, first.stderr + first.stdout
    (filed,) = [p for p in (ws.root / "rejected").iterdir() if p.suffix == ".xlsx"]
    assert filed.name.startswith("Báo cáo Sở Nội vụ") and len(filed.name.encode()) + len(".reason.txt") < 255
    assert filed.read_bytes() == (CORPUS / "text_in_number_cell.xlsx").read_bytes()
    reason = filed.with_name(filed.name + ".reason.txt").read_text(encoding="utf-8")
    assert name in reason and "E12" in reason  # it names the file as the unit sent it, and the cell
    assert not any((ws.root / "inbox").iterdir())
    assert consolidate(ws).returncode == 5  # nothing left to do


def test_two_long_names_that_start_alike_stay_apart(tmp_path: Path):
    from hrplan.jobs.filing import NAME_MAX, ROOM, fitted_name

    start = "Báo cáo kết quả đào tạo bồi dưỡng cán bộ " * 6
    a, b = fitted_name(start + "quý 1.xlsx"), fitted_name(start + "quý 2.xlsx")
    assert a != b and a.endswith(".xlsx") and len(a.encode()) <= NAME_MAX - ROOM
    assert fitted_name("SYT.xlsx") == "SYT.xlsx"


def test_a_file_that_hits_a_bug_stays_and_its_line_names_a_log_with_the_details(tmp_path: Path):
    # Exit 70 promises a log file with the details (README): the nightly job wrote none for a file that failed.
    from conftest import make_sample_workspace
    from inbox_builder import SYT, consolidate

    ws = make_sample_workspace(tmp_path / "ws")
    sent = ws.root / "inbox" / SYT
    sent.write_bytes(WORKBOOK)
    os.utime(sent, (1_700_000_000, 1_700_000_000))
    (ws.root / "done").mkdir(exist_ok=True)
    (ws.root / "done" / "2016_to_2019-05").write_text("a file where the period's folder should be")
    run = consolidate(ws)
    assert run.returncode == 70, run.stderr + run.stdout
    (log,) = (ws.root / "logs").glob("internal-error-*.log")
    assert str(log.name) in run.stdout + run.stderr
    details = log.read_text(encoding="utf-8")
    assert SYT in details and "Traceback" in details
    assert sent.exists()  # kept in the inbox for a fixed hrplan


def test_a_copy_that_paused_waits_until_it_ends_instead_of_being_refused_as_damaged(tmp_path: Path):
    # A share or a mail fetcher that stops for longer than settle_seconds left a half-written .xlsx: the job took it,
    # refused it as a damaged ZIP, and moved it into rejected/ while the copy went on finishing it there.
    from conftest import make_sample_workspace
    from inbox_builder import SYT, consolidate

    ws = make_sample_workspace(tmp_path / "ws")
    half = ws.root / "inbox" / SYT
    half.write_bytes(WORKBOOK[:3000])  # the copy has paused: the file's end (its ZIP directory) is not there yet
    stamp = time.time() - 10  # settled: unchanged for longer than settle_seconds
    os.utime(half, (stamp, stamp))
    (waiting,) = scan_inbox(ws.root / "inbox", settle_seconds=0)
    assert waiting.wait_reason == "incomplete"
    run = consolidate(ws)
    assert run.returncode == 5, run.stderr + run.stdout  # nothing taken, nothing refused
    assert half.exists() and not any((ws.root / "rejected").glob("*.xlsx"))
    half.write_bytes(WORKBOOK)  # the copy ends
    os.utime(half, (stamp, stamp))
    assert consolidate(ws).returncode == 0 and (ws.root / "done" / "2016_to_2019-05" / SYT).is_file()


def test_a_truncated_workbook_is_refused_once_it_is_older_than_the_grace(tmp_path: Path):
    from hrplan.jobs.inbox import INCOMPLETE_GRACE

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "hong.xlsx").write_bytes(WORKBOOK[:3000])
    old = time.time() - INCOMPLETE_GRACE - 60
    os.utime(inbox / "hong.xlsx", (old, old))
    (found,) = scan_inbox(inbox, settle_seconds=0)
    assert found.ready  # taken, and refused by the reader with its reason (a damaged file stays damaged)


def test_a_link_or_a_fifo_in_the_inbox_waits_named_never_opened(tmp_path: Path):
    # They were passed over in silence every night ("0 files waiting").
    from conftest import make_sample_workspace
    from inbox_builder import consolidate

    ws = make_sample_workspace(tmp_path / "ws")
    inbox = ws.root / "inbox"
    target = tmp_path / "elsewhere.xlsx"
    target.write_bytes(WORKBOOK)
    (inbox / "link.xlsx").symlink_to(target)
    os.mkfifo(inbox / "pipe.xlsx")  # opening it would block the job for ever
    found = {f.path.name: f.wait_reason for f in scan_inbox(inbox, settle_seconds=0)}
    assert found == {"link.xlsx": "not_a_file", "pipe.xlsx": "not_a_file"}
    night = consolidate(ws, timeout=120)
    assert night.returncode == 5, night.stderr + night.stdout
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert "link.xlsx" in log and "pipe.xlsx" in log and "symlink" in log
    assert target.read_bytes() == WORKBOOK and (inbox / "link.xlsx").is_symlink()


def test_a_password_protected_workbook_is_taken_at_once_not_held_as_an_unfinished_copy(tmp_path: Path):
    # Encrypted, an .xlsx is an OLE2 file without a ZIP end: it waited 15 minutes as 'incomplete' before its refusal.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    corpus = Path(__file__).resolve().parent / "corpus" / "password_protected.xlsx"
    (inbox / "mat khau.xlsx").write_bytes(corpus.read_bytes())
    (found,) = scan_inbox(inbox, settle_seconds=0)
    assert found.ready, found.wait_reason


def test_a_text_file_named_xlsx_is_refused_at_once_with_imports_reason_not_held_as_an_unfinished_copy(tmp_path: Path,
                                                                                                    run):
    # Plain text named .xlsx has no ZIP start at all: no copy of a workbook is on its way, yet it waited 15 minutes
    # as "a workbook without its end yet" where `import` says at once what it is.
    from conftest import make_sample_workspace

    ws = make_sample_workspace(tmp_path / "ws")
    inbox = ws.root / "inbox"
    config = ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("settle_seconds: 2", "settle_seconds: 0.2"),
                      encoding="utf-8")
    stamp = time.time() - 10  # settled, and well inside the 15 minutes of grace
    for name, data in (("bao cao.xlsx", b"hello this is not a workbook"), ("trang web.ods", b"<html><body>x</body>"),
                       ("dang chep.xlsx", WORKBOOK[:3000]), ("giu cho.xlsx", b"\0" * 4096)):
        (inbox / name).write_bytes(data)
        os.utime(inbox / name, (stamp, stamp))
    night = run("consolidate", workspace=ws, lang="en")
    assert night.exit_code == 3, night.output
    assert "Rejected: inbox/bao cao.xlsx → rejected/bao cao.xlsx" in night.stdout
    assert "The workbook cannot be opened: a plain text file." in night.stdout
    assert "Rejected: inbox/trang web.ods → rejected/trang web.ods" in night.stdout
    reason = (ws.root / "rejected" / "bao cao.xlsx.reason.txt").read_text(encoding="utf-8")
    assert "một tệp văn bản thuần" in reason and "a plain text file" in reason
    copy = tmp_path / "bao cao.xlsx"
    copy.write_bytes(b"hello this is not a workbook")
    assert "a plain text file" in run("import", copy, workspace=ws, lang="en").output  # the same words as import
    # what starts as a workbook (a ZIP) without its end, or with the zeros a copy tool reserves, still waits
    assert "inbox/dang chep.xlsx: left for the next run: a workbook without its end yet" in night.stdout
    assert "inbox/giu cho.xlsx: left for the next run: a workbook without its end yet" in night.stdout
    assert (inbox / "dang chep.xlsx").exists() and (inbox / "giu cho.xlsx").exists()
