"""Report settings (thể thức văn bản): who issues a report, its number, place, signer and recipients.

Set once in the workspace's `hrplan.yaml` under `report:` and, where one program differs, in the
program file under `report:` (the program's values win field by field). Nothing is invented:
what is not set is printed as a dotted blank (……) for the office to fill in, as offices do.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from hrplan.names import fold

# Bodies of the Party (tỉnh ủy, huyện ủy, đảng ủy …) write in the Party's format (Hướng dẫn 36-HD/VPTW).
_PARTY_WORDS = ("tinh uy", "huyen uy", "thanh uy", "thi uy", "quan uy", "dang uy", "dang bo", "dang cong san",
                "ban chap hanh dang", "ban thuong vu", "chi bo")


class Signer(BaseModel):
    """The signature block: 'TM. BAN THƯỜNG VỤ' / 'KT. GIÁM ĐỐC', the title, the name."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    capacity: str | None = None  # TM. …, KT. …, TL. …, Q. …
    title: str | None = None  # PHÓ BÍ THƯ, PHÓ GIÁM ĐỐC
    name: str | None = None


class ReportSettings(BaseModel):
    """How a report is headed and signed; every field may be left unset (a dotted blank)."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    format: Literal["auto", "state", "party"] = "auto"  # auto: Party format when the issuing body is a Party body
    template: str | None = None  # the workspace's own .docx template (a path relative to the workspace)
    parent_body: str | None = None  # cơ quan, tổ chức chủ quản: 'UBND TỈNH CAO BẰNG', 'TỈNH ỦY CAO BẰNG'
    issuing_body: str | None = None  # cơ quan ban hành: 'SỞ NỘI VỤ', 'BAN TỔ CHỨC'
    number: str | None = None  # '{n}/BC-SNV' ('{n}' stays a blank until the office numbers it) or '127-BC/TU'
    place: str | None = None  # địa danh: 'Cao Bằng'
    date: dt.date | None = None  # unset: day and month left blank, the current year
    about: str | None = None  # the summary line under 'BÁO CÁO' ('Về …'); unset: from the program
    signer: Signer = Signer()
    recipients: list[str] = []  # 'Nơi nhận' lines; '- Lưu: VT' is always added
    archive: str = "VT"  # 'Lưu: VT, …'

    def merged(self, override: ReportSettings | None) -> ReportSettings:
        """Give these settings with every field the program's own settings set replacing it."""
        if override is None:
            return self
        data = self.model_dump()
        for key in override.model_fields_set:
            value = getattr(override, key)
            if key == "signer":
                data["signer"] = {**data["signer"], **value.model_dump(exclude_unset=True)}
            else:
                data[key] = value.model_dump() if isinstance(value, BaseModel) else value
        return ReportSettings.model_validate(data)

    def party_format(self, fallback_body: str | None = None) -> bool:
        """Tell whether the report takes the Party's format: set, or a Party issuing body (or program issuer)."""
        if self.format != "auto":
            return self.format == "party"
        body = " ".join(b for b in (self.issuing_body, self.parent_body) if b) or fallback_body or ""
        folded = fold(body)
        return any(word in folded for word in _PARTY_WORDS)
