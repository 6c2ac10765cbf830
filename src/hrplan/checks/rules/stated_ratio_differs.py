"""stated_ratio.differs: a percentage the unit wrote that differs from actual / plan recomputed from its row."""
from __future__ import annotations

from hrplan.checks.rule import CheckContext, Rule
from hrplan.checks.rules.import_findings import stored_findings
from hrplan.problems import Severity


def _run(ctx: CheckContext):
    """The warnings import stored, each naming its indicator as the program calls it today (a warning stored before
    the names were kept had only the code)."""
    names = {ind.code: ind for ind in ctx.program.indicators}
    for f in stored_findings(ctx, {"stated_ratio.differs"}):
        ind = names.get(f.indicator)
        if ind is not None:
            f.params = {**f.params, "name": ind.name_in("en"), "name_vi": ind.name}
        elif "name" not in f.params:
            f.params = {**f.params, "name": f.indicator or "?"}
        yield f


RULE = Rule("stated_ratio.differs", Severity.WARNING, "consistency",
            "The percentage a unit wrote differs from actual / plan recomputed from its own row (found at import).",
            _run, own_rows=True)
