"""check.custom: the program's own validation rules (DHIS2's shape): left side, operator, right side, per unit."""
from __future__ import annotations

from decimal import Decimal

from hrplan.checks.expressions import ExpressionError, parse_expression
from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import CustomRule, MissingValues, Program
from hrplan.problems import HrplanError, Location, Problem, Severity
from hrplan.values import format_number

_COMPARE = {
    "=": lambda a, b: a == b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "≠": lambda a, b: a != b,
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, "≤": lambda a, b: a <= b,
    ">": lambda a, b: a > b, ">=": lambda a, b: a >= b, "≥": lambda a, b: a >= b,
}


def parsed_rules(program: Program):
    """Give (rule, left, right) for each custom rule; raise HrplanError naming each expression refused."""
    codes = [i.code for i in program.indicators]
    out, problems = [], []
    for n, rule in enumerate(program.checks.custom):
        sides = []
        for side in ("left", "right"):
            try:
                sides.append(parse_expression(getattr(rule, side), codes))
            except ExpressionError as exc:
                problems.append(Problem("check.custom_invalid", Severity.ERROR,
                                        Location(program.source_file, field=f"checks.custom[{n}].{side}"),
                                        {"rule": rule.code, "side": side, "reason": str(exc)}))
        if len(sides) == 2:
            out.append((rule, *sides))
    if problems:
        raise HrplanError(problems)
    return out


def _judge(rule: CustomRule, left, right, values: dict[str, Decimal | None]) -> tuple[bool, object, object] | None:
    """Give (violated, left value, right value), or None when the missing-value strategy skips the unit."""
    present_left = [values.get(c) is not None for c in left.codes]
    present_right = [values.get(c) is not None for c in right.codes]
    if rule.operator == "compulsory_pair":
        if not (any(present_left) or any(present_right)):
            return None
        return (any(present_left) != any(present_right)), None, None
    present = present_left + present_right
    if rule.missing is MissingValues.SKIP_IF_ANY and not all(present):
        return None
    if rule.missing is MissingValues.SKIP_IF_ALL and not any(present):
        return None
    lv, rv = left.evaluate(values, missing_as_zero=True), right.evaluate(values, missing_as_zero=True)
    if lv is None or rv is None:
        return None  # division by zero: nothing to judge
    return not _COMPARE[rule.operator](lv, rv), lv, rv


def _run(ctx: CheckContext):
    rules = parsed_rules(ctx.program)
    units = sorted(ctx.figures.submitted)  # the units that reported (DHIS2: where the data were entered)
    for unit in units:
        for rule, left, right in rules:
            values = {}
            for code in left.codes + right.codes:
                fig = ctx.figures.get(unit, code)
                values[code] = None if fig is None else (fig.actual if rule.measure == "actual" else fig.plan)
            judged = _judge(rule, left, right, values)
            if judged is None or not judged[0]:
                continue
            _, lv, rv = judged
            first = next((ctx.figures.get(unit, c) for c in left.codes if ctx.figures.get(unit, c)), None)
            finding = RULE.finding(ctx, unit, left.codes[0] if left.codes else None, {
                "rule": rule.code, "name": rule.name_in(ctx.lang) or f"{rule.left} {rule.operator} {rule.right}",
                "left_text": rule.left, "right_text": rule.right, "operator": rule.operator,
                "left": "-" if lv is None else format_number(lv, lang=ctx.lang), "right": "-" if rv is None else format_number(rv, lang=ctx.lang)},
                first_cell(first) if first else None,
                code="check.custom_pair" if rule.operator == "compulsory_pair" else None)
            finding.severity = Severity(rule.severity)
            yield finding


RULE = Rule("check.custom", Severity.WARNING, "custom",
            "A program's own rule (`checks.custom`): left expression, operator (=, ≠, <, ≤, >, ≥, compulsory_pair), "
            "right expression over indicator codes, a missing-value strategy and a severity; for every reporting unit.", _run,
            messages=("check.custom", "check.custom_pair"))
