"""Messages for the rule catalogue and the feedback workbook. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- settings of the catalogue in a program file --
    "check.unknown_rule": (
        "Chương trình {program}: mục checks.rules nêu quy tắc '{rule}' không có trong danh mục. Các quy tắc: {known}.",
        "Program {program}: checks.rules names rule '{rule}', which is not in the catalogue. Rules: {known}.",
    ),
    "check.unknown_param": (
        "Chương trình {program}: quy tắc {rule} không có tham số '{param}'. Tham số: {known}.",
        "Program {program}: rule {rule} has no parameter '{param}'. Parameters: {known}.",
    ),
}
