"""The first reason to refuse a file, raised inside the inspection and turned into one Problem."""
from __future__ import annotations

from typing import Any


class Refusal(Exception):
    """Raised inside the inspection to stop at the first reason to refuse the file."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


def unreadable(found: str, found_vi: str) -> Refusal:
    """Refuse a file that is not a workbook hrplan can open, saying what it is in English and in Vietnamese."""
    return Refusal("file.unreadable", found=found, found_vi=found_vi)


def size_text(n: float) -> str:
    """Give a byte count for people: '812 KB', '63.2 MB'."""
    if n < 1024**2:
        return f"{max(1, round(n / 1024))} KB" if n else "0 KB"
    if n < 1024**3:
        return f"{n / 1024**2:.1f} MB"
    return f"{n / 1024**3:.1f} GB"

