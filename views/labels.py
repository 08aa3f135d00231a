"""Words and choices the pages share, in an explicit language: scope and snapshot labels, category and mode names,
and the chart legends. No Streamlit here, so a page (and a test) passes the language it shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from graph.model import Category, Dataset, Snapshot, SnapshotRole
from i18n import t
from views import render

__all__ = [
    "LEAGUE",
    "MODES",
    "category_legend",
    "category_name",
    "chart_legend",
    "default_scope",
    "default_snapshots",
    "mode_names",
    "scope_label",
    "scope_options",
    "snapshot_label",
]

LEAGUE = "all"  # the scope value that means "every jurisdiction" (a URL token, not a jurisdiction id)
#: Every reporting and hosting mode the interface names, strongest first (the legend and filter order).
MODES = ("leads", "manages", "unified", "dispatched", "entrusted", "guides", "office_in", "plate", "co_located")
_LINE_MODES = ("leads", "manages", "unified", "dispatched", "entrusted", "guides")


def snapshot_label(snapshot: Snapshot, lang: str) -> str:
    label = snapshot.label_en if lang == "en" else snapshot.label_zh
    label = label or snapshot.label_zh or snapshot.label_en
    return f"{snapshot.id} · {label}" if label else snapshot.id


def scope_options(dataset: Dataset) -> list[str]:
    """The scope choices: everything first, then the upper tiers (without a root of the tree that has no agencies
    of its own, which is only context), then every jurisdiction of the lowest tier."""
    bottom = dataset.bottom_jurisdictions()
    bottom_ids = {j.id for j in bottom}
    staffed = {a.jurisdiction for a in dataset.agencies}
    upper = [
        j.id
        for j in dataset.jurisdictions_by_rank()
        if (j.parent is not None or j.id in staffed) and j.id not in bottom_ids
    ]
    return [LEAGUE, *upper, *(j.id for j in bottom)]


def default_scope(dataset: Dataset) -> str:
    """The first jurisdiction of the lowest tier: one place's chart is the view most people start from."""
    bottom = dataset.bottom_jurisdictions()
    return bottom[0].id if bottom else LEAGUE


def scope_label(dataset: Dataset, scope: str, lang: str) -> str:
    if scope == LEAGUE:
        return t("whole_league", lang)
    j = dataset.jurisdiction(scope)
    return j.name(lang) if j else scope


def default_snapshots(dataset: Dataset) -> tuple[str, str]:
    """(before, after) by role, else the first and last snapshots in time order."""
    ids = dataset.snapshot_ids()
    before = next((s.id for s in dataset.snapshots if s.role is SnapshotRole.BEFORE), ids[0])
    after = next((s.id for s in dataset.snapshots if s.role is SnapshotRole.AFTER), ids[-1])
    return before, after


def mode_names(lang: str) -> dict[str, str]:
    return {k: t(f"mode_{k}", lang) for k in (*MODES, "hosted")}


def category_name(category: Category | str, lang: str) -> str:
    value = category.value if isinstance(category, Category) else category
    return t(f"cat_{value}", lang)


def category_legend(
    lang: str,
    categories: Iterable[str] | None = None,
    *,
    context: bool = False,
    modes: Iterable[str] | None = None,
) -> render.Legend:
    """Legend of the structure charts: category colours, reporting modes, the dashed-border rule."""
    cats = set(categories) if categories is not None else {c.value for c in Category}
    shown_modes = set(modes) if modes is not None else None
    boxes = [(category_name(c, lang), *render.CATEGORY_COLOURS[c]) for c in render.CATEGORY_COLOURS if c in cats]
    if context:
        boxes.append((t("context_node", lang), *render.CONTEXT_COLOURS))
    wanted = [*_LINE_MODES, "hosted"]
    lines = [(t(f"mode_{m}", lang), m) for m in wanted if shown_modes is None or m in shown_modes]
    return render.Legend(boxes=boxes, lines=lines, dashed_note=t("modeled_dashed", lang))


def chart_legend(nodes: Sequence[render.ChartNode], links: Sequence[render.ChartLink], lang: str) -> render.Legend:
    """The legend for what a chart actually shows."""
    legend = category_legend(
        lang,
        {n.category for n in nodes if n.category and not n.context},
        context=any(n.context for n in nodes),
        modes={link.style for link in links},
    )
    if any(n.id.startswith("group:") for n in nodes):
        legend.boxes.append((t("group_node", lang), *render.GROUP_COLOURS))
    if any(link.style == "aggregate" for link in links):
        legend.lines.append((t("aggregate_link", lang), "aggregate"))
    return legend
