"""The report as JSON, format 2: numbers per row, words once (issue #15: 260 MB at national scale, now ~30 MB).

The long lists are tables, `{"columns": [...], "rows": [[...], ...]}` (pandas: `DataFrame(t["rows"],
columns=t["columns"])`): `units` (a row per unit and indicator under the scope) and `findings`, and with
`--sources` which cells stand behind each figure (`sources`: table, row, measure and the indices of its cells in
`source_cells`, where each cell is listed once, its file and sheet as indices into `source_texts`). What a row
would repeat is said once, in a lookup:

- `indicators`: code → name, unit of measure, kind, direction ('lower': the plan is a ceiling); `status_words`:
  status → its word ('vượt'), and for a ceiling's 'met' and 'behind' 'ceiling.met' and 'ceiling.behind' ('vượt trần');
- `unit_tree`: code → name, parent (a code not listed is named by its code, as the report does);
- `member_sets`: each group's list of member units once (a group has the same members for every indicator);
  a row gives `member_set` (its index; null for a unit's own row: its members are itself) and `member_count`,
  and `estimate_member_set` the units its estimate (ước thực hiện) is summed over (null: no estimate, or a unit's
  own), often fewer than its members (the summary rows give `estimate_member_count` too);
- `part_sets`: each list of expected parts of the period once ('2025-Q1', … '2026-Q4');
- `item_columns`: the fields of the small lists inside a row (`left_out`, `incomplete`, `notes`, a finding's
  `location`), written as lists in that order.

A unit row keeps every number (plan, actual, total_actual, full_plan, estimate, ratio) and what the figure
lacks (`left_out`, `incomplete`, `notes`, `context`, and the footnotes in words, `lacks` being the indices of
the footnotes that say what the ratio leaves out). It leaves out what is words derived from those: the
display strings, the sentence and the '3/4 quý' parts text (the summary rows keep them), and `unpaired` (the
`left_out` units whose reason is `no_plan`, in order, once each).

`summary`, `annual` and `breakdowns` (a row per indicator at most) stay objects with every field of format 1
(sentence, display strings, footnotes), `members` replaced by `member_set` and `member_count`.

A finding row gives its code, severity, unit, indicator, its `params` as indices into `findings.texts`, in
the order of `findings.params[code]` (null, or past the end of a shorter list: the finding has no such
parameter), and its location (file and sheet as indices into `findings.texts`). Its `message` is null when it
is the code's template (`findings.templates`) filled with the params by `str.format` (a missing `{x_vi}`
takes `{x}`, a missing optional clause `{opt_x}` is empty, `{s}` / `{s_x}` is the English plural ending of the count
`{n}` / `{x}`, any other missing one '?'); otherwise the text. Its `figure` (the one number it is about) is null when it
is the first of `findings.figure_params` that the finding has and is not empty. Its `lacks` is null, or what the
figure it is about lacks (the units that sent nothing, the members missing of a unit only partly in, the parts
missing, the actuals left empty: `checks.finding.Lacks`), which its message then ends with. Every finding is of
the report's program and period.

The lookups come after the tables (they are gathered while the rows are written).

`figure_rows`, `finding_rows` and `figure_sources` give the rows (and a row's cells) back as format 1 wrote them
(tests check they are the same).
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from hrplan.collector import paused_gc
from hrplan.definitions import UnitTree
from hrplan.figures import Figure
from hrplan.reports.data import FigureStream, FindingStream, ReportRows, status_key
from hrplan.jsontext import json_rows, write_json_rows
from hrplan.messages import MESSAGES, fill

JSON_FORMAT = 2  # the report JSON's `format`; the nightly job rewrites a JSON of an older one

UNIT_COLUMNS = ["indicator", "unit", "is_group", "member_set", "member_count", "plan", "actual", "total_actual",
                "full_plan", "estimate", "ratio", "status", "plan_rule", "context", "left_out", "incomplete", "notes",
                "footnotes", "lacks", "absent", "estimate_member_set"]
FINDING_COLUMNS = ["code", "severity", "unit", "indicator", "params", "location", "figure", "message", "lacks"]
SOURCE_COLUMNS = ["table", "row", "measure", "cells"]  # cells: indices into source_cells, in the row's order
# A row's `plan` and `actual` cells are exactly those its numbers add up; the cells of members left out of its
# ratio are listed apart (`plan_left_out`, `actual_left_out`), and `estimate` gives the estimate's.
SOURCE_MEASURES = ("plan", "actual", "estimate", "plan_left_out", "actual_left_out")
CELL_COLUMNS = ["unit", "value", "file", "sheet", "cell", "period", "target", "note"]  # file, sheet: source_texts
ITEM_COLUMNS = {"left_out": ["unit", "reason", "period", "plan", "actual"],
                "incomplete": ["unit", "frequency", "expected", "missing"],  # expected: index into part_sets
                "notes": ["unit", "note"],
                # file, sheet: index into findings.texts; more: how many more cells the figure adds up
                "location": ["file", "sheet", "cell", "line", "field", "more"]}
FIGURE_PARAMS = ("ratio", "share", "value", "actual", "parts_sum", "stated", "left", "arrived", "found", "count")
_ROW_WORDS = ("name", "uom", "kind", "direction", "unit_name", "status_text", "unpaired")  # what a unit row takes from lookups
_ROW_TEXT = ("display", "sentence", "parts")  # words a unit row leaves to the summary
_NO_LOCATION = (None,) * len(ITEM_COLUMNS["location"])  # a finding's Location with nothing known


def report_json_bytes(data: dict[str, Any], units: UnitTree | None, lang: str, sources: bool = False) -> bytes:
    """Give the report's data (format 1, as `report_data` gives it) as format-2 JSON, UTF-8."""
    with paused_gc():
        return json_rows(report_document(data, units, lang, sources))


def write_report_json(data: dict[str, Any], units: UnitTree | None, lang: str, write: Callable[[bytes], Any],
                      sources: bool = False) -> None:
    """Write what `report_json_bytes` gives to `write`, a megabyte at a time."""
    with paused_gc():
        write_json_rows(report_document(data, units, lang, sources), write)


def report_document(data: dict[str, Any], units: UnitTree | None, lang: str,
                    sources: bool = False) -> dict[str, Any]:
    """Give the report's data (format 1) as the format-2 document, to be written once by `jsontext.json_rows`.

    The tables' rows are generators (a report written only as JSON makes its rows as they are written, never
    holding them all) and the lookups are gathered while they run, so the lookups come after the tables."""
    lean = _Lean(units, lang)
    summary = [lean.object_row(r) for r in data.get("summary", [])]
    annual = [lean.object_row(r) for r in data.get("annual", [])]
    breakdowns = [{**b, "total": lean.object_row(b["total"]), "parts": [lean.object_row(p) for p in b["parts"]]}
                  for b in data.get("breakdowns", [])]
    doc: dict[str, Any] = {"format": JSON_FORMAT}
    for key in ("hrplan_version", "generated_at", "workspace", "program", "period", "coverage", "scope", "place",
                "counts", "narrative"):
        if key in data:
            doc[key] = data[key]
    doc.update({
        "summary": summary,
        "annual": annual,
        "breakdowns": breakdowns,
        "units": {"columns": UNIT_COLUMNS, "rows": lean.unit_rows(data.get("units", []))},
        "findings": lean.findings(data.get("findings", [])),
        # the lookups, once the rows that use them are written
        "indicators": lambda: {"columns": ["code", "name", "uom", "kind", "direction"],
                               "rows": [[code, *words] for code, words in lean.indicators.items()]},
        "status_words": lambda: lean.status_words,
        "unit_tree": lambda: {"columns": ["code", "name", "parent"], "rows": lean.unit_tree(data)},
        "member_sets": lambda: lean.member_sets,
        "part_sets": lambda: lean.part_sets,
        "item_columns": ITEM_COLUMNS,
        "submissions": data.get("submissions", {}),
    })
    if sources:
        cells = _Cells()
        doc["sources"] = {"columns": SOURCE_COLUMNS,
                          "rows": cells.rows({"summary": data.get("summary", []), "units": data.get("units", []),
                                              "annual": data.get("annual", [])})}
        doc["source_cells"] = lambda: {"columns": CELL_COLUMNS, "rows": cells.cells}
        doc["source_texts"] = lambda: cells.texts
    return doc


class _Lean:
    """Turns format-1 rows into format-2 rows, gathering the words they share into lookups as it goes."""

    def __init__(self, units: UnitTree | None, lang: str):
        self.units, self.lang = units, lang
        self.indicators: dict[str, list[Any]] = {}
        self.status_words: dict[str, str] = {}
        self.names: dict[str, str] = {}  # unit names seen in rows (when there is no unit tree)
        self.member_sets: list[list[str]] = []
        self._member_index: dict[tuple[str, ...], int] = {}
        self.part_sets: list[list[str]] = []
        self._part_index: dict[tuple[str, ...], int] = {}
        self.codes: set[str] = set()

    def _words(self, row: dict[str, Any]) -> None:
        code = row["indicator"]
        if code not in self.indicators:
            self.indicators[code] = [row["name"], row["uom"], row["kind"], row.get("direction", "higher")]
        self.status_words.setdefault(status_key(row["status"], row.get("direction", "higher")), row["status_text"])
        self.names.setdefault(row["unit"], row["unit_name"])
        self.codes.add(row["unit"])

    def _member_set(self, row: dict[str, Any]) -> int | None:
        return self._members(row["is_group"], row["unit"], row["members"])

    def _members(self, is_group: bool, unit: str, members: list[str]) -> int | None:
        if not is_group and len(members) == 1 and members[0] == unit:
            return None
        key = tuple(members)
        index = self._member_index.get(key)
        if index is None:
            index = self._member_index[key] = len(self.member_sets)
            self.member_sets.append(list(members))
            self.codes.update(members)
        return index

    def _estimate_set(self, is_group: bool, unit: str, members: list[str]) -> int | None:
        return self._members(is_group, unit, members) if members else None

    def _part_set(self, expected: list[str]) -> int:
        key = tuple(expected)
        index = self._part_index.get(key)
        if index is None:
            index = self._part_index[key] = len(self.part_sets)
            self.part_sets.append(list(expected))
        return index

    def object_row(self, row: dict[str, Any]) -> dict[str, Any]:
        """Give a summary (annual, breakdown) row: every field but `members` (and `sources`, kept apart)."""
        self._words(row)
        out = {}
        for key, value in row.items():
            if key == "members":
                out["member_set"] = self._member_set(row)
                out["member_count"] = len(value)
            elif key == "estimate_members":
                out["estimate_member_set"] = self._estimate_set(row["is_group"], row["unit"], value)
                out["estimate_member_count"] = len(value)
            elif key != "sources":
                out[key] = value
        return out

    def unit_rows(self, rows: Iterable[dict[str, Any]]) -> Iterator[list[Any]]:
        """Give the unit rows: from the figures themselves when the report was made only for JSON (`FigureStream`),
        else from its rows."""
        if isinstance(rows, FigureStream):
            words = rows.rows
            return (self.figure_row(fig, words) for fig in rows.figures())
        return (self.unit_row(r) for r in rows)

    def figure_row(self, fig: Figure, words: ReportRows) -> list[Any]:
        """Give the row `unit_row` gives for `words.row(fig, False)`, without that dict in between."""
        ind, unit = fig.indicator, fig.unit
        code = ind.code
        ratio, status, plan, actual, notes, lacks, footnotes = words.numbers(fig)
        if code not in self.indicators:
            self.indicators[code] = [ind.name_in(words.lang), ind.uom, ind.kind.value, ind.direction.value]
        key = status_key(status, ind.direction)
        if key not in self.status_words:
            self.status_words[key] = words.status_text(status, ind.direction)
        if unit not in self.names:
            self.names[unit] = words.unit_name(unit)
        codes = self.codes
        codes.add(unit)
        members = fig.members
        left_out, incomplete, context = fig.left_out, fig.incomplete, fig.context
        if left_out:
            codes.update(lo.unit for lo in left_out)
        if incomplete:
            codes.update(c.unit for c in incomplete)
        if notes:
            codes.update(u for u, _ in notes)
        if fig.absent or fig.members_missing:
            codes.update(fig.absent)
            for u in fig.absent:
                self.names.setdefault(u, words.unit_name(u))
            for pair in fig.members_missing:
                codes.update(pair)
                for u in pair:
                    self.names.setdefault(u, words.unit_name(u))
        for u, _ in fig.blanks:
            codes.add(u)
            self.names.setdefault(u, words.unit_name(u))
        total, full, estimate = fig.actual, fig.full_plan, fig.estimate
        return [code, unit, fig.is_group, self._members(fig.is_group, unit, members), len(members),
                float(plan) if plan is not None else None, float(actual) if actual is not None else None,
                float(total) if total is not None else None, float(full) if full is not None else None,
                float(estimate) if estimate is not None else None, ratio, status, fig.plan_rule,
                context.to_dict() if context is not None else None,
                [[lo.unit, lo.reason, lo.period, float(lo.plan) if lo.plan is not None else None,
                  float(lo.actual) if lo.actual is not None else None] for lo in left_out],
                [[c.unit, c.frequency, self._part_set(c.expected), list(c.missing)] for c in incomplete],
                [[u, n] for u, n in notes], footnotes, _positions(lacks, footnotes) if lacks else [],
                _absent_row(list(fig.absent), fig.due, [list(p) for p in fig.members_missing],
                            [list(b) for b in dict.fromkeys(fig.blanks)])
                if fig.absent or fig.members_missing or fig.blanks else None,
                self._estimate_set(fig.is_group, unit, [u for u, _ in fig.estimate_members])]

    def unit_row(self, row: dict[str, Any]) -> list[Any]:
        self._words(row)
        footnotes = row["footnotes"]
        codes = self.codes
        codes.update(lo["unit"] for lo in row["left_out"])
        codes.update(c["unit"] for c in row["incomplete"])
        if row.get("absent"):
            codes.update(row["absent"]["units"])
            self.names.update(zip(row["absent"]["units"], row["absent"]["names"]))
            for m in row["absent"].get("members_missing", ()):
                codes.update((m["unit"], m["group"]))
                self.names.update({m["unit"]: m["name"], m["group"]: m["group_name"]})
            for b in row["absent"].get("blanks", ()):
                codes.add(b["unit"])
                self.names[b["unit"]] = b["name"]
        codes.update(n["unit"] for n in row["notes"])
        return [row["indicator"], row["unit"], row["is_group"], self._member_set(row), len(row["members"]),
                row["plan"], row["actual"], row["total_actual"], row["full_plan"], row["estimate"], row["ratio"],
                row["status"], row["plan_rule"], row["context"],
                [[lo["unit"], lo["reason"], lo["period"], lo["plan"], lo["actual"]] for lo in row["left_out"]],
                [[c["unit"], c["frequency"], self._part_set(c["expected"]), c["missing"]] for c in row["incomplete"]],
                [[n["unit"], n["note"]] for n in row["notes"]],
                footnotes, _positions(row["lacks"], footnotes),
                _absent_row(row["absent"]["units"], row["absent"]["due"],
                            [[m["unit"], m["group"]] for m in row["absent"].get("members_missing", ())],
                            [[b["unit"], b["period"]] for b in row["absent"].get("blanks", ())])
                if row.get("absent") else None,
                self._estimate_set(row["is_group"], row["unit"], row["estimate_members"])]

    def findings(self, findings: Iterable[dict[str, Any]]) -> dict[str, Any]:
        """Give the findings as a table (rows made as they are written), their parameter values and file names once
        in `texts`."""
        keys: dict[str, list[str]] = {}
        templates: dict[str, str] = {}
        texts: list[str] = []
        text_index: dict[str, int] = {}

        def text(value: str) -> int:
            index = text_index.get(value)
            if index is None:
                index = text_index[value] = len(texts)
                texts.append(value)
            return index

        def order_of(code: str, params: dict[str, Any]) -> list[str]:
            order = keys.get(code)
            if order is None:
                order = keys[code] = []
                if code in MESSAGES:
                    templates[code] = MESSAGES[code][1 if self.lang == "en" else 0]
            for key in params:
                if key not in order:
                    order.append(key)
            return order

        def location_of(file: str | None, sheet: str | None, *rest: Any) -> list[Any]:
            location = [text(file) if file is not None else None, text(sheet) if sheet is not None else None, *rest]
            while location and location[-1] is None:
                location.pop()
            return location

        def rows() -> Iterator[list[Any]]:
            for f in findings:
                code, params = f["code"], f["params"]
                order = order_of(code, params)
                loc = f["location"]
                location = (location_of(loc.get("file"), loc.get("sheet"), loc.get("cell"), loc.get("line"),
                                        loc.get("field"), loc.get("more")) if loc else None)
                message = f["message"]
                if code in templates and _fill(templates[code], params) == message:
                    message = None
                figure = f["figure"] if f["figure"] != _figure(params) else None
                if f["unit"] is not None:
                    self.codes.add(f["unit"])
                yield [code, f["severity"], f["unit"], f["indicator"],
                       [text(params[k]) if k in params else None for k in order], location, figure, message,
                       f.get("lacks")]

        def rows_of_findings(stream: FindingStream) -> Iterator[list[Any]]:
            """The rows `rows` gives for `Finding.to_dict`, made from the findings (no dict, and a message that is
            its template filled with texts is not rendered at all)."""
            lang = stream.lang
            for f in stream.findings:
                code, raw = f.code, f.params
                params = {k: str(v) for k, v in raw.items()}
                order = order_of(code, params)
                loc = f.location
                fields = (loc.file, loc.sheet, loc.cell, loc.line, loc.field, loc.more)
                location = location_of(*fields) if fields != _NO_LOCATION else None
                if lang == self.lang and f.wording is None and f.lacks is None and all(type(v) is str
                                                                                      for v in raw.values()):
                    # the message is the template filled with these texts, and the figure most often the one they
                    # give (not a Vietnamese '_vi' number: the reader's rule knows no language)
                    message = None if code in templates else f.message(lang)
                    figure = f.figure(lang)
                    figure = figure if figure != _figure(params) else None
                else:
                    message = f.message(lang)
                    if code in templates and _fill(templates[code], params) == message:
                        message = None
                    figure = f.figure(lang)
                    figure = figure if figure != _figure(params) else None
                if f.unit is not None:
                    self.codes.add(f.unit)
                yield [code, f.severity.value, f.unit, f.indicator,
                       [text(params[k]) if k in params else None for k in order], location, figure, message,
                       f.lacks.to_dict() if f.lacks is not None else None]

        return {"columns": FINDING_COLUMNS,
                "rows": rows_of_findings(findings) if isinstance(findings, FindingStream) else rows(),
                "params": lambda: keys, "templates": lambda: templates,
                "texts": lambda: texts, "figure_params": list(FIGURE_PARAMS)}

    def unit_tree(self, data: dict[str, Any]) -> list[list[Any]]:
        """Give code, name and parent of the scope's units and of every unit the report names."""
        scope = (data.get("scope") or {}).get("code")
        codes = set(self.codes) | set(data.get("submissions", {}))
        if self.units is None:
            return [[code, name, None] for code, name in self.names.items()]
        tree = self.units
        ordered = tree.subtree(scope) if scope and scope in tree else []
        inside = set(ordered)
        ordered += sorted(c for c in codes - inside if c in tree)
        return [[c, tree.get(c).name, tree.get(c).parent] for c in ordered]


def _positions(lacks: list[str], footnotes: list[str]) -> list[int]:
    """Give where each of `lacks` stands among `footnotes` (they are written there, in order)."""
    out, start = [], 0
    for text in lacks:
        start = footnotes.index(text, start)
        out.append(start)
        start += 1
    return out


class _Cells:
    """Gathers the cells behind the figures, each once: a group's figure is made of its members' cells, so a
    commune's cell stands behind its own row, its province's and the summary's."""

    def __init__(self) -> None:
        self.cells: list[list[Any]] = []
        self.texts: list[str] = []
        self._cell_index: dict[tuple, int] = {}
        self._text_index: dict[str, int] = {}

    def _text(self, value: str | None) -> int | None:
        if value is None:
            return None
        index = self._text_index.get(value)
        if index is None:
            index = self._text_index[value] = len(self.texts)
            self.texts.append(value)
        return index

    def _cell(self, s: dict[str, Any]) -> int:
        key = (s["unit"], s["value"], s.get("file"), s.get("sheet"), s.get("cell"), s.get("period"), s.get("target"),
               s.get("note"))
        index = self._cell_index.get(key)
        if index is None:
            index = self._cell_index[key] = len(self.cells)
            self.cells.append([key[0], key[1], self._text(key[2]), self._text(key[3]), *key[4:]])
        return index

    def rows(self, tables: dict[str, Iterable[dict[str, Any]]]) -> Iterator[list[Any]]:
        for table, rows in tables.items():
            for i, row in enumerate(rows):
                for measure in SOURCE_MEASURES:
                    found = (row.get("sources") or {}).get(measure, [])
                    if found:
                        yield [table, i, measure, [self._cell(s) for s in found]]


# -- reading format 2 back -------------------------------------------------------------------------------------

def figure_rows(doc: dict[str, Any], table: str = "units") -> list[dict[str, Any]]:
    """Give the rows of `table` ('units', 'summary', 'annual') as format 1 wrote them.

    A unit row comes without the words it leaves to the summary (display, sentence, parts); every row comes
    without its sources (see `doc["sources"]`)."""
    names = {code: name for code, name, _ in doc["unit_tree"]["rows"]}
    # `direction` came after the other columns (a report written before it has none: more is better)
    indicators = {code: (name, uom, kind, rest[0] if rest else "higher")
                  for code, name, uom, kind, *rest in doc["indicators"]["rows"]}
    sets = doc["member_sets"]
    if table != "units":
        return [_members_back(r, sets) for r in doc[table]]
    name_of = lambda code: names.get(code, code)  # noqa: E731
    words = doc["status_words"]
    parts = doc["part_sets"]
    out = []
    for values in doc["units"]["rows"]:
        r = dict(zip(doc["units"]["columns"], values))
        name, uom, kind, direction = indicators[r["indicator"]]
        left_out = [dict(zip(ITEM_COLUMNS["left_out"], lo)) for lo in r["left_out"]]
        out.append({
            "indicator": r["indicator"], "name": name, "uom": uom, "kind": kind, "direction": direction,
            "unit": r["unit"],
            "unit_name": name_of(r["unit"]), "is_group": r["is_group"],
            "members": list(sets[r["member_set"]]) if r["member_set"] is not None else [r["unit"]],
            "unpaired": list(dict.fromkeys(lo["unit"] for lo in left_out if lo["reason"] == "no_plan")),
            **{k: r[k] for k in ("plan", "actual", "total_actual", "full_plan", "estimate")},
            "estimate_members": _estimate_back(r, sets),
            **{k: r[k] for k in ("ratio", "status")},
            "status_text": words[status_key(r["status"], direction)], "plan_rule": r["plan_rule"], "context": r["context"],
            "left_out": left_out,
            "incomplete": [{"unit": u, "frequency": freq, "expected": parts[e], "missing": missing,
                            "present": len(parts[e]) - len(missing), "unit_name": name_of(u)}
                           for u, freq, e, missing in r["incomplete"]],
            "absent": _absent_back(r["absent"], name_of) if r.get("absent") else None,
            "notes": [{"unit": u, "note": n} for u, n in r["notes"]],
            "footnotes": r["footnotes"], "lacks": [r["footnotes"][i] for i in r["lacks"]],
        })
    return out


def _absent_row(units: list[str], due: int, members_missing: list[list[str]], blanks: list[list]) -> dict[str, Any]:
    """Give a unit row's `absent`: the reporters that sent nothing, how many were due, the [member, reporter] pairs
    of the members missing of the reporters only partly in, and the [unit, sub-period or null] whose actual was left
    empty (each key only when there are some)."""
    out: dict[str, Any] = {"units": units, "due": due}
    if members_missing:
        out["members_missing"] = members_missing
    if blanks:
        out["blanks"] = blanks
    return out


def _absent_back(absent: dict[str, Any], name_of) -> dict[str, Any]:
    out = {"units": absent["units"], "names": [name_of(u) for u in absent["units"]], "due": absent["due"]}
    if absent.get("members_missing"):
        out["members_missing"] = [{"unit": m, "name": name_of(m), "group": g, "group_name": name_of(g)}
                                  for m, g in absent["members_missing"]]
    if absent.get("blanks"):
        out["blanks"] = [{"unit": u, "name": name_of(u), "period": p} for u, p in absent["blanks"]]
    return out


def _members_back(row: dict[str, Any], sets: list[list[str]]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if key == "member_set":
            out["members"] = list(sets[value]) if value is not None else [row["unit"]]
        elif key == "estimate_member_set":
            out["estimate_members"] = _estimate_back(row, sets)
        elif key not in ("member_count", "estimate_member_count"):
            out[key] = value
    return out


def _estimate_back(row: dict[str, Any], sets: list[list[str]]) -> list[str]:
    """Give the units a row's estimate is summed over (`estimate_member_set`; null: none, or the unit's own)."""
    index = row.get("estimate_member_set")
    if index is not None:
        return list(sets[index])
    return [row["unit"]] if row.get("estimate") is not None else []


def _figure(params: dict[str, str]) -> str:
    for key in FIGURE_PARAMS:
        value = params.get(key)
        if value is not None and value != "":
            return value
    return ""


def _fill(template: str, params: dict[str, str]) -> str:
    """Give a message template filled as the catalogue fills it (`hrplan.messages.render`)."""
    return fill(template, params)


def finding_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Give the findings as format 1 wrote them."""
    table = doc["findings"]
    texts, keys = table["texts"], table["params"]
    program, period = doc["program"]["code"], doc["period"]["label"]
    out = []
    templates = table["templates"]
    for code, severity, unit, indicator, values, location, figure, message, *rest in table["rows"]:
        lacks = rest[0] if rest else None  # what the figure lacks (a column written since the marks reached check)
        params = {k: texts[i] for k, i in zip(keys[code], values) if i is not None}
        loc = {}
        for key, value in zip(ITEM_COLUMNS["location"], location or []):
            if value is not None:
                loc[key] = texts[value] if key in ("file", "sheet") else value
        if figure is None:
            figure = next((params[k] for k in table["figure_params"] if params.get(k) not in (None, "")), "")
        if message is None:
            message = _fill(templates[code], params)
        out.append({"code": code, "severity": severity, "program": program, "period": period, "unit": unit,
                    "indicator": indicator, "figure": figure, "message": message,
                    "location": loc, "params": params, **({"lacks": lacks} if lacks is not None else {})})
    return out


def figure_sources(doc: dict[str, Any]) -> dict[tuple[str, int], dict[str, list[dict[str, Any]]]]:
    """Give the cells behind each row of a report written with `--sources`, as format 1 wrote a row's `sources`:
    {(table, row): {"plan": [...], "actual": [...]}} (a row without cells has none listed)."""
    texts = doc["source_texts"]
    cells = []
    for values in doc["source_cells"]["rows"]:
        cell = dict(zip(CELL_COLUMNS, values))
        for key in ("file", "sheet"):
            if cell[key] is not None:
                cell[key] = texts[cell[key]]
        cells.append({k: v for k, v in cell.items() if v is not None})
    out: dict[tuple[str, int], dict[str, list[dict[str, Any]]]] = {}
    for table, row, measure, indices in doc["sources"]["rows"]:
        out.setdefault((table, row), {"plan": [], "actual": []})[measure] = [cells[i] for i in indices]
    return out
