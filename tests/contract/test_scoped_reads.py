"""The scoped reads of a comparison (GraphStore.agencies_by_id, edges_around; graph/diff/fetch.py) on every
backend: each read as the oracle computes it, and a comparison scoped to any jurisdiction or level read from its
neighbourhood only equals the comparison of the whole snapshots reported for that scope."""

from __future__ import annotations

from typing import Any

from contract import oracle
from contract.contract_support import scenes
from graph.diff.compare import SnapshotData, diff_snapshots, resolve_scope
from graph.diff.fetch import fetch_pair, fetch_scoped
from graph.model import Dataset, RelType
from service import OrgService
from settings import Settings


def test_agencies_by_id_skips_unknown_ids_and_sorts(store: Any, mini_dataset: Dataset) -> None:
    wanted = ["m19-xh-ecology", "nope", "m18-xh-grain", "m19-lg-ecology", "m19-xh-ecology"]
    got = store.agencies_by_id(wanted)
    assert [a.id for a in got] == ["m18-xh-grain", "m19-lg-ecology", "m19-xh-ecology"]
    assert got == oracle.agencies_by_id(mini_dataset, wanted)
    assert store.agencies_by_id([]) == [] and store.agencies_by_id(["nope"]) == []


def test_edges_around_every_agency_and_every_jurisdiction(store: Any, mini_dataset: Dataset) -> None:
    for agency in mini_dataset.agencies:
        assert store.edges_around([agency.id]) == oracle.edges_around(mini_dataset, [agency.id]), agency.id
    for snapshot, jurisdiction in scenes(mini_dataset):
        ids = [a.id for a in oracle.agencies(mini_dataset, snapshot, jurisdiction)]
        got = store.edges_around(ids)
        assert got == oracle.edges_around(mini_dataset, ids), (snapshot, jurisdiction)
        assert len({e.key for e in got}) == len(got)  # a BECAME edge between two of the ids comes once


def test_a_scoped_comparison_equals_the_whole_one_for_every_scope(store: Any, mini_dataset: Dataset) -> None:
    jurisdictions = mini_dataset.jurisdictions
    whole = SnapshotData.from_store(store, "2018"), SnapshotData.from_store(store, "2019")
    scopes = [j.id for j in jurisdictions] + sorted({j.level for j in jurisdictions})
    for scope in scopes:
        ids = resolve_scope(scope, jurisdictions)[1]
        assert ids is not None
        scoped = fetch_scoped(store, "2018", "2019", ids)
        expected = diff_snapshots(*whole, jurisdictions, scope=scope)
        assert diff_snapshots(*scoped, jurisdictions, scope=scope) == expected, scope
        assert diff_snapshots(*fetch_pair(store, "2018", "2019", ids), jurisdictions, scope=scope) == expected


def test_the_service_compares_one_county_from_its_neighbourhood(store: Any, mini_dataset: Dataset) -> None:
    service = OrgService(store, mini_dataset, settings=Settings(backend=store.backend))
    whole = SnapshotData.from_store(store, "2018"), SnapshotData.from_store(store, "2019")
    diff = service.diff("2018", "2019", "xh")
    assert diff == diff_snapshots(*whole, mini_dataset.jurisdictions, scope="xh")
    assert {m.after.id for m in diff.moved} >= {"m19-xh-ecology"}  # the county office now run from the league
    reads = fetch_scoped(store, "2018", "2019", {"xh"})
    assert len(reads[0].agencies) < len(whole[0].agencies) and len(reads[1].agencies) < len(whole[1].agencies)
    assert not any(e.type is RelType.REPORTS_TO and e.start.startswith("m18-xlht") for e in reads[0].edges)
