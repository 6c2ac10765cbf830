"""The limits of the planning regulation (Quy định 377-QĐ/TW), read from the program's `planning_limits`."""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import IndicatorKind, UnitTree
from hrplan.figures import Figure, FigureSet
from hrplan.messages import render
from hrplan.values import format_number, format_percent


class Share(NamedTuple):
    """The share of a role (women, young) among those planned, over the members that gave both numbers."""

    count: Decimal  # of the role (nữ, trẻ)
    planned: Decimal  # those planned, over the same members
    left_out: list[str]  # the names of the members left out (a group's only)
    # (name, count, planned) of the members left out because their part exceeds their whole (20 women of 18
    # planned): told 'Xã Minh Xuân (20/18)'; check.planning_share_over_whole is the error at the unit's cell
    over: list[tuple[str, Decimal, Decimal]] = []
    # (name, count, planned) of the members left out because they planned people for 0 seats: no planning ratio, so
    # out of the group's ratio (check.zero_plan_with_actual) and, over the same members, out of its shares
    zero_seats: list[tuple[str, Decimal, Decimal]] = []

    @property
    def share(self) -> float:
        return float(self.count / self.planned)


def planning_share(figures: FigureSet, units: UnitTree, fig: Figure) -> Share | None:
    """Give the share of a role's figure (`planning: {role: women, of: QH-BCH}`) among those planned, or None when
    there is nothing to divide by.

    A group's share is over the members that gave both numbers: a district that left its number of women blank
    counts in neither the women nor those planned (else 31 of 246 would read 13% where the members that answered
    have 31 of 196, 16%); the members left out are named. The check rules and the report both take it from here."""
    plan = fig.indicator.planning
    if plan is None or plan.of is None or fig.actual is None:
        return None
    planned = figures.get(fig.unit, plan.of)
    if planned is None or not planned.actual:
        return None
    if not fig.is_group:  # more women than people planned is no share: an error, not 111% of women
        return Share(fig.actual, planned.actual, []) if fig.actual <= planned.actual else None
    count, of, left, over, zero = _over_same_members(figures, units, fig, planned)
    return Share(count, of, left, over, zero) if of else None


def left_out_text(share: Share, lang: str) -> str:
    """Give what a share leaves out, in words, as the check and the report add it to their sentence ('' if nothing)."""
    text = render("check.planning_share.left_out", lang, units=", ".join(share.left_out)) if share.left_out else ""
    for code, members in (("check.planning_share.over_whole", share.over),
                          ("check.planning_share.zero_seats", share.zero_seats)):
        if members:
            named = (f"{name} ({format_number(count, lang=lang)}/{format_number(of, lang=lang)})"
                     for name, count, of in members)
            text += render(code, lang, units=", ".join(named))
    return text


def share_text(share: float, floor: float, lang: str) -> str:
    """Give a share as the findings and the report write it, with one decimal ('9,5%'), or more where one decimal
    would round it onto its floor: 2/21 is '9,5%' under 10%, never '10%' under 10% (9,96% is '9,96%')."""
    decimals = 1
    while decimals < 4 and (share < floor - 1e-9) and round(share * 100, decimals) >= round(floor * 100, decimals):
        decimals += 1
    return format_percent(share, decimals, lang=lang)


def share_findings(ctx: CheckContext, rule: Rule, role: str, limit_field: str):
    """Give a finding where the share of `role` (women, young) among those planned is under its floor
    (`planning_share`)."""
    limits = ctx.program.limits_at(ctx.figures.period.end)  # those in force on the period's last day
    floor = getattr(limits, limit_field, None) if limits else None
    if floor is None:
        return
    for fig in ctx.figures.figures.values():
        plan = fig.indicator.planning
        if plan is None or plan.role != role:
            continue
        found = planning_share(ctx.figures, ctx.units, fig)
        if found is None:
            continue
        count, of = found.count, found.planned
        share = found.share
        if share < floor - 1e-9:
            lang = ctx.lang
            planned = ctx.figures.get(fig.unit, plan.of)
            yield rule.finding(ctx, fig.unit, fig.indicator.code, {
                "indicator": fig.indicator.name_in(lang), "count": format_number(count, lang=lang),
                "planned": format_number(of, lang=lang), "planned_indicator": planned.indicator.name_in(lang),
                "share": share_text(share, floor, lang), "floor": format_percent(floor, lang=lang),
                "source": limits.source or "-",
                "left_out": left_out_text(found, lang)},
                first_cell(fig))


def _over_same_members(figures: FigureSet, units: UnitTree, fig: Figure, planned: Figure) -> tuple:
    """Give (count, planned, members left out, members left out for a part over its whole, members left out for
    planning people for 0 seats) summed over the members of the group with both numbers, a part no larger than its
    whole, whose planning ratio the group's counts (the members its row of those planned shows)."""
    both = [u for u in dict.fromkeys(fig.members) if u in set(planned.members)]
    count = of = Decimal(0)
    over, zero = [], []
    for unit in both:
        mine, theirs = figures.reported(unit, fig.indicator.code), figures.reported(unit, planned.indicator.code)
        if mine is None or theirs is None or mine.actual is None or theirs.actual is None:
            continue
        if any(lo.reason == "zero_plan" and lo.unit == unit for lo in theirs.left_out):
            zero.append((_name(units, unit), mine.actual, theirs.actual))  # 10 people for 0 seats: out of the ratio
            continue
        if mine.actual > theirs.actual:  # 20 women of 18 planned: either number may be the wrong one
            over.append((_name(units, unit), mine.actual, theirs.actual))
            continue
        count, of = count + mine.actual, of + theirs.actual
    left = [u for u in dict.fromkeys([*planned.members, *fig.members]) if u not in both]
    return count, of, [_name(units, u) for u in left], over, zero


def _name(units: UnitTree, unit: str) -> str:
    return units.get(unit).name if unit in units else unit


def over_whole_findings(ctx: CheckContext, rule: Rule):
    """Give an error where a unit's women (or young cadres) outnumber those it planned: a part over its whole."""
    figures = ctx.figures
    for fig in figures.figures.values():
        plan = fig.indicator.planning
        if plan is None or plan.of is None:
            continue
        mine = fig.own if fig.is_group else fig  # a group's sums add up consistent members: only what a unit wrote
        theirs = figures.reported(fig.unit, plan.of)
        if mine is None or theirs is None or mine.actual is None or theirs.actual is None:
            continue
        if mine.actual > theirs.actual:
            lang = ctx.lang
            yield rule.finding(ctx, fig.unit, fig.indicator.code, {
                "indicator": fig.indicator.name_in(lang), "count": format_number(mine.actual, lang=lang),
                "planned": format_number(theirs.actual, lang=lang),
                "planned_indicator": theirs.indicator.name_in(lang)}, first_cell(mine))


def maximum_findings(ctx: CheckContext, rule: Rule, role: str, limit_field: str):
    """Give a finding where the most people per title (or titles per person) is over its limit."""
    limits = ctx.program.limits_at(ctx.figures.period.end)  # those in force on the period's last day
    limit = getattr(limits, limit_field, None) if limits else None
    if limit is None:
        return
    for fig in ctx.figures.figures.values():
        plan = fig.indicator.planning
        if plan is None or plan.role != role or fig.actual is None or fig.is_group:
            continue  # a maximum does not add up over units: judged where it was reported
        if fig.actual > limit:
            yield rule.finding(ctx, fig.unit, fig.indicator.code, {
                "indicator": fig.indicator.name_in(ctx.lang), "value": format_number(fig.actual, lang=ctx.lang),
                "limit": format_number(limit, lang=ctx.lang),
                "source": limits.source or "-"}, first_cell(fig))


def crowded_seat_findings(ctx: CheckContext, rule: Rule):
    """Give a finding where a unit's planning ratio is over the most people allowed per title: 4 people planned for
    the one seat of Bí thư is over the limit of 3, whatever the unit's "most people for one title" says (more people
    than 3 × the seats means some seat has more than 3)."""
    limits = ctx.program.limits_at(ctx.figures.period.end)  # those in force on the period's last day
    limit = limits.people_per_title_max if limits else None
    if limit is None:
        return
    for fig in ctx.figures.figures.values():
        ind = fig.indicator
        if fig.is_group or ind.kind is not IndicatorKind.PLANNING_RATIO or fig.ratio is None:
            continue  # a group's seats are many units' titles: judged where they were reported
        if fig.ratio > limit + 1e-9:
            lang = ctx.lang
            yield rule.finding(ctx, fig.unit, ind.code, {
                "indicator": ind.name_in(lang), "candidates": format_number(fig.ratio_actual, lang=lang),
                "seats": format_number(fig.ratio_plan, lang=lang), "limit": format_number(limit, lang=lang),
                "source": limits.source or "-"}, first_cell(fig), wording=CROWDED)


CROWDED = "check.planning_people_per_title.seats"
