"""The heading and foot of an official report: bodies and signer in capitals, as offices print them."""
from __future__ import annotations

from pathlib import Path

from hrplan.definitions import ReportSettings, find_program, load_programs
from hrplan.reports.heading import heading

SAMPLE_PROGRAMS = Path(__file__).resolve().parents[1] / "sample_data" / "programs"


def test_capitals_keep_a_programs_code_as_written():
    # Seen: 'Ban Chỉ đạo Chương trình 08-CTr/TU' printed as 'BAN CHỈ ĐẠO CHƯƠNG TRÌNH 08-CTR/TU'.
    program = find_program(load_programs(SAMPLE_PROGRAMS), "08-CTr/TU")
    settings = ReportSettings(parent_body="Tỉnh ủy Cao Bằng", issuing_body="Ban Chỉ đạo Chương trình 08-CTr/TU",
                              signer={"capacity": "TM. Ban Chỉ đạo", "title": "Phó Trưởng ban Thường trực 08-CTr/TU"})
    head = heading(settings, program, "Từ 01/01/2021 đến 31/05/2023", "vi")
    assert head["parent_body"] == "TỈNH ỦY CAO BẰNG"
    assert head["issuing_body"] == "BAN CHỈ ĐẠO CHƯƠNG TRÌNH 08-CTr/TU"
    assert (head["signer_capacity"], head["signer_title"]) == ("TM. BAN CHỈ ĐẠO", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC 08-CTr/TU")
