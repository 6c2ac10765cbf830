"""The report JSON, format 2 (hrplan.reports.json_format): numbers per row, words once, and nothing lost.

Real workspaces, real imports: the sample's programs (groups, breakdowns, years against annual targets) and a
quarterly program whose units leave things out (a quarter missing, a plan without actual, an actual without plan,
a unit that sends nothing, a note). Each JSON is read back to format 1 rows and compared with the report data the
HTML and Word reports are made of.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import sample_submissions
from hrplan.importer import Outcome, import_files
from hrplan.reports import build_report, report_json
from hrplan.reports.json_format import figure_rows, figure_sources, finding_rows
from hrplan.workspace import Workspace

from quarterly import filled_template, make_workspace, send

_UNIT_ROW_WORDS = ("display", "sentence", "parts")  # what a unit row leaves to the summary


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    from conftest import make_sample_workspace

    ws = make_sample_workspace(tmp_path_factory.mktemp("lean") / "ws")
    import_files(ws, sample_submissions())
    return ws


_UNITS = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: H, name: Huyện Hà, parent: P}
  - {code: A, name: Xã An, parent: H}
  - {code: B, name: Xã Bình, parent: H}
  - {code: C, name: Sở Công, parent: P}
  - {code: D, name: Sở Đức, parent: P}
  - {code: E, name: Sở Én, parent: P}
"""


@pytest.fixture(scope="module")
def quarters(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = make_workspace(tmp_path_factory.mktemp("lean_q") / "ws", units=_UNITS)
    files = [filled_template(ws, "A", q, {"DT": (None, 10), "QH": (None, 3), "KP": (20, 18)})
             for q in ("2024-Q1", "2024-Q2", "2024-Q4")]
    files += [filled_template(ws, "B", q, {"DT": (None, 15)}) for q in ("2024-Q1", "2024-Q3", "2024-Q4")]
    files.append(filled_template(ws, "B", "2024-Q2", {"DT": (None, 15), "KP": (30, None, "Chưa quyết toán")}))
    files += [filled_template(ws, "C", q, {"DT": (None, 20), "KP": ("", 12)})
              for q in ("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4")]
    results = send(ws, *files)  # D and E send nothing
    assert [r.outcome for r in results] == [Outcome.IMPORTED] * len(files), [r.problems for r in results]
    return ws


def _cases(sample: Workspace, quarters: Workspace) -> list[tuple[Workspace, str, str]]:
    return [(sample, "12-CTr/TU", "2016..2019-05"), (sample, "06-DA-TU", "2021..2022"),
            (sample, "08-CTr/TU", "2021..2023-05"), (quarters, "Q-01/KH", "2024"), (quarters, "Q-01/KH", "2024-Q2")]


def _without(row: dict, keys: tuple[str, ...]) -> dict:
    return {k: v for k, v in row.items() if k not in keys}


def test_every_row_and_finding_reads_back_as_the_report_data_has_it(sample, quarters) -> None:
    seen = {"left_out": 0, "incomplete": 0, "notes": 0, "lacks": 0, "unpaired": 0, "group": 0, "annual": 0,
            "breakdowns": 0, "findings": 0, "located": 0}
    for ws, program, period in _cases(sample, quarters):
        report = build_report(ws, program, period)
        data = report.data
        doc = json.loads(report_json(report))
        assert doc["format"] == 2
        assert figure_rows(doc) == [_without(r, _UNIT_ROW_WORDS) for r in data["units"]], (program, period)
        assert figure_rows(doc, "summary") == data["summary"]
        assert figure_rows(doc, "annual") == data["annual"]
        back = figure_rows({**doc, "summary": [r for b in doc["breakdowns"] for r in (b["total"], *b["parts"])]},
                           "summary")
        assert back == [r for b in data["breakdowns"] for r in (b["total"], *b["parts"])]
        assert finding_rows(doc) == data["findings"], (program, period)
        for row in data["units"]:
            seen["left_out"] += bool(row["left_out"])
            seen["incomplete"] += bool(row["incomplete"])
            seen["notes"] += bool(row["notes"])
            seen["lacks"] += bool(row["lacks"])
            seen["unpaired"] += bool(row["unpaired"])
            seen["group"] += row["is_group"] and len(row["members"]) > 1
        seen["annual"] += len(data["annual"])
        seen["breakdowns"] += len(data["breakdowns"])
        seen["findings"] += len(data["findings"])
        seen["located"] += sum(bool(f["location"]) for f in data["findings"])
    assert all(seen.values()), seen  # every kind of row was read back, not only the easy ones


def test_a_group_lists_its_members_once_however_many_indicators(sample) -> None:
    report = build_report(sample, "12-CTr/TU", "2016..2019-05")
    doc = json.loads(report_json(report))
    groups = {r["unit"]: r["members"] for r in report.data["units"] if r["is_group"]}
    assert len(doc["member_sets"]) == len({tuple(m) for m in groups.values()} | {tuple(r["members"]) for r in
                                                                                   report.data["summary"]})
    table = pd.DataFrame(doc["units"]["rows"], columns=doc["units"]["columns"])
    assert len(table) == len(report.data["units"])
    assert table[~table["is_group"]]["member_set"].isna().all()
    assert (table["member_count"] == [len(r["members"]) for r in report.data["units"]]).all()
    assert table["plan"].sum() == pytest.approx(sum(r["plan"] or 0 for r in report.data["units"]))


def test_words_come_once_not_once_per_row(sample) -> None:
    report = build_report(sample, "12-CTr/TU", "2016..2019-05")
    text = report_json(report)
    name = next(r["name"] for r in report.data["summary"] if r["indicator"] == "DT-YT")
    rows = [r for r in report.data["units"] if r["indicator"] == "DT-YT"]
    assert len(rows) >= 3
    table = text.split('\n"units": {')[1].split('\n"findings":')[0]
    assert name not in table and '"sentence"' not in table and "Báo cáo" not in table  # not once per unit
    assert text.count(f'"{name}"') == 4  # indicators table, summary row, breakdown part, findings.texts
    old = json.dumps(report.data, ensure_ascii=False, indent=2, default=dict)  # rows are LazyRow mappings
    assert len(text.encode()) < len(old.encode()) / 2


def test_sources_are_a_table_of_their_own_each_cell_once(sample) -> None:
    report = build_report(sample, "12-CTr/TU", "2016..2019-05", sources=True)
    plain = json.loads(report_json(report))
    assert "sources" not in plain and '"sources"' not in report_json(report)
    doc = json.loads(report_json(report, sources=True))
    behind = figure_sources(doc)
    for name in ("summary", "units", "annual"):
        for i, row in enumerate(report.data[name]):
            want = row["sources"]
            assert behind.get((name, i), {"plan": [], "actual": []}) == want, (name, i)
    # a member's cell stands behind its own row and its group's: listed once
    cells = pd.DataFrame(doc["source_cells"]["rows"], columns=doc["source_cells"]["columns"])
    assert not cells.duplicated().any()
    assert len(cells) < sum(len(indices) for *_, indices in doc["sources"]["rows"])
    dt_yt = behind[("summary", [r["indicator"] for r in report.data["summary"]].index("DT-YT"))]["actual"]
    assert sum(c["value"] for c in dt_yt) == 117 and {c["unit"] for c in dt_yt} == {"SYT", "TPCB", "HHA"}


def test_the_cli_writes_format_2(sample, run, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "json", "-o", out, workspace=sample)
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == 2 and doc["units"]["columns"][:2] == ["indicator", "unit"]
    assert out.read_text(encoding="utf-8").count("\n") > len(doc["units"]["rows"])  # a row per line


def test_a_report_only_for_json_makes_its_rows_as_it_writes_them_and_writes_the_same(sample, quarters) -> None:
    """The JSON writer makes those rows straight from the figures and findings (`FigureStream`, `FindingStream`);
    what it writes is what the rows of the documents' report give, in either language."""
    from hrplan.reports.data import FigureStream, FindingStream

    for ws, program, period in _cases(sample, quarters):
        for sources, lang in ((False, "vi"), (True, "vi"), (False, "en")):
            full = build_report(ws, program, period, lang, sources=sources)
            lean = build_report(ws, program, period, lang, sources=sources, documents=False)
            assert isinstance(lean.data["units"], FigureStream) and isinstance(lean.data["findings"], FindingStream)
            lean.data["generated_at"] = full.data["generated_at"]
            assert report_json(lean, sources) == report_json(full, sources), (program, period, sources, lang)
            # read as rows, the streams give the rows without words, and the findings as the documents have them
            units = [_without(dict(r), _UNIT_ROW_WORDS) for r in full.data["units"]]
            assert [dict(r) for r in lean.data["units"]] == units
            assert list(lean.data["findings"]) == [dict(f) for f in full.data["findings"]]


def test_findings_whose_params_are_not_texts_are_written_as_their_rows_would_be() -> None:
    """The rules give every parameter as text; a finding made elsewhere may hold a number, a Decimal, None or a
    list. Its message and figure are then worked out as `Finding.to_dict` gives them, not taken as the template's."""
    from decimal import Decimal

    from hrplan.checks import Finding
    from hrplan.jsontext import json_rows
    from hrplan.problems import Location, Severity
    from hrplan.reports.data import FindingStream, RowStream
    from hrplan.reports.json_format import report_document

    words = {"indicator": "DT", "uom": "người", "status": "chậm"}
    findings = [
        Finding("check.behind_plan", Severity.WARNING, "P", "2024", "A", "DT",
                {**words, "actual": 3, "plan": Decimal("4.50"), "ratio": None}, Location("a.xlsx", "Q1", "D5")),
        Finding("check.behind_plan", Severity.WARNING, "P", "2024", "B", "DT",
                {**words, "actual": "3", "plan": "4", "ratio": "75%"}, Location(line=3)),
        Finding("check.missing_submission", Severity.ERROR, "P", "2024", "C", None,
                {"unit": "C", "period": 2024, "extra": ["x", 1]}),
        Finding("check.missing_submission", Severity.ERROR, "P", "2024", None, None, {"unit": "", "count": 0.5}),
    ]
    for lang, told in (("vi", "vi"), ("en", "en"), ("vi", "en")):
        fast = report_document({"findings": FindingStream(findings, told)}, None, lang)
        rows = report_document({"findings": RowStream(lambda: (f.to_dict(told) for f in findings))}, None, lang)
        assert json_rows(fast) == json_rows(rows), (lang, told)
    doc = json.loads(json_rows(report_document({"findings": FindingStream(findings, "vi")}, None, "vi")))
    table = doc["findings"]["rows"]
    assert [row[-3] for row in table] == ["3", None, None, None]  # the first's is its actual, not 'None'
    assert [row[-2] for row in table] == [None, None, None, None]
    assert [row[-1] for row in table] == [None, None, None, None]  # `lacks`: none of these figures lacks anything
    assert finding_rows({**doc, "program": {"code": "P"}, "period": {"label": "2024"}}) == [
        f.to_dict("vi") for f in findings]


def test_a_documents_unit_rows_and_findings_are_made_only_when_read(sample) -> None:
    """At national scale the documents show a few hundred of 130,000 unit rows: a row is made when a key other
    than those that choose it (unit, indicator, status, ratio, ...) is read, and then reads as the dict it was."""
    from hrplan.reports.data import LazyRow
    from hrplan.reports.document import build_document

    report = build_report(sample, "12-CTr/TU", "2016..2019-05", previous=True)
    rows, findings = report.data["units"], report.data["findings"]
    assert rows and findings and all(isinstance(r, LazyRow) for r in rows + findings)
    chosen = [r for r in rows if r["status"] in ("behind", "nearly") and r["ratio"] is not None and not r["is_group"]]
    assert chosen and all(r._row is None for r in rows)  # choosing made no row
    errors = [f for f in findings if f["severity"] == "error"]
    assert all(f._row is None for f in findings) and len(errors) < len(findings)
    build_document(sample, "12-CTr/TU", "2016..2019-05", report=report)
    made = [r for r in rows if r._row is not None]
    assert 0 < len(made) < len(rows)  # the rows the document shows, not all
    whole = build_report(sample, "12-CTr/TU", "2016..2019-05")
    for lazy, other in zip(rows, whole.data["units"]):
        assert lazy == dict(other) and dict(lazy) == dict(other) and len(lazy) == len(dict(other))
        assert ("display" in lazy) and ("sources" not in lazy)
