"""Jobs: whole runs built from the wings below (import, check, report): the demo and the nightly job.

Entry points: `run_demo` (a workspace from the bundled sample, imported, checked and reported);
`consolidate` (the nightly job: inbox → store → done/ or rejected/ → checks → reports, under the
workspace lock) and `consolidation_digest` (its last run and who is still missing, for `status`);
`refusal_feedback` (the refusals still in rejected/ sent back to their units, their cells marked).

Each entry point's module loads when it is first asked for: `status` needs the digest, not the
report writers (Word, charts) that consolidate and the demo pull in.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hrplan.jobs.nightly import ConsolidateResult, FileOutcome, consolidate
    from hrplan.jobs.demo import run_demo
    from hrplan.jobs.digest import consolidation_digest
    from hrplan.jobs.filing import unmatched_rejections
    from hrplan.jobs.refusals import refusal_feedback

__all__ = ["run_demo", "ConsolidateResult", "FileOutcome", "consolidate", "consolidation_digest", "refusal_feedback",
           "unmatched_rejections"]


_HOMES = {"ConsolidateResult": "nightly", "FileOutcome": "nightly", "consolidate": "nightly",
          "run_demo": "demo", "consolidation_digest": "digest", "refusal_feedback": "refusals",
          "unmatched_rejections": "filing"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'hrplan.jobs' has no attribute {name!r}")
    module = importlib.import_module(f"hrplan.jobs.{home}")
    for export, where in _HOMES.items():  # every export of that module, kept on the package
        if where == home:
            globals()[export] = getattr(module, export)
    return globals()[name]
