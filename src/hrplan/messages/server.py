"""Messages for the store on a server: store URLs, migrations, copying. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
