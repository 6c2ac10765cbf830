"""A mistake on the command line is told in the user's language, with click's exit code 2 and no traceback."""
from __future__ import annotations

import subprocess
import sys

import pytest

from hrplan.cli.usage_errors import vietnamese


def _hrplan(*args: str, lang: str | None = None) -> subprocess.CompletedProcess:
    """Run the console script's entry point (cli.main.main) in a fresh interpreter."""
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "100", **({"HRPLAN_LANG": lang} if lang else {})}
    code = "import sys\nfrom hrplan.cli.main import main\nsys.argv = ['hrplan', *sys.argv[1:]]\nmain()\n"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("args, vi, en", [
    (["import"], "Lỗi: Thiếu tham số bắt buộc TỆP.", "Error: Missing argument 'FILE'."),
    (["store", "copy"], "Lỗi: Thiếu tùy chọn bắt buộc --to.", "Error: Missing option '--to'."),
    (["check", "--bogus"], "Lỗi: Không có tùy chọn --bogus. (có thể là: --verbose)", "Error: No such option: --bogus"),
    (["chek"], "Lỗi: Không có lệnh 'chek'. Có phải là 'check'?", "Error: No such command 'chek'. Did you mean 'check'?"),
    (["import", "x", "--wait"], "Lỗi: Tùy chọn --wait cần một giá trị đi sau.", "Error: Option '--wait' requires an argument."),
    (["import", "x", "--wait", "abc"], "Lỗi: Giá trị không hợp lệ cho --wait: cần một số.", "Error: Invalid value for '--wait'"),
    (["import", "x", "--workers", "0"], "cho --workers: cần từ 1 trở lên.", "Error: Invalid value for '--workers'"),
    (["restore", "abc"], "Lỗi: Giá trị không hợp lệ cho SỐ_BẢN: cần một số nguyên.", "Error: Invalid value for 'NUMBER'"),
    (["status", "extra"], "Lỗi: Thừa tham số: extra.", "Error: Got unexpected extra argument"),
])
def test_a_mistake_on_the_command_line_is_told_in_the_users_language(args, vi, en):
    said = _hrplan(*args)
    assert said.returncode == 2 and vi in said.stderr and "Traceback" not in said.stderr, said.stderr
    assert "Error:" not in said.stderr and "Usage:" not in said.stderr
    for english in (_hrplan(*args, lang="en"), _hrplan("--lang", "en", *args), _hrplan(*args, "--lang=en")):
        assert english.returncode == 2 and en in english.stderr and "Lỗi" not in english.stderr, english.stderr


def test_the_usage_line_and_the_hint_come_first_as_click_writes_them():
    said = _hrplan("import").stderr.splitlines()
    assert said[:2] == ["Cách dùng: hrplan import [OPTIONS] {TỆP}...", "Xem 'hrplan import --help' để biết các tùy chọn."]


def test_a_message_no_pattern_knows_stays_as_click_wrote_it():
    assert vietnamese("Something new from a later click.") == "Something new from a later click."
    assert vietnamese("Invalid value for '--x': something new.") == "Giá trị không hợp lệ cho --x: something new."


def test_a_command_that_runs_keeps_its_own_exit_code(tmp_path):
    assert _hrplan("--version").returncode == 0
    assert _hrplan("--help").returncode == 0
    missing = _hrplan("--workspace", str(tmp_path / "none"), "status")  # hrplan's own error: exit 2, in Vietnamese
    assert missing.returncode == 2 and "Traceback" not in missing.stderr and "Lỗi" in missing.stderr
