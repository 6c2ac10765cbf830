"""Store URLs: the workspace setting, --store and HRPLAN_STORE; old plain paths; passwords never shown."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_sample_workspace
from hrplan.problems import HrplanError
from hrplan.store import parse_store_url
from hrplan.workspace import Workspace, init_workspace


def test_plain_paths_and_sqlite_urls_are_files_relative_to_the_workspace(tmp_path: Path) -> None:
    assert parse_store_url("hrplan.sqlite", tmp_path).path == tmp_path / "hrplan.sqlite"  # old workspaces
    assert parse_store_url("sqlite:///data/s.sqlite", tmp_path).path == tmp_path / "data" / "s.sqlite"
    assert parse_store_url("sqlite:////srv/s.sqlite", tmp_path).path == Path("/srv/s.sqlite")
    server = parse_store_url("postgresql://analyst@db.tinh.vn/hrplan", tmp_path)
    assert (server.backend, server.is_server, server.path) == ("postgresql", True, None)


def test_a_password_in_the_url_is_masked(tmp_path: Path) -> None:
    url = parse_store_url("postgresql://analyst:Mk-2023!x@db.tinh.vn:5433/hrplan")
    assert url.masked() == "postgresql://analyst:***@db.tinh.vn:5433/hrplan"
    assert "Mk-2023" not in str(url) and "Mk-2023" not in repr(url)
    assert url.url.password == "Mk-2023!x"  # still used to connect


@pytest.mark.parametrize("text, code", [("mysql://u@h/db", "store.unsupported"), ("sqlite://", "store.bad_url"),
                                        ("postgresql://u:pw@h:port/db", "store.bad_url")])
def test_unusable_urls_are_refused_with_a_reason(text: str, code: str) -> None:
    with pytest.raises(HrplanError) as exc:
        parse_store_url(text)
    assert exc.value.problems[0].code == code
    assert "pw" not in str(exc.value.problems[0].params)


@pytest.mark.parametrize("password", ["An@lyst:pw/1", "S3cr@tPass#2024", "Qz?xy9@ab12"])
def test_a_password_typed_with_at_or_hash_is_refused_before_connecting_and_never_shown(password: str, tmp_path: Path,
                                                                                       run) -> None:
    url = f"postgresql://analyst:{password}@localhost:55432/hrplan"
    ws = make_sample_workspace(tmp_path / "ws")
    with pytest.raises(HrplanError) as exc:
        parse_store_url(url)
    problem = exc.value.problems[0]
    assert problem.code == "store.password_not_encoded"
    assert problem.params["url"] == "postgresql://analyst:***@localhost:55432/hrplan"
    for lang, says in (("vi", "%40 cho @"), ("en", "%40 for @")):
        result = run("--store", url, "store", "info", workspace=ws, lang=lang)
        assert result.exit_code == 2, result.output
        assert says in result.output and "store.password_not_encoded" in result.output
        for part in {password, *password.replace("#", "@").replace("?", "@").split("@")}:
            assert part not in result.output.replace("analyst:***@localhost", "")
    encoded = parse_store_url("postgresql://analyst:An%40lyst%3Apw%2F1@localhost:55432/hrplan")
    assert encoded.url.password == "An@lyst:pw/1" and encoded.url.host == "localhost"  # the encoded form works


def test_mask_text_hides_a_password_up_to_the_last_at() -> None:
    from hrplan.store.urls import mask_text

    assert (mask_text("cannot open postgresql://analyst:An@lyst:pw/1@localhost:55432/hrplan: refused")
            == "cannot open postgresql://analyst:***@localhost:55432/hrplan: refused")


@pytest.mark.sqlite_only
def test_an_old_workspace_with_a_plain_path_keeps_its_store(sample_ws: Workspace, run) -> None:
    config = sample_ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("store: sqlite:///hrplan.sqlite", "store: hrplan.sqlite"),
                      encoding="utf-8")
    assert Workspace(sample_ws.root).store_path == sample_ws.root / "hrplan.sqlite"
    assert run("status", workspace=sample_ws).exit_code == 0


@pytest.mark.sqlite_only
def test_store_option_and_environment_win_over_the_workspace_file(sample_ws: Workspace, run, monkeypatch,
                                                                  tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    result = run("--store", f"sqlite:///{other}", "store", "info", "-f", "json", workspace=sample_ws)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["url"] == f"sqlite:///{other}"
    assert other.exists()
    monkeypatch.setenv("HRPLAN_STORE", f"sqlite:///{tmp_path / 'env.sqlite'}")
    result = run("store", "info", "-f", "json", workspace=sample_ws)
    assert json.loads(result.stdout)["url"] == f"sqlite:///{tmp_path / 'env.sqlite'}"


@pytest.mark.sqlite_only
def test_an_unreachable_server_is_reported_without_the_password(sample_ws: Workspace, run) -> None:
    # port 1 on this machine: nothing listens, the connection is refused at once
    url = "postgresql://analyst:Mk-2023!x@127.0.0.1:1/hrplan"
    for args in (("status",), ("store", "info"), ("import", str(sample_ws.root / "inbox"))):
        result = run("--store", url, *args, workspace=sample_ws, lang="en")
        assert result.exit_code == 2, result.output
        assert "store.unreachable" in result.stderr
        assert "analyst:***@127.0.0.1:1/hrplan" in result.stderr
        assert "Mk-2023" not in result.output + result.stderr


def test_init_writes_the_store_url_given(tmp_path: Path, run) -> None:
    url = "postgresql://analyst@db.tinh.vn/hrplan"
    with pytest.raises(HrplanError):  # the server does not exist: init opens the store and says so
        init_workspace(tmp_path / "w", store=url)
    assert f"store: {url}" in (tmp_path / "w" / "hrplan.yaml").read_text(encoding="utf-8")
    result = run("init", tmp_path / "new", lang="en")
    assert result.exit_code == 0, result.output
    assert "store: sqlite:///hrplan.sqlite" in (tmp_path / "new" / "hrplan.yaml").read_text(encoding="utf-8")


def test_a_password_never_shows_in_status_or_store_info_on_a_server(pg_url: str, sample_ws: Workspace, run) -> None:
    # the test server trusts local connections, so a password in the URL is accepted and must stay hidden
    url = pg_url.replace("postgresql://postgres@", "postgresql://postgres:Mk-2023!x@")
    for args in (("status", "-f", "json"), ("store", "info"), ("store", "info", "-f", "json"), ("status",)):
        result = run("--store", url, *args, workspace=sample_ws, lang="en")
        assert result.exit_code == 0, result.output
        assert "Mk-2023" not in result.output + result.stderr
    assert json.loads(run("--store", url, "status", "-f", "json", workspace=sample_ws).stdout)["store"].startswith(
        "postgresql://postgres:***@/")


def test_a_store_path_that_is_a_folder_is_a_clear_error_with_exit_2(sample_ws, run, tmp_path):
    folder = tmp_path / "hrplan.db"
    folder.mkdir()  # e.g. a folder made by hand where the store file should be
    for command in (["status"], ["import", str(sample_ws.root / "inbox")], ["report", "-p", "12-CTr/TU", "--period", "2016"]):
        result = run("--store", folder, *command, workspace=sample_ws)
        assert result.exit_code == 2, (command, result.output)
        assert "store.file_is_folder" in result.stderr and "là một thư mục, không phải tệp SQLite" in result.stderr
        assert "Traceback" not in result.output and "mật khẩu" not in result.stderr  # not a server's password advice
    english = run("--store", folder, "status", workspace=sample_ws, lang="en")
    assert f"The store {folder} is a folder, not an SQLite file" in english.stderr
    assert list(folder.iterdir()) == []  # nothing was written into it
