"""Which embedded Cypher engine runs more analyst queries correctly, and how fast: grand-cypher or LadybugDB.

    .venv/bin/python bench/bench_cypher_engines.py [--n 100000] [--repeats 5] [--skip-latency] [--neo4j URI]

Correctness: every query of bench/cypher_corpus.py on the mini dataset, compared with its answer computed in
plain Python (and, with --neo4j, also run on an empty Neo4j server, to check those answers). "ladybug" is the shipped adapter (graph.embedded.engine.run_embedded); "grand-cypher" gets the
best pre-processing we could give it in an hour (quotes, count(*), lower-case aggregates, $params as literals,
bounded `*1..`), so the comparison is of the engines, not of a naive use of one. Latency: median seconds per
query on a synthetic graph of `--n` agencies, plus the one-off time to prepare the engine (the Ladybug mirror,
the grand-cypher label attributes). grand-cypher is a benchmark-only dependency: `pip install -r
requirements-bench.txt` (or `make bench`).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import grandcypher
import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from cypher_corpus import CORPUS, graph_from_folder, rows_match
from synthetic import make_synthetic

from graph.cypher_gate import tokenize
from graph.embedded.engine import prepare_embedded, run_embedded
from graph.embedded.store import NetworkxStore
from graph.embedded.subset import return_columns
from graph.errors import CypherError

MINI = ROOT / "tests" / "data" / "mini"
_AGGREGATES = {"count", "sum", "avg", "min", "max", "collect"}


# ---- option (a): grand-cypher with a pre-processing layer ----


def grand_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """grand-cypher wants labels and relationship types as a `__labels__` set on every node and edge."""
    out = nx.MultiDiGraph()
    out.add_nodes_from((k, {**a, "__labels__": set(a.get("labels", ()))}) for k, a in graph.nodes(data=True))
    out.add_edges_from((u, v, k, {**a, "__labels__": {a["type"]}}) for u, v, k, a in graph.edges(keys=True, data=True))
    return out


def normalise_for_grand(text: str, params: dict[str, Any] | None) -> str:
    tokens = tokenize(text)
    first_var = next(
        (tokens[i + 1].text for i, t in enumerate(tokens[:-1]) if t.text == "(" and tokens[i + 1].kind == "word"),
        "n",
    )
    edits: list[tuple[int, int, str]] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if tok.kind == "string" and tok.text.startswith("'"):
            edits.append((tok.start, tok.end, json.dumps(tok.text[1:-1], ensure_ascii=False)))
        elif tok.kind == "param":
            edits.append(
                (
                    tok.start,
                    tok.end,
                    json.dumps((params or {}).get(tok.text[1:]), ensure_ascii=False),
                )
            )
        elif tok.kind == "word" and tok.text.lower() in _AGGREGATES and nxt == "(":
            edits.append((tok.start, tok.end, tok.text.upper()))
            if tokens[i + 2].text == "*":
                edits.append((tokens[i + 2].start, tokens[i + 2].end, first_var))
        elif tok.text == "*" and i and tokens[i - 1].kind in ("word", "quoted") and tokens[i - 2].text == ":":
            if nxt == "]":
                edits.append((tok.end, tok.end, "1..10"))
            elif nxt == "1" and tokens[i + 2].text == ".." and tokens[i + 3].text == "]":
                edits.append((tokens[i + 2].end, tokens[i + 2].end, "10"))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _plain_grand(value: Any) -> Any:
    if isinstance(value, dict):
        if value and all(isinstance(k, int) for k in value):  # a MultiDiGraph edge: {key: attrs}
            attrs = next(iter(value.values()))
            return {
                "type": next(iter(attrs["__labels__"])),
                **{k: v for k, v in attrs.items() if k not in ("__labels__", "type")},
            }
        return {k: _plain_grand(v) for k, v in value.items() if k not in ("__labels__", "labels")}
    if isinstance(value, (list, tuple)):
        return [_plain_grand(v) for v in value]
    if isinstance(value, set):
        return sorted(value)
    return value


def run_grand(ggraph: nx.MultiDiGraph, text: str, params: dict[str, Any] | None) -> list[dict[str, Any]]:
    result = grandcypher.GrandCypher(ggraph).run(normalise_for_grand(text, params))
    wanted = return_columns(text, tokenize(text))
    keys = {str(k): k for k in result}
    rows: list[dict[str, Any]] = []
    columns = []
    for position, name in enumerate(wanted):
        if name in keys:
            columns.append(keys[name])
        elif len(result) == len(wanted):
            columns.append(list(result)[position])
        else:
            raise KeyError(f"no column {name!r} in {list(keys)}")
    length = max((len(result[c]) for c in columns), default=0)
    for i in range(length):
        rows.append({name: _plain_grand(result[c][i]) for name, c in zip(wanted, columns)})
    return rows


# ---- option (b): LadybugDB through the shipped adapter ----


def run_ladybug(graph: nx.MultiDiGraph, text: str, params: dict[str, Any] | None) -> list[dict[str, Any]]:
    return run_embedded(graph, text, params, timeout_s=30, row_cap=100_000).rows


# ---- the real thing: Neo4j as a second oracle ----

_CREATE_NODES = {  # labels are schema names, not values; the values go in as $rows
    "Agency": "UNWIND $rows AS row CREATE (n:Agency) SET n = row",
    "Jurisdiction": "UNWIND $rows AS row CREATE (n:Jurisdiction) SET n = row",
    "Function": "UNWIND $rows AS row CREATE (n:Function) SET n = row",
}
_CREATE_RELS = {
    t: f"UNWIND $rows AS row MATCH (a {{id: row.start}}), (b {{id: row.end}}) CREATE (a)-[r:{t}]->(b) SET r = row.props"
    for t in ("IN", "REPORTS_TO", "HOSTED_BY", "HAS_FUNCTION", "BECAME")
}


def neo4j_runner(uri: str, password: str, graph: nx.MultiDiGraph) -> Any:
    """Load `graph` into an EMPTY Neo4j database (refuses otherwise: other data would change the answers)."""
    import neo4j

    from graph.neo4j.cypher import run_read_only

    driver = neo4j.GraphDatabase.driver(uri, auth=("neo4j", password))
    if driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]:
        raise SystemExit(f"--neo4j needs an empty database; {uri} holds data (start a private server)")
    for label, query in _CREATE_NODES.items():
        rows = [
            {k: v for k, v in a.items() if k != "labels"} for _, a in graph.nodes(data=True) if label in a["labels"]
        ]
        driver.execute_query(query, rows=rows)
    for rel_type, query in _CREATE_RELS.items():
        rows = [
            {"start": u, "end": v, "props": {k: x for k, x in a.items() if k != "type"}}
            for u, v, a in graph.edges(data=True)
            if a["type"] == rel_type
        ]
        driver.execute_query(query, rows=rows)

    def run(text: str, params: dict[str, Any] | None) -> list[dict[str, Any]]:
        return run_read_only(driver, None, uri, text, params or {}, timeout_s=30, row_cap=100_000).rows

    return run


def correctness(neo4j_uri: str | None = None, neo4j_password: str = "") -> dict[str, list[str]]:
    """Run the corpus on each engine; print one line per query; return the names each engine got right."""
    graph = graph_from_folder(MINI)
    ggraph = grand_graph(graph)
    engines = {
        "ladybug": lambda t, p: run_ladybug(graph, t, p),
        "grand-cypher": lambda t, p: run_grand(ggraph, t, p),
    }
    if neo4j_uri:
        engines["neo4j"] = neo4j_runner(neo4j_uri, neo4j_password, graph)
    right: dict[str, list[str]] = {name: [] for name in engines}
    print(f"{'query':52}" + "".join(f" {name:>14}" for name in engines))
    for case in CORPUS:
        expected = case.expected(graph)
        verdicts = []
        for engine, run in engines.items():
            try:
                ok = rows_match(run(case.text, case.params), expected, case.ordered)
                verdicts.append("ok" if ok else "WRONG")
                if ok:
                    right[engine].append(case.name)
            except CypherError as exc:
                verdicts.append(f"refused:{type(exc).__name__[:8]}")
            except Exception as exc:  # noqa: BLE001 - an engine failing is what we count
                verdicts.append(f"error:{type(exc).__name__[:8]}")
        print(f"{case.name[:52]:52}" + "".join(f" {v:>14}" for v in verdicts))
    total = len(CORPUS)
    for engine, names in right.items():
        print(f"{engine}: {len(names)}/{total} correct")
    return right


# ---- latency on a synthetic graph ----


def synthetic_graph(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """bench/synthetic.py's dataset (the one synthetic builder) as the real store's graph."""
    store = NetworkxStore()
    store.load(make_synthetic(n, seed=seed))
    return store.graph


LATENCY = [
    (
        "label+property count",
        "MATCH (a:Agency {type: 'ecology_environment', snapshot: '2019'}) RETURN count(*) AS n",
    ),
    (
        "anchored unbounded chain",
        "MATCH (a:Agency {id: $leaf})-[:REPORTS_TO*1..]->(top:Agency) RETURN top.id AS id",
    ),
    (
        "one-hop subordinates",
        "MATCH (s:Agency)-[:REPORTS_TO]->(b:Agency {id: $boss}) RETURN s.id AS id",
    ),
    (
        "group by category",
        "MATCH (a:Agency) RETURN a.category AS category, count(*) AS n ORDER BY n DESC",
    ),
    (
        "group over all REPORTS_TO",
        "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency) RETURN r.mode AS mode, count(*) AS n",
    ),
    (
        "Chinese CONTAINS",
        "MATCH (a:Agency) WHERE a.name_zh CONTAINS '生态' RETURN a.id AS id LIMIT 50",
    ),
]


def _anchors(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """The agency with the longest first-edge REPORTS_TO chain (of a sample) and the one with most subordinates."""
    up: dict[str, str] = {}
    below: Counter[str] = Counter()
    for u, v, a in graph.edges(data=True):
        if a.get("type") == "REPORTS_TO":
            up.setdefault(u, v)
            below[v] += 1

    def depth(node: str) -> int:
        steps = 0
        while node in up and steps < 100:
            node, steps = up[node], steps + 1
        return steps

    sample = random.Random(1).sample(sorted(up), min(len(up), 2000))
    return max(sample, key=lambda k: (depth(k), k)), below.most_common(1)[0][0]


def latency(n: int, repeats: int) -> None:
    started = time.perf_counter()
    graph = synthetic_graph(n)
    print(
        f"\nsynthetic graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({time.perf_counter() - started:.1f} s)"
    )
    leaf, boss = _anchors(graph)
    params = {"leaf": leaf, "boss": boss, "dataset": "syn"}
    prep = prepare_embedded(graph)
    started = time.perf_counter()
    ggraph = grand_graph(graph)
    gprep = time.perf_counter() - started
    print(f"prepare: ladybug mirror {prep:.2f} s, grand-cypher labels {gprep:.2f} s")
    print(f"anchors: leaf {leaf}, boss {boss}")
    print(f"{'query':28} {'ladybug s':>10} {'grand s':>10} {'ratio':>7} {'rows':>6}")
    for name, text in LATENCY:
        medians = []
        counts = []
        for run in (
            lambda t=text: run_ladybug(graph, t, params),
            lambda t=text: run_grand(ggraph, t, params),
        ):
            times: list[float] = []
            try:
                while len(times) < repeats and sum(times) < 20:
                    t0 = time.perf_counter()
                    rows = run()
                    times.append(time.perf_counter() - t0)
                counts.append(len(rows))
                medians.append(statistics.median(times))
            except Exception as exc:  # noqa: BLE001
                medians.append(float("nan"))
                print(f"  ({name}: {type(exc).__name__}: {str(exc)[:80]})")
        ratio = medians[1] / medians[0] if medians[0] and medians[0] == medians[0] else float("nan")
        agree = "" if len(set(counts)) <= 1 else " (row counts differ: " + "/".join(map(str, counts)) + ")"
        print(f"{name:28} {medians[0]:10.4f} {medians[1]:10.4f} {ratio:7.1f}x {counts[0] if counts else '-':>6}{agree}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument(
        "--neo4j",
        metavar="URI",
        help="also check every answer on an EMPTY Neo4j server",
    )
    parser.add_argument("--neo4j-password", default="orgraph-test")
    args = parser.parse_args()
    correctness(args.neo4j, args.neo4j_password)
    if not args.skip_latency:
        latency(args.n, args.repeats)


if __name__ == "__main__":
    main()
