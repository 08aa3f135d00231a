"""Data-health rules every snapshot of every dataset must meet: reporting lines reach the top, no cycles, every
fact cited. Built in (HEALTH_RULES), not declared in a rules.toml: they rest on no source's sentence (source
"orgraph"); they guard the graph the declared rules read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from graph.model import Agency, Category, HostMode, Jurisdiction, RelType
from graph.rules.base import Check, Phase, Rule, RuleContext, Violation

__all__ = ["HEALTH_RULES"]

#: HOSTED_BY modes that make a body part of its host (加挂牌子, 合署办公), so it needs no line of its own.
ATTACHED = {HostMode.PLATE.value, HostMode.CO_LOCATED.value}


def _is_top(ctx: RuleContext, agency: Agency, leadership_at: set[str]) -> bool:
    """Top bodies need not report anywhere: those of the top jurisdiction, and leadership with no leadership body
    above it in the snapshot (the top of the data, e.g. a league whose region has no agencies in the data)."""
    j = ctx.jurisdiction_by_id.get(agency.jurisdiction)
    if j is None or j.parent is None:
        return True
    if agency.category is not Category.LEADERSHIP:
        return False
    seen = {j.id}
    parent: str | None = j.parent
    while parent is not None and parent not in seen:
        if parent in leadership_at:
            return False
        seen.add(parent)
        above = ctx.jurisdiction_by_id.get(parent)
        parent = above.parent if above else None
    return True


def reports_to(ctx: RuleContext) -> list[Violation]:
    leadership_at = {a.jurisdiction for a in ctx.agencies if a.category is Category.LEADERSHIP}
    out = []
    for a in ctx.agencies:
        if any(e.end in ctx.by_id for e in ctx.reports.get(a.id, ())) or _is_top(ctx, a, leadership_at):
            continue
        if any(e.mode in ATTACHED and e.end in ctx.by_id for e in ctx.hosted.get(a.id, ())):
            continue  # a plate on, or co-located with, its host: it shares the host's reporting line
        out.append(
            Violation(
                a.jurisdiction,
                f"{a.name('zh')} 在 {ctx.snapshot} 没有上级机构",
                f"{a.name('en')} reports to no agency in snapshot {ctx.snapshot}",
                (a.id,),
            )
        )
    return out


def no_cycles(ctx: RuleContext) -> list[Violation]:
    """Iterative three-colour depth-first search: linear in agencies plus REPORTS_TO edges."""
    targets = {start: [e.end for e in edges if e.end in ctx.by_id] for start, edges in ctx.reports.items()}
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    out = []
    for root in ctx.by_id:
        if root in state:
            continue
        path: list[str] = [root]
        iters = [iter(targets.get(root, ()))]
        state[root] = 1
        while path:
            nxt = next(iters[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                iters.pop()
            elif state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                first = ctx.by_id[min(cycle)]
                out.append(
                    Violation(
                        first.jurisdiction,
                        f"隶属关系循环：{' → '.join(cycle + [nxt])}",
                        f"reporting cycle: {' → '.join(cycle + [nxt])}",
                        tuple(sorted(cycle)),
                    )
                )
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                iters.append(iter(targets.get(nxt, ())))
    return out


def cited(ctx: RuleContext) -> list[Violation]:
    known = {s.id for s in ctx.sources}
    out = []

    def bad(basis: object, source: str) -> str:
        if not basis:
            return "no basis"
        if not source:
            return "no source"
        return "" if source in known else f"unknown source {source!r}"

    for a in ctx.agencies:
        if problem := bad(a.basis, a.source):
            out.append(
                Violation(
                    a.jurisdiction,
                    f"{a.name('zh')}：{problem}",
                    f"{a.name('en')}: {problem}",
                    (a.id,),
                )
            )
    for e in ctx.edges:
        if e.type is RelType.IN or e.start not in ctx.by_id:
            continue
        if problem := bad(e.basis, e.source):
            a = ctx.by_id[e.start]
            what = f"{e.type.value} {e.start} → {e.end}"
            out.append(Violation(a.jurisdiction, f"{what}：{problem}", f"{what}: {problem}", (a.id,)))
    for j in ctx.populated():
        if problem := bad(j.basis, j.source):
            out.append(Violation(j.id, f"{j.name('zh')}：{problem}", f"{j.name('en')}: {problem}"))
    return out


def _whole(check: Callable[[RuleContext], list[Violation]]) -> Check:
    """A health check looks at the whole snapshot; the engine keeps the jurisdictions it judges."""

    def run(ctx: RuleContext, judged: Sequence[Jurisdiction]) -> list[Violation]:
        return check(ctx)

    return run


HEALTH_RULES: tuple[Rule, ...] = (
    Rule(
        "structure.reports_to",
        "每个机构在本时点内都有上级（顶层机构除外）",
        "Every agency reports to an agency of its snapshot (top bodies, plates and co-located bodies excepted)",
        "",
        "orgraph",
        _whole(reports_to),
        phase=Phase.ANY,
    ),
    Rule(
        "structure.no_cycles",
        "隶属关系无循环",
        "No reporting cycles",
        "",
        "orgraph",
        _whole(no_cycles),
        phase=Phase.ANY,
    ),
    Rule(
        "structure.cited",
        "每条事实都有依据和来源（来源存在）",
        "Every fact is cited (basis and an existing source)",
        "",
        "orgraph",
        _whole(cited),
        phase=Phase.ANY,
    ),
)
