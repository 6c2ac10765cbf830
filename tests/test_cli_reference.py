"""docs/cli.md and docs/cli.en.md are generated from --help; they must match the code, and English must be English."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import typer

from conftest import REPO
from hrplan.cli.help_en import COMMANDS as ENGLISH_COMMANDS, METAVARS, PARAMS
from hrplan.cli.main import app
from hrplan.cli.reference import COMMANDS, reference

# Letters only Vietnamese uses (with their tone marks); English help has none outside quoted examples.
VIETNAMESE = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)


def _tree():
    """Give (path, command) for `hrplan` and every command under it, from the click tree typer builds."""
    out, todo = [], [("", typer.main.get_command(app))]
    while todo:
        path, command = todo.pop()
        out.append((path, command))
        todo += [(f"{path} {name}".strip(), sub) for name, sub in getattr(command, "commands", {}).items()]
    return out


@pytest.mark.parametrize("lang, name", [("vi", "cli.md"), ("en", "cli.en.md")])
def test_docs_cli_reference_is_in_sync_with_the_help_texts(lang, name):
    text = reference(lang)
    assert all(f"## hrplan {c}\n" in text for c in COMMANDS)
    assert (REPO / "docs" / name).read_text(encoding="utf-8") == text, (
        f"docs/{name} is out of date: run `python -m hrplan.cli.reference{' --lang en' if lang == 'en' else ''}"
        f" > docs/{name}`")


def test_every_command_and_option_has_its_english_help_and_no_english_text_is_left_over():
    tree = _tree()
    assert {path for path, _ in tree} == set(ENGLISH_COMMANDS)
    wanted = {(path, p.name) for path, command in tree for p in command.params if getattr(p, "help", None)}
    assert wanted == set(PARAMS)
    metavars = {p.metavar for _, command in tree for p in command.params if p.metavar and VIETNAMESE.search(p.metavar)}
    assert metavars <= set(METAVARS)


def test_english_help_of_every_command_is_english(run):
    for path, _ in _tree():
        result = run("--lang", "en", *path.split(), "--help")
        assert result.exit_code == 0, result.output
        words = re.sub(r"'[^']*'", "", result.output)  # a quoted example may be a Vietnamese name ('Tỉnh Cao Bằng')
        assert not VIETNAMESE.search(words), f"hrplan {path} --help --lang en:\n{result.output}"
        assert ENGLISH_COMMANDS[path].split("\n")[0].split(":")[0] in result.output.replace("\n  ", " ")
    vietnamese = run("import", "--help")  # the next run without --lang: the tree is built again, in Vietnamese
    assert "Nhập báo cáo của đơn vị" in vietnamese.output and "TỆP" in vietnamese.output


def test_the_help_option_speaks_the_language_of_the_help(run):
    """click writes its --help option's line in English ('Show this message and exit.'): in Vietnamese it was the
    one English line of every command's help."""
    for path, _ in _tree():  # `hrplan --help` itself: the console script's, below (click shows it before --lang)
        vietnamese = run(*(path.split() or ["--lang", "vi"]), "--help")
        assert "--help" in vietnamese.output and "Hiện hướng dẫn này rồi thoát." in vietnamese.output, path
        assert "Show this message" not in vietnamese.output, f"hrplan {path} --help:\n{vietnamese.output}"
        assert "Show this message and exit." in run("--lang", "en", *path.split(), "--help").output, path
    assert "Show this message" not in (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


def _hrplan(args: list[str], lang: str | None) -> subprocess.CompletedProcess:
    """Run the console script's entry point in a fresh interpreter with HRPLAN_LANG set (or not)."""
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "100", "PYTHONPATH": str(REPO / "src"),  # this checkout's hrplan
           **({"HRPLAN_LANG": lang} if lang else {})}
    code = "import sys\nfrom hrplan.cli.main import main\nsys.argv = ['hrplan', *sys.argv[1:]]\nmain()\n"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("args, code", [([], 2), (["--help"], 0), (["check", "--help"], 0), (["--help", "--lang", "en"], 0),
                                        (["--lang", "en"], 2), (["check", "--help", "--lang=en"], 0)])
def test_the_language_of_the_environment_reaches_every_help(args, code):
    english = _hrplan(args, "en")
    assert english.returncode == code and english.stdout.startswith("Usage: hrplan")
    assert not VIETNAMESE.search(re.sub(r"'[^']*'", "", english.stdout)), english.stdout
    english_asked = _hrplan(args, None)
    assert english_asked.stdout == english.stdout or "--lang" not in " ".join(args)
    vietnamese_args = [a for a in args if a not in ("--lang", "en", "--lang=en")]
    default = _hrplan(vietnamese_args, None)
    assert default.returncode == code and VIETNAMESE.search(default.stdout)
    assert "Hiện hướng dẫn này rồi thoát." in default.stdout and "Show this message" not in default.stdout
    chosen = _hrplan(["--lang", "vi", *vietnamese_args], "en")
    assert chosen.returncode == code and VIETNAMESE.search(chosen.stdout)  # --lang wins over HRPLAN_LANG


def test_help_says_waits_in_seconds_ranges_in_words_and_one_spelling_of_output(run, tmp_path):
    # `consolidate` showed "--wait <float range>" where import and restore show "--wait SECONDS"; several options
    # showed click's "[x>=0]"; feedback listed "-o, --output, --out".
    for lang, seconds, zero, one in (("vi", "GIÂY", "(từ 0 trở lên)", "(từ 1 trở lên"),
                                     ("en", "SECONDS", "(0 or more)", "(1 or more")):
        for path, _ in _tree():
            text = run("--lang", lang, *path.split(), "--help").output
            for click_words in ("x>=", "x<=", "range>", "--output, --out", "--out <path>"):
                assert click_words not in text, f"hrplan {path} --help --lang {lang}:\n{text}"
        for command in ("import", "restore", "consolidate"):
            text = " ".join(run("--lang", lang, command, "--help").output.split())
            assert f"--wait {seconds} " in text and zero in text, (command, lang, text)
        assert one in " ".join(run("--lang", lang, "import", "--help").output.split())
        for command in ("feedback", "demo"):
            assert "-o, --output <path>" in run("--lang", lang, command, "--help").output
    # what the help no longer shows is still taken: --out (earlier releases), and a negative wait still refused
    folder = tmp_path / "tai-lieu"
    folder.mkdir()
    (folder / "x.docx").write_bytes(b"keep")
    for option in ("--out", "--output", "-o"):
        result = run("demo", option, folder)
        assert result.exit_code == 2 and "demo.not_empty" in result.stderr and str(folder) in result.stderr, option
    for args in (["consolidate", "--wait", "-1"], ["import", "x", "--wait", "-0.5"], ["restore", "1", "--wait", "-3"],
                 ["import", "x", "--workers", "0"]):
        result = run(*args, workspace=tmp_path)
        assert result.exit_code == 2 and "greater than or equal to" in result.output, (args, result.output)
