"""The feedback workbook (phản hồi): a copy of the unit's own submitted workbook with each problem cell marked.

Each cell a finding names is filled in a warning colour and carries a Vietnamese comment saying
what is wrong and what is expected; a first sheet lists every finding of the unit with a link
to its cell. Everything else of the unit's file is kept as openpyxl reads it (values, formulas,
styles, merged cells, validation, protection).

The unit's file is found through the store: the path it was imported from, checked against the
SHA-256 the store kept; if it moved or changed, the workspace's done/ (where the nightly job files what it
imported, by period) and inbox/ are searched for the same bytes. hrplan keeps no copy of imported files.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink

from hrplan.checks import Finding, run_checks
from hrplan.definitions import Period, period_from_user, program_slug
from hrplan.messages import MESSAGES, render
from hrplan.problems import Location, Problem, Severity
from hrplan.reports.workbook_writer import open_workbook, put, save_workbook

FILL = {"error": "FF7C80", "warning": "FFC000", "info": "9BC2E6"}  # strong: templates shade input cells pale yellow
_OPENPYXL = (".xlsx", ".xlsm")


@dataclass
class FeedbackFile:
    """One unit's feedback: the workbook written (or why none), and the findings it carries."""

    program: str
    unit: str
    period: str
    path: Path | None = None
    marked: int = 0  # findings marked on a cell of the unit's workbook
    listed: int = 0  # findings on the first sheet (all of the unit's)
    problems: list[Problem] = field(default_factory=list)


def write_feedback(workspace, program_names: list[str], period_text: str, units: list[str] | None,
                   out_dir: Path) -> list[FeedbackFile]:
    """Write a feedback workbook for each unit (all units with findings when `units` is None); give what was done."""
    label = period_from_user(period_text).label
    findings = [f for f in run_checks(workspace, program_names, period_text, "vi") if f.unit]
    wanted = None if units is None else {workspace.units.resolve(u) for u in units}
    by_key: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if wanted is None or f.unit in wanted:
            by_key[(f.program, f.unit)].append(f)
    out: list[FeedbackFile] = []
    with workspace.open_store() as store:
        for (program, unit), mine in sorted(by_key.items()):
            period = Period.parse(label)
            records = [s for s in store.submissions(program, unit)
                       if period.contains(Period.parse(s.period)) or Period.parse(s.period).contains(period)]
            if not records:
                continue  # the unit sent nothing: nothing of its own to send back (status and check say so)
            for record in records:
                own = [f for f in mine if f.location.file in (None, record.file_name) and
                       f.period in (record.period, label)]
                out.append(_one(workspace, record, own, out_dir))
    return out


def feedback_source(workspace, record) -> Path | None:
    """Give the unit's file as imported: its import path if the bytes still match, else the same bytes filed by the
    nightly job in done/ (its period's folder first, a file of the same name first) or put in inbox/."""
    root = Path(workspace.root)
    name, suffix = Path(record.file_name).name, Path(record.file_name).suffix.lower()
    candidates = [Path(record.file_path)] if getattr(record, "file_path", None) else []
    done = root / "done"
    if done.is_dir():
        candidates += [done / Period.parse(record.period).file_label / name]
        candidates += sorted(done.rglob(name))
    for folder in (done, root / "inbox"):  # renamed on the way ('… (2).xlsx' beside an earlier file of the name)
        if folder.is_dir():
            candidates += sorted(p for p in folder.rglob("*") if p.suffix.lower() == suffix)
    tried: set[Path] = set()
    for path in candidates:
        if path in tried:
            continue
        tried.add(path)
        if path.is_file() and _sha256(path) == record.file_hash:
            return path
    return None


def feedback_file_name(record) -> str:
    return f"{program_slug(record.program)}_{record.unit}_{Period.parse(record.period).file_label}_phan-hoi.xlsx"


def _one(workspace, record, findings: list[Finding], out_dir: Path) -> FeedbackFile:
    result = FeedbackFile(record.program, record.unit, record.period)
    source = feedback_source(workspace, record)
    if source is None:
        result.problems.append(Problem("feedback.file_not_found", Severity.ERROR, Location(record.file_name),
                                       {"file": getattr(record, "file_path", None) or record.file_name,
                                        "unit": record.unit, "period": record.period}))
        return result
    if source.suffix.lower() not in _OPENPYXL:
        result.problems.append(Problem("feedback.not_xlsx", Severity.ERROR, Location(str(source)),
                                       {"file": source.name}))
        return result
    wb = open_workbook(source)
    notes: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.location.sheet in wb.sheetnames and f.location.cell:
            notes[(f.location.sheet, f.location.cell)].append(f)
    for (sheet, cell), here in notes.items():
        worst = min(here, key=lambda f: ("error", "warning", "info").index(f.severity.value))
        target = wb[sheet][cell]
        target.fill = PatternFill("solid", fgColor=FILL[worst.severity.value])
        text = "\n\n".join(_comment(f) for f in here)
        comment = Comment(text, "hrplan")
        comment.width, comment.height = 320, min(60 + 18 * (len(text) // 40 + text.count("\n")), 600)
        target.comment = comment
        result.marked += len(here)
    _first_sheet(wb, record, findings, workspace)
    result.listed = len(findings)
    result.path = save_workbook(wb, out_dir / feedback_file_name(record))
    return result


def _comment(f: Finding) -> str:
    """Give the Vietnamese cell comment: what is wrong, then what is expected."""
    expected_code = f"feedback.expected.{f.code}"
    expected = render(expected_code, "vi", **f.params) if expected_code in MESSAGES else render(
        "feedback.expected.default", "vi")
    return f"[{render(f'severity.{f.severity.value}', 'vi')}] {f.message('vi')}\n{expected}"


def _first_sheet(wb, record, findings: list[Finding], workspace) -> None:
    ws = wb.create_sheet(render("feedback.sheet", "vi")[:31], 0)
    unit_name = workspace.units.get(record.unit).name if record.unit in workspace.units else record.unit
    put(ws, "A1", render("feedback.title", "vi", unit=unit_name, unit_code=record.unit,
                         period=Period.parse(record.period).vietnamese(), program=record.program),
        font=Font(bold=True, size=13))
    put(ws, "A2", render("feedback.intro", "vi", file=record.file_name, count=len(findings)),
        alignment=Alignment(wrap_text=False))
    headers = ["STT", "Mức", "Mã", "Chỉ tiêu", "Trang", "Ô", "Nội dung và yêu cầu"]
    for col, title in enumerate(headers, 1):
        put(ws, (4, col), title, font=Font(bold=True), fill=PatternFill("solid", fgColor="D9D9D9"))
    order = sorted(findings, key=lambda f: (("error", "warning", "info").index(f.severity.value), f.code))
    for n, f in enumerate(order, 1):
        row = 4 + n
        put(ws, (row, 1), n)
        put(ws, (row, 2), render(f"severity.{f.severity.value}", "vi"),
            fill=PatternFill("solid", fgColor=FILL[f.severity.value]))
        put(ws, (row, 3), f.short_code)
        put(ws, (row, 4), f.indicator or "")
        put(ws, (row, 5), f.location.sheet or "")
        cell = put(ws, (row, 6), f.location.cell or "")
        if f.location.cell and f.location.sheet in wb.sheetnames:
            sheet = f.location.sheet.replace("'", "''")
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{f.location.cell}",
                                       display=f.location.cell)
            cell.font = Font(color="0563C1", underline="single")
        text = _comment(f)
        put(ws, (row, 7), text, alignment=Alignment(wrap_text=True, vertical="top"))
        lines = sum(len(part) // 80 + 1 for part in text.split("\n"))
        ws.row_dimensions[row].height = 15 * lines  # openpyxl does not size wrapped rows; LibreOffice keeps 15
        for col in range(1, 7):
            ws.cell(row, col).alignment = Alignment(vertical="top")
    for col, width in zip("ABCDEFG", (5, 10, 24, 12, 14, 7, 80)):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.freeze_panes = "A5"
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = 0


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
