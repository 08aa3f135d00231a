"""The differential tester: run generated queries (bench/cypher_fuzz.py) on the embedded engine and on a real
Neo4j server over the same dataset, and classify each one.

Outcomes: `same` (same columns and rows: as a multiset, or in order where ORDER BY decides it); `refused`
(the embedded engine raised UnsupportedCypher naming the construct, a clear refusal); and the failures:
`mismatch` (different rows, silently), `crash` (any other error on the embedded side while Neo4j answered),
`invalid` (Neo4j refused the query: a generator bug); `truncated` (over the row cap on a backend, not compared). Values are compared in a canonical form: numbers as
floats rounded to 9 significant digits, nodes/relationships/maps as sorted items, paths and lists as tuples.
"""

from __future__ import annotations

import dataclasses
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bench.cypher_fuzz import FuzzQuery
from graph.embedded.store import NetworkxStore
from graph.errors import UnsupportedCypher
from graph.model import Dataset
from graph.neo4j.store import Neo4jStore
from graph.neo4j.write import delete_dataset_in_batches

__all__ = ["Outcome", "Summary", "canonical", "classify", "differential_pair", "run_queries"]

FAILURES = ("mismatch", "crash", "invalid")
ROW_CAP = 200_000  # a query with more rows is `truncated`: which rows come first is not decided


@dataclass(frozen=True)
class Outcome:
    query: FuzzQuery
    kind: str  # same | refused | mismatch | crash | invalid | truncated
    detail: str = ""
    embedded_s: float = 0.0
    neo4j_s: float = 0.0


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for o in self.outcomes if o.kind == kind)

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.kind in FAILURES]

    def refused_constructs(self) -> Counter[str]:
        return Counter(o.detail for o in self.outcomes if o.kind == "refused")

    def lines(self) -> list[str]:
        total = len(self.outcomes) or 1
        out = [
            f"queries: {len(self.outcomes)} distinct",
            f"same rows: {self.count('same')} ({100 * self.count('same') / total:.1f}%)",
            f"refused (UnsupportedCypher): {self.count('refused')} ({100 * self.count('refused') / total:.1f}%)",
            f"silent mismatches: {self.count('mismatch')}, crashes: {self.count('crash')}, "
            f"invalid (Neo4j refused): {self.count('invalid')}, over the row cap (not compared): "
            f"{self.count('truncated')}",
        ]
        emb = sorted(o.embedded_s for o in self.outcomes)
        neo = sorted(o.neo4j_s for o in self.outcomes)
        if emb:
            out.append(
                f"time per query: embedded median {1000 * emb[len(emb) // 2]:.1f} ms (total {sum(emb):.1f} s), "
                f"Neo4j median {1000 * neo[len(neo) // 2]:.1f} ms (total {sum(neo):.1f} s)"
            )
        for construct, n in self.refused_constructs().most_common():
            out.append(f"  refused {n:4d}x: {construct}")
        return out


def canonical(value: Any, unordered: bool = False) -> Any:
    """A hashable, order-insensitive-where-it-should-be form of a result value."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(f"{float(value):.9g}")
    if isinstance(value, dict):
        return tuple(sorted((str(k), canonical(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        items = [canonical(v) for v in value]
        return tuple(sorted(items, key=repr)) if unordered else tuple(items)
    return repr(value)


def _rows(result: Any, query: FuzzQuery) -> list[tuple[Any, ...]]:
    return [tuple(canonical(row[c], c in query.unordered) for c in result.columns) for row in result.rows]


def classify(query: FuzzQuery, embedded: Any, neo4j: Any) -> tuple[str, str]:
    """(kind, detail) from the two results, each a QueryResult or the exception raised."""
    if isinstance(neo4j, Exception):
        return "invalid", f"Neo4j: {type(neo4j).__name__}: {neo4j}"[:300]
    if isinstance(embedded, UnsupportedCypher):
        return "refused", embedded.construct
    if isinstance(embedded, Exception):
        return "crash", f"{type(embedded).__name__}: {embedded}"[:300]
    if embedded.truncated or neo4j.truncated:
        return "truncated", f"more than {ROW_CAP} rows"
    if embedded.columns != neo4j.columns:
        return "mismatch", f"columns {embedded.columns} vs Neo4j {neo4j.columns}"
    mine, theirs = _rows(embedded, query), _rows(neo4j, query)
    same = mine == theirs if query.ordered else Counter(mine) == Counter(theirs)
    if same:
        return "same", ""
    return "mismatch", f"embedded {mine[:4]} ({len(mine)} rows) vs Neo4j {theirs[:4]} ({len(theirs)} rows)"[:600]


def _run(store: Any, query: FuzzQuery, dataset_id: str) -> tuple[Any, float]:
    started = time.perf_counter()
    try:
        result: Any = store.run_cypher(query.text, {**query.params, "dataset": dataset_id}, row_cap=ROW_CAP)
    except Exception as exc:  # noqa: BLE001 - every error is an outcome to classify
        result = exc
    return result, time.perf_counter() - started


@dataclass
class differential_pair:  # noqa: N801 - used as a context manager, reads like a function
    """Both backends loaded with `dataset` under a fresh id (the Neo4j server is shared); deleted on exit."""

    dataset: Dataset
    driver: Any
    prefix: str = "difftest"
    embedded: NetworkxStore = field(init=False)
    neo4j: Neo4jStore = field(init=False)

    def __enter__(self) -> differential_pair:
        fresh = dataclasses.replace(self.dataset, id=f"{self.prefix}-{uuid.uuid4().hex[:10]}")
        self.embedded = NetworkxStore()
        self.embedded.load(fresh)
        self.neo4j = Neo4jStore(self.driver)
        self.neo4j.load(fresh)
        self.dataset_id = fresh.id
        return self

    def __exit__(self, *exc: object) -> None:
        with self.driver.session() as session:
            delete_dataset_in_batches(session, self.dataset_id)
        self.embedded.close()


def run_queries(pair: differential_pair, queries: Iterable[FuzzQuery]) -> Summary:
    summary = Summary()
    for query in queries:
        embedded, t_emb = _run(pair.embedded, query, pair.dataset_id)
        neo4j, t_neo = _run(pair.neo4j, query, pair.dataset_id)
        kind, detail = classify(query, embedded, neo4j)
        summary.outcomes.append(Outcome(query, kind, detail, t_emb, t_neo))
    return summary
