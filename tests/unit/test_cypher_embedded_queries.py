"""Ad-hoc Cypher on the embedded backend: what analysts type, and the limits.

Every expected answer is computed here in plain Python over the same graph, never written down by hand.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from graph.errors import (
    CypherSyntaxError,
    CypherTimeout,
    WriteRefused,
)
from graph.model import Dataset
from tests.unit.cypher_support import a_leaf_with_chain, agencies, ancestors_via_reports_to, graph_of, props, rels, run

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
    g = nx.MultiDiGraph(graph_of(mini_dataset))  # the store's graph is frozen; this test edits a copy
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
