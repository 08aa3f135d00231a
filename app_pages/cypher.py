"""Cypher: read-only queries in an editor that highlights Cypher and completes the graph's labels, types and
properties, from a named query (queries/) or this session's history. Results: a table, a CSV, and a graph of the
nodes and relationships they hold. Errors say what to do, in the interface language."""

from __future__ import annotations

import re
from typing import Any

import streamlit as st

from app_pages.common import get_service, lang, publish, tr, url_state
from graph.errors import OrgraphError
from views import render
from views.cypher_editor import HistoryEntry, cypher_editor, remember, show_history, typed_param, vocabulary
from views.cypher_output import editor_words, show_error, show_result

TEXT, REV, RAN, HISTORY = "w_cq", "cq_rev", "cypher_ran", "cypher_history"
service = get_service()
limits = service.settings
st.title(tr("cypher"))
st.caption(tr("limits", timeout=limits.cypher_timeout_s, cap=limits.cypher_row_cap, backend=service.backend))

named = {q.name: q for q in service.named_queries()}
choices = [""] + sorted(named)
name_key = url_state("qn", "", choices)
if TEXT not in st.session_state:
    url_text = st.query_params.get("cq")
    chosen = named.get(st.session_state[name_key])
    remembered = st.session_state.get("_view", {}).get("cq", "")
    st.session_state[TEXT] = url_text if url_text is not None else (chosen.text if chosen else remembered)
    st.session_state[REV] = st.session_state.get(REV, 0) + 1


@st.cache_data(show_spinner=False, max_entries=4)
def _vocabulary(dataset_id: str, backend: str) -> dict[str, Any]:
    """The graph's labels, types and properties for completion, read once per dataset and backend."""
    try:
        return vocabulary(lambda text: service.query(text).rows)
    except OrgraphError:  # completion is a help: without it the editor still edits
        return vocabulary(lambda text: [])


def _replace(text: str, *, run: bool = False) -> None:
    """Put `text` in the editor (replacing what was typed) and, with `run`, run it."""
    st.session_state[TEXT] = text
    st.session_state[REV] = st.session_state.get(REV, 0) + 1
    st.session_state[RAN] = run


def _on_pick() -> None:
    """A new named query replaces the editor text and resets its parameters to the query's defaults."""
    query = named.get(st.session_state[name_key])
    _replace(query.text if query else "")
    for key in [k for k in st.session_state if str(k).startswith("w_p_")]:
        del st.session_state[key]


def _show_history() -> None:
    with past:
        show_history(st.session_state.get(HISTORY, []), _again, tr("history"), tr("history_empty"), tr("history_again"))


def _again(index: int) -> None:
    """A history entry back in the editor, with its parameters, and run."""
    entry = st.session_state[HISTORY][index]
    _replace(entry.text, run=True)
    for name, value in entry.params.items():
        st.session_state[f"w_p_{name}"] = value


edit, past = st.columns([3, 1], gap="medium")
with edit:
    st.selectbox(
        tr("named_query"),
        choices,
        key=name_key,
        on_change=_on_pick,
        format_func={n: f"{named[n].title_in(lang())} ({n})" if n else tr("custom") for n in choices}.get,
    )
    query = named.get(st.session_state[name_key])
    if query and query.description_in(lang()):
        st.caption(render.md(query.description_in(lang())))
    cypher_editor(
        st.session_state[TEXT],
        rev=st.session_state[REV],
        vocab=_vocabulary(service.dataset_id, service.backend),
        words=editor_words(lang()),
        key="cypher_editor",
        on_text=lambda text: st.session_state.__setitem__(TEXT, text),
        on_run=lambda text: (st.session_state.__setitem__(TEXT, text), st.session_state.__setitem__(RAN, True)),
    )
    text = st.session_state[TEXT]
    param_names = [p for p in dict.fromkeys(re.findall(r"\$(\w+)", text or "")) if p != "dataset"]
    values: dict[str, str] = {}
    if param_names:
        st.markdown(f"**{tr('params')}**")
        cols = st.columns(min(4, len(param_names)))
        for i, pname in enumerate(param_names):
            default = query.defaults.get(pname, "") if query else ""
            with cols[i % len(cols)]:
                values[pname] = st.text_input(f"${pname}", key=url_state(f"p_{pname}", default), help=tr("param_help"))
    clicked = st.button(tr("run"), type="primary")
ran = clicked or st.session_state.get(RAN) or st.query_params.get("run") == "1"
st.session_state[RAN] = bool(ran)
publish(
    qn=st.session_state[name_key] or None,
    cq=(None if query and text == query.text else text) or None,
    run="1" if ran else None,
    **{f"p_{k}": (v if not query or v != query.defaults.get(k, "") else None) for k, v in values.items()},
)

history: list[HistoryEntry] = st.session_state.setdefault(HISTORY, [])
if ran and (text or "").strip():
    try:
        if query and text == query.text:  # a named query's required parameter left empty: say which one
            query.check_params(values)
        with st.spinner(tr("running")):
            result = service.query(text, {k: typed_param(v) for k, v in values.items()})
    except OrgraphError as exc:
        st.session_state[HISTORY] = remember(history, HistoryEntry(text, values, None))
        _show_history()
        show_error(exc, text, lang(), timeout_s=limits.cypher_timeout_s)
        st.stop()
    st.session_state[HISTORY] = remember(history, HistoryEntry(text, values, len(result.rows)))
    show_result(result, lang(), row_cap=limits.cypher_row_cap, max_drawn=limits.max_drawn_elements)
_show_history()
