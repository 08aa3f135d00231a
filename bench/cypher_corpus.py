"""Analysts' Cypher queries over the mini dataset, each with its answer computed independently in plain Python.

Used by bench/bench_cypher_engines.py to count, per engine, how many queries run and give the right rows.
The queries are written the way analysts type them: single quotes, count(*), lower-case functions,
$parameters, unbounded REPORTS_TO paths, Chinese literals. This module holds the patterns and paths;
bench/cypher_corpus_aggregates.py holds the rest.
"""

from __future__ import annotations

from bench.cypher_corpus_aggregates import AGGREGATES
from bench.cypher_corpus_support import (
    Case,
    by,
    chain_rows,
    graph_from_folder,
    of_label,
    props,
    rels,
    rows_match,
    up_paths,
)

__all__ = ["CORPUS", "Case", "graph_from_folder", "rows_match"]

PATTERNS: list[Case] = [
    Case(
        "label+property, single quotes",
        "MATCH (a:Agency {snapshot: '2019', jurisdiction: 'xh'}) RETURN a.id AS id",
        lambda g: [
            {"id": k}
            for k in of_label(g, "Agency")
            if g.nodes[k]["snapshot"] == "2019" and g.nodes[k]["jurisdiction"] == "xh"
        ],
    ),
    Case(
        "count(*)",
        "MATCH (a:Agency) RETURN count(*)",
        lambda g: [{"count(*)": len(of_label(g, "Agency"))}],
    ),
    Case(
        "lower-case count(a) with alias",
        "match (a:Agency {snapshot: '2018'}) return count(a) as n",
        lambda g: [{"n": sum(g.nodes[k]["snapshot"] == "2018" for k in of_label(g, "Agency"))}],
    ),
    Case(
        "Chinese literal",
        "MATCH (j:Jurisdiction {name_zh: '镶黄旗'}) RETURN j.name_en AS name, j.agency_quota AS quota",
        lambda g: [
            {"name": g.nodes[k]["name_en"], "quota": g.nodes[k].get("agency_quota")}
            for k in of_label(g, "Jurisdiction")
            if g.nodes[k]["name_zh"] == "镶黄旗"
        ],
    ),
    Case(
        "CONTAINS Chinese",
        "MATCH (a:Agency) WHERE a.name_zh CONTAINS '应急' RETURN a.id AS id",
        lambda g: [{"id": k} for k in of_label(g, "Agency") if "应急" in g.nodes[k]["name_zh"]],
    ),
    Case(
        "STARTS WITH / AND / NOT",
        "MATCH (a:Agency) WHERE a.name_zh STARTS WITH '镶黄旗' AND NOT a.counts_toward_quota RETURN a.id AS id",
        lambda g: [
            {"id": k}
            for k in of_label(g, "Agency")
            if g.nodes[k]["name_zh"].startswith("镶黄旗") and not g.nodes[k]["counts_toward_quota"]
        ],
    ),
    Case(
        "$parameter",
        "MATCH (a:Agency {id: $agency_id}) RETURN a.name_zh AS name",
        lambda g: [{"name": g.nodes["m19-xh-emergency"]["name_zh"]}],
        {"agency_id": "m19-xh-emergency", "dataset": "mini"},
    ),
    Case(
        "IN $list",
        "MATCH (a:Agency) WHERE a.id IN $ids RETURN a.id AS id ORDER BY id",
        lambda g: [{"id": "m18-xh-gov"}, {"id": "m19-xh-gov"}],
        {"ids": ["m19-xh-gov", "m18-xh-gov", "nope"]},
        True,
    ),
    Case(
        "node return",
        "MATCH (a:Agency {id: 'm19-xh-emergency'}) RETURN a",
        lambda g: [{"a": props(g, "m19-xh-emergency")}],
    ),
    Case(
        "one hop with rel property",
        "MATCH (a:Agency)-[r:REPORTS_TO {mode: 'dispatched'}]->(b:Agency) RETURN a.id AS office, b.id AS bureau",
        lambda g: [{"office": u, "bureau": v} for u, v, a in rels(g, "REPORTS_TO") if a.get("mode") == "dispatched"],
    ),
    Case(
        "relationship return",
        "MATCH (a:Agency {id: 'm19-xh-ecology'})-[r:REPORTS_TO]->(b) RETURN r, b.id AS b",
        lambda g: [
            {
                "r": {
                    "type": "REPORTS_TO",
                    **{k: v for k, v in a.items() if k != "type"},
                },
                "b": v,
            }
            for u, v, a in rels(g, "REPORTS_TO")
            if u == "m19-xh-ecology"
        ],
    ),
    Case(
        "type(r)",
        "MATCH (a:Agency {id: 'm19-xh-ecology'})-[r]->(b) RETURN type(r) AS t, b.id AS b",
        lambda g: [{"t": a["type"], "b": v} for _, v, a in g.out_edges("m19-xh-ecology", data=True)],
    ),
    Case(
        "labels(n)",
        "MATCH (a:Agency {id: 'm19-xh-ecology'})-[:IN]->(j) RETURN labels(j) AS l",
        lambda g: [
            {"l": list(g.nodes[v]["labels"])}
            for _, v, a in g.out_edges("m19-xh-ecology", data=True)
            if a["type"] == "IN"
        ],
    ),
    Case(
        "IN relationship type",
        "MATCH (j:Jurisdiction)-[:IN]->(p:Jurisdiction) RETURN j.id AS j, p.id AS p",
        lambda g: [{"j": u, "p": v} for u, v, a in rels(g, "IN") if "Jurisdiction" in g.nodes[u]["labels"]],
    ),
    Case(
        "unbounded REPORTS_TO chain",
        "MATCH (a:Agency {id: $agency_id})-[:REPORTS_TO*1..]->(top:Agency) RETURN DISTINCT top.id AS id",
        lambda g: [{"id": i} for i in sorted({p[-1][0] for p in up_paths(g, "m19-xh-ecology", 1, 99)})],
        {"agency_id": "m19-xh-ecology"},
    ),
    Case(
        "unbounded * chain",
        "MATCH (a:Agency {id: 'm19-xh-ecology'})-[:REPORTS_TO*]->(top) RETURN count(*) AS walks",
        lambda g: [{"walks": len(up_paths(g, "m19-xh-ecology", 1, 99))}],
    ),
    Case(
        "bounded *1..6 with min(length(p))",
        "MATCH p = (a:Agency {id: $agency_id})-[:REPORTS_TO*1..6]->(top:Agency) RETURN top.name_zh AS above, min(length(p)) AS steps ORDER BY steps, above",
        lambda g: chain_rows(g, "m19-xh-ecology"),
        {"agency_id": "m19-xh-ecology"},
        True,
    ),
    Case(
        "path return",
        "MATCH p = (a:Agency {id: 'm19-xh-eco-enforce'})-[:REPORTS_TO*1..2]->(b) RETURN p",
        lambda g: [
            {
                "p": [
                    x
                    for i, (n, e) in enumerate(path)
                    for x in (
                        [
                            {
                                "type": "REPORTS_TO",
                                **{k: v for k, v in e.items() if k != "type"},
                            }
                        ]
                        if i
                        else []
                    )
                    + [props(g, n)]
                ]
            }
            for path in up_paths(g, "m19-xh-eco-enforce", 1, 2)
        ],
    ),
    Case(
        "subordinates (incoming)",
        "MATCH (sub:Agency)-[:REPORTS_TO]->(boss:Agency {id: 'm19-xh-gov'}) RETURN sub.id AS id ORDER BY id",
        lambda g: by([{"id": u} for u, v, a in rels(g, "REPORTS_TO") if v == "m19-xh-gov"], "id"),
        None,
        True,
    ),
    Case(
        "left arrow",
        "MATCH (boss:Agency {id: 'm19-xh-gov'})<-[:REPORTS_TO]-(sub) RETURN count(sub) AS n",
        lambda g: [{"n": sum(1 for u, v, a in rels(g, "REPORTS_TO") if v == "m19-xh-gov")}],
    ),
    Case(
        "undirected",
        "MATCH (a:Agency {id: 'm19-xh-gov'})-[:REPORTS_TO]-(b) RETURN b.id AS id",
        lambda g: (
            [{"id": v} for u, v, a in rels(g, "REPORTS_TO") if u == "m19-xh-gov"]
            + [{"id": u} for u, v, a in rels(g, "REPORTS_TO") if v == "m19-xh-gov"]
        ),
    ),
]

CORPUS: list[Case] = PATTERNS + AGGREGATES
