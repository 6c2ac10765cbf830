"""`hrplan status`: what the store holds, per program and period: who sent, who is missing."""
from __future__ import annotations

from typing import List, Optional

import typer

from hrplan.cli.cmd_consolidate import render_digest
from hrplan.cli.output import choice, STATE, console, error_json, guarded, inert, plain, print_json, table
from hrplan.problems import HrplanError


def register(app: typer.Typer) -> None:
    @app.command("status")
    @guarded
    def status(fmt: str = typer.Option("table", "--format", "-f", help="table hoặc json."),
               period: Optional[str] = typer.Option(None, "--period", help="Bảng đơn vị × kỳ phải nộp trong kỳ này: "
                                                    "đúng hạn, muộn, chưa gửi (kể cả đơn vị chưa gửi lần nào)."),
               program: List[str] = typer.Option([], "--program", "-p", help="Chương trình (mặc định: tất cả).")) -> None:
        """Tình hình nhận báo cáo: đơn vị đã gửi, chưa gửi theo chương trình và kỳ. (Show what has arrived.)"""
        try:
            return _status(fmt, period, program)
        except HrplanError as exc:  # an unknown program, a store unreachable: a script still gets JSON on stdout
            if fmt == "json":
                print_json(error_json(exc))
            raise


def _status(fmt: str, period: Optional[str], program: List[str]) -> None:
    """Print the store's arrivals and the nightly digest (`hrplan status`), or the matrix of one period."""
    if period is not None:
        return show_matrix(period, program, choice(fmt, ("table", "json"), "--format"))
    from hrplan.jobs import consolidation_digest
    from hrplan.store import open_reader, workspace_status
    ws = STATE.ws()
    # -p names the programs shown, their counts too; without it, every program and the whole store
    chosen = {p.code: p for p in (ws.program(n) for n in program)} if program else None
    programs = chosen if chosen is not None else ws.programs
    with open_reader(ws.store_url) as store, store.snapshot():
        rows = workspace_status(store, programs, ws.units if programs else None)
        counts = store.counts(list(chosen) if chosen is not None else None)
    digest = consolidation_digest(ws)
    if chosen is not None:  # the nightly run's files stay: they are the workspace's, not a program's
        digest["current"] = [c for c in digest["current"] if c["program"] in chosen]
    fmt = choice(fmt, ("table", "json"), "--format")
    if fmt == "json":
        print_json({"workspace": str(ws.root), "store": ws.store_url.masked(), "periods": [r.__dict__ for r in rows],
                    "counts": counts, "consolidate": digest})
        return
    vi = STATE.lang == "vi"
    if not rows:  # a new workspace: a sentence saying what to do, not an empty table
        console.print(plain(f"{ws.config.name} — {ws.root}"))
        if chosen is not None:
            console.print(plain(STATE.t("arrival.none_for_programs", programs=", ".join(chosen))))
            render_digest(digest)
            return
        n = len(ws.programs)
        console.print(f"Kho chưa có báo cáo nào ({n} chương trình đã khai báo)." if vi else
                      f"The store holds no reports yet ({n} program{'' if n == 1 else 's'} defined).")
        console.print("Nhận báo cáo bằng: hrplan import <thư mục hoặc tệp>" if vi else
                      "Bring them in with: hrplan import <folder or files>")
        render_digest(digest)
        return
    t = table(f"{ws.config.name} — {ws.root}", ["Chương trình" if vi else "Program", "Kỳ" if vi else "Period",
                                                 "Đã gửi" if vi else "Sent", "Chưa gửi" if vi else "Missing",
                                                 "Bản cũ" if vi else "Superseded"])
    for r in rows:
        t.add_row(r.program, r.period, f"{len(r.submitted)}: {', '.join(r.submitted)}",
                  _red(", ".join(r.missing)) if r.missing else "-", str(r.superseded))
    console.print(t)
    console.print(("{current} báo cáo hiện hành, {superseded} bản cũ, {values} số liệu." if vi else
                   "{current} current submissions, {superseded} superseded, {values} values.").format(**counts))
    render_digest(digest)


_MARK = {"on_time": "[green]✓ {}[/]", "late": "[yellow]! {}[/]", "sent": "[green]✓ {}[/]", "missing": "[red]✗ {}[/]",
         "not_due": "[dim]· {}[/]", "partial": "[yellow]◐ {}[/]", "other_frequency": "[dim]– {}[/]",
         "not_in_life": "[dim]– {}[/]", "through_members": "[green]✓ {}[/]"}


def show_matrix(period_text: str, program_names: list[str], fmt: str) -> None:
    """Print the completeness matrix (units × periods due) of each program for the period."""
    from hrplan.checks import completeness_matrix
    from hrplan.definitions import period_from_user

    ws = STATE.ws()
    period = period_from_user(period_text)
    programs = [ws.program(n) for n in program_names] or list(ws.programs.values())
    with ws.open_store() as store:
        matrices = [completeness_matrix(p, period, store, ws.units, ws.config.deadline) for p in programs]
    if fmt == "json":
        print_json({"period": period.label, "deadline": ws.config.deadline.model_dump() if ws.config.deadline else None,
                    "programs": [m.to_dict() for m in matrices]})
        return
    for m in matrices:
        t = table(STATE.t("arrival.title", program=m.program, period=m.period),
                  [STATE.t("findings.col.unit"), *m.periods])
        for row in m.rows:
            cells = [_markup(_MARK[c.status]).format(_words(c)) for c in row.cells]
            t.add_row(f"{row.unit} {row.name}", *cells)
        console.print(t)
    deadline = ws.config.deadline
    console.print(STATE.t("arrival.deadline", day=deadline.day, months_after=deadline.months_after,
                          source=f" ({deadline.source})" if deadline.source else "") if deadline else
                  STATE.t("arrival.no_deadline"))


def _words(cell) -> str:
    """Give a matrix cell in words: 'muộn 30/07/2023', 'mới có 2/3 tháng', 'báo cáo năm'."""
    if cell.status == "partial":
        kind = f"figure.kind.{cell.frequency}"
        parts = STATE.t("figure.parts", present=cell.present, expected=cell.expected, kind=STATE.t(kind),
                        kind_vi=STATE.t(kind))
        return STATE.t("arrival.partial", parts=parts)
    if cell.status == "other_frequency":
        return STATE.t(f"arrival.other_frequency.{cell.frequency}")
    return (STATE.t(f"arrival.{cell.status}") + (f" {cell.arrived}" if cell.status == "late" else "")
            + (f" ({cell.period})" if cell.period else ""))  # a longer submission: the year a yearly unit sent


def _red(text: str):
    cell = inert(text)
    cell.stylize("red")
    return cell


class _markup(str):
    """A mark whose filled-in text is escaped and which becomes a rich Text (table cells are otherwise plain)."""

    def format(self, *args):  # noqa: A003
        from rich.text import Text

        return Text.from_markup(str.format(self, *(plain(a) for a in args)))
