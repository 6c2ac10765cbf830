"""A damaged .xls is refused from its sector chains before any reader follows them (issue #9: '.xls sector
chains are checked before anything is allocated for them'): a sector table larger than the file, a chain that
points outside the file or loops, a workbook stream longer than the file. Real .xls files (the corpus's, and one
saved by LibreOffice), damaged at the bytes a broken disk or a hostile sender would change."""
from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from hrplan.importer import Outcome, import_files
from hrplan.workbooks.safety.ole2_chains import check_chains

CORPUS = Path(__file__).resolve().parent / "corpus"
XLS = CORPUS / "old_format.xls"


@pytest.fixture
def messy_ws(tmp_path):
    from test_messy_workbooks import make_workspace

    return make_workspace(tmp_path / "ws")


def _damaged(tmp_path: Path, name: str, change) -> Path:
    data = bytearray(XLS.read_bytes())
    change(data)
    out = tmp_path / name
    out.write_bytes(bytes(data))
    return out


def _first_dir(data: bytearray) -> int:
    return struct.unpack_from("<I", data, 48)[0]


def _dir_loops(data: bytearray) -> None:
    first_fat = struct.unpack_from("<I", data, 76)[0]
    d = _first_dir(data)
    struct.pack_into("<I", data, (first_fat + 1) * 512 + 4 * d, d)  # the directory's next sector is itself


def _dir_outside(data: bytearray) -> None:
    struct.pack_into("<I", data, 48, 10_000_000)


def _fat_too_large(data: bytearray) -> None:
    struct.pack_into("<I", data, 44, 0x7FFFFFFF)


def _stream_longer_than_file(data: bytearray) -> None:
    d = _first_dir(data)
    base = (d + 1) * 512
    for off in range(base, base + 512, 128):  # the Workbook entry of the first directory sector
        if data[off:off + 16] == "Workbook".encode("utf-16-le"):
            struct.pack_into("<I", data, off + 120, 0x7FFFFFF0)
            return
    raise AssertionError("no Workbook entry in the first directory sector of the corpus file")


CASES = {
    "dir_loops.xls": (_dir_loops, "loops"),
    "dir_outside.xls": (_dir_outside, "points outside the file"),
    "fat_too_large.xls": (_fat_too_large, "larger than the file"),
    "stream_longer.xls": (_stream_longer_than_file, "claims"),
}


def test_each_broken_chain_is_refused_with_what_is_broken_and_the_good_file_imports(messy_ws, tmp_path):
    files = [_damaged(tmp_path, name, change) for name, (change, _) in CASES.items()]
    good = tmp_path / "old_format.xls"
    shutil.copy(XLS, good)
    results = {r.path.name: r for r in import_files(messy_ws, files + [good])}
    for name, (_, words) in CASES.items():
        result = results[name]
        assert result.outcome is Outcome.REJECTED, name
        codes = [p.code for p in result.problems]
        assert codes == ["file.unreadable"], (name, codes)
        assert words in str(result.problems[0].params), (name, result.problems[0].params)
    assert results["old_format.xls"].outcome is Outcome.IMPORTED


def test_files_saved_by_excel_writers_pass_the_chain_check(tmp_path):
    """The corpus's .xls files (xlwt) and one LibreOffice saves pass: the check refuses damage, not writers."""
    for path in CORPUS.glob("*.xls"):
        with path.open("rb") as fh:
            check_chains(fh, path.stat().st_size)
    soffice = shutil.which("soffice")
    if soffice is None:  # .ci/run installs LibreOffice; a developer machine needs it too
        pytest.fail("soffice is not installed (Debian: libreoffice-calc-nogui; .ci/run installs it)")
    src = tmp_path / "book.csv"
    src.write_text("STT,Chỉ tiêu,KH,TH\n1,Đào tạo,10,12\n", encoding="utf-8")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "xls",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    saved = tmp_path / "book.xls"
    with saved.open("rb") as fh:
        check_chains(fh, saved.stat().st_size)
