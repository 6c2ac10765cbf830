"""What a column caption says: a role (plan, actual, estimate, ...) AND the period it belongs to.

Office tables put several years side by side ("TH 2021 | KH 2022 | TH2022 | KH2023"), write
the period in words ("Thực hiện 6 tháng đầu năm", "Lũy kế đến 31/5", "Thực hiện giai đoạn
2016-2020") or in a second header row of years under a merged "Thực hiện". Only the columns of
the submission's own period are its figures; the others are context and are never read as the
actual. `choose_columns` makes that choice once the period is known, and refuses when two
columns fit equally well.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from hrplan.definitions import Period, PeriodError
from hrplan.names import compact, fold

VALUE_ROLES = ("plan", "actual", "estimate")

# Checked in this order: the first role whose pattern matches a folded caption wins. A
# comparison ("So sánh % ƯTH2020/ƯTH2019", "BQGĐ (%)") comes first: it names other roles inside.
_ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("comparison", re.compile(r"\bso sanh\b|\bbqgd\b|\bbinh quan giai doan\b|\btoc do tang\b|\btang giam\b"
                              r"|\bcompared?\b|\bgrowth\b")),
    # "Số dự kiến chi" (budget wording): the spend expected by the period's end, an estimate like "Ước thực hiện".
    ("estimate", re.compile(r"\buoc\b|\buth\b|\bestimat|\bdu kien chi\b|\bdu kien thuc hien\b")),
    # The same period a year before ("TH cùng kỳ 2022") is context, not this report's figure.
    ("previous", re.compile(r"\bcung ky\b|\bnam truoc\b|\bky truoc\b|\bprevious\b|\blast year\b|\bsame period\b")),
    ("ratio", re.compile(r"\bty le\b|\bti le\b|^%$|\bratio\b|\bpercent|^% |\bdat %")),
    ("cumulative", re.compile(r"\bluy ke\b|\bcumulative\b")),
    ("note", re.compile(r"\bghi chu\b|\bnotes?\b|\bremarks?\b")),
    ("uom", re.compile(r"^dvt\b|^don vi tinh\b|^don vi do\b|^uom\b|^unit of measure\b|^unit$")),
    ("code", re.compile(r"^ma\b|^ma chi tieu\b|^ma so\b|\bindicator code\b|^code$")),
    # Budget wording: "Dự toán (được giao)" is the plan; "Đã thực hiện", "Thực chi" the actual.
    ("plan", re.compile(r"\bke hoach\b|^kh\b|\bkh \d{4}\b|\bplan\b|\btarget\b|\bchi tieu giao\b|\bso vi tri\b|\bseats\b"
                        r"|\bdu toan\b")),
    ("actual", re.compile(r"\bthuc hien\b|^th\b|\bth \d{4}\b|\bactual\b|\bket qua\b|\bda thuc hien\b|\bresult"
                          r"|\bthuc chi\b")),
    ("name", re.compile(r"\bnoi dung\b|\bchi tieu\b|\bindicator\b|\bcontent\b|\bdanh muc\b|\bhang muc\b|\bitem\b|^ten\b")),
]
_STT = {"stt", "tt", "sott", "sothutu", "no"}
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")

_YEAR = r"((?:19|20)\d{2})"
_RANGE = re.compile(rf"\b{_YEAR}\s+{_YEAR}\b")
_ONE_YEAR = re.compile(rf"\b{_YEAR}\b")
_HALF = re.compile(r"\b6 thang (dau|cuoi)\b|\b(first|second) half\b")
_QUARTER = re.compile(r"\bquy (i{1,3}|iv|[1-4])\b|\bq ([1-4])\b")
_MONTHS = re.compile(r"\b([1-9]|1[0-2]) thang\b")  # "Thực hiện 5 tháng", "9 tháng"
_TO_DATE = re.compile(r"\bden (?:ngay )?(\d{1,2}) (\d{1,2})\b|\bden (?:het )?thang (\d{1,2})\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def caption_key(caption: object) -> str:
    """Give the folded caption with letters and digits apart: 'ƯTH2019' -> 'uth 2019'."""
    return _LETTER_DIGIT.sub(" ", fold(caption))


# Remembered for the run (a worker reads many files): the same captions head every file of a program.
@functools.lru_cache(maxsize=1 << 14, typed=True)
def caption_role(caption: str) -> str | None:
    """Give the role a header caption names: 'Thực hiện' -> 'actual', 'KH2021' -> 'plan', 'S\\nT\\nT' -> 'stt'."""
    if compact(caption) in _STT:
        return "stt"
    key = caption_key(caption)
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(key):
            return role
    return None


@dataclass(frozen=True)
class CaptionPeriod:
    """The period a caption names, perhaps without its year ('6 tháng đầu năm': the report's year).

    `to_date` marks a running total ("Lũy kế đến 31/5"): only its end is known.
    """

    first_year: int | None
    last_year: int | None
    start_month: int = 1
    end_month: int = 12
    end_day: int | None = None
    to_date: bool = False

    def resolve(self, report: Period) -> tuple[date, date]:
        """Give the caption's first and last day, a missing year taken from the report's end."""
        year = report.end.year
        first, last = self.first_year or self.last_year or year, self.last_year or self.first_year or year
        end = _month_end(last, self.end_month)
        if self.end_day is not None:
            end = min(end, date(last, self.end_month, 1) + timedelta(days=self.end_day - 1))
        return date(first, self.start_month, 1), end


def caption_period(caption: object) -> CaptionPeriod | None:
    """Give the period a caption names: 'TH 2019' -> 2019, 'Thực hiện giai đoạn 2016-2020' -> 2016-2020,
    'Thực hiện 6 tháng đầu năm' -> first half of the report's year; None when it names none."""
    if isinstance(caption, (int, float)) and not isinstance(caption, bool):
        caption = str(int(caption)) if caption == int(caption) else str(caption)
    key = caption_key(caption)
    years = [int(y) for y in _ONE_YEAR.findall(key)]
    first = last = years[0] if years else None
    if m := _RANGE.search(key):
        a, b = int(m[1]), int(m[2])
        if a < b:
            return CaptionPeriod(a, b)
    if m := _TO_DATE.search(key):
        month = int(m[2] or m[3])
        if 1 <= month <= 12:
            return CaptionPeriod(first, last, 1, month, int(m[1]) if m[1] else None, to_date=True)
    if m := _HALF.search(key):
        h = 1 if (m[1] or m[2]) in ("dau", "first") else 2
        return CaptionPeriod(first, last, 6 * h - 5, 6 * h)
    if m := _QUARTER.search(key):
        q = _ROMAN.get(m[1] or "") or int(m[1] or m[2])
        return CaptionPeriod(first, last, 3 * q - 2, 3 * q)
    if m := _MONTHS.search(key):
        return CaptionPeriod(first, last, 1, int(m[1]))
    if years:
        return CaptionPeriod(first, last)
    return None


@dataclass(frozen=True)
class HeaderColumn:
    """One column of the header: its index, role, the period it names, and its caption as written."""

    col: int
    role: str
    period: CaptionPeriod | None
    caption: str
    block: str = ""  # the caption over a block of value columns ("Xã Hồng Việt"), when it names no role


@dataclass(frozen=True)
class ColumnChoice:
    """The columns a submission's figures come from, and what was set aside or could not be told."""

    columns: dict[str, int]  # role -> column index
    other_period: list[HeaderColumn]  # value columns of another period: context, never read
    ambiguous: dict[str, list[HeaderColumn]]  # role -> the columns that fit equally well
    unmatched: dict[str, list[HeaderColumn]]  # value role -> columns found, none of the report's period


def choose_columns(header: list[HeaderColumn], period: str | None) -> ColumnChoice:
    """Give, for each role, the one column that belongs to the submission's period.

    A caption of exactly the report's period fits best; then a caption without a period, the
    calendar year holding the report ("KH 2023" in a half-year report) or the part of the report
    up to now ("Thực hiện 5 tháng" in a half-year report); a running total ("Lũy kế đến 31/5")
    is the actual of a cumulative report ending then. Anything else is another period's.
    """
    report = _parse(period)
    by_role: dict[str, list[tuple[int, HeaderColumn]]] = {}
    other: list[HeaderColumn] = []
    for column in header:
        role = column.role
        if role == "cumulative" and report is not None and column.period and column.period.to_date:
            role = "actual"  # "Lũy kế đến 31/5/2023" in a review "from 2021 to 31 May 2023"
        score = _fit(column.period, report)
        if score == 0 and role in VALUE_ROLES + ("ratio",):
            other.append(column)
            continue
        by_role.setdefault(role, []).append((score, column))
    columns: dict[str, int] = {}
    ambiguous: dict[str, list[HeaderColumn]] = {}
    for role, scored in by_role.items():
        best = max(score for score, _ in scored)
        top = [c for score, c in scored if score == best]
        if len(top) > 1 and role in VALUE_ROLES and best > 0:
            ambiguous[role] = top
        columns[role] = top[0].col
    unmatched = {}
    for role in VALUE_ROLES:
        if role not in columns:
            found = [c for c in other if c.role == role]
            if found:
                unmatched[role] = found
    return ColumnChoice(columns, other, ambiguous, unmatched)


def _fit(caption: CaptionPeriod | None, report: Period | None) -> int:
    """Give how well a column's period fits the report's: 3 the same, 2 plausible, 0 another period."""
    if caption is None:
        return 2
    if report is None:
        return 1
    start, end = caption.resolve(report)
    if caption.to_date:
        return 3 if end == report.end or (end.year, end.month) == (report.end.year, report.end.month) else 0
    if (start, end) == (report.start, report.end):
        return 3
    whole_year = start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_year and start <= report.start and report.end <= end:
        return 2  # the year's column in a quarter or half-year report
    if start == report.start and end <= report.end and start.year == end.year == report.end.year:
        return 2  # the months so far of this report's period
    return 0


def _parse(period: str | None) -> Period | None:
    if not period:
        return None
    try:
        return Period.parse(period)
    except PeriodError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
