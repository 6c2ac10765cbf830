"""`hrplan check`: what is missing, wrong or behind plan, as a table grouped by unit, JSON, CSV or a workbook."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from hrplan.cli.output import EXIT_FINDINGS, EXIT_OK, STATE, choice, console, guarded, plain, print_json

if TYPE_CHECKING:
    from hrplan.checks import Finding

_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
_LEVELS = {"error": 0, "warning": 1, "info": 2}


def register(app: typer.Typer) -> None:
    @app.command("check")
    @guarded
    def check(
        period: str = typer.Option(..., "--period", help="Kỳ cần kiểm tra, ví dụ 2023-Q2 hoặc 2021..2023-05."),
        program: List[str] = typer.Option([], "--program", "-p", help="Chương trình (mặc định: tất cả)."),
        unit: Optional[str] = typer.Option(None, "--unit", "-u", help="Chỉ đơn vị này và các đơn vị trực thuộc."),
        fmt: str = typer.Option("table", "--format", "-f", help="table, json, csv hoặc xlsx."),
        output: Optional[Path] = typer.Option(None, "--output", "-o",
                                              help="Tệp kết quả (csv, xlsx); xlsx mặc định vào thư mục reports/."),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="Ghi đủ nội dung ngay dưới mỗi dòng của bảng."),
        fail_on: str = typer.Option("error", "--fail-on", help="Mức làm lệnh trả mã 1: error, warning, info hoặc never."),
    ) -> None:
        """Kiểm tra theo danh mục quy tắc (docs/checks.md): đơn vị chưa gửi, gửi muộn, chưa đạt, số liệu không khớp,
        bất thường so với các kỳ trước. Mã thoát 1 khi có vấn đề từ mức --fail-on trở lên. (Check submissions.)"""
        fmt = choice(fmt, ("table", "json", "csv", "xlsx"), "--format")
        fail_on = choice(fail_on, ("error", "warning", "info", "never"), "--fail-on")
        from hrplan.checks import run_checks
        from hrplan.reports import findings_csv, write_findings_xlsx

        ws = STATE.ws()
        findings = run_checks(ws, program, period, STATE.lang, unit=unit)
        counts = {s: sum(f.severity.value == s for f in findings) for s in _LEVELS}
        if fmt == "json":
            print_json({"findings": [f.to_dict(STATE.lang) for f in findings], "counts": counts})
        elif fmt == "csv":
            text = findings_csv(findings, STATE.lang)
            if output:
                output.write_text(text, encoding="utf-8")
                console.print(STATE.t("findings.written", path=output))
            else:
                typer.echo(text, nl=False)
        elif fmt == "xlsx":
            path = output or ws.reports_dir / f"check_{period.replace('..', '_to_')}.xlsx"
            write_findings_xlsx(findings, path, STATE.lang)
            console.print(STATE.t("findings.written", path=path))
        else:
            _print_table(findings, ws.units, verbose)
            console.print(STATE.t("findings.counts", **counts))
        limit = _LEVELS.get(fail_on)
        failing = limit is not None and any(_LEVELS[f.severity.value] <= limit for f in findings)
        raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _print_table(findings: list[Finding], units, verbose: bool) -> None:
    """Print one table grouped by unit that reads at 80 columns; the full messages follow it (or each row)."""
    if not findings:
        console.print(STATE.t("findings.none"))
        return
    from rich.table import Table

    t = Table(show_lines=False, header_style="bold", pad_edge=False)
    for key, style in (("no", {"justify": "right"}), ("severity", {}), ("code", {"overflow": "fold"}),
                       ("indicator", {"overflow": "fold"}), ("figure", {"justify": "right"}), ("cell", {"min_width": 4})):
        t.add_column(STATE.t(f"findings.col.{key}"), **style)
    numbered: list[tuple[int, Finding]] = []
    by_unit: dict[str, list[Finding]] = {}
    for f in findings:
        by_unit.setdefault(f.unit or "", []).append(f)
    for unit, group in by_unit.items():
        name = units.get(unit).name if unit in units else ""
        t.add_row("", f"[bold]{plain(unit or '-')}[/]", f"[bold]{plain(name)}[/]", "", "", "", end_section=False)
        for f in group:
            numbered.append((len(numbered) + 1, f))
            sev = f.severity.value
            # file- and definition-derived text is escaped: a '[/b]' in a name must not break the table
            t.add_row(str(len(numbered)), f"[{_COLOUR[sev]}]{STATE.t(f'severity.{sev}')}[/]", plain(f.short_code),
                      plain(f.indicator or ""), plain(f.figure()), plain(f.location.cell or ""))
            if verbose:
                t.add_row("", "", f"[dim]{plain(f.message(STATE.lang))}[/]", "", "", "")
        t.add_section()
    console.print(t)
    if not verbose:
        for n, f in numbered:
            where = f.location.describe()
            console.print(f"[bold]{n}.[/] {plain(f.message(STATE.lang))}" + (f" [dim]({plain(where)})[/]" if where else ""),
                          markup=True, soft_wrap=False)
