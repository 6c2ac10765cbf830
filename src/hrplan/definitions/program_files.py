"""Program files: load `programs/*.yaml` (and the targets tables beside them) into `Program`s.

Every mistake is an HrplanError naming the file, the field path and the line.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from hrplan.definitions.yaml_source import (
    clean_loc,
    expected_text,
    field_path,
    line_of,
    load_yaml,
    split_value,
    written,
)
from hrplan.names import fold
from hrplan.problems import HrplanError, Location, Problem

if TYPE_CHECKING:  # the program models load with the first program file (a workspace without any needs none)
    from hrplan.definitions.programs import Program


def load_program(path: Path) -> Program:
    """Give the program defined in `path`; raise HrplanError with file, field and line on a mistake."""
    from pydantic import ValidationError

    from hrplan.definitions.programs import Program
    from hrplan.definitions.targets_file import load_targets_table

    data, node = load_yaml(path)
    if not isinstance(data, dict):
        raise HrplanError(
            Problem("program.invalid", location=Location(file=str(path), line=1),
                    params={"field": "(file)", "found": "not a mapping", "found_vi": "không phải danh sách khóa: giá trị",
                            "expected": "keys such as code, title, indicators",
                            "expected_vi": "các khóa như code, title, indicators"})
        )
    try:
        program = Program.model_validate({**data, "source_file": str(path)}, context={"locate_references": True})
    except ValidationError as exc:
        problems = []
        split_told: set[tuple] = set()
        for err in exc.errors():
            loc = clean_loc(tuple(err["loc"]))
            split = split_value(node, loc) if err["type"] == "extra_forbidden" else None
            if split is not None:  # a ',' or ':' in an unquoted name made a piece of it a field
                if split[0] not in split_told:
                    split_told.add(split[0])
                    problems.append(_split_problem(path, node, loc, *split))
                continue
            expected_vi, expected_en = expected_text(err)
            found = _found(err, node, loc)
            problems.append(
                Problem(
                    "program.invalid",
                    location=Location(file=str(path), line=line_of(node, loc), field=field_path(loc) or "(file)"),
                    params={"field": field_path(loc) or "(file)", "found": found,
                            "found_vi": "thiếu" if err["type"] == "missing" else found,
                            "expected_vi": expected_vi, "expected": expected_en},
                )
            )
        raise HrplanError(problems) from None
    mistakes = program.reference_mistakes()
    if mistakes:
        raise HrplanError([
            Problem("program.invalid", location=Location(file=str(path), line=line_of(node, loc), field=field_path(loc)),
                    params={"field": field_path(loc), "found": "missing" if code is None else written(node, loc, code),
                            "found_vi": "thiếu" if code is None else written(node, loc, code),
                            "expected": message, "expected_vi": message_vi})
            for loc, code, message, message_vi in mistakes
        ])
    for t in program.targets:
        t.source = t.source or f"{path.name}"
    if program.targets_file:
        program.targets.extend(load_targets_table(path.parent / program.targets_file, program))
    _check_target_measures(program, path)
    return program


def _check_target_measures(program: Program, path: Path) -> None:
    """Refuse a target whose unit of measure cannot be converted to its indicator's (never mix units)."""
    book = program.measure_book()
    problems = [
        Problem("targets.invalid", location=Location(file=str(path), field=f"targets ({t.source or t.indicator})"),
                params={"found": f"uom '{t.uom}' for indicator {t.indicator}",
                        "found_vi": f"đơn vị tính '{t.uom}' cho chỉ tiêu {t.indicator}",
                        "expected": f"a unit convertible to '{program.indicator(t.indicator).uom}'",
                        "expected_vi": f"một đơn vị đổi được sang '{program.indicator(t.indicator).uom}'"})
        for t in program.targets
        if t.uom and book.convert(Decimal(1), t.uom, program.indicator(t.indicator).uom) is None
    ]
    if problems:
        raise HrplanError(problems)


def _found(err: dict, node: yaml.Node | None, loc: tuple) -> str:
    """Give the value a mistake found as the file writes it (never a Python repr such as datetime.date(2025, 10, 7))."""
    if err["type"] == "missing":
        return "missing"
    text = written(node, loc, err.get("input"))
    return text if len(text) < 60 else text[:57] + "..."


def _split_problem(path: Path, node: yaml.Node | None, loc: tuple, owner: tuple, read: str, meant: str) -> Problem:
    """Give the mistake of a name cut by a ',' or ':' it holds, unquoted: say to put the whole name in quotes."""
    quoted = meant.replace('"', "'")
    return Problem("program.invalid", location=Location(file=str(path), line=line_of(node, loc), field=field_path(owner)),
                   params={"field": field_path(owner),
                           "found": f"'{read}', then '{loc[-1]}' read as a field of its own: the ',' or ':' in the "
                                    "unquoted text cut it",
                           "found_vi": f"'{read}', còn '{loc[-1]}' bị đọc thành một trường riêng: dấu ',' hoặc ':' "
                                       "trong giá trị không để trong ngoặc kép đã cắt nó ra",
                           "expected": f'the whole text in double quotes: {owner[-1]}: "{quoted}"',
                           "expected_vi": f'để cả giá trị trong ngoặc kép: {owner[-1]}: "{quoted}"'})


def load_programs(folder: Path) -> dict[str, Program]:
    """Give every program in `folder` by code; all mistakes of all files are raised together."""
    programs: dict[str, Program] = {}
    problems: list[Problem] = []
    for path in program_paths(folder):
        try:
            program = load_program(path)
        except HrplanError as exc:
            problems.extend(exc.problems)
            continue
        if program.code in programs:
            problems.append(Problem("program.duplicate", location=Location(file=str(path)),
                                    params={"program": program.code, "other": programs[program.code].source_file}))
        programs[program.code] = program
    if problems:
        raise HrplanError(problems)
    return programs


def program_paths(folder: Path) -> list[Path]:
    """Give the program files of `folder` in the order `load_programs` reads them."""
    return sorted(folder.glob("*.y*ml"))


# A top-level `code:` line, and what at the start of a line could make such a line not the program's
# code: a quoted or explicit key, a merge key, an anchor, tag or alias, a document marker or directive.
_CODE_LINE = re.compile(r"^code[ \t]*:(.*)$", re.M)
_UNSURE = re.compile(r"^(?:[\"'?&!*%|>]|<<|---|\.\.\.)", re.M)
_NEXT_AT_COLUMN_0 = re.compile(r"(?:[ \t]*\r?\n)*(?:[^ \t\r\n]|\Z)")


def program_code_of(path: Path) -> str | None:
    """Give the code a program file declares, read from its `code:` line alone; None when that line
    cannot tell it for certain (no such line or two, or YAML around it that could change what it
    means), and the file must be parsed to know.

    Finding one program among many (`hrplan check -p X`) reads every file's code this way, so
    that the others' targets tables are never parsed, and codes used twice are still refused.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    found = _CODE_LINE.findall(text)
    if len(found) != 1 or _UNSURE.search(text):
        return None
    line = _CODE_LINE.search(text)
    before = [t for t in text[:line.start()].splitlines() if not t.lstrip().startswith("#")]
    if any(c in t for t in before for c in "\"'[{"):
        return None  # the line could sit inside a quoted text or a [ ] / { } that spans lines (comments aside)
    if not _NEXT_AT_COLUMN_0.match(text, line.end() + 1):
        return None  # an indented line after it could continue the value
    try:
        data = yaml.load("code:" + found[0].rstrip("\r"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    code = data.get("code") if isinstance(data, dict) else None
    return code if isinstance(code, str) else None


def find_program(programs: dict[str, Program], name: str) -> Program:
    """Give the program a user named by code or slug, in any case; raise HrplanError when none."""
    from hrplan.definitions.programs import program_slug

    key = fold(program_slug(name))
    for program in programs.values():
        if fold(program.slug) == key:
            return program
    raise HrplanError(Problem("program.not_found", params={"program": name, "known": ", ".join(programs) or "-"}))
