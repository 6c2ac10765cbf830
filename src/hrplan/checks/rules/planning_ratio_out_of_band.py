"""check.planning_ratio_out_of_band: candidates per seat outside the band the program sets (Quy định 377-QĐ/TW)."""
from __future__ import annotations

from hrplan.checks.finding import first_cell, left_out_param
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import IndicatorKind
from hrplan.problems import Severity
from hrplan.values import format_number, format_times


def _run(ctx: CheckContext):
    for fig in ctx.figures.figures.values():
        ind = fig.indicator
        if ind.kind is not IndicatorKind.PLANNING_RATIO or fig.status(ctx.program) not in ("below_band", "above_band"):
            continue
        band = ind.band_at(fig.period.end)  # the band in force on the period's last day, and its regulation
        yield RULE.finding(ctx, fig.unit, ind.code, {
            # the numbers the ratio is taken over (a unit with 0 seats is in neither), and who is left out of them
            "indicator": ind.name_in(ctx.lang), "candidates": format_number(fig.ratio_actual, lang=ctx.lang),
            "seats": format_number(fig.ratio_plan, lang=ctx.lang), "ratio": _number_of_times(fig.ratio, ctx.lang),
            **left_out_param(fig, ctx.units, ctx.uom(ind.uom), ctx.lang),
            "band": band.describe(ctx.lang) if band else "-",
            "source": (band.source if band else None) or "-"},
            first_cell(fig))


def _number_of_times(ratio: float | None, lang: str) -> str:
    """Give the ratio as format_times writes it, without the word (the message says 'lần' / 'times')."""
    return format_times(ratio, lang).removesuffix(" times" if lang == "en" else " lần")


RULE = Rule("check.planning_ratio_out_of_band", Severity.WARNING, "planning",
            "A planning ratio (candidates per seat) outside the indicator's `band` in force on the period's last day "
            "(the norm of Quy định 377-QĐ/TW, or of the regulation before it); the message names that regulation.",
            _run)
