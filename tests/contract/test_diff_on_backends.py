"""Both backends feed the diff the same data: a diff read from a store equals the pure diff of the loaded Dataset,
for the whole dataset and scoped to one jurisdiction."""

from __future__ import annotations

from typing import Any

import pytest

from graph.diff import compare
from graph.diff.compare import SnapshotData, diff_snapshots
from graph.diff.model import SnapshotDiff
from graph.diff.report import diff_to_dict
from graph.model import Dataset


def pure_diff(dataset: Dataset, before: str, after: str, scope: str | None) -> SnapshotDiff:
    return diff_snapshots(
        SnapshotData.from_dataset(dataset, before),
        SnapshotData.from_dataset(dataset, after),
        dataset.jurisdictions,
        scope=scope,
    )


def store_diff(store: Any, dataset: Dataset, before: str, after: str, scope: str | None) -> SnapshotDiff:
    return diff_snapshots(
        SnapshotData.from_store(store, before),
        SnapshotData.from_store(store, after),
        dataset.jurisdictions,
        scope=scope,
    )


@pytest.mark.parametrize("scope", [None, "league", "xh", "锡林浩特市"])
def test_mini_store_diff_equals_the_pure_diff(store: object, mini_dataset: Dataset, scope: str | None) -> None:
    """`store` covers networkx, the compiled cache and Neo4j."""
    assert diff_to_dict(store_diff(store, mini_dataset, "2018", "2019", scope)) == diff_to_dict(
        pure_diff(mini_dataset, "2018", "2019", scope)
    )


@pytest.mark.parametrize("scope", [None, "league", "镶黄旗"])
def test_xilingol_store_diff_equals_the_pure_diff(
    make_store: Any, store_kind: str, xilingol_dataset: Dataset, scope: str | None
) -> None:
    store = make_store(store_kind)
    store.load(xilingol_dataset)
    assert diff_to_dict(store_diff(store, xilingol_dataset, "2018", "2019", scope)) == diff_to_dict(
        pure_diff(xilingol_dataset, "2018", "2019", scope)
    )


@pytest.mark.parametrize("scope", [None, "镶黄旗"])
def test_xilingol_store_diff_over_columns_equals_the_pure_object_diff(
    make_store: Any, store_kind: str, xilingol_dataset: Dataset, scope: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a store reads, diffed over columns (the path of large snapshots), against the object diff of the
    Dataset: the columns are built from what each backend gives."""
    store = make_store(store_kind)
    store.load(xilingol_dataset)
    monkeypatch.setattr(compare, "COLUMNAR_FROM", 0)
    over_columns = store_diff(store, xilingol_dataset, "2018", "2019", scope)
    monkeypatch.setattr(compare, "COLUMNAR_FROM", 2**62)
    assert diff_to_dict(over_columns) == diff_to_dict(pure_diff(xilingol_dataset, "2018", "2019", scope))
