"""Deferred: a tuple worked out the first time it is read."""

from __future__ import annotations

import pickle
import threading

import attrs
from hypothesis import given
from hypothesis import strategies as st

from newslens import Document, Entity
from newslens.annotators.lite import LiteAnnotator
from newslens.model import Deferred


@given(st.lists(st.integers()), st.integers(-5, 5), st.integers(-5, 5))
def test_reads_like_its_tuple_and_computes_once(items: list[int], i: int, j: int) -> None:
    calls = []

    def compute() -> list[int]:
        calls.append(1)
        return items

    deferred = Deferred(compute)
    assert not deferred.computed and calls == []
    expected = tuple(items)
    assert deferred == expected and expected == deferred
    assert len(deferred) == len(expected) and list(deferred) == items
    assert deferred[i:j] == expected[i:j]
    if -len(items) <= i < len(items):
        assert deferred[i] == expected[i]
    assert hash(deferred) == hash(expected)
    assert deferred == Deferred(lambda: items)
    assert calls == [1]
    assert pickle.loads(pickle.dumps(deferred)) == expected


def test_unequal_to_other_things_and_repr_says_what_it_knows() -> None:
    deferred = Deferred(lambda: [1, 2])
    assert repr(deferred) == "Deferred(<not yet computed>)"
    assert deferred != (1, 3) and deferred != [1, 2] and deferred != "12"
    assert repr(deferred) == "Deferred((1, 2))"


def test_threads_reading_at_once_all_see_the_items() -> None:
    barrier = threading.Barrier(8)

    def slow() -> list[int]:
        return list(range(10_000))

    deferred = Deferred(slow)
    seen: list[int] = []

    def read() -> None:
        barrier.wait()
        seen.append(len(deferred))

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [10_000] * 8


def test_lite_names_are_deferred_and_a_document_survives_pickling() -> None:
    doc = LiteAnnotator().annotate(Document.create("Ana Ruiz met Tom Lee in Oslo on Monday."))
    assert isinstance(doc.entities, Deferred) and not doc.entities.computed
    copy = pickle.loads(pickle.dumps(doc))
    assert [e.text for e in copy.entities] == ["Ana Ruiz", "Tom Lee", "Oslo"]
    assert copy == doc
    names = [Entity(e.start, e.end, e.label, e.text) for e in doc.entities]
    eager = attrs.evolve(doc, entities=names)
    assert eager == doc and isinstance(eager.entities, tuple)
