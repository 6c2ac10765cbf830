"""`hrplan import FILES...`: read submissions into the store, one transaction per file."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from hrplan.cli.output import (choice, EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, STATE, console, err_console, guarded, inert,
                               plain, print_json, show_problems, table)

if TYPE_CHECKING:
    from hrplan.importer import FileResult, ImportInterrupted

# hrplan.store.DEFAULT_WAIT, written out so that --help does not load the store (tests/test_startup.py
# checks that the two agree).
DEFAULT_WAIT = 10.0
_STYLE = {"imported": "green", "updated": "cyan", "unchanged": "dim", "rejected": "red", "would_import": "yellow"}


def register(app: typer.Typer) -> None:
    @app.command("import")
    @guarded
    def import_(
        paths: List[Path] = typer.Argument(..., help="Tệp .xlsx/.xlsm/.xls/.ods hoặc thư mục chứa chúng."),
        program: Optional[str] = typer.Option(None, "--program", "-p", help="Chương trình (khi tệp không ghi)."),
        unit: Optional[str] = typer.Option(None, "--unit", "-u", help="Đơn vị báo cáo (luôn được ưu tiên)."),
        period: Optional[str] = typer.Option(None, "--period", help="Kỳ báo cáo (luôn được ưu tiên)."),
        dry_run: bool = typer.Option(False, "--dry-run", help="Chỉ đọc và kiểm tra, không ghi vào cơ sở dữ liệu."),
        hidden: bool = typer.Option(False, "--hidden-sheets", help="Đọc cả các trang bị ẩn."),
        fmt: str = typer.Option("table", "--format", "-f", help="table (bảng) hoặc json."),
        wait: float = typer.Option(DEFAULT_WAIT, "--wait", min=0, metavar="GIÂY",
                                   help="Chờ tối đa bấy nhiêu giây khi một lượt khác đang ghi (hết giờ: mã thoát 4)."),
        workers: Optional[int] = typer.Option(None, "--workers", min=1, metavar="N",
                                              help="Số tiến trình đọc tệp song song (mặc định: số lõi CPU)."),
    ) -> None:
        """Nhập báo cáo của đơn vị vào cơ sở dữ liệu. Nhập lại cùng tệp không làm thay đổi gì;
        bản mới hơn thay bản cũ, bản cũ vẫn lưu trong lịch sử. (Import submissions.)"""
        from hrplan.cli.progress import track
        from hrplan.importer import ImportInterrupted, ImportOptions, Outcome, import_files
        fmt = choice(fmt, ("table", "json"), "--format")
        options = ImportOptions(program=program, unit=unit, period=period, dry_run=dry_run, read_hidden=hidden or None,
                                wait=wait, workers=workers)
        ws = STATE.ws()
        try:
            with track("progress.import") as tell:
                results = import_files(ws, paths, options, lambda done, total, path: tell(done, total, path.name))
            if fmt == "json":
                print_json({"results": [r.to_dict(STATE.lang) for r in results], "summary": _summary(results)})
            else:
                _render(results)
        except ImportInterrupted as stop:
            _interrupted(stop, fmt)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        rejected = any(r.outcome is Outcome.REJECTED for r in results)
        raise typer.Exit(EXIT_REJECTED if rejected else EXIT_OK)


def _summary(results: list[FileResult]) -> dict[str, int]:
    from hrplan.importer import Outcome

    return {o.value: sum(r.outcome is o for r in results) for o in Outcome}


def _render(results: list[FileResult]) -> None:
    from hrplan.importer import Outcome

    vi = STATE.lang == "vi"
    t = table(None, ["Tệp" if vi else "File", "Kết quả" if vi else "Outcome", "Chương trình" if vi else "Program",
                     "Đơn vị" if vi else "Unit", "Kỳ" if vi else "Period", "Số liệu" if vi else "Values", "Ghi chú" if vi else "Note"])
    # A file with one block of columns per unit shows one line per unit it holds.
    for r in [part for r in results for part in (r.parts or [r])]:
        note = ""
        if r.outcome is Outcome.UPDATED:
            note = f"thay bản #{r.superseded_id}" if vi else f"supersedes #{r.superseded_id}"
        elif r.outcome is Outcome.UNCHANGED:
            note = f"giống bản #{r.same_as}" if vi else f"same as #{r.same_as}"
        elif r.outcome is Outcome.REJECTED:
            errors = [p for p in r.problems if p.is_error]
            note = f"{len(errors)} lỗi" if vi else f"{len(errors)} error(s)"
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
        outcome = inert(STATE.t("import." + r.outcome.value))
        outcome.stylize(_STYLE[r.outcome.value])
        t.add_row(r.path.name, outcome, r.program or "",
                  r.unit or "", r.period or "", str(r.values or ""), note)
    console.print(t)
    for r in results:
        shown = [p for p in r.problems] + [n for n in r.notes if n.code != "table.used"]
        for part in r.parts:  # each unit's own findings; the file's notes are said once
            shown += part.problems + [n for n in part.notes if n not in r.notes]
        if shown:
            show_problems(shown, STATE.lang, console)
    s = _summary(results)
    console.print(("Nhập mới {imported}, cập nhật {updated}, không đổi {unchanged}, từ chối {rejected}"
                   + (", sẽ nhập {would_import}" if s["would_import"] else "") + "." if vi else
                   "Imported {imported}, updated {updated}, unchanged {unchanged}, rejected {rejected}"
                   + (", would import {would_import}" if s["would_import"] else "") + ".").format(**s))


def _interrupted(stop: ImportInterrupted, fmt: str) -> None:
    """Say truly what an interrupted run stored: the files finished before Ctrl-C, and those never started."""
    from hrplan.importer import Outcome

    stored = [r for r in stop.results if r.outcome in (Outcome.IMPORTED, Outcome.UPDATED)]
    if fmt == "json":
        print_json({"interrupted": True, "results": [r.to_dict(STATE.lang) for r in stop.results],
                    "not_imported": [str(p) for p in stop.pending], "summary": _summary(stop.results)})
    elif stop.results:
        _render(stop.results)
    err_console.print(STATE.t("import.interrupted", stored=len(stored), pending=len(stop.pending),
                              first=stop.pending[0].name if stop.pending else "-"))
