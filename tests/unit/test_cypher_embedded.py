"""Ad-hoc Cypher on the embedded backend: what it refuses, and Neo4j's semantics where LadybugDB differs.

Every expected answer is computed here in plain Python over the same graph, never written down by hand.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from graph.cypher_gate import admit
from graph.embedded.engine import prepare_embedded
from graph.errors import (
    CypherSyntaxError,
    UnsupportedCypher,
    WriteRefused,
)
from graph.model import Dataset
from tests.unit.cypher_support import agencies, graph_of, rels, run

# ---- unsupported constructs: named, and pointed at Neo4j ----


@pytest.mark.parametrize(
    ("text", "construct"),
    [
        ("MATCH (a:Agency:Jurisdiction) RETURN a", "several labels on one node"),
        ("MATCH (a) WHERE a:Agency RETURN a.id", "label test"),
        (
            "MATCH p = shortestPath((a:Agency)-[:REPORTS_TO*]->(b:Agency)) RETURN p",
            "shortestPath()",
        ),
        ("MATCH (a:Agency) RETURN [x IN [1, 2] | x * 2] AS l", "list comprehension"),
        (
            "MATCH (a:Agency) RETURN [(a)-[:REPORTS_TO]->(b) | b.id] AS l",
            "pattern comprehension",
        ),
        ("MATCH (a:Agency) RETURN a {.id, .name_zh} AS m", "map projection"),
        ("MATCH (a:Agency) RETURN last(collect(a.id))", "last()"),
        ("MATCH (a:Agency) RETURN elementId(a)", "elementId()"),
    ],
    ids=[
        "multi-label",
        "label-predicate",
        "shortestPath",
        "list-comprehension",
        "pattern-comprehension",
        "map-projection",
        "unknown-function",
        "elementId",
    ],
)
def test_unsupported_construct_is_named_and_pointed_at_neo4j(graph: nx.MultiDiGraph, text: str, construct: str) -> None:
    with pytest.raises(UnsupportedCypher) as caught:
        run(graph, text)
    assert construct in str(caught.value) and "Neo4j backend" in str(caught.value)


# ---- writes are refused, keywords in strings and comments are not ----


@pytest.mark.parametrize(
    "text",
    [
        "CREATE (n:Agency {id: 'x'})",
        "cReAtE (n:Agency {id: 'x'})",
        "/* looks harmless */ MATCH (n) DETACH DELETE n",
        "// a note\nMERGE (n:Agency {id: 'x'})",
        "MATCH (n:Agency) SET n.name_zh = '新'",
        "MATCH (n:Agency) REMOVE n.note",
        "MATCH (n) DELETE n",
        "DROP INDEX agency_id",
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
        "MATCH (n) FOREACH (x IN [1] | SET n.y = x)",
        "CALL { MATCH (n) RETURN n } IN TRANSACTIONS",
        "MATCH (a:Agency) CALL { WITH a RETURN a.id AS x } RETURN x",
        "CALL apoc.create.node(['X'], {})",
        "CALL db.createLabel('X')",
        "COPY Agency FROM 'agencies.csv'",
        "MATCH (a:Agency) RETURN a.id; CREATE (b:Agency {id: 'y'})",
    ],
)
def test_writes_are_refused_and_the_graph_is_unchanged(graph: nx.MultiDiGraph, text: str) -> None:
    before = run(graph, "MATCH (n) RETURN count(*) AS n").rows
    with pytest.raises(WriteRefused):
        run(graph, text)
    assert run(graph, "MATCH (n) RETURN count(*) AS n").rows == before


KEYWORD_LOOKALIKES = {
    "word-in-string": (
        "MATCH (a:Agency) WHERE a.name_en = 'Create' RETURN count(*) AS n",
        lambda a: a.get("name_en") == "Create",
    ),
    "words-in-strings": (
        "MATCH (a:Agency) WHERE a.name_zh = \"DELETE 删除\" OR a.note = 'set; merge' RETURN count(*) AS n",
        lambda a: a.get("name_zh") == "DELETE 删除" or a.get("note") == "set; merge",
    ),
    "words-in-comments": (
        "// CREATE nothing here\nMATCH (a:Agency) /* DETACH DELETE */ RETURN count(*) AS n",
        lambda a: True,
    ),
    "backticked-alias": (
        "MATCH (a:Agency {counts_toward_quota: true}) RETURN count(*) AS `create`",
        lambda a: a["counts_toward_quota"],
    ),
}


@pytest.mark.parametrize("case", list(KEYWORD_LOOKALIKES))
def test_keywords_inside_strings_and_comments_are_not_writes(graph: nx.MultiDiGraph, case: str) -> None:
    text, keep = KEYWORD_LOOKALIKES[case]
    result = run(graph, text)
    assert list(result.rows[0].values()) == [sum(1 for a in agencies(graph).values() if keep(a))]


@pytest.mark.parametrize(
    "text", ["CALL db.labels() YIELD label RETURN label", "CALL dbms.killQuery('q-1')", "CALL show_tables() RETURN *"]
)
def test_the_gate_refuses_every_procedure_call(text: str) -> None:
    with pytest.raises(WriteRefused, match="procedure"):
        admit(text)


def test_an_unbounded_path_is_not_cut_short_at_the_engine_default() -> None:
    """LadybugDB stops `*` at 30 hops unless told otherwise; a 44-step chain must come back whole."""
    chain = nx.MultiDiGraph()
    for i in range(45):
        chain.add_node(f"a{i}", id=f"a{i}", name_zh=f"机构{i}", labels=("Agency",), dataset="chain")
    for i in range(44):
        chain.add_edge(f"a{i}", f"a{i + 1}", type="REPORTS_TO", mode="leads")
    result = run(
        chain,
        "MATCH p = (a:Agency {id: 'a0'})-[:REPORTS_TO*]->(top) RETURN max(length(p)) AS deepest, count(*) AS n",
    )
    assert result.rows == [{"deepest": chain.number_of_edges(), "n": chain.number_of_edges()}]
    with pytest.raises(UnsupportedCypher, match="hops"):
        run(
            chain,
            "MATCH (a:Agency {id: 'a0'})-[:REPORTS_TO*1..500]->(top) RETURN count(*)",
        )


def test_a_mirror_prepared_in_the_background_serves_the_next_query(
    mini_dataset: Dataset,
) -> None:
    g = graph_of(mini_dataset)
    assert prepare_embedded(g, background=True) == 0.0
    result = run(g, "MATCH (a:Agency) RETURN count(*) AS n")
    assert result.rows == [{"n": len(mini_dataset.agencies)}]


def test_one_match_never_uses_a_relationship_twice(graph: nx.MultiDiGraph) -> None:
    """Neo4j's relationship uniqueness: an agency is not its own peer under the same boss (LadybugDB alone would say so)."""
    sub = rels(graph, "REPORTS_TO")
    agency, boss = next((u, v) for u, v, _ in sub if sum(1 for _, w, _ in sub if w == v) > 1)
    result = run(
        graph,
        "MATCH (a:Agency {id: $id})-[:REPORTS_TO]->(boss)<-[:REPORTS_TO]-(peer) RETURN peer.id AS peer",
        {"id": agency},
    )
    expected = [u for x, b, _ in sub if x == agency for u, w, _ in sub if w == b and (u, w) != (agency, b)]
    assert sorted(r["peer"] for r in result.rows) == sorted(expected)
    assert agency not in expected or sum(1 for x, w, _ in sub if (x, w) == (agency, boss)) > 1
    star = run(
        graph,
        "MATCH (a:Agency {id: $id})-[:REPORTS_TO]->(boss)<-[:REPORTS_TO]-(peer) RETURN *",
        {"id": agency},
    )
    assert set(star.columns) == {"a", "boss", "peer"}


def test_an_undirected_variable_length_path_does_not_walk_back(
    graph: nx.MultiDiGraph,
) -> None:
    """`*` paths are trails as on Neo4j: going out and back over the same edge is not a path."""
    u, v, _ = rels(graph, "HOSTED_BY")[0]
    result = run(graph, "MATCH (a {id: $id})-[:HOSTED_BY*1..2]-(b) RETURN b.id AS id", {"id": u})
    undirected = nx.Graph((x, y) for x, y, _ in rels(graph, "HOSTED_BY"))
    reach = list(undirected[u]) + [m for n in undirected[u] for m in undirected[n] if m != u]
    assert sorted(r["id"] for r in result.rows) == sorted(reach)
    assert v in reach and u not in reach


@pytest.fixture(scope="module")
def xilingol_graph(xilingol_dataset: Dataset) -> nx.MultiDiGraph:
    return graph_of(xilingol_dataset)


def _named_queries() -> list[Any]:
    from queries import all_queries

    return all_queries()


@pytest.mark.parametrize("query", _named_queries(), ids=lambda q: q.name)
def test_every_named_query_runs_on_the_embedded_engine(
    xilingol_graph: nx.MultiDiGraph, xilingol_dataset: Dataset, query: Any
) -> None:
    """docs/cypher.md promises no named query is Neo4j-only; its defaults (read off data/xilingol) select rows there,
    given a county emergency bureau for a required agency id."""
    dataset = next(iter(xilingol_graph.nodes.values()))["dataset"]
    params = {**query.bind(xilingol_dataset).defaults, "dataset": dataset}
    params.update({p: "152528-2019-emergency_management" for p in query.required if p == "agency_id"})
    result = run(xilingol_graph, query.text, params)
    assert result.rows and result.columns == list(result.rows[0])


def test_list_positions_and_substring_count_from_zero_as_on_neo4j(
    graph: nx.MultiDiGraph,
) -> None:
    """LadybugDB counts from 1; the adapter shifts literal and $parameter positions, substring starts and round()."""
    ids = sorted(agencies(graph))
    result = run(
        graph,
        "WITH $ids AS ids RETURN ids[0] AS first, ids[1] AS second, ids[-1] AS last, ids[$i] AS at, "
        "substring(ids[0], 1, 3) AS part, substring(ids[0], 2) AS rest, round(size(ids) / 4.0) AS quarter",
        {"ids": ids, "i": 2},
    )
    expected = {
        "first": ids[0],
        "second": ids[1],
        "last": ids[-1],
        "at": ids[2],
        "part": ids[0][1:4],
        "rest": ids[0][2:],
    }
    assert result.rows == [{**expected, "quarter": float(int(len(ids) / 4.0 + 0.5))}]
    first_per_category = run(
        graph,
        "MATCH (a:Agency) WITH a.category AS c, collect(a.id) AS ids RETURN c, ids[0] AS one",
    )
    for row in first_per_category.rows:
        assert graph.nodes[row["one"]]["category"] == row["c"]


def test_slices_count_from_zero_and_wrong_types_get_clear_errors(graph: nx.MultiDiGraph) -> None:
    slices = run(graph, "WITH [1, 2, 3, 4, 5] AS l RETURN l[1..3] AS a, l[-2..] AS b, l[..-4] AS c, l[3..1] AS d")
    assert slices.rows == [{"a": [2, 3], "b": [4, 5], "c": [1], "d": []}]
    with pytest.raises(CypherSyntaxError, match="quote it"):
        run(
            graph,
            "MATCH (a:Agency) WHERE a.jurisdiction = $county RETURN a.id",
            {"county": 152528},
        )
