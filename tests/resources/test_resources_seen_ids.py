"""The store of ids a paginator has handed out: marks in a bytearray for v4's small int ids, else a set."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ninja_async.seen_ids import SeenIds


class SetOfIds:
    """What the store must behave like: a plain set, noting a batch only when none of it repeats."""

    def __init__(self) -> None:
        self.seen: set[Any] = set()

    def add_all(self, ids: list[Any]) -> bool:
        if len(set(ids)) != len(ids) or not self.seen.isdisjoint(ids):
            return False
        self.seen.update(ids)
        return True


def test_a_batch_is_noted_only_when_nothing_in_it_repeats() -> None:
    seen = SeenIds()
    assert seen.add_all([3, 1, 2])
    assert not seen.add_all([4, 2, 5])  # 2 came before: nothing of this batch is noted
    assert seen.add_all([4, 5])
    assert not seen.add_all([6, 7, 6])  # repeats within itself
    assert seen.add_all([6, 7])
    assert seen.add_all([])
    assert (seen.add(8), seen.add(8)) == (True, False)


def test_small_int_ids_stay_marks() -> None:
    seen = SeenIds()
    assert seen.add_all(list(range(20_000, 0, -1)))
    assert seen._marks is not None
    assert len(seen._marks) <= 2 * 20_001  # a byte per id up to the largest (grown by doubling)
    assert not seen.add(20_000)


@pytest.mark.parametrize(
    "odd",
    [-1, 1.5, "A-1", None, 10**12, (1, 2)],
    ids=["negative", "float", "string", "null", "far past the others", "tuple"],
)
def test_an_id_the_marks_cannot_hold_moves_them_to_a_set(odd: Any) -> None:
    seen = SeenIds()
    assert seen.add_all([1, 2])
    assert seen.add_all([3, odd])
    assert seen._marks is None
    assert not seen.add(odd)
    assert [seen.add(key) for key in (1, 2, 3, 4)] == [False, False, False, True]


def test_a_failed_batch_leaves_no_marks_behind_when_the_store_moves_to_a_set() -> None:
    seen = SeenIds()
    assert seen.add_all([5, 6, 7.5])  # 5 and 6 are marked before 7.5 fails to index
    assert seen.add_all([8, "x"])
    assert [seen.add(key) for key in (5, 6, 7.5, 8, "x", 9)] == [False, False, False, False, False, True]


def test_an_unhashable_id_is_not_a_repeat_and_breaks_nothing() -> None:
    seen = SeenIds()
    assert seen.add_all([1])
    assert not seen.add_all([[2]])  # cannot be noted: the paginator goes item by item and keeps that row
    assert seen.add(2)


def test_ids_equal_as_values_are_the_same_id_as_in_a_set() -> None:
    seen = SeenIds()
    assert seen.add_all([1, 2])
    assert not seen.add(True)  # True == 1, as a set sees it
    assert not seen.add(2.0)  # and 2.0 == 2 (this one moves the store to a set)
    assert seen._marks is None


ids = st.one_of(
    st.integers(min_value=0, max_value=300),
    st.integers(min_value=-5, max_value=2_000_000),
    st.booleans(),
    st.floats(min_value=-2, max_value=300, allow_nan=False),
    st.sampled_from(["a", "b"]),
    st.none(),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(ids, max_size=6), max_size=12))
def test_behaves_as_a_set_whatever_the_ids(batches: list[list[Any]]) -> None:
    seen, expected = SeenIds(), SetOfIds()
    for batch in batches:
        assert seen.add_all(batch) == expected.add_all(batch), batch
    for key in {repr(k): k for batch in batches for k in batch}.values():
        assert seen.add(key) == expected.add_all([key]), key
