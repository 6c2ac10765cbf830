"""The workspace: a folder holding config, program definitions, the units registry, an inbox and the store.

Commands find it from the current folder upwards (like git) or from `--workspace`.

    workspace/
      hrplan.yaml        settings (cut-off rule, file-name pattern, read limits, store)
      programs/*.yaml    one file per program (+ target CSVs beside them)
      units.yaml         the units registry
      inbox/             where submissions arrive (the nightly job reads it)
      done/<period>/     files the nightly job imported, filed by period
      rejected/          files it refused, each with a .reason.txt beside it
      logs/              the nightly job's log (rotated) and its last run
      reports/           where reports are written by default
      hrplan.sqlite      the store (or a PostgreSQL server: `store: postgresql://user@host/db`)
"""
from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, field_validator, Field, ValidationError

from hrplan.store import DEFAULT_STORE, StoreUrl, parse_store_url
from hrplan.workbooks import ReadLimits
from hrplan.definitions import CutoffRule, DeadlineRule, DeclaredLayout, ReportSettings
from hrplan.names import fold
from hrplan.problems import HrplanError, Location, Problem
from hrplan.definitions import Explained, expected_text, field_path, load_yaml, written

if TYPE_CHECKING:
    from hrplan.definitions import Program, UnitTree
    from hrplan.store import Store

CONFIG_NAME = "hrplan.yaml"


class ConsolidateSettings(BaseModel):
    """How the nightly `hrplan consolidate` runs (the `consolidate:` section of hrplan.yaml)."""

    model_config = ConfigDict(extra="forbid")

    # Report formats rewritten per program and current period when something changed.
    formats: list[str] = ["html", "json"]
    report_lang: Literal["vi", "en"] = "vi"  # the reports' language (the run's --lang only sets the log's)
    # The current period of every program (e.g. "2023-Q2"); unset: each program's latest period in the store.
    period: str | None = None
    periods: dict[str, str] = {}  # per program code, overriding `period`
    # A file must keep its size and time over this many seconds to count as fully written.
    settle_seconds: float = Field(2.0, ge=0, le=600)
    log_max_kb: int = Field(1024, ge=1)  # the log is rotated past this size
    log_keep: int = Field(5, ge=0, le=100)  # rotated logs kept (consolidate.log.1 ... .N)


class WorkspaceConfig(BaseModel):
    """Settings of one workspace, as written in hrplan.yaml."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    name: str = "hrplan"
    # A store URL (sqlite:///file relative to the workspace, postgresql://user@host/db) or a plain path.
    store: str = DEFAULT_STORE
    cutoff: CutoffRule = CutoffRule()
    # When a period's report is due, e.g. {day: 15, months_after: 1} (Decree 09); None: no lateness check.
    deadline: DeadlineRule | None = None
    # How to read unit and period from a file name when the workbook does not say.
    filename_pattern: str | None = r"^(?P<unit>[^_]+)_(?P<period>\d{4}(?:-[QH]\d)?)"
    read_limits: ReadLimits = ReadLimits()
    read_hidden_sheets: bool = False
    # Table layouts declared by file-name pattern (`files:`), for workbooks detection cannot read alone.
    layouts: list[DeclaredLayout] = []
    consolidate: ConsolidateSettings = ConsolidateSettings()
    # The report's heading, number, place, signer and recipients (a program file may override them).
    report: ReportSettings = ReportSettings()

    @field_validator("layouts")
    @classmethod
    def _layouts_name_their_files(cls, layouts: list[DeclaredLayout]) -> list[DeclaredLayout]:
        if any(layout.files is None for layout in layouts):
            raise Explained("mỗi cách trình bày (layout) trong hrplan.yaml ghi các tệp nó dùng cho: files: '^BHYT_'",
                            "each layout in hrplan.yaml names the files it is for: files: '^BHYT_'")
        return layouts


DEFAULT_CONFIG = """\
# hrplan workspace settings
name: {name}
# The store: an SQLite file inside the workspace, or an office's PostgreSQL server, e.g.
#   store: postgresql://analyst@db.tinh.vn/hrplan   (password in ~/.pgpass or PGPASSWORD, not here)
store: {store}
# Cut-off rule (Decree 09/2019/ND-CP): a quarter runs from the 15th of the month before it
# to the 14th of its last month. Use day: 1 for calendar periods.
cutoff:
  day: 15
# When a period's report is due, for 'check' (late submissions) and 'status --period':
# e.g. the 15th of the month after the period (Decree 09/2019/ND-CP). Uncomment to check:
# deadline:
#   day: 15
#   months_after: 1
# Where a workbook names neither unit nor period, read them from the file name:
# e.g. SYT_2023-Q2.xlsx -> unit SYT, period 2023-Q2 (and 12-CTr-TU_SYT_2023-Q2.xlsx, a template's name, too).
filename_pattern: '^(?P<unit>[^_]+)_(?P<period>\\d{{4}}(?:-[QH]\\d)?)'
read_hidden_sheets: false
# The nightly job (hrplan consolidate): report formats rewritten when something changed
# (docx: the Word report, html, xlsx: the consolidated workbook, json),
# and how long a file must stay unchanged before it counts as fully written.
consolidate:
  formats: [html, json]
  settle_seconds: 2
"""

DEFAULT_UNITS = """\
# Units registry: code, name, parent (code), kind, aliases. Any depth.
units:
  - code: TINH
    name: {name}
    kind: {kind}
"""


class Workspace:
    """An opened workspace: its paths, settings, programs and units (loaded when first asked for)."""

    def __init__(self, root: Path, store: str | None = None):
        """Open the workspace in `root`; `store` (a URL, from --store or HRPLAN_STORE) wins over hrplan.yaml."""
        self.root = root.resolve()
        self.config = _load_config(self.root / CONFIG_NAME)
        self.store_override = store
        self._alone: dict[Path, Program] = {}  # programs loaded one by one (see `program`)
        self._codes: list[tuple[Path, str | None]] | None = None  # each program file and the code its `code:` line gives
        self.targets_tables: list[str] = []  # the targets tables the programs were read from (once loaded)
        self._loaded: dict[str, str] = {}  # each definitions file loaded by `programs` or `units`: its bytes' SHA-256
        self._unsure = False  # a definitions file changed while it was being loaded

    @property
    def programs_dir(self) -> Path:
        return self.root / "programs"

    @property
    def units_file(self) -> Path:
        return self.root / "units.yaml"

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @cached_property
    def store_url(self) -> StoreUrl:
        """Give where the store is: --store or HRPLAN_STORE, else hrplan.yaml (relative paths from the workspace)."""
        return parse_store_url(self.store_override or self.config.store, self.root)

    @property
    def store_path(self) -> Path | None:
        """Give the SQLite file of the store, or None when the store is a server."""
        return self.store_url.path

    @cached_property
    def programs(self) -> dict[str, Program]:
        from hrplan.definitions import load_programs, program_paths  # the program models load with the first program asked for

        files = [str(path) for path in program_paths(self.programs_dir)]
        before = {name: _digest(Path(name)) for name in files}
        programs = load_programs(self.programs_dir)
        _check_units_named(programs, self.units)
        self.targets_tables = sorted({str(Path(p.source_file).parent / p.targets_file)
                                      for p in programs.values() if p.source_file and p.targets_file})
        self._loaded_from(before, files + self.targets_tables)
        return programs

    @cached_property
    def units(self) -> UnitTree:
        from hrplan.definitions import load_units

        before = {str(self.units_file): _digest(self.units_file)}
        units = load_units(self.units_file, cache_in=self.root)
        self._loaded_from(before, list(before))
        return units

    def _loaded_from(self, before: dict[str, str], files: list[str]) -> None:
        """Note the bytes of the definitions files just loaded: those hashed before the load (`before`; the
        others, such as a targets table named by a program, just after it). A file whose bytes changed during
        the load makes what was loaded unsure (see `loaded_digest`)."""
        for name in files:
            now = _digest(Path(name))
            if name in before and before[name] != now:
                self._unsure = True
            self._loaded[name] = before.get(name, now)

    def loaded_digest(self) -> dict[str, str] | None:
        """Give the SHA-256 of each definitions file the programs and units were loaded from, by path (the
        files `definitions_digest` covers, as they were when loaded: they may have changed since); None when
        one changed while it was being loaded. Loads the programs and units if they are not yet."""
        self.programs  # noqa: B018 (loads them, with the units)
        return None if self._unsure else dict(sorted(self._loaded.items()))

    def program(self, name: str) -> Program:
        """Give the program a user named by code or slug, parsing its file alone when that is certain to
        give what loading every program would (a national workspace: 2 s less for another program's
        132,000 targets); else loading them all, with every file's mistakes."""
        from hrplan.definitions import find_program

        if "programs" not in self.__dict__:
            program = self._program_alone(name)
            if program is not None:
                return program
        return find_program(self.programs, name)

    def _program_alone(self, name: str) -> Program | None:
        """Give the program `name` from its own file, checked against the registry; None when only
        loading them all can tell: a file whose code its `code:` line does not settle, a code used
        twice, a name that fits no file or two (the errors then come as `programs` gives them)."""
        from hrplan.definitions import load_program, program_code_of, program_paths, program_slug
        from hrplan.names import fold

        if self._codes is None:
            self._codes = [(path, program_code_of(path)) for path in program_paths(self.programs_dir)]
        codes = self._codes
        known = [code for _, code in codes]
        if None in known or len(set(known)) != len(known):
            return None
        key = fold(program_slug(name))
        paths = [path for path, code in codes if fold(program_slug(code)) == key]
        if len(paths) != 1:
            return None
        program = self._alone.get(paths[0])
        if program is None:
            program = load_program(paths[0])
            if program.code != dict(codes)[paths[0]]:
                return None
            _check_units_named({program.code: program}, self.units)
            self._alone[paths[0]] = program
        return program

    def definitions_digest(self, sources: Iterable[str] = ()) -> dict[str, str]:
        """Give the SHA-256 of the bytes of each file programs and units are read from, by path: the units
        registry, every program file, and `sources` (the targets tables the programs name, as a run that loaded
        them noted: `targets_tables`);
        "absent" for a file that cannot be read. Reads no YAML: hashing a national registry and targets
        table takes milliseconds, loading them most of a second."""
        from hrplan.definitions import program_paths

        files = {str(self.units_file), *(str(path) for path in program_paths(self.programs_dir)), *sources}
        return {name: _digest(Path(name)) for name in sorted(files)}

    def open_store(self, upgrade: bool | None = None) -> Store:
        from hrplan.store import Store  # SQLAlchemy: loaded only by the commands that open the store this way

        return Store(self.store_url, upgrade=upgrade)


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "absent"


def _check_units_named(programs: dict[str, Program], units: UnitTree) -> None:
    """Refuse program files naming units the registry lacks: their targets would silently never match."""
    problems = []
    lives = units.lives()
    for program in programs.values():
        program.with_unit_lives(lives)
        named = [("scope", program.scope)] + [("reporters", u) for u in program.reporters or []]
        if not {t.unit for t in program.targets} <= units.units.keys() | {None}:  # 132,000 targets: named only if one misses
            named += [(f"targets ({t.source or t.indicator})", t.unit) for t in program.targets]
        for where, code in named:
            if code is not None and code not in units:
                hint = units.match(code)
                problems.append(Problem("program.unknown_unit", location=Location(file=program.source_file, field=where),
                                        params={"program": program.code, "unit": code,
                                                "hint": f" (did you mean {hint}?)" if hint else "",
                                                "hint_vi": f" (có phải {hint}?)" if hint else ""}))
    if problems:
        raise HrplanError(problems)


def _load_config(path: Path) -> WorkspaceConfig:
    data, node = load_yaml(path)
    try:
        return WorkspaceConfig.model_validate(data or {})
    except ValidationError as exc:
        problems = []
        for e in exc.errors():
            field, (expected_vi, expected_en) = field_path(tuple(e["loc"])), expected_text(e)
            problems.append(Problem("config.invalid", location=Location(file=str(path), field=field),
                                    params={"field": field, "found": written(node, tuple(e["loc"]), e.get("input")),
                                            "expected_vi": expected_vi, "expected": expected_en}))
        raise HrplanError(problems) from None


def find_workspace_root(start: Path | None = None) -> Path | None:
    """Give the folder of the workspace holding `start` (default: the current folder), or None; reads no file."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def find_workspace(start: Path | None = None, store: str | None = None) -> Workspace:
    """Give the workspace holding `start` (default: the current folder), searching upwards."""
    root = find_workspace_root(start)
    if root is None:
        raise HrplanError(Problem("workspace.not_found", params={"start": str((start or Path.cwd()).resolve())}))
    return Workspace(root, store)


def _yaml_text(text: str) -> str:
    """Give a text as a YAML scalar: plain when it reads back as itself ('Tỉnh Cao Bằng'), else quoted."""
    return yaml.safe_dump(text, allow_unicode=True, width=1_000_000).splitlines()[0]


def _root_kind(name: str | None) -> str:
    """Give the kind word of the root unit a workspace's name makes: 'thành phố' for a city, else 'tỉnh'."""
    return "thành phố" if name and fold(name).startswith("thanh pho") else "tỉnh"


def init_workspace(root: Path, name: str | None = None, store: str | None = None) -> Workspace:
    """Create a workspace in `root` and give it opened; refuse to overwrite an existing one.

    `store` (a URL) is written into hrplan.yaml; the default is an SQLite file in the workspace.
    """
    root = root.resolve()
    if (root / CONFIG_NAME).exists():
        raise HrplanError(Problem("workspace.exists", params={"path": str(root)}))
    for sub in ("programs", "inbox", "reports", "logs"):  # logs/: the crontab line appends its stderr there
        (root / sub).mkdir(parents=True, exist_ok=True)
    if store is not None:
        parse_store_url(store, root)  # refuse a bad URL before writing anything
    (root / CONFIG_NAME).write_text(DEFAULT_CONFIG.format(name=_yaml_text(name or root.name), store=store or DEFAULT_STORE),
                                    encoding="utf-8")
    if not (root / "units.yaml").exists():  # the root unit is the province named by --name ("Tỉnh Tuyên Quang")
        (root / "units.yaml").write_text(DEFAULT_UNITS.format(name=_yaml_text(name or "Tỉnh"), kind=_root_kind(name)),
                                         encoding="utf-8")
    workspace = Workspace(root)
    workspace.open_store().close()
    return workspace
