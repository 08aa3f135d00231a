"""A comparison scoped to one jurisdiction reads that jurisdiction's neighbourhood only (graph/diff/fetch.py) and
answers exactly as the comparison of the whole snapshots reported for it: on data/xilingol and a synthetic dataset
with merges, splits, transfers and a county office moved under the league, for every jurisdiction and level."""

from __future__ import annotations

import pytest
from paths import XILINGOL

from bench.synthetic import make_synthetic
from graph.diff.compare import SnapshotData, diff_snapshots, resolve_scope
from graph.diff.fetch import fetch_scoped
from graph.embedded.store import NetworkxStore
from graph.model import Dataset
from loaders import load_dataset

#: every test here runs on both diff implementations (tests/unit/conftest.py)
pytestmark = pytest.mark.usefixtures("diff_path")


@pytest.mark.parametrize("source", ["xilingol", "synthetic"])
def test_every_scope_read_from_its_neighbourhood_equals_the_whole_comparison(source: str) -> None:
    dataset: Dataset = load_dataset(XILINGOL) if source == "xilingol" else make_synthetic(3000, seed=3)
    store = NetworkxStore()
    store.load(dataset)
    before, after = dataset.snapshot_ids()[0], dataset.snapshot_ids()[-1]
    whole = SnapshotData.from_store(store, before), SnapshotData.from_store(store, after)
    jurisdictions = dataset.jurisdictions
    scopes = [j.id for j in jurisdictions] + sorted({j.level for j in jurisdictions})
    smaller = 0
    for scope in scopes:
        ids = resolve_scope(scope, jurisdictions)[1]
        assert ids is not None
        scoped = fetch_scoped(store, before, after, ids)
        smaller += len(scoped[0].agencies) * 4 < len(whole[0].agencies)
        assert diff_snapshots(*scoped, jurisdictions, scope=scope) == diff_snapshots(
            *whole, jurisdictions, scope=scope
        ), scope
    counties = [j for j in jurisdictions if j.level == "county"]
    assert smaller >= len(counties) >= 2  # every county reads under a quarter of a snapshot
