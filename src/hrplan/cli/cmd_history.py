"""`hrplan history`: every submission a unit sent for a period, and what each one changed."""
from __future__ import annotations

from typing import Optional

import typer

from hrplan.cli.output import choice, STATE, console, guarded, print_json, table
from hrplan.messages import render


def register(app: typer.Typer) -> None:
    @app.command("history")
    @guarded
    def history(
        program: str = typer.Option(..., "--program", "-p", help="Mã chương trình."),
        unit: Optional[str] = typer.Option(None, "--unit", "-u", help="Đơn vị (mã hoặc tên)."),
        period: Optional[str] = typer.Option(None, "--period", help="Kỳ báo cáo."),
        fmt: str = typer.Option("table", "--format", "-f", help="table hoặc json."),
    ) -> None:
        """Lịch sử các lần gửi báo cáo và số liệu đã thay đổi giữa các lần. (Submission history.)"""
        from hrplan.store import submission_history
        ws = STATE.ws()
        prog = ws.program(program)
        code = prog.code
        with ws.open_store() as store:
            unit_code = _unit_code(ws, store, code, unit) if unit else None
            entries = submission_history(store, code, unit_code, period)
        fmt = choice(fmt, ("table", "json"), "--format")
        if fmt == "json":
            print_json([{"id": e.record.id, "unit": e.record.unit, "period": e.record.period, "file": e.record.file_name,
                         "imported_at": e.record.imported_at, "superseded_by": e.record.superseded_by,
                         "current": e.current, "restored_from": e.restored_from,
                         "changes": [{"indicator": c.indicator, "measure": c.measure,
                                      "before": None if c.before is None else float(c.before),
                                      "after": None if c.after is None else float(c.after)} for c in e.changes],
                         "kept": [{"from": i, "file": f, "indicators": codes} for i, f, codes in e.kept],
                         "notes": [{"indicator": i, "note": n} for i, n in e.notes]}
                        for e in entries])
            return
        _print_table(ws, prog, entries)


def _print_table(ws, prog, entries) -> None:
    """Print the versions as a table that reads at 80 columns, one line each (the unit and the period, when every
    version shares them, said once above it), then what each version changed and its notes, a line each."""
    from hrplan.cli.layout import Col

    t = STATE.t
    units = {e.record.unit for e in entries}
    periods = {e.record.period for e in entries}
    above = [prog.code]
    if len(units) == 1:
        code = next(iter(units))
        above.append(f"{ws.units.get(code).name} ({code})" if code in ws.units else code)
    if len(periods) == 1:
        above.append(next(iter(periods)))
    columns = [Col("#", justify="right"), *([Col(t("findings.col.unit"))] if len(units) > 1 else []),
               *([Col(t("findings.col.period"))] if len(periods) > 1 else []), Col(t("findings.col.file")),
               Col(t("history.col.imported")), Col(t("history.col.state"))]
    tab = table(" — ".join(above) if entries else None, columns)
    below = []
    for e in entries:
        state = t("history.current") if e.current else t("history.superseded_by", id=e.record.superseded_by)
        tab.add_row(str(e.record.id), *([e.record.unit] if len(units) > 1 else []),
                    *([e.record.period] if len(periods) > 1 else []), e.record.file_name, _when(e.record.imported_at),
                    state)
        if e.changes:
            below.append(t("history.changes", id=e.record.id, changes="; ".join(
                f"{c.indicator} {_measure(c.measure)}: {_value(prog, c, c.before)} → {_value(prog, c, c.after)}"
                for c in e.changes)))
        said = [*([render("history.restored_from", STATE.lang, id=e.restored_from)] if e.restored_from else []),
                *(render("import.kept_from_earlier", STATE.lang, indicators=", ".join(codes), old=i, old_file=f)
                  for i, f, codes in e.kept),
                *(f"{i}: {n}" for i, n in e.notes)]
        if said:
            below.append(t("history.notes", id=e.record.id, notes="; ".join(said)))
    console.print(tab)
    for line in below:
        console.print(line)


def _unit_code(ws, store, program: str, unit: str) -> str:
    """Give the unit code `unit` names in the registry, or `unit` itself when the store holds submissions of that
    code though the registry no longer has it (a unit deleted from units.yaml after a merger keeps its history)."""
    from hrplan.problems import HrplanError
    try:
        return ws.units.resolve(unit)
    except HrplanError:
        if store.submissions(program, unit.strip(), None, include_superseded=True):
            return unit.strip()
        raise


def _measure(measure: str) -> str:
    """Give a stored measure (plan, actual, estimate, stated_ratio) in the user's words: 'BD-LUOT thực hiện: 95 → 105'."""
    from hrplan.messages import MESSAGES, render
    return render(f"column_role.{measure}", STATE.lang) if f"column_role.{measure}" in MESSAGES else measure


def _value(program, change, value) -> str:
    """Give a changed value as the report shows it: a stated ratio (stored as a fraction, 1.2) as '120%', or for a
    planning ratio as '1,2 lần'; any other figure as its number ('1.500')."""
    from hrplan.definitions import IndicatorKind
    from hrplan.values import format_number, format_percent, format_times
    if change.measure != "stated_ratio" or value is None:
        return format_number(value, lang=STATE.lang)
    try:
        planning = program.indicator(change.indicator).kind is IndicatorKind.PLANNING_RATIO
    except KeyError:  # an indicator the program file no longer has
        planning = False
    if planning:
        return format_times(float(value), STATE.lang)
    whole = (value * 100) == (value * 100).to_integral_value()
    return format_percent(float(value), 0 if whole else 1, STATE.lang)


def _when(stamp: str) -> str:
    """Give a stored time (ISO 8601, UTC) as this machine's local time, the year in full: '07/12/2026 23:12', which a
    narrow column shows as date over hour (the JSON keeps the stored text)."""
    from datetime import datetime
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return str(stamp)
