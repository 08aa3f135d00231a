"""What a comparison reads from the store: two whole snapshots, or, for a comparison scoped to some jurisdictions,
only their agencies and the neighbourhood their lineage and reporting lines reach across the border.

A scoped read costs in proportion to the scope (a county is ~1/N of a league of N counties), not to the snapshots,
and gives diff_snapshots the same answer for that scope as the whole snapshots would. Every lookup the diff makes
for an event in scope is covered:
- ring 0: the scope's agencies in both snapshots, with their edges (lines out, lineage out and in);
- ring 1: the agencies those edges reach (lineage partners elsewhere, the bodies they report to), with their edges:
  a partner's own lines and its full lineage (is it one of several merged or split?);
- ring 2: the agencies ring 1's edges reach, with only their lineage out: an old reporting line counts as kept when
  the new target is a successor of the old one, so the successors of every line target must be known;
- ring 3: those successors, as agencies.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from operator import attrgetter

from graph.diff.model import SnapshotData
from graph.model import Agency, Edge, RelType
from graph.store import GraphStore

__all__ = ["fetch_pair", "fetch_scoped"]

_KEY, _ID = attrgetter("key"), attrgetter("id")
_FOLLOWED = (RelType.REPORTS_TO, RelType.HOSTED_BY, RelType.BECAME)  # HAS_FUNCTION ends at a duty, not a body


def fetch_pair(
    store: GraphStore,
    before: str,
    after: str,
    scope_ids: Collection[str] | None,
    *,
    whole: Callable[[str], SnapshotData] | None = None,
) -> tuple[SnapshotData, SnapshotData]:
    """Both snapshots as the diff needs them: whole when scope_ids is None, else scoped (see the module doc).
    `whole` reads a whole snapshot (default: from the store each time; the service keeps them).

    A scoped read that finds no lineage at all falls back to the whole snapshots, so that the diff's "these
    snapshots have no lineage" check judges the snapshots, not the scope."""
    if scope_ids is not None:
        sides = fetch_scoped(store, before, after, scope_ids)
        if any(e.type is RelType.BECAME for e in sides[0].edges):
            return sides
    read = whole or (lambda snapshot: SnapshotData.from_store(store, snapshot))
    return read(before), read(after)


def fetch_scoped(
    store: GraphStore, before: str, after: str, scope_ids: Collection[str]
) -> tuple[SnapshotData, SnapshotData]:
    """The scope's agencies of `before` and `after` and the rings around them (module doc), as SnapshotData."""
    snapshots = (before, after)
    known: dict[str, Agency] = {
        a.id: a for snap in snapshots for jid in sorted(scope_ids) for a in store.agencies(snap, jurisdiction=jid)
    }
    edges: dict[tuple[str, str, str, str, str], Edge] = {}
    ring = set(known)
    for depth in range(3):
        around = store.edges_around(ring)
        if depth == 2:  # ring 2: lineage out only
            around = [e for e in around if e.type is RelType.BECAME and e.start in ring]
        edges.update(zip(map(_KEY, around), around))
        fetched = [a for a in store.agencies_by_id(_new_ends(around, known)) if a.snapshot in snapshots]
        known.update((a.id, a) for a in fetched)
        ring = {a.id for a in fetched}
        if not ring:
            break
    return _side(before, known, edges), _side(after, known, edges)


def _new_ends(edges: Iterable[Edge], known: dict[str, Agency]) -> set[str]:
    """Ids at either end of followed edges that are not fetched yet."""
    followed = [e for e in edges if e.type in _FOLLOWED]
    return {e.start for e in followed if e.start not in known} | {e.end for e in followed if e.end not in known}


def _side(snapshot: str, known: dict[str, Agency], edges: dict[tuple[str, str, str, str, str], Edge]) -> SnapshotData:
    """One snapshot's fetched agencies (sorted by id) and the fetched edges out of them (sorted by Edge.key), as
    the store would give them for the whole snapshot."""
    agencies = sorted((a for a in known.values() if a.snapshot == snapshot), key=_ID)
    ids = {a.id for a in agencies}
    mine = sorted(k for k, e in edges.items() if e.start in ids)
    return SnapshotData(snapshot, tuple(agencies), tuple(edges[k] for k in mine))
