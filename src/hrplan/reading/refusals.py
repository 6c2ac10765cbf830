"""Files that are not submissions, refused for what they are: a template never filled in, a list of people.

A refusal should name the real reason: "no table found" alone leaves the analyst guessing whether
the reader failed or the unit sent the wrong file.
"""
from __future__ import annotations

import re
from pathlib import Path

from hrplan.names import fold, nfc
from hrplan.problems import Location, Problem, Severity, cell_name
from hrplan.reading.data_kind import find_data_kind
from hrplan.reading.layout import HEADER_SCAN_ROWS, find_table
from hrplan.workbooks import RawWorkbook


def not_found(path: Path, book: RawWorkbook, read_hidden: bool) -> list[Problem]:
    """Give the problems of a workbook with no table: on a hidden sheet only, or none at all, and what it is."""
    hidden = None if read_hidden else find_table(book, read_hidden=True)
    if hidden is not None:
        return [Problem("table.only_hidden", location=Location(str(path), hidden.sheet.name),
                        params={"sheet": hidden.sheet.name})]
    problems = [Problem("table.not_found", location=Location(file=str(path)))]
    for sheet in book.sheets:  # captions built by formulas never calculated: the header could not be read
        for (row, col), formula in sorted(sheet.formulas_without_value.items()):
            if row < HEADER_SCAN_ROWS and _TEXT_FORMULA.search(formula) and (sheet.visible or read_hidden):
                problems.append(Problem("caption.formula_no_value", location=Location(str(path), sheet.name,
                                                                                      cell_name(row, col)),
                                        params={"found": formula}))
    for sheet in book.sheets:  # a data-kind line not understood: its 'Số liệu' columns had no role
        _, unread = find_data_kind(sheet, HEADER_SCAN_ROWS) if sheet.visible or read_hidden else (None, None)
        if unread is not None:
            problems.append(Problem("data_kind.not_understood", Severity.WARNING,
                                    Location(str(path), sheet.name, unread[1]), {"found": unread[0]}))
    if len(problems) > 1:
        return problems
    for sheet in book.sheets:  # say what the file is instead, when its captions tell: a list of people
        for row in range(min(HEADER_SCAN_ROWS, sheet.height)):
            for col, value in enumerate(sheet.grid[row]):
                if isinstance(value, str) and PEOPLE_CAPTION.match(fold(value)):
                    problems.append(Problem("table.list_of_people", Severity.WARNING,
                                            Location(str(path), sheet.name, cell_name(row, col)),
                                            {"found": nfc(value).strip()}))
                    return problems
    return problems


PEOPLE_CAPTION = re.compile(r"^(ho va ten|ho ten|ho va ten can bo|full name)$")
_PLACEHOLDER = re.compile(r"<#[^>]*>")
_TEXT_FORMULA = re.compile(r'"|&|\bCONCAT|\bTEXT\(', re.I)  # a formula building a caption out of text


def unfilled_template(book: RawWorkbook, read_hidden: bool) -> tuple[str, str, str] | None:
    """Give (sheet, cell, text) of the first unfilled template field ("<#TH_2023>"), or None."""
    for sheet in book.sheets:
        if not sheet.visible and not read_hidden:
            continue
        for r, row in enumerate(sheet.grid):
            for c, value in enumerate(row):
                if isinstance(value, str) and (m := _PLACEHOLDER.search(value)):
                    return sheet.name, cell_name(r, c), m[0]
    return None
