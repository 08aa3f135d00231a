"""Chart assembly for the Explorer and Compare pages: which nodes and links to draw, where, and when to aggregate.

Works on plain text and ids; render.py escapes and draws. Large scopes (the whole league) stay under the
`max_drawn_elements` budget by drawing each jurisdiction as one group box unless the user expands it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace

from graph.errors import NotFound
from graph.filters import ALL, ViewFilter, filtered_subordinates
from graph.layout import SIDEWAYS, LayoutSpec, tree_layout
from graph.model import Agency, Category, Dataset, Edge, RelType
from i18n import t
from service import OrgService
from views import render
from views.orgchart import ChangeMark, build_org_chart, org_chart_html

__all__ = [
    "Chart",
    "agency_rows",
    "aggregated_chart",
    "focus_chart",
    "mode_labels",
    "org_chart_for",
    "parent_pairs",
    "sibling_order",
    "sideways",
    "structure_chart",
]

CATEGORY_RANK = {c.value: i for i, c in enumerate(Category)}
MODE_RANK = {m: i for i, m in enumerate(["leads", "manages", "unified", "dispatched", "entrusted", "guides"])}


@dataclass(slots=True)
class Chart:
    nodes: list[render.ChartNode] = field(default_factory=list)
    links: list[render.ChartLink] = field(default_factory=list)
    aggregated: bool = False
    total_elements: int = 0  # before any aggregation
    groups: list[str] = field(default_factory=list)  # jurisdictions drawn as one box

    @property
    def drawn(self) -> int:
        return len(self.nodes) + len(self.links)


def parent_pairs(edges: Iterable[Edge]) -> list[tuple[str, str]]:
    """(child, parent) pairs for the layout, strongest reporting mode first."""
    reports = [e for e in edges if e.type is RelType.REPORTS_TO]
    reports.sort(key=lambda e: (MODE_RANK.get(e.mode or "", 9), e.start, e.end))
    return [(e.start, e.end) for e in reports]


def sibling_order(agencies: Mapping[str, Agency]):
    def key(agency_id: str) -> tuple[int, str, str]:
        a = agencies.get(agency_id)
        return (CATEGORY_RANK.get(a.category.value, 99), a.type, a.id) if a else (99, "", agency_id)

    return key


def _with_context(service: OrgService, agencies: list[Agency], edges: list[Edge]) -> dict[str, Agency]:
    """The scope's agencies plus the ones outside it that they report to or are hosted by (drawn grey)."""
    by_id = {a.id: a for a in agencies}
    for e in edges:
        if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY) and e.end not in by_id:
            with suppress(NotFound):  # a dangling end is simply not drawn
                by_id[e.end] = service.agency(e.end)
    return by_id


def structure_chart(
    service: OrgService,
    snapshot: str,
    jurisdiction: str | None,
    *,
    lang: str,
    expand: Sequence[str] = (),
    max_elements: int = 1000,
    view: ViewFilter = ALL,
) -> Chart:
    """The org chart of one scope; the whole league aggregates by jurisdiction above `max_elements`."""
    agencies, edges = _filtered(view, service.agencies(snapshot, jurisdiction), service.edges(snapshot, jurisdiction))
    edges = [e for e in edges if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY)]
    scope_ids = {a.id for a in agencies}
    by_id = _with_context(service, agencies, edges) if jurisdiction else {a.id: a for a in agencies}
    total = len(by_id) + len(edges)
    names = mode_labels(lang)
    if jurisdiction is None and total > max_elements:
        return aggregated_chart(service.dataset, agencies, edges, lang=lang, expand=expand, max_elements=max_elements)
    positions = tree_layout(list(by_id), parent_pairs(edges), order=sibling_order(by_id))
    nodes = [
        render.agency_node(a, positions[a.id], lang=lang, context=a.id not in scope_ids, rows=agency_rows(a, lang))
        for a in by_id.values()
    ]
    links = render.structure_links(edges, set(by_id), mode_names=names)
    return Chart(nodes=nodes, links=links, total_elements=total)


def mode_labels(lang: str) -> dict[str, str]:
    """Reporting and hosting modes -> their words in `lang` (for link tooltips)."""
    return {k: t(f"mode_{k}", lang) for k in (*MODE_RANK, "office_in", "plate", "co_located")}


def aggregated_chart(
    dataset: Dataset,
    agencies: Sequence[Agency],
    edges: Sequence[Edge],
    *,
    lang: str,
    expand: Sequence[str],
    max_elements: int,
) -> Chart:
    """Every jurisdiction as one box, except those in `expand` drawn in full while they fit in `max_elements`.
    `edges`: the REPORTS_TO and HOSTED_BY edges of `agencies`."""
    total = len(agencies) + len(edges)
    names = mode_labels(lang)
    by_jur: dict[str, list[Agency]] = {}
    for a in agencies:
        by_jur.setdefault(a.jurisdiction, []).append(a)
    edge_count = Counter(e.start for e in edges)
    budget = max_elements - len(by_jur)  # every jurisdiction costs at least its box
    opened: list[str] = []
    for jid in expand:
        cost = len(by_jur.get(jid, [])) + sum(edge_count[a.id] for a in by_jur.get(jid, []))
        if jid in by_jur and cost <= budget:
            opened.append(jid)
            budget -= cost
    key_of = {a.id: (a.id if a.jurisdiction in opened else f"group:{a.jurisdiction}") for a in agencies}
    drawn_agencies = {a.id: a for a in agencies if a.jurisdiction in opened}
    groups = sorted(j for j in by_jur if j not in opened)
    pairs = parent_pairs(e for e in edges if e.start in drawn_agencies and e.end in drawn_agencies)
    for jid in groups:  # a county box hangs under its parent jurisdiction's box when that is drawn as a box
        parent = dataset.jurisdiction(jid).parent if dataset.jurisdiction(jid) else None
        if parent and parent in groups:
            pairs.append((f"group:{jid}", f"group:{parent}"))
    order = sibling_order(drawn_agencies)
    positions = tree_layout(
        [*drawn_agencies, *(f"group:{j}" for j in groups)],
        pairs,
        order=lambda n: (0, n) if n.startswith("group:") else (1, *order(n)),
    )
    nodes = [
        render.agency_node(a, positions[a.id], lang=lang, rows=agency_rows(a, lang)) for a in drawn_agencies.values()
    ]
    for jid in groups:
        j = dataset.jurisdiction(jid)
        name = j.name(lang) if j else jid
        count = len(by_jur[jid])
        nodes.append(
            render.ChartNode(
                id=f"group:{jid}",
                label=t("group_label", lang, name=name, n=count),
                x=positions[f"group:{jid}"][0],
                y=positions[f"group:{jid}"][1],
                fill=render.GROUP_COLOURS[0],
                border=render.GROUP_COLOURS[1],
                tooltip=render.tooltip(name, [("", t("n_agencies", lang, n=count))]),
                bold=True,
                size=16,
                border_width=2.0,
            )
        )
    links = render.structure_links(
        [e for e in edges if e.start in drawn_agencies and e.end in drawn_agencies],
        set(drawn_agencies),
        mode_names=names,
    )
    crossing = Counter(
        (key_of[e.start], key_of.get(e.end, ""))
        for e in edges
        if e.type is RelType.REPORTS_TO
        and (e.start not in drawn_agencies or e.end not in drawn_agencies)
        and e.end in key_of
    )
    for (start, end), count in sorted(crossing.items()):
        if start != end:
            links.append(
                render.ChartLink(
                    start,
                    end,
                    "aggregate",
                    label=str(count),
                    width=min(1 + count / 4, 5),
                    tooltip=render.tooltip(f"{count} × REPORTS_TO"),
                )
            )
    return Chart(nodes=nodes, links=links, aggregated=True, total_elements=total, groups=groups)


def _filtered(view: ViewFilter, agencies: list[Agency], edges: list[Edge]) -> tuple[list[Agency], list[Edge]]:
    """The filter's agencies (with the leading bodies as the frame) and the shown edges that start at one of them."""
    if not view.active:
        return agencies, edges
    lines = view.lines(edges)
    kept = view.agencies(agencies, lines, frame=True)
    ids = {a.id for a in kept}
    return kept, [e for e in lines if e.start in ids]


def focus_chart(service: OrgService, agency_id: str, depth: int, *, lang: str, view: ViewFilter = ALL) -> Chart:
    """An agency with its whole chain upwards (never filtered: a chain with a gap misleads) and its subordinates
    `depth` levels down that the filter chooses."""
    focus = service.agency(agency_id)
    chain = service.chain(agency_id)
    subs = filtered_subordinates(view, agency_id, service.subordinates(agency_id, depth=depth))
    by_id = {focus.id: focus} | {s.agency.id: s.agency for s in chain} | {s.agency.id: s.agency for s in subs}
    pairs = [(s.via, s.agency.id) for s in chain] + [(s.agency.id, s.via) for s in subs]
    positions = tree_layout(list(by_id), pairs, order=sibling_order(by_id), spec=sideways(lang))  # a narrow pane
    names = {k: t(f"mode_{k}", lang) for k in MODE_RANK}
    nodes = [
        render.agency_node(
            a,
            positions[a.id],
            lang=lang,
            rows=agency_rows(a, lang),
            bold=a.id == agency_id,
            context=a.jurisdiction != focus.jurisdiction,
        )
        for a in by_id.values()
    ]
    links = [
        render.ChartLink(s.via, s.agency.id, s.mode or "leads", tooltip=render.tooltip(names.get(s.mode, s.mode)))
        for s in chain
    ]
    links += [
        render.ChartLink(s.agency.id, s.via, s.mode or "leads", tooltip=render.tooltip(names.get(s.mode, s.mode)))
        for s in subs
    ]
    return Chart(nodes=nodes, links=links, total_elements=len(nodes) + len(links))


def sideways(lang: str) -> LayoutSpec:
    """English names wrap onto more lines than Chinese ones: give stacked siblings more room."""
    return replace(SIDEWAYS, x_gap=SIDEWAYS.x_gap * 1.45) if lang == "en" else SIDEWAYS


def agency_rows(agency: Agency, lang: str) -> list[tuple[str, str]]:
    return [
        (t("category", lang), t(f"cat_{agency.category.value}", lang)),
        (t("type", lang), agency.type),
        (t("basis", lang), t(f"basis_{agency.basis.value}", lang)),
        (t("source", lang), agency.source),
        ("id", agency.id),
    ]


def org_chart_for(
    service: OrgService,
    snapshot: str,
    jurisdiction: str,
    *,
    lang: str,
    focus: str | None,
    view: ViewFilter = ALL,
    marks: Mapping[str, ChangeMark] | None = None,
) -> str:
    """The org chart of one jurisdiction in one snapshot as escaped HTML (views/orgchart.py), narrowed by `view`,
    with the change badges of a comparison (`marks`, agency id -> its badge) when Compare draws it."""
    agencies, edges = _filtered(view, service.agencies(snapshot, jurisdiction), service.edges(snapshot, jurisdiction))
    inside = {a.id for a in agencies}
    names: dict[str, str] = {}
    for target in {e.end for e in edges if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY)} - inside:
        with suppress(NotFound):
            names[target] = service.agency(target).name(lang)
    leading = [a.id for a in agencies if a.category is Category.LEADERSHIP]
    chart = build_org_chart(agencies, edges, names, {a: len(service.chain(a)) for a in leading}, lang=lang)
    modes = ["leads", "manages", "unified", "dispatched", "entrusted", "guides", "office_in", "plate", "co_located"]
    return org_chart_html(
        chart,
        lang=lang,
        category_names={c: t(f"cat_{c.value}", lang) for c in Category},
        mode_names={m: t(f"mode_{m}", lang) for m in modes},
        outside_title=t("run_from_elsewhere", lang),
        focus=focus,
        marks=marks,
        ended_note=t("legend_struck", lang),
    )
