"""The consolidated outputs: checks and reports of each program for its current period, rewritten only on change.

Whether something changed is read from the store, not from what this run did: each program's
outputs are stamped (in `reports/.consolidated.json`) with a fingerprint of what they were
built from (the current submissions, the program and units files, the formats, the language) and
with the report JSON's format (a JSON an earlier release wrote in an older format is rewritten).
A run killed after importing but before writing its reports therefore still writes them next
time, and a run that imported nothing writes nothing.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hrplan.checks import run_checks
from hrplan.definitions import Period, PeriodError, Program
from hrplan.definitions import shown_value
from hrplan.jobs.current import current_period
from hrplan.jobs.inbox import OWN_TEMPORARY
from hrplan.problems import HrplanError, Location, Problem
from hrplan.reports import FORMATS as REPORT_FORMATS
from hrplan.reports import JSON_FORMAT, write_reports
from hrplan.store import Store
from hrplan.workspace import CONFIG_NAME, Workspace

# A format named in hrplan.yaml outside REPORT_FORMATS (docx, html, xlsx, json) is refused up front.
STATE_NAME = ".consolidated.json"


@dataclass
class ProgramOutput:
    """What the run did for one program's current period."""

    program: str
    period: str | None
    written: list[str] = field(default_factory=list)  # report files rewritten (paths)
    findings: dict[str, int] = field(default_factory=dict)  # by severity, when the checks ran
    unchanged: bool = False  # nothing changed since the outputs were last written


def check_settings(workspace: Workspace) -> list[str]:
    """Give the report formats the workspace asks for; raise a config problem naming a wrong format or period."""
    settings = workspace.config.consolidate
    formats = [f.lower() for f in settings.formats]
    for i, fmt in enumerate(formats):
        if fmt not in REPORT_FORMATS:
            raise _config_problem(workspace, f"consolidate.formats[{i}]", fmt,
                                  ("một trong " + ", ".join(REPORT_FORMATS), "one of " + ", ".join(REPORT_FORMATS)))
    named = [("consolidate.period", settings.period)] + [(f"consolidate.periods.{k}", v) for k, v in settings.periods.items()]
    for where, text in named:
        if text is not None:
            try:
                Period.parse(str(text))
            except PeriodError:
                raise _config_problem(workspace, where, text, ("một kỳ như 2023-Q2, 2023-H1, 2023 hoặc 2021..2023-05",
                                                               "a period such as 2023-Q2, 2023-H1, 2023 or 2021..2023-05"))
    for code in settings.periods:
        workspace.program(code)  # an unknown program is refused with the known ones listed
    return formats


def _config_problem(workspace: Workspace, where: str, found: object, expected: tuple[str, str]) -> HrplanError:
    return HrplanError(Problem("config.invalid", location=Location(file=str(workspace.root / CONFIG_NAME), field=where),
                               params={"field": where, "found": shown_value(found), "expected_vi": expected[0],
                                       "expected": expected[1]}))


def refresh_outputs(workspace: Workspace, formats: list[str]) -> list[ProgramOutput]:
    """Run the checks and rewrite the reports of every program whose inputs changed since they were written."""
    lang = workspace.config.consolidate.report_lang
    state_path = workspace.reports_dir / STATE_NAME
    state = _read_state(state_path)
    outputs: list[ProgramOutput] = []
    with workspace.open_store() as store:
        plan = [(program, current_period(workspace, program, store)) for program in workspace.programs.values()]
        stamps = {program.code: _fingerprint(workspace, program, period, formats, lang, store) for program, period in plan}
    for program, period in plan:
        out = ProgramOutput(program.code, period)
        outputs.append(out)
        if period is None:
            continue  # nothing received yet for this program
        before = state.get(program.code)
        if isinstance(before, dict) and before.get("stamp") == stamps[program.code] \
                and all((workspace.reports_dir / name).exists() for name in before.get("files", [])) \
                and ("json" not in formats or before.get("json_format") == JSON_FORMAT):  # an older JSON: rewritten
            out.unchanged = True
            continue
        findings = run_checks(workspace, [program.code], period, lang)
        out.findings = {s: sum(f.severity.value == s for f in findings) for s in ("error", "warning", "info")}
        written = write_reports(workspace, program.code, period, formats, lang)
        out.written = [str(p) for p in written.paths.values()]
        state[program.code] = {"stamp": stamps[program.code], "files": sorted(p.name for p in written.paths.values()),
                               "json_format": JSON_FORMAT}
        _write_state(state_path, state)  # after the files: a kill before this line rewrites them next time
    return outputs


def _fingerprint(workspace: Workspace, program: Program, period: str | None, formats: list[str], lang: str,
                 store: Store) -> str:
    current = sorted((r.id, r.content_hash) for r in store.submissions(program.code))
    digest = hashlib.sha256(json.dumps([program.code, period, formats, lang, current]).encode())
    for source in (program.source_file, workspace.units_file, workspace.root / CONFIG_NAME, _word_template(workspace, program)):
        digest.update(_file_digest(Path(source)) if source else b"-")
    for extra in sorted(workspace.programs_dir.glob("*")):  # targets files beside the program files
        if extra.suffix.lower() in (".csv", ".xlsx"):
            digest.update(extra.name.encode() + _file_digest(extra))
    return digest.hexdigest()


def _word_template(workspace: Workspace, program: Program) -> Path | None:
    """Give the workspace's own Word template for the program's report, when its settings name one."""
    template = workspace.config.report.merged(program.report).template
    if not template:
        return None
    path = Path(template)
    return path if path.is_absolute() else workspace.root / path


def _file_digest(path: Path) -> bytes:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return b"missing"


def _read_state(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_state(path: Path, state: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}{OWN_TEMPORARY}")
    tmp.write_text(json.dumps(state, indent=2, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
