"""hrplan.collector.paused_gc: the cycle collector waits for the block and is back on after it, as it was."""
from __future__ import annotations

import gc
import weakref

import pytest

from hrplan.collector import paused_gc


@pytest.fixture
def collecting():
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_the_collector_waits_in_the_block_and_is_back_on_after_it(collecting):
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_inner_block_leaves_the_collector_paused_for_the_outer_one(collecting):
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off(collecting):
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_an_error_in_the_block_turns_the_collector_back_on(collecting):
    with pytest.raises(ZeroDivisionError):
        with paused_gc():
            1 / 0
    assert gc.isenabled()


def test_a_cycle_left_in_the_block_is_collected_by_the_collector_s_next_pass(collecting):
    class Node:
        pass

    with paused_gc():
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
        keep = [[] for _ in range(10 * gc.get_threshold()[0])]  # would have started a pass, were it not paused
        assert gone() is not None
    keep += [[] for _ in range(10 * gc.get_threshold()[0])]  # no explicit gc.collect(): the collector's own pass
    assert gone() is None
