"""Compare's side-by-side panes. For one jurisdiction: its two org charts (views/orgchart.py), each box badged with
what the comparison says of it and a body that ended struck through; a click on a box focuses it on the Explorer.
For a wider scope, or when asked for: the two network pictures in one layout (continuing bodies at the same place)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from graph.diff.model import SnapshotData
from graph.model import Dataset
from i18n import t
from service import OrgService
from usecases.comparison import Comparison
from views import charts, overlay, render
from views.components import org_chart
from views.widgets import show_chart

__all__ = ["choose_view", "follow_click", "headers", "network_panes", "org_panes"]

_CLICKED = "compare_open"  # session key: the box clicked in an org chart pane, opened by the next run


def _clicked(agency_id: str) -> None:
    st.session_state[_CLICKED] = agency_id


def follow_click(lang: str) -> None:
    """Open the box clicked in a pane on the Explorer (?agency=<id>), as a click in a network picture does. Called
    first thing in the page: a widget's callback may not switch pages itself."""
    agency_id = st.session_state.pop(_CLICKED, None)
    if agency_id:
        st.switch_page("app_pages/explorer.py", query_params={"agency": agency_id, "lang": lang})


def _columns(stacked: bool) -> Sequence[st.delta_generator.DeltaGenerator]:
    """Two panes: one under the other (full width) or side by side."""
    return [st.container(), st.container()] if stacked else st.columns(2)


def choose_view(key: str, lang: str) -> None:
    """Org charts or network pictures, for one jurisdiction (the widget's value is kept under `key`)."""
    st.radio(
        t("pane_view", lang), ["org", "network"], key=key, horizontal=True, format_func=lambda v: t(f"pane_{v}", lang)
    )


def headers(
    sides: Sequence[SnapshotData], names: Mapping[str, str], aggregated: Dataset | None, lang: str
) -> tuple[str, str]:
    """Each pane's title: its snapshot and what it holds (the jurisdictions, when each is one box of `aggregated`)."""
    found = []
    for data in sides:
        held = overlay.places_text(aggregated, data.agencies, lang=lang) if aggregated else ""
        found.append(
            f"**{render.md(names[data.snapshot])}** · {render.md(held or t('n_agencies', lang, n=len(data.agencies)))}"
        )
    return found[0], found[1]


def org_panes(
    service: OrgService,
    comparison: Comparison,
    jurisdiction: str,
    headers: tuple[str, str],
    *,
    lang: str,
    stacked: bool,
) -> None:
    """The jurisdiction's org chart before and after, badged by the comparison (overlay.change_marks)."""
    marks = overlay.change_marks(comparison, lang=lang)
    sides = (comparison.before, comparison.after)
    for column, header, data, side_marks, key in zip(_columns(stacked), headers, sides, marks, ("before", "after")):
        column.markdown(header)
        with column:
            html = charts.org_chart_for(service, data.snapshot, jurisdiction, lang=lang, focus=None, marks=side_marks)
            org_chart(html, key=f"compare_org_{key}", on_click=_clicked)


def network_panes(
    panes: tuple[charts.Chart, charts.Chart], headers: tuple[str, str], *, stacked: bool, legend: render.Legend
) -> None:
    """The two network pictures in one frame, so that a body that continues is at the same spot in both."""
    nodes = [*panes[0].nodes, *panes[1].nodes]
    frame = render.bounding_box(nodes)
    height = render.fit_height(nodes, 1150 if stacked else 560, high=1100)
    for column, header, pane in zip(_columns(stacked), headers, panes):
        column.markdown(header)
        with column:
            page = render.chart_html(pane.nodes, pane.links, height=height, frame=frame, legend=legend, direction="LR")
            show_chart(page, height)
