"""Reading: from a workbook on disk to a parsed submission (program, unit, period, figures with their cells).

Entry points: `read_submission(path, ReadContext)` gives a `ParsedSubmission` whose `values` are
`StoredValue`s and whose `problems` say what refuses it; `read_files(paths, ctx, workers=N)` reads
many files in worker processes (limits, a failing reader refuses only its file), yielding in order; `find_table` finds a table's layout.
`ReadMemo` remembers what reading each file gave, so that an unchanged file need not be parsed again.

Each entry point's module loads when it is first asked for: the store imports the value types only, and
`check` or `report` never load the readers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.lazy import lazy_exports

if TYPE_CHECKING:
    from hrplan.reading.layout import TableLayout, find_table
    from hrplan.reading.memo import MEMO_NAME, ReadMemo, ReadSummary, read_fingerprint
    from hrplan.reading.pool import FileRead, default_workers, read_files, read_one
    from hrplan.reading.submission import ParsedSubmission, read_submission
    from hrplan.reading.types import BlankCell, ReadContext, StoredValue

__all__ = ["MEMO_NAME", "ReadMemo", "ReadSummary", "read_fingerprint", "FileRead", "default_workers", "read_files", "read_one", "TableLayout", "find_table", "ParsedSubmission",
           "read_submission", "ReadContext", "StoredValue", "BlankCell"]

_HOMES = {"MEMO_NAME": "hrplan.reading.memo", "ReadMemo": "hrplan.reading.memo", "ReadSummary": "hrplan.reading.memo",
          "read_fingerprint": "hrplan.reading.memo",
          "TableLayout": "hrplan.reading.layout", "find_table": "hrplan.reading.layout",
          "FileRead": "hrplan.reading.pool", "default_workers": "hrplan.reading.pool", "read_files": "hrplan.reading.pool",
          "read_one": "hrplan.reading.pool",
          "ParsedSubmission": "hrplan.reading.submission", "read_submission": "hrplan.reading.submission",
          "BlankCell": "hrplan.reading.types", "ReadContext": "hrplan.reading.types", "StoredValue": "hrplan.reading.types"}


__getattr__ = lazy_exports(__name__, _HOMES)
