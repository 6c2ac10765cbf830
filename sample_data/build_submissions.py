"""Rebuild the sample submission workbooks from the figures of the source articles.

Each workbook is written by hrplan's own template command code (`hrplan.template`) and then
filled the way a unit would fill it. Run from the repository root:

    python sample_data/build_submissions.py

The province totals are the seeds' figures (../shared/seeds): see the program files.
"""
from __future__ import annotations

from pathlib import Path

from hrplan.definitions.periods import Period
from hrplan.definitions import load_programs
from hrplan.reports.submission_template import fill_values, template_file_name, write_template
from hrplan.definitions.units import load_units

HERE = Path(__file__).parent

# (program, period, unit) -> {indicator: actual or (plan, actual)}; text values are typed the
# Vietnamese way on purpose ("1.297" is one thousand two hundred and ninety-seven).
SUBMISSIONS: dict[tuple[str, str, str], dict[str, object]] = {
    ("12-CTr/TU", "2016..2019-05", "BTCTU"): {"DT-THS": 22, "BD-QLNN": 29, "BD-KNLD": 100, "BD-LDQL": 90,
                                               "CCLLCT": 300, "BD-NGUON": 153, "LC-TRE": 24},
    ("12-CTr/TU", "2016..2019-05", "SNV"): {"BD-QLNN": 50, "BD-KNLD": 141, "BD-LDQL": 49},
    ("12-CTr/TU", "2016..2019-05", "SYT"): {"DT-THS": 80, "DT-YT": 80},
    ("12-CTr/TU", "2016..2019-05", "SGDDT"): {"DT-THS": 20, "DT-GD": 20},
    ("12-CTr/TU", "2016..2019-05", "SVHTTDL"): {"DT-THS": 4, "DT-VH": 4},
    ("12-CTr/TU", "2016..2019-05", "TCT"): {"TC-LOP": 44},
    ("12-CTr/TU", "2016..2019-05", "TPCB"): {"DT-THS": 30, "DT-GD": 10, "DT-YT": 20, "CCLLCT": 70},
    ("12-CTr/TU", "2016..2019-05", "HHA"): {"DT-THS": 17, "DT-YT": 17, "CCLLCT": 60},
    ("08-CTr/TU", "2021..2023-05", "BTCTU"): {"QH-BCH": (53, 61), "QH-BTV": (15, 21), "QH-SO": 655, "BD-NGUON": 180,
                                               "CB-TONG": 210, "CB-DIEUDONG": 45, "CB-LUANCHUYEN": 12, "CB-BONHIEM": 9,
                                               "CB-BONHIEMLAI": 42, "CB-GIOITHIEU": 102},
    ("08-CTr/TU", "2021..2023-05", "TPCB"): {"LC-TONG": 60, "LC-HUYEN": 48, "LC-XA": 12, "KH-LC": (1, 1)},
    ("08-CTr/TU", "2021..2023-05", "HHA"): {"LC-TONG": 80, "LC-HUYEN": 64, "LC-XA": 16, "KH-LC": (1, 1)},
    ("08-CTr/TU", "2021..2023-05", "HTK"): {"LC-TONG": 77, "LC-HUYEN": 61, "LC-XA": 16, "KH-LC": (1, 1)},
    ("08-CTr/TU", "2021..2023-05", "SLDTBXH"): {"TT-HN": 116, "TT-NGUOI": "27.296"},
    ("NA-LC/2011-2016", "2011..2016-08", "BTCTU-NA"): {"LC-TONG": 139, "LC-TINH-HUYEN": 41, "LC-HUYEN-TINH": 46,
                                                       "LC-NGANH": 52, "LC-CAC-CAP": "1.192"},
    ("06-ĐA/TU", "2021", "SKHCN-BT"): {"KHCN-DT": 470},
    ("06-ĐA/TU", "2022", "SKHCN-BT"): {"KHCN-DT": 483},
    ("06-ĐA/TU", "2021..2022", "SNV-BT"): {"DT-CCVC": 429, "BD-LLCT": "1.297", "BD-QLNN": "1.335", "BD-KNLD": "1.075",
                                            "BD-CMNV": "15.185", "BD-QPAN": "2.549", "BD-HDND": "4.127"},
}

# An earlier, mistaken submission that the corrected one above supersedes (the demo shows history).
EARLIER: dict[tuple[str, str, str], dict[str, object]] = {
    ("12-CTr/TU", "2016..2019-05", "SYT"): {"DT-THS": 75, "DT-YT": 75},
}


# The quarterly plan 27-KH/UBND (quarterly/programs): Huyện Hòa An never sent 2024-Q3; Sở Y tế sent its
# 2024-Q4 budget plan without the actual. Training figures per quarter, budget as (plan, actual[, note]).
QUARTERLY: dict[tuple[str, str, str], dict[str, object]] = {}
for _unit, _people in {"SNV": (30, 35, 30, 40), "SYT": (20, 20, 25, 20), "SGDDT": (15, 15, 10, 20),
                       "HHA": (10, 12, None, 15), "HTK": (8, 10, 10, 12)}.items():
    for _q, _n in enumerate(_people, start=1):
        if _n is not None:
            QUARTERLY[("27-KH/UBND", f"2024-Q{_q}", _unit)] = {"BD-CBCC": _n}
for _q, _budget in enumerate([(150, 140), (150, 152), (150, 148), (200, None, "Chưa quyết toán")], start=1):
    QUARTERLY[("27-KH/UBND", f"2024-Q{_q}", "SYT")]["KP-DTBD"] = _budget
for _q, _budget in enumerate([(300, 280), (300, 310), (300, 295), (300, 320)], start=1):
    QUARTERLY[("27-KH/UBND", f"2024-Q{_q}", "SNV")]["KP-DTBD"] = _budget


def build(out: Path, submissions: dict, programs, units) -> list[Path]:
    paths = []
    for (program_code, period_text, unit_code), figures in submissions.items():
        program, unit, period = programs[program_code], units.get(unit_code), Period.parse(period_text)
        parent = units.get(unit.parent).name if unit.parent else None
        path = write_template(out / template_file_name(program, unit, period), program, unit, period, parent)
        fill_values(path, figures)
        paths.append(path)
    return paths


def main() -> None:
    programs = load_programs(HERE / "programs")
    units = load_units(HERE / "units.yaml")
    for old in [*(HERE / "submissions").glob("*.xlsx"), *(HERE / "earlier_submissions").glob("*.xlsx")]:
        old.unlink()
    made = build(HERE / "submissions", SUBMISSIONS, programs, units)
    made += build(HERE / "earlier_submissions", EARLIER, programs, units)
    for old in (HERE / "quarterly" / "submissions").glob("*.xlsx"):
        old.unlink()
    made += build(HERE / "quarterly" / "submissions", QUARTERLY, load_programs(HERE / "quarterly" / "programs"), units)
    for path in made:
        print(path.relative_to(HERE))


if __name__ == "__main__":
    main()
