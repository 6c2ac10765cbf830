"""Rows of a table as an office numbers them: each row's level and path, and which indicator it is.

Offices number rows in a hierarchy ("E." › "1.2." › "- Diện tích") and repeat the same sub-rows
under each parent ("1.3. Ngô" › "- Diện tích", "- Năng suất"). `Hierarchy` gives every row its
path of parent labels; `IndicatorMatcher` matches a row to a program indicator: a code cell
matches only a code, exactly (case aside: the code `BO` never matches a row "Bơ"); names and
aliases match folded; an alias written as a path ("Ngô › Diện tích") matches a row by its name
and its parents.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from hrplan.definitions import Program
from hrplan.names import fold

NUMBERING = re.compile(r"^\s*((?:[ivxlc]+|[a-zđ]|\d+(?:\.\d+)*)[.):/]|\d+(?:\.\d+)+|[-+•*–])\s*", re.I)
_ROMAN = re.compile(r"^(?:X{0,2})(?:IX|IV|V?I{0,3})$")
_PATH_SEPARATOR = re.compile(r"\s*[›>]\s*")
_OF_WHICH = re.compile(r"^(trong do|of which|of whom|including)\b")
RESEMBLANCE = 0.8  # a row this close to an indicator's name is worth a warning naming both


@dataclass(frozen=True)
class RowLabel:
    """A row's place in the table: its numbering, its name without it, its level and its parents' names."""

    row: int
    numbering: str
    name: str
    level: float
    path: tuple[str, ...] = ()
    parent: int | None = None  # the row it sits under (zero-based), None at the top

    @property
    def is_part_marked(self) -> bool:
        """Tell whether the row is written as a part of the row above it: '- ...', '+ ...', 'a) ...', 'Trong đó: ...'."""
        marked = bool(self.numbering) and numbering_level(self.numbering) >= 7
        return marked or bool(_OF_WHICH.match(fold(self.name)))

    @property
    def is_heading_level(self) -> bool:
        """Tell whether the row is numbered as a section (A., I., II.) rather than an item."""
        return self.level <= 2


def split_numbering(stt: object, name: str) -> tuple[str, str]:
    """Give (numbering, name without it): from the name ('1.2. Ngô') or else from the STT cell ('1.2')."""
    if m := NUMBERING.match(name):
        return m[1], name[m.end():].strip()
    text = str(stt).strip() if stt not in (None, "") else ""
    if isinstance(stt, float) and stt == int(stt):
        text = str(int(stt))
    return text, name.strip()


def numbering_level(numbering: str, indent: int = 0) -> float:
    """Give how deep a numbering sits: 'A.' 1, 'I.' 2, '1.' 3, '1.2.' 4, 'a)' 7, '-' 8, '+' 9, none 10."""
    key = numbering.strip().rstrip(".):/").strip()
    if not key:
        level = 10.0
    elif key in "-–":
        level = 8.0
    elif key in "+•*":
        level = 9.0
    elif re.fullmatch(r"\d+(?:\.\d+)*", key):
        level = 2.0 + len(key.split("."))
    elif key.isupper() and _ROMAN.fullmatch(key):
        level = 2.0
    elif len(key) == 1 and key.isupper():
        level = 1.0
    else:
        level = 7.0
    return level + min(indent, 20) / 100  # leading spaces push a row under the one above


class Hierarchy:
    """Places rows one after another under the nearest row above them of a lower level."""

    def __init__(self, prefix: tuple[str, ...] = ()) -> None:
        self._stack: list[RowLabel] = []
        self._prefix = prefix  # a block's caption ("Sản lượng") heads the path of every row read in it

    def place(self, row: int, numbering: str, name: str, indent: int = 0) -> RowLabel:
        level = numbering_level(numbering, indent)
        while self._stack and self._stack[-1].level >= level:
            self._stack.pop()
        label = RowLabel(row, numbering, name, level, self._prefix + tuple(r.name for r in self._stack),
                         self._stack[-1].row if self._stack else None)
        self._stack.append(label)
        return label


@dataclass
class IndicatorMatcher:
    """Matches rows to a program's indicators by code, by folded name or alias, or by a path of names."""

    program: Program
    codes: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    paths: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    sections: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for ind in self.program.indicators:
            self.codes.setdefault(ind.code.strip().casefold(), ind.code)
            for key in [ind.name, ind.name_en or "", *ind.aliases]:
                parts = [fold(p) for p in _PATH_SEPARATOR.split(key) if fold(p)]
                if len(parts) > 1:
                    self.paths.append((tuple(parts), ind.code))
                elif parts:
                    self.names.setdefault(parts[0], ind.code)
        self.sections = {fold(i.section) for i in self.program.indicators if i.section}

    def match(self, code: str, name: str, label: RowLabel) -> str | None:
        """Give the indicator a row is, or None: a code cell decides alone; else path, then name."""
        if code:
            return self.codes.get(code.strip().casefold())
        if name.strip().casefold() in self.codes:
            return self.codes[name.strip().casefold()]  # a name cell holding the code itself
        here = fold(label.name)
        parents = [fold(p) for p in label.path]
        for parts, indicator in self.paths:
            if parts[-1] == here and _in_order(parts[:-1], parents):
                return indicator
        return self.names.get(fold(name)) or self.names.get(here)

    def is_section(self, name: str) -> bool:
        return fold(name) in self.sections

    def resembling(self, name: str) -> str | None:
        """Give the code of the indicator whose name or alias a row's name closely resembles, or None."""
        key = fold(name)
        if len(key) < 4:
            return None
        best, code = 0.0, None
        for known, indicator in self.names.items():
            ratio = difflib.SequenceMatcher(None, key, known).ratio()
            if ratio > best:
                best, code = ratio, indicator
        return code if best >= RESEMBLANCE else None


def _in_order(wanted: tuple[str, ...], path: list[str]) -> bool:
    """Tell whether the names `wanted` appear in `path` in this order (other levels may sit between)."""
    it = iter(path)
    return all(any(w == p for p in it) for w in wanted)
