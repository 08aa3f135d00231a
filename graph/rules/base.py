"""What every rule works with: one snapshot's data (RuleContext), violations, the Rule record and the select
matcher. The kinds (kinds.py), the data-health rules (health.py) and the engine (engine.py) all import this
module and nothing of each other's, so there is no import circle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from graph.model import Agency, AgencySelect, Change, Edge, Jurisdiction, RelType, RuleSpec, Source
from graph.store import GraphStore

__all__ = [
    "Check",
    "Phase",
    "Rule",
    "RuleContext",
    "Violation",
    "jurisdiction_name",
    "select_label",
    "selects",
]


class Phase(StrEnum):
    AFTER = "after"  # a declared rule: by default judges the snapshots whose role is "after"
    ANY = "any"  # data health: by default judges every snapshot


@dataclass(frozen=True, slots=True)
class Violation:
    jurisdiction: str
    message_zh: str
    message_en: str
    #: ids of the offending agencies (empty when something is missing)
    agencies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleContext:
    """One snapshot with the indexes checks need; build it once and share it between rules.

    `incoming` holds the BECAME edges that enter this snapshot (they leave the previous one), for kinds that ask
    whether a body is new."""

    snapshot: str
    agencies: tuple[Agency, ...]
    edges: tuple[Edge, ...]  # as GraphStore.edges(snapshot) returns them
    jurisdictions: tuple[Jurisdiction, ...]
    sources: tuple[Source, ...]
    incoming: tuple[Edge, ...] = ()
    by_id: dict[str, Agency] = field(init=False, repr=False, compare=False)
    by_jurisdiction: dict[str, list[Agency]] = field(init=False, repr=False, compare=False)
    reports: dict[str, list[Edge]] = field(init=False, repr=False, compare=False)  # start id -> REPORTS_TO
    hosted: dict[str, list[Edge]] = field(init=False, repr=False, compare=False)  # start id -> HOSTED_BY
    predecessors: dict[str, list[Edge]] = field(init=False, repr=False, compare=False)  # end id -> BECAME in
    jurisdiction_by_id: dict[str, Jurisdiction] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_jurisdiction: dict[str, list[Agency]] = {}
        for a in self.agencies:
            by_jurisdiction.setdefault(a.jurisdiction, []).append(a)
        reports: dict[str, list[Edge]] = {}
        hosted: dict[str, list[Edge]] = {}
        for e in self.edges:
            if e.type is RelType.REPORTS_TO:
                reports.setdefault(e.start, []).append(e)
            elif e.type is RelType.HOSTED_BY:
                hosted.setdefault(e.start, []).append(e)
        predecessors: dict[str, list[Edge]] = {}
        for e in self.incoming:
            if e.type is RelType.BECAME:
                predecessors.setdefault(e.end, []).append(e)
        object.__setattr__(self, "by_id", {a.id: a for a in self.agencies})
        object.__setattr__(self, "by_jurisdiction", by_jurisdiction)
        object.__setattr__(self, "reports", reports)
        object.__setattr__(self, "hosted", hosted)
        object.__setattr__(self, "predecessors", predecessors)
        object.__setattr__(self, "jurisdiction_by_id", {j.id: j for j in self.jurisdictions})

    @classmethod
    def from_store(
        cls,
        store: GraphStore,
        snapshot: str,
        jurisdictions: Sequence[Jurisdiction],
        sources: Sequence[Source],
        *,
        previous: str | None = None,
    ) -> RuleContext:
        """The snapshot as the store holds it; with `previous`, also the BECAME edges from it into this one."""
        agencies = tuple(store.agencies(snapshot))
        edges = tuple(store.edges(snapshot))
        ids = {a.id for a in agencies}
        incoming: tuple[Edge, ...] = ()
        if previous is not None:
            incoming = tuple(e for e in store.edges(previous) if e.type is RelType.BECAME and e.end in ids)
        return cls(snapshot, agencies, edges, tuple(jurisdictions), tuple(sources), incoming)

    def populated(self, levels: Iterable[str] | None = None) -> list[Jurisdiction]:
        """Jurisdictions (at `levels`) that have agencies in this snapshot, in dataset order."""
        wanted = None if levels is None else set(levels)
        return [j for j in self.jurisdictions if j.id in self.by_jurisdiction and (wanted is None or j.level in wanted)]

    def of(self, jurisdiction: str) -> list[Agency]:
        return self.by_jurisdiction.get(jurisdiction, [])

    def level_of(self, agency: Agency) -> str | None:
        j = self.jurisdiction_by_id.get(agency.jurisdiction)
        return str(j.level) if j else None

    def is_new(self, agency: Agency, *, allow_merged: bool = False) -> bool:
        """No structural predecessor (a BECAME other than `transferred`, which moves a duty, not a body), as the
        diff's "established"; with allow_merged, a body formed by merging others counts as new too."""
        structural = [e for e in self.predecessors.get(agency.id, ()) if e.change is not Change.TRANSFERRED]
        if not structural:
            return True
        return allow_merged and (len(structural) > 1 or any(e.change is Change.MERGED for e in structural))


Check = Callable[[RuleContext, Sequence[Jurisdiction]], list[Violation]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule ready to run: a declared RuleSpec bound to its kind's check, or a built-in data-health rule."""

    id: str
    title_zh: str
    title_en: str
    quote: str  # the sentence of the source the rule rests on ("" for data-health rules of our own)
    source: str  # a manifest source id, or "orgraph" for data-health rules
    check: Check = field(repr=False, compare=False)  # (context, judged jurisdictions) -> violations
    kind: str = ""
    levels: tuple[str, ...] | None = None  # which jurisdictions it judges (None: every populated one)
    jurisdictions: tuple[str, ...] | None = None
    snapshots: tuple[str, ...] | None = None  # None: the phase's default
    phase: Phase = Phase.AFTER
    only_with_quota: bool = False  # judge only jurisdictions that have an agency_quota
    spec: RuleSpec | None = field(default=None, repr=False, compare=False)

    def judged(self, ctx: RuleContext) -> list[Jurisdiction]:
        """The populated jurisdictions this rule judges in the snapshot, in dataset order."""
        chosen = ctx.populated(self.levels)
        if self.jurisdictions is not None:
            wanted = set(self.jurisdictions)
            chosen = [j for j in chosen if j.id in wanted]
        if self.only_with_quota:
            chosen = [j for j in chosen if j.agency_quota is not None]
        return chosen


def selects(select: AgencySelect, agency: Agency, level: str | None = None) -> bool:
    """Whether `select` picks `agency` (`level`: the level of the agency's jurisdiction, for `select.level`).

    The one matcher of declared rules: the checks and the Overview's matrix both call it, so they cannot disagree."""
    if select.agency_class and agency.agency_class not in select.agency_class:
        return False
    if select.type and agency.type not in select.type:
        return False
    if select.category and agency.category not in select.category:
        return False
    if select.counts_toward_quota is not None and agency.counts_toward_quota is not select.counts_toward_quota:
        return False
    if select.level and level not in select.level:
        return False
    if select.name_keywords and not any(k in agency.name_zh or k in agency.name_en for k in select.name_keywords):
        return False
    return not select.any_of or any(selects(alt, agency, level) for alt in select.any_of)


def select_label(select: AgencySelect, lang: str) -> str:
    """What the selected agencies are called in messages."""
    if lang == "zh":
        return select.label_zh or select.label_en or "所选机构"
    return select.label_en or select.label_zh or "selected agencies"


def jurisdiction_name(j: Jurisdiction, lang: str) -> str:
    if lang == "zh":
        return j.name_zh or j.name_en
    return j.name_en or j.name_zh
