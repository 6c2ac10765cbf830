"""`hrplan status`: what the store holds, per program and period: who sent, who is missing."""
from __future__ import annotations

import typer

from hrplan.cli.cmd_consolidate import render_digest
from hrplan.cli.output import choice, STATE, console, guarded, print_json, table


def register(app: typer.Typer) -> None:
    @app.command("status")
    @guarded
    def status(fmt: str = typer.Option("table", "--format", "-f", help="table hoặc json.")) -> None:
        """Tình hình nhận báo cáo: đơn vị đã gửi, chưa gửi theo chương trình và kỳ. (Show what has arrived.)"""
        from hrplan.jobs import consolidation_digest
        from hrplan.store import workspace_status
        ws = STATE.ws()
        with ws.open_store() as store, store.snapshot():
            rows = workspace_status(store, ws.programs)
            counts = store.counts()
        digest = consolidation_digest(ws)
        fmt = choice(fmt, ("table", "json"), "--format")
        if fmt == "json":
            print_json({"workspace": str(ws.root), "store": ws.store_url.masked(), "periods": [r.__dict__ for r in rows],
                        "counts": counts, "consolidate": digest})
            return
        vi = STATE.lang == "vi"
        t = table(f"{ws.config.name} — {ws.root}", ["Chương trình" if vi else "Program", "Kỳ" if vi else "Period",
                                                     "Đã gửi" if vi else "Sent", "Chưa gửi" if vi else "Missing",
                                                     "Bản cũ" if vi else "Superseded"])
        for r in rows:
            t.add_row(r.program, r.period, f"{len(r.submitted)}: {', '.join(r.submitted)}",
                      f"[red]{', '.join(r.missing)}[/]" if r.missing else "-", str(r.superseded))
        console.print(t)
        console.print(("{current} báo cáo hiện hành, {superseded} bản cũ, {values} số liệu." if vi else
                       "{current} current submissions, {superseded} superseded, {values} values.").format(**counts))
        render_digest(digest)
