"""Overview: the dataset at a glance: agencies per jurisdiction of the lowest tier against the quota, special
departments, the reform's dates, the sources, and how much of the data is published versus modeled. Titles,
captions and tier names come from the dataset's manifest; the numbers from one service.overview() call."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.common import get_service, lang, publish, snapshot_label, tr
from views import overview as figures
from views import render

service = get_service()
dataset = service.dataset
summary = service.overview()
publish()

st.title(render.md(dataset.title(lang())))
ui = dataset.interface
caption = (ui.caption_en or ui.caption_zh) if lang() == "en" else (ui.caption_zh or ui.caption_en)
st.caption(render.md(caption or dataset.description or tr("overview_intro")))

tier = summary.tier.label(lang()) if summary.tier else tr("jurisdiction")
basis = summary.basis
m1, m2, m3, m4, m5 = st.columns(5)
m1.metric(render.md(tier), len(summary.quota))
before_label, after_label = (snapshot_label(dataset.snapshot(s)) for s in (summary.before, summary.after))
m2.metric(f"{tr('agencies')} · {summary.before}", summary.agencies_before, help=render.md(before_label))
m3.metric(
    f"{tr('agencies')} · {summary.after}",
    summary.agencies_after,
    help=render.md(after_label),
    delta=(summary.agencies_after - summary.agencies_before) or None,
    delta_color="inverse",
)
m4.metric(tr("sources"), len(dataset.sources))
m5.metric(
    tr("published_vs_modeled"),
    f"{summary.published_share:.0%}",
    help=f"seed {basis.get('seed', 0)} · public {basis.get('public', 0)} · modeled {basis.get('modeled', 0)}",
)

if any(row.quota is not None for row in summary.quota):  # a dataset without quotas gets no empty axis
    st.subheader(tr("quota_chart", tier=tier))
    st.plotly_chart(figures.quota_figure(summary, dataset, lang()), width="stretch", config={"displayModeBar": False})

left, right = st.columns([3, 2], gap="large")
with left:
    if summary.presence:  # the dataset's presence rules, each cell judged by the rule's own select
        st.subheader(tr("special_matrix"))
        st.caption(tr("special_matrix_help"))
        st.dataframe(pd.DataFrame(figures.presence_rows(summary, dataset, lang())), hide_index=True, width="stretch")
    if dataset.attributes:  # the manifest's [[jurisdiction_attributes]]
        st.subheader(tr("attributes_of", tier=tier))
        st.dataframe(pd.DataFrame(figures.attribute_rows(summary, dataset, lang())), hide_index=True, width="stretch")
with right:
    if dataset.events:
        st.subheader(tr("reform_dates"))
        st.dataframe(pd.DataFrame(figures.event_rows(dataset, lang())), hide_index=True, width="stretch")
    st.subheader(tr("published_vs_modeled"))
    st.plotly_chart(figures.basis_figure(summary, lang()), width="stretch", config={"displayModeBar": False})

st.subheader(tr("sources"))
st.dataframe(
    pd.DataFrame(figures.source_rows(dataset.sources, lang())),
    hide_index=True,
    width="stretch",
    column_config={tr("link"): st.column_config.LinkColumn(tr("link"))},
)
