"""`hrplan import FILES...`: read submissions into the store, one transaction per file.

At a terminal a few files (up to `FULL_TABLE`) are shown as a table, one line per file. More are summarised in
lines that read at 80 columns: counts per outcome, the rejected files with their first error (what the analyst
must act on), the updated ones, and where the full list is. At national scale (thousands of files) a table of
every file is unreadable and took seconds to draw. `--verbose` prints every file as plain lines (fast at any
size); everything as data is `-f json`.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from hrplan.cli.output import (at_least, choice, EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, STATE, console, err_console, error_json,
                               guarded, inert, plain, print_json, show_problems, strip_control, table)
from hrplan.messages import render
from hrplan.problems import HrplanError

if TYPE_CHECKING:
    from hrplan.importer import FileResult, ImportInterrupted, ImportStoreLost

# hrplan.store.DEFAULT_WAIT, written out so that --help does not load the store (tests/test_startup.py
# checks that the two agree).
DEFAULT_WAIT = 10.0
WAIT_HELP = "Chờ tối đa bấy nhiêu giây (từ 0 trở lên) khi một lượt khác đang ghi (hết giờ: mã thoát 4)."  # and restore
_STYLE = {"imported": "green", "updated": "cyan", "unchanged": "dim", "rejected": "red", "would_import": "yellow"}
_ANSI = {"green": "\x1b[32m", "cyan": "\x1b[36m", "dim": "\x1b[2m", "red": "\x1b[31m", "yellow": "\x1b[33m"}
FULL_TABLE = 40  # up to this many files the table shows them all; beyond, a summary (and --verbose every file)
LISTED_REJECTED = 40  # rejected files the summary names (each with its first error)
LISTED_UPDATED = 20  # updated files the summary names


def register(app: typer.Typer) -> None:
    @app.command("import")
    @guarded
    def import_(
        # Texts made Paths here: typer builds a pydantic TypeAdapter for each Path it converts (0.3 s for the
        # 3,264 files of a national quarter, a seventh of a re-import).
        paths: List[str] = typer.Argument(..., metavar="TỆP", help="Tệp .xlsx/.xlsm/.xls/.ods hoặc thư mục chứa chúng."),
        program: Optional[str] = typer.Option(None, "--program", "-p", help="Chương trình (khi tệp không ghi)."),
        unit: Optional[str] = typer.Option(None, "--unit", "-u", help="Đơn vị báo cáo (luôn được ưu tiên)."),
        period: Optional[str] = typer.Option(None, "--period", help="Kỳ báo cáo (luôn được ưu tiên)."),
        dry_run: bool = typer.Option(False, "--dry-run", help="Chỉ đọc và kiểm tra, không ghi vào cơ sở dữ liệu."),
        hidden: bool = typer.Option(False, "--hidden-sheets", help="Đọc cả các trang bị ẩn."),
        fmt: str = typer.Option("table", "--format", "-f", help="table (bảng) hoặc json."),
        wait: float = typer.Option(DEFAULT_WAIT, "--wait", callback=at_least(0), metavar="GIÂY", help=WAIT_HELP),
        workers: Optional[int] = typer.Option(None, "--workers", callback=at_least(1), metavar="N",
                                              help="Số tiến trình đọc tệp song song (từ 1 trở lên; mặc định: số lõi "
                                                   "CPU)."),
        verbose: bool = typer.Option(False, "--verbose", "-v",
                                     help=f"Bảng: in mọi tệp, mỗi tệp một dòng (quá {FULL_TABLE} tệp thì bảng chỉ tóm tắt: "
                                          "số tệp theo kết quả, các tệp bị từ chối kèm lỗi đầu tiên, các tệp cập nhật)."),
    ) -> None:
        """Nhập báo cáo của đơn vị vào cơ sở dữ liệu. Nhập lại cùng tệp không làm thay đổi gì;
        bản mới hơn thay bản cũ, bản cũ vẫn lưu trong lịch sử. (Import submissions.)"""
        from hrplan.cli.progress import track
        from hrplan.importer import ImportInterrupted, ImportOptions, ImportStoreLost, Outcome, import_files
        fmt = choice(fmt, ("table", "json"), "--format")
        options = ImportOptions(program=program, unit=unit, period=period, dry_run=dry_run, read_hidden=hidden or None,
                                wait=wait, workers=workers)
        try:
            ws = STATE.ws()
            with track("progress.import") as tell:
                results = import_files(ws, [Path(p) for p in paths], options,
                                       lambda done, total, path: tell(done, total, path.name))
            if fmt == "json":
                print_json({"results": [r.to_dict(STATE.lang) for r in results], "summary": _summary(results)})
            else:
                _show(results, verbose)
        except ImportInterrupted as stop:
            _interrupted(stop, fmt, verbose)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except ImportStoreLost as lost:
            _store_lost(lost, fmt, verbose)
            raise typer.Exit(lost.exit_code) from None
        except HrplanError as exc:  # locked, the store unreachable, a workspace that cannot be read
            if fmt == "json":  # a script still gets JSON on stdout; the message goes to stderr
                print_json(error_json(exc))
            raise
        rejected = any(r.outcome is Outcome.REJECTED for r in results)
        raise typer.Exit(EXIT_REJECTED if rejected else EXIT_OK)


def _summary(results: list[FileResult]) -> dict[str, int]:
    from hrplan.importer import Outcome

    return {o.value: sum(r.outcome is o for r in results) for o in Outcome}


def _show(results: list[FileResult], verbose: bool) -> None:
    """Show the results at a terminal: a table of every file when few, else a summary (after every file with -v)."""
    if len(results) <= FULL_TABLE:
        _render(results)
        return
    if verbose:
        _print_every_file(results)
    _print_summary(results, listed=not verbose)


def _first_error(r: FileResult):
    """Give a rejected file's first error (its own, else its first unit's), or None."""
    for group in [r.problems, *(part.problems for part in r.parts)]:
        for p in group:
            if p.is_error:
                return p
    return None


def _errors(r: FileResult) -> int:
    return sum(p.is_error for group in [r.problems, *(part.problems for part in r.parts)] for p in group)


def _where(p, r: FileResult) -> str:
    """Give where a problem is, without the file's name when it is the file listed."""
    from dataclasses import replace

    loc = p.location
    if loc.file and Path(loc.file).name == r.path.name:
        loc = replace(loc, file=None)
    return loc.describe(STATE.lang)


def _print_summary(results: list[FileResult], listed: bool) -> None:
    """Print the counts per outcome, then (unless every file was printed) the rejected and the updated files."""
    from rich.padding import Padding

    from hrplan.importer import Outcome

    s = _summary(results)
    console.print(STATE.t("import.summary.head", total=len(results), **s), markup=False)
    if s["would_import"]:
        console.print(STATE.t("import.summary.dry_run", **s), markup=False)
    rejected = [r for r in results if r.outcome is Outcome.REJECTED]
    updated = [r for r in results if r.outcome is Outcome.UPDATED]
    warned = [r for r in results if r.outcome is not Outcome.REJECTED and any(
        p.severity.value == "warning" for group in [r.problems, *(part.problems for part in r.parts)] for p in group)]
    if listed and rejected:
        console.print()
        console.print(f"[red]{plain(STATE.t('import.summary.rejected', n=len(rejected)))}[/]", markup=True)
        for r in rejected[:LISTED_REJECTED]:
            n = _errors(r)
            console.print(f"  [bold]{plain(r.path.name)}[/]"
                          + (f" [dim]({plain(STATE.t('import.summary.errors', n=n))})[/]" if n > 1 else ""), markup=True)
            first = _first_error(r)
            if first is not None:  # indented, also where it wraps
                where = _where(first, r)
                console.print(Padding(inert(f"{where + ': ' if where else ''}{first.message(STATE.lang)}"), (0, 0, 0, 4), expand=False))
        if len(rejected) > LISTED_REJECTED:
            console.print(STATE.t("import.summary.more_rejected", n=len(rejected) - LISTED_REJECTED), markup=False)
    if listed and updated:
        console.print()
        console.print(f"[cyan]{plain(STATE.t('import.summary.updated', n=len(updated)))}[/]", markup=True)
        for r in updated[:LISTED_UPDATED]:
            what = " ".join(x for x in (r.unit, r.period) if x)
            console.print(f"  {plain(r.path.name)} [dim]({plain(what + ', ' if what else '')}"
                          f"{plain(STATE.t('import.summary.supersedes', id=r.superseded_id))})[/]", markup=True)
        if len(updated) > LISTED_UPDATED:
            console.print(STATE.t("import.summary.more_updated", n=len(updated) - LISTED_UPDATED), markup=False)
    if warned:
        console.print()
        console.print(STATE.t("import.summary.warned", n=len(warned)), markup=False)
    console.print()
    console.print(STATE.t("import.summary.rest", total=len(results)), markup=False)


def _print_every_file(results: list[FileResult]) -> None:
    """Print every file (each unit of a multi-unit file) as a plain line, its problems under it: fast at any size."""
    from hrplan.importer import Outcome

    colour = console.is_terminal and not console.no_color
    labels = {o.value: (f"{_ANSI[_STYLE[o.value]]}{STATE.t('import.' + o.value)}\x1b[0m" if colour
                        else STATE.t("import." + o.value)) for o in Outcome}
    severity = {"vi": {"error": "Lỗi", "warning": "Cảnh báo", "info": "Ghi chú"},
                "en": {"error": "Error", "warning": "Warning", "info": "Note"}}[STATE.lang]
    lines: list[str] = []
    for r in results:
        for part in (r.parts or [r]):
            fields = [part.program, part.unit, part.period]
            if part.outcome is Outcome.UPDATED:
                fields.append(STATE.t("import.summary.supersedes", id=part.superseded_id))
            elif part.outcome is Outcome.UNCHANGED:
                fields.append(f"= #{part.same_as}")
            if part.values:
                fields.append(f"{part.values} {'số liệu' if STATE.lang == 'vi' else 'values'}")
            detail = strip_control(", ".join(str(f) for f in fields if f))
            lines.append(f"{strip_control(part.path.name)}: {labels[part.outcome.value]}" + (f" ({detail})" if detail else ""))
        shown = list(r.problems) + [n for n in r.notes if n.code != "table.used"]
        for part in r.parts:
            shown += part.problems + [n for n in part.notes if n not in r.notes and n.code != "table.used"]
        for p in shown:
            where = _where(p, r)
            lines.append(strip_control(f"    {severity[p.severity.value]} {p.code} "
                                       f"{where + ': ' if where else ''}{p.message(STATE.lang)}"))
    out = console.file  # the console's stream (standard output unless redirected), written in one go
    out.write("\n".join(lines) + "\n")
    out.flush()


_KEPT = ("import.kept_from_earlier", "import.would_keep_from_earlier")  # shown in the table's note column


def _render(results: list[FileResult]) -> None:
    from hrplan.cli.layout import Col
    from hrplan.importer import Outcome

    vi = STATE.lang == "vi"
    # At 80 columns a program or a period that every file shares is said once, above the table.
    t = table(None, [Col("Tệp" if vi else "File"), Col("Kết quả" if vi else "Outcome"),
                     Col("Chương trình" if vi else "Program", hoist=True), Col("Đơn vị" if vi else "Unit"),
                     Col("Kỳ" if vi else "Period", hoist=True), Col("Số liệu" if vi else "Values", justify="right"),
                     Col("Ghi chú" if vi else "Note", hide_empty=True)])
    # A file with one block of columns per unit shows one line per unit it holds.
    for r in [part for r in results for part in (r.parts or [r])]:
        note = ""
        if r.outcome is Outcome.UPDATED:
            note = f"thay bản #{r.superseded_id}" if vi else f"supersedes #{r.superseded_id}"
        elif r.outcome is Outcome.UNCHANGED:
            note = f"giống bản #{r.same_as}" if vi else f"same as #{r.same_as}"
        elif r.outcome is Outcome.REJECTED:
            errors = [p for p in r.problems if p.is_error]
            note = render("import.summary.errors", STATE.lang, n=len(errors))
        used = next((n for n in r.notes if n.code == "table.used"), None)
        if used is not None and r.outcome is not Outcome.REJECTED:
            where = (f"trang '{used.params['sheet']}', dòng tiêu đề {used.params['row']}" if vi else
                     f"sheet '{used.params['sheet']}', header row {used.params['row']}")
            declared = next((n for n in r.notes if n.code == "layout.declared"), None)  # declared beats detected
            if declared is not None:
                where += (f", bố cục khai báo trong {declared.params['source']}" if vi else
                          f", layout declared in {declared.params['source']}")
            else:
                where += ", bố cục tự dò" if vi else ", layout detected"
            note = f"{note}; {where}" if note else where
        kept = [n.message(STATE.lang) for n in r.notes if n.code in _KEPT]  # said where the outcome is read
        note = "; ".join([note, *kept]) if note else "; ".join(kept)
        outcome = inert(STATE.t("import." + r.outcome.value))
        outcome.stylize(_STYLE[r.outcome.value])
        t.add_row(r.path.name, outcome, r.program or "",
                  r.unit or "", r.period or "", str(r.values or ""), note)
    console.print(t)
    for r in results:
        shown = [p for p in r.problems] + [n for n in r.notes if n.code != "table.used" and n.code not in _KEPT]
        for part in r.parts:  # each unit's own findings; the file's notes are said once
            shown += part.problems + [n for n in part.notes if n not in r.notes and n.code not in _KEPT]
        if shown:
            show_problems(shown, STATE.lang, console)
    s = _summary(results)
    console.print(("Nhập mới {imported}, cập nhật {updated}, không đổi {unchanged}, từ chối {rejected}"
                   + (", sẽ nhập {would_import}" if s["would_import"] else "") + "." if vi else
                   "Imported {imported}, updated {updated}, unchanged {unchanged}, rejected {rejected}"
                   + (", would import {would_import}" if s["would_import"] else "") + ".").format(**s))


def _interrupted(stop: ImportInterrupted, fmt: str, verbose: bool = False) -> None:
    """Say truly what an interrupted run stored: the files finished before Ctrl-C, and those never started."""
    from hrplan.importer import Outcome

    stored = [r for r in stop.results if r.outcome in (Outcome.IMPORTED, Outcome.UPDATED)]
    if fmt == "json":
        print_json({"interrupted": True, "results": [r.to_dict(STATE.lang) for r in stop.results],
                    "not_imported": [str(p) for p in stop.pending], "summary": _summary(stop.results)})
    elif stop.results:
        _show(stop.results, verbose)
    err_console.print(STATE.t("import.interrupted", stored=len(stored), pending=len(stop.pending),
                              first=stop.pending[0].name if stop.pending else "-"))


def _store_lost(lost: ImportStoreLost, fmt: str, verbose: bool = False) -> None:
    """Say truly what a run that lost its store stored: the files finished before, and those not stored."""
    if fmt == "json":
        print_json({**error_json(lost), "results": [r.to_dict(STATE.lang) for r in lost.results],
                    "not_imported": [str(p) for p in lost.pending], "summary": _summary(lost.results)})
    elif lost.results:
        _show(lost.results, verbose)
    show_problems(lost.problems, STATE.lang)
