"""The document in English (`--lang en`): section headings, sentences and periods in English, from the demo's programs.

The tester's case: `hrplan --lang en report -p 12-CTr/TU --period 2016..2019-05` kept the sections in Vietnamese,
began sentences in lowercase ("of which health …"), doubled "of which" and wrote periods as codes ("2016..2018")."""
from __future__ import annotations

from pathlib import Path

import pytest

from hrplan.jobs import run_demo
from hrplan.reports import build_document
from hrplan.workspace import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Workspace:
    return Workspace(run_demo(tmp_path_factory.mktemp("demo") / "demo").workspace)


def test_section_headings_take_the_english_names_of_the_program_file(demo):
    en = build_document(demo, "12-CTr/TU", "2016..2019-05", lang="en").context
    assert [s["name"] for s in en["sections"]] == ["Postgraduate training", "Refresher courses", "Political theory",
                                                   "Rotation"]
    assert [r["name"] for r in en["table"] if r["level"] == 0] == [s["name"] for s in en["sections"]]
    vi = build_document(demo, "12-CTr/TU", "2016..2019-05", lang="vi").context
    assert [s["name"] for s in vi["sections"]] == ["Đào tạo sau đại học", "Bồi dưỡng", "Lý luận chính trị", "Luân chuyển"]


def test_english_sentences_start_with_a_capital_and_say_of_which_once(demo):
    first = build_document(demo, "12-CTr/TU", "2016..2019-05", lang="en").context["sections"][0]["paragraph"]
    assert first.startswith("Young leaders sent for master's training, all fields: 173 people, of which education 30; "
                            "health (specialist level I and master's) 117; culture and tourism 4. ")
    assert "Of which health (specialist level I and master's): 117 people, 285% of plan (over)." in first
    assert "of which of which" not in first.lower() and ". of which" not in first


def test_english_periods_are_words_not_codes(demo):
    en = build_document(demo, "12-CTr/TU", "2016..2019-05", lang="en").context
    assert en["about_period"] == "(From 01/01/2016 to 31/05/2019)"
    # the range starts with the program: no range of its length before it (never a part of it: 2016..2018)
    assert en["previous"]["text"] == "This period has no previous period to compare with."
    quarter = build_document(demo, "27-KH/UBND", "2024-Q4", lang="en").context
    assert quarter["about_period"] == "(Q4 2024)"
    said = quarter["previous"]["text"]
    assert said.endswith("Compared with Q3 2024:") and "Figures for Q4 2024 only, left out of the comparison" in said
    assert "2024-Q" not in said + quarter["about_period"]
