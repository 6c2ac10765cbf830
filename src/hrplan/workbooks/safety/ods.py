"""ODS content.xml: repeat attributes that would spread a few bytes over millions of cells."""
from __future__ import annotations

import zipfile
from typing import IO

from hrplan.workbooks.safety.limits import ReadLimits
from hrplan.workbooks.safety.refusal import Refusal
from hrplan.workbooks.safety.xml_watch import col_letters
from hrplan.workbooks.safety.zip_stream import iter_member

_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def check_ods_extent(fh: IO[bytes], size: int, info: zipfile.ZipInfo, limits: ReadLimits) -> None:
    """Refuse an ods whose repeat attributes spread content over too many rows or columns.

    A few hundred bytes of content.xml can ask for a cell repeated over 90,000 rows and 1,000
    columns, which the reader would expand into 90 million cells. Repeats of *empty* rows and
    cells (LibreOffice writes one to the end of every sheet) cost nothing and are not counted.
    """
    from xml.etree.ElementTree import XMLPullParser

    parser = XMLPullParser(events=("start", "end"))
    table, row_pos, col_pos, last_row, last_col = "", 0, 0, 0, 0
    row_last_col = 0

    def refuse_if_too_big() -> None:
        if last_row > limits.max_rows or last_col > limits.max_columns:
            raise Refusal("file.too_many_rows", part=f"content.xml ({table})", ref=f"{col_letters(last_col)}{last_row}",
                           rows=last_row, columns=last_col, max_rows=limits.max_rows, max_columns=limits.max_columns)

    for chunk in iter_member(fh, size, info):
        parser.feed(chunk)
        for event, el in parser.read_events():
            tag = el.tag
            if event == "start" and tag == _ODS_TABLE + "table":
                table, row_pos, last_row, last_col = el.get(_ODS_TABLE + "name", ""), 0, 0, 0
            elif event == "start" and tag == _ODS_TABLE + "table-row":
                col_pos, row_last_col = 0, 0
            elif event == "end" and tag in (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell"):
                col_pos += int(el.get(_ODS_TABLE + "number-columns-repeated", "1") or 1)
                if el.get(_ODS_OFFICE + "value-type") or len(el):
                    row_last_col = col_pos
                el.clear()
            elif event == "end" and tag == _ODS_TABLE + "table-row":
                row_pos += int(el.get(_ODS_TABLE + "number-rows-repeated", "1") or 1)
                if row_last_col:
                    last_row, last_col = row_pos, max(last_col, row_last_col)
                    refuse_if_too_big()
                    if last_row * last_col > limits.max_cells:
                        raise Refusal("file.too_many_cells", part=f"content.xml ({table})",
                                       ref=f"{col_letters(last_col)}{last_row}", cells=last_row * last_col,
                                       max_cells=limits.max_cells)
                el.clear()
    parser.close()


