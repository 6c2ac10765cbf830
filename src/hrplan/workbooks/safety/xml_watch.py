"""Watch XML streams: DOCTYPE/ENTITY in prologs, worksheet extents, the workbook's sheet list."""
from __future__ import annotations

import functools
import re

from hrplan.workbooks.safety.limits import DIMENSION_WINDOW, PROLOG_WINDOW, ReadLimits
from hrplan.workbooks.safety.refusal import Refusal, unreadable

# -- XML prologs -------------------------------------------------------------------------------

_ROOT_START = re.compile(rb"<[A-Za-z_]")  # the first start tag (not <? or <!) is the root


class PrologWatch:
    """Looks at the start of an XML part for a DOCTYPE or ENTITY before the root element.

    A DTD can only come before the root element, so only the prolog is read (up to
    PROLOG_WINDOW bytes). UTF-16 parts are decoded first so a declaration cannot hide there.
    """

    def __init__(self, part: str):
        self.part = part
        self.head = b""
        self.done = False

    def feed(self, chunk: bytes) -> None:
        self.head += chunk[: PROLOG_WINDOW + 1 - len(self.head)]
        text = self._text()
        root = _ROOT_START.search(text)
        prolog = text[: root.start()] if root else text
        lowered = prolog.lower()
        for marker in (b"<!doctype", b"<!entity"):
            if marker in lowered:
                raise Refusal("file.xml_entities", part=self.part, found=marker.decode().upper())
        if root:
            self.done = True
        elif len(self.head) > PROLOG_WINDOW:
            raise unreadable(
                f"a damaged workbook (part '{self.part}' has no XML element in its first {PROLOG_WINDOW // 1024} KB)",
                f"bảng tính bị hỏng (phần '{self.part}' không có phần tử XML nào trong {PROLOG_WINDOW // 1024} KB đầu)",
            )

    def finish(self) -> None:
        self.done = True  # a part with no element at all is left for the reader to report

    def _text(self) -> bytes:
        head = self.head
        if head.startswith(b"\xff\xfe") or (len(head) > 1 and head[0] != 0 and head[1] == 0):
            return head.decode("utf-16-le", "ignore").encode("utf-8")
        if head.startswith(b"\xfe\xff") or (len(head) > 1 and head[0] == 0 and head[1] != 0):
            return head.decode("utf-16-be", "ignore").encode("utf-8")
        return head


# -- worksheet extents -------------------------------------------------------------------------

_DIMENSION_RE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\sref\s*=\s*[\"']([^\"']*)[\"']"
)
_REF_RE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$")


def col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n


def col_letters(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@functools.lru_cache(maxsize=4096)
def _col_number_bytes(letters: bytes) -> int:
    return col_number(letters.decode("ascii"))


_CELL_REF_RE = re.compile(rb'<c\s+r="([A-Z]{1,3})(\d{1,7})"')


class SheetWatch:
    """Watches one worksheet's XML stream for rows/columns beyond the limits.

    First the `<dimension ref="A1:XFD1048576"/>` near the start (within DIMENSION_WINDOW);
    then, because a dimension may lie or be missing, every `r="..."` reference of a row or
    cell that is long enough to possibly pass the limits (so ordinary references, the vast
    majority, do not even produce a match), and the count of `<row` elements for rows
    written without a reference.
    """

    def __init__(self, part: str, limits: ReadLimits):
        self.part = part
        self.limits = limits
        self.head = b""
        self.dimension_done = False
        self.tail = b""
        self.row_elements = 0
        min_digits = len(str(limits.max_rows))
        min_letters = len(col_letters(limits.max_columns))
        alternatives = [rb"[A-Za-z]{0,3}\d{%d,}" % min_digits]
        if min_letters <= 3:
            alternatives.append(rb"[A-Za-z]{%d,3}\d+" % min_letters)
        # starts with a literal so the regex engine can skip ahead fast; the whitespace before
        # the attribute name is checked on the (rare) matches
        self.ref_re = re.compile(rb"r\s*=\s*[\"'](%s)[\"']" % b"|".join(alternatives))
        self.max_row = self.max_col = 0  # the extent of the cells written, for the max_cells check

    def feed(self, chunk: bytes) -> None:
        if not self.dimension_done:
            self.head += chunk[: DIMENSION_WINDOW - len(self.head)]
            match = _DIMENSION_RE.search(self.head)
            if match:
                self.dimension_done = True
                self._check_ref(match.group(1).decode("ascii", "replace"))
            elif len(self.head) >= DIMENSION_WINDOW:
                self.dimension_done = True
                self.head = b""
        buf = self.tail + chunk
        # a '<row' split across chunks is counted once: the tail is 3 bytes shorter than it
        self.row_elements += (self.tail[-3:] + chunk).count(b"<row")
        if self.row_elements > self.limits.max_rows:
            self._refuse(f"A{self.row_elements}", self.row_elements, 1)
        for match in self.ref_re.finditer(buf):
            if match.start() and buf[match.start() - 1] not in b" \t\r\n":
                continue  # another attribute ending in 'r', not r="..."
            self._check_ref(match.group(1).decode("ascii", "replace"))
        refs = _CELL_REF_RE.findall(chunk)
        if refs:  # the distinct columns and rows of the chunk: a few, whatever its number of cells
            self.max_col = max(self.max_col, max(_col_number_bytes(c) for c in {c for c, _ in refs}))
            self.max_row = max(self.max_row, max(map(int, {r for _, r in refs})))
        if self.max_row * self.max_col > self.limits.max_cells:
            raise Refusal("file.too_many_cells", part=self.part, ref=f"{col_letters(self.max_col)}{self.max_row}",
                           cells=self.max_row * self.max_col, max_cells=self.limits.max_cells)
        self.tail = buf[-64:]

    def finish(self) -> None:
        self.head = b""
        self.tail = b""

    def _check_ref(self, ref: str) -> None:
        match = _REF_RE.match(ref.strip())
        if not match:
            if ref.strip().isdigit():  # a row's r="123"
                rows = int(ref)
                if rows > self.limits.max_rows:
                    self._refuse(f"A{rows}", rows, 1)
            return  # an unreadable dimension is left to the reader
        first_col, first_row, last_col, last_row = match.groups()
        col = col_number(last_col or first_col)
        row = int(last_row or first_row)
        if row > self.limits.max_rows or col > self.limits.max_columns:
            self._refuse(f"{col_letters(col)}{row}", row, col)

    def _refuse(self, ref: str, rows: int, columns: int) -> None:
        raise Refusal(
            "file.too_many_rows",
            part=self.part,
            ref=ref,
            rows=rows,
            columns=columns,
            max_rows=self.limits.max_rows,
            max_columns=self.limits.max_columns,
        )


# -- the workbook's sheet list -----------------------------------------------------------------

_RELATIONSHIP_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?Relationship\b[^>]*>")
_ATTR_RE = re.compile(rb"\b(Type|Target|TargetMode)\s*=\s*[\"']([^\"']*)[\"']")


def worksheet_targets(rels: bytes) -> list[str]:
    """Give the zip names of the worksheets the workbook's relationships point to."""
    targets = []
    for element in _RELATIONSHIP_RE.findall(rels):
        attrs = {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR_RE.findall(element)}
        if not attrs.get("Type", "").endswith("/worksheet") or attrs.get("TargetMode") == "External":
            continue
        target = attrs.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else join_part("xl", target)
        if name:
            targets.append(name)
    return targets


def join_part(base: str, target: str) -> str:
    parts = base.split("/")
    for piece in target.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if parts:
                parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts)
