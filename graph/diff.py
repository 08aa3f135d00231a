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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph.errors import ComparisonError, NotFound
from graph.model import (
    Agency,
    Category,
    Change,
    Dataset,
    Edge,
    Jurisdiction,
    Level,
    RelType,
)

__all__ = [
    "CategoryChange",
    "CountRow",
    "HostingChange",
    "Link",
    "Merge",
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


@dataclass(frozen=True, slots=True)
class SnapshotData:
    """One snapshot as the store gives it: its agencies, its structural edges and the BECAME edges leaving it."""

    snapshot: str
    agencies: tuple[Agency, ...]
    edges: tuple[Edge, ...]

    @classmethod
    def from_store(cls, store: object, snapshot: str) -> SnapshotData:
        """Fetch through the GraphStore protocol (any backend)."""
        return cls(
            snapshot, tuple(store.agencies(snapshot)), tuple(store.edges(snapshot))
        )  # type: ignore[attr-defined]

    @classmethod
    def from_dataset(cls, dataset: Dataset, snapshot: str) -> SnapshotData:
        """The same selection straight from a Dataset (what a store would return, in the same order)."""
        agencies = sorted(
            (a for a in dataset.agencies if a.snapshot == snapshot), key=lambda a: a.id
        )
        ids = {a.id for a in agencies}
        edges = sorted(
            (e for e in dataset.edges if e.type is not RelType.IN and e.start in ids),
            key=lambda e: e.key,
        )
        return cls(snapshot, tuple(agencies), tuple(edges))


@dataclass(frozen=True, slots=True)
class Pair:
    """A 1 -> 1 lineage: `before` continued (or was renamed) as `after`."""

    before: Agency
    after: Agency
    change: Change


@dataclass(frozen=True, slots=True)
class Merge:
    sources: tuple[Agency, ...]  # every structural predecessor, sorted by id
    target: Agency


@dataclass(frozen=True, slots=True)
class Split:
    source: Agency
    targets: tuple[Agency, ...]  # every structural successor, sorted by id


@dataclass(frozen=True, slots=True)
class Transfer:
    source: Agency
    target: Agency
    function: str  # a Function id ("" when the edge names none)


@dataclass(frozen=True, slots=True)
class Link:
    """One REPORTS_TO or HOSTED_BY line: `mode` to `target`."""

    mode: str
    target: Agency


@dataclass(frozen=True, slots=True)
class ReportingChange:
    """A lineage pair whose reporting lines differ: lines only before (`removed`) and only after (`added`)."""

    before: Agency
    after: Agency
    removed: tuple[Link, ...]
    added: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class HostingChange:
    """A lineage pair whose HOSTED_BY lines (where its office sits) differ."""

    before: Agency
    after: Agency
    removed: tuple[Link, ...]
    added: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class CategoryChange:
    before: Agency
    after: Agency


@dataclass(frozen=True, slots=True)
class CountRow:
    """Agencies of one jurisdiction and category (category None: those counting toward the quota)."""

    jurisdiction: str
    category: Category | None
    before: int
    after: int
    quota: int | None = None

    @property
    def within_quota(self) -> bool | None:
        if self.category is not None or self.quota is None:
            return None
        return self.after <= self.quota


@dataclass(frozen=True, slots=True)
class SnapshotDiff:
    before: str
    after: str
    scope: str | None  # None: everything; "league"; or a jurisdiction id
    jurisdictions: tuple[
        Jurisdiction, ...
    ]  # the jurisdictions in scope, in dataset order
    established: tuple[Agency, ...]
    abolished: tuple[Agency, ...]
    continued: tuple[Pair, ...]
    renamed: tuple[Pair, ...]
    merged: tuple[Merge, ...]
    split: tuple[Split, ...]
    transferred: tuple[Transfer, ...]
    reporting: tuple[ReportingChange, ...]
    categories: tuple[CategoryChange, ...]
    hosting: tuple[HostingChange, ...]
    counts: tuple[
        CountRow, ...
    ]  # per jurisdiction: one quota row (category None), then one row per category

    def quota_rows(self) -> list[CountRow]:
        return [c for c in self.counts if c.category is None]


def resolve_scope(
    scope: str | None, jurisdictions: Sequence[Jurisdiction]
) -> tuple[str | None, set[str] | None]:
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
    raise NotFound(
        f"no jurisdiction {scope!r} to compare; use an id or name ({known}), 'league', or none for all"
    )


def _by_start(
    edges: Iterable[Edge], rel: RelType, agencies: dict[str, Agency]
) -> dict[str, list[Link]]:
    out: dict[str, list[Link]] = {}
    for e in edges:
        if e.type is rel and e.end in agencies:
            out.setdefault(e.start, []).append(Link(e.mode or "", agencies[e.end]))
    return out


def _lineage(
    before: SnapshotData, after_ids: dict[str, Agency]
) -> tuple[list[Edge], list[Edge]]:
    """(structural, transferred) BECAME edges from `before` into `after`."""
    structural, transferred = [], []
    for e in before.edges:
        if e.type is RelType.BECAME and e.end in after_ids:
            (transferred if e.change is Change.TRANSFERRED else structural).append(e)
    return structural, transferred


def _check_lineage(
    before: SnapshotData,
    after: SnapshotData,
    has_lineage: bool,
    before_ids: dict[str, Agency],
) -> None:
    if before.snapshot == after.snapshot:
        raise ComparisonError(
            f"cannot compare snapshot {before.snapshot!r} with itself; choose two snapshots"
        )
    if has_lineage or not before.agencies or not after.agencies:
        return
    backwards = any(
        e.type is RelType.BECAME and e.end in before_ids for e in after.edges
    )
    hint = (
        f"; the lineage runs from {after.snapshot!r} to {before.snapshot!r}, so swap --from and --to"
        if backwards
        else "; compare snapshots joined by BECAME edges (e.g. consecutive ones)"
    )
    raise ComparisonError(
        f"snapshots {before.snapshot!r} and {after.snapshot!r} have no lineage (BECAME edges) between them, "
        f"so nothing can be said about what became of which agency{hint}"
    )


def _changed_links(
    old: list[Link], new: list[Link], successors: dict[str, dict[str, None]]
) -> tuple[tuple[Link, ...], tuple[Link, ...]]:
    """Lines only in `old` and only in `new`; an old target is matched by any of its structural successors."""
    new_keys = {(l.mode, l.target.id) for l in new}
    matched_new: set[tuple[str, str]] = set()
    removed = []
    for link in old:
        hits = [
            (link.mode, s)
            for s in successors.get(link.target.id, ())
            if (link.mode, s) in new_keys
        ]
        if hits:
            matched_new.update(hits)
        else:
            removed.append(link)
    added = [l for l in new if (l.mode, l.target.id) not in matched_new]
    key = lambda l: (l.mode, l.target.id)
    return tuple(sorted(removed, key=key)), tuple(sorted(added, key=key))


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
    b_by_id = {a.id: a for a in before.agencies}
    a_by_id = {a.id: a for a in after.agencies}
    structural, transfers = _lineage(before, a_by_id)
    _check_lineage(before, after, bool(structural or transfers), b_by_id)

    succ: dict[str, dict[str, None]] = {}  # ordered sets
    pred: dict[str, dict[str, None]] = {}
    succ_change: dict[str, set[Change]] = {}
    pred_change: dict[str, set[Change]] = {}
    pair_change: dict[tuple[str, str], Change] = {}
    for e in structural:
        if e.start not in b_by_id:
            continue
        succ.setdefault(e.start, {})[e.end] = None
        pred.setdefault(e.end, {})[e.start] = None
        change = e.change or Change.CONTINUED
        succ_change.setdefault(e.start, set()).add(change)
        pred_change.setdefault(e.end, set()).add(change)
        pair_change.setdefault((e.start, e.end), change)

    def in_scope(*agencies: Agency) -> bool:
        return scope_ids is None or any(a.jurisdiction in scope_ids for a in agencies)

    established = tuple(a for a in after.agencies if a.id not in pred and in_scope(a))
    abolished = tuple(a for a in before.agencies if a.id not in succ and in_scope(a))

    merged: list[Merge] = []
    for aid, sources in pred.items():
        if len(sources) > 1 or Change.MERGED in pred_change[aid]:
            src = tuple(sorted((b_by_id[s] for s in sources), key=lambda a: a.id))
            if in_scope(a_by_id[aid], *src):
                merged.append(Merge(src, a_by_id[aid]))
    split: list[Split] = []
    for bid, targets in succ.items():
        if len(targets) > 1 or Change.SPLIT in succ_change[bid]:
            tgt = tuple(sorted((a_by_id[t] for t in targets), key=lambda a: a.id))
            if in_scope(b_by_id[bid], *tgt):
                split.append(Split(b_by_id[bid], tgt))
    in_merge = {m.target.id for m in merged}
    in_split = {s.source.id for s in split}
    continued: list[Pair] = []
    renamed: list[Pair] = []
    for bid, targets in succ.items():
        if len(targets) != 1 or bid in in_split:
            continue
        target = next(iter(targets))
        if target in in_merge:
            continue
        b, a = b_by_id[bid], a_by_id[target]
        if not in_scope(b, a):
            continue
        change = pair_change[(bid, a.id)]
        if change is Change.RENAMED:
            renamed.append(Pair(b, a, change))
        elif change is Change.CONTINUED:
            continued.append(Pair(b, a, change))
    transferred = [
        Transfer(b_by_id[e.start], a_by_id[e.end], e.function or "")
        for e in transfers
        if e.start in b_by_id and in_scope(b_by_id[e.start], a_by_id[e.end])
    ]

    b_reports = _by_start(before.edges, RelType.REPORTS_TO, b_by_id)
    a_reports = _by_start(after.edges, RelType.REPORTS_TO, a_by_id)
    b_hosts = _by_start(before.edges, RelType.HOSTED_BY, b_by_id)
    a_hosts = _by_start(after.edges, RelType.HOSTED_BY, a_by_id)
    reporting: list[ReportingChange] = []
    hosting: list[HostingChange] = []
    categories: list[CategoryChange] = []
    empty: list[Link] = []
    for bid, aid in pair_change:
        b, a = b_by_id[bid], a_by_id[aid]
        if not in_scope(b, a):
            continue
        old, new = b_reports.get(bid, empty), a_reports.get(aid, empty)
        if old or new:
            removed, added = _changed_links(old, new, succ)
            if removed or added:
                reporting.append(ReportingChange(b, a, removed, added))
        old, new = b_hosts.get(bid, empty), a_hosts.get(aid, empty)
        if old or new:
            removed, added = _changed_links(old, new, succ)
            if removed or added:
                hosting.append(HostingChange(b, a, removed, added))
        if b.category is not a.category:
            categories.append(CategoryChange(b, a))

    scoped = tuple(j for j in jurisdictions if scope_ids is None or j.id in scope_ids)
    return SnapshotDiff(
        before=before.snapshot,
        after=after.snapshot,
        scope=scope_id,
        jurisdictions=scoped,
        established=established,
        abolished=abolished,
        continued=tuple(sorted(continued, key=lambda p: p.before.id)),
        renamed=tuple(sorted(renamed, key=lambda p: p.before.id)),
        merged=tuple(sorted(merged, key=lambda m: m.target.id)),
        split=tuple(sorted(split, key=lambda s: s.source.id)),
        transferred=tuple(
            sorted(transferred, key=lambda t: (t.source.id, t.target.id, t.function))
        ),
        reporting=tuple(sorted(reporting, key=lambda r: (r.before.id, r.after.id))),
        categories=tuple(sorted(categories, key=lambda c: (c.before.id, c.after.id))),
        hosting=tuple(sorted(hosting, key=lambda h: (h.before.id, h.after.id))),
        counts=_counts(before.agencies, after.agencies, scoped),
    )


def _counts(
    before: Iterable[Agency], after: Iterable[Agency], scoped: Sequence[Jurisdiction]
) -> tuple[CountRow, ...]:
    """Per jurisdiction in scope that has agencies: counted (quota) agencies, then agencies per category."""
    wanted = {j.id for j in scoped}
    tally: dict[tuple[str, Category | None], list[int]] = {}
    for side, agencies in ((0, before), (1, after)):
        for a in agencies:
            if a.jurisdiction not in wanted:
                continue
            tally.setdefault((a.jurisdiction, a.category), [0, 0])[side] += 1
            quota_cell = tally.setdefault((a.jurisdiction, None), [0, 0])
            if a.counts_toward_quota:
                quota_cell[side] += 1
    rows: list[CountRow] = []
    for j in scoped:
        if (j.id, None) not in tally:
            continue
        b, a = tally[(j.id, None)]
        rows.append(CountRow(j.id, None, b, a, j.agency_quota))
        for category in Category:
            if (j.id, category) in tally:
                b, a = tally[(j.id, category)]
                rows.append(CountRow(j.id, category, b, a))
    return tuple(rows)
