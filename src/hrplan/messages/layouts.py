"""Messages for reading real office layouts: skipped rows, totals, columns by period, blocks, declared layouts. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
