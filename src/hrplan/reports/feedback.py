"""The feedback workbook (phản hồi): a copy of the unit's own submitted workbook with each problem cell marked.

Each cell a finding names is filled in a warning colour and carries a Vietnamese comment saying
what is wrong and what is expected; a first sheet lists every finding of the unit with a link
to its cell. Everything else of the unit's file is kept as openpyxl reads it (values, formulas,
styles, merged cells, validation, protection).

The unit's file is found through the store: the path it was imported from, checked against the
SHA-256 the store kept; if it moved or changed, the workspace's done/ (where the nightly job files what it
imported, by period) and inbox/ are searched for the same bytes. hrplan keeps no copy of imported files.

A file the nightly job refused is marked the same way (`write_refused_feedback`, called by `hrplan.jobs` for the
refusals still in rejected/): its refusal's cells, in the clerk's wording of the reason file.

The sheet speaks the language asked for (Vietnamese by default): each problem's kind in plain words ("Chưa đạt kế
hoạch"), its rule code only in the last, narrow column, for the analyst.
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
from hrplan.reading import FileRead
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
    refused: Path | None = None  # the unit's file the nightly job refused (in rejected/), when it is that one
    reason_file: Path | None = None  # and the reason written beside it
    # True: nothing to say of this file (or of this unit asked for by name): no workbook is written, and the
    # command says so, rather than sending the clerk a file of "0 findings".
    nothing: bool = False


@dataclass(frozen=True)
class Mark:
    """One problem as the feedback workbook shows it: a finding of the checks, or what refused the file."""

    severity: Severity
    code: str
    sheet: str | None
    cell: str | None
    text: str  # what is wrong, then what is expected, in the sheet's language (the level is in its own column)
    indicator: str = ""


def write_feedback(workspace, program_names: list[str], period_text: str, units: list[str] | None,
                   out_dir: Path, lang: str = "vi") -> list[FeedbackFile]:
    """Write a feedback workbook for each of the units' files with something to say (all units with findings when
    `units` is None); give what was done, with a `nothing` entry for each file (or unit asked for) left unwritten.

    Where the period is made of parts (a year of quarter files), a finding about the whole period's figure (the
    year's budget, 440 of 450, added up from three quarters; a quarter missing) is not any one file's cell: it is
    listed once, without a cell, in the unit's latest file for the period, and says it is about the whole period.
    A finding on one cell of one part (Q4's actual left empty) is marked on that cell."""
    label = period_from_user(period_text).label
    period = Period.parse(label)
    findings = [f for f in run_checks(workspace, program_names, period_text, lang) if f.unit]
    wanted = None if units is None else {workspace.units.resolve(u) for u in units}
    by_key: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if wanted is None or f.unit in wanted:
            by_key[(f.program, f.unit)].append(f)
    out: list[FeedbackFile] = []
    with workspace.open_store() as store:
        for (program, unit), mine in sorted(by_key.items()):
            records = [s for s in store.submissions(program, unit)
                       if period.contains(Period.parse(s.period)) or Period.parse(s.period).contains(period)]
            if not records:
                continue  # the unit sent nothing: nothing of its own to send back (status and check say so)
            latest = max(records, key=lambda s: (Period.parse(s.period).end, -Period.parse(s.period).start.toordinal()))
            parts = sorted({r.period for r in records if r.period != label}, key=lambda p: Period.parse(p).start)
            for record in records:
                own = [f for f in mine if f.location.file in (None, record.file_name) and f.period == record.period
                       or f.period == label != record.period and _on_one_cell(f) and f.location.file == record.file_name]
                whole = [f for f in mine if f.period == label != record.period and not _on_one_cell(f)
                         ] if record is latest else []
                if not own and not whole:
                    out.append(FeedbackFile(record.program, unit, record.period, nothing=True))
                    continue
                out.append(_one(workspace, record, own, out_dir, lang, whole, _whole_period(label, parts, lang)))
    for unit in sorted((wanted or set()) - {u for _, u in by_key}):
        out.append(FeedbackFile("", unit, label, nothing=True))  # asked for by name, and nothing found
    return out


def _on_one_cell(f: Finding) -> bool:
    """Tell whether a finding is about one cell (a value left empty), not a figure that adds up several parts' cells
    (its first cell 'and 3 more') or has no cell at all."""
    return bool(f.location.cell) and not f.location.more


def _whole_period(label: str, parts: list[str], lang: str) -> str:
    """Give the words that open a finding about the whole period, made of the parts the unit sent."""
    words = Period.parse(label).in_sentence(lang)
    words = words[:1].lower() + words[1:] if lang == "vi" else words  # 'Năm 2024' runs on: 'cả năm 2024'
    return render("feedback.whole_period", lang, period=words,
                  parts=", ".join(Period.parse(p).describe(lang) for p in parts))


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


def feedback_file_name(record, tag: str = "", lang: str = "vi") -> str:
    """Give '12-CTr-TU_SYT_2023-Q2_phan-hoi.xlsx' ('…_2023-Q2_bi-tu-choi_phan-hoi.xlsx' with the tag 'bi-tu-choi');
    in English, as the workbook's words are, '…_2023-Q2_feedback.xlsx' ('…_refused_feedback.xlsx')."""
    if lang == "en":
        tag = tag.replace("bi-tu-choi", "refused")
    return (f"{program_slug(record.program)}_{record.unit}_{Period.parse(record.period).file_label}_"
            f"{tag + '_' if tag else ''}{'feedback' if lang == 'en' else 'phan-hoi'}.xlsx")


def _one(workspace, record, findings: list[Finding], out_dir: Path, lang: str, whole: list[Finding] = (),
         whole_words: str = "") -> FeedbackFile:
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
    marks = [Mark(f.severity, f.code, f.location.sheet, f.location.cell,
                  _comment(f, lang, on_cell=bool(f.location.cell)), f.indicator or "") for f in findings]
    marks += [Mark(f.severity, f.code, None, None, whole_words + _comment(f, lang, on_cell=False), f.indicator or "")
              for f in whole]
    title = render("feedback.title", lang, unit=_unit_name(workspace, record.unit), unit_code=record.unit,
                   period=Period.parse(record.period).describe(lang), program=record.program)
    intro = render("feedback.intro", lang, file=record.file_name, count=len(marks))
    result.path, result.marked = _write_marked(source, marks, title, intro,
                                               out_dir / feedback_file_name(record, lang=lang), lang)
    result.listed = len(marks)
    return result


def write_refused_feedback(workspace, read: FileRead, about: tuple[str, str, str], reason_file: Path,
                           out_dir: Path, lang: str = "vi", nth: int = 1) -> FeedbackFile:
    """Write the feedback workbook of a file the nightly job refused: the unit's own file (`read`: the refused file
    read again, as import reads it) with the refusal's cells marked in the reason file's words; give what was done.

    `about` is the (program, unit, period) the reason file says the file was read as; `nth` numbers a second
    refusal of the same unit and period ('…_bi-tu-choi-2_phan-hoi.xlsx')."""
    program, unit, period = about
    source = Path(read.path)
    result = FeedbackFile(program, unit, period, refused=source, reason_file=reason_file)
    params = {"file": source.name, "reason": reason_file.name, "unit": unit, "period": period}
    refusal = [p for p in read.parsed.problems if p.is_error]
    if not refusal:  # settings changed since (an alias, hidden sheets): it would be stored now
        result.problems.append(Problem("feedback.refused_reads_now", Severity.WARNING, Location(str(source)), params))
        return result
    if source.suffix.lower() not in _OPENPYXL:
        result.problems.append(Problem("feedback.refused_not_xlsx", Severity.WARNING, Location(str(source)), params))
        return result
    if not any(p.location.sheet for p in refusal):  # it could not be opened (damaged): told by its name alone
        result.problems.append(Problem("feedback.refused_unopened", Severity.WARNING, Location(str(source)), params))
        return result
    marks = [Mark(p.severity, p.code, p.location.sheet, p.location.cell, _refusal_comment(p, lang),
                  str(p.params.get("indicator") or "")) for p in refusal]
    title = render("feedback.refused_title", lang, unit=_unit_name(workspace, unit), unit_code=unit,
                   period=Period.parse(period).describe(lang), program=program)
    intro = render("feedback.refused_intro", lang, file=source.name, count=len(marks), reason=reason_file.name)
    dest = out_dir / feedback_file_name(result, "bi-tu-choi" if nth == 1 else f"bi-tu-choi-{nth}", lang)
    result.path, result.marked = _write_marked(source, marks, title, intro, dest, lang)
    result.listed = len(marks)
    return result


def _write_marked(source: Path, marks: list[Mark], title: str, intro: str, dest: Path, lang: str) -> tuple[Path, int]:
    """Write a copy of `source` with each mark's cell filled and commented and a first sheet listing every mark;
    give where it went and how many marks are on a cell."""
    wb = open_workbook(source)
    notes: dict[tuple[str, str], list[Mark]] = defaultdict(list)
    for m in marks:
        if m.sheet in wb.sheetnames and m.cell:
            notes[(m.sheet, m.cell)].append(m)
    marked = 0
    for (sheet, cell), here in notes.items():
        worst = min(here, key=lambda m: _ORDER.index(m.severity.value))
        target = wb[sheet][cell]
        target.fill = PatternFill("solid", fgColor=FILL[worst.severity.value])
        text = "\n\n".join(f"[{render(f'severity.{m.severity.value}', lang)}] {m.text}" for m in here)
        comment = Comment(text, "hrplan")
        comment.width, comment.height = 320, min(60 + 18 * (len(text) // 40 + text.count("\n")), 600)
        target.comment = comment
        marked += len(here)
    _first_sheet(wb, title, intro, marks, lang)
    return save_workbook(wb, dest), marked


_ORDER = ("error", "warning", "info")


def _unit_name(workspace, unit: str) -> str:
    return workspace.units.get(unit).name if unit in workspace.units else unit


def _comment(f: Finding, lang: str, on_cell: bool = True) -> str:
    """Give what is wrong, then what the unit should do: its kind's own advice (send the missing quarter; confirm
    a figure over plan), else check the cell marked, or the figures named where no cell is."""
    expected_code = f"feedback.expected.{f.code}"
    if expected_code in MESSAGES:
        expected = render(expected_code, lang, **f.params)
    else:
        expected = render("feedback.expected.default" if on_cell else "feedback.expected.default_no_cell", lang)
    return f"{f.message(lang)}\n{expected}"


def _refusal_comment(p: Problem, lang: str) -> str:
    """Give what refused the file, as the reason file tells the clerk (its `.to_unit` wording)."""
    to_unit = f"{p.code}.to_unit"
    return render(to_unit, lang, **p.params) if to_unit in MESSAGES else p.message(lang)


def kind_label(code: str, lang: str = "vi") -> str:
    """Give the kind of a problem in plain words for the unit's clerk ('Chưa đạt kế hoạch' for check.behind_plan):
    the code's own label, else its family's ('value.…': 'Số liệu trong ô'), else 'Vấn đề khác'."""
    for key in (f"kind.{code}", f"kind.{code.split('.')[0]}"):
        if key in MESSAGES:
            return render(key, lang)
    return render("kind.other", lang)


_COLUMNS = ("number", "severity", "kind", "indicator", "sheet", "cell", "text", "code")


def _first_sheet(wb, title: str, intro: str, marks: list[Mark], lang: str) -> None:
    ws = wb.create_sheet(render("feedback.sheet", lang)[:31], 0)
    put(ws, "A1", title, font=Font(bold=True, size=13))
    put(ws, "A2", intro, alignment=Alignment(wrap_text=False))
    for col, name in enumerate(_COLUMNS, 1):
        put(ws, (4, col), render(f"feedback.col.{name}", lang), font=Font(bold=True),
            fill=PatternFill("solid", fgColor="D9D9D9"), alignment=Alignment(wrap_text=True, vertical="top"))
    ws.row_dimensions[4].height = 30  # the code column's caption takes two lines
    order = sorted(marks, key=lambda m: (_ORDER.index(m.severity.value), m.code))
    for n, m in enumerate(order, 1):
        row = 4 + n
        put(ws, (row, 1), n)
        put(ws, (row, 2), render(f"severity.{m.severity.value}", lang),
            fill=PatternFill("solid", fgColor=FILL[m.severity.value]))
        put(ws, (row, 3), kind_label(m.code, lang))
        put(ws, (row, 4), m.indicator)
        put(ws, (row, 5), m.sheet or "")
        cell = put(ws, (row, 6), m.cell or "")
        if m.cell and m.sheet in wb.sheetnames:
            sheet = m.sheet.replace("'", "''")
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{m.cell}", display=m.cell)
            cell.font = Font(color="0563C1", underline="single")
        put(ws, (row, 7), m.text, alignment=Alignment(wrap_text=True, vertical="top"))
        put(ws, (row, 8), m.code.removeprefix("check."), font=Font(size=8, color="808080"))
        lines = sum(len(part) // 80 + 1 for part in m.text.split("\n"))
        ws.row_dimensions[row].height = 15 * lines  # openpyxl does not size wrapped rows; LibreOffice keeps 15
        for col in (1, 2, 3, 4, 5, 6, 8):
            ws.cell(row, col).alignment = Alignment(vertical="top", wrap_text=col == 3)
    for col, width in zip("ABCDEFGH", (5, 10, 22, 12, 14, 7, 80, 12)):
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
