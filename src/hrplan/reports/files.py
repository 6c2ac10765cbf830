"""Report files: their names, and writing a program's report in each format whole (a reader never sees half a file).

Formats: 'docx' (Word, the official format, editable), 'html' (the same document, one self-contained page),
'xlsx' (the consolidated workbook: indicators x units, a sheet per period, the findings), 'json' (all the data;
the cells every figure was read from only with `sources=True`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Callable

from hrplan.definitions import Period, program_slug
from hrplan.checks import Progress, counter
from hrplan.reports.data import REPORT_STEPS, Report, build_report
from hrplan.workspace import Workspace

FORMATS = ("docx", "html", "xlsx", "json")


def report_file_name(report: Report, fmt: str) -> str:
    """Give the file name a report is saved under: '12-CTr-TU_2016_to_2019-05.html'."""
    period = Period.parse(report.data["period"]["label"])
    return f"{program_slug(report.data['program']['code'])}_{period.file_label}.{fmt}"


def write_report(report: Report, path: Path, sources: bool = False) -> Path:
    """Write the report as JSON (format 2: `hrplan.reports.json_format`) to `path` and give the path."""
    return _write_json(path, report, sources)


def report_json(report: Report, sources: bool = False) -> str:
    """Give the report as JSON (format 2); the cells behind each figure only when `sources` (they can be most of
    it)."""
    return report.json_bytes(sources).decode("utf-8")


@dataclass
class Written:
    """The files one report was written to, by format."""

    report: Report
    paths: dict[str, Path]


def write_reports(workspace: Workspace, program: str, period: str, formats: tuple[str, ...] | list[str],
                  lang: str = "vi", output: Path | None = None, sources: bool = False,
                  today: date | None = None, progress: Progress | None = None,
                  output_is_folder: bool = False) -> Written:
    """Write a program's report for a period in each of `formats` (where `output_path` says: reports/ by default).

    `progress(done, total, label)` is told after each step: the report's data, the document, each file;
    `output_is_folder`: `output` names a folder even when it does not exist yet (the user wrote 'vi/')."""
    step = counter(REPORT_STEPS + 1 + len(formats), progress)
    documents = bool(set(formats) & {"docx", "html", "xlsx"})
    report = build_report(workspace, program, period, lang, step, sources=sources and "json" in formats,
                          documents=documents, previous=bool(set(formats) & {"docx", "html"}))
    document = None
    if documents:  # the document (its charts: matplotlib) only for those
        from hrplan.reports.document import build_document

        document = build_document(workspace, program, period, lang, today=today, report=report)
    step("document")
    paths: dict[str, Path] = {}
    for fmt in formats:
        path = output_path(output, report_file_name(report, fmt), len(formats), workspace.reports_dir,
                           output_is_folder)
        if fmt == "docx":
            from hrplan.reports.docx import render_docx

            paths[fmt] = render_docx(document, path)
        elif fmt == "json":
            paths[fmt] = _write_json(path, report, sources)
        elif fmt == "html":
            from hrplan.reports.html import render_html

            paths[fmt] = _write_text(path, render_html(document))
        elif fmt == "xlsx":
            from hrplan.reports.xlsx import write_xlsx

            paths[fmt] = write_xlsx(workspace, report, path, lang)
        step(fmt)
    return Written(report, paths)


def output_path(output: Path | None, usual_name: str, formats: int, reports_dir: Path,
                output_is_folder: bool = False) -> Path:
    """Give where one format's file goes: inside `output` under its usual name when `output` is a folder (one that
    exists, one the caller says is a folder, or for several formats a name without an extension: made); else `output` itself for one format, and
    for several that name with each format's extension ('bao-cao.docx' → bao-cao.html ...); reports/ by default."""
    if output is None:
        return reports_dir / usual_name
    if output_is_folder or output.is_dir() or (formats > 1 and not output.suffix):
        return output / usual_name
    if formats == 1:
        return output
    return output.with_suffix(Path(usual_name).suffix)


def _write_text(path: Path, text: str) -> Path:
    return _write_bytes(path, text.encode("utf-8"))


def _write_json(path: Path, report: Report, sources: bool) -> Path:
    """Write the report's JSON as it is made (a megabyte at a time), never half a file."""
    return _write_whole(path, lambda out: report.write_json(out.write, sources))


def _write_bytes(path: Path, data: bytes) -> Path:
    return _write_whole(path, lambda out: out.write(data))


def _write_whole(path: Path, fill: Callable[[BinaryIO], object]) -> Path:
    """Write a file through `fill` beside `path`, then rename it over `path`: a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("wb") as out:
            fill(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)
    return path
