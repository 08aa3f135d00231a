"""Who became whom: the structural BECAME edges matched into successors and predecessors, and the scope that
decides which events a diff reports. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter, is_

from graph.model import Agency, Change, Edge

__all__ = ["Lineage", "Scope", "match_lineage"]

_START, _END, _CHANGE = attrgetter("start"), attrgetter("end"), attrgetter("change")


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
    # the first label on a before agency's structural edges: its pair's label when it has one successor (a str
    # key, not a (start, end) tuple: no tuple per edge, and the only lookups are for 1 -> 1 pairs)
    first_change: dict[str, Change] = field(default_factory=dict)
    labelled_merged: set[str] = field(default_factory=set)  # after ids with an incoming `merged` edge
    labelled_split: set[str] = field(default_factory=set)  # before ids with an outgoing `split` edge


def match_lineage(structural: Iterable[Edge], before_ids: dict[str, Agency]) -> Lineage:
    """Step 1, matching: who became whom, by the structural BECAME edges out of the before snapshot.

    Built with C-level passes (map, zip, compress, dict) over all edges, and a Python loop only over the few
    agencies with several successors or predecessors: this runs on every BECAME edge of the snapshot."""
    edges = list(structural)
    starts = list(map(_START, edges))
    if not before_ids.keys() >= set(starts):
        edges = [e for e in edges if e.start in before_ids]
        starts = list(map(_START, edges))
    ends = list(map(_END, edges))
    changes = list(map(_CHANGE, edges))
    if None in changes:
        changes = [c or Change.CONTINUED for c in changes]
    lineage = Lineage()
    lineage.labelled_merged = set(compress(ends, map(is_, changes, repeat(Change.MERGED))))
    lineage.labelled_split = set(compress(starts, map(is_, changes, repeat(Change.SPLIT))))
    # reversed: of two labels, the first one stays (a dict keeps the last value it is given)
    lineage.first_change = dict(zip(reversed(starts), reversed(changes)))
    lineage.succ = _grouped(starts, ends)  # a pair given twice is matched once
    lineage.pred = _grouped(ends, starts)
    return lineage


def _grouped(keys: list[str], values: list[str]) -> dict[str, list[str]]:
    """key -> its distinct values in order: one C-level pass for keys given once, a loop only over repeated keys."""
    grouped = dict(zip(keys, map(list, zip(values))))
    if len(grouped) != len(keys):
        repeated = {k for k, n in Counter(keys).items() if n > 1}
        for k in repeated:
            grouped[k] = []
        for k, v in compress(zip(keys, values), map(repeated.__contains__, keys)):  # C-level filter
            grouped[k].append(v)
        for k in repeated:
            grouped[k] = list(dict.fromkeys(grouped[k]))
    return grouped
