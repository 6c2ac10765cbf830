"""Reports: what hrplan writes for people: the report (JSON data, HTML page) and the submission template.

Entry points: `build_report` (a `Report` of plain data; every figure with its sources when asked), `write_reports` (a
program's report as Word, HTML, the consolidated workbook and JSON; `FORMATS`), `build_document` (the report as
a document: heading, body, charts, foot, from the workspace's report settings), `render_docx`, `write_report`
and `report_file_name`, `figure_rows`/`finding_rows` (a report JSON, format 2, read back to an object per row),
`make_templates`/`write_template` (the unit's workbook), `write_feedback`/`write_refused_feedback` (the unit's own
file back with its problem cells marked), `summarise_findings` (what a terminal shows of many
findings), and the one workbook writer every written workbook goes through
(`new_workbook`, `put`, `put_formula`, `save_workbook`: text from files and definitions is never a formula).

Each entry point is loaded on first use (PEP 562): `hrplan check` needs the findings' summary, not matplotlib,
docxtpl and pandas, which the Word report and the workbook bring.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.lazy import lazy_exports

_WHERE = {
    "Report": "data", "build_report": "data", "report_data": "data",
    "FeedbackFile": "feedback", "write_feedback": "feedback", "write_refused_feedback": "feedback",
    "findings_csv": "findings_file", "write_findings_xlsx": "findings_file",
    "FindingsSummary": "findings_summary", "summarise_findings": "findings_summary",
    "Document": "document", "build_document": "document",
    "render_docx": "docx",
    "figure_rows": "json_format", "finding_rows": "json_format", "figure_sources": "json_format",
    "JSON_FORMAT": "json_format",
    "FORMATS": "files", "Written": "files", "report_file_name": "files", "report_json": "files",
    "write_report": "files", "write_reports": "files",
    "render_html": "html", "templates_dir": "html",
    "clean_text": "workbook_writer", "new_workbook": "workbook_writer", "open_workbook": "workbook_writer",
    "put": "workbook_writer", "put_formula": "workbook_writer", "save_workbook": "workbook_writer",
    "fill_values": "submission_template", "make_templates": "submission_template",
    "template_file_name": "submission_template", "write_template": "submission_template",
}

__all__ = ["FeedbackFile", "write_feedback", "write_refused_feedback", "findings_csv", "write_findings_xlsx", "FindingsSummary",
           "summarise_findings", "Report", "build_report", "report_data", "report_file_name", "write_report",
           "write_reports", "Written", "FORMATS", "report_json", "Document", "build_document", "render_docx",
           "render_html", "templates_dir", "figure_rows", "finding_rows", "figure_sources", "JSON_FORMAT",
           "fill_values", "make_templates", "template_file_name", "write_template",
           "clean_text", "new_workbook", "open_workbook", "put", "put_formula", "save_workbook"]


__getattr__ = lazy_exports(__name__, {name: f"hrplan.reports.{module}" for name, module in _WHERE.items()})


if TYPE_CHECKING:  # what type checkers and readers see: the same names, imported plainly
    from hrplan.reports.data import Report, build_report, report_data
    from hrplan.reports.document import Document, build_document
    from hrplan.reports.docx import render_docx
    from hrplan.reports.feedback import FeedbackFile, write_feedback, write_refused_feedback
    from hrplan.reports.files import FORMATS, Written, report_file_name, report_json, write_report, write_reports
    from hrplan.reports.findings_file import findings_csv, write_findings_xlsx
    from hrplan.reports.findings_summary import FindingsSummary, summarise_findings
    from hrplan.reports.html import render_html, templates_dir
    from hrplan.reports.json_format import JSON_FORMAT, figure_rows, figure_sources, finding_rows
    from hrplan.reports.submission_template import fill_values, make_templates, template_file_name, write_template
    from hrplan.reports.workbook_writer import clean_text, new_workbook, open_workbook, put, put_formula, save_workbook
