"""Start-up stays short: the command line loads each command's heavy libraries only when it runs.

Each test runs hrplan in a fresh interpreter and looks at `sys.modules` afterwards (what was loaded,
not how long it took: timings on a shared machine are noise; bench/run.py times the whole processes).
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from hrplan.store import SCHEMA_VERSION
from hrplan.workspace import init_workspace

# Libraries that take from a tenth of a second to a second to import, and hrplan wings --help never needs.
HEAVY = ("openpyxl", "numpy", "jinja2", "sqlalchemy", "alembic", "python_calamine", "pandas", "docx", "matplotlib",
         "filelock", "hrplan.store", "hrplan.reports", "hrplan.checks", "hrplan.importer", "hrplan.reading")
# What `status` on an up-to-date SQLite store needs none of: the store's SQLAlchemy and Alembic, the readers,
# the checks and the report writers (it does need typer, rich, pydantic and YAML: the workspace's settings).
NOT_FOR_STATUS = ("openpyxl", "numpy", "jinja2", "sqlalchemy", "alembic", "mako", "python_calamine", "pandas", "docx",
                  "matplotlib", "filelock", "hrplan.reports", "hrplan.checks", "hrplan.importer", "hrplan.reading",
                  "hrplan.figures", "hrplan.jobs.nightly", "hrplan.store.database", "hrplan.store.migrate")
FIXTURE_V1 = Path(__file__).resolve().parent / "fixtures" / "store_v1_from_main.sqlite"
SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"


def _hrplan(args: list[str], cwd: Path, watch: tuple[str, ...]) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run `hrplan ARGS` in a fresh interpreter; give the run and which of `watch` it had loaded at the end."""
    code = ("import sys\nfrom hrplan.cli.main import main\nsys.argv = ['hrplan', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit as stop:\n    code = stop.code\nelse:\n    code = 0\n"
            f"sys.stderr.write('\\nLOADED:' + ','.join(m for m in {watch!r} if m in sys.modules) + '\\n')\n"
            "sys.exit(code)\n")
    run = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd,
                         env={"PATH": "/usr/bin:/bin", "COLUMNS": "160", "HRPLAN_LANG": "en",
                              "PYTHONPATH": str(SAMPLE.parent / "src")})  # this checkout's hrplan
    loaded = run.stderr.rsplit("LOADED:", 1)[1].strip()
    return run, [m for m in loaded.split(",") if m]


def test_help_loads_no_heavy_library_nor_rich_nor_pydantic(tmp_path: Path) -> None:
    run, loaded = _hrplan(["--help"], tmp_path, HEAVY + ("rich", "pydantic", "yaml", "hrplan.workspace", "hrplan.definitions"))
    assert run.returncode == 0 and "status" in run.stdout and "import" in run.stdout  # the help was printed
    assert loaded == [], f"hrplan --help loaded {loaded}"


def test_a_command_help_loads_no_heavy_library(tmp_path: Path) -> None:
    run, loaded = _hrplan(["import", "--help"], tmp_path, HEAVY)
    assert run.returncode == 0 and "--dry-run" in run.stdout
    assert loaded == [], f"hrplan import --help loaded {loaded}"


def test_import_wait_default_is_the_stores() -> None:
    from hrplan.cli.cmd_import import DEFAULT_WAIT
    from hrplan.store import DEFAULT_WAIT as STORE_WAIT

    assert DEFAULT_WAIT == STORE_WAIT


def test_status_outside_a_workspace_loads_no_heavy_library(tmp_path: Path) -> None:
    run, loaded = _hrplan(["status"], tmp_path, NOT_FOR_STATUS)
    assert run.returncode == 2 and "workspace.not_found" in run.stderr
    assert loaded == [], f"hrplan status loaded {loaded}"


def test_status_on_an_up_to_date_sqlite_store_needs_neither_sqlalchemy_nor_alembic(tmp_path: Path) -> None:
    init_workspace(tmp_path / "e")
    run, loaded = _hrplan(["status"], tmp_path / "e", NOT_FOR_STATUS + ("hrplan.definitions.programs",))
    assert run.returncode == 0, run.stderr
    assert "The store holds no reports yet (0 programs defined)." in run.stdout
    assert "'hrplan consolidate' has never run" in run.stdout or "consolidate" in run.stdout
    assert loaded == [], f"hrplan status loaded {loaded}"
    # with programs and units too (the sample's): the program models load, the store's libraries still do not
    shutil.copytree(SAMPLE / "programs", tmp_path / "e" / "programs", dirs_exist_ok=True)
    shutil.copy(SAMPLE / "units.yaml", tmp_path / "e" / "units.yaml")
    run, loaded = _hrplan(["status", "-f", "json"], tmp_path / "e", NOT_FOR_STATUS)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["counts"] == {"current": 0, "superseded": 0, "values": 0} and data["periods"] == []
    assert {c["program"] for c in data["consolidate"]["current"]} >= {"12-CTr/TU", "08-CTr/TU"}
    assert loaded == [], f"hrplan status loaded {loaded}"


def test_status_on_a_store_to_migrate_migrates_it_as_every_command_does(tmp_path: Path) -> None:
    """A store made before Alembic (schema 1): status opens it through the full store, which upgrades it in place."""
    root = tmp_path / "ws"
    init_workspace(root)
    shutil.copytree(SAMPLE / "programs", root / "programs", dirs_exist_ok=True)
    shutil.copy(SAMPLE / "units.yaml", root / "units.yaml")
    shutil.copy(FIXTURE_V1, root / "hrplan.sqlite")
    run, loaded = _hrplan(["status", "-f", "json"], root, ("sqlalchemy", "alembic"))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["counts"] == {"current": 17, "superseded": 1, "values": 83}
    assert loaded == ["sqlalchemy", "alembic"]  # the migration needed them
    db = sqlite3.connect(root / "hrplan.sqlite")
    assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(f"{SCHEMA_VERSION:04d}",)]
    db.close()
    # now up to date: the next status reads it without them, and says the same
    again, loaded = _hrplan(["status", "-f", "json"], root, ("sqlalchemy", "alembic"))
    assert again.returncode == 0 and loaded == []
    assert json.loads(again.stdout) == json.loads(run.stdout)


def test_status_on_a_store_from_a_newer_hrplan_refuses_it_as_before(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    init_workspace(root)
    db = sqlite3.connect(root / "hrplan.sqlite")
    db.execute("UPDATE alembic_version SET version_num = ?", (f"{SCHEMA_VERSION + 1:04d}",))
    db.commit()
    db.close()
    before = (root / "hrplan.sqlite").read_bytes()
    run, _ = _hrplan(["status"], root, ())
    assert run.returncode == 2 and "store.newer_schema" in run.stderr
    assert (root / "hrplan.sqlite").read_bytes() == before


def test_status_on_a_file_that_is_no_store_says_so_as_before(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    init_workspace(root)
    (root / "hrplan.sqlite").write_bytes(b"not a database, a letter typed over it" * 100)
    run, _ = _hrplan(["status"], root, ())
    assert run.returncode == 2 and "store.file_unusable" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
