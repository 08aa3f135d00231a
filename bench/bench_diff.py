"""Benchmark: diff_snapshots on synthetic snapshots of 10k, 100k and 1M agencies (medians of several runs).

    .venv/bin/python -m bench.bench_diff [--sizes 10000 100000 1000000] [--repeat 5] [--no-store]

Per size, in the same run, it times (median of --repeat runs):
- read:  both snapshots' agencies read once from the store and indexed by id (the least any lineage diff does);
- fetch: SnapshotData.from_store for both snapshots (agencies plus edges, as the CLI and app fetch them);
- diff:  diff_snapshots on the fetched data, everything in scope; county: the same for one county.
It prints diff/read (the brief's ratio; aim under 3x), diff/fetch, and microseconds per agency: a linear diff
keeps both the ratios and the per-agency cost flat as the size grows tenfold.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

from bench.synthetic import make_synthetic
from graph.diff.compare import SnapshotData, diff_snapshots

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    """Median wall time of `repeat` calls; a full collection before each keeps earlier garbage out of the timing."""
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class DatasetStore:
    """The GraphStore reads diff needs, answered from the Dataset directly (--no-store: no graph to build)."""

    def __init__(self, dataset: Any) -> None:
        self.data = {s: SnapshotData.from_dataset(dataset, s) for s in dataset.snapshot_ids()}

    def agencies(self, snapshot: str) -> list[Any]:
        return list(self.data[snapshot].agencies)

    def edges(self, snapshot: str) -> list[Any]:
        return list(self.data[snapshot].edges)


def bench_size(n: int, repeat: int, use_store: bool) -> dict[str, float]:
    dataset = make_synthetic(n, seed=1)
    if use_store:
        from graph.embedded.store import NetworkxStore

        store: Any = NetworkxStore()
        store.load(dataset)
    else:
        store = DatasetStore(dataset)
    county = next(j.id for j in dataset.jurisdictions if j.level == "county")

    def read() -> None:
        before, after = store.agencies("2018"), store.agencies("2019")
        {a.id: a for a in before}
        {a.id: a for a in after}

    def fetch() -> tuple[SnapshotData, SnapshotData]:
        return SnapshotData.from_store(store, "2018"), SnapshotData.from_store(store, "2019")

    before, after = fetch()
    result = diff_snapshots(before, after, dataset.jurisdictions)
    row = {
        "agencies": float(len(before.agencies) + len(after.agencies)),
        "edges": float(len(before.edges) + len(after.edges)),
        "read": median_time(read, repeat),
        "fetch": median_time(fetch, repeat),
        "diff": median_time(lambda: diff_snapshots(before, after, dataset.jurisdictions), repeat),
        "county": median_time(
            lambda: diff_snapshots(before, after, dataset.jurisdictions, scope=county),
            repeat,
        ),
        "changes": float(len(result.merged) + len(result.split) + len(result.renamed) + len(result.reporting)),
    }
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="runs per measurement (median); 3 at 1M and above",
    )
    parser.add_argument(
        "--no-store",
        action="store_true",
        help="read from the Dataset instead of a NetworkxStore",
    )
    args = parser.parse_args(argv)
    header = (
        f"{'agencies':>9} {'edges':>9} {'read s':>8} {'fetch s':>8} {'diff s':>8} {'county s':>8} "
        f"{'diff/read':>9} {'diff/fetch':>10} {'µs/agency':>9}"
    )
    print(f"backend: {'dataset' if args.no_store else 'networkx store'}; medians")
    print(header)
    for n in args.sizes:
        repeat = min(args.repeat, 3) if n >= 1_000_000 else args.repeat
        r = bench_size(n, repeat, not args.no_store)
        print(
            f"{int(r['agencies']):>9} {int(r['edges']):>9} {r['read']:>8.3f} {r['fetch']:>8.3f} {r['diff']:>8.3f} "
            f"{r['county']:>8.3f} {r['diff'] / r['read']:>8.1f}x {r['diff'] / r['fetch']:>9.1f}x "
            f"{r['diff'] / r['agencies'] * 1e6:>9.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
