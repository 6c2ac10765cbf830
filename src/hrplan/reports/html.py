"""The HTML report: `templates/report.html` filled with the report data."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from hrplan.messages import render
from hrplan.reports.data import Report
from hrplan.resources import resource_dir


def templates_dir() -> Path:
    """Give the folder of report templates."""
    return resource_dir("templates")



def render_html(report: Report, lang: str = "vi") -> str:
    """Give the report as one self-contained HTML page (styles inline, no outside files)."""
    env = Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=select_autoescape(["html"]))
    return env.get_template("report.html").render(r=report.data, lang=lang, t=lambda code, **kw: render(code, lang, **kw))

