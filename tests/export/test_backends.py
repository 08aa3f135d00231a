"""Exports are built from the GraphStore protocol only, so both backends give the same export."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

import pytest

from exporters import Selection, collect, render
from exporters.diagram import diagram_source
from graph.filters import ViewFilter
from graph.model import Dataset


def _selections(dataset: Dataset) -> list[Selection]:
    snaps = dataset.snapshot_ids()
    county = dataset.bottom_jurisdictions()[0].id
    chosen = [Selection(), Selection(snapshots=(snaps[-1],), jurisdiction=county)]
    if len(snaps) > 1:
        chosen.append(Selection(compare=(snaps[0], snaps[-1]), jurisdiction=county))
    agency = dataset.agencies_in(snaps[-1], county)[0].id
    chosen.append(Selection(agency=agency, depth=2))
    deep = max(dataset.agencies_in(snaps[-1], county), key=lambda a: a.id).id
    chosen.append(Selection(agency=deep, depth=1, chain=True, view=ViewFilter.of(["party", "government"])))
    chosen.append(Selection(snapshots=(snaps[-1],), jurisdiction=county, view=ViewFilter.of((), ["leads", "guides"])))
    return chosen


@pytest.mark.neo4j
def test_neo4j_backend_exports_the_same_as_networkx(neo4j_driver: Any, mini_dataset: Dataset) -> None:
    """Under a dataset id of its own, so a concurrent load of the mini dataset cannot change what it reads."""
    from graph.embedded.store import NetworkxStore
    from graph.neo4j.store import Neo4jStore

    dataset = replace(mini_dataset, id=f"export-parity-{uuid.uuid4().hex[:10]}")
    neo4j, reference = Neo4jStore(neo4j_driver), NetworkxStore()
    reference.load(dataset)
    neo4j.load(dataset)
    try:
        for selection in _selections(dataset):
            ours = collect(neo4j, dataset, selection)
            theirs = collect(reference, dataset, selection)
            assert ours.agencies == theirs.agencies, selection
            assert ours.edges == theirs.edges, selection
            assert ours.changes == theirs.changes, selection
            for fmt in ("json", "cypher", "graphml"):
                assert render(ours, fmt) == render(theirs, fmt), (selection, fmt)
            assert diagram_source(ours).source == diagram_source(theirs).source
    finally:
        neo4j_driver.execute_query("MATCH (n {dataset: $d}) DETACH DELETE n", {"d": dataset.id})
