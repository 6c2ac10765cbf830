"""Tests for reading Vietnamese number text and writing figures the office way (hrplan.values)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from hrplan.values import NotANumber, describe_percent, format_number, format_percent, format_times, parse_number


# -- reading -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.297", Decimal("1297")),  # one dot, three digits after it: thousands
        ("15.185", Decimal("15185")),
        ("27.296", Decimal("27296")),
        ("1.297.500", Decimal("1297500")),
        ("1,15", Decimal("1.15")),  # comma: decimals
        ("1,297", Decimal("1.297")),  # a lone comma is a decimal comma, even before three digits
        ("1,297,500", Decimal("1297500")),  # English thousands, unambiguous with two groups
        ("1,297.5", Decimal("1297.5")),
        ("1.297,5", Decimal("1297.5")),
        ("1.5", Decimal("1.5")),  # one digit after a dot is not a thousands group
        ("0,5", Decimal("0.5")),
        ("-1.297", Decimal("-1297")),
        ("1 297", Decimal("1297")),  # a space inside a number
        ("\u00a0430\u00a0", Decimal("430")),  # non-breaking spaces around it
        ("285%", Decimal("2.85")),
        ("61,5%", Decimal("0.615")),
        ("61,5 %", Decimal("0.615")),
        ("(12)", Decimal("-12")),  # accounting negative
        ("(1.297)", Decimal("-1297")),
    ],
)
def test_number_text_is_read_the_vietnamese_way(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["-", "", "   ", "–", "x", "…", "#N/A", None])
def test_blank_and_dash_mean_no_figure(text: object) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(117, Decimal(117)), (1.15, Decimal("1.15")), (Decimal("2.85"), Decimal("2.85"))],
)
def test_numbers_from_cells_pass_through_exactly(value: object, expected: Decimal) -> None:
    assert parse_number(value) == expected


@pytest.mark.parametrize(
    "text",
    ["abc", "12a", "1.2.3", "1.297.5", "%", "()", "1e5", "NaN", "Infinity", "+-5", "một trăm", True, float("nan"),
     float("inf")],
)
def test_garbage_raises_not_a_number(text: object) -> None:
    with pytest.raises(NotANumber):
        parse_number(text)


# -- writing -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (15185, "15.185"),
        (1297, "1.297"),
        (1297500, "1.297.500"),
        (430, "430"),
        (0, "0"),
        (1.15, "1,15"),
        (Decimal("1297.5"), "1.297,5"),
        (-1297, "-1.297"),
        (1.297, "1,297"),  # 1.297 triệu đồng in tỷ: every decimal, never '1,3'
        (6.997, "6,997"),
        (19.549999999999997, "19,55"),  # a float's noise past four decimals rounds away
        (999.99999, "1.000"),  # rounds to a whole number: shown like one, without ',0000'
        (None, "-"),
    ],
)
def test_format_number(value: object, expected: str) -> None:
    assert format_number(value) == expected


def test_format_number_with_fixed_decimals_keeps_them() -> None:
    assert format_number(2.5, 2) == "2,50"
    assert format_number(1.15, 0) == "1"


@pytest.mark.parametrize(
    ("actual", "plan", "expected"),
    [(117, 41, "285%"), (430, 181, "238%"), (79, 176, "45%"), (30, 10, "300%"), (4, 4, "100%")],
)
def test_format_percent_of_the_seeds(actual: int, plan: int, expected: str) -> None:
    assert format_percent(actual / plan) == expected


def test_format_percent_with_one_decimal_and_missing() -> None:
    assert format_percent(0.615, 1) == "61,5%"
    assert format_percent(None) == "-"


@pytest.mark.parametrize(("candidates", "seats", "expected"), [(61, 53, "1,15 lần"), (21, 15, "1,4 lần"), (30, 15, "2 lần")])
def test_format_times_of_planning_ratios(candidates: int, seats: int, expected: str) -> None:
    assert format_times(candidates / seats) == expected


@pytest.mark.parametrize(
    ("actual", "plan", "expected"),
    [
        (139, 200, "gần 70%"),  # 69,5% is said 'nearly 70%'
        (79, 176, "45%"),  # 44,9% rounds to 45, not a round ten: no 'nearly'
        (117, 41, "285%"),
        (24, 40, "60%"),  # exactly 60: not 'nearly'
        (30, 10, "300%"),
        (4, 4, "100%"),
        (9995, 10000, "gần 100%"),
        (4608, 4600, "hơn 100%"),  # over plan (vượt): '100%' read as exactly met
        (10040, 10000, "hơn 100%"),
    ],
)
def test_describe_percent(actual: int, plan: int, expected: str) -> None:
    assert describe_percent(actual / plan) == expected


def test_just_over_100_in_english() -> None:
    assert describe_percent(4608 / 4600, "en") == "just over 100%"
