"""The columnar diff (graph/diff/columns.py, vector.py) is the one large snapshots get, is built once per kept
snapshot, and gives the object diff's answer (every diff test runs on both paths: tests/unit/conftest.py)."""

from __future__ import annotations

import gc

import numpy as np
import pytest

from bench.synthetic import make_synthetic
from graph.diff import compare, vector
from graph.diff.compare import SnapshotData, diff_snapshots
from graph.embedded.store import NetworkxStore
from graph.model import Dataset
from service import OrgService


@pytest.fixture(scope="module")
def large() -> tuple[Dataset, NetworkxStore]:
    dataset = make_synthetic(2 * compare.COLUMNAR_FROM, seed=5)
    store = NetworkxStore()
    store.load(dataset)
    return dataset, store


def _sides(dataset: Dataset, store: NetworkxStore) -> tuple[SnapshotData, SnapshotData]:
    snapshots = dataset.snapshot_ids()
    return SnapshotData.from_store(store, snapshots[0]), SnapshotData.from_store(store, snapshots[-1])


def test_large_snapshots_are_diffed_over_columns_built_once(large: tuple[Dataset, NetworkxStore]) -> None:
    dataset, store = large
    before, after = _sides(dataset, store)
    first = diff_snapshots(before, after, dataset.jurisdictions)
    assert before._columns and after._columns  # built by the diff
    built = before.columns()
    assert len(built) == len(before.agencies)
    again = diff_snapshots(before, after, dataset.jurisdictions)
    assert before.columns() is built
    assert again == first and first.continued and first.merged and first.reporting


def test_small_snapshots_are_diffed_object_at_a_time(mini_dataset: Dataset) -> None:
    store = NetworkxStore()
    store.load(mini_dataset)
    before, after = _sides(mini_dataset, store)
    diff_snapshots(before, after, mini_dataset.jurisdictions)
    assert not before._columns and not after._columns


def test_columns_hold_each_agency_and_its_single_line(large: tuple[Dataset, NetworkxStore]) -> None:
    dataset, store = large
    before, _ = _sides(dataset, store)
    columns = before.columns()
    ids = [a.id for a in columns.agencies]
    assert ids == sorted(ids) and columns.row == {i: n for n, i in enumerate(ids)}
    for agency in columns.agencies[:500]:
        row = columns.row[agency.id]
        lines = [e for e in before.edges if e.type.value == "REPORTS_TO" and e.start == agency.id]
        lines = [e for e in lines if e.end in columns.row]
        expected = -1 if not lines else columns.row[lines[0].end] if len(lines) == 1 else -2
        assert columns.report_to[row] == expected, agency.id
        assert columns.places[columns.place[row]] == agency.jurisdiction
        assert bool(columns.quota[row]) is agency.counts_toward_quota
        assert (columns.reports.get(agency.id) or []) == lines


def test_the_resolved_lineage_is_dropped_with_the_columns(large: tuple[Dataset, NetworkxStore]) -> None:
    dataset, store = large
    gc.collect()
    kept_before = len(vector._RESOLVED)
    before, after = _sides(dataset, store)
    diff_snapshots(before, after, dataset.jurisdictions)
    assert len(vector._RESOLVED) == kept_before + 1
    del before, after
    gc.collect()
    assert len(vector._RESOLVED) == kept_before


def test_the_service_keeps_the_whole_snapshots_it_diffs(large: tuple[Dataset, NetworkxStore]) -> None:
    dataset, store = large
    service = OrgService(store, dataset)
    first = service.diff()
    kept = dict(service._snapshots)
    assert set(kept) == {dataset.snapshot_ids()[0], dataset.snapshot_ids()[-1]}
    assert all(data._columns for data in kept.values())  # the columns were built once, with the kept data
    assert service.diff() == first and all(service._snapshots[k] is v for k, v in kept.items())


def test_a_scope_counts_only_its_jurisdictions(large: tuple[Dataset, NetworkxStore]) -> None:
    dataset, store = large
    before, after = _sides(dataset, store)
    county = dataset.bottom_jurisdictions()[2].id
    diff = diff_snapshots(before, after, dataset.jurisdictions, scope=county)
    assert {row.jurisdiction for row in diff.counts} == {county}
    quota = next(row for row in diff.counts if row.category is None)
    counted = np.count_nonzero([a.counts_toward_quota and a.jurisdiction == county for a in before.columns().agencies])
    assert quota.before == counted
