"""What every command shares: the console, the exit codes, and how problems are shown."""
from __future__ import annotations

import functools
import os
import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

import typer

from hrplan.messages import default_lang, render
from hrplan.problems import HrplanError, Problem, environment_problem

if TYPE_CHECKING:
    from rich.console import Console

    from hrplan.cli.layout import Col, FitTable

# Exit codes: stable, documented in the README; the nightly job depends on them.
EXIT_OK = 0  # done; nothing at or above the failure level
EXIT_FINDINGS = 1  # check: findings at or above --fail-on
EXIT_USAGE = 2  # bad arguments, workspace, program file or units registry: nothing was done
EXIT_REJECTED = 3  # import: at least one file was refused (the others were imported)
EXIT_LOCKED = 4  # another run holds the workspace lock
EXIT_NOTHING_TO_DO = 5  # consolidate: no new file in the inbox, nothing changed
EXIT_INTERNAL = 70  # a bug in hrplan: please report it with the log
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C or a signal; the store is as it was before the file in hand

# Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides: from a cell or a file
# name they could move the cursor, recolour or rewrite the terminal, or reorder what a line seems to say.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_control(text: str) -> str:
    """Give text without terminal control characters (each becomes '?', so that nothing silently vanishes)."""
    return _CONTROL.sub("?", text)


def plain(text: object) -> str:
    """Give file-derived text ready to sit inside rich markup: control characters out, '[' escaped."""
    from rich.markup import escape

    return escape(strip_control(str(text)))


def inert(value: Any) -> Any:
    """Give a string as a rich Text (never read as markup, control characters replaced); anything else as is."""
    if isinstance(value, str):
        from rich.text import Text

        return Text(strip_control(value))
    return value


def _inert_console(**options: Any) -> Console:
    """Give a console on which text is inert: a string is printed as it is, never read as rich markup, and its
    control characters are replaced. A caller that builds markup passes markup=True and wraps every
    file-derived part in `plain()`."""
    from rich.console import Console

    class InertConsole(Console):
        def print(self, *objects: Any, markup: bool | None = None, **kwargs: Any) -> None:  # noqa: A003
            if markup is not True:
                objects = tuple(inert(o) for o in objects)
            super().print(*objects, markup=markup, **kwargs)

    return InertConsole(**options)


class _ConsoleOnFirstUse:
    """Stands for an inert console made when first used: rich takes a good part of the start-up to import, and
    `hrplan --help` never prints through a console (tests/test_startup.py checks it is not loaded)."""

    def __init__(self, **options: Any) -> None:
        object.__setattr__(self, "_options", options)
        object.__setattr__(self, "_made", None)

    def made(self) -> Console:
        """Give the console itself (made now if not yet)."""
        if self._made is None:
            object.__setattr__(self, "_made", _inert_console(**self._options))
        return self._made

    def __getattr__(self, name: str) -> Any:
        return getattr(self.made(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.made(), name, value)


console: Console = _ConsoleOnFirstUse(highlight=False)  # type: ignore[assignment]
err_console: Console = _ConsoleOnFirstUse(stderr=True, highlight=False)  # type: ignore[assignment]


@dataclass
class CliState:
    """Options shared by all commands (given before or after the command name)."""

    lang: str = "vi"
    workspace: Path | None = None
    store: str | None = None  # --store or HRPLAN_STORE: wins over hrplan.yaml

    def ws(self):
        from hrplan.workspace import find_workspace

        return find_workspace(self.workspace, self.store)

    def t(self, code: str, **params: Any) -> str:
        return render(code, self.lang, **params)


STATE = CliState(lang=default_lang())


def show_problems(problems: list[Problem], lang: str, stream: Console | None = None) -> None:
    """Print problems as 'where: message' lines, errors in red."""
    out = stream or err_console
    for p in problems:
        where = p.location.describe(lang)
        colour = {"error": "red", "warning": "yellow"}.get(p.severity.value, "cyan")
        label = {"vi": {"error": "Lỗi", "warning": "Cảnh báo", "info": "Ghi chú"},
                 "en": {"error": "Error", "warning": "Warning", "info": "Note"}}[lang][p.severity.value]
        prefix = f"[{colour}]{label}[/] [dim]{plain(p.code)}[/]"
        out.print(f"{prefix} {plain(where) + ': ' if where else ''}{plain(p.message(lang))}", markup=True, soft_wrap=True)


def _store_notice(problem: Problem) -> None:
    show_problems([problem], STATE.lang)  # e.g. a store migrated in place: one line on stderr naming its copy


def guarded(func: Callable) -> Callable:
    """Run a command so that no traceback reaches the user: problems become messages and exit codes."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from hrplan.store import tell_store_notices_to  # here, not at the top: --help loads no store

        tell_store_notices_to(_store_notice)
        try:
            return func(*args, **kwargs)
        except HrplanError as exc:
            show_problems(exc.problems, STATE.lang)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err_console.print("Đã dừng / interrupted.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: say so plainly, keep the details for the report
            if os.environ.get("HRPLAN_DEBUG"):
                raise
            lost = _store_lost(exc)
            if lost is not None:  # the store went away (a server restart): not a bug, and no SQL for the user
                show_problems(lost.problems, STATE.lang)
                raise typer.Exit(lost.exit_code) from None
            machine = environment_problem(exc, _workspace_root())
            if machine is not None:  # a full disk, a folder hrplan may not write: for the IT person, not a bug
                show_problems([machine], STATE.lang)
                raise typer.Exit(EXIT_USAGE) from None
            log = write_error_log(traceback.format_exc())
            err_console.print(
                ("Lỗi nội bộ của hrplan ({name}: {msg}). Chi tiết ghi ở {log}; hãy gửi tệp này cho nhóm phát triển."
                 if STATE.lang == "vi" else
                 "Internal hrplan error ({name}: {msg}). Details are in {log}; please send that file to the developers.")
                .format(name=type(exc).__name__, msg=str(exc)[:200], log=log))
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def _store_lost(exc: Exception) -> HrplanError | None:
    """Give the error saying the store went away when `exc` means that (never for a bug), else None."""
    if "sqlalchemy" not in sys.modules and "sqlite3" not in sys.modules:
        return None  # no store was ever opened
    from hrplan.store import connection_lost, store_lost

    if not connection_lost(exc):
        return None
    try:
        url = STATE.ws().store_url
    except Exception:  # the workspace cannot be read again: the store is still what matters
        url = "?"
    return store_lost(url)


def error_json(exc: HrplanError) -> dict[str, Any]:
    """Give the JSON a `-f json` command prints on stdout when it cannot run (as `consolidate --json` does):
    `status` locked, store_lost or could_not_run (a store that cannot be reached among them), the exit code and
    the problems, each with its code and message."""
    codes = {p.code for p in exc.problems}
    if exc.exit_code == EXIT_LOCKED:
        status = "locked"
    elif codes & {"store.lost", "import.store_lost"}:
        status = "store_lost"
    else:
        status = "could_not_run"
    return {"status": status, "exit_code": exc.exit_code, "problems": [p.to_dict(STATE.lang) for p in exc.problems]}


def write_error_log(details: str) -> Path | str:
    """Write an internal error's details to a new file of its own in the workspace's logs/ (`hrplan.errorlog`)."""
    from hrplan.errorlog import write_error_log as write

    return write(details, _workspace_root())


def _workspace_root() -> Path | None:
    try:
        from hrplan.workspace import find_workspace_root

        return find_workspace_root(STATE.workspace)
    except Exception:  # no workspace, or it cannot be read: the error at hand matters more
        return None


def at_least(floor: int) -> Callable[[Any], Any]:
    """Give an option callback that refuses a number under `floor` as typer's own `min=` does (a usage error, exit 2,
    in the user's language: cli/usage_errors.py). Not `min=`: the help would show click's '[x>=0]', where ours says
    the range in words ('0 or more', 'từ 0 trở lên') in both languages."""

    def check(value: Any) -> Any:
        if value is not None and value < floor:
            raise typer.BadParameter(f"Input should be greater than or equal to {floor}")
        return value

    return check


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    """Give the option's value in lower case if allowed; otherwise stop with a usage error (exit 2)."""
    if value.lower() not in allowed:
        raise HrplanError(Problem("option.invalid", params={"option": option, "found": value,
                                                             "expected": ", ".join(allowed)}))
    return value.lower()


def print_json(data: Any) -> None:
    """Write JSON to standard output, plain (no colours), indented, for scripts (orjson: fast at national scale)."""
    from hrplan.jsontext import json_bytes

    data_bytes = json_bytes(data, indent=True)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (a test's capture): the same JSON as text
        sys.stdout.write(data_bytes.decode("utf-8"))
    else:
        sys.stdout.flush()
        buffer.write(data_bytes)
        buffer.flush()


def print_json_list(key: str, items: Iterable[Any], rest: dict[str, Any]) -> None:
    """Write `{key: [*items], **rest}` exactly as `print_json` would, each item encoded and written as it comes:
    a national check's 130,000 findings never sit in memory as dicts and as one 90 MB text at once."""
    from hrplan.jsontext import json_bytes

    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (a test's capture)
        def write(chunk: bytes) -> None:
            sys.stdout.write(chunk.decode("utf-8"))
    else:
        sys.stdout.flush()
        write = buffer.write
    head = json_bytes({key: []}, indent=True)[:-4]  # '{\n  "key": [' (without ']\n}\n')
    batch = bytearray(head)
    first = True
    for item in items:
        batch += b"\n    " if first else b",\n    "
        batch += json_bytes(item, indent=True)[:-1].replace(b"\n", b"\n    ")
        first = False
        if len(batch) > 1 << 20:
            write(bytes(batch))
            batch.clear()
    batch += b"]" if first else b"\n  ]"
    if rest:
        tail = json_bytes(rest, indent=True)  # '{\n  "a": 1\n}\n': its keys follow the list's
        batch += b",\n" + tail[2:]
    else:
        batch += b"\n}\n"
    write(bytes(batch))
    if buffer is not None:
        buffer.flush()


def table(title: str | None, columns: list[Col | str], title_justify: str = "center") -> FitTable:
    """Give a table that fits the terminal without splitting a word (`hrplan.cli.layout`); its title and string
    cells are plain text (no markup), control characters replaced."""
    from hrplan.cli.layout import FitTable

    return FitTable(None if title is None else strip_control(title), columns, title_justify)
