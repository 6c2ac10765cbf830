"""`hrplan init DIR`: make a new workspace."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from hrplan.cli.output import STATE, console, guarded


def register(app: typer.Typer) -> None:
    @app.command("init")
    @guarded
    def init(
        directory: Path = typer.Argument(Path("."), help="Thư mục sẽ làm thư mục làm việc (tạo nếu chưa có)."),
        name: Optional[str] = typer.Option(None, "--name", help="Tên hiển thị, ví dụ 'Tỉnh Cao Bằng'."),
    ) -> None:
        """Tạo thư mục làm việc: cấu hình, chương trình, danh mục đơn vị, hộp thư đến, cơ sở dữ liệu.
        (Create a workspace.)"""
        from hrplan.workspace import init_workspace
        ws = init_workspace(directory, name, STATE.store)
        console.print(STATE.t("workspace.created", path=ws.root))
        for sub in ("hrplan.yaml", "programs/", "units.yaml", "inbox/", "reports/"):
            console.print(f"  {ws.root / sub}")
        console.print(f"  {ws.store_path or ws.store_url.masked()}")
        console.print(STATE.t("workspace.next", units=ws.units_file, programs=f"{ws.programs_dir}/"), highlight=False,
                      markup=False)
