"""Parity: the mini dataset loaded into both backends gives equal answers to every method for every agency,
snapshot and jurisdiction. Under a dataset id of its own, so concurrent loads of `mini` cannot change what it reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from contract.contract_support import renamed, scenes, unique_id
from graph.errors import NotFound
from graph.model import Dataset

MakeStore = Callable[[str], Any]


@pytest.fixture
def both(make_store: MakeStore, mini_dataset: Dataset) -> tuple[Any, Any, Dataset]:
    dataset = renamed(mini_dataset, unique_id("parity"))
    networkx, neo4j = make_store("networkx"), make_store("neo4j")
    reports = [networkx.load(dataset), neo4j.load(dataset)]
    assert reports[0].nodes == reports[1].nodes and reports[0].relationships == reports[1].relationships
    return networkx, neo4j, dataset


def _same(networkx: Any, neo4j: Any, method: str, *args: Any, **kwargs: Any) -> Any:
    ours, theirs = getattr(networkx, method)(*args, **kwargs), getattr(neo4j, method)(*args, **kwargs)
    assert isinstance(ours, list) == isinstance(theirs, list)
    assert ours == theirs, (method, args, kwargs)
    return ours


@pytest.mark.neo4j
def test_every_method_agrees_for_every_agency(both: tuple[Any, Any, Dataset]) -> None:
    networkx, neo4j, dataset = both
    non_empty: dict[str, int] = {}
    for snapshot, jurisdiction in scenes(dataset):
        for method in ("agencies", "edges"):
            non_empty[method] = non_empty.get(method, 0) + bool(
                _same(networkx, neo4j, method, snapshot, jurisdiction=jurisdiction)
            )
    for agency in dataset.agencies:
        assert _same(networkx, neo4j, "agency", agency.id) == agency
        for method in ("reporting_chain", "lineage"):
            non_empty[method] = non_empty.get(method, 0) + bool(_same(networkx, neo4j, method, agency.id))
        for depth in (1, 2, 3, 5):
            non_empty["subordinates"] = non_empty.get("subordinates", 0) + bool(
                _same(networkx, neo4j, "subordinates", agency.id, depth=depth)
            )
    # the comparison is not of empty lists: every method answered with something many times
    assert all(count >= 5 for count in non_empty.values()), non_empty


@pytest.mark.neo4j
@pytest.mark.parametrize("method", ["agency", "reporting_chain", "subordinates", "lineage"])
def test_both_refuse_an_unknown_agency_alike(both: tuple[Any, Any, Dataset], method: str) -> None:
    for store in both[:2]:
        with pytest.raises(NotFound, match="m19-nowhere"):
            getattr(store, method)("m19-nowhere")


@pytest.mark.neo4j
def test_cypher_rows_agree(both: tuple[Any, Any, Dataset]) -> None:
    networkx, neo4j, _ = both
    query = (
        "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency) WHERE a.dataset = $dataset "
        "RETURN a.id AS id, r.mode AS mode, b.id AS up, a.counts_toward_quota AS counted ORDER BY id, up"
    )
    ours, theirs = networkx.run_cypher(query), neo4j.run_cypher(query)
    assert ours.columns == theirs.columns and ours.rows == theirs.rows
    assert len(ours.rows) == 49
