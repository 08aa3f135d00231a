"""Benchmark: load_dataset on a generated dataset of N agencies (default 100,000), median of several runs.

    .venv/bin/python bench/bench_loaders.py [--agencies 100000] [--repeat 3]

The generated dataset is valid and shaped like the real one: two snapshots, counties of 50 agencies per
snapshot under a league, REPORTS_TO chains up to 5 deep, HOSTED_BY, HAS_FUNCTION and BECAME edges. It also
times an invalid copy (one bad cell per 1,000 rows) to show that reporting problems costs about the same.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.errors import DatasetError
from loaders import load_dataset

PER_COUNTY = 50
MANIFEST = """id = "bench"
title_zh = "基准测试"
title_en = "Benchmark"

[[snapshots]]
id = "2018"
date = "2018-12-31"
role = "before"

[[snapshots]]
id = "2019"
date = "2019-03-31"
role = "after"

[[sources]]
id = "seed"
basis = "seed"
title = "生成的数据"
"""


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def generate(folder: Path, agencies: int) -> None:
    """A valid dataset of about `agencies` agencies (rounded to whole counties) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    counties = max(1, agencies // (2 * PER_COUNTY))
    jurisdictions = [["league", "盟", "League", "league", "", "", "", "", "", "seed", "seed"]]
    jurisdictions += [
        [f"c{c}", f"旗{c}", f"County {c}", "county", "league", "small", "40", "false", "none", "seed", "seed"]
        for c in range(counties)
    ]
    functions = [[f"f{i}", f"职能{i}", f"Function {i}", "seed", "seed"] for i in range(20)]
    agency_rows: list[list[str]] = []
    edges: list[list[str]] = []
    for snap in ("2018", "2019"):
        for c in range(counties):
            ids = [f"{snap}-c{c}-a{i}" for i in range(PER_COUNTY)]
            for i, agency_id in enumerate(ids):
                category = "leadership" if i == 0 else "government"
                agency_rows.append(
                    [agency_id, snap, f"c{c}", f"机构{i}", f"Agency {i}", f"t{i}", category, "true", "seed", "seed", ""]
                )
                if i:  # a tree: agency i reports to agency (i - 1) // 3, so chains are up to 4-5 deep
                    edges.append(["REPORTS_TO", agency_id, ids[(i - 1) // 3], "leads", "", "", "seed", "seed", ""])
                if i % 10 == 5:
                    edges.append(["HOSTED_BY", agency_id, ids[i - 1], "office_in", "", "", "seed", "seed", ""])
                if i % 5 == 0:
                    edges.append(["HAS_FUNCTION", agency_id, f"f{i % 20}", "", "", "", "seed", "seed", ""])
                if snap == "2019":
                    edges.append(["BECAME", f"2018-c{c}-a{i}", agency_id, "", "continued", "", "seed", "seed", ""])
    _write(
        folder / "jurisdictions.csv",
        [
            "id",
            "name_zh",
            "name_en",
            "level",
            "parent",
            "size_class",
            "agency_quota",
            "border",
            "poverty",
            "basis",
            "source",
        ],
        jurisdictions,
    )
    _write(folder / "functions.csv", ["id", "name_zh", "name_en", "basis", "source"], functions)
    _write(
        folder / "agencies.csv",
        [
            "id",
            "snapshot",
            "jurisdiction",
            "name_zh",
            "name_en",
            "type",
            "category",
            "counts_toward_quota",
            "basis",
            "source",
            "note",
        ],
        agency_rows,
    )
    _write(folder / "edges.csv", ["type", "from", "to", "mode", "change", "function", "basis", "source", "note"], edges)


def spoil(folder: Path) -> int:
    """Make one agency row in 1,000 invalid (a category outside the schema); returns how many."""
    path = folder / "agencies.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    spoiled = 0
    for index in range(1, len(lines), 1000):
        if lines[index]:
            lines[index] = lines[index].replace(",government,", ",ministry,").replace(",leadership,", ",ministry,")
            spoiled += 1
    path.write_text("\n".join(lines), encoding="utf-8")
    return spoiled


def _time(folder: Path, repeat: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds (CPU time is steadier when other work shares the machine)."""
    times: list[float] = []
    cpu: list[float] = []
    count = 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            dataset = load_dataset(folder)
            count = len(dataset.agencies) + len(dataset.edges)
        except DatasetError as exc:
            count = len(exc.problems)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bench"
        generate(folder, args.agencies)
        rows = sum(
            len((folder / f).read_text(encoding="utf-8").splitlines()) - 1 for f in ("agencies.csv", "edges.csv")
        )
        valid, valid_cpu, elements = _time(folder, args.repeat)
        print(
            f"valid:   {rows:,} CSV rows -> {elements:,} agencies+edges: median of {args.repeat} {valid:.2f} s wall, "
            f"{valid_cpu:.2f} s CPU ({valid_cpu / rows * 1e6:.1f} µs CPU per CSV row)"
        )
        spoiled = spoil(folder)
        invalid, invalid_cpu, problems = _time(folder, args.repeat)
        print(
            f"invalid: {spoiled} bad rows -> {problems} problems: median {invalid:.2f} s wall, {invalid_cpu:.2f} s CPU "
            f"(CPU ratio invalid/valid {invalid_cpu / valid_cpu:.2f})"
        )


if __name__ == "__main__":
    main()
