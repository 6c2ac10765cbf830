"""Legacy Vietnamese text (TCVN3/ABC and VNI fonts) in office workbooks, turned into NFC Unicode.

Old office files type Vietnamese in 8-bit font encodings. A workbook reader hands those cells
back as the Windows-1252 / Latin-1 reading of the bytes: TCVN3 "Qu¶ng Ninh" is "Quảng Ninh",
VNI "Quaûng Ninh" is too.

* TCVN3 (fonts .VnTime, .VnArial, ...) spends one byte per precomposed lowercase letter and
  only has the seven capitals Ă Â Ê Ô Ơ Ư Đ. The "H" fonts (.VnTimeH, .VnArialH) draw every
  code as a capital, so "b¸o c¸o" in .VnTimeH reads "BÁO CÁO".
* VNI (fonts VNI-Times, VNI-Helve, ...) writes a base letter followed by one mark byte
  ("aø" = à, "aá" = ấ), except đ ơ ư and the i-letters and ỵ, which take one byte each.
  Capitals are the same codes upper-cased ("AØ" = À).

The font of a cell settles its encoding (`font_encoding`); `guess_encoding` is the fallback for
a sheet whose fonts are unknown, and it answers only on strong evidence.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

TCVN3 = "tcvn3"
VNI = "vni"

# The 73 lowercase letters, six per vowel (plain, grave, acute, hook, tilde, dot) then đ.
_LETTERS = (
    "aàáảãạ" "ăằắẳẵặ" "âầấẩẫậ" "eèéẻẽẹ" "êềếểễệ" "iìíỉĩị"
    "oòóỏõọ" "ôồốổỗộ" "ơờớởỡợ" "uùúủũụ" "ưừứửữự" "yỳýỷỹỵ" "đ"
)
# TCVN3 codes in the same order (as Latin-1 characters), then its seven capitals.
_TCVN3_CODES = (
    "aµ¸¶·¹" "¨»¾¼½Æ" "©ÇÊÈÉË" "eÌÐÎÏÑ" "ªÒÕÓÔÖ" "i×ÝØÜÞ"
    "oßãáâä" "«åèæçé" "¬êíëìî" "uïóñòô" "\xadõøö÷ù" "yúýûüþ" "®"
)
_TCVN3_CAPITAL_CODES, _TCVN3_CAPITALS = "¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ"
# VNI sequences in the same order; the capitals are these upper-cased.
_VNI_CODES = (
    "a aø aù aû aõ aï  aê aè aé aú aü aë  aâ aà aá aå aã aä  e eø eù eû eõ eï "
    "eâ eà eá eå eã eä  i ì í æ ó ò  o oø où oû oõ oï  oâ oà oá oå oã oä "
    "ô ôø ôù ôû ôõ ôï  u uø uù uû uõ uï  ö öø öù öû öõ öï  y yø yù yû yõ î  ñ"
).split()
# Not VNI's own code for ỵ (that is "î"), but the VNI font draws it the same and some tools write it.
_VNI_ALIASES = {"yï": "ỵ", "YÏ": "Ỵ"}

_TCVN3_TABLE = str.maketrans(
    {code: letter for code, letter in zip(_TCVN3_CODES, _LETTERS) if code != letter}
    | dict(zip(_TCVN3_CAPITAL_CODES, _TCVN3_CAPITALS))
)
_VNI_MAP = {
    seq: letter
    for code, low in zip(_VNI_CODES, _LETTERS)
    for seq, letter in ((code, low), (code.upper(), low.upper()))
    if seq != letter
} | _VNI_ALIASES
_VNI_PATTERN = re.compile("|".join(map(re.escape, sorted(_VNI_MAP, key=len, reverse=True))))

# Letters only Unicode Vietnamese has: no legacy font ever yields them, so text holding one
# is already Unicode (decomposed text shows up by its combining marks).
_UNICODE_ONLY = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9\u0300-\u036f]")
_TCVN3_SYMBOLS = "".join(sorted({c for c in _TCVN3_CODES + _TCVN3_CAPITAL_CODES if not c.isalpha()}))
_WORD = re.compile(rf"(?:[^\W\d_]|[{re.escape(_TCVN3_SYMBOLS)}])+")

# A Vietnamese syllable with its tone marks taken off: initial, then vowels that take no final,
# vowels that need one, or vowels that may have one.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"(?:iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|uyu|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi"
    r"|ui|ưi|ưu|ua|ưa|uơ"
    r"|(?:uyê|iê|yê|uô|ươ|oă|uâ|oo|ă|â)(?P<final>ch|ng|nh|c|m|n|p|t)"
    r"|(?:oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư|y)(?P<maybe>ch|ng|nh|c|m|n|p|t)?)"
)
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
_VOWEL_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn
_MIN_EVIDENCE = 3  # distinct words that only make sense once converted


def font_encoding(font_name: str | None) -> str | None:
    """Return the legacy encoding a font name implies: 'tcvn3' for .Vn* fonts, 'vni' for VNI-*, else None."""
    if not font_name:
        return None
    name = re.sub(r"^[A-Z]{6}\+", "", font_name.strip()).lower()  # PDF subset tag "ABCDEF+"
    if name.startswith(".vn"):
        return TCVN3
    if re.match(r"vni[-_ ]", name):
        return VNI
    return None


def convert(text: str, encoding: str, capitals: bool = False) -> str:
    """Return legacy-encoded text as NFC Unicode; capitals=True upper-cases it (.VnTimeH-style fonts)."""
    if encoding == TCVN3:
        out = text.translate(_TCVN3_TABLE)
    elif encoding == VNI:
        out = _VNI_PATTERN.sub(lambda m: _VNI_MAP[m.group()], text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected {TCVN3!r} or {VNI!r}")
    out = unicodedata.normalize("NFC", out)
    return out.upper() if capitals else out


def to_unicode(
    text: str, font_name: str | None = None, sheet_encoding: str | None = None
) -> tuple[str, str | None]:
    """Return one cell's text as NFC Unicode and the legacy encoding applied to it (None if none).

    The cell's font decides first, then the sheet's encoding. Text that already holds letters
    only Unicode has (ư, ạ, a combining mark, ...) is left as Unicode whatever the font says.
    """
    font = font_encoding(font_name)
    encoding = font or sheet_encoding
    if not text or encoding is None or _UNICODE_ONLY.search(text):
        return unicodedata.normalize("NFC", text), None
    capitals = font == TCVN3 and font_name is not None and font_name.rstrip().endswith("H")
    return convert(text, encoding, capitals=capitals), encoding


def guess_encoding(texts: Iterable[str]) -> str | None:
    """Return 'tcvn3' or 'vni' when a sheet's texts are clearly in that encoding, else None.

    A word counts for an encoding when it is not a Vietnamese syllable as it stands but is one
    once converted ("Qu¶ng" -> "Quảng", "Quaûng" -> "Quảng"); a word the conversion changes into
    a non-syllable ("café" -> "cafộ") counts against it. An encoding wins with at least three
    distinct such words, twice the evidence against it and twice the other encoding's, and more
    than the words written in Unicode-only letters.
    """
    found: dict[str, list[str]] = {TCVN3: [], VNI: []}
    against = {TCVN3: 0, VNI: 0}
    unicode_words = 0
    for text in texts:
        if not isinstance(text, str):
            continue
        unicode_only, found_tcvn3, found_vni, against_tcvn3, against_vni = _evidence(text)
        unicode_words += unicode_only
        found[TCVN3].extend(found_tcvn3)
        found[VNI].extend(found_vni)
        against[TCVN3] += against_tcvn3
        against[VNI] += against_vni
    best, other = sorted((TCVN3, VNI), key=lambda e: len(found[e]), reverse=True)
    evidence = len(found[best])
    if (
        len(set(found[best])) >= _MIN_EVIDENCE
        and evidence >= 2 * against[best]
        and evidence >= 2 * len(found[other])
        and evidence > unicode_words
    ):
        return best
    return None


# Remembered for the run (a worker reads many files): titles, captions and indicator names repeat in every file.
@functools.lru_cache(maxsize=1 << 16)
def _evidence(text: str) -> tuple[int, tuple[str, ...], tuple[str, ...], int, int]:
    """Give what one text says for `guess_encoding`: (words in Unicode-only letters, the words it makes TCVN3
    syllables of, those it makes VNI syllables of, words against TCVN3, words against VNI)."""
    found: dict[str, list[str]] = {TCVN3: [], VNI: []}
    against = {TCVN3: 0, VNI: 0}
    unicode_words = 0
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        if word.isascii():
            continue  # neither encoding changes plain ASCII
        if _UNICODE_ONLY.search(word):
            unicode_words += 1
            continue
        for encoding in (TCVN3, VNI):
            converted = convert(word, encoding)
            if converted == word:
                continue
            if not _is_syllable(converted):
                against[encoding] += 1
            elif not _is_syllable(word) or not (word.islower() or word.isupper() or word.istitle()):
                found[encoding].append(converted.lower())  # "Qu¶ng", "Quaûng", "hiÖn"
    return unicode_words, tuple(found[TCVN3]), tuple(found[VNI]), against[TCVN3], against[VNI]


def _is_syllable(word: str) -> bool:
    """Return whether a word is one well-formed Vietnamese syllable (any letter case)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [i for i, c in enumerate(decomposed) if c in _TONES]
    if len(tones) > 1:
        return False
    if tones and decomposed[: tones[0]].rstrip(_VOWEL_MARKS)[-1:] not in tuple("aeiouy"):
        return False  # a tone mark sits on a vowel ("ñ" is not n with a ngã)
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    match = _SYLLABLE.fullmatch(bare)
    if not match:
        return False
    final = match.group("final") or match.group("maybe")
    # Syllables closed by c, ch, p, t take only the acute or the dot below.
    return not (final in ("c", "ch", "p", "t") and tones and decomposed[tones[0]] not in "\u0301\u0323")
