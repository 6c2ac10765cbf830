"""An internal error's details, kept in a file of its own for the developers: what `exit 70` names.

The file is `logs/internal-error-<time>-<pid>-<n>.log` in the workspace (outside one: a new file in the
temporary folder), created exclusively (O_EXCL, no symlink followed), so concurrent errors never
overwrite each other and a planted link cannot redirect the write. The command line writes one when a
command hits a bug; the nightly job writes one for each file that hit a bug (the file stays in the inbox).
"""
from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path


def write_error_log(details: str, workspace_root: Path | None) -> Path | str:
    """Write `details` to a new log file and give its path ('-' if none could be written: never raises)."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    data = details.encode("utf-8", "replace")
    folder = _logs_folder(workspace_root)
    if folder is not None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        for n in range(100):
            path = folder / f"internal-error-{stamp}-{os.getpid()}-{n}.log"
            try:
                fd = os.open(str(path), flags, 0o600)
            except FileExistsError:
                continue
            except OSError:
                break
            if _write_all(fd, path, data):
                return path
            break  # a full disk: the temporary folder may have room
    try:
        fd, name = tempfile.mkstemp(prefix=f"hrplan-error-{stamp}-", suffix=".log")
    except OSError:
        return "-"
    return Path(name) if _write_all(fd, Path(name), data) else "-"


def _write_all(fd: int, path: Path, data: bytes) -> bool:
    """Write `data` to the new file open at `fd`; on failure (a full disk) remove the part written and give False."""
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return True
    except OSError:
        try:
            path.unlink()
        except OSError:
            pass
        return False


def _logs_folder(root: Path | None) -> Path | None:
    """Give the workspace's logs/ folder (made if absent), or None outside a workspace or when it is no folder."""
    if root is None:
        return None
    logs = Path(root) / "logs"
    try:
        if logs.is_symlink():
            return None
        logs.mkdir(exist_ok=True)
        return logs if logs.is_dir() and not logs.is_symlink() else None
    except OSError:
        return None
