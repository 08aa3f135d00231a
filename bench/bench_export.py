"""How long exports take: the league-wide diagram and each county's (median of repeats), on data/xilingol and
on a synthetic dataset of the same shape scaled up, so a slow layout shows before users see it.

    .venv/bin/python -m bench.bench_export [--repeats 5] [--dataset data/xilingol] [--synthetic-counties 40]

Prints one line per measurement: median seconds, and ratios (league-wide / median county; render / fetch).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import make_synthetic
from exporters import Selection, collect, render
from graph.model import Dataset

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_dataset(dataset: Dataset, repeats: int, *, county_limit: int | None = None) -> None:
    from graph.embedded.store import NetworkxStore

    store = NetworkxStore()
    store.load(dataset)
    snap = dataset.snapshot_ids()[-1]
    agencies = len(store.agencies(snap))
    whole = Selection(snapshots=(snap,))
    fetch = median_seconds(lambda: collect(store, dataset, whole), repeats)
    graph = collect(store, dataset, whole)
    league = median_seconds(lambda: render(graph, "svg"), repeats)
    print(f"[{dataset.id}] snapshot {snap}: {agencies} agencies, {len(graph.edges)} edges")
    print(
        f"  league-wide  fetch {fetch:8.3f} s   svg {league:8.3f} s   (render/fetch {league / max(fetch, 1e-9):6.1f}x)"
    )
    for fmt in ("png", "pdf", "html", "graphml", "json", "cypher", "csv"):
        seconds = median_seconds(lambda: render(graph, fmt), max(1, repeats // 2))
        print(f"  league-wide  {fmt:<8} {seconds:8.3f} s   ({seconds / max(league, 1e-9):5.2f}x svg)")
    county_times = []
    for county in dataset.bottom_jurisdictions()[:county_limit]:
        selection = Selection(snapshots=(snap,), jurisdiction=county.id)
        sub = collect(store, dataset, selection)
        if not sub.agencies:
            continue
        seconds = median_seconds(lambda: render(collect(store, dataset, selection), "svg"), repeats)
        county_times.append(seconds)
        print(
            f"  county {county.id:<12} {county.name_zh:<8} {len(sub.agencies):4d} agencies  fetch+svg {seconds:7.3f} s"
        )
    if county_times:
        med = statistics.median(county_times)
        print(
            f"  county median fetch+svg {med:.3f} s over {len(county_times)} counties; max {max(county_times):.3f} s; "
            f"league-wide svg / county median = {league / med:.1f}x"
        )
        county = dataset.bottom_jurisdictions()[0].id
        compare = Selection(compare=tuple(dataset.snapshot_ids()[:2]), jurisdiction=county)  # type: ignore[arg-type]
        if len(dataset.snapshot_ids()) >= 2:
            seconds = median_seconds(lambda: render(collect(store, dataset, compare), "svg"), repeats)
            print(f"  compare {county} fetch+svg {seconds:.3f} s ({seconds / med:.1f}x county)")
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--dataset", default=str(ROOT / "data" / "xilingol"))
    parser.add_argument(
        "--synthetic-agencies", type=int, default=3200, help="agencies of bench/synthetic.py's dataset; 0 skips it"
    )
    args = parser.parse_args(argv)
    path = Path(args.dataset)
    if (path / "manifest.toml").exists():
        from loaders import load_dataset

        bench_dataset(load_dataset(path), args.repeats)
    else:
        print(f"(no dataset at {path}; measuring tests/data/mini instead)", file=sys.stderr)
        from loaders import load_dataset

        bench_dataset(load_dataset(ROOT / "tests" / "data" / "mini"), args.repeats)
    if args.synthetic_agencies:
        bench_dataset(make_synthetic(args.synthetic_agencies), args.repeats, county_limit=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
