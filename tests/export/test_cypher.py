"""The Cypher script recreates the selection in a real Neo4j: same counts per label and relationship type,
same properties (hostile names included). It runs under a dataset id unique to the test and deletes it."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from exporters import Selection, collect
from exporters.cypher import cypher_literal, to_cypher
from exporters.data import to_networkx
from graph.model import Dataset

pytestmark = pytest.mark.neo4j


def statements(script: str) -> list[str]:
    """One statement per line; comment lines start with //."""
    return [line for line in script.splitlines() if line.strip() and not line.startswith("//")]


@pytest.fixture
def scratch_dataset(neo4j_driver: Any) -> Iterator[str]:
    dataset_id = f"export-test-{uuid.uuid4().hex[:12]}"
    yield dataset_id
    neo4j_driver.execute_query("MATCH (n {dataset: $d}) DETACH DELETE n", {"d": dataset_id})


def _run_script(driver: Any, script: str) -> None:
    with driver.session() as session:
        for statement in statements(script):
            session.run(statement).consume()


@pytest.mark.parametrize(
    "selection", [Selection(), Selection(compare=("2018", "2019"), jurisdiction="xh")], ids=["whole", "compare-xh"]
)
def test_script_recreates_the_selection_in_neo4j(
    neo4j_driver: Any, scratch_dataset: str, changes: Dataset, changes_store: object, selection: Selection
) -> None:
    graph = collect(changes_store, changes, selection)  # type: ignore[arg-type]
    _run_script(neo4j_driver, to_cypher(graph, dataset_id=scratch_dataset))
    expected = to_networkx(graph, dataset_id=scratch_dataset)

    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n {dataset: $d}) RETURN labels(n) AS labels, properties(n) AS props", {"d": scratch_dataset}
    )
    assert Counter(r["labels"][0] for r in records) == Counter(d["kind"] for _, d in expected.nodes(data=True))
    assert all(len(r["labels"]) == 1 for r in records)
    got_nodes = {r["props"]["id"]: r["props"] for r in records}
    for node, data in expected.nodes(data=True):
        want = {k: v for k, v in data.items() if k not in ("kind", "label")}
        assert got_nodes[node] == want, node

    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a {dataset: $d})-[r]->(b {dataset: $d}) RETURN a.id AS a, b.id AS b, type(r) AS t, "
        "properties(r) AS props",
        {"d": scratch_dataset},
    )
    got_edges = Counter((r["a"], r["b"], r["t"], tuple(sorted(r["props"].items()))) for r in records)
    want_edges = Counter(
        (u, v, d["type"], tuple(sorted((k, x) for k, x in d.items() if k not in ("type", "label"))))
        for u, v, d in expected.edges(data=True)
    )
    assert got_edges == want_edges
    assert all(r["props"]["basis"] and r["props"]["source"] for r in records)


def test_literals_survive_neo4j_exactly(neo4j_driver: Any) -> None:
    """Quotes, backslashes, control characters, Chinese and emoji read back unchanged."""
    nasty = '旗委\'s "office" \\N \\u0041 \n\r\t\b\f \x01 \x7f \u2028 🐎 <img src=x onerror=alert(1)>'
    records, _, _ = neo4j_driver.execute_query(
        f"RETURN {cypher_literal(nasty)} AS s, {cypher_literal(True)} AS b, {cypher_literal(24)} AS i"
    )
    assert (records[0]["s"], records[0]["b"], records[0]["i"]) == (nasty, True, 24)


def test_script_is_one_statement_per_line_with_a_header(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection())  # type: ignore[arg-type]
    script = to_cypher(graph)
    lines = script.splitlines()
    assert lines[0].startswith("// orgraph export:")
    body = statements(script)
    assert all(s.endswith(";") for s in body)
    expected = to_networkx(graph)
    assert sum(s.startswith("MATCH") for s in body) == expected.number_of_edges()
    assert sum(s.count("(:") for s in body if s.startswith("CREATE")) == expected.number_of_nodes()
