"""Reporting and hosting lines in a comparison: indexed per agency, compared across a lineage pair (a target counts
as the same when the new one is a successor of the old), and the moves under another jurisdiction they reveal."""

from __future__ import annotations

from collections.abc import Iterable

from graph.diff.lineage import Lineage, Scope
from graph.diff.model import CategoryChange, HostingChange, Link, Move, ReportingChange
from graph.model import Agency, Change, Edge, RelType, mode_rank

__all__ = ["Line", "changed_lines", "first_manager", "index_lines", "line_changes", "links", "moves"]


Line = tuple[str, str]  # (mode, target id): a REPORTS_TO or HOSTED_BY line before it becomes a Link


def index_lines(
    edges: Iterable[Edge],
    ids: dict[str, Agency],
    became_into: dict[str, Agency] | None = None,
) -> tuple[dict[str, list[Line]], dict[str, list[Line]], list[Edge], list[Edge]]:
    """One pass over a snapshot's edges: (REPORTS_TO, HOSTED_BY) lines by start id as plain tuples (Links are
    made only for changed pairs), and the (structural, transferred) BECAME edges into `became_into`."""
    reports: dict[str, list[Line]] = {}
    hosted: dict[str, list[Line]] = {}
    structural: list[Edge] = []
    transferred: list[Edge] = []
    report_type, host_type, became_type = (
        RelType.REPORTS_TO,
        RelType.HOSTED_BY,
        RelType.BECAME,
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
                (transferred if e.change is Change.TRANSFERRED else structural).append(e)
            continue
        if e.end in ids:
            line = (e.mode or "", e.end)
            lines = target.get(e.start)
            if lines is None:
                target[e.start] = [line]
            else:
                lines.append(line)
    return reports, hosted, structural, transferred


def changed_lines(old: list[Line], new: list[Line], successors: dict[str, list[str]]) -> tuple[list[Line], list[Line]]:
    """Lines only in `old` and only in `new`; an old target is matched by any of its structural successors."""
    if len(old) == 1 and len(new) == 1:  # the common case, without building sets
        (mode, target), (new_mode, new_target) = old[0], new[0]
        if mode == new_mode and new_target in successors.get(target, ()):
            return [], []
        return list(old), list(new)
    new_keys = set(new)
    matched: set[Line] = set()
    removed = []
    for mode, target in old:
        hits = [(mode, s) for s in successors.get(target, ()) if (mode, s) in new_keys]
        if hits:
            matched.update(hits)
        else:
            removed.append((mode, target))
    return removed, [line for line in new if line not in matched]


def links(lines: list[Line], agencies: dict[str, Agency]) -> tuple[Link, ...]:
    return tuple(Link(mode, agencies[target]) for mode, target in sorted(lines))


def first_manager(lines: list[Line], agencies: dict[str, Agency]) -> Agency | None:
    """The body an agency reports to first, by the one mode order (None for a body that reports to nobody)."""
    if not lines:
        return None
    _, target = min(lines, key=lambda line: (mode_rank(line[0]), line[1]))
    return agencies.get(target)


def moves(
    lineage: Lineage,
    b_by_id: dict[str, Agency],
    a_by_id: dict[str, Agency],
    scope: Scope,
    b_reports: dict[str, list[Line]],
    a_reports: dict[str, list[Line]],
) -> list[Move]:
    """Step 3b: pairs whose running jurisdiction changed (their own, or that of the body they report to first)."""
    moves: list[Move] = []
    for bid, aid in lineage.pair_change:
        b, a = b_by_id[bid], a_by_id[aid]
        if not scope.has(b, a):
            continue
        old_manager = first_manager(b_reports.get(bid, []), b_by_id)
        new_manager = first_manager(a_reports.get(aid, []), a_by_id)
        old_place = b.jurisdiction if old_manager is None else old_manager.jurisdiction
        new_place = a.jurisdiction if new_manager is None else new_manager.jurisdiction
        if b.jurisdiction != a.jurisdiction or old_place != new_place:
            manager = new_manager if new_manager is not None and new_place != a.jurisdiction else None
            moves.append(Move(b, a, old_place, new_place, manager))
    return moves


def line_changes(
    lineage: Lineage,
    b_by_id: dict[str, Agency],
    a_by_id: dict[str, Agency],
    scope: Scope,
    lines: tuple[dict[str, list[Line]], dict[str, list[Line]], dict[str, list[Line]], dict[str, list[Line]]],
) -> tuple[list[ReportingChange], list[HostingChange], list[CategoryChange]]:
    """Step 3, reporting lines: on every structural pair, changed REPORTS_TO and HOSTED_BY lines and category."""
    b_reports, b_hosts, a_reports, a_hosts = lines
    reporting: list[ReportingChange] = []
    hosting: list[HostingChange] = []
    categories: list[CategoryChange] = []
    empty: list[Line] = []
    for bid, aid in lineage.pair_change:
        b, a = b_by_id[bid], a_by_id[aid]
        if not scope.has(b, a):
            continue
        old, new = b_reports.get(bid, empty), a_reports.get(aid, empty)
        if old or new:
            removed, added = changed_lines(old, new, lineage.succ)
            if removed or added:
                reporting.append(ReportingChange(b, a, links(removed, b_by_id), links(added, a_by_id)))
        old, new = b_hosts.get(bid, empty), a_hosts.get(aid, empty)
        if old or new:
            removed, added = changed_lines(old, new, lineage.succ)
            if removed or added:
                hosting.append(HostingChange(b, a, links(removed, b_by_id), links(added, a_by_id)))
        if b.category is not a.category:
            categories.append(CategoryChange(b, a))
    return reporting, hosting, categories
