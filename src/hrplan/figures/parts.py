"""A longer period from its parts: which submissions make up a unit's figures, and which parts are missing.

A submission for exactly the period wins. Otherwise the unit's submissions inside the period
are taken longest first, never two that overlap (a year sent whole is not added again from its
quarters). Each unit reports at a frequency: the program's (`reporting`, or `unit_reporting` for
that unit: `hrplan.definitions.reporting`, which also says whether the unit is due at all), made
finer when the unit itself sent finer periods; the parts at that frequency lying inside the period
that no chosen submission covers are missing ("3/4 quý").
"""
from __future__ import annotations

from hrplan.definitions import FREQUENCIES, Period, Program, parts_of, program_parts
from hrplan.definitions import frequency as declared_frequency
from hrplan.figures.model import Coverage

__all__ = ["FINEST_FIRST", "choose_parts", "coverage", "parts_of", "unit_frequency"]

FINEST_FIRST = FREQUENCIES


def choose_parts(labels: set[str], period: Period) -> set[str]:
    """Give the submission periods to use for `period`: the exact one, else non-overlapping parts, longest first."""
    if period.label in labels:
        return {period.label}
    spans = sorted((Period.parse(p) for p in labels),
                   key=lambda p: (-(p.end.toordinal() - p.start.toordinal()), -p.end.toordinal()))
    chosen: list[Period] = []
    for span in spans:
        if span == period:
            return {span.label}  # the same span spelt otherwise ('2021-2022' for '2021..2022')
        if all(span.end < c.start or c.end < span.start for c in chosen):
            chosen.append(span)
    return {c.label for c in chosen}


def unit_frequency(program: Program, unit: str, sent: set[str]) -> str | None:
    """Give how often a unit reports: the program's declared frequency, or a finer one the unit used."""
    declared = declared_frequency(program, unit)
    used = {Period.parse(p).kind for p in sent} & set(FINEST_FIRST)
    candidates = [k for k in FINEST_FIRST if k in used or k == declared]
    return candidates[0] if candidates else None


def coverage(program: Program, unit: str, period: Period, chosen: set[str], sent: set[str]) -> Coverage | None:
    """Give which parts of `period` the unit sent at its frequency, or None when the period is not made of parts."""
    if period.label in chosen or any(Period.parse(p) == period for p in chosen):
        return None
    frequency = unit_frequency(program, unit, sent)
    if frequency is None:
        return None
    expected = [p for p in program_parts(program, period, frequency) if program.lived(unit, p)]  # its life's parts
    if len(expected) < 1 or (len(expected) == 1 and expected[0] == period):
        return None
    months = {m for label in chosen for m in _months(Period.parse(label))}
    missing = tuple(p.label for p in expected if not set(_months(p)) <= months)
    return Coverage(unit, frequency, tuple(p.label for p in expected), missing)


def _months(period: Period) -> list[tuple[int, int]]:
    out, y, m = [], period.start.year, period.start.month
    while (y, m) <= (period.end.year, period.end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
