"""Jobs: whole runs built from the wings below (import, check, report): the demo and the nightly job.

Entry points: `run_demo` (a workspace from the bundled sample, imported, checked and reported);
`consolidate` (the nightly job: inbox → store → done/ or rejected/ → checks → reports, under the
workspace lock) and `consolidation_digest` (its last run and who is still missing, for `status`).
"""
from __future__ import annotations

from hrplan.jobs.consolidate import ConsolidateResult, FileOutcome, consolidate
from hrplan.jobs.demo import run_demo
from hrplan.jobs.digest import consolidation_digest

__all__ = ["run_demo", "ConsolidateResult", "FileOutcome", "consolidate", "consolidation_digest"]
