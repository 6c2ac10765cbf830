"""Start-up stays short: the command line loads each command's heavy libraries only when it runs."""
from __future__ import annotations

import subprocess
import sys

HEAVY = ("openpyxl", "numpy", "jinja2", "sqlalchemy", "python_calamine", "pandas", "hrplan.store", "hrplan.reports")


def test_help_loads_no_heavy_library() -> None:
    code = ("import sys; from hrplan.cli.main import app\n"
            "try:\n    app(args=['--help'], prog_name='hrplan')\nexcept BaseException:\n    pass\n"
            f"print('LOADED:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "hrplan" in out.stdout  # the help was printed
    loaded = out.stdout.split("LOADED:")[1].strip()
    assert loaded == "", f"hrplan --help loaded {loaded}"


def test_import_wait_default_is_the_stores() -> None:
    from hrplan.cli.cmd_import import DEFAULT_WAIT
    from hrplan.store import DEFAULT_WAIT as STORE_WAIT

    assert DEFAULT_WAIT == STORE_WAIT


def test_status_loads_no_report_writer_checks_or_pandas(tmp_path) -> None:
    """`status` (run by hand and by monitoring) shows a digest: it needs neither Word, charts, pandas nor the checks
    to say so, even outside a workspace."""
    code = ("import sys; from hrplan.cli.main import app\n"
            "try:\n    app(args=['status'], prog_name='hrplan')\nexcept BaseException:\n    pass\n"
            "print('LOADED:' + ','.join(m for m in ('pandas', 'matplotlib', 'docxtpl', 'hrplan.reports', 'hrplan.checks')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert "workspace" in out.stderr + out.stdout or "thư mục làm việc" in out.stderr + out.stdout
    loaded = out.stdout.split("LOADED:")[1].strip()
    assert loaded == "", f"hrplan status loaded {loaded}"
