"""The report's sentences count what they show, and English counts agree with their nouns."""
from __future__ import annotations

from pathlib import Path

from hrplan.importer import Outcome
from hrplan.messages import render

from quarterly import filled_template, make_workspace, send


def test_english_counts_agree_with_their_nouns():
    assert render("report.s.warnings", "en", n=1) == "Also 1 other warning on the figures, listed in the appendix to this report."
    assert render("report.s.warnings", "en", n=7) == "Also 7 other warnings on the figures, listed in the appendix to this report."
    assert render("report.s.top_units", "en", n=1, scope="P").startswith("The table below gives the results of the 1 unit ")
    assert render("report.s.warnings", "vi", n=1) == "Ngoài ra có 1 cảnh báo khác về số liệu, nêu tại Phụ lục kèm theo báo cáo này."


def test_the_unit_table_sentence_counts_the_units_in_the_table_not_every_unit_under_the_scope(tmp_path: Path, run):
    ws = make_workspace(tmp_path / "ws")  # five units under P; two send a plan and an actual
    sent = send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (10, 9)}), filled_template(ws, "C", "2024-Q2", {"DT": (10, 12)}))
    assert all(r.outcome is Outcome.IMPORTED for r in sent)
    out = tmp_path / "r.html"
    for lang, words in (("vi", "kết quả của 2 đơn vị trực thuộc Tỉnh Thử"), ("en", "the results of the 2 units directly under")):
        result = run("report", "-p", "Q-01/KH", "--period", "2024-Q2", "-f", "html", "-o", out, workspace=ws, lang=lang)
        assert result.exit_code == 0, result.output
        assert words in out.read_text(encoding="utf-8")
