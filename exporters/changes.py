"""Change classes for the before/after diagram, computed from BECAME lineage inside an ExportGraph.

Each agency of the compared pair gets one class: added, removed, merged, split, renamed, reporting line
changed, or unchanged. The rules, in priority order:
- an AFTER agency with no BECAME arriving is `added`; a BEFORE agency with none leaving (other than a
  function transfer) is `removed`;
- `merged` when a merged BECAME touches it, or several BEFORE agencies became it (or it became several:
  `split`);
- `renamed` when a renamed BECAME touches it;
- `reporting` when its REPORTS_TO targets (mode and target, the target matched across the snapshots by
  lineage, else by type and jurisdiction) differ from those on the other side.
"""

from __future__ import annotations

from enum import StrEnum

from exporters.selection import ExportGraph
from graph.model import Agency, Change, Edge, RelType

__all__ = ["ChangeClass", "change_classes"]


class ChangeClass(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MERGED = "merged"
    SPLIT = "split"
    RENAMED = "renamed"
    REPORTING = "reporting"
    UNCHANGED = "unchanged"


def change_classes(graph: ExportGraph, before: str, after: str) -> dict[str, ChangeClass]:
    """Agency id -> ChangeClass for every agency of the `before` and `after` snapshots in `graph`."""
    sides = {a.id: a.snapshot for a in graph.agencies if a.snapshot in (before, after) and a.id not in graph.context}
    became = [
        e
        for e in graph.edges
        if e.type is RelType.BECAME and sides.get(e.start) == before and sides.get(e.end) == after
    ]
    outgoing: dict[str, list[Edge]] = {}
    incoming: dict[str, list[Edge]] = {}
    for e in became:
        outgoing.setdefault(e.start, []).append(e)
        incoming.setdefault(e.end, []).append(e)
    successors = {a: {e.end for e in es if e.change is not Change.TRANSFERRED} for a, es in outgoing.items()}
    targets = _report_targets(graph)
    result: dict[str, ChangeClass] = {}
    for agency_id, snap in sides.items():
        links = outgoing.get(agency_id, []) if snap == before else incoming.get(agency_id, [])
        structural = [e for e in links if e.change is not Change.TRANSFERRED]
        if not structural:
            result[agency_id] = ChangeClass.REMOVED if snap == before else ChangeClass.ADDED
            continue
        changes = {e.change for e in structural}
        partners = {e.end if snap == before else e.start for e in structural}
        if Change.MERGED in changes or (snap == after and len(partners) > 1):
            result[agency_id] = ChangeClass.MERGED
        elif Change.SPLIT in changes or (snap == before and len(partners) > 1):
            result[agency_id] = ChangeClass.SPLIT
        elif Change.RENAMED in changes:
            result[agency_id] = ChangeClass.RENAMED
        else:
            other = next(iter(partners))
            old, new = (agency_id, other) if snap == before else (other, agency_id)
            same = _same_reporting(graph, targets.get(old, set()), targets.get(new, set()), successors)
            result[agency_id] = ChangeClass.UNCHANGED if same else ChangeClass.REPORTING
    return result


def _report_targets(graph: ExportGraph) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for e in graph.edges:
        if e.type is RelType.REPORTS_TO:
            out.setdefault(e.start, set()).add((e.mode or "", e.end))
    return out


def _same_reporting(
    graph: ExportGraph,
    old: set[tuple[str, str]],
    new: set[tuple[str, str]],
    successors: dict[str, set[str]],
) -> bool:
    """True when every old (mode, target) has a matching new one and vice versa."""
    if len(old) != len(new):
        return False
    unmatched = set(new)
    for mode, target in old:
        match = next((n for n in unmatched if n[0] == mode and _same_body(graph, target, n[1], successors)), None)
        if match is None:
            return False
        unmatched.discard(match)
    return not unmatched


def _same_body(graph: ExportGraph, old_id: str, new_id: str, successors: dict[str, set[str]]) -> bool:
    if old_id in successors:
        return new_id in successors[old_id]
    old: Agency | None = graph.agency(old_id)
    new: Agency | None = graph.agency(new_id)
    return old is not None and new is not None and (old.type, old.jurisdiction) == (new.type, new.jurisdiction)
