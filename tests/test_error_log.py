"""The internal-error log: in the workspace's logs/, one new file per incident, created exclusively."""
from __future__ import annotations

import os
import threading

from hrplan.cli.output import STATE, write_error_log


def test_each_incident_gets_its_own_file_in_the_workspace_logs(sample_ws):
    STATE.workspace = sample_ws.root
    try:
        paths: list = []
        threads = [threading.Thread(target=lambda i=i: paths.append(write_error_log(f"incident {i}\n"))) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        STATE.workspace = None
    assert len(set(paths)) == 8
    assert all(p.parent == sample_ws.root / "logs" for p in paths)
    assert sorted(p.read_text() for p in paths) == sorted(f"incident {i}\n" for i in range(8))
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in paths)


def test_a_planted_symlink_is_never_followed(sample_ws, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    logs = sample_ws.root / "logs"
    if logs.is_dir() and not logs.is_symlink():
        logs.rmdir()  # `hrplan init` makes logs/ (empty here): replaced by a planted link
    logs.symlink_to(tmp_path)  # logs/ pointing elsewhere
    STATE.workspace = sample_ws.root
    try:
        path = write_error_log("details\n")
    finally:
        STATE.workspace = None
    assert target.read_text() == "keep me"
    assert path.parent != tmp_path and path.read_text() == "details\n"  # a new private file elsewhere
    os.unlink(path)
