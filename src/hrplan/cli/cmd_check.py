"""`hrplan check`: what is missing, wrong or behind plan, as a table or JSON, with an exit code."""
from __future__ import annotations

from typing import List

import typer

from hrplan.cli.output import choice, EXIT_FINDINGS, EXIT_OK, STATE, console, guarded, print_json, table

_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
_LEVELS = {"error": 0, "warning": 1, "info": 2}


def register(app: typer.Typer) -> None:
    @app.command("check")
    @guarded
    def check(
        period: str = typer.Option(..., "--period", help="Kỳ cần kiểm tra, ví dụ 2023-Q2 hoặc 2021..2023-05."),
        program: List[str] = typer.Option([], "--program", "-p", help="Chương trình (mặc định: tất cả)."),
        fmt: str = typer.Option("table", "--format", "-f", help="table hoặc json."),
        fail_on: str = typer.Option("error", "--fail-on", help="Mức làm lệnh trả mã 1: error, warning, info hoặc never."),
    ) -> None:
        """Kiểm tra: đơn vị chưa gửi, chỉ tiêu chưa đạt, tỷ lệ quy hoạch ngoài khung, số liệu không khớp.
        Mã thoát 1 khi có vấn đề từ mức --fail-on trở lên. (Check submissions and figures.)"""
        from hrplan.checks import run_checks
        findings = run_checks(STATE.ws(), program, period, STATE.lang)
        fmt = choice(fmt, ("table", "json"), "--format")
        fail_on = choice(fail_on, ("error", "warning", "info", "never"), "--fail-on")
        if fmt == "json":
            print_json({"findings": [f.to_dict(STATE.lang) for f in findings],
                        "counts": {s: sum(f.severity.value == s for f in findings) for s in _LEVELS}})
        else:
            vi = STATE.lang == "vi"
            t = table(None, ["Mức" if vi else "Level", "Mã" if vi else "Code", "Chương trình" if vi else "Program",
                             "Đơn vị" if vi else "Unit", "Nội dung" if vi else "Message", "Vị trí" if vi else "Where"])
            for f in findings:
                sev = f.severity.value
                t.add_row(f"[{_COLOUR[sev]}]{ {'error': 'Lỗi', 'warning': 'Cảnh báo', 'info': 'Lưu ý'}[sev] if vi else sev}[/]",
                          f.code.removeprefix("check."), f.program, f.unit or "", f.message(STATE.lang), f.location.describe())
            console.print(t)
            counts = {s: sum(f.severity.value == s for f in findings) for s in _LEVELS}
            console.print(("{error} lỗi, {warning} cảnh báo, {info} lưu ý." if vi else
                           "{error} error(s), {warning} warning(s), {info} note(s).").format(**counts))
        limit = _LEVELS.get(fail_on)
        failing = limit is not None and any(_LEVELS[f.severity.value] <= limit for f in findings)
        raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)
