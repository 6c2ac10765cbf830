"""A wing's exports load on first use (hrplan.lazy): nothing before, the module once asked, a clear error for a typo."""
from __future__ import annotations

import subprocess
import sys

import pytest


def test_an_export_loads_its_module_when_first_asked_for_and_stays():
    code = ("import sys, hrplan.store as s\n"
            "before = 'hrplan.store.database' in sys.modules\n"
            "Store = s.Store\n"
            "print(before, 'hrplan.store.database' in sys.modules, s.__dict__.get('Store') is Store)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True", "True"]


@pytest.mark.parametrize("package", ["hrplan.store", "hrplan.reading", "hrplan.definitions", "hrplan.workbooks",
                                     "hrplan.workbooks.safety", "hrplan.reports"])
def test_a_name_a_package_does_not_export_is_an_attribute_error_naming_both(package):
    import importlib

    module = importlib.import_module(package)
    with pytest.raises(AttributeError, match=f"module '{package}' has no attribute 'Nonesuch'"):
        module.Nonesuch  # noqa: B018
    for name in module.__all__:  # and every name it lists is there
        assert getattr(module, name) is not None
