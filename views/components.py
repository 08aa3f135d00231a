"""Streamlit components of our own (components v2: inline, no build step, no network), so a click in a chart can
reach Python. Registered once at import; the HTML they show is built and escaped by views/."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from views.orgchart import ORG_CHART_CSS

__all__ = ["org_chart"]

_CLICK_JS = """
export default function(component) {
  const { data, setTriggerValue, parentElement } = component;
  let root = parentElement.querySelector('.orgchart-root');
  if (!root) {
    root = document.createElement('div');
    root.className = 'orgchart-root';
    parentElement.appendChild(root);
  }
  root.innerHTML = data;  // built by views/orgchart.py, every name escaped
  root.onclick = (event) => {
    const box = event.target.closest('[data-id]');
    if (box) setTriggerValue('clicked', box.getAttribute('data-id'));
  };
}
"""

_ORG_CHART = st.components.v2.component("orgraph_org_chart", css=ORG_CHART_CSS, js=_CLICK_JS)


def org_chart(chart_html: str, *, key: str, on_click: Callable[[str], None]) -> None:
    """Show an org chart; a click on a box calls `on_click(agency_id)` before the next run (so it may set widgets)."""

    def clicked() -> None:
        value = st.session_state[key].get("clicked")
        if value:
            on_click(str(value))

    _ORG_CHART(data=chart_html, key=key, on_clicked_change=clicked)
