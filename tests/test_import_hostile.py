"""A file cannot take the run down: each reproducer of an internal error or an abort (built by
tests/corpus/build_corpus.py --hostile) is refused with a reason, and the files after it import.

Real workbooks, real worker processes (the shared-strings bomb really aborts the Rust reader
when the pre-check is lifted), the real CLI for what reaches the terminal.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from hrplan.importer import Outcome, import_files

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SAMPLE = HERE.parent / "sample_data"
GOOD = sorted((SAMPLE / "submissions").glob("12-CTr-TU_*.xlsx"))[:3]

EXPECTED = {  # reproducer -> the refusal it gets (each was an exit 70 or an abort)
    "shared_strings_count_bomb.xlsx": "file.too_many_strings",
    "huge_number.xlsx": "value.out_of_range",
    "huge_number_as_text.xlsx": "value.out_of_range",
    "markup_in_cell.xlsx": "value.not_number",
    "period_year_zero.xlsx": "period.invalid",
    "ods_broken_content.ods": "file.unreadable",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("build_corpus_for_hostile", CORPUS / "build_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("hostile")
    module.build_hostile(out)
    return out


@pytest.fixture
def messy_ws(tmp_path):
    from test_messy_workbooks import make_workspace

    return make_workspace(tmp_path / "ws")


def test_each_internal_error_signature_is_a_refusal_with_its_cell(messy_ws, hostile):
    results = {r.path.name: r for r in import_files(messy_ws, sorted(hostile.iterdir()))}
    for name, code in EXPECTED.items():
        result = results[name]
        assert result.outcome is Outcome.REJECTED, (name, result.outcome)
        assert code in [p.code for p in result.problems], (name, [p.code for p in result.problems])
    (huge,) = [p for p in results["huge_number.xlsx"].problems if p.code == "value.out_of_range"]
    assert huge.location.cell == "E12"
    # a merge over the whole sheet is cut to the cells that exist: the file imports in bounded memory
    assert results["merge_whole_sheet.xlsx"].outcome in (Outcome.IMPORTED, Outcome.UNCHANGED)


def test_a_file_that_aborts_the_reader_is_refused_and_the_files_after_it_import(messy_ws, hostile, tmp_path):
    # Lift the shared-strings pre-check so the bomb reaches the Rust reader and really aborts it (SIGABRT).
    config = messy_ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "read_limits:\n  max_shared_strings: 10000000000\n",
                      encoding="utf-8")
    from hrplan.workspace import Workspace

    ws = Workspace(messy_ws.root)
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(hostile / "shared_strings_count_bomb.xlsx", folder / "a_bomb.xlsx")
    for i, good in enumerate(GOOD):
        shutil.copy(good, folder / f"b{i}_{good.name}")
    os.utime(folder / "a_bomb.xlsx", (1_600_000_000, 1_600_000_000))  # applied first
    results = import_files(ws, [folder])
    assert [r.path.name for r in results][0] == "a_bomb.xlsx"
    bomb = results[0]
    assert bomb.outcome is Outcome.REJECTED
    (problem,) = bomb.problems
    assert problem.code == "file.reader_failed"
    assert "SIGABRT" in problem.params["found"] or "memory" in problem.params["found"]
    assert [r.outcome for r in results[1:]] == [Outcome.IMPORTED] * len(GOOD)
    with ws.open_store() as store:
        assert store.counts()["current"] == len(GOOD)


def test_a_reader_that_runs_out_of_time_is_refused_and_the_run_goes_on(messy_ws, tmp_path):
    from openpyxl import Workbook

    slow = tmp_path / "a_slow.xlsx"  # 99,000 rows: seconds to read on any machine (a sample file: a tenth of one)
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("BC")
    for i in range(99_000):  # every text its own: the reader remembers repeated texts, and must not skip the work
        sheet.append([i, f"dòng {i}", f"người {i}", i, i, i, f"ghi chú số {i}"])
    wb.save(slow)
    os.utime(slow, (1_600_000_000, 1_600_000_000))
    config = messy_ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "read_limits:\n  max_read_seconds: 1\n", encoding="utf-8")
    from hrplan.workspace import Workspace

    results = import_files(Workspace(messy_ws.root), [slow, GOOD[0]], )
    assert results[0].outcome is Outcome.REJECTED
    assert results[0].problems[0].code == "file.reader_failed"
    assert "longer than 1 s" in results[0].problems[0].params["found"]
    assert results[1].outcome is Outcome.IMPORTED


def test_fifos_devices_and_folders_named_like_workbooks_are_refused_by_what_they_are(messy_ws, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    os.mkfifo(folder / "pipe.xlsx")
    (folder / "zero.xlsx").symlink_to("/dev/zero")
    (folder / "thu-muc.xls").mkdir()
    shutil.copy(GOOD[0], folder / "good.xlsx")
    results = {r.path.name: r for r in import_files(messy_ws, [folder])}  # must not hang on the FIFO
    for name in ("pipe.xlsx", "zero.xlsx", "thu-muc.xls"):
        assert results[name].outcome is Outcome.REJECTED
        assert results[name].problems[0].code == "file.unreadable"
    assert "folder" in results["thu-muc.xls"].problems[0].message("en")
    assert "regular file" in results["pipe.xlsx"].problems[0].message("en")
    assert results["good.xlsx"].outcome is Outcome.IMPORTED


def test_terminal_output_is_inert_markup_and_control_characters_from_files(messy_ws, hostile, run, tmp_path):
    named = tmp_path / "[bold]bad\x1b[31m[i].xlsx"
    shutil.copy(hostile / "markup_in_cell.xlsx", named)
    result = run("import", named, workspace=messy_ws, lang="en")
    assert result.exit_code == 3, result.output
    assert "\x1b" not in result.output
    assert "[/b][red]60?[2J" in result.output  # the cell's text, shown as it is, its ESC replaced
    assert "[bold]bad?[31m[i].xlsx" in result.output
    as_json = run("import", named, "--format", "json", workspace=messy_ws)
    assert json.loads(as_json.stdout)["results"][0]["problems"][0]["params"]["found"] == "[/b][red]60\x1b[2J"


def test_the_nightly_job_files_away_a_file_that_aborts_the_reader_and_takes_the_files_after_it(messy_ws, hostile):
    """The nightly job reads its inbox ahead on every core, in worker processes as `import` does: a file that
    brings its reader down goes to rejected/ with its reason, and each file after it is stored and filed."""
    from hrplan.jobs.nightly import consolidate
    from hrplan.workspace import Workspace

    config = messy_ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "read_limits:\n  max_shared_strings: 10000000000\n"
                      "consolidate:\n  settle_seconds: 0\n  formats: [json]\n", encoding="utf-8")
    ws = Workspace(messy_ws.root)
    ws.inbox.mkdir(parents=True, exist_ok=True)
    shutil.copy(hostile / "shared_strings_count_bomb.xlsx", ws.inbox / "a_bomb.xlsx")
    (ws.inbox / "notes.txt").write_text("not a workbook", encoding="utf-8")
    for i, good in enumerate(GOOD):
        shutil.copy(good, ws.inbox / f"b{i}_{good.name}")
    for n, path in enumerate(sorted(ws.inbox.iterdir())):  # the bomb first, the text file among the workbooks
        os.utime(path, (1_600_000_000 + n, 1_600_000_000 + n))
    result = consolidate(ws)
    outcomes = {Path(f.file).name: f for f in result.files}
    assert outcomes["a_bomb.xlsx"].outcome == "rejected"
    assert outcomes["a_bomb.xlsx"].problems[0].code == "file.reader_failed"
    assert (ws.root / outcomes["a_bomb.xlsx"].reason_file).exists()
    assert outcomes["notes.txt"].outcome == "rejected"
    assert [outcomes[f"b{i}_{g.name}"].outcome for i, g in enumerate(GOOD)] == ["imported"] * len(GOOD)
    assert list(ws.inbox.iterdir()) == []
    with ws.open_store() as store:
        assert store.counts()["current"] == len(GOOD)


def test_read_ahead_gives_each_read_in_order_and_drops_a_file_skipped(messy_ws):
    from hrplan.importer import ReadAhead, store_read
    from hrplan.jobs.nightly import _read_context

    with ReadAhead(GOOD, _read_context(messy_ws)) as ahead, messy_ws.open_store() as store:
        first = ahead.read_of(GOOD[0])
        assert first.path == GOOD[0] and first.parsed.ok
        last = ahead.read_of(GOOD[2])  # GOOD[1] is skipped: read, never stored
        assert last.path == GOOD[2]
        assert [store_read(store, r).outcome for r in (first, last)] == [Outcome.IMPORTED] * 2
        with pytest.raises(ValueError):
            ahead.read_of(GOOD[1])  # behind: no longer ahead
        assert {s.file_name for s in store.submissions()} == {GOOD[0].name, GOOD[2].name}


def test_read_ahead_reads_the_files_after_a_failure_of_the_reading_itself_afresh(messy_ws, monkeypatch):
    """A bug in the reading machinery (not in a file: those are refusals) fails the file in hand; the files
    after it are read by a new pool, so that the nightly job still takes them."""
    import hrplan.importer as importer
    from hrplan.jobs.nightly import _read_context

    real = importer.read_files
    calls = []

    def failing_once(paths, ctx, workers=None):
        calls.append([Path(p).name for p in paths])
        if len(calls) == 1:
            raise RuntimeError("the pool broke")
        yield from real(paths, ctx, workers)

    monkeypatch.setattr(importer, "read_files", failing_once)
    with importer.ReadAhead(GOOD, _read_context(messy_ws)) as ahead:
        with pytest.raises(RuntimeError):
            ahead.read_of(GOOD[0])
        assert ahead.read_of(GOOD[1]).path == GOOD[1]
    assert calls == [[g.name for g in GOOD], [g.name for g in GOOD[1:]]]
