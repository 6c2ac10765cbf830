""".xls files saved by LibreOffice: a formula whose result is the empty string reads as blank, never as 0."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
from decimal import Decimal
from pathlib import Path

from quarterly import filled_template, make_workspace, send


def _to_xls(path: Path, tmp_path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: .ci/run installs libreoffice-calc-nogui when it is absent"
    out = tmp_path / "xls"
    done = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "xls", "--outdir", str(out), str(path)],
                          capture_output=True, text=True, timeout=180)
    xls = out / path.with_suffix(".xls").name
    assert done.returncode == 0 and xls.exists(), done.stderr
    return xls


def test_an_empty_ratio_formula_in_an_xls_from_libreoffice_is_not_a_stated_ratio_of_0(tmp_path: Path):
    ws = make_workspace(tmp_path / "ws")
    # DT: no plan, so the template's ratio formula gives ""; KP: a plan and an actual of 0, a real ratio of 0.
    xlsx = filled_template(ws, "A", "2024-Q1", {"DT": ("", 7), "KP": (50, 0), "QH": (2, 3)})
    xls = _to_xls(xlsx, tmp_path)
    xlsx.unlink()
    [result] = send(ws, xls)
    assert result.outcome.value == "imported", result.problems
    db = sqlite3.connect(ws.root / "hrplan.sqlite")
    stored = dict(((i, m), Decimal(v)) for i, m, v in db.execute(
        "SELECT v.indicator, v.measure, v.value FROM submission_values v JOIN submissions s ON s.id = v.submission_id"))
    assert ("DT", "stated_ratio") not in stored  # was 0: a blank ratio stored as a stated ratio of 0
    assert stored[("DT", "actual")] == 7 and ("DT", "plan") not in stored
    assert stored[("KP", "stated_ratio")] == 0  # a ratio that really is 0 stays 0
    assert stored[("QH", "stated_ratio")] == Decimal("1.5")
    assert result.values == len(stored)
