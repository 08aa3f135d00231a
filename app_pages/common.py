"""What every page shares: the cached service, the language, URL state, and the shared labels in that language.

A page's view lives in the URL: widgets are seeded from st.query_params (else from the view remembered in
this session, else a default) and every run writes the current choices back, so a copied link reopens it.
The labels and legends themselves live in views/labels.py; the wrappers here only add the session's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from app_pages.session import get_service, lang, settings
from graph.filters import ViewFilter
from graph.model import Category, Dataset, Snapshot
from i18n import t
from views import labels, render
from views.labels import LEAGUE, default_scope, default_snapshots, scope_options
from views.widgets import show_chart

__all__ = [
    "LEAGUE",
    "default_scope",
    "default_snapshots",
    "get_service",
    "lang",
    "publish",
    "scope_options",
    "settings",
    "show_chart",
    "snapshot_label",
    "tr",
    "url_state",
    "view_filter",
]


def tr(key: str, **values: object) -> str:
    """Interface text in the current language."""
    return t(key, lang(), **values)


def url_state(param: str, default: Any, valid: Sequence[Any] | None = None, cast: Any = str) -> str:
    """Seed the widget key for URL parameter `param` and return that key (give it to the widget as key=)."""
    key = f"w_{param}"
    view = st.session_state.setdefault("_view", {})
    if key in st.session_state and (valid is None or st.session_state[key] in valid):
        return key
    for raw in (st.query_params.get(param), view.get(param), default):
        if raw is None:
            continue
        try:
            value = cast(raw)
        except (TypeError, ValueError):
            continue
        if valid is None or value in valid:
            st.session_state[key] = value
            return key
    st.session_state[key] = default
    return key


def url_list(param: str, valid: Sequence[str]) -> str:
    """Seed a multiselect's key from a comma-separated URL parameter (unknown items dropped); return the key."""
    key = f"w_{param}"
    if key not in st.session_state:
        raw = st.query_params.get(param) or st.session_state.setdefault("_view", {}).get(param) or ""
        st.session_state[key] = [x for x in dict.fromkeys(str(raw).split(",")) if x in valid]
    return key


def view_filter() -> ViewFilter:
    """The category and reporting-mode filters (multiselects kept in the URL as cat= and mode=, comma-separated)."""
    categories, modes = [c.value for c in Category], [*labels.MODES, "hosted"]
    cat_names, mode_words = {c: labels.category_name(c, lang()) for c in categories}, labels.mode_names(lang())
    left, right = st.columns(2)
    cats = left.multiselect(
        tr("filter_categories"),
        categories,
        key=url_list("cat", categories),
        format_func=cat_names.get,
        placeholder=tr("filter_all"),
    )
    picked = right.multiselect(
        tr("filter_modes"), modes, key=url_list("mode", modes), format_func=mode_words.get, placeholder=tr("filter_all")
    )
    publish(cat=",".join(cats) or None, mode=",".join(picked) or None)
    return ViewFilter.of(cats, picked)


def publish(**values: Any) -> None:
    """Write the page's current choices to the URL (empty values are removed) and remember them."""
    view = st.session_state.setdefault("_view", {})
    for param, value in values.items():
        view[param] = value
        if value is None or value == "" or value == []:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get(param) != str(value):
            st.query_params[param] = str(value)


# ---- the shared labels (views/labels.py) in the session's language ---------------------------------------------
def snapshot_label(snapshot: Snapshot) -> str:
    return labels.snapshot_label(snapshot, lang())


def scope_label(dataset: Dataset, scope: str) -> str:
    return labels.scope_label(dataset, scope, lang())


def category_name(category: Category | str) -> str:
    return labels.category_name(category, lang())


def chart_legend(nodes: Sequence[render.ChartNode], links: Sequence[render.ChartLink]) -> render.Legend:
    return labels.chart_legend(nodes, links, lang())
