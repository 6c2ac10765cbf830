"""`hrplan init` and finding the workspace."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from hrplan.definitions import load_units
from hrplan.store import SCHEMA_VERSION, Store


def test_init_makes_a_workspace_with_config_programs_units_inbox_and_store(tmp_path: Path, run):
    result = run("init", tmp_path / "tinh", "--name", "Tỉnh Cao Bằng")
    assert result.exit_code == 0, result.output
    root = tmp_path / "tinh"
    for name in ("hrplan.yaml", "units.yaml", "programs", "inbox", "reports", "logs", "hrplan.sqlite"):
        assert (root / name).exists(), name
    assert "name: Tỉnh Cao Bằng" in (root / "hrplan.yaml").read_text(encoding="utf-8")
    with Store(root / "hrplan.sqlite") as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_init_says_what_to_do_next_in_the_users_language(tmp_path: Path, run):
    vi = run("init", tmp_path / "a").output
    assert "Tiếp theo:" in vi and str(tmp_path / "a" / "units.yaml") in vi and "hrplan template -p" in vi
    en = run("init", tmp_path / "b", lang="en").output
    assert "Next:" in en and str(tmp_path / "b" / "programs") in en and "hrplan-demo/programs" in en
    steps = en[en.index("Next:"):].splitlines()  # readable at 80 columns, but for the paths of this machine
    assert len(steps) == 10 and all(len(line) <= 80 for line in steps if str(tmp_path) not in line)


def test_init_refuses_to_overwrite_an_existing_workspace(tmp_path: Path, run):
    assert run("init", tmp_path).exit_code == 0
    (tmp_path / "hrplan.yaml").write_text("name: giữ nguyên\n", encoding="utf-8")
    result = run("init", tmp_path)
    assert result.exit_code == 2
    assert "workspace.exists" in result.stderr
    assert (tmp_path / "hrplan.yaml").read_text(encoding="utf-8") == "name: giữ nguyên\n"


def test_commands_find_the_workspace_from_a_subfolder(tmp_path: Path, run, monkeypatch):
    run("init", tmp_path)
    sub = tmp_path / "inbox" / "q2"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    result = run("status", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["workspace"] == str(tmp_path.resolve())


def test_outside_a_workspace_the_error_is_plain_with_exit_code_2(tmp_path: Path):
    # Through the real console script: no traceback, a message saying what to do.
    exe = Path(sys.executable).with_name("hrplan")
    proc = subprocess.run([str(exe), "status"], cwd=tmp_path, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "hrplan init" in proc.stderr
    proc_en = subprocess.run([str(exe), "status", "--lang", "en"], cwd=tmp_path, capture_output=True, text=True,
                             env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert proc_en.returncode == 2
    assert "No hrplan workspace found" in proc_en.stderr


def test_version_needs_no_command(run):
    from hrplan import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"hrplan {__version__}"


def test_init_names_the_root_unit_after_the_workspace(tmp_path: Path, run):
    # `--name "Tỉnh Tuyên Quang"` wrote a root unit named just "Tỉnh" into units.yaml: every report said "Tỉnh".
    assert run("init", tmp_path / "tq", "--name", "Tỉnh Tuyên Quang").exit_code == 0
    assert _units(tmp_path / "tq") == [("TINH", "Tỉnh Tuyên Quang", "tỉnh")]
    assert "name: Tỉnh Tuyên Quang\n" in (tmp_path / "tq" / "units.yaml").read_text(encoding="utf-8")  # plain, as typed
    assert run("init", tmp_path / "hn", "--name", "Thành phố Hà Nội: Sở Nội vụ").exit_code == 0  # a colon is quoted
    assert _units(tmp_path / "hn") == [("TINH", "Thành phố Hà Nội: Sở Nội vụ", "thành phố")]
    assert yaml.safe_load((tmp_path / "hn" / "hrplan.yaml").read_text(encoding="utf-8"))["name"] == "Thành phố Hà Nội: Sở Nội vụ"
    assert run("init", tmp_path / "x").exit_code == 0  # no name: the placeholder as before
    assert _units(tmp_path / "x") == [("TINH", "Tỉnh", "tỉnh")]


def _units(root: Path) -> list[tuple[str, str, str | None]]:
    tree = load_units(root / "units.yaml")
    return [(code, tree.get(code).name, tree.get(code).kind) for code in tree.subtree(None)]
