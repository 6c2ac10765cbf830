"""The rule catalogue (docs/checks.md), generated from the checks registry so that it cannot drift from the code.

    python -m hrplan.cli.checks_reference > docs/checks.md

A test compares the file with what this prints; CI fails when they differ.
"""
from __future__ import annotations

from hrplan.checks import catalogue_markdown

if __name__ == "__main__":
    print(catalogue_markdown(), end="")
