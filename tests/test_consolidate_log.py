"""The nightly job's log (rotated, one line per file and per run) and its outputs stamp, through the library."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLE, make_sample_workspace
from hrplan.jobs import consolidate
from hrplan.jobs.runlog import RunLog
from hrplan.workspace import Workspace


def _workspace(root: Path, extra: str = "") -> Workspace:
    ws = make_sample_workspace(root)
    config = ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("settle_seconds: 2", "settle_seconds: 0") + extra,
                      encoding="utf-8")
    return Workspace(ws.root)


def test_log_rotates_and_keeps_the_newest(tmp_path: Path):
    log = RunLog(tmp_path, max_bytes=200, keep=2)
    for n in range(12):
        log.rotate_if_due()
        log.line("run", f"run number {n:02d} " + "x" * 60)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["consolidate.log", "consolidate.log.1", "consolidate.log.2"]
    newest = (tmp_path / "consolidate.log").read_text().splitlines()
    assert "run number 11" in newest[-1] and all(" run " in line for line in newest)
    assert "run number 00" not in "".join(p.read_text() for p in tmp_path.iterdir())  # the oldest were dropped


def test_each_run_rotates_its_log_past_the_setting(tmp_path: Path):
    ws = _workspace(tmp_path / "ws")
    ws.config.consolidate.log_max_kb = 1
    ws.config.consolidate.log_keep = 1
    for _ in range(40):  # one 'nothing to do' line each
        assert consolidate(ws).status == "nothing"
    logs = sorted(p.name for p in (ws.root / "logs").glob("consolidate.log*"))
    assert logs == ["consolidate.log", "consolidate.log.1"]
    assert (ws.root / "logs" / "consolidate.log").stat().st_size <= 1024 + 300


def test_reports_follow_the_store_not_the_run(tmp_path: Path):
    ws = _workspace(tmp_path / "ws", "  periods: {12-CTr/TU: 2016..2019-05}\n  report_lang: en\n")
    shutil.copy(SAMPLE / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx", ws.inbox)
    first = consolidate(ws)
    assert [o.program for o in first.outputs if o.written] == ["12-CTr/TU"]  # the only program with a submission
    page = ws.reports_dir / "12-CTr-TU_2016_to_2019-05.html"
    assert '<html lang="en">' in page.read_text(encoding="utf-8")  # report_lang, whatever the run's language
    # A program file edited (a new target): its reports are rewritten though no file arrived.
    program = ws.programs_dir / "12-CTr-TU.yaml"
    program.write_text(program.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    again = consolidate(Workspace(ws.root))
    assert again.status == "done" and [o.program for o in again.outputs if o.written] == ["12-CTr/TU"]
    # A deleted report is written back; nothing else.
    page.unlink()
    third = consolidate(Workspace(ws.root))
    assert page.exists() and [o.program for o in third.outputs if o.written] == ["12-CTr/TU"]
    assert consolidate(Workspace(ws.root)).status == "nothing"


def test_formats_come_from_the_settings(tmp_path: Path):
    ws = _workspace(tmp_path / "ws")
    config = ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("formats: [html, json]", "formats: [docx, xlsx, json]"),
                      encoding="utf-8")
    ws = Workspace(ws.root)
    shutil.copy(SAMPLE / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx", ws.inbox)
    first = consolidate(ws)
    names = sorted(Path(p).name for o in first.outputs for p in o.written)
    assert {"12-CTr-TU_2016_to_2019-05.docx", "12-CTr-TU_2016_to_2019-05.json"} <= set(names)
    assert not list(ws.reports_dir.glob("*.html"))
    assert (ws.reports_dir / "12-CTr-TU_2016_to_2019-05.docx").read_bytes()[:2] == b"PK"  # a real Word file
    assert consolidate(Workspace(ws.root)).status == "nothing"  # and written once
