"""Small Streamlit pieces the pages share: an embedded chart page, and a wide SVG shown at its natural size."""

from __future__ import annotations

import streamlit as st

__all__ = ["show_chart", "show_svg"]


def show_chart(page_html: str, height: int) -> None:
    """Embed a chart page made by render.chart_html (its labels are already escaped)."""
    st.iframe(page_html, height=height + 130)  # the chart, plus up to three legend rows


#: Scrolls a wide diagram's frame to its top-most box, centred (the left-most of several at the same height): an
#: org chart's top band (the party committee, the government) would otherwise open out of sight to the right.
_SCROLL_TO_TOP_BOX = """<script>
(function () {
  var best = null;
  document.querySelectorAll("g.node").forEach(function (node) {
    var r = node.getBoundingClientRect();
    if (!best || r.top < best.top - 1 || (Math.abs(r.top - best.top) <= 1 && r.left < best.left)) { best = r; }
  });
  if (best) { window.scrollTo(Math.max(0, best.left + best.width / 2 - window.innerWidth / 2), 0); }
})();
</script>"""


def show_svg(svg: str, *, height: int = 900) -> None:
    """An SVG diagram at its natural size (Graphviz writes points: its 9 pt text is 12 px) in a frame that scrolls,
    instead of shrunk to the column's width, where a county's diagram would draw its labels at about 3 px; the frame
    opens on the diagram's top box. Graphviz escapes every label; the frame is st.iframe's sandboxed page, like the
    charts'."""
    body = svg[svg.find("<svg") :]
    st.iframe(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
        f"<body style='margin:0'>{body}{_SCROLL_TO_TOP_BOX}</body></html>",
        height=height,
    )
