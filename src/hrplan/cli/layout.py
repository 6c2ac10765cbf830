"""Tables that read at the terminal's width: a number, a date, a code or a file name is never split.

rich shrinks a table that is too wide by cutting its widest columns, even through a word ('NA-LC/2011-201' over
'6', '08/1' over '2/26'). A `FitTable` works out its columns' widths itself: each at least its longest word
(words are split at spaces and line breaks only; a no-break space, U+00A0, holds two words together, as in
'75 → 80'), the room left shared out by what each column would take to be on one line. A table that cannot fit
so at the terminal's width first drops the columns that said they can give way (their content is said elsewhere,
as a finding's cell is in its message) and says once above it a column whose every row holds the same value (when
the column says it may), then prints each row as a short list of 'Header: value' lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text

NBSP = "\u00a0"
_WORD = re.compile(r"[^ \t\n]+")


@dataclass
class Col:
    """A column: its header, how it is justified, and how it gives way at a narrow terminal."""

    header: str
    justify: str = "left"
    give_way: int | None = None  # dropped at a narrow terminal, lowest first; None: always shown
    whole: bool = False  # each line of a cell stays on one line ('Cảnh báo', 'gần 120%')
    hide_empty: bool = False  # not shown when no row has anything in it
    # when the table is too wide and every row holds the same value, said once above it ('Program: 08-CTr/TU')
    hoist: bool = False


def _text(cell: Any) -> Text:
    from rich.text import Text

    from hrplan.cli.output import strip_control

    if isinstance(cell, Text):
        return cell
    return Text(strip_control("" if cell is None else str(cell)))


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def longest_word(text: str) -> int:
    """Give the width of the longest word of `text` (words split at spaces and line breaks only)."""
    return max((_cells(w) for w in _WORD.findall(text)), default=0)


def longest_line(text: str) -> int:
    return max((_cells(line) for line in text.split("\n")), default=0)


def _line_spans(plain: str, width: int) -> list[tuple[int, int]]:
    """Give the (start, end) of each line of `plain` wrapped at `width`, broken at spaces only; a word longer than
    the width (only in the list layout of a very narrow terminal) is cut where it must be."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in plain.split("\n"):
        start = end = None
        for m in _WORD.finditer(paragraph):
            a, b = m.start() + offset, m.end() + offset
            if start is not None and _cells(plain[start:b]) <= width:
                end = b
                continue
            if start is not None:
                spans.append((start, end))
            while _cells(plain[a:b]) > width:  # a word wider than the line: cut (never happens in a fitted table)
                cut = a + 1
                while cut < b and _cells(plain[a:cut + 1]) <= width:
                    cut += 1
                spans.append((a, cut))
                a = cut
            start, end = a, b
        spans.append((start, end) if start is not None else (offset, offset))
        offset += len(paragraph) + 1
    return spans


def wrap(text: Text, width: int) -> Text:
    """Give `text` broken into lines of at most `width` cells at its spaces (styles kept; no-break spaces shown as
    spaces), so that rich has nothing left to wrap."""
    from rich.text import Text

    lines = [text[a:b] for a, b in _line_spans(text.plain, max(width, 1))]
    out = Text("\n").join(lines)
    out.style = text.style
    if NBSP in out.plain:
        out.plain = out.plain.replace(NBSP, " ")  # same length: the styles' spans still fit
    return out


class FitTable:
    """A table that fits the console's width without splitting a word (see the module's docstring)."""

    def __init__(self, title: str | None, columns: Iterable[Col | str], title_justify: str = "center") -> None:
        self.title = title
        self.title_justify = title_justify
        self.columns = [c if isinstance(c, Col) else Col(c) for c in columns]
        self.rows: list[tuple[list[Text], bool, bool]] = []  # (cells, a heading row, a section ends after it)

    def add_row(self, *cells: Any, heading: bool = False) -> None:
        """Add a row (strings are shown as they are, never as markup; pass rich Text for styles). A heading row
        (a unit above its findings) is shown as one line in the list layout."""
        self.rows.append(([_text(c) for c in cells], heading, False))

    def add_section(self) -> None:
        if self.rows:
            cells, heading, _ = self.rows[-1]
            self.rows[-1] = (cells, heading, True)

    # -- layout --

    def _shown(self) -> list[int]:
        return [i for i, c in enumerate(self.columns)
                if not (c.hide_empty and not any(cells[i].plain.strip() for cells, _, _ in self.rows))]

    def _bounds(self, i: int) -> tuple[int, int]:
        col = self.columns[i]
        texts = [self.rows[r][0][i].plain for r in range(len(self.rows))]
        low = max([longest_word(col.header), *(longest_line(t) if col.whole else longest_word(t) for t in texts)])
        high = max([longest_line(col.header), *(longest_line(t) for t in texts)])
        return low, max(low, high)

    def _uniform(self, i: int) -> str | None:
        values = {cells[i].plain for cells, heading, _ in self.rows if not heading}
        return next(iter(values)) if len(values) == 1 and next(iter(values)).strip() else None

    def layout(self, width: int) -> tuple[dict[int, int], list[int]] | None:
        """Give each shown column's width at `width` cells and the columns said above the table, or None when no
        table with its words whole fits."""
        shown = self._shown()
        hoisted: list[int] = []
        steps = [("hoist", i) for i in shown if self.columns[i].hoist and self._uniform(i) is not None]
        steps += [("drop", i) for i in sorted((i for i in shown if self.columns[i].give_way is not None),
                                              key=lambda i: self.columns[i].give_way)]
        while True:
            bounds = {i: self._bounds(i) for i in shown}
            room = width - (3 * len(shown) + 1)  # a space either side of each column, a border between and around
            if sum(lo for lo, _ in bounds.values()) <= room:
                return _share(bounds, room), hoisted
            if not steps or len(shown) == 1:
                return None
            how, i = steps.pop(0)
            shown.remove(i)
            if how == "hoist":
                hoisted.append(i)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        fitted = self.layout(width)
        if fitted is None:
            yield from self._as_list(width)
            return
        from rich.table import Table
        from rich.text import Text

        widths, hoisted = fitted
        if hoisted:
            said = "; ".join(f"{self.columns[i].header}: {self._uniform(i)}" for i in hoisted)
            yield wrap(Text(said), width)

        t = Table(title=None if self.title is None else Text(self.title), title_justify=self.title_justify, header_style="bold", show_lines=False)
        for i, w in widths.items():
            t.add_column(self.columns[i].header, justify=self.columns[i].justify, width=w, overflow="fold")
        for cells, _, end in self.rows:
            t.add_row(*(wrap(cells[i], w) for i, w in widths.items()), end_section=end)
        yield t

    def _as_list(self, width: int) -> RenderResult:
        """Each row as lines of 'Header: value' (values wrapped under themselves), led by its first column ('15.'
        for a '#' column); a heading row as one bold line; a blank line between sections."""
        from rich.text import Text

        if self.title:
            yield Text(self.title, style="bold")
        shown = self._shown()
        for n, (cells, heading, end) in enumerate(self.rows):
            if heading:
                line = Text(" ").join(c for c in cells if c.plain.strip())
                line.stylize("bold")
                yield line
                continue
            lead_in = ""  # '15. ' before the first field when the first column numbers the rows
            fields = [i for i in shown if cells[i].plain.strip()]
            if fields and self.columns[fields[0]].header == "#":
                lead_in = f"{cells[fields.pop(0)].plain}. "
            for k, i in enumerate(fields):
                indent = 0 if k == 0 and not lead_in else (_cells(lead_in) or 2)
                label = f"{self.columns[i].header}: "
                first = Text(lead_in) if k == 0 and lead_in else Text(" " * indent)
                lead = indent + _cells(label)
                room_below = width - indent - 2
                if width - lead < min(max(16, longest_word(cells[i].plain)), room_below):
                    # too little room beside the label for the value's longest word: the value goes under it
                    yield first.append(label.rstrip())
                    first, label, lead = Text(" " * (indent + 2)), "", indent + 2
                lines = wrap(cells[i], width - lead).split("\n")
                yield first.append(label).append_text(lines[0])
                for line in lines[1:]:
                    yield Text(" " * lead).append_text(line)
            if not fields and lead_in:
                yield Text(lead_in.rstrip())
            if end and n + 1 < len(self.rows):
                yield Text("")


def _share(bounds: dict[int, tuple[int, int]], room: int) -> dict[int, int]:
    """Give each column its least width, then the room left: first, whole, to the columns that want least to be on
    one line (a date with its hour, a short state), then shared among the others by what each still wants."""
    widths = {i: lo for i, (lo, _) in bounds.items()}
    left = room - sum(widths.values())
    waiting = sorted(bounds, key=lambda i: bounds[i][1] - bounds[i][0])
    while waiting:
        want = {i: bounds[i][1] - widths[i] for i in waiting}
        if want[waiting[0]] <= left:
            i = waiting.pop(0)
            widths[i] += want[i]
            left -= want[i]
            continue
        total = sum(want.values())
        if total <= left:
            for i in waiting:
                widths[i] += want[i]
            break
        shares = {i: left * want[i] / total for i in waiting}
        for i in waiting:
            widths[i] += int(shares[i])
        rest = left - sum(int(x) for x in shares.values())
        for i in sorted(waiting, key=lambda i: shares[i] - int(shares[i]), reverse=True)[:rest]:
            widths[i] += 1
        break
    return widths
