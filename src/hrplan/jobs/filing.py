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
from hrplan.messages import MESSAGES, render
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


def write_reason(dest: Path, problems: list[Problem], original_name: str, about: tuple[str, str, str] | None = None) -> Path:
    """Write the reason file beside a rejected file (Vietnamese, then English) and give its path.

    `about` is the (program, unit, period) the file was read as, when that much could be told: it is written
    last, so that a corrected file stored later settles this rejection (see `settle_rejections`)."""
    path = dest.with_name(dest.name + REASON_SUFFIX)
    text = reason_text(problems, original_name)
    if about and all(about):
        text += render("consolidate.reason_about", "vi", program=about[0], unit=about[1], period=about[2]) + "\n"
    _write_whole(path, text)
    return path


SETTLED = "settled"  # rejected/settled/: refusals a later file of the same program, unit and period made good


def settle_rejections(rejected_dir: Path, about: tuple[str, str, str], stored_as: str, when: str,
                      submission_id: int | None) -> list[tuple[Path, Path]]:
    """Move the rejected files of `about` (program, unit, period) and their reasons to rejected/settled/, each
    reason ending with the line that says which file made it good and when; give each file's (old, new) place.

    Nothing is deleted: the unit's refused file is kept, only out of the list of refusals still to send back."""
    mark = render("consolidate.reason_about", "vi", program=about[0], unit=about[1], period=about[2])
    moved = []
    for reason in sorted(rejected_dir.glob(f"*{REASON_SUFFIX}")):
        try:
            text = reason.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if mark not in text.splitlines():
            continue
        rejected = reason.with_name(reason.name.removesuffix(REASON_SUFFIX))
        settled_dir = rejected_dir / SETTLED
        settled_dir.mkdir(exist_ok=True)
        if rejected.is_file():
            dest, already_there = destination(settled_dir, rejected)
            place(rejected, dest, already_there)
        else:
            dest = settled_dir / rejected.name
        note = "\n".join(render("consolidate.reason_settled", lang, file=stored_as, when=when, id=submission_id or "?")
                         for lang in ("vi", "en"))
        _write_whole(dest.with_name(dest.name + REASON_SUFFIX), text.rstrip("\n") + "\n\n" + note + "\n")
        reason.unlink()
        moved.append((rejected, dest))
    return moved


def outstanding_rejections(rejected_dir: Path) -> list[tuple[Path, tuple[str, str, str]]]:
    """Give the reasons in rejected/ (not yet settled) that say what their file was read as, with that
    (program, unit, period): those a submission stored later, by this job or by hand, makes good."""
    prefix = render("consolidate.reason_about", "vi", program="\0", unit="\0", period="\0").split("\0")[0]
    out = []
    for reason in sorted(rejected_dir.glob(f"*{REASON_SUFFIX}")):
        try:
            lines = reason.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        about = next((line[len(prefix):].split(" | ") for line in lines if line.startswith(prefix)), None)
        if about is not None and len(about) == 3 and all(about):
            out.append((reason, (about[0], about[1], about[2])))
    return out


def unmatched_rejections(rejected_dir: Path) -> list[tuple[Path, Path]]:
    """Give the reasons in rejected/ (not yet settled) that do not say what their file was read as, each with its
    rejected file: written by an hrplan older than the 'Read as' line, or for a file that could not be told apart.
    Only a reason whose rejected file is still beside it is given (the file is what can be read again)."""
    known = {reason for reason, _ in outstanding_rejections(rejected_dir)}
    out = []
    for reason in sorted(rejected_dir.glob(f"*{REASON_SUFFIX}")):
        rejected = reason.with_name(reason.name.removesuffix(REASON_SUFFIX))
        if reason not in known and rejected.is_file():
            out.append((reason, rejected))
    return out


def note_read_as(reason: Path, about: tuple[str, str, str]) -> None:
    """Add the 'Read as' line to a reason that lacks it (what an older hrplan wrote), keeping the reason's time:
    a submission counts as its correction only if stored after the reason was first written."""
    stat = reason.stat()
    text = reason.read_text(encoding="utf-8").rstrip("\n") + "\n"
    _write_whole(reason, text + render("consolidate.reason_about", "vi", program=about[0], unit=about[1],
                                       period=about[2]) + "\n")
    os.utime(reason, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def reason_text(problems: list[Problem], original_name: str) -> str:
    """Give the text of a reason file: what is wrong, where (file, sheet, cell) and what to do, vi and en.

    The file goes to the unit's clerk, so each problem is told in its clerk's wording (`<code>.to_unit` in the
    catalogue, when the analyst's wording speaks of options, settings or "ask the unit") and the closing line fits
    the problem (cells to fix, a file to save again, the template to fill). The rule codes and what only the
    analyst can do come last, under their own heading, for the analyst who forwards the file."""
    lines = [render("consolidate.reason_title", "vi", file=original_name),
             render("consolidate.reason_title", "en", file=original_name), ""]
    errors = [p for p in problems if p.is_error] or problems
    todo = _todo(errors)
    for lang, heading in (("vi", "Tiếng Việt"), ("en", "English")):
        lines.append(f"[{heading}]")
        for i, p in enumerate(errors, 1):
            where = p.location.describe(lang) or original_name
            lines.append(f"{i}. {render('consolidate.reason_where', lang, where=where)}")
            lines.append(f"   {_to_unit(p, lang)}")
        lines.append(render(todo, lang))
        lines.append("")
    lines.append(render("consolidate.reason_for_analyst", "vi"))
    lines.append(render("consolidate.reason_codes", "vi", codes=", ".join(dict.fromkeys(p.code for p in errors))))
    for p in dict((p.code, p) for p in errors).values():
        if f"{p.code}.analyst" in MESSAGES:
            lines.append(f"- {render(f'{p.code}.analyst', 'vi', **p.params)}")
            lines.append(f"  {render(f'{p.code}.analyst', 'en', **p.params)}")
    lines.append("")
    return "\n".join(lines)


_NOT_A_WORKBOOK = {"consolidate.not_a_workbook", "file.unsupported_type"}


def _todo(errors: list[Problem]) -> str:
    """Give the code of the closing line that fits the problems: cells to fix, the template to fill, or a file to mend."""
    if any(p.location.cell for p in errors):
        return "consolidate.reason_todo"
    if errors and all(p.code in _NOT_A_WORKBOOK for p in errors):
        return "consolidate.reason_todo_template"
    return "consolidate.reason_todo_file"


def _to_unit(problem: Problem, lang: str) -> str:
    """Give the problem's message as the unit's clerk should read it (the catalogue's `.to_unit` wording when it has one)."""
    code = f"{problem.code}.to_unit"
    return render(code, lang, **problem.params) if code in MESSAGES else problem.message(lang)


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
