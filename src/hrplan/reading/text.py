"""Text of a read workbook as NFC Unicode: legacy TCVN3/VNI cells converted, decomposed text composed."""
from __future__ import annotations

import unicodedata

from hrplan.problems import Location, Problem, Severity
from hrplan.workbooks import RawWorkbook, guess_encoding, to_unicode


def convert_legacy_text(book: RawWorkbook) -> list[Problem]:
    """Turn every text cell into NFC Unicode; give a note per sheet saying what was converted."""
    notes = []
    for sheet in book.sheets:
        texts = [v for row in sheet.grid for v in row if isinstance(v, str) and v]
        sheet_encoding = guess_encoding(texts)
        converted: set[str] = set()
        decomposed = False
        fonts = sheet.fonts
        for r, row in enumerate(sheet.grid):
            for c, value in enumerate(row):
                if isinstance(value, str) and value:
                    normal = unicodedata.is_normalized("NFC", value)
                    decomposed = decomposed or not normal
                    font = fonts.get((r, c)) if fonts else None
                    if font is None and sheet_encoding is None:  # most cells: Unicode, perhaps to compose
                        if not normal:
                            row[c] = unicodedata.normalize("NFC", value)
                        continue
                    text, used = to_unicode(value, font, sheet_encoding)
                    row[c] = text
                    if used:
                        converted.add(used)
        where = Location(str(book.path), sheet.name)
        for encoding in sorted(converted):
            notes.append(Problem("text.legacy_converted", Severity.INFO, where,
                                 {"encoding": encoding.upper(), "sheet": sheet.name}))
        if decomposed:
            notes.append(Problem("text.decomposed_normalised", Severity.INFO, where, {"sheet": sheet.name}))
    return notes
