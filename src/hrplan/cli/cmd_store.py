"""`hrplan store info | upgrade | copy --to URL`: look after the store and move an office to a server."""
from __future__ import annotations

import typer

from hrplan.cli.output import STATE, choice, console, guarded, print_json, table


def register(app: typer.Typer) -> None:
    store_app = typer.Typer(help="Kho dữ liệu: thông tin, nâng cấp, chép sang máy chủ. (The store: info, upgrade, copy.)",
                            no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(store_app, name="store")

    @store_app.command("info")
    @guarded
    def info(fmt: str = typer.Option("table", "--format", "-f", help="table hoặc json.")) -> None:
        """Loại kho, phiên bản cấu trúc, số báo cáo và số liệu, lần nhập gần nhất. (What the store holds.)"""
        from rich.text import Text

        from hrplan.store import store_info

        fmt = choice(fmt, ("table", "json"), "--format")
        with STATE.ws().open_store(upgrade=False) as store:
            data = store_info(store)
        if fmt == "json":
            print_json(data)
            return
        t = STATE.t
        rows = table(None, ["", ""])
        rows.show_header = False
        rows.add_row(t("store.info.backend"), f"{data['backend']} {data['server_version']}")
        rows.add_row(t("store.info.url"), data["url"])
        schema = t("store.info.schema_value", found=data["schema_version"], expected=data["code_schema_version"])
        schema = Text(schema)
        if not data["up_to_date"]:
            schema.append(f" — {t('store.info.needs_upgrade')}", style="red")
        rows.add_row(t("store.info.schema"), schema)
        rows.add_row(t("store.info.contents"), t("store.info.counts", **data["counts"]))
        rows.add_row(t("store.info.last_import"), data["last_import"] or t("store.info.never"))
        console.print(rows)

    @store_app.command("upgrade")
    @guarded
    def upgrade() -> None:
        """Nâng cấp cấu trúc kho lên phiên bản của bản hrplan này. (Migrate the store to this hrplan's schema.)"""
        with STATE.ws().open_store(upgrade=False) as store:
            before, after = store.upgrade()
            url = store.url.masked()
        code = "store.up_to_date" if before == after else "store.upgraded"
        console.print(STATE.t(code, url=url, found=before, expected=after), soft_wrap=True)

    @store_app.command("copy")
    @guarded
    def copy(to: str = typer.Option(..., "--to", help="Kho đích (trống), ví dụ postgresql://người_dùng@máy_chủ/hrplan.")) -> None:
        """Chép toàn bộ kho (cả lịch sử) sang kho khác rồi đối chiếu số lượng và tổng. (Copy the whole store.)"""
        from hrplan.store import copy_store, parse_store_url

        ws = STATE.ws()
        target = parse_store_url(to, ws.root)
        with ws.open_store() as store:
            result = copy_store(store, target)
        console.print(STATE.t("store.copied", url=result.source, target=result.target,
                              problems=result.counts["submission_problems"], **result.counts), soft_wrap=True)
        next_step = "store.copy_next" if target.is_server else "store.copy_next_file"  # ~/.pgpass: a server's
        console.print(STATE.t(next_step, target=result.target), soft_wrap=True)
