"""`hrplan report`: a program's report for a period as Word, HTML, the consolidated workbook or JSON."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from hrplan.cli.output import choice, STATE, console, guarded


_SEPARATORS = tuple(sep for sep in (os.sep, os.altsep) if sep)


def register(app: typer.Typer) -> None:
    @app.command("report")
    @guarded
    def report(
        program: str = typer.Option(..., "--program", "-p", help="Mã chương trình."),
        period: str = typer.Option(..., "--period", help="Kỳ báo cáo, ví dụ 2023 hoặc 2016..2019-05 (lũy kế)."),
        fmt: str = typer.Option("html", "--format", "-f",
                                help="docx (Word, thể thức văn bản), html (cùng văn bản, một trang), "
                                     "xlsx (bảng tính tổng hợp), json, hoặc all (cả bốn)."),
        # a str, not a Path: a Path drops the separator that ends 'vi/' (a folder, even one not made yet)
        output: Optional[str] = typer.Option(None, "--output", "-o", metavar="<path>", help="Tệp hoặc thư mục kết quả (mặc định: reports/ trong thư mục làm việc); tên kết thúc bằng / là một thư mục, tạo nếu chưa có. Với -f all: một thư mục, hoặc một tên tệp mà mỗi định dạng lấy phần mở rộng của mình."),
        sources: bool = typer.Option(False, "--sources", help="JSON: ghi cả ô nguồn của từng số liệu (tệp lớn hơn nhiều)."),
    ) -> None:
        """Lập báo cáo: Word theo thể thức (Nghị định 30/2020/NĐ-CP hoặc Hướng dẫn 36-HD/VPTW), HTML in được,
        bảng tính tổng hợp hoặc JSON. (Write a report: Word, HTML, the consolidated workbook or JSON.)"""
        from contextlib import nullcontext

        from hrplan.cli.progress import track
        from hrplan.collector import paused_gc
        from hrplan.reports import FORMATS, write_reports

        ws = STATE.ws()
        fmt = choice(fmt, FORMATS + ("all",), "--format")
        formats = FORMATS if fmt == "all" else (fmt,)
        # JSON alone: the report's objects are plain, by the hundred thousand, and the collector waits to the end
        # (hrplan.collector; only the paths outlive the block, else its first pass would walk them all). A document
        # (charts, docxtpl) leaves garbage in cycles: the collector runs then, but for the report's data.
        with paused_gc() if set(formats) <= {"json"} else nullcontext():
            with track("progress.report") as progress:
                paths = write_reports(ws, program, period, formats, STATE.lang, output=None if output is None else Path(output),
                                      sources=sources, progress=progress,
                                      output_is_folder=(output or "").endswith(_SEPARATORS)).paths
        for path in paths.values():
            console.print(str(path))
