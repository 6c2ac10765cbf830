"""The entry point: inspect a file before it is opened, and say what a non-workbook file looks like."""
from __future__ import annotations

from pathlib import Path

from hrplan.problems import Location, Problem, Severity
from hrplan.workbooks.safety.container import inspect_container
from hrplan.workbooks.safety.limits import ReadLimits
from hrplan.workbooks.safety.refusal import Refusal


def inspect_workbook(path: Path, limits: ReadLimits | None = None) -> list[Problem]:
    """Inspect a workbook file before it is opened; an empty list means it is safe to open.

    Otherwise the list holds ERROR problems located at the file. Reads are bounded: at most
    one chunk of raw and one chunk of unpacked data are held at a time, and no read goes
    beyond the limits.
    """
    path = Path(path)
    limits = limits or ReadLimits()
    location = Location(file=str(path))
    try:
        inspect_container(path, limits)
    except Refusal as refusal:
        return [Problem(refusal.code, Severity.ERROR, location, refusal.params)]
    return []


