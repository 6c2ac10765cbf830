"""Reading: from a workbook on disk to a parsed submission (program, unit, period, figures with their cells).

Entry points: `read_submission(path, ReadContext)` gives a `ParsedSubmission` whose `values` are
`StoredValue`s and whose `problems` say what refuses it; `read_files(paths, ctx, workers=N)` reads
many files in worker processes (limits, a failing reader refuses only its file), yielding in order; `find_table` finds a table's layout.
`ReadMemo` remembers what reading each file gave, so that an unchanged file need not be parsed again.
"""
from __future__ import annotations

from hrplan.reading.layout import TableLayout, find_table
from hrplan.reading.memo import MEMO_NAME, ReadMemo, ReadSummary
from hrplan.reading.pool import FileRead, default_workers, read_files, read_one
from hrplan.reading.submission import ParsedSubmission, read_submission
from hrplan.reading.types import BlankCell, ReadContext, StoredValue

__all__ = ["MEMO_NAME", "ReadMemo", "ReadSummary", "FileRead", "default_workers", "read_files", "read_one", "TableLayout", "find_table", "ParsedSubmission",
           "read_submission", "ReadContext", "StoredValue", "BlankCell"]
