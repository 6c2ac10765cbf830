"""What every command shares: the console, the exit codes, and how problems are shown."""
from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import typer
from rich.console import Console

from hrplan.messages import default_lang, render
from hrplan.problems import HrplanError, Problem

if TYPE_CHECKING:
    from rich.table import Table

# Exit codes: stable, documented in the README; the nightly job depends on them.
EXIT_OK = 0  # done; nothing at or above the failure level
EXIT_FINDINGS = 1  # check: findings at or above --fail-on
EXIT_USAGE = 2  # bad arguments, workspace, program file or units registry: nothing was done
EXIT_REJECTED = 3  # import: at least one file was refused (the others were imported)
EXIT_LOCKED = 4  # another run holds the workspace lock
EXIT_NOTHING_TO_DO = 5  # consolidate: no new file in the inbox, nothing changed
EXIT_INTERNAL = 70  # a bug in hrplan: please report it with the log
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C or a signal; the store is as it was before the file in hand

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


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
        where = p.location.describe()
        colour = {"error": "red", "warning": "yellow"}.get(p.severity.value, "cyan")
        label = {"vi": {"error": "Lỗi", "warning": "Cảnh báo", "info": "Ghi chú"},
                 "en": {"error": "Error", "warning": "Warning", "info": "Note"}}[lang][p.severity.value]
        prefix = f"[{colour}]{label}[/] [dim]{p.code}[/]"
        out.print(f"{prefix} {where + ': ' if where else ''}{p.message(lang)}", markup=True, soft_wrap=True)


def guarded(func: Callable) -> Callable:
    """Run a command so that no traceback reaches the user: problems become messages and exit codes."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
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
            log = Path(os.environ.get("TMPDIR", "/tmp")) / "hrplan-error.log"
            try:
                log.write_text(traceback.format_exc(), encoding="utf-8")
            except OSError:
                log = Path("-")
            err_console.print(
                ("Lỗi nội bộ của hrplan ({name}: {msg}). Chi tiết ghi ở {log}; hãy gửi tệp này cho nhóm phát triển."
                 if STATE.lang == "vi" else
                 "Internal hrplan error ({name}: {msg}). Details are in {log}; please send that file to the developers.")
                .format(name=type(exc).__name__, msg=str(exc)[:200], log=log))
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    """Give the option's value in lower case if allowed; otherwise stop with a usage error (exit 2)."""
    if value.lower() not in allowed:
        raise HrplanError(Problem("option.invalid", params={"option": option, "found": value,
                                                             "expected": ", ".join(allowed)}))
    return value.lower()


def print_json(data: Any) -> None:
    """Write JSON to standard output, plain (no colours), for scripts."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


def table(title: str | None, columns: list[str]) -> Table:
    from rich.table import Table

    t = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        t.add_column(c, overflow="fold")
    return t
