"""Messages for the nightly job: inbox, done and rejected folders, its log. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- why a file was refused (also written in the reason file beside it) --
    "consolidate.not_a_workbook": (
        "Tệp '{name}' không phải bảng tính (đuôi '{suffix}'). hrplan chỉ nhận tệp .xlsx, .xlsm, .xls hoặc .ods. "
        "Hãy gửi lại số liệu trong mẫu báo cáo (tệp .xlsx), không gửi bản PDF, Word hay tệp nén.",
        "'{name}' is not a workbook (it ends in '{suffix}'). hrplan takes only .xlsx, .xlsm, .xls or .ods files. "
        "Send the figures again in the report template (an .xlsx file), not as PDF, Word or a zip.",
    ),
    "consolidate.failed_file": (
        "Không xử lý được tệp do lỗi nội bộ của hrplan ({error}). Tệp được giữ lại trong inbox; hãy báo nhóm phát triển.",
        "hrplan could not process this file because of an internal error ({error}). The file stays in the inbox; "
        "please tell the developers.",
    ),
    "consolidate.reason_title": (
        "hrplan không nhận tệp '{file}'. Lý do và cách sửa:",
        "hrplan did not accept '{file}'. Why, and how to fix it:",
    ),
    # The reason file goes to the unit's clerk: no rule codes, no options or settings in its two halves (those come
    # last, under "for the analyst"), and a closing line that fits the problem.
    "consolidate.reason_where": ("Lỗi tại {where}:", "Error at {where}:"),
    "consolidate.reason_todo": (
        "Cần làm: sửa đúng các ô nêu trên trong tệp gốc, lưu lại rồi gửi lại tệp; lần tổng hợp sau sẽ nhận tệp. "
        "Không cần gửi lại các tệp khác.",
        "What to do: fix the cells named above in the original file, save it and send it again; the next "
        "consolidation takes it. The other files need not be sent again.",
    ),
    "consolidate.reason_todo_file": (
        "Cần làm: làm theo hướng dẫn nêu trên rồi gửi lại tệp; lần tổng hợp sau sẽ nhận tệp. "
        "Không cần gửi lại các tệp khác.",
        "What to do: do as said above and send the file again; the next consolidation takes it. "
        "The other files need not be sent again.",
    ),
    "consolidate.reason_todo_template": (
        "Cần làm: điền số liệu vào mẫu báo cáo (tệp .xlsx) rồi gửi lại; lần tổng hợp sau sẽ nhận tệp. "
        "Không cần gửi lại các tệp khác.",
        "What to do: fill in the figures in the report template (an .xlsx file) and send it again; the next "
        "consolidation takes it. The other files need not be sent again.",
    ),
    "consolidate.reason_for_analyst": ("[Cho cán bộ tổng hợp / For the analyst]", "[For the analyst]"),
    "consolidate.reason_about": ("Tệp đọc được là / Read as: {program} | {unit} | {period}",
                                 "Read as: {program} | {unit} | {period}"),
    "consolidate.reason_settled": ("Đã nhận bản sửa {file} ngày {when} (bản #{id}); không cần gửi lại tệp này.",
                                   "The corrected file {file} was stored on {when} (#{id}); this one need not be sent again."),
    "consolidate.reason_codes": ("Mã lỗi / Rule codes: {codes}", "Rule codes: {codes}"),
    # -- why a file is left in the inbox for the next run --
    "consolidate.wait.lock_file": ("tệp khóa của Excel/LibreOffice (tệp đang được mở)",
                                   "an Excel/LibreOffice lock file (the file is open)"),
    "consolidate.wait.temporary": ("tên tệp tạm (đang sao chép hoặc tải về)", "a temporary name (being copied or downloaded)"),
    "consolidate.wait.empty": ("tệp rỗng (0 byte), có thể đang được ghi", "an empty file (0 bytes), perhaps still being written"),
    "consolidate.wait.incomplete": ("tệp bảng tính chưa đủ (chưa có phần cuối), có thể việc sao chép đang tạm dừng; "
                                    "quá 15 phút vẫn vậy thì tệp bị từ chối kèm lý do",
                                    "a workbook without its end yet, perhaps a copy that paused; still so after 15 "
                                    "minutes, it is refused with a reason"),
    "consolidate.wait.not_a_file": ("một liên kết (symlink) hoặc tệp đặc biệt, không phải tệp: hrplan không mở loại này; "
                                    "hãy chép chính tệp bảng tính vào inbox rồi xóa mục này",
                                    "a link (symlink) or special file, not a file: hrplan never opens one; copy the "
                                    "workbook itself into the inbox and remove this entry"),
    "consolidate.wait.changing": ("tệp đang được ghi (kích thước hoặc thời gian thay đổi)",
                                  "still being written (its size or time changed)"),
    # -- the log: one line per file, one summary line per run --
    "consolidate.log.imported": ("{file} → {dest}: nhập mới {program} {unit} {period}, {values} số liệu (bản #{id}).",
                                 "{file} → {dest}: imported {program} {unit} {period}, {values} values (#{id})."),
    "consolidate.log.updated": ("{file} → {dest}: cập nhật {program} {unit} {period}, thay bản #{old} (bản #{id}).",
                                "{file} → {dest}: updated {program} {unit} {period}, supersedes #{old} (#{id})."),
    "consolidate.log.unchanged": ("{file} → {dest}: đã có trong cơ sở dữ liệu (giống bản #{same}), chỉ chuyển tệp.",
                                  "{file} → {dest}: already stored (same as #{same}), only moved."),
    "consolidate.log.stored": ("{file} → {dest}: {program} {unit} {period} ({outcome}).",
                               "{file} → {dest}: {program} {unit} {period} ({outcome})."),
    "consolidate.log.rejected": ("{file} → {dest}: bị từ chối: {reason}", "{file} → {dest}: rejected: {reason}"),
    "consolidate.log.settled": ("{file} → {dest}: đã có bản sửa {by}; không cần gửi lại tệp này cho đơn vị.",
                                "{file} → {dest}: made good by {by}; this file need not be sent back to its unit."),
    # what `consolidate` prints under a file refused and made good by a later file in the same run
    "consolidate.settled_same_run": (
        "Đã có bản sửa {by} trong cùng lượt này: tệp và lý do đã chuyển sang rejected/settled/, không cần gửi lại "
        "cho đơn vị.",
        "Made good by {by} in the same run: the file and its reason were moved to rejected/settled/; nothing to send "
        "back to the unit."),
    "consolidate.log.unmatched": (
        "{count} tệp trong rejected/ không biết thuộc chương trình, đơn vị, kỳ nào (không đọc ra được từ tệp) nên"
        " không tự xếp xong được khi nhận bản sửa: {files}. Cần xem bằng tay: khi đơn vị đã gửi bản sửa, chuyển tệp"
        " và tệp lý do vào rejected/settled/.",
        "{count} file{s_count} in rejected/ cannot be matched to a program, unit and period (the file itself does not tell)"
        " and so are never settled by a correction on their own: {files}. Look at them by hand: once the unit's"
        " correction is in, move the file and its reason to rejected/settled/."),
    "consolidate.log.waiting": ("{file}: để lại cho lần sau: {reason}.", "{file}: left for the next run: {reason}."),
    "consolidate.log.failed": ("{file}: lỗi nội bộ, tệp giữ lại trong inbox: {error}",
                               "{file}: internal error, the file stays in the inbox: {error}"),
    "consolidate.log.report": ("{program} {period}: đã kiểm tra ({errors} lỗi, {warnings} cảnh báo) và ghi {files}.",
                               "{program} {period}: checked ({errors} error{s_errors}, {warnings} warning{s_warnings}) and wrote {files}."),
    "consolidate.log.late_not_checked": (
        "{program} {period}: không kiểm tra được các tệp đã nhận {files}: {reason}",
        "{program} {period}: the files taken, {files}, could not be checked: {reason}",
    ),
    "consolidate.log.late": (
        "{program} {period} (tệp đến muộn của {units}, không phải kỳ hiện tại nên không ghi báo cáo): đã kiểm tra, "
        "{errors} lỗi, {warnings} cảnh báo; xem: hrplan check -p {program} --period {period} -u <đơn vị>.",
        "{program} {period} (a late file from {units}, not the current period, so no report is written): checked, "
        "{errors} error{s_errors}, {warnings} warning{s_warnings}; see: hrplan check -p {program} --period {period} "
        "-u <unit>.",
    ),
    "consolidate.log.done": (
        "xong sau {seconds} giây: nhập mới {imported}, cập nhật {updated}, đã có {unchanged}, từ chối {rejected}, "
        "chờ {waiting}, lỗi {failed}; ghi lại báo cáo của {reports} chương trình.",
        "done in {seconds} s: imported {imported}, updated {updated}, already stored {unchanged}, rejected {rejected}, "
        "waiting {waiting}, failed {failed}; reports rewritten for {reports} program{s_reports}.",
    ),
    "consolidate.log.nothing": (
        "không có gì để làm: inbox không có tệp mới ({waiting} tệp đang chờ), không thay đổi gì, không ghi báo cáo.",
        "nothing to do: no new file in the inbox ({waiting} waiting), nothing changed, no report written.",
    ),
    "consolidate.log.locked": (
        "không chạy: một lần chạy khác đang giữ khóa thư mục làm việc; lần này dừng, không thay đổi gì.",
        "not run: another run holds the workspace lock; this one stopped and changed nothing.",
    ),
    "consolidate.log.could_not_run": ("không chạy được: {reason}", "could not run: {reason}"),
    # -- `hrplan status`: the morning digest --
    "consolidate.log.interrupted": (
        "lượt chạy bắt đầu lúc {started} (tiến trình {pid}) đã không chạy xong (bị dừng đột ngột): nó đã xử lý "
        "{count} tệp (các dòng [{pid}] ở trên); lượt này làm nốt phần còn lại.",
        "the run started at {started} (process {pid}) did not finish (killed): it had taken {count} file{s_count} "
        "(the lines [{pid}] above); this run finishes the rest."),
    "consolidate.digest.title": ("Lần tổng hợp tự động gần nhất", "Last nightly consolidation"),
    "consolidate.digest.never": ("Chưa chạy 'hrplan consolidate' lần nào trong thư mục này.",
                                 "'hrplan consolidate' has not run in this workspace yet."),
    "consolidate.digest.last": ("Lần chạy cuối: {finished} ({status}).", "Last run: {finished} ({status})."),
    "consolidate.digest.arrived": ("Nhận lúc {finished}: {count} tệp.", "Taken at {finished}: {count} file{s_count}."),
    "consolidate.digest.rejected": ("Bị từ chối: {file} ({reason}) — lý do ghi ở {reason_file}.",
                                    "Rejected: {file} ({reason}) — reason written in {reason_file}."),
    "consolidate.digest.rejected_settled": (
        "Bị từ chối: {file} ({reason}) — đã có bản sửa {by} trong cùng lượt; tệp và lý do ở {reason_file}.",
        "Rejected: {file} ({reason}) — made good by {by} in the same run; the file and its reason are in "
        "{reason_file}."),
    "consolidate.digest.running": (
        "Đang chạy: lượt bắt đầu lúc {started} (tiến trình {pid}, đang giữ khóa) chưa xong; đã xử lý {count} tệp.",
        "Running now: the run started at {started} (process {pid}, holding the lock) has not finished; "
        "{count} file{s_count} taken so far."),
    "consolidate.digest.killed": (
        "Lượt chạy bắt đầu lúc {started} (tiến trình {pid}) đã không chạy xong (bị dừng đột ngột: không còn giữ "
        "khóa, không có dòng tổng kết); nó đã xử lý {count} tệp. Lần chạy sau sẽ làm nốt phần còn lại.",
        "The run started at {started} (process {pid}) did not finish (killed: it no longer holds the lock and "
        "wrote no summary); it took {count} file{s_count}. The next run finishes the rest."),
    "consolidate.digest.was_interrupted": (
        "Trước lượt này, lượt bắt đầu lúc {started} (tiến trình {pid}) đã không chạy xong (bị dừng đột ngột); nó đã "
        "xử lý {count} tệp:",
        "Before it, the run started at {started} (process {pid}) did not finish (killed); it had taken "
        "{count} file{s_count}:"),
    "consolidate.digest.not_moved": ("đã lưu vào cơ sở dữ liệu nhưng chưa chuyển được, vẫn ở {file}",
                                     "stored, but not moved: still at {file}"),
    "consolidate.digest.missing": ("{program} kỳ {period}: còn thiếu {missing}.",
                                   "{program} period {period}: still missing {missing}."),
    "consolidate.digest.none_yet": ("{program}: chưa nhận báo cáo nào.", "{program}: nothing received yet."),
    "consolidate.digest.complete": ("{program} kỳ {period}: đủ báo cáo của các đơn vị.",
                                    "{program} period {period}: every unit has reported."),
    "consolidate.progress": ("Đang tổng hợp", "Consolidating"),
    "consolidate.outcome.failed": ("Lỗi nội bộ (giữ lại trong inbox)", "Internal error (kept in the inbox)"),
    "consolidate.status.nothing": ("không có gì để làm", "nothing to do"),
    "consolidate.status.done": ("xong", "done"),
    "consolidate.status.rejected": ("xong, có tệp bị từ chối", "done, some files rejected"),
    "consolidate.status.failed": ("xong, có tệp lỗi nội bộ", "done, some files failed"),
    "consolidate.status.store_lost": ("dừng giữa chừng vì mất kết nối tới kho dữ liệu",
                                      "stopped: the connection to the store was lost"),
    "consolidate.status.stopped": ("dừng giữa chừng vì ổ đĩa đầy hoặc không có quyền ghi vào một thư mục",
                                   "stopped: a disk is full or a folder cannot be written"),
    "consolidate.stopped": (
        "Dừng lượt chạy: {reason_vi} Trước khi dừng đã lưu {stored} tệp vào cơ sở dữ liệu{kept_vi}; {left} tệp chưa "
        "xử lý vẫn ở inbox, không tệp nào được lưu dở; không ghi báo cáo.",
        "The run stopped: {reason} Before it stopped it stored {stored} file{s_stored}{kept}; {left} file{s_left} not "
        "yet taken stay in the inbox, none stored in part; no report written.",
    ),
    "consolidate.stopped.kept": (
        "; {kept} tệp đã có trong cơ sở dữ liệu nhưng chưa chuyển được, vẫn ở inbox: {files} (lần chạy sau chỉ "
        "chuyển đi, không nhập lại)",
        "; {kept} file{s_kept} already in the store but not moved, still in the inbox: {files} (the next run only "
        "moves, storing nothing again)",
    ),
    "consolidate.unlogged": ("{count} dòng không ghi được vào logs/consolidate.log:",
                             "{count} line{s_count} could not be written to logs/consolidate.log:"),
    "consolidate.log.still_in_inbox": ("(vẫn ở inbox)", "(still in the inbox)"),
    "consolidate.not_moved": ("Đã lưu nhưng chưa chuyển được, vẫn ở inbox: {reason}",
                              "Stored but not moved, still in the inbox: {reason}"),
}
