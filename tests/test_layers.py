"""The wings: each imports the others only through their entry points, and the layers hold."""
from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "hrplan"
WINGS = {"workbooks", "definitions", "reading", "store", "checks", "reports", "jobs", "cli"}


def _wing(path: Path) -> str | None:
    rel = path.relative_to(PACKAGE).parts
    return rel[0] if len(rel) > 1 and rel[0] in WINGS else None


def _cross_wing_deep_imports() -> list[str]:
    bad = []
    for path in PACKAGE.rglob("*.py"):
        mine = _wing(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hrplan."):
                parts = node.module.split(".")
                if parts[1] in WINGS and parts[1] != mine and len(parts) > 2 and parts[1] != "cli":
                    bad.append(f"{path.relative_to(PACKAGE)}:{node.lineno} imports {node.module}")
    return bad


def test_other_wings_import_only_a_wings_entry_points():
    assert _cross_wing_deep_imports() == []


def test_each_wing_says_what_it_holds_and_exports_its_entry_points():
    for wing in WINGS - {"cli"}:
        init = PACKAGE / wing / "__init__.py"
        tree = ast.parse(init.read_text(encoding="utf-8"))
        doc = ast.get_docstring(tree)
        assert doc and "Entry point" in doc, wing
        exported = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "__all__")
        assert len(exported.value.elts) >= 1, wing


def _lint_imports() -> Path:
    found = shutil.which("lint-imports") or str(Path(__import__("sys").executable).with_name("lint-imports"))
    if not Path(found).exists():
        pytest.fail("lint-imports is not installed: install the test extras (pip install -e '.[test]')")
    return Path(found)


def test_layers_contract_is_kept():
    run = subprocess.run([str(_lint_imports())], cwd=PACKAGE.parents[1], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:]


def test_layers_contract_breaks_when_reading_imports_reports(tmp_path):
    """The contract is not decorative: a reading module that reaches up to reports fails it."""
    copy = tmp_path / "repo"
    shutil.copytree(PACKAGE.parents[1] / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PACKAGE.parents[1] / "pyproject.toml", copy / "pyproject.toml")
    layout = copy / "src" / "hrplan" / "reading" / "layout.py"
    layout.write_text(layout.read_text(encoding="utf-8") + "\nfrom hrplan.reports import build_report  # noqa\n",
                      encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(copy / "src")}
    run = subprocess.run([str(_lint_imports())], cwd=copy, capture_output=True, text=True, env=env)
    assert run.returncode != 0
    assert "hrplan.reading is not allowed to import hrplan.reports" in run.stdout
