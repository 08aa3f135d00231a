"""Change classes for the before/after diagram: one class per agency, read off graph/diff.py's SnapshotDiff
(BECAME lineage over the whole snapshots), so the diagram, the app's Compare page and `cli.py diff` agree.

Priority when an agency takes part in several changes: added/removed, merged, split, renamed, reporting
line changed, unchanged. A function transfer alone does not change an agency's class.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

from graph.diff import SnapshotData, SnapshotDiff, diff_snapshots
from graph.model import Dataset, RelType
from graph.store import GraphStore

if TYPE_CHECKING:
    from exporters.selection import ExportGraph

__all__ = ["ChangeClass", "change_classes", "classes_from_diff", "diff_for"]


class ChangeClass(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MERGED = "merged"
    SPLIT = "split"
    RENAMED = "renamed"
    REPORTING = "reporting"
    UNCHANGED = "unchanged"


def diff_for(store: GraphStore, dataset: Dataset, before: str, after: str, scope: str | None) -> SnapshotDiff:
    """The SnapshotDiff of two whole snapshots fetched from the store, reported for `scope` (None: all)."""
    return diff_snapshots(
        SnapshotData.from_store(store, before),
        SnapshotData.from_store(store, after),
        dataset.jurisdictions,
        scope=scope,
    )


def classes_from_diff(diff: SnapshotDiff) -> dict[str, ChangeClass]:
    """Agency id -> ChangeClass for every agency the diff mentions (the rest are unchanged)."""
    found: dict[str, ChangeClass] = {}

    def mark(cls: ChangeClass, *agency_ids: str) -> None:
        for agency_id in agency_ids:
            found.setdefault(agency_id, cls)  # first (highest-priority) class wins

    mark(ChangeClass.ADDED, *(a.id for a in diff.established))
    mark(ChangeClass.REMOVED, *(a.id for a in diff.abolished))
    for m in diff.merged:
        mark(ChangeClass.MERGED, m.target.id, *(a.id for a in m.sources))
    for s in diff.split:
        mark(ChangeClass.SPLIT, s.source.id, *(a.id for a in s.targets))
    for p in diff.renamed:
        mark(ChangeClass.RENAMED, p.before.id, p.after.id)
    for r in diff.reporting:
        mark(ChangeClass.REPORTING, r.before.id, r.after.id)
    return found


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
                    if e.type is not RelType.IN and graph.agency(e.start) and graph.agency(e.start).snapshot == snap
                ),  # type: ignore[union-attr]
            )
            for snap in (before, after)
        ]
        known = classes_from_diff(diff_snapshots(sides[0], sides[1], graph.dataset.jurisdictions))
    return {
        a.id: known.get(a.id, ChangeClass.UNCHANGED)
        for a in graph.agencies
        if a.snapshot in (before, after) and a.id not in graph.context
    }
