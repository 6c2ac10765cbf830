"""Declared table layouts: where detection cannot be sure, a program or the workspace says how a table reads.

A program file's `layouts:` (or hrplan.yaml's `layouts:`, each with a file-name pattern `files:`)
names the sheet, the header rows, the label and code columns, which captions mean plan / actual
/ estimate (office wording such as "Dự toán được giao", machine captions such as `tien_bhtt`) and
the keys of a parameter block above the table ("Địa bàn", "Năm"), and whether the units are one
per row (`units: per_row`: the label column names the units, each caption an indicator) or one
per block of columns (`units: per_block`). A declared layout is used as written, never
second-guessed; the import says that it was used.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hrplan.definitions.yaml_source import Explained

_COLUMN = re.compile(r"^[A-Z]{1,3}$")


class DeclaredLayout(BaseModel):
    """How one kind of workbook lays out its table (the `layouts:` entries of a program or hrplan.yaml)."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    files: str | None = None  # a regular expression on the file name; required in hrplan.yaml
    sheet: str | None = None  # the sheet's name (spaces and case aside); default: the first visible sheet
    header_row: int = Field(ge=1, le=1000)  # the first header row, as Excel numbers it
    header_rows: int = Field(1, ge=1, le=3)  # how many rows the header spans
    label_column: str  # the column naming each row, e.g. "B"
    code_column: str | None = None
    uom_column: str | None = None
    # role -> the captions that mean it: {plan: ["Dự toán được giao", dtgiao], actual: [tien_bhtt]}
    captions: dict[str, list[str]] = {}
    # what a parameter block above the table gives -> its key: {unit: "Địa bàn", period: "Năm"}; kind: the key
    # of a data-kind line worded otherwise than "Loại số liệu" ("Kiểu số liệu: TH Năm")
    parameters: dict[str, str] = {}
    # per_row: one row per unit, the label column names the units and each caption an indicator ("Đàn bò (con)",
    # "KH | TH" under it or "Loại số liệu: TH Năm" above); per_block: every block of columns is one unit's.
    units: Literal["per_row", "per_block"] | None = None

    @field_validator("label_column", "code_column", "uom_column")
    @classmethod
    def _column_letters(cls, v: str | None) -> str | None:
        if v is not None and not _COLUMN.match(v.strip().upper()):
            raise Explained(f"'{v}' không phải một cột; hãy ghi chữ cái của cột, ví dụ B",
                            f"'{v}' is not a column; write its letters, e.g. B")
        return v.strip().upper() if v else v

    @field_validator("captions")
    @classmethod
    def _caption_roles(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = sorted(set(v) - {"plan", "actual", "estimate", "ratio", "ignore"})
        if unknown:
            raise Explained(f"vai trò của tiêu đề cột là plan, actual, estimate, ratio hoặc ignore, không phải {', '.join(unknown)}",
                            f"caption roles are plan, actual, estimate, ratio or ignore, not {', '.join(unknown)}")
        return v

    @field_validator("parameters")
    @classmethod
    def _parameter_names(cls, v: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(v) - {"program", "unit", "period", "kind"})
        if unknown:
            raise Explained(f"tham số là program, unit, period hoặc kind, không phải {', '.join(unknown)}",
                            f"parameters are program, unit, period or kind, not {', '.join(unknown)}")
        return v

    @field_validator("files")
    @classmethod
    def _pattern_compiles(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise Explained(f"'{v}' không phải một biểu thức chính quy (regular expression): {exc}",
                                f"'{v}' is not a regular expression: {exc}") from None
        return v

    def applies_to(self, file_name: str) -> bool:
        """Tell whether this layout is declared for a file of that name (no pattern: every file)."""
        return self.files is None or re.search(self.files, file_name) is not None
