"""docs/cli.md is generated from --help; it must match the code."""
from __future__ import annotations

from conftest import REPO
from hrplan.cli.reference import COMMANDS, reference


def test_docs_cli_md_is_in_sync_with_the_help_texts():
    text = reference()
    assert all(f"## hrplan {c}\n" in text for c in COMMANDS)
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == text, (
        "docs/cli.md is out of date: run `python -m hrplan.cli.reference > docs/cli.md`")
