"""Tests for the store: schema, history, provenance and all-or-nothing imports (hrplan.store).

Real SQLite files in tmp_path and, for the tests taking `store_url` or `sample_ws`, a real PostgreSQL
database too (see conftest.py); the crash test kills a real importing process with SIGKILL in the
middle of its transaction.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Iterator

import openpyxl
import pytest
import sqlalchemy.exc

from hrplan.importer import Outcome, import_files
from hrplan.problems import HrplanError, Problem, Severity
from hrplan.store import SCHEMA_VERSION, Store, StoredValue, fingerprint
from hrplan.workspace import Workspace

SUBMISSIONS = Path(__file__).resolve().parents[1] / "sample_data" / "submissions"
SYT_EARLIER = SUBMISSIONS.parent / "earlier_submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"  # DT-YT 75 (mistaken)
SYT = SUBMISSIONS / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"  # DT-YT 80 (corrected)


def dump(path: Path) -> dict:
    """Give everything the database file holds: its schema and every row of every table."""
    db = sqlite3.connect(str(path))
    try:
        out: dict = {"schema": db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()}
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
            out[table] = sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        return out
    finally:
        db.close()


def submission(store: Store, values: list[StoredValue] | Iterator[StoredValue], *, period: str = "2023",
               file_name: str = "a.xlsx", file_hash: str = "h1", problems=()) -> tuple[int, int | None]:
    return store.add_submission(
        program="12-CTr/TU", unit="SYT", period=period, file_name=file_name, file_path=f"/in/{file_name}",
        file_hash=file_hash, content_hash=file_hash, file_mtime=None, sheet="Báo cáo", header_row=12,
        values=values, problems=problems, notes=["read sheet 'Báo cáo'"],
    )


def v(indicator: str, measure: str, value: int | str, cell: str | None = None) -> StoredValue:
    return StoredValue(indicator, measure, Decimal(value), "người", "Báo cáo", cell, str(value))


# -- schema ------------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_new_store_is_at_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "hrplan.sqlite"
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts() == {"current": 0, "superseded": 0, "values": 0}
    tables = {t for (t,) in sqlite3.connect(str(path)).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"schema_version", "submissions", "submission_values", "submission_problems"} <= tables


@pytest.mark.sqlite_only
def test_an_old_store_is_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "hrplan.sqlite"
    db = sqlite3.connect(str(path))  # a store from before any migration: only the version table, empty
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        submission(store, [v("DT-YT", "actual", 80)])
    with Store(path) as store:  # opening again migrates nothing and keeps the data
        assert store.counts()["values"] == 1
    versions = sqlite3.connect(str(path)).execute("SELECT version FROM schema_version").fetchall()
    assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]


@pytest.mark.sqlite_only
def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "hrplan.sqlite"
    with Store(path) as store:
        submission(store, [v("DT-YT", "actual", 80)])
    db = sqlite3.connect(str(path))
    db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION + 1,))
    db.commit()
    db.close()
    before = dump(path)
    with pytest.raises(HrplanError) as exc:
        Store(path)
    (problem,) = exc.value.problems
    assert problem.code == "store.newer_schema"
    assert problem.params == {"found": SCHEMA_VERSION + 1, "expected": SCHEMA_VERSION}
    assert dump(path) == before


@pytest.mark.sqlite_only
def test_two_processes_opening_a_new_store_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "hrplan.sqlite"
    busy = sqlite3.connect(str(path), isolation_level=None)  # someone else is writing to the new file
    busy.execute("PRAGMA journal_mode=WAL")
    busy.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    busy.execute("BEGIN IMMEDIATE")
    errors: list[BaseException] = []
    versions: list[int] = []

    def open_store() -> None:
        try:
            with Store(path) as store:
                versions.append(store.schema_version())
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    openers = [threading.Thread(target=open_store) for _ in range(2)]
    for opener in openers:
        opener.start()
    time.sleep(0.3)  # both have seen version 0 and wait for the write lock
    busy.execute("ROLLBACK")
    busy.close()
    for opener in openers:
        opener.join(timeout=30)
    assert errors == []
    assert versions == [SCHEMA_VERSION, SCHEMA_VERSION]
    rows = sqlite3.connect(str(path)).execute("SELECT version FROM schema_version").fetchall()
    assert rows == [(v,) for v in range(1, SCHEMA_VERSION + 1)]


# -- history and provenance ----------------------------------------------------------------------


def test_a_newer_submission_supersedes_and_history_is_kept(store_url: str) -> None:
    with Store(store_url) as store:
        first, replaced = submission(store, [v("DT-YT", "actual", 75, "F17")], file_hash="h1")
        assert replaced is None
        other, _ = submission(store, [v("DT-YT", "actual", 20)], period="2022", file_hash="h0")
        second, replaced = submission(store, [v("DT-YT", "actual", 80, "F17")], file_name="b.xlsx", file_hash="h2")
        assert replaced == first
        assert store.current("12-CTr/TU", "SYT", "2023").id == second
        assert store.current("12-CTr/TU", "SYT", "2022").id == other  # another period is untouched
        history = store.submissions(unit="SYT", period="2023", include_superseded=True)
        assert [(s.id, s.file_name, s.superseded_by) for s in history] == [(first, "a.xlsx", second), (second, "b.xlsx", None)]
        assert [s.id for s in store.submissions(program="12-CTr/TU")] == [other, second]
        assert [x.value for x in store.values(first)] == [75]  # the superseded values stay
        assert store.counts() == {"current": 2, "superseded": 1, "values": 3}
        current = [(r["period"], r["value"]) for r in store.current_values("12-CTr/TU")]
        assert sorted(current) == [("2022", "20"), ("2023", "80")]
        assert store.find_by_file_hash("h1").id == first


def test_current_values_of_some_periods_leave_the_others_in_the_store(store_url: str) -> None:
    with Store(store_url) as store:
        submission(store, [v("DT-YT", "actual", 20)], period="2022", file_hash="h0")
        submission(store, [v("DT-YT", "actual", 75)], period="2023", file_hash="h1")
        submission(store, [v("DT-YT", "actual", 80)], period="2023", file_name="b.xlsx", file_hash="h2")
        assert store.current_periods("12-CTr/TU") == ["2022", "2023"]
        assert [(r["period"], r["value"]) for r in store.current_values("12-CTr/TU", ["2023"])] == [("2023", "80")]
        keys, rows = store.current_value_rows("12-CTr/TU", ["2022"])
        assert [dict(zip(keys, row))["value"] for row in rows] == ["20"]
        assert store.current_values("12-CTr/TU", []) == []
        assert store.current_unit_periods("12-CTr/TU") == {"SYT": {"2022", "2023"}}


def test_current_values_by_unit_give_each_units_rows_once_with_repeated_texts_shared(store_url: str) -> None:
    with Store(store_url) as store:
        for n, (unit, period, value) in enumerate([("SYT", "2023-Q1", 5), ("HHA", "2023-Q1", 6), ("DTTS", "2023-Q2", 7),
                                                  ("SYT", "2023-Q2", 8), ("SYT", "2023-Q2", 9)]):  # the last supersedes
            store.add_submission(program="12-CTr/TU", unit=unit, period=period, file_name=f"{unit}.xlsx",
                                 file_path=f"/in/{unit}.xlsx", file_hash=f"h{n}", content_hash=f"h{n}", file_mtime=None,
                                 sheet="Báo cáo", header_row=12, problems=(), notes=[],
                                 values=[v("DT-YT", "plan", value * 10, "E17"), v("DT-YT", "actual", value, "F17")])
        got = list(store.current_values_by_unit("12-CTr/TU", ["2023-Q1", "2023-Q2"]))
        assert [unit for unit, _ in got] == ["DTTS", "HHA", "SYT"]  # code-point order, each unit once
        keys, flat = store.current_value_rows("12-CTr/TU", ["2023-Q1", "2023-Q2"])
        columns = ["period", "file_name", "indicator", "measure", "value", "uom", "sheet", "cell", "note"]
        assert [(unit, *row) for unit, rows in got for row in rows] == \
            [tuple(r[keys.index(c)] for c in ["unit", *columns]) for r in flat]
        syt = dict(got)["SYT"]
        assert [(r[0], r[3], r[4]) for r in syt] == [("2023-Q1", "actual", "5"), ("2023-Q1", "plan", "50"),
                                                     ("2023-Q2", "actual", "9"), ("2023-Q2", "plan", "90")]
        assert syt[0][6] is syt[2][6] and syt[0][7] is syt[2][7]  # one 'Báo cáo', one 'F17' for every row
        assert [unit for unit, _ in store.current_values_by_unit("12-CTr/TU", ["2023-Q1"])] == ["HHA", "SYT"]
        assert list(store.current_values_by_unit("12-CTr/TU", [])) == []


def test_current_sums_add_up_plain_whole_numbers_and_count_every_other_row(store_url: str) -> None:
    """The database adds up a unit's parts only where Python would get the same numbers; the rest is counted."""
    def send(unit: str, period: str, n: int, *values: StoredValue) -> None:
        store.add_submission(program="12-CTr/TU", unit=unit, period=period, file_name=f"{unit}{period}.xlsx",
                             file_path=None, file_hash=f"h{n}", content_hash=f"h{n}", file_mtime=None, sheet="Báo cáo",
                             header_row=12, problems=(), notes=[], values=list(values))

    noted = StoredValue("DT-YT", "actual", Decimal(4), "người", "Báo cáo", "F17", "4", "Bổ sung")
    with Store(store_url) as store:
        send("A", "2023-Q1", 1, v("DT-YT", "plan", 100), v("DT-YT", "actual", 120), v("KP", "plan", 0))
        send("A", "2023-Q2", 2, v("DT-YT", "plan", 50), v("DT-YT", "actual", 45))
        send("B", "2023-Q1", 3, v("DT-YT", "plan", "12.5"), v("DT-YT", "actual", -3), v("KP", "actual", "1E+3"),
             v("KP", "plan", 12345678901234567890), v("KP", "estimate", 7))
        send("D", "2023-Q1", 6, v("DT-YT", "plan", 12345678901234567), v("DT-YT", "actual", 1))
        send("C", "2023-Q1", 4, v("DT-YT", "plan", 5), noted)
        send("C", "2023-Q3", 5, v("DT-YT", "plan", 9), v("DT-YT", "actual", 9))
        uoms = {"DT-YT": "người", "KP": "người"}
        sums = {(r[0], r[1]): r[2:] for r in store.current_sums("12-CTr/TU", ["2023-Q1", "2023-Q2"], uoms)}
        assert list(sums) == [("A", "DT-YT"), ("A", "KP"), ("B", "DT-YT"), ("B", "KP"), ("C", "DT-YT"), ("D", "DT-YT")]
        assert sums["A", "DT-YT"] == (165, 150, 4, 0)  # (actual, plan, rows, others)
        assert sums["A", "KP"][1:] == (0, 1, 0)
        assert sums["B", "DT-YT"][2:] == (2, 2)  # a decimal, a negative number
        assert sums["B", "KP"][2:] == (3, 3)  # an exponent, 20 digits, an estimate
        # 17 digits: not plain on PostgreSQL (a bigint's 15 digits at most), on SQLite a sum no float holds exactly
        assert sums["D", "DT-YT"][3] == 1 or sums["D", "DT-YT"][1] >= 2 ** 53
        assert sums["C", "DT-YT"][2:] == (2, 1)  # a note beside the actual; 2023-Q3 is outside
        # Another unit of measure than the indicator's counts too, with one for the program or one per indicator.
        for changed in ({"DT-YT": "lượt người", "KP": "lượt người"}, {"DT-YT": "người", "KP": "lớp"}):
            again = {(r[0], r[1]): r[5] for r in store.current_sums("12-CTr/TU", ["2023-Q1", "2023-Q2"], changed)}
            assert again["A", "DT-YT"] == (0 if changed["DT-YT"] == "người" else 4) and again["A", "KP"] == 1
        assert store.current_sums("12-CTr/TU", [], uoms) == []
        cells = store.current_period_values("12-CTr/TU", "2023-Q1", ["C", "A"], measures=["actual"])
        assert sorted(cells) == [("A", "DT-YT", "actual", "A2023-Q1.xlsx", "120", "Báo cáo", None),
                                 ("C", "DT-YT", "actual", "C2023-Q1.xlsx", "4", "Báo cáo", "F17")]
        assert store.current_period_values("12-CTr/TU", "2023-Q2", ["A"], indicators=["KP"]) == []


def test_values_keep_sheet_and_cell(store_url: str) -> None:
    with Store(store_url) as store:
        new_id, _ = submission(store, [v("DT-YT", "actual", 80, "F17"), v("DT-YT", "plan", 25, "E17"),
                                       StoredValue("DT-THS", "actual", Decimal("1297"), "người", "Báo cáo ", "F14", "1.297")],
                               problems=[Problem("submission.ratio_differs", Severity.WARNING)])
        assert store.values(new_id) == [
            StoredValue("DT-THS", "actual", Decimal("1297"), "người", "Báo cáo ", "F14", "1.297"),
            v("DT-YT", "actual", 80, "F17"),
            v("DT-YT", "plan", 25, "E17"),
        ]
        (row,) = [r for r in store.current_values("12-CTr/TU") if r["measure"] == "plan"]
        assert (row["file_name"], row["sheet"], row["cell"]) == ("a.xlsx", "Báo cáo", "E17")
        assert [p["code"] for p in store.submission_problems("12-CTr/TU")] == ["submission.ratio_differs"]


def test_bulk_rows_land_in_their_columns_whatever_order_the_driver_takes_them_in(store_url: str) -> None:
    """A file's rows go in through the driver's executemany, each a tuple of the columns named: SQLite's '?'
    marks take them in the statement's order, psycopg's by name; either way each value lands in its column."""
    from hrplan.store.schema import submission_values

    with Store(store_url) as store:
        new_id, _ = submission(store, [v("DT-YT", "actual", 80, "F17")])
        with store.write():
            store._insert_many(submission_values, ("note", "cell", "raw", "value", "measure", "indicator",
                                                   "submission_id"), [("ghi chú", "E17", "25", "25", "plan", "DT-YT",
                                                                       new_id)])
        assert store.values(new_id) == [v("DT-YT", "actual", 80, "F17"),
                                         StoredValue("DT-YT", "plan", Decimal(25), None, None, "E17", "25", "ghi chú")]


def test_imported_values_point_at_their_workbook_cells(sample_ws: Workspace) -> None:
    (result,) = import_files(sample_ws, [SYT])
    assert result.outcome is Outcome.IMPORTED
    with sample_ws.open_store() as store:
        values = store.values(result.submission_id)
    assert {(x.indicator, x.measure, x.value) for x in values} >= {("DT-YT", "actual", 80), ("DT-THS", "actual", 80)}
    sheet = openpyxl.load_workbook(SYT, data_only=True)
    for x in values:
        assert Decimal(str(sheet[x.sheet][x.cell].value)) == x.value, (x.sheet, x.cell)


# -- all or nothing ------------------------------------------------------------------------------


def test_a_failure_inside_add_submission_leaves_the_store_as_it_was(store_url: str) -> None:
    with Store(store_url) as store:
        earlier, _ = submission(store, [v("DT-YT", "actual", 75)], file_hash="h1")
        before = fingerprint(store)
    with Store(store_url) as store:
        # the same indicator and measure twice: the primary key refuses the second row
        with pytest.raises(sqlalchemy.exc.IntegrityError):
            submission(store, [v("DT-YT", "plan", 25), v("DT-YT", "actual", 80), v("DT-YT", "actual", 81)], file_hash="h2")
        assert store.current("12-CTr/TU", "SYT", "2023").id == earlier
        assert fingerprint(store) == before
        # and the store takes the next submission normally
        submission(store, [v("DT-YT", "actual", 80)], file_hash="h3")
        assert store.counts() == {"current": 1, "superseded": 1, "values": 2}


def test_an_error_while_reading_values_leaves_the_store_as_it_was(store_url: str) -> None:
    with Store(store_url) as store:
        submission(store, [v("DT-YT", "actual", 75)], file_hash="h1")
        before = fingerprint(store)

    def values() -> Iterator[StoredValue]:
        yield v("DT-YT", "actual", 80)
        raise RuntimeError("reader broke")

    with Store(store_url) as store:
        with pytest.raises(RuntimeError):
            submission(store, values(), file_hash="h2")
        assert fingerprint(store) == before
        # and the store takes the next submission normally
        submission(store, [v("DT-YT", "actual", 80)], file_hash="h3")
        assert store.counts() == {"current": 1, "superseded": 1, "values": 2}


CHILD = textwrap.dedent('''
    """Import one real workbook, and stop dead in the middle of the store's transaction."""
    import sys, time
    from pathlib import Path

    from hrplan.problems import Problem, Severity
    from hrplan.store import StoredValue
    from hrplan.reading.submission import ReadContext, read_submission
    from hrplan.workspace import Workspace

    root, workbook, ready = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    ws = Workspace(root)
    parsed = read_submission(workbook, ReadContext(programs=ws.programs, units=ws.units))
    assert parsed.ok, parsed.problems

    def values():
        yield from parsed.values
        # enough rows that the uncommitted transaction spills out of the page cache to the WAL
        for i in range(5000):
            yield StoredValue(f"PAD-{i:05d}", "actual", i, "người", "Báo cáo", f"F{i + 20}", str(i))

    def problems():
        yield Problem("submission.ratio_differs", Severity.WARNING)
        # every value row is written by now, inside the open transaction: tell the parent, wait
        ready.write_text("values written")
        time.sleep(120)

    store = ws.open_store()
    store.db.execute("PRAGMA cache_size=20")
    store.add_submission(
        program=parsed.program, unit=parsed.unit, period=parsed.period, file_name=workbook.name,
        file_path=str(workbook), file_hash="crash", content_hash="crash", file_mtime=None,
        sheet=parsed.sheet, header_row=parsed.header_row, values=values(), problems=problems(),
    )
    print("committed: the test did not kill in time")
''')


@pytest.mark.sqlite_only
def test_a_killed_import_leaves_the_store_as_it_was(sample_ws: Workspace, tmp_path: Path) -> None:
    import_files(sample_ws, [SYT_EARLIER])
    store_path = sample_ws.store_path
    before = dump(store_path)
    wal = store_path.with_name(store_path.name + "-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0
    script, ready = tmp_path / "child.py", tmp_path / "ready"
    script.write_text(CHILD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(sample_ws.root), str(SYT), str(ready)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 25
        while not ready.exists():
            if child.poll() is not None:
                pytest.fail(f"the child ended before the crash point: {child.communicate()}")
            assert time.monotonic() < deadline, "the child never reached the crash point"
            time.sleep(0.02)
        assert wal.stat().st_size - wal_before > 100_000  # the uncommitted rows did reach the disk
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    with Store(store_path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.current("12-CTr/TU", "SYT", "2016..2019-05").file_hash != "crash"
    assert dump(store_path) == before
    # the store takes the same file normally afterwards
    (result,) = import_files(sample_ws, [SYT])
    assert result.outcome is Outcome.UPDATED


def test_importing_the_same_file_again_changes_nothing(sample_ws: Workspace, tmp_path: Path) -> None:
    (first,) = import_files(sample_ws, [SYT])
    assert first.outcome is Outcome.IMPORTED
    with sample_ws.open_store() as store:
        before = fingerprint(store)
    (again,) = import_files(sample_ws, [SYT])
    assert (again.outcome, again.same_as) == (Outcome.UNCHANGED, first.submission_id)
    renamed = tmp_path / "same bytes, another name.xlsx"
    renamed.write_bytes(SYT.read_bytes())
    (copy,) = import_files(sample_ws, [renamed])
    assert copy.outcome is Outcome.UNCHANGED
    with sample_ws.open_store() as store:
        assert fingerprint(store) == before


SERVER_CHILD = textwrap.dedent('''
    """Store a submission on the server and stop dead inside the transaction, its rows written."""
    import sys, time
    from decimal import Decimal
    from pathlib import Path
    from hrplan.store import Store, StoredValue

    url, ready = sys.argv[1], Path(sys.argv[2])

    def values():
        for i in range(2000):
            yield StoredValue(f"PAD-{i:05d}", "actual", Decimal(i), "người", "Báo cáo", f"F{i + 20}", str(i))

    def problems():
        ready.write_text("values written")  # every value row is inside the open transaction by now
        time.sleep(120)
        yield from ()

    with Store(url) as store:
        store.add_submission(program="12-CTr/TU", unit="SYT", period="2023", file_name="k.xlsx", file_path=None,
                             file_hash="crash", content_hash="crash", file_mtime=None, sheet=None, header_row=None,
                             values=values(), problems=problems())
    print("committed: the test did not kill in time")
''')


def test_a_killed_writer_on_the_server_leaves_the_store_as_it_was_and_frees_the_lock(pg_url: str,
                                                                                      tmp_path: Path) -> None:
    with Store(pg_url) as store:
        submission(store, [v("DT-YT", "actual", 75)], file_hash="h1")
        before = fingerprint(store)
    script, ready = tmp_path / "child.py", tmp_path / "ready"
    script.write_text(SERVER_CHILD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), pg_url, str(ready)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            if child.poll() is not None:
                pytest.fail(f"the child ended before the crash point: {child.communicate()}")
            assert time.monotonic() < deadline, "the child never reached the crash point"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    with Store(pg_url) as store:  # the server rolled the transaction back and freed the writers' lock
        assert fingerprint(store) == before
        submission(store, [v("DT-YT", "actual", 80)], file_hash="h2")
        assert store.counts() == {"current": 1, "superseded": 1, "values": 2}
