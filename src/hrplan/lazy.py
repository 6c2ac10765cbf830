"""Exports loaded on first use (PEP 562): a wing's package names its entry points without importing them.

`hrplan --help`, `hrplan status` and a check must not pay for libraries they never call (SQLAlchemy and
Alembic, the workbook readers, matplotlib). A package lists where each export lives and sets

    __getattr__ = lazy_exports(__name__, {"Store": "hrplan.store.database", ...})

`from hrplan.store import Store` then imports `hrplan.store.database` the first time it is asked for; the
value is kept on the package, so later lookups are plain attribute reads. Type checkers and readers see the
same names in an `if TYPE_CHECKING:` block beside the table.
"""
from __future__ import annotations

import importlib
import sys
from typing import Any, Callable


def lazy_exports(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """Give a module `__getattr__` for `package` that imports each name of `homes` from its module on first use."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
