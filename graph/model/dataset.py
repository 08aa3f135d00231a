"""One loaded dataset: every node and edge with its metadata, and the lookups every layer uses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.model.agencies import Agency, Function
from graph.model.edges import Edge
from graph.model.jurisdictions import AttributeDef, Jurisdiction, LevelDef, infer_attributes, infer_levels
from graph.model.metadata import Interface, ReformEvent, Snapshot, Source
from graph.model.rulespecs import RuleSpec
from graph.model.vocabulary import RelType

__all__ = ["Dataset"]


@dataclass(frozen=True, slots=True)
class Dataset:
    """One loaded dataset: every node and edge, with its metadata. Built only from validated input."""

    id: str
    title_zh: str
    title_en: str
    snapshots: tuple[Snapshot, ...]
    sources: tuple[Source, ...]
    jurisdictions: tuple[Jurisdiction, ...]
    agencies: tuple[Agency, ...]
    functions: tuple[Function, ...]
    edges: tuple[Edge, ...]  # includes the IN edges derived from agency and jurisdiction rows
    events: tuple[ReformEvent, ...] = ()
    description: str = ""
    rules: tuple[RuleSpec, ...] = ()  # declared in the dataset's rules.toml; () when it has none
    levels: tuple[LevelDef, ...] = ()  # by rank; declared in the manifest or inferred (format 1)
    attributes: tuple[AttributeDef, ...] = ()  # declared extra jurisdiction columns
    interface: Interface = field(default_factory=Interface)
    format_version: int = 1
    _agency_index: dict[str, Agency] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._agency_index.update({a.id: a for a in self.agencies})
        if not self.levels:  # format 1, or built in code: the levels its jurisdictions use
            object.__setattr__(self, "levels", infer_levels(self.jurisdictions))
        if not self.attributes:  # built in code: the attributes its jurisdictions carry
            object.__setattr__(self, "attributes", infer_attributes(self.jurisdictions))

    def agency(self, agency_id: str) -> Agency | None:
        return self._agency_index.get(agency_id)

    def snapshot(self, snapshot_id: str) -> Snapshot | None:
        return next((s for s in self.snapshots if s.id == snapshot_id), None)

    def jurisdiction(self, jurisdiction_id: str) -> Jurisdiction | None:
        return next((j for j in self.jurisdictions if j.id == jurisdiction_id), None)

    def source_by_id(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def agencies_in(self, snapshot: str, jurisdiction: str | None = None) -> list[Agency]:
        return [
            a
            for a in self.agencies
            if a.snapshot == snapshot and (jurisdiction is None or a.jurisdiction == jurisdiction)
        ]

    def edges_of(self, rel: RelType | Iterable[RelType]) -> list[Edge]:
        types = {rel} if isinstance(rel, RelType) else set(rel)
        return [e for e in self.edges if e.type in types]

    def snapshot_ids(self) -> list[str]:
        """Snapshot ids in time order (by date, then id)."""
        return [s.id for s in sorted(self.snapshots, key=lambda s: (s.date, s.id))]

    def level(self, level_id: str) -> LevelDef | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def level_rank(self, level_id: str) -> int:
        """The rank of a level (1 = top); levels the dataset does not declare sort last."""
        found = self.level(level_id)
        return found.rank if found else len(self.levels) + 1

    def attribute_def(self, attribute_id: str) -> AttributeDef | None:
        return next((a for a in self.attributes if a.id == attribute_id), None)

    def jurisdictions_by_rank(self) -> list[Jurisdiction]:
        """Jurisdictions from the top level down, in file order within a level."""
        return sorted(self.jurisdictions, key=lambda j: self.level_rank(j.level))

    def bottom_jurisdictions(self) -> list[Jurisdiction]:
        """The jurisdictions of the lowest level (e.g. the counties of a county-level reform), in file order."""
        bottom = self.bottom_level()
        return [j for j in self.jurisdictions if j.level == bottom]

    def bottom_level(self) -> str | None:
        """The lowest populated level (e.g. the counties of a county-level reform)."""
        used = {j.level for j in self.jurisdictions}
        ranked = sorted(used, key=self.level_rank)
        return ranked[-1] if ranked else None

    def title(self, lang: str = "zh") -> str:
        """The interface title in `lang`: [interface] of the manifest, else the dataset title."""
        ui = self.interface
        if lang == "en":
            return ui.title_en or self.title_en or ui.title_zh or self.title_zh or self.id
        return ui.title_zh or self.title_zh or ui.title_en or self.title_en or self.id
