"""Shared fixtures: real workspaces built from the bundled sample, and a CLI runner."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hrplan.cli.main import _hoist_global_options, app
from hrplan.cli.output import STATE, console, err_console
from hrplan.workspace import Workspace, init_workspace

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_data"


def make_sample_workspace(root: Path) -> Workspace:
    """Give a new workspace in `root` holding the sample's programs and units (nothing imported)."""
    init_workspace(root, name="test")
    shutil.copytree(SAMPLE / "programs", root / "programs", dirs_exist_ok=True)
    shutil.copy(SAMPLE / "units.yaml", root / "units.yaml")
    return Workspace(root)


@pytest.fixture
def sample_ws(tmp_path: Path) -> Workspace:
    return make_sample_workspace(tmp_path / "ws")


@pytest.fixture
def run():
    """Run the hrplan CLI in-process: run('import', path, workspace=ws) -> Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def _run(*args: object, workspace: Workspace | Path | None = None, lang: str = "vi"):
        argv = [str(a) for a in args]
        if workspace is not None:
            argv = ["--workspace", str(workspace.root if isinstance(workspace, Workspace) else workspace), *argv]
        STATE.lang, STATE.workspace = lang, None
        console.width = err_console.width = 200  # wide enough that tables do not wrap in assertions
        result = runner.invoke(app, _hoist_global_options(argv), catch_exceptions=False)
        STATE.lang, STATE.workspace = "vi", None
        return result

    return _run


def sample_submissions() -> list[Path]:
    """Give the sample's submission files in the order the demo imports them (earlier first)."""
    return [SAMPLE / "earlier_submissions", *sorted((SAMPLE / "submissions").glob("*.xlsx"))]
