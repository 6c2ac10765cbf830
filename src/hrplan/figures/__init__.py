"""Figures (số liệu tổng hợp): plan against actual per unit and up the unit tree, with what each figure lacks.

Entry points: `compute_figures(program, period, store, units)` gives a `FigureSet` of `Figure`s;
each figure names the members left out of its ratio (`LeftOut`), the parts of the period that
did not arrive (`Coverage`), and the longer target it shows only as context. `unit_frequency` gives
the frequency a unit's parts are counted at (its declared one, or a finer one it sent).
"""
from __future__ import annotations

from hrplan.figures.compute import compute_figures
from hrplan.figures.model import Coverage, Figure, FigureSet, LeftOut, Source
from hrplan.figures.parts import unit_frequency

__all__ = ["compute_figures", "Coverage", "Figure", "FigureSet", "LeftOut", "Source", "unit_frequency"]
