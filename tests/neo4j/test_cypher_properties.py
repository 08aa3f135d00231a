"""`keys(x)` and `properties(x)` list only the properties an entity has, on both backends, as the data says.

The embedded mirror gives every table the union of its kind's properties (graph/embedded/mirror.py), so without the
rewrite in graph/embedded/properties.py keys() listed every column and properties() held nulls and the mirror's
endpoint ids. Neo4j's order of keys() is the store's (it differs from node to node), so lists of keys are compared
sorted and never grouped on.

Needs the Neo4j test server (fails in CI without it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from bench.cypher_diff import differential_pair
from graph.errors import UnsupportedCypher
from graph.model import Dataset
from graph.schema import edge_properties, node_properties
from graph.store import GraphStore

#: Queries whose keys() lists are compared sorted (column name → sort it).
_SHAPES: list[tuple[str, set[str]]] = [
    ("MATCH (j:Jurisdiction {dataset: $dataset}) RETURN j.id AS id, keys(j) AS k ORDER BY id", {"k"}),
    (
        "MATCH (a:Agency {dataset: $dataset}) WITH a AS x RETURN x.id AS id, size(keys(x)) AS n, "
        "'agency_class' IN keys(x) AS has_class ORDER BY id",
        set(),
    ),
    (
        "MATCH (a:Agency {dataset: $dataset})-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, keys(r) AS k, "
        "properties(r) AS p ORDER BY a, t, b",
        {"k"},
    ),
    (
        "MATCH p = (a:Agency {dataset: $dataset})-[:REPORTS_TO*1..2]->(b) UNWIND relationships(p) AS r "
        "UNWIND nodes(p) AS n RETURN size(keys(r)) AS kr, size(keys(n)) AS kn, 'mode' IN keys(r) AS m, count(*) AS c",
        set(),
    ),
    ("MATCH (n {dataset: $dataset}) RETURN labels(n) AS l, size(keys(n)) AS k, count(*) AS c", set()),
    (
        "MATCH (a:Agency {dataset: $dataset})-[r]->() RETURN DISTINCT type(r) AS t, properties(r) AS p, "
        "size(keys(r)) AS n",
        set(),
    ),
    (
        "OPTIONAL MATCH (a:Agency {dataset: $dataset, id: 'no such body'}) RETURN keys(a) AS k, properties(a) AS p",
        set(),
    ),
    (
        "MATCH (a:Agency {dataset: $dataset}) WHERE properties(a).note IS NOT NULL "
        "RETURN a.id AS id, [properties(a)] AS listed, properties(a).agency_quota AS quota ORDER BY id",
        set(),
    ),
]


@pytest.fixture(scope="module")
def pair(neo4j_driver: Any, mini_dataset: Dataset) -> Iterator[differential_pair]:
    """The mini dataset on both backends, once for the module (loading into Neo4j takes seconds)."""
    with differential_pair(mini_dataset, neo4j_driver, prefix="props") as loaded:
        yield loaded


def _rows(store: GraphStore, text: str, params: dict[str, Any], sort: set[str]) -> list[dict[str, Any]]:
    rows = store.run_cypher(text, params).rows
    return [{c: sorted(v) if c in sort and isinstance(v, list) else v for c, v in row.items()} for row in rows]


def _multiset(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows)


@pytest.mark.neo4j
def test_keys_and_properties_name_only_what_an_entity_has(pair: differential_pair, mini_dataset: Dataset) -> None:
    params = {"dataset": pair.dataset_id}
    text = "MATCH (a:Agency {dataset: $dataset}) RETURN a.id AS id, properties(a) AS p, keys(a) AS k"
    expected = {a.id: node_properties(a, pair.dataset_id) for a in mini_dataset.agencies}
    every_node_property = set().union(*(node_properties(j, pair.dataset_id) for j in mini_dataset.jurisdictions))
    assert all(every_node_property - set(p) for p in expected.values())  # each lacks some property of the mirror's
    for store in (pair.embedded, pair.neo4j):
        rows = store.run_cypher(text, params).rows
        assert {r["id"]: r["p"] for r in rows} == expected, store.backend
        assert {r["id"]: sorted(r["k"]) for r in rows} == {i: sorted(p) for i, p in expected.items()}
    text = "MATCH (a:Agency {dataset: $dataset})-[r:BECAME]->(b) RETURN a.id AS a, b.id AS b, properties(r) AS p"
    became = {(e.start, e.end): edge_properties(e) for e in mini_dataset.edges if e.type.value == "BECAME"}
    assert became
    for store in (pair.embedded, pair.neo4j):
        assert {(r["a"], r["b"]): r["p"] for r in store.run_cypher(text, params).rows} == became, store.backend


@pytest.mark.neo4j
@pytest.mark.parametrize(("text", "sort"), _SHAPES, ids=[f"shape{i}" for i in range(len(_SHAPES))])
def test_keys_and_properties_in_expressions_answer_as_on_neo4j(
    pair: differential_pair, text: str, sort: set[str]
) -> None:
    params = {"dataset": pair.dataset_id}
    mine, theirs = (_rows(store, text, params, sort) for store in (pair.embedded, pair.neo4j))
    assert theirs, text  # the shape finds something, so agreeing means something
    if "ORDER BY" in text:
        assert mine == theirs
    else:
        assert _multiset(mine) == _multiset(theirs)


@pytest.mark.neo4j
def test_keys_of_anything_but_a_pattern_variable_is_refused_on_the_embedded_engine(pair: differential_pair) -> None:
    text = "MATCH (a:Agency {dataset: $dataset}) WITH collect(a) AS all UNWIND all AS x RETURN keys(x) AS k LIMIT 1"
    params = {"dataset": pair.dataset_id}
    assert pair.neo4j.run_cypher(text, params).rows  # Neo4j answers it
    with pytest.raises(UnsupportedCypher, match="keys"):
        pair.embedded.run_cypher(text, params)
