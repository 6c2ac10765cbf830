"""Messages for the nightly job: inbox, done and rejected folders, its log. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
