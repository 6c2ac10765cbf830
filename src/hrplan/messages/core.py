"""The first messages: workspace, config, programs, files, import, checks and reports as first built."""
from __future__ import annotations

# code: (vi, en)
MESSAGES: dict[str, tuple[str, str]] = {
    # -- workspace --
    "workspace.not_found": (
        "Không tìm thấy thư mục làm việc hrplan từ {start}. Hãy chạy 'hrplan init THƯ_MỤC' hoặc dùng --workspace.",
        "No hrplan workspace found from {start}. Run 'hrplan init DIR' or pass --workspace.",
    ),
    "workspace.exists": (
        "Thư mục {path} đã là một thư mục làm việc hrplan; không ghi đè.",
        "{path} is already an hrplan workspace; nothing was overwritten.",
    ),
    # -- the command line's own words --
    "cli.help_option": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "workspace.created": ("Đã tạo thư mục làm việc tại {path}.", "Created a workspace at {path}."),
    "workspace.next": (
        "Tiếp theo:\n"
        "  1. Ghi các đơn vị (mã, tên, mã đơn vị cấp trên) vào\n"
        "       {units}\n"
        "  2. Đặt tệp chương trình (.yaml: chỉ tiêu, kỳ, chỉ tiêu giao) vào\n"
        "       {programs}\n"
        "     Tệp mẫu: chạy 'hrplan demo', rồi xem thư mục hrplan-demo/programs.\n"
        "  3. Biểu mẫu gửi các đơn vị:\n"
        "       hrplan template -p <mã chương trình> --period <kỳ> --all-units\n"
        "  4. Nhận báo cáo: hrplan import <thư mục hoặc tệp>\n"
        "     rồi hrplan check và hrplan report.",
        "Next:\n"
        "  1. List the units (code, name, code of the unit above) in\n"
        "       {units}\n"
        "  2. Put a program file (.yaml: indicators, period, targets) in\n"
        "       {programs}\n"
        "     For examples, run 'hrplan demo' and look in hrplan-demo/programs.\n"
        "  3. The forms to send the units:\n"
        "       hrplan template -p <program code> --period <period> --all-units\n"
        "  4. Bring the reports in: hrplan import <folder or files>\n"
        "     then hrplan check and hrplan report.",
    ),
    "config.invalid": (
        "Tệp cấu hình sai ở trường {field}: {found}. Cần: {expected_vi}.",
        "The workspace config is wrong at {field}: {found}. Expected: {expected}.",
    ),
    "store.migrated": (
        "Đã nâng kho dữ liệu {store} từ phiên bản {found} lên {expected}; bản sao trước khi nâng: {backup}"
        " (trong {folder}). Nếu phải quay lại bản hrplan cũ, hãy dùng bản sao này.",
        "Upgraded the store {store} from schema version {found} to {expected}; its copy from before: {backup}"
        " (in {folder}). To go back to the older hrplan, use that copy.",
    ),
    "store.newer_schema": (
        "Cơ sở dữ liệu có phiên bản {found}, mới hơn bản hrplan này hỗ trợ ({expected}). Hãy cập nhật hrplan.",
        "The store has schema version {found}, newer than this hrplan supports ({expected}). Upgrade hrplan.",
    ),
    "option.invalid": (
        "Tùy chọn {option} không nhận giá trị '{found}'. Chọn một trong: {expected}.",
        "Option {option} does not take '{found}'. Choose one of: {expected}.",
    ),
    # -- what a field of a YAML file expects (after "Cần:" / "Expected:") --
    "expected.required": ("trường này là bắt buộc", "this field is required"),
    "expected.text": ("một đoạn chữ", "text"),
    "expected.whole_number": ("một số nguyên", "a whole number"),
    "expected.number": ("một số", "a number"),
    "expected.bool": ("true hoặc false", "true or false"),
    "expected.date": ("một ngày dạng 2021-07-16", "a date like 2021-07-16"),
    "expected.list": ("một danh sách (mỗi mục một dòng '- ...' hoặc [a, b])", "a list ('- ...' lines or [a, b])"),
    "expected.mapping": ("một nhóm 'khóa: giá trị'", "a mapping of 'key: value'"),
    "expected.no_such_field": ("không có trường này (tên gõ sai?)", "no such field (a misspelt name?)"),
    "expected.at_most": ("một số không lớn hơn {limit}", "a number at most {limit}"),
    "expected.at_least": ("một số không nhỏ hơn {limit}", "a number at least {limit}"),
    "expected.less_than": ("một số nhỏ hơn {limit}", "a number less than {limit}"),
    "expected.greater_than": ("một số lớn hơn {limit}", "a number greater than {limit}"),
    "expected.one_of": ("một trong các giá trị {allowed}", "one of {allowed}"),
    "expected.percent_uom": (
        "một đơn vị cộng được (người, lớp, triệu đồng …), không phải tỷ lệ phần trăm: hrplan cộng số liệu của các "
        "đơn vị và các kỳ, và tỷ lệ thì không cộng được (7 đơn vị cùng 90% không thành 630%). Với một tỷ lệ, hãy khai "
        "'kind: coverage' và 'uom' là đơn vị của tử số (ví dụ 'uom: người'): đơn vị báo cáo ghi tử số (số đạt) ở cột "
        "Thực hiện và mẫu số (tổng số) ở cột Kế hoạch; tỷ lệ của từng đơn vị, nhóm và cả tỉnh được tính từ các tổng",
        "a unit of measure that adds up (người, lớp, triệu đồng …), not a percentage: hrplan adds up the figures of "
        "units and periods, and percentages do not add up (7 units at 90% are not 630%). For a share, write "
        "'kind: coverage' with the numerator's unit as 'uom' (e.g. 'uom: người'): units write the numerator (those "
        "meeting it) as the actual (Thực hiện) and the denominator (all of them) as the plan (Kế hoạch); the share of "
        "each unit, group and the province is computed from the sums",
    ),
    # -- program definitions --
    "yaml.syntax": (
        "Tệp {file} không đọc được (lỗi cú pháp YAML): {found_vi}. Hãy sửa dòng được chỉ ra.",
        "{file} is not valid YAML: {found}. Fix the line shown.",
    ),
    "program.invalid": (
        "Trường {field}: {found_vi}. Cần: {expected_vi}.",
        "Field {field}: {found}. Expected: {expected}.",
    ),
    "program.not_found": (
        "Không có chương trình '{program}'. Các chương trình hiện có: {known}.",
        "No program '{program}'. Known programs: {known}.",
    ),
    "program.duplicate": (
        "Mã chương trình '{program}' bị khai báo hai lần ({other}).",
        "Program code '{program}' is defined twice ({other}).",
    ),
    "targets.invalid": (
        "Bảng chỉ tiêu giao: {found_vi}. Cần: {expected_vi}.",
        "Target table: {found}. Expected: {expected}.",
    ),
    "units.invalid": (
        "Danh mục đơn vị: {found_vi}. Cần: {expected_vi}.",
        "Units registry: {found}. Expected: {expected}.",
    ),
    "program.unknown_unit": (
        "Chương trình {program} nhắc tới đơn vị '{unit}'{hint_vi}, không có trong danh mục đơn vị (units.yaml). Hãy sửa mã hoặc thêm đơn vị.",
        "Program {program} names unit '{unit}'{hint}, which is not in the units registry (units.yaml). Fix the code or add the unit.",
    ),
    "submission.unit_merged": (
        "Đơn vị {unit} đã sáp nhập vào {successor} từ ngày {day} (units.yaml), nên không nhận báo cáo kỳ {period} của "
        "đơn vị này. Cần: {successor} gửi báo cáo kỳ {period}; {fix_vi}.",
        "Unit {unit} was merged into {successor} on {day} (units.yaml), so its report for {period} is not taken. "
        "Expected: {successor} reports for {period}; {fix}.",
    ),
    "submission.unit_ended": (
        "Đơn vị {unit} đã giải thể từ ngày {day} (units.yaml), nên không nhận báo cáo kỳ {period} của đơn vị này. "
        "Cần: {fix_vi}; nếu đơn vị vẫn hoạt động, sửa ngày until: trong units.yaml.",
        "Unit {unit} was dissolved on {day} (units.yaml), so its report for {period} is not taken. Expected: {fix}; "
        "if the unit still exists, correct its until: in units.yaml.",
    ),
    "submission.unit_not_yet": (
        "Đơn vị {unit} thành lập từ ngày {day} (units.yaml), nên chưa có báo cáo kỳ {period}. Cần: {fix_vi}; "
        "số liệu trước ngày {day} do các đơn vị cũ báo cáo.",
        "Unit {unit} was set up on {day} (units.yaml), so it has no report for {period}. Expected: {fix}; the "
        "figures before {day} are the former units' reports.",
    ),
    # Where to correct a report outside its unit's life: the cell the period (else the unit) was read from, or
    # where the period came from when no cell gave it.
    "submission.life_fix.cell": (
        "nếu gõ nhầm kỳ hoặc đơn vị, hãy sửa ô này",
        "if the period or unit was mistyped, correct this cell",
    ),
    "submission.life_fix.file_name": (
        "kỳ {period} đọc từ tên tệp '{file}' (tệp không ghi kỳ ở ô nào): nếu gõ nhầm kỳ hoặc đơn vị, hãy sửa tên "
        "tệp, hoặc ghi kỳ đúng vào ô 'Kỳ báo cáo' của mẫu",
        "the period {period} was read from the file name '{file}' (no cell of the file gives it): if the period or "
        "unit was mistyped, correct the file name, or fill the right period in the template's 'Kỳ báo cáo' cell",
    ),
    "submission.life_fix.option": (
        "kỳ {period} là kỳ ghi ở tùy chọn --period: nếu gõ nhầm, hãy nhập lại với --period đúng",
        "the period {period} is the one given with --period: if it was mistyped, import again with the right "
        "--period",
    ),
    "submission.unexpected_reporter": (
        "Đơn vị {unit} không thuộc các đơn vị báo cáo của chương trình {program} (reporters: {reporters}). Số liệu "
        "vẫn được lưu và cộng vào số liệu của chương trình; 'hrplan check' và báo cáo sẽ nêu rõ đơn vị này. Cần: nếu "
        "gõ nhầm mã đơn vị hoặc nhầm chương trình, hãy sửa ô này rồi nhập lại; nếu đơn vị phải báo cáo, thêm {unit_code} "
        "vào reporters: trong tệp chương trình.",
        "Unit {unit} is not among the reporters of program {program} (reporters: {reporters}). Its figures are "
        "stored and counted in the program's figures all the same; 'hrplan check' and the report name the unit. "
        "Expected: if the unit code or the program was mistyped, correct this cell and import again; if the unit "
        "must report, add {unit_code} to reporters: in the program file.",
    ),
    "submission.period_title_differs": (  # stored by earlier releases: refused now (submission.period_differs)
        "Ô kỳ báo cáo ghi {period} nhưng tiêu đề (ô {line_cell}: '{line}') ghi kỳ {title_period}: số liệu được nhận "
        "là của kỳ {period} theo ô kỳ báo cáo. Nếu kỳ đúng là {title_period}, hãy sửa ô này thành {title_period} "
        "(hoặc nhập lại với --period {title_period}); nếu kỳ {period} đúng, hãy sửa tiêu đề.",
        "The period cell says {period} but the title (cell {line_cell}: '{line}') says {title_period}: the figures "
        "are taken as {period}'s, from the period cell. If the period is {title_period}, correct this cell to "
        "{title_period} (or import again with --period {title_period}); if {period} is right, correct the title.",
    ),
    "submission.period_differs": (
        "Kỳ báo cáo không khớp: {said_vi} nhưng {others_vi}. Tệp không được nhận vì không biết số liệu là của kỳ "
        "nào (nhận theo một bên có thể ghi đè số liệu của kỳ khác). Hãy sửa ô kỳ báo cáo hoặc tiêu đề cho đúng rồi "
        "nhập lại, hoặc nhập lại với --period để chọn kỳ.",
        "The report's period does not agree: {said} but {others}. The file is not taken, as which period its figures "
        "are for cannot be told (taken by one of them, it could replace another period's figures). Correct the "
        "period cell or the title, then import again, or import again with --period to choose the period.",
    ),
    "submission.period_not_in_program": (
        "Kỳ báo cáo nằm ngoài thời gian của chương trình: {said_vi}, nhưng chương trình {program} chỉ gồm "
        "{program_period}. Tệp không được nhận (số liệu sẽ không vào báo cáo nào của chương trình). Nếu gõ nhầm kỳ, "
        "hãy sửa cho đúng rồi nhập lại, hoặc nhập lại với --period.",
        "The report's period lies outside the program: {said}, but program {program} covers {program_period} only. "
        "The file is not taken (its figures would count in no report of the program). If the period was mistyped, "
        "correct it and import again, or import again with --period.",
    ),
    "submission.period_source.cell": ("ô {cell} ghi {period}", "cell {cell} says {period}"),
    "submission.period_source.title": ("tiêu đề (ô {cell}: '{line}') ghi {period}",
                                       "the title (cell {cell}: '{line}') says {period}"),
    "submission.period_source.file_name": ("tên tệp '{file}' ghi {period}", "the file name '{file}' says {period}"),
    "submission.period_source.option": ("tùy chọn --period ghi {period}", "--period says {period}"),
    "submission.period_source.and": (" và ", " and "),
    # Stored with files imported by earlier releases (a warning then); such a file is refused now, with
    # submission.period_not_in_program, and a contradicting title with submission.period_differs.
    "submission.period_outside_program": (
        "Kỳ báo cáo {period} nằm ngoài thời gian của chương trình {program} ({program_period}): số liệu được lưu nhưng "
        "không vào báo cáo nào của chương trình. Nếu gõ nhầm kỳ, hãy sửa ô kỳ báo cáo (hoặc nhập lại với --period).",
        "Period {period} lies outside program {program}'s period ({program_period}): the figures are stored but count "
        "in no report of the program. If the period was mistyped, correct the period cell (or import again with "
        "--period).",
    ),
    "period.outside_program": (
        "Kỳ {period} nằm ngoài thời gian của chương trình {program} ({program_period}). Hãy chọn kỳ trong {program_period}.",
        "Period {period} lies outside program {program}'s period ({program_period}). Choose a period within "
        "{program_period}.",
    ),
    "unit.not_found": (
        "Không có đơn vị '{unit}' trong danh mục đơn vị.{hint_vi}",
        "No unit '{unit}' in the units registry.{hint}",
    ),
    "unit.not_found.named": (" Hãy ghi mã hoặc tên đơn vị như trong danh mục.",
                             " Give a unit's code or name as the registry writes it."),
    "unit.not_found.named_near": (" Gần giống: {near}. Hãy ghi mã hoặc tên đơn vị như trong danh mục.",
                                  " Closest: {near}. Give a unit's code or name as the registry writes it."),
    "unit.not_found.in_file": (
        " Gần giống: {near}. Cần làm: sửa ô cho đúng tên hoặc mã đơn vị; hoặc nhập lại với --unit MÃ; hoặc, nếu đây là "
        "tên khác của một đơn vị, thêm tên này vào aliases của đơn vị đó trong units.yaml; nếu là đơn vị chưa có trong "
        "units.yaml, thêm đơn vị đó vào units.yaml (mã, tên, đơn vị cấp trên).",
        " Closest: {near}. What to do: correct the cell to the unit's name or code; or import again with --unit CODE; "
        "or, if this is another name of a unit, add it to that unit's aliases in units.yaml; if the unit is missing "
        "from units.yaml, add it there (code, name, parent).",
    ),
    # The same when no unit of the registry is close: no 'Gần giống: -'.
    "unit.not_found.in_file.none": (
        " Cần làm: sửa ô cho đúng tên hoặc mã đơn vị; hoặc nhập lại với --unit MÃ; hoặc, nếu đây là tên khác của một "
        "đơn vị, thêm tên này vào aliases của đơn vị đó trong units.yaml.",
        " What to do: correct the cell to the unit's name or code; or import again with --unit CODE; or, if this is "
        "another name of a unit, add it to that unit's aliases in units.yaml.",
    ),
    "unit.near": (" (gần giống: {near})", " (closest: {near})"),  # in a unit's clerk's wording, when a unit is close
    "period.invalid": (
        "Kỳ báo cáo '{found}' không hợp lệ. Cần dạng 2023-Q2 (quý), 2023-H1 (6 tháng), 2023 (năm) hoặc 2021..2023-Q2 (lũy kế).",
        "Period '{found}' is not valid. Expected 2023-Q2 (quarter), 2023-H1 (half-year), 2023 (year) or 2021..2023-Q2 (cumulative).",
    ),
    # -- reading workbooks --
    "file.not_found": ("Không tìm thấy tệp {path}.", "File {path} not found."),
    "file.unsupported_type": (
        "Tệp có đuôi '{found}' không phải bảng tính. Cần .xlsx, .xlsm, .xls hoặc .ods.",
        "A '{found}' file is not a workbook. Expected .xlsx, .xlsm, .xls or .ods.",
    ),
    "file.unreadable": (
        "Không mở được bảng tính: {found_vi}. Tệp có thể bị hỏng hoặc không phải Excel; hãy mở và lưu lại bằng Excel rồi gửi lại.",
        "The workbook cannot be opened: {found}. It may be damaged or not an Excel file; open and re-save it in Excel, then send it again.",
    ),
    "file.password": (
        "Bảng tính được đặt mật khẩu. Hãy đề nghị đơn vị gửi bản không đặt mật khẩu.",
        "The workbook is password-protected. Ask the unit for a copy without a password.",
    ),
    "table.not_found": (
        "Không tìm thấy bảng số liệu: không có dòng tiêu đề nào có cột nội dung/chỉ tiêu và cột kế hoạch hoặc thực hiện. Đây có phải báo cáo của chương trình không?",
        "No data table found: no header row has an indicator column and a plan or actual column. Is this a program report?",
    ),
    "table.used": (
        "Dùng trang '{sheet}', dòng tiêu đề {row}.",
        "Using sheet '{sheet}', header row {row}.",
    ),
    "value.not_number": (
        "Ô chứa '{found}', cần một số (ví dụ 1.297 hoặc 1,15). Hãy sửa ô này.",
        "The cell holds '{found}', expected a number (e.g. 1.297 or 1,15). Fix this cell.",
    ),
    "value.negative": (
        "Ô chứa số âm {found}; chỉ tiêu '{indicator}' không thể âm.",
        "The cell holds a negative number {found}; indicator '{indicator}' cannot be negative.",
    ),
    "value.formula_no_value": (
        "Ô có công thức {found} nhưng chưa có giá trị tính sẵn (tệp chưa từng mở bằng Excel). Hãy mở tệp bằng Excel, lưu lại rồi nhập lại.",
        "The cell has the formula {found} but no stored result (the file was never opened in Excel). Open it in Excel, save, and import again.",
    ),
    "indicator.unknown": (
        "Chỉ tiêu '{found}'{opt_hidden_vi} không có trong chương trình {program}.{opt_closest_vi} Hãy sửa tên/mã hoặc thêm bí danh vào tệp chương trình.",
        "Indicator '{found}'{opt_hidden} is not in program {program}.{opt_closest} Fix the name/code or add an alias in the program file.",
    ),
    "indicator.unknown.closest": (" Gần giống: {closest}.", " Closest: {closest}."),
    "indicator.duplicate": (
        "Chỉ tiêu '{indicator}' xuất hiện hai lần (lần đầu ở ô {other}).",
        "Indicator '{indicator}' appears twice (first at {other}).",
    ),
    # -- the machine: a full disk, a folder hrplan may not write (exit 2: for the IT person, not a bug) --
    "os.disk_full": (
        "Ổ đĩa chứa thư mục {folder} đã đầy: không ghi được {path}. Hãy giải phóng chỗ trống trên ổ đĩa đó (hoặc "
        "nâng hạn mức) rồi chạy lại.",
        "The disk holding the folder {folder} is full: could not write {path}. Free some space on that disk (or "
        "raise the quota), then run again.",
    ),
    "os.not_permitted": (
        "hrplan (người dùng {user}) không có quyền ghi vào thư mục {folder}: {path} ({error}). Hãy cấp quyền ghi "
        "vào thư mục đó cho người dùng chạy hrplan rồi chạy lại.",
        "hrplan (user {user}) may not write in the folder {folder}: {path} ({error}). Give the user that runs "
        "hrplan write access to that folder, then run again.",
    ),
    "submission.no_program": (
        "Không xác định được chương trình của tệp. Hãy dùng mẫu 'hrplan template' hoặc chỉ rõ --program.",
        "Cannot tell which program the file reports on. Use the 'hrplan template' workbook or pass --program.",
    ),
    "submission.no_unit": (
        "Không xác định được đơn vị báo cáo. Hãy ghi mã đơn vị vào ô nhận diện hoặc dùng --unit.",
        "Cannot tell which unit sent the file. Fill the unit in the identification block or pass --unit.",
    ),
    "submission.unit_from_file_name_unknown": (
        "Không xác định được đơn vị báo cáo: tên tệp cho mã đơn vị '{unit}', nhưng units.yaml không có đơn vị "
        "này (gần giống: {near}); trong tệp cũng không có ô 'Mã đơn vị' hay tiêu đề ghi đơn vị. Cần làm: nếu "
        "'{unit}' là một đơn vị chưa có trong danh mục, thêm đơn vị đó vào units.yaml (mã, tên, đơn vị cấp "
        "trên); nếu là tên khác của một đơn vị, thêm '{unit}' vào aliases của đơn vị đó; hoặc nhập lại với --unit MÃ.",
        "Cannot tell which unit sent the file: its name gives the unit code '{unit}', but units.yaml has no such "
        "unit (closest: {near}), and the file has no 'Mã đơn vị' cell or title naming a unit. What to do: if "
        "'{unit}' is a unit missing from the registry, add it to units.yaml (code, name, parent); if it is "
        "another name of a unit, add '{unit}' to that unit's aliases; or import again with --unit CODE.",
    ),
    "submission.no_period": (
        "Không xác định được kỳ báo cáo. Hãy ghi kỳ (ví dụ 2023-Q2) vào ô nhận diện hoặc dùng --period.",
        "Cannot tell the reporting period. Fill it in the identification block (e.g. 2023-Q2) or pass --period.",
    ),
    "submission.period_from_program_title": (
        "Không xác định được kỳ báo cáo: ô nhận diện 'Kỳ báo cáo' không có hoặc để trống, và kỳ duy nhất đọc "
        "được trong tiêu đề là {found} ở dòng '{line}' - đó là thời gian của chương trình {program}, không phải "
        "kỳ của báo cáo này; tên tệp cũng không cho biết kỳ (theo filename_pattern trong hrplan.yaml). Hãy ghi "
        "kỳ (ví dụ 2024-05, 2024-Q2) vào ô 'Kỳ báo cáo' của mẫu, hoặc dùng --period.",
        "Cannot tell the reporting period: the 'Kỳ báo cáo' identification cell is missing or empty, and the only "
        "period in the title is {found}, in the line '{line}', which is the period of program {program}, not of "
        "this report; the file name gives none either (filename_pattern in hrplan.yaml). Fill the period "
        "(e.g. 2024-05, 2024-Q2) in the template's 'Kỳ báo cáo' cell, or pass --period.",
    ),
    "submission.unit_from_heading": (
        "Không xác định được đơn vị báo cáo: ô nhận diện 'Mã đơn vị' không có hoặc để trống, và tiêu đề chỉ ghi "
        "{unit} ở dòng '{line}' - đó là cơ quan cấp trên, không phải đơn vị báo cáo của chương trình {program} "
        "({reporters}); tên tệp cũng không cho biết đơn vị. Hãy ghi mã đơn vị vào ô 'Mã đơn vị' của mẫu, "
        "hoặc dùng --unit.",
        "Cannot tell which unit sent the file: the 'Mã đơn vị' identification cell is missing or empty, and the "
        "title names only {unit}, in the heading line '{line}', which is the parent body, not one of the units "
        "reporting on program {program} ({reporters}); the file name gives none either. Fill the unit code in "
        "the template's 'Mã đơn vị' cell, or pass --unit.",
    ),
    "submission.empty": (
        "Tệp không có số liệu thực hiện nào để nhập (chỉ có kế hoạch hoặc để trống). Hãy điền cột Thực hiện rồi gửi lại.",
        "The file holds no actual figures to import (only plans, or nothing). Fill in the actual column and send it again.",
    ),
    "location.more": ("và {n} ô khác", "and {n} other cell{s}"),  # a figure added up from several cells
    "stated_ratio.differs": (
        "{name_vi}: tỷ lệ ghi trong báo cáo là {stated_vi}, tính lại được {computed_vi}.",
        "{name}: the stated ratio is {stated}; recomputed it is {computed}.",
    ),
    "submission.ambiguous_unit": (
        "Không chắc đơn vị báo cáo: tiêu đề khớp với nhiều đơn vị ({candidates}). Hãy chỉ rõ bằng --unit.",
        "The reporting unit is ambiguous: the title matches several units ({candidates}). Pass --unit.",
    ),
    "submission.unit_outside_scope": (
        "Đơn vị {unit} không thuộc phạm vi của chương trình {program} (các đơn vị thuộc {scope}). Kiểm tra lại mã đơn vị hoặc chương trình.",
        "Unit {unit} is outside the scope of program {program} (units under {scope}). Check the unit code or the program.",
    ),
    "text.legacy_converted": (
        "Trang '{sheet}' gõ bằng mã {encoding}; đã chuyển sang Unicode.",
        "Sheet '{sheet}' was typed in {encoding}; converted to Unicode.",
    ),
    "text.decomposed_normalised": (
        "Trang '{sheet}' có chữ Unicode tổ hợp (dấu tách rời chữ); đã chuẩn hóa sang dạng dựng sẵn (NFC).",
        "Sheet '{sheet}' had decomposed Unicode (marks apart from their letters); normalised to NFC.",
    ),
    "table.only_hidden": (
        "Bảng số liệu chỉ có ở trang bị ẩn '{sheet}'. Nếu đúng là trang cần nhập, hãy dùng --hidden-sheets "
        "(hrplan import) hoặc đặt read_hidden_sheets: true trong hrplan.yaml (cả hrplan consolidate).",
        "The only data table is on the hidden sheet '{sheet}'. If that is the one to import, pass --hidden-sheets "
        "(hrplan import) or set read_hidden_sheets: true in hrplan.yaml (hrplan consolidate too).",
    ),
    "row.unnamed": (
        "Dòng có số liệu nhưng không ghi tên chỉ tiêu. Hãy ghi tên hoặc mã chỉ tiêu, hoặc xóa số liệu thừa.",
        "The row has figures but no indicator name. Write the indicator's name or code, or delete the stray figures.",
    ),
    "value.uom_mismatch": (
        "Đơn vị tính '{found}'{opt_written_vi} không đổi được sang '{expected}' của chỉ tiêu '{indicator}'{opt_value_vi}. "
        "{opt_advice_vi}",
        "Unit of measure '{found}'{opt_written} cannot be converted to '{expected}' of indicator '{indicator}'{opt_value}. "
        "{opt_advice}",
    ),
    # Where the unit was written, and what to fix there (value.uom_mismatch's clauses).
    "value.uom_mismatch.written.column": (" (ô ĐVT {cell})", " (unit cell {cell})"),
    "value.uom_mismatch.written.note": (" (dòng 'Đơn vị tính' ở {cell}, áp dụng cho cả bảng)",
                                        " (the 'Đơn vị tính' line at {cell}, for the whole table)"),
    "value.uom_mismatch.written.caption": (" (tiêu đề cột {cell})", " (column caption {cell})"),
    "value.uom_mismatch.value": (", số ở ô {cell}", ", figure at {cell}"),
    "value.uom_mismatch.advice.column": ("Hãy sửa ô ĐVT {cell}.", "Fix the unit cell {cell}."),
    "value.uom_mismatch.advice.note": (
        "Hãy sửa dòng 'Đơn vị tính' ở {cell}, hoặc thêm cột ĐVT ghi đơn vị riêng cho dòng này.",
        "Fix the 'Đơn vị tính' line at {cell}, or add a unit column giving this row its own unit."),
    "value.uom_mismatch.advice.caption": ("Hãy sửa đơn vị trong tiêu đề cột {cell}.",
                                          "Fix the unit in the column caption {cell}."),
    "value.uom_mismatch.advice.none": ("Hãy sửa cột ĐVT.", "Fix the unit column."),
    "value.uom_converted": (
        "Đã đổi {value_vi} {found_vi} thành {converted_vi} {expected_vi}.",
        "Converted {value} {found} to {converted} {expected}.",
    ),
    "table.total_mismatch": (
        "Dòng tổng cộng ghi {found_vi}, nhưng cộng các dòng trên được {expected_vi}.",
        "The total row says {found}, but the rows above add up to {expected}.",
    ),
    "template.no_unit": (
        "Chưa chọn đơn vị: dùng --unit MÃ (có thể lặp lại) hoặc --all-units.",
        "No unit chosen: pass --unit CODE (repeatable) or --all-units.",
    ),
    "history.restored_from": ("khôi phục bản #{id}", "restored from #{id}"),
    "history.col.imported": ("Nhập lúc", "Imported"),
    "history.col.state": ("Trạng thái", "State"),
    "history.current": ("hiện hành", "current"),
    "history.superseded_by": ("bị thay bởi #{id}", "superseded by #{id}"),
    "history.changes": ("Bản #{id} thay đổi: {changes}.", "#{id} changed {changes}."),
    "history.notes": ("Ghi chú về bản #{id}: {notes}.", "Notes on #{id}: {notes}."),
    "template.written": ("Đã tạo {n} biểu mẫu.", "Wrote {n} template{s}."),
    # The note on a template's plan cell (Kế hoạch): where the plan pre-filled comes from, or why there is none.
    "template.plan.target": ("KH", "the plan"),
    "template.plan.ceiling": ("Mức trần", "the ceiling"),
    "template.plan.own": ("Chỉ tiêu giao cho {period}.", "Target set for {period}."),
    "template.plan.own_ceiling": ("Mức trần giao cho {period}.", "Ceiling set for {period}."),
    "template.plan.share": (
        "KH {period} theo tỷ lệ thời gian (chương trình quy định interim: pro_rata): {word} {longer} {whole} × "
        "{months}/{of} tháng = {value}. Khi kiểm tra số liệu, kế hoạch của kỳ được so với số này; nếu kế hoạch của "
        "đơn vị khác, ghi lý do ở cột Ghi chú.",
        "The plan for {period} by share of time (the program's interim: pro_rata): {word} for {longer} {whole} × "
        "{months}/{of} months = {value}. Check compares the period's plan with this figure; if the unit's plan "
        "differs, give the reason under Ghi chú.",
    ),
    "template.plan.share_fraction": (
        "KH {period} theo tỷ lệ thời gian (chương trình quy định interim: pro_rata): {word} {longer} {whole} × "
        "{months}/{of} tháng = {value}, không điền sẵn vì ô này chỉ nhận số nguyên. Khi kiểm tra số liệu, kế hoạch "
        "của kỳ được so với {value}; ghi kế hoạch của đơn vị và lý do ở cột Ghi chú.",
        "The plan for {period} by share of time (the program's interim: pro_rata): {word} for {longer} {whole} × "
        "{months}/{of} months = {value}, not filled in as this cell takes whole numbers only. Check compares the "
        "period's plan with {value}; write the unit's plan and the reason under Ghi chú.",
    ),
    "template.plan.whole": (
        "KH {period}: {value}, giữ nguyên cho từng kỳ ({word} {longer} không chia theo thời gian).",
        "The plan for {period}: {value}, whole in every period ({word} for {longer}, not split by time).",
    ),
    "template.plan.to_date": (
        "KH lũy kế đến hết {period}: {value} (cộng chỉ tiêu các kỳ đã qua; {word} {longer}: {whole}).",
        "The plan to the end of {period}: {value} (the targets of the periods completed; {word} for {longer}: "
        "{whole}).",
    ),
    "template.plan.context": (
        "Chưa có chỉ tiêu riêng cho {period}. {word} {longer}: {whole} (để tham khảo; nếu đơn vị có kế hoạch của "
        "kỳ này thì ghi vào).",
        "No target of its own for {period}; {word} for {longer}: {whole} (for reference; if the unit has a plan for "
        "this period, write it in).",
    ),
    "demo.not_empty": (
        "Thư mục {path} đã có dữ liệu và không phải thư mục demo; hãy chọn thư mục khác bằng --output.",
        "{path} holds other files and is not a demo folder; choose another with --output.",
    ),
    "demo.own_store": (
        "hrplan demo luôn dùng kho SQLite riêng trong thư mục của nó ({path}), không dùng kho của --store hay"
        " HRPLAN_STORE; chưa tạo gì. Hãy chạy lại không có --store (và bỏ biến HRPLAN_STORE nếu đã đặt).",
        "hrplan demo always uses its own SQLite file in its folder ({path}), never the store of --store or"
        " HRPLAN_STORE; nothing was made. Run it again without --store (and unset HRPLAN_STORE if it is set).",
    ),
    # what `hrplan demo` prints: the same words and counts as `import` and `check` give
    "demo.workspace": ("Thư mục làm việc: {path}", "Workspace: {path}"),
    "demo.imported": ("Nhập {n} tệp: mới {new}, cập nhật {updated}, không đổi {unchanged}, từ chối {rejected}.",
                      "Imported {n} file{s}: new {new}, updated {updated}, unchanged {unchanged}, rejected {rejected}."),
    "demo.check": ("Kiểm tra: {error} lỗi, {warning} cảnh báo, {info} lưu ý.",
                   "Check: {error} error{s_error}, {warning} warning{s_warning}, {info} note{s_info}."),
    "demo.col.indicator": ("Chỉ tiêu", "Indicator"),
    "demo.col.plan": ("KH", "Plan"),
    "demo.col.actual": ("TH", "Actual"),
    "demo.col.ratio": ("Tỷ lệ", "Ratio"),
    "demo.col.status": ("Đánh giá", "Status"),
    # -- import results --
    "import.imported": ("Đã nhập", "Imported"),
    "import.updated": ("Đã cập nhật (thay bản trước)", "Updated (supersedes the earlier one)"),
    "import.unchanged": ("Không đổi (đã nhập trước đây)", "Unchanged (imported before)"),
    "import.rejected": ("Bị từ chối", "Rejected"),
    "import.would_import": ("Sẽ nhập (chạy thử)", "Would import (dry run)"),
    "import.no_files": (
        "Không có tệp bảng tính nào trong {path}.",
        "No workbook files in {path}.",
    ),
    # -- checks (findings) --
    "check.missing_submission": (
        "Đơn vị {unit} chưa gửi báo cáo kỳ {period}.",
        "Unit {unit} has not sent its report for {period}.",
    ),
    "check.behind_plan": (
        "{indicator}: thực hiện {actual}/{plan} {uom}, đạt {ratio} kế hoạch ({status}).{opt_left_out}",
        "{indicator}: {actual} of {plan} {uom}, {ratio} of plan ({status}).{opt_left_out}",
    ),
    "check.behind_plan.ceiling": (
        "{indicator}: thực hiện {actual} {uom}, vượt mức trần {plan} (bằng {ratio} mức trần; {status}).{opt_left_out}",
        "{indicator}: {actual} {uom}, above the ceiling of {plan} ({ratio} of it; {status}).{opt_left_out}",
    ),
    "check.planning_ratio_out_of_band": (
        "{indicator}: {candidates} người cho {seats} vị trí, bằng {ratio} lần; khung quy định {band} ({source}).{opt_left_out}",
        "{indicator}: {candidates} people for {seats} seat{s_seats}, {ratio} times; the norm band is {band} ({source}).{opt_left_out}",
    ),
    "check.breakdown_mismatch": (
        "{indicator}: tổng {total} nhưng các phần cộng lại {parts_sum} ({parts}).",
        "{indicator}: total {total} but the parts add up to {parts_sum} ({parts}).",
    ),
    "check.group_counted_twice": (
        "{unit} tự báo cáo {indicator}: {own}, đúng bằng tổng của các đơn vị trực thuộc cũng đã báo cáo ({members}). "
        "Nếu đó là số tổng hợp của các đơn vị ấy thì số liệu cấp trên đang cộng hai lần (hiện là {total}). "
        "Khi đó hãy đề nghị {unit} gửi lại báo cáo chỉ gồm số liệu của riêng mình (bản mới thay bản cũ khi nhập); "
        "nếu đúng là số của riêng {unit}, tắt quy tắc này trong mục checks: của chương trình.",
        "{unit} reported {indicator}: {own} for itself, exactly the total of the units under it who reported too "
        "({members}). If it is their total, the sum above counts it twice (it now reads {total}). Then ask {unit} "
        "to send its report again with its own figures only (the newer file replaces the older one on import); if it "
        "really is {unit}'s own figure, turn this rule off under the program's checks:.",
    ),
    "check.breakdown_exceeds": (
        "{indicator}: các phần cộng lại {parts_sum} lớn hơn tổng {total} ({parts}).",
        "{indicator}: the parts add up to {parts_sum}, more than the total {total} ({parts}).",
    ),
    "check.plan_differs_from_target": (
        "{indicator}: kế hoạch ghi trong báo cáo là {stated}, chỉ tiêu giao là {target}; dùng chỉ tiêu giao.",
        "{indicator}: the report states a plan of {stated}, the assigned target is {target}; the target is used.",
    ),
    "check.plan_differs_from_target.share": (
        "{indicator}: kế hoạch ghi trong các báo cáo đã gửi ({parts}) là {stated}, phần chỉ tiêu giao của các kỳ đó "
        "là {target} (cả kỳ {whole}); dùng chỉ tiêu giao.",
        "{indicator}: the reports sent ({parts}) state a plan of {stated}, the assigned target's share of those parts "
        "is {target} (of {whole} for the whole period); the target is used.",
    ),
    # -- statuses --
    "status.over": ("vượt", "over"),
    "status.met": ("đạt", "met"),
    "status.nearly": ("gần đạt", "nearly met"),
    "status.behind": ("chưa đạt", "not met"),
    # Lower is better (`direction: lower`): the plan is a ceiling (reports.data.status_key).
    "status.ceiling.met": ("không vượt trần", "within the ceiling"),
    "status.ceiling.behind": ("vượt trần", "over the ceiling"),
    "status.in_band": ("trong khung", "within band"),
    "status.below_band": ("dưới khung", "below band"),
    "status.above_band": ("trên khung", "above band"),
    "status.no_plan": ("chưa có kế hoạch", "no plan"),
    "status.no_data": ("chưa có số liệu", "no data"),
    # a plan and an actual, but a part's share of the plan unknown (figure.left_out.unsplit): no status word
    "status.not_judged": ("chưa đánh giá được", "not judged"),
    # -- a planning ratio's norm band (khung), as programs set it --
    "band.between": ("{min}–{max} lần", "{min}–{max} times"),
    "band.at_least": ("từ {min} lần trở lên", "at least {min} times"),
    "band.at_most": ("đến {max} lần", "at most {max} times"),
    # after a status word in a sentence: '(trên khung 1,0–1,3 lần theo Quy định 50-QĐ/TW)'
    "band.in_sentence": (" {band} theo {source}", " {band}, {source}"),
    "band.in_sentence.no_source": (" {band}", " {band}"),
    # -- legacy text --
    # -- file safety --
    "file.too_large": (
        "Tệp quá lớn: {size_vi}, giới hạn là {limit_vi}. Hãy đề nghị đơn vị xóa các trang tính, hình ảnh không cần thiết, lưu lại bằng Excel rồi gửi lại (hoặc nâng giới hạn trong cấu hình nếu tệp này đúng là hợp lệ).",
        "The file is too large: {size}; the limit is {limit}. Ask the unit to remove unneeded sheets and pictures, save it again from Excel and resend it (or raise the limit in the workspace config if the file is genuine).",
    ),
    "file.unpacked_too_large": (
        "Nội dung bảng tính khi giải nén quá lớn: {size_vi}, giới hạn là {limit_vi}. Hãy đề nghị đơn vị xóa các trang tính và vùng dữ liệu thừa, lưu lại bằng Excel rồi gửi lại.",
        "The workbook's content unpacks to {size}; the limit is {limit}. Ask the unit to delete unneeded sheets and ranges, save it again from Excel and resend it.",
    ),
    "file.zip_bomb": (
        "Tệp có dấu hiệu 'bom nén': phần '{part}' chỉ chiếm {packed_vi} nhưng giải nén ra {unpacked_vi} (gấp {ratio_vi} lần, giới hạn {limit_vi} lần). Tệp không được mở để bảo vệ máy. Hãy đề nghị đơn vị gửi lại tệp lưu trực tiếp từ Excel.",
        "The file looks like a zip bomb: part '{part}' takes {packed} but unpacks to {unpacked} ({ratio} times; the limit is {limit}). It was not opened, to protect this computer. Ask the unit to send the file again, saved directly from Excel.",
    ),
    "file.too_many_parts": (
        "Tệp chứa {found} thành phần nén, nhiều hơn mức cho phép ({limit}); một bảng tính bình thường chỉ có vài chục. Hãy đề nghị đơn vị lưu lại bằng Excel rồi gửi lại.",
        "The file holds {found} packed parts, more than the {limit} allowed; a normal workbook has a few dozen. Ask the unit to save it again from Excel and resend it.",
    ),
    "file.xml_entities": (
        "Phần '{part}' của tệp có khai báo {found} (DTD/thực thể XML). Excel không bao giờ tạo ra khai báo này; nó có thể dùng để làm treo máy hoặc đọc trộm tệp khác, nên tệp bị từ chối. Hãy đề nghị đơn vị mở tệp bằng Excel, lưu lại rồi gửi lại.",
        "Part '{part}' of the file declares {found} (an XML DTD/entity). Excel never writes this; it can be used to hang the computer or read other files, so the file is refused. Ask the unit to open it in Excel, save it again and resend it.",
    ),
    "file.too_many_cells": (
        "Trang tính '{part}' trải dữ liệu tới ô {ref}: {cells} ô, vượt giới hạn {max_cells} ô. Thường do một ô lạc ở rất xa hoặc định dạng kéo tới cuối trang; hãy xóa các dòng/cột thừa, lưu lại rồi gửi lại.",
        "Sheet part '{part}' spreads data to cell {ref}: {cells} cells, above the limit of {max_cells}. This usually comes from a stray cell far away or formatting down to the end of the sheet; delete the extra rows/columns, save it again and resend it.",
    ),
    "file.too_many_rows": (
        "Trang tính '{part}' có vùng dữ liệu tới ô {ref}: {rows} dòng × {columns} cột, vượt giới hạn {max_rows} dòng × {max_columns} cột. Thường do định dạng hoặc dữ liệu thừa kéo tới cuối trang; hãy xóa các dòng/cột trống thừa, lưu lại bằng Excel rồi gửi lại.",
        "Sheet part '{part}' reaches cell {ref}: {rows} rows × {columns} columns, above the limit of {max_rows} rows × {max_columns} columns. This usually comes from formatting or stray data down to the end of the sheet; delete the extra empty rows/columns, save it again from Excel and resend it.",
    ),
}
