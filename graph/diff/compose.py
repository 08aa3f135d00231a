"""Lineage across several snapshots: BECAME edges composed from the first snapshot to the last, so that
`diff --from A --to C` compares A and C directly even when B lies between them.

The composed edges replace A's own BECAME edges in A's SnapshotData; the diff (compare.py) then runs unchanged.
Composition rules (docs/schema.md lists them with examples):
- a structural path A → … → C (every step continued, renamed, merged or split) gives one composed edge A → C;
- its label is the strongest label on the path: merged, then split, then renamed, then continued (a body merged and
  then continued was merged; renamed twice is one rename, from the first name to the last, and a rename back to the
  first name is no rename at all, as the diff compares the names);
- a body with no path back to A (established at B) is established from A to C; a body with no path on to C
  (abolished at B) is abolished;
- a duty transferred at any step moves from every A ancestor of its source to every C descendant of its target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from graph.diff.model import SnapshotData
from graph.errors import ComparisonError
from graph.model import Change, Edge, RelType

__all__ = ["compose_lineage", "LABEL_STRENGTH"]

#: The strongest label on a path wins.
LABEL_STRENGTH = {Change.CONTINUED: 0, Change.RENAMED: 1, Change.SPLIT: 2, Change.MERGED: 3}


def _stronger(a: Change, b: Change) -> Change:
    return a if LABEL_STRENGTH[a] >= LABEL_STRENGTH[b] else b


def compose_lineage(snapshots: Sequence[SnapshotData]) -> SnapshotData:
    """The first snapshot of `snapshots` (in date order) with its BECAME edges replaced by edges composed through
    every later snapshot to the last one. Two snapshots: the first one unchanged."""
    if len(snapshots) < 2:
        raise ComparisonError("a comparison needs two snapshots")
    if len(snapshots) == 2:
        return snapshots[0]
    first = snapshots[0]
    snapshot_of = {a.id: i for i, s in enumerate(snapshots) for a in s.agencies}
    structural: dict[str, list[Edge]] = {}
    transfers: list[Edge] = []
    predecessors: dict[str, list[str]] = {}
    for data in snapshots[:-1]:
        for e in data.edges:
            if e.type is not RelType.BECAME or e.end not in snapshot_of or e.start not in snapshot_of:
                continue
            if e.change is Change.TRANSFERRED:
                transfers.append(e)
            else:
                structural.setdefault(e.start, []).append(e)
                predecessors.setdefault(e.end, []).append(e.start)
    last_index = len(snapshots) - 1

    @cache
    def reach(agency_id: str) -> tuple[tuple[str, Change], ...]:
        """(C agency, composed label) for every C agency a structural path from `agency_id` leads to."""
        if snapshot_of[agency_id] == last_index:
            return ((agency_id, Change.CONTINUED),)
        found: dict[str, Change] = {}
        for e in structural.get(agency_id, []):
            for end, label in reach(e.end):
                step = _stronger(e.change or Change.CONTINUED, label)
                found[end] = _stronger(found[end], step) if end in found else step
        return tuple(sorted(found.items()))

    @cache
    def ancestors(agency_id: str) -> frozenset[str]:
        """The A agencies with a structural path to `agency_id`."""
        if snapshot_of[agency_id] == 0:
            return frozenset({agency_id})
        return frozenset(a for p in predecessors.get(agency_id, []) for a in ancestors(p))

    composed: list[Edge] = []
    for agency in first.agencies:
        seen: set[str] = set()
        for e in structural.get(agency.id, []):  # the first step's edge lends the composed edge its citation
            for end, _ in reach(e.end):
                if end not in seen:
                    seen.add(end)
                    composed.append(replace(e, end=end, change=dict(reach(agency.id))[end]))
    for e in transfers:
        targets = [end for end, _ in reach(e.end)]
        for start in sorted(ancestors(e.start)):
            composed += [replace(e, start=start, end=end) for end in targets]
    kept = tuple(e for e in first.edges if e.type is not RelType.BECAME)
    return SnapshotData(first.snapshot, first.agencies, kept + tuple(composed))
