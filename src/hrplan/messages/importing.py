"""Messages for the unbreakable import: locks, worker failures, limits, config files. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
