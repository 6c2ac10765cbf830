"""`hrplan consolidate` on a machine that refuses a write: a full disk (a real small tmpfs) or a folder it may not
write (`chattr +i`, which refuses even root). The run stops with exit 2 and one plain message naming the folder,
never a traceback or exit 70; every file stored before it stopped is told (in the log, or on stderr when the log
itself cannot be written) and counted; the next run, once the IT person has fixed it, files the rest and loses
nothing."""
from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import pytest

from inbox_builder import EXE, consolidate, night_workspace, store_state


@contextlib.contextmanager
def full_disk(folder: Path, size: str = "256k"):
    """Mount a small tmpfs on `folder` and fill it up; give the filler, to remove to free the space."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): {done.stderr.decode().strip()}")
    filler = folder / "filler"
    try:
        with contextlib.suppress(OSError), filler.open("wb") as fh:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        yield filler
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextlib.contextmanager
def immutable(folder: Path):
    """Make `folder` refuse every new name and every removal (chattr +i), for root too."""
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not supported here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=False)


def _status(ws, lang: str = "en") -> list[str]:
    run = subprocess.run([EXE, "-w", str(ws.root), "--lang", lang, "status"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def _stop_told(lines: list[str], kept: str) -> None:
    """The digest says the last run stopped, why on a line of its own (no rule code), and the file left stored."""
    last = next(i for i, x in enumerate(lines) if x.startswith("Last run:"))
    assert "stopped: a disk is full" in lines[last]
    assert lines[last + 1].startswith("  The run stopped: The disk holding the folder")
    assert not any("consolidate.stopped" in x for x in lines)
    assert any(kept in x and "stored, but not moved: still at inbox/" in x for x in lines)


def _log(root: Path) -> list[str]:
    path = root / "logs" / "consolidate.log"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_a_full_log_disk_stops_the_run_and_says_on_stderr_what_it_stored(tmp_path: Path):
    ws = night_workspace(tmp_path / "ws", good=4)
    with full_disk(ws.root / "logs") as filler:
        run = consolidate(ws, "--lang", "en")
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr and "Internal hrplan error" not in run.stderr
        assert f"The run stopped: The disk holding the folder {ws.root / 'logs'} is full" in run.stderr
        # The first file was stored before the log refused its line: the line is on stderr, and the run went no further.
        assert "could not be written to logs/consolidate.log" in run.stderr
        assert "imported inbox/huyen/12-CTr-TU_SYT_2016_to_2019-05.xlsx → done/2016_to_2019-05/" in run.stderr
        assert "Before it stopped it stored 1 file;" in run.stderr
        assert len(store_state(ws.root)["submissions"]) == 1
        assert (ws.root / "done" / "2016_to_2019-05" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx").exists()
        filler.unlink()
        again = consolidate(ws, "--lang", "en")
        assert again.returncode == 3, again.stderr
    assert len(store_state(ws.root)["submissions"]) == 4 + 1  # SYT twice: two versions; nothing doubled or lost


def test_a_full_done_disk_stores_the_file_keeps_it_in_the_inbox_and_the_next_run_files_it(tmp_path: Path):
    ws = night_workspace(tmp_path / "ws", good=4)
    # every file but the two left waiting (Excel's lock file, an empty file)
    sent = len([p for p in (ws.root / "inbox").rglob("*") if p.is_file() and p.stat().st_size and "~$" not in p.name])
    with full_disk(ws.root / "done") as filler:
        run = consolidate(ws, "--lang", "en")
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr
        assert f"The run stopped: The disk holding the folder {ws.root / 'done'}" in run.stderr
        # The file stored, not moved, is told once: not among the files never taken.
        assert ("Before it stopped it stored 1 file; 1 file already in the store but not moved, still in the inbox: "
                "inbox/huyen/12-CTr-TU_SYT") in run.stderr
        assert f"; {sent - 1} files not yet taken stay in the inbox" in run.stderr
        log = _log(ws.root)
        line = next(x for x in log if " imported " in x)
        assert "inbox/huyen/12-CTr-TU_SYT_2016_to_2019-05.xlsx → (still in the inbox):" in line
        assert "Stored but not moved" in line
        assert log[-1].split()[2] == "run" and "The run stopped" in log[-1]
        assert (ws.root / "inbox" / "huyen" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx").exists()
        _stop_told(_status(ws), "12-CTr-TU_SYT_2016_to_2019-05.xlsx")
        # The disk still full the next night: the file is found stored, and said to wait only to be moved.
        still = consolidate(ws, "--lang", "en")
        assert still.returncode == 2, still.stderr
        assert ("Before it stopped it stored 0 files; 1 file already in the store but not moved, still in the inbox: "
                "inbox/huyen/12-CTr-TU_SYT") in still.stderr
        assert f"; {sent - 1} files not yet taken stay in the inbox" in still.stderr
        _stop_told(_status(ws), "12-CTr-TU_SYT_2016_to_2019-05.xlsx")
        vi = consolidate(ws)
        assert "đã lưu 0 tệp vào cơ sở dữ liệu; 1 tệp đã có trong cơ sở dữ liệu nhưng chưa chuyển được" in vi.stderr
        assert f"; {sent - 1} tệp chưa xử lý vẫn ở inbox" in vi.stderr
        assert any(" unchanged inbox/huyen/12-CTr-TU_SYT_2016_to_2019-05.xlsx → (vẫn ở inbox):" in x
                   for x in _log(ws.root))
        log = _log(ws.root)
        filler.unlink()
        again = consolidate(ws, "--lang", "en")
        assert again.returncode == 3, again.stderr
        assert (ws.root / "done" / "2016_to_2019-05" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx").exists()
    later = _log(ws.root)[len(log):]
    assert any(" unchanged inbox/huyen/12-CTr-TU_SYT_2016_to_2019-05.xlsx" in x for x in later)  # only filed
    assert len(store_state(ws.root)["submissions"]) == 4 + 1


def test_a_read_only_inbox_stops_the_run_with_one_permission_message_and_loses_no_record(tmp_path: Path):
    ws = night_workspace(tmp_path / "ws", good=4)
    inbox = ws.root / "inbox"
    with immutable(inbox):
        run = consolidate(ws, "--lang", "en")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "Internal" not in run.stdout + run.stderr
    assert run.stderr.count("may not write in the folder") == 1 and f"may not write in the folder {inbox}:" in run.stderr
    assert not list((ws.root / "logs").glob("internal-error-*"))
    log = _log(ws.root)
    # The subfolder's file was filed; the next one was stored, then could not leave the read-only inbox: both told.
    assert any(" imported inbox/huyen/12-CTr-TU_SYT_2016_to_2019-05.xlsx → done/" in x for x in log)
    kept = next(x for x in log if "12-CTr-TU_HHA_2016_to_2019-05.xlsx" in x)
    assert kept.split()[2] == "imported" and "Stored but not moved, still in the inbox" in kept
    assert "Before it stopped it stored 2 files; 1 file already in the store but not moved" in log[-1]
    assert (inbox / "12-CTr-TU_HHA_2016_to_2019-05.xlsx").exists()
    assert not (ws.root / "done" / "2016_to_2019-05" / "12-CTr-TU_HHA_2016_to_2019-05.xlsx").exists()  # not in both
    again = consolidate(ws, "--lang", "en")
    assert again.returncode == 3, again.stderr
    assert any(" unchanged inbox/12-CTr-TU_HHA_2016_to_2019-05.xlsx → done/" in x for x in _log(ws.root)[len(log):])
    assert len(store_state(ws.root)["submissions"]) == 4 + 1


def test_a_workspace_on_a_full_disk_exits_2_with_a_plain_message_never_a_traceback(tmp_path: Path):
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): {done.stderr.decode().strip()}")
    try:
        ws = night_workspace(disk / "ws", good=4)
        with contextlib.suppress(OSError), (disk / "filler").open("wb") as fh:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        run = consolidate(ws)
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr and "Lỗi nội bộ" not in run.stderr
        assert "os.disk_full" in run.stderr and f"Ổ đĩa chứa thư mục {ws.root / 'logs'} đã đầy" in run.stderr
        assert os.path.exists(ws.root / "inbox" / "12-CTr-TU_HHA_2016_to_2019-05.xlsx")  # nothing taken
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
