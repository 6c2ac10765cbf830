"""JSON for scripts and files, written fast: orjson (a compiled encoder) with what the standard library would write.

At national scale a report or a list of findings holds hundreds of thousands of objects; the standard library's
encoder falls back to pure Python once `indent` is asked for (5-10x slower). `json_rows` writes the report (a
key a line, a table row a line). orjson writes the same JSON: UTF-8
text (never \\u-escaped Vietnamese), keys in insertion order, floats in their shortest form. What it does not know
(a Decimal, a date, a Path) is written as `str(value)`, as `json.dumps(default=str)` did; NaN and infinities, which
are not JSON, are written as null.
"""
from __future__ import annotations

from typing import Any, Callable, Iterator

import orjson

# Dates and dataclasses go to `default` (str), as json.dumps(default=str) wrote them, not orjson's own formats.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_NON_STR_KEYS


def json_bytes(data: Any, indent: bool = False) -> bytes:
    """Give `data` as UTF-8 JSON: compact, or indented by two spaces for a person to read; ends with a newline."""
    options = _OPTIONS | (orjson.OPT_INDENT_2 if indent else 0) | orjson.OPT_APPEND_NEWLINE
    try:
        return orjson.dumps(data, default=str, option=options)
    except orjson.JSONEncodeError:  # an integer beyond 64 bits: JSON has it, orjson does not; the slow road
        import json

        text = json.dumps(data, ensure_ascii=False, indent=2 if indent else None, default=str,
                          separators=None if indent else (",", ":"))
        return (text + "\n").encode("utf-8")


def json_text(data: Any, indent: bool = False) -> str:
    """Give `data` as JSON text (see `json_bytes`)."""
    return json_bytes(data, indent).decode("utf-8")


def json_rows(data: dict[str, Any]) -> bytes:
    """Give a dict as compact JSON with each key on a line of its own, and each row of its lists (and of the
    lists one level down, e.g. a table's "rows") on a line of its own; UTF-8, ends with a newline.

    A report of hundreds of thousands of rows stays a file a person can page through and `grep`, at the size
    of compact JSON (indenting every value would double it). Rows may come from a generator (written as they
    come, never all held) and a value may be a function called when its turn comes (what the rows before it
    gathered)."""
    out = _Out()
    _write_rows(data, out)
    return bytes(out)


def write_json_rows(data: dict[str, Any], write: Callable[[bytes], Any]) -> None:
    """Write what `json_rows` gives to `write`, a megabyte at a time: a national report's 40 MB are never held
    whole (twice, as the text being made and its copy)."""
    out = _Out(write)
    _write_rows(data, out)
    out.spill(force=True)


class _Out(bytearray):
    """The text being made; with a `write`, handed to it once it passes a megabyte."""

    LIMIT = 1 << 20

    def __init__(self, write: Callable[[bytes], Any] | None = None):
        super().__init__()
        self.write = write

    def spill(self, force: bool = False) -> None:
        if self.write is not None and (force or len(self) >= self.LIMIT):
            self.write(bytes(self))
            self.clear()


def _write_rows(data: dict[str, Any], out: _Out) -> None:
    _object(out, data, 0)
    out += b"\n"


def _object(out: _Out, data: dict[str, Any], depth: int) -> None:
    """Write a dict a key a line, each value as `_nested` writes it at `depth`."""
    out += b"{\n"
    for i, (key, value) in enumerate(data.items()):
        if i:
            out += b",\n"
        out += _piece(key) + b": "
        _nested(out, value, depth)
    out += b"\n}"


def _nested(out: _Out, value: Any, depth: int) -> None:
    # Each piece is copied into `out` at once: a bytes object from orjson keeps its whole working buffer (kilobytes
    # for a row of a hundred bytes), so a list of 260,000 pieces would take 500 MB.
    if callable(value):
        value = value()
    if _is_rows(value):
        out += b"["
        wrote = False
        for item in value:
            out += b",\n" if wrote else b"\n"
            out += _piece(item)
            wrote = True
            out.spill()
        out += b"\n]" if wrote else b"]"
    elif depth == 0 and isinstance(value, dict) and any(_is_rows(v) or callable(v) for v in value.values()):
        _object(out, value, 1)
    else:
        out += _piece(value)


def _is_rows(value: Any) -> bool:
    """Tell a list of rows (lists or objects) or a generator of them from any other value."""
    if isinstance(value, list):
        return bool(value) and isinstance(value[0], (list, dict))
    return isinstance(value, Iterator)


def _piece(value: Any) -> bytes:
    try:
        return orjson.dumps(value, default=str, option=_OPTIONS)
    except orjson.JSONEncodeError:  # an integer beyond 64 bits (see json_bytes)
        import json

        return json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":")).encode("utf-8")
