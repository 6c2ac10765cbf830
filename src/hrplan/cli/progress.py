"""Progress on long work: a rich bar with counts and an estimate on a terminal, a log line per tenth elsewhere.

`track(code)` gives a callback `(done, total, label)` for the library's progress hooks (import_files,
run_checks, write_reports). On a terminal it draws a transient bar on stderr: what is being done, the bar,
done/total, time spent and time left. Not on a terminal (the nightly job, a pipe, a log file) it writes a
plain line to stderr each time another tenth of the work is done, with the estimate:

    hrplan: Đang kiểm tra 40% (10/24), còn khoảng 6 giây

Work that ends within `HRPLAN_PROGRESS_AFTER` seconds (default 2) writes no line: a short run's log stays as
it was; `HRPLAN_PROGRESS_AFTER=0` logs every tenth of any work.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from hrplan.cli.output import STATE, err_console, plain

Callback = Callable[[int, int, str], None]  # (done, total, what was just done)
QUIET_SECONDS = 2.0  # the default of HRPLAN_PROGRESS_AFTER


@contextmanager
def track(code: str, clock: Callable[[], float] = time.monotonic, terminal: bool | None = None) -> Iterator[Callback]:
    """Give a progress callback for work described by message `code` (see messages/scale.py)."""
    description = STATE.t(code)
    if terminal if terminal is not None else err_console.is_terminal:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TimeRemainingColumn(), console=err_console.made(), transient=True) as bar:
            task = bar.add_task(description, total=None)

            def on_terminal(done: int, total: int, label: str) -> None:
                text = f"{description} {plain(label)}" if label else description
                bar.update(task, completed=done, total=total, description=text)

            yield on_terminal
        return
    yield TenthLines(description, clock)


class TenthLines:
    """A callback that writes one line per tenth of the work done, once the work has run a while (see above)."""

    def __init__(self, description: str, clock: Callable[[], float] = time.monotonic,
                 write: Callable[[str], None] | None = None) -> None:
        self.description = description
        self.clock = clock
        self.start = clock()
        self.tenths_told = 0
        self.write = write or (lambda line: err_console.print(line, soft_wrap=True))
        try:
            self.quiet = max(0.0, float(os.environ.get("HRPLAN_PROGRESS_AFTER", QUIET_SECONDS)))
        except ValueError:
            self.quiet = QUIET_SECONDS

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if total <= 0:
            return
        tenths = min(10, done * 10 // total)
        if tenths <= self.tenths_told:
            return
        elapsed = self.clock() - self.start
        if elapsed < self.quiet:
            return  # not yet worth a line; a later call tells the tenths reached by then
        self.tenths_told = tenths
        line = STATE.t("progress.line", what=self.description, percent=tenths * 10, done=done, total=total)
        left = elapsed * (total - done) / done if 0 < done < total else 0.0
        if left >= 1:  # under a second left is not worth saying ("0 giây")
            line += STATE.t("progress.left", time=_duration(left))
        self.write(f"hrplan: {line}")


def _duration(seconds: float) -> str:
    """Give a duration in plain words: '45 giây', '3 phút 20 giây' (English with --lang en)."""
    s = int(round(seconds))
    minutes, s = divmod(s, 60)
    if minutes:
        return STATE.t("progress.minutes", m=minutes, s=s)
    return STATE.t("progress.seconds", s=s)
