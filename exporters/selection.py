"""What to export: a selection (snapshot(s), jurisdiction, compare pair or agency neighbourhood) turned into
a plain, backend-neutral `ExportGraph`.

Every exporter draws or writes an ExportGraph, and an ExportGraph is built only from what the GraphStore
protocol answers (agencies/edges per snapshot) plus the Dataset's jurisdictions, functions and sources, so
exports give the same bytes on the networkx and the Neo4j backend.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from graph.diff.classes import ChangeClass, classes_from_diff, diff_for
from graph.diff.compare import SnapshotData, diff_snapshots
from graph.errors import InvalidRequest, NotFound
from graph.filters import ALL, ViewFilter, filtered_subordinates
from graph.model import Agency, Dataset, Edge, Function, Jurisdiction, RelType, Snapshot, Source
from graph.store import GraphStore

__all__ = ["ExportGraph", "Selection", "change_classes", "collect"]

#: Relationship types followed when growing an agency's neighbourhood.
NEIGHBOUR_RELS = frozenset({RelType.REPORTS_TO, RelType.HOSTED_BY})


@dataclass(frozen=True, slots=True)
class Selection:
    """What the user picked. Empty `snapshots` means every snapshot of the dataset.

    `compare` (before, after) overrides `snapshots`; `agency` selects that agency's neighbourhood
    (REPORTS_TO/HOSTED_BY, either direction, up to `depth` steps) in the agency's own snapshot, or with `chain` the
    Explorer's focus view: its whole reporting chain up and its subordinates `depth` steps down (0: the chain only).
    `view` narrows by category and reporting mode as the Explorer does (graph/filters.py; the leading bodies stay
    as the frame of a scope, a chain is never cut).
    """

    snapshots: tuple[str, ...] = ()
    jurisdiction: str | None = None
    compare: tuple[str, str] | None = None
    agency: str | None = None
    depth: int = 1
    chain: bool = False
    view: ViewFilter = ALL

    @property
    def kind(self) -> str:
        if self.compare:
            return "compare"
        if self.agency:
            return "chain" if self.chain else "neighbourhood"
        return "snapshot"


@dataclass(frozen=True, slots=True)
class ExportGraph:
    """The selected part of a dataset, ready to draw or write. Lists are sorted, so output is stable.

    `context` holds ids of agencies outside the selected jurisdiction that a selected agency reports to or
    is hosted by; they are real agencies (exported like the others) but drawn greyed out.
    """

    dataset: Dataset
    selection: Selection
    snapshots: tuple[Snapshot, ...]
    jurisdictions: tuple[Jurisdiction, ...]
    agencies: tuple[Agency, ...]
    functions: tuple[Function, ...]
    edges: tuple[Edge, ...]  # REPORTS_TO, HOSTED_BY, HAS_FUNCTION, BECAME; IN edges are in `in_edges`
    in_edges: tuple[Edge, ...]
    context: frozenset[str] = frozenset()
    changes: Mapping[str, Any] = field(default_factory=dict)  # compare only: agency id -> changes.ChangeClass
    _by_id: dict[str, Agency] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({a.id: a for a in self.agencies})

    def agency(self, agency_id: str) -> Agency | None:
        return self._by_id.get(agency_id)

    @property
    def all_edges(self) -> tuple[Edge, ...]:
        return self.in_edges + self.edges

    def sources(self) -> list[Source]:
        """The sources cited by any selected fact, in the dataset's order."""
        cited = {a.source for a in self.agencies} | {e.source for e in self.all_edges}
        cited |= {j.source for j in self.jurisdictions} | {f.source for f in self.functions if f.source}
        declared = {a.id for a in self.dataset.attributes}  # `X_source` attributes cite sources too (data-format.md)
        cited |= {
            str(value)
            for j in self.jurisdictions
            for key, value in j.attributes
            if key.endswith("_source") and key.removesuffix("_source") in declared
        }
        return [s for s in self.dataset.sources if s.id in cited]

    def title(self, lang: str = "zh") -> str:
        """A one-line caption: dataset, jurisdiction and snapshot(s)."""
        ds = self.dataset
        parts = [ds.title(lang)]
        sel = self.selection
        if sel.jurisdiction:
            j = ds.jurisdiction(sel.jurisdiction)
            if j is not None:
                parts.append(j.name(lang))
        if sel.agency:
            a = self.agency(sel.agency)
            if a is not None:
                parts.append(f"{a.name(lang)} ↑ +{sel.depth}" if sel.chain else f"{a.name(lang)} ±{sel.depth}")
        labels = [(s.label_zh if lang == "zh" else s.label_en) or s.id for s in self.snapshots]
        snap_text = " → ".join(f"{s.id} {lab}" if lab != s.id else s.id for s, lab in zip(self.snapshots, labels))
        parts.append(snap_text)
        return " · ".join(p for p in parts if p)


def collect(store: GraphStore | None, dataset: Dataset, selection: Selection) -> ExportGraph:
    """Fetch the selection from the store; raises NotFound for an unknown snapshot, jurisdiction or agency.

    With no store, the dataset is loaded into a fresh embedded (networkx) store first.
    """
    if store is None:
        from graph.embedded.store import NetworkxStore

        store = NetworkxStore()
        store.load(dataset)
    if selection.depth < 0:
        raise InvalidRequest(f"depth must be 0 or more, not {selection.depth}")
    if selection.jurisdiction is not None and dataset.jurisdiction(selection.jurisdiction) is None:
        known = ", ".join(j.id for j in dataset.jurisdictions)
        raise NotFound(f"no jurisdiction {selection.jurisdiction!r} in dataset {dataset.id!r}; known: {known}")
    if selection.agency:
        return _chain(store, dataset, selection) if selection.chain else _neighbourhood(store, dataset, selection)
    snap_ids = list(selection.compare) if selection.compare else list(selection.snapshots or dataset.snapshot_ids())
    snapshots = [_snapshot(dataset, s) for s in snap_ids]
    if selection.compare and selection.compare[0] == selection.compare[1]:
        raise InvalidRequest(f"compare needs two different snapshots, got {selection.compare[0]!r} twice")
    agencies: dict[str, Agency] = {}
    edges: list[Edge] = []
    for snap in snapshots:
        for a in store.agencies(snap.id, jurisdiction=selection.jurisdiction):
            agencies[a.id] = a
        edges += store.edges(snap.id, jurisdiction=selection.jurisdiction)
    if selection.view.active:
        agencies, edges = _narrowed(selection.view, agencies, edges)
    graph = _assemble(store, dataset, selection, tuple(snapshots), agencies, edges)
    if selection.compare:
        diff = diff_for(store, dataset, *selection.compare, scope=selection.jurisdiction)
        graph = replace(graph, changes=classes_from_diff(diff))
    return graph


def _snapshot(dataset: Dataset, snapshot_id: str) -> Snapshot:
    snap = dataset.snapshot(snapshot_id)
    if snap is None:
        known = ", ".join(dataset.snapshot_ids())
        raise NotFound(f"no snapshot {snapshot_id!r} in dataset {dataset.id!r}; known snapshots: {known}")
    return snap


def _narrowed(view: ViewFilter, agencies: dict[str, Agency], edges: list[Edge]) -> tuple[dict[str, Agency], list[Edge]]:
    """The agencies the filter chooses (with the leading bodies as the frame) and the shown edges that start there."""
    shown = view.lines(edges)
    kept = {a.id: a for a in view.agencies(agencies.values(), shown, frame=True)}
    return kept, [e for e in shown if e.start in kept or e.type is RelType.BECAME]


def _chain(store: GraphStore, dataset: Dataset, selection: Selection) -> ExportGraph:
    """The agency, its whole reporting chain up and the subordinates `depth` steps down the filter chooses, with
    exactly the REPORTS_TO lines that join them (the Explorer's focus view)."""
    assert selection.agency is not None
    centre = store.agency(selection.agency)
    snapshot = _snapshot(dataset, centre.snapshot)
    up = store.reporting_chain(centre.id)
    down = store.subordinates(centre.id, depth=selection.depth) if selection.depth else []
    down = filtered_subordinates(selection.view, centre.id, down)
    agencies = {centre.id: centre} | {s.agency.id: s.agency for s in (*up, *down)}
    steps = {(s.via, s.agency.id): s.mode or "leads" for s in up} | {
        (s.agency.id, s.via): s.mode or "leads" for s in down
    }
    edges = [
        e
        for e in store.edges(snapshot.id)
        if e.type is RelType.REPORTS_TO and steps.get((e.start, e.end)) == (e.mode or "leads")
    ]
    return _assemble(store, dataset, selection, (snapshot,), agencies, edges)


def _neighbourhood(store: GraphStore, dataset: Dataset, selection: Selection) -> ExportGraph:
    """The agency plus everything within `depth` REPORTS_TO/HOSTED_BY steps of it, in its snapshot."""
    assert selection.agency is not None
    centre = store.agency(selection.agency)
    snapshot = _snapshot(dataset, centre.snapshot)
    all_edges = [e for e in store.edges(snapshot.id) if e.type in NEIGHBOUR_RELS]
    neighbours: dict[str, set[str]] = {}
    for e in all_edges:
        neighbours.setdefault(e.start, set()).add(e.end)
        neighbours.setdefault(e.end, set()).add(e.start)
    seen = {centre.id: 0}
    queue = deque([centre.id])
    while queue:
        current = queue.popleft()
        if seen[current] >= selection.depth:
            continue
        for nxt in sorted(neighbours.get(current, ())):
            if nxt not in seen:
                seen[nxt] = seen[current] + 1
                queue.append(nxt)
    agencies = {a.id: a for a in store.agencies(snapshot.id) if a.id in seen}
    edges = [e for e in all_edges if e.start in seen and e.end in seen]
    return _assemble(store, dataset, selection, (snapshot,), agencies, edges)


def _assemble(
    store: GraphStore,
    dataset: Dataset,
    selection: Selection,
    snapshots: tuple[Snapshot, ...],
    agencies: dict[str, Agency],
    edges: list[Edge],
) -> ExportGraph:
    """Add context agencies, drop dangling BECAME edges, derive IN edges and the jurisdictions they need."""
    context: set[str] = set()
    kept: list[Edge] = []
    function_ids = {f.id for f in dataset.functions}
    for e in edges:
        if e.type is RelType.HAS_FUNCTION:
            if e.end in function_ids:
                kept.append(e)
            continue
        if e.type is RelType.BECAME:
            if e.start in agencies and e.end in agencies:  # lineage outside the selection is not drawn
                kept.append(e)
            continue
        if e.end not in agencies:  # a county bureau reporting to a league bureau: show the league one greyed
            agencies[e.end] = store.agency(e.end)
            context.add(e.end)
        kept.append(e)
    agency_list = tuple(sorted(agencies.values(), key=lambda a: a.id))
    used_functions = {e.end for e in kept if e.type is RelType.HAS_FUNCTION}
    used_functions |= {e.function for e in kept if e.function}
    functions = tuple(f for f in dataset.functions if f.id in used_functions)
    jurisdictions = _jurisdictions_with_ancestors(dataset, {a.jurisdiction for a in agency_list})
    in_edges = [Edge(RelType.IN, a.id, a.jurisdiction, a.basis, a.source) for a in agency_list]
    in_edges += [Edge(RelType.IN, j.id, j.parent, j.basis, j.source) for j in jurisdictions if j.parent]
    return ExportGraph(
        dataset=dataset,
        selection=selection,
        snapshots=snapshots,
        jurisdictions=jurisdictions,
        agencies=agency_list,
        functions=functions,
        edges=tuple(sorted(set(kept), key=lambda e: e.key)),
        in_edges=tuple(sorted(in_edges, key=lambda e: e.key)),
        context=frozenset(context),
    )


def _jurisdictions_with_ancestors(dataset: Dataset, ids: set[str]) -> tuple[Jurisdiction, ...]:
    """The jurisdictions used, plus their parents up to the top, so an exported dataset stays valid."""
    wanted: set[str] = set()
    for jid in ids:
        current = dataset.jurisdiction(jid)
        while current is not None and current.id not in wanted:
            wanted.add(current.id)
            current = dataset.jurisdiction(current.parent) if current.parent else None
    return tuple(j for j in dataset.jurisdictions if j.id in wanted)


def change_classes(graph: ExportGraph, before: str, after: str) -> dict[str, ChangeClass]:
    """Agency id -> ChangeClass for every selected (not context) agency of the `before` and `after` snapshots.

    Uses the classes `collect` computed from the store's whole snapshots; for an ExportGraph built some other
    way, diffs the graph's own agencies and edges (lineage of context agencies is then unknown).
    """
    known: Mapping[str, ChangeClass] = graph.changes
    if not known or graph.selection.compare != (before, after):
        sides = [
            SnapshotData(
                snap,
                tuple(a for a in graph.agencies if a.snapshot == snap),
                tuple(
                    e
                    for e in graph.edges
                    if e.type is not RelType.IN
                    and (start := graph.agency(e.start)) is not None
                    and start.snapshot == snap
                ),
            )
            for snap in (before, after)
        ]
        known = classes_from_diff(diff_snapshots(sides[0], sides[1], graph.dataset.jurisdictions))
    return {
        a.id: known.get(a.id, ChangeClass.UNCHANGED)
        for a in graph.agencies
        if a.snapshot in (before, after) and a.id not in graph.context
    }
