"""Ad-hoc Cypher on a real Neo4j server: read-only guard, timeout, row cap, errors, and what rows look like."""

from __future__ import annotations

import time
from typing import Any

import pytest

from graph.errors import (
    BackendUnavailable,
    CypherSyntaxError,
    CypherTimeout,
    WriteRefused,
)
from graph.neo4j.store import Neo4jStore, connect_driver
from tests.neo4j import builders
from tests.neo4j.builders import (
    small_dataset,
    unique_id,
)

make_store = builders.make_store  # the fixture: pytest finds it under this name


@pytest.fixture
def loaded(make_store) -> Neo4jStore:
    store = make_store()
    store.load(small_dataset(unique_id(), agencies=6))
    return store


WRITES = [
    "CREATE (:OrgraphProbe {at: 1})",
    "MERGE (:OrgraphProbe {at: 2})",
    "MATCH (a:Agency {dataset: $dataset}) SET a.name_zh = 'changed'",
    "MATCH (a:Agency {dataset: $dataset}) DETACH DELETE a",
    "MATCH (a:Agency {dataset: $dataset}) REMOVE a:Agency",
    (
        "MATCH (a:Agency {dataset: $dataset}) RETURN a.id AS id UNION MATCH (b:Agency {dataset: $dataset}) "
        "DETACH DELETE b RETURN b.id AS id"
    ),
    "CALL db.createLabel('OrgraphProbe')",
    "LOAD CSV FROM 'file:///agencies.csv' AS row RETURN row",
    "CREATE INDEX orgraph_probe FOR (n:OrgraphProbe) ON (n.at)",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW USERS",
    "CREATE USER orgraph_probe SET PASSWORD 'probe-password'",
]


@pytest.mark.parametrize("query", WRITES)
def test_writes_and_side_effects_are_refused(loaded: Neo4jStore, neo4j_driver: Any, query: str) -> None:
    before = loaded.agencies("2019")
    with pytest.raises(WriteRefused):
        loaded.run_cypher(query)
    assert loaded.agencies("2019") == before
    records, _, _ = neo4j_driver.execute_query("MATCH (n:OrgraphProbe) RETURN count(n) AS n")
    assert records[0]["n"] == 0


def test_runaway_query_stops_at_the_timeout(loaded: Neo4jStore) -> None:
    started = time.monotonic()
    with pytest.raises(CypherTimeout, match="0.5 s"):
        loaded.run_cypher(
            "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n",
            timeout_s=0.5,
        )
    assert time.monotonic() - started < 15


def test_row_cap_sets_truncated(loaded: Neo4jStore) -> None:
    query = "MATCH (a:Agency {dataset: $dataset, snapshot: '2019'}) RETURN a.id AS id ORDER BY id"
    capped = loaded.run_cypher(query, row_cap=4)
    assert [r["id"] for r in capped.rows] == [
        "a1",
        "a2",
        "a3",
        "a4",
    ] and capped.truncated
    exact = loaded.run_cypher(query, row_cap=6)
    assert len(exact.rows) == 6 and not exact.truncated
    assert exact.columns == ["id"] and exact.backend == "neo4j"


def test_syntax_error_carries_the_server_message(loaded: Neo4jStore) -> None:
    with pytest.raises(CypherSyntaxError, match="Invalid input"):
        loaded.run_cypher("MATCH (a:Agency RETURN a")


def test_dataset_parameter_defaults_to_the_active_dataset(make_store) -> None:
    store_a, store_b = make_store(), make_store()
    store_a.load(small_dataset(unique_id(), agencies=3))
    store_b.load(small_dataset(unique_id(), agencies=5))
    query = "MATCH (a:Agency {snapshot: '2019'}) WHERE a.dataset = $dataset RETURN count(a) AS n"
    assert store_a.run_cypher(query).rows == [{"n": 3}]
    assert store_b.run_cypher(query).rows == [{"n": 5}]
    assert store_a.run_cypher(query, {"dataset": store_b.dataset_id}).rows == [{"n": 5}]


def test_rows_are_plain_values_and_graph_elements_are_drawable(
    loaded: Neo4jStore,
) -> None:
    result = loaded.run_cypher(
        "MATCH p = (a:Agency {dataset: $dataset, id: 'a3'})-[r:REPORTS_TO]->(b) RETURN a, r, p, b.name_zh AS boss"
    )
    row = result.rows[0]
    assert row["a"]["id"] == "a3" and row["a"]["name_zh"] == "机构a3"
    assert row["r"] == {
        "type": "REPORTS_TO",
        "mode": "leads",
        "basis": "modeled",
        "source": "src",
        "note": "",
    }
    assert [step.get("id", step.get("type")) for step in row["p"]] == [
        "a3",
        "REPORTS_TO",
        "a2",
    ]
    assert row["boss"] == "机构a2"
    assert sorted(n.key for n in result.nodes) == ["a2", "a3"]
    assert [(r.type, r.start, r.end) for r in result.relationships] == [("REPORTS_TO", "a3", "a2")]


def test_returned_relationship_brings_its_end_nodes(loaded: Neo4jStore) -> None:
    result = loaded.run_cypher("MATCH (:Agency {dataset: $dataset, id: 'a2'})-[r:REPORTS_TO]->() RETURN r")
    assert sorted(n.key for n in result.nodes) == ["a1", "a2"]
    assert [(r.start, r.end) for r in result.relationships] == [("a2", "a1")]


def test_unreachable_server_names_the_uri_not_the_password() -> None:
    secret = "not-the-real-password-42"
    with pytest.raises(BackendUnavailable) as caught:
        connect_driver("bolt://127.0.0.1:1", "neo4j", secret)
    assert "bolt://127.0.0.1:1" in str(caught.value) and secret not in str(caught.value)


def test_wrong_password_is_unavailable_without_echoing_it(neo4j_driver: Any) -> None:
    from tests.conftest import neo4j_settings

    uri, user, _ = neo4j_settings()
    secret = "wrong-password-xyz"
    with pytest.raises(BackendUnavailable, match="authentication") as caught:
        connect_driver(uri, user, secret)
    assert uri in str(caught.value) and secret not in str(caught.value)
