"""One agency as the Explorer's side panel shows it: its reporting chain up, its subordinates down, the functions it
holds, its lineage across snapshots and the sources every one of those facts cites."""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import Agency, Dataset, Edge, Function, RelType, Source
from graph.store import ChainStep, GraphStore

__all__ = ["AgencyProfile", "LineageStep", "build_profile"]


@dataclass(frozen=True, slots=True)
class LineageStep:
    """A BECAME edge with both ends resolved (None when an end is not in the dataset)."""

    edge: Edge
    start: Agency | None
    end: Agency | None


@dataclass(frozen=True, slots=True)
class AgencyProfile:
    agency: Agency
    chain: tuple[ChainStep, ...]  # upwards, nearest first
    subordinates: tuple[ChainStep, ...]  # downwards, up to the depth asked for
    functions: tuple[Function, ...]
    lineage: tuple[LineageStep, ...]
    sources: tuple[Source, ...]  # cited by the agency, its own lines and its lineage, in id order


def build_profile(store: GraphStore, dataset: Dataset, agency_id: str, depth: int) -> AgencyProfile:
    """The profile of `agency_id`; the store raises NotFound for an unknown id."""
    agency = store.agency(agency_id)
    own = [e for e in store.edges(agency.snapshot, jurisdiction=agency.jurisdiction) if e.start == agency.id]
    held = {e.end for e in own if e.type is RelType.HAS_FUNCTION}
    lineage = store.lineage(agency.id)
    cited = {agency.source} | {e.source for e in own if e.type is not RelType.HAS_FUNCTION}
    cited |= {e.source for e in lineage}
    return AgencyProfile(
        agency=agency,
        chain=tuple(store.reporting_chain(agency.id)),
        subordinates=tuple(store.subordinates(agency.id, depth=depth)),
        functions=tuple(f for f in dataset.functions if f.id in held),
        lineage=tuple(LineageStep(e, dataset.agency(e.start), dataset.agency(e.end)) for e in lineage),
        sources=tuple(s for s in (dataset.source_by_id(sid) for sid in sorted(cited)) if s),
    )
