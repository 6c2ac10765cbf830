"""Tests for hrplan.legacy_text: TCVN3 / VNI office text to NFC Unicode."""
from __future__ import annotations

import unicodedata

import pytest

from hrplan.workbooks.legacy_text import TCVN3, VNI, convert, font_encoding, guess_encoding, to_unicode

# --- an independent description of the two encodings, used to check the module's tables ----

GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
TONES = ("", GRAVE, ACUTE, HOOK, TILDE, DOT)
BASES = "aăâeêioôơuưy"
LOWER = [unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES] + ["đ"]
ACCENTED_LOWER = [c for c in LOWER if c not in "aeiouy"]
ACCENTED = ACCENTED_LOWER + [c.upper() for c in ACCENTED_LOWER]

# TCVN3 (ABC) byte layout: per base letter, the codes for plain, grave, acute, hook, tilde, dot.
TCVN3_BYTES = {
    "a": (0x61, 0xB5, 0xB8, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB),
    "e": (0x65, 0xCC, 0xD0, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6),
    "i": (0x69, 0xD7, 0xDD, 0xD8, 0xDC, 0xDE),
    "o": (0x6F, 0xDF, 0xE3, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE),
    "u": (0x75, 0xEF, 0xF3, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9),
    "y": (0x79, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE),
}
TCVN3_CAPITAL_BYTES = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
TCVN3_ENCODE = {
    unicodedata.normalize("NFC", base + tone): bytes([code]).decode("cp1252")
    for base, codes in TCVN3_BYTES.items()
    for tone, code in zip(TONES, codes)
} | {"đ": "\xae"} | {letter: bytes([code]).decode("cp1252") for letter, code in TCVN3_CAPITAL_BYTES.items()}

# VNI: a tone byte after the letter; â/ê/ă fold their mark and the tone into one byte.
VNI_TONE = {"": "", GRAVE: "ø", ACUTE: "ù", HOOK: "û", TILDE: "õ", DOT: "ï"}
VNI_CIRCUMFLEX = {"": "â", GRAVE: "à", ACUTE: "á", HOOK: "å", TILDE: "ã", DOT: "ä"}
VNI_BREVE = {"": "ê", GRAVE: "è", ACUTE: "é", HOOK: "ú", TILDE: "ü", DOT: "ë"}
VNI_I = {"": "i", GRAVE: "ì", ACUTE: "í", HOOK: "æ", TILDE: "ó", DOT: "ò"}


def tcvn3_encode(text: str) -> str:
    """Give text as a workbook reader shows TCVN3 (lowercase letters; capitals only Ă Â Ê Ô Ơ Ư Đ)."""
    return "".join(TCVN3_ENCODE.get(c, c) for c in unicodedata.normalize("NFC", text))


def vni_encode_letter(letter: str) -> str:
    """Give one letter as a workbook reader shows VNI."""
    upper = letter.isupper()
    low = letter.lower()
    if low == "đ":
        code = "ñ"
    elif low == "ỵ":
        code = "î"
    else:
        decomposed = unicodedata.normalize("NFD", low)
        base, marks = decomposed[0], decomposed[1:]
        tone = next((m for m in marks if m in TONES), "")
        shape = marks.replace(tone, "")
        if base == "i":
            code = VNI_I[tone]
        elif shape == "\u031b":  # horn: ơ ư are one byte each
            code = {"o": "ô", "u": "ö"}[base] + VNI_TONE[tone]
        elif shape == "\u0302":
            code = base + VNI_CIRCUMFLEX[tone]
        elif shape == "\u0306":
            code = base + VNI_BREVE[tone]
        else:
            code = base + VNI_TONE[tone]
    return code.upper() if upper else code


def vni_encode(text: str) -> str:
    """Give text as a workbook reader shows VNI."""
    return "".join(vni_encode_letter(c) if c.lower() in LOWER else c for c in unicodedata.normalize("NFC", text))


SENTENCES = [
    "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Kế hoạch phát triển nguồn nhân lực tỉnh Quảng Ninh giai đoạn 2021-2025",
    "Số người được đào tạo nghề; tỷ lệ lao động qua đào tạo đạt 68,5%",
    "Khẳng định, sẵn sàng, nghiêng ngửa, quyền lợi, khuỷu tay, Kỵ binh, Đà Nẵng",
]


# --- the examples from office files -----------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("Qu¶ng Ninh", "Quảng Ninh"),
        ("Thùc hiÖn", "Thực hiện"),
        ("KÕ ho¹ch", "Kế hoạch"),
        ("§µo t¹o", "Đào tạo"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("Sè ng\xadêi ®\xadîc ®µo t¹o", "Số người được đào tạo"),
        ("Tæng sè: 1.297 (285%)", "Tổng số: 1.297 (285%)"),
    ],
)
def test_convert_tcvn3_examples(legacy: str, expected: str) -> None:
    assert convert(legacy, TCVN3) == expected


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("Quaûng Ninh", "Quảng Ninh"),
        ("Thöïc hieän", "Thực hiện"),
        ("Keá hoaïch", "Kế hoạch"),
        ("Ñaøo taïo", "Đào tạo"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("Khaúng ñònh, Ñaø Naüng, Kî binh", "Khẳng định, Đà Nẵng, Kỵ binh"),
        ("BAÙO CAÙO THÖÏC HIEÄN", "BÁO CÁO THỰC HIỆN"),
        ("Toång soá: 1.297 (285%)", "Tổng số: 1.297 (285%)"),
    ],
)
def test_convert_vni_examples(legacy: str, expected: str) -> None:
    assert convert(legacy, VNI) == expected


def test_convert_output_is_nfc_and_capitals_upper_case() -> None:
    out = convert("Thùc hiÖn", TCVN3)
    assert unicodedata.is_normalized("NFC", out)
    assert convert("b¸o c¸o ®µo t¹o", TCVN3, capitals=True) == "BÁO CÁO ĐÀO TẠO"


def test_convert_rejects_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="viscii"):
        convert("abc", "viscii")


# --- full tables --------------------------------------------------------------------------------


def test_reference_alphabet_has_134_accented_letters() -> None:
    assert len(ACCENTED) == 134
    assert len(set(ACCENTED)) == 134
    assert all(unicodedata.is_normalized("NFC", c) and len(c) == 1 for c in ACCENTED)


@pytest.mark.parametrize("letter", LOWER + list(TCVN3_CAPITAL_BYTES))
def test_tcvn3_round_trips_every_letter(letter: str) -> None:
    assert convert(tcvn3_encode(letter), TCVN3) == letter


@pytest.mark.parametrize("letter", [c.upper() for c in LOWER])
def test_tcvn3_capitals_come_from_h_fonts(letter: str) -> None:
    assert convert(tcvn3_encode(letter.lower()), TCVN3, capitals=True) == letter
    assert to_unicode(tcvn3_encode(letter.lower()), ".VnTimeH") == (letter, TCVN3)


def test_tcvn3_leaves_every_other_latin1_character_alone() -> None:
    codes = set(TCVN3_ENCODE.values())
    others = "".join(chr(i) for i in range(0x20, 0x100) if chr(i) not in codes and chr(i).isprintable())
    assert "°" in others and "²" in others and "à" in others
    assert convert(others, TCVN3) == unicodedata.normalize("NFC", others)


@pytest.mark.parametrize("letter", LOWER + [c.upper() for c in LOWER])
def test_vni_round_trips_every_letter(letter: str) -> None:
    assert convert(vni_encode_letter(letter), VNI) == letter


def test_whole_alphabet_round_trips_as_one_text() -> None:
    lower = "".join(LOWER)
    assert convert(tcvn3_encode(lower), TCVN3) == lower
    assert convert(tcvn3_encode(lower), TCVN3, capitals=True) == lower.upper()
    both = lower + lower.upper()
    assert convert(vni_encode(both), VNI) == both


@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentences_round_trip(sentence: str) -> None:
    assert convert(vni_encode(sentence), VNI) == sentence
    assert convert(tcvn3_encode(sentence.lower()), TCVN3) == sentence.lower()
    assert convert(tcvn3_encode(sentence.lower()), TCVN3, capitals=True) == sentence.upper()


def test_reference_encoders_agree_with_known_office_text() -> None:
    # guards the test's own encoders against the strings office files really contain
    assert tcvn3_encode("Quảng Ninh") == "Qu¶ng Ninh"
    assert tcvn3_encode("đào tạo") == "®µo t¹o"
    assert vni_encode("Quảng Ninh") == "Quaûng Ninh"
    assert vni_encode("Thực hiện") == "Thöïc hieän"


# --- fonts and cells ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", TCVN3),
        (".VnTimeH", TCVN3),
        (".VnArial", TCVN3),
        (".VnArialH", TCVN3),
        (".VnCentury Schoolbook", TCVN3),
        (".vntime", TCVN3),
        (" .VnTime ", TCVN3),
        ("ABCDEF+.VnTime", TCVN3),
        ("VNI-Times", VNI),
        ("VNI-Helve", VNI),
        ("VNI-Helve-Condense", VNI),
        ("vni-times", VNI),
        ("Times New Roman", None),
        ("Arial", None),
        ("Calibri", None),
        ("VnTime", None),
        ("VNIX", None),
        ("", None),
        (None, None),
    ],
)
def test_font_encoding(font: str | None, expected: str | None) -> None:
    assert font_encoding(font) == expected


def test_to_unicode_font_wins_over_sheet_encoding() -> None:
    assert to_unicode("Quaûng Ninh", "VNI-Times", sheet_encoding=TCVN3) == ("Quảng Ninh", VNI)
    assert to_unicode("Qu¶ng Ninh", ".VnTime", sheet_encoding=VNI) == ("Quảng Ninh", TCVN3)


def test_to_unicode_falls_back_to_sheet_encoding() -> None:
    assert to_unicode("Qu¶ng Ninh", "Arial", sheet_encoding=TCVN3) == ("Quảng Ninh", TCVN3)
    assert to_unicode("Quaûng Ninh", None, sheet_encoding=VNI) == ("Quảng Ninh", VNI)
    assert to_unicode("Qu¶ng Ninh", "Arial") == ("Qu¶ng Ninh", None)


def test_to_unicode_capitals_only_for_h_fonts() -> None:
    assert to_unicode("b¸o c¸o", ".VnTimeH") == ("BÁO CÁO", TCVN3)
    assert to_unicode("§µo t¹o", ".VnArialH") == ("ĐÀO TẠO", TCVN3)
    assert to_unicode("b¸o c¸o", ".VnTime") == ("báo cáo", TCVN3)
    assert to_unicode("b¸o c¸o", None, sheet_encoding=TCVN3) == ("báo cáo", TCVN3)


def test_to_unicode_normalises_decomposed_text() -> None:
    nfd = "Thu\u031b\u0323c hie\u0323\u0302n Qua\u0309ng Ninh"
    assert unicodedata.normalize("NFD", "Thực hiện Quảng Ninh") == nfd
    assert to_unicode(nfd) == ("Thực hiện Quảng Ninh", None)
    # marks typed in a non-canonical order (some Mac and web tools) compose the same
    assert to_unicode("Thu\u031b\u0323c hie\u0302\u0323n") == ("Thực hiện", None)
    assert to_unicode("Thu\u031bc hie\u0323n") == ("Thưc hiẹn", None)  # each mark composed where it is
    assert to_unicode(nfd, "Times New Roman") == ("Thực hiện Quảng Ninh", None)


def test_to_unicode_leaves_unicode_vietnamese_alone_even_in_a_legacy_font() -> None:
    assert to_unicode("Thực hiện", ".VnTime") == ("Thực hiện", None)
    assert to_unicode("Quảng Ninh", "VNI-Times") == ("Quảng Ninh", None)
    assert to_unicode(unicodedata.normalize("NFD", "Báo cáo"), ".VnTime") == ("Báo cáo", None)


def test_to_unicode_plain_values() -> None:
    assert to_unicode("", ".VnTime") == ("", None)
    assert to_unicode("1.297", ".VnTime") == ("1.297", TCVN3)
    assert to_unicode("café", None) == ("café", None)


# --- guessing a sheet's encoding -------------------------------------------------------------------

UNICODE_SHEET = [
    "STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2024", "Thực hiện", "So sánh (%)", "1.297", "285%",
    "Tổng số lao động", "Trong đó: nữ", "Số người được đào tạo", "Quảng Ninh", "Báo cáo tháng",
    "hoá học", "toàn tỉnh", "khoá đào tạo", "TÊN ĐƠN VỊ", "BÁO CÁO", "Tháng", "Toán",
]
TCVN3_SHEET = [
    "STT", "ChØ tiªu", "§¬n vÞ tÝnh", "KÕ ho¹ch 2024", "Thùc hiÖn", "So s¸nh (%)", "1.297", "285%",
    "Tæng sè lao ®éng", "Trong ®ã: n÷", "Sè ng\xadêi ®\xadîc ®µo t¹o", "Qu¶ng Ninh",
]
VNI_SHEET = [
    "STT", "Chæ tieâu", "Ñôn vò tính", "Keá hoaïch 2024", "Thöïc hieän", "So saùnh (%)", "1.297", "285%",
    "Toång soá lao ñoäng", "Trong ñoù: nöõ", "Soá ngöôøi ñöôïc ñaøo taïo", "Quaûng Ninh",
]
ENGLISH_SHEET = [
    "No.", "Indicator", "Unit", "Plan 2024", "Actual", "Ratio (%)", "1.297", "285%", "1,297.5",
    "café", "naïve", "résumé", "São Paulo", "Où est le café? Déjà vu, c'est très naïf.",
    "Año, niño, aún, está, España, sí, qué", "Müller für Straße über", "µm ½ ©2020 § 3 · ° ²",
    "Zoë", "Noël", "Moïse", "Raúl", "José", "Ángel", "Bogotá", "Perú", "Québec", "Zürich", "Señor",
]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (TCVN3_SHEET, TCVN3),
        (["b¸o c¸o kÕt qu¶ thùc hiÖn", "ch\xad¬ng tr×nh ph¸t triÓn nguån nh©n lùc"], TCVN3),
        (VNI_SHEET, VNI),
        (["BAÙO CAÙO KEÁT QUAÛ", "Chöông trình phaùt trieån nguoàn nhaân löïc"], VNI),
        (UNICODE_SHEET, None),
        ([unicodedata.normalize("NFD", t) for t in UNICODE_SHEET], None),
        (ENGLISH_SHEET, None),
        (["1.297", "285%", "61,5 %", "-", "2024"], None),
        ([], None),
    ],
    ids=["tcvn3", "tcvn3-h-font", "vni", "vni-caps", "unicode", "unicode-nfd", "english-latin1", "numbers", "empty"],
)
def test_guess_encoding(texts: list[str], expected: str | None) -> None:
    assert guess_encoding(texts) == expected


def test_guess_encoding_needs_several_words() -> None:
    assert guess_encoding(["Qu¶ng Ninh"]) is None  # one word is not enough
    assert guess_encoding(["Qu¶ng Ninh", "ho¹ch"]) is None
    assert guess_encoding(["Qu¶ng Ninh", "ho¹ch", "Thùc"]) == TCVN3
    assert guess_encoding(["Qu¶ng Ninh", "Qu¶ng Ninh", "Qu¶ng Ninh"]) is None  # the same word thrice
    assert guess_encoding(["Quaûng Ninh", "hoaïch"]) is None
    assert guess_encoding(["Quaûng Ninh", "hoaïch", "Thöïc"]) == VNI


def test_guess_encoding_mostly_unicode_sheet_stays_unicode() -> None:
    assert guess_encoding(UNICODE_SHEET + TCVN3_SHEET[:3]) is None


def test_guess_encoding_accepts_any_iterable() -> None:
    assert guess_encoding(t for t in TCVN3_SHEET) == TCVN3
