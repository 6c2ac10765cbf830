"""The `hrplan` command: global options and the list of subcommands (one module each).

Start-up is kept short (`hrplan --help` well under a quarter of a second): a command module
imports only typer and `cli.output` at the top, and the library modules it calls (openpyxl,
jinja2, the store ...) inside the command's function, so they load only when that command runs.
"""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from hrplan import __version__
from hrplan.cli import (  # one module per command, one per line
    cmd_check,
    cmd_consolidate,
    cmd_demo,
    cmd_feedback,
    cmd_history,
    cmd_import,
    cmd_init,
    cmd_report,
    cmd_restore,
    cmd_status,
    cmd_store,
    cmd_template,
)
from hrplan.cli.output import STATE
from hrplan.messages import render

app = typer.Typer(
    name="hrplan",
    help="hrplan: theo dõi chương trình phát triển nguồn nhân lực (monitor human-resource development programs).\n\n"
         "Chu trình hằng quý / the quarterly cycle: template → import → check → report.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

_GLOBAL_OPTIONS = ("--lang", "--workspace", "-w", "--store")


def _print_version() -> None:
    typer.echo(f"hrplan {__version__}")
    raise typer.Exit(0)


def _language(ctx: typer.Context, value: Optional[str]) -> Optional[str]:
    """Set the messages' language before anything else (--lang is eager: --help comes after it); in English the
    commands' --help is English too (`cli.help_en`), put in place on this run's command tree."""
    if value:
        STATE.lang = _lang_word(value)
    _help_language(ctx.find_root().command, STATE.lang)
    return value


def _help_language(command, lang: str) -> None:
    """Put the help of `command` and its subcommands in `lang`: the commands are written in Vietnamese, English
    comes from `cli.help_en`; the --help option's own line is click's English in both, so it is set here."""
    if lang == "en":
        from hrplan.cli.help_en import english
        english(command)
    _help_option_line(command, render("cli.help_option", lang))


def _help_option_line(command, text: str) -> None:
    """Set the text of the --help option of `command` and of its subcommands (click makes the option once per
    command, on first asking, and keeps it)."""
    option = command.get_help_option(typer.Context(command))
    if option is not None:
        option.help = text
    for sub in getattr(command, "commands", {}).values():
        _help_option_line(sub, text)


@app.callback()
def _global(
    lang: Optional[str] = typer.Option(None, "--lang", help="Ngôn ngữ thông báo: vi (mặc định) hoặc en. Cũng đặt được bằng HRPLAN_LANG.",
                                       is_eager=True, callback=lambda ctx, value: _language(ctx, value)),
    workspace: Optional[Path] = typer.Option(None, "--workspace", "-w", help="Thư mục làm việc (mặc định: tìm từ thư mục hiện tại trở lên)."),
    store: Optional[str] = typer.Option(None, "--store", envvar="HRPLAN_STORE", show_envvar=False,
                                        help="Kho dữ liệu, thay cho 'store' trong hrplan.yaml: sqlite:///tệp.sqlite hoặc"
                                             " postgresql://người_dùng@máy_chủ/csdl. Cũng đặt được bằng HRPLAN_STORE."),
    version: bool = typer.Option(False, "--version", help="In phiên bản rồi thoát.", is_eager=True,
                                 callback=lambda shown: _print_version() if shown else None),
) -> None:
    if workspace:
        STATE.workspace = workspace
    STATE.store = store or None


COMMANDS = (  # in the order --help lists them
    cmd_init,
    cmd_template,
    cmd_import,
    cmd_check,
    cmd_report,
    cmd_feedback,
    cmd_status,
    cmd_history,
    cmd_restore,
    cmd_store,
    cmd_consolidate,
    cmd_demo,
)
for module in COMMANDS:
    module.register(app)


def _hoist_global_options(argv: list[str], rest_only: bool = False) -> list[str]:
    """Let --lang and --workspace be given after the command name too (`hrplan check --lang en`).

    `rest_only`: give only the arguments that are not global options (empty: no command was asked for)."""
    front, rest, i = [], [], 0
    while i < len(argv):
        arg = argv[i]
        name = arg.split("=", 1)[0]
        if name in _GLOBAL_OPTIONS:
            if "=" in arg:
                front.append(arg)
            elif i + 1 < len(argv):
                front.extend([arg, argv[i + 1]])
                i += 1
            else:
                rest.append(arg)
        else:
            rest.append(arg)
        i += 1
    return rest if rest_only else front + rest


def main() -> None:
    """Entry point of the console script."""
    # A check or report holds hundreds of thousands of small objects (value rows, figures, findings) that live
    # to the end: the default cyclic collector rescans them thousands of times (10-20% of a national report's
    # CPU, measured). Collect rarely; the process is short and its cycles few.
    gc.set_threshold(50_000, 20, 100)
    # pydantic looks for plugins in every installed package's metadata when it builds its first model (typer's
    # options are pydantic adapters too): hrplan uses none, and the search is a tenth of `hrplan status`.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = _hoist_global_options(sys.argv[1:])
    # The help in the user's language from the start: click prints --help before it looks at --lang (or at
    # HRPLAN_LANG) when --help comes first, and `hrplan` alone shows its help before any option is looked at.
    command = typer.main.get_command(app)
    _help_language(command, _asked_language(args))
    if not _hoist_global_options(args, rest_only=True):  # `hrplan` alone (or with only --lang ...): its help,
        _run(command, [*args, "--help"])                # with the exit code of a usage error as before
        sys.exit(2)
    sys.exit(_run(command, args))


def _run(command, args: list[str]) -> int:
    """Run the command line and give its exit code; a mistake on it (click's usage errors) is told in the
    user's language (`cli.usage_errors`), with click's exit code."""
    usage_error = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
    try:
        code = command.main(args=args, prog_name="hrplan", standalone_mode=False)
    except usage_error as error:
        from hrplan.cli import usage_errors
        usage_errors.show(error, _asked_language(args))
        return error.exit_code
    except typer.Abort:  # click's own (no prompt of hrplan's asks): what standalone click prints
        typer.echo("Aborted!" if _asked_language(args) == "en" else "Đã dừng.", err=True)
        return 1
    return code if isinstance(code, int) else 0


def _asked_language(args: list[str]) -> str:
    """Give the language `--lang` asks for among `args`, else HRPLAN_LANG's (STATE.lang's default)."""
    for i, arg in enumerate(args):
        value = arg[7:] if arg.startswith("--lang=") else args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if value is not None:
            return _lang_word(value)
    return STATE.lang


def _lang_word(value: str) -> str:
    """Give the language a --lang value names: 'en' for anything starting so ('en', 'english'), else 'vi'."""
    return "en" if value.lower().startswith("en") else "vi"
