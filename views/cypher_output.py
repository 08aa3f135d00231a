"""What the Cypher page shows around its editor: the editor's words, a result (a table, its CSV, the graph it
holds) and an error in the reader's language, the engine's own words after ours only when nothing fits."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from graph.errors import OrgraphError
from graph.store import QueryResult
from i18n import t
from views import render
from views.cypher_messages import explain
from views.cypher_result import cell, result_chart, result_csv
from views.widgets import show_chart

__all__ = ["editor_words", "show_error", "show_result"]

_CHART_HEIGHT = 520


def editor_words(lang: str) -> dict[str, Any]:
    """The editor's interface text in `lang`: label, placeholder, hint and the completion kinds' names."""
    return {
        "label": t("query_text", lang),
        "placeholder": t("editor_placeholder", lang),
        "hint": t("editor_hint", lang),
        "kinds": {k: t(f"kind_{k}", lang) for k in ("label", "type", "property", "keyword", "function")},
    }


def show_result(result: QueryResult, lang: str, *, row_cap: int, max_drawn: int) -> None:
    """The rows as a table and a CSV download; the nodes and relationships they hold as a chart, if any."""
    st.caption(t("rows_in", lang, n=len(result.rows), s=result.seconds) + f" · {result.backend}")
    if result.truncated:
        st.warning(t("truncated", lang, cap=row_cap))
    frame = pd.DataFrame([{c: cell(row.get(c)) for c in result.columns} for row in result.rows], columns=result.columns)
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button(t("download_csv", lang), result_csv(result), file_name="query.csv", mime="text/csv")
    if result.nodes:
        st.markdown(f"**{t('result_graph', lang)}**")
        nodes, links, legend = result_chart(result, lang, max_drawn)
        show_chart(render.chart_html(nodes, links, height=_CHART_HEIGHT, legend=legend), _CHART_HEIGHT)


def show_error(exc: OrgraphError, text: str, lang: str, *, timeout_s: float) -> None:
    """What went wrong running `text` and what to do, in `lang`; the engine's words only when nothing fits."""
    said = explain(exc, text, lang, timeout_s=timeout_s)
    st.error(said.headline + (f"\n\n{render.md(said.detail)}" if said.detail else ""))
    if said.original:
        st.caption(t("error_original", lang))
        st.code(said.original, language=None, wrap_lines=True)
