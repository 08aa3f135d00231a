"""Overview: the dataset at a glance: agencies per jurisdiction of the lowest tier against the quota, special
departments, the reform's dates, the sources, and how much of the data is published versus modeled. Titles,
captions and tier names come from the dataset's manifest."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app_pages.common import (
    default_snapshots,
    get_service,
    jurisdiction_label,
    lang,
    publish,
    snapshot_label,
    tr,
)
from views import render

BASIS_COLOURS = {"seed": "#1f5fa8", "public": "#0f766e", "modeled": "#b0bec5"}

service = get_service()
dataset = service.dataset
before, after = default_snapshots(dataset)
publish()

st.title(render.md(dataset.title(lang())))
ui = dataset.interface
caption = (ui.caption_en or ui.caption_zh) if lang() == "en" else (ui.caption_zh or ui.caption_en)
st.caption(render.md(caption or dataset.description or tr("overview_intro")))

counties = dataset.bottom_jurisdictions()
bottom = dataset.level(counties[0].level) if counties else None
tier = bottom.label(lang()) if bottom else tr("jurisdiction")
old_all = service.agencies(before)
new_all = service.agencies(after)
basis = service.basis_counts()
published = basis.get("seed", 0) + basis.get("public", 0)
total_facts = sum(basis.values()) or 1

m1, m2, m3, m4, m5 = st.columns(5)
m1.metric(render.md(tier), len(counties))
m2.metric(f"{tr('agencies')} · {before}", len(old_all), help=render.md(snapshot_label(dataset.snapshot(before))))
m3.metric(
    f"{tr('agencies')} · {after}",
    len(new_all),
    help=render.md(snapshot_label(dataset.snapshot(after))),
    delta=(len(new_all) - len(old_all)) or None,
    delta_color="inverse",
)
m4.metric(tr("sources"), len(dataset.sources))
m5.metric(
    tr("published_vs_modeled"),
    f"{published / total_facts:.0%}",
    help=f"seed {basis.get('seed', 0)} · public {basis.get('public', 0)} · modeled {basis.get('modeled', 0)}",
)


def _attribute_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    return str(value)


def _quota_counts(agencies: list) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in agencies:
        if a.counts_toward_quota:
            counts[a.jurisdiction] = counts.get(a.jurisdiction, 0) + 1
    return counts


st.subheader(tr("quota_chart", tier=tier))
old_counts, new_counts = _quota_counts(old_all), _quota_counts(new_all)
names = [render.plot_text(jurisdiction_label(j)) for j in counties]
fig = go.Figure()
fig.add_bar(
    name=render.plot_text(snapshot_label(dataset.snapshot(before))),
    x=names,
    y=[old_counts.get(j.id, 0) for j in counties],
    marker_color="#b0bec5",
)
fig.add_bar(
    name=render.plot_text(snapshot_label(dataset.snapshot(after))),
    x=names,
    y=[new_counts.get(j.id, 0) for j in counties],
    marker_color="#1f5fa8",
)
fig.add_scatter(
    name=tr("quota"),
    x=names,
    y=[j.agency_quota for j in counties],
    mode="markers",
    marker={"symbol": "line-ew-open", "size": 34, "line": {"width": 3, "color": "#c62828"}},
)
fig.update_layout(
    barmode="group",
    height=380,
    margin={"l": 10, "r": 10, "t": 10, "b": 10},
    legend={"orientation": "h", "y": 1.08},
    plot_bgcolor="#ffffff",
    yaxis={"gridcolor": "#eceff1", "title": tr("agencies")},
    font={"family": "Noto Sans CJK SC, sans-serif"},
)
st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})


def _presence_matrix() -> None:
    """The dataset's presence rules (present_only_in / present_except) as a matrix, each cell computed by the
    rule's own select (service.presence_matrix), so it cannot disagree with the check. Absent without such rules."""
    matrix = service.presence_matrix(after)
    if not matrix:
        return
    st.subheader(tr("special_matrix"))
    st.caption(tr("special_matrix_help"))
    by_id = {j.id: j for j in dataset.jurisdictions}
    rows: dict[str, dict[str, object]] = {}
    for rule, cells in matrix:
        title = (rule.title_en or rule.title_zh) if lang() == "en" else (rule.title_zh or rule.title_en)
        for cell in cells:
            j = by_id[cell.jurisdiction]
            row = rows.setdefault(
                cell.jurisdiction, {tr("jurisdiction"): jurisdiction_label(j), tr("quota"): j.agency_quota}
            )
            mark = "✓" if cell.present else "—"
            row[title] = mark if cell.present == cell.expected else f"{mark} ✗"
    st.dataframe(pd.DataFrame(list(rows.values())), hide_index=True, width="stretch")


def _attribute_table() -> None:
    """The dataset's declared jurisdiction attributes (manifest [[jurisdiction_attributes]]) per jurisdiction of the
    lowest tier, with the quota; absent when the dataset declares none."""
    if not dataset.attributes:
        return
    st.subheader(tr("attributes_of", tier=tier))
    rows = [
        {
            tr("jurisdiction"): jurisdiction_label(j),
            **{a.label(lang()): _attribute_text(j.attribute(a.id)) for a in dataset.attributes},
            tr("quota"): j.agency_quota,
        }
        for j in counties
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


left, right = st.columns([3, 2], gap="large")
with left:
    _presence_matrix()
    _attribute_table()
with right:
    if dataset.events:
        st.subheader(tr("reform_dates"))
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        tr("date"): e.date,
                        tr("event"): e.label_en if lang() == "en" else e.label_zh,
                        tr("source"): e.source,
                    }
                    for e in sorted(dataset.events, key=lambda e: e.date)
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    st.subheader(tr("published_vs_modeled"))
    bars = go.Figure(
        go.Bar(
            x=[basis.get(k, 0) for k in BASIS_COLOURS],
            y=[tr(f"basis_{k}") for k in BASIS_COLOURS],
            orientation="h",
            marker_color=list(BASIS_COLOURS.values()),
            text=[basis.get(k, 0) for k in BASIS_COLOURS],
            textposition="auto",
        )
    )
    bars.update_layout(
        height=170,
        margin={"l": 10, "r": 10, "t": 4, "b": 4},
        plot_bgcolor="#ffffff",
        xaxis={"title": tr("facts"), "gridcolor": "#eceff1"},
    )
    st.plotly_chart(bars, width="stretch", config={"displayModeBar": False})

st.subheader(tr("sources"))
st.dataframe(
    pd.DataFrame(
        [
            {
                "id": s.id,
                tr("basis"): tr(f"basis_{s.basis.value}"),
                tr("title"): s.title,
                tr("publisher"): s.publisher,
                tr("date"): s.date,
                tr("link"): render.safe_link(s.url),
            }
            for s in dataset.sources
        ]
    ),
    hide_index=True,
    width="stretch",
    column_config={tr("link"): st.column_config.LinkColumn(tr("link"))},
)
