"""The clerk's refused file sent back marked: feedback for the refusals still in rejected/ (phản hồi tệp bị từ chối).

    refusal_feedback(workspace, programs, period, units, out_dir, lang) -> list[FeedbackFile]

A file the nightly job refused stored nothing, so the store knows no submission of the unit for the period and
the checks find nothing to send back; yet the clerk is the one who must mend it. Each refusal whose reason says
what the file was read as (program, unit, period) and that a later file has not made good (those move to
rejected/settled/) is read again exactly as import reads it (a worker process, the same limits), and its
refusing problems are marked on a copy of the unit's own file, as `hrplan.reports.feedback` marks findings.
A refusal whose unit or period could not be told (a password, a damaged file) names no unit: it is not listed here.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from hrplan.definitions import Period, period_from_user
from hrplan.jobs.filing import REASON_SUFFIX, outstanding_rejections
from hrplan.jobs.nightly import _read_context
from hrplan.reading import read_files
from hrplan.reports import FeedbackFile, write_refused_feedback
from hrplan.workspace import Workspace


def refusal_feedback(workspace: Workspace, program_names: list[str], period_text: str, units: list[str] | None,
                     out_dir: Path, lang: str = "vi") -> list[FeedbackFile]:
    """Write a feedback workbook for each refusal still in rejected/ of the programs (all when none), the period and
    the units (all when `units` is None); give what was done, oldest refusal first."""
    period = Period.parse(period_from_user(period_text).label)
    programs = {workspace.program(n).code for n in program_names} or None
    wanted = None if units is None else {workspace.units.resolve(u) for u in units}
    found = []
    for reason, (program, unit, label) in outstanding_rejections(Path(workspace.root) / "rejected"):
        refused = reason.with_name(reason.name.removesuffix(REASON_SUFFIX))
        try:
            theirs = Period.parse(label)
        except Exception:  # a reason written by hand or by another release: not ours to judge
            continue
        if ((programs is None or program in programs) and (wanted is None or unit in wanted) and refused.is_file()
                and (period.contains(theirs) or theirs.contains(period))):
            found.append((reason.stat().st_mtime, refused, reason, (program, unit, label)))
    if not found:
        return []
    found.sort(key=lambda item: (item[0], item[1].name))
    # Read as the nightly job read it (the same context, a worker process with the same limits): a refused file may
    # be hostile, and its problems are those its reason file names, unless the settings changed since.
    reads = read_files([refused for _, refused, _, _ in found], _read_context(workspace), workers=1)
    seen: Counter = Counter()
    out = []
    try:
        for (_, refused, reason, about), read in zip(found, reads):
            seen[about] += 1
            out.append(write_refused_feedback(workspace, read, about, reason, out_dir, lang, nth=seen[about]))
    finally:
        reads.close()
    return out
