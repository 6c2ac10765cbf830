"""Pausing Python's cycle collector while a large table of plain objects is built.

A national quarter's figures, findings and report rows are hundreds of thousands of dataclasses, dicts,
lists and tuples, none of them in a reference cycle: each is freed by its reference count the moment it is
no longer used. The cycle collector still walks every live one on each of its passes (generation 2 is
walked again each time the live objects grow by a quarter), finds nothing, and costs about a tenth of a
national check. `paused_gc` turns it off for the block and back on after it (only if it was on): nothing is
lost, since garbage in a cycle made meanwhile is still collected by the collector's next pass.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector for the block (blocks may nest: only the outermost turns it back on)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
