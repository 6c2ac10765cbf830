"""Looking after a store: what it holds (`store_info`), and moving it whole to another (`copy_store`)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text, update

from hrplan.problems import HrplanError, Problem
from hrplan.store.database import Store
from hrplan.store.migrate import SCHEMA_VERSION
from hrplan.store.schema import TABLES, submission_problems, submission_values, submissions
from hrplan.store.urls import StoreUrl

BATCH = 5000  # rows per INSERT while copying


def store_info(store: Store) -> dict[str, Any]:
    """Give what `hrplan store info` shows: backend, where (password masked), schema version, counts, last import."""
    with store.snapshot() as conn:
        version = store.schema_version()
        counts = store.counts()
        counts["problems"] = conn.execute(select(func.count()).select_from(submission_problems)).scalar_one()
        if store.backend == "postgresql":
            server = conn.exec_driver_sql("SHOW server_version").scalar()
        else:
            server = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
        return {"backend": store.backend, "server_version": server, "url": store.url.masked(),
                "schema_version": version, "code_schema_version": SCHEMA_VERSION,
                "up_to_date": version == SCHEMA_VERSION, "counts": counts, "last_import": store.last_import()}


@dataclass
class CopyResult:
    """What `copy_store` copied, and the fingerprint both stores agreed on."""

    source: str
    target: str
    counts: dict[str, int]
    value_sums: dict[str, str]  # per measure, exact decimal text
    digest: str  # SHA-256 of every row of every table, in key order


def fingerprint(store: Store) -> dict[str, Any]:
    """Give counts per table, the sum of the values per measure and a digest of every row (for comparing stores)."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    sums: dict[str, Decimal] = {}
    with store.snapshot() as conn:
        for table in TABLES:
            rows = []
            for row in conn.execute(select(table)).mappings():
                rows.append(json.dumps([table.name, *[row[c.name] for c in table.columns]], ensure_ascii=False))
                if table is submission_values:
                    sums[row["measure"]] = sums.get(row["measure"], Decimal(0)) + Decimal(row["value"])
            for line in sorted(rows):  # the same order whatever order (or collation) the backend gives
                digest.update(line.encode() + b"\n")
            counts[table.name] = len(rows)
        counts.update(store.counts())
    return {"counts": counts, "value_sums": {k: str(v) for k, v in sorted(sums.items())}, "digest": digest.hexdigest()}


def copy_store(source: Store, target_url: StoreUrl) -> CopyResult:
    """Copy every submission (current and superseded), value and problem to an empty store; verify; give what was copied.

    The copy is one transaction on the target: when the counts, sums or rows differ afterwards,
    nothing is kept and store.copy_mismatch is raised. Submission ids are kept, so history links stay.
    """
    with Store(target_url) as target:
        if any(target.counts().values()):
            raise HrplanError(Problem("store.copy_target_not_empty", params={"url": target_url.masked(),
                                                                             **target.counts()}))
        with source.snapshot() as src, target.write() as dst:
            for table in TABLES:
                batch: list[dict[str, Any]] = []
                for row in src.execute(select(table)).mappings():
                    row = dict(row)
                    if table is submissions and row["superseded_by"] is not None:
                        row["superseded_by"] = row["id"]  # its successor may not be copied yet: point at itself
                    batch.append(row)
                    if len(batch) >= BATCH:
                        dst.execute(table.insert(), batch)
                        batch = []
                if batch:
                    dst.execute(table.insert(), batch)
            links = [(r.id, r.superseded_by) for r in src.execute(
                select(submissions.c.id, submissions.c.superseded_by).where(submissions.c.superseded_by.is_not(None)))]
            for old, new in links:
                dst.execute(update(submissions).where(submissions.c.id == old).values(superseded_by=new))
            if target.backend == "postgresql":  # the next import must not reuse a copied id
                dst.execute(text("SELECT setval(pg_get_serial_sequence('submissions', 'id'),"
                                 " COALESCE((SELECT MAX(id) FROM submissions), 0) + 1, false)"))
            want, got = fingerprint(source), fingerprint(target)
            if want != got:
                raise HrplanError(Problem("store.copy_mismatch", params={
                    "url": target_url.masked(), "expected": json.dumps(want["counts"]), "found": json.dumps(got["counts"])}))
    return CopyResult(source.url.masked(), target_url.masked(), want["counts"], want["value_sums"], want["digest"])
