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
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Thư mục ghi (mặc định: reports/feedback/)."),
        out_alias: Optional[Path] = typer.Option(None, "--out", hidden=True),  # the spelling of earlier releases
    ) -> None:
        """Phản hồi cho đơn vị: bản sao tệp đơn vị đã gửi, ô có vấn đề tô màu kèm ghi chú tiếng Việt, trang đầu
        liệt kê vấn đề có liên kết đến ô; tệp bị từ chối (rejected/) cũng được gửi lại, ô lỗi được đánh dấu.
        (Send each unit its own workbook back, marked.)"""
        from hrplan.jobs import refusal_feedback, unmatched_rejections
        from hrplan.reports import write_feedback

        if not unit and not all_units:
            console.print(STATE.t("feedback.no_unit"))
            raise typer.Exit(EXIT_USAGE)
        ws = STATE.ws()
        units = None if all_units else unit
        folder = out or out_alias or ws.reports_dir / "feedback"
        files = [*write_feedback(ws, program, period, units, folder, STATE.lang),
                 *refusal_feedback(ws, program, period, units, folder, STATE.lang)]
        nothing = [f for f in files if f.nothing]
        files = [f for f in files if not f.nothing]
        # A unit asked for by name with no findings but a refused file to mend is not one with nothing to say.
        sent_back = {f.unit for f in files if f.path}
        nothing = [f for f in nothing if f.program or f.unit not in sent_back]
        for f in files:
            if f.path and f.refused:
                console.print(STATE.t("feedback.refused_written", path=f.path, file=f.refused.name, unit=f.unit,
                                      period=f.period, marked=f.marked, listed=f.listed, reason=f.reason_file.name),
                              soft_wrap=True)
            elif f.path:
                console.print(STATE.t("feedback.written", path=f.path, marked=f.marked, listed=f.listed), soft_wrap=True)
            show_problems(f.problems, STATE.lang)
        # A refusal whose file could not be told apart (its unit or period unread) is no one's to send back by
        # itself: named, so that 'nothing to send back' is never said while a clerk's file waits in rejected/.
        unmatched = unmatched_rejections(ws.root / "rejected") if (ws.root / "rejected").is_dir() else []
        if nothing:  # no file of "0 findings" is written: said here, per unit, which reports had nothing to say
            console.print(_nothing_line(ws, nothing, period), soft_wrap=True)
        if not files:
            console.print(STATE.t("feedback.none", period=period))
        if unmatched:
            console.print(STATE.t("feedback.unmatched", n=len(unmatched), files=", ".join(
                f"rejected/{rejected.name} ({reason.name})" for reason, rejected in unmatched)), soft_wrap=True)
        failed = any(not f.path and any(p.is_error for p in f.problems) for f in files)
        raise typer.Exit(EXIT_USAGE if failed else EXIT_OK)


def _nothing_line(ws, nothing, period: str) -> str:
    """Say which reports had nothing to say; for a longer period than theirs (a year of quarterly reports), that only
    the whole period's figures were looked at, and how to see each part's own findings."""
    from hrplan.definitions import Period, PeriodError

    try:
        whole = Period.parse(period)
    except PeriodError:
        whole = None
    parts = sorted({f.period for f in nothing if whole is not None and f.period != whole.label},
                   key=lambda p: Period.parse(p).start)
    if not parts:
        return STATE.t("feedback.nothing", items=_nothing_items(ws, nothing))
    words = whole.in_sentence(STATE.lang)
    words = words[:1].lower() + words[1:] if STATE.lang == "vi" else words  # 'Năm 2024' runs on: 'số liệu năm 2024'
    return STATE.t("feedback.nothing_in_whole", items=_nothing_items(ws, nothing), whole=words, example=parts[0])


def _nothing_items(ws, nothing) -> str:
    """Give 'Sở Nội vụ (SNV): Q2 2024, Q3 2024; …': each unit with the periods of its reports that had nothing."""
    from hrplan.definitions import Period

    by_unit: dict[str, list[str]] = {}
    for f in nothing:
        by_unit.setdefault(f.unit, []).append(f.period)
    items = []
    for unit, periods in by_unit.items():
        name = ws.units.get(unit).name if unit in ws.units else unit
        ordered = sorted(set(periods), key=lambda p: Period.parse(p).start)
        items.append(f"{name} ({unit}): {', '.join(Period.parse(p).describe(STATE.lang) for p in ordered)}")
    return "; ".join(items)
