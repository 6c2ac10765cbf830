"""The HTML report: the same document as the Word report, as one self-contained page that prints on A4.

`templates/report.html` is filled with the document's context (autoescaped: every text a user or a unit wrote
is escaped); charts are inline SVG; no script, no outside file. Page numbers and margins come from @page
rules, so the browser prints no date or file address of its own; screen-only helpers are hidden in print.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from hrplan.messages import render
from hrplan.reports.document import Document
from hrplan.resources import resource_dir


def templates_dir() -> Path:
    """Give the folder of report templates."""
    return resource_dir("templates")


def render_html(doc: Document) -> str:
    """Give the document as one self-contained HTML page (styles and charts inline, nothing fetched)."""
    env = Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined)
    context = dict(doc.context)
    context["h"] = doc.context["h"].fresh()  # numbered as this page prints them
    context["screen_note"] = render("report.screen_note", doc.lang)
    charts = [{"title": c.title, "svg": c.svg} for c in doc.charts]
    return env.get_template("report.html").render(d=context, charts=charts, r=doc.report.data)
