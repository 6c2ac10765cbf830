"""Tests for the pre-flight workbook inspection (hrplan.file_safety).

Every file is built for real in tmp_path: workbooks written by openpyxl, xlwt and odfpy, and
hostile or broken ones made from them with zipfile (bombs are written streaming, so the tests
stay fast and light).
"""
from __future__ import annotations

import random
import re
import struct
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import openpyxl
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import P
from python_calamine import CalamineWorkbook

from hrplan.workbooks.safety import ReadLimits, inspect_workbook, sniff_kind
from hrplan.messages import MESSAGES, render
from hrplan.problems import Problem, Severity

SHEET = "xl/worksheets/sheet1.xml"
NEW_CODES = (
    "file.too_large",
    "file.unpacked_too_large",
    "file.zip_bomb",
    "file.too_many_parts",
    "file.xml_entities",
    "file.too_many_rows",
)
MB = 1024 * 1024


# -- builders ----------------------------------------------------------------------------------


def make_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    ws.append(["Chỉ tiêu", "Kế hoạch", "Thực hiện"])
    ws.append(["Tuyển dụng công chức", 120, 97])
    ws.append(["Đào tạo, bồi dưỡng", 300, 312.5])
    wb.save(path)
    return path


def make_xls(path: Path) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Báo cáo")
    for r, row in enumerate([["Chỉ tiêu", "Kế hoạch", "Thực hiện"], ["Tuyển dụng công chức", 120, 97]]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(path))
    return path


def make_ods(path: Path) -> Path:
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Báo cáo")
    for row_values in (["Chỉ tiêu", "Kế hoạch"], ["Tuyển dụng công chức", 120]):
        row = TableRow()
        for value in row_values:
            if isinstance(value, str):
                cell = TableCell(valuetype="string")
            else:
                cell = TableCell(valuetype="float", value=str(value))
            cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def rewrite_zip(
    src: Path,
    dst: Path,
    replace: dict[str, bytes] | None = None,
    rename: dict[str, str] | None = None,
    add: dict[str, bytes] | None = None,
) -> Path:
    """Copy a zip member by member, replacing, renaming or adding members."""
    replace, rename, add = replace or {}, rename or {}, add or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, zin.read(info))
            zout.writestr(rename.get(info.filename, info.filename), data)
        for name, data in add.items():
            zout.writestr(name, data)
    return dst


SST_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" />'
)
SST_REL = (
    b'<Relationship Id="rIdSst" Target="sharedStrings.xml" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" />'
)
SIMPLE_SST = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>Chỉ tiêu (chung)</t></si></sst>'
).encode()


def with_shared_strings(src: Path, dst: Path, sst: bytes) -> Path:
    """Give the openpyxl workbook (which writes inline strings) a shared-strings part, as
    Excel writes it, with cell A1 pointing at its first string."""
    with zipfile.ZipFile(src) as zf:
        types = zf.read("[Content_Types].xml").replace(b"</Types>", SST_TYPE + b"</Types>")
        rels = zf.read("xl/_rels/workbook.xml.rels").replace(b"</Relationships>", SST_REL + b"</Relationships>")
        sheet, n = re.subn(rb'<c r="A1" t="inlineStr"><is><t>[^<]*</t></is></c>', b'<c r="A1" t="s"><v>0</v></c>', zf.read(SHEET))
    assert n == 1 and SST_TYPE in types and SST_REL in rels
    return rewrite_zip(
        src,
        dst,
        replace={"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels, SHEET: sheet},
        add={"xl/sharedStrings.xml": sst},
    )


def sheet_xml(src: Path) -> bytes:
    with zipfile.ZipFile(src) as zf:
        return zf.read(SHEET)


def write_streamed_member(zf: zipfile.ZipFile, name: str, prefix: bytes, zeros: int) -> None:
    """Write a member of `prefix` + `zeros` zero bytes, 1 MB at a time (never held whole)."""
    with zf.open(name, "w") as out:  # packed with the archive's method and level
        out.write(prefix)
        block = bytes(MB)
        left = zeros
        while left:
            out.write(block[: min(MB, left)])
            left -= min(MB, left)


def patch_declared_size(path: Path, name: str, new_size: int) -> None:
    """Make a member lie about its unpacked size (central directory and local header)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == encoded:
            struct.pack_into("<I", data, pos + 24, new_size)
            local = struct.unpack_from("<I", data, pos + 42)[0]
            struct.pack_into("<I", data, local + 22, new_size)
        pos += 4
    path.write_bytes(bytes(data))


def set_encrypted_flag(path: Path) -> None:
    """Mark every member as (traditionally) encrypted in the central directory."""
    data = bytearray(path.read_bytes())
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        flags = struct.unpack_from("<H", data, pos + 8)[0]
        struct.pack_into("<H", data, pos + 8, flags | 0x1)
        pos += 4
    path.write_bytes(bytes(data))


def fake_ole(path: Path, stream_names: list[str]) -> Path:
    """A minimal OLE2 compound file: the 512-byte header, one directory sector and one FAT sector.

    Its streams are empty; it has the magic bytes, a FAT whose chains hold, and 128-byte directory
    entries with UTF-16LE names, which is all the inspection looks at. A real password-protected
    xlsx is such a file holding an "EncryptedPackage" stream.
    """
    header = bytearray(512)
    header[:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)  # minor, major, byte order, 2^9
    struct.pack_into("<II", header, 44, 1, 0)  # one FAT sector; the directory starts at sector 0
    struct.pack_into("<III", header, 60, 0xFFFFFFFE, 0, 0xFFFFFFFE)  # no mini FAT, no DIFAT sector
    struct.pack_into("<109I", header, 76, 1, *([0xFFFFFFFF] * 108))  # the FAT is sector 1
    directory = bytearray(512)
    entries = [("Root Entry", 5)] + [(name, 2) for name in stream_names]
    for i, (name, kind) in enumerate(entries):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        directory[128 * i : 128 * i + len(encoded)] = encoded
        struct.pack_into("<HB", directory, 128 * i + 64, len(encoded), kind)
        struct.pack_into("<II", directory, 128 * i + 116, 0xFFFFFFFE, 0)  # an empty stream
    fat = bytearray(struct.pack("<128I", *([0xFFFFFFFF] * 128)))
    struct.pack_into("<II", fat, 0, 0xFFFFFFFE, 0xFFFFFFFD)  # the directory ends at once; sector 1 is the FAT
    path.write_bytes(bytes(header) + bytes(directory) + bytes(fat))
    return path


# -- helpers -----------------------------------------------------------------------------------


def only_problem(path: Path, limits: ReadLimits | None = None) -> Problem:
    problems = inspect_workbook(path, limits)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.severity is Severity.ERROR
    assert problem.location.file == str(path)
    for lang in ("vi", "en"):  # every parameter the message needs is there
        text = render(problem.code, lang, **problem.params)
        assert "{" not in text and "}" not in text, text
    return problem


def calamine_rows(path: Path) -> list[list[object]]:
    wb = CalamineWorkbook.from_path(str(path))
    return wb.get_sheet_by_index(0).to_python()


# -- files that pass ---------------------------------------------------------------------------


def test_normal_xlsx_passes_and_opens(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "bao_cao.xlsx")
    assert inspect_workbook(path) == []
    rows = calamine_rows(path)
    assert rows[0] == ["Chỉ tiêu", "Kế hoạch", "Thực hiện"]
    assert rows[2][2] == 312.5


def test_normal_xls_passes_and_opens(tmp_path: Path) -> None:
    path = make_xls(tmp_path / "bao_cao.xls")
    assert sniff_kind(path.read_bytes()[:8]) == "ole2"
    assert inspect_workbook(path) == []
    assert calamine_rows(path)[1] == ["Tuyển dụng công chức", 120.0, 97.0]


def test_normal_ods_passes_and_opens(tmp_path: Path) -> None:
    path = make_ods(tmp_path / "bao_cao.ods")
    assert inspect_workbook(path) == []
    assert calamine_rows(path)[1] == ["Tuyển dụng công chức", 120.0]


def test_xlsx_with_shared_strings_passes_and_opens(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "src.xlsx")
    path = with_shared_strings(src, tmp_path / "sst.xlsx", SIMPLE_SST)
    assert inspect_workbook(path) == []
    assert calamine_rows(path)[0][0] == "Chỉ tiêu (chung)"


def test_sheet_found_through_workbook_rels_passes_and_opens(tmp_path: Path) -> None:
    # a sheet outside xl/worksheets/ is found through xl/_rels/workbook.xml.rels, as
    # python-calamine finds it
    src = make_xlsx(tmp_path / "src.xlsx")
    path = _moved_sheet(src, tmp_path / "moved.xlsx", sheet_xml(src))
    assert inspect_workbook(path) == []
    assert calamine_rows(path)[1][0] == "Tuyển dụng công chức"


def _moved_sheet(src: Path, dst: Path, new_sheet: bytes) -> Path:
    with zipfile.ZipFile(src) as zf:
        rels = zf.read("xl/_rels/workbook.xml.rels").replace(b"worksheets/sheet1.xml", b"data/tbl.xml")
        types = zf.read("[Content_Types].xml").replace(b"/xl/worksheets/sheet1.xml", b"/xl/data/tbl.xml")
    return rewrite_zip(
        src,
        dst,
        replace={"xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types, SHEET: new_sheet},
        rename={SHEET: "xl/data/tbl.xml"},
    )


def test_extension_does_not_decide_the_kind(tmp_path: Path) -> None:
    # an xlsx renamed .xls is still inspected as the ZIP it is, and passes
    path = tmp_path / "renamed.xls"
    path.write_bytes(make_xlsx(tmp_path / "a.xlsx").read_bytes())
    assert inspect_workbook(path) == []


# -- missing, too large, not a workbook --------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "khong_co.xlsx"
    problem = only_problem(path)
    assert problem.code == "file.not_found"
    assert problem.params == {"path": str(path)}


def test_folder_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "folder.xlsx"
    path.mkdir()
    assert only_problem(path).code == "file.unreadable"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "a.xlsx")
    problem = only_problem(path, ReadLimits(max_file_bytes=1000))
    assert problem.code == "file.too_large"
    assert problem.params["limit_bytes"] == 1000


@pytest.mark.parametrize(
    ("name", "content", "found", "found_vi"),
    [
        ("empty.xlsx", b"", "an empty file", "tệp rỗng"),
        ("web.xls", b"<html><head><meta charset='utf-8'></head><body><table><tr><td>1</td></tr></table></body></html>", "HTML",
         "một trang HTML"),
        ("web2.xls", b"\xef\xbb\xbf\r\n<!DOCTYPE html>\n<html lang='vi'>", "HTML", "một trang HTML"),
        ("scan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF", "một tài liệu PDF"),
        ("data.xls", "Chỉ tiêu;Kế hoạch;Thực hiện\nTuyển dụng;120;97\n".encode(), "text", "văn bản thuần (có thể là CSV)"),
        ("old.xls", b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">', "Excel 2003 XML",
         "bảng tính Excel 2003 XML"),
        ("bundle.xlsx", b"Rar!\x1a\x07\x01\x00" + bytes(100), "RAR", "tệp nén RAR (hãy giải nén"),
    ],
)
def test_not_a_workbook(tmp_path: Path, name: str, content: bytes, found: str, found_vi: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    problem = only_problem(path)
    assert problem.code == "file.unreadable"
    assert found in problem.params["found"] and found in problem.message("en")
    vi = problem.message("vi")  # what the file is, said in Vietnamese too
    assert found_vi in vi and problem.params["found"] not in vi


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    rng = random.Random(20230630)
    content = b"\x00\x13" + bytes(rng.getrandbits(8) for _ in range(20_000))
    path = tmp_path / "random.xlsx"
    path.write_bytes(content)
    problem = only_problem(path)
    assert problem.code == "file.unreadable"
    assert problem.params["found"] == "an unknown binary format"
    assert "một định dạng nhị phân không rõ" in problem.message("vi")


def test_truncated_xlsx(tmp_path: Path) -> None:
    whole = make_xlsx(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    problem = only_problem(path)
    assert problem.code == "file.unreadable"
    assert "ZIP" in problem.params["found"]
    with pytest.raises(Exception):  # python-calamine cannot open it either
        calamine_rows(path)


def test_damaged_compressed_data(tmp_path: Path) -> None:
    # the central directory is intact but the sheet's packed bytes are garbled: caught while
    # streaming (zlib error or CRC mismatch)
    src = make_xlsx(tmp_path / "a.xlsx")
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(SHEET)
    data = bytearray(src.read_bytes())
    start = info.header_offset + 30 + len(SHEET)
    for i in range(start + 10, start + info.compress_size - 4):
        data[i] ^= 0x5A
    path = tmp_path / "garbled.xlsx"
    path.write_bytes(bytes(data))
    assert only_problem(path).code == "file.unreadable"


def test_word_document_in_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    problem = only_problem(path)
    assert problem.code == "file.unreadable"
    assert "Word" in problem.params["found"]


def test_odf_text_document_is_not_a_spreadsheet(tmp_path: Path) -> None:
    doc = OpenDocumentText()
    doc.text.addElement(P(text="Báo cáo"))
    path = tmp_path / "report.ods"
    doc.save(str(path))
    problem = only_problem(path)
    assert problem.code == "file.unreadable"
    assert "not a spreadsheet" in problem.params["found"]


def test_xlsb_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "binary.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    problem = only_problem(path)
    assert problem.code == "file.unsupported_type"
    assert problem.params == {"found": ".xlsb"}


# -- password protection -----------------------------------------------------------------------


def test_ole_with_encrypted_package_is_password_protected(tmp_path: Path) -> None:
    # faked: a minimal OLE header plus directory entries (see fake_ole), like the OLE container
    # Excel writes around a password-protected xlsx
    path = fake_ole(tmp_path / "mat_khau.xlsx", ["\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"])
    problem = only_problem(path)
    assert problem.code == "file.password"
    assert problem.params == {}


def test_ole_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = fake_ole(tmp_path / "letter.xls", ["WordDocument", "1Table"])
    problem = only_problem(path)
    assert problem.code == "file.unreadable"
    assert "not an Excel workbook" in problem.params["found"]


def test_ole_name_elsewhere_in_the_file_is_not_an_entry(tmp_path: Path) -> None:
    # the UTF-16LE name at an offset that is not a directory entry does not count
    path = fake_ole(tmp_path / "a.xls", ["Workbook"])
    path.write_bytes(path.read_bytes() + b"\x00" * 7 + "EncryptedPackage".encode("utf-16-le") + b"\x00\x00" + bytes(200))
    assert inspect_workbook(path) == []


def test_zip_with_encrypted_members(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(make_xlsx(tmp_path / "a.xlsx").read_bytes())
    set_encrypted_flag(path)
    assert only_problem(path).code == "file.password"


# -- ZIP limits and bombs ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An xlsx whose sheet is 200 MB of zeros packed into ~200 KB, written streaming."""
    src = make_xlsx(tmp_path_factory.mktemp("bomb") / "src.xlsx")
    path = src.with_name("bomb.xlsx")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            if info.filename == SHEET:
                continue
            zout.writestr(info.filename, zin.read(info))
        write_streamed_member(zout, SHEET, b'<?xml version="1.0"?><worksheet><sheetData>', 200 * MB)
    return path


def test_zip_bomb_is_refused_from_the_central_directory(zip_bomb: Path) -> None:
    assert zip_bomb.stat().st_size < 1 * MB
    problem = only_problem(zip_bomb)
    assert problem.code == "file.zip_bomb"
    assert problem.params["part"] == SHEET
    assert problem.params["ratio"] > 200


def test_zip_bomb_check_uses_bounded_memory(zip_bomb: Path) -> None:
    # The refusal comes from the sizes in the central directory; nothing is unpacked. Whatever
    # is unpacked elsewhere goes through 64 KB chunks, so the peak stays far below the 200 MB.
    tracemalloc.start()
    try:
        problems = inspect_workbook(zip_bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.code for p in problems] == ["file.zip_bomb"]
    assert peak < 4 * MB


def test_zip_bomb_in_a_part_calamine_never_reads(tmp_path: Path) -> None:
    # the ratio applies to every member: a hostile file is refused whole
    path = tmp_path / "picture_bomb.xlsx"
    src = make_xlsx(tmp_path / "a.xlsx")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        write_streamed_member(zout, "xl/media/image1.png", b"", 20 * MB)
    problem = only_problem(path)
    assert problem.code == "file.zip_bomb"
    assert problem.params["part"] == "xl/media/image1.png"


@pytest.fixture
def lying_bomb(tmp_path: Path) -> Path:
    """A sheet of 50 MB that declares only 900 KB: the declared sizes pass every limit."""
    src = make_xlsx(tmp_path / "src.xlsx")
    path = tmp_path / "liar.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != SHEET:
                zout.writestr(info.filename, zin.read(info))
        write_streamed_member(zout, SHEET, b'<?xml version="1.0"?><worksheet><sheetData>', 50 * MB)
    patch_declared_size(path, SHEET, 900 * 1024)
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo(SHEET).file_size == 900 * 1024
    return path


def test_declared_sizes_are_not_trusted(lying_bomb: Path) -> None:
    tracemalloc.start()
    try:
        problems = inspect_workbook(lying_bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.code for p in problems] == ["file.unreadable"]
    assert "more than" in problems[0].params["found"]
    # the read stopped just past the declared 900 KB, a chunk at a time
    assert peak < 4 * MB


def test_too_many_zip_members(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "a.xlsx")
    problem = only_problem(path, ReadLimits(max_zip_members=3))
    assert problem.code == "file.too_many_parts"
    assert problem.params["limit"] == 3
    assert problem.params["found"] > 3


def test_declared_total_over_the_limit(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "a.xlsx")
    problem = only_problem(path, ReadLimits(max_uncompressed_bytes=1000))
    assert problem.code == "file.unpacked_too_large"
    assert problem.params["limit_bytes"] == 1000


# -- XML entities ------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"""


def test_billion_laughs_in_shared_strings(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "a.xlsx")
    path = with_shared_strings(src, tmp_path / "lol.xlsx", BILLION_LAUGHS)
    problem = only_problem(path)
    assert problem.code == "file.xml_entities"
    assert problem.params == {"part": "xl/sharedStrings.xml", "found": "<!DOCTYPE"}


@pytest.mark.parametrize(
    ("part", "content"),
    [
        ("xl/workbook.xml", XXE),
        ("[Content_Types].xml", b'<?xml version="1.0"?><!DOCTYPE Types SYSTEM "http://evil/x.dtd"><Types/>'),
        (SHEET, b'<?xml version="1.0"?>\n<!-- c -->\n<!ENTITY a "b"><worksheet/>'),
        ("xl/sharedStrings.xml", BILLION_LAUGHS.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")),
    ],
    ids=["xxe-workbook", "content-types", "sheet-entity", "utf16-shared-strings"],
)
def test_entity_declarations_in_parts_that_matter(tmp_path: Path, part: str, content: bytes) -> None:
    src = make_xlsx(tmp_path / "a.xlsx")
    if part == "xl/sharedStrings.xml":
        path = with_shared_strings(src, tmp_path / "evil.xlsx", content)
    else:
        path = rewrite_zip(src, tmp_path / "evil.xlsx", replace={part: content})
    problem = only_problem(path)
    assert problem.code == "file.xml_entities"
    assert problem.params["part"] == part


def test_doctype_in_ods_content(tmp_path: Path) -> None:
    src = make_ods(tmp_path / "a.ods")
    path = rewrite_zip(src, tmp_path / "evil.ods", replace={"content.xml": XXE})
    problem = only_problem(path)
    assert problem.code == "file.xml_entities"
    assert problem.params["part"] == "content.xml"


def test_the_word_doctype_inside_data_is_fine(tmp_path: Path) -> None:
    # only the prolog counts: text after the root element is data
    wb = openpyxl.Workbook()
    wb.active.append(["<!DOCTYPE html> và <!ENTITY> chỉ là chữ"])
    path = tmp_path / "text.xlsx"
    wb.save(path)
    assert inspect_workbook(path) == []


# -- rows and columns --------------------------------------------------------------------------


def _with_dimension(src: Path, dst: Path, ref: str) -> Path:
    xml = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), sheet_xml(src))
    assert ref.encode() in xml
    return rewrite_zip(src, dst, replace={SHEET: xml})


def test_dimension_claims_two_million_rows(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "a.xlsx")
    path = _with_dimension(src, tmp_path / "tall.xlsx", "A1:Z2000000")
    problem = only_problem(path)
    assert problem.code == "file.too_many_rows"
    assert problem.params["part"] == SHEET
    assert (problem.params["rows"], problem.params["columns"]) == (2_000_000, 26)
    assert problem.params["ref"] == "Z2000000"
    assert SHEET in problem.message("en") and SHEET in problem.message("vi")


def test_dimension_claims_whole_sheet(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "a.xlsx")
    path = _with_dimension(src, tmp_path / "wide.xlsx", "A1:XFD1048576")
    problem = only_problem(path)
    assert problem.code == "file.too_many_rows"
    assert problem.params["columns"] == 16384


def test_too_many_columns_only(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "a.xlsx")
    path = _with_dimension(src, tmp_path / "wide.xlsx", "A1:AMA3")  # column 1015
    problem = only_problem(path)
    assert problem.code == "file.too_many_rows"
    assert (problem.params["rows"], problem.params["columns"]) == (3, 1015)


def test_dimension_within_limits_passes(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "a.xlsx")
    path = _with_dimension(src, tmp_path / "ok.xlsx", "A1:ALL100000")  # exactly at the limits
    assert inspect_workbook(path) == []


def test_lying_dimension_is_caught_by_cell_references(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "a.xlsx")
    far = b'<row r="2000000"><c r="C2000000"><v>1</v></c></row></sheetData>'
    xml = sheet_xml(src).replace(b"</sheetData>", far)
    path = rewrite_zip(src, tmp_path / "sparse.xlsx", replace={SHEET: xml})
    problem = only_problem(path)
    assert problem.code == "file.too_many_rows"
    assert problem.params["rows"] == 2_000_000


def test_far_column_without_dimension(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "a.xlsx")
    xml = re.sub(rb"<dimension[^>]*/>", b"", sheet_xml(src))
    xml = xml.replace(b"</sheetData>", b'<row r="4"><c r="XFD4"><v>1</v></c></row></sheetData>')
    path = rewrite_zip(src, tmp_path / "far.xlsx", replace={SHEET: xml})
    problem = only_problem(path)
    assert problem.code == "file.too_many_rows"
    assert problem.params["columns"] == 16384


def test_rows_without_references_are_counted(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "a.xlsx")
    rows = b"<row><c><v>1</v></c></row>" * 60
    xml = sheet_xml(src).replace(b"</sheetData>", rows + b"</sheetData>")
    path = rewrite_zip(src, tmp_path / "implicit.xlsx", replace={SHEET: xml})
    assert inspect_workbook(path) == []
    problem = only_problem(path, ReadLimits(max_rows=50))
    assert problem.code == "file.too_many_rows"


def test_sheet_outside_worksheets_folder_is_checked(tmp_path: Path) -> None:
    src = make_xlsx(tmp_path / "src.xlsx")
    xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B5000000"', sheet_xml(src))
    path = _moved_sheet(src, tmp_path / "moved.xlsx", xml)
    problem = only_problem(path)
    assert problem.code == "file.too_many_rows"
    assert problem.params["part"] == "xl/data/tbl.xml"


def test_big_honest_sheet_passes(tmp_path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Dữ liệu")
    for i in range(5000):
        ws.append([f"Đơn vị {i}", i, i * 1.5, "ghi chú"])
    path = tmp_path / "big.xlsx"
    wb.save(path)
    assert inspect_workbook(path) == []
    assert len(calamine_rows(path)) == 5000
    assert only_problem(path, ReadLimits(max_rows=4000)).code == "file.too_many_rows"


# -- the catalogue -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", NEW_CODES + ("file.unreadable", "file.password", "file.not_found"))
def test_codes_are_in_the_catalogue(code: str) -> None:
    vi, en = MESSAGES[code]
    assert vi and en and vi != en


def test_read_limits_validate() -> None:
    assert ReadLimits().max_rows == 100_000
    with pytest.raises(ValueError):
        ReadLimits(max_rows=0)
    with pytest.raises(ValueError):
        ReadLimits(max_row=10)  # a misspelt key is an error, not silently ignored


BUILDERS: dict[str, Callable[[Path], Path]] = {"xlsx": make_xlsx, "xls": make_xls, "ods": make_ods}


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_default_limits_argument(tmp_path: Path, kind: str) -> None:
    path = BUILDERS[kind](tmp_path / f"a.{kind}")
    assert inspect_workbook(path, None) == inspect_workbook(path, ReadLimits()) == []


# -- dense-area bombs: few bytes, each row and column within its limit, but rows x columns huge --
def _ods_with_repeats(path: Path, rows: int, columns: int, content: bool = True) -> Path:
    cell = ('<table:table-cell table:number-columns-repeated="%d" office:value-type="string"><text:p>x</text:p>'
            "</table:table-cell>" % columns) if content else (
            '<table:table-cell table:number-columns-repeated="%d"/>' % columns)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
           'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
           '<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string">'
           "<text:p>head</text:p></table:table-cell></table:table-row>"
           '<table:table-row table:number-rows-repeated="%d">%s</table:table-row>'
           "</table:table></office:spreadsheet></office:body></office:document-content>" % (rows, cell))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", xml)
    return path


def test_ods_repeat_bomb_is_refused_before_the_reader_expands_it(tmp_path: Path):
    bomb = _ods_with_repeats(tmp_path / "repeat.ods", rows=90_000, columns=1_000)
    assert bomb.stat().st_size < 2_000
    assert [p.code for p in inspect_workbook(bomb)] == ["file.too_many_cells"]


def test_ods_trailing_empty_repeats_written_by_libreoffice_are_fine(tmp_path: Path):
    normal = _ods_with_repeats(tmp_path / "normal.ods", rows=1_048_000, columns=1_024, content=False)
    assert inspect_workbook(normal) == []


def test_xlsx_with_two_far_apart_cells_is_refused(tmp_path: Path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Nội dung"
    wb.active["ALL99999"] = 1  # row 99,999 and column 1,000 are each within their own limit
    path = tmp_path / "far.xlsx"
    wb.save(path)
    assert [p.code for p in inspect_workbook(path)] == ["file.too_many_cells"]


def test_an_xls_with_one_far_cell_is_refused_by_the_reader_with_its_cell(tmp_path: Path):
    # .xls sheet sizes are not inspected before opening; the reader checks the grid it would fill.
    from hrplan.problems import HrplanError
    from hrplan.workbooks.grid import read_workbook

    book = xlwt.Workbook()
    sheet = book.add_sheet("BC")
    sheet.write(0, 0, "Nội dung")
    sheet.write(60_000, 200, 1)  # row 60,001 and column GS: each within limits, 12 million cells together
    path = tmp_path / "far.xls"
    book.save(str(path))
    assert inspect_workbook(path) == []
    with pytest.raises(HrplanError) as exc:
        read_workbook(path)
    (problem,) = exc.value.problems
    assert problem.code == "file.too_many_cells"
    assert problem.params["ref"] == "GS60001"
    assert "GS60001" in problem.message("vi") and "?" not in problem.message("en")
