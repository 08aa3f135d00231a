"""What the Cypher corpus is written with: a case, the mini dataset's graph, and plain-Python helpers for answers.

Used by bench/bench_cypher_engines.py to count, per engine, how many queries run and give the right rows.
The queries are written the way analysts type them: single quotes, count(*), lower-case functions,
$parameters, unbounded REPORTS_TO paths, Chinese literals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.embedded.store import NetworkxStore
from loaders import load_dataset

__all__ = [
    "Case",
    "Rows",
    "by",
    "graph_from_folder",
    "of_label",
    "props",
    "rel_plain",
    "rels",
    "rows_match",
    "up_paths",
]

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    expected: Callable[[nx.MultiDiGraph], Rows]
    params: dict[str, Any] | None = None
    ordered: bool = False  # compare in order (the query has ORDER BY)


def graph_from_folder(folder: Path) -> nx.MultiDiGraph:
    """A dataset folder as the embedded engine sees it: loaded by the real loaders into the real store."""
    store = NetworkxStore()
    store.load(load_dataset(folder))
    return store.graph


# ---- plain-Python helpers the expected answers are written with ----


def props(g: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    return {k: v for k, v in g.nodes[key].items() if k != "labels" and v is not None}


def of_label(g: nx.MultiDiGraph, label: str) -> list[str]:
    return sorted(k for k, a in g.nodes(data=True) if label in a.get("labels", ()))


def rels(g: nx.MultiDiGraph, rel_type: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [(u, v, a) for u, v, a in g.edges(data=True) if a.get("type") == rel_type]


def rel_plain(a: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in a.items() if v is not None}


def up_paths(g: nx.MultiDiGraph, start: str, lo: int, hi: int) -> list[list[tuple[str, dict[str, Any]]]]:
    """Every REPORTS_TO walk from `start` of length lo..hi without repeating an edge: [(node, edge-in)]."""
    out: list[list[tuple[str, dict[str, Any]]]] = []

    def walk(path: list[tuple[str, dict[str, Any]]], used: set[tuple[str, str, int]]) -> None:
        if lo <= len(path) - 1 <= hi and len(path) > 1:
            out.append(list(path))
        if len(path) - 1 == hi:
            return
        here = path[-1][0]
        for _, nxt, k, a in g.out_edges(here, keys=True, data=True):
            if a.get("type") == "REPORTS_TO" and (here, nxt, k) not in used:
                walk(path + [(nxt, a)], used | {(here, nxt, k)})

    walk([(start, {})], set())
    return out


def by(rows: Rows, *keys: str, reverse: bool = False) -> Rows:
    return sorted(rows, key=lambda r: tuple((r[k] is None, r[k]) for k in keys), reverse=reverse)


def rows_match(actual: Rows, expected: Rows, ordered: bool) -> bool:
    """Same rows (as a multiset, or in order when the query orders them); floats compared to 1e-9."""

    def norm(v: Any) -> Any:
        if isinstance(v, float):
            return round(v, 9)
        if isinstance(v, dict):
            return tuple(sorted((k, norm(x)) for k, x in v.items()))
        if isinstance(v, (list, tuple)):
            return tuple(norm(x) for x in v)
        return v

    a = [norm(r) for r in actual]
    e = [norm(r) for r in expected]
    return a == e if ordered else Counter(map(repr, a)) == Counter(map(repr, e))


def chain_rows(g: nx.MultiDiGraph, start: str) -> Rows:
    tops = {}
    for path in up_paths(g, start, 1, 99):
        node = path[-1][0]
        tops[node] = min(tops.get(node, 99), len(path) - 1)
    return by(
        [{"above": g.nodes[n]["name_zh"], "steps": d} for n, d in tops.items()],
        "steps",
        "above",
    )


def undirected_trail_ends(g: nx.MultiDiGraph, start: str, hops: int) -> Rows:
    """Ends of every REPORTS_TO trail (no edge twice, either direction) of 1..hops steps from `start`."""
    edges = [(u, v, k) for u, v, k, a in g.edges(keys=True, data=True) if a.get("type") == "REPORTS_TO"]
    out: Rows = []

    def walk(node: str, used: frozenset[tuple[str, str, int]], depth: int) -> None:
        if depth == hops:
            return
        for edge in edges:
            if edge in used or node not in edge[:2]:
                continue
            other = edge[1] if edge[0] == node else edge[0]
            out.append({"id": other})
            walk(other, used | {edge}, depth + 1)

    walk(start, frozenset(), 0)
    return out
