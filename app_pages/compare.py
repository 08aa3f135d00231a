"""Compare: two snapshots of a scope from one service.comparison(): headline tiles in words, the panes side by side
(continuing bodies at the same places), the overlay of changes (ended bodies as struck-through ghosts), the Sankey
of the lineage, the change table with its summary, and the rule checks. Drawing lives in views/."""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    LEAGUE,
    category_name,
    chart_legend,
    default_scope,
    default_snapshots,
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
)
from graph.diff.report import summaries
from graph.errors import OrgraphError
from views import changes, overlay, panes, render, sankey

panes.follow_click(lang())  # a box clicked in an org chart pane opens on the Explorer
service = get_service()
dataset = service.dataset
st.title(tr("compare"))
scopes = scope_options(dataset)
# labels are fixed per run: a format_func must not read session state later (AppTest calls it outside a run)
places = {j.id: scope_label(dataset, j.id) for j in dataset.jurisdictions} | {LEAGUE: scope_label(dataset, LEAGUE)}
snapshots = dataset.snapshot_ids()
snapshot_names = {s: snapshot_label(dataset.snapshot(s)) for s in snapshots}
first, last = default_snapshots(dataset)
c1, c2, c3 = st.columns([2.2, 1.6, 1.6])
scope = c1.selectbox(
    tr("jurisdiction"), scopes, key=url_state("j", default_scope(dataset), scopes), format_func=places.get
)
before, after = (
    col.selectbox(tr(f"snapshot_{p}"), snapshots, key=url_state(p, default, snapshots), format_func=snapshot_names.get)
    for col, p, default in ((c2, "before", first), (c3, "after", last))
)
stacked_key = url_state("stacked", False, [False, True], cast=lambda raw: str(raw).lower() in ("1", "true", "yes"))
if before == after:
    publish(j=scope, before=before, after=after, expand=None)
    st.warning(tr("same_snapshot"))
    st.stop()
jurisdiction = None if scope == LEAGUE else scope
try:
    with st.spinner(tr("computing")):  # one comparison feeds the tiles, the pictures and the table, so they agree
        comparison = service.comparison(before, after, jurisdiction)
        results = [r for r in service.check(snapshot=after) if jurisdiction is None or r.jurisdiction == jurisdiction]
except OrgraphError as exc:
    st.error(str(exc))
    st.stop()

bodies, others, ended_sentence = changes.headline_tiles(comparison.counts, lang=lang())
for row in (bodies, others):
    for col, tile in zip(st.columns(len(bodies)), row):
        col.metric(tile.label, tile.value, help=tile.help or None)
st.caption(ended_sentence)
max_drawn = settings().max_drawn_elements
# Both panes grow with both snapshots; above the budget each jurisdiction is one box, and one may be expanded.
sides = (comparison.before, comparison.after)
aggregate = jurisdiction is None and sum(len(s.agencies) for s in sides) * 2 > max_drawn
present = {a.jurisdiction for s in sides for a in s.agencies}
groups = ["", *(j.id for j in dataset.jurisdictions if j.id in present)] if aggregate else [""]
expand_key = url_state("expand", "", groups)
expand = st.session_state[expand_key] or None
single = jurisdiction in places and not aggregate  # one jurisdiction: its org charts side by side, by default
panes_key = url_state("panes", "org", ["org", "network"])
org_view = single and st.session_state[panes_key] == "org"
stacked = bool(st.session_state[stacked_key])
view = "network" if single and not org_view else None  # the URL names only the view that is not the default
publish(j=scope, before=before, after=after, stacked="1" if stacked else None, expand=expand, panes=view)
pane_old = pane_new = None
if aggregate:
    pane_old, pane_new = overlay.aggregated_panes(
        comparison, dataset, lang=lang(), expand=expand, max_elements=max_drawn
    )
    st.info(tr("compare_too_big", n=pane_old.total_elements + pane_new.total_elements, max=max_drawn))
    st.selectbox(tr("expand_one"), groups, key=expand_key, format_func=lambda g: places.get(g) or tr("expand_none"))
    if expand and expand in pane_new.groups:
        st.warning(tr("expand_too_big", name=places[expand], max=max_drawn))
elif not org_view:
    pane_old, pane_new = overlay.compare_panes(comparison, lang=lang())
picture = overlay.overlay_chart(comparison, lang=lang(), only=expand if aggregate else None)

side, over, flow, table, checks = st.tabs(
    [tr("side_by_side"), tr("overlay"), tr("sankey"), tr("changes_table"), tr("checks")]
)
with side:
    st.toggle(tr("stacked"), key=stacked_key, help=tr("stacked_help"))
    if single:
        panes.choose_view(panes_key, lang())
    headers = panes.headers(sides, snapshot_names, dataset if aggregate else None, lang())
    if pane_old is None or pane_new is None:
        panes.org_panes(service, comparison, scope, headers, lang=lang(), stacked=stacked)
    else:
        legend = chart_legend([*pane_old.nodes, *pane_new.nodes], [*pane_old.links, *pane_new.links])
        panes.network_panes((pane_old, pane_new), headers, stacked=stacked, legend=legend)
with over:
    if aggregate and not expand:
        st.info(tr("overlay_expand_hint", max=max_drawn))
    else:
        if expand:
            st.markdown(f"**{render.md(tr('overlay_of', name=places[expand]))}**")
        height = render.fit_height(picture.nodes, 1150)
        legend = overlay.overlay_legend(picture, comparison, lang=lang())
        show_chart(render.chart_html(picture.nodes, picture.links, height=height, legend=legend), height)
with flow:
    changes_only = st.toggle(tr("changes_only"), value=True, key="sankey_changes_only")
    flows = sankey.sankey_picture(
        comparison.flows,
        lang=lang(),
        changes_only=changes_only,
        whole=jurisdiction is None,
        category_name=category_name,
    )
    if flows.figure is None:
        st.info(tr("no_lineage"))
    else:
        if flows.by_category:
            st.caption(tr("sankey_by_category"))
        legend_html = sankey.sankey_legend_html(
            flows.kinds, lang=lang(), before=snapshot_names[before], after=snapshot_names[after]
        )
        st.markdown(legend_html, unsafe_allow_html=True)  # built and escaped in views/sankey.py
        st.plotly_chart(flows.figure, width="stretch", config={"displayModeBar": False})
with table:
    st.markdown(f"**{tr('summary')}**")
    for line in summaries(comparison.diff):
        st.markdown("- " + render.md(line.en if lang() == "en" else line.zh))
    st.dataframe(changes.change_table(comparison, lang=lang(), places=places), hide_index=True, width="stretch")
with checks:
    if not dataset.rules:
        st.info(tr("no_declared_rules"))
    failed = sum(1 for r in results if not r.passed)
    (st.warning if failed else st.success)(tr("checks_result", failed=failed, total=len(results)))
    st.dataframe(changes.check_table(results, lang=lang(), places=places), hide_index=True, width="stretch")
