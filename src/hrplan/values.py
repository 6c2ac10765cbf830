"""Normalising values: Vietnamese number text in, Decimal out; Decimal and ratios out as office text.

Vietnamese writes "." for thousands and "," for decimals: "1.297" is 1297, "1,15" is 1.15,
"15.185" is 15185, "61,5%" is 0.615. English-style "1,297.5" also appears in files made by
software and is read when unambiguous. Rounding happens only here, at display.
"""
from __future__ import annotations

import functools

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MISSING_MARKS = {"", "-", "–", "—", "x", "X", "_", "..", "...", "…", "n/a", "N/A", "#N/A"}
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_VI_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")  # 1.297 / 15.185 / 1.297,5
# English style only when it cannot be a Vietnamese decimal: "1,297,500" or "1,297.5".
# A lone "1,297" is read the Vietnamese way (1.297).
_EN_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}((,\d{3}){2,}(\.\d+)?|,\d{3}\.\d+)$")
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")


class NotANumber(ValueError):
    """The text is not a number in any form an office writes one."""


# No human-resource figure (people, classes, even an amount in đồng) comes near a million billion;
# beyond it a number is a typo or a hostile file, and Decimal arithmetic on it can fail (>= 1e28).
MAX_FIGURE = Decimal(10) ** 15


class OutOfRange(NotANumber):
    """A number, but beyond any figure a submission can hold (|x| >= MAX_FIGURE)."""


def parse_number(value: object) -> Decimal | None:
    """Give the Decimal a cell holds, None for a blank or a dash; raise NotANumber otherwise.

    Percent text ("285%", "61,5 %") gives the fraction (2.85, 0.615). A lone "1.297" is read
    the Vietnamese way (1297): three digits after a single dot are thousands. "1,15" is 1.15
    and so is "1,297" 1.297; English "1,297,500" and "1,297.5" are read when unambiguous.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotANumber(str(value))
    if isinstance(value, int):
        return _bounded(Decimal(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotANumber(str(value))
        return _bounded(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return _bounded(value)
    text = _SPACES.sub("", str(value))
    if text in MISSING_MARKS:
        return None
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    if text.startswith("(") and text.endswith(")"):  # accounting negative
        text = "-" + text[1:-1]
    number = _parse_plain(text)
    return _bounded(number / 100 if percent else number)


def _bounded(number: Decimal) -> Decimal:
    if not number.is_finite() or abs(number) >= MAX_FIGURE:
        raise OutOfRange(str(number))
    return number


def _parse_plain(text: str) -> Decimal:
    try:
        if _VI_THOUSANDS.match(text):
            return Decimal(text.replace(".", "").replace(",", "."))
        if _EN_THOUSANDS.match(text):
            return Decimal(text.replace(",", ""))
        if _PLAIN.match(text):
            return Decimal(text.replace(",", "."))
    except InvalidOperation:
        pass
    raise NotANumber(text)


EXACT_DECIMALS = 4  # a number shown without fixed decimals keeps up to these: a triệu's tenth in tỷ đồng (0,0001)


def format_number(value: Decimal | int | float | None, decimals: int | None = None, lang: str = "vi") -> str:
    """Give a number the Vietnamese way: 15185 -> '15.185', 1.15 -> '1,15', 1.297 -> '1,297', None -> '-'.

    With lang='en' the English way: '15,185', '1.15' (an English reader takes '1.250' for 1.25).
    """
    if value is None:
        return "-"
    try:
        return _format_remembered(value, decimals, lang)
    except TypeError:  # a value that cannot be a key (a signalling NaN): worked out each time
        return _format_number(value, decimals, lang)


@functools.lru_cache(maxsize=1 << 16, typed=True)
def _format_remembered(value: Decimal | int | float, decimals: int | None, lang: str) -> str:
    """A national report writes the same few thousand numbers about a million times (each row's plan, actual,
    ratio and words). Equal values of one type give the same text (1.5 and 1.50 both give '1,5'; 1 and
    1.0 both '1'), so they may share an entry; typed=True keeps 1 (int) and 1.0 (float) apart all the same."""
    return _format_number(value, decimals, lang)


def _format_number(value: Decimal | int | float, decimals: int | None, lang: str) -> str:
    number = Decimal(str(value))
    automatic = decimals is None
    if decimals is None:
        # As many decimals as the number has, up to EXACT_DECIMALS: 1.297 tỷ đồng (1.297 triệu converted) is
        # '1,297', 6,997 tỷ '6,997', never '1,3' and '7' hiding 3 million đồng; a float's noise past them
        # (19.549999999999997) rounds away.
        decimals = 0 if number == number.to_integral_value() else min(EXACT_DECIMALS, -number.as_tuple().exponent)
    quantum = Decimal(1).scaleb(-decimals)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, frac = f"{abs(rounded):f}".partition(".")
    if automatic:  # 999.999 rounds to 1000.00: show '1.000', as 1000 itself is shown
        frac = frac.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, point = (",", ".") if lang == "en" else (".", ",")
    text = thousands.join(groups)
    return f"{sign}{text}{point}{frac}" if frac else f"{sign}{text}"


def number_params(**numbers: Decimal | int | float | None) -> dict[str, str]:
    """Give message parameters for numbers kept with a problem, in both languages: found=1234.5 gives
    {'found': '1,234.5', 'found_vi': '1.234,5'} (the Vietnamese message reads '{found_vi}', the English '{found}')."""
    out = {}
    for key, value in numbers.items():
        out[key], out[f"{key}_vi"] = format_number(value, lang="en"), format_number(value)
    return out


def format_percent(ratio: float | None, decimals: int = 0, lang: str = "vi") -> str:
    """Give a ratio as an office percentage: 2.8537 -> '285%', 0.615 -> '62%' (1 decimal: '61,5%')."""
    if ratio is None:
        return "-"
    try:
        return _percent_remembered(ratio, decimals, lang)
    except TypeError:  # a value that cannot be a key: worked out each time
        return _format_percent(ratio, decimals, lang)


@functools.lru_cache(maxsize=1 << 16, typed=True)
def _percent_remembered(ratio: float | Decimal, decimals: int, lang: str) -> str:
    """A national check words 130,000 ratios, most of them repeated (8 of 10 is 8 of 10 everywhere); an equal
    ratio of one type gives the same text (see _format_remembered)."""
    return _format_percent(ratio, decimals, lang)


def _format_percent(ratio: float | Decimal, decimals: int, lang: str) -> str:
    return format_number(Decimal(str(ratio)) * 100, decimals, lang) + "%"


def format_times(ratio: float | None, lang: str = "vi") -> str:
    """Give a planning ratio as office text: 61/53 -> '1,15 lần' ('1.15 times' in English)."""
    if ratio is None:
        return "-"
    number = format_number(Decimal(str(ratio)), 2, lang)
    point = "." if lang == "en" else ","
    if point in number:
        number = number.rstrip("0").rstrip(point)
    return number + (" times" if lang == "en" else " lần")


def describe_percent(ratio: float | None, lang: str = "vi") -> str:
    """Give a percentage the way reports phrase it: 0.695 -> 'gần 70%', 2.853 -> '285%', 1.0017 -> 'hơn 100%'.

    "gần" (nearly) is said when the true value lies just under a round ten that the display
    rounds up to; 44.9% stays '45%' because 45 is not a round ten. "hơn" (just over) is said of a
    value the display rounds down to 100%, which is over plan and must not read as exactly met.
    The checks word their ratios so too: a finding and the report never read 90% and 'gần 90%'.
    """
    if ratio is None:
        return "-"
    try:
        return _described_remembered(ratio, lang)
    except TypeError:  # a value that cannot be a key: worked out each time
        return _describe_percent(ratio, lang)


@functools.lru_cache(maxsize=1 << 16, typed=True)
def _described_remembered(ratio: float | Decimal, lang: str) -> str:
    """A national check words 124,000 ratios behind or over plan, most of them repeated (see _percent_remembered)."""
    return _describe_percent(ratio, lang)


def _describe_percent(ratio: float | Decimal, lang: str) -> str:
    exact = Decimal(str(ratio)) * 100
    shown = exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if shown > exact and shown % 10 == 0:
        return f"{'nearly' if lang == 'en' else 'gần'} {format_number(shown, lang=lang)}%"
    if shown < exact and shown == 100:  # 4.608 of 4.600: 'đạt 100% kế hoạch (vượt)' read as a contradiction
        return f"{'just over' if lang == 'en' else 'hơn'} 100%"
    return f"{format_number(shown, lang=lang)}%"
