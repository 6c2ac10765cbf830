"""check.incomplete_period: a year or range built from parts lacks some of a unit's parts ('3/4 quý')."""
from __future__ import annotations

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Period
from hrplan.messages import render
from hrplan.problems import Severity


def _run(ctx: CheckContext):
    for cover in ctx.figures.incomplete_units():
        name = ctx.units.get(cover.unit).name if cover.unit in ctx.units else cover.unit
        kind = f"figure.kind.{cover.frequency}"
        yield RULE.finding(ctx, cover.unit, None, {
            "unit": f"{name} ({cover.unit})", "period": _lower_first(ctx.period.in_sentence(ctx.lang), ctx.lang),
            "parts": render("figure.parts", ctx.lang, present=cover.present, expected=len(cover.expected),
                            kind=render(kind, "en"), kind_vi=render(kind, "vi")),
            "missing": ", ".join(Period.parse(p).in_sentence(ctx.lang) for p in cover.missing)})


def _lower_first(text: str, lang: str) -> str:
    return text[:1].lower() + text[1:] if lang == "vi" else text


RULE = Rule("check.incomplete_period", Severity.ERROR, "completeness",
            "A year or range is built from a unit's shorter submissions and some of them, at the unit's reporting "
            "frequency, are missing: its figures are marked incomplete ('3/4 quý').", _run)
