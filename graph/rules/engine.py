"""The reform's rules as checks over one snapshot, and the registry that holds them.

A rule is declared once with `@rule(...)`: an id, titles in both languages, the sentence of the source it rests
on, which jurisdictions it judges, and a check that returns violations. `run_rules` turns the violations into a
result per jurisdiction (passing ones included), so the app and the CLI can show where a rule holds and where not.
Checks are pure functions over `RuleContext` (data fetched through the GraphStore protocol), so both backends
give the same answer. The rules live in graph/rules/defs.py (the reform) and graph/rules/health.py (data health).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from graph.errors import NotFound
from graph.model import (
    Agency,
    Category,
    Dataset,
    Edge,
    Jurisdiction,
    Level,
    RelType,
    SnapshotRole,
    Source,
)
from graph.store import GraphStore

__all__ = [
    "RESULT_COLUMNS",
    "Phase",
    "Rule",
    "RuleContext",
    "RuleResult",
    "Violation",
    "all_rules",
    "check_dataset",
    "get_rule",
    "result_rows",
    "results_to_dict",
    "rule",
    "run_rules",
]


class Phase(StrEnum):
    AFTER = "after"  # about the reform's result: by default checked on the snapshot whose role is "after"
    ANY = "any"  # structural health: by default checked on every snapshot


@dataclass(frozen=True, slots=True)
class Violation:
    jurisdiction: str
    message_zh: str
    message_en: str
    #: ids of the offending agencies (empty when something is missing)
    agencies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleContext:
    """One snapshot with the indexes checks need; build it once and share it between rules."""

    snapshot: str
    agencies: tuple[Agency, ...]
    edges: tuple[Edge, ...]  # as GraphStore.edges(snapshot) returns them
    jurisdictions: tuple[Jurisdiction, ...]
    sources: tuple[Source, ...]
    by_id: dict[str, Agency] = field(init=False, repr=False, compare=False)
    by_jurisdiction: dict[str, list[Agency]] = field(init=False, repr=False, compare=False)
    reports: dict[str, list[Edge]] = field(init=False, repr=False, compare=False)  # start id -> REPORTS_TO
    hosted: dict[str, list[Edge]] = field(init=False, repr=False, compare=False)  # start id -> HOSTED_BY
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
        object.__setattr__(self, "by_id", {a.id: a for a in self.agencies})
        object.__setattr__(self, "by_jurisdiction", by_jurisdiction)
        object.__setattr__(self, "reports", reports)
        object.__setattr__(self, "hosted", hosted)
        object.__setattr__(self, "jurisdiction_by_id", {j.id: j for j in self.jurisdictions})

    @classmethod
    def from_store(
        cls,
        store: GraphStore,
        snapshot: str,
        jurisdictions: Sequence[Jurisdiction],
        sources: Sequence[Source],
    ) -> RuleContext:
        agencies = tuple(store.agencies(snapshot))
        edges = tuple(store.edges(snapshot))
        return cls(snapshot, agencies, edges, tuple(jurisdictions), tuple(sources))

    def populated(self, levels: Iterable[Level] | None = None) -> list[Jurisdiction]:
        """Jurisdictions (at `levels`) that have agencies in this snapshot, in dataset order."""
        wanted = None if levels is None else set(levels)
        return [j for j in self.jurisdictions if j.id in self.by_jurisdiction and (wanted is None or j.level in wanted)]

    def of(self, jurisdiction: str) -> list[Agency]:
        return self.by_jurisdiction.get(jurisdiction, [])

    def level_of(self, agency: Agency) -> Level | None:
        j = self.jurisdiction_by_id.get(agency.jurisdiction)
        return j.level if j else None


Check = Callable[[RuleContext], list[Violation]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title_zh: str
    title_en: str
    quote: str  # the sentence of the source the rule rests on ("" for data-health rules of our own)
    source: str  # a source id ("seed": the seed article), or "orgraph" for data-health rules
    check: Check = field(repr=False, compare=False)
    levels: tuple[Level, ...] | None = None  # which jurisdictions it judges (None: every populated one)
    phase: Phase = Phase.AFTER
    only_with_quota: bool = False  # judge only jurisdictions that have an agency_quota


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    snapshot: str
    jurisdiction: str
    violations: tuple[Violation, ...]

    @property
    def passed(self) -> bool:
        return not self.violations


_REGISTRY: dict[str, Rule] = {}


def rule(
    id: str,
    *,
    title_zh: str,
    title_en: str,
    quote: str = "",
    source: str = "seed",
    levels: Sequence[Level] | None = None,
    phase: Phase = Phase.AFTER,
    only_with_quota: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated check as a rule (ids are unique; registering one twice is a programming error)."""

    def register(check: Check) -> Check:
        if id in _REGISTRY:
            raise ValueError(f"rule {id!r} is registered twice")
        _REGISTRY[id] = Rule(
            id,
            title_zh,
            title_en,
            quote,
            source,
            check,
            tuple(levels) if levels is not None else None,
            phase,
            only_with_quota,
        )
        return check

    return register


def _load_definitions() -> None:
    """The rules register themselves when their modules are imported (once; later imports are no-ops)."""
    import graph.rules.defs
    import graph.rules.health  # noqa: F401


def all_rules() -> list[Rule]:
    _load_definitions()
    return list(_REGISTRY.values())


def get_rule(rule_id: str) -> Rule:
    _load_definitions()
    if rule_id not in _REGISTRY:
        raise NotFound(f"no rule {rule_id!r}; known rules: {', '.join(_REGISTRY)}")
    return _REGISTRY[rule_id]


def run_rules(context: RuleContext, rules: Sequence[Rule] | None = None) -> list[RuleResult]:
    """Each rule's result for every jurisdiction it judges, passing or not, in rule then dataset order."""
    results: list[RuleResult] = []
    for r in rules if rules is not None else all_rules():
        by_jurisdiction: dict[str, list[Violation]] = {}
        for v in r.check(context):
            by_jurisdiction.setdefault(v.jurisdiction, []).append(v)
        judged = [j.id for j in context.populated(r.levels) if not r.only_with_quota or j.agency_quota is not None]
        seen = set(judged)
        judged += [jid for jid in by_jurisdiction if jid not in seen]
        for jid in judged:
            results.append(RuleResult(r, context.snapshot, jid, tuple(by_jurisdiction.get(jid, ()))))
    return results


def counted(agencies: Iterable[Agency]) -> list[Agency]:
    return [a for a in agencies if a.counts_toward_quota]


def is_coordination(agency: Agency) -> bool:
    return agency.category is Category.COORDINATION


def check_dataset(
    store: GraphStore,
    dataset: Dataset,
    *,
    snapshot: str | None = None,
    rule_ids: Sequence[str] | None = None,
) -> list[RuleResult]:
    """Run rules on a loaded dataset through the store. Without `snapshot`, reform rules (Phase.AFTER) judge the
    snapshot(s) whose manifest role is "after" and data-health rules (Phase.ANY) judge every snapshot."""
    chosen = [get_rule(r) for r in dict.fromkeys(rule_ids)] if rule_ids else all_rules()
    if snapshot is not None:
        if dataset.snapshot(snapshot) is None:
            known = ", ".join(dataset.snapshot_ids())
            raise NotFound(f"no snapshot {snapshot!r} in dataset {dataset.id!r}; known snapshots: {known}")
        plan = {snapshot: chosen}
    else:
        after = {s.id for s in dataset.snapshots if s.role is SnapshotRole.AFTER}
        plan = {}
        for snap in dataset.snapshot_ids():
            rules_here = [r for r in chosen if r.phase is Phase.ANY or snap in after]
            if rules_here:
                plan[snap] = rules_here
    results: list[RuleResult] = []
    for snap, rules_here in plan.items():
        context = RuleContext.from_store(store, snap, dataset.jurisdictions, dataset.sources)
        results += run_rules(context, rules_here)
    return results


RESULT_COLUMNS = ["rule", "snapshot", "jurisdiction", "status", "problem", "agencies"]


def result_rows(results: Sequence[RuleResult], *, lang: str = "en") -> list[dict[str, object]]:
    """One row per (rule, snapshot, jurisdiction); a failing one lists each violation's message and agencies."""
    rows: list[dict[str, object]] = []
    for r in results:
        problems = [v.message_zh if lang == "zh" else v.message_en for v in r.violations]
        agencies = [a for v in r.violations for a in v.agencies]
        rows.append(
            {
                "rule": r.rule.id,
                "snapshot": r.snapshot,
                "jurisdiction": r.jurisdiction,
                "status": "pass" if r.passed else "FAIL",
                "problem": "; ".join(problems),
                "agencies": ", ".join(agencies),
            }
        )
    return rows


def results_to_dict(results: Sequence[RuleResult]) -> dict[str, object]:
    """JSON-ready: the rules that ran (with titles and quotes) and every result with its violations."""
    rules = {r.rule.id: r.rule for r in results}
    return {
        "passed": all(r.passed for r in results),
        "rules": [
            {
                "id": r.id,
                "title_zh": r.title_zh,
                "title_en": r.title_en,
                "quote": r.quote,
                "source": r.source,
                "phase": r.phase.value,
            }
            for r in rules.values()
        ],
        "results": [
            {
                "rule": r.rule.id,
                "snapshot": r.snapshot,
                "jurisdiction": r.jurisdiction,
                "passed": r.passed,
                "violations": [
                    {
                        "message_zh": v.message_zh,
                        "message_en": v.message_en,
                        "agencies": list(v.agencies),
                    }
                    for v in r.violations
                ],
            }
            for r in results
        ],
    }
