"""Pre-flight inspection of workbook files before python-calamine ever sees them.

Provincial units send workbooks by e-mail and chat; some are damaged, some are not workbooks
at all, and a hostile one could be built to exhaust memory (a "zip bomb", an XML entity bomb,
a sheet claiming a million rows). `inspect_workbook` looks at a file quickly and in bounded
memory and returns `Problem`s that refuse it; an empty list means the file may be opened.

What is checked, in order (the first refusal wins, so the answer is one problem):

* the path is an existing regular file no larger than `max_file_bytes`;
* the file kind, decided by its magic bytes and not by its name:
  - ZIP (`PK\\x03\\x04`): xlsx/xlsm or ods;
  - OLE2 compound file (`D0 CF 11 E0 A1 B1 1A E1`): an xls, or a password-protected xlsx
    (an OLE2 file holding an "EncryptedPackage" stream), or another Office 97-2003 file;
  - anything else is refused as 'file.unreadable' with a `found` saying what it looks like;
* for ZIP files, from the central directory only (nothing is unpacked yet): the member count,
  encrypted members, the compression ratio of every member, and the total declared unpacked
  size of the parts that python-calamine reads;
* then the parts python-calamine reads are streamed through zlib in 64 KB chunks, never held
  whole, and never trusted beyond what they declare: a part that unpacks to more than its
  declared size, or a running total above `max_uncompressed_bytes`, stops the read at once.
  While streaming we refuse any `<!DOCTYPE`/`<!ENTITY` in an XML prolog, read each
  worksheet's `<dimension ref=...>` near its start, and watch the row/cell references for
  rows or columns beyond the limits (a dimension can lie or be missing).

Limitations, on purpose:

* xls (BIFF) and ods sheets get no row/column check here: finding their sizes means parsing
  BIFF records or ODF repeat attributes. The reader checks python-calamine's
  `sheet.height`/`sheet.width` (`total_height`/`total_width`) after loading instead.
* A BIFF8 xls protected with a password (FILEPASS record) is not detected here; the reader
  maps python-calamine's `PasswordError` to 'file.password'.
* Cells written without an `r="A1"` reference are placed implicitly; their columns are not
  counted here (their rows are, by counting `<row` elements). A sheet dense enough to matter
  is caught by the size and ratio limits.
* The `found` texts for 'file.unreadable' are English phrases (the catalogue message around
  them is translated).
"""
from typing import TYPE_CHECKING

from hrplan.lazy import lazy_exports

from hrplan.workbooks.safety.limits import ReadLimits

if TYPE_CHECKING:
    from hrplan.workbooks.safety.check_file import inspect_workbook, load_workbook_bytes
    from hrplan.workbooks.safety.container import sniff_kind

__all__ = ["ReadLimits", "inspect_workbook", "load_workbook_bytes", "sniff_kind"]

# The scanners load on first use: a workspace's settings need only ReadLimits.
_HOMES = {"inspect_workbook": "hrplan.workbooks.safety.check_file",
          "load_workbook_bytes": "hrplan.workbooks.safety.check_file", "sniff_kind": "hrplan.workbooks.safety.container"}


__getattr__ = lazy_exports(__name__, _HOMES)
