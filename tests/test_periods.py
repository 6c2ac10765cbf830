"""Tests for reporting periods and their cut-off windows (hrplan.periods)."""
from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from hrplan.definitions.periods import CutoffRule, Period, PeriodError


@pytest.mark.parametrize(
    ("text", "start", "end", "label", "kind"),
    [
        ("2023-Q2", date(2023, 4, 1), date(2023, 6, 30), "2023-Q2", "quarter"),
        ("2023q4", date(2023, 10, 1), date(2023, 12, 31), "2023-Q4", "quarter"),
        ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "2024-Q1", "quarter"),
        ("2023-H1", date(2023, 1, 1), date(2023, 6, 30), "2023-H1", "half"),
        ("2023-H2", date(2023, 7, 1), date(2023, 12, 31), "2023-H2", "half"),
        ("2022", date(2022, 1, 1), date(2022, 12, 31), "2022", "year"),
        (" 2022 ", date(2022, 1, 1), date(2022, 12, 31), "2022", "year"),
        ("2023-05", date(2023, 5, 1), date(2023, 5, 31), "2023-05", "month"),
        ("2024-2", date(2024, 2, 1), date(2024, 2, 29), "2024-02", "month"),  # leap year
        ("2021..2023-Q2", date(2021, 1, 1), date(2023, 6, 30), "2021..2023-Q2", "range"),
        ("2016..2019-05", date(2016, 1, 1), date(2019, 5, 31), "2016..2019-05", "range"),
        ("2021-2025", date(2021, 1, 1), date(2025, 12, 31), "2021-2025", "range"),
        ("2021 – 2025", date(2021, 1, 1), date(2025, 12, 31), "2021-2025", "range"),
    ],
)
def test_parse(text: str, start: date, end: date, label: str, kind: str) -> None:
    period = Period.parse(text)
    assert (period.start, period.end, period.label, period.kind) == (start, end, label, kind)
    assert str(period) == label


@pytest.mark.parametrize(
    "text",
    ["", "abc", "2023-Q5", "2023-Q0", "2023-H3", "2023-13", "2023-00", "2025-2021", "2023..2021",
     "2023-Q2..2023-Q1", "2021..2022..2023", "Q2/2023", "23"],
)
def test_invalid_text_raises_period_error(text: str) -> None:
    with pytest.raises(PeriodError):
        Period.parse(text)


def test_periods_are_equal_by_their_span_not_their_spelling() -> None:
    assert Period.parse("2021..2022") == Period.parse("2021-2022")
    assert len({Period.parse("2021..2022"), Period.parse("2021-2022")}) == 1
    assert Period.parse("2023-Q1") < Period.parse("2023-Q2") < Period.parse("2023-H2")
    assert Period.parse("2022") != Period.parse("2022-H1")


def test_contains() -> None:
    review = Period.parse("2021..2023-05")
    assert review.contains(Period.parse("2021"))
    assert review.contains(Period.parse("2023-05"))
    assert review.contains(review)
    assert not review.contains(Period.parse("2023-Q2"))  # June lies outside
    assert not review.contains(Period.parse("2020-H2"))
    assert not Period.parse("2023-Q2").contains(review)


def test_years() -> None:
    assert Period.parse("2021..2023-Q2").years() == [2021, 2022, 2023]
    assert Period.parse("2023-Q2").years() == [2023]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-Q2", "Quý II/2023"),
        ("2023-Q4", "Quý IV/2023"),
        ("2023-H1", "6 tháng đầu năm 2023"),
        ("2023-H2", "6 tháng cuối năm 2023"),
        ("2022", "Năm 2022"),
        ("2023-05", "Tháng 05/2023"),
        ("2021-2025", "Giai đoạn 2021 - 2025"),
        ("2021..2022", "Giai đoạn 2021 - 2022"),
        ("2021..2023-05", "Từ 01/01/2021 đến 31/05/2023"),
    ],
)
def test_vietnamese(text: str, expected: str) -> None:
    assert Period.parse(text).vietnamese() == expected


# -- cut-off (Decree 09/2019/NĐ-CP) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # a quarter: from the 15th of the month before it to the 14th of its last month
        ("2023-Q1", date(2022, 12, 15), date(2023, 3, 14)),
        ("2023-Q2", date(2023, 3, 15), date(2023, 6, 14)),
        ("2023-Q3", date(2023, 6, 15), date(2023, 9, 14)),
        ("2023-Q4", date(2023, 9, 15), date(2023, 12, 14)),
        # a half-year: 15 December to 14 June (and 15 June to 14 December)
        ("2023-H1", date(2022, 12, 15), date(2023, 6, 14)),
        ("2023-H2", date(2023, 6, 15), date(2023, 12, 14)),
        # a year: 15 December to 14 December
        ("2023", date(2022, 12, 15), date(2023, 12, 14)),
        ("2021..2023-Q2", date(2020, 12, 15), date(2023, 6, 14)),
    ],
)
def test_decree_09_cutoff_windows(text: str, first: date, last: date) -> None:
    assert CutoffRule().window(Period.parse(text)) == (first, last)


def test_consecutive_quarters_leave_no_gap() -> None:
    rule = CutoffRule()
    _, q1_last = rule.window(Period.parse("2023-Q1"))
    q2_first, _ = rule.window(Period.parse("2023-Q2"))
    assert (q2_first - q1_last).days == 1


@pytest.mark.parametrize("text", ["2023-Q2", "2023-H1", "2023", "2024-02", "2021..2023-05"])
def test_day_one_is_the_calendar(text: str) -> None:
    period = Period.parse(text)
    assert CutoffRule(day=1).window(period) == (period.start, period.end)


@pytest.mark.parametrize("day", [0, 29, 31])
def test_a_cutoff_day_not_in_every_month_is_refused(day: int) -> None:
    with pytest.raises(ValidationError):
        CutoffRule(day=day)


def test_in_sentence_gives_english_words_that_run_on_and_keeps_the_vietnamese_office_form():
    from hrplan.definitions import Period

    words = {label: Period.parse(label).in_sentence("en") for label in
             ("2025", "2024-H1", "2024-H2", "2023-Q2", "2021..2025", "2021..2023-05")}
    assert words == {"2025": "2025", "2024-H1": "the first half of 2024", "2024-H2": "the second half of 2024",
                     "2023-Q2": "Q2 2023", "2021..2025": "2021–2025",
                     "2021..2023-05": "the period from 01/01/2021 to 31/05/2023"}
    assert Period.parse("2025").in_sentence("vi") == "Năm 2025" == Period.parse("2025").describe("vi")


@pytest.mark.parametrize(
    ("text", "vi", "en", "en_sentence"),
    [
        # A range of a year's quarters read 'Giai đoạn 2025 - 2025' ('Số liệu giai đoạn 2025 - 2025 chưa đủ'): it is
        # named as the office names the same months, the way the year or half-year heading does.
        ("2025-Q1..2025-Q4", "Năm 2025", "Year 2025", "2025"),
        ("2025-Q1..2025-Q2", "6 tháng đầu năm 2025", "First half of 2025", "the first half of 2025"),
        ("2025-Q3..2025-Q4", "6 tháng cuối năm 2025", "Second half of 2025", "the second half of 2025"),
        ("2025-H1..2025-H2", "Năm 2025", "Year 2025", "2025"),
        ("2025-Q1..2025-Q3", "9 tháng đầu năm 2025", "First nine months of 2025", "the first nine months of 2025"),
        ("2025-Q2..2025-Q4", "Quý II–IV/2025", "Q2–Q4 2025", "Q2–Q4 2025"),
        # across years, or not whole quarters: the dates, as before
        ("2024-Q3..2025-Q2", "Từ 01/07/2024 đến 30/06/2025", "From 01/07/2024 to 30/06/2025",
         "the period from 01/07/2024 to 30/06/2025"),
        ("2025-01..2025-05", "Từ 01/01/2025 đến 31/05/2025", "From 01/01/2025 to 31/05/2025",
         "the period from 01/01/2025 to 31/05/2025"),
    ],
)
def test_a_range_of_one_years_quarters_is_named_as_the_office_names_those_months(text, vi, en, en_sentence):
    period = Period.parse(text)
    assert (period.describe("vi"), period.in_sentence("vi"), period.describe("en"), period.in_sentence("en")) == (
        vi, vi, en, en_sentence)
