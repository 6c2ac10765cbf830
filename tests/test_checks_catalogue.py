"""The rule catalogue: each rule has a stable code, a severity, docs and messages in both languages; docs/checks.md follows it."""
from __future__ import annotations

from conftest import REPO
from hrplan.checks import RULES, catalogue_markdown
from hrplan.messages import MESSAGES


def test_docs_checks_md_is_in_sync_with_the_registry():
    text = catalogue_markdown()
    assert all(f"### `{r.code}`\n" in text for r in RULES)
    assert (REPO / "docs" / "checks.md").read_text(encoding="utf-8") == text, (
        "docs/checks.md is out of date: run `python -m hrplan.cli.checks_reference > docs/checks.md`")


def test_every_rule_has_a_unique_code_one_line_of_docs_and_messages_in_vietnamese_and_english():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for rule in RULES:
        assert rule.doc and "\n" not in rule.doc, rule.code
        own = [c for c in rule.message_codes() if not c.startswith("(")]
        for code in own:
            vi, en = MESSAGES[code]
            assert vi and en and vi != en, code


def test_a_program_naming_a_rule_the_catalogue_lacks_is_refused_with_the_known_codes(sample_ws, run):
    path = sample_ws.root / "programs" / "12-CTr-TU.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "checks:\n  rules:\n    check.behind_plann: {enabled: false}\n",
                    encoding="utf-8")
    result = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", workspace=sample_ws)
    assert result.exit_code == 2
    assert "check.unknown_rule" in result.stderr and "check.behind_plan," in result.stderr


def _declare(ws, program_file: str, yaml_text: str) -> None:
    path = ws.root / "programs" / program_file
    path.write_text(path.read_text(encoding="utf-8") + yaml_text, encoding="utf-8")


def test_a_program_switches_a_rule_off_for_one_indicator_and_raises_another_to_error(sample_ws, run):
    import json

    from test_cli_check import _load

    _load(sample_ws)
    _declare(sample_ws, "12-CTr-TU.yaml", "checks:\n  rules:\n    check.behind_plan:\n      severity: error\n"
                                          "      indicators: {BD-QLNN: {enabled: false}}\n")
    result = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "json", workspace=sample_ws)
    behind = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "check.behind_plan"]
    assert behind and "BD-QLNN" not in {f["indicator"] for f in behind}
    assert {f["severity"] for f in behind} == {"error"} and result.exit_code == 1


def test_a_rule_parameter_set_for_one_indicator_applies_to_that_indicator_only(sample_ws, run):
    """likely_typo's factor (10 by default) lowered to 1.5 for one indicator: its units far from plan are
    flagged, the same distance on another indicator is not (each indicator's factor is its own)."""
    import json

    from test_cli_check import _load

    _load(sample_ws)

    def typos() -> list[dict]:
        result = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "json", workspace=sample_ws)
        return [f for f in json.loads(result.stdout)["findings"] if f["code"] == "check.likely_typo"]

    assert typos() == []
    _declare(sample_ws, "12-CTr-TU.yaml", "checks:\n  rules:\n    check.likely_typo:\n"
                                          "      indicators: {DT-YT: {params: {factor: 1.5}}}\n")
    flagged = typos()
    assert flagged and {f["indicator"] for f in flagged} == {"DT-YT"}, flagged


def test_every_rule_has_a_plain_label_for_the_clerk_in_both_languages():
    # The feedback sheet names each problem's kind in words ('Chưa đạt kế hoạch'), never the rule code.
    from hrplan.reports.feedback import kind_label

    for code in [r.code for r in RULES if r.code != "check.import_notes"] + ["check.custom_pair"]:
        vi, en = kind_label(code, "vi"), kind_label(code, "en")
        assert f"kind.{code}" in MESSAGES and vi != en and "_" not in vi + en, code
    assert kind_label("value.uom_mismatch", "vi") == "Sai đơn vị tính"
    assert kind_label("value.something_new", "en") == "Cell value" and kind_label("zzz", "vi") == "Vấn đề khác"
