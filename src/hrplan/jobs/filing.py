"""Filing a file away from the inbox: into done/<period>/ or rejected/, never over an earlier file.

A move is a hard link to a free name (the link fails rather than replace an existing file),
then the removal of the inbox entry. A run killed between the two leaves the same file in both
places; the next run sees that the file is already there (the same inode, or the same bytes
under the same name) and only removes the inbox entry, so nothing is filed twice. Where links
are not possible (another disk, a share that refuses them) the file is copied to a temporary
name, synced, and renamed into place.
"""
from __future__ import annotations

import errno
import filecmp
import os
import shutil
from pathlib import Path

from hrplan.jobs.inbox import OWN_TEMPORARY
from hrplan.messages import render
from hrplan.problems import Problem

REASON_SUFFIX = ".reason.txt"


def destination(folder: Path, source: Path) -> tuple[Path, bool]:
    """Give where `source` goes in `folder` ('name.xlsx', 'name (2).xlsx' ...) and whether it is already there.

    A name too long to leave room for what is written beside it (' (2)', '.reason.txt', our temporary's suffix) is
    shortened, with a few characters of its hash kept so that two long names stay apart: a file system takes
    255 bytes, and a Vietnamese letter is two or three of them."""
    name = fitted_name(source.name)
    stem, suffix = _split(name)
    for n in range(1, 10_000):
        candidate = folder / (name if n == 1 else f"{stem} ({n}){suffix}")
        if not os.path.lexists(candidate):
            return candidate, False
        if _same_file(source, candidate):
            return candidate, True
    raise OSError(errno.EEXIST, f"no free name for {source.name} in {folder}")


NAME_MAX = 255  # bytes of one name on the usual file systems (ext4, NTFS through a share, APFS)
ROOM = len(" (9999)") + len(".") + len(REASON_SUFFIX) + len(OWN_TEMPORARY)  # what destination() may add to a name


def fitted_name(name: str) -> str:
    """Give `name`, or when it leaves less than ROOM bytes of NAME_MAX, its start, '~' and 8 characters of its hash."""
    if len(name.encode("utf-8")) + ROOM <= NAME_MAX:
        return name
    import hashlib

    stem, suffix = _split(name)
    mark = "~" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    budget = NAME_MAX - ROOM - len(mark.encode()) - len(suffix.encode("utf-8"))
    short = stem.encode("utf-8")[:max(budget, 1)].decode("utf-8", errors="ignore").rstrip()
    return f"{short}{mark}{suffix}"


def place(source: Path, dest: Path, already_there: bool) -> None:
    """Move `source` to `dest` (a free name from `destination`) without ever replacing a file."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not already_there:
        try:
            os.link(source, dest)
        except OSError as exc:
            if exc.errno == errno.EEXIST:
                raise
            _copy_into_place(source, dest)
        _sync_dir(dest.parent)
    source.unlink()
    _sync_dir(source.parent)


def write_reason(dest: Path, problems: list[Problem], original_name: str) -> Path:
    """Write the reason file beside a rejected file (Vietnamese, then English) and give its path."""
    path = dest.with_name(dest.name + REASON_SUFFIX)
    _write_whole(path, reason_text(problems, original_name))
    return path


def reason_text(problems: list[Problem], original_name: str) -> str:
    """Give the text of a reason file: what is wrong, where (file, sheet, cell) and what to do, vi and en."""
    lines = [render("consolidate.reason_title", "vi", file=original_name),
             render("consolidate.reason_title", "en", file=original_name), ""]
    errors = [p for p in problems if p.is_error] or problems
    about_cells = any(p.location.cell or p.location.sheet for p in errors)
    todo = "consolidate.reason_todo" if about_cells else "consolidate.reason_todo_file"
    for lang, heading in (("vi", "Tiếng Việt"), ("en", "English")):
        lines.append(f"[{heading}]")
        for i, p in enumerate(errors, 1):
            where = p.location.describe() or original_name
            lines.append(f"{i}. {render('consolidate.reason_where', lang, where=where, rule=p.code)}")
            lines.append(f"   {p.message(lang)}")
        lines.append(render(todo, lang))
        lines.append("")
    return "\n".join(lines)


def clean_own_temporaries(folder: Path) -> None:
    """Remove half-written files of ours that a killed run left in `folder`."""
    if folder.is_dir():
        for leftover in folder.glob(f".*{OWN_TEMPORARY}"):
            leftover.unlink(missing_ok=True)


def _write_whole(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}{OWN_TEMPORARY}")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def _copy_into_place(source: Path, dest: Path) -> None:
    tmp = dest.with_name(f".{dest.name}{OWN_TEMPORARY}")
    shutil.copy2(source, tmp)
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    if os.path.lexists(dest):
        tmp.unlink()
        raise FileExistsError(errno.EEXIST, "destination appeared during the copy", str(dest))
    tmp.rename(dest)  # we hold the workspace lock: nothing else files into this folder meanwhile


def _same_file(a: Path, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
        return b.is_file() and not b.is_symlink() and filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def _split(name: str) -> tuple[str, str]:
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if dot > 0 else (name, "")


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
