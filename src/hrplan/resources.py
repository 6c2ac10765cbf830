"""Where the bundled folders are: `templates/` and `sample_data/`, in a wheel or a source checkout."""
from __future__ import annotations

from pathlib import Path


def resource_dir(name: str) -> Path:
    """Give the bundled folder `name`: packaged beside the code, else the source tree's top level."""
    packaged = Path(__file__).parent / name
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / name
