"""What a page shows of one comparison, as plain data: the headline counts, the lineage flows, which bodies ended,
and the scope's two sides, all read off one SnapshotDiff so the tiles, the pictures and the table agree.

Built (from a store, no UI) by service.OrgService.comparison(), drawn by views/overlay.py and views/sankey.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graph.diff.classes import ChangeClass, classes_from_diff
from graph.diff.model import SnapshotData, SnapshotDiff
from graph.model import Agency, Function
from graph.store import GraphStore

__all__ = [
    "FLOW_KINDS",
    "ChangeCounts",
    "Comparison",
    "Flow",
    "change_counts",
    "comparison_of",
    "lineage_flows",
    "scope_sides",
]

#: The kinds of a lineage flow, in the order a legend lists them. A pair that moved to another jurisdiction's
#: management is "moved" even when it was also renamed or merged: that is what an analyst looks for first.
FLOW_KINDS = ("continued", "renamed", "merged", "split", "moved", "transferred")
_MOVED_BEATS = (ChangeClass.MERGED, ChangeClass.SPLIT)  # classes_from_diff ranks these above moved


@dataclass(frozen=True, slots=True)
class ChangeCounts:
    """The headline figures of a comparison: bodies before and after, and how many of each change."""

    agencies_before: int
    agencies_after: int
    established: int
    ended: int  # = abolished + merged_away + split_up
    abolished: int
    merged_away: int  # ended by merging into another body
    split_up: int  # ended by being split into several bodies
    mergers: int  # bodies formed by a merger
    splits: int
    moved: int  # pairs now run from another jurisdiction (e.g. a county bureau become a league bureau's branch)
    renamed: int
    transferred: int  # duties (functions) that moved between bodies
    reporting: int  # pairs whose reporting lines changed


@dataclass(frozen=True, slots=True)
class Flow:
    """One lineage link from a before body to an after body; a transferred duty is a flow of its own."""

    source: Agency
    target: Agency
    kind: str  # one of FLOW_KINDS
    function: str = ""  # the Function id, for a transferred duty


@dataclass(frozen=True, slots=True)
class Comparison:
    """One comparison of a scope: the diff, the scope's agencies and edges on both sides, and what is drawn."""

    diff: SnapshotDiff
    before: SnapshotData  # the scope's agencies and edges (those leaving them) in the before snapshot
    after: SnapshotData
    classes: Mapping[str, ChangeClass]  # agency id -> its change class, for every agency of both sides
    ended: frozenset[str]  # ids of before bodies that no longer exist as themselves
    continuing: Mapping[str, str]  # before id -> after id of the 1 -> 1 pairs (continued or renamed)
    aligned: Mapping[str, str]  # before id -> the after body that takes its place in a picture (1 -> 1, then merges)
    counts: ChangeCounts
    flows: tuple[Flow, ...]
    functions: Mapping[str, Function]  # the duties the flows and the table name

    @property
    def scope(self) -> str | None:
        return self.diff.scope


def change_counts(diff: SnapshotDiff, agencies_before: int, agencies_after: int) -> ChangeCounts:
    """Headline counts; each ended body is counted once, by the strongest reason: abolished, split up, merged away."""
    ended = {a.id for a in diff.ended}
    abolished = {a.id for a in diff.abolished} & ended
    split_up = {s.source.id for s in diff.split} & ended - abolished
    merged_away = ended - abolished - split_up
    return ChangeCounts(
        agencies_before=agencies_before,
        agencies_after=agencies_after,
        established=len(diff.established),
        ended=len(ended),
        abolished=len(abolished),
        merged_away=len(merged_away),
        split_up=len(split_up),
        mergers=len(diff.merged),
        splits=len(diff.split),
        moved=len(diff.moved),
        renamed=len(diff.renamed),
        transferred=len(diff.transferred),
        reporting=len(diff.reporting),
    )


def lineage_flows(diff: SnapshotDiff) -> tuple[Flow, ...]:
    """Every structural pair of the diff once, with its strongest kind (moved, merged, split, renamed, continued),
    then one flow per transferred duty."""
    kinds: dict[tuple[str, str], Flow] = {}

    def put(source: Agency, target: Agency, kind: str) -> None:
        kinds.setdefault((source.id, target.id), Flow(source, target, kind))

    for move in diff.moved:
        put(move.before, move.after, "moved")
    for merge in diff.merged:
        for source in merge.sources:
            put(source, merge.target, "merged")
    for split in diff.split:
        for target in split.targets:
            put(split.source, target, "split")
    for pair in diff.renamed:
        put(pair.before, pair.after, "renamed")
    for pair in diff.continued:
        put(pair.before, pair.after, "continued")
    duties = [Flow(t.source, t.target, "transferred", t.function) for t in diff.transferred]
    return (*kinds.values(), *duties)


def comparison_of(
    diff: SnapshotDiff, before: SnapshotData, after: SnapshotData, functions: Mapping[str, Function]
) -> Comparison:
    """The Comparison of a diff and the scope's two sides (as the store returned them)."""
    found = classes_from_diff(diff)
    for move in diff.moved:  # the body a move made is drawn as moved even when a merger formed it: say where it went
        if found.get(move.after.id) in _MOVED_BEATS:
            found[move.after.id] = ChangeClass.MOVED
    classes = {a.id: found.get(a.id, ChangeClass.UNCHANGED) for a in (*before.agencies, *after.agencies)}
    continuing = {p.before.id: p.after.id for p in (*diff.continued, *diff.renamed)}
    aligned = dict(continuing)
    for merge in diff.merged:
        for source in merge.sources:
            aligned.setdefault(source.id, merge.target.id)
    for split in diff.split:
        aligned.setdefault(split.source.id, split.targets[0].id)
    flows = lineage_flows(diff)
    used = {f.function for f in flows if f.function}
    return Comparison(
        diff=diff,
        before=before,
        after=after,
        classes=classes,
        ended=frozenset(a.id for a in diff.ended),
        continuing=continuing,
        aligned=aligned,
        counts=change_counts(diff, len(before.agencies), len(after.agencies)),
        flows=flows,
        functions={k: f for k, f in functions.items() if k in used},
    )


def scope_sides(store: GraphStore, diff: SnapshotDiff) -> tuple[SnapshotData, SnapshotData]:
    """The agencies and edges of the diff's scope (every jurisdiction in it) in its two snapshots, from the store."""
    places: list[str | None] = [j.id for j in diff.jurisdictions] if diff.scope is not None else [None]

    def side(snapshot: str) -> SnapshotData:
        agencies = tuple(a for p in places for a in store.agencies(snapshot, jurisdiction=p))
        return SnapshotData(snapshot, agencies, tuple(e for p in places for e in store.edges(snapshot, jurisdiction=p)))

    return side(diff.before), side(diff.after)
