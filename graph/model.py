"""The pure domain model of orgraph: jurisdictions, agencies, functions, edges, snapshots.

It knows nothing of storage, files or UI. Loaded data is trusted here (the loaders validate it), so the
model is plain frozen dataclasses; the enums carry the schema's vocabulary (docs/schema.md). A dataset's own
vocabulary (its levels, its extra jurisdiction attributes, its interface texts) is data: LevelDef, AttributeDef
and Interface, read from its manifest, never a fixed list here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Agency",
    "AgencySelect",
    "AttributeDef",
    "AttributeValue",
    "Basis",
    "Category",
    "Change",
    "Dataset",
    "Edge",
    "Function",
    "HostMode",
    "Interface",
    "Jurisdiction",
    "LevelDef",
    "ReformEvent",
    "RelType",
    "ReportMode",
    "RuleSpec",
    "Snapshot",
    "SnapshotRole",
    "Source",
    "infer_attributes",
    "infer_levels",
]


class Category(StrEnum):
    LEADERSHIP = "leadership"
    PARTY = "party"
    GOVERNMENT = "government"
    DISCIPLINE = "discipline"
    COORDINATION = "coordination"
    INSTITUTION = "institution"
    ENFORCEMENT = "enforcement"
    OTHER = "other"


class Basis(StrEnum):
    """Where a fact comes from: the seed article, another public source, or our own reasoned assumption."""

    SEED = "seed"
    PUBLIC = "public"
    MODELED = "modeled"


class RelType(StrEnum):
    IN = "IN"
    REPORTS_TO = "REPORTS_TO"
    HOSTED_BY = "HOSTED_BY"
    HAS_FUNCTION = "HAS_FUNCTION"
    BECAME = "BECAME"


class ReportMode(StrEnum):
    LEADS = "leads"  # 领导
    MANAGES = "manages"  # 管理
    UNIFIED = "unified"  # 归口管理
    DISPATCHED = "dispatched"  # 派出机构: the start is a dispatched office of the end
    ENTRUSTED = "entrusted"  # 代管
    GUIDES = "guides"  # 业务指导


_MODE_RANK = {m.value: i for i, m in enumerate(ReportMode)}


def mode_rank(mode: str | None) -> int:
    """The one order of reporting modes (leads, manages, unified, dispatched, entrusted, guides, then anything else):
    a reporting chain follows the first mode in this order, and lists sort by it.

    >>> sorted(["guides", "leads", "", "manages"], key=mode_rank)
    ['leads', 'manages', 'guides', '']
    """
    return _MODE_RANK.get(mode or "", len(_MODE_RANK))


class HostMode(StrEnum):
    OFFICE_IN = "office_in"  # 办公室设在
    PLATE = "plate"  # 加挂牌子
    CO_LOCATED = "co_located"  # 合署办公


class Change(StrEnum):
    CONTINUED = "continued"
    RENAMED = "renamed"
    MERGED = "merged"
    SPLIT = "split"
    TRANSFERRED = "transferred"


class SnapshotRole(StrEnum):
    BEFORE = "before"
    AFTER = "after"
    OTHER = "other"


#: Which mode vocabulary each relationship type takes (None: the type has no mode).
MODES_BY_REL: dict[RelType, type[StrEnum] | None] = {
    RelType.IN: None,
    RelType.REPORTS_TO: ReportMode,
    RelType.HOSTED_BY: HostMode,
    RelType.HAS_FUNCTION: None,
    RelType.BECAME: None,
}


@dataclass(frozen=True, slots=True)
class Source:
    """A cited source; `basis` says whether it is the seed article, another public source, or our modeling note."""

    id: str
    title: str
    basis: Basis
    date: str = ""
    url: str = ""
    publisher: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The structure at one date; `role` marks the before/after sides of a reform."""

    id: str
    date: str
    role: SnapshotRole
    label_zh: str = ""
    label_en: str = ""


@dataclass(frozen=True, slots=True)
class ReformEvent:
    """A dated step of the reform itself (approval, meeting, deadline), kept as dataset metadata."""

    date: str
    label_zh: str
    label_en: str
    source: str


#: The value of a declared jurisdiction attribute (text and enum values are str).
AttributeValue = str | int | bool


@dataclass(frozen=True, slots=True)
class LevelDef:
    """One tier of a dataset's jurisdictions (e.g. national, province, county); rank 1 is the top."""

    id: str
    rank: int
    label_zh: str = ""
    label_en: str = ""

    def label(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.label_en or self.label_zh or self.id
        return self.label_zh or self.label_en or self.id


@dataclass(frozen=True, slots=True)
class AttributeDef:
    """An extra column of jurisdictions.csv the dataset declares; loaded as a property on every backend."""

    id: str
    type: str  # text | integer | boolean | enum
    values: tuple[str, ...] = ()  # the allowed values of an enum
    label_zh: str = ""
    label_en: str = ""
    required_at: tuple[str, ...] = ()  # level ids where the cell must be filled

    def label(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.label_en or self.label_zh or self.id
        return self.label_zh or self.label_en or self.id


@dataclass(frozen=True, slots=True)
class Interface:
    """The app's title and Overview caption for a dataset (from the manifest; empty: use the dataset title)."""

    title_zh: str = ""
    title_en: str = ""
    caption_zh: str = ""
    caption_en: str = ""


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """A place (country, province, county, ...). `level` is one of the dataset's LevelDef ids; `attributes` holds
    the dataset's declared extra columns that are filled (as sorted (name, value) pairs: hashable and ordered)."""

    id: str
    name_zh: str
    name_en: str
    level: str
    parent: str | None
    basis: Basis
    source: str
    agency_quota: int | None = None
    note: str = ""
    attributes: tuple[tuple[str, AttributeValue], ...] = ()

    def attribute(self, name: str) -> AttributeValue | None:
        """The value of a declared attribute, None when its cell is empty (or it is not declared)."""
        return next((value for key, value in self.attributes if key == name), None)

    def name(self, lang: str = "zh") -> str:
        """The display name in `lang`, falling back to the other language when empty."""
        if lang == "en":
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en


@dataclass(frozen=True, slots=True)
class Agency:
    """One agency in one snapshot; the same body in another snapshot is another Agency joined by BECAME."""

    id: str
    snapshot: str
    jurisdiction: str
    name_zh: str
    name_en: str
    type: str
    category: Category
    counts_toward_quota: bool
    basis: Basis
    source: str
    note: str = ""
    agency_class: str = ""  # optional free snake_case class (e.g. constituent_department); "" when not given

    def name(self, lang: str = "zh") -> str:
        """The display name in `lang` ("zh" or "en"), falling back to the other language when empty."""
        if lang == "en":
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en


@dataclass(frozen=True, slots=True)
class Function:
    """A duty (e.g. religious affairs) that agencies hold and that can move between them."""

    id: str
    name_zh: str
    name_en: str
    basis: Basis = Basis.MODELED
    source: str = ""

    def name(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en


@dataclass(frozen=True, slots=True)
class Edge:
    """A relationship `start -[type]-> end`; `source` is the citation (a Source id), not an endpoint."""

    type: RelType
    start: str
    end: str
    basis: Basis
    source: str
    mode: str | None = None  # ReportMode / HostMode value for REPORTS_TO / HOSTED_BY
    change: Change | None = None  # for BECAME
    function: str | None = None  # a Function id, for BECAME {change: transferred}
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """Identity of an edge: two edges with the same key are the same fact."""
        return (self.type.value, self.start, self.end, self.mode or self.change or "", self.function or "")


def infer_levels(jurisdictions: Iterable[Jurisdiction]) -> tuple[LevelDef, ...]:
    """The levels a dataset without declared ones uses: its distinct `level` values, ranked by their smallest
    depth in the parent tree (1 = top), labelled with their ids."""
    items = list(jurisdictions)
    parent = {j.id: j.parent for j in items}
    depth_of: dict[str, int] = {}
    for j in items:
        depth, current, seen = 1, j.parent, {j.id}
        while current and current not in seen:  # a loop (refused by the loaders) cannot hang this
            seen.add(current)
            depth, current = depth + 1, parent.get(current)
        depth_of[j.level] = min(depth_of.get(j.level, depth), depth)
    ordered = sorted(depth_of, key=lambda level: (depth_of[level], level))
    return tuple(LevelDef(level, rank, level, level) for rank, level in enumerate(ordered, start=1))


def infer_attributes(jurisdictions: Iterable[Jurisdiction]) -> tuple[AttributeDef, ...]:
    """Declarations for attributes that jurisdictions carry without a declaration, typed by their values."""
    kinds: dict[str, set[type]] = {}
    for j in jurisdictions:
        for key, value in j.attributes:
            kinds.setdefault(key, set()).add(type(value))
    names = {bool: "boolean", int: "integer"}
    return tuple(
        AttributeDef(key, names.get(next(iter(types)), "text") if len(types) == 1 else "text")
        for key, types in kinds.items()
    )


@dataclass(frozen=True, slots=True)
class AgencySelect:
    """Which agencies a declared rule is about (rules.toml `select`). Every given field must match; within a
    field's list any value does; `any_of` adds alternatives of which at least one must match. Empty: every agency.
    The matcher is graph.rules.base.selects, shared by the checks and the app's matrix."""

    agency_class: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    name_keywords: tuple[str, ...] = ()  # a Chinese or English name containing any of them
    level: tuple[str, ...] = ()  # the level of the agency's jurisdiction
    counts_toward_quota: bool | None = None
    any_of: tuple[AgencySelect, ...] = ()
    label_zh: str = ""  # what the selected agencies are called in messages (e.g. 扶贫部门)
    label_en: str = ""


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule a dataset declares in rules.toml: a generic kind (graph/rules/kinds.py) with its parameters, and
    the exact sentence of the source it rests on. `params` holds (name, value) pairs, already validated."""

    id: str
    kind: str
    title_zh: str
    title_en: str
    quote: str
    source: str
    select: AgencySelect = AgencySelect()
    params: tuple[tuple[str, object], ...] = ()
    snapshots: tuple[str, ...] | None = None  # None: every snapshot whose role is "after"
    levels: tuple[str, ...] | None = None  # None: every level
    jurisdictions: tuple[str, ...] | None = None  # None: every jurisdiction (at `levels`)

    def param(self, name: str, default: object = None) -> object:
        return next((v for k, v in self.params if k == name), default)


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
