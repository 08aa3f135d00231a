"""Server time of the Explorer and Compare pages for one county: the first visitor after a start, then warm.

    .venv/bin/python -m bench.bench_pages [--runs 5] [--starts 5] [--dataset data/xilingol]

Each (page, scope, start) runs in --starts fresh Python processes, as after a server start: the first AppTest run
there is the first visitor's, then --runs warm runs in new sessions of the same process; medians over the processes
(first) and over their warm runs. Two starts:
`streamlit run app.py` (cold: the first run imports the page's modules and opens the compiled dataset) and
`streamlit run serve.py` (warm start: the server runs app_pages/startup.warm_up() before it accepts a connection;
here it runs before the clock, and its own time is shown as "start-up"). Before the clock, as a server has done
before its first visitor: streamlit and its server modules are imported (AppTest imports the same set), the
dataset is compiled (the cache is what a start opens), and the installed components are scanned once (AppTest would
scan them again for every session). Times are wall seconds of AppTest.run (the server's work for one page view) and
the CPU seconds of the process during it (threads included); the machine is shared, so CPU time is the steadier.
Aims (issue 13): one county warm ≤0.3 s, first visitor ≤1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, statistics, sys, time
import streamlit.components.v2.manifest_scanner as scanner
from streamlit.testing.v1 import AppTest
page, scope, runs, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
# A server scans the installed packages for components once, when it starts (streamlit Runtime); AppTest scans them
# again for every app (~0.2-2 s). Scanned once here, before the clock, as by the server's start.
found = scanner.scan_component_manifests()
scanner.scan_component_manifests = lambda max_workers=None: list(found)
startup = 0.0
if start == "serve.py":  # what serve.py runs (its import, then its start-up hook) before it accepts a connection
    startup = time.perf_counter()
    from app_pages.startup import warm_up

    warm_up()
    startup = time.perf_counter() - startup

def once():
    at = AppTest.from_file("app.py", default_timeout=300)
    at.query_params["j"] = scope
    at.switch_page(f"app_pages/{page}.py")
    wall, cpu = time.perf_counter(), time.process_time()
    at.run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if at.exception:
        raise SystemExit(f"{page} {scope}: {at.exception[0].value}")
    return wall, cpu

first = once()
warm = [once() for _ in range(runs)]
middle = [statistics.median(w[0] for w in warm), statistics.median(w[1] for w in warm)]
print(json.dumps({"first": first, "warm": middle, "startup": startup}))
"""


def _child(page: str, scope: str, runs: int, start: str, env: dict[str, str]) -> dict[str, Any]:
    """One fresh process: the first visitor after `start`, then the median of `runs` warm visits."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, page, scope, str(runs), start], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(out.stderr[-2000:])
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _median(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each figure over several starts."""
    middle = statistics.median
    return {
        "first": [middle(r["first"][i] for r in results) for i in (0, 1)],
        "warm": [middle(r["warm"][i] for r in results) for i in (0, 1)],
        "startup": middle(r["startup"] for r in results),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm visits per process")
    parser.add_argument("--starts", type=int, default=5, help="fresh processes (server starts) per page and start")
    parser.add_argument("--dataset", type=Path, default=ROOT / "data" / "xilingol")
    args = parser.parse_args(argv)
    env = {**os.environ, "ORGRAPH_DATASET": str(args.dataset), "ORGRAPH_BACKEND": "networkx"}
    sys.path.insert(0, str(ROOT))
    from graph.embedded.compiled import compile_dataset

    dataset = compile_dataset(args.dataset).dataset
    counties = dataset.bottom_jurisdictions()
    county = max(counties, key=lambda j: sum(a.jurisdiction == j.id for a in dataset.agencies))
    print(
        f"dataset {dataset.id}: {len(dataset.agencies)} agencies; county {county.id}; medians of {args.starts} starts "
        f"(first) and of {args.runs} warm runs each"
    )
    print(
        f"{'page':<9} {'scope':<8} {'start':<10} {'start-up':>8} {'first wall':>10} {'first CPU':>9} "
        f"{'warm wall':>9} {'warm CPU':>8}"
    )
    for page in ("explorer", "compare"):
        for scope in (county.id, "all"):
            for start in ("app.py", "serve.py"):
                r = _median([_child(page, scope, args.runs, start, env) for _ in range(args.starts)])
                print(
                    f"{page:<9} {scope:<8} {start:<10} {r['startup']:>8.2f} {r['first'][0]:>10.3f} "
                    f"{r['first'][1]:>9.3f} {r['warm'][0]:>9.3f} {r['warm'][1]:>8.3f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
