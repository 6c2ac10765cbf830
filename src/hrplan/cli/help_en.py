"""The English `--help` (`--lang en`, `HRPLAN_LANG=en`): each command's and each option's text, in English.

The commands are written with their Vietnamese help (the default language); `english(command)` puts these texts
in place on the click command tree before it runs. Keys are the command's path ("" for `hrplan` itself,
"store info") and, for an option or argument, its parameter name. A test checks that every command and every
parameter with help has its English text here, and that `--help` in English prints no Vietnamese words.
"""
from __future__ import annotations

from typing import Any

# Each command's help: what it does, then the detail the Vietnamese text gives.
COMMANDS: dict[str, str] = {
    "": "hrplan: monitor human-resource development programs (cadre training, rotation and planning).\n\n"
        "The quarterly cycle: template → import → check → report.",
    "init": "Create a workspace: settings, programs, the list of units, an inbox and the store.",
    "template": "Write Excel templates for units to fill in.",
    "import": "Import units' submissions into the store. Importing the same file again changes nothing;\n"
              "a newer version replaces the older one, which stays in the history.",
    "check": "Check the submissions by the catalogue of rules (docs/checks.md): units that have not sent or sent\n"
             "late, figures behind plan, numbers that do not add up, values unusual against earlier periods.\n"
             "Exit code 1 when a problem at the --fail-on level or above is found.",
    "report": "Write a report: Word in the official layout (Decree 30/2020/ND-CP or Guide 36-HD/VPTW), printable\n"
              "HTML, the consolidated workbook or JSON.",
    "feedback": "Send each unit its own workbook back: a copy of the file it sent, with the problem cells coloured\n"
                "and a comment on each, and a first sheet listing the problems with links to their cells; a file the\n"
                "nightly job refused (rejected/) comes back too, with the cells that refused it marked.",
    "status": "What has arrived: which units have sent and which have not, per program and period.",
    "history": "The history of the submissions and the values that changed between them.",
    "restore": "Make an earlier submission the current one again; the history keeps every version.\n"
               "Importing the old file again does not do this.",
    "consolidate": "The nightly job: import every new file in inbox/, move it to done/<period>/ or to rejected/\n"
                   "(with a .reason.txt beside it saying why), check, and rewrite the reports when anything changed.\n"
                   "Asks nothing. Exit codes: 0 done; 3 done, some files rejected; 5 nothing to do;\n"
                   "4 another run holds the lock; 2 could not run (a full disk or a folder hrplan may not write\n"
                   "too: the run stops at once, and says what it stored); 70 a file hit a bug in hrplan (it stays in\n"
                   "the inbox; the details are in a log file under logs/, named in the file's line).",
    "demo": "Run the whole cycle on the bundled sample (the source articles' figures): import, check, report.",
    "store": "The store: what it holds, upgrade, copy to a server.",
    "store info": "The store's kind, schema version, number of submissions and values, and the latest import.",
    "store upgrade": "Upgrade the store's schema to this version of hrplan.",
    "store copy": "Copy the whole store (its history too) to another store, then compare counts and totals.",
}

_WAIT = "Wait up to this many seconds (0 or more) while another run is writing (then: exit code 4)."
_UNIT_OR_NAME = "Unit (code or name; may be repeated)."

# Each option's and argument's help, by command path and parameter name.
PARAMS: dict[tuple[str, str], str] = {
    ("", "lang"): "Language of the messages: vi (the default) or en. Also set by HRPLAN_LANG.",
    ("", "workspace"): "The workspace folder (default: found from the current folder upwards).",
    ("", "store"): "The store, instead of 'store' in hrplan.yaml: sqlite:///file.sqlite or "
                   "postgresql://user@host/database. Also set by HRPLAN_STORE.",
    ("", "version"): "Print the version and exit.",
    ("init", "directory"): "The folder to make a workspace (created if missing).",
    ("init", "name"): "The name to show, for example 'Tỉnh Cao Bằng'.",
    ("template", "program"): "Program code, for example 12-CTr/TU.",
    ("template", "period"): "Reporting period: 2023-Q2, 2023-H1, 2023 or 2021..2023-Q2.",
    ("template", "unit"): "Unit code or name (may be repeated).",
    ("template", "all_units"): "One template for every unit that must report.",
    ("template", "output"): "An .xlsx file (one unit) or a folder.",
    ("import", "paths"): ".xlsx/.xlsm/.xls/.ods files, or folders holding them.",
    ("import", "program"): "Program (when the file does not say).",
    ("import", "unit"): "Reporting unit (always wins over the file).",
    ("import", "period"): "Reporting period (always wins over the file).",
    ("import", "dry_run"): "Only read and check; write nothing to the store.",
    ("import", "hidden"): "Read hidden sheets too.",
    ("import", "fmt"): "table or json.",
    ("import", "wait"): _WAIT,
    ("import", "workers"): "Worker processes reading files in parallel (1 or more; default: the number of CPU cores).",
    ("import", "verbose"): "Table: print every file, one line each (beyond 40 files the table is a summary: files per "
                           "outcome, the rejected files with their first error, the updated files).",
    ("check", "period"): "The period to check, for example 2023-Q2 or 2021..2023-05.",
    ("check", "program"): "Program (default: all).",
    ("check", "unit"): "Only this unit and the units under it.",
    ("check", "fmt"): "table, json, csv or xlsx.",
    ("check", "output"): "The output file (csv, xlsx); xlsx goes to the reports/ folder by default.",
    ("check", "verbose"): "Table: print every problem with its message (beyond 40 problems the table is a summary: "
                          "problems per rule and per unit, and the most important ones).",
    ("check", "fail_on"): "The level that makes the command exit with code 1: error, warning, info or never.",
    ("report", "program"): "Program code.",
    ("report", "period"): "Reporting period, for example 2023 or 2016..2019-05 (cumulative).",
    ("report", "fmt"): "docx (Word, official layout), html (the same document, one page), xlsx (the consolidated "
                       "workbook), json, or all (all four).",
    ("report", "output"): "The output file or folder (default: reports/ in the workspace); a name ending in / is a "
                          "folder, created if missing. With -f all: a folder, "
                          "or a file name each format takes with its own extension.",
    ("report", "sources"): "JSON: also write the source cells of every figure (a much larger file).",
    ("feedback", "period"): "Reporting period, for example 2023-Q2.",
    ("feedback", "unit"): _UNIT_OR_NAME,
    ("feedback", "all_units"): "Every unit with problems in the period.",
    ("feedback", "program"): "Program (default: all).",
    ("feedback", "out"): "The folder to write to (default: reports/feedback/).",
    ("status", "fmt"): "table or json.",
    ("status", "period"): "A table of units × the periods due within this one: on time, late, not sent (units that "
                          "have never sent included).",
    ("status", "program"): "Program (default: all).",
    ("history", "program"): "Program code.",
    ("history", "unit"): "Unit (code or name).",
    ("history", "period"): "Reporting period.",
    ("history", "fmt"): "table or json.",
    ("restore", "submission"): "The number of the submission to restore (the # column of 'hrplan history').",
    ("restore", "wait"): _WAIT,
    ("consolidate", "wait"): "Wait up to this many seconds (0 or more) if another run is going (default: stop at "
                             "once with code 4).",
    ("consolidate", "as_json"): "Print a JSON summary for monitoring scripts.",
    ("demo", "out"): "The folder to create the demo in.",
    ("store info", "fmt"): "table or json.",
    ("store copy", "to"): "The target store (empty), for example postgresql://user@host/hrplan.",
}

# Placeholders shown in usage lines and option lists.
METAVARS: dict[str, str] = {"TỆP": "FILE", "GIÂY": "SECONDS", "SỐ_BẢN": "NUMBER"}


def english(command: Any, path: str = "") -> Any:
    """Put the English help in place on `command` (a click command or group) and its subcommands; give it back."""
    command.help = COMMANDS.get(path, command.help)
    command.short_help = None  # the command list shows the first sentence of the help
    for param in command.params:
        text = PARAMS.get((path, param.name or ""))
        if text is not None:
            param.help = text
        if param.metavar in METAVARS:
            param.metavar = METAVARS[param.metavar]
    for name, sub in getattr(command, "commands", {}).items():
        english(sub, f"{path} {name}".strip())
    return command
