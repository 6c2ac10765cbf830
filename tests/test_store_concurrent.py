"""Two people and the nightly job on one store: concurrent imports store a file once; a report reads one moment.

Real processes (`hrplan import`) against a real store on both backends. The test holds the
writers' lock (PostgreSQL: the advisory lock; SQLite: BEGIN IMMEDIATE) until both imports have
read the file and found the store empty, so that they truly meet at the write.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy
from sqlalchemy import func, select

from conftest import SAMPLE
from hrplan.importer import import_files
from hrplan.store import Store
from hrplan.store.database import WRITE_LOCK
from hrplan.workspace import Workspace

SYT = SAMPLE / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"
HHA = SAMPLE / "submissions" / "12-CTr-TU_HHA_2016_to_2019-05.xlsx"


def _hold_write_lock(ws: Workspace):
    """Open a connection that holds the writers' lock; give (connection, engine)."""
    if ws.store_url.is_server:
        engine = sqlalchemy.create_engine(ws.store_url.url, poolclass=sqlalchemy.pool.NullPool)
        conn = engine.connect()
        conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))  # inside the autobegun transaction
    else:
        engine = sqlalchemy.create_engine(ws.store_url.url, poolclass=sqlalchemy.pool.NullPool)
        conn = engine.connect()
        conn.connection.dbapi_connection.isolation_level = None
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    return conn, engine


def _waiting_writers(ws: Workspace, holder) -> int:
    if ws.store_url.is_server:
        with Store(ws.store_url) as store, store.snapshot() as conn:
            return conn.execute(sqlalchemy.text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).scalar_one()
    return -1  # SQLite has no lock table: the test waits for both children to have read the file instead


def test_two_imports_of_the_same_file_at_once_store_it_once(sample_ws: Workspace, tmp_path: Path) -> None:
    with sample_ws.open_store():
        pass
    holder, engine = _hold_write_lock(sample_ws)
    env_cmd = [str(Path(sys.executable).parent / "hrplan"), "--workspace", str(sample_ws.root), "--lang", "en",
               "import", "--format", "json"]
    children = []
    try:
        for i in range(2):
            copy = tmp_path / f"analyst{i}" / SYT.name  # each analyst has the file in their own folder
            copy.parent.mkdir()
            copy.write_bytes(SYT.read_bytes())
            children.append(subprocess.Popen([*env_cmd, str(copy)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                             text=True))
        deadline = time.monotonic() + 60
        if sample_ws.store_url.is_server:
            while _waiting_writers(sample_ws, holder) < 2:  # both have read the file and wait to write
                assert time.monotonic() < deadline, "the two imports never reached the write"
                assert all(c.poll() is None for c in children), [c.communicate() for c in children]
                time.sleep(0.05)
        else:
            time.sleep(4)  # both read the file (under a second each) and wait in BEGIN IMMEDIATE (timeout 30 s)
            assert all(c.poll() is None for c in children), [c.communicate() for c in children]
    finally:
        holder.rollback()
        holder.close()
        engine.dispose()
    outputs = [c.communicate(timeout=60) for c in children]
    assert [c.returncode for c in children] == [0, 0], outputs
    outcomes = sorted(r["outcome"] for out, _ in outputs for r in json.loads(out)["results"])
    assert outcomes == ["imported", "unchanged"], outputs
    with sample_ws.open_store() as store:
        stored = store.submissions(include_superseded=True)
        assert [(s.unit, s.period, s.superseded_by) for s in stored] == [("SYT", "2016..2019-05", None)]
        assert store.counts()["values"] == len(store.values(stored[0].id)) > 0


def test_a_report_reads_one_moment_while_an_import_commits(sample_ws: Workspace) -> None:
    import_files(sample_ws, [SYT])
    with sample_ws.open_store() as store:
        with store.snapshot():
            before = store.current_values("12-CTr/TU")
            counts = store.counts()
            (done,) = import_files(sample_ws, [HHA])  # another connection commits a new unit meanwhile
            assert done.outcome.value == "imported"
            assert store.current_values("12-CTr/TU") == before
            assert store.counts() == counts
        after = store.current_values("12-CTr/TU")
    assert {r["unit"] for r in after} == {r["unit"] for r in before} | {"HHA"}
