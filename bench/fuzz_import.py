"""Fuzz the import: mutate real workbooks and import them in batches, as the nightly job would.

    python bench/fuzz_import.py                 # 3,000 mutants (about 10 minutes on 2 cores)
    python bench/fuzz_import.py --mutants 200 --seed 7 --out /tmp/fuzz

Seeds: the sample's submissions and the test corpus (.xlsx, .xlsm, .xls, .ods). Mutations: zip
members cut, dropped, duplicated or corrupted; XML text flipped, cut, tags removed, numbers made
huge, attributes (counts, refs, repeats, merges) set to extremes; .xls and any file flipped or
truncated at random bytes. Each batch runs the real `hrplan import --format json` in its own
process on one folder. A batch ends in exit 0 or 3; every file comes back imported, updated,
unchanged or rejected with at least one reason. Anything else is counted: an exit 70 (internal
error), a signal (an abort of the run), a file with no outcome or a rejection without a reason.
The summary is printed as JSON; the exit code is 1 when any of those counts is not zero.
"""
from __future__ import annotations

import argparse
import warnings
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
CORPUS = ROOT / "tests" / "corpus"
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
OK_OUTCOMES = {"imported", "updated", "unchanged", "rejected"}


def seeds() -> list[Path]:
    files = sorted((SAMPLE / "submissions").glob("*.xlsx")) + sorted(SAMPLE.glob("earlier_submissions/*.xlsx"))
    files += sorted(p for p in CORPUS.iterdir() if p.suffix in SUFFIXES)
    return files


# -- mutations ------------------------------------------------------------------------------------

_EXTREMES = [b"0", b"-1", b"4294967295", b"99999999999999999999999999999999", b"1E+308", b"NaN", b"", b"x",
             b"A1:XFD1048576", b"XFD1048576", b"1048576", b"-99999"]


def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(max(1, len(data)))]


def _mutate_xml(xml: bytes, rng: random.Random) -> bytes:
    choice = rng.randrange(7)
    if choice == 0:  # an attribute value set to an extreme
        attrs = list(re.finditer(rb'(\w+(?::\w+)?)="([^"]*)"', xml))
        if attrs:
            m = rng.choice(attrs)
            return xml[: m.start(2)] + rng.choice(_EXTREMES) + xml[m.end(2):]
    if choice == 1:  # a number made huge or odd
        nums = list(re.finditer(rb"<v>([^<]*)</v>", xml))
        if nums:
            m = rng.choice(nums)
            return xml[: m.start(1)] + rng.choice(_EXTREMES + [b"1e28", b"123456789012345678901234567890"]) + xml[m.end(1):]
    if choice == 2:  # a tag removed (unbalanced XML)
        tags = list(re.finditer(rb"</?[A-Za-z][^>]*>", xml))
        if tags:
            m = rng.choice(tags)
            return xml[: m.start()] + xml[m.end():]
    if choice == 3:  # cut in the middle
        return xml[: rng.randrange(max(1, len(xml)))]
    if choice == 4:  # text replaced by markup, control characters, formulas
        texts = list(re.finditer(rb"<t[^>]*>([^<]*)</t>", xml))
        if texts:
            m = rng.choice(texts)
            payload = rng.choice([b"[/b]", b"\x1b[2J", b"=HYPERLINK(&quot;x&quot;)", b"0000", b"6,5", b"[red]",
                                  "Năm 0000".encode(), "Kỳ 2023-Q9".encode()])
            return xml[: m.start(1)] + payload + xml[m.end(1):]
    if choice == 5:  # a merge or a repeat blown up
        if b"mergeCell " in xml:
            return re.sub(rb'mergeCell ref="[^"]*"', b'mergeCell ref="A1:XFD1048576"', xml, count=1)
        if b"repeated=" in xml:
            return re.sub(rb'repeated="\d+"', b'repeated="1048576"', xml, count=rng.randint(1, 3))
    return _flip_bytes(xml, rng)


def _mutate_zip(data: bytes, rng: random.Random) -> bytes:
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        members = [(i.filename, src.read(i)) for i in src.infolist()]
    except Exception:
        return _flip_bytes(data, rng)
    choice = rng.randrange(5)
    target = rng.randrange(len(members)) if members else 0
    out_members = []
    for i, (name, part) in enumerate(members):
        if i == target:
            if choice == 0:
                continue  # a member dropped
            if choice == 1:
                out_members.append((name, part))  # duplicated below
            if name.endswith((".xml", ".rels")) and choice in (2, 3, 4):
                part = _mutate_xml(part, rng)
            elif choice == 4:
                part = _truncate(part, rng)
        out_members.append((name, part))
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        warnings.simplefilter("ignore", UserWarning)  # a duplicated member is one of the mutations
        for name, part in out_members:
            out.writestr(zipfile.ZipInfo(name, (2023, 7, 5, 8, 0, 0)), part, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def mutate(path: Path, rng: random.Random) -> bytes:
    data = path.read_bytes()
    roll = rng.random()
    if roll < 0.08:
        return _truncate(data, rng)
    if roll < 0.2 or not data.startswith(b"PK"):
        return _flip_bytes(data, rng)
    return _mutate_zip(data, rng)


# -- running --------------------------------------------------------------------------------------

def make_workspace(root: Path) -> None:
    subprocess.run([_hrplan(), "init", str(root), "--name", "fuzz"], check=True, capture_output=True)
    shutil.copytree(SAMPLE / "programs", root / "programs", dirs_exist_ok=True)
    shutil.copy(SAMPLE / "units.yaml", root / "units.yaml")


def _hrplan() -> str:
    return str(Path(sys.executable).with_name("hrplan"))


def run(mutants: int, seed: int, out: Path, batch: int = 100, workers: int | None = None) -> dict:
    rng = random.Random(seed)
    pool = seeds()
    ws = out / "ws"
    if ws.exists():
        shutil.rmtree(ws)
    make_workspace(ws)
    counts: Counter = Counter()
    codes: Counter = Counter()
    failures: list[dict] = []
    started = time.monotonic()
    made = 0
    batch_no = 0
    while made < mutants:
        folder = out / f"batch{batch_no:03d}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for i in range(min(batch, mutants - made)):
            source = rng.choice(pool)
            (folder / f"m{made:05d}_{source.stem[:30]}{source.suffix}").write_bytes(mutate(source, rng))
            made += 1
        cmd = [_hrplan(), "-w", str(ws), "import", "--format", "json", str(folder)]
        if workers:
            cmd += ["--workers", str(workers)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
        if proc.returncode < 0:
            counts["aborted_runs"] += 1
            failures.append({"batch": batch_no, "signal": -proc.returncode, "stderr": proc.stderr[-500:]})
        elif proc.returncode == 70:
            counts["internal_errors"] += 1
            failures.append({"batch": batch_no, "stderr": proc.stderr[-800:]})
        elif proc.returncode not in (0, 3):
            counts["other_exits"] += 1
            failures.append({"batch": batch_no, "exit": proc.returncode, "stderr": proc.stderr[-800:]})
        else:
            results = json.loads(proc.stdout)["results"]
            names = {Path(r["file"]).name for r in results}
            missing = [p.name for p in folder.iterdir() if p.name not in names]
            counts["files_without_outcome"] += len(missing)
            for r in results:
                counts[r["outcome"]] += 1
                if r["outcome"] not in OK_OUTCOMES:
                    counts["odd_outcomes"] += 1
                if r["outcome"] == "rejected":
                    errors = [p for p in r["problems"] if p["severity"] == "error"]
                    if not errors:
                        counts["rejected_without_reason"] += 1
                        failures.append({"file": r["file"], "problems": r["problems"]})
                    for p in errors[:1]:
                        codes[p["code"]] += 1
        shutil.rmtree(folder, ignore_errors=True)
        batch_no += 1
    bad = sum(counts[k] for k in ("aborted_runs", "internal_errors", "other_exits", "files_without_outcome",
                                  "odd_outcomes", "rejected_without_reason"))
    return {
        "mutants": made, "seed": seed, "batches": batch_no, "seconds": round(time.monotonic() - started, 1),
        "internal_errors": counts["internal_errors"], "aborted_runs": counts["aborted_runs"],
        "other_exits": counts["other_exits"], "files_without_outcome": counts["files_without_outcome"],
        "rejected_without_reason": counts["rejected_without_reason"],
        "outcomes": {k: counts[k] for k in ("imported", "updated", "unchanged", "rejected")},
        "refusal_codes": dict(codes.most_common()), "failures": failures[:20], "ok": bad == 0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="hrplan-fuzz-"))
    summary = run(args.mutants, args.seed, out, args.batch, args.workers)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
