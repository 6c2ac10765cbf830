"""Messages for reports: Word, HTML, the consolidated workbook, charts. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
