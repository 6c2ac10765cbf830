""".xls details calamine does not give right: formula cells whose result is the empty string.

A template's ratio cell `=IF(AND(ISNUMBER(E14),E14>0,ISNUMBER(F14)),F14/E14,"")` with a percent format, saved as
.xls by LibreOffice, is stored with the result 0 (not the empty text it gave), and calamine reads 0: a blank ratio
became a stated ratio of 0. This reads the BIFF8 records themselves (the workbook stream of the OLE2 file, whose
chains `safety` checked before) and, for each formula stored with the result 0, computes its tokens on the sheet's
values when they are simple enough (references, numbers, text, comparisons, arithmetic, IF, AND, OR, NOT,
ISNUMBER, ISBLANK, ISTEXT): the cells whose formula gives the empty string read as blank. Anything else keeps
the stored result: a real 0 is never lost.

Layout (MS-XLS): records of (type u16, length u16, data); BOUNDSHEET (0x85) gives each sheet's name and the
offset of its BOF; a FORMULA record (0x06) holds row, column, format, an 8-byte result and the formula's tokens
(or ptgExp, naming the SHRFMLA record 0x4BC that holds a shared formula's tokens, relative to each cell).
"""
from __future__ import annotations

import struct
from typing import Any, Callable

_END = 0xFFFFFFFE
_MINI_CUTOFF = 4096
_BOUNDSHEET, _EOF, _FORMULA, _SHRFMLA = 0x0085, 0x000A, 0x0006, 0x04BC


Formulas = dict[str, list[tuple[int, int, bytes, int, int]]]  # per sheet: (row, col, tokens, base row, base col)


def zero_result_formulas(data: bytes) -> Formulas:
    """Give, per sheet name, the formula cells stored with the result 0, with their tokens ({} when the file cannot
    be followed: then nothing is changed). Taken from the bytes the safety checks read (`grid.check_file`)."""
    try:
        stream = _workbook_stream(data)
        return _scan(stream) if stream else {}
    except (struct.error, IndexError, ValueError, UnicodeDecodeError):
        return {}


def empty_text_cells(formulas: Formulas, values: dict[str, Callable[[int, int], Any]]) -> dict[str, set[tuple[int, int]]]:
    """Give, per sheet name, the (row, col) of the `formulas` that, computed on the sheet's values
    (`values[sheet](row, col)`), give the empty string."""
    found: dict[str, set[tuple[int, int]]] = {}
    for name, cells in formulas.items():
        value = values.get(name)
        if value is None:
            continue
        blank = {(r, c) for r, c, tokens, br, bc in cells if evaluates_to_empty_text(tokens, br, bc, value)}
        if blank:
            found[name] = blank
    return found


def _workbook_stream(data: bytes) -> bytes | None:
    shift = struct.unpack_from("<H", data, 30)[0]
    sector = 1 << shift
    n_fat, first_dir, mini_cutoff, first_minifat, n_minifat, first_difat, n_difat = struct.unpack_from(
        "<I I 4x I I I I I", data, 44)
    mini_cutoff = mini_cutoff or _MINI_CUTOFF

    def read_sector(n: int) -> bytes:
        return data[(n + 1) * sector:(n + 2) * sector]

    fat_sectors = [s for s in struct.unpack_from("<109I", data, 76)][:n_fat]
    nxt = first_difat
    for _ in range(n_difat):
        if nxt >= _END:
            break
        block = struct.unpack(f"<{sector // 4}I", read_sector(nxt))
        fat_sectors += list(block[:-1])
        nxt = block[-1]
    fat: list[int] = []
    for s in fat_sectors[:n_fat]:
        fat.extend(struct.unpack(f"<{sector // 4}I", read_sector(s)))
    limit = len(data) // sector + 1

    def chain(start: int) -> list[int]:
        out, n = [], start
        while n < _END and n < len(fat) and len(out) <= limit:  # the safety scan refused loops; bounded anyway
            out.append(n)
            n = fat[n]
        return out

    directory = b"".join(read_sector(s) for s in chain(first_dir))
    entries = [directory[off:off + 128] for off in range(0, len(directory) - 127, 128)]
    root = entries[0] if entries else b""
    for entry in entries:
        name_len, kind = struct.unpack_from("<HB", entry, 64)
        if kind != 2 or not 2 <= name_len <= 64:
            continue
        if entry[:name_len - 2].decode("utf-16-le", "replace").lower() not in ("workbook", "book"):
            continue
        start, length = struct.unpack_from("<II", entry, 116)
        if length >= mini_cutoff:
            return b"".join(read_sector(s) for s in chain(start))[:length]
        mini_stream = b"".join(read_sector(s) for s in chain(struct.unpack_from("<I", root, 116)[0]))
        minifat_bytes = b"".join(read_sector(s) for s in chain(first_minifat))
        minifat = struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes)
        out, n = [], start
        while n < _END and n < len(minifat) and len(out) <= len(data) // 64:
            out.append(mini_stream[n * 64:(n + 1) * 64])
            n = minifat[n]
        return b"".join(out)[:length]
    return None


def _scan(stream: bytes) -> dict[str, list[tuple[int, int, bytes, int, int]]]:
    """Give, per worksheet, its formula cells whose stored result is 0: (row, col, tokens, base row, base col);
    shared formulas (ptgExp) get the shared tokens, whose relative references count from the cell itself."""
    sheets: list[tuple[str, int]] = []
    pos = 0
    while pos + 4 <= len(stream):  # the workbook globals: the sheets' names and where they start
        kind, size = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4:pos + 4 + size]
        if kind == _BOUNDSHEET:
            offset, _, sheet_type, count, flags = struct.unpack_from("<IBBBB", body, 0)
            raw = body[8:8 + count * (2 if flags & 1 else 1)]
            name = raw.decode("utf-16-le") if flags & 1 else raw.decode("latin-1")
            if sheet_type == 0:  # a worksheet
                sheets.append((name, offset))
        pos += 4 + size
        if kind == _EOF:
            break
    found: dict[str, list[tuple[int, int, bytes, int, int]]] = {}
    for name, offset in sheets:
        zeros: list[tuple[int, int, bytes]] = []
        shared: dict[tuple[int, int], bytes] = {}
        pos = offset
        while pos + 4 <= len(stream):
            kind, size = struct.unpack_from("<HH", stream, pos)
            body = stream[pos + 4:pos + 4 + size]
            pos += 4 + size
            if kind == _FORMULA and size >= 22 and body[6:14] == bytes(8):  # a stored result of 0
                row, col = struct.unpack_from("<HH", body, 0)
                cce = struct.unpack_from("<H", body, 20)[0]
                zeros.append((row, col, body[22:22 + cce]))
            elif kind == _SHRFMLA and size >= 10:
                first_row, _, first_col = struct.unpack_from("<HHB", body, 0)
                cce = struct.unpack_from("<H", body, 8)[0]
                shared[(first_row, first_col)] = body[10:10 + cce]
            elif kind == _EOF:
                break
        cells = []
        for row, col, tokens in zeros:
            if tokens[:1] == b"\x01" and len(tokens) >= 5:  # ptgExp: the shared formula keyed by its first cell
                key = struct.unpack_from("<HH", tokens, 1)
                tokens = shared.get((key[0], key[1]), b"")
            if tokens:
                cells.append((row, col, tokens, row, col))
        if cells:
            found[name] = cells
    return found


class _CannotTell(Exception):
    """A token or a value the small evaluator below does not follow: the stored result stands."""


_BLANK, _ERROR = object(), object()  # an empty cell; an error value (#DIV/0! in the branch IF does not take)
_IF, _AND, _OR, _NOT, _ISNUMBER, _ISBLANK, _ISTEXT = 1, 36, 37, 38, 128, 129, 127
_FIXED_ARGS = {_NOT: 1, _ISNUMBER: 1, _ISBLANK: 1, _ISTEXT: 1}


def evaluates_to_empty_text(tokens: bytes, row: int, col: int, value: Callable[[int, int], Any]) -> bool:
    """Give whether a formula's tokens (BIFF8 RPN), computed on the sheet's values, give the empty string; False when
    the formula uses anything beyond references, numbers, text, comparisons, arithmetic and IF, AND, OR, NOT,
    ISNUMBER, ISBLANK, ISTEXT (the template's `=IF(AND(ISNUMBER(E14),E14>0,ISNUMBER(F14)),F14/E14,"")`)."""
    try:
        return _evaluate(tokens, row, col, value) == ""
    except (_CannotTell, struct.error, IndexError, TypeError, ValueError):
        return False


def _evaluate(tokens: bytes, base_row: int, base_col: int, value: Callable[[int, int], Any]) -> Any:
    stack: list[Any] = []
    pos = 0
    while pos < len(tokens):
        ptg = tokens[pos]
        pos += 1
        if ptg in (0x24, 0x44, 0x64, 0x2C, 0x4C, 0x6C):  # ptgRef, ptgRefN (relative to the cell)
            r, c = struct.unpack_from("<HH", tokens, pos)
            pos += 4
            column = c & 0xFF
            if ptg & 0x0F == 0x0C:
                if c & 0x8000:
                    r = base_row + struct.unpack("<h", struct.pack("<H", r))[0]
                if c & 0x4000:
                    column = base_col + struct.unpack("<b", bytes([column]))[0]
            cell = value(r, column)
            stack.append(_BLANK if cell in ("", None) else cell)
        elif ptg == 0x1E:  # ptgInt
            stack.append(float(struct.unpack_from("<H", tokens, pos)[0]))
            pos += 2
        elif ptg == 0x1F:  # ptgNum
            stack.append(struct.unpack_from("<d", tokens, pos)[0])
            pos += 8
        elif ptg == 0x1D:  # ptgBool
            stack.append(bool(tokens[pos]))
            pos += 1
        elif ptg == 0x17:  # ptgStr
            count, flags = tokens[pos], tokens[pos + 1]
            width = 2 if flags & 1 else 1
            raw = tokens[pos + 2:pos + 2 + count * width]
            stack.append(raw.decode("utf-16-le") if width == 2 else raw.decode("latin-1"))
            pos += 2 + count * width
        elif ptg == 0x19:  # ptgAttr: IF's jumps, spaces, volatility are no values; anything else is beyond us
            if tokens[pos] & ~(0x01 | 0x02 | 0x08 | 0x40):
                raise _CannotTell
            pos += 3
        elif ptg == 0x15:  # parentheses
            continue
        elif 0x03 <= ptg <= 0x0E:
            right, left = stack.pop(), stack.pop()
            stack.append(_binary(ptg, left, right))
        elif ptg in (0x21, 0x41, 0x61, 0x22, 0x42, 0x62):  # ptgFunc, ptgFuncVar
            if ptg & 0x0F == 0x02:
                count, number = tokens[pos] & 0x7F, struct.unpack_from("<H", tokens, pos + 1)[0] & 0x7FFF
                pos += 3
            else:
                number = struct.unpack_from("<H", tokens, pos)[0]
                pos += 2
                if number not in _FIXED_ARGS:
                    raise _CannotTell
                count = _FIXED_ARGS[number]
            args = stack[len(stack) - count:] if count else []
            del stack[len(stack) - count:]
            stack.append(_function(number, args))
        else:
            raise _CannotTell
    if len(stack) != 1:
        raise _CannotTell
    return stack[0]


def _number(x: Any) -> float:
    if x is _BLANK:
        return 0.0
    if isinstance(x, bool):
        return float(x)
    if isinstance(x, (int, float)):
        return float(x)
    raise _CannotTell  # text in arithmetic: #VALUE! or a conversion we do not follow


def _truth(x: Any) -> bool:
    if x is _BLANK:
        return False
    if isinstance(x, (bool, int, float)):
        return bool(x)
    raise _CannotTell


def _binary(ptg: int, left: Any, right: Any) -> Any:
    if left is _ERROR or right is _ERROR:
        return _ERROR
    if ptg <= 0x07:
        a, b = _number(left), _number(right)
        if ptg == 0x06:
            return a / b if b else _ERROR
        if ptg == 0x07:
            raise _CannotTell
        return {0x03: a + b, 0x04: a - b, 0x05: a * b}[ptg]
    if ptg == 0x08:  # ptgConcat: not followed
        raise _CannotTell
    if left is _BLANK:
        left = "" if isinstance(right, str) else 0.0
    if right is _BLANK:
        right = "" if isinstance(left, str) else 0.0
    if isinstance(left, str) != isinstance(right, str):
        raise _CannotTell  # Excel orders numbers before text; not needed here
    return {0x09: left < right, 0x0A: left <= right, 0x0B: left == right, 0x0C: left >= right,
            0x0D: left > right, 0x0E: left != right}[ptg]


def _function(number: int, args: list[Any]) -> Any:
    if number in (_ISNUMBER, _ISBLANK, _ISTEXT) and args[0] is _ERROR:
        return False
    if number == _IF and len(args) in (2, 3) and args[0] is not _ERROR:
        return args[1] if _truth(args[0]) else (args[2] if len(args) == 3 else False)
    if any(a is _ERROR for a in args):
        return _ERROR
    if number in (_AND, _OR) and args:
        truths = [_truth(a) for a in args if a is not _BLANK]
        return all(truths) if number == _AND else any(truths)
    if number == _NOT:
        return not _truth(args[0])
    if number == _ISNUMBER:
        return isinstance(args[0], (int, float)) and not isinstance(args[0], bool)
    if number == _ISBLANK:
        return args[0] is _BLANK
    if number == _ISTEXT:
        return isinstance(args[0], str)
    raise _CannotTell
