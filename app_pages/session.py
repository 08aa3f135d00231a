"""The session's service and settings: one loaded graph per dataset, backend and server, shared by every session
through Streamlit's resource cache; the reader's language. Pages take these through app_pages.common."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import streamlit as st

from graph.errors import BackendUnavailable, InvalidRequest, OrgraphError, mask_uri
from i18n import t
from service import OrgService
from settings import Settings

__all__ = ["get_service", "lang", "open_configured", "settings"]


def lang() -> str:
    return st.session_state.get("w_lang", "zh") if st.session_state.get("w_lang") in ("zh", "en") else "zh"


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


def _cache_key(config: Settings, backend: str) -> tuple[str, str, str]:
    """_open_service's arguments for `config` on `backend`: the page and the start-up warm-up must agree on them."""
    return str(Path(config.dataset)), backend, _server_key(config) if backend == "neo4j" else ""


def open_configured() -> OrgService:
    """The configured dataset's service, outside any page (serve.py opens it when the server starts, so the first
    visitor finds it in the resource cache); the dataset's errors are raised, for the page to show."""
    config = settings()
    return _open_service(*_cache_key(config, config.effective_backend))


def get_service() -> OrgService:
    """The service for this session; shows loading, a fallback offer for Neo4j, or the dataset's errors."""
    config = settings()
    backend = st.session_state.get("backend_override") or config.effective_backend
    try:
        with st.spinner(t("loading", lang())):
            return _open_service(*_cache_key(config, backend))
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
