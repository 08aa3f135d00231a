"""The embedded engine's keys()/properties() analysis and its connection pool under many varied queries.

keys()/properties() against Neo4j: tests/neo4j/test_cypher_properties.py.
"""

from __future__ import annotations

import pytest

from bench.cypher_fuzz import generate
from bench.cypher_grammar import Vocab
from graph.cypher_gate import tokenize
from graph.embedded import engine as engine_module
from graph.embedded.engine import engine_of
from graph.embedded.messages import PoolFull
from graph.embedded.mirror import mirror_of
from graph.embedded.properties import variable_kinds
from graph.errors import CypherError, UnsupportedCypher
from graph.model import Dataset
from tests.unit.cypher_support import graph_of, run


def test_a_variable_is_a_node_or_a_relationship_as_its_pattern_says() -> None:
    text = (
        "MATCH p = (a:Agency)-[r:REPORTS_TO]->(b), (c) WITH a AS x, r AS y, p, count(b) AS n, a.id AS i "
        "UNWIND nodes(p) AS m UNWIND relationships(p) AS e RETURN keys(x)"
    )
    kinds = variable_kinds(tokenize(text))
    assert kinds == {
        "a": "node",
        "b": "node",
        "c": "node",
        "r": "rel",
        "x": "node",
        "y": "rel",
        "m": "node",
        "e": "rel",
    }


def test_a_name_used_as_both_kinds_or_as_a_value_has_no_kind() -> None:
    assert "a" not in variable_kinds(tokenize("MATCH (a) RETURN 1 UNION MATCH ()-[a]->() RETURN 1"))
    assert "x" not in variable_kinds(tokenize("MATCH (a) WITH 1 + a.level AS x RETURN x"))
    assert "l" not in variable_kinds(tokenize("MATCH (a) WITH collect(a) AS l RETURN l"))


def test_keys_of_a_value_is_refused_naming_keys(mini_dataset: Dataset) -> None:
    graph = graph_of(mini_dataset)
    with pytest.raises(UnsupportedCypher, match=r"keys\(\)"):
        run(graph, "MATCH (a:Agency) WITH collect(a) AS l UNWIND l AS x RETURN keys(x) AS k")


def test_keys_and_properties_leave_out_what_an_agency_lacks(mini_dataset: Dataset) -> None:
    graph = graph_of(mini_dataset)
    rows = run(graph, "MATCH (a:Agency) RETURN a.id AS id, keys(a) AS k, properties(a) AS p").rows
    assert rows
    for row in rows:
        node = graph.nodes[row["id"]]
        present = {k for k, v in node.items() if v is not None and k != "labels"}
        assert set(row["k"]) == present == set(row["p"]), row["id"]
        assert None not in row["p"].values()


def test_many_varied_queries_never_fill_the_buffer_pool(xilingol_dataset: Dataset) -> None:
    """LadybugDB 0.22 keeps ~2 MB of the pool per distinct query on a connection: 126 varied queries filled it."""
    graph = graph_of(xilingol_dataset)
    queries = generate(1, 300, Vocab.of(xilingol_dataset))
    answered = 0
    for query in queries:
        params = {**query.params, "dataset": xilingol_dataset.id} if "dataset" in query.params else query.params
        try:
            run(graph, query.text, params)
            answered += 1
        except UnsupportedCypher:
            continue
        except CypherError as exc:
            assert not isinstance(exc, PoolFull), query.text
    assert answered >= 0.9 * len(queries)


def test_connections_are_replaced_after_a_while(mini_dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = graph_of(mini_dataset)
    engine = engine_of(mirror_of(graph))
    opened: list[object] = []
    real_connect = engine.mirror.connect

    def counting_connect() -> object:
        opened.append(object())
        return real_connect()

    monkeypatch.setattr(engine.mirror, "connect", counting_connect)
    engine._idle.clear()  # start from no idle connection
    for n in range(2 * engine_module.RECYCLE_AFTER + 1):
        assert run(graph, "RETURN $n AS n", {"n": n}).rows == [{"n": n}]
    assert len(opened) == 3
