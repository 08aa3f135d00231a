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

from exporters import Selection, collect, render
from graph.model import (
    Agency,
    Basis,
    Category,
    Change,
    Dataset,
    Edge,
    Jurisdiction,
    RelType,
    Snapshot,
    SnapshotRole,
    Source,
)

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic_dataset(counties: int, agencies_per_county: int = 40) -> Dataset:
    """A league with `counties` counties of `agencies_per_county` agencies in two snapshots, lineage between them."""
    src = Source("synthetic", "合成数据 synthetic", Basis.MODELED)
    snaps = (Snapshot("before", "2018-12-31", SnapshotRole.BEFORE), Snapshot("after", "2019-03-31", SnapshotRole.AFTER))
    jurs = [Jurisdiction("league", "合成盟", "Synthetic League", "league", None, Basis.MODELED, "synthetic")]
    agencies: list[Agency] = []
    edges: list[Edge] = []
    categories = list(Category)
    for c in range(counties):
        jid = f"c{c:03d}"
        jurs.append(
            Jurisdiction(
                jid,
                f"合成县{c}",
                f"County {c}",
                "county",
                "league",
                Basis.MODELED,
                "synthetic",
                agencies_per_county,
                attributes=(("size_class", "medium"), ("border", False)),
            )
        )
        edges.append(Edge(RelType.IN, jid, "league", Basis.MODELED, "synthetic"))
        for snap in ("before", "after"):
            for k in range(agencies_per_county):
                aid = f"{snap}-{jid}-{k}"
                basis = Basis.MODELED if k % 5 == 0 else Basis.SEED
                agencies.append(
                    Agency(
                        aid,
                        snap,
                        jid,
                        f"合成机构{c}-{k}",
                        f"Agency {c}-{k}",
                        f"type{k}",
                        categories[k % len(categories)],
                        True,
                        basis,
                        "synthetic",
                    )
                )
                if k:
                    parent = f"{snap}-{jid}-{(k - 1) // 4}"
                    mode = ("leads", "manages", "unified", "guides")[k % 4]
                    edges.append(Edge(RelType.REPORTS_TO, aid, parent, basis, "synthetic", mode=mode))
        for k in range(agencies_per_county):
            change = Change.CONTINUED if k % 7 else Change.MERGED
            edges.append(
                Edge(RelType.BECAME, f"before-{jid}-{k}", f"after-{jid}-{k}", Basis.MODELED, "synthetic", change=change)
            )
    edges += [Edge(RelType.IN, a.id, a.jurisdiction, a.basis, a.source) for a in agencies]
    return Dataset(
        "synthetic", "合成数据集", "Synthetic dataset", snaps, (src,), tuple(jurs), tuple(agencies), (), tuple(edges)
    )


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
    parser.add_argument("--synthetic-counties", type=int, default=40, help="0 to skip the synthetic run")
    args = parser.parse_args(argv)
    path = Path(args.dataset)
    if (path / "manifest.toml").exists():
        from loaders import load_dataset

        bench_dataset(load_dataset(path), args.repeats)
    else:
        print(f"(no dataset at {path}; measuring tests/data/mini instead)", file=sys.stderr)
        from loaders import load_dataset

        bench_dataset(load_dataset(ROOT / "tests" / "data" / "mini"), args.repeats)
    if args.synthetic_counties:
        bench_dataset(synthetic_dataset(args.synthetic_counties), args.repeats, county_limit=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
