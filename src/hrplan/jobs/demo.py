"""The demo: a workspace built from the bundled sample data, imported, checked and reported.

The sample reproduces the source articles' figures (285%, 300%, 100%, 45%, nearly 70%, 238%,
60%; 1,15 and 1,4 times; 210 = 45 + 12 + 9 + 42 + 102; 217 = 173 + 44; 139 = 41 + 46 + 52;
953 = 470 + 483 against 400 a year).
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from hrplan.importer import FileResult, Progress, import_files
from hrplan.problems import HrplanError, Problem
from hrplan.reports import FORMATS, Report, write_reports
from hrplan.resources import resource_dir
from hrplan.workspace import init_workspace

# (program, period) the sample's reviews cover: "from 2016 to May 2019", "from 2021 to 31 May 2023"...
DEMO_RUNS = [
    ("12-CTr/TU", "2016..2019-05"),
    ("08-CTr/TU", "2021..2023-05"),
    ("NA-LC/2011-2016", "2011..2016-08"),
    ("06-ĐA/TU", "2021..2022"),
    ("27-KH/UBND", "2024"),  # a quarterly plan: one unit missed a quarter, one sent a plan without an actual
]
MARKER = ".hrplan-demo"


@dataclass
class DemoResult:
    workspace: Path
    imports: list[FileResult] = field(default_factory=list)
    reports: list[tuple[Report, dict[str, Path]]] = field(default_factory=list)  # (report, {format: file})


def run_demo(out: Path, lang: str = "vi", progress: Progress | None = None) -> DemoResult:
    """Build the demo workspace in `out` (replacing an earlier demo there) and give what it made."""
    out = out.resolve()
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise HrplanError(Problem("demo.not_empty", params={"path": str(out)}))
        shutil.rmtree(out)
    sample = resource_dir("sample_data")
    workspace = init_workspace(out, name="hrplan demo")
    (out / MARKER).write_text("This folder was made by 'hrplan demo' and is replaced by the next demo run.\n")
    shutil.copytree(sample / "programs", workspace.programs_dir, dirs_exist_ok=True)
    shutil.copytree(sample / "quarterly" / "programs", workspace.programs_dir, dirs_exist_ok=True)
    shutil.copy(sample / "units.yaml", workspace.units_file)
    workspace = type(workspace)(workspace.root)  # reload with the sample's programs and units
    result = DemoResult(out)
    # The earlier (mistaken) submission first, so that the corrected one supersedes it.
    result.imports += import_files(workspace, [sample / "earlier_submissions"], progress=progress)
    main = sorted(p for p in (sample / "submissions").glob("*.xlsx"))
    result.imports += import_files(workspace, main, progress=progress)
    quarterly = sorted(p for p in (sample / "quarterly" / "submissions").glob("*.xlsx"))
    result.imports += import_files(workspace, quarterly, progress=progress)
    for program, period in DEMO_RUNS:
        written = write_reports(workspace, program, period, FORMATS, lang)
        result.reports.append((written.report, written.paths))
    return result
