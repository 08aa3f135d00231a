"""Change classes for the before/after diagram: one class per agency, read off graph/diff/compare.py's SnapshotDiff
(BECAME lineage over the whole snapshots), so the diagram, the app's Compare page and `cli.py diff` agree.

Priority when an agency takes part in several changes: added/removed, merged (the new body) and merged away
(its sources, which end), split, moved (to another jurisdiction's management), renamed, reporting line changed,
unchanged. A function transfer alone does not change an agency's class.
"""

from __future__ import annotations

from enum import StrEnum

from graph.diff.compare import SnapshotData, SnapshotDiff, diff_snapshots
from graph.model import Dataset
from graph.store import GraphStore

__all__ = ["ChangeClass", "classes_from_diff", "diff_for"]


class ChangeClass(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MERGED = "merged"  # the body a merger formed
    MERGED_AWAY = "merged_away"  # a body that ended by merging into another
    SPLIT = "split"
    MOVED = "moved"  # now run from another jurisdiction (e.g. a county bureau become a league bureau's branch)
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
        mark(ChangeClass.MERGED, m.target.id)
        mark(ChangeClass.MERGED_AWAY, *(a.id for a in m.sources))
    for s in diff.split:
        mark(ChangeClass.SPLIT, s.source.id, *(a.id for a in s.targets))
    for move in diff.moved:
        mark(ChangeClass.MOVED, move.before.id, move.after.id)
    for p in diff.renamed:
        mark(ChangeClass.RENAMED, p.before.id, p.after.id)
    for r in diff.reporting:
        mark(ChangeClass.REPORTING, r.before.id, r.after.id)
    return found
