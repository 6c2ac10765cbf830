"""A summary of findings for a person at a terminal: counts per rule and per unit group, and the most important ones.

At national scale a check gives tens of thousands of findings (every commune behind plan on every indicator); a
table of all of them is a scroll nobody reads. The summary says how many of each rule, in how many units, how
many in each unit directly under the scope (the districts of a province, the provinces of the country), and lists
the most important: errors first, then the findings on the highest units of the tree (a province's figure before a
commune's), then in the catalogue's order. The full list is `hrplan check -f json|csv|xlsx` (or `--verbose`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hrplan.checks import RULES, Finding
from hrplan.definitions import UnitTree

TOP = 20  # the most important findings listed
MAX_GROUPS = 40  # unit groups listed; the others are counted in one line
_SEVERITY = {"error": 0, "warning": 1, "info": 2}


@dataclass
class RuleCount:
    """One rule's findings: how many, at which severity, in how many units."""

    code: str
    severity: str
    findings: int
    units: int


@dataclass
class GroupCount:
    """The findings in one unit directly under the scope and its subtree, by severity."""

    unit: str | None  # None: findings that name no unit
    name: str
    error: int = 0
    warning: int = 0
    info: int = 0

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info


@dataclass
class FindingsSummary:
    """What a terminal shows of many findings."""

    total: int
    counts: dict[str, int]  # by severity
    units: int  # units with at least one finding
    parent: str | None  # the unit whose children the groups are (None: the registry's roots)
    parent_name: str
    rules: list[RuleCount] = field(default_factory=list)
    groups: list[GroupCount] = field(default_factory=list)  # at most MAX_GROUPS, the most errors first
    more_groups: int = 0
    top: list[Finding] = field(default_factory=list)


def summarise_findings(findings: list[Finding], units: UnitTree, under: str | None = None,
                       top: int = TOP, max_groups: int = MAX_GROUPS) -> FindingsSummary:
    """Give the summary of `findings`: grouped under `under` (a unit code; default the registry's single root)."""
    roots = units.roots()
    parent = under if under is not None else (roots[0] if len(roots) == 1 else None)
    tree = _Tree(units, parent)
    counts = {s: 0 for s in _SEVERITY}
    by_rule: dict[tuple[str, str], list] = {}
    groups: dict[str | None, GroupCount] = {}
    for f in findings:
        sev = f.severity.value
        counts[sev] += 1
        entry = by_rule.setdefault((f.code, sev), [0, set()])
        entry[0] += 1
        if f.unit:
            entry[1].add(f.unit)
        group = tree.group(f.unit)
        g = groups.get(group)
        if g is None:
            g = groups[group] = GroupCount(group, units.get(group).name if group in units else "")
        setattr(g, sev, getattr(g, sev) + 1)
    order = {r.code: i for i, r in enumerate(RULES)}
    rules = [RuleCount(code, sev, n, len(seen)) for (code, sev), (n, seen) in by_rule.items()]
    rules.sort(key=lambda r: (_SEVERITY[r.severity], order.get(r.code, len(order)), r.code))
    ranked = sorted(groups.values(), key=lambda g: (-g.error, -g.warning, -g.info, tree.rank(g.unit)))
    listed = sorted(ranked[:max_groups], key=lambda g: tree.rank(g.unit))  # the tree's order reads best
    important = sorted(findings, key=lambda f: (_SEVERITY[f.severity.value], tree.depth(f.unit),
                                                order.get(f.code, len(order)), tree.rank(f.unit), f.indicator or ""))
    return FindingsSummary(
        total=len(findings), counts=counts, units=len({f.unit for f in findings if f.unit}), parent=parent,
        parent_name=units.get(parent).name if parent in units else "", rules=rules, groups=listed,
        more_groups=max(0, len(ranked) - max_groups), top=important[:top])


class _Tree:
    """Each unit's group (its ancestor directly under the parent), depth and place in the tree's order, cached."""

    def __init__(self, units: UnitTree, parent: str | None):
        self.units = units
        self.parent = parent
        self._group: dict[str | None, str | None] = {}
        self._depth: dict[str | None, int] = {}
        scope = units.subtree(parent) if parent is None or parent in units else []
        self._rank = {code: i for i, code in enumerate(scope)}

    def group(self, code: str | None) -> str | None:
        if code not in self._group:
            self._group[code] = self._find_group(code)
        return self._group[code]

    def _find_group(self, code: str | None) -> str | None:
        if code is None or code not in self.units:
            return None
        if code == self.parent:
            return code  # the scope's own figures: a group of their own
        seen = set()
        while code in self.units and code not in seen:
            seen.add(code)
            up = self.units.get(code).parent
            if up == self.parent:
                return code
            if up is None:
                return code  # not under the parent (another root): its own root
            code = up
        return code

    def depth(self, code: str | None) -> int:
        if code not in self._depth:
            depth, seen, at = 0, set(), code
            while at in self.units and self.units.get(at).parent and at not in seen:
                seen.add(at)
                at = self.units.get(at).parent
                depth += 1
            self._depth[code] = depth if code is not None else -1  # findings on no unit are program-wide
        return self._depth[code]

    def rank(self, code: str | None) -> int:
        return self._rank.get(code, -1 if code is None else len(self._rank))
