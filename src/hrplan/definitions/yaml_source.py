"""YAML files read with their line numbers, so a mistake can be reported at its line."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hrplan.problems import HrplanError, Location, Problem

# libyaml's parser when PyYAML was built with it (5-10x faster: a national units.yaml of 3,300
# communes loads in a few hundredths of a second); the pure-Python one otherwise. Both give the
# node tree with line marks that errors point at.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        loader = _Loader(text)  # one parse gives both the node tree and the data
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


# pydantic error types -> catalogue codes (the words are in hrplan.messages, vi and en)
_EXPECTED: dict[str, str] = {
    "missing": "expected.required", "string_type": "expected.text",
    "int_parsing": "expected.whole_number", "int_type": "expected.whole_number", "int_from_float": "expected.whole_number",
    "float_parsing": "expected.number", "float_type": "expected.number",
    "decimal_parsing": "expected.number", "decimal_type": "expected.number",
    "bool_parsing": "expected.bool", "bool_type": "expected.bool",
    "date_parsing": "expected.date", "date_from_datetime_parsing": "expected.date", "date_type": "expected.date",
    "list_type": "expected.list", "dict_type": "expected.mapping", "model_type": "expected.mapping",
    "extra_forbidden": "expected.no_such_field",
    "less_than_equal": "expected.at_most", "greater_than_equal": "expected.at_least",
    "less_than": "expected.less_than", "greater_than": "expected.greater_than",
    "enum": "expected.one_of", "literal_error": "expected.one_of",
}


def expected_text(err: dict[str, Any]) -> tuple[str, str]:
    """Give what a pydantic error expected, as (Vietnamese, English) plain words."""
    from hrplan.messages import render

    code = _EXPECTED.get(err.get("type", ""))
    if code is None:
        message = str(err.get("msg", "")).removeprefix("Value error, ")
        return message, message  # our own validators' messages, written for people
    ctx = err.get("ctx") or {}
    limit = next((ctx[k] for k in ("le", "ge", "lt", "gt") if k in ctx), "")
    allowed = str(ctx.get("expected", ""))
    return (render(code, "vi", limit=limit, allowed=allowed.replace(" or ", " hoặc ")),
            render(code, "en", limit=limit, allowed=allowed))
