"""The second half of the Cypher corpus: grouping, aggregation, lineage, OPTIONAL MATCH, CASE, UNWIND and lists."""

from __future__ import annotations

from collections import Counter

from bench.cypher_corpus_support import Case, by, of_label, rels, undirected_trail_ends

AGGREGATES: list[Case] = [
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
        lambda g: undirected_trail_ends(g, "m19-xh-gov", 2),
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
