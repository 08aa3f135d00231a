"""The data a snapshot comparison takes and gives: frozen dataclasses for the app, the CLI and the tests.

Computed by graph/diff/compare.py (and re-exported there); presented by graph/diff/report.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.diff.columns import SnapshotColumns, build_columns
from graph.model import Agency, Category, Change, Dataset, Edge, Jurisdiction, RelType
from graph.store import GraphStore

__all__ = [
    "CategoryChange",
    "CountRow",
    "HostingChange",
    "Link",
    "Merge",
    "Move",
    "Pair",
    "ReportingChange",
    "SnapshotData",
    "SnapshotDiff",
    "Split",
    "Transfer",
]


@dataclass(frozen=True, slots=True)
class SnapshotData:
    """One snapshot as the store gives it: its agencies, its structural edges and the BECAME edges leaving it."""

    snapshot: str
    agencies: tuple[Agency, ...]
    edges: tuple[Edge, ...]
    # its columns (graph/diff/columns.py), built on first use and kept with the data they were built from
    _columns: list[SnapshotColumns] = field(default_factory=list, init=False, repr=False, compare=False)

    def columns(self) -> SnapshotColumns:
        """The snapshot as columns, for the columnar diff of large snapshots; built once (a load-time cost when
        the caller keeps this SnapshotData, as the service does for whole snapshots)."""
        if not self._columns:
            self._columns.append(build_columns(self.agencies, self.edges))
        return self._columns[0]

    @classmethod
    def from_store(cls, store: GraphStore, snapshot: str) -> SnapshotData:
        """Fetch through the GraphStore protocol (any backend)."""
        return cls(snapshot, tuple(store.agencies(snapshot)), tuple(store.edges(snapshot)))

    @classmethod
    def from_dataset(cls, dataset: Dataset, snapshot: str) -> SnapshotData:
        """The same selection straight from a Dataset (what a store would return, in the same order)."""
        agencies = sorted((a for a in dataset.agencies if a.snapshot == snapshot), key=lambda a: a.id)
        ids = {a.id for a in agencies}
        edges = sorted(
            (e for e in dataset.edges if e.type is not RelType.IN and e.start in ids),
            key=lambda e: e.key,
        )
        return cls(snapshot, tuple(agencies), tuple(edges))


@dataclass(frozen=True, slots=True)
class Pair:
    """A 1 -> 1 lineage: `before` continued (or was renamed) as `after`."""

    before: Agency
    after: Agency
    change: Change


@dataclass(frozen=True, slots=True)
class Merge:
    sources: tuple[Agency, ...]  # every structural predecessor, sorted by id
    target: Agency


@dataclass(frozen=True, slots=True)
class Split:
    source: Agency
    targets: tuple[Agency, ...]  # every structural successor, sorted by id


@dataclass(frozen=True, slots=True)
class Transfer:
    source: Agency
    target: Agency
    function: str  # a Function id ("" when the edge names none)


@dataclass(frozen=True, slots=True)
class Link:
    """One REPORTS_TO or HOSTED_BY line: `mode` to `target`."""

    mode: str
    target: Agency


@dataclass(frozen=True, slots=True)
class ReportingChange:
    """A lineage pair whose reporting lines differ: lines only before (`removed`) and only after (`added`)."""

    before: Agency
    after: Agency
    removed: tuple[Link, ...]
    added: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class HostingChange:
    """A lineage pair whose HOSTED_BY lines (where its office sits) differ."""

    before: Agency
    after: Agency
    removed: tuple[Link, ...]
    added: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Move:
    """A lineage pair that changed jurisdiction or management: `before` was run from one jurisdiction, `after` is
    run from another (its own jurisdiction changed, or its first reporting line now goes to a body of another
    jurisdiction, e.g. a county bureau that became a dispatched branch of the league's bureau)."""

    before: Agency
    after: Agency
    from_place: str  # the jurisdiction id that ran `before`
    to_place: str  # the jurisdiction id that runs `after`
    manager: Agency | None = None  # the body `after` reports to first, when that body sits in `to_place`


@dataclass(frozen=True, slots=True)
class CategoryChange:
    before: Agency
    after: Agency


@dataclass(frozen=True, slots=True)
class CountRow:
    """Agencies of one jurisdiction and category (category None: those counting toward the quota)."""

    jurisdiction: str
    category: Category | None
    before: int
    after: int
    quota: int | None = None

    @property
    def within_quota(self) -> bool | None:
        if self.category is not None or self.quota is None:
            return None
        return self.after <= self.quota


@dataclass(frozen=True, slots=True)
class SnapshotDiff:
    before: str
    after: str
    scope: str | None  # None: everything; "league"; or a jurisdiction id
    jurisdictions: tuple[Jurisdiction, ...]  # the jurisdictions in scope, in dataset order
    established: tuple[Agency, ...]
    abolished: tuple[Agency, ...]
    continued: tuple[Pair, ...]
    renamed: tuple[Pair, ...]
    merged: tuple[Merge, ...]
    split: tuple[Split, ...]
    transferred: tuple[Transfer, ...]
    reporting: tuple[ReportingChange, ...]
    categories: tuple[CategoryChange, ...]
    hosting: tuple[HostingChange, ...]
    counts: tuple[CountRow, ...]  # per jurisdiction: one quota row (category None), then one row per category
    moved: tuple[Move, ...] = ()  # lineage pairs that changed jurisdiction or management

    @property
    def ended(self) -> tuple[Agency, ...]:
        """Before bodies in scope that no longer exist as themselves: abolished, merged into another, or split up."""
        places = {j.id for j in self.jurisdictions}
        seen: dict[str, Agency] = {a.id: a for a in self.abolished}
        for m in self.merged:
            seen.update((a.id, a) for a in m.sources if a.jurisdiction in places)
        for s in self.split:
            if s.source.jurisdiction in places:
                seen[s.source.id] = s.source
        return tuple(sorted(seen.values(), key=lambda a: a.id))

    def quota_rows(self) -> list[CountRow]:
        return [c for c in self.counts if c.category is None]
