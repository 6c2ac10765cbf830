"""The kind of figures a table holds, said on a line above it: "Loại số liệu: TH Năm".

App exports and some office forms do not caption their value column "Thực hiện" but "Số liệu"
or "Giá trị", and say once above the table what the figures are: "Loại số liệu: TH Năm"
(actual, the whole year), "KH Năm" (plan), "ƯTH 6 tháng" (estimate for the first half). That
line gives the role of such generic columns (and of the indicator columns of a table with one
row per unit), and its span refines or checks the period found elsewhere: "Năm: 2022" with
"TH 6 tháng" is 2022-H1; a title "6 THÁNG ĐẦU NĂM 2022" with "TH Năm" is a contradiction the
file is refused for.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hrplan.definitions import Period
from hrplan.names import fold, nfc
from hrplan.problems import cell_name
from hrplan.reading.columns import VALUE_ROLES, CaptionPeriod, caption_key, caption_period, caption_role
from hrplan.workbooks import RawSheet

KIND_LABEL = re.compile(r"^(loai so lieu|loai du lieu|loai bao cao|kind of figures|data kind)$")
# Captions that say "the figures" without saying which: they take the role the data-kind line gives.
_GENERIC = re.compile(r"^(so lieu|gia tri|so luong|ky bao cao|ky nay|value|values|figures?|amount"
                      r"|nam (19|20)\d\d|(19|20)\d\d)$")
_WHOLE_YEAR = re.compile(r"\bnam\b|\byear\b|\bannual\b")


@dataclass(frozen=True)
class DataKind:
    """What a data-kind line says: the role of the figures, the span they cover (None: not said), where."""

    role: str  # plan | actual | estimate
    span: CaptionPeriod | None
    text: str  # as written: "TH Năm"
    cell: str

    def period_in(self, year: int) -> Period | None:
        """Give the span in a year ('TH 6 tháng' in 2022 -> 2022-H1), or None when it names none or a part of a month."""
        if self.span is None or self.span.end_day is not None or self.span.to_date:
            return None
        first = self.span.first_year or year
        last = self.span.last_year or first
        return _period(first, self.span.start_month, last, self.span.end_month)


def read_data_kind(text: str, cell: str) -> DataKind | None:
    """Give what 'TH Năm', 'KH 2023', 'ƯTH 6 tháng đầu năm' say, or None when no role is named."""
    role = caption_role(text)
    if role not in VALUE_ROLES:
        return None
    span = caption_period(text)
    if span is None and _WHOLE_YEAR.search(caption_key(text)):
        span = CaptionPeriod(None, None)  # "Năm": the whole year of the report
    return DataKind(role, span, nfc(text).strip(), cell)


def find_data_kind(sheet: RawSheet, before_row: int, label: str | None = None
                   ) -> tuple[DataKind | None, tuple[str, str] | None]:
    """Give the data-kind line above `before_row`: (its reading, None), or (None, (text, cell)) when it is not
    understood, or (None, None) when there is none. 'Loại số liệu: TH Năm' in one cell or 'Loại số liệu | TH Năm';
    `label`: another key a layout declares for it ("Kiểu số liệu")."""
    declared = fold(label) if label else None
    for row in range(min(before_row, sheet.height)):
        cells = [(c, v) for c, v in enumerate(sheet.grid[row]) if str(v).strip()]
        for i, (col, value) in enumerate(cells):
            stated = _after_label(str(value), declared)
            if stated is None:
                continue
            if stated:
                text, cell = stated, cell_name(row, col)
            elif i + 1 < len(cells):
                text, cell = nfc(str(cells[i + 1][1])).strip(), cell_name(row, cells[i + 1][0])
            else:
                continue
            kind = read_data_kind(text, cell)
            return (kind, None) if kind else (None, (text, cell))
    return None, None


@functools.lru_cache(maxsize=1 << 14)  # titles and captions repeat in every file of a run
def _after_label(text: str, declared: str | None) -> str | None:
    """Give what follows the data-kind label a cell's text starts with ('Loại số liệu: TH Năm' -> 'TH Năm'; '' for
    the label alone), or None when the text is no such label."""
    key, _, stated = nfc(text).partition(":")
    folded = fold(key)
    return stated.strip() if KIND_LABEL.match(folded) or folded == declared else None


def generic_role(caption: str, kind: DataKind | None) -> str | None:
    """Give the data kind's role for a caption that names none ('Số liệu', 'Giá trị', '2022'), else None."""
    if kind is None or caption_role(caption) is not None:
        return None
    return kind.role if _GENERIC.match(fold(caption)) else None


def _period(first_year: int, first_month: int, last_year: int, last_month: int) -> Period:
    if first_year == last_year:
        if (first_month, last_month) == (1, 12):
            return Period.parse(str(first_year))
        if (first_month, last_month) in ((1, 6), (7, 12)):
            return Period.parse(f"{first_year}-H{1 if first_month == 1 else 2}")
        if first_month % 3 == 1 and last_month == first_month + 2:
            return Period.parse(f"{first_year}-Q{last_month // 3}")
        if first_month == last_month:
            return Period.parse(f"{first_year}-{first_month:02d}")
    if (first_month, last_month) == (1, 12):
        return Period.parse(f"{first_year}-{last_year}")
    return Period.parse(f"{first_year}-{first_month:02d}..{last_year}-{last_month:02d}")
