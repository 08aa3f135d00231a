"""Exports are built from the GraphStore protocol only, so both backends give the same export."""

from __future__ import annotations

import pytest

from exporters import Selection, collect, render
from exporters.diagram import diagram_source
from graph.model import Dataset


def _selections(dataset: Dataset) -> list[Selection]:
    snaps = dataset.snapshot_ids()
    county = dataset.counties()[0].id
    chosen = [Selection(), Selection(snapshots=(snaps[-1],), jurisdiction=county)]
    if len(snaps) > 1:
        chosen.append(Selection(compare=(snaps[0], snaps[-1]), jurisdiction=county))
    return chosen


@pytest.mark.neo4j
def test_neo4j_backend_exports_the_same_as_networkx(
    neo4j_driver: object, mini_dataset: Dataset, mini_store: object
) -> None:
    from graph.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_driver)
    store.load(mini_dataset)
    for selection in _selections(mini_dataset):
        ours = collect(store, mini_dataset, selection)  # type: ignore[arg-type]
        reference = collect(mini_store, mini_dataset, selection)  # type: ignore[arg-type]
        assert ours.agencies == reference.agencies, selection
        assert ours.edges == reference.edges, selection
        for fmt in ("json", "cypher", "graphml"):
            assert render(ours, fmt) == render(reference, fmt), (selection, fmt)
        assert diagram_source(ours).source == diagram_source(reference).source
