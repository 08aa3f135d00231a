"""Shared helpers of the embedded-engine tests: the mini dataset's graph, a runner and plain-Python oracles.

Every expected answer in those tests is computed with these helpers over the same graph, never written by hand.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.embedded.engine import run_embedded
from graph.embedded.store import NetworkxStore
from graph.model import Dataset
from graph.store import QueryResult


def graph_of(dataset: Dataset) -> nx.MultiDiGraph:
    """The networkx graph the embedded engine runs on, built by the real store."""
    store = NetworkxStore()
    store.load(dataset)
    return store.graph


def run(graph: nx.MultiDiGraph, text: str, params: dict[str, Any] | None = None, **kw: Any) -> QueryResult:
    return run_embedded(
        graph,
        text,
        params,
        timeout_s=kw.get("timeout_s", 10.0),
        row_cap=kw.get("row_cap", 1000),
    )


def agencies(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    return {k: a for k, a in graph.nodes(data=True) if "Agency" in a["labels"]}


def rels(graph: nx.MultiDiGraph, rel_type: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [(u, v, a) for u, v, a in graph.edges(data=True) if a["type"] == rel_type]


def props(graph: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    return {k: v for k, v in graph.nodes[key].items() if k != "labels" and v is not None}


def ancestors_via_reports_to(graph: nx.MultiDiGraph, start: str) -> set[str]:
    sub = nx.DiGraph((u, v) for u, v, _ in rels(graph, "REPORTS_TO"))
    return nx.descendants(sub, start) if start in sub else set()


def a_leaf_with_chain(graph: nx.MultiDiGraph, depth: int = 2) -> str:
    """An agency at least `depth` REPORTS_TO steps below the top, chosen from the data."""
    sub = nx.DiGraph((u, v) for u, v, _ in rels(graph, "REPORTS_TO"))
    return min(n for n in sub if nx.dag_longest_path_length(sub.subgraph(nx.descendants(sub, n) | {n})) >= depth)
