"""`hrplan consolidate`: the nightly job, unattended: inbox → store → done/ or rejected/ → checks → reports.

Exit codes (stable, for cron and systemd): 0 files taken, all accepted; 3 done, some files
rejected (each has a .reason.txt in rejected/); 5 nothing to do; 4 another run holds the lock;
2 could not run (workspace, settings, program file); 70 a file failed on a bug (kept in the inbox).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hrplan.cli.output import (EXIT_INTERNAL, EXIT_NOTHING_TO_DO, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, STATE, at_least,
                               console, err_console, error_json, guarded, print_json, show_problems)

from hrplan.problems import HrplanError

if TYPE_CHECKING:
    from hrplan.jobs import ConsolidateResult

EXIT_BY_STATUS = {"nothing": EXIT_NOTHING_TO_DO, "done": EXIT_OK, "rejected": EXIT_REJECTED, "failed": EXIT_INTERNAL,
                  "store_lost": EXIT_USAGE,  # the store went away: the code of a store that cannot be reached
                  "stopped": EXIT_USAGE}  # a full disk, a folder hrplan may not write: for the IT person, not a bug


def register(app: typer.Typer) -> None:
    @app.command("consolidate")
    @guarded
    def consolidate_(
        wait: float = typer.Option(0.0, "--wait", callback=at_least(0), metavar="GIÂY",
                                   help="Chờ tối đa bấy nhiêu giây (từ 0 trở lên) nếu một lượt khác đang chạy "
                                        "(mặc định: dừng ngay với mã 4)."),
        as_json: bool = typer.Option(False, "--json", help="In bản tóm tắt JSON cho script giám sát."),
    ) -> None:
        """Tổng hợp tự động (chạy hằng đêm): nhập mọi tệp mới trong inbox/, chuyển sang done/<kỳ>/ hoặc
        rejected/ (kèm tệp .reason.txt nêu lý do), kiểm tra và ghi lại báo cáo khi có thay đổi. Không hỏi gì.
        Mã thoát: 0 xong; 3 xong, có tệp bị từ chối; 5 không có gì để làm; 4 lượt khác đang chạy;
        2 không chạy được (kể cả ổ đĩa đầy hay thư mục không ghi được: lượt chạy dừng ngay); 70 có tệp gặp lỗi
        của hrplan (giữ lại trong inbox, chi tiết ở logs/). (The nightly job: exit 0 done, 3 done with rejected
        files, 5 nothing to do, 4 locked, 2 could not run (a full disk or a folder hrplan may not write too: the
        run stops at once), 70 a file hit a bug in hrplan.)"""
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from hrplan.jobs import consolidate
        ws = STATE.ws()
        if as_json:
            try:
                result = consolidate(ws, STATE.lang, wait)
            except HrplanError as exc:  # the monitoring script still gets JSON; the message goes to stderr
                print_json(error_json(exc))
                raise
            print_json({**result.to_dict(STATE.lang), "exit_code": EXIT_BY_STATUS[result.status]})
            _tell_stop(result)
        else:
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err_console.made(),
                          transient=True, disable=not err_console.is_terminal) as bar:
                task = bar.add_task(STATE.t("consolidate.progress"), total=None)

                def progress(done: int, total: int, path: Path) -> None:
                    bar.update(task, completed=done, total=total, description=path.name or "")

                result = consolidate(ws, STATE.lang, wait, progress)
            _render(result)
        raise typer.Exit(EXIT_BY_STATUS[result.status])


def _render(result: ConsolidateResult) -> None:
    """Plain lines, one per file, then the summary: readable in a cron mail (no colour, no table borders)."""
    t, lines = STATE.t, []
    for f in result.files:
        target = f" → {f.moved_to}" if f.moved_to else ""
        what = " ".join(x for x in (f.program, f.unit, f.period) if x)
        lines.append(f"{_label(f.outcome)}: {f.file}{target}"
                     + (f" ({what})" if what and f.outcome != "rejected" else ""))
        if f.reason:
            lines.append(f"    {f.reason}")
        if f.settled_by:
            lines.append("    " + t("consolidate.settled_same_run", by=f.settled_by))
    for f in result.waiting:
        lines.append(t("consolidate.log.waiting", file=f.file, reason=t(f"consolidate.wait.{f.reason}")))
    for out in result.outputs:
        for path in out.written:
            lines.append(path)
    counts = result.counts()
    if result.lost is not None or result.stopped is not None:
        typer.echo("\n".join(lines))
        _tell_stop(result)
        return
    if result.status == "nothing":
        lines.append(t("consolidate.log.nothing", waiting=counts["waiting"]))
    else:
        lines.append(t("consolidate.log.done", seconds=result.seconds, **counts))
    typer.echo("\n".join(lines))


def _tell_stop(result: ConsolidateResult) -> None:
    """On stderr (cron mails it; stdout often goes nowhere): why the run stopped, and every log line the log could
    not take (a full disk), so that what was stored is told somewhere."""
    show_problems([p for p in (result.lost, result.stopped) if p is not None], STATE.lang)
    if result.unlogged:
        err_console.print(STATE.t("consolidate.unlogged", count=len(result.unlogged)), markup=False, soft_wrap=True)
        for line in result.unlogged:
            err_console.print("  " + line, markup=False, soft_wrap=True)


def _label(outcome: str) -> str:
    try:
        return STATE.t("consolidate.outcome." + outcome if outcome == "failed" else "import." + outcome)
    except KeyError:  # an outcome the importer added later: its code is still clear
        return outcome


def _said(problem: dict) -> str:
    """Give a recorded problem's message in the user's language (rendered again from its code and values when the
    catalogue has it: the record keeps the run's language)."""
    from hrplan.messages import MESSAGES, render

    if problem.get("code") in MESSAGES and isinstance(problem.get("params"), dict):
        return render(problem["code"], STATE.lang, **problem["params"])
    return str(problem.get("message", ""))


def render_digest(digest: dict) -> None:
    """Print the morning digest under `hrplan status`: last run, what it took and refused, who is missing."""
    t = STATE.t
    lines = ["", t("consolidate.digest.title")]
    last, busy, running = digest.get("last"), digest.get("last_with_files"), digest.get("running")
    if running:  # a run that started taking files and has not written its summary: running now, or killed
        lines.append(t(f"consolidate.digest.{running['state']}", started=running["started"], pid=running["pid"],
                       count=len(running["files"])))
        lines.extend(f"  {_label(f['outcome'])}: {Path(f['file']).name}" for f in running["files"])
    if not last and not running:
        lines.append(t("consolidate.digest.never"))
    elif last:
        lines.append(t("consolidate.digest.last", finished=last["finished"], status=t(f"consolidate.status.{last['status']}")))
        for problem in last.get("problems") or []:  # why a stopped run stopped, on its own line, in words only
            lines.append("  " + _said(problem))
        before = last.get("interrupted")
        if before:  # the run before it was killed: what it took is not in this run's list
            lines.append("  " + t("consolidate.digest.was_interrupted", started=before["started"], pid=before["pid"],
                                  count=len(before["files"])))
            lines.extend(f"    {_label(f['outcome'])}: {Path(f['file']).name}" for f in before["files"])
    if busy:
        lines.append(t("consolidate.digest.arrived", finished=busy["finished"], count=len(busy["files"])))
        for f in busy["files"]:
            if f["outcome"] == "rejected":
                settled = f.get("settled_by")  # a record of an hrplan before this field has none
                lines.append("  " + t("consolidate.digest.rejected_settled" if settled else "consolidate.digest.rejected",
                                      file=Path(f["file"]).name, reason=f["reason"], reason_file=f["reason_file"],
                                      by=Path(settled).name if settled else ""))
            else:
                what = " ".join(x for x in (f["program"], f["unit"], f["period"]) if x)
                stays = f.get("moved_to") is None and f["outcome"] in ("imported", "updated", "unchanged")
                lines.append(f"  {_label(f['outcome'])}: {Path(f['file']).name} ({what})"
                             + (" — " + t("consolidate.digest.not_moved", file=f["file"]) if stays else ""))
    for item in digest.get("current", []):
        if item["period"] is None:
            lines.append(t("consolidate.digest.none_yet", program=item["program"]))
        elif item["missing"]:
            lines.append(t("consolidate.digest.missing", program=item["program"], period=item["period"],
                           missing=", ".join(item["missing"])))
        else:
            lines.append(t("consolidate.digest.complete", program=item["program"], period=item["period"]))
    console.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)
