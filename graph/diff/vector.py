"""The diff of two large snapshots as array operations over their columns (graph/diff/columns.py): the same answer
as the object-at-a-time diff (compare.py's `_diff`, which tests hold it to), at a cost per agency that stays
nearly flat from 10k to 1M agencies (the object diff's grew 2.5x: bench/README.md).

Every step that looks at all agencies, lines or lineage pairs is a numpy operation; Python runs only on what
changed (established, abolished, merged, split, renamed, transferred, and the pairs whose lines differ from the
common kept line), through the same helpers the object diff uses (pairs.compare_lines, lines.changed_lines)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from weakref import WeakKeyDictionary

import numpy as np

from graph.diff.columns import (
    CATEGORIES,
    CHANGE_CODE,
    Flags,
    Ints,
    RowGroups,
    SnapshotColumns,
    rows_of,
    translate,
)
from graph.diff.model import CategoryChange, Merge, Pair, SnapshotData, Split, Transfer
from graph.diff.pairs import DiffParts, PairChanges, Tally, compare_lines
from graph.model import Agency, Change, Edge

__all__ = ["columnar_parts"]

_CONTINUED, _RENAMED = CHANGE_CODE[Change.CONTINUED], CHANGE_CODE[Change.RENAMED]
_MERGED, _SPLIT, _TRANSFERRED = CHANGE_CODE[Change.MERGED], CHANGE_CODE[Change.SPLIT], CHANGE_CODE[Change.TRANSFERRED]


@dataclass(frozen=True, slots=True)
class _Lineage:
    """The structural BECAME pairs, distinct and sorted by (before row, after row), and what each row has."""

    start: Ints  # before row of each pair
    end: Ints  # after row of each pair
    keys: Ints  # start * len(after) + end, sorted: a pair is looked up by binary search
    succ_count: Ints  # per before row
    pred_count: Ints  # per after row
    first_change: Ints  # per before row: the change code of its first structural edge (-1: none)
    labelled_merged: Flags  # per after row
    labelled_split: Flags  # per before row
    succ_offsets: Ints  # before row r's pairs are [succ_offsets[r], succ_offsets[r + 1])


def _lineage(start: Ints, end: Ints, change: Ints, n_before: int, n_after: int) -> _Lineage:
    """lineage.match_lineage over arrays: the structural edges (start row, end row, change code, in edge order)."""
    keys = np.unique(start * n_after + end)
    pairs_start, pairs_end = keys // max(n_after, 1), keys % max(n_after, 1)
    succ_count = np.bincount(pairs_start, minlength=n_before)
    first_change = np.full(n_before, -1, np.int64)
    starts, first = np.unique(start, return_index=True)  # the first occurrence, in edge order
    first_change[starts] = change[first]
    merged, split = np.zeros(n_after, np.bool_), np.zeros(n_before, np.bool_)
    merged[end[change == _MERGED]] = True
    split[start[change == _SPLIT]] = True
    offsets = np.zeros(n_before + 1, np.int64)
    np.cumsum(succ_count, out=offsets[1:])
    return _Lineage(
        pairs_start,
        pairs_end,
        keys,
        succ_count,
        np.bincount(pairs_end, minlength=n_after),
        first_change,
        merged,
        split,
        offsets,
    )


def _successors(lineage: _Lineage, before: SnapshotColumns, after: SnapshotColumns) -> RowGroups[str]:
    """before id -> its structural successors' ids, read from the lineage pairs (for the few pairs compared line
    by line)."""
    ids = after.agencies
    return RowGroups(before.row, lineage.succ_offsets, lambda lo, hi: [ids[r].id for r in lineage.end[lo:hi].tolist()])


def _agencies(columns: SnapshotColumns, rows: Ints) -> list[Agency]:
    return list(map(columns.agencies.__getitem__, rows.tolist()))


def _in_scope(columns: SnapshotColumns, wanted: set[str] | None) -> Flags | None:
    if wanted is None:
        return None
    codes = [i for i, place in enumerate(columns.places) if place in wanted]
    return np.isin(columns.place, codes)


#: before columns -> after columns -> their lineage and transfers: resolved once per pair of snapshots (it does
#: not depend on the scope), and dropped with the columns
_RESOLVED: WeakKeyDictionary[SnapshotColumns, WeakKeyDictionary[SnapshotColumns, tuple[_Lineage, list[Edge]]]] = (
    WeakKeyDictionary()
)


def _resolved(b: SnapshotColumns, a: SnapshotColumns) -> tuple[_Lineage, list[Edge]]:
    """The structural lineage from `b` to `a` and the transferred BECAME edges into `a`."""
    known = _RESOLVED.setdefault(b, WeakKeyDictionary()).get(a)
    if known is not None:
        return known
    ends = rows_of(iter(b.became_end), a.row, len(b.became_end))
    into = ends >= 0
    is_transfer = b.became_change == _TRANSFERRED
    structural = into & ~is_transfer
    lineage = _lineage(b.became_start[structural], ends[structural], b.became_change[structural], len(b), len(a))
    transfers = [b.became[i] for i in np.flatnonzero(into & is_transfer).tolist()]
    _RESOLVED[b][a] = (lineage, transfers)
    return lineage, transfers


def columnar_parts(before: SnapshotData, after: SnapshotData, wanted: set[str] | None) -> DiffParts:
    """Every part of the diff of `before` and `after` within the jurisdictions `wanted` (None: all)."""
    b, a = before.columns(), after.columns()
    lineage, transfers = _resolved(b, a)
    b_in, a_in = _in_scope(b, wanted), _in_scope(a, wanted)
    established, merged = _after_side(lineage, b, a, b_in, a_in)
    abolished, split = _before_side(lineage, b, a, b_in, a_in)
    return DiffParts(
        established,
        abolished,
        merged,
        split,
        [
            Transfer(b.by_id[e.start], a.by_id[e.end], e.function or "")
            for e in transfers
            if wanted is None or b.by_id[e.start].jurisdiction in wanted or a.by_id[e.end].jurisdiction in wanted
        ],
        _pairs(lineage, b, a, b_in, a_in),
        (_tally(b, b_in), _tally(a, a_in)),
        bool(len(lineage.keys) or transfers),
    )


def _after_side(
    lineage: _Lineage, b: SnapshotColumns, a: SnapshotColumns, b_in: Flags | None, a_in: Flags | None
) -> tuple[list[Agency], list[Merge]]:
    """Established (no structural predecessor) and merged (several, or a `merged` label) after agencies in scope."""
    new = lineage.pred_count == 0
    established = _agencies(a, np.flatnonzero(new if a_in is None else new & a_in))
    is_merged = (lineage.pred_count > 1) | lineage.labelled_merged
    chosen = np.flatnonzero(is_merged[lineage.end])
    order = chosen[np.lexsort((lineage.start[chosen], lineage.end[chosen]))]
    merged: list[Merge] = []
    for target, sources in _groups(lineage.end[order], lineage.start[order]):
        if a_in is None or b_in is None or a_in[target] or b_in[sources].any():
            merged.append(Merge(tuple(_agencies(b, sources)), a.agencies[target]))
    return established, merged


def _before_side(
    lineage: _Lineage, b: SnapshotColumns, a: SnapshotColumns, b_in: Flags | None, a_in: Flags | None
) -> tuple[list[Agency], list[Split]]:
    """Abolished (no structural successor) and split (several, or a `split` label) before agencies in scope."""
    gone = lineage.succ_count == 0
    abolished = _agencies(b, np.flatnonzero(gone if b_in is None else gone & b_in))
    is_split = (lineage.succ_count > 1) | lineage.labelled_split
    chosen = np.flatnonzero(is_split[lineage.start])  # pairs are sorted by (start, end) already
    split: list[Split] = []
    for source, targets in _groups(lineage.start[chosen], lineage.end[chosen]):
        if a_in is None or b_in is None or b_in[source] or a_in[targets].any():
            split.append(Split(b.agencies[source], tuple(_agencies(a, targets))))
    return abolished, split


def _groups(keys: Ints, values: Ints) -> Iterator[tuple[int, Ints]]:
    """(key, its values) for runs of equal keys (keys sorted)."""
    if not len(keys):
        return
    cuts = np.flatnonzero(np.diff(keys)) + 1
    for lo, hi in zip([0, *cuts.tolist()], [*cuts.tolist(), len(keys)]):
        yield int(keys[lo]), values[lo:hi]


def _pairs(
    lineage: _Lineage, b: SnapshotColumns, a: SnapshotColumns, b_in: Flags | None, a_in: Flags | None
) -> PairChanges:
    """compare_pairs over arrays: every pair in scope classified, the common kept line recognised in bulk, and
    only the other pairs compared line by line."""
    ps, pe = lineage.start, lineage.end
    if b_in is not None and a_in is not None:
        chosen = np.flatnonzero(b_in[ps] | a_in[pe])
        ps, pe = ps[chosen], pe[chosen]
    out = PairChanges()
    one_to_one = (
        (lineage.succ_count[ps] == 1)
        & ~lineage.labelled_split[ps]
        & (lineage.pred_count[pe] == 1)
        & ~lineage.labelled_merged[pe]
    )
    change = lineage.first_change[ps]
    continued = one_to_one & (change == _CONTINUED)
    for k in np.flatnonzero(one_to_one & (change == _RENAMED)).tolist():
        old, new = b.agencies[ps[k]], a.agencies[pe[k]]
        if old.name_zh != new.name_zh or old.name_en != new.name_en:
            out.renamed.append(Pair(old, new, Change.RENAMED))
        else:  # a "rename" that keeps both names continues
            continued[k] = True
    out.continued = list(map(Pair, _agencies(b, ps[continued]), _agencies(a, pe[continued]), repeat(Change.CONTINUED)))
    recategorised = np.flatnonzero(b.category[ps] != a.category[pe])
    out.categories = list(map(CategoryChange, _agencies(b, ps[recategorised]), _agencies(a, pe[recategorised])))
    _compare_uncommon(out, lineage, b, a, np.flatnonzero(~_common(lineage, b, a, ps, pe)), (ps, pe))
    return out


def _common(lineage: _Lineage, b: SnapshotColumns, a: SnapshotColumns, ps: Ints, pe: Ints) -> Flags:
    """The pairs with one reporting line each, kept (same mode, the new target a successor of the old one), no
    hosting line, and the same jurisdiction for both the body and its target: nothing but the category to compare."""
    old, new = b.report_to[ps], a.report_to[pe]
    have = (old >= 0) & (new >= 0)
    old, new = np.where(have, old, 0), np.where(have, new, 0)
    places = translate(b.places, a.places)
    kept = np.zeros(len(ps), np.bool_)
    if len(lineage.keys):
        wanted = old * max(len(a), 1) + new
        at = np.minimum(np.searchsorted(lineage.keys, wanted), len(lineage.keys) - 1)
        kept = lineage.keys[at] == wanted
    common: Flags = (
        have
        & kept
        & (translate(b.modes, a.modes)[b.report_mode[ps]] == a.report_mode[pe])
        & ~b.hosted[ps]
        & ~a.hosted[pe]
        & (places[b.place[ps]] == a.place[pe])
        & (places[b.place[old]] == a.place[new])
    )
    return common


def _compare_uncommon(
    out: PairChanges, lineage: _Lineage, b: SnapshotColumns, a: SnapshotColumns, which: Ints, pairs: tuple[Ints, Ints]
) -> None:
    """Lines and running jurisdiction of the pairs `which` (indexes into `pairs`), one by one, in pair order."""
    succ = _successors(lineage, b, a)
    lines = (b.reports, b.hosts, a.reports, a.hosts)
    for old, new in zip(_agencies(b, pairs[0][which]), _agencies(a, pairs[1][which])):
        compare_lines(out, old, new, succ, (b.by_id, a.by_id), lines)


def _tally(columns: SnapshotColumns, chosen: Flags | None) -> Tally:
    """(jurisdiction, category) -> agencies, and (jurisdiction, None) -> agencies counting toward the quota."""
    place, category, quota = columns.place, columns.category, columns.quota
    if chosen is not None:
        place, category, quota = place[chosen], category[chosen], quota[chosen]
    size = len(CATEGORIES)
    tally: Tally = Counter()
    for code, n in enumerate(np.bincount(place * size + category, minlength=len(columns.places) * size).tolist()):
        if n:
            tally[(columns.places[code // size], CATEGORIES[code % size])] = n
    for code, n in enumerate(np.bincount(place[quota], minlength=len(columns.places)).tolist()):
        if n:
            tally[(columns.places[code], None)] = n
    return tally
