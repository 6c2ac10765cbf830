"""Build the corpus of messy submission workbooks, each named by its defect (messytables 'horror').

Every file is what a provincial office really sends: a title block above the table, merged
two-row headers, columns in any order, section and total rows, numbers typed as Vietnamese
text, legacy TCVN3/VNI fonts, old .xls and LibreOffice .ods files, and some that must be
refused (corrupt, truncated, not a workbook, a payroll, a zip bomb). The expected outcome of
each file is asserted in tests/test_messy_workbooks.py. Run from the repository root:

    python tests/corpus/build_corpus.py            # rebuild tests/corpus/*
    python tests/corpus/build_corpus.py OUT_DIR    # build elsewhere
    python tests/corpus/build_corpus.py --hostile OUT_DIR   # the reproducers of issue #9 (hostile.py)

Writers: openpyxl (.xlsx, .xlsm), xlwt (.xls), odfpy (.ods). The output is byte-for-byte
reproducible (fixed timestamps inside every zip) except `password_protected.xlsx`: it is
encrypted with msoffcrypto-tool when that is installed (its salt is random by design), and
without it the committed file is kept. Some files are made from earlier ones (a copy, a cut,
a padded sheet), so the builders run in the order they are defined.
"""
from __future__ import annotations

import io
import re
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2023, 7, 5, 8, 0, 0)
ZIP_TIME = (2023, 7, 5, 8, 0, 0)
FONT = "Times New Roman"


# -- one sheet described once, written as .xlsx, .xls or .ods ------------------------------------
@dataclass
class Sheet:
    """A sheet as rows of cell values from A1, with merges ("A1:C1"), fonts and visibility."""

    name: str
    rows: list[list[Any]]
    merges: list[str] = field(default_factory=list)
    hidden: bool = False
    font: str = FONT  # the font of every cell ...
    row_fonts: dict[int, str] = field(default_factory=dict)  # ... except these rows (1-based)


def write(path: Path, sheets: list[Sheet]) -> Path:
    """Write the sheets in the format the file name asks for and give the path."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        _write_xlsx(path, sheets)
    elif suffix == ".xls":
        _write_xls(path, sheets)
    elif suffix == ".ods":
        _write_ods(path, sheets)
    else:
        raise ValueError(f"no writer for {suffix}")
    return path


def _write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    for spec in sheets:
        ws = wb.create_sheet(spec.name)
        ws.sheet_state = "hidden" if spec.hidden else "visible"
        for r, row in enumerate(spec.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = ws.cell(r, c, value)
                cell.font = Font(name=spec.row_fonts.get(r, spec.font), size=12)
                if isinstance(value, str) and "\n" in value:
                    cell.alignment = Alignment(wrap_text=True)
        for ref in spec.merges:
            ws.merge_cells(ref)
    if sheets and all(s.hidden for s in sheets[:1]):
        wb.active = next(i for i, s in enumerate(sheets) if not s.hidden)
    wb.properties.creator = "hrplan corpus"
    wb.properties.created = FIXED_TIME
    wb.save(path)
    _freeze_zip(path, macro_enabled=path.suffix.lower() == ".xlsm")


def _write_xls(path: Path, sheets: list[Sheet]) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    styles: dict[str, xlwt.XFStyle] = {}

    def style(font_name: str) -> xlwt.XFStyle:
        if font_name not in styles:
            st = xlwt.XFStyle()
            st.font = xlwt.Font()
            st.font.name = font_name
            styles[font_name] = st
        return styles[font_name]

    for spec in sheets:
        ws = wb.add_sheet(spec.name, cell_overwrite_ok=True)
        ws.visibility = 1 if spec.hidden else 0
        for r, row in enumerate(spec.rows):
            for c, value in enumerate(row):
                if value is not None and value != "":
                    ws.write(r, c, value, style(spec.row_fonts.get(r + 1, spec.font)))
        for ref in spec.merges:
            (r1, c1), (r2, c2) = (_index(part) for part in ref.split(":"))
            ws.merge(r1, r2, c1, c2)
    wb.save(str(path))


def _write_ods(path: Path, sheets: list[Sheet]) -> None:
    from odf.element import Element
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    # odfpy declares every namespace any element of the process has used so far (a class-level
    # dict): start it empty so the file does not depend on what ran before.
    Element.namespaces.clear()
    doc = OpenDocumentSpreadsheet()
    for spec in sheets:
        table = Table(name=spec.name)
        spans = {}
        covered = set()
        for ref in spec.merges:
            (r1, c1), (r2, c2) = (_index(part) for part in ref.split(":"))
            spans[(r1, c1)] = (r2 - r1 + 1, c2 - c1 + 1)
            covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
        for r, row in enumerate(spec.rows):
            tr = TableRow()
            for c, value in enumerate(row):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                attrs = {}
                if (r, c) in spans:
                    attrs = {"numberrowsspanned": spans[(r, c)][0], "numbercolumnsspanned": spans[(r, c)][1]}
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value, **attrs)
                    cell.addElement(P(text=str(value)))
                elif value not in (None, ""):
                    cell = TableCell(valuetype="string", **attrs)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(**attrs)
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    path.write_bytes(buf.getvalue())
    _freeze_zip(path)


def _index(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch.upper()) - 64
    return int(ref[len(letters):]) - 1, col - 1


_XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def _freeze_zip(path: Path, macro_enabled: bool = False) -> None:
    """Rewrite a zip with fixed member times and document dates, so rebuilding gives the same bytes."""
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2023-07-05T08:00:00Z", data)
            elif info.filename == "meta.xml":
                data = re.sub(rb"(<(?:meta:creation-date|dc:date)>)[^<]*", rb"\g<1>2023-07-05T08:00:00", data)
            elif info.filename == "[Content_Types].xml" and macro_enabled:
                data = data.replace(_XLSX_MAIN.encode(), _XLSM_MAIN.encode())
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, data)
    path.write_bytes(buf.getvalue())


# -- legacy Vietnamese text, built with the inverse of hrplan's own tables --------------------
def tcvn3(text: str) -> str:
    """Give Unicode text as a TCVN3 (.VnTime) cell holds it; capitals fall back to lowercase codes."""
    from hrplan.workbooks import legacy_text as lt

    encode = {letter: code for code, letter in zip(lt._TCVN3_CODES, lt._LETTERS)}
    encode.update(dict(zip(lt._TCVN3_CAPITALS, lt._TCVN3_CAPITAL_CODES)))
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in encode:
            out.append(encode[ch])
        elif ch.lower() in encode and ch.lower() != ch:
            out.append(ch.lower() if ch.lower().isascii() else encode[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def tcvn3_capitals(text: str) -> str:
    """Give text as a .VnTimeH cell holds it: the lowercase codes, drawn as capitals by the font."""
    return tcvn3(text.lower())


def vni(text: str) -> str:
    """Give Unicode text as a VNI-Times cell holds it."""
    from hrplan.workbooks import legacy_text as lt

    encode = {letter: seq for seq, letter in lt._VNI_MAP.items() if seq not in lt._VNI_ALIASES}
    return "".join(encode.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


# -- the content: a district's half-year report on Program 08-CTr/TU -----------------------------
PROGRAM_TITLE = "Kết quả thực hiện Chương trình số 08-CTr/TU ngày 16/7/2021 của Tỉnh ủy"
HEADER = ["STT", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Ghi chú"]
# (numbering, name, unit of measure, plan, actual[, stated ratio]); a pair is a section row
HHA_ROWS: list[tuple[Any, ...]] = [
    ("I", "Luân chuyển cán bộ"),
    (1, "Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 90, 80),
    ("1.1", "Cán bộ cấp huyện được luân chuyển", "người", 70, 64),
    ("1.2", "Cán bộ cấp xã được luân chuyển", "người", 20, 16),
    ("II", "Truyền thông giáo dục nghề nghiệp"),
    (1, "Hội nghị truyền thông về giáo dục nghề nghiệp", "hội nghị", 10, 12),
    (2, "Lượt người tham dự hội nghị truyền thông", "lượt người", "1.000", "1.297"),
]
SIGNATURE = [
    [],
    ["", "Nơi nhận:", "", "", "KT. CHỦ TỊCH"],
    ["", "- Ban Tổ chức Tỉnh ủy;", "", "", "PHÓ CHỦ TỊCH"],
    ["", "- Lưu: VT.", "", "", ""],
    ["", "", "", "", "Nguyễn Văn An"],
]


def title_block(parent: str, issuer: str, place_date: str, title: str, period: str,
                party: bool = False) -> tuple[list[list[Any]], list[str]]:
    """Give the rows and merges of a Decree 30 title block: bodies left, motto right, report title."""
    right1 = "ĐẢNG CỘNG SẢN VIỆT NAM" if party else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right2 = "" if party else "Độc lập - Tự do - Hạnh phúc"
    rows = [
        [parent, "", "", right1],
        [issuer, "", "", right2],
        ["Số: 125/BC-UBND" if not party else "*", "", "", place_date],
        [],
        ["BÁO CÁO"],
        [title],
        [period],
        [],
    ]
    merges = ["A1:C1", "A2:C2", "D1:G1", "D2:G2", "D3:G3", "A5:G5", "A6:G6", "A7:G7"]
    return rows, merges


def hha_title() -> tuple[list[list[Any]], list[str]]:
    return title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 05 tháng 7 năm 2023",
                       PROGRAM_TITLE, "6 THÁNG ĐẦU NĂM 2023")


def table_rows(rows=HHA_ROWS, order=(0, 1, 2, 3, 4, 5, 6), header=HEADER) -> list[list[Any]]:
    """Give the header and the data rows, columns in `order` (indexes into HEADER)."""
    out = [[header[i] for i in order]]
    for row in rows:
        full = list(row) + [""] * (len(HEADER) - len(row))  # blank ratio and note, or a whole section row
        out.append([full[i] for i in order])
    return out


def standard_sheet(name: str = "BC 6 thang", title=None, order=(0, 1, 2, 3, 4, 5, 6), rows=HHA_ROWS,
                   header=HEADER, **kw: Any) -> Sheet:
    top, merges = title or hha_title()
    rows = top + table_rows(rows, order, header) + SIGNATURE
    return Sheet(name, [list(r) for r in rows], list(merges), **kw)  # copies: builders edit them


# -- the corpus: one builder per file --------------------------------------------------------------
CORPUS: dict[str, Callable[[Path], Any]] = {}


def corpus_file(name: str) -> Callable:
    def register(fn: Callable[[Path], Any]) -> Callable[[Path], Any]:
        CORPUS[name] = fn
        return fn
    return register


@corpus_file("title_block_unit_period.xlsx")
def _title_block_unit_period(path: Path) -> None:
    """No identification block: unit from 'HUYỆN HÒA AN', period from '6 THÁNG ĐẦU NĂM 2023'."""
    write(path, [standard_sheet()])


@corpus_file("same_content_other_name.xlsx")
def _same_content_other_name(path: Path) -> None:
    """The very bytes of title_block_unit_period.xlsx under another name."""
    path.write_bytes((path.parent / "title_block_unit_period.xlsx").read_bytes())


@corpus_file("same_content_resaved.xlsx")
def _same_content_resaved(path: Path) -> None:
    """Other bytes (a note added, another sheet name), the same figures as title_block_unit_period."""
    sheet = standard_sheet("Sheet1")
    sheet.rows[12][6] = "Đã rà soát"
    write(path, [sheet])


@corpus_file("title_block_department_year.xlsx")
def _title_block_department_year(path: Path) -> None:
    """'UBND TỈNH CAO BẰNG' over 'SỞ Y TẾ' (the parent is not the reporter); 'NĂM 2022' though dated 2023."""
    top = title_block("UBND TỈNH CAO BẰNG", "SỞ Y TẾ", "Cao Bằng, ngày 10 tháng 01 năm 2023",
                      "Kết quả thực hiện Chương trình số 08-CTr/TU của Tỉnh ủy Cao Bằng", "NĂM 2022")
    rows = [("1", "Cán bộ, công chức tham gia bồi dưỡng nguồn quy hoạch Ban Chấp hành và lãnh đạo sở, ngành",
             "người", 25, 27)]
    write(path, [standard_sheet("Sheet1", top, rows=rows)])


@corpus_file("title_block_quarter.xlsx")
def _title_block_quarter(path: Path) -> None:
    """A Party-format header (no motto, an asterisk) from the Organization Board; 'QUÝ II/2023'."""
    top = title_block("ĐẢNG BỘ TỈNH CAO BẰNG", "BAN TỔ CHỨC TỈNH ỦY", "Cao Bằng, ngày 20 tháng 6 năm 2023",
                      "Tình hình thực hiện Chương trình 08-CTr/TU", "QUÝ II/2023", party=True)
    rows = [("1", "Quy hoạch chức danh lãnh đạo, quản lý các sở, ban, ngành, huyện, thành phố nhiệm kỳ "
                  "2025 - 2030, 2026 - 2031", "người", 600, 655)]
    write(path, [standard_sheet("Sheet1", top, rows=rows)])


@corpus_file("title_block_cumulative.xlsx")
def _title_block_cumulative(path: Path) -> None:
    """A mid-term review 'từ năm 2021 đến ngày 31/5/2023' from 'UBND THÀNH PHỐ CAO BẰNG' (not the province)."""
    top = title_block("UBND THÀNH PHỐ CAO BẰNG", "PHÒNG NỘI VỤ", "Cao Bằng, ngày 02 tháng 6 năm 2023",
                      "Kết quả thực hiện Chương trình số 08-CTr/TU từ năm 2021 đến ngày 31/5/2023", "")
    rows = [(1, "Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 60, 60),
            ("a", "Cán bộ cấp huyện được luân chuyển", "người", 50, 48),
            ("b", "Cán bộ cấp xã được luân chuyển", "người", 10, 12)]
    write(path, [standard_sheet("Sheet1", top, rows=rows)])


@corpus_file("ambiguous_unit.xlsx")
def _ambiguous_unit(path: Path) -> None:
    """A joint report of two departments: the unit cannot be told, the candidates are listed."""
    top = title_block("UBND TỈNH CAO BẰNG", "SỞ Y TẾ - SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Cao Bằng, ngày 10 tháng 7 năm 2023",
                      "Kết quả thực hiện Chương trình số 08-CTr/TU", "6 THÁNG ĐẦU NĂM 2023")
    rows = [("1", "Cán bộ, công chức tham gia bồi dưỡng nguồn quy hoạch Ban Chấp hành và lãnh đạo sở, ngành",
             "người", 40, 42)]
    write(path, [standard_sheet("Sheet1", top, rows=rows)])


@corpus_file("SYT_2023-Q2.xlsx")
def _unit_period_from_file_name(path: Path) -> None:
    """Neither the workbook's blocks nor its title name the unit or period: the file name does."""
    rows = [[None], ["BÁO CÁO SỐ LIỆU CHƯƠNG TRÌNH 08-CTr/TU"], []]
    rows += table_rows([("1", "Cán bộ, công chức tham gia bồi dưỡng nguồn quy hoạch Ban Chấp hành và lãnh đạo "
                              "sở, ngành", "người", 12, 9)])
    write(path, [Sheet("Sheet1", rows)])


@corpus_file("parameter_block.xlsx")
def _parameter_block(path: Path) -> None:
    """A hand-made parameter block: 'Chương trình:', 'Đơn vị báo cáo:', 'Kỳ báo cáo: 6 tháng đầu năm 2023'."""
    rows = [
        ["BIỂU TỔNG HỢP SỐ LIỆU"],
        [],
        ["", "Chương trình:", "08-CTr/TU"],
        ["", "Đơn vị báo cáo:", "Huyện Trùng Khánh"],
        ["", "Kỳ báo cáo: 6 tháng đầu năm 2023"],
        [],
    ]
    rows += table_rows([("1", "Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 80, 77),
                        ("2", "Cán bộ cấp huyện được luân chuyển", "người", 60, 61),
                        ("3", "Cán bộ cấp xã được luân chuyển", "người", 20, 16)])
    write(path, [Sheet("Tổng hợp", rows)])


@corpus_file("swapped_columns.xlsx")
def _swapped_columns(path: Path) -> None:
    """Thực hiện before Kế hoạch, Ghi chú before Đơn vị tính, and an extra 'Lũy kế' column."""
    sheet = standard_sheet(order=(0, 1, 6, 4, 3, 5, 2))
    top = len(hha_title()[0])
    sheet.rows[top].append("Lũy kế từ đầu nhiệm kỳ")
    for row in sheet.rows[top + 1: top + 1 + len(HHA_ROWS)]:
        if isinstance(row[0], int) or "." in str(row[0]):
            row.append(999)
    write(path, [sheet])


@corpus_file("two_row_header.xlsx")
def _two_row_header(path: Path) -> None:
    """'Kết quả thực hiện' merged over 'Kế hoạch | Thực hiện'; STT and Nội dung merged down two rows."""
    top, merges = hha_title()
    h = len(top) + 1  # 1-based header row
    header = [
        ["STT", "Nội dung", "Đơn vị tính", "Kết quả thực hiện", "", "Lũy kế", "Ghi chú"],
        ["", "", "", "Kế hoạch", "Thực hiện", "", ""],
    ]
    body = [r for r in table_rows()[1:]]
    for row in body:
        row[5] = ""
    merges = merges + [f"A{h}:A{h + 1}", f"B{h}:B{h + 1}", f"C{h}:C{h + 1}", f"D{h}:E{h}", f"F{h}:F{h + 1}",
                       f"G{h}:G{h + 1}"]
    write(path, [Sheet("Sheet1", top + header + body + SIGNATURE, merges)])


@corpus_file("two_row_header_no_merge.xlsx")
def _two_row_header_no_merge(path: Path) -> None:
    """'Năm 2023' over 'KH 2023 | TH 2023', typed without merging: the name column is on the first row only."""
    top, merges = hha_title()
    header = [
        ["STT", "Nội dung", "ĐVT", "Năm 2023", "", "Ghi chú"],
        ["", "", "", "KH 2023", "TH 2023", ""],
    ]
    body = [[r[0], r[1], r[2], r[3], r[4], ""] for r in table_rows()[1:]]
    write(path, [Sheet("Sheet1", top + header + body, merges)])


@corpus_file("column_codes_row.xlsx")
def _column_codes_row(path: Path) -> None:
    """A row of column codes under the header: 'A | B | C | 1 | 2 | 3=2/1 | 4' is not data."""
    sheet = standard_sheet()
    top = len(hha_title()[0])
    sheet.rows.insert(top + 1, ["A", "B", "C", 1, 2, "3=2/1", 4])
    write(path, [sheet])


@corpus_file("caption_line_breaks.xlsx")
def _caption_line_breaks(path: Path) -> None:
    """Captions broken by line feeds: 'S\\nT\\nT', 'Nội\\ndung', 'Thực\\nhiện'."""
    header = ["S\nT\nT", "Nội\ndung", "Đơn vị\ntính", "Kế\nhoạch", "Thực\nhiện", "Tỷ lệ\n(%)", "Ghi\nchú"]
    write(path, [standard_sheet(header=header)])


@corpus_file("no_diacritics_headers.xlsx")
def _no_diacritics_headers(path: Path) -> None:
    """Typed without diacritics: 'NOI DUNG', 'KE HOACH', 'THUC HIEN', names and title too."""
    top = title_block("UY BAN NHAN DAN", "HUYEN HOA AN", "Hoa An, ngay 05 thang 7 nam 2023",
                      "KET QUA THUC HIEN CHUONG TRINH SO 08-CTR/TU", "6 THANG DAU NAM 2023")
    header = ["STT", "NOI DUNG", "DVT", "KE HOACH", "THUC HIEN", "TY LE (%)", "GHI CHU"]
    rows = [(r[0], _strip_marks(r[1]), *r[2:]) if len(r) > 2 else (r[0], _strip_marks(r[1])) for r in HHA_ROWS]
    write(path, [standard_sheet("Sheet1", top, rows=rows, header=header)])


def _strip_marks(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@corpus_file("abbreviations_and_aliases.xlsx")
def _abbreviations_and_aliases(path: Path) -> None:
    """'TT | Chỉ tiêu | ĐVT | KH | TH | Tỷ lệ %', indicators by the short names in the program's aliases."""
    top = title_block("UBND TỈNH CAO BẰNG", "SỞ Y TẾ", "Cao Bằng, ngày 15 tháng 5 năm 2019",
                      "Kết quả thực hiện Chương trình số 12-CTr/TU ngày 09/5/2016 của Tỉnh ủy", "NĂM 2018")
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "KH", "TH", "Tỷ lệ %", "GC"],
        ["I", "Đào tạo sau đại học", "người", 41, 117, "", ""],
        ["a)", "Lĩnh vực y tế", "người", 41, 117, "285%", ""],
        ["II", "Lý luận chính trị"],
        ["a)", "Cao cấp LLCT", "người", 181, 430, 238, ""],
    ]
    write(path, [Sheet("Sheet1", top[0] + rows, top[1])])


@corpus_file("english_headers.xlsx")
def _english_headers(path: Path) -> None:
    """English captions and labels; indicators named by a code column, names in English."""
    rows = [
        ["Hoa An District People's Committee"],
        ["Report on Program 08-CTr/TU"],
        ["", "Program:", "08-CTr/TU"],
        ["", "Unit:", "HHA"],
        ["", "Period:", "2023-H1"],
        [],
        ["No.", "Code", "Indicator", "Unit", "Plan", "Actual", "%", "Notes"],
        [1, "LC-TONG", "Cadres rotated, 2021-2023", "", 90, 80, "", ""],
        [2, "LC-HUYEN", "District-level", "", 70, 64, "", ""],
        [3, "LC-XA", "Commune-level", "", 20, 16, "", ""],
        [4, "TT-HN", "Vocational-education communication conferences", "", 10, 12, "", ""],
        [5, "TT-NGUOI", "Participants", "", 1000, 1297, "", ""],
    ]
    write(path, [Sheet("Report", rows)])


@corpus_file("section_rows_and_numbering.xlsx")
def _section_rows_and_numbering(path: Path) -> None:
    """Numbering inside the names (I, II, 1., a), '- ', '1.2.'), blank rows, section subtotals ('Cộng')."""
    top, merges = hha_title()
    rows = [
        ["Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Ghi chú"],
        ["I. Luân chuyển cán bộ", "", 90, 80, "cộng mục I"],
        ["1. Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 90, 80, ""],
        ["1.1. Cán bộ cấp huyện được luân chuyển", "người", 70, 64, ""],
        [],
        ["1.2. Cán bộ cấp xã được luân chuyển", "người", 20, 16, ""],
        ["Cộng", "", 90, 80, ""],
        ["II. Truyền thông giáo dục nghề nghiệp"],
        ["a) Hội nghị truyền thông về giáo dục nghề nghiệp", "hội nghị", 10, 12, ""],
        ["- Lượt người tham dự hội nghị truyền thông", "lượt người", 1000, 1297, ""],
        ["+ Trong đó: nữ", "lượt người", "", "", "không theo dõi"],
    ]
    write(path, [Sheet("Sheet1", top + rows, merges)])


@corpus_file("total_row.xlsx")
def _total_row(path: Path) -> None:
    """A 'Tổng cộng' row merged over STT and Nội dung: not an indicator; its wrong actual total is flagged."""
    top = title_block("TỈNH ỦY CAO BẰNG", "BAN TỔ CHỨC TỈNH ỦY", "Cao Bằng, ngày 27 tháng 6 năm 2023",
                      PROGRAM_TITLE, "6 THÁNG ĐẦU NĂM 2023", party=True)
    rows = [
        (1, "Điều động", "người", 40, 45),
        (2, "Luân chuyển", "người", 10, 12),
        (3, "Bổ nhiệm", "người", 10, 9),
        (4, "Bổ nhiệm lại", "người", 40, 42),
        (5, "Giới thiệu ứng cử", "người", 100, 102),
    ]
    sheet = standard_sheet("Sheet1", top, rows=rows)
    at = len(top[0]) + 1 + len(rows)
    sheet.rows.insert(at, ["Tổng cộng", "", "", 200, 212, "", ""])
    sheet.merges.append(f"A{at + 1}:B{at + 1}")
    write(path, [sheet])


@corpus_file("text_in_number_cell.xlsx")
def _text_in_number_cell(path: Path) -> None:
    """'khoảng 60' typed in the actual cell of Cán bộ cấp huyện (E12)."""
    rows = list(HHA_ROWS)
    rows[2] = ("1.1", "Cán bộ cấp huyện được luân chuyển", "người", 70, "khoảng 60")
    write(path, [standard_sheet(rows=rows)])


@corpus_file("negative_count.xlsx")
def _negative_count(path: Path) -> None:
    """A negative count (-16) for Cán bộ cấp xã (E13)."""
    rows = list(HHA_ROWS)
    rows[3] = ("1.2", "Cán bộ cấp xã được luân chuyển", "người", 20, -16)
    write(path, [standard_sheet(rows=rows)])


@corpus_file("vietnamese_number_text.xlsx")
def _vietnamese_number_text(path: Path) -> None:
    """Numbers typed as text: '15.185', '1.297', '1,15' (times), '101,2%', '-' for none."""
    top = title_block("TỈNH ỦY CAO BẰNG", "BAN TỔ CHỨC TỈNH ỦY", "Cao Bằng, ngày 27 tháng 6 năm 2023",
                      PROGRAM_TITLE, "6 THÁNG ĐẦU NĂM 2023", party=True)
    rows = [
        ("1", "Quy hoạch Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2025 - 2030", "người", "53", "61", "1,15"),
        ("2", "Quy hoạch Ban Thường vụ Tỉnh ủy nhiệm kỳ 2025 - 2030", "người", "15", "21", "1,4"),
        ("3", "Lượt người tham dự hội nghị truyền thông", "lượt người", "15.000", "15.185", "101,2%"),
        ("4", "Cán bộ, công chức tham gia bồi dưỡng nguồn quy hoạch Ban Chấp hành và lãnh đạo sở, ngành",
         "người", "-", "1.297", ""),
    ]
    body = [["STT", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Ghi chú"]]
    body += [[*r, ""] for r in rows]
    write(path, [Sheet("Sheet1", top[0] + body, top[1])])


@corpus_file("stated_percent_wrong.xlsx")
def _stated_percent_wrong(path: Path) -> None:
    """'Tỷ lệ (%)' says 161 where 12 of 10 conferences is 120%: kept, with a warning at F15."""
    rows = list(HHA_ROWS)
    rows[5] = (1, "Hội nghị truyền thông về giáo dục nghề nghiệp", "hội nghị", 10, 12, 161)
    write(path, [standard_sheet(rows=rows)])


@corpus_file("formula_without_cached_value.xlsx")
def _formula_without_cached_value(path: Path) -> None:
    """A total written as a formula by a program, never opened in Excel: no stored result (E11). It only adds
    up cells (=E12+E13), so it is calculated (issue 13), and so is the ratio =E11/D11*100."""
    rows = list(HHA_ROWS)
    rows[1] = (1, "Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 90, "=E12+E13")
    sheet = standard_sheet(rows=rows)
    sheet.rows[10][5] = "=E11/D11*100"  # the ratio is a formula too: derived, so not an error
    write(path, [sheet])


@corpus_file("formula_not_plain.xlsx")
def _formula_not_plain(path: Path) -> None:
    """A formula without a stored result that looks up another sheet (=VLOOKUP(...)): not calculated, refused at E11."""
    rows = list(HHA_ROWS)
    rows[1] = (1, "Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 90,
               "=VLOOKUP(B11,'Dữ liệu'!A:B,2,0)")
    write(path, [standard_sheet(rows=rows)])


@corpus_file("unknown_indicator.xlsx")
def _unknown_indicator(path: Path) -> None:
    """Rows whose names are not in the program have values: reported at B12 and B14 with the closest names."""
    rows = list(HHA_ROWS)
    rows[2] = ("1.1", "Cán bộ cấp huyện được điều động về xã", "người", 70, 64)
    rows.insert(4, ("1.3", "Cán bộ được biệt phái", "người", "", 3))
    write(path, [standard_sheet(rows=rows)])


@corpus_file("figures_without_a_name.xlsx")
def _figures_without_a_name(path: Path) -> None:
    """Figures typed into a spare row under the table with no indicator name (B17)."""
    rows = [*HHA_ROWS, ("", "", "", 5, 7)]
    write(path, [standard_sheet(rows=rows)])


@corpus_file("decomposed_unicode.xlsx")
def _decomposed_unicode(path: Path) -> None:
    """Every text in decomposed Unicode (NFD), as some Mac and web tools write it."""
    sheet = standard_sheet()
    sheet.rows = [[unicodedata.normalize("NFD", v) if isinstance(v, str) else v for v in row] for row in sheet.rows]
    write(path, [sheet])


@corpus_file("tcvn3_vntime.xlsx")
def _tcvn3_vntime(path: Path) -> None:
    """Typed in TCVN3: .VnTimeH (capitals font) for the title block, .VnTime for the table."""
    sheet = standard_sheet()
    top = len(hha_title()[0])
    for r, row in enumerate(sheet.rows, start=1):
        capitals = r <= top and r != 3 and r != 6
        for c, value in enumerate(row):
            if isinstance(value, str):
                row[c] = tcvn3_capitals(value) if capitals else tcvn3(value)
        sheet.row_fonts[r] = ".VnTimeH" if capitals else ".VnTime"
    write(path, [sheet])


@corpus_file("vni_times.xlsx")
def _vni_times(path: Path) -> None:
    """Typed in VNI (font VNI-Times) throughout."""
    sheet = standard_sheet(font="VNI-Times")
    sheet.rows = [[vni(v) if isinstance(v, str) else v for v in row] for row in sheet.rows]
    write(path, [sheet])


@corpus_file("tcvn3_old_format.xls")
def _tcvn3_old_format(path: Path) -> None:
    """An old .xls typed in TCVN3: the reader sees no fonts and must recognise the encoding from the words."""
    sheet = standard_sheet(font=".VnTime")
    sheet.rows = [[tcvn3(v) if isinstance(v, str) else v for v in row] for row in sheet.rows]
    write(path, [sheet])


@corpus_file("hidden_old_sheet.xlsx")
def _hidden_old_sheet(path: Path) -> None:
    """A hidden sheet with last year's figures comes first; the visible sheet is this report."""
    old_top = title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 05 tháng 01 năm 2023",
                          PROGRAM_TITLE, "6 THÁNG CUỐI NĂM 2022")
    old_rows = [(1, "Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 60, 55)]
    write(path, [standard_sheet("2022 (cu)", old_top, rows=old_rows, hidden=True), standard_sheet("2023")])


@corpus_file("table_on_hidden_sheet.xlsx")
def _table_on_hidden_sheet(path: Path) -> None:
    """The report sits on a hidden sheet; the only visible sheet holds instructions."""
    help_rows = [["HƯỚNG DẪN"], ["Điền số liệu vào trang báo cáo, không sửa tên chỉ tiêu."]]
    write(path, [Sheet("Huong dan", help_rows), standard_sheet("Bao cao", hidden=True)])


@corpus_file("sheet_name_stray_spaces.xlsx")
def _sheet_name_stray_spaces(path: Path) -> None:
    """The sheet is called ' Báo cáo  ' (stray spaces), after an empty 'Sheet2'."""
    write(path, [Sheet("Sheet2", [[]]), standard_sheet(" Báo cáo  ")])


@corpus_file("estimate_column.xlsx")
def _estimate_column(path: Path) -> None:
    """'Thực hiện 5 tháng' and 'Ước thực hiện 6 tháng' side by side (two figures), after last year's 'TH cùng kỳ'."""
    top, merges = hha_title()
    rows = [
        ["STT", "Nội dung", "ĐVT", "TH cùng kỳ 2022", "Kế hoạch năm", "Thực hiện 5 tháng", "Ước thực hiện 6 tháng",
         "So sánh %"],
        [1, "Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 41, 90, 70, 80, ""],
        [2, "Hội nghị truyền thông về giáo dục nghề nghiệp", "hội nghị", 7, 10, 9, 12, ""],
    ]
    write(path, [Sheet("Sheet1", top + rows, merges)])


@corpus_file("estimate_instead_of_actual.xlsx")
def _estimate_instead_of_actual(path: Path) -> None:
    """Only 'KH | ƯTH': the estimate is not an actual and is not stored as one."""
    top, merges = hha_title()
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "KH", "ƯTH", "Ghi chú"],
        [1, "Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 90, 85, ""],
    ]
    write(path, [Sheet("Sheet1", top + rows, merges)])


@corpus_file("uom_note_trieu_dong.xlsx")
def _uom_note(path: Path) -> None:
    """'Đơn vị tính: Tỷ đồng' above the table, for an amount kept in triệu đồng (261,951 tỷ = 261.951 triệu)."""
    rows = [
        ["UBND TỈNH BẾN TRE", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["SỞ NỘI VỤ", "", "", "Độc lập - Tự do - Hạnh phúc"],
        [],
        ["KINH PHÍ THỰC HIỆN ĐỀ ÁN 06-ĐA/TU NĂM 2022"],
        ["", "Mã đơn vị:", "SNV-BT"],
        [],
        ["", "", "", "", "Đơn vị tính: Tỷ đồng"],
        ["STT", "Nội dung", "ĐVT", "Kế hoạch", "Thực hiện", "Ghi chú"],
        [1, "Kinh phí đào tạo, bồi dưỡng cán bộ, công chức, viên chức", "", "250", "261,951", ""],
        [2, "Đào tạo", "người", 400, 429, "số người, không phải tỷ đồng"],
    ]
    write(path, [Sheet("Sheet1", rows)])


@corpus_file("old_format.xls")
def _old_format(path: Path) -> None:
    """The standard report saved as Excel 97-2003 (.xls)."""
    write(path, [standard_sheet()])


@corpus_file("libreoffice.ods")
def _libreoffice(path: Path) -> None:
    """The standard report saved by LibreOffice (.ods), merged title cells and all."""
    write(path, [standard_sheet()])


@corpus_file("macro_enabled.xlsm")
def _macro_enabled(path: Path) -> None:
    """The standard report as a macro-enabled workbook (.xlsm)."""
    write(path, [standard_sheet()])


@corpus_file("revision_a.xlsx")
def _revision_a(path: Path) -> None:
    _revision(path, 61)


@corpus_file("revision_b.xlsx")
def _revision_b(path: Path) -> None:
    _revision(path, 55)


@corpus_file("revision_c.xlsx")
def _revision_c(path: Path) -> None:
    _revision(path, 58)


def _revision(path: Path, actual: int) -> None:
    """Huyện Trùng Khánh's report sent several times with a corrected figure (which applies is by mtime)."""
    top = title_block("ỦY BAN NHÂN DÂN", "HUYỆN TRÙNG KHÁNH", "Trùng Khánh, ngày 30 tháng 6 năm 2023",
                      PROGRAM_TITLE, "6 THÁNG ĐẦU NĂM 2023")
    rows = [(1, "Cán bộ cấp huyện được luân chuyển", "người", 60, actual)]
    write(path, [standard_sheet("Sheet1", top, rows=rows)])


# -- office layouts (issue 13): columns of several periods side by side -------------------------------
LC_NAMES = ["Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "Cán bộ cấp huyện được luân chuyển",
            "Cán bộ cấp xã được luân chuyển"]


def hha_year_title(period_line: str) -> tuple[list[list[Any]], list[str]]:
    return title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 10 tháng 12 năm 2022",
                       PROGRAM_TITLE, period_line)


@corpus_file("wrong_year_columns.xlsx")
def _wrong_year_columns(path: Path) -> None:
    """A 2022 report with 'TH 2021' first, then 'KH 2022 | TH2022 | KH2023' and 'So sánh % TH2022/TH2021':
    only the 2022 columns are its figures; the comparison is not a stated achievement."""
    top, merges = hha_year_title("NĂM 2022")
    rows = [["STT", "Nội dung", "ĐVT", "TH 2021", "KH 2022", "TH2022", "KH2023", "So sánh % TH2022/TH2021"]]
    for i, (name, th21, kh22, th22, kh23) in enumerate(zip(LC_NAMES, (75, 60, 15), (90, 70, 20), (80, 64, 16),
                                                            (95, 72, 23)), start=1):
        rows.append([i, name, "người", th21, kh22, th22, kh23, round(100 * th22 / th21, 1)])
    write(path, [Sheet("Sheet1", top + rows + SIGNATURE, merges)])


@corpus_file("years_in_second_header_row.xlsx")
def _years_in_second_header_row(path: Path) -> None:
    """'Thực hiện' merged over a row of years 2020 | 2021 | 2022 and 'Kế hoạch' over 2022 | 2023 (typed
    as numbers, the second 'Kế hoạch' year without a caption above it): the 2022 report reads TH 2022, KH 2022."""
    top, merges = hha_year_title("NĂM 2022")
    h = len(top) + 1
    header = [["STT", "Nội dung", "ĐVT", "Thực hiện", "", "", "Kế hoạch", ""],
              ["", "", "", 2020, 2021, 2022, 2022, 2023]]
    body = [[i, name, "người", a, b, c, d, e] for i, (name, a, b, c, d, e) in enumerate(
        zip(LC_NAMES, (50, 40, 10), (75, 60, 15), (80, 64, 16), (90, 70, 20), (95, 72, 23)), start=1)]
    merges = merges + [f"A{h}:A{h + 1}", f"B{h}:B{h + 1}", f"C{h}:C{h + 1}", f"D{h}:F{h}"]
    write(path, [Sheet("Sheet1", top + header + body + SIGNATURE, merges)])


@corpus_file("half_year_words_columns.xlsx")
def _half_year_words_columns(path: Path) -> None:
    """'TH 6 tháng đầu năm 2022 | KH năm 2023 | Thực hiện 6 tháng đầu năm | Lũy kế đến 31/5' in a report for
    6 THÁNG ĐẦU NĂM 2023 from Thành phố Cao Bằng: last year's half and the running total to May are context."""
    top, merges = title_block("ỦY BAN NHÂN DÂN", "THÀNH PHỐ CAO BẰNG", "Cao Bằng, ngày 05 tháng 7 năm 2023",
                              PROGRAM_TITLE, "6 THÁNG ĐẦU NĂM 2023")
    rows = [["STT", "Nội dung", "ĐVT", "TH 6 tháng đầu năm 2022", "KH năm 2023", "Thực hiện 6 tháng đầu năm",
             "Lũy kế đến 31/5"]]
    for i, (name, last, kh, th, cum) in enumerate(zip(LC_NAMES, (30, 25, 5), (90, 70, 20), (80, 64, 16),
                                                       (150, 120, 30)), start=1):
        rows.append([i, name, "người", last, kh, th, cum])
    write(path, [Sheet("Sheet1", top + rows + SIGNATURE, merges)])


@corpus_file("period_range_columns.xlsx")
def _period_range_columns(path: Path) -> None:
    """A 2016-2020 review (title 'GIAI ĐOẠN 2016 - 2020') with 'Thực hiện giai đoạn 2011-2015' first: that is
    the previous period's, never this one's actual."""
    top, merges = title_block("UBND TỈNH CAO BẰNG", "SỞ Y TẾ", "Cao Bằng, ngày 20 tháng 12 năm 2020",
                              "Kết quả thực hiện Chương trình số 12-CTr/TU ngày 09/5/2016 của Tỉnh ủy",
                              "GIAI ĐOẠN 2016 - 2020")
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Thực hiện giai đoạn 2011-2015", "Kế hoạch giai đoạn 2016-2020",
             "Thực hiện giai đoạn 2016-2020", "BQGĐ (%)"],
            [1, "Cử công chức, viên chức lĩnh vực y tế đào tạo chuyên khoa cấp I và thạc sỹ", "người", 20, 41, 117,
             "12,5"]]
    write(path, [Sheet("Sheet1", top + rows + SIGNATURE, merges)])


@corpus_file("formula_built_captions.xlsx")
def _formula_built_captions(path: Path) -> None:
    """A template whose captions are formulas on a year cell (J1 = 2022, white on white in the original), saved
    by an app that never calculates: ="TH "&($J$1-1) | =CONCATENATE("KH năm ",$J$1) | ="TH "&$J$1 |
    ="KH "&$J$1+1 (& binds looser than +: "KH 2023"). Only the 2022 columns are the report's figures."""
    top, merges = hha_year_title("NĂM 2022")
    top[0] = top[0] + ["", "", "", "", "", 2022]  # J1: the year cell the captions are built from
    rows = [["STT", "Nội dung", "ĐVT", '="TH "&($J$1-1)', '=CONCATENATE("KH năm ",$J$1)', '="TH "&$J$1',
             '="KH "&$J$1+1']]
    for i, (name, th21, kh22, th22, kh23) in enumerate(zip(LC_NAMES, (75, 60, 15), (90, 70, 20), (80, 64, 16),
                                                            (95, 72, 23)), start=1):
        rows.append([i, name, "người", th21, kh22, th22, kh23])
    write(path, [Sheet("Sheet1", top + rows + SIGNATURE, merges)])


@corpus_file("two_actual_columns_same_year.xlsx")
def _two_actual_columns_same_year(path: Path) -> None:
    """'TH 2022 (sơ bộ)' and 'TH 2022 (chính thức)': two actuals for the same year cannot be told apart."""
    top, merges = hha_year_title("NĂM 2022")
    rows = [["STT", "Nội dung", "ĐVT", "KH 2022", "TH 2022 (sơ bộ)", "TH 2022 (chính thức)"],
            [1, LC_NAMES[0], "người", 90, 78, 80]]
    write(path, [Sheet("Sheet1", top + rows + SIGNATURE, merges)])


# -- office layouts (issue 13): a district's own wide table, read for one program ----------------------
DISTRICT_PROGRAM_TITLE = "Kết quả thực hiện Chương trình số 15-CTr/HU của Huyện ủy Hòa An"
CROPS = [("Lúa", (1200, 55, 6600)), ("Ngô", (800, 42, 3360)), ("Đậu tương", (150, 18, 270))]
HR_SUBROWS = ["Đào tạo sau đại học", "Bồi dưỡng lý luận chính trị"]


def district_rows(seed: int, with_totals: bool = True, crops: list[tuple[str, tuple[int, int, int]]] = CROPS
                  ) -> list[list[Any]]:
    """Give a district's socio-economic table (STT, label, ĐVT, then one figure per column group): crops with
    '- Diện tích | - Năng suất | - Sản lượng' under each, 'Bơ' (avocado) beside 'Đàn bò', labour rows and the
    human-resource section the district program 15-CTr/HU asks for, with sub-rows repeated under each level.
    Each row gives (label, uom, figure): the figure grows with `seed` so communes differ."""
    k = seed
    rows: list[list[Any]] = [["A.", "KINH TẾ", ""], ["I", "Nông nghiệp", ""]]
    for i, (crop, (area, yield_, output)) in enumerate(crops, start=1):
        rows.append([i, crop, ""])
        rows += [["-", "Diện tích", "ha", area + k], ["-", "Năng suất", "tạ/ha", yield_],
                 ["-", "Sản lượng", "tấn", output + 5 * k]]
    rows += [[len(crops) + 1, "Bơ", "ha", 12 + k], [len(crops) + 2, "Đàn bò", "con", 300 + 10 * k]]
    rows += [["II", "Lâm nghiệp", ""], [1, "Trồng rừng mới", "ha", 40 + k], [2, "Tỷ lệ che phủ rừng", "%", 55]]
    rows += [["B.", "VĂN HÓA - XÃ HỘI", ""], ["I", "Lao động, việc làm", ""],
             [1, "Lao động nông thôn được giải quyết việc làm", "người", 120 + k],
             [2, "Lao động qua đào tạo nghề", "người", 80 + k],
             [3, "Tỷ lệ lao động qua đào tạo", "%", 60]]
    rows += [["E.", "NGUỒN NHÂN LỰC", ""]]
    for i, level in enumerate(["Cán bộ cấp huyện", "Cán bộ cấp xã"], start=1):
        rows.append([i, level, ""])
        rows += [["-", sub, "người", 3 * i + j + k] for j, sub in enumerate(HR_SUBROWS)]
    if with_totals:
        hr = sum(3 * i + j + k for i in (1, 2) for j in range(len(HR_SUBROWS)))
        rows.append(["", "Cộng mục E", "người", hr])
    return rows


def district_table(columns: list[str], figures: Callable[[int, list[Any]], list[Any]], seed: int,
                   with_totals: bool = True) -> list[list[Any]]:
    """Give header and body: STT | Chỉ tiêu | ĐVT | the columns, each row's figures made by `figures`."""
    body = []
    for row in district_rows(seed, with_totals):
        body.append(row[:3] + (figures(row[3], row) if len(row) > 3 else [""] * len(columns)))
    return [["STT", "Chỉ tiêu", "ĐVT", *columns]] + body


@corpus_file("program_rows_only.xlsx")
def _program_rows_only(path: Path) -> None:
    """Huyện Hòa An's whole 2022 table (crops, forestry, labour, human resources) sent for program 15-CTr/HU,
    which lists five of its rows: the others are skipped and counted; 'Bơ' is not the code BO of 'Đàn bò';
    the sub-rows '- Đào tạo sau đại học' under each level are told apart by their parent; 'Cộng mục E' is
    checked, not stored."""
    top, merges = title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 15 tháng 12 năm 2022",
                              DISTRICT_PROGRAM_TITLE, "NĂM 2022")
    def figures(v: Any, row: list[Any]) -> list[Any]:
        if row[1] == "Cộng mục E":  # the plans of its four rows are each 2 above their actuals
            return [v - 4, v + 8, v, ""]
        return [v - 1, v + 2, v, round(100 * v / (v - 1), 1)] if isinstance(v, int) else [v, v, v, ""]

    table = district_table(["TH 2021", "KH 2022", "TH 2022", "So sánh %"], figures, seed=0)
    write(path, [Sheet("Biểu 01", top + table + SIGNATURE, merges)])


@corpus_file("row_resembles_indicator.xlsx")
def _row_resembles_indicator(path: Path) -> None:
    """The same wide table where 'Lao động nông thôn được giải quyết việc làm' is typed 'Lao động nông thôn
    được giải quyết việc làm mới': skipped, with a warning naming the indicator it resembles."""
    top, merges = title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 15 tháng 12 năm 2022",
                              DISTRICT_PROGRAM_TITLE, "NĂM 2022")
    table = district_table(["KH 2022", "TH 2022"], lambda v, row: [v + 2 if isinstance(v, int) else v, v], seed=0,
                           with_totals=False)
    for row in table:
        if row[1] == "Lao động nông thôn được giải quyết việc làm":
            row[1] = "Lao động nông thôn được giải quyết việc làm mới"
    write(path, [Sheet("Biểu 01", top + table + SIGNATURE, merges)])


@corpus_file("office_total_wordings.xlsx")
def _office_total_wordings(path: Path) -> None:
    """'Tổng số (I+II)' above the sections, 'Cộng mục I' and a bare 'Cộng' closing them: recognised, checked
    against the rows they close (their sub-rows not added twice), never stored; 'Cộng mục II' is wrong."""
    top, merges = title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 14 tháng 6 năm 2023",
                              PROGRAM_TITLE, "QUÝ II NĂM 2023")
    rows = [
        ["STT", "Nội dung", "ĐVT", "Kế hoạch", "Thực hiện"],
        ["", "Tổng số (I+II)", "người", 100, 92],
        ["I", "Luân chuyển cán bộ", "", "", ""],
        [1, "Số cán bộ được luân chuyển, điều động giai đoạn 2021 - 2023", "người", 90, 80],
        ["1.1", "Cán bộ cấp huyện được luân chuyển", "người", 70, 64],
        ["1.2", "Cán bộ cấp xã được luân chuyển", "người", 20, 16],
        ["", "Cộng mục I", "người", 90, 80],
        ["II", "Quy hoạch cán bộ", "", "", ""],
        [1, "Cán bộ, công chức tham gia bồi dưỡng nguồn quy hoạch Ban Chấp hành và lãnh đạo sở, ngành", "người",
         10, 12],
        ["", "Cộng mục II", "người", 10, 15],
        ["", "Cộng I+II", "người", 100, 92],
    ]
    write(path, [Sheet("Sheet1", top + rows + SIGNATURE, merges)])


# 50 crops by season, so the district table below has over 200 rows, as the real ones do.
MANY_CROPS = [(f"{name} vụ {season}", (100 + 7 * i, 20 + i % 30, 900 + 11 * i)) for i, (name, season) in enumerate(
    (n, s) for n in ["Lúa", "Ngô", "Đậu tương", "Lạc", "Khoai lang", "Sắn", "Mía", "Thuốc lá", "Rau các loại",
                     "Đậu các loại", "Khoai môn", "Dong riềng", "Gừng", "Nghệ", "Ớt", "Bí xanh", "Cải bắp",
                     "Su hào", "Dưa hấu", "Hoa các loại", "Cỏ chăn nuôi", "Chè", "Cam", "Quýt", "Hồng không hạt"]
    for s in ["Đông Xuân", "Hè Thu"])]
COMMUNE_BLOCKS = ["Toàn huyện", "Xã Hồng Việt", "Xã Bình Long", "Xã Đức Long", "Xã Nam Tuấn"]


@corpus_file("district_blocks_per_commune.xlsx")
def _district_blocks_per_commune(path: Path) -> None:
    """Huyện Hòa An's 2022 table of 200+ rows (50 crops with '- Diện tích | - Năng suất | - Sản lượng' under
    each) with one block of 'TH 2021 | KH 2022 | TH 2022' columns per commune after the district's own
    'Toàn huyện' block: one submission per commune, its program rows of 2022 only, each with its own cells."""
    top, merges = title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 15 tháng 12 năm 2022",
                              DISTRICT_PROGRAM_TITLE, "NĂM 2022")
    h = len(top) + 1
    seeds = [10, 1, 2, 3, 4]  # commune k reports the base figures plus k (the district block is context)
    tables = [district_rows(seed, crops=MANY_CROPS) for seed in seeds]
    header = [["STT", "Chỉ tiêu", "ĐVT"], ["", "", ""]]
    for b, caption in enumerate(COMMUNE_BLOCKS):
        header[0] += [caption, "", ""]
        header[1] += ["TH 2021", "KH 2022", "TH 2022"]
        first = 4 + 3 * b
        merges.append(f"{_column_letter(first)}{h}:{_column_letter(first + 2)}{h}")
    merges += [f"A{h}:A{h + 1}", f"B{h}:B{h + 1}", f"C{h}:C{h + 1}"]
    body = []
    for rows in zip(*tables):
        line = list(rows[0][:3])
        for row in rows:
            v = row[3] if len(row) > 3 else ""
            if row[1] == "Cộng mục E":
                line += [v - 4, v + 8, v]
            else:
                line += [v - 1, v + 2, v] if isinstance(v, int) else ["", "", ""]
        body.append(line)
    write(path, [Sheet("Tổng hợp xã", top + header + body + SIGNATURE, merges)])


def _column_letter(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@corpus_file("declared_layout_budget_annex.xlsx")
def _declared_layout_budget_annex(path: Path) -> None:
    """A budget annex exported by an app: machine captions 'dtgiao | tien_bhtt' that no detection reads, the
    unit and year in a parameter block ('Địa bàn:', 'Năm:'). Program 15-CTr/HU declares its layout."""
    rows = [
        ["PHỤ LỤC 02: KINH PHÍ VÀ KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH 15-CTr/HU"],
        [],
        ["Địa bàn:", "Xã Hồng Việt"],
        ["Năm:", 2022],
        ["Loại số liệu:", "TH Năm"],
        ["stt", "noi_dung", "dvt", "dtgiao", "tien_bhtt", "ghi_chu"],
        [1, "Lao động nông thôn được giải quyết việc làm", "người", 130, 118, ""],
        [2, "Đàn bò", "con", 310, 305, "số liệu thống kê tháng 12"],
    ]
    write(path, [Sheet("Tong hop", [["(bản tóm tắt)"]]), Sheet("Phụ lục 02", rows)])


def data_kind_sheet(kind: str = "TH Năm") -> Sheet:
    """An app's export for one commune: the figures in one column captioned 'Số liệu', what they are said once
    above the table ('Loại số liệu: TH Năm'), the unit and year in a parameter block."""
    rows: list[list[Any]] = [
        ["BIỂU SỐ LIỆU KINH TẾ - XÃ HỘI"],
        ["Kết quả thực hiện Chương trình số 15-CTr/HU của Huyện ủy Hòa An"],
        ["Địa bàn:", "Xã Hồng Việt"],
        ["Loại số liệu:", kind],
        ["Năm:", 2022],
        [],
        ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"],
    ]
    rows += [row[:3] + [row[3] if len(row) > 3 else "", ""] for row in district_rows(1)]
    return Sheet("Du lieu", rows, ["A1:E1", "A2:E2"])


@corpus_file("data_kind_line.xlsx")
def _data_kind_line(path: Path) -> None:
    """'Loại số liệu: TH Năm' above a table whose only value column is 'Số liệu': the figures are the actuals
    of the year 2022 (Năm: 2022) for Xã Hồng Việt."""
    write(path, [data_kind_sheet()])


@corpus_file("data_kind_line.ods")
def _data_kind_line_ods(path: Path) -> None:
    """The same export saved by LibreOffice Calc (.ods)."""
    write(path, [data_kind_sheet()])


PER_ROW_COMMUNES = ["Xã Hồng Việt", "Xã Bình Long", "Xã Đức Long", "Xã Nam Tuấn"]


@corpus_file("unit_per_row_summary.xlsx")
def _unit_per_row_summary(path: Path) -> None:
    """Huyện Hòa An's summary of its communes for 2022: one row per commune, the indicators as named columns
    ('Đàn bò (con)'), what the figures are said once above ('Loại số liệu: TH Năm'); 'Trồng rừng mới' is not
    in the program; Xã Nam Tuấn has not reported (blank row); a 'Tổng cộng' row adds up the communes."""
    top, merges = title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 20 tháng 12 năm 2022",
                              "Tổng hợp kết quả thực hiện Chương trình số 15-CTr/HU theo xã", "NĂM 2022")
    top[7] = ["Loại số liệu: TH Năm"]
    rows: list[list[Any]] = [["STT", "Đơn vị", "Lao động nông thôn được giải quyết việc làm (người)", "Đàn bò (con)",
                              "Trồng rừng mới (ha)", "Cán bộ cấp xã đào tạo sau đại học (người)",
                              "Cán bộ cấp xã bồi dưỡng lý luận chính trị (người)", "Ghi chú"]]
    totals = [0, 0, 0, 0, 0]
    for k, name in enumerate(PER_ROW_COMMUNES, start=1):
        if name == "Xã Nam Tuấn":
            rows.append([k, name, "", "", "", "", "", "chưa báo cáo"])
            continue
        line = [120 + k, 300 + 10 * k, 40 + k, 6 + k, 7 + k]
        totals = [a + b for a, b in zip(totals, line)]
        rows.append([k, name, *line, ""])
    rows.append(["", "Tổng cộng", *totals, ""])
    write(path, [Sheet("Tổng hợp theo xã", top + rows + SIGNATURE, merges)])


def per_row_plan_actual_sheet() -> Sheet:
    """A two-row header: each indicator merged over 'TH 2021 | KH 2022 | TH 2022', the communes in 'Tên xã'."""
    top, merges = title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 20 tháng 12 năm 2022",
                              "Tổng hợp kết quả thực hiện Chương trình số 15-CTr/HU theo xã", "NĂM 2022")
    h = len(top) + 1
    header = [["STT", "Tên xã", "Lao động nông thôn được giải quyết việc làm", "", "", "Đàn bò (con)", "", ""],
              ["", "", "TH 2021", "KH 2022", "TH 2022", "TH 2021", "KH 2022", "TH 2022"]]
    merges = merges + [f"A{h}:A{h + 1}", f"B{h}:B{h + 1}", f"C{h}:E{h}", f"F{h}:H{h}"]
    body = []
    for k, name in enumerate(PER_ROW_COMMUNES, start=1):
        ld, bo = 120 + k, 300 + 10 * k
        body.append([k, name, ld - 1, ld + 3, ld, bo - 5, bo + 5, bo])
    return Sheet("Sheet1", top + header + body + SIGNATURE, merges)


@corpus_file("unit_per_row_plan_actual.xls")
def _unit_per_row_plan_actual(path: Path) -> None:
    """One row per commune, each indicator merged over its 'TH 2021 | KH 2022 | TH 2022' (Excel 97-2003): the
    2022 plan and actual of each commune, last year's actual context."""
    write(path, [per_row_plan_actual_sheet()])


@corpus_file("value_blocks_by_kind.xlsx")
def _value_blocks_by_kind(path: Path) -> None:
    """'SẢN LƯỢNG (tấn)' and 'GIÁ TRỊ SẢN XUẤT (triệu đồng)', each merged over its own 'KH 2022 | TH 2022', for
    the same crop rows: program 16-CTr/HU reads 'Sản lượng › Lúa' and 'Giá trị sản xuất › Lúa' from their blocks."""
    top, merges = title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 15 tháng 12 năm 2022",
                              "Kết quả thực hiện Chương trình số 16-CTr/HU của Huyện ủy Hòa An", "NĂM 2022")
    h = len(top) + 1
    header = [["STT", "Chỉ tiêu", "SẢN LƯỢNG (tấn)", "", "GIÁ TRỊ SẢN XUẤT (triệu đồng)", ""],
              ["", "", "KH 2022", "TH 2022", "KH 2022", "TH 2022"]]
    body = [[1, "Lúa", 6500, 6600, 52000, 54120], [2, "Ngô", 3300, 3360, 20000, 21840],
            [3, "Đậu tương", 260, 270, 5200, 5400], [4, "Lạc", 410, 395, 12300, 11850]]
    merges = merges + [f"A{h}:A{h + 1}", f"B{h}:B{h + 1}", f"C{h}:D{h}", f"E{h}:F{h}"]
    write(path, [Sheet("Sheet1", top + header + body + SIGNATURE, merges)])


# -- office layouts (issue 13): what a title really says ----------------------------------------------------
def lc_2022_table() -> list[list[Any]]:
    rows = [["STT", "Nội dung", "ĐVT", "KH 2022", "TH 2022"]]
    return rows + [[i, name, "người", kh, th] for i, (name, kh, th) in enumerate(
        zip(LC_NAMES, (90, 70, 20), (80, 64, 16)), start=1)]


@corpus_file("addressee_and_legal_basis.xlsx")
def _addressee_and_legal_basis(path: Path) -> None:
    """'Kính gửi: Sở Nội vụ tỉnh Cao Bằng' and 'Căn cứ Kế hoạch số 12/KH-SYT của Sở Y tế' under the title name
    other bodies: the sender is Huyện Hòa An all the same."""
    top, merges = hha_year_title("NĂM 2022")
    top = top[:7] + [["Kính gửi: Sở Nội vụ tỉnh Cao Bằng"],
                     ["Căn cứ Kế hoạch số 12/KH-SYT ngày 10/01/2022 của Sở Y tế về đào tạo cán bộ;"], []]
    write(path, [Sheet("Sheet1", top + lc_2022_table() + SIGNATURE, merges)])


@corpus_file("HHA_2022_joint_title.xlsx")
def _joint_title(path: Path) -> None:
    """A joint title 'UBND HUYỆN HÒA AN - UBND HUYỆN TRÙNG KHÁNH' names two units; the file name says HHA sent it."""
    top, merges = title_block("ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Hòa An, ngày 10 tháng 12 năm 2022",
                              "Báo cáo liên huyện Hòa An - Trùng Khánh về " + PROGRAM_TITLE[0].lower()
                              + PROGRAM_TITLE[1:], "NĂM 2022")
    write(path, [Sheet("Sheet1", top + lc_2022_table() + SIGNATURE, merges)])


@corpus_file("machine_parameter_rows.xlsx")
def _machine_parameter_rows(path: Path) -> None:
    """An app export: no title, a row of keys 'ma_ct | ma_tinh | ma_huyen | tu_thang | den_thang | nam' over
    its values."""
    rows = [["ma_ct", "ma_tinh", "ma_huyen", "tu_thang", "den_thang", "nam"], ["08-CTr/TU", "CB", "HHA", 1, 12, 2022],
            []]
    write(path, [Sheet("Data", rows + lc_2022_table())])


# -- office layouts (issue 13): files that are not submissions, refused for what they are -------------------
@corpus_file("template_placeholders.xlsx")
def _template_placeholders(path: Path) -> None:
    """A report template whose fields '<#TH_LC_TONG>' were never filled in (a mail merge never run)."""
    rows = [(i, name, "người", f"<#KH_{i}>", f"<#TH_{i}>") for i, name in enumerate(LC_NAMES, start=1)]
    write(path, [standard_sheet(rows=rows)])


@corpus_file("list_of_people.xlsx")
def _list_of_people(path: Path) -> None:
    """A list of the cadres rotated, sent instead of the figures."""
    rows = [["UBND HUYỆN HÒA AN"], ["DANH SÁCH CÁN BỘ ĐƯỢC LUÂN CHUYỂN NĂM 2022"], [],
            ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Nơi công tác mới"],
            [1, "Nông Văn Bình", 1985, "Phó Chủ tịch UBND xã", "Xã Hồng Việt"],
            [2, "Hoàng Thị Lan", 1990, "Công chức Văn phòng", "Xã Bình Long"]]
    write(path, [Sheet("DS", rows)])


@corpus_file("form_without_figures.xlsx")
def _form_without_figures(path: Path) -> None:
    """The report form returned with its rows named and every figure left empty."""
    write(path, [standard_sheet(rows=[(i, name, "người", "", "") for i, name in enumerate(LC_NAMES, start=1)])])


# -- files that must be refused ---------------------------------------------------------------------
@corpus_file("payroll_not_a_submission.xlsx")
def _payroll(path: Path) -> None:
    """A payroll sent by mistake: no indicator table at all."""
    rows = [
        ["UBND HUYỆN HÒA AN"],
        ["BẢNG THANH TOÁN TIỀN LƯƠNG THÁNG 5/2023"],
        [],
        ["STT", "Họ và tên", "Chức vụ", "Hệ số lương", "Phụ cấp", "Thực lĩnh", "Ký nhận"],
        [1, "Nguyễn Văn An", "Chủ tịch", 6.2, 0.7, 12_834_000, ""],
        [2, "Trần Thị Bình", "Phó Chủ tịch", 5.76, 0.6, 11_867_000, ""],
    ]
    write(path, [Sheet("Luong T5", rows)])


@corpus_file("corrupt.xlsx")
def _corrupt(path: Path) -> None:
    """A zip with the parts of a workbook whose XML is garbage (a damaged save)."""
    with zipfile.ZipFile(io.BytesIO(_xlsx_bytes([standard_sheet()]))) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members:
            if name == "xl/workbook.xml":
                data = b"\x00\x13garbage \xff\xfe not xml" + data[:40]
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)
    path.write_bytes(buf.getvalue())


def _xlsx_bytes(sheets: list[Sheet]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return write(Path(tmp) / "book.xlsx", sheets).read_bytes()


@corpus_file("truncated.xlsx")
def _truncated(path: Path) -> None:
    """The first half of a good workbook: the download or the e-mail attachment was cut."""
    data = (path.parent / "title_block_unit_period.xlsx").read_bytes()
    path.write_bytes(data[: len(data) // 2])


@corpus_file("not_a_workbook.xlsx")
def _not_a_workbook(path: Path) -> None:
    """A PDF renamed to .xlsx."""
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")


@corpus_file("zip_bomb.xlsx")
def _zip_bomb(path: Path) -> None:
    """A real workbook whose sheet part is padded to 64 MB of blanks that pack into a few KB."""
    data = (path.parent / "title_block_unit_period.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, part in members:
            if name == "xl/worksheets/sheet1.xml":
                part = part.replace(b"</worksheet>", b" " * (64 * 1024 * 1024) + b"</worksheet>")
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, part, compresslevel=9)
    path.write_bytes(buf.getvalue())


PASSWORD = "hrplan"


@corpus_file("password_protected.xlsx")
def _password_protected(path: Path) -> bool:
    """The standard report encrypted with a password (ECMA-376 agile encryption), as Excel saves it."""
    try:
        import msoffcrypto.format.ooxml as ooxml
    except ImportError:
        return False  # keep the committed file; install msoffcrypto-tool to rebuild it
    out = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(_xlsx_bytes([standard_sheet()]))).encrypt(PASSWORD, out)
    path.write_bytes(out.getvalue())
    return True


# -- building ----------------------------------------------------------------------------------------
def build(out: Path = HERE) -> list[Path]:
    """Build every corpus file into `out` and give their paths (a file that could not be built is copied)."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for name, make in CORPUS.items():
        path = out / name
        if make(path) is False:
            committed = HERE / name
            if committed.exists() and out.resolve() != HERE:
                path.write_bytes(committed.read_bytes())
            elif not committed.exists():
                continue
        made.append(path)
    return made


def build_hostile(out: Path, corpus: Path = HERE) -> list[Path]:
    """Build the small reproducers of files that once took the import down (tests/corpus/hostile.py) into
    `out`, from the corpus's good files; they are built for the tests, not committed."""
    sys.path.insert(0, str(HERE))
    try:
        import hostile
    finally:
        sys.path.remove(str(HERE))
    return hostile.build(out, corpus / "title_block_unit_period.xlsx", corpus / "libreoffice.ods")


def main(argv: list[str]) -> None:
    if len(argv) > 2 and argv[1] == "--hostile":
        for path in build_hostile(Path(argv[2])):
            print(path.name)
        return
    out = Path(argv[1]) if len(argv) > 1 else HERE
    for path in build(out):
        print(path.name)


if __name__ == "__main__":
    main(sys.argv)
