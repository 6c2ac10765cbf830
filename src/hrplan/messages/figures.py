"""Messages for figures and what they lack (periods, groups, units of measure). code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- reading: counts are whole --
    "value.fractional_count": (
        "Ô chứa {found_vi} nhưng '{uom}' là số đếm, phải là số nguyên ({indicator}).{advice_vi}",
        "The cell holds {found} but '{uom}' is a count and must be a whole number ({indicator}).{advice}",
    ),
    # What to do, by what the cell most likely is: a thousands dot Excel took for a decimal point (three places),
    # a percentage typed where a number of people goes, or a decimal typed by hand.
    "value.fractional_count.locale": (
        " Excel đặt kiểu tiếng Anh hiểu '1.297' gõ vào là 1,297 (số thập phân): hãy gõ số không có dấu chấm, ví dụ"
        " 1297 (hoặc định dạng ô là văn bản), rồi gửi lại.",
        " Excel set to an English locale reads a typed '1.297' as 1.297 (a decimal): type the number without the"
        " dot, e.g. 1297 (or format the cell as text), and send the file again.",
    ),
    "value.fractional_count.percent": (
        " Ô ghi tỷ lệ phần trăm ({typed}): cột này cần số {uom}, không phải phần trăm (ví dụ 13 nếu 13 trong 50 người"
        " là nữ); hãy ghi số đó rồi gửi lại.",
        " The cell holds a percentage ({typed}): this column wants the number of {uom}, not a percentage (e.g. 13"
        " when 13 of 50 people are women); write that number and send the file again.",
    ),
    "value.fractional_count.decimal": (
        " Hãy ghi số {uom} là số nguyên (ví dụ 12) rồi gửi lại; nếu đây là một tỷ lệ, nó không thuộc cột này.",
        " Write the number of {uom} as a whole number (e.g. 12) and send the file again; if it is a ratio, it does"
        " not belong in this column.",
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
    # -- what a figure lacks (under its row in reports, and in the JSON) --
    "figure.parts": ("{present}/{expected} {kind_vi}", "{present}/{expected} {kind}"),
    "figure.kind.quarter": ("quý", "quarters"),
    "figure.kind.half": ("kỳ 6 tháng", "half-years"),
    "figure.kind.year": ("năm", "years"),
    "figure.kind.month": ("tháng", "months"),
    "figure.incomplete": (
        "Số liệu chưa đủ kỳ: {unit} {parts} (thiếu {missing}).",
        "Incomplete period: {unit} {parts} (missing {missing}).",
    ),
    "figure.full_plan": (
        "KH toàn {group} {full}, trong đó đơn vị đã báo cáo {reported}; tỷ lệ tính trên các đơn vị đã báo cáo.",
        "Whole plan of {group} {full}, of which units that reported {reported}; the ratio is over the units that reported.",
    ),
    "figure.total_actual": (
        "Tổng thực hiện kể cả phần không tính vào tỷ lệ: {actual}.",
        "Total actual including what is left out of the ratio: {actual}.",
    ),
    "figure.as_of": ("Số lũy kế của {items}", "Running total of {items}"),
    "figure.as_of.until": ("tính đến hết {period}", "as of the end of {period}"),
    "figure.blank": ("Để trống số thực hiện, không có trong tổng: {items}.",
                     "Actual left empty, not in the total: {items}."),
    # A group's own target, taken as its whole subtree's, is smaller than its members' plans summed.
    "figure.target_below": (
        "KH giao cho {group} ({target}) nhỏ hơn tổng KH của các đơn vị trực thuộc ({members}); tỷ lệ tính trên KH "
        "giao cho {group}.",
        "The plan set for {group} ({target}) is smaller than its members' plans summed ({members}); the ratio is "
        "over the plan set for {group}.",
    ),
    "figure.left_out": ("Không tính vào tỷ lệ: {items}.", "Left out of the ratio: {items}."),
    "figure.left_out.no_submission": ("{unit} chưa gửi báo cáo (KH {plan})", "{unit} sent nothing (plan {plan})"),
    # A running total's members ended before the period's end: out of the sum, not only of the ratio.
    "figure.ended": ("Không cộng số lũy kế của {items}.", "Not added to the sum: the running total of {items}."),
    "figure.ended.merged": ("{unit} ({actual}): đã sáp nhập vào {successor} từ ngày {day}",
                            "{unit} ({actual}), merged into {successor} on {day}"),
    "figure.ended.dissolved": ("{unit} ({actual}): đã giải thể từ ngày {day}",
                               "{unit} ({actual}), dissolved on {day}"),
    "figure.left_out.no_actual": ("{unit}{period} có KH {plan} nhưng chưa có số thực hiện",
                                  "{unit}{period} has a plan of {plan} but no actual"),
    # A part of the period the unit never sent: its share of the target is not in the ratio (figures.compute).
    "figure.left_out.not_sent": ("{unit}{period} chưa gửi báo cáo (KH {plan})", "{unit}{period} not sent (plan {plan})"),
    # Said to a report's reader, in the reader's words (the program file's key, 'interim', is for the analyst).
    "figure.left_out.unsplit": (
        "{unit}{period} chưa có số thực hiện, mà KH {plan} là của cả kỳ và chương trình không quy định cách chia kế "
        "hoạch cho từng kỳ, nên chưa đánh giá được tỷ lệ",
        "{unit}{period} has no actual, and the plan of {plan} is for the whole period, which the program does not "
        "say how to divide between its parts, so the ratio cannot be judged",
    ),
    # The same for a part the unit never sent ('3/4 quý' with no interim rule): not judged, said as not sent.
    "figure.left_out.unsplit.not_sent": (
        "{unit}{period} chưa gửi báo cáo, mà KH {plan} là của cả kỳ và chương trình không quy định cách chia kế "
        "hoạch cho từng kỳ, nên chưa đánh giá được tỷ lệ",
        "{unit}{period} was not sent, and the plan of {plan} is for the whole period, which the program does not "
        "say how to divide between its parts, so the ratio cannot be judged",
    ),
    "figure.left_out.no_plan": ("{unit}{period} thực hiện {actual} nhưng chưa có kế hoạch",
                                "{unit}{period} reported {actual} but has no plan"),
    "figure.left_out.zero_plan": ("{unit}{period} có tử số {actual} nhưng mẫu số (kế hoạch) bằng 0",
                                  "{unit}{period} has a numerator of {actual} but a denominator (plan) of 0"),
    "figure.left_out.zero_plan.seats": ("{unit}{period} ghi {actual} {uom} quy hoạch cho 0 vị trí",
                                        "{unit}{period} wrote {actual} {uom} planned for 0 seats"),
    "figure.breakdown_mismatch": (
        "Các phần cộng lại {parts_sum}, không bằng tổng {total}, do số liệu của: {units}.",
        "The parts add up to {parts_sum}, not to the total of {total}, because of: {units}.",
    ),
    "figure.breakdown_mismatch.unit": ("{unit} (tổng {total} nhưng các phần cộng lại {parts_sum})",
                                       "{unit} (a total of {total} but parts adding up to {parts_sum})"),
    # A part's own row keeps every member's number; the total's row leaves out the units left out of its ratio.
    "figure.breakdown_part_beyond": (
        "Số {value} gồm cả số của {units}, là đơn vị không tính trong tổng {total} ({name}); chỉ tính các đơn vị "
        "của tổng: {shown}.",
        "The {value} includes {units}, left out of the total of {total} ({name}); over the total's units only: "
        "{shown}.",
    ),
    # A group's women (young cadres) holding a member's number larger than the people it planned (an error there).
    "figure.over_whole": ("Gồm {items}: số này có lỗi, chưa dùng để tính tỷ lệ.",
                          "Includes {items}: an error, left out of the shares."),
    "figure.over_whole.unit": ("{count} {role} của {unit}, nhiều hơn số người quy hoạch {planned}",
                               "{count} {role} of {unit}, more than the {planned} people planned"),
    "figure.breakdown_mismatch.partial": ("{unit} (ghi tổng nhưng không ghi đủ các phần)",
                                          "{unit} (a total without every part)"),
    # A group's estimate (ước thực hiện) summed over fewer units than the row's: the cell says over how many, the
    # note names them with their numbers; beside a whole actual it would read as the group's estimate. Short ('đv'),
    # the bracket unbroken: a table's narrow column breaks only before it, never leaves ')' on a line of its own.
    "figure.estimate_partial": ("{value} ({n}/{total}\u00a0đv)", "{value} ({n}/{total}\u00a0units)"),
    "figure.estimate_members": (
        "Ước thực hiện {value} chỉ cộng {n}/{total} đơn vị có gửi số ước thực hiện: {items}; các đơn vị khác không"
        " gửi, nên không so được với số thực hiện {actual}.",
        "The estimate {value} adds only the {n} of {total} units that sent one: {items}; the others sent none, so it"
        " does not compare with the actual {actual}.",
    ),
    "figure.context": (
        "Chưa có kế hoạch riêng cho {period}; KH {context_period}: {value} (để tham khảo, không đánh giá đạt/chưa đạt).",
        "No plan of its own for {period}; plan for {context_period}: {value} (context only, not judged).",
    ),
    "figure.plan_rule.pro_rata": (
        "KH của kỳ tính theo tỷ lệ thời gian từ KH {context_period} ({context}).",
        "The period's plan is pro rata of the plan for {context_period} ({context}).",
    ),
    "figure.plan_rule.whole": (
        "Số vị trí (mẫu số) của {context_period} giữ nguyên cho từng kỳ trong đó ({context}), không chia theo thời gian.",
        "The seats (denominator) of {context_period} hold whole for each of its periods ({context}), not pro rata.",
    ),
    # A running total's target (a payroll ceiling) under `interim: pro_rata`: the number at the period's end is held
    # to the longer period's target whole.
    "figure.plan_rule.whole.running": (
        "{word} {context_period} ({context}) là số lũy kế (số có đến cuối kỳ), giữ nguyên cho từng kỳ trong đó, "
        "không chia theo thời gian.",
        "The {word} for {context_period} ({context}) is a running total (the number at the period's end): it holds "
        "whole for each of its periods, not pro rata.",
    ),
    # A level's target (staff on the payroll, `accumulation: level`): a number at a moment, not a running total.
    "figure.plan_rule.whole.level": (
        "{word} {context_period} ({context}) là số tại thời điểm cuối kỳ, giữ nguyên cho từng kỳ trong đó, "
        "không chia theo thời gian.",
        "The {word} for {context_period} ({context}) is a level (the number at the period's end): it holds "
        "whole for each of its periods, not pro rata.",
    ),
    # What a target is called where lower is better: a ceiling ("Mức trần"), as the report's sentences say.
    "figure.plan_word.target": ("Chỉ tiêu", "target"),
    "figure.plan_word.ceiling": ("Mức trần", "ceiling"),
    # A range crossing its targets' periods (2026..2027-06): the targets inside it plus the interim rule's share of
    # those it cuts (2027's 400 × 6/12).
    "figure.plan_rule.pieced": (
        "KH của kỳ cộng chỉ tiêu các kỳ nằm trọn trong kỳ với phần thuộc kỳ của các chỉ tiêu bị cắt ngang, tính theo "
        "quy định của chương trình (như KH {context_period}: {context}).",
        "The period's plan adds the targets of the periods wholly inside it and the part that falls in it of those it "
        "cuts, as the program's interim rule gives it (such as the plan for {context_period}: {context}).",
    ),
    # The same, spelt out piece by piece ('KH năm 2025 120 × 9/12 tháng + KH năm 2026 120 × 3/12 tháng = 120').
    "figure.plan_rule.pieced.parts": (
        "KH của kỳ cộng phần thuộc kỳ của từng chỉ tiêu, tính theo quy định của chương trình: {parts} = {total}.",
        "The period's plan adds the part of each target that falls in it, as the program's interim rule gives it: "
        "{parts} = {total}.",
    ),
    "figure.plan_piece.whole": ("KH {period} {value}", "the plan for {period} {value}"),
    "figure.plan_piece.share": ("KH {period} {value} × {months}/{of} tháng", "the plan for {period} {value} × {months}/{of} months"),
    "figure.plan_rule.to_date": (
        "KH đến nay: cộng chỉ tiêu các kỳ đã qua của {context_period}.",
        "Target to date: the targets of the completed periods of {context_period}.",
    ),
    # A group's figure lacks the due reporters under it that sent nothing (its sums are over those that did). Not
    # "Leaves out 1 of 5 units that sent nothing", which reads as one of five units that all sent nothing.
    "figure.absent": ("Chưa gồm {n}/{due} đơn vị chưa gửi báo cáo: {units}.",
                      "Leaves out {n} of the {due} units due to report: {units} sent nothing."),
    "figure.absent.counted": ("Chưa gồm {n}/{due} đơn vị chưa gửi báo cáo.",
                              "Leaves out {n} of the {due} units due to report, as they sent nothing."),
    # A group's figure lacks the members that sent nothing of a reporter under it that is only partly in (a
    # district with 2 of its 3 communes' files): the reporter's other figures are in the sums.
    "figure.members_missing": ("Chưa gồm đơn vị trực thuộc chưa gửi báo cáo: {units}.",
                               "Leaves out members that sent nothing: {units}."),
    "figure.member_of": ("{member} ({group})", "{member} ({group})"),
    "figure.note": ("Ghi chú của {unit}: {note}", "Note from {unit}: {note}"),
    "figure.coverage_header": (
        "Số liệu {period} chưa đủ: {items}.",
        "The figures for {period} are incomplete: {items}.",
    ),
    "figure.coverage_not_due": (
        "Số liệu {period} chỉ gồm các đơn vị báo cáo cho kỳ này ({held}); {others} không phải báo cáo {period} "
        "nên không có trong số liệu.",
        "The figures for {period} hold only the units that report for it ({held}); {others} do not report for "
        "{period} and are not in the figures.",
    ),
    "figure.coverage_unexpected": (
        "Số liệu có tính cả báo cáo của {units}, không thuộc các đơn vị báo cáo của chương trình ({reporters}).",
        "The figures include the reports of {units}, which are not among the program's reporters ({reporters}).",
    ),
    "figure.coverage_unregistered": (
        "Không tính vào số liệu: báo cáo đã lưu của {units} ({periods}), vì các mã này không còn trong danh mục "
        "đơn vị (units.yaml). Cần: giữ các đơn vị này trong units.yaml, ghi ngày giải thể hoặc sáp nhập "
        "(until:, merged_into:).",
        "Not counted in the figures: the stored reports of {units} ({periods}), as these codes are no longer in the "
        "units registry (units.yaml). Expected: keep these units in units.yaml with the day each ended "
        "(until:, merged_into:).",
    ),
    "figure.coverage_outside_life": (
        "Không tính vào số liệu: báo cáo đã lưu của {items}, vì kỳ báo cáo nằm ngoài thời gian đơn vị tồn tại ghi "
        "trong danh mục đơn vị (units.yaml: from:, until:). Cần: nếu ngày đúng, để nguyên; nếu sai, sửa units.yaml.",
        "Not counted in the figures: the stored reports of {items}, as each period lies outside its unit's life in "
        "the units registry (units.yaml: from:, until:). Expected: if the dates are right, leave them; if not, "
        "correct units.yaml.",
    ),
    "figure.coverage_held_none": ("chưa đơn vị nào gửi", "none has sent yet"),
    "figure.units_counted": ("{n} đơn vị", "{n} units"),
    "figure.reports_every.month": ("báo cáo hằng tháng", "report monthly"),
    "figure.reports_every.quarter": ("báo cáo theo quý", "report quarterly"),
    "figure.reports_every.half": ("báo cáo 6 tháng một lần", "report half-yearly"),
    "figure.reports_every.year": ("báo cáo hằng năm", "report yearly"),
    "figure.coverage_complete": ("Số liệu {period} đủ các kỳ của mọi đơn vị đã báo cáo.",
                                 "The figures for {period} cover every part for each unit that reported."),
    "figure.data_window": ("số liệu từ ngày {start} đến ngày {end}", "data from {start} to {end}"),
    # -- report sentences --
    "figure.sentence.count": ("{name}: {actual} {uom}, đạt {ratio} kế hoạch ({word}).",
                              "{name}: {actual} {uom}, {ratio} of plan ({word})."),
    "figure.sentence.planning": ("{name}: {actual} {uom} cho {plan} vị trí, bằng {times} ({word}{band}).",
                                 "{name}: {actual} {uom} for {plan} seat{s_plan}, {times} ({word}{band})."),
    "figure.sentence.coverage": ("{name}: {actual}/{plan}, đạt {ratio} ({word}).", "{name}: {actual}/{plan}, {ratio} ({word})."),
    # Lower is better (`direction: lower`): the plan is a ceiling, the ratio is said of it, as check says it.
    "figure.sentence.ceiling": ("{name}: {actual} {uom}, bằng {ratio} mức trần {plan} ({word}).",
                                "{name}: {actual} {uom}, {ratio} of the ceiling of {plan} ({word})."),
    "figure.sentence.plain": ("{name}: {actual} {uom}.", "{name}: {actual} {uom}."),
    "figure.sentence.context": ("{name}: {actual} {uom} (KH {context_period}: {value}).",
                                "{name}: {actual} {uom} (plan for {context_period}: {value})."),
    "figure.sentence.breakdown": ("{name}: {actual} {uom}, trong đó: {parts}.", "{name}: {actual} {uom}, of which: {parts}."),
    "figure.sentence.of_which": ("; trong đó: {parts}", "; of which: {parts}"),
    "figure.sentence.incomplete": (" (số liệu chưa đủ: {parts})", " (incomplete: {parts})"),
    "figure.sentence.absent": (" (chưa gồm {n}/{due} đơn vị chưa gửi: {units})",
                               " (leaves out {n} of the {due} units due to report: {units} sent nothing)"),
    "figure.sentence.absent.counted": (" (chưa gồm {n}/{due} đơn vị chưa gửi)",
                                       " (leaves out {n} of the {due} units due to report, as they sent nothing)"),
    "figure.sentence.blank": (" (chưa gồm số để trống của {units})", " (leaves out the actual left empty by {units})"),
    "figure.sentence.members_missing": (" (chưa gồm {units} chưa gửi)", " (leaves out {units}, not sent)"),
    # -- checks of what a figure lacks --
    "check.incomplete_period": (
        "{unit}: số liệu {period} chỉ có {parts}; thiếu {missing}. Số liệu của kỳ được đánh dấu chưa đủ.",
        "{unit}: the figures for {period} have only {parts}; missing {missing}. The period's figures are marked incomplete.",
    ),
    "check.missing_value": (
        "{indicator} ({period}): có kế hoạch {plan} {uom} nhưng ô thực hiện {cell} để trống.{note} Hãy bổ sung số liệu"
        " hoặc ghi lý do.",
        "{indicator} ({period}): a plan of {plan} {uom} but the actual cell {cell} is empty.{note} Fill it in or give"
        " the reason.",
    ),
    "check.missing_value.note": (" Ghi chú của đơn vị: \"{note}\".", " The unit's note: \"{note}\"."),
    # No empty cell to name: the unit's table had no actual column, or no row, for the indicator.
    "check.missing_value.no_cell": (
        "{indicator} ({period}): có kế hoạch {plan} {uom} nhưng báo cáo không có số thực hiện (không có ô thực hiện"
        " cho chỉ tiêu này).{note} Hãy bổ sung số liệu hoặc ghi lý do.",
        "{indicator} ({period}): a plan of {plan} {uom} but the report gives no actual (it has no actual cell for this"
        " indicator).{note} Fill it in or give the reason.",
    ),
    "check.missing_value.estimate": (
        " Đơn vị có gửi số ước thực hiện {estimate} {uom}, không thay cho số thực hiện.",
        " The unit sent an estimate of {estimate} {uom}, which does not stand for the actual.",
    ),
}
