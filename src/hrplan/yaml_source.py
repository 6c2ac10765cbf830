"""YAML files read with their line numbers, so a mistake can be reported at its line."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hrplan.problems import HrplanError, Location, Problem


def load_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Give the file's data and its node tree (for line lookup); raise HrplanError on bad YAML."""
    text = path.read_text(encoding="utf-8-sig")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise HrplanError(
            Problem("program.yaml_syntax", location=Location(file=str(path), line=line), params={"found": problem})
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
