"""`hrplan restore ID`: make an earlier submission current again, deliberately (never by re-importing its file)."""
from __future__ import annotations

import typer

from hrplan.cli.cmd_import import DEFAULT_WAIT, WAIT_HELP  # hrplan.store.DEFAULT_WAIT, without loading the store
from hrplan.cli.output import STATE, at_least, console, guarded


def register(app: typer.Typer) -> None:
    @app.command("restore")
    @guarded
    def restore(
        submission: int = typer.Argument(..., metavar="SỐ_BẢN", help="Số bản cần khôi phục (cột # của 'hrplan history')."),
        wait: float = typer.Option(DEFAULT_WAIT, "--wait", callback=at_least(0), metavar="GIÂY", help=WAIT_HELP),
    ) -> None:
        """Khôi phục một bản báo cáo cũ thành bản hiện hành; lịch sử vẫn giữ đủ mọi bản.
        Nhập lại tệp cũ không làm việc này. (Restore an earlier submission.)"""
        from hrplan.importer import restore_submission

        new_id, old_id = restore_submission(STATE.ws(), submission, wait)
        if new_id is None and old_id is not None:
            console.print(STATE.t("restore.same_as_current", id=submission, current=old_id))
        elif new_id is None:
            console.print(STATE.t("restore.already_current", id=submission))
        else:
            console.print(STATE.t("restore.done", id=submission, new=new_id, old=old_id))
