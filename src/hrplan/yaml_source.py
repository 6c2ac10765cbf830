"""YAML files read with their line numbers, so a mistake can be reported at its line."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hrplan.problems import HrplanError, Location, Problem


def load_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Give the file's data and its node tree (for line lookup); raise HrplanError on bad YAML."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise HrplanError(Problem("file.not_found", location=Location(file=str(path)), params={"path": str(path)})) from None
    except UnicodeDecodeError as exc:
        raise HrplanError(Problem("yaml.syntax", location=Location(file=str(path)),
                                  params={"file": path.name, "found": f"not UTF-8 text ({exc.reason})"})) from None
    try:
        loader = yaml.SafeLoader(text)  # one parse gives both the node tree and the data
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise HrplanError(
            Problem("yaml.syntax", location=Location(file=str(path), line=line), params={"file": path.name, "found": problem})
        ) from None
    return data, node


def line_of(node: yaml.Node | None, path: tuple[Any, ...]) -> int | None:
    """Give the 1-based line of the value at `path` (keys and list indexes), or the nearest parent's."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == str(key):
                    node = v
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def field_path(loc: tuple[Any, ...]) -> str:
    """Give a pydantic error location as a readable path: ('indicators', 2, 'kind') -> 'indicators[2].kind'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# What a pydantic error type expects, in Vietnamese and English, for people who edit YAML by hand.
_EXPECTED: dict[str, tuple[str, str]] = {
    "missing": ("trường này là bắt buộc", "this field is required"),
    "string_type": ("một đoạn chữ", "text"),
    "int_parsing": ("một số nguyên", "a whole number"), "int_type": ("một số nguyên", "a whole number"),
    "int_from_float": ("một số nguyên", "a whole number"),
    "float_parsing": ("một số", "a number"), "float_type": ("một số", "a number"),
    "decimal_parsing": ("một số", "a number"), "decimal_type": ("một số", "a number"),
    "bool_parsing": ("true hoặc false", "true or false"), "bool_type": ("true hoặc false", "true or false"),
    "date_parsing": ("một ngày dạng 2021-07-16", "a date like 2021-07-16"),
    "date_from_datetime_parsing": ("một ngày dạng 2021-07-16", "a date like 2021-07-16"),
    "date_type": ("một ngày dạng 2021-07-16", "a date like 2021-07-16"),
    "list_type": ("một danh sách (mỗi mục một dòng '- ...' hoặc [a, b])", "a list ('- ...' lines or [a, b])"),
    "dict_type": ("một nhóm 'khóa: giá trị'", "a mapping of 'key: value'"),
    "model_type": ("một nhóm 'khóa: giá trị'", "a mapping of 'key: value'"),
    "extra_forbidden": ("không có trường này (tên gõ sai?)", "no such field (a misspelt name?)"),
}


def expected_text(err: dict[str, Any]) -> tuple[str, str]:
    """Give what a pydantic error expected, as (Vietnamese, English) plain words."""
    kind = err.get("type", "")
    if kind in _EXPECTED:
        return _EXPECTED[kind]
    bound = {"less_than_equal": ("không lớn hơn", "at most", "le"), "greater_than_equal": ("không nhỏ hơn", "at least", "ge"),
             "less_than": ("nhỏ hơn", "less than", "lt"), "greater_than": ("lớn hơn", "greater than", "gt")}.get(kind)
    if bound:
        limit = (err.get("ctx") or {}).get(bound[2])
        return f"một số {bound[0]} {limit}", f"a number {bound[1]} {limit}"
    if kind in ("enum", "literal_error"):
        allowed = str((err.get("ctx") or {}).get("expected", ""))
        return f"một trong các giá trị {allowed.replace(' or ', ' hoặc ')}", f"one of {allowed}"
    message = str(err.get("msg", "")).removeprefix("Value error, ")
    return message, message  # our own validators' messages, written for people
