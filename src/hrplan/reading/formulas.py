"""Formulas written by an app and never calculated (no cached value), calculated when they are plain.

App exports write `=K43`, `=E12+E13` or `=SUM(D10:D15)` and leave the result empty until Excel
opens the file; report templates build their column captions from a year cell (`="TH "&$BX$1`,
`=CONCATENATE("KH năm ",B1)`, `="KH "&$B$1+1`). A formula made only of cell references (of this
sheet, or one cell of another sheet: `'Tham số'!B2`), numbers, text in quotes, + - * /, & and
SUM, CONCATENATE or CONCAT is calculated here from the cells it names; anything else (another
function, a range of another sheet, a circular reference, a division by zero, arithmetic on
words) is left alone and the reader refuses it naming the cell, as before.

Why not the `formulas` library (it is on the index): it compiles a workbook it loads itself
through openpyxl (.xlsx only), not the grids this reader already holds for .xlsx, .xls and .ods
alike, and brings numpy and schedula for what is here a small grammar over Decimal and text.
The grammar is Excel's: & binds looser than + and -, so `="KH "&$B$1+1` is "KH 2023".
"""
from __future__ import annotations

import re
from decimal import Decimal, DivisionByZero, InvalidOperation
from typing import Union

from hrplan.problems import cell_name
from hrplan.values import NotANumber, parse_number
from hrplan.workbooks import RawSheet

_REF = r"(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Z]{1,3}\$?\d+"
_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>\"(?:[^\"]|\"\")*\")"
                    rf"|(?P<range>{_REF}\s*:\s*\$?[A-Z]{{1,3}}\$?\d+)"
                    r"|(?P<func>SUM|CONCATENATE|CONCAT)\s*\(|(?P<ref>" + _REF + r")|(?P<op>[-+*/(),;&]))", re.I)
_CELL = re.compile(r"(?:(?P<sheet>'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Z]{1,3})\$?(\d+)", re.I)
MAX_RANGE = 10_000  # cells one SUM may add up

Value = Union[Decimal, str]


class _NotPlain(Exception):
    """The formula does more than refer to cells, join text and do arithmetic or SUM."""


def calculate_formulas(sheet: RawSheet, others: list[RawSheet] | None = None) -> list[str]:
    """Calculate the sheet's plain formulas that have no cached value, in place; give the cells calculated.

    `others`: the workbook's sheets, for a reference to one cell of another sheet (`'Tham số'!B2`).
    A number stays a number (Decimal); a caption built from text stays text.
    """
    books = {s.name: s for s in others or []}
    done: list[str] = []
    for rc in sorted(sheet.formulas_without_value):
        try:
            value = _value_of(sheet, rc, set(), books)
        except (_NotPlain, NotANumber, InvalidOperation, DivisionByZero, ZeroDivisionError, RecursionError):
            continue
        sheet.grid[rc[0]][rc[1]] = value
        del sheet.formulas_without_value[rc]
        done.append(cell_name(*rc))
    return done


def _value_of(sheet: RawSheet, rc: tuple[int, int], visiting: set, books: dict[str, RawSheet]) -> Value:
    """Give a cell's value as a formula sees it: a number, text, or '' when empty."""
    if rc in sheet.formulas_without_value:
        if (sheet.name, rc) in visiting:
            raise _NotPlain("circular")
        return _Parser(sheet, sheet.formulas_without_value[rc], visiting | {(sheet.name, rc)}, books).run()
    raw = sheet.value(*rc)
    if raw in ("", None):
        return ""
    if isinstance(raw, str):
        if raw.startswith("="):
            raise _NotPlain("formula text")
        return raw
    if isinstance(raw, bool):
        raise _NotPlain("boolean")
    if isinstance(raw, (int, float, Decimal)):
        return Decimal(str(raw))
    raise _NotPlain("date")


def _number(value: Value) -> Decimal:
    """Give a value as a number for arithmetic: an empty cell is 0, numeric text its number, words refused."""
    if isinstance(value, Decimal):
        return value
    if value.strip() == "":
        return Decimal(0)
    number = parse_number(value)
    if number is None:
        raise _NotPlain(value)
    return number


def _text(value: Value) -> str:
    """Give a value as & joins it: 2022 -> '2022', 2611.5 -> '2611.5'."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(value.quantize(Decimal(1)))
        return format(value.normalize(), "f")
    return value


class _Parser:
    """concat := expr ('&' expr)*; expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
    factor := number | "text" | cell | FUNC(arg, ...) | (concat) | -factor | +factor."""

    def __init__(self, sheet: RawSheet, formula: str, visiting: set, books: dict[str, RawSheet]) -> None:
        self.sheet, self.visiting, self.books = sheet, visiting, books
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

    def run(self) -> Value:
        value = self._concat()
        if self.i != len(self.tokens):
            raise _NotPlain("trailing")
        return value

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take(self, *ops: str) -> bool:
        if self._peek() in [("op", op) for op in ops]:
            self.i += 1
            return True
        return False

    def _concat(self) -> Value:
        value = self._expr()
        while self._take("&"):
            value = _text(value) + _text(self._expr())
        return value

    def _expr(self) -> Value:
        value = self._term()
        while True:
            if self._take("+"):
                value = _number(value) + _number(self._term())
            elif self._take("-"):
                value = _number(value) - _number(self._term())
            else:
                return value

    def _term(self) -> Value:
        value = self._factor()
        while True:
            if self._take("*"):
                value = _number(value) * _number(self._factor())
            elif self._take("/"):
                divisor = _number(self._factor())
                if divisor == 0:
                    raise _NotPlain("division by zero")
                value = _number(value) / divisor
            else:
                return value

    def _factor(self) -> Value:
        token = self._peek()
        if token is None:
            raise _NotPlain("end")
        kind, text = token
        self.i += 1
        if kind == "num":
            return Decimal(text)
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "ref":
            sheet, rc = self._cell(text)
            return _value_of(sheet, rc, self.visiting, self.books)
        if kind == "func":
            return self._function(text.upper())
        if (kind, text) == ("op", "("):
            value = self._concat()
            if not self._take(")"):
                raise _NotPlain("parenthesis")
            return value
        if (kind, text) == ("op", "-"):
            return -_number(self._factor())
        if (kind, text) == ("op", "+"):
            return _number(self._factor())
        raise _NotPlain(text)

    def _function(self, name: str) -> Value:
        """SUM adds numbers and ranges of this sheet; CONCATENATE and CONCAT join text (',' or ';' between)."""
        parts: list[Value] = []
        while True:
            nxt = self._peek()
            if name == "SUM" and nxt is not None and nxt[0] == "range":
                self.i += 1
                parts += [_number(_value_of(self.sheet, rc, self.visiting, self.books)) for rc in self._range(nxt[1])]
            else:
                parts.append(self._concat())
            if self._take(")"):
                break
            if not self._take(",", ";"):
                raise _NotPlain(f"{name} arguments")
        if name == "SUM":
            return sum((_number(p) for p in parts), Decimal(0))
        return "".join(_text(p) for p in parts)

    def _cell(self, ref: str) -> tuple[RawSheet, tuple[int, int]]:
        m = _CELL.fullmatch(ref.strip())
        if not m:
            raise _NotPlain(ref)
        sheet = self.sheet
        if m["sheet"]:
            name = m["sheet"].strip("'").replace("''", "'") if m["sheet"].startswith("'") else m["sheet"]
            sheet = self.books.get(name)
            if sheet is None:
                raise _NotPlain(f"sheet {name}")
        col = 0
        for ch in m[2].upper():
            col = col * 26 + ord(ch) - 64
        return sheet, (int(m[3]) - 1, col - 1)

    def _range(self, text: str) -> list[tuple[int, int]]:
        first_ref, last_ref = text.split(":")
        sheet, first = self._cell(first_ref)
        if sheet is not self.sheet:
            raise _NotPlain("a range of another sheet")
        last = self._cell(last_ref)[1]
        rows = range(min(first[0], last[0]), max(first[0], last[0]) + 1)
        cols = range(min(first[1], last[1]), max(first[1], last[1]) + 1)
        if len(rows) * len(cols) > MAX_RANGE:
            raise _NotPlain("range too large")
        return [(r, c) for r in rows for c in cols]
