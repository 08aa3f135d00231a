"""Server time of the Explorer and Compare pages for one county: the first visitor after a start, then warm.

    .venv/bin/python -m bench.bench_pages [--runs 5] [--dataset data/xilingol]

Each (page, scope) runs in a fresh Python process, as after a server start: the first AppTest run there is the
first visitor's (it opens the compiled dataset, builds what the page reads, imports the page's modules), then
--runs warm runs in new sessions of the same process give a median. The dataset is compiled before timing (the
cache is what a start opens), and the installed components are scanned once before the clock, as a server does when
it starts (AppTest would scan them again for every session). Times are wall seconds of AppTest.run (the server's work for one page view) and
the CPU seconds of the same run; the machine is shared, so CPU time is the steadier figure.
Aims (issue 13): one county warm ≤0.3 s, first visitor ≤1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, statistics, sys, time
import streamlit.components.v2.manifest_scanner as scanner
from streamlit.testing.v1 import AppTest
page, scope, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
# A server scans the installed packages for components once, when it starts (streamlit Runtime); AppTest scans them
# again for every app (~0.2-2 s). Scanned once here, before the clock, as by the server's start.
found = scanner.scan_component_manifests()
scanner.scan_component_manifests = lambda max_workers=None: list(found)

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
print(json.dumps({"first": first, "warm": [statistics.median(w[0] for w in warm), statistics.median(w[1] for w in warm)]}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dataset", type=Path, default=ROOT / "data" / "xilingol")
    args = parser.parse_args(argv)
    env = {**os.environ, "ORGRAPH_DATASET": str(args.dataset), "ORGRAPH_BACKEND": "networkx"}
    sys.path.insert(0, str(ROOT))
    from graph.embedded.compiled import compile_dataset

    dataset = compile_dataset(args.dataset).dataset
    counties = dataset.bottom_jurisdictions()
    county = max(counties, key=lambda j: sum(a.jurisdiction == j.id for a in dataset.agencies))
    print(f"dataset {dataset.id}: {len(dataset.agencies)} agencies; county {county.id}; warm = median of {args.runs}")
    print(f"{'page':<9} {'scope':<10} {'first wall':>10} {'first CPU':>10} {'warm wall':>10} {'warm CPU':>9}")
    for page in ("explorer", "compare"):
        for scope in (county.id, "all"):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, page, scope, str(args.runs)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            if out.returncode:
                raise SystemExit(out.stderr[-2000:])
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{page:<9} {scope:<10} {r['first'][0]:>10.3f} {r['first'][1]:>10.3f} "
                f"{r['warm'][0]:>10.3f} {r['warm'][1]:>9.3f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
