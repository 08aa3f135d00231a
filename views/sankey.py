"""The lineage of a comparison as a Sankey figure (plotly) with its legend in words.

One table of colours (FLOW_COLOURS) paints the flows and the legend's swatches, so they cannot disagree; the legend is
HTML swatches (no emoji squares, which render as empty boxes without an emoji font). Labels are escaped here.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from i18n import t
from usecases.comparison import FLOW_KINDS, Flow
from views import render

__all__ = ["FLOW_COLOURS", "SankeyPicture", "sankey_legend_html", "sankey_picture"]

#: flow kind -> the colour of its flows and of its legend swatch (the overlay's hues, translucent)
FLOW_COLOURS: dict[str, str] = {
    "continued": "rgba(144,164,174,0.45)",
    "renamed": "rgba(21,101,192,0.45)",
    "merged": "rgba(106,27,154,0.45)",
    "split": "rgba(173,20,87,0.45)",
    "moved": "rgba(0,131,143,0.55)",
    "transferred": "rgba(230,81,0,0.45)",
}
BEFORE_NODE, AFTER_NODE = "#90a4ae", "#1f5fa8"
BY_CATEGORY_ABOVE = 150  # more flows than this over all jurisdictions: sum them by category


@dataclass(frozen=True, slots=True)
class SankeyPicture:
    figure: go.Figure | None  # None: nothing to draw
    kinds: tuple[str, ...]  # the flow kinds drawn, in legend order
    by_category: bool


def sankey_picture(
    flows: Sequence[Flow],
    *,
    lang: str,
    changes_only: bool,
    whole: bool,
    category_name: Callable[[str], str],
) -> SankeyPicture:
    """The flows (without continued ones when `changes_only`); over every jurisdiction (`whole`) and above
    BY_CATEGORY_ABOVE flows, one node per snapshot side and category."""
    shown = [f for f in flows if not (changes_only and f.kind == "continued")]
    by_category = whole and len(shown) > BY_CATEGORY_ABOVE
    labels: dict[str, str] = {}

    def key(flow: Flow, side: str) -> str:
        agency = flow.source if side == "b" else flow.target
        if by_category:
            k = f"{side}:{agency.category.value}"
            labels[k] = f"{agency.snapshot} · {category_name(agency.category.value)}"
        else:
            k = f"{side}:{agency.id}"
            labels[k] = agency.name(lang)
        return k

    counted = Counter((key(f, "b"), key(f, "a"), f.kind) for f in shown)
    if not counted:
        return SankeyPicture(None, (), by_category)
    nodes = sorted({k for (s, e, _) in counted for k in (s, e)}, key=lambda k: (k.startswith("a:"), k))
    index = {k: i for i, k in enumerate(nodes)}
    figure = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={
                "label": [render.plot_text(labels[k]) for k in nodes],
                "pad": 8,
                "thickness": 14,
                "color": [AFTER_NODE if k.startswith("a:") else BEFORE_NODE for k in nodes],
            },
            link={
                "source": [index[s] for (s, _, _) in counted],
                "target": [index[e] for (_, e, _) in counted],
                "value": list(counted.values()),
                "color": [FLOW_COLOURS[kind] for (_, _, kind) in counted],
                "label": [t(f"change_{kind}", lang) for (_, _, kind) in counted],
            },
        )
    )
    tallest = max(len({s for s, _, _ in counted}), len({e for _, e, _ in counted}))
    figure.update_layout(
        height=max(420, 26 * tallest),
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        font={"family": "Noto Sans CJK SC, sans-serif", "size": 12},
    )
    kinds = tuple(k for k in FLOW_KINDS if any(kind == k for (_, _, kind) in counted))
    return SankeyPicture(figure, kinds, by_category)


def sankey_legend_html(kinds: Sequence[str], *, lang: str, before: str, after: str) -> str:
    """The legend: which side is which, then a swatch in the flow's own colour and its name, per kind drawn."""
    swatches = "".join(
        f"<span style='margin-right:14px;white-space:nowrap'><span class='orgraph-swatch' style='display:inline-block;"
        f"width:22px;height:10px;border-radius:2px;vertical-align:0;margin-right:5px;background:{FLOW_COLOURS[k]}'>"
        f"</span>{html.escape(t(f'change_{k}', lang))}</span>"
        for k in kinds
    )
    sides = html.escape(t("sankey_sides", lang, before=before, after=after))
    return f"<div class='orgraph-sankey-legend' style='font-size:0.9rem;line-height:1.9'>{sides} {swatches}</div>"
