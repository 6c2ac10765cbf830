"""Messages for progress and benchmarks at scale. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
