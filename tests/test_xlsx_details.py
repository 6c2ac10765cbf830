"""The .xlsx details python-calamine does not give (cells in a legacy font, formulas without a stored
result) are gathered in the safety scan's one pass over each part (workbooks/xlsx_details.py); they
must be exactly what the ElementTree reading of each sheet gives (grid._read_xlsx_details, which
stays as the reference and the fallback).

Every .xlsx/.xlsm of the test corpora and the sample is read both ways and compared, and so are
workbooks made to be awkward: a default font that is a legacy one (cells without s=""), formulas
with entities, quotes and Vietnamese text, a sheet of several MB (cells cut between the scan's
64 KiB chunks), a formula after its value, a comment among the cells, a style that is no number.
"""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from hrplan.problems import HrplanError
from hrplan.workbooks import CheckedFile, check_file, read_workbook
from test_import_hostile import hostile  # noqa: F401  (fixture)
from test_messy_workbooks import corpus  # noqa: F401  (fixture)

REPO = Path(__file__).resolve().parents[1]


def _details_both_ways(path: Path) -> tuple[list, list, dict]:
    """Give each sheet's (name, fonts, formulas without value) read in the scan's pass and by ElementTree,
    and which worksheet parts the scan followed to the end."""
    checked, problems = check_file(path)
    assert checked is not None, problems
    scanned = read_workbook(path, checked=checked)
    by_tree = read_workbook(path, checked=CheckedFile(path, b"", None))  # no details: the ElementTree reading
    followed = {part: found.complete for part, found in checked.details.sheets.items()}
    return ([(s.name, s.fonts, s.formulas_without_value) for s in scanned.sheets],
            [(s.name, s.fonts, s.formulas_without_value) for s in by_tree.sheets], followed)


def _workbooks(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm"))


def test_every_corpus_workbook_has_the_same_details_both_ways(corpus, tmp_path):
    files = _workbooks(REPO / "tests" / "corpus") + _workbooks(REPO / "sample_data") + _workbooks(corpus)
    compared = with_details = 0
    for path in files:
        if check_file(path)[0] is None:
            continue  # refused before any reading (the hostile files): nothing to compare
        try:
            scanned, by_tree, followed = _details_both_ways(path)
        except HrplanError:  # the reader refuses it (a damaged sheet): refused the other way too
            with pytest.raises(HrplanError):
                read_workbook(path, checked=CheckedFile(path, b"", None))
            continue
        assert scanned == by_tree, path.name
        assert all(followed.values()), path.name  # no plain workbook needs the second reading
        compared += 1
        with_details += any(fonts or formulas for _, fonts, formulas in scanned)
    assert compared >= 60 and with_details >= 3  # the legacy-font and formula files among them


def _awkward_workbook(path: Path, rows: int = 30000, legacy: bool = True) -> None:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biểu 01"
    vni = Font(name="VNI-Times")
    for r in range(1, rows + 1):
        sheet.cell(r, 1, f"Chỉ tiêu {r}")
        sheet.cell(r, 2, r * 3)
        sheet.cell(r, 3, f"=B{r}+1")  # a formula without a stored result (openpyxl writes none)
        if r % 97 == 0:
            if legacy:
                sheet.cell(r, 1).font = vni
            sheet.cell(r, 4, '=IF(A1<>"Tổng & cộng",B1,"<không>")')
    second = book.create_sheet("Phụ lục")
    second["A1"] = "Tổng hợp"
    second["B2"] = "=SUM('Biểu 01'!B1:B10)"
    book.save(path)


def _rewrite(path: Path, out: Path, edit) -> None:
    """Copy a workbook with its parts edited by `edit(name, text) -> text`; every edit must change something."""
    edited = set()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith(".xml"):
                text = data.decode("utf-8")
                new = edit(info.filename, text)
                if new != text:
                    edited.add(info.filename)
                data = new.encode("utf-8")
            dst.writestr(info.filename, data)
    assert edited, "the edit changed nothing"


@pytest.fixture(scope="module")
def awkward(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("awkward")
    _awkward_workbook(out / "plain.xlsx")
    _awkward_workbook(out / "no_legacy_font.xlsx", rows=3000, legacy=False)  # only formulas are looked for
    return out


def test_a_large_sheet_with_formulas_and_legacy_fonts_has_the_same_details(awkward):
    scanned, by_tree, followed = _details_both_ways(awkward / "plain.xlsx")
    assert scanned == by_tree and all(followed.values())
    (_, fonts, formulas), (_, _, formulas2) = scanned
    assert len(formulas) > 30000 and formulas[(96, 3)] == '=IF(A1<>"Tổng & cộng",B1,"<không>")'
    assert set(fonts) == {(r - 1, 0) for r in range(97, 30001, 97)} and formulas2 == {(1, 1): "=SUM('Biểu 01'!B1:B10)"}


def _default_font_legacy(name: str, text: str) -> str:
    if name == "xl/styles.xml":  # the workbook's default font (xf 0) becomes .VnTime: cells without s="" use it
        return re.sub(r'(<fonts[^>]*>\s*<font>.*?<name val=")[^"]*(")', r"\1.VnTime\2", text, count=1, flags=re.S)
    return text


def _formula_after_value(name: str, text: str) -> str:
    if name.startswith("xl/worksheets/"):  # another writer's order: <v> (empty) before <f>
        return re.sub(r'<c r="C5"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>', r'<c r="C5"\1><v></v><f>\2</f></c>',
                      text, count=1)
    return text


def _comment_and_odd_style(name: str, text: str) -> str:
    if name == "xl/worksheets/sheet1.xml":
        assert '<c r="A10"' in text and '<c r="B20"' in text
        text = text.replace('<c r="A10"', '<!-- <c r="Z1" s="1"><f>1</f></c> --><c r="A10"', 1)
        return text.replace('<c r="B20"', '<c s=" 0 " r="B20"', 1)
    return text


@pytest.mark.parametrize("source, edit", [("plain", _default_font_legacy), ("plain", _formula_after_value),
                                          ("no_legacy_font", _formula_after_value), ("plain", _comment_and_odd_style),
                                          ("no_legacy_font", _comment_and_odd_style)])
def test_awkward_xml_has_the_same_details_either_way(awkward, tmp_path, source, edit):
    edited = tmp_path / f"{edit.__name__}.xlsx"
    _rewrite(awkward / f"{source}.xlsx", edited, edit)
    scanned, by_tree, _ = _details_both_ways(edited)
    assert scanned == by_tree
    if edit is _formula_after_value:
        assert scanned[0][2][(4, 2)] == "=B5+1"
    if edit is _default_font_legacy:  # every cell of the first sheet is in the legacy font now
        assert len(scanned[0][1]) >= 3 * 30000


def test_a_workbook_whose_parts_are_named_otherwise_falls_back_and_agrees(awkward, tmp_path):
    moved = tmp_path / "moved.xlsx"  # the first worksheet kept outside xl/worksheets/, as the relationships say

    def edit(name: str, text: str) -> str:
        return text.replace("worksheets/sheet1.xml", "sheets/first.xml") if name.endswith(".rels") or \
            name == "[Content_Types].xml" else text

    with zipfile.ZipFile(awkward / "plain.xlsx") as src, zipfile.ZipFile(moved, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                data = edit(info.filename, data.decode("utf-8")).encode("utf-8")
            dst.writestr("xl/sheets/first.xml" if info.filename == "xl/worksheets/sheet1.xml" else info.filename, data)
    scanned, by_tree, _ = _details_both_ways(moved)
    assert scanned == by_tree and len(scanned[0][2]) > 30000
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_the_one_pass_refuses_what_the_streaming_inspection_refuses(hostile, corpus):
    """The import now checks the bytes it read once (load_workbook_bytes); every hostile file is refused with
    the same problems as the streaming inspection gives, and every other file passes both."""
    from hrplan.workbooks.safety import inspect_workbook, load_workbook_bytes

    refused = 0
    for path in sorted(hostile.iterdir()) + _workbooks(REPO / "tests" / "corpus") + _workbooks(corpus):
        if not path.is_file():
            continue
        data, problems = load_workbook_bytes(path)
        assert problems == inspect_workbook(path), path.name
        assert (data is None) == bool(problems) and (data is None or data == path.read_bytes()), path.name
        refused += bool(problems)
    assert refused >= 10
