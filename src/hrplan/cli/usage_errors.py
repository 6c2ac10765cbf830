"""Mistakes on the command line (a missing file name, a mistyped option) told in the user's language.

click (through typer) writes these in English. In Vietnamese, the usage line, the hint and the message are
written again from click's message: each kind of mistake click makes is matched and said in Vietnamese, and
a message no pattern knows stays as click wrote it (a newer click may word things differently). The exit
code is click's (2) either way.
"""
from __future__ import annotations

import re
import sys
from typing import Any, Callable

_VALUE = [  # what typer's conversion says of a bad value
    (re.compile(r"^Input should be a valid integer\b.*$"), lambda m: "cần một số nguyên"),
    (re.compile(r"^Input should be a valid number\b.*$"), lambda m: "cần một số"),
    (re.compile(r"^Input should be greater than or equal to (\S+)$"), lambda m: f"cần từ {m[1]} trở lên"),
    (re.compile(r"^Input should be less than or equal to (\S+)$"), lambda m: f"cần từ {m[1]} trở xuống"),
    (re.compile(r"^Input should be greater than (\S+)$"), lambda m: f"cần lớn hơn {m[1]}"),
]


def _value(text: str) -> str:
    return _match(_VALUE, text) or text


def _possible(rest: str) -> str:
    """Say click's suggestion after an unknown option or command in Vietnamese."""
    rest = rest.strip()
    if m := re.fullmatch(r"\(Possible options: (.+)\)", rest):
        return f" (có thể là: {m[1].replace(' or ', ' hoặc ')})"
    if m := re.fullmatch(r"Did you mean (.+)\?", rest):
        return f" Có phải là {m[1].replace(' or ', ' hoặc ')}?"
    return f" {rest}" if rest else ""


_MESSAGES: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
    (re.compile(r"^Missing argument '(.+)'\.$"), lambda m: f"Thiếu tham số bắt buộc {m[1]}."),
    (re.compile(r"^Missing option '(.+)'\.$"), lambda m: f"Thiếu tùy chọn bắt buộc {m[1]}."),
    (re.compile(r"^Missing command\.$"), lambda m: "Chưa ghi lệnh nào: các lệnh được liệt kê trong --help."),
    (re.compile(r"^No such option: (\S+)(.*)$", re.S), lambda m: f"Không có tùy chọn {m[1]}.{_possible(m[2])}"),
    (re.compile(r"^No such command '(.+?)'\.(.*)$", re.S), lambda m: f"Không có lệnh '{m[1]}'.{_possible(m[2])}"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), lambda m: f"Tùy chọn {m[1]} cần một giá trị đi sau."),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$"), lambda m: f"Thừa tham số: {m[1]}."),
    (re.compile(r"^Invalid value for '(.+?)': (.+)$", re.S),
     lambda m: f"Giá trị không hợp lệ cho {m[1]}: {_value(m[2]).rstrip('.')}."),
]


def _match(patterns: list[tuple[re.Pattern, Callable[[re.Match], str]]], text: str) -> str | None:
    for pattern, say in patterns:
        m = pattern.match(text)
        if m:
            return say(m)
    return None


def vietnamese(message: str) -> str:
    """Give click's message in Vietnamese, or as it is when no pattern knows it."""
    return _match(_MESSAGES, message.strip()) or message


def show(error: Any, lang: str) -> None:
    """Print a click usage error (an instance of click's ClickException) the way click does, in `lang`."""
    if lang != "vi":
        error.show()
        return
    ctx = getattr(error, "ctx", None)
    out = sys.stderr
    if ctx is not None:
        usage = ctx.get_usage().replace("Usage:", "Cách dùng:", 1)
        out.write(f"{usage}\nXem '{ctx.command_path} --help' để biết các tùy chọn.\n\n")
    out.write(f"Lỗi: {vietnamese(error.format_message())}\n")
