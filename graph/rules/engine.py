"""Run a dataset's rules over its snapshots: the rules it declares (rules.toml, bound to their kind in
graph/rules/kinds.py) and the built-in data-health rules (graph/rules/health.py).

`run_rules` turns violations into a result per judged jurisdiction (passing ones included), so the app and the
CLI can show where a rule holds and where not. Checks are pure functions over `RuleContext` (data fetched
through the GraphStore protocol), so both backends give the same answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from graph.errors import NotFound
from graph.model import Dataset, Jurisdiction, RuleSpec, SnapshotRole
from graph.rules.base import Phase, Rule, RuleContext, Violation
from graph.rules.health import HEALTH_RULES
from graph.rules.kinds import KINDS, PRESENCE_KINDS, presence
from graph.store import GraphStore

__all__ = [
    "RESULT_COLUMNS",
    "PresenceCell",
    "RuleResult",
    "bind",
    "rule_dict",
    "check_dataset",
    "dataset_rules",
    "presence_matrix",
    "declared_rules",
    "result_rows",
    "results_to_dict",
    "run_rules",
]


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    snapshot: str
    jurisdiction: str
    violations: tuple[Violation, ...]

    @property
    def passed(self) -> bool:
        return not self.violations


def bind(spec: RuleSpec) -> Rule:
    """A declared rule ready to run: its kind's check with the spec's parameters."""
    kind = KINDS[spec.kind]  # the loader has checked the kind exists
    return Rule(
        spec.id,
        spec.title_zh,
        spec.title_en,
        spec.quote,
        spec.source,
        partial(_run_kind, spec),
        kind=spec.kind,
        levels=spec.levels,
        jurisdictions=spec.jurisdictions,
        snapshots=spec.snapshots,
        phase=Phase.AFTER,
        only_with_quota=kind.only_with_quota,
        spec=spec,
    )


def _run_kind(spec: RuleSpec, ctx: RuleContext, judged: Sequence[Jurisdiction]) -> list[Violation]:
    return KINDS[spec.kind].check(ctx, judged, spec)


def declared_rules(dataset: Dataset) -> list[Rule]:
    """The rules the dataset declares, in file order (empty when it has no rules.toml)."""
    return [bind(spec) for spec in dataset.rules]


def dataset_rules(dataset: Dataset) -> list[Rule]:
    """Every rule that runs on the dataset: the declared ones, then the data-health rules."""
    return declared_rules(dataset) + list(HEALTH_RULES)


def run_rules(context: RuleContext, rules: Sequence[Rule]) -> list[RuleResult]:
    """Each rule's result for every jurisdiction it judges, passing or not, in rule then dataset order; a
    violation in a jurisdiction the rule does not judge (e.g. a health problem) still gets its own result."""
    results: list[RuleResult] = []
    for r in rules:
        judged = r.judged(context)
        by_jurisdiction: dict[str, list[Violation]] = {}
        for v in r.check(context, judged):
            by_jurisdiction.setdefault(v.jurisdiction, []).append(v)
        ids = [j.id for j in judged]
        seen = set(ids)
        ids += [jid for jid in by_jurisdiction if jid not in seen]
        for jid in ids:
            results.append(RuleResult(r, context.snapshot, jid, tuple(by_jurisdiction.get(jid, ()))))
    return results


def _choose(dataset: Dataset, rule_ids: Sequence[str] | None) -> list[Rule]:
    every = dataset_rules(dataset)
    if not rule_ids:
        return every
    by_id = {r.id: r for r in every}
    unknown = [rid for rid in rule_ids if rid not in by_id]
    if unknown:
        known = ", ".join(by_id) or "none"
        raise NotFound(f"no rule {unknown[0]!r} in dataset {dataset.id!r}; its rules: {known}")
    return [by_id[rid] for rid in dict.fromkeys(rule_ids)]


def _plan(dataset: Dataset, chosen: list[Rule], snapshot: str | None) -> dict[str, list[Rule]]:
    """Which rules judge which snapshot. A rule's own `snapshots` win; otherwise data-health rules judge every
    snapshot and declared rules those whose role is "after". A named snapshot runs the chosen rules that judge it
    by default or list it, and those without a list of their own."""
    after = {s.id for s in dataset.snapshots if s.role is SnapshotRole.AFTER}

    def judges(r: Rule, snap: str) -> bool:
        if r.snapshots is not None:
            return snap in r.snapshots
        return r.phase is Phase.ANY or snap in after

    if snapshot is not None:
        if dataset.snapshot(snapshot) is None:
            known = ", ".join(dataset.snapshot_ids())
            raise NotFound(f"no snapshot {snapshot!r} in dataset {dataset.id!r}; known snapshots: {known}")
        return {snapshot: [r for r in chosen if r.snapshots is None or snapshot in r.snapshots]}
    plan = {}
    for snap in dataset.snapshot_ids():
        rules_here = [r for r in chosen if judges(r, snap)]
        if rules_here:
            plan[snap] = rules_here
    return plan


def check_dataset(
    store: GraphStore,
    dataset: Dataset,
    *,
    snapshot: str | None = None,
    rule_ids: Sequence[str] | None = None,
) -> list[RuleResult]:
    """Run the dataset's rules through the store (see _plan for which snapshots each judges)."""
    plan = _plan(dataset, _choose(dataset, rule_ids), snapshot)
    order = dataset.snapshot_ids()
    results: list[RuleResult] = []
    for snap, rules_here in plan.items():
        at = order.index(snap)
        previous = order[at - 1] if at > 0 and any(r.kind == "new_in_every" for r in rules_here) else None
        context = RuleContext.from_store(store, snap, dataset.jurisdictions, dataset.sources, previous=previous)
        results += run_rules(context, rules_here)
    return results


@dataclass(frozen=True, slots=True)
class PresenceCell:
    jurisdiction: str
    present: bool
    expected: bool
    agencies: tuple[str, ...]


def presence_matrix(store: GraphStore, dataset: Dataset, snapshot: str) -> list[tuple[Rule, list[PresenceCell]]]:
    """For each declared presence rule (present_only_in, present_except) that judges `snapshot`: per judged
    jurisdiction, whether its select finds a body there and whether the rule wants one (the Overview's matrix)."""
    rules = [r for r in _plan(dataset, declared_rules(dataset), snapshot)[snapshot] if r.kind in PRESENCE_KINDS]
    if not rules:
        return []
    ctx = RuleContext.from_store(store, snapshot, dataset.jurisdictions, dataset.sources)
    out = []
    for r in rules:
        assert r.spec is not None
        cells = [
            PresenceCell(j.id, bool(found), should, tuple(sorted(a.id for a in found)))
            for j, found, should in presence(ctx, r.judged(ctx), r.spec)
        ]
        out.append((r, cells))
    return out


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


def rule_dict(r: Rule) -> dict[str, object]:
    return {
        "id": r.id,
        "kind": r.kind or "health",
        "title_zh": r.title_zh,
        "title_en": r.title_en,
        "quote": r.quote,
        "source": r.source,
        "phase": r.phase.value,
    }


def results_to_dict(results: Sequence[RuleResult]) -> dict[str, object]:
    """JSON-ready: the rules that ran (with titles and quotes) and every result with its violations."""
    rules = {r.rule.id: r.rule for r in results}
    return {
        "passed": all(r.passed for r in results),
        "rules": [rule_dict(r) for r in rules.values()],
        "results": [
            {
                "rule": r.rule.id,
                "snapshot": r.snapshot,
                "jurisdiction": r.jurisdiction,
                "passed": r.passed,
                "violations": [
                    {"message_zh": v.message_zh, "message_en": v.message_en, "agencies": list(v.agencies)}
                    for v in r.violations
                ],
            }
            for r in results
        ],
    }
