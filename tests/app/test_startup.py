"""The warm start (serve.py, app_pages/startup.py): after warm_up() the pages open no dataset and import nothing of
the project's, so the first visitor's page costs what a later visitor's does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.web.server.app_discovery import discover_asgi_app

from app_pages import session
from app_pages.startup import page_modules, warm_up
from service import OrgService
from tests.conftest import MINI, ROOT

OURS = ("app_pages", "views", "graph", "usecases", "service", "settings", "i18n", "exporters", "queries")


def test_page_modules_are_what_the_pages_import() -> None:
    names = page_modules()
    for page_import in ("views.agency_panel", "views.sankey", "views.overlay", "graph.diff.report", "pandas"):
        assert page_import in names


def test_streamlit_runs_serve_py_as_an_app_with_a_start_up_hook() -> None:
    found = discover_asgi_app(ROOT / "serve.py")
    assert found.is_asgi_app and found.import_string == "serve:app"


@pytest.mark.parametrize("page", ["explorer", "compare"])
def test_after_warm_up_the_first_page_opens_nothing(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGRAPH_DATASET", str(MINI))
    monkeypatch.setenv("ORGRAPH_BACKEND", "networkx")
    session._open_service.clear()  # type: ignore[attr-defined]
    warm_up()
    loaded = set(sys.modules)

    def no_open(*args: object, **kwargs: object) -> OrgService:
        raise AssertionError("the page opened the dataset again")

    monkeypatch.setattr(OrgService, "open", no_open)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    assert at.title and at.title[0].value
    imported = sorted(m for m in set(sys.modules) - loaded if m.split(".")[0] in OURS)
    assert imported == [], f"the first {page} page imported {imported}: add them to the warm-up"
    assert Path(session.settings().dataset) == MINI
