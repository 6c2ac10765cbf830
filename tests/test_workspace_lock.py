"""The workspace lock: one writer at a time, exit 4 after --wait, released when the holder dies.

Real processes hold the lock (a child Python process), real imports try to write.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hrplan.problems import HrplanError
from hrplan.store import lock_path, workspace_lock
from hrplan.workspace import Workspace

SUBMISSIONS = Path(__file__).resolve().parents[1] / "sample_data" / "submissions"
SYT = SUBMISSIONS / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"


def _holder(root: Path) -> subprocess.Popen:
    """Start a process that takes the workspace lock and keeps it until killed; return once it holds it."""
    code = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from hrplan.store import workspace_lock
        with workspace_lock(Path({str(root)!r}), wait=5):
            print("held", flush=True)
            time.sleep(600)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def _count(ws: Workspace) -> int:
    with ws.open_store() as store:
        return store.counts()["current"]


def test_a_second_writer_gets_exit_4_after_waiting_and_writes_nothing(sample_ws, run):
    holder = _holder(sample_ws.root)
    try:
        started = time.monotonic()
        result = run("import", SYT, "--wait", "0.5", workspace=sample_ws, lang="en")
        waited = time.monotonic() - started
        assert result.exit_code == 4, result.output
        assert "workspace.locked" in result.output and "Nothing was written" in result.output
        assert "--wait SECONDS" in result.output
        assert 0.4 <= waited < 5
        assert _count(sample_ws) == 0
    finally:
        holder.kill()
        holder.wait()


def test_a_locked_import_in_json_prints_a_json_error_for_the_script(sample_ws, run):
    holder = _holder(sample_ws.root)
    try:
        result = run("import", SYT, "--wait", "0", "-f", "json", workspace=sample_ws, lang="en")
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 4, result.output
    answer = json.loads(result.stdout)  # as `consolidate --json` does; the message goes to stderr
    assert (answer["status"], answer["exit_code"]) == ("locked", 4)
    assert answer["problems"][0]["code"] == "workspace.locked"
    assert "Nothing was written" in result.stderr


def test_a_killed_holder_never_leaves_the_workspace_locked(sample_ws, run):
    holder = _holder(sample_ws.root)
    holder.kill()  # SIGKILL: no cleanup code runs
    holder.wait()
    result = run("import", SYT, "--wait", "2", workspace=sample_ws)
    assert result.exit_code == 0, result.output
    assert _count(sample_ws) == 1


def test_the_writer_waits_for_the_holder_to_finish_within_wait(sample_ws, run):
    holder = _holder(sample_ws.root)
    try:
        killer = subprocess.Popen([sys.executable, "-c", f"import os, time; time.sleep(0.8); os.kill({holder.pid}, 9)"])
        result = run("import", SYT, "--wait", "20", workspace=sample_ws)
        killer.wait()
        assert result.exit_code == 0, result.output
        assert _count(sample_ws) == 1
    finally:
        holder.kill()
        holder.wait()


def test_a_dry_run_reads_without_the_lock(sample_ws, run):
    holder = _holder(sample_ws.root)
    try:
        result = run("import", SYT, "--dry-run", "--wait", "0", workspace=sample_ws)
        assert result.exit_code == 0, result.output
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_api_raises_workspace_locked_with_exit_code_4_and_is_released_on_error(tmp_path):
    with workspace_lock(tmp_path, wait=0) as path:
        assert path == lock_path(tmp_path)
        with pytest.raises(HrplanError) as info:
            with workspace_lock(tmp_path, wait=0.1):
                pass
        assert info.value.exit_code == 4 and info.value.problems[0].code == "workspace.locked"
    with pytest.raises(KeyboardInterrupt):
        with workspace_lock(tmp_path, wait=0):
            raise KeyboardInterrupt
    with workspace_lock(tmp_path, wait=0):  # free again after the interrupt
        pass


def test_a_symlink_where_the_lock_file_goes_is_refused_not_followed(tmp_path):
    target = tmp_path / "elsewhere"
    target.write_text("keep me")
    lock_path(tmp_path).symlink_to(target)
    with pytest.raises(HrplanError) as info:
        with workspace_lock(tmp_path, wait=0):
            pass
    assert info.value.problems[0].code == "workspace.lock_unusable"
    assert target.read_text() == "keep me"
