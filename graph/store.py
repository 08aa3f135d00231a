"""The storage protocol both backends implement (networkx in graph/embedded/store.py, Neo4j in graph/neo4j/store.py).

Every method returns domain objects or the plain result types below, never backend objects, so callers
cannot tell which backend answered. The contract suite in tests/contract runs against both.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from graph.model import Agency, Dataset, Edge

__all__ = [
    "ChainStep",
    "GraphNode",
    "GraphRel",
    "GraphStore",
    "LoadReport",
    "QueryResult",
    "DEFAULT_ROW_CAP",
    "DEFAULT_TIMEOUT_S",
]

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_ROW_CAP = 1000


@dataclass(frozen=True, slots=True)
class ChainStep:
    """One step of a reporting chain: `agency` reached at `depth` via a REPORTS_TO edge of `mode`.

    In a chain upwards, `via` is the id of the agency below that reports to `agency`; in subordinates,
    `via` is the id of the agency above that `agency` reports to.
    """

    agency: Agency
    depth: int
    mode: str
    via: str


@dataclass(frozen=True, slots=True)
class LoadReport:
    dataset: str
    backend: str
    nodes: int
    relationships: int
    seconds: float


@dataclass(frozen=True, slots=True)
class GraphNode:
    """A node in a query result: `key` is its orgraph id (or a backend id when it has none)."""

    key: str
    labels: tuple[str, ...]
    properties: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class GraphRel:
    key: str
    type: str
    start: str  # GraphNode.key of the start node
    end: str
    properties: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of plain values keyed by the RETURN column names, plus the graph elements they contain.

    A node in a row is given as the dict of its properties; `nodes`/`relationships` let the app draw them.
    """

    columns: list[str]
    rows: list[dict[str, Any]]
    backend: str
    truncated: bool = False
    seconds: float = 0.0
    nodes: list[GraphNode] = field(default_factory=list)
    relationships: list[GraphRel] = field(default_factory=list)


class CompiledSource(Protocol):
    """What a store needs of a compiled dataset (graph/embedded/compiled.py's CompiledDataset): its key, its id,
    its metadata and, when the store must load it, the parsed Dataset. A protocol, so the core imports no backend."""

    key: str
    dataset_id: str
    meta: dict[str, Any]

    @property
    def dataset(self) -> Dataset: ...

    @property
    def engine(self) -> Any:  # the embedded engine; typed in graph/embedded (the core names no backend type)
        ...


@runtime_checkable
class GraphStore(Protocol):
    """Where a loaded dataset lives. Every implementation must give the same answers.

    A store answers for the dataset it loaded last (its active dataset). Every node also carries a
    `dataset` property (the dataset id) so that several datasets can share one Neo4j database; named
    queries filter on `$dataset`, which the service layer always passes.
    """

    backend: str

    def load(self, dataset: Dataset) -> LoadReport:
        """Load (or replace) `dataset`; on failure the previously loaded graph stays as it was."""
        ...

    def open_compiled(self, compiled: CompiledSource) -> LoadReport:
        """Load a compiled dataset (graph/embedded/compiled.py), doing as little as its backend allows: the
        embedded store parses nothing up front; Neo4j skips the load when it already holds these very files."""
        ...

    def datasets(self) -> list[str]:
        """Ids of the datasets loaded in this store."""
        ...

    def agencies(self, snapshot: str, *, jurisdiction: str | None = None) -> list[Agency]:
        """Agencies of a snapshot (optionally of one jurisdiction), sorted by id."""
        ...

    def agency(self, agency_id: str) -> Agency:
        """One agency; raises NotFound."""
        ...

    def edges(self, snapshot: str, *, jurisdiction: str | None = None) -> list[Edge]:
        """Structural edges (REPORTS_TO, HOSTED_BY, HAS_FUNCTION) whose start agency is in the snapshot
        (and jurisdiction), plus the BECAME edges that leave it; sorted by Edge.key."""
        ...

    def agencies_by_id(self, agency_ids: Collection[str]) -> list[Agency]:
        """The agencies with these ids, sorted by id; ids of no agency are skipped. With `edges_around`, what a
        comparison scoped to one jurisdiction reads instead of two whole snapshots (graph/diff/fetch.py)."""
        ...

    def edges_around(self, agency_ids: Collection[str]) -> list[Edge]:
        """The structural edges (REPORTS_TO, HOSTED_BY, HAS_FUNCTION, BECAME) that start at these agencies, and the
        BECAME edges that end at them, each once, sorted by Edge.key; ids of no agency are skipped."""
        ...

    def reporting_chain(self, agency_id: str) -> list[ChainStep]:
        """Every agency above `agency_id`, nearest first, following the first REPORTS_TO edge of each
        agency (edges ordered by mode priority leads, manages, unified, dispatched, entrusted, guides, then target id).

        Step n has depth n, the mode of the edge taken and `via` = the agency it was taken from. The chain ends at
        an agency with no REPORTS_TO edge, or just before it would revisit an agency (a cycle in the data); only
        the first edge is ever followed, even when it leads into a cycle. Raises NotFound for an unknown id."""
        ...

    def subordinates(self, agency_id: str, *, depth: int = 1) -> list[ChainStep]:
        """Agencies that report to `agency_id` by any mode, up to `depth` steps down, sorted by (depth, id).

        Breadth first: each agency appears once, at the smallest depth it is reached, never `agency_id` itself.
        Its `mode`/`via` are those of the first of its REPORTS_TO edges into the level above, ordered by mode
        priority (as in reporting_chain) then the id of the agency above. Raises NotFound for an unknown id."""
        ...

    def lineage(self, agency_id: str) -> list[Edge]:
        """BECAME edges reachable from the agency backwards and forwards in time, sorted by Edge.key.

        Directed paths only: forwards through successors of successors, backwards through predecessors of
        predecessors, never sideways (a merge partner's own edge into the merged agency is in the merged agency's
        lineage, not in the partner's). Empty for an agency without BECAME edges. Raises NotFound."""
        ...

    def run_cypher(
        self,
        text: str,
        params: Mapping[str, object] | None = None,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
    ) -> QueryResult:
        """Run a read-only query; writes raise WriteRefused on every backend."""
        ...

    def close(self) -> None: ...
