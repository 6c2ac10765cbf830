"""`hrplan template`: write the standard submission workbook(s) units fill in."""
from __future__ import annotations

from pathlib import Path
from typing import List

import typer

from hrplan.cli.output import STATE, console, guarded
from hrplan.messages import render


def register(app: typer.Typer) -> None:
    @app.command("template")
    @guarded
    def template(
        program: str = typer.Option(..., "--program", "-p", help="Mã chương trình, ví dụ 12-CTr/TU."),
        period: str = typer.Option(..., "--period", help="Kỳ báo cáo: 2023-Q2, 2023-H1, 2023 hoặc 2021..2023-Q2."),
        unit: List[str] = typer.Option([], "--unit", "-u", help="Mã hoặc tên đơn vị (lặp lại được)."),
        all_units: bool = typer.Option(False, "--all-units", help="Một biểu mẫu cho mỗi đơn vị phải báo cáo."),
        output: Path = typer.Option(Path("."), "--output", "-o", help="Tệp .xlsx (một đơn vị) hoặc thư mục."),
    ) -> None:
        """Tạo biểu mẫu Excel để đơn vị điền số liệu. (Write submission templates.)"""
        from hrplan.reports import make_templates
        paths = make_templates(STATE.ws(), program, period, unit, all_units, output)
        for path in paths:
            console.print(str(path))
        console.print(render("template.written", STATE.lang, n=len(paths)))
