"""How long the Explorer and Compare pages take to produce their output (AppTest run time), for one county and
for the whole league. The graph is loaded once before timing (it is cached in the app, as in production).

    .venv/bin/python -m bench.bench_app                  # data/xilingol, else tests/data/mini
    ORGRAPH_DATASET=tests/data/mini .venv/bin/python -m bench.bench_app --runs 5

Prints the median of `--runs` timed runs per case (after one warm-up run) and the league/county ratio.
Aim: under 1 s for a county.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _dataset() -> Path:
    if os.environ.get("ORGRAPH_DATASET"):
        return Path(os.environ["ORGRAPH_DATASET"])
    full = ROOT / "data" / "xilingol"
    return full if (full / "manifest.toml").exists() else ROOT / "tests" / "data" / "mini"


def _time_page(page: str, params: dict[str, str], runs: int) -> tuple[float, int]:
    """Median seconds of a fresh AppTest session running `page` with `params`, and the charts it embedded."""
    from streamlit.testing.v1 import AppTest

    samples: list[float] = []
    charts = 0
    for i in range(runs + 1):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(f"app_pages/{page}.py")
        start = time.perf_counter()
        at.run()
        elapsed = time.perf_counter() - start
        if at.exception:
            raise SystemExit(f"{page} {params} raised: {at.exception[0].value}")
        charts = len(at.get("iframe"))
        if i:  # the first run warms the cache (dataset load), as the first visitor would
            samples.append(elapsed)
    return statistics.median(samples), charts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    dataset = _dataset()
    os.environ["ORGRAPH_DATASET"] = str(dataset)
    os.environ.setdefault("ORGRAPH_BACKEND", "networkx")

    from loaders import load_dataset

    loaded = load_dataset(dataset)
    counties = loaded.bottom_jurisdictions()
    if not counties:
        raise SystemExit(f"{dataset} has no county")
    county = max(counties, key=lambda j: len([a for a in loaded.agencies if a.jurisdiction == j.id]))
    print(
        f"dataset {loaded.id} ({dataset}): {len(loaded.agencies)} agencies, {len(loaded.edges)} edges; "
        f"county = {county.id} {county.name_zh}; median of {args.runs} runs"
    )
    print(f"{'page':<10} {'scope':<16} {'median s':>9} {'charts':>7}")
    results: dict[tuple[str, str], float] = {}
    for page in ("explorer", "compare"):
        for scope in (county.id, "league"):
            seconds, charts = _time_page(page, {"j": scope}, args.runs)
            results[(page, scope)] = seconds
            print(f"{page:<10} {scope:<16} {seconds:>9.3f} {charts:>7}")
    for page in ("explorer", "compare"):
        ratio = results[(page, "league")] / results[(page, county.id)]
        verdict = "ok" if results[(page, county.id)] < 1.0 else "SLOW (aim < 1 s)"
        print(f"{page}: league/county = {ratio:.1f}x; county {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
