"""Messages for the rule catalogue and the feedback workbook. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
