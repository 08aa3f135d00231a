"""Ad-hoc Cypher on the embedded backend (graph.embedded.engine over the mini dataset's networkx graph).

Every expected answer is computed here in plain Python over the same graph, never written down by hand.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.cypher_gate import admit
from graph.embedded.engine import prepare_embedded, run_embedded
from graph.errors import (
    CypherSyntaxError,
    CypherTimeout,
    UnsupportedCypher,
    WriteRefused,
)
from graph.model import Dataset
from graph.store import QueryResult


def _graph_from_dataset(dataset: Dataset) -> nx.MultiDiGraph:
    """The graph contract of graph/embedded/store.py (node key = id; schema properties, labels, dataset; edge `type`
    plus its properties), for when NetworkxStore is not importable."""
    graph = nx.MultiDiGraph()

    def plain(obj: object, skip: tuple[str, ...] = ()) -> dict[str, Any]:
        values = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}  # type: ignore[arg-type]
        return {k: getattr(v, "value", v) for k, v in values.items() if k not in skip and v not in (None, "")}

    for label, items in (
        ("Jurisdiction", dataset.jurisdictions),
        ("Agency", dataset.agencies),
        ("Function", dataset.functions),
    ):
        for item in items:
            extra = dict(getattr(item, "attributes", ()))  # a jurisdiction's declared attributes are properties
            graph.add_node(
                item.id, **plain(item, ("parent", "attributes")), **extra, labels=(label,), dataset=dataset.id
            )
    for edge in dataset.edges:
        graph.add_edge(edge.start, edge.end, **plain(edge, ("start", "end")))
    return graph


@pytest.fixture(scope="module")
def graph(mini_dataset: Dataset) -> nx.MultiDiGraph:
    try:
        from graph.embedded.store import NetworkxStore
    except ImportError:
        return _graph_from_dataset(mini_dataset)
    store = NetworkxStore()
    store.load(mini_dataset)
    return store.graph


def run(graph: nx.MultiDiGraph, text: str, params: dict[str, Any] | None = None, **kw: Any) -> QueryResult:
    return run_embedded(
        graph,
        text,
        params,
        timeout_s=kw.get("timeout_s", 10.0),
        row_cap=kw.get("row_cap", 1000),
    )


def agencies(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    return {k: a for k, a in graph.nodes(data=True) if "Agency" in a["labels"]}


def rels(graph: nx.MultiDiGraph, rel_type: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [(u, v, a) for u, v, a in graph.edges(data=True) if a["type"] == rel_type]


def props(graph: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    return {k: v for k, v in graph.nodes[key].items() if k != "labels" and v is not None}


def ancestors_via_reports_to(graph: nx.MultiDiGraph, start: str) -> set[str]:
    sub = nx.DiGraph((u, v) for u, v, _ in rels(graph, "REPORTS_TO"))
    return nx.descendants(sub, start) if start in sub else set()


def a_leaf_with_chain(graph: nx.MultiDiGraph, depth: int = 2) -> str:
    """An agency at least `depth` REPORTS_TO steps below the top, chosen from the data."""
    sub = nx.DiGraph((u, v) for u, v, _ in rels(graph, "REPORTS_TO"))
    return min(n for n in sub if nx.dag_longest_path_length(sub.subgraph(nx.descendants(sub, n) | {n})) >= depth)


# ---- what analysts type ----


def test_single_quotes_and_a_chinese_value_select_the_county(
    graph: nx.MultiDiGraph,
) -> None:
    """A Chinese literal in single quotes matches exactly the jurisdiction that carries it."""
    result = run(
        graph,
        "MATCH (j:Jurisdiction {name_zh: '镶黄旗'}) RETURN j.id AS id, j.name_en AS en",
    )
    expected = [{"id": k, "en": a["name_en"]} for k, a in graph.nodes(data=True) if a.get("name_zh") == "镶黄旗"]
    assert expected and result.rows == expected
    assert result.backend == "networkx" and result.columns == ["id", "en"]


def test_count_star_is_named_as_typed_and_counts_the_label(
    graph: nx.MultiDiGraph,
) -> None:
    result = run(graph, "MATCH (a:Agency {snapshot: '2019'}) RETURN count(*)")
    assert result.columns == ["count(*)"]
    assert result.rows == [{"count(*)": sum(a["snapshot"] == "2019" for a in agencies(graph).values())}]


def test_lower_case_functions_and_keywords(graph: nx.MultiDiGraph) -> None:
    some = min(agencies(graph))
    result = run(
        graph,
        "match (a:Agency {id: $id}) return tolower(a.name_en) as en, size(a.name_zh) as n, toupper(a.id) as up",
        {"id": some},
    )
    a = graph.nodes[some]
    assert result.rows == [{"en": a["name_en"].lower(), "n": len(a["name_zh"]), "up": some.upper()}]


def test_parameters_are_values_and_unused_ones_are_ignored(
    graph: nx.MultiDiGraph,
) -> None:
    """The service always passes $dataset; a query that does not use it still runs."""
    ids = sorted(agencies(graph))[:3]
    result = run(
        graph,
        "MATCH (a:Agency) WHERE a.id IN $ids RETURN a.id AS id ORDER BY id",
        {"ids": ids, "dataset": "mini"},
    )
    assert [r["id"] for r in result.rows] == ids


def test_a_missing_parameter_is_named(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(CypherSyntaxError, match=r"\$agency_id"):
        run(graph, "MATCH (a:Agency {id: $agency_id}) RETURN a")


def test_unbounded_reports_to_reaches_every_agency_above(
    graph: nx.MultiDiGraph,
) -> None:
    leaf = a_leaf_with_chain(graph)
    result = run(
        graph,
        "MATCH (a:Agency {id: $id})-[:REPORTS_TO*1..]->(top:Agency) RETURN DISTINCT top.id AS id",
        {"id": leaf},
    )
    assert {r["id"] for r in result.rows} == ancestors_via_reports_to(graph, leaf)
    assert len(result.rows) >= 2


def test_bounded_path_stops_at_its_bound(graph: nx.MultiDiGraph) -> None:
    leaf = a_leaf_with_chain(graph)
    direct = {v for u, v, _ in rels(graph, "REPORTS_TO") if u == leaf}
    result = run(
        graph,
        "MATCH (a:Agency {id: $id})-[:REPORTS_TO*1..1]->(b) RETURN DISTINCT b.id AS id",
        {"id": leaf},
    )
    assert {r["id"] for r in result.rows} == direct != ancestors_via_reports_to(graph, leaf)


def test_a_path_is_a_list_of_nodes_and_relationships_and_is_drawable(
    graph: nx.MultiDiGraph,
) -> None:
    leaf = a_leaf_with_chain(graph)
    result = run(
        graph,
        "MATCH p = (a:Agency {id: $id})-[:REPORTS_TO*2..2]->(b) RETURN p, length(p) AS steps",
        {"id": leaf},
    )
    assert result.rows
    for row in result.rows:
        path = row["p"]
        assert row["steps"] == 2 and len(path) == 5
        assert path[0] == props(graph, leaf)
        assert [step["type"] for step in path[1::2]] == ["REPORTS_TO", "REPORTS_TO"]
        for before, after in zip(path[0::2], path[2::2]):
            assert graph.has_edge(before["id"], after["id"])
    drawn = {n.key for n in result.nodes}
    assert all(r.start in drawn and r.end in drawn for r in result.relationships)
    assert all(graph.has_edge(r.start, r.end) and r.type == "REPORTS_TO" for r in result.relationships)


def test_type_and_labels_functions(graph: nx.MultiDiGraph) -> None:
    result = run(
        graph,
        "MATCH (a:Agency)-[r]->(b) RETURN type(r) AS t, labels(b) AS l, count(*) AS n",
    )
    expected = Counter(
        (a["type"], tuple(graph.nodes[v]["labels"]))
        for u, v, a in graph.edges(data=True)
        if "Agency" in graph.nodes[u]["labels"]
    )
    assert Counter({(r["t"], tuple(r["l"])): r["n"] for r in result.rows}) == expected


def test_a_returned_node_is_its_properties_and_a_relationship_has_its_type(
    graph: nx.MultiDiGraph,
) -> None:
    u, v, attrs = rels(graph, "REPORTS_TO")[0]
    result = run(
        graph,
        "MATCH (a:Agency {id: $u})-[r:REPORTS_TO]->(b:Agency {id: $v}) RETURN a, r",
        {"u": u, "v": v},
    )
    row = result.rows[0]
    assert row["a"] == props(graph, u)
    assert row["r"]["type"] == "REPORTS_TO" and row["r"]["mode"] == attrs["mode"]
    assert {n.key for n in result.nodes} == {u, v}  # the far end is drawn too
    assert [(r.start, r.end) for r in result.relationships] == [(u, v)]


def test_optional_match_gives_null_where_nothing_matches(
    graph: nx.MultiDiGraph,
) -> None:
    result = run(
        graph,
        "MATCH (a:Agency) OPTIONAL MATCH (a)-[:HOSTED_BY]->(h) RETURN a.id AS id, h.id AS host",
    )
    hosts = {u: v for u, v, _ in rels(graph, "HOSTED_BY")}
    assert {r["id"]: r["host"] for r in result.rows} == {k: hosts.get(k) for k in agencies(graph)}


def test_with_aggregate_order_by_desc_and_limit(graph: nx.MultiDiGraph) -> None:
    result = run(
        graph,
        "MATCH (s:Agency)-[:REPORTS_TO]->(b:Agency) WITH b, count(s) AS subs WHERE subs > 1 RETURN b.id AS id, subs ORDER BY subs DESC, id LIMIT 3",
    )
    counts = Counter(v for _, v, _ in rels(graph, "REPORTS_TO"))
    expected = sorted(
        ({"id": b, "subs": n} for b, n in counts.items() if n > 1),
        key=lambda r: (-r["subs"], r["id"]),
    )[:3]
    assert result.rows == expected


def test_distinct_sum_avg_min_max_collect(graph: nx.MultiDiGraph) -> None:
    result = run(
        graph,
        "MATCH (j:Jurisdiction {level: 'county'}) RETURN sum(j.agency_quota) AS s, avg(j.agency_quota) AS m, min(j.id) AS lo, max(j.id) AS hi, collect(DISTINCT j.level) AS lv",
    )
    counties = [a for a in graph.nodes.values() if a.get("level") == "county"]
    quotas = [a["agency_quota"] for a in counties]
    ids = [a["id"] for a in counties]
    assert result.rows == [
        {
            "s": sum(quotas),
            "m": sum(quotas) / len(quotas),
            "lo": min(ids),
            "hi": max(ids),
            "lv": ["county"],
        }
    ]


def test_comma_patterns_and_two_labels_in_one_pattern(graph: nx.MultiDiGraph) -> None:
    result = run(
        graph,
        "MATCH (a:Agency)-[:REPORTS_TO]->(b:Agency), (b)-[:IN]->(j:Jurisdiction {level: 'league'}) RETURN count(*) AS n",
    )
    league = {k for k, a in graph.nodes(data=True) if a.get("level") == "league"}
    in_league = {u for u, v, _ in rels(graph, "IN") if v in league}
    assert result.rows == [{"n": sum(1 for _, v, _ in rels(graph, "REPORTS_TO") if v in in_league)}]


def test_undirected_pattern_matches_both_directions(graph: nx.MultiDiGraph) -> None:
    hub = Counter(v for _, v, _ in rels(graph, "REPORTS_TO")).most_common(1)[0][0]
    result = run(
        graph,
        "MATCH (a:Agency {id: $id})-[:REPORTS_TO]-(b) RETURN b.id AS id",
        {"id": hub},
    )
    expected = [v for u, v, _ in rels(graph, "REPORTS_TO") if u == hub] + [
        u for u, v, _ in rels(graph, "REPORTS_TO") if v == hub
    ]
    assert sorted(r["id"] for r in result.rows) == sorted(expected)


def test_schema_questions_are_asked_without_procedures(graph: nx.MultiDiGraph) -> None:
    """CALL db.labels() is refused like every CALL; the same answer comes from a plain read."""
    with pytest.raises(WriteRefused, match="procedure"):
        run(graph, "CALL db.labels()")
    labels = run(graph, "MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label ORDER BY label")
    assert [r["label"] for r in labels.rows] == sorted({lb for a in graph.nodes.values() for lb in a["labels"]})
    types = run(graph, "MATCH ()-[r]->() RETURN DISTINCT type(r) AS t ORDER BY t")
    assert [r["t"] for r in types.rows] == sorted({a["type"] for *_, a in graph.edges(data=True)})


def test_the_mirror_follows_a_changed_graph(mini_dataset: Dataset) -> None:
    g = _graph_from_dataset(mini_dataset)
    before = run(g, "MATCH (f:Function) RETURN count(*) AS n").rows[0]["n"]
    g.add_node(
        "new-fn",
        id="new-fn",
        name_zh="新职能",
        name_en="New",
        dataset="mini",
        labels=("Function",),
    )
    assert run(g, "MATCH (f:Function) RETURN count(*) AS n").rows == [{"n": before + 1}]
    assert run(g, "MATCH (f:Function {name_zh: '新职能'}) RETURN f.id AS id").rows == [{"id": "new-fn"}]


# ---- limits ----


def test_row_cap_truncates_and_says_so(graph: nx.MultiDiGraph) -> None:
    total = len(agencies(graph))
    capped = run(graph, "MATCH (a:Agency) RETURN a.id AS id", row_cap=5)
    assert len(capped.rows) == 5 and capped.truncated
    exact = run(graph, "MATCH (a:Agency) RETURN a.id AS id", row_cap=total)
    assert len(exact.rows) == total and not exact.truncated


def test_a_runaway_query_times_out(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(CypherTimeout, match="time limit"):
        run(graph, "MATCH (a)-[*1..14]-(b) RETURN count(*)", timeout_s=0.2)


def test_syntax_errors_and_empty_queries(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(CypherSyntaxError):
        run(graph, "MATCH (a:Agency RETURN a")
    with pytest.raises(CypherSyntaxError):
        run(graph, "   // only a comment\n")
    with pytest.raises(CypherSyntaxError, match="unterminated"):
        run(graph, "MATCH (a:Agency) WHERE a.name_zh = '镶黄旗 RETURN a")


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
    g = _graph_from_dataset(mini_dataset)
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
def xilingol_graph() -> nx.MultiDiGraph:
    from loaders import load_dataset

    return _graph_from_dataset(load_dataset(Path(__file__).resolve().parents[2] / "data" / "xilingol"))


def _named_queries() -> list[Any]:
    from queries import all_queries

    return all_queries()


@pytest.mark.parametrize("query", _named_queries(), ids=lambda q: q.name)
def test_every_named_query_runs_on_the_embedded_engine(xilingol_graph: nx.MultiDiGraph, query: Any) -> None:
    """docs/cypher.md promises no named query is Neo4j-only; its defaults select rows in data/xilingol."""
    dataset = next(iter(xilingol_graph.nodes.values()))["dataset"]
    result = run(xilingol_graph, query.text, {**query.defaults, "dataset": dataset})
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
