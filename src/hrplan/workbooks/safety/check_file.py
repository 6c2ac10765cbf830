"""The entry point: inspect a file before it is opened, and say what a non-workbook file looks like."""
from __future__ import annotations

from pathlib import Path

from hrplan.problems import Location, Problem, Severity
from hrplan.workbooks.safety.container import inspect_container, load_container
from hrplan.workbooks.safety.limits import ReadLimits
from hrplan.workbooks.safety.refusal import Refusal
from hrplan.workbooks.safety.zip_parts import DetailCollector


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




def load_workbook_bytes(path: Path, limits: ReadLimits | None = None,
                        details: DetailCollector | None = None) -> tuple[bytes | None, list[Problem]]:
    """Give the file's bytes after the same checks as `inspect_workbook`, done on those bytes in one
    pass (`details`, when given, gathers what the reader needs on the way), or None and the refusal.

    The whole file is held (at most `max_file_bytes`, checked before it is read), so that it is read
    from disk once for the checks and its hash.
    """
    path = Path(path)
    limits = limits or ReadLimits()
    try:
        return load_container(path, limits, details), []
    except Refusal as refusal:
        return None, [Problem(refusal.code, Severity.ERROR, Location(file=str(path)), refusal.params)]
