"""Fixtures of the browser tests: chromium, the app on the mini dataset with a hostile agency, the app on the
Xilingol dataset, and a fresh 1600x1000 page that records every dialog (an XSS would fire one)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.app.browser.support import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, serve
from tests.app.conftest import make_hostile_copy
from tests.conftest import MINI, XILINGOL, require


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app serving the mini dataset plus a hostile agency, on the embedded backend."""
    require(CHROMIUM.exists(), f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)")
    dataset = make_hostile_copy(tmp_path_factory.mktemp("browser-data") / "mini-hostile", MINI)
    with serve(dataset, tmp_path_factory.mktemp("browser-log") / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def xilingol_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app serving data/xilingol (the dataset an analyst opens), on the embedded backend."""
    require(CHROMIUM.exists(), f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)")
    with serve(XILINGOL, tmp_path_factory.mktemp("browser-log") / "streamlit-xilingol.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require(CHROMIUM.exists(), f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def context(browser):  # type: ignore[no-untyped-def]
    """A browser context at 1600x1000 in which no request leaves this machine (every other host is aborted and
    recorded in `context.external`): the app must work offline."""
    ctx = browser.new_context(viewport=VIEWPORT, locale="zh-CN", accept_downloads=True)
    ctx.external = []

    def route(request_route):  # type: ignore[no-untyped-def]
        host = request_route.request.url.split("/")[2].rsplit(":", 1)[0]
        if host in ("127.0.0.1", "localhost", "[::1]"):
            return request_route.continue_()
        ctx.external.append(request_route.request.url)
        return request_route.abort()

    ctx.route("**/*", route)
    yield ctx
    ctx.close()


@pytest.fixture()
def page(context):  # type: ignore[no-untyped-def]
    """A fresh page that records every dialog (an XSS would fire one)."""
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    return tab
