"""Messages for reading real office layouts: skipped rows, totals, columns by period, blocks, declared layouts. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "column_role.plan": ("kế hoạch", "plan"),
    "column_role.actual": ("thực hiện", "actual"),
    "column_role.estimate": ("ước thực hiện", "estimate"),
    "column_role.stated_ratio": ("tỷ lệ ghi trong báo cáo", "stated ratio"),
    "columns.ambiguous": (
        "Không xác định được cột {role_vi} của kỳ {period}: các cột {candidates} đều phù hợp. "
        "Hãy xóa cột thừa hoặc khai báo bố cục bảng (layout) cho tệp này.",
        "Cannot tell which column holds the {role} for {period}: {candidates} all fit. "
        "Remove the extra column or declare the table's layout for this file.",
    ),
    "columns.other_period": (
        "Bảng không có cột thực hiện của kỳ {period}: {candidates} thuộc kỳ khác và không được đọc là số thực hiện. "
        "Kiểm tra kỳ báo cáo (--period) hoặc tiêu đề cột.",
        "The table has no actual column for {period}: {candidates} belong to another period and are not read as "
        "the actual. Check the reporting period (--period) or the column captions.",
    ),
    "columns.context": (
        "Các cột của kỳ khác chỉ để tham khảo, không đọc: {columns} (kỳ báo cáo {period}).",
        "Columns of other periods are context and not read: {columns} (reporting period {period}).",
    ),
    "rows.not_in_program": (
        "{count} dòng không thuộc chương trình {program}, bỏ qua.",
        "{count} rows not in program {program}, skipped.",
    ),
    "rows.parts_not_read": (
        "Không đọc {rows_vi}: dòng con của '{indicator}' ({indicator_code}) không phải chỉ tiêu riêng. Nếu chương "
        "trình cần theo dõi các phần này, hãy khai chúng là chỉ tiêu và thêm vào breakdowns (total: {indicator_code}) "
        "trong tệp chương trình.",
        "Not read {rows}: sub-rows of '{indicator}' ({indicator_code}) are parts of it, not indicators of their own. "
        "If the program should follow these parts, define them as indicators and list them under breakdowns "
        "(total: {indicator_code}) in the program file.",
    ),
    "columns.unplaced": (
        "Không đọc cột có số {columns}: tiêu đề không cho biết là kế hoạch, thực hiện hay ước thực hiện. Nếu là "
        "một trong số đó, hãy sửa tiêu đề cột (ví dụ 'Kế hoạch', 'Thực hiện') hoặc khai báo bố cục bảng "
        "(layouts: captions) cho tệp này.",
        "Columns with figures not read: {columns}: their captions say neither plan, actual nor estimate. If they "
        "are, fix the caption (e.g. 'Kế hoạch', 'Thực hiện') or declare the table's layout (layouts: captions) "
        "for this file.",
    ),
    "row.hidden": ("dòng ẩn", "hidden row"),
    "row.resembles_indicator": (
        "Dòng '{found}' không thuộc chương trình nhưng rất giống chỉ tiêu {indicator}, mà tệp không có. "
        "Nếu là cùng một chỉ tiêu, hãy sửa tên trong tệp hoặc thêm bí danh (aliases) vào tệp chương trình.",
        "Row '{found}' is not in the program but closely resembles indicator {indicator}, which the file lacks. "
        "If it is the same indicator, fix the name in the file or add an alias in the program file.",
    ),
    "indicator.missing": (
        "Tệp không có các chỉ tiêu của chương trình {program}: {indicators}.",
        "The file lacks these indicators of program {program}: {indicators}.",
    ),
    "block.total_skipped": (
        "Khối cột '{block}' là số tổng hợp, không đọc như một đơn vị báo cáo.",
        "The block of columns '{block}' is a total, not read as a reporting unit.",
    ),
    "block.unit_not_found": (
        "Khối cột '{block}' không ứng với đơn vị nào trong danh mục đơn vị. Thêm tên này làm bí danh (aliases) "
        "của đơn vị trong units.yaml.",
        "The block of columns '{block}' names no unit of the registry. Add the name as an alias of the unit "
        "in units.yaml.",
    ),
    "layout.declared": (
        "Đọc bảng theo bố cục khai báo trong {source} (trang '{sheet}', dòng tiêu đề {row}), không tự dò.",
        "Table read with the layout declared in {source} (sheet '{sheet}', header row {row}), not detected.",
    ),
    "layout.sheet_not_found": (
        "Bố cục khai báo trong {source} dùng trang '{sheet}', nhưng tệp không có trang đó (có: {sheets}).",
        "The layout declared in {source} reads sheet '{sheet}', which the file lacks (it has: {sheets}).",
    ),
    "layout.no_value_columns": (
        "Theo bố cục khai báo trong {source}, dòng tiêu đề {row} không có cột kế hoạch, thực hiện hay ước thực hiện "
        "(tiêu đề: {captions}). Sửa header_row hoặc captions trong khai báo.",
        "With the layout declared in {source}, header row {row} has no plan, actual or estimate column "
        "(captions: {captions}). Fix header_row or captions in the declaration.",
    ),
    "file.template_placeholders": (
        "Đây là biểu mẫu chưa điền: ô còn trường mẫu {found}. Hãy điền số liệu vào biểu rồi gửi lại.",
        "This is a template never filled in: the cell still holds the field {found}. Fill in the figures and send it again.",
    ),
    "table.list_of_people": (
        "Tệp này là một danh sách người (cột '{found}'), không phải báo cáo số liệu chỉ tiêu.",
        "This file is a list of people (column '{found}'), not a report of indicator figures.",
    ),
    "value.formula_calculated": (
        "Trang '{sheet}': {count} công thức chưa có kết quả lưu sẵn đã được tính từ các ô chúng tham chiếu ({cells}).",
        "Sheet '{sheet}': {count} formulas without a stored result were calculated from the cells they refer to ({cells}).",
    ),
    "caption.formula_no_value": (
        "Tiêu đề cột là công thức {found} chưa có kết quả lưu sẵn và không tính được từ các ô nó tham chiếu, "
        "nên không biết cột này là cột gì. Mở tệp bằng Excel, lưu lại rồi nhập lại, hoặc gõ tiêu đề cột thành chữ.",
        "The column caption is the formula {found}, with no stored result and not calculable from the cells it "
        "refers to, so what the column holds cannot be told. Open the file in Excel, save it and import again, "
        "or type the caption as text.",
    ),
    "data_kind.read": (
        "Dòng loại số liệu '{kind}' đã được đọc: số liệu là số {role_vi}, kỳ {period}; cột lấy vai trò từ dòng này: "
        "{columns}.",
        "The data-kind line '{kind}' was read: the figures are the {role}, period {period}; columns given their "
        "role by it: {columns}.",
    ),
    "data_kind.not_understood": (
        "Không hiểu dòng loại số liệu '{found}': cần TH (thực hiện), KH (kế hoạch) hoặc ƯTH (ước thực hiện) kèm kỳ, "
        "ví dụ 'TH Năm', 'KH Năm', 'ƯTH 6 tháng'. Các cột 'Số liệu' không được gán vai trò theo dòng này.",
        "The data-kind line '{found}' is not understood: expected TH (actual), KH (plan) or ƯTH (estimate) with a "
        "span, e.g. 'TH Năm', 'KH Năm', 'ƯTH 6 tháng'. 'Số liệu' columns are given no role by it.",
    ),
    "data_kind.period_differs": (
        "Dòng loại số liệu '{kind}' nói số liệu của kỳ {kind_period}, nhưng tệp báo cáo kỳ {period}. "
        "Sửa dòng loại số liệu hoặc tiêu đề kỳ báo cáo cho khớp (hoặc chỉ rõ kỳ bằng --period).",
        "The data-kind line '{kind}' says the figures are for {kind_period}, but the file reports on {period}. "
        "Make the data-kind line and the reporting period agree (or state the period with --period).",
    ),
    "unit_rows.unit_not_found": (
        "Bảng có mỗi dòng một đơn vị, nhưng dòng '{found}' không ứng với đơn vị nào trong danh mục đơn vị. "
        "Sửa tên đơn vị trong tệp hoặc thêm tên này làm bí danh (aliases) của đơn vị trong units.yaml; "
        "không dòng nào của tệp được lưu.",
        "The table has one row per unit, but row '{found}' names no unit of the registry. Fix the unit's name "
        "in the file or add this name as an alias of the unit in units.yaml; no row of the file is stored.",
    ),
    "unit_rows.duplicate_unit": (
        "Đơn vị {unit} có hai dòng trong bảng (dòng kia ở ô {other}). Xóa dòng thừa rồi gửi lại.",
        "Unit {unit} has two rows in the table (the other at {other}). Remove the extra row and send it again.",
    ),
    "unit_rows.role_unknown": (
        "Cột '{caption}' là chỉ tiêu {indicator} nhưng không rõ là số kế hoạch, thực hiện hay ước thực hiện. "
        "Thêm dòng 'Loại số liệu: TH Năm' phía trên bảng, một dòng KH/TH dưới tiêu đề cột, hoặc khai báo bố cục.",
        "Column '{caption}' is indicator {indicator}, but nothing says whether it holds the plan, actual or "
        "estimate. Add a line 'Loại số liệu: TH Năm' above the table, a row KH/TH under the caption, or declare "
        "the layout.",
    ),
    "unit_rows.columns_not_in_program": (
        "Các cột không thuộc chương trình {program}, bỏ qua ({count}): {columns}.",
        "Columns not in program {program}, skipped ({count}): {columns}.",
    ),
    "unit_rows.no_indicator_columns": (
        "Bảng có mỗi dòng một đơn vị, nhưng không cột nào là chỉ tiêu của chương trình {program} (các cột: "
        "{captions}). Thêm tên cột làm bí danh (aliases) của chỉ tiêu trong tệp chương trình.",
        "The table has one row per unit, but no column is an indicator of program {program} (columns: {captions}). "
        "Add the captions as aliases of the indicators in the program file.",
    ),
    "unit_rows.no_figures": (
        "Các đơn vị chưa có số thực hiện hay ước thực hiện trong dòng của mình (chưa báo cáo), không lưu gì cho họ: "
        "{units}.",
        "Units with no actual or estimate in their row (not reported yet), nothing stored for them: {units}.",
    ),
    "unit_rows.parent_total": (
        "Dòng của {unit} là tổng của các đơn vị cấp dưới trong bảng: được đối chiếu, không lưu.",
        "The row of {unit} is the total of the units under it in the table: checked, not stored.",
    ),
}
