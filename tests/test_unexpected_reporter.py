"""A unit outside the program's `reporters` that sends anyway: stored and counted, but said everywhere.

The tester's case: program 25-CTr/TU names four Party committees as reporters; the Department of Home Affairs
(not one of them) sent 40/50 for Q4 through `consolidate`; the province's planning ratio became 190/148 = 1,28
(140/108 = 1,30 before), `check -u SNV` said nothing, `status` listed five units. Its figures are real: it is
stored and counted, and import, `check` and the report's coverage line name it.
"""
from __future__ import annotations

import json

from quarterly import PROGRAM, UNITS, filled_template, make_workspace, send

OUTSIDER = UNITS + "  - {code: F, name: Sở Phúc, parent: P}\n"


def _province_dt(run, ws, tmp_path, lang: str = "vi") -> tuple[dict, dict]:
    out = tmp_path / f"r-{lang}.json"
    result = run("report", "-p", "Q-01/KH", "--period", "2024-Q3", "-f", "json", "-o", out, workspace=ws, lang=lang)
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    row = next(r for r in report["summary"] if r["indicator"] == "DT" and r["unit"] == "P")
    return report["coverage"], row


def test_a_unit_outside_the_reporters_is_stored_counted_and_named(tmp_path, run):
    ws = make_workspace(tmp_path / "ws", PROGRAM, OUTSIDER)  # reporters: [A, B, C, D, E]
    for unit in "ABCDE":
        send(ws, filled_template(ws, unit, "2024-Q3", {"DT": (10, 8)}))
    (result,) = send(ws, filled_template(ws, "F", "2024-Q3", {"DT": (50, 40)}))
    assert result.outcome.value == "imported"  # its figures are real: stored
    (warning,) = [p for p in result.problems if p.code == "submission.unexpected_reporter"]
    assert warning.severity.value == "warning" and warning.location.cell == "D9"
    assert warning.message("vi").startswith("Đơn vị Sở Phúc (F) không thuộc các đơn vị báo cáo của chương trình "
                                            "Q-01/KH (reporters: A, B, C, D, E).")
    assert "add F to reporters: in the program file" in warning.message("en")
    findings = json.loads(run("check", "-p", "Q-01/KH", "--period", "2024-Q3", "-u", "F", "-f", "json",
                              "--fail-on", "never", workspace=ws).stdout)["findings"]
    (found,) = [f for f in findings if f["code"] == "check.unexpected_reporter"]
    assert (found["severity"], found["unit"]) == ("warning", "F")
    assert "Sở Phúc (F) có báo cáo quý III/2024 (tệp Q-01-KH_F_2024-Q3.xlsx)" in found["message"]
    coverage, row = _province_dt(run, ws, tmp_path)
    assert row["actual"] == 80  # counted: 5 x 8 + 40
    assert coverage["unexpected"] == ["F"]
    assert ("Số liệu có tính cả báo cáo của Sở Phúc, không thuộc các đơn vị báo cáo của chương trình (Sở An, Sở "
            "Bình, Sở Công, Sở Đức, Sở Én).") in coverage["text"]
    coverage, _ = _province_dt(run, ws, tmp_path, "en")
    assert "The figures include the reports of Sở Phúc, which are not among the program's reporters" in coverage["text"]


def test_a_program_without_reporters_takes_any_unit_of_its_scope_as_before(tmp_path, run):
    ws = make_workspace(tmp_path / "ws", PROGRAM.replace("reporters: [A, B, C, D, E]\n", ""), OUTSIDER)
    (result,) = send(ws, filled_template(ws, "F", "2024-Q3", {"DT": (50, 40)}))
    assert result.outcome.value == "imported" and not result.problems
    findings = json.loads(run("check", "-p", "Q-01/KH", "--period", "2024-Q3", "-f", "json", "--fail-on", "never",
                              workspace=ws).stdout)["findings"]
    assert not [f for f in findings if f["code"] == "check.unexpected_reporter"]
    coverage, _ = _province_dt(run, ws, tmp_path)
    assert coverage["unexpected"] == []


def test_a_range_names_the_period_in_the_sentence_and_counts_its_files(tmp_path, run):
    """Found by a tester (exD): over a range the finding said 'có báo cáo Từ 01/04/2025 đến 31/03/2026 (tệp -)', a
    capital mid-sentence and no file, for a range made of several quarter files."""
    ws = make_workspace(tmp_path / "ws", PROGRAM, OUTSIDER)
    send(ws, filled_template(ws, "F", "2024-Q4", {"DT": (50, 40)}), filled_template(ws, "F", "2025-Q1", {"DT": (50, 9)}))
    for lang, words in (("vi", "Sở Phúc (F) có báo cáo từ 01/10/2024 đến 31/03/2025 (2 tệp) nhưng không thuộc"),
                        ("en", "Sở Phúc (F) has a report for the period from 01/10/2024 to 31/03/2025 (2 files) but")):
        findings = json.loads(run("check", "-p", "Q-01/KH", "--period", "2024-Q4..2025-Q1", "-u", "F", "-f", "json",
                                  "--fail-on", "never", workspace=ws, lang=lang).stdout)["findings"]
        (found,) = [f for f in findings if f["code"] == "check.unexpected_reporter"]
        assert words in found["message"], found["message"]
        assert "(tệp -)" not in found["message"] and "(file -)" not in found["message"]
