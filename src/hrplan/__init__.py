"""hrplan: monitor human-resource development programs (chương trình phát triển nguồn nhân lực).

The library never prints and never exits; `hrplan.cli` is the thin terminal layer over it.
"""
from __future__ import annotations

__version__ = "0.2.0"
