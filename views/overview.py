"""The Overview page's figures and tables, from a usecases.overview.Overview, in an explicit language. Plotly labels
are escaped with render.plot_text; table cells are plain text (Streamlit's grid shows them as text)."""

from __future__ import annotations

import plotly.graph_objects as go

from graph.model import Dataset, Source
from i18n import t
from usecases.overview import Overview
from views import render
from views.labels import snapshot_label

__all__ = ["BASIS_COLOURS", "attribute_rows", "basis_figure", "event_rows", "presence_rows", "quota_figure"]

BASIS_COLOURS = {"seed": "#1f5fa8", "public": "#0f766e", "modeled": "#b0bec5"}
_FONT = {"family": "Noto Sans CJK SC, sans-serif"}


def quota_figure(overview: Overview, dataset: Dataset, lang: str) -> go.Figure:
    """Agencies that count toward the quota per jurisdiction, before and after, with the quota as a red bar."""
    names = [render.plot_text(row.jurisdiction.name(lang)) for row in overview.quota]
    fig = go.Figure()
    for snap, values, colour in (
        (overview.before, [row.before for row in overview.quota], "#b0bec5"),
        (overview.after, [row.after for row in overview.quota], "#1f5fa8"),
    ):
        snapshot = dataset.snapshot(snap)
        label = snapshot_label(snapshot, lang) if snapshot else snap
        fig.add_bar(name=render.plot_text(label), x=names, y=values, marker_color=colour)
    fig.add_scatter(
        name=t("quota", lang),
        x=names,
        y=[row.quota for row in overview.quota],
        mode="markers",
        marker={"symbol": "line-ew-open", "size": 34, "line": {"width": 3, "color": "#c62828"}},
    )
    fig.update_layout(
        barmode="group",
        height=380,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"orientation": "h", "y": 1.08},
        plot_bgcolor="#ffffff",
        yaxis={"gridcolor": "#eceff1", "title": t("agencies", lang)},
        font=_FONT,
    )
    return fig


def basis_figure(overview: Overview, lang: str) -> go.Figure:
    """Facts (agencies and edges) per basis: published (seed, public) against modeled."""
    counts = [overview.basis.get(k, 0) for k in BASIS_COLOURS]
    fig = go.Figure(
        go.Bar(
            x=counts,
            y=[t(f"basis_{k}", lang) for k in BASIS_COLOURS],
            orientation="h",
            marker_color=list(BASIS_COLOURS.values()),
            text=counts,
            textposition="auto",
        )
    )
    fig.update_layout(
        height=170,
        margin={"l": 10, "r": 10, "t": 4, "b": 4},
        plot_bgcolor="#ffffff",
        xaxis={"title": t("facts", lang), "gridcolor": "#eceff1"},
        font=_FONT,
    )
    return fig


def presence_rows(overview: Overview, dataset: Dataset, lang: str) -> list[dict[str, object]]:
    """The special-department matrix: a row per judged jurisdiction, a column per presence rule; ✓ found, — none,
    and ✗ where the rule wants the other answer (the rule's own verdict, the same as `check`)."""
    rows: dict[str, dict[str, object]] = {}
    for column in overview.presence:
        rule = column.rule
        title = (rule.title_en or rule.title_zh) if lang == "en" else (rule.title_zh or rule.title_en)
        for cell in column.cells:
            j = dataset.jurisdiction(cell.jurisdiction)
            row = rows.setdefault(
                cell.jurisdiction,
                {
                    t("jurisdiction", lang): j.name(lang) if j else cell.jurisdiction,
                    t("quota", lang): j.agency_quota if j else None,
                },
            )
            mark = "✓" if cell.present else "—"
            row[title] = mark if cell.present == cell.expected else f"{mark} ✗"
    return list(rows.values())


def _attribute_text(value: object, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    return str(value)


def attribute_rows(overview: Overview, dataset: Dataset, lang: str) -> list[dict[str, object]]:
    """The dataset's declared jurisdiction attributes per jurisdiction of the lowest tier, with the quota."""
    return [
        {
            t("jurisdiction", lang): row.jurisdiction.name(lang),
            **{a.label(lang): _attribute_text(row.jurisdiction.attribute(a.id), lang) for a in dataset.attributes},
            t("quota", lang): row.quota,
        }
        for row in overview.quota
    ]


def event_rows(dataset: Dataset, lang: str) -> list[dict[str, object]]:
    return [
        {
            t("date", lang): e.date,
            t("event", lang): (e.label_en or e.label_zh) if lang == "en" else (e.label_zh or e.label_en),
            t("source", lang): e.source,
        }
        for e in sorted(dataset.events, key=lambda e: e.date)
    ]


def source_rows(sources: list[Source] | tuple[Source, ...], lang: str) -> list[dict[str, object]]:
    """Sources with their basis and an http(s) link only (render.safe_link)."""
    return [
        {
            "id": s.id,
            t("basis", lang): t(f"basis_{s.basis.value}", lang),
            t("title", lang): s.title,
            t("publisher", lang): s.publisher,
            t("date", lang): s.date,
            t("link", lang): render.safe_link(s.url),
        }
        for s in sources
    ]
