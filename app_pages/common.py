"""What every page shares: the cached service, the language, URL state, and small labelling helpers.

A page's view lives in the URL: widgets are seeded from st.query_params (else from the view remembered in
this session, else a default) and every run writes the current choices back, so a copied link reopens it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from graph.errors import (
    BackendUnavailable,
    CypherSyntaxError,
    CypherTimeout,
    InvalidRequest,
    OrgraphError,
    UnsupportedCypher,
    WriteRefused,
    mask_uri,
)
from graph.model import (
    Agency,
    Category,
    Dataset,
    Jurisdiction,
    Snapshot,
    SnapshotRole,
)
from i18n import t
from service import OrgService
from settings import Settings
from views import render

__all__ = [
    "category_legend",
    "get_service",
    "jurisdiction_label",
    "lang",
    "mode_names",
    "publish",
    "scope_options",
    "settings",
    "show_chart",
    "snapshot_label",
    "tr",
    "url_state",
]

LEAGUE = "all"  # the scope value that means "every jurisdiction" (a URL token, not a jurisdiction id)


def settings() -> Settings:
    """Settings from the environment, then Streamlit secrets (a missing secrets file is fine)."""
    try:
        secrets: dict[str, Any] = dict(st.secrets)
    except (FileNotFoundError, OrgraphError, Exception):  # noqa: BLE001 - no secrets.toml is the normal case
        secrets = {}
    try:
        return Settings.from_env(secrets=secrets)
    except InvalidRequest as exc:  # a setting out of bounds: name it instead of a traceback
        st.error(str(exc))
        st.stop()
    raise AssertionError("unreachable")


@st.cache_resource(show_spinner=False, max_entries=4)
def _open_service(dataset_path: str, backend: str, server: str) -> OrgService:
    """One loaded graph (and, for Neo4j, one driver) per dataset, backend and server, shared by every session.

    `server` is only the cache key (see _server_key): other credentials must open their own connection."""
    config = settings()
    return OrgService.open(dataset_path, backend=backend, settings=config, warm_cypher=True)


def _server_key(config: Settings) -> str:
    """The Neo4j server and credentials as a cache key that holds no password: the masked URI and a digest."""
    secret = "\0".join((config.neo4j_uri, config.neo4j_user, config.neo4j_password, config.neo4j_database))
    return f"{mask_uri(config.neo4j_uri)} {hashlib.sha256(secret.encode()).hexdigest()[:16]}"


def get_service() -> OrgService:
    """The service for this session; shows loading, a fallback offer for Neo4j, or the dataset's errors."""
    config = settings()
    backend = st.session_state.get("backend_override") or config.effective_backend
    try:
        with st.spinner(t("loading", lang())):
            return _open_service(str(Path(config.dataset)), backend, _server_key(config) if backend == "neo4j" else "")
    except BackendUnavailable as exc:
        st.error(t("neo4j_down", lang(), error=str(exc)))
        if st.button(t("use_embedded", lang()), type="primary"):
            st.session_state["backend_override"] = "networkx"
            st.rerun()
        st.stop()
    except OrgraphError as exc:
        st.error(t("dataset_error", lang()))
        st.code(str(exc), language=None)
        st.stop()
    raise AssertionError("unreachable")


def lang() -> str:
    return st.session_state.get("w_lang", "zh") if st.session_state.get("w_lang") in ("zh", "en") else "zh"


def tr(key: str, **values: object) -> str:
    """Interface text in the current language."""
    return t(key, lang(), **values)


def url_state(param: str, default: Any, valid: Sequence[Any] | None = None, cast: Any = str) -> str:
    """Seed the widget key for URL parameter `param` and return that key (give it to the widget as key=)."""
    key = f"w_{param}"
    view = st.session_state.setdefault("_view", {})
    if key in st.session_state and (valid is None or st.session_state[key] in valid):
        return key
    candidates = [st.query_params.get(param), view.get(param), default]
    for raw in candidates:
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


def snapshot_label(snapshot: Snapshot) -> str:
    label = snapshot.label_en if lang() == "en" else snapshot.label_zh
    label = label or snapshot.label_zh or snapshot.label_en
    return f"{snapshot.id} · {label}" if label else snapshot.id


def jurisdiction_label(j: Jurisdiction) -> str:
    return j.name(lang())


def scope_options(dataset: Dataset) -> list[str]:
    """The scope choices: everything first, then the upper tiers (without the root of the tree, which is only
    context, unless it is the bottom tier too), then every jurisdiction of the lowest tier."""
    bottom = dataset.bottom_jurisdictions()
    bottom_ids = {j.id for j in bottom}
    upper = [j.id for j in dataset.jurisdictions_by_rank() if j.parent is not None and j.id not in bottom_ids]
    return [LEAGUE, *upper, *(j.id for j in bottom)]


def default_scope(dataset: Dataset) -> str:
    """The first jurisdiction of the lowest tier: one place's chart is the view most people start from."""
    bottom = dataset.bottom_jurisdictions()
    return bottom[0].id if bottom else LEAGUE


def scope_label(dataset: Dataset, scope: str) -> str:
    if scope == LEAGUE:
        return tr("whole_league")
    j = dataset.jurisdiction(scope)
    return jurisdiction_label(j) if j else scope


def default_snapshots(dataset: Dataset) -> tuple[str, str]:
    """(before, after) by role, else the first and last snapshots in time order."""
    ids = dataset.snapshot_ids()
    before = next((s.id for s in dataset.snapshots if s.role is SnapshotRole.BEFORE), ids[0])
    after = next((s.id for s in dataset.snapshots if s.role is SnapshotRole.AFTER), ids[-1])
    return before, after


def mode_names() -> dict[str, str]:
    keys = [
        "leads",
        "manages",
        "unified",
        "dispatched",
        "entrusted",
        "guides",
        "office_in",
        "plate",
        "co_located",
        "hosted",
    ]
    return {k: tr(f"mode_{k}") for k in keys}


def category_name(category: Category | str) -> str:
    value = category.value if isinstance(category, Category) else category
    return tr(f"cat_{value}")


def category_legend(
    categories: Sequence[str] | None = None, *, context: bool = False, modes: Sequence[str] | None = None
) -> render.Legend:
    """Legend of the structure charts: category colours, reporting modes, the dashed-border rule."""
    cats = categories if categories is not None else [c.value for c in Category]
    boxes = [(category_name(c), *render.CATEGORY_COLOURS[c]) for c in render.CATEGORY_COLOURS if c in cats]
    if context:
        boxes.append((tr("context_node"), *render.CONTEXT_COLOURS))
    lines = [
        (tr(f"mode_{m}"), m)
        for m in ("leads", "manages", "unified", "dispatched", "entrusted", "guides")
        if modes is None or m in modes
    ]
    if modes is None or "hosted" in modes:
        lines.append((tr("mode_hosted"), "hosted"))
    return render.Legend(boxes=boxes, lines=lines, dashed_note=tr("modeled_dashed"))


def chart_legend(nodes: Sequence[render.ChartNode], links: Sequence[render.ChartLink]) -> render.Legend:
    """The legend for what a chart actually shows."""
    legend = category_legend(
        {n.category for n in nodes if n.category and not n.context},
        context=any(n.context for n in nodes),
        modes={link.style for link in links},
    )
    if any(n.id.startswith("group:") for n in nodes):
        legend.boxes.append((tr("group_node"), *render.GROUP_COLOURS))
    if any(link.style == "aggregate" for link in links):
        legend.lines.append((tr("aggregate_link"), "aggregate"))
    return legend


def agency_label(agency: Agency) -> str:
    """A one-line label for pickers: name, jurisdiction and snapshot (widgets show it as text)."""
    return f"{agency.name(lang())} · {agency.jurisdiction} · {agency.snapshot}"


def show_chart(page_html: str, height: int) -> None:
    """Embed a chart page made by render.chart_html (its labels are already escaped)."""
    st.iframe(page_html, height=height + 130)  # the chart, plus up to three legend rows


#: Error classes -> the interface string that says, in the reader's language, what happened and what to do.
_QUERY_ERRORS: tuple[tuple[type[OrgraphError], str], ...] = (
    (WriteRefused, "error_write_refused"),
    (CypherSyntaxError, "error_syntax"),
    (CypherTimeout, "error_timeout"),
    (UnsupportedCypher, "error_unsupported"),
)


def show_query_error(exc: OrgraphError) -> None:
    """A query's error: what to do in the interface language, then the engine's own words in monospace (so a
    parser's ^ marker lines up under the text it points at)."""
    key = next((k for cls, k in _QUERY_ERRORS if isinstance(exc, cls)), "error_query")
    st.error(tr(key))
    st.caption(tr("error_detail"))
    st.code(str(exc), language=None, wrap_lines=True)
