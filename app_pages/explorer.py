"""Explorer: one jurisdiction (or the whole league) in one snapshot as an org chart; search and focus an agency;
narrow the view to some categories and reporting modes (the chart and the table alike, kept in the URL)."""

from __future__ import annotations

from contextlib import suppress

import streamlit as st

from app_pages.common import (
    LEAGUE,
    chart_legend,
    default_scope,
    get_service,
    lang,
    publish,
    scope_label,
    scope_options,
    settings,
    show_chart,
    snapshot_label,
    tr,
    url_state,
    view_filter,
)
from graph.errors import OrgraphError
from views import agency_panel, charts, history, render
from views.components import org_chart

service = get_service()
dataset = service.dataset
max_drawn = settings().max_drawn_elements
st.title(tr("explorer"))

scopes, snapshots = scope_options(dataset), dataset.snapshot_ids()
# labels are fixed per run: a format_func must not read session state later (AppTest calls it outside a run)
scope_names = {s: scope_label(dataset, s) for s in scopes}
snapshot_names = {s: snapshot_label(dataset.snapshot(s)) for s in snapshots}
c1, c2, c3, c4 = st.columns([2.2, 1.6, 2.6, 1.1])
scope = c1.selectbox(
    tr("jurisdiction"), scopes, key=url_state("j", default_scope(dataset), scopes), format_func=scope_names.get
)
snapshot = c2.selectbox(
    tr("snapshot"), snapshots, key=url_state("snap", snapshots[-1], snapshots), format_func=snapshot_names.get
)
query = c3.text_input(tr("search"), key=url_state("q", ""), placeholder="应急管理局 / emergency")
depth = c4.number_input(
    tr("focus_depth"), min_value=1, max_value=5, step=1, key=url_state("depth", 1, range(1, 6), cast=int)
)

view = view_filter()

in_place = scope if dataset.jurisdiction(scope) is not None else None  # the chosen jurisdiction's bodies first
hits = service.search(query, snapshot=snapshot, jurisdiction=in_place) if query.strip() else []
focus_key = url_state("agency", "")
known = {a.id: a for a in hits}
if st.session_state[focus_key] and st.session_state[focus_key] not in known:  # a focus from the URL or a click
    with suppress(OrgraphError):
        known[st.session_state[focus_key]] = service.agency(st.session_state[focus_key])
if query.strip() and not hits:
    st.info(tr("none_found"))
if known:
    hit_names = {
        i: f"{a.name(lang())} · {scope_label(dataset, a.jurisdiction)} · {a.snapshot}" for i, a in known.items()
    }
    options = ["", *known]
    st.selectbox(tr("search_hits"), options, key=focus_key, format_func=lambda o: hit_names.get(o, o or "—"))
focus = st.session_state.get(focus_key, "")
expand_key = url_state("expand", "")
expanded = [x for x in (st.session_state.get(expand_key) or "").split(",") if x]
publish(
    j=scope,
    snap=snapshot,
    q=query.strip(),
    depth=int(depth) if depth != 1 else None,
    agency=focus or None,
    expand=",".join(expanded) or None,
)
if view.active:
    st.caption(tr("filter_note"))
here = {**st.query_params.to_dict(), "kind": "chain" if focus else "snapshot"}  # the Export page opens this view
st.page_link("app_pages/export.py", label=tr("export_view"), icon=":material/download:", query_params=here)


def _focus(agency_id: str) -> None:
    """Focus an agency (or none): the selection, the search box's list and the URL follow."""
    st.session_state[focus_key] = agency_id


heading = tr("structure_of", scope=scope_names[scope], snapshot=snapshot_names[snapshot])
if focus:
    try:
        profile = service.agency_profile(focus, depth=int(depth))
    except OrgraphError as exc:
        st.error(str(exc))
        st.stop()
    agency_panel.breadcrumb(profile.chain, _focus, lang())
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"#### {render.md(tr('focus_on', name=profile.agency.name(lang())))}")
        with st.spinner("…"):
            chart = charts.focus_chart(service, focus, int(depth), lang=lang(), view=view)
        height = render.fit_height(chart.nodes, 760, high=820)
        legend = chart_legend(chart.nodes, chart.links)
        show_chart(render.chart_html(chart.nodes, chart.links, height=height, direction="LR", legend=legend), height)
    with right:
        agency_panel.show_profile(profile, dataset, lang(), view)
        history.show_history(service.history(focus), snapshot_names, _focus, lang())  # its life across snapshots
else:
    jurisdiction = None if scope == LEAGUE else scope
    agencies, edges = service.agencies(snapshot, jurisdiction), service.edges(snapshot, jurisdiction)
    st.markdown(f"#### {render.md(heading)}")
    if dataset.jurisdiction(scope) is not None:  # one jurisdiction: an org chart; a click focuses a body
        html = charts.org_chart_for(service, snapshot, scope, lang=lang(), focus=None, view=view)
        org_chart(html, key="org_chart", on_click=_focus)
    else:
        with st.spinner("…"):
            chart = charts.structure_chart(
                service, snapshot, jurisdiction, lang=lang(), expand=expanded, max_elements=max_drawn, view=view
            )
        if chart.aggregated:
            st.info(tr("too_big", n=chart.total_elements, max=max_drawn))
            groups = sorted({a.jurisdiction for a in agencies})
            expanded = [x for x in expanded if x in groups]
            group_names = {g: scope_label(dataset, g) for g in groups}
            picked = st.multiselect(
                tr("expand"),
                groups,
                default=expanded,
                key="expand_pick",
                format_func=group_names.get,
                placeholder=tr("expand_placeholder"),
            )
            if sorted(picked) != sorted(expanded):
                st.session_state[expand_key] = ",".join(picked)
                publish(expand=",".join(picked) or None)
                st.rerun()
        st.caption(tr("drawn_count", nodes=len(chart.nodes), links=len(chart.links)))
        height = render.fit_height(chart.nodes, 1150, high=1400)  # tall charts scroll rather than shrink
        legend = chart_legend(chart.nodes, chart.links)
        show_chart(render.chart_html(chart.nodes, chart.links, height=height, legend=legend), height)
    agency_panel.show_scope_table(
        agency_panel.scope_rows(agencies, edges, dataset, lang(), view), lang(), view, max_drawn
    )
