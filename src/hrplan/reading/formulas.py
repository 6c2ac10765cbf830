"""Formulas written by an app and never calculated (no cached value), calculated when they are plain.

App exports write `=K43`, `=E12+E13` or `=SUM(D10:D15)` and leave the result empty until Excel
opens the file. A formula made only of cell references, numbers, + - * / and SUM over ranges of
the same sheet is calculated here from the cells it names; anything else (another sheet, a
function other than SUM, text, a circular reference, a division by zero) is left alone and the
reader refuses it naming the cell, as before.

Why not the `formulas` library: it compiles a workbook it loads itself through openpyxl (.xlsx
only), not the grids this reader already holds for .xlsx, .xls and .ods alike, and brings numpy
and schedula for what is here a fifty-line grammar over Decimal numbers.
"""
from __future__ import annotations

import re
from decimal import Decimal, DivisionByZero, InvalidOperation

from hrplan.problems import cell_name
from hrplan.values import NotANumber, parse_number
from hrplan.workbooks import RawSheet

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<range>\$?[A-Z]{1,3}\$?\d+\s*:\s*\$?[A-Z]{1,3}\$?\d+)"
                    r"|(?P<sum>SUM)\s*\(|(?P<ref>\$?[A-Z]{1,3}\$?\d+)|(?P<op>[-+*/(),]))", re.I)
_CELL = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)", re.I)
MAX_RANGE = 10_000  # cells one SUM may add up


class _NotPlain(Exception):
    """The formula does more than refer to cells and do arithmetic or SUM."""


def calculate_formulas(sheet: RawSheet) -> list[str]:
    """Calculate the sheet's plain formulas that have no cached value, in place; give the cells calculated."""
    done: list[str] = []
    for rc in sorted(sheet.formulas_without_value):
        try:
            value = _value_of(sheet, rc, set())
        except (_NotPlain, NotANumber, InvalidOperation, DivisionByZero, ZeroDivisionError, RecursionError):
            continue
        sheet.grid[rc[0]][rc[1]] = value
        del sheet.formulas_without_value[rc]
        done.append(cell_name(*rc))
    return done


def _value_of(sheet: RawSheet, rc: tuple[int, int], visiting: set[tuple[int, int]]) -> Decimal:
    if rc in sheet.formulas_without_value:
        if rc in visiting:
            raise _NotPlain("circular")
        return _Parser(sheet, sheet.formulas_without_value[rc], visiting | {rc}).run()
    if isinstance(sheet.value(*rc), str) and str(sheet.value(*rc)).startswith("="):
        raise _NotPlain("formula text")
    number = parse_number(sheet.value(*rc)) if sheet.value(*rc) not in ("", None) else Decimal(0)
    return number if number is not None else Decimal(0)


class _Parser:
    """expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
    factor := number | cell | SUM(arg, ...) | (expr) | -factor | +factor."""

    def __init__(self, sheet: RawSheet, formula: str, visiting: set[tuple[int, int]]) -> None:
        self.sheet, self.visiting = sheet, visiting
        text = formula.strip().removeprefix("=")
        self.tokens: list[tuple[str, str]] = []
        pos = 0
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m or m.end() == pos:
                if text[pos:].strip():
                    raise _NotPlain(text[pos:])
                break
            self.tokens.append(next((k, v) for k, v in m.groupdict().items() if v is not None))
            pos = m.end()
        self.i = 0

    def run(self) -> Decimal:
        value = self._expr()
        if self.i != len(self.tokens):
            raise _NotPlain("trailing")
        return value

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take(self, op: str) -> bool:
        if self._peek() == ("op", op):
            self.i += 1
            return True
        return False

    def _expr(self) -> Decimal:
        value = self._term()
        while True:
            if self._take("+"):
                value += self._term()
            elif self._take("-"):
                value -= self._term()
            else:
                return value

    def _term(self) -> Decimal:
        value = self._factor()
        while True:
            if self._take("*"):
                value *= self._factor()
            elif self._take("/"):
                divisor = self._factor()
                if divisor == 0:
                    raise _NotPlain("division by zero")
                value /= divisor
            else:
                return value

    def _factor(self) -> Decimal:
        token = self._peek()
        if token is None:
            raise _NotPlain("end")
        kind, text = token
        self.i += 1
        if kind == "num":
            return Decimal(text)
        if kind == "ref":
            return _value_of(self.sheet, _cell(text), self.visiting)
        if kind == "sum":
            total = Decimal(0)
            while True:
                nxt = self._peek()
                if nxt is not None and nxt[0] == "range":
                    self.i += 1
                    total += sum((_value_of(self.sheet, rc, self.visiting) for rc in _range(nxt[1])), Decimal(0))
                else:
                    total += self._expr()
                if self._take(")"):
                    return total
                if not self._take(","):
                    raise _NotPlain("SUM arguments")
        if (kind, text) == ("op", "("):
            value = self._expr()
            if not self._take(")"):
                raise _NotPlain("parenthesis")
            return value
        if (kind, text) == ("op", "-"):
            return -self._factor()
        if (kind, text) == ("op", "+"):
            return self._factor()
        raise _NotPlain(text)


def _cell(ref: str) -> tuple[int, int]:
    m = _CELL.fullmatch(ref.strip())
    if not m:
        raise _NotPlain(ref)
    col = 0
    for ch in m[1].upper():
        col = col * 26 + ord(ch) - 64
    return int(m[2]) - 1, col - 1


def _range(text: str) -> list[tuple[int, int]]:
    first, last = (_cell(part) for part in text.split(":"))
    rows = range(min(first[0], last[0]), max(first[0], last[0]) + 1)
    cols = range(min(first[1], last[1]), max(first[1], last[1]) + 1)
    if len(rows) * len(cols) > MAX_RANGE:
        raise _NotPlain("range too large")
    return [(r, c) for r in rows for c in cols]
