"""The summary of many findings (hrplan.reports.summarise_findings): counts per rule and per unit group, and the
most important findings first: errors, then the highest units of the tree, then the catalogue's order."""
from __future__ import annotations

from hrplan.checks import Finding
from hrplan.definitions import UnitTree
from hrplan.definitions.units import Unit
from hrplan.problems import Severity
from hrplan.reports import summarise_findings

TREE = UnitTree([Unit(code="VN", name="Cả nước"),
                 Unit(code="T1", name="Tỉnh Một", parent="VN"), Unit(code="T2", name="Tỉnh Hai", parent="VN"),
                 Unit(code="H1", name="Huyện Một", parent="T1"),
                 Unit(code="X1", name="Xã Một", parent="H1"), Unit(code="X2", name="Xã Hai", parent="H1"),
                 Unit(code="X3", name="Xã Ba", parent="T2")])


def _f(code: str, severity: str, unit: str | None, indicator: str | None = "A") -> Finding:
    return Finding(code, Severity(severity), "P", "2025-Q1", unit, indicator)


def test_counts_per_rule_and_per_unit_under_the_scope_subtrees_included() -> None:
    findings = [_f("check.behind_plan", "warning", u, i) for u in ("X1", "X2", "X3", "H1", "VN") for i in ("A", "B")]
    findings += [_f("check.missing_submission", "error", "X2", None), _f("check.over_plan", "info", "X3")]
    s = summarise_findings(findings, TREE)
    assert (s.total, s.counts, s.units, s.parent) == (12, {"error": 1, "warning": 10, "info": 1}, 5, "VN")
    assert [(r.code, r.severity, r.findings, r.units) for r in s.rules] == [
        ("check.missing_submission", "error", 1, 1), ("check.behind_plan", "warning", 10, 5), ("check.over_plan", "info", 1, 1)]
    # the scope's own figures are a group of their own; each province counts its districts' and communes' findings
    assert [(g.unit, g.error, g.warning, g.info) for g in s.groups] == [("VN", 0, 2, 0), ("T1", 1, 6, 0), ("T2", 0, 2, 1)]
    under_t1 = summarise_findings(findings, TREE, under="T1")
    assert ("H1", 1, 6, 0) in [(g.unit, g.error, g.warning, g.info) for g in under_t1.groups]


def test_the_most_important_are_errors_then_higher_units_then_the_catalogue_order() -> None:
    findings = [_f("check.over_plan", "info", "VN"), _f("check.behind_plan", "warning", "X1"),
                _f("check.behind_plan", "warning", "T1"), _f("check.missing_submission", "error", "X3", None),
                _f("check.behind_plan", "warning", "VN")]
    top = summarise_findings(findings, TREE, top=4).top
    assert [(f.code, f.unit) for f in top] == [("check.missing_submission", "X3"), ("check.behind_plan", "VN"),
                                              ("check.behind_plan", "T1"), ("check.behind_plan", "X1")]


def test_groups_beyond_the_limit_are_counted_the_busiest_kept() -> None:
    findings = [_f("check.behind_plan", "warning", "X1"), _f("check.behind_plan", "warning", "X2"),
                _f("check.behind_plan", "warning", "X3")]
    s = summarise_findings(findings, TREE, max_groups=1)
    assert [g.unit for g in s.groups] == ["T1"] and s.more_groups == 1
