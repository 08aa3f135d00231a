"""Loading and querying speed of the Neo4j backend against a real server, in one run on the same server.

    bash scripts/neo4j-server/start.sh && .venv/bin/python -m bench.bench_neo4j [--sizes 10000 100000]

For each synthetic size (agencies) it loads the same dataset three ways, each under its own dataset id:
  ours      Neo4jStore.load: one transaction, batched UNWIND (plus the reload, which must change nothing)
  naive     one CREATE statement per node or edge, each in its own auto-commit transaction; sampled (the first
            --naive-sample nodes and an evenly spread sample of edges are timed, the rest is extrapolated)
  LOAD CSV  Neo4j's own LOAD CSV from the same CSV files, CALL { ... } IN TRANSACTIONS OF 10000 ROWS
and prints rows/s with the ratios ours/naive (aim >= 50x) and ours/LOAD CSV (aim >= 1x). Then the median latency of
the reporting chain (store API and one Cypher query) and of every named query in queries/.
LOAD CSV reads from the server's import folder (.neo4j/import, or ORGRAPH_NEO4J_IMPORT_DIR for another server).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from graph.errors import mask_uri
from graph.model import Dataset
from graph.neo4j.rows import node_props, node_rows, rel_props, rel_rows
from graph.neo4j.store import Neo4jStore, connect_driver
from graph.neo4j.vocab import LABELS, schema_query
from graph.neo4j.write import delete_dataset_in_batches

ROOT = Path(__file__).resolve().parent.parent
IMPORT_DIR = Path(os.environ.get("ORGRAPH_NEO4J_IMPORT_DIR", ROOT / ".neo4j" / "import"))

NAIVE_NODE = {lb: schema_query("CREATE (n:{label}) SET n = $props", label=lb) for lb in LABELS}
NAIVE_EDGE = (
    "MATCH (a:{start} {dataset: $ds, id: $start}) MATCH (b:{end} {dataset: $ds, id: $end}) "
    "CREATE (a)-[r:{type}]->(b) SET r = $props"
)

_IT = "IN TRANSACTIONS OF 10000 ROWS"
_REL = "{basis: row.basis, source: row.source, note: coalesce(row.note, '')}"
LOAD_CSV = [
    "LOAD CSV WITH HEADERS FROM $base + '/jurisdictions.csv' AS row CALL (row) { CREATE (:Jurisdiction {id: row.id, "
    "name_zh: row.name_zh, name_en: row.name_en, level: row.level, size_class: row.size_class, "
    "agency_quota: toInteger(row.agency_quota), border: toBoolean(row.border), poverty: row.poverty, "
    "basis: row.basis, source: row.source, note: coalesce(row.note, ''), dataset: $ds}) } " + _IT,
    "LOAD CSV WITH HEADERS FROM $base + '/agencies.csv' AS row CALL (row) { CREATE (:Agency {id: row.id, "
    "snapshot: row.snapshot, jurisdiction: row.jurisdiction, name_zh: row.name_zh, name_en: row.name_en, "
    "type: row.type, category: row.category, counts_toward_quota: toBoolean(row.counts_toward_quota), "
    "basis: row.basis, source: row.source, note: coalesce(row.note, ''), dataset: $ds}) } " + _IT,
    "LOAD CSV WITH HEADERS FROM $base + '/functions.csv' AS row CALL (row) { CREATE (:Function {id: row.id, "
    "name_zh: row.name_zh, name_en: row.name_en, basis: coalesce(row.basis, 'modeled'), "
    "source: coalesce(row.source, ''), dataset: $ds}) } " + _IT,
    "LOAD CSV WITH HEADERS FROM $base + '/jurisdictions.csv' AS row WITH row WHERE row.parent IS NOT NULL "
    "CALL (row) { MATCH (j:Jurisdiction {dataset: $ds, id: row.id}) MATCH (p:Jurisdiction {dataset: $ds, id: row.parent}) "
    "CREATE (j)-[:IN " + _REL + "]->(p) } " + _IT,
    "LOAD CSV WITH HEADERS FROM $base + '/agencies.csv' AS row CALL (row) { MATCH (a:Agency {dataset: $ds, id: row.id}) "
    "MATCH (j:Jurisdiction {dataset: $ds, id: row.jurisdiction}) CREATE (a)-[:IN " + _REL + "]->(j) } " + _IT,
] + [
    schema_query(
        "LOAD CSV WITH HEADERS FROM $base + '/edges.csv' AS row WITH row WHERE row.type = '{type}' CALL (row) { "
        "MATCH (a:Agency {dataset: $ds, id: row.from}) MATCH (b:{end} {dataset: $ds, id: row.to}) "
        "CREATE (a)-[:{type} {basis: row.basis, source: row.source, note: coalesce(row.note, ''), mode: row.mode, "
        "change: row.change, function: row.function}]->(b) } ",
        type=t,
        end=end,
    )
    + _IT
    for t, end in [
        ("REPORTS_TO", "Agency"),
        ("HOSTED_BY", "Agency"),
        ("HAS_FUNCTION", "Function"),
        ("BECAME", "Agency"),
    ]
]


def synthetic(n: int, seed: int) -> Dataset:
    from bench.synthetic import make_synthetic

    return make_synthetic(n, seed=seed)


def write_csv(dataset: Dataset, folder: Path) -> None:
    from bench.synthetic import write_synthetic_csv

    write_synthetic_csv(dataset, folder)


def drop(driver: Any, dataset_id: str) -> None:
    with driver.session() as session:
        delete_dataset_in_batches(session, dataset_id)


def count_rows(dataset: Dataset) -> int:
    return len(dataset.agencies) + len(dataset.jurisdictions) + len(dataset.functions) + len(dataset.edges)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def load_ours(driver: Any, dataset: Dataset) -> tuple[float, float]:
    store = Neo4jStore(driver)
    store._ensure_schema()  # as for LOAD CSV: constraints exist before the clock starts
    first = store.load(dataset).seconds
    again = store.load(dataset).seconds
    return first, again


def load_naive(driver: Any, dataset: Dataset, sample: int) -> tuple[float, int]:
    """Seconds extrapolated to the whole dataset, and how many rows were really sent one by one."""
    nodes = [(label, row) for label, rows in node_rows(dataset).items() for row in rows]
    edges = list(rel_rows(dataset).items())
    node_sample = nodes[:sample]
    edge_sample = edges[:: max(1, len(edges) // sample)][:sample]
    with driver.session() as session:
        node_s = timed(
            lambda: [
                session.run(NAIVE_NODE[lb], props=node_props(lb, row, dataset.id)).consume() for lb, row in node_sample
            ]
        )
        rest = {lb: [row for lab, row in nodes[sample:] if lab == lb] for lb in LABELS}  # untimed: edges need ends
        for label, rows in rest.items():
            for i in range(0, len(rows), 10000):
                query = schema_query("UNWIND $rows AS row CREATE (n:{label}) SET n = row", label=label)
                chunk = [node_props(label, row, dataset.id) for row in rows[i : i + 10000]]
                session.run(query, rows=chunk).consume()
        edge_s = timed(
            lambda: [
                session.run(
                    schema_query(NAIVE_EDGE, start=key[1], end=key[3], type=key[0]),
                    ds=dataset.id,
                    start=row[0],
                    end=row[1],
                    props=rel_props(row),
                ).consume()
                for key, row in edge_sample
            ]
        )
    total = node_s / max(len(node_sample), 1) * len(nodes) + edge_s / max(len(edge_sample), 1) * len(edges)
    return total, len(node_sample) + len(edge_sample)


def load_csv(driver: Any, dataset: Dataset) -> float:
    folder = IMPORT_DIR / f"bench-{dataset.id}"
    shutil.rmtree(folder, ignore_errors=True)
    write_csv(dataset, folder)
    Neo4jStore(driver)._ensure_schema()  # the same constraints and indexes as ours
    base = f"file:///{folder.name}"
    try:
        with driver.session() as session:
            return timed(lambda: [session.run(q, base=base, ds=dataset.id).consume() for q in LOAD_CSV])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def median_latency(action: Callable[[], object], repeats: int) -> float:
    action()  # warm the plan cache
    return statistics.median(timed(action) for _ in range(repeats))


def query_latencies(driver: Any, dataset: Dataset, repeats: int, seed: int) -> None:
    store = Neo4jStore(driver)
    store.dataset_id = dataset.id  # already loaded by load_ours
    picks = random.Random(seed).sample([a.id for a in dataset.agencies], k=min(repeats, len(dataset.agencies)))
    chain = iter(picks * 3)
    ms = median_latency(lambda: store.reporting_chain(next(chain)), repeats) * 1000
    depth = statistics.median(len(store.reporting_chain(a)) for a in picks)
    print(f"  reporting_chain (store API, median depth {depth:g}): {ms:8.2f} ms median")
    chain = iter(picks * 3)
    text = (
        "MATCH p = (a:Agency {dataset: $dataset, id: $id})-[:REPORTS_TO*1..6]->(top:Agency) "
        "RETURN top.id AS above, length(p) AS steps ORDER BY steps"
    )
    ms = median_latency(lambda: store.run_cypher(text, {"id": next(chain)}), repeats) * 1000
    print(f"  reporting chain Cypher (*1..6):                {ms:8.2f} ms median")
    named_query_latencies(store, dataset, picks[0], repeats)


def named_query_latencies(store: Neo4jStore, dataset: Dataset, agency_id: str, repeats: int) -> None:
    """Each named query with its default parameters read off the dataset (text, as the CLI and app pass them);
    a required agency id is one of the picked agencies."""
    from queries import all_queries

    for query in all_queries():
        params = {**query.bind(dataset).defaults, **{p: agency_id for p in query.required if p == "agency_id"}}
        run = partial(store.run_cypher, query.text, params)
        try:
            ms = median_latency(run, repeats) * 1000
            rows = len(run().rows)
            print(f"  named query {query.name:<34} {ms:8.2f} ms median ({rows} rows)")
        except Exception as exc:  # noqa: BLE001 - report and go on with the others
            print(f"  named query {query.name:<34} failed: {exc}")


def xilingol_latencies(driver: Any, repeats: int) -> None:
    """The named queries on the real dataset, where their default parameters match rows."""
    from loaders import load_dataset

    dataset = load_dataset(ROOT / "data" / "xilingol")
    store = Neo4jStore(driver)
    store.load(dataset)  # idempotent: left loaded, the app may be using it
    print(f"\n== data/xilingol ({len(dataset.agencies)} agencies): query latency ==")
    picks = [a.id for a in dataset.agencies][:: max(1, len(dataset.agencies) // repeats)][:repeats]
    chain = iter(picks * 3)
    ms = median_latency(lambda: store.reporting_chain(next(chain)), repeats) * 1000
    print(f"  reporting_chain (store API):                   {ms:8.2f} ms median")
    named_query_latencies(store, repeats)


def warm_up(driver: Any, seed: int) -> None:
    """Load a small dataset every way first, so no method pays for the server's cold JIT and plan cache."""
    small = synthetic(2000, seed)
    for kind in ("ours", "naive", "csv"):
        drop(driver, f"bench-warm-{kind}")
    load_ours(driver, replace(small, id="bench-warm-ours"))
    load_naive(driver, replace(small, id="bench-warm-naive"), 200)
    load_csv(driver, replace(small, id="bench-warm-csv"))
    for kind in ("ours", "naive", "csv"):
        drop(driver, f"bench-warm-{kind}")


def bench_size(driver: Any, n: int, args: argparse.Namespace) -> None:
    base = synthetic(n, args.seed)
    rows = count_rows(base)
    print(
        f"\n== {len(base.agencies):,} agencies, {rows:,} rows (nodes + edges); load times are medians of "
        f"{args.load_repeats} =="
    )
    ours_ds, naive_ds, csv_ds = (replace(base, id=f"bench-{kind}-{n}") for kind in ("ours", "naive", "csv"))
    ours_runs, reload_runs, csv_runs = [], [], []
    csv_error = ""
    for _ in range(args.load_repeats):  # alternate the two fast loaders so drift hits both alike
        drop(driver, ours_ds.id)
        first, again = load_ours(driver, ours_ds)
        ours_runs.append(first)
        reload_runs.append(again)
        drop(driver, csv_ds.id)
        try:
            csv_runs.append(load_csv(driver, csv_ds))
        except Exception as exc:  # noqa: BLE001 - e.g. a remote server that cannot read our folder
            csv_error = str(exc)
        drop(driver, csv_ds.id)
    ours, reload = statistics.median(ours_runs), statistics.median(reload_runs)
    print(f"  ours      {ours:8.2f} s  {rows / ours:10,.0f} rows/s   (reload, no change: {reload:.2f} s)")
    drop(driver, naive_ds.id)
    naive, sent = load_naive(driver, naive_ds, args.naive_sample)
    drop(driver, naive_ds.id)
    print(
        f"  naive     {naive:8.2f} s  {rows / naive:10,.0f} rows/s   (one CREATE per row, one transaction per row; "
        f"sampled {sent:,} rows, extrapolated)"
    )
    if csv_runs:
        csv_s = statistics.median(csv_runs)
        print(f"  LOAD CSV  {csv_s:8.2f} s  {rows / csv_s:10,.0f} rows/s   (CALL {{}} IN TRANSACTIONS OF 10000 ROWS)")
    else:
        csv_s = float("nan")
        print(f"  LOAD CSV  skipped: {csv_error}")
    print(f"  ratio ours/naive {naive / ours:6.1f}x (aim >= 50x);  ours/LOAD CSV {csv_s / ours:5.2f}x (aim >= 1x)")
    query_latencies(driver, ours_ds, args.repeats, args.seed)
    drop(driver, ours_ds.id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--naive-sample",
        type=int,
        default=2000,
        help="rows of each kind the naive loader sends",
    )
    parser.add_argument("--repeats", type=int, default=20, help="runs of each query (median)")
    parser.add_argument(
        "--load-repeats",
        type=int,
        default=3,
        help="loads per fast loader and size (median)",
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    driver = connect_driver(
        uri,
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", "orgraph-test"),
    )
    print(f"Neo4j at {mask_uri(uri)}; LOAD CSV import folder {IMPORT_DIR}")
    try:
        warm_up(driver, args.seed)
        for n in args.sizes:
            bench_size(driver, n, args)
        xilingol_latencies(driver, args.repeats)
    finally:
        driver.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
