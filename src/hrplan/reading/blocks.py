"""Blocks of value columns: one per unit in a district's table ("Xã Hồng Việt | Xã Bình Long | ...").

A district office sums its communes in one sheet: a caption per commune merged over its own
"TH 2021 | KH 2022 | TH 2022" columns. Each block is one submission of that unit, with its own
cells; the shared columns (STT, Chỉ tiêu, ĐVT, Ghi chú) serve every block. A block captioned
with the district's own total ("Toàn huyện", "Tổng số") is context: the communes are the figures.
"""
from __future__ import annotations

import re
from dataclasses import replace

from hrplan.names import fold
from hrplan.reading.columns import HeaderColumn
from hrplan.reading.layout import TableLayout

_TOTAL_BLOCK = re.compile(r"^(toan (huyen|tinh|thanh pho|thi xa|xa)|tong so|tong cong|tong|cong|total|ca huyen)\b")


def blocks_of(header: list[HeaderColumn]) -> dict[str, list[HeaderColumn]]:
    """Give the blocks of value columns by their caption, in sheet order; empty when there are fewer than two."""
    blocks: dict[str, list[HeaderColumn]] = {}
    for column in header:
        if column.block:
            blocks.setdefault(column.block, []).append(column)
    return blocks if len(blocks) > 1 else {}


def is_total_block(caption: str) -> bool:
    """Tell whether a block adds up the others ('Toàn huyện', 'Tổng số') rather than reporting for a unit."""
    return bool(_TOTAL_BLOCK.match(fold(caption)))


def block_layout(layout: TableLayout, columns: list[HeaderColumn]) -> TableLayout:
    """Give the table as one block sees it: the shared columns and its own value columns."""
    shared = [c for c in layout.header if not c.block]
    header = sorted(shared + columns, key=lambda c: c.col)
    first: dict[str, int] = {}
    for column in header:
        first.setdefault(column.role, column.col)
    return replace(layout, header=header, columns=first)
