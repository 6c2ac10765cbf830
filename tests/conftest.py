"""Shared fixtures: real workspaces built from the bundled sample, a CLI runner, and both store backends.

Tests asking for `backend` (directly, or through `sample_ws` / `store_url`) run twice: on an
SQLite file and on a real PostgreSQL server started for the session (tests/pg_server.py). Mark a
test `sqlite_only` when it inspects the SQLite file itself. Where no server can be started the
PostgreSQL runs are skipped, and the reason is printed in the skip and at the end of the run.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hrplan.cli.main import _hoist_global_options, app
from hrplan.cli.output import STATE, console, err_console
from hrplan.workspace import Workspace, init_workspace
from pg_server import PgServer

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_data"


def make_sample_workspace(root: Path, store: str | None = None) -> Workspace:
    """Give a new workspace in `root` holding the sample's programs and units (nothing imported)."""
    init_workspace(root, name="test", store=store)
    shutil.copytree(SAMPLE / "programs", root / "programs", dirs_exist_ok=True)
    shutil.copy(SAMPLE / "units.yaml", root / "units.yaml")
    return Workspace(root)


BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "sqlite_only: inspects the SQLite file itself; runs on the SQLite backend only")


def pytest_generate_tests(metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", BACKENDS[:1] if only else BACKENDS, scope="function")


_PG: dict[str, PgServer | str] = {}


def pg_server_or_reason() -> PgServer | str:
    """Give the session's PostgreSQL server (started on first use), or why there is none."""
    if "server" not in _PG:
        _PG["server"] = PgServer.start()
    return _PG["server"]


def pytest_sessionfinish(session, exitstatus) -> None:
    server = _PG.get("server")
    if isinstance(server, PgServer):
        server.stop()


def pytest_terminal_summary(terminalreporter) -> None:
    server = _PG.get("server")
    if isinstance(server, str):
        terminalreporter.write_line(f"PostgreSQL half of the suite SKIPPED: {server}", yellow=True, bold=True)
    elif server is not None:
        terminalreporter.write_line(f"PostgreSQL half of the suite ran on a real server ({server.bin.parent.name}).")


@pytest.fixture
def pg_url() -> str:
    """Give the URL of a new empty database on the session's PostgreSQL server (skip, with the reason, if none)."""
    server = pg_server_or_reason()
    if isinstance(server, str):
        pytest.skip(f"PostgreSQL half skipped: {server}")
    name = server.new_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def store_url(backend: str, tmp_path: Path, request) -> str:
    """Give the URL of a new empty store on the backend of this run."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 's.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def sample_ws(tmp_path: Path, backend: str, request) -> Workspace:
    store = request.getfixturevalue("pg_url") if backend == "postgresql" else None
    return make_sample_workspace(tmp_path / "ws", store)


@pytest.fixture
def run():
    """Run the hrplan CLI in-process: run('import', path, workspace=ws) -> Result (exit_code, stdout, stderr); give
    `width=80` for what an analyst's terminal of that width shows."""
    runner = CliRunner()

    def _run(*args: object, workspace: Workspace | Path | None = None, lang: str = "vi", width: int = 200):
        argv = [str(a) for a in args]
        if workspace is not None:
            argv = ["--workspace", str(workspace.root if isinstance(workspace, Workspace) else workspace), *argv]
        STATE.lang, STATE.workspace = lang, None
        console.width = err_console.width = width  # 200 by default: wide enough that tables do not wrap in assertions
        result = runner.invoke(app, _hoist_global_options(argv), catch_exceptions=False)
        STATE.lang, STATE.workspace = "vi", None
        return result

    return _run


def sample_submissions() -> list[Path]:
    """Give the sample's submission files in the order the demo imports them (earlier first)."""
    return [SAMPLE / "earlier_submissions", *sorted((SAMPLE / "submissions").glob("*.xlsx"))]
