"""The scale benchmark of issue #15: hrplan's whole commands against the floors, as ratios, in one run.

    python bench/run.py [--units N] [--national] [--quick] [--rounds R] [--seed S]

Builds (or reuses, bench/.cache/) a seeded national corpus (bench/corpus.py): a unit tree of
any depth, N communes' workbooks for 8 quarters in the layouts the reader handles, and a second
program with a target for every commune. Then, on those same files, it runs every command as
its own process (wall time, peak RSS of that process from wait4) and prints one line per target:
the measured value, the target, PASS or FAIL. The targets are the issue's and are never
loosened here. Results go to bench/results/ as JSON with the CPU count, load and commit.

`--national` is 3,300 communes (about a million values over 8 quarters). `--quick` is 8 communes and 2 quarters (the range is those 2), so the
test suite can prove the benchmark runs; its timings mean nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus as C  # noqa: E402

CORPUS_VERSION = 1  # bump when the generator changes: the cache key
NATIONAL = 3300

# (key, label, comparison, target, unit). Never loosen a target: a miss prints FAIL.
TARGETS = [
    ("import_vs_bare", "import 1 quarter / bare python-calamine read", "<=", 3.0, "x"),
    ("pandas_default_vs_import", "pandas script (default engine) / import: import faster by", ">=", 10.0, "x"),
    ("import_vs_pandas_calamine", "import / pandas script (engine=calamine)", "<=", 1.0, "x"),
    ("reimport_vs_import", "re-import unchanged / first import", "<=", 0.1, "x"),
    ("check_json_quarter", "check -f json, 1 quarter / SQL GROUP BY", "<=", 5.0, "x"),
    ("check_json_range", "check -f json, 8-quarter range / SQL GROUP BY", "<=", 5.0, "x"),
    ("report_json_quarter", "report -f json, 1 quarter / SQL GROUP BY", "<=", 5.0, "x"),
    ("report_json_range", "report -f json, 8-quarter range / SQL GROUP BY", "<=", 5.0, "x"),
    ("check_table_quarter", "check (table) / check -f json, 1 quarter", "<=", 1.5, "x"),
    ("check_table_range", "check (table) / check -f json, 8-quarter range", "<=", 1.5, "x"),
    ("peak_figures", "peak memory of check/report (largest)", "<=", 500.0, "MB"),
    ("import_peak_growth", "import peak, 10x the files / the smaller run", "<=", 1.3, "x"),
    ("size_html", "report HTML file, 8-quarter range", "<=", 5.0, "MB"),
    ("size_word", "report Word file, 8-quarter range", "<=", 5.0, "MB"),
    ("size_json", "report JSON file without --sources, 8-quarter range", "<=", 50.0, "MB"),
    ("unit_targets_check", "per-commune targets: check -f json / SQL GROUP BY", "<=", 5.0, "x"),
    ("unit_targets_report", "per-commune targets: report -f json / SQL GROUP BY", "<=", 5.0, "x"),
    ("help_seconds", "hrplan --help", "<=", 0.25, "s"),
    ("status_seconds", "hrplan status, empty workspace", "<=", 0.25, "s"),
    ("figures_agree", "report totals equal the SQL sums (per-period indicators)", "==", 1.0, ""),
]


def run(cmd: list[str], cwd: Path | None = None, out: Path | None = None) -> tuple[float, float, int]:
    """Run one whole process; give (seconds, peak RSS in MB of that process, exit code)."""
    sink = out.open("wb") if out else subprocess.DEVNULL
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"COLUMNS": "160"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=sink, stderr=subprocess.PIPE if out is None else sink, env=env)
    if proc.stderr is not None:
        err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if out:
        sink.close()
    elif proc.returncode not in (0, 1, 3):
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def hrplan() -> list[str]:
    script = Path(sys.executable).parent / "hrplan"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from hrplan.cli import main; main()"]


def baseline(*args: str) -> list[str]:
    return [sys.executable, str(HERE / "baselines.py"), *args]


def say(text: str) -> None:
    print(f"# {datetime.now():%H:%M:%S} {text}", file=sys.stderr, flush=True)


def filelist(path: Path, files: list[Path]) -> str:
    path.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
    return str(path)


def new_workspace(root: Path, corpus: C.Corpus) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    subprocess.run(hrplan() + ["init", str(root), "--name", "Toàn quốc"], check=True, stdout=subprocess.DEVNULL)
    shutil.copy(corpus.units_yaml, root / "units.yaml")
    for f in corpus.programs_dir.iterdir():
        shutil.copy(f, root / "programs" / f.name)
    return root


def current_count(store: Path, program: str) -> int:
    with sqlite3.connect(store) as db:
        return db.execute("SELECT COUNT(*) FROM submissions WHERE program = ? AND superseded_by IS NULL",
                          (program,)).fetchone()[0]


def commit() -> str:
    if os.environ.get("HRPLAN_BENCH_COMMIT"):  # a run from an exported snapshot (no .git) names its commit
        return os.environ["HRPLAN_BENCH_COMMIT"]
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=HERE,
                               capture_output=True, text=True).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=300, help="communes (default 300)")
    parser.add_argument("--national", action="store_true", help=f"{NATIONAL} communes: the issue's scale")
    parser.add_argument("--quick", action="store_true", help="a few communes: proves the benchmark runs (no timing meaning)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of the query lines (median of paired ratios)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--cache", type=Path, default=HERE / ".cache", help="where generated corpora are kept")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)
    units = 8 if args.quick else NATIONAL if args.national else args.units
    work = args.workdir or Path(tempfile.mkdtemp(prefix="hrplan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _bench(args, units, work)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def _as_installed() -> None:
    """Compile hrplan's modules to bytecode, as installing it does: a shell with PYTHONDONTWRITEBYTECODE set
    (some CI images and sandboxes) would otherwise time every command compiling them from source again."""
    import compileall

    import hrplan

    compileall.compile_dir(str(Path(hrplan.__file__).parent), quiet=1)


def _bench(args: argparse.Namespace, units: int, work: Path) -> int:
    started = time.perf_counter()
    _as_installed()
    say(f"corpus: {units} communes (cached in {args.cache})")
    t0 = time.perf_counter()
    quarters = C.QUARTERS[:2] if args.quick else C.QUARTERS
    corpus = C.build(args.cache / f"v{CORPUS_VERSION}-u{units}-q{len(quarters)}-s{args.seed}", units, args.seed, quarters)
    say(f"corpus ready in {time.perf_counter() - t0:.1f} s")
    A, B, q1 = C.PROGRAM_A, C.PROGRAM_B, C.QUARTERS[0]
    files_q = corpus.files[(A, q1)]
    m: dict[str, float] = {}
    shown: set[str] = set()
    info: dict[str, str] = {}
    H = hrplan()

    # -- import: memory growth (a tenth of the files, then all), the floors, re-import ----------
    small = files_q[: max(1, len(files_q) // 10)]
    small_dir = work / "small_inbox"
    small_dir.mkdir(exist_ok=True)
    for f in small:
        shutil.copy2(f, small_dir / f.name)
    ws_small = new_workspace(work / "ws_small", corpus)
    say(f"import of {len(small)} files (the smaller run)")
    t_small, peak_small, _ = run(H + ["import", str(small_dir)], cwd=ws_small, out=work / "import_small.txt")
    say("bare read")
    t_bare, _, _ = run(baseline("bare", filelist(work / "q1.txt", files_q)))
    ws = new_workspace(work / "ws", corpus)
    say(f"import of {len(files_q)} files (one quarter)")
    t_import, peak_import, rc = run(H + ["import", str(files_q[0].parent)], cwd=ws, out=work / "import_q1.txt")
    stored = current_count(ws / "hrplan.sqlite", A)
    if stored != len(files_q):
        print(f"IMPORT INCOMPLETE: {stored} of {len(files_q)} files stored (exit {rc}); see {work / 'import_q1.txt'}")
    say("pandas script, default engine")
    t_pd_default, _, rc_pd = run(baseline("pandas", "default", str(work / "q1.txt")))
    say("pandas script, calamine engine")
    t_pd_cal, _, _ = run(baseline("pandas", "calamine", str(work / "q1.txt")))
    say("re-import of the same files")
    t_reimport, _, _ = run(H + ["import", str(files_q[0].parent)], cwd=ws, out=work / "reimport_q1.txt")
    m["import_vs_bare"] = t_import / t_bare
    m["pandas_default_vs_import"] = t_pd_default / t_import
    m["import_vs_pandas_calamine"] = t_import / t_pd_cal
    m["reimport_vs_import"] = t_reimport / t_import
    m["import_peak_growth"] = peak_import / peak_small
    info.update(import_vs_bare=f"import {t_import:.2f} s ({len(files_q)} files, {peak_import:.0f} MB) | bare read {t_bare:.2f} s",
                pandas_default_vs_import=f"pandas {t_pd_default:.2f} s{'' if rc_pd == 0 else f' (exit {rc_pd})'} | import {t_import:.2f} s",
                import_vs_pandas_calamine=f"import {t_import:.2f} s | pandas calamine {t_pd_cal:.2f} s",
                reimport_vs_import=f"re-import {t_reimport:.2f} s | import {t_import:.2f} s",
                import_peak_growth=f"{peak_import:.0f} MB for {len(files_q)} files | {peak_small:.0f} MB for {len(small)}")

    show_done(m, info, shown)

    # -- the rest of the store: 7 more quarters, and the per-commune-target program -------------
    say(f"import {', '.join(quarters[1:])} and {B} {C.PROGRAM_B_QUARTER}")
    rest = [str(corpus.files[(A, q)][0].parent) for q in quarters[1:]] + [str(corpus.files[(B, C.PROGRAM_B_QUARTER)][0].parent)]
    t_rest, _, _ = run(H + ["import", *rest], cwd=ws, out=work / "import_rest.txt")
    store = str(ws / "hrplan.sqlite")
    with sqlite3.connect(store) as db:
        n_values = db.execute("SELECT COUNT(*) FROM submission_values").fetchone()[0]
    say(f"store holds {n_values} values")

    # -- figures: check and report against the SQL floor ------------------------------------------
    queries = {
        "quarter": (A, q1, [q1]),
        "range": (A, f"{quarters[0]}..{quarters[-1]}", quarters),
        "unit_targets": (B, C.PROGRAM_B_QUARTER, [C.PROGRAM_B_QUARTER]),
    }
    ratios: dict[str, list[float]] = {}
    peaks: dict[str, float] = {}
    seconds: dict[str, float] = {}
    for r in range(args.rounds):
        for name, (prog, period, labels) in queries.items():
            say(f"round {r + 1}: {name}")
            t_sql, _, _ = run(baseline("sql", store, prog, *labels))
            seconds[f"sql_{name}"] = t_sql
            steps = {
                "check_json": H + ["check", "-p", prog, "--period", period, "-f", "json", "--fail-on", "never"],
                "check_table": H + ["check", "-p", prog, "--period", period, "--fail-on", "never"],
                "report_json": H + ["report", "-p", prog, "--period", period, "-f", "json",
                                    "-o", str(work / f"report_{name}.json")],
            }
            if name == "unit_targets":
                steps.pop("check_table")
            for step, cmd in steps.items():
                t, peak, _ = run(cmd, cwd=ws, out=work / f"{step}_{name}.out")
                seconds[f"{step}_{name}"], peaks[f"{step}_{name}"] = t, max(peak, peaks.get(f"{step}_{name}", 0))
                ratios.setdefault(f"{step}_{name}", []).append(t / t_sql)
            if "check_table" in steps:
                ratios.setdefault(f"table_vs_json_{name}", []).append(seconds[f"check_table_{name}"] / seconds[f"check_json_{name}"])
    for name in ("quarter", "range"):
        m[f"check_json_{name}"] = statistics.median(ratios[f"check_json_{name}"])
        m[f"report_json_{name}"] = statistics.median(ratios[f"report_json_{name}"])
        m[f"check_table_{name}"] = statistics.median(ratios[f"table_vs_json_{name}"])
        for step in ("check_json", "report_json"):
            info[f"{step}_{name}"] = (f"{seconds[f'{step}_{name}']:.2f} s, {peaks[f'{step}_{name}']:.0f} MB"
                                      f" | SQL {seconds[f'sql_{name}']:.3f} s")
        info[f"check_table_{name}"] = f"table {seconds[f'check_table_{name}']:.2f} s | json {seconds[f'check_json_{name}']:.2f} s"
    m["unit_targets_check"] = statistics.median(ratios["check_json_unit_targets"])
    m["unit_targets_report"] = statistics.median(ratios["report_json_unit_targets"])
    info["unit_targets_check"] = f"{seconds['check_json_unit_targets']:.2f} s | SQL {seconds['sql_unit_targets']:.3f} s"
    info["unit_targets_report"] = f"{seconds['report_json_unit_targets']:.2f} s | SQL {seconds['sql_unit_targets']:.3f} s"

    show_done(m, info, shown)

    # -- report files at national scale -------------------------------------------------------------
    help_text = subprocess.run(H + ["report", "--help"], capture_output=True, text=True).stdout
    has_sources, has_word = "--sources" in help_text, "docx" in help_text.lower()
    say("report HTML, the range")
    html = work / "report_range.html"
    t_html, peak_html, _ = run(H + ["report", "-p", A, "--period", queries["range"][1], "-o", str(html)], cwd=ws)
    peaks["report_html_range"] = peak_html
    m["size_html"] = html.stat().st_size / 1e6 if html.exists() else float("inf")
    info["size_html"] = f"written in {t_html:.2f} s, {peak_html:.0f} MB"
    if has_word:
        say("report Word, the range")
        docx = work / "report_range.docx"
        t_docx, peak_docx, _ = run(H + ["report", "-p", A, "--period", queries["range"][1], "-f", "docx",
                                     "-o", str(docx)], cwd=ws)
        peaks["report_docx_range"] = peak_docx
        m["size_word"] = docx.stat().st_size / 1e6 if docx.exists() else float("inf")
        info["size_word"] = f"written in {t_docx:.2f} s, {peak_docx:.0f} MB"
    else:
        info["size_word"] = "n/a (feature missing: report has no Word format)"
    report_range = work / "report_range.json"
    m["size_json"] = report_range.stat().st_size / 1e6
    info["size_json"] = "" if has_sources else "feature missing: no --sources option, every figure carries its sources"
    m["peak_figures"] = max(peaks.values())
    info["peak_figures"] = f"largest: {max(peaks, key=peaks.get)}"
    m["figures_agree"], info["figures_agree"] = _figures_agree(report_range, store, A)

    show_done(m, info, shown)

    # -- start-up ---------------------------------------------------------------------------------
    say("start-up")
    repeat = 1 if args.quick else 5
    m["help_seconds"] = statistics.median(run(H + ["--help"])[0] for _ in range(repeat))
    empty = work / "ws_empty"
    shutil.rmtree(empty, ignore_errors=True)
    subprocess.run(H + ["init", str(empty)], check=True, stdout=subprocess.DEVNULL)
    m["status_seconds"] = statistics.median(run(H + ["status"], cwd=empty)[0] for _ in range(repeat))
    info["help_seconds"] = f"python -c pass {statistics.median(run([sys.executable, '-c', 'pass'])[0] for _ in range(repeat)):.3f} s"

    return _print_and_save(args, units, corpus, m, info, n_values, time.perf_counter() - started)


def _figures_agree(report_json: Path, store: str, program: str) -> tuple[float, str]:
    """Compare the report's national actual per per-period indicator with the SQL sum of the same cells.

    The report JSON is format 2 (hrplan.reports.json_format): the national figures are its `summary` rows, objects
    with every field as before; the per-unit rows are the `units` table."""
    data = json.loads(report_json.read_text(encoding="utf-8"))
    if data.get("format") != 2:
        return 0.0, f"report JSON format {data.get('format')!r}, expected 2"
    per_period = {i["code"] for i in C.indicators() if i["accumulation"] == "per_period"}
    with sqlite3.connect(store) as db:
        sums = dict(db.execute(
            "SELECT v.indicator, SUM(CAST(v.value AS REAL)) FROM submission_values v JOIN submissions s"
            " ON s.id = v.submission_id WHERE s.program = ? AND s.superseded_by IS NULL AND v.measure = 'actual'"
            " GROUP BY v.indicator", (program,)).fetchall())
    shown = {row["indicator"]: row["actual"] for row in data["summary"]}
    wrong = [code for code in sorted(per_period) if abs((shown.get(code) or 0) - sums.get(code, 0)) > 1e-6]
    return (0.0, f"differ: {', '.join(wrong[:5])}") if wrong else (1.0, f"{len(per_period)} indicators checked"
                                                                          f" (JSON format 2)")


def _line(key: str, label: str, op: str, target: float, unit: str, value: float | None, info: str) -> tuple[str, dict]:
    if value is None:
        ok, shown = False, "n/a"
    else:
        ok = value <= target if op == "<=" else value >= target if op == ">=" else value == target
        shown = ("yes" if value else "no") if op == "==" else f"{value:.3g}{unit}" if value != float("inf") else "missing"
    want = "yes" if op == "==" else f"{op}{target:g}{unit}"
    result = "PASS" if ok else "FAIL"
    return (f"{label:62} {shown:>10} {want:>10}  {result:6}  {info}",
            {"key": key, "label": label, "measured": None if value in (None, float("inf")) else value,
             "target": target, "op": op, "unit": unit, "result": result, "details": info})


def show_done(m: dict, info: dict, shown: set) -> None:
    """Print the lines measured so far (on stderr, as they come: a national run takes long)."""
    for key, label, op, target, unit in TARGETS:
        if key in m and key not in shown:
            shown.add(key)
            say(_line(key, label, op, target, unit, m[key], info.get(key, ""))[0])


def _print_and_save(args, units, corpus, m, info, n_values, elapsed) -> int:
    cpus = os.cpu_count()
    load = os.getloadavg()
    head = (f"hrplan scale benchmark: {units} communes, {sum(len(v) for v in corpus.files.values())} files,"
            f" {n_values} values; {cpus} CPUs, load {load[0]:.2f}; commit {commit()}; python {platform.python_version()}")
    print(head)
    print(f"{'line':62} {'measured':>10} {'target':>10}  result  details")
    lines = []
    for key, label, op, target, unit in TARGETS:
        text, line = _line(key, label, op, target, unit, m.get(key), info.get(key, ""))
        print(text)
        lines.append(line)
    failed = sum(line["result"] == "FAIL" for line in lines)
    print(f"{len(lines) - failed} PASS, {failed} FAIL in {elapsed:.0f} s")
    args.results.mkdir(parents=True, exist_ok=True)
    name = f"{datetime.now():%Y%m%d-%H%M%S}_{'quick' if args.quick else units}.json"
    (args.results / name).write_text(json.dumps({
        "commit": commit(), "cpu_count": cpus, "loadavg": load, "units": units, "quick": args.quick,
        "rounds": args.rounds, "seed": args.seed, "values": n_values, "machine": platform.platform(),
        "python": platform.python_version(), "seconds": elapsed, "lines": lines,
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"results: {args.results / name}")
    return 0 if args.quick or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
