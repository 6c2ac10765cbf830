"""Build the two default Word templates of `hrplan report --format docx` (run: python templates/build_report_templates.py).

report_state.docx follows Decree 30/2020/NĐ-CP, Appendix I (state bodies); report_party.docx the Party's
Hướng dẫn 36-HD/VPTW (Tỉnh ủy, Huyện ủy, their boards). Both: A4 portrait, margins 20/20/30/15 mm, Times New
Roman, the two-column heading, 'BÁO CÁO' and its summary, the body, 'Nơi nhận' and the signature block, page
numbers centred at the top from page 2. The text is docxtpl (jinja2) tags filled from the report's context
(see docs/report-templates.md); copy a template, edit it in Word, and point `report: template:` at it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT, RIGHT = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT)
# The heading's two columns reach 1 cm into the left margin: the left one holds 'UBND TỈNH BÀ RỊA - VŨNG TÀU' (6,9 cm at
# 13 pt) and 'UBND THÀNH PHỐ HỒ CHÍ MINH' (7,1 cm) on one line, the right one 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' (9,5 cm).
HEADING_CM, HEADING_INDENT_CM = (7.3, 10.2), -1.0
# Figure columns hold '1.234.567' or '106.535,5' (1,7 cm at 12 pt) and the longest caption word ('measure') whole.
NUMBER_CM = 2.0
# The indents of the rule under the motto (its length: the right column's 10,1 cm less both), per language, for the
# state's second line ('Độc lập - Tự do - Hạnh phúc' 6,0 cm at 14 pt bold, 'Independence - Freedom - Happiness'
# 7,8 cm) and the Party's motto ('ĐẢNG CỘNG SẢN VIỆT NAM' 6,3 cm at 13 pt bold, 'COMMUNIST PARTY OF VIETNAM' 7,6 cm).
MOTTO_RULE_INDENT_CM = {"vi": {False: 1.95, True: 2.05}, "en": {False: 1.0, True: 1.2}}
# The status column holds each status word on at most two lines ('chưa có / kế hoạch', 'chưa đánh / giá được',
# 'over the / ceiling': 1,75 cm at 12 pt at the most).
STATUS_CM = 2.1


def para(container, text: str = "", *, size: float = 14, bold=False, italic=False, align=None, before=0.0, after=0.0,
         indent_first: float | None = None, left: float | None = None, right: float | None = None, underline=False,
         keep_next=False):
    p = container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.font.size, run.bold, run.italic, run.underline = Pt(size), bold, italic, underline
        run.font.name = FONT
    pf = p.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(before), Pt(after), 1.0
    if align is not None:
        p.alignment = align
    if indent_first is not None:
        pf.first_line_indent = Cm(indent_first)
    if left is not None:
        pf.left_indent = Cm(left)
    if right is not None:
        pf.right_indent = Cm(right)
    if keep_next:
        pf.keep_with_next = True
    return p


def tag(container, text: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}): it disappears when rendered."""
    return para(container, text, size=2)


def rule_under(p, *, sz: int = 6) -> None:
    """Draw a rule under a paragraph (as long as the paragraph's indents allow)."""
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", str(sz)), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    ppr.append(borders)


def page_field(p) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "2"
    r.append(t)
    fld.append(r)
    p._p.append(fld)


def no_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tblpr.append(borders)


def widths(table, cms: list[float]) -> None:
    """Fix the columns' widths (LibreOffice reads the grid, Word the cells: set both)."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for col, w in zip(table.columns, cms):
        col.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, cms):
            cell.width = Cm(w)


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trpr.append(h)


def keep_rows_whole(table) -> None:
    """Keep each row on one page ('Thành phố Cao / Bằng' split across two pages); a row is short, the page breaks before it."""
    for row in table.rows:
        trpr = row._tr.get_or_add_trPr()
        trpr.insert(0, OxmlElement("w:cantSplit"))  # before w:tblHeader, as the schema orders them


def cell_margins(table, cm: float) -> None:
    """Set the left and right padding of every cell of a table (Word's default 0,19 cm eats a narrow column)."""
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:w"), str(round(cm / 2.54 * 1440)))
        e.set(qn("w:type"), "dxa")
        mar.append(e)
    table._tbl.tblPr.append(mar)


def cell_text(cell, text: str, *, size=12, bold=False, italic=False, align=None):
    """Fill a cell's first paragraph."""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(1)
    if align is not None:
        p.alignment = align
    return p


def grid(doc, header: list[str], row: list[str], cms: list[float], loop: str, aligns: list, *,
         name_col: int | None = None, section: str | None = None):
    """A bordered table: a header row of labels, repeated on each page, and one row repeated for each item of `loop`,
    its columns aligned by `aligns` (numbers right); no row breaks across pages. With `section` (a condition on the
    item), the items it holds for are section rows: bold, and kept on the page of the row after them."""
    table = doc.add_table(rows=4 + (4 if section else 0), cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header):
        cell_text(cell, text, bold=True, align=CENTER)
    repeat_header(table.rows[0])
    rows = iter(table.rows[1:])
    cell_text(next(rows).cells[0], "{%tr for " + loop + " %}")
    if section:
        cell_text(next(rows).cells[0], "{%tr if " + section + " %}")
        section_row(next(rows), row, aligns, name_col)
        cell_text(next(rows).cells[0], "{%tr else %}")
    for i, (cell, text) in enumerate(zip(next(rows).cells, row)):
        if i == name_col:
            level_paragraphs(cell, text)
        else:
            cell_text(cell, text, align=aligns[i])
    if section:
        cell_text(next(rows).cells[0], "{%tr endif %}")
    cell_text(next(rows).cells[0], "{%tr endfor %}")
    widths(table, cms)
    cell_margins(table, 0.1)
    keep_rows_whole(table)
    return table


def section_row(row, texts: list[str], aligns: list, name_col: int | None) -> None:
    """A section row ('II  Bồi dưỡng'): its name bold, every paragraph of it kept with the next row, so that it never
    ends a page alone (Word keeps a row whose paragraphs keep with the next; LibreOffice reads the first cell's)."""
    for i, (cell, text) in enumerate(zip(row.cells, texts)):
        p = cell_text(cell, text, align=aligns[i])
        if i == name_col:
            p.runs[0].bold = True
        p.paragraph_format.keep_with_next = True


def level_paragraphs(cell, text: str) -> None:
    """The indicator name: indented italic for a breakdown part, plain otherwise (a section's is in its own row)."""
    first = cell.paragraphs[0]
    first.add_run("{%p if row.level == 2 %}").font.size = Pt(2)
    p = cell.add_paragraph()
    r = p.add_run(text)
    r.italic, r.font.size = True, Pt(12)
    p.paragraph_format.left_indent = Cm(0.6)
    cell.add_paragraph().add_run("{%p else %}").font.size = Pt(2)
    p = cell.add_paragraph()
    p.add_run(text).font.size = Pt(12)
    cell.add_paragraph().add_run("{%p endif %}").font.size = Pt(2)


def notes(doc, key: str) -> None:
    """The numbered notes of the rows above that lack something: '(1) Số liệu chưa đủ kỳ: …'."""
    tag(doc, "{%p if " + key + " %}")
    para(doc, "{{ notes_label }}", size=12, bold=True, italic=True, align=JUSTIFY, before=4, keep_next=True)
    tag(doc, "{%p for line in " + key + " %}")
    para(doc, "{{ line }}", size=12, italic=True, align=JUSTIFY, after=2)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def rule_paragraph(cell, party: bool, indent: float) -> None:
    """The rule under the motto: under 'Độc lập - Tự do - Hạnh phúc' itself (state), or on a paragraph of its own
    under 'ĐẢNG CỘNG SẢN VIỆT NAM' (Party: indenting the motto to shorten its rule would wrap the motto)."""
    if party:
        rule_under(para(cell, "", size=4, align=CENTER, left=indent, right=indent))
    else:
        rule_under(para(cell, "{{ motto_2 }}", size=14, bold=True, align=CENTER, left=indent, right=indent))


def heading_block(doc, party: bool) -> None:
    head = doc.add_table(rows=1, cols=2)
    no_borders(head)
    left, right = head.rows[0].cells
    left.paragraphs[0].add_run("{%p if parent_body %}").font.size = Pt(2)
    para(left, "{{ parent_body }}", size=13, align=CENTER)
    tag(left, "{%p endif %}")
    issuer = para(left, "{{ issuing_body }}", size=13, bold=True, align=CENTER)
    if party:
        para(left, "*", size=13, align=CENTER)
    else:
        issuer.paragraph_format.left_indent = issuer.paragraph_format.right_indent = Cm(0)
        rule = para(left, "", size=4, align=CENTER, left=2.2, right=2.2)
        rule_under(rule)
    para(left, "{{ number }}", size=13, align=CENTER, before=6)
    motto = para(right, "{{ motto }}", size=13, bold=True, align=CENTER)
    # The rule under the motto is as long as its words (Decree 30, Hướng dẫn 36): the paragraph's indents set its
    # length, one pair per language, as the words' length differs ('Independence - Freedom - Happiness' wrapped
    # inside the Vietnamese indents).
    tag(right, '{%p if lang == "en" %}')
    rule_paragraph(right, party, MOTTO_RULE_INDENT_CM["en"][party])
    tag(right, "{%p else %}")
    rule_paragraph(right, party, MOTTO_RULE_INDENT_CM["vi"][party])
    tag(right, "{%p endif %}")
    para(right, "{{ place_date }}", size=14, italic=True, align=CENTER, before=8)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)  # the cell's empty first paragraph
    widths(head, list(HEADING_CM))
    cell_margins(head, 0.05)
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(round(HEADING_INDENT_CM / 2.54 * 1440)))
    indent.set(qn("w:type"), "dxa")
    head._tbl.tblPr.append(indent)


def body(doc) -> None:
    para(doc, "{{ kind }}", bold=True, align=CENTER, before=18)
    para(doc, "{{ about }}", bold=True, align=CENTER)
    para(doc, "{{ about_period }}", bold=True, align=CENTER)
    rule_under(para(doc, "", size=4, align=CENTER, left=6.0, right=6.0, after=12))
    tag(doc, "{%p if window_text %}")
    para(doc, "{{ window_text }}", size=13, italic=True, align=CENTER, after=6)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if coverage_text and not coverage_complete %}")  # a period built from parts that lack some
    para(doc, "{{ coverage_text }}", size=13, bold=True, align=JUSTIFY, after=6, indent_first=1.0)
    tag(doc, "{%p endif %}")

    def h(text: str) -> None:
        para(doc, text, bold=True, align=JUSTIFY, before=6, after=6, indent_first=1.0, keep_next=True)

    def p(text: str) -> None:
        para(doc, text, align=JUSTIFY, after=6, indent_first=1.0)

    h("{{ h.results }}")
    tag(doc, "{%p for s in sections %}")
    para(doc, "{{ s.number }}. {{ s.name }}", bold=True, italic=True, align=JUSTIFY, after=6, indent_first=1.0,
         keep_next=True)
    p("{{ s.paragraph }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for c in charts %}")
    para(doc, "{{ c.image }}", align=CENTER, before=6, keep_next=True)
    para(doc, "{{ c.title }}", size=12, italic=True, align=CENTER, after=6)
    tag(doc, "{%p endfor %}")

    h("{{ h.table }}")
    L = "{{ labels.%s }}"
    # The estimate column (Ước thực hiện) when a unit sent one, as the HTML report shows it: the same document.
    tag(doc, "{%p if with_estimate %}")
    grid(doc, [L % k for k in ("no", "indicator", "uom", "plan", "actual", "estimate", "ratio", "status")],
         ["{{ row.no }}", "{{ row.name }}", "{{ row.uom }}", "{{ row.plan }}", "{{ row.actual }}", "{{ row.estimate }}",
          "{{ row.ratio }}", "{{ row.status_text }}"], [1.1, 4.0, 1.7, NUMBER_CM, NUMBER_CM, NUMBER_CM, 1.6, STATUS_CM],
         "row in table", [CENTER, LEFT, CENTER, RIGHT, RIGHT, RIGHT, RIGHT, CENTER], name_col=1, section="row.level == 0")
    tag(doc, "{%p else %}")
    grid(doc, [L % k for k in ("no", "indicator", "uom", "plan", "actual", "ratio", "status")],
         ["{{ row.no }}", "{{ row.name }}", "{{ row.uom }}", "{{ row.plan }}", "{{ row.actual }}", "{{ row.ratio }}",
          "{{ row.status_text }}"], [1.1, 5.6, 2.0, NUMBER_CM, NUMBER_CM, 1.7, STATUS_CM], "row in table",
         [CENTER, LEFT, CENTER, RIGHT, RIGHT, RIGHT, CENTER], name_col=1, section="row.level == 0")
    tag(doc, "{%p endif %}")
    notes(doc, "table_notes")

    tag(doc, "{%p if h.planning is defined %}")
    h("{{ h.planning }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if planning %}")
    grid(doc, [L % k for k in ("indicator", "seats", "candidates", "ratio", "band", "status")],
         ["{{ p.name }}", "{{ p.seats }}", "{{ p.candidates }}", "{{ p.ratio }}", "{{ p.band }}", "{{ p.status_text }}"],
         [6.3, 1.6, 2.2, 1.9, 2.8, 1.7], "p in planning", [LEFT, RIGHT, RIGHT, RIGHT, CENTER, CENTER])
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for line in planning_limits %}")  # the shares of women and young cadres against their floors
    p("{{ line }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if planning_breaches_text %}")
    p("{{ planning_breaches_text }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for line in planning_breaches %}")
    p("- {{ line }}")
    tag(doc, "{%p endfor %}")

    h("{{ h.units }}")
    tag(doc, "{%p if top_units %}")
    p("{{ top_units_text }}")
    grid(doc, [L % k for k in ("unit", "indicator", "plan", "actual", "ratio", "status")],
         ["{{ u.unit }}", "{{ u.name }}", "{{ u.plan }}", "{{ u.actual }}", "{{ u.ratio }}", "{{ u.status_text }}"],
         [3.2, 5.5, NUMBER_CM, NUMBER_CM, 1.7, STATUS_CM], "u in top_units", [LEFT, LEFT, RIGHT, RIGHT, RIGHT, CENTER])
    tag(doc, "{%p endif %}")
    notes(doc, "unit_notes")
    para(doc, "{{ sub.behind }}", bold=True, italic=True, align=JUSTIFY, before=6, after=6, indent_first=1.0, keep_next=True)
    tag(doc, "{%p for line in behind_text %}")
    p("- {{ line }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if behind_more %}")
    p("{{ behind_more }}")
    tag(doc, "{%p endif %}")

    h("{{ h.previous }}")
    p("{{ previous.text }}")
    tag(doc, "{%p if previous.rows %}")
    grid(doc, [L % k for k in ("indicator", "uom", "previous", "current", "change")],
         ["{{ row.name }}", "{{ row.uom }}", "{{ row.previous }}", "{{ row.current }}", "{{ row.change }}"],
         [7.4, 2.0, 2.3, 2.3, 2.5], "row in previous.rows", [LEFT, CENTER, RIGHT, RIGHT, RIGHT])
    tag(doc, "{%p endif %}")

    h("{{ h.issues }}")
    para(doc, "{{ sub.errors }}", bold=True, italic=True, align=JUSTIFY, after=6, indent_first=1.0, keep_next=True)
    tag(doc, "{%p for line in errors %}")
    p("- {{ line }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if warnings_text %}")
    p("{{ warnings_text }}")
    tag(doc, "{%p endif %}")
    para(doc, "{{ sub.lacks }}", bold=True, italic=True, align=JUSTIFY, after=6, indent_first=1.0, keep_next=True)
    tag(doc, "{%p for line in lacks %}")
    p("- {{ line }}")
    tag(doc, "{%p endfor %}")


def foot(doc) -> None:
    para(doc, "", size=6)
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    r = first.add_run("{{ recipients_label }}")
    r.bold, r.italic, r.font.size = True, True, Pt(12)
    tag(left, "{%p for r in recipients %}")
    para(left, "- {{ r }};", size=11)
    tag(left, "{%p endfor %}")
    para(left, "- {{ archive }}", size=11)
    right.paragraphs[0].add_run("{%p if signer_capacity %}").font.size = Pt(2)
    para(right, "{{ signer_capacity }}", size=14, bold=True, align=CENTER)
    tag(right, "{%p endif %}")
    para(right, "{{ signer_title }}", size=14, bold=True, align=CENTER)
    for _ in range(4):
        para(right, "", size=14)
    para(right, "{{ signer_name }}", size=14, bold=True, align=CENTER)
    widths(table, [8.0, 8.5])
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def appendix(doc) -> None:
    """The warnings the body does not tell, on pages of their own after the signature: 'PHỤ LỤC'."""
    tag(doc, "{%p if appendix %}")
    title = para(doc, "{{ appendix_title }}", bold=True, align=CENTER)
    title.paragraph_format.page_break_before = True
    para(doc, "{{ appendix_about }}", bold=True, align=CENTER, after=6)
    grid(doc, ["{{ labels.no }}", "{{ labels.unit }}", "{{ labels.message }}"],
         ["{{ a.no }}", "{{ a.unit }}", "{{ a.text }}"], [1.1, 3.9, 11.5], "a in appendix", [CENTER, LEFT, JUSTIFY])
    tag(doc, "{%p endif %}")


_TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
                "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"]


def schema_order(doc) -> None:
    """Put each table's properties in the order the schema sets (Word may refuse a file otherwise), the last of a kind kept."""
    for tblpr in doc.element.body.iter(qn("w:tblPr")):
        last = {}
        for child in list(tblpr):
            last[child.tag] = child
            tblpr.remove(child)
        rank = {qn(f"w:{name}"): i for i, name in enumerate(_TBLPR_ORDER)}
        for child in sorted(last.values(), key=lambda c: rank.get(c.tag, len(rank))):
            tblpr.append(child)


def build(party: bool, path: Path) -> Path:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    sec.header_distance = Mm(10)
    sec.different_first_page_header_footer = True  # no number on page 1
    number = sec.header.paragraphs[0]
    number.alignment = CENTER
    page_field(number)
    doc.paragraphs[0]._p.getparent().remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    heading_block(doc, party)
    body(doc)
    foot(doc)
    appendix(doc)
    schema_order(doc)
    # The report's own title in its language (docxtpl fills the properties' tags too); no generator's comment.
    doc.core_properties.title, doc.core_properties.author = "{{ doc_title }}", "hrplan"
    doc.core_properties.comments = ""
    doc.save(path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for party, name in ((False, "report_state.docx"), (True, "report_party.docx")):
        print(build(party, out / name))
