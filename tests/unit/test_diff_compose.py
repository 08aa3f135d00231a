"""Composed lineage: a diff from A to C across B follows the composition rules of docs/schema.md."""

from __future__ import annotations

import pytest

from graph.diff.compare import SnapshotDiff, diff_snapshots
from graph.diff.compose import compose_lineage
from tests.unit.diff_builders import World

#: every test here runs on both diff implementations (tests/unit/conftest.py)
pytestmark = pytest.mark.usefixtures("diff_path")

A, B, C = "2018", "2019", "2020"


def composed(w: World) -> SnapshotDiff:
    sides = [w.data(s) for s in (A, B, C)]
    return diff_snapshots(compose_lineage(sides), sides[-1], w.jurisdictions)


def ids(agencies) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(a.id for a in agencies)


def test_established_at_b_and_renamed_at_c_is_established_from_a_to_c() -> None:
    w = World()
    w.add("new-b", B)
    w.add("new-c", C)
    w.became("new-b", "new-c", "renamed")
    w.add("keep-a", A)
    w.add("keep-b", B)
    w.add("keep-c", C)
    w.became("keep-a", "keep-b")
    w.became("keep-b", "keep-c")
    d = composed(w)
    assert ids(d.established) == ["new-c"] and not d.renamed
    assert [(p.before.id, p.after.id) for p in d.continued] == [("keep-a", "keep-c")]


def test_renamed_twice_is_one_rename_from_the_first_name_to_the_last() -> None:
    w = World()
    w.add("a", A, name_zh="环境保护局", name_en="Environmental Protection Bureau")
    w.add("b", B, name_zh="生态环境局", name_en="Ecology and Environment Bureau")
    w.add("c", C, name_zh="生态环境保护局", name_en="Ecology Protection Bureau")
    w.became("a", "b", "renamed")
    w.became("b", "c", "renamed")
    (pair,) = composed(w).renamed
    assert (pair.before.name_zh, pair.after.name_zh) == ("环境保护局", "生态环境保护局")


def test_a_rename_and_its_reversal_is_no_rename() -> None:
    w = World()
    w.add("a", A, name_zh="商务局", name_en="Commerce Bureau")
    w.add("b", B, name_zh="商务和投资促进局", name_en="Commerce and Investment Bureau")
    w.add("c", C, name_zh="商务局", name_en="Commerce Bureau")
    w.became("a", "b", "renamed")
    w.became("b", "c", "renamed")
    d = composed(w)
    assert not d.renamed and [(p.before.id, p.after.id) for p in d.continued] == [("a", "c")]


def test_merged_and_then_continued_is_merged() -> None:
    w = World()
    for source in ("bank", "insurance"):
        w.add(source, A)
        w.became(source, "combined", "merged")
    w.add("combined", B)
    w.add("final", C)
    w.became("combined", "final", "renamed")
    (merge,) = composed(w).merged
    assert (ids(merge.sources), merge.target.id) == (["bank", "insurance"], "final")


def test_abolished_on_the_way_is_abolished_and_continued_twice_is_continued() -> None:
    w = World()
    w.add("gone-a", A)
    w.add("gone-b", B)
    w.became("gone-a", "gone-b")
    d = composed(w)
    assert ids(d.abolished) == ["gone-a"] and not d.continued


def test_split_then_merged_with_another_keeps_both_events() -> None:
    w = World()
    w.add("big", A)
    w.add("other", A)
    w.add("half1", B)
    w.add("half2", B)
    w.add("other-b", B)
    w.became("big", "half1", "split")
    w.became("big", "half2", "split")
    w.became("other", "other-b")
    w.add("joined", C)
    w.add("half2-c", C)
    w.became("half1", "joined", "merged")
    w.became("other-b", "joined", "merged")
    w.became("half2", "half2-c")
    d = composed(w)
    (split,) = d.split
    assert (split.source.id, ids(split.targets)) == ("big", ["half2-c", "joined"])
    (merge,) = d.merged
    assert (ids(merge.sources), merge.target.id) == (["big", "other"], "joined")


def test_a_duty_moved_at_the_second_step_moves_from_the_first_snapshots_ancestor() -> None:
    w = World()
    w.add("dev-a", A)
    w.add("dev-b", B)
    w.add("dev-c", C)
    w.became("dev-a", "dev-b")
    w.became("dev-b", "dev-c")
    w.add("eco-a", A)
    w.add("eco-b", B)
    w.add("eco-c", C)
    w.became("eco-a", "eco-b")
    w.became("eco-b", "eco-c", "renamed")
    w.became("dev-b", "eco-c", "transferred", function="climate_change")
    (transfer,) = composed(w).transferred
    assert (transfer.source.id, transfer.target.id, transfer.function) == ("dev-a", "eco-c", "climate_change")
