"""Matching names the way an analyst reads them: case, spacing, diacritics and đ folded.

Used to recognise column captions ("Thực hiện", "THUC HIEN", "TH"), indicator names and unit
names whatever the file's typing habits; and the order of files saved at the same moment.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z%]+")


def nfc(text: str) -> str:
    """Give text in NFC Unicode with non-breaking spaces made plain."""
    text = str(text)
    if text.isascii():  # most cells (numbers, codes): already NFC, no non-breaking space
        return text
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ")


def strip_diacritics(text: str) -> str:
    """Give text without Vietnamese diacritics, case and punctuation kept: '06-ĐA/TU' -> '06-DA/TU'."""
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1 << 16)  # the same captions and names recur in every file of a run
def _fold_str(text: str) -> str:
    return _NON_WORD.sub(" ", strip_diacritics(text).lower()).strip()


def fold(text: object) -> str:
    """Give the comparison key of a name: 'Thực  hiện\\n(TH)' -> 'thuc hien th'."""
    return _fold_str(str(text))


def compact(text: object) -> str:
    """Give the folded key without spaces, for captions broken by line feeds ('S\\nT\\nT' -> 'stt')."""
    return fold(text).replace(" ", "")


def closest(name: str, candidates: dict[str, str], n: int = 3) -> list[str]:
    """Give up to n candidate labels whose folded keys are nearest to `name`.

    `candidates` maps a folded key to the label to show.
    """
    keys = difflib.get_close_matches(fold(name), list(candidates), n=n, cutoff=0.5)
    return [candidates[k] for k in keys]


def arrival_order(name: str) -> tuple[str, str]:
    """Give the key that orders files saved at the same moment: by name without its extension, then the extension,
    so that 'SGDDT quy 2.xlsx' comes before 'SGDDT quy 2 - ban sua.xlsx' and 'Báo cáo (2).xlsx' (a plain sort put
    ' - ban sua' first, as ' ' sorts before '.', and the original then replaced its correction)."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if dot > 0 else (name, "")
