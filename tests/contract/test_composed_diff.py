"""A comparison across an intermediate snapshot composes the lineage, with the same answer on both backends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from graph.model import Snapshot, SnapshotRole
from service import OrgService
from settings import Settings
from tests.unit.diff_builders import XH, World

MakeStore = Callable[[str], Any]
A, B, C = "2018", "2019", "2020"


def ids(agencies) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(a.id for a in agencies)


def test_the_service_composes_across_snapshots_on_both_backends(store_kind: str, make_store: MakeStore) -> None:
    """service.diff(A, C) composes through B on each backend; A to B alone is the plain diff."""
    w = World()
    w.add("a", A, XH, name_zh="扶贫开发办公室", name_en="Poverty Alleviation Office")
    w.add("b", B, XH, name_zh="乡村振兴局", name_en="Rural Revitalization Bureau")
    w.add("farm-b", B, XH)
    w.add("farm-c", C, XH)
    w.became("a", "b", "renamed")
    w.became("b", "farm-c", "merged")
    w.became("farm-b", "farm-c", "merged")
    three = (
        Snapshot(A, "2018-12-31", SnapshotRole.BEFORE),
        Snapshot(B, "2019-12-31", SnapshotRole.OTHER),
        Snapshot(C, "2020-12-31", SnapshotRole.AFTER),
    )
    dataset = replace(w.dataset(f"compose-{store_kind}"), snapshots=three)
    store = make_store(store_kind)
    store.load(dataset)
    service = OrgService(store, dataset, settings=Settings(backend=store_kind))
    (merge,) = service.diff(A, C).merged
    assert (ids(merge.sources), merge.target.id) == (["a"], "farm-c")  # the office ended up merged
    assert ids(service.diff(A, C).established) == []
    assert [(p.before.id, p.after.id) for p in service.diff(A, B).renamed] == [("a", "b")]
