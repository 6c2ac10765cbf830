"""Schema migrations with Alembic: a store made by hrplan before Alembic upgrades in place without loss;
a store newer than this hrplan is refused and left alone.

`fixtures/store_v1_from_main.sqlite` was made by hrplan at commit a14b3d1 (hand-rolled migrations,
schema_version 1): the demo's 18 sample files imported into a fresh workspace, the earlier SYT
submission superseded by its correction.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy

from conftest import make_sample_workspace
from hrplan.importer import Outcome, import_files
from hrplan.problems import HrplanError
from hrplan.reports import build_report
from hrplan.store import SCHEMA_VERSION, Store
from hrplan.store.migrate import head_version

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "store_v1_from_main.sqlite"
SYT = Path(__file__).resolve().parents[1] / "sample_data" / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"


def rows(path: Path) -> dict[str, list]:
    db = sqlite3.connect(str(path))
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("submissions", "submission_values", "submission_problems")}
    finally:
        db.close()


def test_the_code_and_the_migration_scripts_agree_on_the_newest_version() -> None:
    assert head_version() == SCHEMA_VERSION


def test_a_store_made_before_alembic_upgrades_in_place_without_loss(tmp_path: Path) -> None:
    ws = make_sample_workspace(tmp_path / "ws")
    shutil.copy(FIXTURE, ws.store_path)
    before = rows(ws.store_path)
    assert len(before["submissions"]) == 18 and len(before["submission_values"]) == 83
    with ws.open_store() as store:  # opening upgrades (SQLite, as before)
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts() == {"current": 17, "superseded": 1, "values": 83}
    after = rows(ws.store_path)
    # Columns added by later revisions (0002: submission_values.note, 0003: source_id) come empty; every old one
    # is kept.
    assert {t: [r[:len(before[t][0])] if before[t] else r for r in after[t]] for t in after} == before
    assert {r[len(before["submission_values"][0]):] for r in after["submission_values"]} == {(None, None)}
    db = sqlite3.connect(str(ws.store_path))
    assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(f"{SCHEMA_VERSION:04d}",)]
    assert db.execute("SELECT version FROM schema_version ORDER BY version").fetchall() == [
        (v,) for v in range(1, SCHEMA_VERSION + 1)]
    db.close()
    # the upgraded store is used as before: history kept, reports computed, the same file known
    report = build_report(ws, "12-CTr/TU", "2016..2019-05").data
    assert report["program"]["code"] == "12-CTr/TU"
    (again,) = import_files(ws, [SYT])
    assert again.outcome is Outcome.UNCHANGED
    with ws.open_store() as store:
        history = store.submissions("12-CTr/TU", "SYT", include_superseded=True)
        assert [s.superseded_by is None for s in history] == [False, True]


def test_an_sqlite_store_migrated_on_open_is_first_copied_and_the_copy_named_on_stderr(tmp_path: Path, run) -> None:
    """`hrplan status` on an office's old store: the older hrplan refuses the migrated store, so the way back is
    a copy made before, which the analyst is told about (once: the next run has nothing to migrate)."""
    ws = make_sample_workspace(tmp_path / "ws")
    shutil.copy(FIXTURE, ws.store_path)
    before = rows(ws.store_path)
    result = run("status", workspace=ws)
    assert result.exit_code == 0, result.output
    copy = ws.store_path.with_name("hrplan.sqlite.bak-schema1")
    line = (f"Đã nâng kho dữ liệu hrplan.sqlite từ phiên bản 1 lên {SCHEMA_VERSION}; bản sao trước khi nâng:"
            f" hrplan.sqlite.bak-schema1 (trong {ws.store_path.parent})")
    assert line in " ".join(result.stderr.split()), result.stderr
    assert line not in result.stdout
    assert copy.is_file()
    assert rows(copy) == before  # the store exactly as the older hrplan left it, rows and all
    db = sqlite3.connect(str(copy))
    assert db.execute("SELECT MAX(version) FROM schema_version").fetchone() == (1,)
    assert db.execute("SELECT name FROM sqlite_master WHERE name = 'alembic_version'").fetchall() == []
    db.close()
    with Store(ws.store_path) as store:
        assert store.schema_version() == SCHEMA_VERSION
    again = run("status", workspace=ws, lang="en")  # nothing left to migrate: no copy, no line
    assert again.exit_code == 0 and "Upgraded the store" not in again.stderr
    assert sorted(p.name for p in ws.store_path.parent.glob("hrplan.sqlite.bak-*")) == ["hrplan.sqlite.bak-schema1"]


def test_a_second_copy_never_overwrites_the_first(tmp_path: Path) -> None:
    path = tmp_path / "hrplan.sqlite"
    shutil.copy(FIXTURE, path)
    (tmp_path / "hrplan.sqlite.bak-schema1").write_bytes(b"an earlier copy")
    with Store(path) as store:
        assert store.backup == tmp_path / "hrplan.sqlite.bak-schema1.2"
    assert (tmp_path / "hrplan.sqlite.bak-schema1").read_bytes() == b"an earlier copy"
    assert rows(tmp_path / "hrplan.sqlite.bak-schema1.2") == rows(FIXTURE)


@pytest.mark.parametrize("revision", [f"{SCHEMA_VERSION + 1:04d}", "9f3c2a1b7d4e"])
def test_a_store_from_a_newer_hrplan_is_refused_and_left_alone(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "hrplan.sqlite"
    with Store(path):
        pass
    db = sqlite3.connect(str(path))
    db.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(HrplanError) as exc:
        Store(path)
    (problem,) = exc.value.problems
    assert problem.code == "store.newer_schema"
    assert problem.params["found"] == (int(revision) if revision.isdigit() else revision)
    assert "Upgrade hrplan" in problem.message("en")
    assert path.read_bytes() == before


def test_store_info_and_upgrade_commands(tmp_path: Path, run) -> None:
    ws = make_sample_workspace(tmp_path / "ws")
    shutil.copy(FIXTURE, ws.store_path)
    db = sqlite3.connect(str(ws.store_path))
    assert db.execute("SELECT name FROM sqlite_master WHERE name = 'alembic_version'").fetchall() == []
    db.close()
    result = run("store", "info", "-f", "json", workspace=ws)
    assert result.exit_code == 0, result.output
    import json
    info = json.loads(result.stdout)
    assert info["backend"] == "sqlite"
    assert info["counts"] == {"current": 17, "superseded": 1, "values": 83, "problems": 0}
    assert info["last_import"].startswith("2026-")
    result = run("store", "upgrade", workspace=ws, lang="en")
    assert result.exit_code == 0, result.output
    assert "already at schema version" in result.stdout or "Upgraded" in result.stdout
    result = run("store", "info", workspace=ws, lang="en")
    assert "17 current submissions, 1 superseded, 83 values" in result.stdout
    assert f"{SCHEMA_VERSION} (this hrplan: {SCHEMA_VERSION})" in result.stdout


def test_a_server_store_at_an_older_version_waits_for_store_upgrade(pg_url: str, run, tmp_path: Path) -> None:
    """On a server everyone shares, opening never migrates behind the others' backs: 'hrplan store upgrade' does."""
    from hrplan.store import migrate, parse_store_url

    url = parse_store_url(pg_url)
    engine = sqlalchemy.create_engine(url.url)
    with engine.begin() as conn:  # the store as the previous hrplan (schema version 1) left it, with a submission
        migrate.upgrade(conn, to=1)
        conn.execute(sqlalchemy.text(
            "INSERT INTO submissions (program, unit, period, file_name, file_hash, content_hash, imported_at)"
            " VALUES ('12-CTr/TU', 'SYT', '2023', 'a.xlsx', 'h', 'h', '2023-07-01T00:00:00+00:00')"))
        conn.execute(sqlalchemy.text("INSERT INTO submission_values (submission_id, indicator, measure, value)"
                                     " SELECT id, 'DT-YT', 'actual', '80' FROM submissions"))
    engine.dispose()
    ws = make_sample_workspace(tmp_path / "ws")
    with pytest.raises(HrplanError) as exc:
        Store(url)
    assert exc.value.problems[0].code == "store.needs_upgrade"
    assert "hrplan store upgrade" in exc.value.problems[0].message("en")
    result = run("--store", pg_url, "store", "info", workspace=ws, lang="en")  # info still works, and says so
    assert result.exit_code == 0, result.output
    assert f"1 (this hrplan: {SCHEMA_VERSION})" in result.stdout and "run 'hrplan store upgrade'" in result.stdout
    result = run("--store", pg_url, "store", "upgrade", workspace=ws, lang="en")
    assert result.exit_code == 0, result.output
    assert f"from schema version 1 to {SCHEMA_VERSION}" in result.stdout
    with Store(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        (record,) = store.submissions()
        assert [(v.indicator, v.value, v.note) for v in store.values(record.id)] == [("DT-YT", 80, None)]
