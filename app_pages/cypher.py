"""Cypher: ad-hoc read-only queries on the backend in use, starting from the named queries in queries/.

Results come as a table (with a CSV download) and, when they hold nodes or relationships, as a graph.
Errors are shown as their message; the time limit and the row cap are shown up front.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pandas as pd
import streamlit as st

from app_pages.common import get_service, lang, publish, show_chart, show_query_error, tr, url_state
from graph.csvcells import write_csv
from graph.errors import InvalidRequest, OrgraphError
from graph.layout import tree_layout
from views import render


def _cell(value: Any) -> Any:
    """Table cells: nodes (dicts) and lists as compact JSON, so the grid shows them as text."""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _text(value: Any) -> str:
    """A CSV cell as the CLI writes it (formula-like cells are escaped by write_csv)."""
    return "" if value is None else str(value)


def _link_style(rel_type: str, props: dict) -> str:
    if rel_type == "REPORTS_TO":
        return str(props.get("mode") or "leads")
    return "became" if rel_type == "BECAME" else "hosted"


service = get_service()
limits = service.settings
st.title(tr("cypher"))
st.caption(tr("limits", timeout=limits.cypher_timeout_s, cap=limits.cypher_row_cap, backend=service.backend))

named = {q.name: q for q in service.named_queries()}
choices = [""] + sorted(named)
name_key = url_state("qn", "", choices)
query_names = {n: f"{named[n].title_in(lang())} ({n})" if n else tr("custom") for n in choices}
text_key = "w_cq"
if text_key not in st.session_state:
    url_text = st.query_params.get("cq")
    chosen = named.get(st.session_state[name_key])
    st.session_state[text_key] = (
        url_text
        if url_text is not None
        else (chosen.text if chosen else st.session_state.get("_view", {}).get("cq", ""))
    )


def _on_pick() -> None:
    """A new named query replaces the editor text and resets its parameters to the query's defaults."""
    query = named.get(st.session_state[name_key])
    st.session_state[text_key] = query.text if query else ""
    for key in [k for k in st.session_state if str(k).startswith("w_p_")]:
        del st.session_state[key]
    st.session_state["cypher_ran"] = False


st.selectbox(tr("named_query"), choices, key=name_key, on_change=_on_pick, format_func=query_names.get)
query = named.get(st.session_state[name_key])
if query and query.description_in(lang()):
    st.caption(render.md(query.description_in(lang())))
text = st.text_area(tr("query_text"), key=text_key, height=180)

param_names = [p for p in dict.fromkeys(re.findall(r"\$(\w+)", text or "")) if p != "dataset"]
values: dict[str, str] = {}
if param_names:
    st.markdown(f"**{tr('params')}**")
    cols = st.columns(min(4, len(param_names)))
    for i, pname in enumerate(param_names):
        default = query.defaults.get(pname, "") if query else ""
        with cols[i % len(cols)]:
            values[pname] = st.text_input(
                f"${pname}", key=url_state(f"p_{pname}", default), help="text; :=json for a number or list, e.g. :=3"
            )


def _typed(raw: str) -> Any:
    """Parameter text as the CLI reads it: plain text, or `:=json` for a number, list or boolean."""
    if raw.startswith(":="):
        try:
            return json.loads(raw[2:])
        except json.JSONDecodeError as exc:
            raise InvalidRequest(f"parameter value {raw!r} is not valid JSON after ':=': {exc}") from exc
    return raw


ran = st.button(tr("run"), type="primary") or st.session_state.get("cypher_ran") or st.query_params.get("run") == "1"
st.session_state["cypher_ran"] = bool(ran)
custom_text = None if query and text == query.text else text
publish(
    qn=st.session_state[name_key] or None,
    cq=custom_text or None,
    run="1" if ran else None,
    **{f"p_{k}": (v if not query or v != query.defaults.get(k, "") else None) for k, v in values.items()},
)

if ran and (text or "").strip():
    try:
        with st.spinner(tr("running")):
            result = service.query(text, {k: _typed(v) for k, v in values.items()})
    except OrgraphError as exc:
        show_query_error(exc)
        st.stop()
    st.caption(tr("rows_in", n=len(result.rows), s=result.seconds) + f" · {result.backend}")
    if result.truncated:
        st.warning(tr("truncated", cap=limits.cypher_row_cap))
    frame = pd.DataFrame(
        [{c: _cell(row.get(c)) for c in result.columns} for row in result.rows], columns=result.columns
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    download = write_csv(result.columns, ([_text(_cell(row.get(c))) for c in result.columns] for row in result.rows))
    st.download_button(tr("download_csv"), download.encode("utf-8-sig"), file_name="query.csv", mime="text/csv")
    if result.nodes:
        st.markdown(f"**{tr('result_graph')}**")
        keys = [n.key for n in result.nodes][: limits.max_drawn_elements]
        pairs = [(r.start, r.end) for r in result.relationships if r.type in ("REPORTS_TO", "IN", "HOSTED_BY")]
        positions = tree_layout(keys, pairs)
        nodes = []
        for n in result.nodes:
            if n.key not in positions:
                continue
            props = dict(n.properties)
            name = str(props.get("name_en" if lang() == "en" else "name_zh") or props.get("name_zh") or n.key)
            category = str(props.get("category", ""))
            fill, border = render.CATEGORY_COLOURS.get(category, render.GROUP_COLOURS)
            nodes.append(
                render.ChartNode(
                    id=n.key,
                    label=name,
                    x=positions[n.key][0],
                    y=positions[n.key][1],
                    fill=fill,
                    border=border,
                    dashed=props.get("basis") == "modeled",
                    tooltip=render.tooltip(
                        name,
                        [(":".join(n.labels), n.key)]
                        + [(k, str(v)) for k, v in sorted(props.items()) if k not in ("name_zh", "name_en")],
                    ),
                )
            )
        drawn = {n.id for n in nodes}
        links = [
            render.ChartLink(
                r.start,
                r.end,
                _link_style(r.type, dict(r.properties)),
                tooltip=render.tooltip(r.type, [(k, str(v)) for k, v in sorted(r.properties.items())]),
            )
            for r in result.relationships
            if r.start in drawn and r.end in drawn
        ]
        show_chart(render.chart_html(nodes, links, height=520), 520)
