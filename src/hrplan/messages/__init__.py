"""The message catalogue: every user-facing string, Vietnamese and English side by side.

`render(code, lang, **params)` fills a message with `str.format`. Vietnamese is the default;
`--lang en` or `HRPLAN_LANG=en` switches. A missing code is a bug, so it raises KeyError.
Messages live in one module per topic beside this one; a code defined twice is a bug.
"""
from __future__ import annotations

import os

from hrplan.messages import consolidate as _consolidate
from hrplan.messages import core as _core
from hrplan.messages import figures as _figures
from hrplan.messages import importing as _importing
from hrplan.messages import layouts as _layouts
from hrplan.messages import reports as _reports
from hrplan.messages import rules as _rules
from hrplan.messages import scale as _scale
from hrplan.messages import server as _server
from hrplan.messages import to_unit as _to_unit

LANGS = ("vi", "en")

MESSAGES: dict[str, tuple[str, str]] = {}
for _part in (_core, _figures, _importing, _consolidate, _reports, _rules, _layouts, _server, _scale, _to_unit):
    _twice = MESSAGES.keys() & _part.MESSAGES.keys()
    if _twice:
        raise RuntimeError(f"message codes defined twice: {sorted(_twice)}")
    MESSAGES.update(_part.MESSAGES)


def default_lang() -> str:
    """Give the language from HRPLAN_LANG, Vietnamese when unset or unknown."""
    lang = os.environ.get("HRPLAN_LANG", "vi").lower()[:2]
    return lang if lang in LANGS else "vi"


def render(code: str, lang: str = "vi", **params: object) -> str:
    """Give the catalogue message for `code` in `lang`, filled with `params`."""
    vi, en = MESSAGES[code]
    return fill(en if lang == "en" else vi, params)


def fill(template: str, params: dict) -> str:
    """Give a catalogue template filled with `params` as `render` fills it (see `_Params` for absent ones)."""
    try:
        return template.format_map(_Params(params))
    except (IndexError, ValueError):
        return template  # a malformed template must not hide the message itself


def _plural(count: object) -> str:
    """Give the English plural ending of a count, a number or its text as shown ('1 seat', '2 seats')."""
    return "" if count == 1 or str(count).strip() == "1" else "s"


class _Params(dict):
    """Message parameters where '{x_vi}' falls back to '{x}', '{s}' is the English plural ending of the count '{n}'
    ('{n} warning{s}': 1 warning, 2 warnings), '{s_x}' that of the count '{x}' ('{errors} error{s_errors}'), an
    optional clause '{opt_x}' absent shows as nothing (a problem stored before the clause existed) and any other
    absent one shows as '?'."""

    def __missing__(self, key: str) -> object:
        if key.endswith("_vi") and key[:-3] in self:
            return self[key[:-3]]
        if key.startswith("opt_"):
            return ""
        if key == "s" and "n" in self:
            return _plural(self["n"])
        if key.startswith("s_") and key[2:] in self:
            return _plural(self[key[2:]])
        return "?"
