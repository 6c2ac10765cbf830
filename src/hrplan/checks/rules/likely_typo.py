"""check.likely_typo: an actual so far from its plan that it is likely a typing error (≥ 10× plan, or under a tenth),
or one period's actual alone several times the whole longer target it is a part of (a quarter's 1.500 against the
year's 520); or, for a unit with no plan to pair with, a count ≥ 10× (or under a tenth of) its own figure for the
previous period of the same length (150 lượt người in a half-year after 15, 15, 15)."""
from __future__ import annotations

from hrplan.checks.finding import first_cell
from hrplan.checks.history import has_history, history_table, own_period_values
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Accumulation, IndicatorKind, Period
from hrplan.problems import Location, Severity
from hrplan.values import format_number


def _run(ctx: CheckContext):
    factors: dict[str, float] = {}  # per indicator, looked up once (a national quarter has 130,000 figures)
    wholes: dict[str, float] = {}
    judged: set[tuple[str, str]] = set()  # (unit, indicator) a plan or a longer target judged
    for fig in ctx.figures.figures.values():
        ind = fig.indicator
        if fig.is_group or ind.kind not in _KINDS:
            continue
        # The numbers the report pairs (ratio_plan, ratio_actual): a quarter left out of the ratio (a plan, no
        # actual) is not a tenth of the plan done.
        ratio = fig.ratio
        if ratio is not None:
            judged.add((fig.unit, ind.code))
        if ratio is not None and fig.ratio_actual > 0:
            factor = factors.get(ind.code)
            if factor is None:
                factor = factors[ind.code] = float(ctx.param(RULE, "factor", ind.code))
            if ratio >= factor or ratio < 1 / factor:
                lang = ctx.lang
                seats = ind.kind is IndicatorKind.PLANNING_RATIO
                wording = (SEATS if seats else None) if ratio >= factor else (SEATS_UNDER if seats else UNDER)
                yield RULE.finding(ctx, fig.unit, ind.code, {
                    "indicator": ind.name_in(lang), "actual": format_number(fig.ratio_actual, lang=lang),
                    "plan": format_number(fig.ratio_plan, lang=lang), "uom": ctx.uom(ind.uom),
                    "times": format_number(round(ratio, 1), lang=lang), "factor": format_number(factor, lang=lang)},
                    first_cell(fig), wording=wording)
                continue
        finding = _over_whole(ctx, fig, wholes)
        if finding is not None:
            judged.add((fig.unit, ind.code))
            yield finding
    yield from _against_previous(ctx, judged)


def _over_whole(ctx: CheckContext, fig, wholes: dict[str, float]):
    """Give a finding when a unit's actual for the period alone is `whole_factor` times the target of the longer
    period holding it (its year's, the program's), which the report shows as context ('KH năm 2025: 520'):
    with no plan of the quarter's own there is no ratio to judge, and 1.500 in one quarter passed unremarked. A running
    total (its figure is to date) and a maximum are not parts of a whole."""
    ind, context = fig.indicator, fig.context
    if (context is None or not context.value or context.value <= 0 or fig.actual is None or ind.is_maximum
            or ind.kind is not IndicatorKind.COUNT or ind.accumulation is not Accumulation.PER_PERIOD):
        return None
    whole = wholes.get(ind.code)
    if whole is None:
        whole = wholes[ind.code] = float(ctx.param(RULE, "whole_factor", ind.code))
    times = float(fig.actual / context.value)
    if times < whole:
        return None
    lang = ctx.lang
    longer = Period.parse(context.period).describe(lang) if context.period else "-"
    return RULE.finding(ctx, fig.unit, ind.code, {
        "indicator": ind.name_in(lang), "actual": format_number(fig.actual, lang=lang),
        "plan": format_number(context.value, lang=lang), "uom": ctx.uom(ind.uom),
        "times": format_number(round(times, 1), lang=lang), "period": ctx.period.describe(lang),
        "whole_period": longer[:1].lower() + longer[1:] if lang == "vi" else longer},
        first_cell(fig), wording=WHOLE)


def _against_previous(ctx: CheckContext, judged: set[tuple[str, str]]):
    """Give a finding for each count a unit sent for the period that is `factor` times (or under 1/`factor` of) what
    it sent for the previous period of the same length, when nothing else could judge it (no plan, no ratio): the
    one honest signal for 150 typed for 15. Only per-period counts of a whole unit of measure (người, lượt người):
    a running total grows from a small start, and an amount may be sent in another unit of measure."""
    book = ctx.program.measure_book()
    codes = {i.code: i for i in ctx.program.indicators
             if i.kind is IndicatorKind.COUNT and i.accumulation is Accumulation.PER_PERIOD and not i.is_maximum
             and book.is_whole(i.uom)}
    if not codes or not has_history(ctx):
        return
    now = own_period_values(ctx)
    now = now[now["indicator"].isin(list(codes))]
    if now.empty:
        return
    df = history_table(ctx)
    earlier = df[(df["kind"] == ctx.period.kind) & df["indicator"].isin(list(codes)) & (df["value"] > 0)]
    previous = earlier.sort_values("end").groupby(["unit", "indicator"]).tail(1)
    joined = now[now["value"] > 0].merge(previous, on=["unit", "indicator"], suffixes=("", "_prev"))
    lang = ctx.lang
    for r in joined.itertuples():
        if (r.unit, r.indicator) in judged:
            continue
        factor = float(ctx.param(RULE, "factor", r.indicator))
        times = r.value / r.value_prev
        if 1 / factor < times < factor:
            continue
        ind = codes[r.indicator]
        yield RULE.finding(ctx, r.unit, r.indicator, {
            "indicator": ind.name_in(lang), "actual": format_number(r.value, lang=lang),
            "previous": format_number(r.value_prev, lang=lang), "uom": ctx.uom(ind.uom),
            "times": format_number(round(times, 1), lang=lang), "factor": format_number(factor, lang=lang),
            "previous_period": Period.parse(r.period_prev).in_sentence(lang)},
            Location(r.file_name, r.sheet, r.cell), wording=PREVIOUS if times >= factor else PREVIOUS_UNDER)


_KINDS = (IndicatorKind.COUNT, IndicatorKind.PLANNING_RATIO)
UNDER = "check.likely_typo.under"  # under 1/factor of the plan: a digit too few in the actual, or too many in the plan
SEATS = "check.likely_typo.seats"  # a planning ratio: 160 people for 13 seats
SEATS_UNDER = "check.likely_typo.seats_under"
WHOLE = "check.likely_typo.whole"  # one period's actual against the longer target holding it
PREVIOUS = "check.likely_typo.previous"  # no plan: the unit's own previous period of the same length
PREVIOUS_UNDER = "check.likely_typo.previous_under"
RULE = Rule("check.likely_typo", Severity.WARNING, "achievement",
            "A unit's actual (or people planned), paired with its plan (or seats) as the report pairs them, at least "
            "`factor` times it or under 1/`factor` of it (a plan of 1 against hundreds, a missing or extra zero); or, "
            "for a per-period count, the period's actual alone at least `whole_factor` times the target of the longer "
            "period holding it (a quarter against its year's target); or, where the unit has no plan to pair with, a per-period "
            "count at least `factor` times (or under 1/`factor` of) the unit's own figure for the previous period of "
            "the same length.", _run,
            params={"factor": 10, "whole_factor": 2},
            messages=("check.likely_typo", UNDER, SEATS, SEATS_UNDER, WHOLE, PREVIOUS, PREVIOUS_UNDER))
