"""The nightly job's outputs (hrplan.jobs.outputs): rewritten on change, and when the JSON's format changed."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import SAMPLE, make_sample_workspace
from hrplan.importer import import_files
from hrplan.jobs.outputs import STATE_NAME, refresh_outputs


def test_a_json_an_earlier_release_wrote_is_rewritten_in_the_current_format(tmp_path: Path) -> None:
    ws = make_sample_workspace(tmp_path / "ws")
    import_files(ws, sorted((SAMPLE / "submissions").glob("12-CTr-TU_*.xlsx")))
    first = [o for o in refresh_outputs(ws, ["json"]) if o.written]
    assert [o.program for o in first] == ["12-CTr/TU"]
    report = Path(first[0].written[0])
    assert json.loads(report.read_text(encoding="utf-8"))["format"] == 2
    assert not any(o.written for o in refresh_outputs(ws, ["json"]))  # nothing changed: nothing rewritten
    # what the release before format 2 left: the same stamp, no json_format, a format-1 file
    state_path = ws.reports_dir / STATE_NAME
    state = json.loads(state_path.read_text(encoding="utf-8"))
    state["12-CTr/TU"].pop("json_format", None)
    state_path.write_text(json.dumps(state), encoding="utf-8")
    report.write_text(json.dumps({"summary": [], "units": []}), encoding="utf-8")
    again = [o for o in refresh_outputs(ws, ["json"]) if o.written]
    assert [o.program for o in again] == ["12-CTr/TU"]
    assert json.loads(report.read_text(encoding="utf-8"))["format"] == 2
    assert not any(o.written for o in refresh_outputs(ws, ["json"]))
