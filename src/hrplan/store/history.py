"""History of submissions: what a unit sent for a period over time, and what changed each time."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from hrplan.store.records import SubmissionRecord

if TYPE_CHECKING:  # both take either (`workspace_status` runs on the light reader too)
    from hrplan.store.database import Store
    from hrplan.definitions import UnitTree
    from hrplan.store.reader import SqliteReader


@dataclass
class Change:
    indicator: str
    measure: str
    before: Decimal | None
    after: Decimal | None


@dataclass
class HistoryEntry:
    """One submission with the changes it made to the one before it."""

    record: SubmissionRecord
    changes: list[Change] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (indicator, the row's 'Ghi chú')
    restored_from: int | None = None  # `hrplan restore` made it again from this earlier submission
    # Figures kept from earlier versions because this file has no row for them: (submission read from, its file,
    # indicators); see `Store.add_submission`.
    kept: list[tuple[int, str, list[str]]] = field(default_factory=list)

    @property
    def current(self) -> bool:
        return self.record.superseded_by is None


def submission_history(store: Store, program: str, unit: str | None = None, period: str | None = None) -> list[HistoryEntry]:
    """Give every submission (current and superseded) for the filters, oldest first, with value changes."""
    records = store.submissions(program, unit, period, include_superseded=True)
    entries: list[HistoryEntry] = []
    previous: dict[tuple[str, str, str], dict[tuple[str, str], Decimal]] = {}
    # A restore stores the earlier submission again, the same file and the same figures (`Store.restore`); an import
    # never stores the same file twice (a file already stored, current or superseded, is 'unchanged').
    first_of: dict[tuple[str, str, str, str, str], int] = {}
    for rec in records:
        stored = store.values(rec.id)
        values = {(v.indicator, v.measure): v.value for v in stored}
        notes = list(dict.fromkeys([(v.indicator, v.note) for v in stored if v.note] +
                                   [(b.indicator, b.note) for b in store.blanks(rec.id) if b.note]))
        key = (rec.program, rec.unit, rec.period)
        before = previous.get(key)
        changes = []
        if before is not None:
            for k in sorted(set(before) | set(values)):
                if before.get(k) != values.get(k):
                    changes.append(Change(k[0], k[1], before.get(k), values.get(k)))
        same = (*key, rec.file_hash, rec.content_hash)
        restored = first_of.get(same)
        # A restore copies each value with the submission it was read from: what the restored version kept from an
        # earlier file, the new one keeps too, and says so as that version did.
        entries.append(HistoryEntry(rec, changes, notes, restored_from=restored, kept=store.kept(rec.id)))
        first_of.setdefault(same, rec.id)
        previous[key] = values
    return entries


@dataclass
class PeriodStatus:
    """How far a program's period is reported: who sent, who is missing."""

    program: str
    period: str
    submitted: list[str]
    missing: list[str]
    superseded: int


def workspace_status(store: Store | SqliteReader, programs: dict, units: UnitTree | None = None) -> list[PeriodStatus]:
    """Give, per program and period in the store, the units that sent and those still missing: the expected
    reporters due for the period at their frequency with nothing for it or inside it (a quarterly unit is not
    missing from a month, a monthly one not from the quarter its months are in)."""
    if not programs:
        return []  # an empty workspace's `status` loads no program machinery (start-up time)
    from hrplan.definitions import Period, missing_reporters

    out = []
    for code, program in programs.items():
        records = store.submissions(code, include_superseded=True)
        sent: dict[str, set[str]] = {}
        for r in records:
            if r.superseded_by is None:
                sent.setdefault(r.unit, set()).add(r.period)
        for period in sorted({r.period for r in records}):
            current = sorted({r.unit for r in records if r.period == period and r.superseded_by is None})
            old = sum(1 for r in records if r.period == period and r.superseded_by is not None)
            missing = missing_reporters(program, Period.parse(period), sent, units)
            out.append(PeriodStatus(code, period, current, missing, old))
    return out
