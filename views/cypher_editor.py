"""The Cypher page's editor: a Streamlit component of our own (components v2, inline, no build step, no network) with
Cypher syntax highlighting and completion of keywords, functions, and the labels, relationship types and
properties of the loaded graph, plus the per-session query history.

Why our own: the editor components on PyPI either fetch Monaco from a CDN at run time (streamlit-monaco*, which
breaks offline) or bundle Ace, which has no Cypher mode and no way to add one from Python (streamlit-ace,
streamlit-code-editor).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st

from graph.cypher_gate import FUNCTIONS, READ_KEYWORDS
from graph.errors import InvalidRequest
from views.render import md

__all__ = ["HistoryEntry", "cypher_editor", "history_label", "remember", "show_history", "typed_param", "vocabulary"]

_HERE = Path(__file__).resolve().parent
_EDITOR = st.components.v2.component(
    "orgraph_cypher_editor",
    js=(_HERE / "cypher_editor.js").read_text(encoding="utf-8"),
    css=(_HERE / "cypher_editor.css").read_text(encoding="utf-8"),
)

#: Functions offered for completion, in Neo4j's spelling (only those the read-only gate admits are kept).
_COMMON_FUNCTIONS = (
    "count collect size labels type keys properties coalesce toLower toUpper toString toInteger toFloat startNode "
    "endNode nodes relationships length head last id elementId exists min max sum avg substring replace split trim "
    "left right range reverse round abs shortestPath"
).split()
_CLAUSES = ("OPTIONAL MATCH", "ORDER BY", "STARTS WITH", "ENDS WITH", "IS NOT NULL", "IS NULL")

#: The graph's schema, read by Cypher itself, so completion offers what a query can actually match.
_SCHEMA_QUERIES = {
    "labels": "MATCH (n) WHERE n.dataset = $dataset RETURN DISTINCT labels(n) AS names",
    "types": "MATCH (a)-[r]->() WHERE a.dataset = $dataset RETURN DISTINCT type(r) AS names",
    "node_keys": "MATCH (n) WHERE n.dataset = $dataset UNWIND keys(n) AS k RETURN DISTINCT labels(n) AS owner, k",
    "rel_keys": "MATCH (a)-[r]->() WHERE a.dataset = $dataset UNWIND keys(r) AS k RETURN DISTINCT type(r) AS owner, k",
}


def _names(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def vocabulary(query: Callable[[str], Iterable[Mapping[str, Any]]]) -> dict[str, list[dict[str, str]]]:
    """Completion entries {value, kind, meta} read from the graph with `query` (rows of a read-only query).

    Labels and types come from the nodes and relationships present, properties with the labels or types that
    carry them; internal keys (a leading `_`) are left out."""
    labels = sorted({n for row in query(_SCHEMA_QUERIES["labels"]) for n in _names(row["names"])})
    types = sorted({n for row in query(_SCHEMA_QUERIES["types"]) for n in _names(row["names"])})
    owners: dict[str, set[str]] = {}
    for which in ("node_keys", "rel_keys"):
        for row in query(_SCHEMA_QUERIES[which]):
            if not str(row["k"]).startswith("_"):
                owners.setdefault(str(row["k"]), set()).update(_names(row["owner"]))
    keywords = sorted(READ_KEYWORDS) + list(_CLAUSES)
    return {
        "labels": [{"value": n, "kind": "label", "meta": ""} for n in labels],
        "types": [{"value": n, "kind": "type", "meta": ""} for n in types],
        "properties": [
            {"value": k, "kind": "property", "meta": ", ".join(sorted(o))} for k, o in sorted(owners.items())
        ],
        "keywords": [{"value": k, "kind": "keyword", "meta": ""} for k in keywords],
        "functions": [
            {"value": f, "kind": "function", "meta": ""} for f in _COMMON_FUNCTIONS if f.lower() in FUNCTIONS
        ],
    }


def cypher_editor(
    text: str,
    *,
    rev: int,
    vocab: Mapping[str, Any],
    words: Mapping[str, Any],
    key: str,
    on_text: Callable[[str], None],
    on_run: Callable[[str], None],
) -> None:
    """Show the editor holding `text`; a new `rev` replaces what the reader typed (a named query or a history
    entry was picked). `words` holds the interface text (label, placeholder, hint, kind names). The editor sends
    its text on blur (`on_text`) and on Ctrl+Enter (`on_run`), both before the next run."""

    def changed(name: str, callback: Callable[[str], None]) -> Callable[[], None]:
        def call() -> None:
            value = (st.session_state.get(key) or {}).get(name)
            if isinstance(value, str):
                callback(value)

        return call

    _EDITOR(
        data={"text": text, "rev": rev, "vocab": vocab, **words},
        key=key,
        on_text_change=changed("text", on_text),
        on_run_change=changed("run", on_run),
    )


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One query this session ran: its text and parameter values, and how it went (rows, or an error)."""

    text: str
    params: Mapping[str, str] = field(default_factory=dict)
    rows: int | None = None  # None: it failed


def remember(history: list[HistoryEntry], entry: HistoryEntry, limit: int = 30) -> list[HistoryEntry]:
    """The history with `entry` first; an earlier run of the same text and parameters moves up, not twice."""
    kept = [h for h in history if (h.text, dict(h.params)) != (entry.text, dict(entry.params))]
    return [entry, *kept][:limit]


def show_history(
    history: Sequence[HistoryEntry], again: Callable[[int], None], title: str, empty: str, help_text: str
) -> None:
    """This session's queries, newest first, as buttons; a click calls `again(index)` before the next run."""
    st.markdown(f"**{title}**")
    if not history:
        st.caption(empty)
    for i, entry in enumerate(history):
        label = f"{'✓' if entry.rows is not None else '✗'} {md(history_label(entry, 48))}"
        st.button(label, key=f"cypher_history_{i}", on_click=again, args=(i,), help=help_text, width="stretch")


def history_label(entry: HistoryEntry, width: int = 70) -> str:
    """A history entry as one line: the query's first non-comment line(s) squeezed to `width` characters."""
    lines = [ln.strip() for ln in entry.text.splitlines() if ln.strip() and not ln.strip().startswith("//")]
    flat = " ".join(lines) or entry.text.strip()
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def typed_param(raw: str) -> Any:
    """Parameter text as the CLI reads it: plain text, or `:=json` for a number, list or boolean."""
    if raw.startswith(":="):
        try:
            return json.loads(raw[2:])
        except json.JSONDecodeError as exc:
            raise InvalidRequest(f"parameter value {raw!r} is not valid JSON after ':=': {exc}") from exc
    return raw
