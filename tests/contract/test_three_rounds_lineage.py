"""tests/data/three-rounds on both backends: a comparison across the middle snapshot follows each composition rule
of docs/schema.md ("Comparing across several snapshots"), and each step alone is the plain diff (the README's
table). The expected ids are the README's, not computed by the code under test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from paths import TESTS

from graph.diff.model import SnapshotDiff
from loaders import load_dataset
from service import OrgService
from settings import Settings

THREE_ROUNDS = TESTS / "data" / "three-rounds"
A, B, C = "2017", "2019", "2024"
PARTY_GOV = {f"{j}-{k}" for j in ("yl", "dh", "xs") for k in ("party", "gov")}


@pytest.fixture()
def service(store_kind: str, make_store: Callable[[str], Any]) -> Iterator[OrgService]:
    dataset = load_dataset(THREE_ROUNDS)
    store = make_store(store_kind)
    store.load(dataset)
    yield OrgService(store, dataset, settings=Settings(backend=store_kind))


def key(agency_id: str) -> str:
    """'24-yl-env' -> 'yl-env' (the README's keys)."""
    return agency_id.split("-", 1)[1]


def summary(diff: SnapshotDiff) -> dict[str, Any]:
    return {
        "established": sorted(a.id for a in diff.established),
        "abolished": sorted(a.id for a in diff.abolished),
        "merged": sorted((m.target.id, tuple(a.id for a in m.sources)) for m in diff.merged),
        "split": sorted((s.source.id, tuple(a.id for a in s.targets)) for s in diff.split),
        "renamed": sorted((p.before.id, p.after.id) for p in diff.renamed),
        "continued": sorted(key(p.after.id) for p in diff.continued),
        "transferred": sorted((t.source.id, t.target.id, t.function) for t in diff.transferred),
    }


def test_across_the_middle_snapshot_each_composition_rule_holds(service: OrgService) -> None:
    got = summary(service.diff(A, C))
    # established at B, renamed at C: established (no A ancestor)
    assert got["established"] == ["24-yl-data"]
    # renamed twice: one rename from A's name to C's; renamed and back: continued
    assert got["renamed"] == [("17-yl-env", "24-yl-env")]
    (env,) = service.diff(A, C).renamed
    assert (env.before.name_zh, env.after.name_zh) == ("云岭市环境保护局", "云岭市生态环境和气候局")
    # continued twice, and the rename back to the first name
    assert got["continued"] == sorted(PARTY_GOV | {"yl-united", "yl-culture", "dh-civil"})
    # merged then continued, merged then renamed: merged; split then half merged: split and merged
    assert got["merged"] == [
        ("24-dh-emergency", ("17-dh-quake", "17-dh-safety")),
        ("24-xs-culture", ("17-xs-culture", "17-xs-tourism")),
        ("24-yl-forestgrass", ("17-yl-land",)),
    ]
    assert got["split"] == [("17-yl-land", ("24-yl-forestgrass", "24-yl-nr"))]
    # abolished at B, abolished at C (continued first), abolished with its duty transferred
    assert got["abolished"] == ["17-xs-forestry", "17-xs-grain", "17-yl-religion"]
    # a duty transferred at B: from every A ancestor of its source to every C descendant of its target
    assert got["transferred"] == [("17-yl-religion", "24-yl-united", "religious_affairs")]


def test_each_step_alone_is_the_plain_diff(service: OrgService) -> None:
    first, second = summary(service.diff(A, B)), summary(service.diff(B, C))
    assert first["established"] == ["19-yl-data", "19-yl-grass"]
    assert first["abolished"] == ["17-xs-grain", "17-yl-religion"]
    assert first["renamed"] == [("17-yl-culture", "19-yl-culture"), ("17-yl-env", "19-yl-env")]
    assert first["split"] == [("17-yl-land", ("19-yl-forest", "19-yl-nr"))]
    assert [m for m, _ in first["merged"]] == ["19-dh-emergency", "19-xs-culture"]
    assert first["continued"] == sorted(PARTY_GOV | {"yl-united", "dh-civil", "xs-forestry"})
    assert first["transferred"] == [("17-yl-religion", "19-yl-united", "religious_affairs")]
    assert second["established"] == [] and second["abolished"] == ["19-xs-forestry"]
    assert second["merged"] == [("24-yl-forestgrass", ("19-yl-forest", "19-yl-grass"))]
    assert [key(b) for b, _ in second["renamed"]] == ["xs-culture", "yl-culture", "yl-data", "yl-env"]
    assert second["continued"] == sorted(PARTY_GOV | {"yl-united", "yl-nr", "dh-emergency", "dh-civil"})


def test_a_scoped_composed_diff_keeps_to_its_jurisdiction(service: OrgService) -> None:
    scoped = summary(service.diff(A, C, "xs"))
    assert scoped["abolished"] == ["17-xs-forestry", "17-xs-grain"]
    assert scoped["merged"] == [("24-xs-culture", ("17-xs-culture", "17-xs-tourism"))]
    assert scoped["established"] == [] and scoped["renamed"] == []
    district_level = summary(service.diff(A, C, "district"))  # a level id: every district
    assert [m for m, _ in district_level["merged"]] == ["24-dh-emergency", "24-xs-culture"]
