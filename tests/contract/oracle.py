"""Expected answers computed straight from a Dataset (no store involved): the reference the backends must match.

Kept deliberately naive (scans of Dataset.edges) so that it shares no code or index with graph/embedded/store.py or
graph/neo4j/store.py; it follows the docstrings of graph/store.py.
"""

from __future__ import annotations

from graph.model import Agency, Dataset, Edge, RelType, ReportMode
from graph.store import ChainStep

STRUCTURAL = (RelType.REPORTS_TO, RelType.HOSTED_BY, RelType.HAS_FUNCTION, RelType.BECAME)
PRIORITY = [m.value for m in ReportMode]


def agencies(ds: Dataset, snapshot: str, jurisdiction: str | None = None) -> list[Agency]:
    return sorted(ds.agencies_in(snapshot, jurisdiction), key=lambda a: a.id)


def edges(ds: Dataset, snapshot: str, jurisdiction: str | None = None) -> list[Edge]:
    starts = {a.id for a in ds.agencies_in(snapshot, jurisdiction)}
    return sorted((e for e in ds.edges_of(STRUCTURAL) if e.start in starts), key=lambda e: e.key)


def _first_up(ds: Dataset, agency_id: str) -> Edge | None:
    ups = [e for e in ds.edges_of(RelType.REPORTS_TO) if e.start == agency_id]
    return min(ups, key=lambda e: (PRIORITY.index(e.mode or ""), e.end), default=None)


def reporting_chain(ds: Dataset, agency_id: str) -> list[ChainStep]:
    """Upwards along the first REPORTS_TO edge (mode priority, then target id), stopping before a repeat."""
    steps: list[ChainStep] = []
    visited = [agency_id]
    edge = _first_up(ds, agency_id)
    while edge is not None and edge.end not in visited:
        above = ds.agency(edge.end)
        assert above is not None
        steps.append(ChainStep(above, len(steps) + 1, edge.mode or "", edge.start))
        visited.append(edge.end)
        edge = _first_up(ds, edge.end)
    return steps


def subordinates(ds: Dataset, agency_id: str, depth: int) -> list[ChainStep]:
    """Level by level downwards; each agency at its nearest depth, via its first edge into the level above."""
    found: dict[str, ChainStep] = {}
    level_above = [agency_id]
    for level in range(1, depth + 1):
        into = [e for e in ds.edges_of(RelType.REPORTS_TO) if e.end in level_above]
        new: dict[str, ChainStep] = {}
        for e in sorted(into, key=lambda e: (PRIORITY.index(e.mode or ""), e.end)):
            if e.start != agency_id and e.start not in found and e.start not in new:
                below = ds.agency(e.start)
                assert below is not None
                new[e.start] = ChainStep(below, level, e.mode or "", e.end)
        found.update(new)
        level_above = list(new)
    return sorted(found.values(), key=lambda s: (s.depth, s.agency.id))


def lineage(ds: Dataset, agency_id: str) -> list[Edge]:
    """BECAME edges reachable forwards (successors of successors) and backwards (predecessors of predecessors)."""
    became = ds.edges_of(RelType.BECAME)
    found: set[Edge] = set()
    for forwards in (True, False):
        todo, seen = [agency_id], {agency_id}
        while todo:
            here = todo.pop()
            for e in became:
                if (e.start if forwards else e.end) == here:
                    found.add(e)
                    there = e.end if forwards else e.start
                    if there not in seen:
                        seen.add(there)
                        todo.append(there)
    return sorted(found, key=lambda e: e.key)


def agencies_by_id(ds: Dataset, agency_ids: list[str]) -> list[Agency]:
    return sorted((a for a in ds.agencies if a.id in agency_ids), key=lambda a: a.id)


def edges_around(ds: Dataset, agency_ids: list[str]) -> list[Edge]:
    """Structural edges out of the agencies, and BECAME edges into them."""
    found = {
        e
        for e in ds.edges_of(STRUCTURAL)
        if e.start in agency_ids or (e.type is RelType.BECAME and e.end in agency_ids)
    }
    return sorted(found, key=lambda e: e.key)
