"""Before/after comparison of two snapshots, computed from BECAME lineage (never from names).

Pure: it works on `SnapshotData` (agencies plus edges as `GraphStore.agencies()`/`edges()` return them), so it
gives the same answer on every backend. One pass over each snapshot builds dict indexes; nothing scans nested.

Lineage vocabulary (a "structural" BECAME is any change but `transferred`, which moves a duty, not a body):
- established: an AFTER agency with no structural predecessor; abolished: a BEFORE agency with no structural
  successor (its duties may still be transferred, see `transferred`);
- merged: an AFTER agency with several structural predecessors or an incoming `merged` edge (n -> 1);
- split: a BEFORE agency with several structural successors or an outgoing `split` edge (1 -> n);
- continued / renamed: the remaining 1 -> 1 pairs, by the edge's change;
- reporting, category and hosting changes are looked for on every structural pair. A REPORTS_TO/HOSTED_BY
  target is "the same" when the after target is a structural successor of the before target.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from graph.diff.model import (
    CategoryChange,
    CountRow,
    HostingChange,
    Link,
    Merge,
    Move,
    Pair,
    ReportingChange,
    SnapshotData,
    SnapshotDiff,
    Split,
    Transfer,
)
from graph.errors import ComparisonError, NotFound
from graph.gcpause import paused_gc
from graph.model import (
    Agency,
    Category,
    Change,
    Edge,
    Jurisdiction,
    Level,
    RelType,
    mode_rank,
)

__all__ = [
    "CategoryChange",
    "CountRow",
    "HostingChange",
    "Link",
    "Merge",
    "Move",
    "Pair",
    "ReportingChange",
    "SnapshotData",
    "SnapshotDiff",
    "Split",
    "Transfer",
    "diff_snapshots",
    "resolve_scope",
]

LEAGUE_SCOPE = "league"
_ID = attrgetter("id")
_BEFORE_ID = attrgetter("before.id")
_PAIR_IDS = attrgetter("before.id", "after.id")


def resolve_scope(scope: str | None, jurisdictions: Sequence[Jurisdiction]) -> tuple[str | None, set[str] | None]:
    """(normalised scope, jurisdiction ids in it); None means everything. Accepts an id, name_zh, name_en or "league"."""
    if scope is None or scope.strip() == "":
        return None, None
    key = scope.strip()
    for j in jurisdictions:
        if key == j.id or key == j.name_zh or key.lower() == j.name_en.lower():
            return j.id, {j.id}
    if key.lower() == LEAGUE_SCOPE:
        return LEAGUE_SCOPE, {j.id for j in jurisdictions if j.level is Level.LEAGUE}
    known = ", ".join(f"{j.id} {j.name_zh}" for j in jurisdictions[:20])
    raise NotFound(f"no jurisdiction {scope!r} to compare; use an id or name ({known}), 'league', or none for all")


Line = tuple[str, str]  # (mode, target id): a REPORTS_TO or HOSTED_BY line before it becomes a Link


def _lines(
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


def _check_lineage(
    before: SnapshotData,
    after: SnapshotData,
    has_lineage: bool,
    before_ids: dict[str, Agency],
) -> None:
    if before.snapshot == after.snapshot:
        raise ComparisonError(f"cannot compare snapshot {before.snapshot!r} with itself; choose two snapshots")
    if has_lineage or not before.agencies or not after.agencies:
        return
    backwards = any(e.type is RelType.BECAME and e.end in before_ids for e in after.edges)
    hint = (
        f"; the lineage runs from {after.snapshot!r} to {before.snapshot!r}, so swap --from and --to"
        if backwards
        else "; compare snapshots joined by BECAME edges (e.g. consecutive ones)"
    )
    raise ComparisonError(
        f"snapshots {before.snapshot!r} and {after.snapshot!r} have no lineage (BECAME edges) between them, "
        f"so nothing can be said about what became of which agency{hint}"
    )


def _changed_lines(old: list[Line], new: list[Line], successors: dict[str, list[str]]) -> tuple[list[Line], list[Line]]:
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


def _links(lines: list[Line], agencies: dict[str, Agency]) -> tuple[Link, ...]:
    return tuple(Link(mode, agencies[target]) for mode, target in sorted(lines))


def diff_snapshots(
    before: SnapshotData,
    after: SnapshotData,
    jurisdictions: Sequence[Jurisdiction],
    *,
    scope: str | None = None,
) -> SnapshotDiff:
    """Everything that changed from `before` to `after` within `scope` (None: all; "league"; a jurisdiction).

    Lineage is read over the whole snapshots, so an agency that moved to another jurisdiction is not called
    abolished; an event is reported when any agency taking part in it is in scope.
    """
    scope_id, scope_ids = resolve_scope(scope, jurisdictions)
    with paused_gc():
        return _diff(before, after, jurisdictions, scope_id, scope_ids)


class _Scope:
    """Which jurisdictions a diff reports on; an event is in scope when any agency taking part in it is."""

    __slots__ = ("everything", "wanted")

    def __init__(self, scope_ids: set[str] | None) -> None:
        self.everything = scope_ids is None
        self.wanted: set[str] = scope_ids or set()

    def has(self, *agencies: Agency) -> bool:
        return self.everything or any(a.jurisdiction in self.wanted for a in agencies)


@dataclass(slots=True)
class _Lineage:
    """The structural BECAME edges matched into successor and predecessor lists (first label of a pair wins)."""

    succ: dict[str, list[str]] = field(default_factory=dict)
    pred: dict[str, list[str]] = field(default_factory=dict)
    pair_change: dict[tuple[str, str], Change] = field(default_factory=dict)
    labelled_merged: set[str] = field(default_factory=set)  # after ids with an incoming `merged` edge
    labelled_split: set[str] = field(default_factory=set)  # before ids with an outgoing `split` edge


def _match(structural: Iterable[Edge], before_ids: dict[str, Agency]) -> _Lineage:
    """Step 1, matching: who became whom, by the structural BECAME edges out of the before snapshot."""
    lineage = _Lineage()
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


def _merges_and_splits(
    lineage: _Lineage, b_by_id: dict[str, Agency], a_by_id: dict[str, Agency], scope: _Scope
) -> tuple[list[Merge], list[Split]]:
    """Step 2a, classification: n -> 1 (or labelled merged) and 1 -> n (or labelled split)."""
    merged: list[Merge] = []
    for aid, sources in lineage.pred.items():
        if len(sources) > 1 or aid in lineage.labelled_merged:
            src = tuple(sorted((b_by_id[s] for s in sources), key=_ID))
            if scope.has(a_by_id[aid], *src):
                merged.append(Merge(src, a_by_id[aid]))
    split: list[Split] = []
    for bid, targets in lineage.succ.items():
        if len(targets) > 1 or bid in lineage.labelled_split:
            tgt = tuple(sorted((a_by_id[t] for t in targets), key=_ID))
            if scope.has(b_by_id[bid], *tgt):
                split.append(Split(b_by_id[bid], tgt))
    return merged, split


def _one_to_one(
    lineage: _Lineage,
    b_by_id: dict[str, Agency],
    a_by_id: dict[str, Agency],
    scope: _Scope,
    in_merge: set[str],
    in_split: set[str],
) -> tuple[list[Pair], list[Pair]]:
    """Step 2b, classification: the remaining 1 -> 1 pairs, continued or renamed by the edge's change."""
    continued: list[Pair] = []
    renamed: list[Pair] = []
    for bid, targets in lineage.succ.items():
        if len(targets) != 1 or bid in in_split or targets[0] in in_merge:
            continue
        b, a = b_by_id[bid], a_by_id[targets[0]]
        if not scope.has(b, a):
            continue
        change = lineage.pair_change[(bid, a.id)]
        if change is Change.RENAMED and (b.name_zh, b.name_en) != (a.name_zh, a.name_en):
            renamed.append(Pair(b, a, change))
        elif change in (Change.CONTINUED, Change.RENAMED):  # a "rename" that keeps both names continues
            continued.append(Pair(b, a, Change.CONTINUED))
    return continued, renamed


def _manager(lines: list[Line], agencies: dict[str, Agency]) -> Agency | None:
    """The body an agency reports to first, by the one mode order (None for a body that reports to nobody)."""
    if not lines:
        return None
    _, target = min(lines, key=lambda line: (mode_rank(line[0]), line[1]))
    return agencies.get(target)


def _moves(
    lineage: _Lineage,
    b_by_id: dict[str, Agency],
    a_by_id: dict[str, Agency],
    scope: _Scope,
    b_reports: dict[str, list[Line]],
    a_reports: dict[str, list[Line]],
) -> list[Move]:
    """Step 3b: pairs whose running jurisdiction changed (their own, or that of the body they report to first)."""
    moves: list[Move] = []
    for bid, aid in lineage.pair_change:
        b, a = b_by_id[bid], a_by_id[aid]
        if not scope.has(b, a):
            continue
        old_manager = _manager(b_reports.get(bid, []), b_by_id)
        new_manager = _manager(a_reports.get(aid, []), a_by_id)
        old_place = b.jurisdiction if old_manager is None else old_manager.jurisdiction
        new_place = a.jurisdiction if new_manager is None else new_manager.jurisdiction
        if b.jurisdiction != a.jurisdiction or old_place != new_place:
            manager = new_manager if new_manager is not None and new_place != a.jurisdiction else None
            moves.append(Move(b, a, old_place, new_place, manager))
    return moves


def _line_changes(
    lineage: _Lineage,
    b_by_id: dict[str, Agency],
    a_by_id: dict[str, Agency],
    scope: _Scope,
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
            removed, added = _changed_lines(old, new, lineage.succ)
            if removed or added:
                reporting.append(ReportingChange(b, a, _links(removed, b_by_id), _links(added, a_by_id)))
        old, new = b_hosts.get(bid, empty), a_hosts.get(aid, empty)
        if old or new:
            removed, added = _changed_lines(old, new, lineage.succ)
            if removed or added:
                hosting.append(HostingChange(b, a, _links(removed, b_by_id), _links(added, a_by_id)))
        if b.category is not a.category:
            categories.append(CategoryChange(b, a))
    return reporting, hosting, categories


def _diff(
    before: SnapshotData,
    after: SnapshotData,
    jurisdictions: Sequence[Jurisdiction],
    scope_id: str | None,
    scope_ids: set[str] | None,
) -> SnapshotDiff:
    """The steps in order: index, match lineage, classify, compare lines, count."""
    b_by_id = {a.id: a for a in before.agencies}
    a_by_id = {a.id: a for a in after.agencies}
    b_reports, b_hosts, structural, transfers = _lines(before.edges, b_by_id, a_by_id)
    _check_lineage(before, after, bool(structural or transfers), b_by_id)
    lineage = _match(structural, b_by_id)
    scope = _Scope(scope_ids)

    established = tuple(a for a in after.agencies if a.id not in lineage.pred and scope.has(a))
    abolished = tuple(a for a in before.agencies if a.id not in lineage.succ and scope.has(a))
    merged, split = _merges_and_splits(lineage, b_by_id, a_by_id, scope)
    continued, renamed = _one_to_one(
        lineage, b_by_id, a_by_id, scope, {m.target.id for m in merged}, {s.source.id for s in split}
    )
    transferred = [
        Transfer(b_by_id[e.start], a_by_id[e.end], e.function or "")
        for e in transfers
        if e.start in b_by_id and scope.has(b_by_id[e.start], a_by_id[e.end])
    ]
    a_reports, a_hosts, _, _ = _lines(after.edges, a_by_id)
    reporting, hosting, categories = _line_changes(
        lineage, b_by_id, a_by_id, scope, (b_reports, b_hosts, a_reports, a_hosts)
    )
    moves = _moves(lineage, b_by_id, a_by_id, scope, b_reports, a_reports)

    scoped = tuple(j for j in jurisdictions if scope_ids is None or j.id in scope_ids)
    return SnapshotDiff(
        before=before.snapshot,
        after=after.snapshot,
        scope=scope_id,
        jurisdictions=scoped,
        established=established,
        abolished=abolished,
        continued=tuple(sorted(continued, key=_BEFORE_ID)),
        renamed=tuple(sorted(renamed, key=_BEFORE_ID)),
        merged=tuple(sorted(merged, key=attrgetter("target.id"))),
        split=tuple(sorted(split, key=attrgetter("source.id"))),
        transferred=tuple(sorted(transferred, key=attrgetter("source.id", "target.id", "function"))),
        reporting=tuple(sorted(reporting, key=_PAIR_IDS)),
        categories=tuple(sorted(categories, key=_PAIR_IDS)),
        hosting=tuple(sorted(hosting, key=_PAIR_IDS)),
        counts=_counts(before.agencies, after.agencies, scoped, scope_ids),
        moved=tuple(sorted(moves, key=_PAIR_IDS)),
    )


_PLACE_CATEGORY = attrgetter("jurisdiction", "category")
_PLACE = attrgetter("jurisdiction")
_COUNTED = attrgetter("counts_toward_quota")


def _counts(
    before: Sequence[Agency],
    after: Sequence[Agency],
    scoped: Sequence[Jurisdiction],
    scope_ids: set[str] | None,
) -> tuple[CountRow, ...]:
    """Per jurisdiction in scope that has agencies: counted (quota) agencies, then agencies per category."""
    sides: list[Counter[tuple[str, Category | None]]] = []
    for agencies in (before, after):
        if scope_ids is not None:
            agencies = [a for a in agencies if a.jurisdiction in scope_ids]
        by_category: Counter[tuple[str, Category | None]] = Counter(map(_PLACE_CATEGORY, agencies))
        by_category.update((place, None) for place in map(_PLACE, filter(_COUNTED, agencies)))
        sides.append(by_category)
    present = {j for j, _ in sides[0]} | {j for j, _ in sides[1]}
    rows: list[CountRow] = []
    for j in scoped:
        if j.id not in present:
            continue
        rows.append(
            CountRow(
                j.id,
                None,
                sides[0][(j.id, None)],
                sides[1][(j.id, None)],
                j.agency_quota,
            )
        )
        for category in Category:
            b, a = sides[0][(j.id, category)], sides[1][(j.id, category)]
            if b or a:
                rows.append(CountRow(j.id, category, b, a))
    return tuple(rows)
