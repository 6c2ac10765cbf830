"""Messages for figures and what they lack (periods, groups, units of measure). code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- reading: counts are whole --
    "value.fractional_count": (
        "Ô chứa {found_vi} nhưng '{uom}' là số đếm, phải là số nguyên ({indicator}). Excel đặt kiểu tiếng Anh"
        " hiểu '1.297' gõ vào là 1,297 (số thập phân): hãy gõ số không có dấu chấm, ví dụ 1297"
        " (hoặc định dạng ô là văn bản), rồi gửi lại.",
        "The cell holds {found} but '{uom}' is a count and must be a whole number ({indicator}). Excel set to an"
        " English locale reads a typed '1.297' as 1.297 (a decimal): type the number without the dot, e.g. 1297"
        " (or format the cell as text), and send the file again.",
    ),
    # -- units of measure --
    "figures.uom_unconvertible": (
        "Chương trình {program}, chỉ tiêu {indicator}: số liệu đã nhập tính bằng '{stored}' ({unit}, kỳ {period},"
        " tệp {file}) không đổi được sang '{uom}' đang khai báo. Hãy trả lại uom cũ trong tệp chương trình,"
        " hoặc khai báo cách quy đổi (measures:), rồi chạy lại.",
        "Program {program}, indicator {indicator}: stored figures are in '{stored}' ({unit}, period {period},"
        " file {file}) and do not convert into the declared '{uom}'. Put the former uom back in the program file,"
        " or declare the conversion (measures:), and run again.",
    ),
}
