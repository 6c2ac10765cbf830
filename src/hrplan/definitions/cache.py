"""Parsed definitions remembered by their bytes: a national units.yaml (3,335 units) is not parsed again
by every command while it does not change.

`DefinitionCache(workspace_root)` keeps one JSON file per kind of definition in the workspace
(`.hrplan-definitions/units.json`): the key it was made for, and the data a load accepted. The key is
the SHA-256 of the source file's exact bytes together with hrplan's version, the source of the modules
that parse and validate it, and Python's, PyYAML's and pydantic's versions: an edited file, another
hrplan or another parser is a miss, never a stale hit. Only what a load accepted is kept, so a hit
spares the parse and nothing else: the models and the tree are made again from the data.

A write goes to a temporary file in the same folder, then `os.replace`: a command killed mid-write, or
two commands writing at once, leave the old entry or one whole new one, never a torn file. Any failure
to read or write is a miss: it is only a cache, and deleting the folder is always safe.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

CACHE_DIR = ".hrplan-definitions"
_FORMAT = 1  # bump when an entry's shape changes


class DefinitionCache:
    """Definitions parsed before, in a workspace, each under the key of the bytes it was parsed from."""

    def __init__(self, root: Path):
        self.folder = root / CACHE_DIR

    def get(self, kind: str, key: str) -> Any | None:
        """Give the data kept for `kind` under `key`, or None (nothing kept, another key, an unreadable file)."""
        try:
            entry = json.loads((self.folder / f"{kind}.json").read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        return entry.get("data")

    def put(self, kind: str, key: str, data: Any, source: Path) -> None:
        """Keep `data` for `kind` under `key`, replacing what was kept, atomically; silent when it cannot.

        The entry is readable by whoever may read `source`, the file it was parsed from."""
        import tempfile

        tmp = None
        try:
            self.folder.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=self.folder)
            os.fchmod(fd, source.stat().st_mode & 0o666)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"key": key, "data": data}, out, ensure_ascii=False)
            os.replace(tmp, self.folder / f"{kind}.json")
            tmp = None
        except OSError:
            pass
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass


def definition_key(kind: str, data: bytes) -> str:
    """Give the key of a definition file's bytes: their SHA-256 with the code that parses them."""
    digest = hashlib.sha256(_code_key().encode())
    digest.update(kind.encode() + b"\0" + data)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_key() -> str:
    import pydantic
    import yaml

    import hrplan
    from hrplan.definitions import units, yaml_source

    digest = hashlib.sha256(f"{_FORMAT} {hrplan.__version__} {sys.version} {yaml.__version__} {pydantic.VERSION}".encode())
    for module in (units, yaml_source, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()
