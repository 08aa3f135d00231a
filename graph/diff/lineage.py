"""Who became whom: the structural BECAME edges matched into successors and predecessors, and the scope that
decides which events a diff reports. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.model import Agency, Change, Edge

__all__ = ["Lineage", "Scope", "match_lineage"]


class Scope:
    """Which jurisdictions a diff reports on; an event is in scope when any agency taking part in it is."""

    __slots__ = ("everything", "wanted")

    def __init__(self, scope_ids: set[str] | None) -> None:
        self.everything = scope_ids is None
        self.wanted: set[str] = scope_ids or set()

    def has(self, *agencies: Agency) -> bool:
        return self.everything or any(a.jurisdiction in self.wanted for a in agencies)


@dataclass(slots=True)
class Lineage:
    """The structural BECAME edges matched into successor and predecessor lists (first label of a pair wins)."""

    succ: dict[str, list[str]] = field(default_factory=dict)
    pred: dict[str, list[str]] = field(default_factory=dict)
    pair_change: dict[tuple[str, str], Change] = field(default_factory=dict)
    labelled_merged: set[str] = field(default_factory=set)  # after ids with an incoming `merged` edge
    labelled_split: set[str] = field(default_factory=set)  # before ids with an outgoing `split` edge


def match_lineage(structural: Iterable[Edge], before_ids: dict[str, Agency]) -> Lineage:
    """Step 1, matching: who became whom, by the structural BECAME edges out of the before snapshot."""
    lineage = Lineage()
    for e in structural:
        start, end = e.start, e.end
        if start not in before_ids:
            continue
        change = e.change or Change.CONTINUED
        if change is Change.MERGED:
            lineage.labelled_merged.add(end)
        elif change is Change.SPLIT:
            lineage.labelled_split.add(start)
        if (start, end) in lineage.pair_change:
            continue  # a second label for the same pair
        lineage.pair_change[(start, end)] = change
        lineage.succ.setdefault(start, []).append(end)
        lineage.pred.setdefault(end, []).append(start)
    return lineage
