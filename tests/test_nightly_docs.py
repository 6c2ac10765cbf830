"""The crontab line and the systemd service + timer pair that README and docs/ give are valid and agree."""
from __future__ import annotations

import configparser
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NIGHTLY = REPO / "docs" / "nightly"
EXE = str(Path(sys.executable).with_name("hrplan"))


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=True, interpolation=None, comment_prefixes=("#",))
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def test_units_say_what_the_job_needs():
    service, timer = _unit(NIGHTLY / "hrplan-consolidate.service"), _unit(NIGHTLY / "hrplan-consolidate.timer")
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["ExecStart"].split()[1:] == ["consolidate", "--wait", "600"]
    # Rejected files (3) and nothing to do (5) are not failures of the job; documented in the README's table.
    assert service["Service"]["SuccessExitStatus"].split() == ["3", "5"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "| 3 |" in readme and "| 5 | `consolidate`: nothing to do" in readme
    assert timer["Timer"]["OnCalendar"] == "*-*-* 02:30:00" and timer["Install"]["WantedBy"] == "timers.target"


def test_readme_and_docs_give_the_same_lines():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    guide = (REPO / "docs" / "nightly.md").read_text(encoding="utf-8")
    for name in ("hrplan-consolidate.service", "hrplan-consolidate.timer"):
        assert (NIGHTLY / name).read_text(encoding="utf-8") in readme, name
    cron = [line for line in (NIGHTLY / "crontab.txt").read_text().splitlines() if not line.startswith("#")]
    assert len(cron) == 1 and cron[0] in readme and cron[0] in guide
    fields = cron[0].split(None, 5)
    assert re.fullmatch(r"\d+", fields[0]) and re.fullmatch(r"\d+", fields[1]) and fields[2:5] == ["*", "*", "*"]
    assert "hrplan consolidate" in fields[5]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed (units parsed above)")
def test_units_pass_systemd_analyze_verify(tmp_path: Path):
    # verify checks that ExecStart exists: point the copies at this checkout's hrplan and a real folder.
    service = (NIGHTLY / "hrplan-consolidate.service").read_text(encoding="utf-8")
    service = service.replace("/opt/hrplan/.venv/bin/hrplan", EXE).replace("/srv/hrplan/tinh-cao-bang", str(tmp_path))
    (tmp_path / "hrplan-consolidate.service").write_text(service, encoding="utf-8")
    shutil.copy(NIGHTLY / "hrplan-consolidate.timer", tmp_path)
    run = subprocess.run(["systemd-analyze", "verify", "./hrplan-consolidate.service", "./hrplan-consolidate.timer"],
                         cwd=tmp_path, capture_output=True, text=True)
    if run.returncode != 0 and "Failed to initialize manager" in run.stderr:
        pytest.skip(f"systemd-analyze cannot run here: {run.stderr.strip()}")
    assert run.returncode == 0, run.stderr
    assert "Unknown" not in run.stderr and "ignoring" not in run.stderr, run.stderr


def _documented_cron_command(workspace: Path) -> str:
    """Give the command of docs/nightly/crontab.txt, its paths pointed at `workspace` and this checkout's hrplan."""
    line = next(line for line in (NIGHTLY / "crontab.txt").read_text().splitlines() if not line.startswith("#"))
    command = line.split(None, 5)[5]
    return command.replace("/srv/hrplan/tinh-cao-bang", str(workspace)).replace("/opt/hrplan/.venv/bin/hrplan", EXE)


@pytest.mark.parametrize("older_workspace", [False, True], ids=["made_by_init", "without_logs"])
def test_the_documented_crontab_line_runs_in_crons_bare_environment(tmp_path: Path, run, older_workspace: bool):
    # cron runs the line with /bin/sh and almost no environment: `2>>logs/...` failed with "Directory nonexistent"
    # on every workspace `hrplan init` made (it made no logs/), and hrplan never started.
    assert run("init", tmp_path / "ws").exit_code == 0
    if older_workspace:  # a workspace an earlier hrplan made: no logs/ until the first run wrote its log
        shutil.rmtree(tmp_path / "ws" / "logs")
    else:
        assert (tmp_path / "ws" / "logs").is_dir()
    proc = subprocess.run(["env", "-i", f"PYTHONPATH={REPO / 'src'}", "/bin/sh", "-c", _documented_cron_command(tmp_path / "ws")],
                          cwd=tmp_path, capture_output=True, text=True)
    assert "Directory nonexistent" not in proc.stderr and "cannot create" not in proc.stderr, proc.stderr
    assert proc.returncode == 5, proc.stderr  # nothing to do: hrplan ran, found an empty inbox
    assert " run " in (tmp_path / "ws" / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert (tmp_path / "ws" / "logs" / "cron-errors.log").read_text(encoding="utf-8") == ""


def test_the_exit_code_table_names_the_status_an_unreachable_store_gives(tmp_path: Path, run):
    # The table said `store_lost` for a store that "could not be reached"; the JSON says could_not_run.
    assert run("init", tmp_path / "ws").exit_code == 0
    url = "postgresql://analyst@127.0.0.1:1/hrplan"  # port 1: nothing listens, refused at once
    result = run("--store", url, "consolidate", "--json", workspace=tmp_path / "ws", lang="en")
    summary = json.loads(result.stdout)
    assert result.exit_code == 2 and [p["code"] for p in summary["problems"]] == ["store.unreachable"]
    guide = (REPO / "docs" / "nightly.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if line.startswith("| 2 |") and "could not be reached" in line)
    assert re.search(r"`status` `(\w+)`", row).group(1) == summary["status"] == "could_not_run"
    assert row.split("|")[1].strip() == str(summary["exit_code"])
