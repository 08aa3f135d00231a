"""Analysts' Cypher queries over the mini dataset, each with its answer computed independently in plain Python.

Used by bench/bench_cypher_engines.py to count, per engine, how many queries run and give the right rows.
The queries are written the way analysts type them: single quotes, count(*), lower-case functions,
$parameters, unbounded REPORTS_TO paths, Chinese literals.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = ["CORPUS", "Case", "graph_from_csv_dir", "rows_match"]

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    expected: Callable[[nx.MultiDiGraph], Rows]
    params: dict[str, Any] | None = None
    ordered: bool = False  # compare in order (the query has ORDER BY)


def _value(column: str, raw: str) -> Any:
    if raw == "":
        return None
    if column in ("counts_toward_quota", "border"):
        return raw.lower() == "true"
    if column == "agency_quota":
        return int(raw)
    return raw


def graph_from_csv_dir(folder: Path, dataset: str = "mini") -> nx.MultiDiGraph:
    """The store's graph contract (node key = id, attrs + labels + dataset; edge attrs with `type`), built
    straight from a dataset folder so the benchmark does not depend on the loaders."""
    graph = nx.MultiDiGraph()

    def rows(name: str) -> list[dict[str, str]]:
        with open(folder / name, encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    def node(label: str, row: dict[str, str], skip: tuple[str, ...] = ()) -> None:
        attrs = {k: _value(k, v) for k, v in row.items() if k not in skip}
        attrs = {k: v for k, v in attrs.items() if v is not None}
        graph.add_node(row["id"], **attrs, labels=(label,), dataset=dataset)

    for row in rows("jurisdictions.csv"):
        node("Jurisdiction", row, ("parent",))
        if row["parent"]:
            graph.add_edge(
                row["id"],
                row["parent"],
                type="IN",
                basis=row["basis"],
                source=row["source"],
            )
    for row in rows("agencies.csv"):
        node("Agency", row)
        graph.add_edge(
            row["id"],
            row["jurisdiction"],
            type="IN",
            basis=row["basis"],
            source=row["source"],
        )
    for row in rows("functions.csv"):
        node("Function", row)
    for row in rows("edges.csv"):
        attrs = {k: v for k, v in row.items() if k not in ("from", "to") and v}
        graph.add_edge(row["from"], row["to"], **attrs)
    return graph


# ---- plain-Python helpers the expected answers are written with ----


def props(g: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    return {k: v for k, v in g.nodes[key].items() if k != "labels" and v is not None}


def of_label(g: nx.MultiDiGraph, label: str) -> list[str]:
    return sorted(k for k, a in g.nodes(data=True) if label in a.get("labels", ()))


def rels(g: nx.MultiDiGraph, rel_type: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [(u, v, a) for u, v, a in g.edges(data=True) if a.get("type") == rel_type]


def rel_plain(a: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in a.items() if v is not None}


def up_paths(g: nx.MultiDiGraph, start: str, lo: int, hi: int) -> list[list[tuple[str, dict[str, Any]]]]:
    """Every REPORTS_TO walk from `start` of length lo..hi without repeating an edge: [(node, edge-in)]."""
    out: list[list[tuple[str, dict[str, Any]]]] = []

    def walk(path: list[tuple[str, dict[str, Any]]], used: set[tuple[str, str, int]]) -> None:
        if lo <= len(path) - 1 <= hi and len(path) > 1:
            out.append(list(path))
        if len(path) - 1 == hi:
            return
        here = path[-1][0]
        for _, nxt, k, a in g.out_edges(here, keys=True, data=True):
            if a.get("type") == "REPORTS_TO" and (here, nxt, k) not in used:
                walk(path + [(nxt, a)], used | {(here, nxt, k)})

    walk([(start, {})], set())
    return out


def by(rows: Rows, *keys: str, reverse: bool = False) -> Rows:
    return sorted(rows, key=lambda r: tuple((r[k] is None, r[k]) for k in keys), reverse=reverse)


def rows_match(actual: Rows, expected: Rows, ordered: bool) -> bool:
    """Same rows (as a multiset, or in order when the query orders them); floats compared to 1e-9."""

    def norm(v: Any) -> Any:
        if isinstance(v, float):
            return round(v, 9)
        if isinstance(v, dict):
            return tuple(sorted((k, norm(x)) for k, x in v.items()))
        if isinstance(v, (list, tuple)):
            return tuple(norm(x) for x in v)
        return v

    a = [norm(r) for r in actual]
    e = [norm(r) for r in expected]
    return a == e if ordered else Counter(map(repr, a)) == Counter(map(repr, e))


def _chain_rows(g: nx.MultiDiGraph, start: str) -> Rows:
    tops = {}
    for path in up_paths(g, start, 1, 99):
        node = path[-1][0]
        tops[node] = min(tops.get(node, 99), len(path) - 1)
    return by(
        [{"above": g.nodes[n]["name_zh"], "steps": d} for n, d in tops.items()],
        "steps",
        "above",
    )


def _undirected_trail_ends(g: nx.MultiDiGraph, start: str, hops: int) -> Rows:
    """Ends of every REPORTS_TO trail (no edge twice, either direction) of 1..hops steps from `start`."""
    edges = [(u, v, k) for u, v, k, a in g.edges(keys=True, data=True) if a.get("type") == "REPORTS_TO"]
    out: Rows = []

    def walk(node: str, used: frozenset[tuple[str, str, int]], depth: int) -> None:
        if depth == hops:
            return
        for edge in edges:
            if edge in used or node not in edge[:2]:
                continue
            other = edge[1] if edge[0] == node else edge[0]
            out.append({"id": other})
            walk(other, used | {edge}, depth + 1)

    walk(start, frozenset(), 0)
    return out


CORPUS: list[Case] = [
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
        lambda g: _chain_rows(g, "m19-xh-ecology"),
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
    Case(
        "group by with count(*) and ORDER BY DESC",
        "MATCH (a:Agency) RETURN a.category AS category, count(*) AS n ORDER BY n DESC, category",
        lambda g: sorted(
            (
                {"category": c, "n": n}
                for c, n in Counter(g.nodes[k]["category"] for k in of_label(g, "Agency")).items()
            ),
            key=lambda r: (-r["n"], r["category"]),
        ),
        None,
        True,
    ),
    Case(
        "quota per county (two labels in one pattern)",
        "MATCH (a:Agency {snapshot: '2019', counts_toward_quota: true})-[:IN]->(j:Jurisdiction {level: 'county'}) RETURN j.name_zh AS county, j.agency_quota AS quota, count(*) AS counted ORDER BY county",
        lambda g: by(
            [
                {
                    "county": g.nodes[j]["name_zh"],
                    "quota": g.nodes[j].get("agency_quota"),
                    "counted": sum(
                        1
                        for u, v, a in rels(g, "IN")
                        if v == j and g.nodes[u].get("snapshot") == "2019" and g.nodes[u].get("counts_toward_quota")
                    ),
                }
                for j in of_label(g, "Jurisdiction")
                if g.nodes[j]["level"] == "county"
                and any(
                    v == j and g.nodes[u].get("snapshot") == "2019" and g.nodes[u].get("counts_toward_quota")
                    for u, v, a in rels(g, "IN")
                )
            ],
            "county",
        ),
        None,
        True,
    ),
    Case(
        "BECAME merged",
        "MATCH (old:Agency)-[b:BECAME {change: 'merged'}]->(new:Agency) RETURN new.name_zh AS new_agency, old.name_zh AS from_agency",
        lambda g: [
            {"new_agency": g.nodes[v]["name_zh"], "from_agency": g.nodes[u]["name_zh"]}
            for u, v, a in rels(g, "BECAME")
            if a.get("change") == "merged"
        ],
    ),
    Case(
        "transferred function",
        "MATCH (old)-[b:BECAME]->(new) WHERE b.change = 'transferred' RETURN b.function AS function, new.id AS new",
        lambda g: [
            {"function": a.get("function"), "new": v}
            for u, v, a in rels(g, "BECAME")
            if a.get("change") == "transferred"
        ],
    ),
    Case(
        "DISTINCT",
        "MATCH (a:Agency)-[r:REPORTS_TO]->() RETURN DISTINCT r.mode AS mode ORDER BY mode",
        lambda g: by(
            [{"mode": m} for m in {a.get("mode") for _, _, a in rels(g, "REPORTS_TO")}],
            "mode",
        ),
        None,
        True,
    ),
    Case(
        "LIMIT and SKIP",
        "MATCH (a:Agency) RETURN a.id AS id ORDER BY id SKIP 2 LIMIT 3",
        lambda g: [{"id": k} for k in of_label(g, "Agency")[2:5]],
        None,
        True,
    ),
    Case(
        "min/max/collect",
        "MATCH (a:Agency {jurisdiction: 'xlht'}) RETURN min(a.id) AS first, max(a.id) AS last, size(collect(a.id)) AS n",
        lambda g: [
            {
                "first": min(x := [k for k in of_label(g, "Agency") if g.nodes[k]["jurisdiction"] == "xlht"]),
                "last": max(x),
                "n": len(x),
            }
        ],
    ),
    Case(
        "sum/avg",
        "MATCH (j:Jurisdiction {level: 'county'}) RETURN sum(j.agency_quota) AS total, avg(j.agency_quota) AS mean",
        lambda g: [
            {
                "total": sum(
                    q := [
                        g.nodes[k]["agency_quota"]
                        for k in of_label(g, "Jurisdiction")
                        if g.nodes[k]["level"] == "county"
                    ]
                ),
                "mean": sum(q) / len(q),
            }
        ],
    ),
    Case(
        "count(DISTINCT)",
        "MATCH (a:Agency)-[:HAS_FUNCTION]->(f:Function) RETURN count(DISTINCT f) AS functions, count(*) AS holdings",
        lambda g: [
            {
                "functions": len({v for _, v, _ in rels(g, "HAS_FUNCTION")}),
                "holdings": len(rels(g, "HAS_FUNCTION")),
            }
        ],
    ),
    Case(
        "OPTIONAL MATCH",
        "MATCH (a:Agency {jurisdiction: 'xh', snapshot: '2019'}) OPTIONAL MATCH (a)-[:HOSTED_BY]->(h) RETURN a.id AS id, h.id AS host",
        lambda g: [
            {
                "id": k,
                "host": next(
                    (v for _, v, a in g.out_edges(k, data=True) if a["type"] == "HOSTED_BY"),
                    None,
                ),
            }
            for k in of_label(g, "Agency")
            if g.nodes[k]["jurisdiction"] == "xh" and g.nodes[k]["snapshot"] == "2019"
        ],
    ),
    Case(
        "WITH + WHERE on aggregate",
        "MATCH (a:Agency)-[:REPORTS_TO]->(b:Agency) WITH b, count(a) AS subs WHERE subs >= 3 RETURN b.id AS id, subs ORDER BY subs DESC, id",
        lambda g: sorted(
            ({"id": b, "subs": n} for b, n in Counter(v for _, v, _ in rels(g, "REPORTS_TO")).items() if n >= 3),
            key=lambda r: (-r["subs"], r["id"]),
        ),
        None,
        True,
    ),
    Case(
        "comma pattern",
        "MATCH (a:Agency)-[:REPORTS_TO]->(b:Agency), (b)-[:IN]->(j:Jurisdiction {level: 'league'}) RETURN count(*) AS n",
        lambda g: [
            {
                "n": sum(
                    1
                    for u, v, _ in rels(g, "REPORTS_TO")
                    for _, j, a in g.out_edges(v, data=True)
                    if a["type"] == "IN" and g.nodes[j].get("level") == "league"
                )
            }
        ],
    ),
    Case(
        "IS NULL",
        "MATCH (j:Jurisdiction) WHERE j.agency_quota IS NULL RETURN j.id AS id",
        lambda g: [{"id": k} for k in of_label(g, "Jurisdiction") if g.nodes[k].get("agency_quota") is None],
    ),
    Case(
        "OR / <>",
        "MATCH (a:Agency) WHERE a.basis = 'modeled' OR a.category <> 'government' AND a.snapshot = '2019' RETURN count(*) AS n",
        lambda g: [
            {
                "n": sum(
                    1
                    for k in of_label(g, "Agency")
                    if g.nodes[k]["basis"] == "modeled"
                    or (g.nodes[k]["category"] != "government" and g.nodes[k]["snapshot"] == "2019")
                )
            }
        ],
    ),
    Case(
        "lower-case functions toLower/size",
        "MATCH (a:Agency {id: 'm19-xh-gov'}) RETURN tolower(a.name_en) AS en, size(a.name_zh) AS chars",
        lambda g: [
            {
                "en": g.nodes["m19-xh-gov"]["name_en"].lower(),
                "chars": len(g.nodes["m19-xh-gov"]["name_zh"]),
            }
        ],
    ),
    Case(
        "CASE",
        "MATCH (a:Agency {jurisdiction: 'xlht'}) RETURN a.id AS id, CASE WHEN a.counts_toward_quota THEN 'counted' ELSE 'not' END AS q",
        lambda g: [
            {"id": k, "q": "counted" if g.nodes[k]["counts_toward_quota"] else "not"}
            for k in of_label(g, "Agency")
            if g.nodes[k]["jurisdiction"] == "xlht"
        ],
    ),
    Case(
        "UNWIND",
        "UNWIND ['leads', 'guides'] AS m MATCH ()-[r:REPORTS_TO {mode: m}]->() RETURN m, count(r) AS n ORDER BY m",
        lambda g: [
            {
                "m": m,
                "n": sum(1 for *_, a in rels(g, "REPORTS_TO") if a.get("mode") == m),
            }
            for m in ("guides", "leads")
        ],
        None,
        True,
    ),
    Case(
        "label alternatives (a:Agency|Function)",
        "MATCH (n:Jurisdiction|Function) RETURN count(*) AS n",
        lambda g: [{"n": len(of_label(g, "Jurisdiction")) + len(of_label(g, "Function"))}],
    ),
    Case(
        "unlabelled node, keyword-like literal",
        "MATCH (n) WHERE n.name_en = 'Create' OR n.name_zh = '删除' RETURN n.id AS id",
        lambda g: [
            {"id": k} for k, a in g.nodes(data=True) if a.get("name_en") == "Create" or a.get("name_zh") == "删除"
        ],
    ),
    Case(
        "peers under the same boss (relationship uniqueness)",
        "MATCH (a:Agency {id: 'm19-xh-ecology'})-[:REPORTS_TO]->(boss)<-[:REPORTS_TO]-(peer) RETURN boss.id AS boss, peer.id AS peer",
        lambda g: [
            {"boss": b, "peer": u}
            for x, b, e in rels(g, "REPORTS_TO")
            if x == "m19-xh-ecology"
            for u, w, f in rels(g, "REPORTS_TO")
            if w == b and f is not e
        ],
    ),
    Case(
        "undirected 1..2 hops is a trail",
        "MATCH (a:Agency {id: 'm19-xh-gov'})-[:REPORTS_TO*1..2]-(b) RETURN b.id AS id",
        lambda g: _undirected_trail_ends(g, "m19-xh-gov", 2),
    ),
    Case(
        "0-based list index and substring",
        "MATCH (a:Agency {jurisdiction: 'xh'}) WITH a.category AS c, collect(a.id) AS ids RETURN c, size(ids) AS n, substring(c, 1, 3) AS part ORDER BY c",
        lambda g: by(
            [
                {"c": c, "n": n, "part": c[1:4]}
                for c, n in Counter(
                    g.nodes[k]["category"] for k in of_label(g, "Agency") if g.nodes[k]["jurisdiction"] == "xh"
                ).items()
            ],
            "c",
        ),
        None,
        True,
    ),
    Case(
        "two-hop lineage",
        "MATCH (a:Agency)-[:BECAME]->(b:Agency)-[:REPORTS_TO]->(c:Agency) WHERE a.id = 'm18-xh-safety' RETURN c.id AS boss",
        lambda g: [
            {"boss": c}
            for _, b, x in g.out_edges("m18-xh-safety", data=True)
            if x["type"] == "BECAME"
            for _, c, y in g.out_edges(b, data=True)
            if y["type"] == "REPORTS_TO"
        ],
    ),
]
