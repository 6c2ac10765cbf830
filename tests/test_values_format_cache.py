"""format_number remembers its texts (a national report formats the same numbers a million times): equal values
that share a cache entry must give the text each would get on its own, whatever came first."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest

from hrplan.values import _format_number, _format_percent, format_number, format_percent


def test_remembered_text_is_the_text_of_each_value_in_any_order():
    rng = random.Random(15)
    values: list = []
    for _ in range(3000):
        d = Decimal(rng.randint(-10**7, 10**7)).scaleb(-rng.randint(0, 4))
        values += [d, d.quantize(Decimal(1).scaleb(d.as_tuple().exponent - 2))]  # the same value, more zeros
        values += [int(d) if d == d.to_integral_value() else float(d)]
    values += [Decimal("999.999"), Decimal("-0.005"), 1, 1.0, Decimal("1.0"), 0.1, Decimal("0.1"), 285.37]
    for order in (values, values[::-1]):
        for v in order:
            for decimals in (None, 0, 1, 2):
                for lang in ("vi", "en"):
                    assert format_number(v, decimals, lang) == _format_number(v, decimals, lang), (v, decimals, lang)


def test_a_value_that_cannot_be_a_key_behaves_as_without_the_memory():
    def outcome(call):
        try:
            return call()
        except Exception as exc:  # noqa: BLE001 - the same failure either way is what is checked
            return type(exc)

    snan = Decimal("sNaN")  # hash() refuses a signalling NaN
    assert outcome(lambda: format_number(snan)) == outcome(lambda: _format_number(snan, None, "vi"))


def test_remembered_percentages_are_the_text_of_each_ratio_in_any_order():
    rng = random.Random(16)
    ratios: list = [rng.randint(0, 400) / rng.randint(1, 60) for _ in range(2000)]
    ratios += [Decimal(str(r)) for r in ratios[:300]] + [Decimal("2.50"), Decimal("2.5"), 0.6949999, 0.695, 2.0, 2]
    for order in (ratios, ratios[::-1]):
        for r in order:
            for decimals in (0, 1, None):
                for lang in ("vi", "en"):
                    assert format_percent(r, decimals, lang) == _format_percent(r, decimals, lang), (r, decimals, lang)
    snan = Decimal("sNaN")
    with pytest.raises(Exception) as got:
        _format_percent(snan, 0, "vi")
    with pytest.raises(got.type):
        format_percent(snan)
