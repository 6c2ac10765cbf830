"""What reading takes from the workspace (`ReadContext`) and gives for each figure it reads (`StoredValue`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from hrplan.definitions import DeclaredLayout, Program, UnitTree
from hrplan.workbooks import ReadLimits


@dataclass(frozen=True)
class StoredValue:
    """One figure of a submission as it will be stored: which indicator and measure, and its cell."""

    indicator: str
    measure: str  # plan (kế hoạch) | actual (thực hiện) | estimate (ước thực hiện) | stated_ratio
    value: Decimal
    uom: str | None = None
    sheet: str | None = None
    cell: str | None = None
    raw: str | None = None
    note: str | None = None  # the row's "Ghi chú", kept with each of its values


@dataclass(frozen=True)
class BlankCell:
    """An input cell of an indicator row left empty (e.g. no actual against a plan), with the row's note."""

    indicator: str
    measure: str
    sheet: str | None = None
    cell: str | None = None
    note: str | None = None


@dataclass
class ReadContext:
    """What reading a submission needs from the workspace, plus the user's overrides."""

    programs: dict[str, Program]
    units: UnitTree
    limits: ReadLimits = field(default_factory=ReadLimits)
    read_hidden: bool = False
    filename_pattern: str | None = None
    program: str | None = None  # --program: always wins
    unit: str | None = None  # --unit: always wins
    period: str | None = None  # --period: always wins
    layouts: list[DeclaredLayout] = field(default_factory=list)  # the workspace's, chosen by file name
