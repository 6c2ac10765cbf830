"""Who is told what the store did on its own (light: no SQLAlchemy, so the CLI listens from its start).

An SQLite store at an older schema is migrated in place when opened, after a copy of it is made beside it:
the store announces a 'store.migrated' Problem naming the copy. The CLI prints it on stderr; the library
itself never prints.
"""
from __future__ import annotations

from typing import Callable

from hrplan.problems import Problem

_listeners: list[Callable[[Problem], None]] = []


def tell_store_notices_to(listener: Callable[[Problem], None]) -> None:
    """Have `listener` given each notice the store announces (once, however often it is asked)."""
    if listener not in _listeners:
        _listeners.append(listener)


def announce(problem: Problem) -> None:
    """Give `problem` to every listener."""
    for listener in list(_listeners):
        listener(problem)
