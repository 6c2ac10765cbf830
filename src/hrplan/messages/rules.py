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
    "check.custom_invalid": (
        "Quy tắc riêng {rule}, vế {side}: {reason}.",
        "Custom rule {rule}, {side} side: {reason}.",
    ),
    # -- the rules' findings --
    "check.unregistered_unit": (
        "Đơn vị mã {unit} có báo cáo đã lưu ({periods}) nhưng không có trong danh mục đơn vị (units.yaml): số liệu "
        "của đơn vị này không được cộng vào tổng nào. Cần: giữ đơn vị trong units.yaml, ghi ngày giải thể hoặc "
        "sáp nhập (until:, merged_into:).",
        "Unit code {unit} has stored reports ({periods}) but is not in the units registry (units.yaml): its "
        "figures are in no total. Expected: keep the unit in units.yaml with the day it ended (until:, merged_into:).",
    ),
    "check.unexpected_reporter": (
        "{unit} có báo cáo {period}{sent} nhưng không thuộc các đơn vị báo cáo của chương trình (reporters: "
        "{reporters}): số liệu của đơn vị này đang được cộng vào các tổng. Cần: nếu đơn vị phải báo cáo, thêm "
        "{unit_code} vào reporters: trong tệp chương trình; nếu không, kiểm tra lại tệp (nhầm chương trình hoặc "
        "nhầm mã đơn vị).",
        "{unit} has a report for {period}{sent} but is not among the program's reporters (reporters: "
        "{reporters}): its figures are counted in the totals. Expected: if the unit must report, add {unit_code} "
        "to reporters: in the program file; if not, check the file (wrong program or unit code).",
    ),
    # What the unit sent, after the period: one file named, several counted, none known: nothing.
    "check.unexpected_reporter.file": (" (tệp {file})", " (file {file})"),
    "check.unexpected_reporter.files": (" ({n} tệp)", " ({n} files)"),
    "check.outside_unit_life": (
        "Báo cáo đã lưu của {unit} kỳ {period} (tệp {file}) không được tính vào số liệu: kỳ này nằm ngoài thời gian "
        "đơn vị tồn tại ghi trong units.yaml ({life}); báo cáo được nhập trước khi ghi ngày này. Cần: nếu ngày trong "
        "units.yaml đúng, để nguyên (báo cáo vẫn lưu, không cần khôi phục hay xóa); nếu sai, sửa from:/until: trong "
        "units.yaml.",
        "The stored report of {unit} for {period} (file {file}) is not counted in the figures: the period lies "
        "outside the unit's life in units.yaml ({life}); the report was imported before that date was written. "
        "Expected: if the date in units.yaml is right, leave it (the report stays stored, nothing to restore or "
        "delete); if not, correct from:/until: in units.yaml.",
    ),
    "check.outside_unit_life.merged": ("đã sáp nhập vào {successor} từ ngày {day}",
                                       "merged into {successor} on {day}"),
    "check.outside_unit_life.ended": ("đã giải thể từ ngày {day}", "dissolved on {day}"),
    "check.outside_unit_life.not_yet": ("thành lập từ ngày {day}", "set up on {day}"),
    "check.late_submission": (
        "Đơn vị {unit} gửi báo cáo kỳ {period} ngày {arrived}, sau hạn {due}.",
        "Unit {unit} sent its report for {period} on {arrived}, after the deadline {due}.",
    ),
    "check.over_plan": (
        "{indicator}: thực hiện {actual}/{plan} {uom}, đạt {ratio} kế hoạch (vượt); kiểm tra lại trước khi báo cáo.{opt_left_out}",
        "{indicator}: {actual} of {plan} {uom}, {ratio} of plan (over); worth a check before reporting.{opt_left_out}",
    ),
    "check.likely_typo": (
        "{indicator}: thực hiện {actual} {uom}, gấp {times} lần kế hoạch {plan} {uom}; có thể gõ nhầm "
        "(thừa hoặc thiếu chữ số). Cần: số đúng của đơn vị.",
        "{indicator}: actual {actual} {uom}, {times} times the plan of {plan} {uom}; likely a typing error "
        "(a digit too many or too few). Expected: the unit's true figure.",
    ),
    "check.likely_typo.under": (
        "{indicator}: thực hiện {actual} {uom}, chưa bằng 1/{factor} kế hoạch {plan} {uom}; có thể gõ nhầm "
        "(thừa hoặc thiếu chữ số). Cần: số đúng của đơn vị.",
        "{indicator}: actual {actual} {uom}, less than 1/{factor} of the plan of {plan} {uom}; likely a typing "
        "error (a digit too many or too few). Expected: the unit's true figure.",
    ),
    "check.likely_typo.seats": (
        "{indicator}: {actual} {uom} quy hoạch cho {plan} vị trí, gấp {times} lần; có thể gõ nhầm (thừa hoặc thiếu "
        "chữ số). Cần: số đúng của đơn vị.",
        "{indicator}: {actual} {uom} planned for {plan} seats, {times} times as many; likely a typing error (a digit "
        "too many or too few). Expected: the unit's true figure.",
    ),
    "check.likely_typo.seats_under": (
        "{indicator}: {actual} {uom} quy hoạch cho {plan} vị trí, chưa bằng 1/{factor} số vị trí; có thể gõ nhầm "
        "(thừa hoặc thiếu chữ số). Cần: số đúng của đơn vị.",
        "{indicator}: {actual} {uom} planned for {plan} seats, less than 1/{factor} of them; likely a typing error "
        "(a digit too many or too few). Expected: the unit's true figure.",
    ),
    "check.likely_typo.whole": (
        "{indicator}: thực hiện {actual} {uom} riêng trong {period}, gấp {times} lần kế hoạch cả {whole_period} "
        "({plan} {uom}); có thể gõ nhầm (thừa chữ số, nhầm đơn vị tính). Cần: số đúng của đơn vị.",
        "{indicator}: an actual of {actual} {uom} in {period} alone, {times} times the plan for the whole of "
        "{whole_period} ({plan} {uom}); likely a typing error (a digit too many, a wrong unit of measure). "
        "Expected: the unit's true figure.",
    ),
    "check.likely_typo.previous": (
        "{indicator}: thực hiện {actual} {uom}, gấp {times} lần số {previous} {uom} ở kỳ {previous_period} (đơn vị "
        "không có kế hoạch để so); có thể gõ nhầm ở một trong hai kỳ (thừa hoặc thiếu chữ số). Cần: số đúng của "
        "đơn vị.",
        "{indicator}: actual {actual} {uom}, {times} times the {previous} {uom} of {previous_period} (the unit has "
        "no plan to compare with); likely a typing error in one of the two (a digit too many or too few). Expected: "
        "the unit's true figure.",
    ),
    "check.likely_typo.previous_under": (
        "{indicator}: thực hiện {actual} {uom}, chưa bằng 1/{factor} số {previous} {uom} ở kỳ {previous_period} "
        "(đơn vị không có kế hoạch để so); có thể gõ nhầm ở một trong hai kỳ (thừa hoặc thiếu chữ số). Cần: số "
        "đúng của đơn vị.",
        "{indicator}: actual {actual} {uom}, less than 1/{factor} of the {previous} {uom} of {previous_period} "
        "(the unit has no plan to compare with); likely a typing error in one of the two (a digit too many or too "
        "few). Expected: the unit's true figure.",
    ),
    "check.zero_plan_with_actual": (
        "{indicator}: {actual} {uom} quy hoạch cho 0 vị trí; không tính được tỷ lệ, đơn vị không được tính vào tỷ lệ "
        "chung. Cần: số vị trí đúng (lớn hơn 0), hoặc để trống số người nếu chức danh không quy hoạch.",
        "{indicator}: {actual} {uom} planned for 0 seats; no ratio can be taken, and the unit is left out of the "
        "group ratios. Expected: the true number of seats (above 0), or no people where the title is not planned.",
    ),
    "check.zero_plan_with_actual.denominator": (
        "{indicator}: tử số {actual} {uom} nhưng mẫu số bằng 0; không tính được tỷ lệ, đơn vị không được tính vào tỷ "
        "lệ chung. Cần: mẫu số đúng (lớn hơn 0).",
        "{indicator}: a numerator of {actual} {uom} over a denominator of 0; no ratio can be taken, and the unit is "
        "left out of the group ratios. Expected: the true denominator (above 0).",
    ),
    "check.coverage_over_100": (
        "{indicator}: {numerator}/{denominator} = {ratio}, tỷ lệ bao phủ không thể quá 100%. Cần: tử số không lớn hơn mẫu số.",
        "{indicator}: {numerator}/{denominator} = {ratio}; coverage cannot exceed 100%. Expected: a numerator "
        "no larger than the denominator.",
    ),
    "check.cumulative_decrease": (
        "{indicator}: số lũy kế {value} {uom} thấp hơn kỳ trước ({previous} ở kỳ {previous_period}). "
        "Cần: số lũy kế không giảm.",
        "{indicator}: the running total {value} {uom} is lower than the previous period's ({previous} in "
        "{previous_period}). Expected: a running total that does not fall.",
    ),
    "check.subperiod_targets": (
        "{indicator}: chỉ tiêu các năm {parts} = {parts_sum}, khác chỉ tiêu cả giai đoạn {period} là {whole}.",
        "{indicator}: the yearly targets {parts} = {parts_sum} differ from the {period} target of {whole}.",
    ),
    "check.planning_women_share": (
        "{indicator}: {count}/{planned} người quy hoạch là nữ ({share}), dưới mức tối thiểu {floor} ({source}).{left_out}",
        "{indicator}: {count} of {planned} planned are women ({share}), under the floor of {floor} ({source}).{left_out}",
    ),
    "check.planning_young_share": (
        "{indicator}: {count}/{planned} người quy hoạch là cán bộ trẻ ({share}), dưới mức tối thiểu {floor} ({source}).{left_out}",
        "{indicator}: {count} of {planned} planned are young cadres ({share}), under the floor of {floor} ({source}).{left_out}",
    ),
    "check.planning_share.left_out": (
        " Chỉ tính các đơn vị có cả hai số; không tính: {units}.",
        " Only the units that gave both numbers count; left out: {units}.",
    ),
    "check.planning_share.over_whole": (
        " Không tính {units}: số ghi lớn hơn số người được quy hoạch.",
        " Left out: {units}, whose number is larger than those planned.",
    ),
    "check.planning_share.zero_seats": (
        " Không tính {units}: đơn vị quy hoạch người cho 0 vị trí, không được tính vào tỷ lệ chung.",
        " Left out: {units}, whose people are planned for 0 seats and left out of the group's ratios.",
    ),
    "check.planning_share_over_whole": (
        "{indicator}: {count} người, nhiều hơn số người được quy hoạch ({planned_indicator}: {planned} người); một "
        "phần không thể lớn hơn tổng. Đơn vị không được tính vào tỷ lệ chung. Cần: sửa số sai trong hai số này.",
        "{indicator}: {count} people, more than those planned ({planned_indicator}: {planned}); a part cannot exceed "
        "its whole. The unit is left out of the group shares. Expected: the wrong one of these two numbers corrected.",
    ),
    "check.planning_people_per_title": (
        "{indicator}: {value} người quy hoạch cho một chức danh, quá mức tối đa {limit} ({source}).",
        "{indicator}: {value} people planned for one title, over the limit of {limit} ({source}).",
    ),
    "check.planning_people_per_title.seats": (
        "{indicator}: {candidates} người quy hoạch cho {seats} vị trí, quá mức tối đa {limit} người cho một chức danh "
        "({source}).",
        "{indicator}: {candidates} people planned for {seats} seats, over the limit of {limit} people for one title "
        "({source}).",
    ),
    "check.planning_titles_per_person": (
        "{indicator}: một người được quy hoạch {value} chức danh, quá mức tối đa {limit} ({source}).",
        "{indicator}: one person is planned for {value} titles, over the limit of {limit} ({source}).",
    ),
    "check.outlier": (
        "{indicator}: {value} {uom} khác xa các kỳ trước của đơn vị (trung vị {median} qua {n} kỳ, thường từ "
        "{usual_low} đến {usual_high}; thấp nhất {low}, cao nhất {high}; điểm z cải tiến {z} > {threshold}).",
        "{indicator}: {value} {uom} is far from the unit's earlier periods (median {median} over {n} periods, "
        "usually {usual_low} to {usual_high}; lowest {low}, highest {high}; modified z-score {z} > {threshold}).",
    ),
    "check.custom": (
        "{name}: {left_text} = {left}, {right_text} = {right}; cần {left_text} {operator} {right_text}.",
        "{name}: {left_text} = {left}, {right_text} = {right}; expected {left_text} {operator} {right_text}.",
    ),
    "check.custom_pair": (
        "{name}: {left_text} và {right_text} phải cùng có số liệu hoặc cùng để trống.",
        "{name}: {left_text} and {right_text} must both have figures or both be blank.",
    ),
    # -- findings as a table, CSV or workbook --
    "severity.error": ("Lỗi", "Error"),
    "severity.warning": ("Cảnh báo", "Warning"),
    "severity.info": ("Lưu ý", "Note"),
    "findings.sheet": ("Kết quả kiểm tra", "Findings"),
    "findings.col.severity": ("Mức", "Severity"),
    # The cell column of a finding on a figure that lacks units or parts (a group's): what it lacks, counted
    # ('thiếu 2 đơn vị; thiếu 1 quý; 1 ô TH trống'); the message under the table names them.
    "check.lacks_short.units": ("thiếu {n} đơn vị", "lacks {n} unit{s}"),
    "check.lacks_short.quarter": ("thiếu {n} quý", "lacks {n} quarter{s}"),
    "check.lacks_short.half": ("thiếu {n} kỳ 6 tháng", "lacks {n} half-year{s}"),
    "check.lacks_short.year": ("thiếu {n} năm", "lacks {n} year{s}"),
    "check.lacks_short.month": ("thiếu {n} tháng", "lacks {n} month{s}"),
    "check.lacks_short.parts": ("thiếu {n} kỳ", "lacks {n} period{s}"),  # parts of several kinds
    # several units' parts: kind as figure.kind ('quý', 'quarters'), or 'kỳ'/'periods' for several kinds
    "check.lacks_short.units_parts": ("{n} đơn vị thiếu {kind_vi}", "{n} unit{s} lack {kind}"),
    "check.lacks_short.blanks": ("{n} ô TH trống", "{n} blank actual{s}"),
    "findings.col.code": ("Mã", "Code"),
    "findings.col.program": ("Chương trình", "Program"),
    "findings.col.period": ("Kỳ", "Period"),
    "findings.col.unit": ("Đơn vị", "Unit"),
    "findings.col.indicator": ("Chỉ tiêu", "Indicator"),
    "findings.col.figure": ("Số liệu", "Figure"),
    "findings.col.file": ("Tệp", "File"),
    "findings.col.sheet": ("Trang", "Sheet"),
    "findings.col.cell": ("Ô", "Cell"),
    "findings.col.message": ("Nội dung", "Message"),
    "findings.col.no": ("#", "#"),
    "findings.unit_unregistered": ("(không có trong danh mục đơn vị)", "(not in the units registry)"),
    "findings.counts": ("{error} lỗi, {warning} cảnh báo, {info} lưu ý.", "{error} error{s_error}, {warning} warning{s_warning}, {info} note{s_info}."),
    "findings.none": ("Không có vấn đề nào.", "No findings."),
    # `hrplan check` over several programs: a row above each program's units, and before each finding's message
    "findings.program": ("Chương trình {program}", "Program {program}"),
    "findings.in_program": ("{program}: {message}", "{program}: {message}"),
    "findings.written": ("Đã ghi {path}.", "Wrote {path}."),
    # -- completeness matrix (status --period) --
    "arrival.on_time": ("đúng hạn", "on time"),
    "arrival.late": ("muộn", "late"),
    "arrival.sent": ("đã gửi", "sent"),
    "arrival.missing": ("chưa gửi", "missing"),
    "arrival.not_due": ("chưa đến hạn", "not yet due"),
    "arrival.partial": ("mới có {parts}", "only {parts}"),
    "arrival.not_in_life": ("chưa thành lập hoặc đã giải thể", "not in existence"),
    "arrival.through_members": ("đủ qua số của các đơn vị trực thuộc", "complete through its members' figures"),
    "arrival.other_frequency.month": ("báo cáo tháng", "reports monthly"),
    "arrival.other_frequency.quarter": ("báo cáo quý", "reports quarterly"),
    "arrival.other_frequency.half": ("báo cáo 6 tháng", "reports half-yearly"),
    "arrival.other_frequency.year": ("báo cáo năm", "reports yearly"),
    "arrival.title": ("{program}: tình hình gửi báo cáo {period}", "{program}: reports for {period}"),
    "arrival.deadline": ("Hạn gửi: ngày {day} tháng thứ {months_after} sau kỳ{source}.",
                         "Deadline: day {day} of month {months_after} after the period{source}."),
    "arrival.no_deadline": ("Chưa đặt hạn gửi (deadline trong hrplan.yaml): chỉ biết đã gửi hay chưa.",
                            "No deadline set (deadline in hrplan.yaml): only sent or not."),
    # `hrplan status -p X` where the store holds nothing of X (it may hold other programs' reports)
    "arrival.none_for_programs": ("Kho chưa có báo cáo nào của {programs}.",
                                  "The store holds no reports for {programs} yet."),
    # -- feedback workbook --
    "feedback.sheet": ("Phản hồi", "Feedback"),
    "feedback.title": ("Phản hồi kết quả kiểm tra báo cáo: {unit} ({unit_code}), {period}, chương trình {program}",
                       "Feedback on the report of {unit} ({unit_code}), {period}, program {program}"),
    "feedback.intro": ("Tệp đơn vị đã gửi: {file}. Có {count} vấn đề; các ô có vấn đề được tô màu và có ghi chú. "
                       "Bấm vào ô ở cột Ô để đến ô đó.",
                       "File the unit sent: {file}. {count} finding{s_count}; problem cells are coloured and carry a comment. "
                       "Click a link in the Cell column to go to that cell."),
    # A finding about a whole period made of parts (a year of quarter files): not one file's cell, said first.
    "feedback.whole_period": ("Về số liệu cả {period} (cộng từ các báo cáo {parts}), không riêng tệp này: ",
                              "About the figures for {period} as a whole (added up from the reports for {parts}), "
                              "not this file's alone: "),
    # What the unit should do, by kind of finding; the default where a cell is marked, or none is.
    "feedback.expected.default": ("Đề nghị đơn vị kiểm tra lại ô này; nếu có sai sót, sửa và gửi lại báo cáo.",
                                  "Please check this cell; if it is wrong, correct it and send the report again."),
    "feedback.expected.default_no_cell": (
        "Đề nghị đơn vị kiểm tra lại các số liệu này; nếu có sai sót, sửa và gửi lại báo cáo.",
        "Please check these figures; if one is wrong, correct it and send the report again."),
    "feedback.expected.check.behind_plan": (
        "Đề nghị đơn vị kiểm tra lại số thực hiện; nếu đúng, ghi rõ lý do chưa đạt ở cột Ghi chú.",
        "Please check the actual; if it is right, state why the plan was not met in the notes column."),
    "feedback.expected.check.over_plan": (
        "Đề nghị đơn vị xác nhận số thực hiện; nếu đúng, ghi rõ lý do vượt kế hoạch ở cột Ghi chú.",
        "Please confirm the actual; if it is right, state why it is over plan in the notes column."),
    "feedback.expected.check.incomplete_period": (
        "Đề nghị đơn vị gửi báo cáo còn thiếu: {missing}. Các báo cáo đã gửi không cần sửa.",
        "Please send the missing report: {missing}. The reports already sent need no change."),
    "feedback.expected.check.missing_submission": (
        "Đề nghị đơn vị gửi báo cáo kỳ {period}.",
        "Please send the report for {period}."),
    "feedback.expected.check.late_submission": (
        "Không cần sửa báo cáo này; đề nghị đơn vị gửi các kỳ sau đúng hạn.",
        "This report needs no change; please send the next ones by the deadline."),
    "feedback.expected.check.missing_value": (
        "Nếu đã có số liệu, điền vào ô này và gửi lại báo cáo; nếu chưa có, ghi lý do ở cột Ghi chú.",
        "If the figure is known, enter it in this cell and send the report again; if not yet, give the reason in "
        "the notes column."),
    "feedback.expected.check.plan_differs_from_target": (
        "Đề nghị đơn vị đối chiếu kế hoạch với chỉ tiêu được giao; nếu ghi nhầm, sửa và gửi lại báo cáo, nếu đúng, "
        "ghi rõ lý do ở cột Ghi chú.",
        "Please compare the plan with the target assigned; if it was mistyped, correct it and send the report again; "
        "if it is right, state why in the notes column."),
    "feedback.expected.stated_ratio.differs": (
        "Cần: tỷ lệ bằng thực hiện / kế hoạch ({computed_vi}); sửa ô tỷ lệ hoặc số liệu.",
        "Expected: the ratio actual / plan ({computed}); correct the ratio or the figures."),
    "feedback.expected.check.planning_ratio_out_of_band": (
        "Cần: số người quy hoạch trong khung {band} so với số vị trí.",
        "Expected: people planned within {band} of the seats."),
    "feedback.file_not_found": (
        "Không tìm thấy tệp {file} mà đơn vị {unit} gửi kỳ {period} (đã chuyển đi hoặc đã sửa sau khi nhập; đã tìm "
        "cả trong thư mục done/ và inbox/). Hãy đặt đúng bản đã nhập (không sửa) vào thư mục done/ của không gian "
        "làm việc rồi chạy lại.",
        "Cannot find {file}, sent by {unit} for {period} (moved, or changed since import; done/ and inbox/ were "
        "searched too). Put the imported copy, unchanged, in the workspace's done/ folder and run again."),
    "feedback.not_xlsx": (
        "Tệp {file} không phải .xlsx/.xlsm; chưa ghi được phản hồi vào tệp này. Hãy đề nghị đơn vị gửi bản .xlsx.",
        "{file} is not .xlsx/.xlsm; feedback cannot be written into it. Ask the unit for an .xlsx copy."),
    "feedback.written": ("Đã ghi {path}: {marked} ô được đánh dấu, {listed} vấn đề trong trang Phản hồi.",
                         "Wrote {path}: {marked} cell{s_marked} marked, {listed} finding{s_listed} on the Feedback sheet."),
    "feedback.refused_title": (
        "Tệp báo cáo chưa được nhận: {unit} ({unit_code}), {period}, chương trình {program}",
        "Report file not accepted: {unit} ({unit_code}), {period}, program {program}"),
    "feedback.refused_intro": (
        "Tệp đơn vị đã gửi: {file}. Tệp chưa được nhận, chưa có số liệu nào được lưu, vì {count} lỗi dưới đây; các ô "
        "có lỗi được tô màu và có ghi chú. Sửa đúng các ô này trong tệp gốc, lưu lại rồi gửi lại tệp. (Lý do đầy đủ: "
        "{reason}.)",
        "File the unit sent: {file}. It was not accepted and none of its figures are stored, because of the "
        "{count} error{s_count} below; those cells are coloured and carry a comment. Fix them in the original file, "
        "save it and send it again. (The full reason: {reason}.)"),
    "feedback.refused_written": (
        "Đã ghi {path}: tệp {file} của {unit} kỳ {period} bị từ chối (rejected/), {marked} ô được đánh dấu, {listed} "
        "lỗi trong trang Phản hồi; lý do: rejected/{reason}.",
        "Wrote {path}: {file} from {unit} for {period} was refused (rejected/), {marked} cell{s_marked} marked, "
        "{listed} error{s_listed} on the Feedback sheet; reason: rejected/{reason}."),
    "feedback.refused_not_xlsx": (
        "Tệp {file} của {unit} kỳ {period} bị từ chối nhưng không phải .xlsx/.xlsm nên không đánh dấu được ô: hãy "
        "gửi cho đơn vị tệp lý do rejected/{reason}.",
        "{file} from {unit} for {period} was refused but is not .xlsx/.xlsm, so no cell can be marked: send the unit "
        "the reason file rejected/{reason}."),
    "feedback.refused_unopened": (
        "Tệp {file} của {unit} kỳ {period} bị từ chối vì không mở được tệp (hỏng, không đầy đủ hoặc có mật khẩu) nên "
        "không đánh dấu được ô: hãy gửi cho đơn vị tệp lý do rejected/{reason}.",
        "{file} from {unit} for {period} was refused as the file cannot be opened (damaged, incomplete or with a "
        "password), so no cell can be marked: send the unit the reason file rejected/{reason}."),
    "feedback.refused_reads_now": (
        "Tệp {file} của {unit} kỳ {period} đã bị từ chối (rejected/{reason}) nhưng nay đọc được không có lỗi (thiết "
        "lập đã thay đổi từ đó): không cần đơn vị gửi lại; hãy nhập tệp này (hrplan import rejected/{file}).",
        "{file} from {unit} for {period} was refused (rejected/{reason}) but now reads without errors (the settings "
        "changed since): the unit need not send it again; import it (hrplan import rejected/{file})."),
    "feedback.none": ("Không có vấn đề nào cần phản hồi cho kỳ {period}.", "No findings to send back for {period}."),
    "feedback.nothing": ("Không ghi tệp phản hồi cho các báo cáo không có vấn đề: {items}.",
                         "No feedback file for the reports with nothing to say: {items}."),
    # A longer period's run checks the figures of the whole period, not each part's own: said, with the way to the
    # parts' own findings (a quarter told "nothing to say" by the year's run had its own finding).
    "feedback.nothing_in_whole": (
        "Số liệu {whole} (cộng từ các kỳ) không có vấn đề nào ghi được vào các báo cáo sau, nên không ghi tệp phản hồi: "
        "{items}. Lệnh này chỉ xét số liệu của cả kỳ {whole}; vấn đề riêng của từng kỳ (ví dụ chưa đạt kế hoạch của "
        "một quý) xem bằng hrplan feedback --period <kỳ> (ví dụ --period {example}).",
        "The figures of {whole} (added up from its parts) have nothing to mark in these reports, so no feedback file "
        "was written: {items}. This run looks at the whole of {whole} only; each part's own findings (a quarter behind "
        "its plan, say) come with hrplan feedback --period <period> (e.g. --period {example})."),
    "feedback.unmatched": (
        "Còn {n} tệp bị từ chối trong rejected/ không đọc ra được đơn vị hoặc kỳ nên không gửi lại tự động được: "
        "{files}. Hãy xem lý do trong tệp .reason.txt và gửi lại cho đơn vị bằng tay.",
        "{n} refused file{s} in rejected/ could not be matched to a unit or period, so none is sent back by itself: "
        "{files}. Read the reason in its .reason.txt and send it back to the unit by hand."),
    # The feedback sheet's columns, and the kind of each problem in plain words for the unit's clerk (the rule code
    # only in the last, narrow column, for the analyst).
    "feedback.col.number": ("STT", "No."),
    "feedback.col.severity": ("Mức", "Level"),
    "feedback.col.kind": ("Loại vấn đề", "Kind of problem"),
    "feedback.col.indicator": ("Chỉ tiêu", "Indicator"),
    "feedback.col.sheet": ("Trang", "Sheet"),
    "feedback.col.cell": ("Ô", "Cell"),
    "feedback.col.text": ("Nội dung và yêu cầu", "What is wrong and what is expected"),
    "feedback.col.code": ("Mã (cho cán bộ tổng hợp)", "Code (for the analyst)"),
    "kind.check.missing_submission": ("Chưa gửi báo cáo", "Report not sent"),
    "kind.check.unregistered_unit": ("Đơn vị không có trong danh mục", "Unit not in the registry"),
    "kind.check.unexpected_reporter": ("Đơn vị không thuộc danh sách báo cáo", "Unit not among the reporters"),
    "kind.check.outside_unit_life": ("Kỳ ngoài thời gian đơn vị tồn tại", "Period outside the unit's life"),
    "kind.check.incomplete_period": ("Thiếu báo cáo của một số kỳ", "Some periods not reported"),
    "kind.check.missing_value": ("Bỏ trống số thực hiện", "Actual left empty"),
    "kind.check.late_submission": ("Gửi muộn", "Sent late"),
    "kind.check.behind_plan": ("Chưa đạt kế hoạch", "Behind plan"),
    "kind.check.over_plan": ("Vượt kế hoạch (cần xác nhận)", "Over plan (please confirm)"),
    "kind.check.likely_typo": ("Số liệu nghi nhập nhầm", "Figure looks mistyped"),
    "kind.check.breakdown_mismatch": ("Các phần không cộng đúng tổng", "Parts do not add up to the total"),
    "kind.check.breakdown_exceeds": ("Phần lớn hơn tổng", "A part exceeds the total"),
    "kind.check.group_counted_twice": ("Số liệu bị tính hai lần", "Figures counted twice"),
    "kind.check.plan_differs_from_target": ("Kế hoạch khác chỉ tiêu được giao", "Plan differs from the target"),
    "kind.stated_ratio.differs": ("Tỷ lệ ghi sai", "Stated ratio is wrong"),
    "kind.table.total_mismatch": ("Dòng tổng cộng không khớp", "Total row does not match"),
    "kind.check.coverage_over_100": ("Tỷ lệ bao phủ quá 100%", "Coverage over 100%"),
    "kind.check.cumulative_decrease": ("Số lũy kế giảm so với kỳ trước", "Running total lower than before"),
    "kind.check.subperiod_targets": ("Chỉ tiêu các năm không khớp tổng", "Yearly targets do not add up"),
    "kind.check.planning_ratio_out_of_band": ("Tỷ lệ quy hoạch ngoài khung", "Planning ratio outside the band"),
    "kind.check.planning_people_per_title": ("Quá số người quy hoạch một chức danh", "Too many people per title"),
    "kind.check.planning_titles_per_person": ("Một người quy hoạch quá nhiều chức danh", "Too many titles per person"),
    "kind.check.planning_women_share": ("Tỷ lệ nữ trong quy hoạch thấp", "Too few women planned"),
    "kind.check.planning_young_share": ("Tỷ lệ cán bộ trẻ trong quy hoạch thấp", "Too few young cadres planned"),
    "kind.check.planning_share_over_whole": ("Số nữ/trẻ lớn hơn số người quy hoạch", "More women or young than planned"),
    "kind.check.zero_plan_with_actual": ("Có số thực hiện nhưng kế hoạch bằng 0", "Actual against a plan of 0"),
    "kind.check.outlier": ("Số liệu khác thường so với các kỳ trước", "Unusual against earlier periods"),
    "kind.check.custom": ("Quy tắc của chương trình", "Program rule"),
    "kind.check.custom_pair": ("Thiếu số liệu đi kèm", "Paired figure missing"),
    # what import found (a refused file's cells, or notes kept with a stored file), by code, else by its family
    "kind.value.not_number": ("Ô không phải là số", "Not a number"),
    "kind.value.negative": ("Số âm", "Negative number"),
    "kind.value.out_of_range": ("Số quá lớn", "Number too large"),
    "kind.value.formula_no_value": ("Công thức chưa có kết quả", "Formula without a value"),
    "kind.value.uom_mismatch": ("Sai đơn vị tính", "Wrong unit of measure"),
    "kind.value.uom_converted": ("Đã đổi đơn vị tính", "Unit of measure converted"),
    "kind.value": ("Số liệu trong ô", "Cell value"),
    "kind.file": ("Tệp không đọc được", "File cannot be read"),
    "kind.submission": ("Thông tin đơn vị, kỳ báo cáo", "Unit or period of the report"),
    "kind.unit": ("Đơn vị báo cáo", "Reporting unit"),
    "kind.period": ("Kỳ báo cáo", "Reporting period"),
    "kind.table": ("Bảng số liệu", "Table of figures"),
    "kind.indicator": ("Chỉ tiêu", "Indicator"),
    "kind.text": ("Chữ, phông chữ", "Text and fonts"),
    "kind.other": ("Vấn đề khác", "Other problem"),
    "feedback.no_unit": ("Chưa chọn đơn vị: dùng --unit MÃ (có thể lặp lại) hoặc --all-units.",
                         "No unit chosen: pass --unit CODE (repeatable) or --all-units."),
}
