"""A seeded national corpus for the benchmark: a unit tree of any depth, two programs and every
commune's workbooks for 8 quarters, in the layouts `hrplan import` reads.

Layouts, drawn per commune from the seed:
- `template` (about 70%): hrplan's own template writer (`write_template` + `fill_values`);
- `title` (about 20%): no identification block, the commune named in a Decree 30 title block, the
  program code and "QUÝ II NĂM 2025" in the title, a merged two-row header (Kết quả over Kế
  hoạch / Thực hiện), no code column (rows matched by name), numbers typed as Vietnamese text;
- `ods` and `xls` (about 5% each): the `title` layout saved by LibreOffice-style writers (odfpy,
  xlwt), as old offices send them.

Writing 26,400 workbooks with openpyxl would take longer than the benchmark itself, so each
layout is written once per program and quarter with placeholder unit names and sentinel numbers
(a master), and every commune's file is the master with its own names and numbers put in the
zip members' XML. The .xls files are written whole by xlwt (fast). The corpus is cached under
bench/.cache/ by its parameters: a second run reuses the same files.
"""
from __future__ import annotations

import csv
import random
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "corpus"))
from build_corpus import Sheet, write  # noqa: E402  (the test corpus's writers: one sheet, any format)

QUARTERS = [f"{y}-Q{q}" for y in (2025, 2026) for q in (1, 2, 3, 4)]
PROGRAM_A = "01-CTr/QG"  # the national roll-up: whole-program targets, every commune a reporter
PROGRAM_B = "02-CTr/QG"  # the same indicators with a target per commune (targets CSV), one quarter
PROGRAM_B_QUARTER = "2025-Q4"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
SUBJECTS = ["Cán bộ cấp xã", "Công chức cấp xã", "Viên chức y tế cơ sở", "Viên chức giáo dục mầm non",
            "Cán bộ nữ", "Cán bộ trẻ dưới 35 tuổi", "Cán bộ người dân tộc thiểu số", "Người hoạt động không chuyên trách"]
ACTIONS = ["được đào tạo lý luận chính trị", "được bồi dưỡng chuyên môn nghiệp vụ", "được luân chuyển, điều động",
           "được đưa vào quy hoạch", "đạt chuẩn trình độ đại học"]
SYLLABLES = ["An", "Bình", "Hòa", "Tân", "Phú", "Lộc", "Thịnh", "Hưng", "Long", "Mỹ", "Đông", "Tây", "Nam",
             "Bắc", "Trung", "Sơn", "Thủy", "Lâm", "Hải", "Quang", "Minh", "Thành", "Phước", "Vĩnh", "Xuân",
             "Thuận", "Lợi", "Hiệp", "Đức", "Nghĩa", "Kim", "Ngọc", "Thạch", "Cẩm", "Hồng", "Yên"]


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    parent_name: str
    layout: str  # template | title | ods | xls


@dataclass
class Corpus:
    root: Path
    units_yaml: Path
    programs_dir: Path
    communes: list[Commune]
    files: dict[tuple[str, str], list[Path]]  # (program, quarter) -> files


def indicators() -> list[dict]:
    out = []
    for a, action in enumerate(ACTIONS):
        for s, subject in enumerate(SUBJECTS):
            n = a * len(SUBJECTS) + s + 1
            out.append({"code": f"CT{n:02d}", "name": f"{subject} {action}", "uom": "người",
                        "section": f"Nhóm {a + 1}: {action.removeprefix('được ').capitalize()}",
                        "accumulation": "cumulative" if action.startswith("đạt chuẩn") else "per_period"})
    return out


def build(root: Path, n_units: int, seed: int = 2025, quarters: list[str] | None = None) -> Corpus:
    """Write (or reuse) the corpus for `n_units` communes under `root` and describe it."""
    quarters = quarters or QUARTERS
    rng = random.Random(seed)
    communes, units = _tree(rng, n_units)
    done = root / "COMPLETE"
    programs_dir = root / "programs"
    corpus = Corpus(root, root / "units.yaml", programs_dir, communes, {})
    for program, qs in ((PROGRAM_A, quarters), (PROGRAM_B, [PROGRAM_B_QUARTER])):
        for q in qs:
            corpus.files[(program, q)] = sorted((root / _slug(program) / q).glob("*.*"))
    if done.exists():
        return corpus
    root.mkdir(parents=True, exist_ok=True)
    corpus.units_yaml.write_text(yaml.safe_dump({"units": units}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _write_programs(programs_dir, communes)
    from hrplan.definitions import load_program

    for program_code, qs in ((PROGRAM_A, quarters), (PROGRAM_B, [PROGRAM_B_QUARTER])):
        program = load_program(programs_dir / f"{_slug(program_code)}.yaml")
        for q in qs:
            out = root / _slug(program_code) / q
            out.mkdir(parents=True, exist_ok=True)
            masters = _masters(root / "masters" / _slug(program_code) / q, program, q)
            for i, commune in enumerate(communes):
                if program_code == PROGRAM_A and rng.random() < 0.01:
                    continue  # about 1% of communes miss a quarter: check reports them missing
                values = _values(rng, commune, q)
                layout = commune.layout if program_code == PROGRAM_A else "template"
                _write_commune(out, layout, masters, program, commune, q, values)
            corpus.files[(program_code, q)] = sorted(out.glob("*.*"))
    done.write_text("ok\n")
    return corpus


def _tree(rng: random.Random, n_units: int) -> tuple[list[Commune], list[dict]]:
    """Give the communes and the registry: the country, 34 provinces, districts in a few, communes."""
    units = [{"code": "VN", "name": "Cả nước", "kind": "quốc gia"}]
    provinces = []
    for p in range(1, 35):
        name = f"Tỉnh {SYLLABLES[p % len(SYLLABLES)]} {SYLLABLES[(p * 7) % len(SYLLABLES)]} {p}"
        units.append({"code": f"T{p:02d}", "name": name, "parent": "VN", "kind": "tỉnh"})
        parents = [(f"T{p:02d}", name)]
        if p <= 4:  # a few provinces keep a district level: the tree has no fixed depth
            parents = []
            for d in range(1, 4):
                code, dname = f"T{p:02d}H{d}", f"Huyện {SYLLABLES[(p + d) % len(SYLLABLES)]} {p}-{d}"
                units.append({"code": code, "name": dname, "parent": f"T{p:02d}", "kind": "huyện"})
                parents.append((code, dname))
        provinces.append(parents)
    communes, used = [], set()
    for i in range(n_units):
        parent, parent_name = rng.choice(provinces[i % len(provinces)])
        while True:
            name = f"Xã {rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)} {rng.randint(1, 999)}"
            if name not in used:
                used.add(name)
                break
        layout = rng.choices(["template", "title", "ods", "xls"], [70, 20, 5, 5])[0]
        communes.append(Commune(f"X{i + 1:05d}", name, parent_name, layout))
        units.append({"code": f"X{i + 1:05d}", "name": name, "parent": parent, "kind": "xã"})
    return communes, units


def _write_programs(folder: Path, communes: list[Commune]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    inds = indicators()
    n = len(communes)
    common = {"issuer": "Ban Chỉ đạo", "period": "2025-2026", "scope": "VN", "indicators": inds}
    a = {"code": PROGRAM_A, "title": "Phát triển nguồn nhân lực cấp xã sau sắp xếp đơn vị hành chính giai đoạn 2025 - 2026",
         **common, "targets": [{"indicator": i["code"], "value": 8 * 25 * n} for i in inds],
         "reporters": [c.code for c in communes]}
    b = {"code": PROGRAM_B, "title": "Đào tạo, bồi dưỡng cán bộ, công chức cấp xã giao chỉ tiêu đến từng xã giai đoạn 2025 - 2026",
         **common, "targets_file": f"{_slug(PROGRAM_B)}_targets.csv"}
    for prog in (a, b):
        (folder / f"{_slug(prog['code'])}.yaml").write_text(yaml.safe_dump(prog, allow_unicode=True, sort_keys=False),
                                                           encoding="utf-8")
    rng = random.Random(7)
    with (folder / b["targets_file"]).open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["indicator", "unit", "period", "value"])
        for c in communes:
            for i in inds:
                out.writerow([i["code"], c.code, "", rng.randint(20, 60)])


def _values(rng: random.Random, commune: Commune, quarter: str) -> dict[str, tuple[int, int]]:
    out = {}
    for i in indicators():
        plan = rng.randint(5, 60) if rng.random() > 0.05 else rng.randint(900, 2500)  # a few need a thousands dot
        out[i["code"]] = (plan, int(plan * rng.uniform(0.6, 1.3)))
    return out


# -- masters: one per layout, program and quarter; a commune's file is its master with its values --
_PLACE_CODE, _PLACE_NAME, _PLACE_PARENT = "ZZUNITZZ", "Zznamezz", "Zzparentzz"
_SENTINEL = re.compile(r"(?<![\d.])9([1-4])(\d{5})(?![\d])")  # 91/92 numbers, 93/94 text numbers; then the row


def _masters(folder: Path, program, quarter: str) -> dict[str, Path]:
    from hrplan.definitions import Period, Unit
    from hrplan.reports.submission_template import fill_values, write_template

    folder.mkdir(parents=True, exist_ok=True)
    period = Period.parse(quarter)
    place = Unit(code=_PLACE_CODE, name=_PLACE_NAME)
    template = write_template(folder / "template.xlsx", program, place, period, _PLACE_PARENT)
    fill_values(template, {ind.code: (9100000 + n, 9200000 + n) for n, ind in enumerate(program.indicators, 1)})
    masters = {"template": template}
    for layout, suffix in (("title", ".xlsx"), ("ods", ".ods")):
        masters[layout] = write(folder / f"{layout}{suffix}", [_title_sheet(program, quarter, None, None, None)])
    return masters


def _title_sheet(program, quarter: str, commune: Commune | None, values: dict | None, text: bool | None) -> Sheet:
    year, q = quarter.split("-Q")
    name = commune.name if commune else _PLACE_NAME
    parent = commune.parent_name if commune else _PLACE_PARENT
    rows = [
        [f"UBND {parent.upper()}", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [f"UBND {name.upper()}", "", "", "Độc lập - Tự do - Hạnh phúc"],
        ["Số: 15/BC-UBND", "", "", f"ngày 10 tháng {3 * int(q)} năm {year}"],
        [],
        ["BÁO CÁO"],
        [f"Kết quả thực hiện Chương trình số {program.code}"],
        [f"QUÝ {ROMAN[int(q)]} NĂM {year}"],
        [],
        ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "", "Ghi chú"],
        ["", "", "", "Kế hoạch", "Thực hiện", ""],
    ]
    for n, ind in enumerate(program.indicators, 1):
        if values is None:  # a master: sentinels, text for the odd rows ('1.297' typed as text)
            plan, actual = (f"93{n:05d}", f"94{n:05d}") if n % 2 else (9100000 + n, 9200000 + n)
        else:
            plan, actual = values[ind.code]
            if n % 2:
                plan, actual = _vn(plan), _vn(actual)
        rows.append([n, ind.name, ind.uom, plan, actual, ""])
    rows += [[], ["", "Nơi nhận:", "", "TM. ỦY BAN NHÂN DÂN"], ["", "- Lưu: VT.", "", "CHỦ TỊCH"]]
    merges = ["A1:C1", "A2:C2", "D1:F1", "D2:F2", "D3:F3", "A5:F5", "A6:F6", "A7:F7", "D9:E9",
              "A9:A10", "B9:B10", "C9:C10", "F9:F10"]
    return Sheet(f"BC Quy {q}", rows, merges)


def _vn(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _write_commune(out: Path, layout: str, masters: dict[str, Path], program, commune: Commune, quarter: str,
                   values: dict[str, tuple[int, int]]) -> Path:
    suffix = {"template": ".xlsx", "title": ".xlsx", "ods": ".ods", "xls": ".xls"}[layout]
    path = out / f"{_slug(program.code)}_{commune.code}_{quarter}{suffix}"
    if layout == "xls":
        return write(path, [_title_sheet(program, quarter, commune, values, True)])
    by_row = [values[ind.code] for ind in program.indicators]

    def number(m: re.Match) -> str:
        kind, row = int(m[1]), int(m[2])
        plan, actual = by_row[row - 1]
        value = plan if kind in (1, 3) else actual
        return _vn(value) if kind in (3, 4) else str(value)

    names = {_PLACE_CODE: commune.code, _PLACE_NAME: _xml(commune.name), _PLACE_NAME.upper(): _xml(commune.name.upper()),
             _PLACE_PARENT: _xml(commune.parent_name), _PLACE_PARENT.upper(): _xml(commune.parent_name.upper())}
    names_re = re.compile("|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)))
    with zipfile.ZipFile(masters[layout]) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".xml"):
                text = data.decode("utf-8")
                text = names_re.sub(lambda m: names[m[0]], _SENTINEL.sub(number, text))
                data = text.encode("utf-8")
            dst.writestr(info, data, compress_type=info.compress_type)
    return path


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slug(code: str) -> str:
    return code.replace("/", "-")

