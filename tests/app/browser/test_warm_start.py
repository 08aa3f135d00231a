"""`streamlit run serve.py` (make run): the server warms up before it answers, then serves the same app."""

from __future__ import annotations

import pytest

from tests.app.browser.support import CHROMIUM, VIEWPORT, open_page, serve
from tests.conftest import MINI, require

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_serve_py_warms_up_before_the_first_visitor(browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    require(CHROMIUM.exists(), f"{CHROMIUM} is not installed")
    log = tmp_path / "serve.log"
    with serve(MINI, log, script="serve.py") as url:
        started = log.read_text(encoding="utf-8")
        assert "orgraph: warmed up in" in started, started[-2000:]  # logged before the server answered at all
        context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
        page = context.new_page()
        open_page(page, url, "explorer", "结构浏览")
        assert page.locator(".orgchart").first.is_visible()
        open_page(page, url, "compare", "改革前后对比")
        assert page.get_by_role("tab").count() == 5
        context.close()
    assert "Traceback" not in log.read_text(encoding="utf-8")
