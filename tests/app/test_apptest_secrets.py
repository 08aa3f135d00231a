"""The app never shows a Neo4j password: not from NEO4J_URI (bolt://user:password@host), not from NEO4J_PASSWORD."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import neo4j_settings
from tests.test_secrets import CLOSED_PORT_URI, SECRET, _with_credentials


def _everything_shown(at: Any) -> str:
    """The text of every element of the run (errors, code blocks, captions, buttons, markdown...)."""
    parts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "code",
        "exception",
    ):
        parts += [str(el.value) for el in getattr(at, kind)]
    parts += [str(b.label) for b in at.button]
    return "\n".join(parts)


def _open_on_neo4j(monkeypatch: pytest.MonkeyPatch, open_app: Any, uri: str, password: str | None = None) -> Any:
    monkeypatch.setenv("ORGRAPH_BACKEND", "neo4j")
    monkeypatch.setenv("NEO4J_URI", uri)
    if password is not None:
        monkeypatch.setenv("NEO4J_PASSWORD", password)
    return open_app("overview", params={"lang": "en"})


def test_unreachable_server_error_masks_the_uri_password(monkeypatch, open_app) -> None:
    at = _open_on_neo4j(monkeypatch, open_app, CLOSED_PORT_URI)
    shown = _everything_shown(at)
    assert at.error, "the app should say Neo4j is unreachable"
    assert "bolt://neo4j:***@127.0.0.1:1" in shown
    assert SECRET not in shown


@pytest.mark.neo4j
def test_wrong_password_in_uri_is_not_shown(monkeypatch, open_app, neo4j_driver) -> None:
    uri, user, _ = neo4j_settings()
    at = _open_on_neo4j(monkeypatch, open_app, _with_credentials(uri, user, SECRET))
    shown = _everything_shown(at)
    assert "authentication failed" in shown
    assert SECRET not in shown


@pytest.mark.neo4j
def test_wrong_password_in_environment_is_not_shown(monkeypatch, open_app, neo4j_driver) -> None:
    uri, _, _ = neo4j_settings()
    at = _open_on_neo4j(monkeypatch, open_app, uri, password=SECRET)
    shown = _everything_shown(at)
    assert "authentication failed" in shown
    assert SECRET not in shown
