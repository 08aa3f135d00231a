"""Benchmark: the snapshot diff at 10k, 100k and 1M agencies, and Compare for one county against the whole.

    .venv/bin/python -m bench.bench_diff [--sizes 10000 100000 1000000] [--repeat 5] [--no-xilingol]

Every figure is the median of --repeat runs (3 at 1M) of CPU time (process_time: the machine is shared, and CPU
time drifts less with the load than wall time, printed too); ratios are taken within one run. On a NetworkxStore:

Whole diff (synthetic sizes):
- read:  one read of both snapshots through the store's public read path, as the diff needs them: agencies AND
         edges (store.agencies, store.edges), every record touched once in C-level passes (agencies indexed by id,
         the start of each edge read); no Python loop, so this is the least any consumer of the snapshots does;
- fetch: SnapshotData.from_store for both snapshots (agencies plus edges, as the CLI and app fetch them; list
         copies only, no record touched);
- columns: the columns of both snapshots (graph/diff/columns.py), built once per kept snapshot: a large diff runs
         over them (graph/diff/vector.py), and the service keeps whole snapshots, so this is paid once per process;
- first: diff_snapshots on freshly fetched snapshots: builds their columns, resolves the lineage, then diffs;
- diff:  diff_snapshots on kept snapshots (columns built, lineage resolved), everything in scope: every diff of
         the same snapshots after the first (the app's Compare reruns);
- objects: the same diff object at a time (the path below compare.COLUMNAR_FROM agencies), for comparison.
It prints diff/read (issue 13's ratio; aim ≤3x), first/read, objects/read, and µs per agency (aim: flat from 10k
to 1M).

Compare for one county (data/xilingol and each synthetic size): what service.diff costs (fetch + diff) for the
whole dataset, for one county read from its neighbourhood (graph/diff/fetch.py), and for the county cut from the
whole snapshots (the former way). Aim: county ≤25% of the whole.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from operator import attrgetter
from pathlib import Path
from typing import Any

from bench.synthetic import make_synthetic
from graph.diff import compare
from graph.diff.compare import SnapshotData, diff_snapshots, resolve_scope
from graph.diff.fetch import fetch_pair
from graph.embedded.store import NetworkxStore
from graph.model import Dataset

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
_ID, _START = attrgetter("id"), attrgetter("start")
XILINGOL = Path(__file__).resolve().parents[1] / "data" / "xilingol"


def median_time(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median (CPU, wall) seconds of `repeat` calls; a full collection before each keeps earlier garbage out."""
    cpus, walls = [], []
    for _ in range(repeat):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(cpus), statistics.median(walls)


def loaded(dataset: Dataset) -> tuple[NetworkxStore, str, str]:
    store = NetworkxStore()
    store.load(dataset)
    return store, dataset.snapshot_ids()[0], dataset.snapshot_ids()[-1]


def whole_diff(n: int, repeat: int) -> dict[str, float]:
    """read, fetch and diff of two whole synthetic snapshots of about n agencies together."""
    dataset = make_synthetic(n, seed=1)
    store, b, a = loaded(dataset)

    def read() -> None:
        for snapshot in (b, a):
            agencies, edges = store.agencies(snapshot), store.edges(snapshot)
            dict(zip(map(_ID, agencies), agencies))
            list(map(_START, edges))

    def fetch() -> tuple[SnapshotData, SnapshotData]:
        return SnapshotData.from_store(store, b), SnapshotData.from_store(store, a)

    def columns() -> None:
        for data in fetch():
            data.columns()

    def objects() -> None:
        saved, compare.COLUMNAR_FROM = compare.COLUMNAR_FROM, 2**62
        try:
            diff_snapshots(before, after, dataset.jurisdictions)
        finally:
            compare.COLUMNAR_FROM = saved

    before, after = fetch()
    row = {
        "agencies": float(len(before.agencies) + len(after.agencies)),
        "edges": float(len(before.edges) + len(after.edges)),
    }
    for name, fn in (
        ("read", read),
        ("fetch", fetch),
        ("columns", columns),
        ("first", lambda: diff_snapshots(*fetch(), dataset.jurisdictions)),
        ("diff", lambda: diff_snapshots(before, after, dataset.jurisdictions)),
        ("objects", objects),
    ):
        row[name], row[name + "_wall"] = median_time(fn, repeat)
    return row


def county_compare(dataset: Dataset, repeat: int) -> dict[str, Any]:
    """service.diff's work (fetch + diff) for everything, for the largest county, and for that county the old way."""
    store, b, a = loaded(dataset)
    counties = [j.id for j in dataset.bottom_jurisdictions()]
    sizes = {j: len(store.agencies(b, jurisdiction=j)) + len(store.agencies(a, jurisdiction=j)) for j in counties}
    county = max(counties, key=lambda j: (sizes[j], j))
    jurisdictions = dataset.jurisdictions

    kept: dict[str, SnapshotData] = {}  # whole snapshots, kept as the service keeps them (their columns too)

    def whole(snapshot: str) -> SnapshotData:
        return kept.setdefault(snapshot, SnapshotData.from_store(store, snapshot))

    def compare(scope: str | None, scoped_read: bool) -> None:
        ids = resolve_scope(scope, jurisdictions)[1] if scoped_read else None
        diff_snapshots(*fetch_pair(store, b, a, ids, whole=whole), jurisdictions, scope=scope)

    compare(None, False)  # the store's first read sorts once; a large diff builds the kept snapshots' columns
    row: dict[str, Any] = {"dataset": dataset.id, "county_id": county, "agencies": len(dataset.agencies)}
    for name, scope, scoped in (("whole", None, False), ("county", county, True), ("cut", county, False)):
        row[name], row[name + "_wall"] = median_time(lambda: compare(scope, scoped), repeat)
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(DEFAULT_SIZES))
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median); 3 at 1M and above")
    parser.add_argument("--no-xilingol", action="store_true", help="skip Compare for a county of data/xilingol")
    args = parser.parse_args(argv)
    print("whole diff, NetworkxStore; medians of CPU seconds (wall in brackets)")
    steps = ("read", "fetch", "columns", "first", "diff", "objects")
    print(
        f"{'agencies':>9} {'edges':>9} " + " ".join(f"{k + ' s':>15}" for k in steps) + f" {'diff/read':>9} "
        f"{'first/read':>10} {'objects/read':>12} {'µs/agency':>9} {'first µs':>8} {'objects µs':>10}"
    )
    for n in args.sizes:
        r = whole_diff(n, min(args.repeat, 3) if n >= 1_000_000 else args.repeat)
        cells = " ".join(f"{r[k]:>6.3f} ({r[k + '_wall']:>6.3f})" for k in steps)
        per = {k: r[k] / r["agencies"] * 1e6 for k in ("diff", "first", "objects")}
        print(
            f"{int(r['agencies']):>9} {int(r['edges']):>9} {cells} {r['diff'] / r['read']:>8.1f}x "
            f"{r['first'] / r['read']:>9.1f}x {r['objects'] / r['read']:>11.1f}x {per['diff']:>9.2f} "
            f"{per['first']:>8.2f} {per['objects']:>10.2f}",
            flush=True,
        )
    print("\nCompare for one county (fetch + diff, as service.diff); medians of CPU seconds (wall in brackets)")
    print(f"{'dataset':<24} {'county':<12} {'whole s':>15} {'county s':>15} {'cut s':>15} {'county/whole':>12}")
    datasets: list[Callable[[], Dataset]] = []
    if not args.no_xilingol and (XILINGOL / "manifest.toml").exists():
        from loaders import load_dataset

        datasets.append(lambda: load_dataset(XILINGOL))
    datasets += [lambda n=n: make_synthetic(n, seed=1) for n in args.sizes]  # type: ignore[misc]
    for make in datasets:
        dataset = make()
        r = county_compare(dataset, min(args.repeat, 3) if len(dataset.agencies) >= 1_000_000 else args.repeat)
        cells = " ".join(f"{r[k]:>6.3f} ({r[k + '_wall']:>6.3f})" for k in ("whole", "county", "cut"))
        print(f"{r['dataset']:<24} {r['county_id']:<12} {cells} {r['county'] / r['whole']:>11.1%}", flush=True)


if __name__ == "__main__":
    main()
