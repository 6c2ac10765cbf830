"""Messages for figures and what they lack (periods, groups, units of measure). code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
