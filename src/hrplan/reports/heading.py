"""The heading and the foot of an official report, from the report settings (Decree 30/2020/NĐ-CP or the Party's
Hướng dẫn 36-HD/VPTW): bodies, number, motto, place and date, title, recipients and signature.

Nothing is invented: a setting left unset prints as a dotted blank ("……") for the office to fill in, but for the
issuing body and the place, which a program file's `issuer:` gives when the report settings do not.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from hrplan.definitions import Program, ReportSettings
from hrplan.messages import render

BLANK = "……"
_WORD = re.compile(r"\S+")
_CODE = re.compile(r"[\d/]")
# 'UBND tỉnh Cao Bằng', 'Tỉnh ủy Cao Bằng', 'UBND huyện Hòa An': the place (địa danh) is the name after the level.
_PLACE = re.compile(r"\b(?:tỉnh|thành phố|huyện|thị xã|quận)(?:\s+(?:ủy|uỷ))?\s+(\S.*)$", re.IGNORECASE)


def heading(settings: ReportSettings, program: Program, period_text: str, lang: str,
            today: date | None = None) -> dict[str, Any]:
    """Give the texts of the document's heading and foot as plain data for a template."""
    party = settings.party_format(program.issuer)
    t = _tr(lang)
    day = settings.date
    year = (day or today or date.today()).year
    number = (settings.number or ("{n}-BC/" + BLANK if party else "{n}/BC-" + BLANK)).replace("{n}", BLANK)
    about = settings.about or render("report.about", lang, program=_program_label(program, lang),
                                     title=(program.title_en if lang == "en" and program.title_en else program.title))
    signer = settings.signer
    return {
        "party": party,
        "format": "party" if party else "state",
        "parent_body": capitals(settings.parent_body or ""),
        "issuing_body": capitals(settings.issuing_body or program.issuer or BLANK),
        "number": t("report.number_party" if party else "report.number_state", number=number),
        "motto": t("report.motto_party") if party else t("report.motto_state"),
        "motto_2": "" if party else t("report.motto_state_2"),
        "place_date": t("report.place_date", place=settings.place or place_of(program.issuer) or BLANK,
                        day=f"{day.day:02d}" if day else BLANK, month=f"{day.month:02d}" if day else BLANK, year=year),
        "kind": t("report.kind"),
        "about": about,
        "about_period": t("report.about_period", period=period_text),
        "recipients_label": t("report.recipients"),
        "recipients": list(settings.recipients) or [BLANK],
        "archive": t("report.archive", archive=settings.archive or BLANK),
        "signer_capacity": capitals(signer.capacity or ""),
        "signer_title": capitals(signer.title or BLANK),
        "signer_name": signer.name or BLANK,
    }


def place_of(body: str | None) -> str | None:
    """Give the place a body's documents are dated from, read from its name (Decree 30/2020/NĐ-CP: the province's
    or district's name): 'UBND tỉnh Cao Bằng' -> 'Cao Bằng'; None when the name holds no such level."""
    m = _PLACE.search(body or "")
    return m.group(1).strip() if m else None


def capitals(text: str) -> str:
    """Give a body's name in capitals as the heading prints it, its codes as written: 'Ban Chỉ đạo Chương trình
    08-CTr/TU' -> 'BAN CHỈ ĐẠO CHƯƠNG TRÌNH 08-CTr/TU' (a word with a digit or a '/' is a document's code)."""
    return _WORD.sub(lambda m: m.group(0) if _CODE.search(m.group(0)) else m.group(0).upper(), text)


def _program_label(program: Program, lang: str) -> str:
    """Give 'Chương trình số 08-CTr/TU' (or Đề án, Kế hoạch), read from the code's kind."""
    code = program.code
    if lang == "en":
        return f"{code}:"
    kind = code.split("-")[1].split("/")[0] if "-" in code else ""
    word = {"CTr": "Chương trình", "ĐA": "Đề án", "KH": "Kế hoạch", "NQ": "Nghị quyết"}.get(kind, "Chương trình")
    return f"{word} số {code}"


def _tr(lang: str):
    return lambda code, **kw: render(code, lang, **kw)
