"""YAML files read with their line numbers, so a mistake can be reported at its line."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from hrplan.problems import HrplanError, Location, Problem

# libyaml's parser when PyYAML was built with it (5-10x faster: a national units.yaml of 3,300
# communes loads in a few hundredths of a second); the pure-Python one otherwise. Both give the
# node tree with line marks that errors point at.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, but a date that does not exist ('until: 2025-06-31') stays text: the model then says at its
    line that it expects a date, where PyYAML's ValueError was an internal error."""


def _timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

# Limits checked on the event stream before any node is built (the parser keeps its own stack, so
# a deep file cannot overflow Python's): nesting depth, aliases, and the size aliases expand to.
MAX_DEPTH = 64
MAX_ALIASES = 1_000
MAX_EXPANDED_NODES = 1_000_000


def load_yaml(path: Path, data: bytes | None = None) -> tuple[Any, yaml.Node | None]:
    """Give the file's data and its node tree (for line lookup); raise HrplanError on bad YAML.

    `data`: the file's bytes when the caller has read them (to key a cache by exactly what was parsed).
    """
    try:
        if data is None:
            text = path.read_text(encoding="utf-8-sig")
        else:  # as read_text gives them: BOM dropped, line ends made '\n'
            text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except FileNotFoundError:
        raise HrplanError(Problem("file.not_found", location=Location(file=str(path)), params={"path": str(path)})) from None
    except IsADirectoryError:
        raise HrplanError(Problem("yaml.syntax", location=Location(file=str(path)),
                                  params={"file": path.name, "found": "a folder, not a file",
                                          "found_vi": "một thư mục, không phải tệp"})) from None
    except OSError as exc:
        raise HrplanError(Problem("yaml.syntax", location=Location(file=str(path)),
                                  params={"file": path.name, "found": f"cannot be read ({exc.strerror or exc})",
                                          "found_vi": f"không đọc được ({exc.strerror or exc})"})) from None
    except UnicodeDecodeError as exc:
        raise HrplanError(Problem("yaml.syntax", location=Location(file=str(path)),
                                  params={"file": path.name, "found": f"not UTF-8 text ({exc.reason})",
                                          "found_vi": f"không phải văn bản UTF-8 ({exc.reason}); hãy lưu lại tệp với "
                                                      "bảng mã UTF-8"})) from None
    try:
        _check_limits(text, path)
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
            Problem("yaml.syntax", location=Location(file=str(path), line=line),
                    params={"file": path.name, "found": _yaml_problem_en(problem), "found_vi": _yaml_problem_vi(problem)})
        ) from None
    return data, node



_COLON_IN_FLOW_VI = ("có dấu ':' hoặc ',' trong một giá trị giữa {…}: hãy để giá trị đó (thường là tên) trong ngoặc kép, "
                     "ví dụ name: \"Quy hoạch: Ban Chấp hành\"")

# What PyYAML says most often of a hand-edited file, in Vietnamese (anything else is shown as PyYAML says it).
_YAML_PROBLEMS_VI = (
    ("mapping values are not allowed here", "dấu ':' không được phép ở đây (thường do thiếu dấu cách sau ':' ở dòng "
                                            "trên, hoặc một giá trị có ':' cần để trong ngoặc kép)"),
    ("could not find expected ':'", "thiếu dấu ':' giữa khóa và giá trị"),
    ("found character", "có một ký tự không được đứng đầu ở đây: thường là ký tự Tab (YAML chỉ thụt lề bằng dấu "
                        "cách), hoặc @ hay ` ở đầu một giá trị (hãy để giá trị trong ngoặc kép)"),
    ("found a tab character", "có ký tự Tab: YAML chỉ thụt lề bằng dấu cách"),
    ("expected <block end>, but found", "thụt lề không khớp với các dòng cùng cấp"),
    ("did not find expected key", "thụt lề không khớp: không tìm thấy khóa ở đây"),
    ("did not find expected '-' indicator", "thụt lề không khớp: thiếu dấu '-' của phần tử danh sách"),
    ("found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu ngoặc kép hoặc ngoặc đóng?)"),
    ("found undefined alias", "dùng một bí danh (*tên) chưa được khai"),
    ("found duplicate anchor", "một neo (&tên) được khai hai lần"),
    # {code: X, name: Quy hoạch: BCH, ...}: a name with ':' inside a {...} line
    # {code: X, name: Quy hoạch: BCH, ...}: a name with ':' inside a {...} line (PyYAML's words, then libyaml's)
    ("expected ',' or '}', but got ':'", _COLON_IN_FLOW_VI),
    ("did not find expected ',' or '}'", _COLON_IN_FLOW_VI),
)

# What PyYAML's words do not say in English either: how to fix it.
_COLON_IN_FLOW_EN = ("a value inside {…} holds a ':' or ',': put that value (usually a name) in double quotes, e.g. "
                     "name: \"Planning: Executive Committee\"")
_YAML_HINTS_EN = (
    ("expected ',' or '}', but got ':'", _COLON_IN_FLOW_EN),
    ("did not find expected ',' or '}'", _COLON_IN_FLOW_EN),
)


def _yaml_problem_en(problem: str) -> str:
    for start, hint in _YAML_HINTS_EN:
        if problem.startswith(start):
            return f"{problem} ({hint})"
    return problem


def _yaml_problem_vi(problem: str) -> str:
    for english, vietnamese in _YAML_PROBLEMS_VI:
        if problem.startswith(english):
            return vietnamese
    return problem

def _check_limits(text: str, path: Path) -> None:
    """Refuse YAML nested deeper than MAX_DEPTH or whose aliases expand beyond MAX_EXPANDED_NODES (a 'billion
    laughs' of a few lines), from the parser's events, before anything is built."""
    try:
        _count_events(text, path)
    except yaml.YAMLError as exc:
        # Newer libyaml (PyYAML 6.0.3+) stops deep nesting itself, while scanning ahead of our count: the same
        # refusal, said the same way.
        mark = getattr(exc, "problem_mark", None)
        if "nesting depth" not in str(getattr(exc, "problem", None) or exc) or mark is None:
            raise
        raise HrplanError(Problem("yaml.syntax", location=Location(file=str(path), line=mark.line + 1),
                                  params={"file": path.name, "found": f"nested more than {MAX_DEPTH} levels deep",
                                          "found_vi": f"lồng sâu quá {MAX_DEPTH} cấp"})) from None


def _count_events(text: str, path: Path) -> None:
    depth = 0
    aliases = 0
    sizes: dict[str, int] = {}  # anchor -> nodes it expands to
    open_nodes: list[list] = []  # [anchor, nodes so far] per open collection
    total = 0

    def refuse(event: yaml.Event, found: str, found_vi: str) -> None:
        raise HrplanError(Problem("yaml.syntax", location=Location(file=str(path), line=event.start_mark.line + 1),
                                  params={"file": path.name, "found": found, "found_vi": found_vi}))

    def add(n: int) -> None:
        nonlocal total
        total += n
        if open_nodes:
            open_nodes[-1][1] += n

    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                refuse(event, f"nested more than {MAX_DEPTH} levels deep", f"lồng sâu quá {MAX_DEPTH} cấp")
            open_nodes.append([event.anchor, 1])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
            anchor, size = open_nodes.pop()
            if anchor:
                sizes[anchor] = size
            add(size)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            add(1)
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                refuse(event, f"more than {MAX_ALIASES} aliases (*name)", f"hơn {MAX_ALIASES} bí danh (*tên)")
            add(sizes.get(event.anchor, 1))
        if total > MAX_EXPANDED_NODES:
            refuse(event, f"aliases that expand to more than {MAX_EXPANDED_NODES:,} values",
                   f"các bí danh mở ra hơn {MAX_EXPANDED_NODES:,} giá trị".replace(",", "."))


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


def node_at(node: yaml.Node | None, path: tuple[Any, ...]) -> yaml.Node | None:
    """Give the node of the value at `path` (keys and list indexes), or None when the file has none there."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return None
    return node


def shown_value(value: Any) -> str:
    """Give a value read from YAML as the user would write it: a text in quotes ('dem_so'), a day as 2025-10-07, a
    number as 1.5, a list or mapping in YAML's {…} form; never Python's datetime.date(2025, 10, 7)."""
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (date, int, float, Decimal)):
        return value.isoformat() if isinstance(value, date) else str(value)
    try:
        return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000,
                              sort_keys=False).strip().removesuffix("...").strip()
    except yaml.YAMLError:
        return str(value)


def written(node: yaml.Node | None, path: tuple[Any, ...], value: Any) -> str:
    """Give the value at `path` as the file writes it ('2025-10-07', 1.5, 'dem_so' in quotes), else `shown_value`."""
    found = node_at(node, path) if path else None
    if isinstance(found, yaml.ScalarNode) and not isinstance(value, (dict, list)):
        return f"'{found.value}'" if isinstance(value, str) else (found.value or "null")
    return shown_value(value)


def clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Give a pydantic error location without the tags of a setting given once or as a list ('~one', '~many')."""
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("~")))


_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def split_value(node: yaml.Node | None, loc: tuple[Any, ...]) -> tuple[tuple[Any, ...], str, str] | None:
    """Give (the owner field's location, the value as read, the value as meant) where the unknown key at `loc` is a
    piece of the value before it, cut off by a ',' or ':' in an unquoted text ({name: Quy hoạch BCH xã, phường
    nhiệm kỳ 2025 - 2030} reads a key 'phường nhiệm kỳ 2025 - 2030'), else None. Field names are plain ASCII words:
    a key with a space or a Vietnamese letter is no misspelt field."""
    key = loc[-1] if loc else None
    mapping = node_at(node, loc[:-1])
    if not isinstance(key, str) or not isinstance(mapping, yaml.MappingNode):
        return None
    keys = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)]
    at = next((i for i, (k, _) in enumerate(keys) if k.value == key), None)
    if at is None or not _piece(*keys[at]):
        return None
    start = at
    while start > 0 and _piece(*keys[start - 1]):
        start -= 1  # several commas: every piece back to the field they belong to
    if start == 0 or not isinstance(keys[start - 1][1], yaml.ScalarNode):
        return None
    owner, first = keys[start - 1]
    end = at
    while end + 1 < len(keys) and _piece(*keys[end + 1]):
        end += 1
    meant = first.value
    for k, v in keys[start:end + 1]:
        meant += f", {k.value}" + (f": {v.value}" if isinstance(v, yaml.ScalarNode) and v.value else "")
    return (*loc[:-1], owner.value), first.value, meant


def _piece(key: yaml.ScalarNode, value: yaml.Node) -> bool:
    """Tell whether a key looks cut from a text rather than a field: not a plain ASCII word (a space, a Vietnamese
    letter), or a word with nothing after it (a misspelt field has a value)."""
    empty = isinstance(value, yaml.ScalarNode) and value.value == "" and value.tag.endswith(":null")
    return not _FIELD_NAME.match(key.value) or empty


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


class Explained(ValueError):
    """A validator's refusal told in both languages: raise Explained(vi, en) where a plain ValueError would be English only."""

    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi, self.en = vi, en


def expected_text(err: dict[str, Any]) -> tuple[str, str]:
    """Give what a pydantic error expected, as (Vietnamese, English) plain words."""
    from hrplan.messages import render

    code = _EXPECTED.get(err.get("type", ""))
    explained = (err.get("ctx") or {}).get("error")
    if isinstance(explained, Explained):
        return explained.vi, explained.en
    if code is None:
        message = str(err.get("msg", "")).removeprefix("Value error, ")
        return message, message  # our own validators' messages, written for people
    ctx = err.get("ctx") or {}
    limit = next((ctx[k] for k in ("le", "ge", "lt", "gt") if k in ctx), "")
    allowed = str(ctx.get("expected", ""))
    return (render(code, "vi", limit=limit, allowed=allowed.replace(" or ", " hoặc ")),
            render(code, "en", limit=limit, allowed=allowed))
