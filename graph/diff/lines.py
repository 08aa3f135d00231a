"""Reporting and hosting lines in a comparison: indexed per agency, compared across a lineage pair (a target counts
as the same when the new one is a successor of the old), and the jurisdiction that runs a body they reveal.

The lines are kept as the store's Edge objects (a (mode, target) tuple is made only for the rare agency with
several lines of a kind): the diff compares lines on every lineage pair, so this is its hot path."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from graph.diff.model import Link
from graph.model import Agency, Change, Edge, RelType, mode_rank

__all__ = ["Line", "LineIndex", "Lines", "changed_lines", "first_place", "index_lines", "links"]


Line = tuple[str, str]  # (mode, target id): a REPORTS_TO or HOSTED_BY line before it becomes a Link
Lines = dict[str, list[Edge]]  # start id -> its REPORTS_TO (or HOSTED_BY) edges
LineIndex = Mapping[str, list[Edge]]  # Lines, or graph/diff/columns.py's RowGroups of edges


def index_lines(
    edges: Iterable[Edge],
    ids: dict[str, Agency],
    became_into: dict[str, Agency] | None = None,
) -> tuple[Lines, Lines, list[Edge], list[Edge]]:
    """One pass over a snapshot's edges: (REPORTS_TO, HOSTED_BY) edges by start id, for targets in `ids`, and the
    (structural, transferred) BECAME edges into `became_into`."""
    reports: Lines = {}
    hosted: Lines = {}
    structural: list[Edge] = []
    transferred: list[Edge] = []
    report_type, host_type, became_type, moved = (
        RelType.REPORTS_TO,
        RelType.HOSTED_BY,
        RelType.BECAME,
        Change.TRANSFERRED,
    )
    into = became_into or {}
    for e in edges:
        kind = e.type
        if kind is report_type:
            target = reports
        elif kind is host_type:
            target = hosted
        else:
            if kind is became_type and e.end in into:
                (transferred if e.change is moved else structural).append(e)
            continue
        if e.end in ids:
            lines = target.get(e.start)
            if lines is None:
                target[e.start] = [e]
            else:
                lines.append(e)
    return reports, hosted, structural, transferred


def _as_lines(edges: list[Edge]) -> list[Line]:
    return [(e.mode or "", e.end) for e in edges]


def changed_lines(
    old: list[Edge], new: list[Edge], successors: Mapping[str, Sequence[str]]
) -> tuple[list[Line], list[Line]]:
    """Lines only in `old` and only in `new`; an old target is matched by any of its structural successors."""
    if len(old) == 1 and len(new) == 1:  # the common case, without building sets
        before, after = old[0], new[0]
        if (before.mode or "") == (after.mode or "") and after.end in successors.get(before.end, ()):
            return [], []
        return _as_lines(old), _as_lines(new)
    new_keys = set(_as_lines(new))
    matched: set[Line] = set()
    removed = []
    for mode, target in _as_lines(old):
        hits = [(mode, s) for s in successors.get(target, ()) if (mode, s) in new_keys]
        if hits:
            matched.update(hits)
        else:
            removed.append((mode, target))
    return removed, [line for line in _as_lines(new) if line not in matched]


def links(lines: list[Line], agencies: Mapping[str, Agency]) -> tuple[Link, ...]:
    return tuple(Link(mode, agencies[target]) for mode, target in sorted(lines))


def first_place(lines: list[Edge] | None, agencies: Mapping[str, Agency], own: Agency) -> tuple[str, Agency | None]:
    """(the jurisdiction that runs `own`, the body it reports to first): that body's jurisdiction, by the one mode
    order, or its own for a body that reports to nobody."""
    if not lines:
        return own.jurisdiction, None
    first = lines[0] if len(lines) == 1 else min(lines, key=lambda e: (mode_rank(e.mode), e.end))
    manager = agencies.get(first.end)
    return (own.jurisdiction, None) if manager is None else (manager.jurisdiction, manager)
