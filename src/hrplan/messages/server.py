"""Messages for the store on a server: store URLs, migrations, copying. code: (vi, en)."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "store.bad_url": (
        "Địa chỉ kho dữ liệu '{url}' không đúng. Dùng dạng sqlite:///hrplan.sqlite hoặc postgresql://người_dùng@máy_chủ/csdl.",
        "The store URL '{url}' is not valid. Use sqlite:///hrplan.sqlite or postgresql://user@host/database.",
    ),
    "store.password_not_encoded": (
        "Mật khẩu trong địa chỉ kho dữ liệu '{url}' có ký tự @, #, /, ? hoặc : viết nguyên dạng, nên phần sau sẽ bị"
        " đọc nhầm thành tên máy chủ; chưa kết nối. Hãy bỏ mật khẩu khỏi địa chỉ và ghi vào ~/.pgpass (hoặc biến"
        " PGPASSWORD), hoặc mã hóa các ký tự đó: %40 cho @, %23 cho #, %2F cho /, %3F cho ?, %3A cho :.",
        "The password in the store URL '{url}' holds @, #, /, ? or : as typed, so what follows would be read as the"
        " host; nothing was connected. Take the password out of the URL and put it in ~/.pgpass (or PGPASSWORD), or"
        " percent-encode those characters: %40 for @, %23 for #, %2F for /, %3F for ?, %3A for :.",
    ),
    "store.unsupported": (
        "Kho dữ liệu '{url}' dùng {backend}; hrplan chỉ hỗ trợ sqlite và postgresql.",
        "The store '{url}' uses {backend}; hrplan supports sqlite and postgresql only.",
    ),
    "store.unreachable": (
        "Không mở được kho dữ liệu {url}: {found}. Hãy kiểm tra máy chủ, tên người dùng và mật khẩu"
        " (đặt trong ~/.pgpass hoặc biến PGPASSWORD, không ghi trong địa chỉ).",
        "Cannot open the store {url}: {found}. Check the server, the user name and the password"
        " (keep it in ~/.pgpass or PGPASSWORD, not in the URL).",
    ),
    "store.lost": (
        "Mất kết nối tới kho dữ liệu {url} (máy chủ dừng hoặc khởi động lại, hay mạng bị ngắt). Không có gì được ghi dở."
        " Hãy kiểm tra máy chủ rồi chạy lại lệnh.",
        "Lost the connection to the store {url} (the server stopped or restarted, or the network dropped). Nothing"
        " was written in part. Check the server, then run the command again.",
    ),
    "import.store_lost": (
        "Mất kết nối tới kho dữ liệu {url} khi đang nhập tệp {file}; các tệp đã lưu: {stored}; tệp {file} và các"
        " tệp sau ({pending} tệp) chưa được lưu, không tệp nào được lưu dở. Hãy kiểm tra máy chủ rồi chạy lại lệnh:"
        " các tệp đã lưu sẽ được bỏ qua.",
        "Lost the connection to the store {url} while importing {file}; files stored: {stored}; {file} and the files"
        " after it ({pending} file{s_pending}) were not stored, and no file was stored in part. Check the server, then"
        " run the command again: the files already stored are skipped.",
    ),
    "consolidate.store_lost": (
        "Mất kết nối tới kho dữ liệu {url} khi đang xử lý {file}; các tệp đã lưu và chuyển đi: {stored}; {left} tệp"
        " vẫn ở trong inbox, không tệp nào được lưu dở; không ghi báo cáo. Hãy kiểm tra máy chủ: lần chạy sau sẽ"
        " nhận các tệp còn lại.",
        "Lost the connection to the store {url} while processing {file}; files stored and moved: {stored}; {left}"
        " file{s_left} stay in the inbox, none stored in part; no report written. Check the server: the next run takes"
        " the files left.",
    ),
    "store.file_is_folder": (
        "Kho dữ liệu {path} là một thư mục, không phải tệp SQLite. Hãy đặt 'store:' trong hrplan.yaml (hoặc --store)"
        " là một tệp, ví dụ {path}/hrplan.db.",
        "The store {path} is a folder, not an SQLite file. Set 'store:' in hrplan.yaml (or --store) to a file,"
        " e.g. {path}/hrplan.db.",
    ),
    "store.file_folder_missing": (
        "Không tạo được kho dữ liệu {path}: thư mục chứa tệp chưa có. Hãy tạo thư mục đó hoặc sửa 'store:' trong"
        " hrplan.yaml (hoặc --store).",
        "Cannot create the store {path}: the folder it would be in does not exist. Create that folder or correct"
        " 'store:' in hrplan.yaml (or --store).",
    ),
    "store.file_unusable": (
        "Không mở được tệp kho dữ liệu {path}: {found}. Hãy kiểm tra quyền ghi vào tệp và thư mục chứa nó, và"
        " rằng đó là tệp do hrplan tạo.",
        "Cannot open the store file {path}: {found}. Check that the file and its folder can be written and that"
        " it is a file hrplan made.",
    ),
    "store.needs_upgrade": (
        "Kho dữ liệu {url} có phiên bản {found}, cũ hơn bản hrplan này ({expected}). Chạy 'hrplan store upgrade'"
        " (mọi người dùng chung kho cần cập nhật hrplan).",
        "The store {url} has schema version {found}, older than this hrplan ({expected}). Run 'hrplan store upgrade'"
        " (everyone sharing the store then needs this hrplan).",
    ),
    "store.copy_target_not_empty": (
        "Kho đích {url} đã có dữ liệu ({current} báo cáo hiện hành, {superseded} bản cũ, {values} số liệu); không chép đè."
        " Hãy chọn một cơ sở dữ liệu trống.",
        "The target store {url} is not empty ({current} current submissions, {superseded} superseded, {values} values);"
        " nothing was copied. Choose an empty database.",
    ),
    "store.copy_mismatch": (
        "Bản chép sang {url} không khớp với kho gốc (cần {expected}, có {found}); đã hủy, kho đích vẫn trống.",
        "The copy in {url} does not match the source (expected {expected}, found {found}); it was rolled back,"
        " the target is still empty.",
    ),
    # -- hrplan store: what the command prints --
    "store.info.backend": ("Loại kho", "Backend"),
    "store.info.url": ("Địa chỉ", "Store"),
    "store.info.schema": ("Phiên bản cấu trúc", "Schema version"),
    "store.info.schema_value": ("{found} (bản hrplan này: {expected})", "{found} (this hrplan: {expected})"),
    "store.info.needs_upgrade": ("cần chạy 'hrplan store upgrade'", "run 'hrplan store upgrade'"),
    "store.info.counts": (
        "{current} báo cáo hiện hành, {superseded} bản cũ, {values} số liệu, {problems} ghi chú lỗi",
        "{current} current submissions, {superseded} superseded, {values} values, {problems} kept problems",
    ),
    "store.info.contents": ("Nội dung", "Contents"),
    "store.info.last_import": ("Lần nhập gần nhất", "Last import"),
    "store.info.never": ("chưa nhập lần nào", "nothing imported yet"),
    "store.upgraded": ("Đã nâng cấp kho {url} từ phiên bản {found} lên {expected}.",
                       "Upgraded the store {url} from schema version {found} to {expected}."),
    "store.up_to_date": ("Kho {url} đã ở phiên bản {expected}; không cần nâng cấp.",
                         "The store {url} is already at schema version {expected}; nothing to do."),
    "store.copied": (
        "Đã chép {url} sang {target}: {current} báo cáo hiện hành, {superseded} bản cũ, {values} số liệu, {problems} ghi chú lỗi;"
        " số lượng, tổng số liệu và từng dòng đã được đối chiếu, khớp hoàn toàn.",
        "Copied {url} to {target}: {current} current submissions, {superseded} superseded, {values} values,"
        " {problems} kept problems; counts, value sums and every row were compared and match.",
    ),
    "store.copy_next": (
        "Để dùng kho mới, ghi 'store: {target}' vào hrplan.yaml (mật khẩu để trong ~/.pgpass).",
        "To use the new store, write 'store: {target}' in hrplan.yaml (the password goes in ~/.pgpass).",
    ),
    "store.copy_next_file": (
        "Để dùng kho mới, ghi 'store: {target}' vào hrplan.yaml.",
        "To use the new store, write 'store: {target}' in hrplan.yaml.",
    ),
}
