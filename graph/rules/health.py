"""Data-health rules every snapshot must meet: reporting lines reach the top, no cycles, every fact cited.

They rest on no sentence of the seed (source "orgraph"); they guard the graph the reform rules read.
"""

from __future__ import annotations

from graph.model import Agency, Category, HostMode, Level, RelType
from graph.rules.engine import Phase, RuleContext, Violation, rule

__all__: list[str] = []

#: HOSTED_BY modes that make a body part of its host (加挂牌子, 合署办公), so it needs no line of its own.
ATTACHED = {HostMode.PLATE.value, HostMode.CO_LOCATED.value}


def _is_top(ctx: RuleContext, agency: Agency, leadership_at: set[str]) -> bool:
    """Top bodies need not report anywhere: those of the top jurisdiction, leadership at region level, and
    leadership with no leadership body above it in the snapshot (the top of the data, e.g. the league)."""
    j = ctx.jurisdiction_by_id.get(agency.jurisdiction)
    if j is None or j.parent is None:
        return True
    if agency.category is not Category.LEADERSHIP:
        return False
    if j.level is Level.REGION:
        return True
    seen = {j.id}
    parent = j.parent
    while parent is not None and parent not in seen:
        if parent in leadership_at:
            return False
        seen.add(parent)
        above = ctx.jurisdiction_by_id.get(parent)
        parent = above.parent if above else None
    return True


@rule(
    "structure.reports_to",
    title_zh="每个机构在本时点内都有上级（顶层机构除外）",
    title_en="Every agency reports to an agency of its snapshot (top bodies, plates and co-located bodies excepted)",
    source="orgraph",
    phase=Phase.ANY,
)
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
                f"{a.name_zh} 在 {ctx.snapshot} 没有上级机构",
                f"{a.name_en} reports to no agency in snapshot {ctx.snapshot}",
                (a.id,),
            )
        )
    return out


@rule(
    "structure.no_cycles",
    title_zh="隶属关系无循环",
    title_en="No reporting cycles",
    source="orgraph",
    phase=Phase.ANY,
)
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


@rule(
    "structure.cited",
    title_zh="每条事实都有依据和来源（来源存在）",
    title_en="Every fact is cited (basis and an existing source)",
    source="orgraph",
    phase=Phase.ANY,
)
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
                    f"{a.name_zh}：{problem}",
                    f"{a.name_en}: {problem}",
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
            out.append(Violation(j.id, f"{j.name_zh}：{problem}", f"{j.name_en}: {problem}"))
    return out
