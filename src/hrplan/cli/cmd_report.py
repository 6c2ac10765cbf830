"""`hrplan report`: a program's figures for a period as a printable HTML page or JSON."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from hrplan.cli.output import choice, STATE, console, guarded


def register(app: typer.Typer) -> None:
    @app.command("report")
    @guarded
    def report(
        program: str = typer.Option(..., "--program", "-p", help="Mã chương trình."),
        period: str = typer.Option(..., "--period", help="Kỳ báo cáo, ví dụ 2023 hoặc 2016..2019-05 (lũy kế)."),
        fmt: str = typer.Option("html", "--format", "-f", help="html hoặc json."),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="Tệp kết quả (mặc định: reports/ trong thư mục làm việc)."),
    ) -> None:
        """Lập báo cáo tổng hợp (HTML in được, hoặc JSON có đủ mọi số liệu và nguồn). (Write a report.)"""
        from hrplan.reports import build_report, report_file_name, write_report
        ws = STATE.ws()
        fmt = choice(fmt, ("html", "json"), "--format")
        rep = build_report(ws, program, period, STATE.lang)
        path = output or ws.reports_dir / report_file_name(rep, fmt)
        write_report(rep, path, fmt, STATE.lang)
        console.print(str(path))
