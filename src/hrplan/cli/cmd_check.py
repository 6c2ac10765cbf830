"""`hrplan check`: what is missing, wrong or behind plan, as a table, JSON, CSV or a workbook.

The table reads at 80 columns. A few findings (up to `FULL_TABLE`) are all shown, grouped by unit, each with its
message. More are summarised (counts per rule and per unit under the scope, and the most important ones, from
`hrplan.reports.summarise_findings`): at national scale a table of every finding is tens of thousands of lines
nobody reads and most of the command's time. `--verbose` prints every finding as plain lines (fast at any size);
the full list as data is `-f json`, `-f csv` or `-f xlsx`.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from hrplan.cli.output import (EXIT_FINDINGS, EXIT_OK, STATE, choice, console, guarded, plain, print_json_list,
                               strip_control, table)

if TYPE_CHECKING:
    from hrplan.checks import Finding
    from hrplan.reports import FindingsSummary

FULL_TABLE = 40  # up to this many findings the table shows them all; beyond, a summary (and --verbose all)
_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
_ANSI = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m", "bold": "\x1b[1m", "dim": "\x1b[2m"}
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
        verbose: bool = typer.Option(False, "--verbose", "-v",
                                     help=f"Bảng: in mọi vấn đề kèm nội dung (quá {FULL_TABLE} vấn đề thì bảng chỉ tóm tắt: "
                                          "số vấn đề theo quy tắc, theo đơn vị và các vấn đề quan trọng nhất)."),
        fail_on: str = typer.Option("error", "--fail-on", help="Mức làm lệnh trả mã 1: error, warning, info hoặc never."),
    ) -> None:
        """Kiểm tra theo danh mục quy tắc (docs/checks.md): đơn vị chưa gửi, gửi muộn, chưa đạt, số liệu không khớp,
        bất thường so với các kỳ trước. Mã thoát 1 khi có vấn đề từ mức --fail-on trở lên. (Check submissions.)"""
        fmt = choice(fmt, ("table", "json", "csv", "xlsx"), "--format")
        fail_on = choice(fail_on, ("error", "warning", "info", "never"), "--fail-on")
        from hrplan.collector import paused_gc

        ws = STATE.ws()
        # Figures and findings are plain objects by the hundred thousand: the collector waits (hrplan.collector), and
        # they are gone before it is back (they live in _check_and_show), else its first pass would walk them all.
        with paused_gc():
            failing = _check_and_show(ws, program, period, unit, fmt, output, verbose, fail_on)
        raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _check_and_show(ws, program: list[str], period: str, unit: str | None, fmt: str, output: Path | None,
                    verbose: bool, fail_on: str) -> bool:
    """Run the checks and show or write the findings as `fmt` asks; tell whether one is at `fail_on` or above."""
    from hrplan.checks import run_checks
    from hrplan.cli.progress import track

    with track("progress.check") as progress:
        findings = run_checks(ws, program, period, STATE.lang, unit=unit, progress=progress)
    counts = {s: sum(f.severity.value == s for f in findings) for s in _LEVELS}
    # Over several programs a unit's 'has not sent its report' must say for which: each finding names its program.
    several = len(set(program)) > 1 or (not program and len(ws.programs) > 1)
    if fmt == "json":
        print_json_list("findings", (f.to_dict(STATE.lang) for f in findings), {"counts": counts})
    elif fmt == "csv":
        from hrplan.reports import findings_csv

        text = findings_csv(findings, STATE.lang)
        if output:
            output.write_text(text, encoding="utf-8")
            console.print(STATE.t("findings.written", path=output))
        else:
            typer.echo(text, nl=False)
    elif fmt == "xlsx":
        from hrplan.reports import write_findings_xlsx

        path = output or ws.reports_dir / f"check_{period.replace('..', '_to_')}.xlsx"
        write_findings_xlsx(findings, path, STATE.lang)
        console.print(STATE.t("findings.written", path=path))
    elif len(findings) <= FULL_TABLE:
        _print_table(findings, ws.units, several)
        console.print(STATE.t("findings.counts", **counts))
    else:
        from hrplan.reports import summarise_findings

        if verbose:
            _print_every_finding(findings, ws.units, several)
        summary = summarise_findings(findings, ws.units, _grouped_under(ws, program, unit))
        _print_summary(summary, ws.units, listed=not verbose, several=several)
    limit = _LEVELS.get(fail_on)
    return limit is not None and any(_LEVELS[f.severity.value] <= limit for f in findings)


def _grouped_under(ws, programs: list[str], unit: str | None) -> str | None:
    """Give the unit whose children group the summary: --unit, else the scope the programs checked share."""
    if unit:
        return ws.units.resolve(unit)
    scopes = {p.scope for p in ([ws.program(n) for n in programs] or list(ws.programs.values()))}
    return scopes.pop() if len(scopes) == 1 and None not in scopes else None


def _number(n: int) -> str:
    from hrplan.values import format_number

    return format_number(n, lang=STATE.lang)


def _unit_label(units, code: str | None) -> str:
    if not code:
        return STATE.t("findings.summary.no_unit")
    return f"{units.get(code).name} ({code})" if code in units else code


def _with_program(f: Finding, several: bool) -> str:
    """Give a finding's message, after its program's code when the check covered several programs."""
    message = f.message(STATE.lang)
    return STATE.t("findings.in_program", program=f.program, message=message) if several else message


def _print_table(findings: list[Finding], units, several: bool = False, numbered_from: int = 0) -> None:
    """Print one table grouped by unit (by program, then unit, when `several` programs were checked) that reads at
    80 columns; the full messages follow it, one numbered line each."""
    if not findings:
        console.print(STATE.t("findings.none"))
        return
    from rich.text import Text

    from hrplan.cli.layout import Col

    # At a narrow terminal the cell, then the indicator, give way: the message under the table names both.
    t = table(None, [Col(STATE.t("findings.col.no"), justify="right"), Col(STATE.t("findings.col.severity"), whole=True),
                     Col(STATE.t("findings.col.code")), Col(STATE.t("findings.col.indicator"), give_way=2, hide_empty=True),
                     Col(STATE.t("findings.col.figure"), justify="right", whole=True, hide_empty=True),
                     Col(STATE.t("findings.col.cell"), give_way=1, hide_empty=True)])
    markup = Text.from_markup
    numbered: list[tuple[int, Finding]] = []
    by_program: dict[str, dict[str, list[Finding]]] = {}
    for f in findings:
        by_program.setdefault(f.program if several else "", {}).setdefault(f.unit or "", []).append(f)
    for program, by_unit in by_program.items():
        if several:  # a row of its own above the program's units: the program's code is often wider than a column
            t.add_row("", "", markup(f"[bold]{plain(STATE.t('findings.program', program=program))}[/]"), "", "", "",
                      heading=True)
            t.add_section()
        for unit, group in by_unit.items():
            name = units.get(unit).name if unit in units else STATE.t("findings.unit_unregistered") if unit else ""
            t.add_row("", markup(f"[bold]{plain(unit or '-')}[/]"), markup(f"[bold]{plain(name)}[/]"), "", "", "",
                      heading=True)
            for f in group:
                numbered.append((numbered_from + len(numbered) + 1, f))
                sev = f.severity.value
                # file- and definition-derived text is escaped: a '[/b]' in a name must not break the table
                t.add_row(str(numbered[-1][0]), markup(f"[{_COLOUR[sev]}]{STATE.t(f'severity.{sev}')}[/]"),
                          f.short_code, f.indicator or "", f.figure(STATE.lang), _cell(f))
            t.add_section()
    console.print(t)
    # Each message on its own numbered line under the table, --verbose or not: put in a row of the table, it wrapped
    # inside the code column, some twenty-five lines of a few words each at 80 columns.
    for n, f in numbered:
        where = f.location.describe(STATE.lang)
        console.print(f"[bold]{n}.[/] {plain(_with_program(f, several))}" + (f" [dim]({plain(where)})[/]" if where else ""),
                      markup=True, soft_wrap=False)


def _cell(f: Finding) -> str:
    """Give the cell column: 'F17', or 'F17+2' for a figure added up from three cells (the line below names them);
    for a figure that lacks units or parts and has no one cell, 'thiếu 2' (the message names them)."""
    loc = f.location
    if not loc.cell and f.lacks is not None:  # a group's figure: no one cell, but what it lacks ('thiếu 2')
        return f.lacks.short
    return f"{loc.cell}+{loc.more}" if loc.cell and loc.more else loc.cell or ""


def _print_summary(summary: FindingsSummary, units, listed: bool, several: bool = False) -> None:
    """Print the counts per rule and per unit group, then (unless every finding was printed) the most important."""
    from rich.text import Text

    from hrplan.cli.layout import Col

    n = _number
    console.print(STATE.t("findings.summary.head", total=n(summary.total), units=n(summary.units),
                          **{k: n(v) for k, v in summary.counts.items()}))
    rules = table(STATE.t("findings.summary.by_rule"), [
        Col(STATE.t(f"findings.col.{key}"), justify=justify, whole=key == "severity")
        for key, justify in (("rule", "left"), ("severity", "left"), ("count", "right"), ("units", "right"))],
        title_justify="left")
    for r in summary.rules:
        rules.add_row(r.code.removeprefix("check."),
                      Text.from_markup(f"[{_COLOUR[r.severity]}]{STATE.t(f'severity.{r.severity}')}[/]"), n(r.findings),
                      n(r.units))
    console.print(rules)
    console.print()
    title = (STATE.t("findings.summary.by_group", parent=summary.parent_name or summary.parent) if summary.parent
             else STATE.t("findings.summary.by_root"))
    groups = table(title, [Col(STATE.t("findings.col.group")),
                           *(Col(STATE.t(f"severity.{sev}"), justify="right") for sev in _LEVELS)], title_justify="left")
    for g in summary.groups:
        groups.add_row(_unit_label(units, g.unit), n(g.error), n(g.warning), n(g.info))
    console.print(groups)
    if summary.more_groups:
        console.print(STATE.t("findings.summary.more_groups", n=n(summary.more_groups)))
    console.print()
    if listed and summary.top:
        console.print(STATE.t("findings.summary.top", shown=len(summary.top)), markup=False)
        _print_table(summary.top, units, several=several)
    console.print(STATE.t("findings.summary.rest", total=n(summary.total)))


def _print_every_finding(findings: list[Finding], units, several: bool = False) -> None:
    """Print every finding as a plain line under its unit: tens of thousands in a second (no table layout)."""
    colour = console.is_terminal and not console.no_color
    paint = (lambda text, style: f"{_ANSI[style]}{text}\x1b[0m") if colour else (lambda text, style: text)  # noqa: E731
    labels = {s: paint(STATE.t(f"severity.{s}"), s) for s in _LEVELS}
    by_unit: dict[str | None, list[Finding]] = {}
    for f in findings:
        by_unit.setdefault(f.unit, []).append(f)
    rank = {code: i for i, code in enumerate(units.subtree(None))}  # the registry's order: a unit above its members
    lines: list[str] = []
    number = 0
    for unit in sorted(by_unit, key=lambda u: rank.get(u, -1 if u is None else len(rank))):
        group = by_unit[unit]
        lines.append(paint(strip_control(_unit_label(units, unit)), "bold"))
        for f in group:
            number += 1
            where = f.location.describe(STATE.lang)
            text = f"{f.short_code} {_with_program(f, several)}" + (f" ({where})" if where else "")
            lines.append(f"  {number}. {labels[f.severity.value]} {strip_control(text)}")
    out = console.file  # the console's stream (standard output unless redirected), written in one go
    out.write("\n".join(lines) + "\n")
    out.flush()
