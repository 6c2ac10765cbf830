"""The Word report: a .docx template (state or Party format, or the workspace's own) filled by docxtpl.

The template keeps the layout; the tags in it ({{ … }}, {%p … %}, {%tr … %}) are filled from the document's
context. A broken template is refused before rendering with the tag and the line it is on ("line" = the
paragraph's number counting from the top of the body, table cells included; headers and footers after it).
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import jinja2
from docx import Document as WordDocument
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from hrplan.problems import HrplanError, Location, Problem
from hrplan.reports.document import Document
from hrplan.resources import resource_dir

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_DOCXTPL_PREFIX = re.compile(r"(\{%|\{\{)(p|tr|tc|r)\s")  # docxtpl's paragraph/row/cell/run tags, plain to jinja2


def default_template(party: bool) -> Path:
    """Give the bundled template: the Party's format or the state's (Decree 30/2020/NĐ-CP)."""
    return resource_dir("templates") / ("report_party.docx" if party else "report_state.docx")


def render_docx(doc: Document, path: Path, template: Path | None = None) -> Path:
    """Write the document as a Word file at `path` from `template` (default: the settings' or the bundled one)."""
    template = template or doc.template or default_template(doc.context["party"])
    lines = template_lines(template)
    check_template(template, lines)
    check_notes(template, lines, doc.context)
    tpl = DocxTemplate(str(template))
    context = dict(doc.context)
    context["h"] = doc.context["h"].fresh()  # numbered as this file prints them
    images = {c.key: InlineImage(tpl, io.BytesIO(c.png), width=Mm(150)) for c in doc.charts}
    context["charts"] = [{**c, "image": images[c["key"]]} for c in doc.context["charts"]]
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except jinja2.UndefinedError as exc:
        raise HrplanError(_undefined_problem(template, lines, exc)) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tpl.save(str(tmp))
    tmp.replace(path)  # a reader never sees half a report
    return path


def template_lines(template: Path) -> list[str]:
    """Give the template's paragraphs as text: the body in reading order (table cells included), then headers and footers."""
    if not template.is_file():
        raise HrplanError(Problem("report.template_missing", location=Location(file=str(template)),
                                  params={"path": str(template)}))
    try:
        word = WordDocument(str(template))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise HrplanError(Problem("report.template_not_docx", location=Location(file=str(template)),
                                  params={"path": template.name, "reason": str(exc) or type(exc).__name__})) from None
    lines = _block_lines(word)  # the body first, so that its lines count as Word shows them from the top
    for section in word.sections:  # then the headers and footers the template really has
        parts = [section.header, section.footer]
        if section.different_first_page_header_footer:
            parts += [section.first_page_header, section.first_page_footer]
        for part in parts:
            if not part.is_linked_to_previous:
                lines += [p.text for p in part.paragraphs]
    return lines


def _block_lines(container) -> list[str]:
    out: list[str] = []
    for item in container.iter_inner_content():
        if hasattr(item, "rows"):
            for row in item.rows:
                for cell in row.cells:
                    out += _block_lines(cell)
        else:
            out.append(item.text)
    return out


def check_template(template: Path, lines: list[str]) -> None:
    """Refuse a template whose tags do not parse, naming the tag and its line."""
    source = "\n".join(_DOCXTPL_PREFIX.sub(r"\1 ", line) for line in lines)
    try:
        jinja2.Environment().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        line = exc.lineno or 1
        if exc.message and "end of template" in exc.message:  # an unclosed block: name the block that opened it
            line = _unclosed_line(lines) or line
        line = _unbalanced_line(lines[:line]) or line  # jinja2 notices an unclosed '{{' only lines later
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        tags = _TAG.findall(text) or [m.group(0) for m in re.finditer(r"\{[{%].*", text)] or [text.strip()[:60]]
        raise HrplanError(Problem("report.template_broken", location=Location(file=str(template), line=line),
                                  params={"path": template.name, "line": line, "text": text.strip()[:80],
                                          "tag": _pick_tag(tags, exc.message or ""), "reason": exc.message})) from None


# Where the body's rows carry marks "(1)" and which names print the notes they point at.
_MARKS = (
    ("table_notes", re.compile(r"\bin\s+table\b"), ("table_notes", "notes")),
    ("unit_notes", re.compile(r"\bin\s+(?:top_units|behind|behind_text)\b"), ("unit_notes", "notes")),
)


def check_notes(template: Path, lines: list[str], context: dict) -> None:
    """Refuse a template that prints rows carrying marks "(1)", "(2)" this report has, but not the notes they point
    at (a section deleted in Word): the committee would read marks pointing at nothing. The line named is the first
    that prints the marked rows."""
    tags = [(n, tag) for n, line in enumerate(lines, start=1) for tag in _TAG.findall(line)]
    for key, shows, notes in _MARKS:
        if not context.get(key):
            continue  # this report's rows carry no such marks
        printed = [n for n, tag in tags if shows.search(tag)]
        if printed and not any(re.search(rf"(?<![\w.]){name}\b", tag) for _, tag in tags for name in notes):
            line = printed[0]
            raise HrplanError(Problem("report.template_notes_missing", location=Location(file=str(template), line=line),
                                      params={"path": template.name, "line": line, "text": lines[line - 1].strip()[:80],
                                              "notes": key, "marks": ", ".join(n.split(" ", 1)[0] for n in context[key][:4])
                                              + (" …" if len(context[key]) > 4 else "")}))


def _pick_tag(tags: list[str], message: str) -> str:
    """Give the tag of a line the error is most likely about: one that does not parse on its own, else the last."""
    for tag in tags:
        if tag.count("{") != tag.count("}"):
            return tag
        if tag.startswith("{%"):
            continue
        try:
            jinja2.Environment().parse(_DOCXTPL_PREFIX.sub(r"\1 ", tag) if tag.startswith("{{") else "")
        except jinja2.TemplateSyntaxError:
            return tag
    return tags[-1]


def _unbalanced_line(lines: list[str]) -> int | None:
    """Give the first line with a tag opened and not closed on it ('{{ name }'), if any."""
    for n, line in enumerate(lines, start=1):
        if line.count("{{") != line.count("}}") or line.count("{%") != line.count("%}"):
            return n
    return None


def _unclosed_line(lines: list[str]) -> int | None:
    """Give the line of the innermost block tag ({% for %}, {% if %}) left open."""
    stack: list[int] = []
    for n, line in enumerate(lines, start=1):
        for tag in re.findall(r"\{%-?\s*(?:p|tr|tc|r)?\s*(\w+)", line):
            if tag in ("for", "if", "macro", "block", "with", "filter"):
                stack.append(n)
            elif tag.startswith("end") and stack:
                stack.pop()
    return stack[-1] if stack else None


def _undefined_problem(template: Path, lines: list[str], exc: jinja2.UndefinedError) -> Problem:
    """Name the tag using a name the report context lacks, and its line."""
    m = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
    name = (m.group(2) or m.group(1)) if m else str(exc)
    for n, line in enumerate(lines, start=1):
        for tag in _TAG.findall(line):
            if re.search(rf"\b{re.escape(name)}\b", tag):
                return Problem("report.template_unknown_name", location=Location(file=str(template), line=n),
                               params={"path": template.name, "line": n, "text": line.strip()[:80], "tag": tag, "name": name})
    return Problem("report.template_unknown_name", location=Location(file=str(template)),
                   params={"path": template.name, "line": "?", "text": "", "tag": "?", "name": name})
