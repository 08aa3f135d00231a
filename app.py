"""orgraph's Streamlit app: the router. Page config, language switch, backend badge, navigation.

streamlit run app.py                                    # opens the default dataset (settings.py)
streamlit run serve.py                                  # the same, warmed up before the first visitor (make run)
ORGRAPH_DATASET=path/to/folder streamlit run app.py     # opens another dataset folder
The page title and captions come from the dataset's manifest ([interface], else its titles).
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import get_service, lang, publish, tr, url_state
from views import render

# An emoji, not a material icon: the browser would fetch that favicon from fonts.gstatic.com (the app works offline).
# Streamlit loads its emoji table for it (~0.1 s of a cold first page; serve.py loads it at start).
st.set_page_config(page_title="orgraph", page_icon="🏛️", layout="wide", initial_sidebar_state="expanded")

st.markdown(
    """<style>
    .block-container { padding-top: 2.2rem; padding-bottom: 2rem; max-width: 1500px; }
    [data-testid="stMetricValue"] { font-size: 1.7rem; }
    [data-testid="stSidebar"] { background: #f6f8fb; }
    </style>""",
    unsafe_allow_html=True,  # a constant style block; no data reaches it
)


def _relabel() -> None:
    """A new language: set every widget's value again, so a dropdown shows its choice in the new language at once
    (a widget whose value is not set keeps the label it was drawn with until it is touched)."""
    for key in [k for k in st.session_state if str(k).startswith("w_") and k != "w_lang"]:
        st.session_state[key] = st.session_state[key]


lang_key = url_state("lang", "zh", ["zh", "en"])  # before any text: the first run of ?lang=en is English too
with st.sidebar:
    st.radio(
        tr("language"),
        ["zh", "en"],
        key=lang_key,
        horizontal=True,
        format_func=lambda code: {"zh": "中文", "en": "English"}[code],
        on_change=_relabel,
    )
publish(lang=lang())

PAGES = [
    st.Page(
        "app_pages/overview.py", title=tr("overview"), icon=":material/dashboard:", url_path="overview", default=True
    ),
    st.Page("app_pages/explorer.py", title=tr("explorer"), icon=":material/account_tree:", url_path="explorer"),
    st.Page("app_pages/compare.py", title=tr("compare"), icon=":material/compare_arrows:", url_path="compare"),
    st.Page("app_pages/cypher.py", title=tr("cypher"), icon=":material/terminal:", url_path="cypher"),
    st.Page("app_pages/export.py", title=tr("export"), icon=":material/download:", url_path="export"),
]
page = st.navigation(PAGES)
if st.session_state.get("_page") != page.url_path:
    # Pages share URL parameter names (j, snap, …): drop the previous page's widget state so the new page seeds
    # its widgets from the URL or the remembered view instead of inheriting a stale widget binding.
    for key in [k for k in st.session_state if str(k).startswith("w_") and k != "w_lang"]:
        del st.session_state[key]
    st.session_state["_page"] = page.url_path

service = get_service()  # cached: a page switch reuses the loaded graph
title = service.dataset.title(lang())
st.set_page_config(page_title=f"orgraph · {title}")  # the dataset's own title, from its manifest
with st.sidebar:
    st.divider()
    st.caption(tr("dataset_badge", dataset=render.md(title)))
    st.caption(tr("backend_badge", backend=service.backend))
page.run()
