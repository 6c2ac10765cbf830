""".xlsx details python-calamine does not give, gathered while the safety scan streams the parts.

Two things of a sheet matter beyond its values: the cells typed in a legacy Vietnamese font
(.VnTime, VNI-Times: their text is converted) and the formula cells without a stored result
(an app never calculated them). The safety scan already unpacks every part python-calamine
reads; `XlsxDetails` rides along on that one pass (`keep_part`, `sheet_watch`), so the file is
not unpacked again for them. The workbook's sheet list, the relationships and the styles are
kept as bytes (they are small) and read once the scan is done; each worksheet is watched chunk
by chunk for its `<c>` elements.

What cannot be told from the stream exactly as an XML parser would (a worksheet not in UTF-8,
a comment, CDATA or processing instruction among the cells, a cell reference or style not
written as Excel writes them, a cell element larger than `_MAX_PENDING`) is marked so, and
`grid` reads those sheets the old way, with ElementTree; so does a sheet the scan did not
follow (a part outside xl/worksheets/ the relationships name past the scan's first bytes).
tests/test_xlsx_details.py compares both readings on every corpus workbook and awkward ones.
Left as known differences: an attribute value holding '>' inside a <c> start tag, and XML
damaged inside a sheet (python-calamine refuses such a sheet before these details are read).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError, fromstring

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_LEGACY_FONT = re.compile(r"^(\.vn|vni[-\s])", re.I)

_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_STYLES = "xl/styles.xml"

_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix (<x:c>)
_CELL_START = re.compile(rb"<" + _P + rb"c[\s/>]")
_CELL = re.compile(rb"<" + _P + rb"c(\s[^>]*?)?(?:/>|>(.*?)</" + _P + rb"c\s*>)", re.S)
_REF = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([A-Za-z]{1,3})(\d{1,7})[\"']")
_STYLE = re.compile(rb"(?:^|\s)s\s*=\s*[\"'](\d{1,9})[\"']")
_HAS_STYLE = re.compile(rb"(?:^|\s)s\s*=")
_HAS_REF = re.compile(rb"(?:^|\s)r\s*=\s*[\"'][^\"']")  # a non-empty r="": a cell ElementTree takes
_FORMULA = re.compile(rb"<" + _P + rb"f(?:\s[^>]*?)?(?:/>|>(.*?)</" + _P + rb"f\s*>)", re.S)
_VALUE = re.compile(rb"<" + _P + rb"v(?:\s[^>]*?)?(?:/>|>(.*?)</" + _P + rb"v\s*>)", re.S)
_ODD_MARKUP = re.compile(rb"<!--|<!\[CDATA\[|<\?(?!xml[\s?])")  # comments, CDATA, processing instructions
_INLINE = re.compile(rb"<" + _P + rb"is[\s/>]")
# A row hidden in Excel (<row r="23" hidden="1">): its figures are read like any other, and a message about it says so.
_HIDDEN_ROW = re.compile(rb"<" + _P + rb"row\s[^>]*?\bhidden\s*=\s*[\"'](?:1|true)[\"'][^>]*>")
_ROW_NUMBER = re.compile(rb"(?:^|\s)r\s*=\s*[\"'](\d{1,7})[\"']")
_ROW_TAG_MAX = 1024  # a row start tag longer than this is not looked at across chunks
_MAX_PENDING = 4 * 1024 * 1024  # a cell element larger than this is not followed (the sheet is re-read)


@dataclass
class SheetDetails:
    """What one worksheet part holds beyond its values: legacy-font cells and formulas without a result."""

    fonts: dict[tuple[int, int], str] = field(default_factory=dict)
    formulas_without_value: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)  # zero-based
    complete: bool = True  # False: the stream could not be followed; read this sheet again


class _SheetWatch:
    """Follows one worksheet's unpacked chunks and records its cells' details (a cell may span chunks)."""

    def __init__(self, legacy_xfs: dict[int, str]):
        self.legacy_xfs = legacy_xfs
        self.details = SheetDetails()
        self.pending = b""
        self.started = False
        self.tail = b""  # the end of the last chunk, where a row start tag may begin

    def feed(self, chunk: bytes) -> None:
        details = self.details
        if not details.complete:
            return
        if not self.started:
            self.started = True
            if chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:64] or not _utf8_prolog(chunk):
                details.complete = False  # UTF-16 or another declared encoding: left to ElementTree
                return
        if b"hidden" in chunk or b"hidden" in self.tail[-8:] + chunk[:8]:
            for m in _HIDDEN_ROW.finditer(self.tail + chunk):  # a set: a tag seen in two chunks counts once
                number = _ROW_NUMBER.search(m.group(0), 4)
                if number is not None:
                    details.hidden_rows.add(int(number.group(1)) - 1)
        self.tail = chunk[-_ROW_TAG_MAX:]
        buf = self.pending + chunk if self.pending else chunk
        if b"<!" in buf or b"<?" in buf[1:]:  # a comment, CDATA or a processing instruction among the cells:
            if _ODD_MARKUP.search(buf):  # what a regular expression would misread; left to ElementTree
                details.complete = False
                self.pending = b""
                return
        pos = 0
        if self.legacy_xfs:  # every cell's style matters
            for m in _CELL.finditer(buf):
                pos = m.end()
                self._cell(m.group(1), m.group(2))
        elif b"<f" in buf or b":f" in buf:  # formulas may be here: only a cell holding one has a detail
            m = None
            for m in _CELL.finditer(buf):
                body = m.group(2)
                if body and (b"<f" in body or b":f" in body):
                    self._cell(m.group(1), body)
            pos = m.end() if m is not None else 0
        self.pending = buf[_unfinished(buf, pos):]
        if len(self.pending) > _MAX_PENDING:
            details.complete = False
            self.pending = b""

    def _cell(self, attrs: bytes | None, body: bytes | None) -> None:
        """Record one cell's details: `feed` passes every cell when legacy fonts are looked for, else only cells
        holding a formula."""
        if not attrs:
            return
        legacy = self.legacy_xfs
        ref = _REF.search(attrs)
        if ref is None:
            if _HAS_REF.search(attrs):  # a reference not as Excel writes it: the old reading decides
                self.details.complete = False
            return
        rc = (int(ref.group(2)) - 1, _column(ref.group(1)) - 1)
        if legacy:
            style = _STYLE.search(attrs)
            if style is None and _HAS_STYLE.search(attrs):  # s="" that is no number: the old reading decides
                self.details.complete = False
                return
            xf = int(style.group(1)) if style is not None else 0  # no s="": the default style, xf 0
            if xf in legacy:
                self.details.fonts[rc] = legacy[xf]
        if body:
            _formula(body, rc, self.details)

    def finish(self) -> None:
        self.pending = b""


def _unfinished(buf: bytes, pos: int) -> int:
    """Give where the part of `buf` after `pos` that may continue in the next chunk starts: the last cell
    start tag (its element may be incomplete), else an incomplete tag at the end, else the end."""
    at = len(buf)
    end = buf.rfind(b"<", pos)
    keep = end if end >= 0 and buf.find(b">", end) < 0 else len(buf)
    while at > pos:
        at = buf.rfind(b"<", pos, at)
        if at < 0:
            break
        if _CELL_START.match(buf, at):
            return at
    return keep


def _formula(body: bytes, rc: tuple[int, int], details: SheetDetails) -> None:
    formula = _FORMULA.search(body)
    if formula is None:
        return
    value = _VALUE.search(body)
    if (value is None or not value.group(1)) and _INLINE.search(body) is None:
        details.formulas_without_value[rc] = "=" + _xml_text(formula.group(1) or b"")


def _xml_text(raw: bytes) -> str:
    """Give an element's text as an XML parser would: line ends made '\\n', then entities resolved."""
    text = raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    return _ENTITY.sub(_entity, text) if "&" in text else text


_ENTITY = re.compile(r"&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _entity(m: re.Match) -> str:
    name = m.group(1)
    if name[0] != "#":
        return _NAMED[name]
    return chr(int(name[2:], 16) if name[1] == "x" else int(name[1:]))


def _utf8_prolog(head: bytes) -> bool:
    """Tell whether a part's XML declaration, if any, leaves it in UTF-8 (the only encoding followed here)."""
    head = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if not head.startswith(b"<?xml"):
        return True
    end = head.find(b"?>")
    declared = _ENCODING.search(head[:end if end >= 0 else 256])
    return declared is None or declared.group(1).lower().replace(b"-", b"") == b"utf8"


_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


@functools.lru_cache(maxsize=4096)
def _column(letters: bytes) -> int:
    col = 0
    for ch in letters.upper():
        col = col * 26 + (ch - 64)
    return col


class XlsxDetails:
    """Collects, during the safety scan of an .xlsx, what `grid` needs beyond calamine's values."""

    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}  # the workbook, its relationships and styles, by name
        self.sheets: dict[str, SheetDetails] = {}  # by worksheet part name as in the zip
        self._legacy_xfs: dict[int, str] | None = None
        self._styles_read = False

    # -- hooks the scan calls ----------------------------------------------------------------
    def keep_part(self, name: str) -> bool:
        """Tell whether the scan should hand over this part's bytes (small parts read after the scan)."""
        return name in (_WORKBOOK, _WORKBOOK_RELS, _STYLES)  # the exact names the old reading opens

    def part_bytes(self, name: str, data: bytes) -> None:
        self.parts[name] = data

    def sheet_watch(self, name: str) -> _SheetWatch:
        """Give the watcher of a worksheet's chunks (the styles were kept before any sheet is scanned)."""
        watch = _SheetWatch(self.legacy_xfs() or {})
        self.sheets[name] = watch.details
        return watch

    # -- what grid asks --------------------------------------------------------------------------
    def legacy_xfs(self) -> dict[int, str] | None:
        """Give the style (xf) indexes whose font is a legacy Vietnamese font, with the font's name; None when
        the styles cannot be read (the workbook then has no details, as with the old reading)."""
        if not self._styles_read:
            self._legacy_xfs, self._styles_read = legacy_font_styles(self.parts.get(_STYLES)), True
        return self._legacy_xfs

    def sheet_parts(self) -> dict[str, str]:
        """Give each sheet's name with its worksheet part, as the workbook and its relationships say."""
        return sheet_parts(self.parts.get(_WORKBOOK_RELS, b""), self.parts.get(_WORKBOOK, b""))


@functools.lru_cache(maxsize=64)  # workbooks made from one template share their styles: read them once
def legacy_font_styles(styles: bytes | None) -> dict[int, str] | None:
    """Give the style (xf) indexes whose font is a legacy Vietnamese font, with the font's name ({} without a
    styles part); None when the styles cannot be read (a damaged part, a fontId that is no number): then, as
    ever, the workbook's details are left out altogether."""
    if styles is None:
        return {}
    try:
        root = fromstring(styles)
    except ParseError:
        return None
    fonts: list[str] = []
    fonts_el = root.find(_NS + "fonts")
    for font in fonts_el.iter(_NS + "font") if fonts_el is not None else ():
        name_el = font.find(_NS + "name")
        fonts.append(name_el.get("val", "") if name_el is not None else "")
    xfs: dict[int, str] = {}
    cell_xfs = root.find(_NS + "cellXfs")
    for index, xf in enumerate(cell_xfs.iter(_NS + "xf") if cell_xfs is not None else ()):
        try:
            font_id = int(xf.get("fontId", 0))
        except ValueError:
            return None
        if font_id < len(fonts) and _LEGACY_FONT.match(fonts[font_id]):
            xfs[index] = fonts[font_id]
    return xfs


def sheet_parts(rels: bytes, workbook: bytes) -> dict[str, str]:
    """Give each sheet's name with its worksheet part name ('xl/worksheets/sheet1.xml')."""
    try:
        targets = {}
        for el in fromstring(rels).iter() if rels else ():
            if el.tag.endswith("Relationship"):
                target = el.get("Target", "")
                targets[el.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
        names = {}
        for el in fromstring(workbook).iter(_NS + "sheet") if workbook else ():
            names[el.get("name")] = targets.get(el.get(_REL_NS + "id"), "")
        return names
    except ParseError:
        return {}
