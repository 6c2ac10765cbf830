"""The store's server goes away in the middle of a run (an IT restart): a store problem, told once, not a bug.

Real `hrplan` processes on a real PostgreSQL server (tests/pg_server.py). To lose the server at the same point
every time, this test holds the store's write lock, lets the run store exactly one file, makes it wait for the
lock again, and then ends its connections as a server shutdown does (`pg_terminate_backend`: the run's next
statement gets AdminShutdown, the error `pg_ctl stop -m fast` gives).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy

from conftest import SAMPLE, make_sample_workspace, pg_server_or_reason
from hrplan.store import Store, connection_lost, parse_store_url
from hrplan.store.lock import WRITE_LOCK

EXE = str(Path(sys.executable).with_name("hrplan"))
FILES = sorted((SAMPLE / "submissions").glob("*.xlsx"))


def _server():
    server = pg_server_or_reason()
    if isinstance(server, str):
        pytest.skip(f"PostgreSQL half skipped: {server}")
    return server


def _lock_engine(url: str):
    return sqlalchemy.create_engine(parse_store_url(url).url, isolation_level="AUTOCOMMIT",
                                    poolclass=sqlalchemy.pool.NullPool)


def _waiting_runs(admin) -> int:
    """Give how many of hrplan's connections wait for a lock (the write lock another connection holds)."""
    with admin.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hrplan'"
                                    " AND wait_event_type = 'Lock'").scalar_one()


def _until(condition, proc: subprocess.Popen, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        assert proc.poll() is None, f"the run ended before {what}: {proc.communicate()}"
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _run_losing_the_server(url: str, argv: list[str]) -> tuple[int, str, str]:
    """Run hrplan, lose the server once it has stored one file, and give (exit code, stdout, stderr)."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _lose_the_server_after_one_file(url, proc)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    return proc.returncode, out, err


def _lose_the_server_after_one_file(url: str, proc: subprocess.Popen) -> None:
    """Let the run store one file, then end its connections while it waits to store the next."""
    admin = _server().admin()
    engine = _lock_engine(url)
    first, second = engine.connect(), engine.connect()
    try:
        first.exec_driver_sql(f"SELECT pg_advisory_lock({WRITE_LOCK})")
        _until(lambda: _waiting_runs(admin) == 1, proc, "the run waiting to store its first file")
        queued = threading.Thread(target=second.exec_driver_sql, args=(f"SELECT pg_advisory_lock({WRITE_LOCK})",))
        queued.start()  # behind the run in the lock's queue: it takes the lock once the first file is committed
        time.sleep(0.5)
        first.exec_driver_sql(f"SELECT pg_advisory_unlock({WRITE_LOCK})")
        queued.join(60)
        _until(lambda: _waiting_runs(admin) == 1, proc, "the run waiting to store its second file")
        with admin.connect() as conn:  # what a fast shutdown does to every session
            conn.exec_driver_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                 " WHERE application_name IN ('hrplan', 'hrplan-lock')")
        second.exec_driver_sql(f"SELECT pg_advisory_unlock({WRITE_LOCK})")
    finally:
        first.close()
        second.close()
        engine.dispose()
        admin.dispose()


def _stored(url: str) -> list[str]:
    with Store(parse_store_url(url)) as store:
        return [r.file_name for r in store.submissions(include_superseded=True)]


def _no_driver_text(text: str) -> None:
    for leak in ("SQL", "(psycopg", "psycopg.errors", "OperationalError", "AdminShutdown", "Traceback", "Lỗi nội bộ", "internal-error"):
        assert leak not in text, text


def test_import_that_loses_the_server_lists_what_it_stored_and_says_so_once(pg_url: str, tmp_path: Path) -> None:
    ws = make_sample_workspace(tmp_path / "ws", pg_url)
    code, out, err = _run_losing_the_server(pg_url, [EXE, "-w", str(ws.root), "import", "-f", "json", *map(str, FILES)])
    assert code == 2, (out, err)  # the code of a store that cannot be reached, not 70 (a bug)
    report = json.loads(out)
    assert report["status"] == "store_lost" and report["exit_code"] == 2
    said = [Path(r["file"]).name for r in report["results"] if r["outcome"] in ("imported", "updated")]
    assert said == _stored(pg_url) and len(said) == 1  # what it says it stored is what the store holds
    assert len(report["not_imported"]) == len(FILES) - 1
    assert report["problems"][0]["code"] == "import.store_lost"
    first_left = Path(report["not_imported"][0]).name
    assert f"khi đang nhập tệp {first_left}; các tệp đã lưu: 1; tệp {first_left} và các tệp sau" in err
    assert err.count("Mất kết nối") == 1
    _no_driver_text(err)
    assert not list((ws.root / "logs").glob("internal-error-*")) if (ws.root / "logs").exists() else True
    # the server is back (it never left): the same command finishes the job, skipping the stored file
    again = subprocess.run([EXE, "-w", str(ws.root), "import", *map(str, FILES)], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert sorted(_stored(pg_url)) == sorted(f.name for f in FILES)


def test_the_nightly_job_that_loses_the_server_stops_writes_its_summary_and_leaves_the_rest(pg_url: str,
                                                                                          tmp_path: Path) -> None:
    ws = make_sample_workspace(tmp_path / "ws", pg_url)
    config = ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("settle_seconds: 2", "settle_seconds: 0.1"),
                      encoding="utf-8")
    for n, f in enumerate(FILES):
        shutil.copy(f, ws.inbox / f.name)
        stamp = time.time() - 3600 + n
        os.utime(ws.inbox / f.name, (stamp, stamp))
    code, out, err = _run_losing_the_server(pg_url, [EXE, "-w", str(ws.root), "consolidate", "--json"])
    assert code == 2, (out, err)
    summary = json.loads(out)
    assert summary["status"] == "store_lost" and summary["exit_code"] == 2
    assert summary["counts"]["imported"] == 1 and summary["counts"]["failed"] == 0
    assert summary["problems"][0]["code"] == "consolidate.store_lost"
    assert len(list(ws.inbox.glob("*.xlsx"))) == len(FILES) - 1  # the files not stored stay for the next run
    assert _stored(pg_url) == [p.name for p in (ws.root / "done").rglob("*.xlsx")]
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8").splitlines()
    assert [line.split()[2] for line in log] == ["imported", "run"], log  # no flood: one line per file, one summary
    assert "Mất kết nối tới kho dữ liệu" in log[-1] and f"còn {len(FILES) - 1}" not in log[-1]
    assert f"{len(FILES) - 1} tệp vẫn ở trong inbox" in log[-1]
    assert not list((ws.root / "logs").glob("internal-error-*"))
    _no_driver_text(err + log[-1])
    again = subprocess.run([EXE, "-w", str(ws.root), "consolidate"], capture_output=True, text=True)
    assert again.returncode in (0, 3), again.stdout + again.stderr
    assert not list(ws.inbox.glob("*.xlsx"))


def test_only_a_lost_connection_counts_as_a_lost_store_real_errors_stay_bugs(pg_url: str, tmp_path: Path) -> None:
    engine = _lock_engine(pg_url)
    try:
        for sql, lost in (("SELEC 1", False), ("SET statement_timeout = 1; SELECT pg_sleep(1)", False),
                          ("SELECT 1/0", False), ("SELECT pg_terminate_backend(pg_backend_pid())", True)):
            with pytest.raises(sqlalchemy.exc.DBAPIError) as caught, engine.connect() as conn:
                for statement in sql.split("; "):
                    conn.exec_driver_sql(statement)
            assert connection_lost(caught.value) is lost, sql
    finally:
        engine.dispose()
    sqlite = sqlalchemy.create_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with pytest.raises(sqlalchemy.exc.DBAPIError) as caught, sqlite.connect() as conn:
        conn.exec_driver_sql("SELEC 1")
    assert not connection_lost(caught.value)
    sqlite.dispose()
