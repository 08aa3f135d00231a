"""Differential run of the embedded Cypher engine against a real Neo4j server: generated read queries
(bench/cypher_fuzz.py) over data/xilingol and a synthetic dataset, each classified by bench/cypher_diff.py.

    .venv/bin/python bench/bench_cypher_diff.py                      # 2,000 queries per dataset, seeds 1 and 2
    .venv/bin/python bench/bench_cypher_diff.py --count 300 --show 20

Neo4j comes from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (default bolt://127.0.0.1:7687, neo4j/orgraph-test);
each dataset is loaded under a fresh id and deleted afterwards. Exit 1 when any query is a failure.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cypher_diff import Summary, differential_pair, run_queries  # noqa: E402
from bench.cypher_fuzz import Vocab, generate  # noqa: E402
from bench.synthetic import make_synthetic  # noqa: E402
from graph.neo4j.store import connect_driver  # noqa: E402
from loaders import load_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="queries per dataset")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--synthetic", type=int, default=2000, help="agencies in the synthetic dataset")
    parser.add_argument("--show", type=int, default=10, help="failures to print in full")
    args = parser.parse_args()
    driver = connect_driver(
        os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", "orgraph-test"),
    )
    datasets = [
        ("data/xilingol", load_dataset(ROOT / "data" / "xilingol")),
        (f"synthetic {args.synthetic}", make_synthetic(args.synthetic, seed=args.seed)),
    ]
    total = Summary()
    texts: set[str] = set()
    for n, (name, dataset) in enumerate(datasets):
        queries = generate(args.seed + n, args.count, Vocab.of(dataset))
        started = time.perf_counter()
        with differential_pair(dataset, driver) as pair:
            summary = run_queries(pair, queries)
        print(f"## {name} (seed {args.seed + n}, {time.perf_counter() - started:.0f} s)")
        print("\n".join(summary.lines()))
        total.outcomes += summary.outcomes
        texts.update(q.text for q in queries)
    driver.close()
    print(f"## total ({len(texts)} distinct query texts)")
    print("\n".join(total.lines()))
    for outcome in total.failures()[: args.show]:
        print(f"\n{outcome.kind}: {outcome.query.text}\n  params {outcome.query.params}\n  {outcome.detail}")
    return 1 if total.failures() else 0


if __name__ == "__main__":
    raise SystemExit(main())
