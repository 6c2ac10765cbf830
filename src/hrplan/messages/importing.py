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
    "workspace.lock_unusable": (
        "Không tạo được khóa thư mục làm việc {path} ({found}). Hãy kiểm tra quyền ghi của thư mục; "
        "đường dẫn này phải là một tệp thường.",
        "Cannot take the workspace lock {path} ({found}). Check that the folder is writable and that this "
        "path is a plain file.",
    ),
}
