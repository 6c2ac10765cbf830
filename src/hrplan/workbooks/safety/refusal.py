"""The first reason to refuse a file, raised inside the inspection and turned into one Problem."""
from __future__ import annotations

from typing import Any

from hrplan.values import format_number


class Refusal(Exception):
    """Raised inside the inspection to stop at the first reason to refuse the file."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


def unreadable(found: str, found_vi: str) -> Refusal:
    """Refuse a file that is not a workbook hrplan can open, saying what it is in English and in Vietnamese."""
    return Refusal("file.unreadable", found=found, found_vi=found_vi)


def size_text(n: float, lang: str = "en") -> str:
    """Give a byte count for people: '812 KB', '63.2 MB' ('63,2 MB' in Vietnamese)."""
    if n < 1024**2:
        return f"{max(1, round(n / 1024))} KB" if n else "0 KB"
    if n < 1024**3:
        return f"{format_number(n / 1024**2, 1, lang)} MB"
    return f"{format_number(n / 1024**3, 1, lang)} GB"


def sizes(**counts: float) -> dict[str, str]:
    """Give each byte count as a size in English ('size') and in Vietnamese ('size_vi'), for a message's parameters."""
    return {k: v for name, n in counts.items() for k, v in ((name, size_text(n)), (f"{name}_vi", size_text(n, "vi")))}

