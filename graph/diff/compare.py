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
from collections.abc import Sequence
from operator import attrgetter

from graph.diff.lineage import Lineage, Scope, match_lineage
from graph.diff.lines import index_lines
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
from graph.diff.pairs import DiffParts, Tally, compare_pairs
from graph.diff.vector import columnar_parts
from graph.errors import ComparisonError, NotFound
from graph.gcpause import paused_gc
from graph.model import (
    Agency,
    Category,
    Jurisdiction,
    RelType,
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

_ID = attrgetter("id")

#: From this many agencies (both snapshots together) the diff runs over columns (graph/diff/vector.py). Below it,
#: building the columns and numpy's fixed cost per call outweigh what the arrays save on a first diff (measured on
#: this machine: even at about 8,000 agencies, 20 ms either way; at 1,438 agencies, 4.0 ms by objects and 5.5 ms
#: by columns). tests/unit/conftest.py's `diff_path` runs the diff tests on both paths.
COLUMNAR_FROM = 8_000


def resolve_scope(scope: str | None, jurisdictions: Sequence[Jurisdiction]) -> tuple[str | None, set[str] | None]:
    """(normalised scope, jurisdiction ids in it); None means everything. Accepts an id, name_zh, name_en, or a
    level id (every jurisdiction at that level, e.g. "league")."""
    if scope is None or scope.strip() == "":
        return None, None
    key = scope.strip()
    for j in jurisdictions:
        if key == j.id or key == j.name_zh or key.lower() == j.name_en.lower():
            return j.id, {j.id}
    at_level = {j.id for j in jurisdictions if j.level == key.lower()}
    if at_level:
        return key.lower(), at_level
    known = ", ".join(f"{j.id} {j.name_zh or j.name_en}" for j in jurisdictions[:20])
    levels = ", ".join(dict.fromkeys(j.level for j in jurisdictions))
    raise NotFound(
        f"no jurisdiction {scope!r} to compare; use an id or name ({known}), a level ({levels}), or none for all"
    )


def _check_lineage(
    before: SnapshotData,
    after: SnapshotData,
    has_lineage: bool,
) -> None:
    if before.snapshot == after.snapshot:
        raise ComparisonError(f"cannot compare snapshot {before.snapshot!r} with itself; choose two snapshots")
    if has_lineage or not before.agencies or not after.agencies:
        return
    before_ids = {a.id for a in before.agencies}
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


def _by_id(agencies: Sequence[Agency]) -> tuple[Sequence[Agency], dict[str, Agency]]:
    """The agencies sorted by id (as every store gives them: then this only checks) and indexed by id."""
    ids = list(map(_ID, agencies))
    if ids != sorted(ids):
        agencies = sorted(agencies, key=_ID)
    return agencies, dict(zip(ids, agencies))


def _after_side(
    after: Sequence[Agency], lineage: Lineage, b_by_id: dict[str, Agency], wanted: set[str] | None
) -> tuple[list[Agency], list[Merge]]:
    """Established (no structural predecessor) and merged (several, or a `merged` label) after agencies in scope."""
    established: list[Agency] = []
    merged: list[Merge] = []
    pred, labelled = lineage.pred, lineage.labelled_merged
    for a in after:
        sources = pred.get(a.id)
        if sources is None:
            if wanted is None or a.jurisdiction in wanted:
                established.append(a)
        elif len(sources) > 1 or a.id in labelled:
            src = tuple(b_by_id[s] for s in (sources if len(sources) == 1 else sorted(sources)))
            if wanted is None or a.jurisdiction in wanted or any(b.jurisdiction in wanted for b in src):
                merged.append(Merge(src, a))
    return established, merged


def _before_side(
    before: Sequence[Agency], lineage: Lineage, a_by_id: dict[str, Agency], wanted: set[str] | None
) -> tuple[list[Agency], list[Split]]:
    """Abolished (no structural successor) and split (several, or a `split` label) before agencies in scope."""
    abolished: list[Agency] = []
    split: list[Split] = []
    succ, labelled = lineage.succ, lineage.labelled_split
    for b in before:
        targets = succ.get(b.id)
        if targets is None:
            if wanted is None or b.jurisdiction in wanted:
                abolished.append(b)
        elif len(targets) > 1 or b.id in labelled:
            tgt = tuple(a_by_id[t] for t in (targets if len(targets) == 1 else sorted(targets)))
            if wanted is None or b.jurisdiction in wanted or any(a.jurisdiction in wanted for a in tgt):
                split.append(Split(b, tgt))
    return abolished, split


def _diff(
    before: SnapshotData,
    after: SnapshotData,
    jurisdictions: Sequence[Jurisdiction],
    scope_id: str | None,
    scope_ids: set[str] | None,
) -> SnapshotDiff:
    """Find the parts (object at a time, or over columns for large snapshots), check the lineage, assemble."""
    if len(before.agencies) + len(after.agencies) >= COLUMNAR_FROM:
        parts = columnar_parts(before, after, scope_ids)
    else:
        parts = _object_parts(before, after, scope_ids)
    _check_lineage(before, after, parts.has_lineage)
    pairs = parts.pairs
    scoped = tuple(j for j in jurisdictions if scope_ids is None or j.id in scope_ids)
    return SnapshotDiff(
        before=before.snapshot,
        after=after.snapshot,
        scope=scope_id,
        jurisdictions=scoped,
        established=tuple(parts.established),
        abolished=tuple(parts.abolished),
        continued=tuple(pairs.continued),
        renamed=tuple(pairs.renamed),
        merged=tuple(parts.merged),
        split=tuple(parts.split),
        transferred=tuple(sorted(parts.transferred, key=attrgetter("source.id", "target.id", "function"))),
        reporting=tuple(pairs.reporting),
        categories=tuple(pairs.categories),
        hosting=tuple(pairs.hosting),
        counts=count_rows(*parts.tallies, scoped),
        moved=tuple(pairs.moved),
    )


def _object_parts(before: SnapshotData, after: SnapshotData, scope_ids: set[str] | None) -> DiffParts:
    """The steps in order, object at a time: index, match lineage, classify, compare lines, count."""
    b_agencies, b_by_id = _by_id(before.agencies)
    a_agencies, a_by_id = _by_id(after.agencies)
    b_reports, b_hosts, structural, transfers = index_lines(before.edges, b_by_id, a_by_id)
    lineage = match_lineage(structural, b_by_id)
    scope = Scope(scope_ids)
    established, merged = _after_side(a_agencies, lineage, b_by_id, scope_ids)
    abolished, split = _before_side(b_agencies, lineage, a_by_id, scope_ids)
    transferred = [
        Transfer(b_by_id[e.start], a_by_id[e.end], e.function or "")
        for e in transfers
        if e.start in b_by_id and scope.has(b_by_id[e.start], a_by_id[e.end])
    ]
    a_reports, a_hosts, _, _ = index_lines(after.edges, a_by_id)
    pairs = compare_pairs(b_agencies, lineage, (b_by_id, a_by_id), scope_ids, (b_reports, b_hosts, a_reports, a_hosts))
    tallies = (_tally(b_agencies, scope_ids), _tally(a_agencies, scope_ids))
    return DiffParts(established, abolished, merged, split, transferred, pairs, tallies, bool(structural or transfers))


_CATEGORIES = tuple(Category)
_CATEGORY_INDEX = {c.value: i for i, c in enumerate(_CATEGORIES)}
_PLACE_CATEGORY = attrgetter("jurisdiction", "category")
_PLACE = attrgetter("jurisdiction")
_COUNTED = attrgetter("counts_toward_quota")


def _tally(agencies: Sequence[Agency], scope_ids: set[str] | None) -> Tally:
    """(jurisdiction, category) -> agencies in scope, and (jurisdiction, None) -> those counting toward the quota."""
    if scope_ids is not None:
        agencies = [a for a in agencies if a.jurisdiction in scope_ids]
    tally: Tally = Counter(map(_PLACE_CATEGORY, agencies))
    quota = Counter(map(_PLACE, filter(_COUNTED, agencies)))  # C-level; then one entry per jurisdiction
    tally.update({(place, None): n for place, n in quota.items()})
    return tally


def count_rows(before: Tally, after: Tally, scoped: Sequence[Jurisdiction]) -> tuple[CountRow, ...]:
    """The count rows of two tallies: per jurisdiction in scope with agencies, its quota row then its categories.

    One table row per jurisdiction, filled from the tallies' items: looking up every (jurisdiction, category)
    would hash an enum member per lookup (Python code) for the many combinations that are absent."""
    width = len(_CATEGORIES) + 1  # the categories in order, then the quota count
    table: dict[str, list[int]] = {}
    for side, tally in enumerate((before, after)):
        for (place, category), n in tally.items():
            counts = table.get(place)
            if counts is None:
                counts = table[place] = [0] * (2 * width)
            counts[side * width + (width - 1 if category is None else _CATEGORY_INDEX[category._value_])] = n
    rows: list[CountRow] = []
    for j in scoped:
        counts = table.get(j.id)
        if counts is None:
            continue
        rows.append(CountRow(j.id, None, counts[width - 1], counts[2 * width - 1], j.agency_quota))
        for i, category in enumerate(_CATEGORIES):
            if counts[i] or counts[width + i]:
                rows.append(CountRow(j.id, category, counts[i], counts[width + i]))
    return tuple(rows)
