"""Units of measure (đơn vị tính) and their conversions: amounts are converted, never mixed.

1 tỷ đồng = 1.000 triệu đồng; người and lượt người are different things (a person trained
twice is one người and two lượt người), so they do not convert into each other.
"""
from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from hrplan.names import fold


PERCENT = "percent"  # the dimension of "%": a share, which cannot be summed over units or periods


class Measure(BaseModel):
    """A unit of measure: its name, what it measures (dimension) and its size in the dimension's base."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, never silently ignored

    name: str
    dimension: str
    factor: Decimal = Decimal(1)
    aliases: list[str] = []
    name_en: str | None = None  # the name an English report uses
    whole: bool = False  # a count (người, lớp …): a fractional value is a typing or locale mistake


BUILT_IN: list[Measure] = [
    Measure(name="người", dimension="people", aliases=["nguoi", "người", "ng", "cán bộ", "đồng chí", "học viên", "people", "persons", "person"], whole=True, name_en="people"),
    Measure(name="lượt người", dimension="attendances", aliases=["lượt", "lượt người", "luot nguoi", "participants", "attendances", "person-times"], whole=True, name_en="person-times"),
    Measure(name="lớp", dimension="classes", aliases=["lớp học", "classes", "class"], whole=True, name_en="classes"),
    Measure(name="khóa", dimension="courses", aliases=["khoá", "khóa học", "courses", "course"], whole=True, name_en="courses"),
    Measure(name="hội nghị", dimension="conferences", whole=True, name_en="conferences"),
    # Other things offices count, each its own dimension (they never convert into each other).
    *[Measure(name=n, dimension=n, whole=True, name_en=e) for n, e in [
        ("đảng bộ", "party committees"), ("trạm", "stations"), ("con", "head"), ("đơn vị", "units"),
        ("xã", "communes"), ("hộ", "households"), ("cơ sở", "facilities"), ("trường", "schools"),
        ("lao động", "workers"), ("học sinh", "pupils"), ("đề tài", "research projects")]],
    Measure(name="đồng", dimension="money", factor=Decimal(1), aliases=["vnđ", "vnd", "đ"], name_en="VND"),
    Measure(name="nghìn đồng", dimension="money", factor=Decimal(1_000), aliases=["ngàn đồng", "1000 đồng"], name_en="thousand VND"),
    Measure(name="triệu đồng", dimension="money", factor=Decimal(1_000_000), aliases=["tr.đ", "trđ", "tr đồng", "triệu", "million vnd", "million dong"], name_en="million VND"),
    Measure(name="tỷ đồng", dimension="money", factor=Decimal(1_000_000_000), aliases=["tỉ đồng", "tỷ", "tỉ", "billion vnd", "billion dong"], name_en="billion VND"),
    # A stated ratio's column ("Tỷ lệ (%)"); never an indicator's unit: a percentage does not add up (PERCENT).
    Measure(name="%", dimension="percent", aliases=["phần trăm", "tỷ lệ"]),
    Measure(name="lần", dimension="times", name_en="times"),
    # Mass and area: district socio-economic tables (sản lượng, diện tích) that programs read rows from.
    Measure(name="kg", dimension="mass", factor=Decimal(1), aliases=["kilôgam"], name_en="kg"),
    Measure(name="tạ", dimension="mass", factor=Decimal(100), name_en="quintals"),
    Measure(name="tấn", dimension="mass", factor=Decimal(1_000), aliases=["tan", "tonnes", "tons"], name_en="tonnes"),
    Measure(name="ha", dimension="area", factor=Decimal(1), aliases=["héc ta", "hecta", "hectares"], name_en="ha"),
    Measure(name="vị trí", dimension="seats", aliases=["chức danh", "ghế"], whole=True, name_en="seats"),
]


class MeasureBook:
    """Look-up of units of measure by any of their names, with conversion between them."""

    def __init__(self, extra: list[Measure] | None = None):
        self._by_key: dict[str, Measure] = {}
        self._found: dict[str, Measure | None] = {}  # names as written -> measure (a store repeats a few names)
        for measure in BUILT_IN + list(extra or []):
            for name in [measure.name, *measure.aliases]:
                self._by_key[fold(name)] = measure

    def find(self, name: str | None) -> Measure | None:
        """Give the unit of measure a caption names, or None when unknown."""
        if not name:
            return None
        try:
            return self._found[name]
        except KeyError:
            found = self._found[name] = self._by_key.get(fold(name))
            return found

    def is_whole(self, name: str | None) -> bool:
        """Tell whether a unit of measure counts whole things (people, classes), so it takes no fractions."""
        measure = self.find(name)
        return measure is not None and measure.whole

    def label(self, name: str, lang: str = "vi") -> str:
        """Give a unit of measure as a report in `lang` writes it: 'người', or 'people' in English."""
        measure = self.find(name)
        return measure.name_en if lang == "en" and measure is not None and measure.name_en else name

    def names(self) -> list[str]:
        """Give the names of every unit of measure known, built-in and declared."""
        return sorted({m.name for m in self._by_key.values()})

    def convert(self, value: Decimal, source: str, target: str) -> Decimal | None:
        """Give `value` in `source` units expressed in `target` units; None when they cannot convert."""
        a, b = self.find(source), self.find(target)
        if a is None or b is None:
            return value if fold(source) == fold(target) else None
        if a.dimension != b.dimension:
            return None
        return value * a.factor / b.factor
