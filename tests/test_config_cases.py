"""Config mistakes are clear errors with file and line, never exit 70: targets CSVs as Vietnamese
Windows Excel saves them, decimal commas, folders where files should be, a deep units chain,
deep or alias-bombed YAML. Real files in a real workspace, through the real CLI."""
from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

from hrplan.workspace import Workspace

CSV = "indicator,unit,period,value\nDT-GD,SGDDT,,6\nDT-YT,SYT,,25\nDT-YT,TPCB,,8\n"


def _targets(ws: Workspace) -> dict[tuple[str, str | None], Decimal]:
    program = Workspace(ws.root).program("12-CTr/TU")
    return {(t.indicator, t.unit): t.value for t in program.targets if t.source and "csv" in t.source}


def _cp1258(text: str) -> bytes:
    """Give text as Vietnamese Windows saves it (cp1258): letters like 'ơ' precomposed, tones as combining marks."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def _set_csv(ws: Workspace, data: bytes) -> None:
    (ws.programs_dir / "12-CTr-TU_targets.csv").write_bytes(data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_a_targets_csv_in_any_encoding_excel_writes_is_read(sample_ws, encoding):
    _set_csv(sample_ws, _cp1258(CSV) if encoding == "cp1258" else CSV.encode(encoding))
    assert _targets(sample_ws)[("DT-YT", "SYT")] == Decimal(25)


def test_a_cp1258_csv_with_vietnamese_text_is_decoded(sample_ws, run):
    # Vietnamese in the file: an unknown unit name shows decoded in the error, not mojibake
    _set_csv(sample_ws, _cp1258(CSV + "DT-YT,Sở Y tế lạ,,3\n"))
    result = run("status", workspace=sample_ws, lang="en")
    assert result.exit_code == 2, result.output
    assert "Sở Y tế lạ" in result.output


def test_a_semicolon_csv_reads_decimal_commas_as_decimals(sample_ws):
    _set_csv(sample_ws, "indicator;unit;period;value\nDT-YT;SYT;;6,5\n".encode("utf-8"))
    assert _targets(sample_ws)[("DT-YT", "SYT")] == Decimal("6.5")


def test_an_unquoted_decimal_comma_is_refused_at_its_line_never_read_as_6(sample_ws, run):
    _set_csv(sample_ws, (CSV + "DT-GD,TPCB,,6,5\n").encode())
    result = run("status", workspace=sample_ws, lang="en")
    assert result.exit_code == 2, result.output
    assert "line 5" in result.output and "5 left over" in result.output and 'quoted ("6,5")' in result.output


def test_a_huge_csv_field_is_a_clear_error(sample_ws, run):
    _set_csv(sample_ws, (CSV + "DT-GD,TPCB,," + "9" * 140_000 + "\n").encode())
    result = run("status", workspace=sample_ws, lang="en")
    assert result.exit_code == 2, result.output
    assert "targets.invalid" in result.output and "line 5" in result.output


def test_a_targets_path_or_program_file_that_is_a_folder_is_a_clear_error(sample_ws, run):
    (sample_ws.programs_dir / "12-CTr-TU_targets.csv").unlink()
    (sample_ws.programs_dir / "12-CTr-TU_targets.csv").mkdir()
    (sample_ws.programs_dir / "thu-muc.yaml").mkdir()
    result = run("status", workspace=sample_ws, lang="en")
    assert result.exit_code == 2, result.output
    assert result.output.count("a folder, not a file") == 2


def test_a_units_chain_1500_deep_loads(sample_ws, run):
    lines = ["units:", "  - {code: U0, name: Gốc}"]
    lines += [f"  - {{code: U{i}, name: Đơn vị {i}, parent: U{i - 1}}}" for i in range(1, 1500)]
    units = sample_ws.units_file.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines[1:]) + "\n"
    sample_ws.units_file.write_text(units, encoding="utf-8")
    ws = Workspace(sample_ws.root)
    assert len(ws.units.descendants("U0")) == 1499
    assert ws.units.is_under("U1499", "U0")
    assert run("status", workspace=sample_ws).exit_code == 0


def test_yaml_nested_5000_deep_or_an_alias_bomb_is_refused_quickly(sample_ws, run):
    program = sample_ws.programs_dir / "xx.yaml"
    program.write_text("code: XX\nextra: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = run("status", workspace=sample_ws, lang="en")
    assert result.exit_code == 2 and "nested more than" in result.output and "line 2" in result.output
    levels = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    levels += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    program.write_text("code: XX\n" + "\n".join(levels) + "\n", encoding="utf-8")
    result = run("status", workspace=sample_ws, lang="en")
    assert result.exit_code == 2 and "aliases that expand" in result.output
