"""Small Streamlit pieces the pages share: an embedded chart page, and a query error said in the reader's language
with the engine's own words beneath it."""

from __future__ import annotations

import streamlit as st

from graph.errors import CypherSyntaxError, CypherTimeout, OrgraphError, UnsupportedCypher, WriteRefused
from i18n import t

__all__ = ["show_chart", "show_query_error"]

#: Error classes -> the interface string that says, in the reader's language, what happened and what to do.
_QUERY_ERRORS: tuple[tuple[type[OrgraphError], str], ...] = (
    (WriteRefused, "error_write_refused"),
    (CypherSyntaxError, "error_syntax"),
    (CypherTimeout, "error_timeout"),
    (UnsupportedCypher, "error_unsupported"),
)


def show_chart(page_html: str, height: int) -> None:
    """Embed a chart page made by render.chart_html (its labels are already escaped)."""
    st.iframe(page_html, height=height + 130)  # the chart, plus up to three legend rows


def show_query_error(exc: OrgraphError, lang: str) -> None:
    """A query's error: what to do in the interface language, then the engine's own words in monospace (so a
    parser's ^ marker lines up under the text it points at)."""
    key = next((k for cls, k in _QUERY_ERRORS if isinstance(exc, cls)), "error_query")
    st.error(t(key, lang))
    st.caption(t("error_detail", lang))
    st.code(str(exc), language=None, wrap_lines=True)
