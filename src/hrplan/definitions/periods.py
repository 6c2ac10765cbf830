"""Reporting periods as values: quarters, half-years, years and cumulative ranges (kỳ báo cáo).

`Period.parse("2023-Q2")`, `Period.parse("2023-H1")`, `Period.parse("2022")`,
`Period.parse("2021..2023-Q2")` (cumulative from the start of 2021 to the end of 2023-Q2) and
`Period.parse("2021-2025")` (a program period). Periods compare and hash by their nominal
calendar span; the data window (cut-off) is a separate question answered by `CutoffRule`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache

from pydantic import BaseModel, ConfigDict, Field

_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.I)
_HALF = re.compile(r"^(\d{4})-?H([12])$", re.I)
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


class PeriodError(ValueError):
    """The text is not a period hrplan understands."""


FIRST_YEAR, LAST_YEAR = 1900, 2200  # a period outside these years is a typo ('0000', '9999-12')


@dataclass(frozen=True, order=True)
class Period:
    """A span of calendar time a figure belongs to, named the way offices name it."""

    start: date
    end: date  # inclusive
    label: str = field(compare=False)  # '2021-2022' and '2021..2022' are the same span

    @classmethod
    def parse(cls, text: str) -> Period:
        """Give the period a text names; raise PeriodError when it names none (or a year outside 1900-2200).

        Cached: a national store names the same few dozen periods on a million rows.
        """
        return _parse_cached(str(text))

    @classmethod
    def _parse(cls, text: str) -> Period:
        try:
            period = cls._parse_raw(text)
        except (ValueError, OverflowError) as exc:  # 'year 0 is out of range' from date(): no period
            if isinstance(exc, PeriodError):
                raise
            raise PeriodError(str(text).strip()) from None
        if period.start.year < FIRST_YEAR or period.end.year > LAST_YEAR:
            raise PeriodError(str(text).strip())
        return period

    @classmethod
    def _parse_raw(cls, text: str) -> Period:
        raw = str(text).strip()
        if ".." in raw:
            parts = raw.split("..")
            if len(parts) != 2:  # '2021..2022..2023' names no period
                raise PeriodError(raw)
            first, last = (cls._parse_raw(part) for part in parts)
            if last.end < first.start:
                raise PeriodError(raw)
            return cls(first.start, last.end, f"{first.label}..{last.label}")
        if m := _QUARTER.match(raw):
            year, q = int(m[1]), int(m[2])
            return cls(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year}-Q{q}")
        if m := _HALF.match(raw):
            year, h = int(m[1]), int(m[2])
            return cls(date(year, 6 * h - 5, 1), _month_end(year, 6 * h), f"{year}-H{h}")
        if m := _YEAR.match(raw):
            year = int(m[1])
            return cls(date(year, 1, 1), date(year, 12, 31), str(year))
        if m := _MONTH.match(raw):
            year, month = int(m[1]), int(m[2])
            if 1 <= month <= 12:
                return cls(date(year, month, 1), _month_end(year, month), f"{year}-{month:02d}")
        if m := _YEAR_RANGE.match(raw):
            a, b = int(m[1]), int(m[2])
            if a <= b:
                return cls(date(a, 1, 1), date(b, 12, 31), f"{a}-{b}")
        raise PeriodError(raw)

    def __str__(self) -> str:
        return self.label

    @property
    def file_label(self) -> str:
        """Give the label as it goes into file names: '2016..2019-05' -> '2016_to_2019-05'."""
        return self.label.replace("..", "_to_")

    @cached_property
    def kind(self) -> str:
        """Give 'quarter', 'half', 'year', 'month' or 'range'."""
        if _QUARTER.match(self.label):
            return "quarter"
        if _HALF.match(self.label):
            return "half"
        if _YEAR.match(self.label):
            return "year"
        if _MONTH.match(self.label):
            return "month"
        return "range"

    def contains(self, other: Period) -> bool:
        """Tell whether `other` lies wholly inside this period."""
        return self.start <= other.start and other.end <= self.end

    def years(self) -> list[int]:
        """Give the calendar years this period touches."""
        return list(range(self.start.year, self.end.year + 1))

    def vietnamese(self) -> str:
        """Give the period as an office writes it: 'Quý II/2023', '6 tháng đầu năm 2023', 'Năm 2022'."""
        kind = self.kind
        if kind == "quarter":
            q = int(self.label[-1])
            return f"Quý {'I II III IV'.split()[q - 1]}/{self.start.year}"
        if kind == "half":
            first = self.label.endswith("1")
            return f"6 tháng {'đầu' if first else 'cuối'} năm {self.start.year}"
        if kind == "year":
            return f"Năm {self.start.year}"
        if kind == "month":
            return f"Tháng {self.start.month:02d}/{self.start.year}"
        quarters = self._quarters()
        if quarters is not None:  # a range of whole quarters inside one year: named as the year or its quarters
            first, last = quarters
            if (first, last) == (1, 4):
                return f"Năm {self.start.year}"
            if (first, last) in ((1, 2), (3, 4)):
                return f"6 tháng {'đầu' if first == 1 else 'cuối'} năm {self.start.year}"
            if (first, last) == (1, 3):  # the offices' own '9 tháng đầu năm' report
                return f"9 tháng đầu năm {self.start.year}"
            return f"Quý {_ROMAN[first - 1]}–{_ROMAN[last - 1]}/{self.start.year}"
        if self.start.month == 1 and self.start.day == 1 and self.end.month == 12 and self.end.day == 31:
            return f"Giai đoạn {self.start.year} - {self.end.year}"
        return f"Từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}"

    def _quarters(self) -> tuple[int, int] | None:
        """Give (first, last) quarter of a range made of several whole quarters of one year ('2025-Q1..2025-Q3':
        (1, 3)), else None. Such a range is worded as the year, the half-year, '9 tháng đầu năm 2025' or 'Quý
        II–III/2025', never as the 'Giai đoạn 2025 - 2025' of a range of whole years."""
        start, end = self.start, self.end
        if (self.kind != "range" or start.year != end.year or start.day != 1 or start.month % 3 != 1
                or end.month % 3 or end != _month_end(end.year, end.month)):
            return None
        first, last = (start.month + 2) // 3, end.month // 3
        return (first, last) if last > first else None

    def describe(self, lang: str = "vi") -> str:
        """Give the period in words in `lang`: 'Quý II/2023' or 'Q2 2023', 'Năm 2022' or 'Year 2022'."""
        if lang != "en":
            return self.vietnamese()
        kind = self.kind
        if kind == "quarter":
            return f"Q{self.label[-1]} {self.start.year}"
        if kind == "half":
            return f"{'First' if self.label.endswith('1') else 'Second'} half of {self.start.year}"
        if kind == "year":
            return f"Year {self.start.year}"
        if kind == "month":
            return f"{self.start:%B} {self.start.year}"
        quarters = self._quarters()
        if quarters is not None:
            first, last = quarters
            if (first, last) == (1, 4):
                return f"Year {self.start.year}"
            if (first, last) in ((1, 2), (3, 4)):
                return f"{'First' if first == 1 else 'Second'} half of {self.start.year}"
            if (first, last) == (1, 3):
                return f"First nine months of {self.start.year}"
            return f"Q{first}–Q{last} {self.start.year}"
        if self.start.month == 1 and self.start.day == 1 and self.end.month == 12 and self.end.day == 31:
            return f"{self.start.year}–{self.end.year}"
        return f"From {self.start:%d/%m/%Y} to {self.end:%d/%m/%Y}"

    def in_sentence(self, lang: str = "vi") -> str:
        """Give the period as words inside a sentence: in English 'plan for 2025', 'the first half of 2023',
        'the period from 01/01/2021 to 31/05/2023' (`describe` gives the heading's 'Year 2025', 'First half of
        2023'); in Vietnamese the office's own form, 'Quý II/2023', which a caller lowers where its sentence runs on
        ('số liệu năm 2024')."""
        if lang != "en":
            return self.vietnamese()
        kind = self.kind
        quarters = self._quarters()
        if kind == "year" or quarters == (1, 4):
            return str(self.start.year)
        if kind == "half" or quarters in ((1, 2), (3, 4)):
            first = self.label.endswith("1") if kind == "half" else quarters == (1, 2)
            return f"the {'first' if first else 'second'} half of {self.start.year}"
        if quarters == (1, 3):
            return f"the first nine months of {self.start.year}"
        text = self.describe("en")
        return f"the period f{text[1:]}" if text.startswith("From ") else text


_ROMAN = ("I", "II", "III", "IV")


@lru_cache(maxsize=8192)
def _parse_cached(text: str) -> Period:
    return Period._parse(text)


def _month_end(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


class CutoffRule(BaseModel):
    """When a period's figures are cut off (Decree 09/2019/NĐ-CP by default).

    With `day=15` a quarter runs from the 15th of the month before it to the 14th of its last
    month; a half-year from 15 December to 14 June; a year from 15 December to 14 December.
    `day=1` means calendar periods. Each workspace sets its own in its config.
    """

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    day: int = Field(15, ge=1, le=28)  # a later day does not exist in every month

    def window(self, period: Period) -> tuple[date, date]:
        """Give the first and last day whose data belong to `period` under this rule."""
        if self.day == 1:
            return period.start, period.end
        start_month = period.start.replace(day=1) - timedelta(days=1)  # last day of month before
        start = start_month.replace(day=self.day)
        end = period.end.replace(day=self.day - 1)
        return start, end

    def window_text(self, period: Period, lang: str = "vi") -> str:
        """Give the data window in words, the same in the template, the JSON and the HTML report."""
        from hrplan.messages import render

        start, end = self.window(period)
        return render("figure.data_window", lang, start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}")


def period_from_user(text: str) -> Period:
    """Give the period a user typed; raise HrplanError ('period.invalid') with the forms accepted."""
    from hrplan.problems import HrplanError, Problem

    try:
        return Period.parse(text)
    except PeriodError:
        raise HrplanError(Problem("period.invalid", params={"found": text})) from None
