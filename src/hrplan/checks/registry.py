"""The catalogue: every rule `check` runs, in order, and the entry points that run them for a program and period.

Add a rule: write `checks/rules/<name>.py` defining `RULE` (code, default severity, family, one line
of docs), put its messages in the catalogue (`messages/rules.py`), list it in `RULES` below, and
regenerate docs/checks.md (`python -m hrplan.cli.checks_reference > docs/checks.md`).
"""
from __future__ import annotations

from typing import Callable

from hrplan.checks.finding import Finding, Lacks, figure_lacks
from hrplan.checks.rule import CheckContext, Rule, rule_setting
from hrplan.checks.rules import (
    behind_plan,
    breakdown_exceeds,
    group_counted_twice,
    breakdown_mismatch,
    coverage_over_100,
    cumulative_decrease,
    custom,
    import_notes,
    late_submission,
    likely_typo,
    incomplete_period,
    missing_submission,
    missing_value,
    outlier,
    outside_unit_life,
    over_plan,
    plan_differs_from_target,
    planning_people_per_title,
    planning_share_over_whole,
    planning_ratio_out_of_band,
    planning_titles_per_person,
    planning_women_share,
    planning_young_share,
    stated_ratio_differs,
    subperiod_targets,
    total_row_mismatch,
    unregistered_unit,
    unexpected_reporter,
    zero_plan_with_actual,
)
from hrplan.collector import paused_gc
from hrplan.definitions import Program, UnitTree, period_from_user
from hrplan.figures import FigureSet
from hrplan.problems import HrplanError, Location, Problem, Severity
from hrplan.store import Store

# One rule per line, grouped by family, so that parallel additions do not collide.
RULES: list[Rule] = [
    # completeness and timeliness
    missing_submission.RULE,
    unregistered_unit.RULE,
    unexpected_reporter.RULE,
    outside_unit_life.RULE,
    incomplete_period.RULE,
    missing_value.RULE,
    late_submission.RULE,
    # achievement
    behind_plan.RULE,
    over_plan.RULE,
    likely_typo.RULE,
    # consistency
    breakdown_mismatch.RULE,
    breakdown_exceeds.RULE,
    group_counted_twice.RULE,
    plan_differs_from_target.RULE,
    stated_ratio_differs.RULE,
    total_row_mismatch.RULE,
    coverage_over_100.RULE,
    planning_share_over_whole.RULE,
    zero_plan_with_actual.RULE,
    cumulative_decrease.RULE,
    subperiod_targets.RULE,
    # planning
    planning_ratio_out_of_band.RULE,
    planning_people_per_title.RULE,
    planning_titles_per_person.RULE,
    planning_women_share.RULE,
    planning_young_share.RULE,
    # change over time
    outlier.RULE,
    # the program's own
    custom.RULE,
    # import
    import_notes.RULE,
]

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what was just done)
Step = Callable[..., None]  # step(label, weight=1): told after each step, with what was done
# The figures of a program weigh as much as all its rules together in the progress shown (measured at national
# scale: a quarter 2.1 s against 2.1 s, the 8-quarter range 8.8 s against 2.9 s), so that the time left said
# after the first tenth is not four times the truth.
FIGURES_WEIGHT = len(RULES)
STEPS_PER_PROGRAM = FIGURES_WEIGHT + len(RULES)  # the figures, then each rule


def rule_by_code(code: str) -> Rule | None:
    """Give the catalogue's rule with `code`, or None."""
    return next((r for r in RULES if r.code == code), None)


def settings_mistakes(program: Program) -> list[Problem]:
    """Give a problem for each rule or parameter the program's `checks:` names that the catalogue does not have."""
    out = []
    where = Location(program.source_file, field="checks.rules")
    for code, entry in program.checks.rules.items():
        rule = rule_by_code(code)
        if rule is None:
            out.append(Problem("check.unknown_rule", Severity.ERROR, where, {
                "program": program.code, "rule": code, "known": ", ".join(r.code for r in RULES)}))
            continue
        for override in [entry, *entry.indicators.values()]:
            for name in override.params:
                if name not in rule.params:
                    out.append(Problem("check.unknown_param", Severity.ERROR, where, {
                        "program": program.code, "rule": code, "param": name,
                        "known": ", ".join(rule.params) or "-"}))
    return out


def check_program(program: Program, figures: FigureSet, store: Store, units: UnitTree, lang: str = "vi",
                  settings: dict | None = None, step: Step | None = None) -> list[Finding]:
    """Give every finding for a program and period, most severe first, as the program's settings shape them.

    `step(rule_code)` is told after each rule of the catalogue (run or off), for progress on long work."""
    ctx = CheckContext(program, figures.period, figures, store, units, lang, settings or {})
    findings: list[Finding] = []  # on figures, which may lack units or parts
    on_rows: list[Finding] = []  # on the units' own rows (`Rule.own_rows`), which lack nothing of the groups'
    settings_of = getattr(program, "checks", None)
    for rule in RULES:
        if rule_setting(program, rule.code, "enabled", None, True) is not False or _enabled_anywhere(program, rule):
            if settings_of is None or rule.code not in settings_of.rules:  # as the rule says (130,000 a national check)
                found = list(rule.run(ctx))
            else:
                found = [f for f in (_as_declared(program, rule, f) for f in rule.run(ctx)) if f is not None]
            (on_rows if rule.own_rows else findings).extend(found)
        if step is not None:
            step(rule.code)
    _mark_lacks(findings, figures, units, lang)
    return sorted(findings + on_rows, key=lambda f: (_ORDER[f.severity], f.code, f.unit or "", f.indicator or ""))


def _mark_lacks(findings: list[Finding], figures: FigureSet, units: UnitTree, lang: str) -> None:
    """Give each finding on a figure that lacks units or parts (a group with units that sent nothing, a district's
    commune missing, a unit's quarter missing) what it lacks, as the report's sentence says it: the finding's
    '105% of plan' must not read as the whole group's when the report marks it."""
    # The few figures that can lack something, worded once each: a national quarter's 120,000 findings are on unit
    # figures that lack nothing, and asking each of them cost a third of a second.
    said = {key: figure_lacks(fig, units, lang) for key, fig in figures.figures.items()
            if fig.incomplete or (fig.is_group and (fig.absent or fig.members_missing or fig.blanks))}
    if not any(said.values()):
        return
    told: dict[tuple[str, str], Lacks | None] = {}
    for f in findings:
        if f.unit is not None and f.indicator is not None:
            key = (f.unit, f.indicator)
            f.lacks = said.get(key)
            if f.lacks is not None and f.lacks.blanks and "opt_left_out" in f.params:
                # its words name who left the actual empty (left_out_words): the mark says it not twice
                if key not in told:
                    fig = figures.figures[key]
                    told[key] = figure_lacks(fig, units, lang, frozenset(
                        lo.unit for lo in fig.left_out if lo.reason in ("no_actual", "unsplit")))
                f.lacks = told[key]


def _enabled_anywhere(program: Program, rule: Rule) -> bool:
    settings = getattr(program, "checks", None)
    entry = settings.rules.get(rule.code) if settings is not None else None
    return bool(entry) and any(i.enabled for i in entry.indicators.values())


def _as_declared(program: Program, rule: Rule, finding: Finding) -> Finding | None:
    """Give the finding with the severity the program declares, or None when the rule is off for it."""
    if rule_setting(program, rule.code, "enabled", finding.indicator, True) is False:
        return None
    severity = rule_setting(program, rule.code, "severity", finding.indicator, None)
    if severity is not None:
        finding.severity = Severity(severity)
    return finding


def run_checks(workspace, program_names: list[str], period_text: str, lang: str = "vi",
               unit: str | None = None, progress: Progress | None = None) -> list[Finding]:
    """Give the findings for the programs named (all programs when none), one period and a unit's subtree (all).

    `progress(done, total, label)` is told after the figures of each program and after each rule."""
    from hrplan.figures import compute_figures

    period = period_from_user(period_text)
    programs = [workspace.program(n) for n in program_names] or list(workspace.programs.values())
    outside = [p for p in (program.outside_problem(period) for program in programs) if p is not None]
    if outside and (program_names or len(outside) == len(programs)):
        raise HrplanError(outside)  # a program named for a period it does not have: say so, check nothing
    programs = [program for program in programs if program.overlaps(period)]  # all programs: those of the period
    mistakes = [p for program in programs for p in settings_mistakes(program)]
    if mistakes:
        raise HrplanError(mistakes)
    subtree = set(workspace.units.subtree(workspace.units.resolve(unit))) if unit else None
    settings = {"deadline": workspace.config.deadline}
    findings: list[Finding] = []
    step = counter(len(programs) * STEPS_PER_PROGRAM, progress)
    # One moment (an import meanwhile is not half seen); the collector paused while figures and findings pile up.
    with workspace.open_store() as store, store.snapshot(), paused_gc():
        for program in programs:
            figures = compute_figures(program, period, store, workspace.units, sources=False)  # findings: first cells
            step(program.code, FIGURES_WEIGHT)
            findings += check_program(program, figures, store, workspace.units, lang, settings, step)
    if subtree is not None:
        findings = [f for f in findings if f.unit in subtree]
    return findings


def counter(total: int, progress: Progress | None) -> Step:
    """Give a step callback that counts the steps done and tells `progress` (which may be None)."""
    done = 0

    def step(label: str, weight: int = 1) -> None:
        nonlocal done
        done += weight
        if progress is not None:
            progress(min(done, total), total, label)

    return step
