"""The embedded default backend: one networkx MultiDiGraph per loaded dataset, no server needed.

Node key = the orgraph id; node attributes = the schema properties plus `labels` (a tuple such as
("Agency",)) and `dataset`; edge attributes = `type` plus mode/change/function/basis/source. Reads use
indexes built at load time, so a reporting-chain lookup is a few dict hits. Ad-hoc Cypher runs on the
embedded engine of graph/embedded/engine.py over the same graph.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from operator import attrgetter
from types import MappingProxyType

import networkx as nx

from graph.embedded.graphbuild import build_graph
from graph.errors import NotFound
from graph.gcpause import paused_gc
from graph.model import (
    Agency,
    Dataset,
    Edge,
    RelType,
    mode_rank,
)
from graph.store import (
    DEFAULT_ROW_CAP,
    DEFAULT_TIMEOUT_S,
    ChainStep,
    CompiledSource,
    LoadReport,
    QueryResult,
)

__all__ = ["NetworkxStore"]


def _build(dataset: Dataset) -> tuple[nx.MultiDiGraph, _Indexes]:
    # Cyclic GC paused while building: the build allocates ~10 containers per element and makes no cycles,
    # and every full collection would walk the old graph too (100k agencies: 7.7 s -> 2.8 s).
    with paused_gc():
        graph = build_graph(dataset)  # raises on edges to missing nodes
        index = _Indexes(dataset)
    nx.freeze(graph)  # shared with the Cypher engine and exporters: adding or removing nodes/edges raises
    return graph, index


class _Indexes:
    """What the reads need, computed once per load."""

    def __init__(self, dataset: Dataset) -> None:
        self.agencies: dict[str, Agency] = {a.id: a for a in dataset.agencies}
        self.by_snapshot: dict[str, list[Agency]] = defaultdict(list)
        self.by_place: dict[tuple[str, str], list[Agency]] = defaultdict(list)
        for agency in sorted(dataset.agencies, key=attrgetter("id")):
            self.by_snapshot[agency.snapshot].append(agency)
            self.by_place[(agency.snapshot, agency.jurisdiction)].append(agency)
        self.up: dict[str, list[Edge]] = defaultdict(list)  # REPORTS_TO out of an agency
        self.down: dict[str, list[Edge]] = defaultdict(list)  # REPORTS_TO into an agency
        self.out_edges: dict[str, list[Edge]] = defaultdict(list)  # structural + BECAME out of an agency
        self.became_in: dict[str, list[Edge]] = defaultdict(list)
        self.became_out: dict[str, list[Edge]] = defaultdict(list)
        agencies, reports_to, became, in_ = self.agencies, RelType.REPORTS_TO, RelType.BECAME, RelType.IN
        for edge in dataset.edges:  # `is` on the enums: hashing an Enum member runs Python code
            kind = edge.type
            if kind is in_ or edge.start not in agencies:
                continue
            self.out_edges[edge.start].append(edge)
            if kind is reports_to:
                self.up[edge.start].append(edge)
                self.down[edge.end].append(edge)
            elif kind is became:
                self.became_out[edge.start].append(edge)
                self.became_in[edge.end].append(edge)
        for edges in self.up.values():
            if len(edges) > 1:
                edges.sort(key=lambda e: (mode_rank(e.mode), e.end))
        #: edges() per (snapshot, jurisdiction), sorted once on first read: the graph never changes after a load
        self.edge_lists: dict[tuple[str, str | None], tuple[Edge, ...]] = {}


_EDGE_KEY = attrgetter("key")
_TYPE_ORDER = sorted(t for t in RelType if t is not RelType.IN)  # Edge.key's first field: RelType values as strings
_SLOT: dict[RelType, int] = {t: i for i, t in enumerate(_TYPE_ORDER)}


def _end_key(edge: Edge) -> tuple[str, str, str]:
    """Edge.key after its type and start (equal within one agency's bucket), without Edge.key's enum lookups."""
    return (edge.end, edge.mode or edge.change or "", edge.function or "")


def _sorted_out_edges(agencies: Iterable[Agency], out_edges: dict[str, list[Edge]]) -> tuple[Edge, ...]:
    """The edges out of `agencies` (given sorted by id) in Edge.key order, with no sort over all of them: Edge.key
    is (type, start, end, ...), so one bucket per type filled in agency order is already sorted by start, and only
    an agency's own few edges of one type are sorted among themselves."""
    buckets: list[list[Edge]] = [[] for _ in _TYPE_ORDER]
    for agency in agencies:
        mine = out_edges.get(agency.id)
        if not mine:
            continue
        if len(mine) == 1:
            buckets[_SLOT[mine[0].type]].append(mine[0])
            continue
        start = [len(b) for b in buckets]
        for edge in mine:
            buckets[_SLOT[edge.type]].append(edge)
        for bucket, first in zip(buckets, start):
            if len(bucket) - first > 1:
                bucket[first:] = sorted(bucket[first:], key=_end_key)
    return tuple(edge for bucket in buckets for edge in bucket)


class NetworkxStore:
    """GraphStore over networkx: the embedded default.

    Opened from a compiled dataset (graph/embedded/compiled.py), it builds nothing up front: Cypher runs on the
    compiled mirror, and the networkx graph and read indexes are built on first use by a method that needs them
    (at 1M agencies they cost tens of seconds and gigabytes, which a `cli.py query` should not pay).
    """

    backend = "networkx"

    def __init__(self, *, warm_cypher: bool = False) -> None:
        """warm_cypher: build the Cypher engine's mirror in a background thread after each load, so the
        app's first query does not pay for it (off by default: most loads, e.g. in tests, never query)."""
        self._warm_cypher = warm_cypher
        self._dataset: Dataset | None = None
        self._compiled: CompiledSource | None = None
        self._graph: nx.MultiDiGraph | None = None
        self._index: _Indexes | None = None
        self._lock = threading.RLock()  # the app shares one store between sessions: build lazily once

    # ---- loading ----------------------------------------------------------------------------------------
    def load(self, dataset: Dataset) -> LoadReport:
        """Build the new graph and indexes completely, then swap them in: a failure keeps the old ones."""
        started = time.perf_counter()
        graph, index = _build(dataset)  # raises on edges to missing nodes
        with self._lock:
            self._graph, self._index, self._dataset, self._compiled = graph, index, dataset, None
        if self._warm_cypher:
            from graph.embedded.engine import prepare_embedded

            prepare_embedded(graph, background=True)
        return LoadReport(
            dataset.id, self.backend, graph.number_of_nodes(), graph.number_of_edges(), time.perf_counter() - started
        )

    def open_compiled(self, compiled: CompiledSource) -> LoadReport:
        """Answer from a compiled dataset: nothing is parsed or built until a method needs it."""
        started = time.perf_counter()
        with self._lock:
            self._graph, self._index, self._dataset, self._compiled = None, None, None, compiled
        if self._warm_cypher:
            threading.Thread(target=lambda: compiled.engine, name="cypher-open", daemon=True).start()
        return LoadReport(
            compiled.dataset_id,
            self.backend,
            int(compiled.meta.get("nodes", 0)),
            int(compiled.meta.get("relationships", 0)),
            time.perf_counter() - started,
        )

    def datasets(self) -> list[str]:
        if self._compiled is not None:
            return [self._compiled.dataset_id]
        return [self._dataset.id] if self._dataset else []

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The loaded graph, read-only (for the Cypher engine and the exporters): frozen with nx.freeze, so
        structural changes raise (treat its attribute dicts as read-only too)."""
        if self._graph is None:
            self._materialise()
        assert self._graph is not None
        return self._graph

    @property
    def dataset(self) -> Dataset | None:
        if self._dataset is None and self._compiled is not None:
            return self._compiled.dataset  # unpickled once by the compiled dataset; no graph needed for it
        return self._dataset

    def _materialise(self) -> None:
        """Build the graph and indexes of a compiled dataset (or an empty graph when nothing is loaded)."""
        with self._lock:
            if self._graph is not None:
                return
            if self._compiled is None:
                self._graph = nx.freeze(nx.MultiDiGraph())
                return
            dataset = self._compiled.dataset
            self._graph, self._index = _build(dataset)
            self._dataset = dataset

    # ---- reads ----------------------------------------------------------------------------------------
    @property
    def _idx(self) -> _Indexes:
        if self._index is None and self._compiled is not None:
            self._materialise()
        if self._index is None:
            raise NotFound("no dataset is loaded in the networkx store; load one first")
        return self._index

    def agencies(self, snapshot: str, *, jurisdiction: str | None = None) -> list[Agency]:
        if jurisdiction is None:
            return list(self._idx.by_snapshot.get(snapshot, ()))
        return list(self._idx.by_place.get((snapshot, jurisdiction), ()))

    def agency(self, agency_id: str) -> Agency:
        try:
            return self._idx.agencies[agency_id]
        except KeyError:
            dataset = self._dataset.id if self._dataset else "?"
            raise NotFound(
                f"no agency {agency_id!r} in dataset {dataset!r}; "
                "search by name with `python cli.py query` or the app's Explorer"
            ) from None

    def edges(self, snapshot: str, *, jurisdiction: str | None = None) -> list[Edge]:
        index = self._idx
        found = index.edge_lists.get((snapshot, jurisdiction))
        if found is None:  # two sessions may both compute it: the same tuple, no lock needed
            found = _sorted_out_edges(self.agencies(snapshot, jurisdiction=jurisdiction), index.out_edges)
            index.edge_lists[(snapshot, jurisdiction)] = found
        return list(found)

    def agencies_by_id(self, agency_ids: Collection[str]) -> list[Agency]:
        known = self._idx.agencies
        return [known[i] for i in sorted(set(agency_ids)) if i in known]

    def edges_around(self, agency_ids: Collection[str]) -> list[Edge]:
        index = self._idx
        ids = set(agency_ids)
        found = [e for i in ids for e in index.out_edges.get(i, ())]
        # a BECAME edge into one of the ids from another of them is already listed, out of its start
        found += [e for i in ids for e in index.became_in.get(i, ()) if e.start not in ids]
        found.sort(key=_EDGE_KEY)
        return found

    def reporting_chain(self, agency_id: str) -> list[ChainStep]:
        self.agency(agency_id)
        steps: list[ChainStep] = []
        seen = {agency_id}
        current = agency_id
        while True:
            ups = self._idx.up.get(current)
            if not ups:
                return steps
            best = ups[0]
            if best.end in seen:  # a cycle in the data: stop rather than loop
                return steps
            steps.append(ChainStep(self._idx.agencies[best.end], len(steps) + 1, best.mode or "", current))
            seen.add(best.end)
            current = best.end

    def subordinates(self, agency_id: str, *, depth: int = 1) -> list[ChainStep]:
        self.agency(agency_id)
        found: dict[str, ChainStep] = {}
        frontier = [agency_id]
        for level in range(1, depth + 1):
            if not frontier:
                break
            best: dict[str, Edge] = {}
            candidates = [e for parent in frontier for e in self._idx.down.get(parent, ())]
            for edge in sorted(candidates, key=lambda e: (mode_rank(e.mode), e.end)):
                child = edge.start
                if child != agency_id and child not in found and child not in best:
                    best[child] = edge
            for child, edge in best.items():
                found[child] = ChainStep(self._idx.agencies[child], level, edge.mode or "", edge.end)
            frontier = sorted(best)
        return sorted(found.values(), key=lambda s: (s.depth, s.agency.id))

    def lineage(self, agency_id: str) -> list[Edge]:
        """BECAME edges forwards from the agency (through its successors) and backwards (through its predecessors)."""
        self.agency(agency_id)
        found: dict[tuple[str, str, str, str, str], Edge] = {}
        for step, neighbour in ((self._idx.became_out, attrgetter("end")), (self._idx.became_in, attrgetter("start"))):
            stack, seen = [agency_id], {agency_id}
            while stack:
                current = stack.pop()
                for edge in step.get(current, ()):
                    found[edge.key] = edge
                    nxt = neighbour(edge)
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
        return sorted(found.values(), key=lambda e: e.key)

    # ---- ad-hoc Cypher --------------------------------------------------------------------------------
    def run_cypher(
        self,
        text: str,
        params: Mapping[str, object] | None = None,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
    ) -> QueryResult:
        from graph.embedded.engine import run_embedded  # ladybug loads with the first query

        merged = dict(params or {})
        compiled = self._compiled
        if compiled is not None:
            merged.setdefault("dataset", compiled.dataset_id)
            result: QueryResult = compiled.engine.run(
                text, MappingProxyType(merged), timeout_s=timeout_s, row_cap=row_cap
            )
            return result
        if self._dataset is not None:
            merged.setdefault("dataset", self._dataset.id)
        return run_embedded(self.graph, text, MappingProxyType(merged), timeout_s=timeout_s, row_cap=row_cap)

    def close(self) -> None:
        """Nothing to release: the graph lives in this process."""
