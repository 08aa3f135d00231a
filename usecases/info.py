"""What each snapshot holds (the `info` command): its role, date and counts of jurisdictions, agencies and edges."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from graph.model import Dataset
from graph.store import GraphStore

__all__ = ["SnapshotInfo", "snapshot_info"]


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    snapshot: str
    role: str
    date: str
    jurisdictions: int
    agencies: int
    edges: int
    edges_by_type: dict[str, int]


def snapshot_info(store: GraphStore, dataset: Dataset) -> list[SnapshotInfo]:
    """Counts per snapshot as the store holds them (not as the files say), in the manifest's order."""
    rows = []
    for snap in (s for i in dataset.snapshot_ids() if (s := dataset.snapshot(i)) is not None):
        agencies = store.agencies(snap.id)
        edges = store.edges(snap.id)
        by_type = Counter(e.type.value for e in edges)
        used = {a.jurisdiction for a in agencies}
        rows.append(
            SnapshotInfo(
                snap.id, snap.role.value, snap.date, len(used), len(agencies), len(edges), dict(sorted(by_type.items()))
            )
        )
    return rows
