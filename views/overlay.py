"""The pictures of a comparison (usecases.comparison.Comparison): the two aligned panes and the overlay of changes.

Continuing bodies sit at the same place in both panes. The overlay draws every after body once, coloured by its
change, and every before body that ended (abolished, merged into another, split up) as a ghost at a slot of its
own, with its label struck through and a lineage line to the bodies that took it over. Works on plain data only;
render.py escapes and draws.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from graph.diff.classes import ChangeClass
from graph.layout import aligned_layout
from graph.model import Agency, Dataset, Edge, RelType
from i18n import t
from usecases.comparison import Comparison
from views import render
from views.charts import Chart, agency_rows, aggregated_chart, mode_labels, parent_pairs, sibling_order, sideways
from views.orgchart import ChangeMark

__all__ = [
    "CHANGE_COLOURS",
    "CLASS_ORDER",
    "aggregated_panes",
    "change_marks",
    "compare_panes",
    "overlay_chart",
    "overlay_legend",
    "places_text",
]

#: the overlay's classes in legend order
CLASS_ORDER = [c.value for c in ChangeClass]
#: fill, border per class. A merger's target (heavy purple) and its sources (olive ghosts) differ in hue and look.
CHANGE_COLOURS: dict[str, tuple[str, str]] = {
    "added": ("#d8f3dc", "#2e7d32"),
    "removed": ("#fde0dc", "#c62828"),
    "merged": ("#ede1f7", "#6a1b9a"),
    "merged_away": ("#f4f4dc", "#827717"),
    "split": ("#f3e5f5", "#ad1457"),
    "moved": ("#dff4f3", "#00838f"),
    "renamed": ("#dcebfb", "#1565c0"),
    "reporting": ("#ffe8cc", "#e65100"),
    "unchanged": ("#f1f3f4", "#90a4ae"),
}
GHOST_FILL = "#fafafa"  # an ended body: pale whatever its class
ENDED_CLASSES = ("removed", "merged_away")  # always ghosts; a split's source is a ghost, its targets are not
_STRUCTURE = (RelType.REPORTS_TO, RelType.HOSTED_BY)


def _within(agencies: Sequence[Agency], edges: Sequence[Edge], only: str | None) -> tuple[list[Agency], list[Edge]]:
    """The agencies of one jurisdiction (all when `only` is None) and the edges leaving them."""
    if only is None:
        return list(agencies), list(edges)
    kept = [a for a in agencies if a.jurisdiction == only]
    ids = {a.id for a in kept}
    return kept, [e for e in edges if e.start in ids]


def compare_panes(comparison: Comparison, *, lang: str) -> tuple[Chart, Chart]:
    """(before pane, after pane) in one layout: a body that continues sits where its successor sits."""
    old, new = comparison.before.agencies, comparison.after.agencies
    old_edges, new_edges = comparison.before.edges, comparison.after.edges
    by_id = {a.id: a for a in (*old, *new)}
    pos_old, pos_new = aligned_layout(
        sorted(a.id for a in old),
        parent_pairs(old_edges),
        sorted(a.id for a in new),
        parent_pairs(new_edges),
        comparison.aligned,
        order=sibling_order(by_id),
        spec=sideways(lang),  # half-width panes grow sideways
    )
    names = mode_labels(lang)

    def pane(agencies: Sequence[Agency], positions: Mapping[str, tuple[float, float]], edges: Sequence[Edge]) -> Chart:
        nodes = [
            render.agency_node(a, positions[a.id], lang=lang, rows=agency_rows(a, lang), size=16) for a in agencies
        ]
        links = render.structure_links(edges, {a.id for a in agencies}, mode_names=names)
        return Chart(nodes=nodes, links=links, total_elements=len(nodes) + len(links))

    return pane(old, pos_old, old_edges), pane(new, pos_new, new_edges)


def aggregated_panes(
    comparison: Comparison, dataset: Dataset, *, lang: str, expand: str | None, max_elements: int
) -> tuple[Chart, Chart]:
    """Both panes with every jurisdiction as one box, except `expand` drawn in full when it fits in the budget."""
    panes = []
    for side in (comparison.before, comparison.after):
        edges = [e for e in side.edges if e.type in _STRUCTURE]
        panes.append(
            aggregated_chart(
                dataset, side.agencies, edges, lang=lang, expand=[expand] if expand else [], max_elements=max_elements
            )
        )
    return panes[0], panes[1]


def overlay_chart(comparison: Comparison, *, lang: str, only: str | None = None) -> Chart:
    """Every after body once, coloured by its change; every ended before body as a ghost with its lineage lines.
    `only`: draw one jurisdiction of the comparison (its classes are the whole comparison's)."""
    old, old_edges = _within(comparison.before.agencies, comparison.before.edges, only)
    new, new_edges = _within(comparison.after.agencies, comparison.after.edges, only)
    new_ids = {a.id for a in new}
    by_id = {a.id: a for a in (*old, *new)}
    # only 1 -> 1 pairs share a slot: a body that ended keeps a slot of its own, so it can be seen to go
    top_old, top_new = aligned_layout(
        sorted(a.id for a in old),
        parent_pairs(old_edges),
        sorted(new_ids),
        parent_pairs(new_edges),
        comparison.continuing,
        order=sibling_order(by_id),
    )
    shown = {a.id: top_new[a.id] for a in new}
    shown |= {a.id: top_old[a.id] for a in old if comparison.continuing.get(a.id) not in new_ids}
    overlay = Chart()
    for agency_id, pos in shown.items():
        overlay.nodes.append(_overlay_node(by_id[agency_id], pos, comparison, lang))
    names = mode_labels(lang)
    overlay.links = render.structure_links(new_edges, set(shown) & new_ids, mode_names=names)
    overlay.links += render.structure_links(old_edges, set(shown) - new_ids, mode_names=names)
    for flow in comparison.flows:
        if flow.kind != "transferred" and flow.source.id in shown and flow.target.id in shown:
            if flow.source.id not in new_ids and flow.source.id in comparison.ended:
                tip = render.tooltip(t(f"change_{flow.kind}", lang))
                overlay.links.append(render.ChartLink(flow.source.id, flow.target.id, "became", tooltip=tip))
    overlay.total_elements = len(overlay.nodes) + len(overlay.links)
    return overlay


def _overlay_node(agency: Agency, pos: tuple[float, float], comparison: Comparison, lang: str) -> render.ChartNode:
    change = comparison.classes.get(agency.id, ChangeClass.UNCHANGED).value
    ended = agency.id in comparison.ended
    rows = [(t("change", lang), t(f"class_{change}", lang)), *agency_rows(agency, lang)]
    node = render.agency_node(agency, pos, lang=lang, colours=CHANGE_COLOURS[change], rows=rows)
    if ended:  # a ghost: pale, dotted, struck through (render.chart_html)
        return replace(node, fill=GHOST_FILL, ended=True, dashed=False)
    if change == ChangeClass.MERGED:  # the body a merger formed: a heavy border, unlike its pale sources
        return replace(node, border_width=3.0)
    return node


def overlay_legend(chart: Chart, comparison: Comparison, *, lang: str) -> render.Legend:
    """The overlay's legend in words: the classes drawn, ghosts, the reporting lines drawn, lineage lines."""
    drawn = {n.id for n in chart.nodes}
    present = {comparison.classes.get(i, ChangeClass.UNCHANGED).value for i in drawn}
    styles = {link.style for link in chart.links}
    modes = ["leads", "manages", "unified", "dispatched", "entrusted", "guides", "hosted"]
    lines = [(t(f"mode_{m}", lang), m) for m in modes if m in styles]
    if "became" in styles:
        lines.append((t("legend_became", lang), "became"))
    return render.Legend(
        boxes=[
            (t(f"class_{c}", lang), GHOST_FILL if c in ENDED_CLASSES else CHANGE_COLOURS[c][0], CHANGE_COLOURS[c][1])
            for c in CLASS_ORDER
            if c in present
        ],
        lines=lines,
        ended_note=t("legend_ended", lang) if drawn & comparison.ended else "",
        dashed_note=t("modeled_dashed", lang),
    )


def change_marks(comparison: Comparison, *, lang: str) -> tuple[dict[str, ChangeMark], dict[str, ChangeMark]]:
    """The org charts' badges, before and after: every body of either side the comparison changed, in the
    overlay's colours; a before body that ended is struck through."""
    sides: list[dict[str, ChangeMark]] = []
    for data in (comparison.before, comparison.after):
        marks: dict[str, ChangeMark] = {}
        for agency in data.agencies:
            kind = comparison.classes.get(agency.id, ChangeClass.UNCHANGED).value
            ended = agency.id in comparison.ended
            if kind != ChangeClass.UNCHANGED or ended:
                fill, border = CHANGE_COLOURS[kind]
                marks[agency.id] = ChangeMark(kind, t(f"change_{kind}", lang), fill, border, ended)
        sides.append(marks)
    return sides[0], sides[1]


def places_text(dataset: Dataset, agencies: Sequence[Agency], *, lang: str) -> str:
    """How many jurisdictions the agencies sit in, by the dataset's own level names, e.g. "14 个辖区（盟 1、旗县市 13）"."""
    used = {a.jurisdiction for a in agencies}
    by_level = Counter(j.level for j in dataset.jurisdictions if j.id in used)
    parts = [
        f"{level.label(lang) if (level := dataset.level(lv)) else lv} {n}"
        for lv, n in sorted(by_level.items(), key=lambda item: dataset.level_rank(item[0]))
    ]
    total = t("n_jurisdictions", lang, n=sum(by_level.values()))
    if len(parts) < 2:
        return total
    return f"{total}（{'、'.join(parts)}）" if lang == "zh" else f"{total} ({', '.join(parts)})"
