"""`hrplan store copy --to URL`: moving an office's store, history included, verified after copying.

The demo workspace (SQLite) is copied to a fresh store on each backend; the reports (`report -f json`)
and the history read from the copy are the same, byte for byte but the time they were made, as
those read from the original.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hrplan.jobs.demo import DEMO_RUNS, run_demo
from hrplan.store import Store, fingerprint, parse_store_url
from hrplan.workspace import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return Workspace(run_demo(tmp_path_factory.mktemp("demo") / "demo").workspace)


def _outputs(run, ws: Workspace, store: str | None, out: Path) -> dict[str, str]:
    """Give every demo report (JSON) and the SYT history, read from `store` (default: the workspace's own)."""
    out.mkdir(parents=True, exist_ok=True)
    got = {}
    extra = ("--store", store) if store else ()
    for program, period in DEMO_RUNS:
        target = out / f"{program.replace('/', '-')}.json"
        result = run(*extra, "report", "-p", program, "--period", period, "-f", "json", "-o", target, workspace=ws)
        assert result.exit_code == 0, result.output
        # the same bytes except the moment the report was made
        got[program] = re.sub(r'"generated_at": "[^"]*"', '"generated_at": "-"', target.read_text(encoding="utf-8"))
        assert got[program].count('"generated_at": "-"') == 1
    result = run(*extra, "history", "-p", "12-CTr/TU", "-u", "SYT", "-f", "json", workspace=ws)
    assert result.exit_code == 0, result.output
    got["history"] = result.stdout
    return got


def test_copying_the_demo_store_gives_identical_reports_and_history(demo: Workspace, store_url: str, run,
                                                                     tmp_path: Path) -> None:
    before = _outputs(run, demo, None, tmp_path / "before")
    result = run("store", "copy", "--to", store_url, workspace=demo, lang="en")
    assert result.exit_code == 0, result.output
    assert "36 current submissions, 1 superseded, 117 values" in result.stdout  # seeds 17 + quarterly 19
    assert "compared and match" in result.stdout
    assert _outputs(run, demo, store_url, tmp_path / "after") == before
    history = json.loads(before["history"])
    assert [(h["current"], h["superseded_by"] is None) for h in history] == [(False, False), (True, True)]
    with demo.open_store() as source, Store(parse_store_url(store_url)) as copy:
        assert fingerprint(copy) == fingerprint(source)
        assert copy.schema_version() == source.schema_version()


def test_the_copy_takes_new_imports_and_a_second_copy_into_it_is_refused(demo: Workspace, store_url: str, run) -> None:
    assert run("store", "copy", "--to", store_url, workspace=demo).exit_code == 0
    with Store(parse_store_url(store_url)) as copy:
        top = max(s.id for s in copy.submissions(include_superseded=True))
        new_id, _ = copy.add_submission(program="12-CTr/TU", unit="SYT", period="2020", file_name="n.xlsx",
                                        file_path=None, file_hash="n", content_hash="n", file_mtime=None, sheet=None,
                                        header_row=None, values=[])
        assert new_id == top + 1  # ids are not reused after a copy (the server's sequence was moved on)
        counts = copy.counts()
    result = run("store", "copy", "--to", store_url, workspace=demo, lang="en")
    assert result.exit_code == 2
    assert "store.copy_target_not_empty" in result.stderr
    with Store(parse_store_url(store_url)) as copy:
        assert copy.counts() == counts


def test_the_copy_says_what_to_write_as_the_user_writes_it_and_pgpass_only_for_a_server(
        demo: Workspace, store_url: str, backend: str, run) -> None:
    # It said "ghi 'store: postgresql+psycopg://…'" (the driver hrplan connects with, which README and hrplan.yaml
    # never write), and "(mật khẩu để trong ~/.pgpass)" after a copy to an SQLite file too.
    result = run("store", "copy", "--to", store_url, workspace=demo)
    assert result.exit_code == 0, result.output
    shown = parse_store_url(store_url).masked()
    assert shown.startswith("postgresql://" if backend == "postgresql" else "sqlite:///")
    assert f"sang {shown}:" in result.stdout
    assert f"ghi 'store: {shown}' vào hrplan.yaml" in result.stdout and "psycopg" not in result.stdout
    assert ("~/.pgpass" in result.stdout) == (backend == "postgresql"), result.stdout
