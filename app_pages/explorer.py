"""Explorer: one jurisdiction (or the whole league) in one snapshot as an org chart; search and focus an agency."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.common import (
    LEAGUE,
    category_name,
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
)
from graph.errors import OrgraphError
from graph.model import Agency, RelType
from views import charts, render
from views.components import org_chart

service = get_service()
dataset = service.dataset
max_drawn = settings().max_drawn_elements

st.title(tr("explorer"))

scopes = scope_options(dataset)
# labels are fixed per run: a format_func must not read session state later (AppTest calls it outside a run)
scope_names = {s: scope_label(dataset, s) for s in scopes}
snapshot_names = {s: snapshot_label(dataset.snapshot(s)) for s in dataset.snapshot_ids()}
snapshots = dataset.snapshot_ids()
c1, c2, c3, c4 = st.columns([2.2, 1.6, 2.6, 1.1])
with c1:
    scope = st.selectbox(
        tr("jurisdiction"), scopes, key=url_state("j", default_scope(dataset), scopes), format_func=scope_names.get
    )
with c2:
    snapshot = st.selectbox(
        tr("snapshot"), snapshots, key=url_state("snap", snapshots[-1], snapshots), format_func=snapshot_names.get
    )
with c3:
    query = st.text_input(tr("search"), key=url_state("q", ""), placeholder="应急管理局 / emergency")
with c4:
    depth = st.number_input(tr("focus_depth"), min_value=1, max_value=5, step=1, key=url_state("depth", 1, cast=int))

in_place = scope if dataset.jurisdiction(scope) is not None else None  # the chosen jurisdiction's bodies first
hits = service.search(query, snapshot=snapshot, jurisdiction=in_place) if query.strip() else []
focus_key = url_state("agency", "")
current = st.session_state[focus_key]
options = [""] + [a.id for a in hits]
if current and current not in options:
    options.append(current)
if query.strip() and not hits:
    st.info(tr("none_found"))


def _agency_option(agency_id: str) -> str:
    if not agency_id:
        return "—"
    try:
        a = service.agency(agency_id)
    except OrgraphError:
        return agency_id
    j = dataset.jurisdiction(a.jurisdiction)
    where = (j.name_en if lang() == "en" else j.name_zh) if j else a.jurisdiction
    return f"{a.name(lang())} · {where} · {a.snapshot}"


if len(options) > 1:
    st.selectbox(tr("search_hits"), options, key=focus_key, format_func={o: _agency_option(o) for o in options}.get)
focus = st.session_state.get(focus_key, "")
expand_key = url_state("expand", "")
publish(
    j=scope,
    snap=snapshot,
    q=query.strip(),
    depth=int(depth) if depth != 1 else None,
    agency=focus or None,
    expand=st.session_state.get(expand_key) or None,
)


def _focus(agency_id: str) -> None:
    """Focus an agency (or none): the selection, the search box's list and the URL follow."""
    st.session_state[focus_key] = agency_id


def _jurisdiction_name(jurisdiction_id: str) -> str:
    j = dataset.jurisdiction(jurisdiction_id)
    return (j.name_en if lang() == "en" else j.name_zh) if j else jurisdiction_id


def _name(agency: Agency) -> str:
    return agency.name(lang())


def _details(agency: Agency) -> None:
    """The focused agency: identity, chain up, subordinates, functions, lineage, sources."""
    other = agency.name_en if lang() == "zh" else agency.name_zh
    st.subheader(render.md(_name(agency)))
    st.caption(render.md(f"{other} · {agency.id}"))
    j = dataset.jurisdiction(agency.jurisdiction)
    facts = {
        tr("jurisdiction"): (j.name_en if lang() == "en" else j.name_zh) if j else agency.jurisdiction,
        tr("snapshot"): agency.snapshot,
        tr("category"): category_name(agency.category),
        tr("type"): agency.type,
        tr("counts_toward_quota"): tr("yes") if agency.counts_toward_quota else tr("no"),
        tr("basis"): tr(f"basis_{agency.basis.value}"),
    }
    st.markdown("  \n".join(f"**{render.md(k)}**：{render.md(str(v))}" for k, v in facts.items()))
    chain = service.chain(agency.id)
    st.markdown(f"**{tr('chain')}**")
    if chain:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        tr("depth"): s.depth,
                        tr("agency"): _name(s.agency),
                        tr("mode"): tr(f"mode_{s.mode}"),
                        tr("jurisdiction"): _jurisdiction_name(s.agency.jurisdiction),
                    }
                    for s in chain
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption(tr("top"))
    subs = service.subordinates(agency.id, depth=int(depth))
    st.markdown(f"**{tr('subordinates')}** ({len(subs)})")
    if subs:
        st.dataframe(
            pd.DataFrame(
                [{tr("depth"): s.depth, tr("agency"): _name(s.agency), tr("mode"): tr(f"mode_{s.mode}")} for s in subs]
            ),
            hide_index=True,
            width="stretch",
        )
    functions = service.functions_of(agency.id)
    if functions:
        names = {f.id: (f.name_en if lang() == "en" else f.name_zh) for f in dataset.functions}
        st.markdown(f"**{tr('functions')}**")
        st.markdown("\n".join(f"- {render.md(names.get(f, f))}" for f in functions))
    st.markdown(f"**{tr('lineage')}**")
    lineage = service.lineage(agency.id)
    if lineage:
        rows = []
        for e in lineage:
            start, end = dataset.agency(e.start), dataset.agency(e.end)
            rows.append(
                {
                    tr("from"): f"{_name(start) if start else e.start} ({start.snapshot if start else ''})",
                    tr("change"): tr(f"change_{e.change.value}") if e.change else "",
                    tr("to"): f"{_name(end) if end else e.end} ({end.snapshot if end else ''})",
                    tr("functions"): e.function or "",
                }
            )
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    else:
        st.caption(tr("no_lineage"))
    cited = {agency.source} | {
        e.source
        for e in service.edges(agency.snapshot, agency.jurisdiction)
        if e.start == agency.id and e.type is not RelType.HAS_FUNCTION
    }
    cited |= {e.source for e in lineage}
    sources = [s for s in (dataset.source_by_id(sid) for sid in sorted(cited)) if s]
    if sources:
        st.markdown(f"**{tr('sources')}**")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "id": s.id,
                        tr("title"): s.title,
                        tr("basis"): tr(f"basis_{s.basis.value}"),
                        tr("publisher"): s.publisher,
                        tr("link"): render.safe_link(s.url),
                    }
                    for s in sources
                ]
            ),
            hide_index=True,
            width="stretch",
            column_config={tr("link"): st.column_config.LinkColumn(tr("link"))},
        )


if focus:
    try:
        agency = service.agency(focus)
    except OrgraphError as exc:
        st.error(str(exc))
        st.stop()
    chain = service.chain(agency.id)[:4]
    crumbs = st.columns([2] + [3] * len(chain), gap="small")
    crumbs[0].button(tr("whole_chart"), key="crumb_top", on_click=_focus, args=("",))
    for column, step in zip(crumbs[1:], reversed(chain), strict=True):  # the breadcrumb, top first
        column.button(f"› {_name(step.agency)}", key=f"crumb_{step.agency.id}", on_click=_focus, args=(step.agency.id,))
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"#### {render.md(tr('focus_on', name=_name(agency)))}")
        with st.spinner("…"):
            chart = charts.focus_chart(service, focus, int(depth), lang=lang())
        height = render.fit_height(chart.nodes, 760, high=820)
        show_chart(
            render.chart_html(
                chart.nodes, chart.links, height=height, direction="LR", legend=chart_legend(chart.nodes, chart.links)
            ),
            height,
        )
    with right:
        _details(agency)
elif dataset.jurisdiction(scope) is not None:  # one jurisdiction: an org chart; a click focuses a body
    st.markdown(
        f"#### {render.md(tr('structure_of', scope=scope_label(dataset, scope), snapshot=snapshot_label(dataset.snapshot(snapshot))))}"
    )
    org_chart(charts.org_chart_for(service, snapshot, scope, lang=lang(), focus=None), key="org_chart", on_click=_focus)
else:
    jurisdiction = None if scope == LEAGUE else scope
    with st.spinner("…"):
        chart = charts.structure_chart(
            service,
            snapshot,
            jurisdiction,
            lang=lang(),
            expand=[x for x in (st.session_state.get(expand_key) or "").split(",") if x],
            max_elements=max_drawn,
        )
    st.markdown(
        f"#### {render.md(tr('structure_of', scope=scope_label(dataset, scope), snapshot=snapshot_label(dataset.snapshot(snapshot))))}"
    )
    if chart.aggregated:
        st.info(tr("too_big", n=chart.total_elements, max=max_drawn))
        groups = sorted({a.jurisdiction for a in service.agencies(snapshot)})
        chosen = [x for x in (st.session_state.get(expand_key) or "").split(",") if x in groups]
        group_names = {g: scope_names.get(g) or scope_label(dataset, g) for g in groups}
        picked = st.multiselect(
            tr("expand"), groups, default=chosen, format_func=group_names.get, placeholder=tr("expand_placeholder")
        )
        if sorted(picked) != sorted(chosen):
            st.session_state[expand_key] = ",".join(picked)
            publish(expand=",".join(picked) or None)
            st.rerun()
    st.caption(tr("drawn_count", nodes=len(chart.nodes), links=len(chart.links)))
    height = render.fit_height(chart.nodes, 1150, high=1400)  # tall charts scroll rather than shrink
    show_chart(
        render.chart_html(chart.nodes, chart.links, height=height, legend=chart_legend(chart.nodes, chart.links)),
        height,
    )
