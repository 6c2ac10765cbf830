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
    # The table shows the two that sent and, since the by-unit section lists every due unit, the three that sent
    # nothing ('Chưa gửi báo cáo'): five rows, and the sentence counts five.
    for lang, words in (("vi", "kết quả của 5 đơn vị trực thuộc Tỉnh Thử"), ("en", "the results of the 5 units directly under")):
        result = run("report", "-p", "Q-01/KH", "--period", "2024-Q2", "-f", "html", "-o", out, workspace=ws, lang=lang)
        assert result.exit_code == 0, result.output
        assert words in out.read_text(encoding="utf-8")


def test_no_unit_behind_plan_is_said_only_when_some_unit_had_a_plan_to_be_judged_against(tmp_path: Path, run):
    """Found on a planning program: 'Không có đơn vị nào chưa đạt kế hoạch' where no unit had a plan for the period
    (only the province had its target, 24 of 40, chưa đạt) and the units' planning ratios are judged against a band."""
    from quarterly import PROGRAM
    program = PROGRAM[:PROGRAM.index("targets:")] + 'targets:\n  - {indicator: KP, period: "2024-Q2", value: 100}\n' \
        + PROGRAM[PROGRAM.index("reporters:"):]
    ws = make_workspace(tmp_path / "ws", program=program)
    sent = send(ws, filled_template(ws, "A", "2024-Q2", {"KP": (None, 30), "QH": (2, 3)}),
                filled_template(ws, "C", "2024-Q2", {"KP": (None, 30), "QH": (2, 2)}))
    assert all(r.outcome is Outcome.IMPORTED for r in sent)
    out = tmp_path / "r.html"
    assert run("report", "-p", "Q-01/KH", "--period", "2024-Q2", "-f", "html", "-o", out, workspace=ws).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "Không có đơn vị nào chưa đạt kế hoạch" not in page
    assert ("Các đơn vị chưa có kế hoạch (chỉ tiêu) riêng cho kỳ này nên chưa đánh giá được đơn vị nào đạt hay chưa "
            "đạt; kết quả chung của Tỉnh Thử so với chỉ tiêu nêu tại phần kết quả thực hiện các chỉ tiêu.") in page
    assert "60 triệu đồng, đạt 60% kế hoạch (chưa đạt)" in page  # the province's own target, told with its indicator
    # A unit with a plan of its own, and met: now "no unit is behind plan" is true.
    send(ws, filled_template(ws, "B", "2024-Q2", {"DT": (10, 12)}))
    assert run("report", "-p", "Q-01/KH", "--period", "2024-Q2", "-f", "html", "-o", out, workspace=ws).exit_code == 0
    assert "Không có đơn vị nào chưa đạt kế hoạch." in out.read_text(encoding="utf-8")
