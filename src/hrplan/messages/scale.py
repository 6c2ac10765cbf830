"""Messages for progress and benchmarks at scale. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # `hrplan check` at a terminal: the summary of many findings (the full list: --verbose, -f json/csv/xlsx)
    "findings.summary.head": ("{total} vấn đề ở {units} đơn vị: {error} lỗi, {warning} cảnh báo, {info} lưu ý.",
                              "{total} findings in {units} units: {error} error(s), {warning} warning(s), {info} note(s)."),
    "findings.summary.by_rule": ("Theo quy tắc", "By rule"),
    "findings.summary.by_group": ("Theo đơn vị trực thuộc {parent} (gồm cả cấp dưới)",
                                  "By unit under {parent} (and below)"),
    "findings.summary.by_root": ("Theo đơn vị cấp cao nhất", "By top-level unit"),
    "findings.summary.more_groups": ("… và {n} đơn vị khác (ít vấn đề hơn).", "… and {n} more units (fewer findings)."),
    "findings.summary.top": ("{shown} vấn đề quan trọng nhất (lỗi trước; đơn vị cấp cao trước đơn vị cấp dưới):",
                             "The {shown} most important (errors first; higher units before lower ones):"),
    "findings.summary.rest": ("Danh sách đầy đủ {total} vấn đề: thêm --verbose, hoặc ghi ra tệp với -f xlsx, -f csv, -f json.",
                              "The full list of {total} findings: add --verbose, or write a file with -f xlsx, -f csv, -f json."),
    "findings.summary.no_unit": ("(không gắn đơn vị)", "(no unit)"),
    "findings.col.rule": ("Quy tắc", "Rule"),
    "findings.col.count": ("Số vấn đề", "Findings"),
    "findings.col.units": ("Số đơn vị", "Units"),
    "findings.col.group": ("Đơn vị", "Unit"),
    "progress.import": ("Đang nhập", "Importing"),
    "progress.check": ("Đang kiểm tra", "Checking"),
    "progress.report": ("Đang lập báo cáo", "Writing the report"),
    "progress.line": ("{what} {percent}% ({done}/{total})", "{what} {percent}% ({done}/{total})"),
    "progress.left": (", còn khoảng {time}", ", about {time} left"),
    "progress.minutes": ("{m} phút {s} giây", "{m} min {s} s"),
    "progress.seconds": ("{s} giây", "{s} s"),
}
