"""Small Streamlit pieces the pages share: an embedded chart page, and a wide SVG shown at its natural size."""

from __future__ import annotations

import streamlit as st

__all__ = ["show_chart", "show_svg"]


def show_chart(page_html: str, height: int) -> None:
    """Embed a chart page made by render.chart_html (its labels are already escaped)."""
    st.iframe(page_html, height=height + 130)  # the chart, plus up to three legend rows


def show_svg(svg: str, *, height: int = 900) -> None:
    """An SVG diagram at its natural size (Graphviz writes points: its 9 pt text is 12 px) in a frame that scrolls,
    instead of shrunk to the column's width, where a county's diagram would draw its labels at about 3 px. Graphviz
    escapes every label; the frame is st.iframe's sandboxed page, like the charts'."""
    body = svg[svg.find("<svg") :]
    st.iframe(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body style='margin:0'>{body}</body></html>",
        height=height,
    )
