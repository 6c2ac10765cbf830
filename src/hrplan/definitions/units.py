"""The units registry (danh mục đơn vị): who reports, in a tree of any depth under the province.

Since 1 July 2025 most provinces have no district level, so nothing here assumes fixed levels:
a unit has a code, a name, aliases, a kind word and an optional parent. A unit set up on a day
(thành lập) says `from:`; one dissolved (giải thể) or merged (sáp nhập) says the last day it existed,
`until:`, and `merged_into:` the unit that took it over. A unit owes reports, and its targets count,
only for the periods overlapping its life (`Unit.lived`).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hrplan.definitions.yaml_source import expected_text, field_path, line_of, load_yaml
from hrplan.messages import render
from hrplan.names import closest, fold
from hrplan.problems import HrplanError, Location, Problem


class Unit(BaseModel):
    """A reporting unit (đơn vị): a department, district, commune or the province itself."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    code: str
    name: str
    parent: str | None = None
    kind: str | None = None  # tỉnh, sở, huyện, xã... (free text: levels are not fixed)
    aliases: list[str] = []
    began: date | None = Field(None, alias="from")  # thành lập: its first day
    until: date | None = None  # giải thể / sáp nhập: its last day
    merged_into: str | None = None  # sáp nhập vào: the unit that took over its people and work

    def lived(self, start: date, end: date) -> bool:
        """Tell whether the unit existed on some day from `start` to `end`."""
        return (self.began is None or end >= self.began) and (self.until is None or start <= self.until)


FIELDS = ("code", "name", "parent", "kind", "aliases", "from", "until", "merged_into")  # as written in units.yaml


class UnitTree:
    """The registry as a tree: look-up by code or name, children, descendants, ancestors."""

    def __init__(self, units: list[Unit]):
        self.units: dict[str, Unit] = {u.code: u for u in units}
        self._children: dict[str | None, list[str]] = {}
        for u in units:
            self._children.setdefault(u.parent, []).append(u.code)
        self._descendants: dict[str, tuple[str, ...]] = {}
        self._under: dict[str, frozenset[str]] = {}
        self._names: dict[str, tuple[str, ...]] | None = None
        self._longest = 0
        self._keys: dict[str, str] = {}
        for u in units:
            for name in [u.code, u.name, *u.aliases]:
                self._keys.setdefault(fold(name), u.code)

    def lives(self) -> dict[str, Unit]:
        """Give the units with a first or last day (`from:`, `until:`), by code."""
        return {c: u for c, u in self.units.items() if u.began is not None or u.until is not None}

    def __contains__(self, code: str) -> bool:
        return code in self.units

    def get(self, code: str) -> Unit:
        return self.units[code]

    def roots(self) -> list[str]:
        return list(self._children.get(None, []))

    def children(self, code: str) -> list[str]:
        return list(self._children.get(code, []))

    def has_children(self, code: str) -> bool:
        return bool(self._children.get(code))

    def descendants(self, code: str) -> list[str]:
        """Give every unit under `code` (not itself), depth first."""
        return list(self._descendants_of(code))

    def _descendants_of(self, code: str) -> tuple[str, ...]:
        # Cached: import asks for the program's scope subtree for every file of a run.
        # Walked with a stack, not recursion: a chain of units 1,500 deep is a registry, not a crash.
        found = self._descendants.get(code)
        if found is None:
            out: list[str] = []
            stack = list(reversed(self._children.get(code, [])))
            while stack:
                child = stack.pop()
                out.append(child)
                stack.extend(reversed(self._children.get(child, [])))
            found = self._descendants[code] = tuple(out)
        return found

    def is_under(self, code: str, ancestor: str) -> bool:
        """Tell whether `code` is `ancestor` itself or lies anywhere under it."""
        under = self._under.get(ancestor)
        if under is None:
            under = self._under[ancestor] = frozenset((ancestor, *self._descendants_of(ancestor)))
        return code in under

    def names_by_key(self) -> tuple[dict[str, tuple[str, ...]], int]:
        """Give each folded name or alias (not codes) with the units it names, and the most words
        any of them has; built once per tree."""
        if self._names is None:
            index: dict[str, list[str]] = {}
            for u in self.units.values():
                for key in {fold(n) for n in [u.name, *u.aliases]}:
                    index.setdefault(key, []).append(u.code)
            self._names = {k: tuple(v) for k, v in index.items()}
            self._longest = max((k.count(" ") + 1 for k in self._names), default=0)
        return self._names, self._longest

    def subtree(self, code: str | None) -> list[str]:
        """Give `code` and every unit under it; None gives the whole registry."""
        if code is None:
            return [c for root in self.roots() for c in self.subtree(root)]
        return [code, *self.descendants(code)]

    def leaves(self, code: str | None) -> list[str]:
        return [c for c in self.subtree(code) if not self.children(c)]

    def match(self, text: str) -> str | None:
        """Give the code of the unit a code, name or alias names (folded), or None."""
        return self._keys.get(fold(text))

    def resolve(self, text: str) -> str:
        """Give the unit code for `text`; raise HrplanError naming the closest units when none."""
        code = self.match(text)
        if code:
            return code
        near = ", ".join(self.closest(text))
        code = "unit.not_found.named_near" if near else "unit.not_found.named"
        raise HrplanError(Problem("unit.not_found", params={"unit": text, "near": near, "hint": render(code, "en", near=near),
                                                            "hint_vi": render(code, "vi", near=near)}))

    def closest(self, text: str) -> list[str]:
        """Give up to three units whose code, name or alias is nearest `text`, as 'HHA (Huyện Hòa An)'."""
        near = closest(text, {k: f"{self.units[c].code} ({self.units[c].name})" for k, c in self._keys.items()})
        return list(dict.fromkeys(near))  # a unit close by its name and by an alias is named once


CACHE_MIN_BYTES = 32 * 1024  # a smaller registry parses in a few milliseconds: not worth keeping


def load_units(path: Path, cache_in: Path | None = None) -> UnitTree:
    """Give the unit tree defined in `path` (units.yaml); raise HrplanError on a mistake.

    `cache_in`: a workspace whose definitions cache (definitions/cache.py) may hold the units parsed
    before from the same bytes (a national registry of 3,335 units: 0.15 s of parsing per command).
    """
    raw = key = None
    if cache_in is not None:
        try:
            raw = path.read_bytes()
        except OSError:
            raw = None  # load_yaml says why
        if raw is not None and len(raw) >= CACHE_MIN_BYTES:
            from hrplan.definitions.cache import DefinitionCache, definition_key

            key = definition_key("units", raw)
            kept = DefinitionCache(cache_in).get("units", key)
            if isinstance(kept, list):
                try:
                    return UnitTree([Unit.model_validate(entry) for entry in kept])
                except ValidationError:
                    pass  # not what a load wrote: parse the file
    data, node = load_yaml(path, raw if key is not None else None)
    entries = data.get("units") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise HrplanError(Problem("units.invalid", location=Location(file=str(path), line=1),
                                  params={"found": "no 'units:' list", "found_vi": "không có danh sách 'units:'",
                                          "expected": "units: followed by a list of units",
                                          "expected_vi": "units: rồi danh sách các đơn vị"}))
    problems: list[Problem] = []
    units: list[Unit] = []
    for i, entry in enumerate(entries):
        try:
            units.append(Unit.model_validate(entry))
        except ValidationError as exc:
            for err in exc.errors():
                loc = ("units", i, *err["loc"])
                expected = ("code and name for every unit", "mã và tên cho mọi đơn vị")
                if err["type"] == "extra_forbidden":  # say which fields there are: 'valid_until' is 'until'
                    expected = (f"one of the fields {', '.join(FIELDS)}", f"một trong các trường {', '.join(FIELDS)}")
                elif err["type"].startswith("date"):
                    expected = ("a date written 2025-06-30", "một ngày viết dạng 2025-06-30")
                found_vi, found = expected_text(err)
                problems.append(Problem("units.invalid", location=Location(file=str(path), line=line_of(node, loc), field=field_path(loc)),
                                        params={"found": f"'{err['loc'][-1]}': {found}" if err["loc"] else found,
                                                "found_vi": f"'{err['loc'][-1]}': {found_vi}" if err["loc"] else found_vi,
                                                "expected": expected[0], "expected_vi": expected[1]}))
    seen: set[str] = set()
    for i, u in enumerate(units):
        if u.code in seen:
            loc = Location(file=str(path), line=line_of(node, ("units", i)), field=f"units[{i}]")
            problems.append(Problem("units.invalid", location=loc, params={
                "found": f"code '{u.code}' used twice", "found_vi": f"mã '{u.code}' dùng hai lần",
                "expected": "unique unit codes", "expected_vi": "mỗi đơn vị một mã riêng"}))
        seen.add(u.code)
    codes = {u.code for u in units}
    for i, u in enumerate(units):
        if u.parent is not None and u.parent not in codes:
            problems.append(Problem("units.invalid", location=Location(file=str(path), line=line_of(node, ("units", i, "parent")),
                                                                       field=f"units[{i}].parent"),
                                    params={"found": f"parent '{u.parent}' of '{u.code}' is not a unit",
                                            "found_vi": f"đơn vị cấp trên '{u.parent}' của '{u.code}' không có trong danh mục",
                                            "expected": "the code of another unit", "expected_vi": "mã của một đơn vị khác"}))
    problems += _life_problems(units, codes, path, node)
    if problems:
        raise HrplanError(problems)
    tree = UnitTree(units)
    if len(tree.subtree(None)) != len(units):
        raise HrplanError(_cycle_problems(units, path, node))
    if key is not None:  # only a registry accepted whole is kept
        from hrplan.definitions.cache import DefinitionCache

        DefinitionCache(cache_in).put("units", key, [u.model_dump(mode="json", by_alias=True, exclude_none=True)
                                                     for u in units], path)
    return tree


def _life_problems(units: list[Unit], codes: set[str], path: Path, node) -> list[Problem]:
    """Give the mistakes of the units' lives: a successor not in the registry (or the unit itself), a merger without
    its last day, a unit ending before it began."""
    problems = []

    def problem(i: int, key: str, found: tuple[str, str], expected: tuple[str, str]) -> None:
        problems.append(Problem("units.invalid", location=Location(file=str(path), line=line_of(node, ("units", i, key)),
                                                                   field=f"units[{i}].{key}"),
                                params={"found": found[0], "found_vi": found[1], "expected": expected[0],
                                        "expected_vi": expected[1]}))

    for i, u in enumerate(units):
        if u.merged_into is not None and (u.merged_into not in codes or u.merged_into == u.code):
            problem(i, "merged_into", (f"'{u.code}' is merged into '{u.merged_into}', which is not another unit",
                                       f"'{u.code}' sáp nhập vào '{u.merged_into}', không phải một đơn vị khác trong danh mục"),
                    ("the code of the unit that took it over", "mã của đơn vị nhận sáp nhập"))
        if u.merged_into is not None and u.until is None:
            problem(i, "merged_into", (f"'{u.code}' is merged into '{u.merged_into}' without the day it ended",
                                       f"'{u.code}' sáp nhập vào '{u.merged_into}' mà không ghi ngày kết thúc"),
                    ("until: its last day, e.g. until: 2025-06-30", "until: ngày cuối cùng, ví dụ until: 2025-06-30"))
        if u.began is not None and u.until is not None and u.until < u.began:
            problem(i, "until", (f"'{u.code}' ends ({u.until:%d/%m/%Y}) before it begins ({u.began:%d/%m/%Y})",
                                 f"'{u.code}' kết thúc ({u.until:%d/%m/%Y}) trước ngày bắt đầu ({u.began:%d/%m/%Y})"),
                    ("from: no later than until:", "from: không sau until:"))
    return problems


def _cycle_problems(units: list[Unit], path: Path, node) -> list[Problem]:
    """Give one problem per cycle of parents, at the 'parent' line of its first unit in the file."""
    parent = {u.code: u.parent for u in units}
    index = {u.code: i for i, u in enumerate(units)}
    problems: list[Problem] = []
    reported: set[str] = set()
    for u in units:
        walk: list[str] = []
        code: str | None = u.code
        while code is not None and code not in walk and code not in reported:
            walk.append(code)
            code = parent[code]
        if code is None or code in reported:
            continue  # reaches a root, or a cycle already reported
        cycle = walk[walk.index(code):]
        reported.update(cycle)
        first = min(cycle, key=index.__getitem__)
        i = index[first]
        problems.append(Problem("units.invalid",
                                location=Location(file=str(path), line=line_of(node, ("units", i, "parent")),
                                                  field=f"units[{i}].parent"),
                                params={"found": "a cycle of parents: " + " → ".join([*cycle, cycle[0]]),
                                        "found_vi": "cấp trên vòng quanh: " + " → ".join([*cycle, cycle[0]]),
                                        "expected": "a tree: no unit may be its own ancestor",
                                        "expected_vi": "một cây: không đơn vị nào là cấp trên của chính mình"}))
    return problems
