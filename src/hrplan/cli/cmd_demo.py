"""`hrplan demo`: build a workspace from the bundled sample, import, check, report, and show the figures."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from hrplan.cli.output import STATE, console, guarded, table
from hrplan.problems import HrplanError, Problem


def register(app: typer.Typer) -> None:
    @app.command("demo")
    @guarded
    def demo(out: Path = typer.Option(Path("hrplan-demo"), "--output", "-o", help="Thư mục tạo bản chạy thử."),
             out_alias: Optional[Path] = typer.Option(None, "--out", hidden=True)) -> None:  # earlier releases' name
        """Chạy thử trên dữ liệu mẫu (số liệu của các bài báo nguồn): nhập, kiểm tra, lập báo cáo.
        (Run the whole cycle on the bundled sample.)"""
        out = out_alias or out
        if STATE.store:  # the demo is the sample in a folder of its own: never written into an office's store
            raise HrplanError(Problem("demo.own_store", params={"path": str(out / "hrplan.sqlite")}))
        from hrplan.jobs import run_demo
        from hrplan.importer import Outcome
        result = run_demo(out, STATE.lang)
        counts = {o: sum(r.outcome is o for r in result.imports) for o in Outcome}
        console.print(STATE.t("demo.workspace", path=result.workspace), markup=False, highlight=False)
        console.print(STATE.t("demo.imported", n=len(result.imports), new=counts[Outcome.IMPORTED],
                              updated=counts[Outcome.UPDATED], unchanged=counts[Outcome.UNCHANGED],
                              rejected=counts[Outcome.REJECTED]))
        for report, paths in result.reports:
            d = report.data
            t = table(f"{d['program']['code']} — {d['period']['text']} — {d['scope']['name']}",
                      [STATE.t(f"demo.col.{c}") for c in ("indicator", "plan", "actual", "ratio", "status")])
            notes: list[str] = []
            for row in d["summary"]:
                mark = ""
                if row.get("footnotes"):  # a figure that lacks something carries the mark of its note
                    notes.append(" ".join(row["footnotes"]))
                    mark = f" ({len(notes)})"
                t.add_row(row["name"] + mark, row["display"]["plan"], row["display"]["actual"], row["display"]["ratio"],
                          "" if row["status"] == "no_plan" else row["status_text"])
            if d.get("coverage") and not d["coverage"].get("complete", True):
                console.print(d["coverage"]["text"], style="bold")
            console.print(t)
            for n, note in enumerate(notes, start=1):
                console.print(f"  ({n}) {note}", soft_wrap=True)
            for b in d["breakdowns"]:
                console.print("  " + b["text"], soft_wrap=True)
            for row in d["annual"]:
                console.print(f"  {row['year']}: {row['name']} {row['display']['actual']}/{row['display']['plan']}"
                              f" = {row['display']['ratio']} ({row['status_text']})", soft_wrap=True)
            c = d["counts"]  # the report's findings: what `check -p <program> --period <period>` finds
            console.print("  " + STATE.t("demo.check", error=c["errors"], warning=c["warnings"], info=c["infos"]))
            for fmt, path in paths.items():
                console.print(f"  {fmt.upper()}: {path}")
            console.print()
