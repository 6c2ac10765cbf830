"""Reports: what hrplan writes for people: the report (JSON data, HTML page) and the submission template.

Entry points: `build_report` (a `Report` of plain data, every figure with its sources), `write_reports` (a
program's report as Word, HTML, the consolidated workbook and JSON; `FORMATS`), `build_document` (the report as
a document: heading, body, charts, foot, from the workspace's report settings), `render_docx`, `write_report`
and `report_file_name`, `make_templates`/`write_template` (the unit's workbook), and the one workbook writer every written workbook goes through (`new_workbook`, `put`, `put_formula`,
`save_workbook`: text from files and definitions is never a formula).
"""
from __future__ import annotations

from hrplan.reports.data import Report, build_report, report_data
from hrplan.reports.feedback import FeedbackFile, write_feedback
from hrplan.reports.findings_file import findings_csv, write_findings_xlsx
from hrplan.reports.document import Document, build_document
from hrplan.reports.docx import render_docx
from hrplan.reports.files import FORMATS, Written, report_file_name, report_json, write_report, write_reports
from hrplan.reports.html import render_html, templates_dir
from hrplan.reports.workbook_writer import clean_text, new_workbook, open_workbook, put, put_formula, save_workbook
from hrplan.reports.submission_template import fill_values, make_templates, template_file_name, write_template

__all__ = ["FeedbackFile", "write_feedback", "findings_csv", "write_findings_xlsx", "Report", "build_report", "report_data", "report_file_name", "write_report", "write_reports", "Written",
           "FORMATS", "report_json", "Document", "build_document", "render_docx", "render_html", "templates_dir",
           "fill_values", "make_templates", "template_file_name", "write_template",
           "clean_text", "new_workbook", "open_workbook", "put", "put_formula", "save_workbook"]
