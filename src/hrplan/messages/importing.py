"""Messages for the unbreakable import: locks, worker failures, limits, config files. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the workspace lock --
    "workspace.locked": (
        "Một lượt chạy hrplan khác đang ghi vào thư mục làm việc này (khóa {path}); đã chờ {wait} giây. "
        "Không ghi gì. Hãy chạy lại khi lượt kia xong, hoặc chờ lâu hơn với --wait GIÂY.",
        "Another hrplan run is writing to this workspace (lock {path}); waited {wait} s. Nothing was written. "
        "Run again when it has finished, or wait longer with --wait SECONDS.",
    ),
    "store.locked": (
        "Một lượt chạy hrplan khác đang ghi vào kho dữ liệu {path} (có thể từ một thư mục làm việc khác hoặc một máy"
        " khác dùng chung kho này); đã chờ {wait} giây. Không ghi gì. Hãy chạy lại khi lượt kia xong, hoặc chờ lâu hơn"
        " với --wait GIÂY.",
        "Another hrplan run is writing to the store {path} (perhaps from another workspace or another machine sharing"
        " it); waited {wait} s. Nothing was written. Run again when it has finished, or wait longer with --wait SECONDS.",
    ),
    "workspace.lock_unusable": (
        "Không tạo được khóa thư mục làm việc {path} ({found}). Hãy kiểm tra quyền ghi của thư mục; "
        "đường dẫn này phải là một tệp thường.",
        "Cannot take the workspace lock {path} ({found}). Check that the folder is writable and that this "
        "path is a plain file.",
    ),
    # -- a file that takes its reader down --
    "file.reader_failed": (
        "Không đọc được tệp này: {found}. Tệp có thể bị hỏng hoặc được tạo để làm treo chương trình; "
        "các tệp khác vẫn được nhập. Hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice rồi gửi lại.",
        "This file could not be read: {found}. It may be damaged or built to bring the reader down; the "
        "other files are imported. Open and save it again in Excel or LibreOffice, then send it again.",
    ),
    # -- history --
    "store.no_submission": (
        "Không có bản báo cáo số #{id} trong cơ sở dữ liệu. Xem số bản bằng 'hrplan history'.",
        "There is no submission #{id} in the store. See the numbers with 'hrplan history'.",
    ),
    "import.kept_from_earlier": (
        "giữ {indicators} từ bản #{old} ({old_file}) vì tệp này không có dòng đó",
        "kept {indicators} from version #{old} ({old_file}) as this file has no row for it",
    ),
    "import.would_keep_from_earlier": (
        "sẽ giữ {indicators} từ bản #{old} ({old_file}) vì tệp này không có dòng đó",
        "would keep {indicators} from version #{old} ({old_file}) as this file has no row for it",
    ),
    "import.older_than_current": (
        "Tệp này lưu lúc {saved}, trước bản #{old} ({old_file}, lưu lúc {old_saved}) mà nó vừa thay: có thể là bản cũ "
        "gửi muộn. Nếu đúng vậy, chạy 'hrplan restore {old}' để dùng lại bản mới hơn.",
        "This file was saved at {saved}, before submission #{old} ({old_file}, saved at {old_saved}) that it has just "
        "replaced: it may be an old copy that arrived late. If so, run 'hrplan restore {old}' to make the newer one "
        "current again.",
    ),
    # -- Ctrl-C --
    "import.interrupted": (
        "Đã dừng theo yêu cầu (Ctrl-C). Lượt này đã lưu {stored} tệp (liệt kê ở trên); {pending} tệp chưa được nhập, "
        "bắt đầu từ {first}, và không tệp nào được lưu dở. Chạy lại cùng lệnh để nhập nốt.",
        "Stopped on request (Ctrl-C). This run stored {stored} file{s_stored} (listed above); {pending} file{s_pending} were not "
        "imported, starting with {first}, and no file was stored in part. Run the same command again to finish.",
    ),
    "restore.done": (
        "Đã khôi phục bản #{id}: số liệu của bản này được lưu thành bản #{new} và là bản hiện hành (thay bản #{old}).",
        "Restored submission #{id}: its figures are stored again as #{new}, now current (superseding #{old}).",
    ),
    "restore.same_as_current": (
        "Bản #{id} có cùng số liệu với bản hiện hành #{current}; không có gì thay đổi.",
        "Submission #{id} has the same figures as the current one, #{current}; nothing changed.",
    ),
    "restore.already_current": (
        "Bản #{id} đang là bản hiện hành; không có gì thay đổi.",
        "Submission #{id} is already current; nothing changed.",
    ),
    # -- bounds before reading --
    "file.too_many_strings": (
        "Bảng chuỗi dùng chung ({part}) khai báo {found} chuỗi, vượt giới hạn {limit} (read_limits.max_shared_strings); "
        "tệp bị từ chối trước khi đọc. Hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice.",
        "The shared-strings table ({part}) declares {found} strings, above the limit of {limit} "
        "(read_limits.max_shared_strings); the file is refused before reading. Open and save it again in Excel or LibreOffice.",
    ),
    "value.out_of_range": (
        "Ô chứa {found}, lớn hơn mọi số liệu nhân lực có thể có (giới hạn {limit}). Hãy sửa ô này.",
        "The cell holds {found}, beyond any human-resource figure (limit {limit}). Fix this cell.",
    ),
}
