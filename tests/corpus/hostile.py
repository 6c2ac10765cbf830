"""Small reproducers of files that once took `hrplan import` down (issue #9), built from a good workbook.

Each builder takes a valid .xlsx (the corpus's title_block_unit_period.xlsx) and changes one
thing. `build_corpus.py --hostile OUT` (or `build_hostile(out)`) writes them; the tests import
each and expect a refusal with a reason (or an import), never an internal error or an abort.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Callable

ZIP_TIME = (2023, 7, 5, 8, 0, 0)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

HOSTILE: dict[str, Callable[[bytes], bytes]] = {}


def hostile(name: str) -> Callable:
    def register(fn: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
        HOSTILE[name] = fn
        return fn
    return register


def rezip(data: bytes, change: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """Give the zip with each member passed through change(name, bytes) (None drops it) and extra members added."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            part = change(info.filename, src.read(info))
            if part is not None:
                out.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), part, zipfile.ZIP_DEFLATED)
        for name, part in (extra or {}).items():
            out.writestr(zipfile.ZipInfo(name, ZIP_TIME), part, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _sheet(change: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda name, part: change(part) if name == "xl/worksheets/sheet1.xml" else part


def _set_cell(xml: bytes, ref: str, inline_text: str | None = None, number: str | None = None) -> bytes:
    """Give the sheet XML with cell `ref` replaced (or added to its row) by an inline string or a number."""
    cell = (f'<c r="{ref}" t="inlineStr"><is><t>{inline_text}</t></is></c>' if inline_text is not None
            else f'<c r="{ref}"><v>{number}</v></c>').encode()
    pattern = re.compile(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', re.S)
    if pattern.search(xml):
        return pattern.sub(lambda m: cell, xml, count=1)
    row = re.sub(r"\D", "", ref).encode()
    return re.sub(rb'(<row r="' + row + rb'"[^>]*>)', lambda m: m.group(1) + cell, xml, count=1)


@hostile("shared_strings_count_bomb.xlsx")
def _shared_strings_count_bomb(good: bytes) -> bytes:
    """A shared-strings table that declares 4,294,967,295 strings: the reader reserves 103 GB and aborts."""
    def change(name: str, part: bytes) -> bytes:
        if name == "xl/_rels/workbook.xml.rels":
            return part.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                                b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        if name == "[Content_Types].xml":
            return part.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        return part
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="4294967295" uniqueCount="4294967295">'
           '<si><t>x</t></si></sst>').encode()
    return rezip(good, change, {"xl/sharedStrings.xml": sst})


@hostile("huge_number.xlsx")
def _huge_number(good: bytes) -> bytes:
    """1e30 in an actual cell (E12): Decimal arithmetic fails from 1e28 on."""
    return rezip(good, _sheet(lambda xml: _set_cell(xml, "E12", number="1E+30")))


@hostile("huge_number_as_text.xlsx")
def _huge_number_as_text(good: bytes) -> bytes:
    """'99999999999999999999999999999' typed as text in an actual cell (E12)."""
    return rezip(good, _sheet(lambda xml: _set_cell(xml, "E12", inline_text="9" * 29)))


@hostile("markup_in_cell.xlsx")
def _markup_in_cell(good: bytes) -> bytes:
    """'[/b]' and an ESC sequence in a refused cell: the message quoting it must not break the terminal."""
    return rezip(good, _sheet(lambda xml: _set_cell(xml, "E12", inline_text="[/b][red]60\x1b[2J")))


@hostile("merge_whole_sheet.xlsx")
def _merge_whole_sheet(good: bytes) -> bytes:
    """A merge over the whole sheet (A1:XFD1048576): 17 billion cells from a few bytes."""
    def change(xml: bytes) -> bytes:
        merge = b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
        if b"<mergeCells" in xml:
            return re.sub(rb"<mergeCells.*?</mergeCells>", lambda m: merge, xml, count=1, flags=re.S)
        return xml.replace(b"</sheetData>", b"</sheetData>" + merge, 1)
    return rezip(good, _sheet(change))


@hostile("period_year_zero.xlsx")
def _period_year_zero(good: bytes) -> bytes:
    """The title says '6 THÁNG ĐẦU NĂM 0000' (a period of year 0)."""
    def change(name: str, part: bytes) -> bytes:
        if name.startswith("xl/") and name.endswith(".xml"):
            return re.sub(rb"(N\xc4\x82M |NAM |n\xc4\x83m )2023", rb"\g<1>0000", part)
        return part
    return rezip(good, change)


@hostile("ods_broken_content.ods")
def _ods_broken_content(good_ods: bytes) -> bytes:
    """An .ods whose content.xml is cut in the middle of a tag (malformed XML)."""
    return rezip(good_ods, lambda name, part: part[: len(part) // 2] + b"<table:table-row" if name == "content.xml" else part)


@hostile("ods_bad_repeat.ods")
def _ods_bad_repeat(good_ods: bytes) -> bytes:
    """An .ods whose repeat count is not a number."""
    return rezip(good_ods, lambda name, part: part.replace(b'number-columns-repeated="', b'number-columns-repeated="x', 1)
                 if name == "content.xml" else part)


def build(out: Path, good_xlsx: Path, good_ods: Path) -> list[Path]:
    """Write every hostile reproducer into `out`; give their paths."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for name, make in HOSTILE.items():
        base = good_ods if name.endswith(".ods") else good_xlsx
        path = out / name
        path.write_bytes(make(base.read_bytes()))
        made.append(path)
    return made
