"""An agency's whole life across the snapshots of a dataset: its stages, names, places, lines and lineage links.

Agencies are snapshot-local (docs/schema.md): the same body at two dates is two nodes joined by BECAME. A *life*
is the chain of nodes joined by BECAME edges that keep the body: `continued` or `renamed`, the only such edge out
of its start and the only one into its end. Every other BECAME edge touching a stage (merged, split, transferred,
or a second continued/renamed edge) links the life to another body: a predecessor or a successor.

Built from GraphStore reads only (agency, edges, lineage), so both backends give the same history; the dataset
supplies metadata alone (snapshot dates and labels, jurisdictions, function names).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from graph.errors import InvalidRequest, NotFound
from graph.model import Agency, Change, Dataset, Edge, RelType, mode_rank
from graph.search import EXACT, match_tier
from graph.store import GraphStore

__all__ = [
    "AgencyHistory",
    "AgencyRef",
    "HistoryLine",
    "HistoryLink",
    "NameSpan",
    "Place",
    "Stage",
    "agency_history",
    "find_agency",
]

#: BECAME changes that keep the body itself (when they are the only such edge on both sides).
KEEPS_THE_BODY = (Change.CONTINUED, Change.RENAMED)
#: At most this many candidates are named when a name is ambiguous.
MAX_CANDIDATES = 12
ABBREVIATION = EXACT + 10  # a tier after every match of graph.search: the characters in order (环保局 for 环境保护局)


@dataclass(frozen=True, slots=True)
class AgencyRef:
    """Another agency as a history names it."""

    id: str
    snapshot: str
    name_zh: str
    name_en: str
    jurisdiction: str

    def name(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en

    @staticmethod
    def of(agency: Agency) -> AgencyRef:
        return AgencyRef(agency.id, agency.snapshot, agency.name_zh, agency.name_en, agency.jurisdiction)


@dataclass(frozen=True, slots=True)
class Place:
    """A jurisdiction on the way from the agency's own one to the top."""

    id: str
    name_zh: str
    name_en: str
    level: str


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """A line from the agency at one date: REPORTS_TO (mode leads, manages, ...) or HOSTED_BY (plate, ...)."""

    rel: str
    mode: str
    target: AgencyRef


@dataclass(frozen=True, slots=True)
class HistoryLink:
    """A BECAME edge between a stage and another body: a predecessor of the stage or a successor of it."""

    change: str
    function: str  # the Function id a `transferred` edge moves; "" otherwise
    function_zh: str
    function_en: str
    other: AgencyRef
    basis: str
    source: str


@dataclass(frozen=True, slots=True)
class Stage:
    """The body at one snapshot: who it is, where, under whom, and what joins it to other bodies."""

    snapshot: str
    date: str
    label_zh: str
    label_en: str
    agency: Agency
    step: str  # how it came from the stage before: "continued" or "renamed"; "" for the first stage
    places: tuple[Place, ...]  # its jurisdiction, then each parent up to the top
    parent: AgencyRef | None  # the body it answers to first (REPORTS_TO by mode order), None at the top
    lines: tuple[HistoryLine, ...]
    functions: tuple[str, ...]  # Function ids it holds
    predecessors: tuple[HistoryLink, ...]  # BECAME edges into it from other bodies
    successors: tuple[HistoryLink, ...]  # BECAME edges out of it to other bodies


@dataclass(frozen=True, slots=True)
class NameSpan:
    """One name the body carried, from its first to its last snapshot with it."""

    name_zh: str
    name_en: str
    first: str
    last: str


@dataclass(frozen=True, slots=True)
class AgencyHistory:
    """The life of the body `agency` (an id) belongs to, one Stage per snapshot where it exists, in date order.

    `snapshots` are every snapshot of the dataset in date order, so a reader sees where the body is absent."""

    dataset: str
    agency: str
    snapshots: tuple[str, ...]
    stages: tuple[Stage, ...]

    @property
    def names(self) -> tuple[NameSpan, ...]:
        spans: list[NameSpan] = []
        for stage in self.stages:
            a = stage.agency
            if spans and (spans[-1].name_zh, spans[-1].name_en) == (a.name_zh, a.name_en):
                last = spans.pop()
                spans.append(NameSpan(last.name_zh, last.name_en, last.first, stage.snapshot))
            else:
                spans.append(NameSpan(a.name_zh, a.name_en, stage.snapshot, stage.snapshot))
        return tuple(spans)

    @property
    def predecessors(self) -> tuple[HistoryLink, ...]:
        return tuple(link for s in self.stages for link in s.predecessors)

    @property
    def successors(self) -> tuple[HistoryLink, ...]:
        return tuple(link for s in self.stages for link in s.successors)


class _Lineage:
    """The BECAME edges into and out of agencies, read from the store once per agency."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.into = cache(self._into)
        self.out_of = cache(self._out_of)
        self._edges = cache(self._read)

    def _read(self, agency_id: str) -> tuple[Edge, ...]:
        return tuple(self.store.lineage(agency_id))

    def _into(self, agency_id: str) -> tuple[Edge, ...]:
        return tuple(e for e in self._edges(agency_id) if e.end == agency_id)

    def _out_of(self, agency_id: str) -> tuple[Edge, ...]:
        return tuple(e for e in self._edges(agency_id) if e.start == agency_id)

    def keeping(self, edges: Iterable[Edge]) -> list[Edge]:
        return [e for e in edges if e.change in KEEPS_THE_BODY]

    def next_of(self, agency_id: str) -> Edge | None:
        """The edge that carries the body on to the next snapshot, if one does."""
        out = self.keeping(self.out_of(agency_id))
        if len(out) != 1 or len(self.keeping(self.into(out[0].end))) != 1:
            return None
        return out[0]

    def previous_of(self, agency_id: str) -> Edge | None:
        """The edge that carried the body here from the snapshot before, if one did."""
        into = self.keeping(self.into(agency_id))
        if len(into) != 1 or len(self.keeping(self.out_of(into[0].start))) != 1:
            return None
        return into[0]

    def life(self, agency_id: str) -> list[tuple[str, str]]:
        """(agency id, step from the one before) for every node of the body's life, earliest first."""
        seen = {agency_id}
        earlier: list[Edge] = []  # the steps back in time, latest first
        current = agency_id
        while (edge := self.previous_of(current)) is not None and edge.start not in seen:
            earlier.append(edge)
            seen.add(edge.start)
            current = edge.start
        earlier.reverse()
        chain = [(earlier[0].start if earlier else agency_id, "")] + [(e.end, str(e.change)) for e in earlier]
        current = agency_id
        while (edge := self.next_of(current)) is not None and edge.end not in seen:
            chain.append((edge.end, str(edge.change)))
            seen.add(edge.end)
            current = edge.end
        return chain


def agency_history(store: GraphStore, dataset: Dataset, agency_id: str) -> AgencyHistory:
    """The life of the body `agency_id` belongs to. Raises NotFound for an unknown id."""
    store.agency(agency_id)  # NotFound names the id
    lineage = _Lineage(store)
    life = lineage.life(agency_id)
    members = {node for node, _ in life}
    stages = tuple(_stage(store, dataset, lineage, node, step, members) for node, step in life)
    return AgencyHistory(dataset.id, agency_id, tuple(dataset.snapshot_ids()), stages)


def _stage(
    store: GraphStore, dataset: Dataset, lineage: _Lineage, agency_id: str, step: str, members: set[str]
) -> Stage:
    agency = store.agency(agency_id)
    snapshot = dataset.snapshot(agency.snapshot)
    own = [e for e in store.edges(agency.snapshot, jurisdiction=agency.jurisdiction) if e.start == agency_id]
    lines = sorted(
        (
            HistoryLine(e.type.value, e.mode or "", AgencyRef.of(store.agency(e.end)))
            for e in own
            if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY)
        ),
        key=lambda line: (line.rel != RelType.REPORTS_TO.value, mode_rank(line.mode), line.mode, line.target.id),
    )
    parent = next((line.target for line in lines if line.rel == RelType.REPORTS_TO.value), None)
    functions = tuple(sorted(e.end for e in own if e.type is RelType.HAS_FUNCTION))
    foreign_in = [e for e in lineage.into(agency_id) if e.start not in members]
    foreign_out = [e for e in lineage.out_of(agency_id) if e.end not in members]
    return Stage(
        snapshot=agency.snapshot,
        date=snapshot.date if snapshot else "",
        label_zh=snapshot.label_zh if snapshot else "",
        label_en=snapshot.label_en if snapshot else "",
        agency=agency,
        step=step,
        places=_places(dataset, agency.jurisdiction),
        parent=parent,
        lines=tuple(lines),
        functions=functions,
        predecessors=_links(store, dataset, foreign_in, start=True),
        successors=_links(store, dataset, foreign_out, start=False),
    )


def _places(dataset: Dataset, jurisdiction_id: str) -> tuple[Place, ...]:
    places: list[Place] = []
    current: str | None = jurisdiction_id
    while current and all(p.id != current for p in places):  # a loop (refused by the loaders) cannot hang this
        j = dataset.jurisdiction(current)
        if j is None:
            places.append(Place(current, "", "", ""))
            break
        places.append(Place(j.id, j.name_zh, j.name_en, j.level))
        current = j.parent
    return tuple(places)


def _links(store: GraphStore, dataset: Dataset, edges: list[Edge], *, start: bool) -> tuple[HistoryLink, ...]:
    """The links to the bodies at the other end of `edges`: bodies first (merged, split, ...), then duties."""
    links = [_link(store, dataset, e, e.start if start else e.end) for e in edges]
    return tuple(sorted(links, key=lambda k: (k.change == Change.TRANSFERRED.value, k.change, k.other.id, k.function)))


def _link(store: GraphStore, dataset: Dataset, edge: Edge, other_id: str) -> HistoryLink:
    function = next((f for f in dataset.functions if f.id == edge.function), None) if edge.function else None
    return HistoryLink(
        change=str(edge.change or ""),
        function=edge.function or "",
        function_zh=function.name_zh if function else "",
        function_en=function.name_en if function else "",
        other=AgencyRef.of(store.agency(other_id)),
        basis=edge.basis.value,
        source=edge.source,
    )


# ---- finding the agency an analyst names ---------------------------------------------------------------------
def _abbreviates(text: str, name: str) -> bool:
    """Every character of `text` appears in `name` in order (环保局 in 环境保护局)."""
    chars = iter(name)
    return len(text) > 1 and all(ch in chars for ch in text)


def find_agency(store: GraphStore, dataset: Dataset, text: str) -> str:
    """The agency id `text` means: an id, or a name (Chinese or English, exact first, then a prefix, a part, all of
    its words, and last a Chinese abbreviation) whose matches all belong to one life. Raises NotFound when nothing
    matches and InvalidRequest naming the candidates when the matches belong to several bodies."""
    key = text.strip()
    if not key:
        raise InvalidRequest("give an agency id or name")
    try:
        return store.agency(key).id
    except NotFound:
        pass
    places = {j.id: (j.name_zh, j.name_en) for j in dataset.jurisdictions}
    agencies = [a for snapshot in dataset.snapshot_ids() for a in store.agencies(snapshot)]
    tiers: dict[str, int] = {}
    for a in agencies:
        tier = match_tier(key, a, places.get(a.jurisdiction, ()))
        if tier is None and _abbreviates(key.replace(" ", ""), a.name_zh):
            tier = ABBREVIATION
        if tier is not None:
            tiers[a.id] = tier
    if not tiers:
        raise NotFound(
            f"no agency {text!r} in dataset {dataset.id!r}: give an agency id, or a Chinese or English name or a "
            "part of one"
        )
    best = min(tiers.values())
    order = {a.id: (a.snapshot, a.id) for a in agencies}
    candidates = sorted((aid for aid, tier in tiers.items() if tier == best), key=lambda aid: order[aid])
    return _one_life(store, dataset, text, candidates)


def _one_life(store: GraphStore, dataset: Dataset, text: str, candidates: list[str]) -> str:
    """The first candidate when every candidate belongs to its life; else InvalidRequest listing one per life."""
    lineage = _Lineage(store)
    lives: list[str] = []
    covered: set[str] = set()
    for candidate in candidates:
        if candidate in covered:
            continue
        lives.append(candidate)
        if len(lives) > MAX_CANDIDATES:
            break
        covered |= {node for node, _ in lineage.life(candidate)}
    if len(lives) == 1:
        return lives[0]
    listed = "; ".join(_describe(store.agency(aid), dataset) for aid in lives[:MAX_CANDIDATES])
    more = " and more" if len(lives) > MAX_CANDIDATES else ""
    raise InvalidRequest(
        f"{text!r} names {len(lives) if not more else f'over {MAX_CANDIDATES}'} different bodies in dataset "
        f"{dataset.id!r}; give one of these ids: {listed}{more}"
    )


def _describe(agency: Agency, dataset: Dataset) -> str:
    j = dataset.jurisdiction(agency.jurisdiction)
    where = (j.name_zh or j.name_en) if j else agency.jurisdiction
    return f"{agency.id} ({agency.name_zh or agency.name_en}, {where}, {agency.snapshot})"
