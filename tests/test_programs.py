"""Tests for program definitions: loading, mistakes located by line, targets (hrplan.programs)."""
from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from hrplan.definitions.periods import Period
from hrplan.problems import HrplanError, Problem
from hrplan.definitions import IndicatorKind, Program, find_program, load_program, load_programs

SAMPLE_PROGRAMS = Path(__file__).resolve().parents[1] / "sample_data" / "programs"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def only_problem(exc: pytest.ExceptionInfo[HrplanError]) -> Problem:
    assert len(exc.value.problems) == 1, [p.location for p in exc.value.problems]
    return exc.value.problems[0]


# -- the sample --------------------------------------------------------------------------------


def test_sample_programs_load() -> None:
    programs = load_programs(SAMPLE_PROGRAMS)
    assert sorted(programs) == ["06-ĐA/TU", "08-CTr/TU", "12-CTr/TU", "NA-LC/2011-2016"]
    p12 = programs["12-CTr/TU"]
    assert p12.period_value == Period.parse("2016-2020")
    assert p12.scope == "CB"
    assert p12.indicator("DT-YT").uom == "người"
    # targets from the YAML and from the CSV beside it, each traced to its line
    csv_targets = [t for t in p12.targets if t.unit == "SYT"]
    assert [(t.indicator, t.value, t.source) for t in csv_targets] == [("DT-YT", Decimal(25), "12-CTr-TU_targets.csv:4")]
    assert p12.target("LC-TRE", None, Period.parse("2016..2019-05")).value == 40
    p08 = programs["08-CTr/TU"]
    qh = p08.indicator("QH-BCH")
    assert qh.kind is IndicatorKind.PLANNING_RATIO and (qh.band.min, qh.band.max) == (1.0, 1.5)
    assert p08.measure_book().find("đảng bộ").dimension == "party_committees"
    assert [b.parts for b in p08.breakdowns if b.total == "LC-TONG"] == [["LC-HUYEN", "LC-XA"]]
    assert programs["06-ĐA/TU"].expected_reporters() == ["SKHCN-BT", "SNV-BT"]


@pytest.mark.parametrize("name", ["12-CTr/TU", "12-ctr-tu", "12-CTR-TU", "12-CTr-TU"])
def test_find_program_by_code_or_slug(name: str) -> None:
    assert find_program(load_programs(SAMPLE_PROGRAMS), name).code == "12-CTr/TU"


@pytest.mark.parametrize("name", ["06-DA-TU", "06-ĐA/TU", "06-da-tu"])
def test_find_program_with_d_stroke(name: str) -> None:
    assert find_program(load_programs(SAMPLE_PROGRAMS), name).code == "06-ĐA/TU"


def test_find_program_unknown() -> None:
    with pytest.raises(HrplanError) as exc:
        find_program(load_programs(SAMPLE_PROGRAMS), "99-CTr/TU")
    problem = only_problem(exc)
    assert problem.code == "program.not_found"
    assert problem.params["program"] == "99-CTr/TU"
    assert "12-CTr/TU" in problem.params["known"]


# -- mistakes, each with code, file, field path and line ------------------------------------------

GOOD = """
code: T-01/TU
title: Chương trình thử
period: 2021-2025
indicators:
  - code: DT
    name: Đào tạo
  - code: QH
    name: Quy hoạch
    kind: planning_ratio
    band: {min: 1.0, max: 1.5}
"""


def test_good_fixture_loads(tmp_path: Path) -> None:
    program = load_program(write(tmp_path, "t.yaml", GOOD))
    assert [i.code for i in program.indicators] == ["DT", "QH"]


def test_bad_yaml_syntax(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", """
        code: T-01/TU
        title: Chương trình thử
        period: 2021-2025
        indicators:
          - code: DT
            name: [Đào tạo
          - code: QH
        """)
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert problem.code == "yaml.syntax"
    assert problem.location.file == str(path)
    assert problem.location.line == 7  # where the parser gave up on the open bracket


def test_wrong_kind_value(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", GOOD.replace("kind: planning_ratio", "kind: ratio"))
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert problem.code == "program.invalid"
    assert problem.location.file == str(path)
    assert problem.location.field == "indicators[1].kind"
    assert problem.location.line == 9
    assert problem.params["found"] == "'ratio'"


def test_missing_indicators(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", """
        # a program without indicators
        code: T-01/TU
        title: Chương trình thử
        period: 2021-2025
        """)
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert (problem.code, problem.location.field, problem.params["found"]) == ("program.invalid", "indicators", "missing")
    assert problem.location.line == 2  # the mapping that lacks the key starts at 'code:'


def test_breakdown_naming_an_unknown_indicator(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", GOOD + "breakdowns:\n  - total: DT\n    parts: [QH, DT-XA]\n")
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert problem.code == "program.invalid"
    assert problem.location.file == str(path)
    assert problem.location.field == "breakdowns[0].parts[1]"
    assert problem.location.line == 13
    assert problem.params["found"] == "'DT-XA'"


def test_target_naming_an_unknown_indicator(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", GOOD + "targets:\n  - {indicator: DT, value: 5}\n  - {indicator: XX, value: 5}\n")
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert (problem.location.field, problem.location.line) == ("targets[1].indicator", 13)


def test_indicator_code_used_twice(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", GOOD + "  - code: DT\n    name: Lặp lại\n")
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert (problem.location.field, problem.location.line) == ("indicators[2].code", 11)


def test_band_on_a_count_indicator(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", """
        code: T-01/TU
        title: Chương trình thử
        period: 2021-2025
        indicators:
          - code: DT
            name: Đào tạo
            band: {min: 1.0}
        """)
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert problem.code == "program.invalid"
    assert problem.location.field == "indicators[0].band"
    assert problem.location.line == 7
    assert "planning_ratio" in problem.params["expected"]


@pytest.mark.parametrize("uom", ['"%"', "phần trăm", "tỷ lệ", "pct"])
def test_a_percentage_indicator_is_refused_at_its_line_saying_to_write_a_coverage(tmp_path: Path, uom: str) -> None:
    # 45-KH/UBND declared 'Tỷ lệ công chức đạt chuẩn' in %: seven units at 90% became "630 %" and a share that fell
    # was a running total going down. A percentage never adds up over units or periods, whatever its kind.
    measures = "measures:\n  - {name: pct, dimension: percent}\n" if uom == "pct" else ""
    path = write(tmp_path, "t.yaml", GOOD + f"  - code: TL\n    name: Tỷ lệ đạt chuẩn\n    uom: {uom}\n" + measures)
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert (problem.code, problem.location.field, problem.location.line) == ("program.invalid", "indicators[2].uom", 13)
    assert "kind: coverage" in problem.message("vi") and "Cột Thực hiện".lower() in problem.message("vi").lower()
    assert "not a percentage" in problem.message("en") and "numerator" in problem.message("en")
    load_program(write(tmp_path, "t.yaml", GOOD + "  - {code: TL, name: Đạt chuẩn, uom: người, kind: coverage}\n"))


def test_bad_period_is_located(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", GOOD.replace("period: 2021-2025", "period: 2025-2021"))
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert (problem.location.field, problem.location.line) == ("period", 3)


def test_unquoted_year_in_a_target_is_a_period(tmp_path: Path) -> None:
    # YAML reads `period: 2022` as a number; an analyst writes it that way.
    program = load_program(write(tmp_path, "t.yaml", GOOD + "targets:\n  - {indicator: DT, period: 2022, value: 400}\n"))
    assert program.target("DT", None, Period.parse("2022")).value == 400


def test_bad_targets_csv_row(tmp_path: Path) -> None:
    write(tmp_path, "t_targets.csv", "indicator,unit,period,value\nDT,SYT,,25\n\nDT,SNV,,mười\nXX,SNV,,3\nDT,SGD,2023-Q9,4\n")
    path = write(tmp_path, "t.yaml", GOOD + "targets_file: t_targets.csv\n")
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problems = exc.value.problems
    assert [p.code for p in problems] == ["targets.invalid"] * 3
    assert all(p.location.file == str(tmp_path / "t_targets.csv") for p in problems)
    # line 3 is blank: the lines are the file's own, not counts of rows read
    assert [p.location.line for p in problems] == [4, 5, 6]
    assert "mười" in problems[0].params["found"]
    assert "XX" in problems[1].params["found"]
    assert "2023-Q9" in problems[2].params["found"]


def test_targets_csv_without_value_column(tmp_path: Path) -> None:
    write(tmp_path, "t_targets.csv", "indicator,unit\nDT,SYT\n")
    path = write(tmp_path, "t.yaml", GOOD + "targets_file: t_targets.csv\n")
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    problem = only_problem(exc)
    assert (problem.code, problem.location.line) == ("targets.invalid", 1)


def test_load_programs_collects_the_mistakes_of_every_file(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD.replace("kind: planning_ratio", "kind: ratio"))
    write(tmp_path, "b.yaml", GOOD.replace("period: 2021-2025", "period: soon"))
    write(tmp_path, "c.yaml", GOOD)
    write(tmp_path, "d.yml", GOOD)  # same code as c.yaml
    with pytest.raises(HrplanError) as exc:
        load_programs(tmp_path)
    assert [(p.code, Path(p.location.file).name) for p in exc.value.problems] == [
        ("program.invalid", "a.yaml"), ("program.invalid", "b.yaml"), ("program.duplicate", "d.yml")]


# -- targets -------------------------------------------------------------------------------------


def _targets_program() -> Program:
    return Program.model_validate({
        "code": "T-02/TU", "title": "t", "period": "2021-2025",
        "indicators": [{"code": "DT", "name": "Đào tạo"}, {"code": "LC", "name": "Luân chuyển"}],
        "targets": [
            {"indicator": "DT", "period": "2021", "value": 400, "source": "t.yaml:10"},
            {"indicator": "DT", "period": "2022", "value": 450, "source": "t.yaml:11"},
            {"indicator": "DT", "period": "2023-Q2", "value": 100, "source": "t.yaml:12"},
            {"indicator": "DT", "value": 2000, "source": "t.yaml:13"},
            {"indicator": "DT", "unit": "SYT", "value": 25, "source": "t.yaml:14"},
            {"indicator": "LC", "period": "2021-2022", "value": 70, "source": "t.yaml:15"},
        ],
    })


def test_target_for_exactly_the_period() -> None:
    program = _targets_program()
    assert program.target("DT", None, Period.parse("2022")).value == 450
    assert program.target("DT", None, Period.parse("2023-Q2")).value == 100
    assert program.target("LC", None, Period.parse("2021..2022")).value == 70  # the same span, spelled otherwise


def test_target_for_whole_years_is_the_sum_of_annual_targets() -> None:
    target = _targets_program().target("DT", None, Period.parse("2021..2022"))
    assert target.value == 850
    assert target.source == "t.yaml:10 + t.yaml:11"


def test_a_review_from_the_program_start_takes_the_whole_program_target() -> None:
    program = _targets_program()
    # 2021-2023: no annual target for 2023; up to May: not whole years — both reviews from the program's start
    for text in ["2021..2023", "2021..2023-05"]:
        assert program.target("DT", None, Period.parse(text)).value == 2000
    assert program.target("DT", "SYT", Period.parse("2021..2022")).value == 25  # per-unit target
    assert program.target("DT", "SNV", Period.parse("2021")) is None
    assert program.target("LC", None, Period.parse("2023")) is None


def test_a_year_inside_the_program_has_no_plan_of_its_own_but_shows_the_longer_target() -> None:
    plan = _targets_program().plan_for("DT", None, Period.parse("2024"))
    assert plan.target is None and plan.rule == "none"
    assert (plan.context.value, plan.context.period) == (2000, None)  # context: the whole program's 2.000


def test_a_target_in_a_unit_that_does_not_convert_is_refused(tmp_path):
    from hrplan.definitions import load_program
    from hrplan.problems import HrplanError

    path = tmp_path / "p.yaml"
    path.write_text(
        "code: T/1\ntitle: t\nperiod: 2021-2025\n"
        "indicators:\n  - {code: KP, name: Kinh phí, uom: triệu đồng}\n"
        "targets:\n  - {indicator: KP, value: 5, uom: tỷ đồng}\n  - {indicator: KP, value: 5, uom: người, unit: X}\n",
        encoding="utf-8")
    try:
        load_program(path)
    except HrplanError as exc:
        assert [p.code for p in exc.problems] == ["targets.invalid"]
        assert "'người'" in exc.problems[0].params["found"]
    else:
        raise AssertionError("a target in người for a money indicator must be refused")


# -- a program's code from its `code:` line (finding one program without parsing the others) ----------


def test_the_code_line_gives_each_sample_programs_code() -> None:
    from hrplan.definitions.program_files import program_code_of

    for path in sorted(SAMPLE_PROGRAMS.glob("*.yaml")):
        assert program_code_of(path) == load_program(path).code, path.name


@pytest.mark.parametrize("text, code", [
    ("code: 12-CTr/TU\ntitle: t\n", "12-CTr/TU"),
    ("\ufeff# a comment, with 'quotes' and [brackets]\ncode: '06-ĐA/TU'  # the code\r\ntitle: t\r\n", "06-ĐA/TU"),
    ('title: t\ncode: "12-CTr/TU"\n', "12-CTr/TU"),
    ("code: 12-CTr/TU", "12-CTr/TU"),
])
def test_a_plain_code_line_is_read_alone(tmp_path: Path, text: str, code: str) -> None:
    from hrplan.definitions.program_files import program_code_of

    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    assert program_code_of(tmp_path / "p.yaml") == code


@pytest.mark.parametrize("text", [
    'title: "Đào tạo\ncode: 99-CTr/TU"\ncode2: x\n',  # inside a quoted text: YAML reads no code at all
    "title: 'a\ncode: 99-CTr/TU'\n",
    "indicators: [DT,\ncode: 99-CTr/TU]\n",  # inside a flow list spanning lines
    "code: 12-CTr\n  /TU\n",  # the value goes on: '12-CTr /TU'
    "code: 12-CTr/TU\ntitle: t\ncode: 13-CTr/TU\n",  # the last one wins
    'code: 12-CTr/TU\n"code": 13-CTr/TU\n',
    "code: 12-CTr/TU\n<<: {code: 13-CTr/TU}\n",
    "code: 2021\n",  # a number, refused by the model
    "code: *c\n",
    "{code: 12-CTr/TU,\n code: 13-CTr/TU}\n",
    "title: t\n",
])
def test_a_code_line_that_cannot_settle_the_code_says_so(tmp_path: Path, text: str) -> None:
    from hrplan.definitions.program_files import program_code_of

    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    assert program_code_of(tmp_path / "p.yaml") is None


# -- targets tables: read column by column when every row fits, row by row otherwise --------------


def _table_targets(tmp_path: Path, csv_text: str) -> list[tuple]:
    write(tmp_path, "t_targets.csv", csv_text)
    program = load_program(write(tmp_path, "t.yaml", GOOD + "targets_file: t_targets.csv\n"))
    for t in program.targets:  # a target made from checked values is the target validation makes
        assert t == type(t).model_validate(t.model_dump()) and t.model_fields_set == set(type(t).model_fields)
    return [(t.indicator, t.value, t.unit, t.period, t.uom, t.source) for t in program.targets]


def test_a_whole_targets_table_gives_what_reading_it_row_by_row_gives(tmp_path: Path) -> None:
    rows = "indicator,unit,period,value,uom\nDT, SYT ,2022,\"1.297\",\nQH,SNV,,\"6,5\",\n\nDT,,2021..2023-Q2,45%,người\n"
    whole = _table_targets(tmp_path, rows)
    assert whole == [("DT", Decimal(1297), "SYT", "2022", None, "t_targets.csv:2"),
                     ("QH", Decimal("6.5"), "SNV", None, None, "t_targets.csv:3"),
                     ("DT", Decimal("0.45"), None, "2021..2023-Q2", "người", "t_targets.csv:5")]
    # a row with an empty value beyond the header, or one stopping short, is read row by row
    assert _table_targets(tmp_path, rows + "QH,SGD,,7,,\n") == whole + [("QH", 7, "SGD", None, None, "t_targets.csv:6")]
    assert _table_targets(tmp_path, rows + "QH,SGD,,7\n") == whole + [("QH", 7, "SGD", None, None, "t_targets.csv:6")]


def test_a_blank_row_in_a_targets_table_is_skipped(tmp_path: Path) -> None:
    assert _table_targets(tmp_path, "indicator,unit,period,value\nDT,SYT,,25\n , ,, \nQH,SNV,,2\n") == [
        ("DT", 25, "SYT", None, None, "t_targets.csv:2"), ("QH", 2, "SNV", None, None, "t_targets.csv:4")]


def test_a_value_spanning_lines_keeps_every_later_row_at_its_own_line(tmp_path: Path) -> None:
    write(tmp_path, "t_targets.csv", 'indicator,unit,period,value,note\nDT,SYT,,25,"hai\ndòng"\nQH,SNV,,mười,\n')
    path = write(tmp_path, "t.yaml", GOOD + "targets_file: t_targets.csv\n")
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    assert [(p.code, p.location.line) for p in exc.value.problems] == [("targets.invalid", 4)]
    write(tmp_path, "t_targets.csv", 'indicator,unit,period,value,note\nDT,SYT,,25,"hai\ndòng"\nQH,SNV,,7,\n')
    # a row spanning lines is named by the line it ends on, as the csv reader counts
    assert [t.source for t in load_program(path).targets] == ["t_targets.csv:3", "t_targets.csv:4"]


# -- sections: their English names ------------------------------------------------------------------

SECTIONS = """
code: T-01/TU
title: Chương trình thử
period: 2021-2025
sections:
  - {name: Đào tạo, name_en: Training}
  - {name: Quy hoạch}
indicators:
  - {code: DT, name: Đào tạo, section: Đào tạo}
  - {code: QH, name: Quy hoạch, section: Quy hoạch}
"""


def test_a_section_takes_its_english_name_from_sections(tmp_path: Path) -> None:
    program = load_program(write(tmp_path, "t.yaml", SECTIONS))
    assert program.section_name("Đào tạo", "en") == "Training" and program.section_name("Đào tạo", "vi") == "Đào tạo"
    assert program.section_name("Quy hoạch", "en") == "Quy hoạch"  # no English name given: the Vietnamese one
    more = SECTIONS + "  - {code: LC, name: Luân chuyển, section: Luân chuyển}\n"  # a section not listed: the same
    assert load_program(write(tmp_path, "u.yaml", more)).section_name("Luân chuyển", "en") == "Luân chuyển"


@pytest.mark.parametrize("old, new, field, line", [
    ("{name: Quy hoạch}", "{name: Quy hoach}", "sections[1].name", 6),  # a name no indicator uses
    ("{name: Quy hoạch}", "{name: Đào tạo}", "sections[1].name", 6),  # listed twice
])
def test_a_misspelt_section_is_located(tmp_path: Path, old: str, new: str, field: str, line: int) -> None:
    path = write(tmp_path, "t.yaml", SECTIONS.replace(old, new))
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    assert ("program.invalid", field, line) in {(p.code, p.location.field, p.location.line) for p in exc.value.problems}
