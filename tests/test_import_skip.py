"""A re-import of unchanged files does not parse them again (issue 15), and says exactly what a parse says.

A file is skipped when its bytes, its path and everything reading depends on (programs, units,
limits, options, hrplan's code) are those of a remembered read (`reading.memo`) and the store has
seen every submission it holds. `FileResult.parsed` tells whether the file was parsed in this run.
Real workbooks (the sample, the messy and office corpora), real stores (SQLite and PostgreSQL),
the real CLI.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import sample_submissions
from hrplan.importer import ImportOptions, Outcome, import_files
from hrplan.reading import MEMO_NAME
from hrplan.workspace import Workspace
from test_messy_workbooks import corpus  # noqa: F401  (fixture)
from test_office_layouts import dws  # noqa: F401  (fixture)

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
FIRST = SAMPLE / "earlier_submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"
CORRECTION = SAMPLE / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx"


def _forget(ws: Workspace) -> None:
    """Drop the workspace's memo of reads: the next import parses every file, as before the memo."""
    (ws.root / MEMO_NAME).unlink()


def test_reimport_of_unchanged_files_parses_none_and_says_exactly_what_a_parse_says(sample_ws, run):
    files = sample_submissions()
    first = run("import", *files, "--format", "json", workspace=sample_ws)
    assert first.exit_code == 0, first.output
    again = import_files(sample_ws, files)
    assert len(again) == 18 and {(r.outcome, r.parsed) for r in again} == {(Outcome.UNCHANGED, False)}
    skipped = {lang: [run("import", *files, *fmt, workspace=sample_ws, lang=lang) for fmt in (["-f", "json"], [])]
               for lang in ("vi", "en")}
    parsed = {}
    for lang in ("vi", "en"):
        parsed[lang] = []
        for fmt in (["-f", "json"], []):
            _forget(sample_ws)
            parsed[lang].append(run("import", *files, *fmt, workspace=sample_ws, lang=lang))
    assert [r.parsed for r in import_files(sample_ws, files)] == [False] * 18  # the parse was remembered again
    for lang in ("vi", "en"):
        for a, b in zip(skipped[lang], parsed[lang]):
            assert (a.exit_code, a.stdout) == (b.exit_code, b.stdout)
    assert '"unchanged": 18' in skipped["en"][0].stdout and "unchanged 18" in skipped["en"][1].stdout


def test_every_corpus_file_gives_the_same_result_skipped_or_parsed(dws, corpus):
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".xlsx", ".xlsm", ".xls", ".ods"))
    first = import_files(dws, files)
    stored = [r.path.name for r in first if r.outcome is not Outcome.REJECTED]
    assert len(stored) >= 10 and any(r.parts for r in first)  # per-row and per-block files among them
    skipped = import_files(dws, files)
    _forget(dws)
    parsed = import_files(dws, files)
    assert all(r.parsed for r in parsed)
    # Every file the import stored is skipped the second time; refused files are read (and refused) again.
    assert sorted(r.path.name for r in skipped if not r.parsed) == sorted(stored)
    assert {r.outcome for r in skipped if not r.parsed} == {Outcome.UNCHANGED}
    for lang in ("vi", "en"):
        assert [r.to_dict(lang) for r in skipped] == [r.to_dict(lang) for r in parsed]


def test_a_changed_file_is_parsed_again(sample_ws, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(FIRST, inbox / "SYT.xlsx")
    [first] = import_files(sample_ws, [inbox])
    assert first.outcome is Outcome.IMPORTED
    shutil.copy(CORRECTION, inbox / "SYT.xlsx")  # the same name, other figures
    [second] = import_files(sample_ws, [inbox])
    assert (second.outcome, second.parsed) == (Outcome.UPDATED, True)
    [third] = import_files(sample_ws, [inbox])
    assert (third.outcome, third.parsed, third.same_as) == (Outcome.UNCHANGED, False, second.submission_id)
    shutil.copy(CORRECTION, inbox / "SYT_copy.xlsx")  # the same bytes under another name: its own path is read
    results = import_files(sample_ws, [inbox / "SYT_copy.xlsx"])
    assert [(r.outcome, r.parsed, r.same_as) for r in results] == [(Outcome.UNCHANGED, True, second.submission_id)]


def test_an_option_that_changes_the_reading_parses_again(dws, corpus):
    per_row = corpus / "unit_per_row_summary.xlsx"
    [one] = import_files(dws, [per_row], ImportOptions(unit="XBL"))
    assert [(p.unit, p.outcome) for p in one.parts] == [("XBL", Outcome.IMPORTED)]
    [all_rows] = import_files(dws, [per_row])  # without --unit the file holds three units, two of them new
    assert all_rows.parsed and all_rows.outcome is Outcome.IMPORTED
    assert [(p.unit, p.outcome) for p in all_rows.parts] == [
        ("XHV", Outcome.IMPORTED), ("XBL", Outcome.UNCHANGED), ("XDL", Outcome.IMPORTED)]
    [again] = import_files(dws, [per_row])
    assert (again.parsed, again.outcome) == (False, Outcome.UNCHANGED)
    assert [(p.unit, p.outcome, p.same_as) for p in again.parts] == [
        (p.unit, Outcome.UNCHANGED, p.submission_id or one.parts[0].submission_id) for p in all_rows.parts]
    [only] = import_files(dws, [per_row], ImportOptions(unit="XBL"))
    assert (only.parsed, [p.unit for p in only.parts]) == (True, ["XBL"])


def test_a_definitions_change_parses_again_and_gives_what_a_parse_gives(sample_ws):
    [first] = import_files(sample_ws, [FIRST])
    [again] = import_files(sample_ws, [FIRST])
    assert (first.outcome, again.outcome, again.parsed) == (Outcome.IMPORTED, Outcome.UNCHANGED, False)
    units = sample_ws.root / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "  - {code: XMOI, name: Xã Mới, parent: CB, kind: xã}\n",
                     encoding="utf-8")
    [after_units] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [FIRST])
    assert (after_units.outcome, after_units.parsed) == (Outcome.UNCHANGED, True)
    (sample_ws.root / "programs" / "12-CTr-TU.yaml").unlink()  # its program gone: today's reading refuses it
    [after_programs] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [FIRST])
    assert (after_programs.outcome, after_programs.parsed) == (Outcome.REJECTED, True)


def test_the_store_decides_a_remembered_file_absent_from_it_is_read_and_stored(sample_ws, tmp_path):
    import_files(sample_ws, [FIRST])
    other = Workspace(sample_ws.root, f"sqlite:///{tmp_path / 'other.sqlite'}")  # the same workspace, another store
    [result] = import_files(other, [FIRST])
    assert (result.outcome, result.parsed) == (Outcome.IMPORTED, True)


def test_a_dry_run_skips_what_it_may_and_writes_no_memo(sample_ws):
    [dry] = import_files(sample_ws, [FIRST], ImportOptions(dry_run=True))
    assert dry.outcome is Outcome.WOULD_IMPORT and not (sample_ws.root / MEMO_NAME).exists()
    [stored] = import_files(sample_ws, [FIRST])
    [dry] = import_files(sample_ws, [FIRST], ImportOptions(dry_run=True))
    assert (dry.outcome, dry.parsed, dry.same_as) == (Outcome.UNCHANGED, False, stored.submission_id)


def test_a_reimport_of_unchanged_files_loads_no_program(sample_ws):
    import_files(sample_ws, [FIRST])
    fresh = Workspace(sample_ws.root, sample_ws.store_override)
    [again] = import_files(fresh, [FIRST])
    assert (again.outcome, again.parsed) == (Outcome.UNCHANGED, False)
    # Keyed by the definitions' bytes: neither the programs (with their targets tables) nor the units were loaded.
    assert "programs" not in fresh.__dict__ and "units" not in fresh.__dict__


def test_an_edited_targets_table_or_a_new_program_file_parses_again(sample_ws):
    [first] = import_files(sample_ws, [FIRST])
    table = sample_ws.root / "programs" / "12-CTr-TU_targets.csv"
    table.write_text(table.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # another byte, the same targets
    [after_table] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [FIRST])
    assert (after_table.outcome, after_table.parsed) == (Outcome.UNCHANGED, True)
    [again] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [FIRST])
    assert again.parsed is False
    new_program = sample_ws.root / "programs" / "99-NEW.yaml"
    shutil.copy(sample_ws.root / "programs" / "06-DA-TU.yaml", new_program)
    text = new_program.read_text(encoding="utf-8")
    assert "code: 06-ĐA/TU\n" in text
    new_program.write_text(text.replace("code: 06-ĐA/TU\n", "code: 99-NEW\n", 1), encoding="utf-8")
    [after_program] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [FIRST])
    assert (after_program.outcome, after_program.parsed) == (Outcome.UNCHANGED, True)


def test_a_program_file_changed_while_the_programs_load_is_not_remembered(sample_ws, monkeypatch):
    """The memo's key is the bytes the definitions were loaded from: when a file changes while they load,
    what was loaded may be either version, so nothing read in that run is remembered."""
    import hrplan.definitions

    import_files(sample_ws, [FIRST])
    program = sample_ws.root / "programs" / "12-CTr-TU.yaml"
    load = hrplan.definitions.load_programs

    def changed_during_the_load(folder):  # the file read, then changed before the load ends
        programs = load(folder)
        program.write_text(program.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
        return programs

    monkeypatch.setattr(hrplan.definitions, "load_programs", changed_during_the_load)
    [result] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [CORRECTION])
    assert (result.outcome, result.parsed) == (Outcome.UPDATED, True)
    monkeypatch.setattr(hrplan.definitions, "load_programs", load)
    [again] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [CORRECTION])
    assert (again.outcome, again.parsed) == (Outcome.UNCHANGED, True)  # nothing was remembered in the run of the change
    [third] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [CORRECTION])
    assert third.parsed is False


def test_reads_with_programs_loaded_before_a_change_are_remembered_for_those_programs(sample_ws):
    """The nightly job loads the programs before it imports: a file read with them is remembered under the
    bytes they were loaded from, not under the bytes the files have by the time of the import."""
    import_files(sample_ws, [FIRST])
    early = Workspace(sample_ws.root, sample_ws.store_override)
    assert early.programs  # loaded now ...
    table = sample_ws.root / "programs" / "12-CTr-TU_targets.csv"
    table.write_text(table.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # ... changed after
    [result] = import_files(early, [CORRECTION])
    assert (result.outcome, result.parsed) == (Outcome.UPDATED, True)
    [again] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [CORRECTION])
    assert (again.outcome, again.parsed) == (Outcome.UNCHANGED, True)  # today's definitions: read again
    [third] = import_files(Workspace(sample_ws.root, sample_ws.store_override), [CORRECTION])
    assert third.parsed is False
