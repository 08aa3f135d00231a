"""Benchmark: the networkx store at 1k, 10k and 100k synthetic agencies (medians of several repeats).

    .venv/bin/python -m bench.bench_networkx [--sizes 1000,10000,100000] [--repeat 5] [--lookups 2000]

Per size, in the same run:
  csv→Dataset   loaders.load_dataset on the synthetic dataset written as CSV (docs/data-format.md)
  bare nx       nx.MultiDiGraph().add_nodes_from/add_edges_from of the same nodes and edges (the baseline;
                cyclic GC paused as in the store's load), alternating with the load
  load          NetworkxStore.load(dataset): the schema-shaped graph plus the read indexes, swapped in
  chain         one reporting_chain lookup (median over --lookups random agencies)
  cypher        one embedded Cypher query (label + property match on an agency id), after a warm-up query
  cypher hops   one embedded Cypher query of REPORTS_TO*1..5 up from an agency (random agencies with a chain)
It prints load/bare-nx (the price of the schema attributes and indexes) and throughput in graph elements per
second. Aims: load of 100k agencies under 10 s, a chain lookup under 1 ms.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from bench.synthetic import make_synthetic, write_synthetic_csv
from graph.embedded.store import NetworkxStore
from graph.gcpause import paused_gc
from graph.model import Dataset

CYPHER = "MATCH (a:Agency {id: $id})-[r:REPORTS_TO]->(b:Agency) RETURN a.name_zh AS name, r.mode AS mode, b.id AS up"
HOPS = "MATCH (a:Agency {id: $id})-[:REPORTS_TO*1..5]->(b:Agency) RETURN DISTINCT b.id AS up, b.name_zh AS name"


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def median_of(fn: Callable[[], Any], repeat: int) -> float:
    return statistics.median(timed(fn) for _ in range(repeat))


def bare_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """The baseline: the same nodes and edges with minimal attributes, no indexes."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((a.id, {"snapshot": a.snapshot}) for a in dataset.agencies)
    graph.add_nodes_from(j.id for j in dataset.jurisdictions)
    graph.add_nodes_from(f.id for f in dataset.functions)
    graph.add_edges_from((e.start, e.end, {"type": e.type.value}) for e in dataset.edges)
    return graph


def _bare_graph_gc_paused(dataset: Dataset) -> object:
    """The baseline, with cyclic GC paused as NetworkxStore.load does, so the ratio compares the work, not GC."""
    with paused_gc():
        return bare_graph(dataset)


def loader_time(dataset: Dataset, repeat: int) -> float | None:
    """CSV→Dataset through the real loader, or None when the loader cannot be imported."""
    try:
        from loaders import load_dataset
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_synthetic_csv(dataset, Path(tmp) / "syn")
        return median_of(lambda: load_dataset(folder), repeat)


def chain_time(store: NetworkxStore, dataset: Dataset, lookups: int) -> tuple[float, float]:
    """Median seconds of one reporting_chain lookup, and the mean chain length over the sample."""
    rnd = random.Random(7)
    ids = [rnd.choice(dataset.agencies).id for _ in range(lookups)]
    times, steps = [], 0
    for agency_id in ids:
        started = time.perf_counter()
        chain = store.reporting_chain(agency_id)
        times.append(time.perf_counter() - started)
        steps += len(chain)
    return statistics.median(times), steps / len(ids)


def cypher_time(store: NetworkxStore, dataset: Dataset, repeat: int) -> tuple[float | None, float | None]:
    """(first query, median of the next) seconds; the first one builds the engine's mirror of the graph."""
    try:
        import graph.embedded.engine  # noqa: F401
    except ImportError:
        return None, None
    rnd = random.Random(11)
    first = timed(lambda: store.run_cypher(CYPHER, {"id": dataset.agencies[0].id}))
    ids = [rnd.choice(dataset.agencies).id for _ in range(max(repeat, 5))]
    times = []
    for agency_id in ids:
        started = time.perf_counter()
        result = store.run_cypher(CYPHER, {"id": agency_id})
        times.append(time.perf_counter() - started)
        assert result.rows, f"no row for {agency_id}"
    return first, statistics.median(times)


def hops_time(store: NetworkxStore, dataset: Dataset, repeat: int) -> tuple[float, float]:
    """(median seconds, mean rows) of the 1..5 hop query from random agencies that report to someone."""
    rnd = random.Random(13)
    ids: list[str] = []
    while len(ids) < max(repeat, 5):
        agency_id = rnd.choice(dataset.agencies).id
        if store.reporting_chain(agency_id):
            ids.append(agency_id)
    times, rows = [], 0
    for agency_id in ids:
        started = time.perf_counter()
        result = store.run_cypher(HOPS, {"id": agency_id})
        times.append(time.perf_counter() - started)
        assert result.rows, f"no row above {agency_id}"
        rows += len(result.rows)
    return statistics.median(times), rows / len(ids)


def bench_size(n: int, repeat: int, lookups: int) -> None:
    made = time.perf_counter()
    dataset = make_synthetic(n, seed=1)
    made = time.perf_counter() - made
    elements = len(dataset.jurisdictions) + len(dataset.agencies) + len(dataset.functions) + len(dataset.edges)
    gc.collect()
    loader = loader_time(dataset, max(1, repeat // 2) if n >= 100_000 else repeat)
    store = NetworkxStore()
    bare_times, load_times = [], []
    for _ in range(repeat):  # alternating, so drift in machine load hits both alike
        bare_times.append(timed(lambda: _bare_graph_gc_paused(dataset)))
        load_times.append(timed(lambda: store.load(dataset)))
    bare, load = statistics.median(bare_times), statistics.median(load_times)
    chain, mean_steps = chain_time(store, dataset, lookups)
    first, cypher = cypher_time(store, dataset, repeat)
    hops, hop_rows = hops_time(store, dataset, repeat) if cypher is not None else (None, 0.0)
    ms = 1000.0
    print(
        f"\n{len(dataset.agencies):,} agencies, {len(dataset.edges):,} edges "
        f"({elements:,} elements; generated in {made:.2f} s)"
    )
    if loader is not None:
        print(f"  csv→Dataset (loader)   {loader:8.3f} s   {elements / loader:>12,.0f} elements/s")
    else:
        print("  csv→Dataset (loader)   not available (loaders.load_dataset missing)")
    print(f"  bare nx baseline       {bare:8.3f} s   {elements / bare:>12,.0f} elements/s")
    print(
        f"  NetworkxStore.load     {load:8.3f} s   {elements / load:>12,.0f} elements/s   "
        f"ratio load/bare nx {load / bare:.2f}x   (aim at 100k: < 10 s)"
    )
    print(
        f"  reporting_chain        {chain * ms:8.4f} ms  (median of {lookups} random agencies, "
        f"{mean_steps:.1f} steps on average; aim < 1 ms)"
    )
    if cypher is not None and first is not None:
        print(
            f"  cypher (id match)      {cypher * ms:8.3f} ms  (median; first query incl. mirror build "
            f"{first:.2f} s; ratio cypher/chain {cypher / chain:,.0f}x)"
        )
    else:
        print("  cypher                 not available (graph.embedded.engine missing)")
    if hops is not None:
        print(f"  cypher (1..5 hops up)  {hops * ms:8.3f} ms  (median; {hop_rows:.1f} agencies above on average)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated agency counts")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--lookups", type=int, default=2000, help="random agencies for the chain timing")
    args = parser.parse_args(argv)
    print("networkx store benchmark; medians of", args.repeat, "runs")
    for n in (int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()):
        bench_size(n, args.repeat, args.lookups)


if __name__ == "__main__":
    main()
