"""Total rows as offices word them, checked against the rows they close and never stored.

"Tổng cộng", "Tổng số", "Tổng số (I+II)", "Cộng I+II" add up the table or the sections named;
"Cộng" closes the section above it; "Cộng mục I" closes section I. A total is compared with the
sum of the rows it closes at their top level only (the sub-rows "1.1", "1.2" are already inside
"1."), and only when those rows share one unit of measure (hectares and tonnes do not add up).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from hrplan.names import fold
from hrplan.reading.rows import RowLabel

MEASURES = ("plan", "actual", "estimate")
_TOTAL = re.compile(r"^(?:tong cong|cong tong|tong so|tong|cong|total|grand total|subtotal)"
                    r"(?: muc)?((?: [ivx]+| [a-h])*)$")


def total_wording(name: str) -> tuple[str, tuple[str, ...]] | None:
    """Give ('table' | 'section', sections named) for a total row's name, or None for another row.

    'Tổng cộng' -> ('table', ()); 'Cộng' -> ('section', ()); 'Cộng mục I' -> ('section', ('i',));
    'Cộng I+II', 'Tổng số (I+II)' -> ('table', ('i', 'ii')).
    """
    key = fold(name)
    m = _TOTAL.match(key)
    if not m:
        return None
    named = tuple(m[1].split())
    closing = key.startswith("cong") and not key.startswith("cong tong")
    if closing and len(named) <= 1:
        return "section", named
    return "table", named


@dataclass
class _Row:
    label: RowLabel
    section: int  # which section it sits in (0 before any heading)
    figures: dict[str, Decimal]
    uom: str


@dataclass
class _Total:
    label: RowLabel
    kind: str
    named: tuple[str, ...]
    figures: dict[str, tuple[Decimal, str]]  # measure -> (stated, cell)
    closes: int  # how many rows were read before it (a section total closes rows above it)
    section_start: int
    sections_before: int  # how many sections had started (a total names the latest 'I' above it)


@dataclass
class TotalChecker:
    """Collects the table's rows and its totals; `mismatches` compares them once the table is read."""

    rows: list[_Row] = field(default_factory=list)
    totals: list[_Total] = field(default_factory=list)
    sections: list[str] = field(default_factory=lambda: [""])  # folded numbering of each section, in order
    _section_start: int = 0

    def heading(self, label: RowLabel) -> None:
        """A section starts: 'I. Luân chuyển cán bộ' (its own figures are the section's subtotal)."""
        self.sections.append(fold(label.numbering.rstrip(".):")) if label.numbering else fold(label.name))
        self._section_start = len(self.rows)

    def row(self, label: RowLabel, figures: dict[str, Decimal], uom: str) -> None:
        if figures:
            self.rows.append(_Row(label, len(self.sections) - 1, figures, fold(uom)))

    def total(self, label: RowLabel, kind: str, named: tuple[str, ...],
              figures: dict[str, tuple[Decimal, str]]) -> None:
        self.totals.append(_Total(label, kind, named, figures, len(self.rows), self._section_start, len(self.sections)))

    def mismatches(self) -> list[tuple[str, Decimal, Decimal]]:
        """Give (cell, stated, summed) for every total figure that differs from the rows it closes."""
        out = []
        for total in self.totals:
            if total.named:
                # A total closing rows above it names the latest such section; one above its
                # sections ("Tổng số (I+II)" as the table's first row) names the first ones below it.
                before = {name: i for i, name in enumerate(self.sections[:total.sections_before])}
                after: dict[str, int] = {}
                for i, name in enumerate(self.sections[total.sections_before:], start=total.sections_before):
                    after.setdefault(name, i)
                pick = before if total.closes else after
                ids = {pick[name] for name in total.named if name in pick}
                scope = [r for r in self.rows if r.section in ids]
            elif total.kind == "section":
                scope = self.rows[total.section_start:total.closes]
            else:
                scope = self.rows
            top = _top_level(scope)
            if not top or len({r.uom for r in top if r.uom}) > 1:
                continue
            for measure, (stated, cell) in total.figures.items():
                summed = sum((r.figures.get(measure, Decimal(0)) for r in top), Decimal(0))
                if summed != stated:
                    out.append((cell, stated, summed))
        return out


def _top_level(rows: list[_Row]) -> list[_Row]:
    if not rows:
        return []
    level = min(r.label.level for r in rows)
    return [r for r in rows if r.label.level == level]
