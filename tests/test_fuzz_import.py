"""A small run of the import fuzz harness (bench/fuzz_import.py; the full run is 3,000 mutants):
mutated real workbooks imported by the real CLI end in an outcome with a reason, never an
internal error or an aborted run."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "fuzz_import.py"


def test_a_small_fuzz_run_has_no_internal_error_and_no_abort(tmp_path):
    spec = importlib.util.spec_from_file_location("fuzz_import", BENCH)
    fuzz = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = fuzz
    spec.loader.exec_module(fuzz)
    summary = fuzz.run(mutants=120, seed=9, out=tmp_path, batch=60)
    assert summary["mutants"] == 120
    assert summary["internal_errors"] == 0 and summary["aborted_runs"] == 0, summary["failures"]
    assert summary["files_without_outcome"] == 0 and summary["rejected_without_reason"] == 0
    assert sum(summary["outcomes"].values()) == 120
    assert summary["outcomes"]["rejected"] > 0  # the mutations do break files
    assert summary["ok"]
