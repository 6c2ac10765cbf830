"""Jobs: whole runs built from the wings below (import, check, report): the demo, later the nightly job.

Entry point: `run_demo` (a workspace from the bundled sample, imported, checked and reported).
"""
from __future__ import annotations

from hrplan.jobs.demo import run_demo

__all__ = ["run_demo"]
