"""Figures for the read-only gate (graph/cypher_gate.py): how many fuzzed attacks it refuses, how many legitimate
reads it refuses by mistake, and what it costs per query.

    .venv/bin/python bench/bench_gate.py [--seed N] [--attacks N]

The attacks and look-alikes come from tests/security/gate_fuzz.py (the suite runs the same cases on both
backends); the legitimate corpus is the named queries, bench/cypher_corpus.py, docs/schema.md's examples, the
suite's LEGIT_READS and the differential tester's generated reads (bench/cypher_fuzz.py) over the mini dataset.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.cypher_corpus import CORPUS  # noqa: E402
from bench.cypher_fuzz import Vocab, generate  # noqa: E402
from graph.cypher_gate import admit  # noqa: E402
from graph.errors import CypherError  # noqa: E402
from loaders import load_dataset  # noqa: E402
from tests.security.gate_fuzz import ISSUE_TEXTS, LEGIT_READS, attacks, lookalikes, mutants  # noqa: E402


def _refused(text: str) -> bool:
    try:
        admit(text)
    except CypherError:
        return True
    return False


def _legit() -> list[str]:
    named = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.cypher"))]
    block = re.search(r"```cypher\n(.*?)```", (ROOT / "docs" / "schema.md").read_text(encoding="utf-8"), re.S)
    examples = [q.strip() for q in block.group(1).split("\n\n")] if block else []
    generated = [q.text for q in generate(seed=1, count=2000, vocab=Vocab.of(load_dataset(ROOT / "tests/data/mini")))]
    return [*LEGIT_READS, *named, *(c.text for c in CORPUS), *examples, *generated]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--attacks", type=int, default=3000)
    args = parser.parse_args()
    marker, scratch = "/tmp/gate-marker.csv", "/tmp/gate-scratch"
    hostile = attacks(args.attacks, seed=args.seed, marker=marker, scratch=scratch)
    refused = sum(_refused(c.text) for c in hostile)
    issue = sum(_refused(t) for t in ISSUE_TEXTS)
    alike = lookalikes(marker=marker, scratch=scratch)
    alike_run = sum(not _refused(c.text) for c in alike)
    spliced = mutants(2000, seed=args.seed, marker=marker)
    spliced_admitted = sum(not _refused(c.text) for c in spliced)
    legit = _legit()
    false = [t for t in legit if _refused(t)]
    timings = []  # the best of 5 rounds of 10 per query: the machine is shared, the minimum is the cost
    for text in legit[:500]:
        rounds = []
        for _ in range(5):
            started = time.perf_counter()
            for _ in range(10):
                admit(text)
            rounds.append((time.perf_counter() - started) / 10 * 1000)
        timings.append(min(rounds))
    print(f"issue-10 texts refused        {issue} / {len(ISSUE_TEXTS)}")
    print(f"fuzzed attacks refused        {refused} / {len(hostile)} ({100 * refused / len(hostile):.1f}%)")
    print(f"look-alikes admitted (harmless, run in the suite)   {alike_run} / {len(alike)}")
    print(f"random mutants admitted (run in the suite as reads) {spliced_admitted} / {len(spliced)}")
    print(f"legitimate reads refused      {len(false)} / {len(legit)}")
    for text in false[:10]:
        print(f"   {text!r}")
    print(f"gate cost per query           median {statistics.median(timings):.3f} ms, max {max(timings):.3f} ms")


if __name__ == "__main__":
    main()
