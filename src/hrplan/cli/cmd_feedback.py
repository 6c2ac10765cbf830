"""`hrplan feedback`: each unit's own workbook sent back with its problem cells marked and commented."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from hrplan.cli.output import EXIT_OK, EXIT_USAGE, STATE, console, guarded, show_problems


def register(app: typer.Typer) -> None:
    @app.command("feedback")
    @guarded
    def feedback(
        period: str = typer.Option(..., "--period", help="Kỳ báo cáo, ví dụ 2023-Q2."),
        unit: List[str] = typer.Option([], "--unit", "-u", help="Đơn vị (mã hoặc tên; có thể lặp lại)."),
        all_units: bool = typer.Option(False, "--all-units", help="Mọi đơn vị có vấn đề trong kỳ."),
        program: List[str] = typer.Option([], "--program", "-p", help="Chương trình (mặc định: tất cả)."),
        out: Optional[Path] = typer.Option(None, "--output", "--out", "-o",
                                           help="Thư mục ghi (mặc định: reports/feedback/)."),
    ) -> None:
        """Phản hồi cho đơn vị: bản sao tệp đơn vị đã gửi, ô có vấn đề tô màu kèm ghi chú tiếng Việt, trang đầu
        liệt kê vấn đề có liên kết đến ô. (Send each unit its own workbook back, marked.)"""
        from hrplan.reports import write_feedback

        if not unit and not all_units:
            console.print(STATE.t("feedback.no_unit"))
            raise typer.Exit(EXIT_USAGE)
        ws = STATE.ws()
        files = write_feedback(ws, program, period, None if all_units else unit, out or ws.reports_dir / "feedback")
        for f in files:
            if f.path:
                console.print(STATE.t("feedback.written", path=f.path, marked=f.marked, listed=f.listed), soft_wrap=True)
            show_problems(f.problems, STATE.lang)
        if not files:
            console.print(STATE.t("feedback.none", period=period))
        raise typer.Exit(EXIT_OK if all(f.path for f in files) else EXIT_USAGE)
