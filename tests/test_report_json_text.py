"""The report's JSON text (hrplan.jsontext.json_rows): orjson, a key a line and a table row a line, data kept."""
from __future__ import annotations

import enum
import json
import math
from decimal import Decimal

import pytest

from hrplan.jsontext import json_rows


class _Word(str, enum.Enum):
    OVER = "vượt"


class _Level(enum.IntEnum):
    COMMUNE = 3


TRICKY = [
    # floats orjson writes otherwise than repr (below 1e-4), and those it writes the same
    [1.5e-05, 1e-07, 0.0001, 0.00015, 5e-324, 1e16, 1e22, 1.2345678901234568e+17, -0.0, 0.1 + 0.2, 2.853, 1 / 3],
    {"nan": math.nan, "inf": math.inf, "-inf": -math.inf},  # not JSON: written as null
    {"big": 2 ** 70, "max": 2 ** 63 - 1, "min": -2 ** 63},  # beyond 64 bits orjson refuses: the standard road
    {1: "int key", 2.5: "float key", None: "null key", False: "bool key"},  # keys as json.dumps makes them
    {"text": "Cử cán bộ \x00\x01\x08\x0c\x1f\x7f \u2028\u2029 \"quoted\" \\ tab\t nl\n é 𝄞", "e-mail": "e-1 0.00001"},
    {"empty": [], "none": {}, "nested": [[], {}, [{}], {"a": []}], "tuple": (1, "a"), "enums": [_Word.OVER, _Level.COMMUNE]},
    {"decimal": Decimal("1.50"), "rows": [[Decimal("2"), None]]},  # what orjson does not know: str(value)
]


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [_finite(v) for v in value]
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("data", TRICKY)
def test_the_data_reads_back_as_the_standard_library_wrote_it(data) -> None:
    doc = {"value": data, "table": {"columns": ["v"], "rows": [[data], [data]]}, "list": [data, data]}
    text = json_rows(doc).decode("utf-8")
    assert json.loads(text) == _finite(json.loads(json.dumps(doc, ensure_ascii=False, default=str)))
    assert text.endswith("}\n")


def test_every_float_reads_back_exactly() -> None:
    values = [m * 10.0 ** e for e in range(-330, 309) for m in (1.0, 1.5, 2.853, 9.999999999999998)]
    values = [v for v in values if math.isfinite(v)]
    assert json.loads(json_rows({"rows": [[v] for v in values]}))["rows"] == [[v] for v in values]


def test_rows_are_a_line_each_and_read_back_the_same() -> None:
    """The report (format 2) is written a key a line and a table row a line: the same data, a file to page through."""
    data = {"format": 2, "name": "Tỷ lệ", "units": {"columns": ["unit", "plan"], "rows": [["A", 1.5], ["B", None]]},
            "summary": [{"ratio": 2.5e-05}, {"ratio": 3}], "big": 2 ** 70, "when": Decimal("1.25"), "empty": []}
    text = json_rows(data).decode("utf-8")
    assert json.loads(text) == {**data, "when": "1.25"}
    lines = text.splitlines()
    assert '["A",1.5],' in lines and '["B",null]' in lines and '{"ratio":3}' in lines
    assert '"name": "Tỷ lệ",' in lines  # UTF-8, not \\u-escaped


def test_written_a_piece_at_a_time_the_text_is_the_same(monkeypatch) -> None:
    from hrplan import jsontext

    def data():
        return {"head": {"a": 1}, "rows": iter([[i, f"hàng {i}", Decimal(i) / 4] for i in range(3000)]),
                "empty": [], "later": lambda: {"n": 3000}, "table": {"columns": ["x"], "rows": iter([[1], [2]])},
                "tricky": TRICKY}

    whole = json_rows(data())
    monkeypatch.setattr(jsontext._Out, "LIMIT", 64)  # spill after nearly every row
    pieces: list[bytes] = []
    jsontext.write_json_rows(data(), pieces.append)
    assert len(pieces) > 100 and b"".join(pieces) == whole
    json.loads(whole)
