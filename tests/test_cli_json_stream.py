"""`print_json_list` (check -f json's findings, written as they are made) writes the bytes `print_json` writes."""
from __future__ import annotations

import io
import sys
from decimal import Decimal

import pytest

from hrplan.cli.output import print_json, print_json_list

ITEMS = [
    {"code": "check.behind_plan", "params": {"ratio": "42,3%", "text": "Cử \"cán bộ\"\n\t é 𝄞"}, "figure": None},
    {"nested": [[], {}, [{"a": [1, 2.5, Decimal("1.50")]}]], "big": 2 ** 70, "empty": {}},
    [1, "two", None],
    "plain text",
    3.25,
]


def _written(monkeypatch, write, binary: bool) -> bytes:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8") if binary else io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    write()
    stream.flush()
    return raw.getvalue() if binary else stream.getvalue().encode("utf-8")


@pytest.mark.parametrize("binary", [True, False])
@pytest.mark.parametrize("items", [[], ITEMS[:1], ITEMS, ITEMS * 3000], ids=["none", "one", "mixed", "many"])
@pytest.mark.parametrize("rest", [{"counts": {"error": 1, "warning": 0}}, {}, {"a": [], "b": {"c": [1]}}])
def test_the_streamed_list_is_the_json_print_json_writes(monkeypatch, binary, items, rest) -> None:
    whole = _written(monkeypatch, lambda: print_json({"findings": items, **rest}), binary)
    streamed = _written(monkeypatch, lambda: print_json_list("findings", iter(items), rest), binary)
    assert streamed == whole
    assert len(whole) > 20
