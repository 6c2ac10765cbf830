"""The reason file's wording of a refusal, for the unit's clerk who receives it. code: (vi, en).

`<code>.to_unit` replaces the message of `<code>` in a reason file when the analyst's wording (the CLI, the log)
speaks to the analyst: "ask the unit to ...", "import again", "--unit", a setting in hrplan.yaml. It takes the
same parameters. `<code>.analyst` is what only the analyst can do instead; it closes the reason file, under
"For the analyst", with the rule codes.
"""
from __future__ import annotations

_SEND_AGAIN_VI = "rồi gửi lại tệp"
_SEND_AGAIN_EN = "and send the file again"

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the file as a whole --
    "file.password.to_unit": (
        "Bảng tính được đặt mật khẩu nên không mở được. Hãy gửi lại bản không đặt mật khẩu (trong Excel: "
        "Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu rồi lưu).",
        "The workbook is password-protected, so it cannot be opened. Send a copy without a password again (in "
        "Excel: File › Info › Protect Workbook › Encrypt with Password, clear the password and save).",
    ),
    "file.too_large.to_unit": (
        "Tệp quá lớn: {size_vi}, giới hạn là {limit_vi}. Hãy xóa các trang tính, hình ảnh không cần thiết, "
        f"lưu lại bằng Excel {_SEND_AGAIN_VI}.",
        "The file is too large: {size}; the limit is {limit}. Remove unneeded sheets and pictures, save it again "
        f"from Excel {_SEND_AGAIN_EN}.",
    ),
    "file.too_large.analyst": (
        "Nếu tệp này đúng là hợp lệ: nâng read_limits.max_file_bytes trong hrplan.yaml rồi chép tệp từ rejected/ "
        "vào inbox/.",
        "If the file is genuine: raise read_limits.max_file_bytes in hrplan.yaml and copy the file from rejected/ "
        "into inbox/.",
    ),
    "file.unpacked_too_large.to_unit": (
        "Nội dung bảng tính khi giải nén quá lớn: {size_vi}, giới hạn là {limit_vi}. Hãy xóa các trang tính và "
        f"vùng dữ liệu thừa, lưu lại bằng Excel {_SEND_AGAIN_VI}.",
        "The workbook's content unpacks to {size}; the limit is {limit}. Delete unneeded sheets and ranges, save "
        f"it again from Excel {_SEND_AGAIN_EN}.",
    ),
    "file.zip_bomb.to_unit": (
        "Tệp có dấu hiệu 'bom nén': phần '{part}' chỉ chiếm {packed_vi} nhưng giải nén ra {unpacked_vi} (gấp "
        "{ratio_vi} lần, giới hạn {limit_vi} lần), nên không được mở. Hãy mở tệp gốc bằng Excel, lưu lại "
        f"(Tệp › Lưu thành, kiểu Sổ làm việc Excel .xlsx) {_SEND_AGAIN_VI}; không gửi tệp do phần mềm khác tạo ra.",
        "The file looks like a zip bomb: part '{part}' takes {packed} but unpacks to {unpacked} ({ratio} times; "
        "the limit is {limit}), so it was not opened. Open the original in Excel, save it (File › Save As, "
        f"Excel Workbook .xlsx) {_SEND_AGAIN_EN}; do not send a file another program made.",
    ),
    "file.too_many_parts.to_unit": (
        "Tệp chứa {found} thành phần nén, nhiều hơn mức cho phép ({limit}); một bảng tính bình thường chỉ có vài "
        f"chục. Hãy mở tệp bằng Excel, lưu lại {_SEND_AGAIN_VI}.",
        "The file holds {found} packed parts, more than the {limit} allowed; a normal workbook has a few dozen. "
        f"Open it in Excel, save it again {_SEND_AGAIN_EN}.",
    ),
    "file.xml_entities.to_unit": (
        "Phần '{part}' của tệp có khai báo {found} (DTD/thực thể XML) mà Excel không bao giờ tạo ra, nên tệp "
        f"không được mở. Hãy mở tệp bằng Excel, lưu lại {_SEND_AGAIN_VI}.",
        "Part '{part}' of the file declares {found} (an XML DTD/entity), which Excel never writes, so the file was "
        f"not opened. Open it in Excel, save it again {_SEND_AGAIN_EN}.",
    ),
    "file.too_many_strings.to_unit": (
        "Tệp khai báo {found} chuỗi chữ, quá giới hạn {limit}, nên không được mở. Hãy mở tệp bằng Excel hoặc "
        f"LibreOffice, xóa các trang và vùng dữ liệu thừa, lưu lại {_SEND_AGAIN_VI}.",
        "The file declares {found} text strings, above the limit of {limit}, so it was not opened. Open it in "
        f"Excel or LibreOffice, delete unneeded sheets and ranges, save it again {_SEND_AGAIN_EN}.",
    ),
    "file.too_many_strings.analyst": (
        "Nếu tệp này đúng là hợp lệ: nâng read_limits.max_shared_strings trong hrplan.yaml.",
        "If the file is genuine: raise read_limits.max_shared_strings in hrplan.yaml.",
    ),
    # -- the table and the cells --
    "table.only_hidden.to_unit": (
        "Bảng số liệu chỉ có ở trang bị ẩn '{sheet}', mà trang ẩn thì không được đọc. Hãy bỏ ẩn trang này "
        "(nhấn chuột phải vào tên một trang › Bỏ ẩn › chọn '{sheet}') hoặc chép bảng sang một trang đang hiện, "
        f"lưu lại {_SEND_AGAIN_VI}.",
        "The only data table is on the hidden sheet '{sheet}', and hidden sheets are not read. Unhide it "
        "(right-click a sheet tab › Unhide › choose '{sheet}') or copy the table into a visible sheet, save "
        f"{_SEND_AGAIN_EN}.",
    ),
    "table.only_hidden.analyst": (
        "Nếu muốn nhận cả trang ẩn: đặt read_hidden_sheets: true trong hrplan.yaml rồi chép tệp từ rejected/ vào "
        "inbox/ (hoặc chạy hrplan import --hidden-sheets TỆP).",
        "To take hidden sheets too: set read_hidden_sheets: true in hrplan.yaml and copy the file from rejected/ "
        "into inbox/ (or run hrplan import --hidden-sheets FILE).",
    ),
    "table.not_found.to_unit": (
        "Không tìm thấy bảng số liệu: không có dòng tiêu đề nào có cột nội dung/chỉ tiêu và cột kế hoạch hoặc "
        "thực hiện. Hãy điền số liệu vào biểu mẫu báo cáo của chương trình (giữ nguyên dòng tiêu đề cột) "
        f"{_SEND_AGAIN_VI}.",
        "No data table found: no header row has an indicator column and a plan or actual column. Fill in the "
        f"program's report template (keep its column captions) {_SEND_AGAIN_EN}.",
    ),
    "value.formula_no_value.to_unit": (
        "Ô có công thức {found} nhưng chưa có giá trị tính sẵn (tệp chưa từng mở bằng Excel). Hãy mở tệp bằng "
        f"Excel, lưu lại {_SEND_AGAIN_VI}.",
        "The cell has the formula {found} but no stored result (the file was never opened in Excel). Open it in "
        f"Excel, save it {_SEND_AGAIN_EN}.",
    ),
    "caption.formula_no_value.to_unit": (
        "Tiêu đề cột là công thức {found} chưa có kết quả lưu sẵn, nên không biết cột này là cột gì. Hãy gõ tiêu "
        f"đề cột thành chữ, hoặc mở tệp bằng Excel và lưu lại, {_SEND_AGAIN_VI}.",
        "The column caption is the formula {found}, with no stored result, so what the column holds cannot be "
        f"told. Type the caption as text, or open the file in Excel and save it, {_SEND_AGAIN_EN}.",
    ),
    "indicator.unknown.to_unit": (
        "Chỉ tiêu '{found}'{opt_hidden_vi} không có trong chương trình {program}.{opt_closest_vi} Hãy sửa tên hoặc mã chỉ "
        f"tiêu cho đúng biểu mẫu {_SEND_AGAIN_VI}.",
        "Indicator '{found}'{opt_hidden} is not in program {program}.{opt_closest} Correct the indicator's name or code "
        f"as in the template {_SEND_AGAIN_EN}.",
    ),
    "indicator.unknown.analyst": (
        "Nếu đây là tên khác của một chỉ tiêu: thêm vào aliases của chỉ tiêu đó trong tệp chương trình.",
        "If this is another name of an indicator: add it to that indicator's aliases in the program file.",
    ),
    "unit_rows.unit_not_found.to_unit": (
        "Bảng có mỗi dòng một đơn vị, nhưng dòng '{found}' không ứng với đơn vị nào trong danh mục đơn vị. Hãy "
        f"sửa tên đơn vị cho đúng {_SEND_AGAIN_VI}.",
        "The table has one row per unit, but row '{found}' names no unit of the registry. Correct the unit's name "
        f"{_SEND_AGAIN_EN}.",
    ),
    "unit_rows.unit_not_found.analyst": (
        "Nếu đây là tên khác của một đơn vị: thêm vào aliases của đơn vị đó trong units.yaml; nếu là đơn vị chưa có "
        "trong units.yaml: thêm đơn vị đó (mã, tên, đơn vị cấp trên).",
        "If this is another name of a unit: add it to that unit's aliases in units.yaml; if the unit is missing from "
        "units.yaml: add it there (code, name, parent).",
    ),
    "unit_rows.no_indicator_columns.to_unit": (
        "Bảng có mỗi dòng một đơn vị, nhưng không cột nào là chỉ tiêu của chương trình {program} (các cột: "
        f"{{captions}}). Hãy dùng đúng tên cột chỉ tiêu của biểu mẫu {_SEND_AGAIN_VI}.",
        "The table has one row per unit, but no column is an indicator of program {program} (columns: "
        f"{{captions}}). Use the template's indicator captions {_SEND_AGAIN_EN}.",
    ),
    "unit_rows.no_indicator_columns.analyst": (
        "Hoặc thêm các tên cột này vào aliases của chỉ tiêu trong tệp chương trình.",
        "Or add these captions to the indicators' aliases in the program file.",
    ),
    "data_kind.period_differs.to_unit": (
        "Dòng loại số liệu '{kind}' nói số liệu của kỳ {kind_period}, nhưng tệp báo cáo kỳ {period}. Hãy sửa dòng "
        f"loại số liệu hoặc tiêu đề kỳ báo cáo cho khớp {_SEND_AGAIN_VI}.",
        "The data-kind line '{kind}' says the figures are for {kind_period}, but the file reports on {period}. "
        f"Make the data-kind line and the reporting period agree {_SEND_AGAIN_EN}.",
    ),
    # -- who sent it, for what, when --
    "unit.not_found.to_unit": (
        "Không có đơn vị '{unit}' trong danh mục đơn vị{opt_near_vi}. Hãy sửa ô cho đúng tên hoặc mã "
        f"đơn vị {_SEND_AGAIN_VI}.",
        "No unit '{unit}' in the units registry{opt_near}. Correct the cell to the unit's name or code "
        f"{_SEND_AGAIN_EN}.",
    ),
    "unit.not_found.analyst": (
        "Nếu '{unit}' là tên khác của một đơn vị: thêm vào aliases của đơn vị đó trong units.yaml; nếu là đơn vị "
        "chưa có trong units.yaml: thêm đơn vị đó (mã, tên, đơn vị cấp trên). Rồi chép tệp từ rejected/ vào "
        "inbox/; hoặc chạy hrplan import --unit MÃ TỆP.",
        "If '{unit}' is another name of a unit: add it to that unit's aliases in units.yaml; if the unit is missing "
        "from units.yaml: add it there (code, name, parent). Then copy the file from rejected/ into inbox/; or run "
        "hrplan import --unit CODE FILE.",
    ),
    "submission.no_program.to_unit": (
        "Không xác định được tệp báo cáo cho chương trình nào. Hãy điền số liệu vào đúng biểu mẫu của chương "
        f"trình (giữ nguyên tiêu đề và khối nhận diện ở đầu biểu) {_SEND_AGAIN_VI}.",
        "Cannot tell which program the file reports on. Fill in the program's own template (keep its title and "
        f"the identification block at the top) {_SEND_AGAIN_EN}.",
    ),
    "submission.no_unit.to_unit": (
        f"Không xác định được đơn vị báo cáo. Hãy ghi mã đơn vị vào ô 'Mã đơn vị' của biểu mẫu {_SEND_AGAIN_VI}.",
        f"Cannot tell which unit sent the file. Fill in the unit code in the template's 'Mã đơn vị' cell "
        f"{_SEND_AGAIN_EN}.",
    ),
    "submission.unit_from_file_name_unknown.to_unit": (
        "Không xác định được đơn vị báo cáo: tên tệp ghi mã đơn vị '{unit}', không có trong danh mục đơn vị. Hãy "
        f"ghi mã đơn vị vào ô 'Mã đơn vị' của biểu mẫu {_SEND_AGAIN_VI}.",
        "Cannot tell which unit sent the file: its name gives the unit code '{unit}', which is not in the units "
        f"registry. Fill in the unit code in the template's 'Mã đơn vị' cell {_SEND_AGAIN_EN}.",
    ),
    "submission.unit_from_file_name_unknown.analyst": (
        "Tên tệp cho mã đơn vị '{unit}' (gần giống: {near}). Nếu là đơn vị chưa có trong units.yaml: thêm đơn vị đó "
        "(mã, tên, đơn vị cấp trên); nếu là tên khác của một đơn vị: thêm '{unit}' vào aliases của đơn vị đó. Rồi "
        "chép tệp từ rejected/ vào inbox/; hoặc chạy hrplan import --unit MÃ TỆP.",
        "The file name gives the unit code '{unit}' (closest: {near}). If the unit is missing from units.yaml: add "
        "it there (code, name, parent); if it is another name of a unit: add '{unit}' to that unit's aliases. Then "
        "copy the file from rejected/ into inbox/; or run hrplan import --unit CODE FILE.",
    ),
    "submission.no_period.to_unit": (
        "Không xác định được kỳ báo cáo. Hãy ghi kỳ (ví dụ 2023-Q2) vào ô 'Kỳ báo cáo' của biểu mẫu "
        f"{_SEND_AGAIN_VI}.",
        "Cannot tell the reporting period. Fill in the period (e.g. 2023-Q2) in the template's 'Kỳ báo cáo' cell "
        f"{_SEND_AGAIN_EN}.",
    ),
    "submission.period_from_program_title.to_unit": (
        "Không xác định được kỳ báo cáo: ô 'Kỳ báo cáo' không có hoặc để trống, và kỳ {found} trong tiêu đề "
        "('{line}') là thời gian của chương trình {program}, không phải kỳ của báo cáo này. Hãy ghi kỳ (ví dụ "
        f"2024-05, 2024-Q2) vào ô 'Kỳ báo cáo' của biểu mẫu {_SEND_AGAIN_VI}.",
        "Cannot tell the reporting period: the 'Kỳ báo cáo' cell is missing or empty, and the period {found} in "
        "the title ('{line}') is that of program {program}, not of this report. Fill in the period (e.g. "
        f"2024-05, 2024-Q2) in the template's 'Kỳ báo cáo' cell {_SEND_AGAIN_EN}.",
    ),
    "submission.unit_from_heading.to_unit": (
        "Không xác định được đơn vị báo cáo: ô 'Mã đơn vị' không có hoặc để trống, và tiêu đề chỉ ghi {unit_name} "
        "('{line}'), là cơ quan cấp trên chứ không phải đơn vị báo cáo. Hãy ghi mã đơn vị vào ô 'Mã đơn vị' của "
        f"biểu mẫu {_SEND_AGAIN_VI}.",
        "Cannot tell which unit sent the file: the 'Mã đơn vị' cell is missing or empty, and the title names only "
        "{unit_name} ('{line}'), the parent body, not the reporting unit. Fill in the unit code in the template's "
        f"'Mã đơn vị' cell {_SEND_AGAIN_EN}.",
    ),
    "submission.period_not_in_program.to_unit": (
        "Kỳ báo cáo nằm ngoài thời gian của chương trình: {said_vi}, nhưng chương trình {program} chỉ gồm "
        "{program_period}. Hãy ghi đúng kỳ báo cáo (trong {program_period}) vào ô 'Kỳ báo cáo' của biểu mẫu "
        f"{_SEND_AGAIN_VI}.",
        "The report's period lies outside the program: {said}, but program {program} covers {program_period} only. "
        "Fill in the right period (within {program_period}) in the template's 'Kỳ báo cáo' cell "
        f"{_SEND_AGAIN_EN}.",
    ),
    "submission.period_differs.to_unit": (
        "Kỳ báo cáo không khớp: {said_vi} nhưng {others_vi}. Hãy sửa ô kỳ báo cáo hoặc tiêu đề cho đúng kỳ của số "
        f"liệu {_SEND_AGAIN_VI}.",
        "The report's period does not agree: {said} but {others}. Correct the period cell or the title to the "
        f"period the figures are for {_SEND_AGAIN_EN}.",
    ),
    "submission.period_differs.analyst": (
        "Nếu đã biết kỳ đúng (hỏi đơn vị): nhập tệp từ rejected/ bằng tay với kỳ đó, hrplan import <tệp> --period <kỳ>.",
        "If you know the right period (ask the unit): import the file from rejected/ by hand with it, hrplan import "
        "<file> --period <period>.",
    ),
    "submission.ambiguous_unit.to_unit": (
        "Không chắc đơn vị báo cáo: tiêu đề khớp với nhiều đơn vị ({candidates}). Hãy ghi mã đơn vị vào ô "
        f"'Mã đơn vị' của biểu mẫu {_SEND_AGAIN_VI}.",
        "The reporting unit is ambiguous: the title matches several units ({candidates}). Fill in the unit code in "
        f"the template's 'Mã đơn vị' cell {_SEND_AGAIN_EN}.",
    ),
}
