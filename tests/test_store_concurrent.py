"""Two people and the nightly job on one store: concurrent imports store a file once; a report reads one moment.

Real processes against a real store. On PostgreSQL two analysts' machines are two workspace
folders naming the same server store; the workspace lock becomes the server's advisory lock.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import sqlalchemy
from sqlalchemy import func, select

from conftest import SAMPLE, make_sample_workspace
from hrplan.importer import import_files
from hrplan.store import Store, parse_store_url
from hrplan.store.lock import WORKSPACE_LOCK, WRITE_LOCK
from hrplan.workspace import Workspace

SYT = SAMPLE / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"
HHA = SAMPLE / "submissions" / "12-CTr-TU_HHA_2016_to_2019-05.xlsx"
HRPLAN = str(Path(sys.executable).parent / "hrplan")


def _analyst(tmp_path: Path, name: str, store: str) -> tuple[Workspace, Path]:
    """Give an analyst's own workspace folder on the shared store, and their own copy of the SYT file."""
    root = tmp_path / name
    if not root.exists():
        make_sample_workspace(root, store)
    copy = tmp_path / f"{name}-inbox" / SYT.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copy(SYT, copy)
    return Workspace(root), copy


def _advisory_waiters(url: str) -> int:
    with Store(parse_store_url(url)) as store, store.snapshot() as conn:
        return conn.execute(sqlalchemy.text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).scalar_one()


def test_two_analysts_import_the_same_file_at_once_on_the_server_and_it_is_stored_once(pg_url: str,
                                                                                       tmp_path: Path) -> None:
    (ws_a, file_a), (ws_b, file_b) = _analyst(tmp_path, "a", pg_url), _analyst(tmp_path, "b", pg_url)
    # A third machine holds the server's workspace lock until both imports are waiting for it.
    engine = sqlalchemy.create_engine(parse_store_url(pg_url).url, poolclass=sqlalchemy.pool.NullPool,
                                      isolation_level="AUTOCOMMIT")
    holder = engine.connect()
    assert holder.execute(select(func.pg_try_advisory_lock(WORKSPACE_LOCK))).scalar()
    children = [subprocess.Popen([HRPLAN, "--workspace", str(ws.root), "import", "--wait", "120", "--format", "json",
                                  str(f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for ws, f in ((ws_a, file_a), (ws_b, file_b))]
    try:
        deadline = time.monotonic() + 60
        while not _both_waiting(pg_url):
            assert time.monotonic() < deadline, "the two imports never met at the lock"
            assert all(c.poll() is None for c in children), [c.communicate() for c in children]
            time.sleep(0.1)
    finally:
        holder.close()  # the server drops a session lock with its connection
        engine.dispose()
    outputs = [c.communicate(timeout=120) for c in children]
    assert [c.returncode for c in children] == [0, 0], outputs
    outcomes = sorted(r["outcome"] for out, _ in outputs for r in json.loads(out)["results"])
    assert outcomes == ["imported", "unchanged"], outputs
    with ws_a.open_store() as store:
        stored = store.submissions(include_superseded=True)
        assert [(s.unit, s.period, s.superseded_by) for s in stored] == [("SYT", "2016..2019-05", None)]


def _both_waiting(url: str) -> bool:
    """Tell whether two sessions wait for the workspace lock (pg_try_advisory_lock polls: look at who asks)."""
    with Store(parse_store_url(url)) as store, store.snapshot() as conn:
        return conn.execute(sqlalchemy.text(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hrplan-lock'")).scalar_one() >= 2


def test_a_run_on_another_machine_holding_the_server_lock_makes_import_and_consolidate_exit_4(pg_url: str, tmp_path: Path,
                                                                                        run) -> None:
    (ws_a, _), (ws_b, file_b) = _analyst(tmp_path, "a", pg_url), _analyst(tmp_path, "b", pg_url)
    code = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from hrplan.store import parse_store_url, workspace_lock
        with workspace_lock(Path({str(ws_a.root)!r}), 5, parse_store_url({pg_url!r})):
            print("held", flush=True)
            time.sleep(600)
    """)
    nightly = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert nightly.stdout.readline().strip() == "held"
        result = run("import", file_b, "--wait", "0.5", workspace=ws_b, lang="en")  # another folder: no file lock
        assert result.exit_code == 4, result.output
        assert "store.locked" in result.output and "Nothing was written" in result.output
        # the holder is another workspace, maybe on another machine: the store is named, not this folder
        assert "writing to the store postgresql://postgres@/" in result.output
        assert "this workspace" not in result.output
        # and the nightly job on this second machine does not run either
        result = run("consolidate", "--wait", "0.5", workspace=ws_b, lang="en")
        assert result.exit_code == 4, result.output
        assert "store.locked" in result.output
    finally:
        nightly.kill()  # killed, not released: the server ends its session and frees the lock
        nightly.wait()
    result = run("import", file_b, "--wait", "10", workspace=ws_b, lang="en")
    assert result.exit_code == 0, result.output
    with ws_b.open_store() as store:
        assert store.counts()["current"] == 1


CHILD = textwrap.dedent('''
    """Import one file with the library, bypassing the workspace lock (as any second writer could)."""
    import json, sys
    from pathlib import Path
    from hrplan.importer import ReadAhead, store_read
    from hrplan.reading import ReadContext
    from hrplan.workspace import Workspace

    ws, path = Workspace(Path(sys.argv[1])), Path(sys.argv[2])
    with ws.open_store() as store, ReadAhead([path], ReadContext(programs=ws.programs, units=ws.units)) as ahead:
        result = store_read(store, ahead.read_of(path))
    print(json.dumps(result.outcome.value))
''')


def _hold_write_lock(ws: Workspace):
    """Open a connection holding the store's write lock (PostgreSQL advisory; SQLite BEGIN IMMEDIATE)."""
    engine = sqlalchemy.create_engine(ws.store_url.url, poolclass=sqlalchemy.pool.NullPool)
    conn = engine.connect()
    if ws.store_url.is_server:
        conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))  # held until this transaction ends
    else:
        conn.connection.dbapi_connection.isolation_level = None
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    return conn, engine


def test_two_writers_meeting_at_the_write_store_the_file_once(sample_ws: Workspace, tmp_path: Path) -> None:
    """Both writers read the file and find the store empty; the second sees the first's row under the lock."""
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    holder, engine = _hold_write_lock(sample_ws)
    children = []
    try:
        for name in ("a", "b"):
            copy = tmp_path / name / SYT.name
            copy.parent.mkdir()
            shutil.copy(SYT, copy)
            children.append(subprocess.Popen([sys.executable, str(script), str(sample_ws.root), str(copy)],
                                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        deadline = time.monotonic() + 60
        if sample_ws.store_url.is_server:
            while _advisory_waiters(str(sample_ws.store_url.url.render_as_string(hide_password=False))) < 2:
                assert time.monotonic() < deadline, "the two writers never reached the write"
                assert all(c.poll() is None for c in children), [c.communicate() for c in children]
                time.sleep(0.05)
        else:  # SQLite shows no waiters: give both time to read the file (under a second each; busy timeout 30 s)
            time.sleep(4)
            assert all(c.poll() is None for c in children), [c.communicate() for c in children]
    finally:
        holder.rollback()
        holder.close()
        engine.dispose()
    outputs = [c.communicate(timeout=60) for c in children]
    assert [c.returncode for c in children] == [0, 0], outputs
    assert sorted(json.loads(out) for out, _ in outputs) == ["imported", "unchanged"], outputs
    with sample_ws.open_store() as store:
        stored = store.submissions(include_superseded=True)
        assert [(s.unit, s.superseded_by) for s in stored] == [("SYT", None)]


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
