"""The app in a real headless browser: `streamlit run app.py` on a free port, driven with Playwright + chromium.

Asserts what a person would see: Chinese labels, the org chart drawn, a hostile agency name shown as text
with no alert dialog, a named query's result table. Screenshots go to tests/artifacts/ (git-ignored); set
ORGRAPH_UPDATE_SCREENSHOTS=1 to copy the best one (a county's chart) to docs/screenshots/browser-explorer.png.
(The README's own screenshots of data/xilingol are taken the same way, against that dataset.)
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.app.browser.support import PAGES, VIEWPORT, open_page, settle
from tests.app.conftest import HOSTILE_ID, HOSTILE_NAME
from tests.conftest import MINI, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"
BEST_SHOT = "explorer-county"
_open, _settle = open_page, settle


def _shoot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if name == BEST_SHOT and os.environ.get("ORGRAPH_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SCREENSHOTS / "browser-explorer.png")
    return path


def _chart_frame(page, index: int = 0):  # type: ignore[no-untyped-def]
    """The Playwright frame of the index-th chart (an st.iframe holding a vis-network page)."""
    page.locator("iframe").nth(index).wait_for(timeout=30_000)
    frames = [f for f in page.frames if f != page.main_frame]
    for frame in frames:
        try:
            frame.wait_for_function("() => typeof network !== 'undefined' && nodes.length >= 0", timeout=30_000)
        except Exception:  # noqa: BLE001, S112 - not a chart frame
            continue
    charts = [f for f in frames if f.evaluate("() => typeof network !== 'undefined'")]
    return charts[index]


def _org_chart(page):  # type: ignore[no-untyped-def]
    """The Explorer's org chart (our components-v2 element; Playwright's CSS locators reach into its shadow root)."""
    chart = page.locator(".orgchart").first
    chart.wait_for(timeout=60_000)
    return chart


def _pick(page, label: str, option: str) -> None:  # type: ignore[no-untyped-def]
    """Choose `option` in the Streamlit selectbox labelled `label`."""
    page.get_by_role("combobox", name=label).first.click()
    page.get_by_role("option", name=option, exact=True).first.click()
    _settle(page)


@pytest.mark.parametrize(
    "name,heading",
    [
        ("overview", None),
        ("explorer", "结构浏览"),
        ("compare", "改革前后对比"),
        ("cypher", "Cypher 查询"),
        ("export", "导出"),
    ],
)
def test_every_page_renders_in_chinese(page, server, name, heading) -> None:  # type: ignore[no-untyped-def]
    _open(page, server, PAGES[name], heading or _mini_title())
    assert page.locator("[data-testid='stException']").count() == 0
    nav = page.locator("[data-testid='stSidebarNav']")
    for label in ("总览", "结构浏览", "改革前后对比", "导出"):
        assert nav.get_by_text(label, exact=True).is_visible()
    if name == "explorer":
        assert _org_chart(page).locator("[data-id]").count() > 0
    if name == "compare":  # one jurisdiction: its two org charts, then the network pictures when asked for
        charts = page.locator(".orgchart")
        charts.nth(1).wait_for(timeout=30_000)
        assert charts.nth(0).locator("[data-id]").count() > 0 and charts.nth(1).locator("[data-id]").count() > 0
        _open(page, server, PAGES[name] + "?panes=network", heading or _mini_title())
        frame = _chart_frame(page)
        assert frame.evaluate("() => nodes.length") > 0
        assert frame.locator("canvas").count() == 1
        page.wait_for_timeout(600)  # the chart fits itself once it has a size
        font = frame.evaluate("() => network.getScale() * 14")  # 14 px labels at the chart's default zoom
        assert font >= 11.99, f"labels drawn at {font:.1f} px"
    _shoot(page, name)
    assert not page.dialogs  # type: ignore[attr-defined]


def _mini_title() -> str:
    import tomllib

    with (MINI / "manifest.toml").open("rb") as handle:
        return tomllib.load(handle)["title_zh"]


def test_selecting_a_county_draws_its_agencies_with_chinese_labels(page, server) -> None:  # type: ignore[no-untyped-def]
    from loaders import load_dataset

    dataset = load_dataset(MINI)
    latest = dataset.snapshot_ids()[-1]
    county = dataset.bottom_jurisdictions()[-1]
    _open(page, server, "explorer", "结构浏览")
    _pick(page, "地区", county.name_zh)
    page.get_by_role("heading", name=county.name_zh).first.wait_for(timeout=60_000)  # the rerun may still be drawing
    chart = _org_chart(page)
    labels = chart.locator("[data-id]").all_inner_texts()
    for agency in dataset.agencies_in(latest, county.id):
        assert any(label.startswith(agency.name_zh) for label in labels), agency.name_zh
    _shoot(page, "explorer-county")


def test_a_hostile_agency_name_is_shown_as_text_and_runs_nothing(page, server) -> None:  # type: ignore[no-untyped-def]
    _open(page, server, "explorer", "结构浏览")
    page.get_by_label("搜索机构（中文或英文名）").fill("onerror")
    page.keyboard.press("Enter")
    _settle(page)
    page.get_by_role("combobox", name="匹配的机构").first.click()
    page.get_by_role("option").filter(has_text="onerror").first.click()
    _settle(page)
    heading = page.get_by_role("heading", name=HOSTILE_NAME)
    heading.first.wait_for(timeout=60_000)
    assert heading.first.is_visible(), "the name must appear as text"
    assert page.locator("img[src='x']").count() == 0
    frame = _chart_frame(page)
    assert frame.locator("img[src='x']").count() == 0
    assert HOSTILE_ID in frame.evaluate("() => nodes.getIds()")
    # hover the agency so its tooltip (built from escaped HTML) is shown, then make sure nothing fired
    box = frame.evaluate(f"() => network.canvasToDOM(network.getPositions(['{HOSTILE_ID}'])['{HOSTILE_ID}'])")
    frame_box = page.locator("iframe").first.bounding_box()
    page.mouse.move(frame_box["x"] + box["x"], frame_box["y"] + box["y"])
    page.wait_for_timeout(800)
    tooltip = frame.locator("div.vis-tooltip")
    if tooltip.count() and tooltip.first.is_visible():
        assert HOSTILE_NAME in tooltip.first.inner_text()
    assert frame.locator("img[src='x']").count() == 0
    _shoot(page, "explorer-hostile")
    assert "agency=" in page.url
    assert not page.dialogs  # type: ignore[attr-defined]


def test_running_a_named_query_shows_its_rows(page, server) -> None:  # type: ignore[no-untyped-def]
    from queries import all_queries

    query = all_queries()[0]
    _open(page, server, "cypher", "Cypher 查询")
    _pick(
        page, "从已命名查询开始", f"{query.title_in('zh')} ({query.name})"
    )  # the Chinese title in the Chinese interface
    page.get_by_role("button", name="运行").click()
    _settle(page)
    page.get_by_text("行，用时").first.wait_for(timeout=60_000)  # the caption above the result table
    table = page.locator("[data-testid='stDataFrame']").first
    table.wait_for(timeout=60_000)
    assert table.is_visible()
    assert f"qn={query.name}" in page.url
    _shoot(page, "cypher-result")


def test_a_copied_link_opens_the_same_view(page, server) -> None:  # type: ignore[no-untyped-def]
    from loaders import load_dataset

    dataset = load_dataset(MINI)
    county = dataset.bottom_jurisdictions()[-1]
    first = dataset.snapshot_ids()[0]
    _open(page, server, f"explorer?j={county.id}&snap={first}&lang=en", "Explorer")
    assert page.get_by_role("heading", name=county.name_en).first.is_visible()
    boxes = _org_chart(page).locator("[data-id]")
    ids = {boxes.nth(i).get_attribute("data-id") for i in range(boxes.count())}
    assert {a.id for a in dataset.agencies_in(first, county.id)} == ids


def _download(tab, label: str):  # type: ignore[no-untyped-def]
    """Click a download button and return the download; a click that lands while the app is rerunning is
    lost, so it is retried (the file is made on the server when the click arrives)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect

    for attempt in range(3):
        _settle(tab)
        button = tab.get_by_role("button", name=label).first
        expect(button).to_be_enabled(timeout=120_000)  # disabled while a previous download's rerun is under way
        try:
            with tab.expect_download(timeout=60_000) as info:
                button.click()
            return info.value
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def test_export_downloads_a_diagram_and_data(browser, server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    tab = context.new_page()
    try:
        _open(tab, server, "export", "导出")
        svg_download = _download(tab, "下载 SVG")
        svg = Path(svg_download.path()).read_text(encoding="utf-8")
        assert svg_download.suggested_filename.endswith(".svg") and "<svg" in svg
        json_download = _download(tab, "下载 JSON")
        assert Path(json_download.path()).read_bytes().lstrip().startswith(b"{")
        _shoot(tab, "export")
    finally:
        context.close()


def test_the_org_chart_reads_at_its_default_size_and_a_click_focuses_a_body(browser, server) -> None:  # type: ignore[no-untyped-def]
    """At 1600x1000: every label is at least 12 px, the party committee sits in the top band, and clicking a box
    focuses that body and puts it in the URL (a breadcrumb then leads back)."""
    from loaders import load_dataset

    dataset = load_dataset(MINI)
    county = dataset.bottom_jurisdictions()[-1]
    latest = dataset.snapshot_ids()[-1]
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    tab = context.new_page()
    try:
        _open(tab, server, f"explorer?j={county.id}&snap={latest}", "结构浏览")
        chart = _org_chart(tab)
        sizes = chart.locator("[data-id]").evaluate_all(
            "boxes => boxes.map(b => parseFloat(getComputedStyle(b).fontSize))"
        )
        assert sizes and min(sizes) >= 12, sizes
        party = next(a for a in dataset.agencies_in(latest, county.id) if a.type == "party_committee")
        heads = chart.locator(".head")
        assert heads.first.get_attribute("data-id") == party.id  # the first box of the top band
        top = chart.bounding_box()
        box = chart.locator(f"[data-id='{party.id}']").bounding_box()
        assert top is not None and box is not None and box["y"] - top["y"] < 80
        target = next(a for a in dataset.agencies_in(latest, county.id) if a.category.value == "government")
        chart.locator(f"[data-id='{target.id}']").first.click()
        _settle(tab)
        tab.wait_for_url(f"**agency={target.id}**", timeout=60_000)
        tab.get_by_role("heading", name=target.name_zh).first.wait_for(timeout=60_000)
        _shoot(tab, "explorer-focus")
        tab.get_by_role("button", name="← 返回整体结构").click()
        _settle(tab)
        tab.wait_for_url(lambda url: "agency=" not in url, timeout=60_000)  # a loaded machine writes the URL late
    finally:
        context.close()


def test_filters_narrow_the_org_chart_in_the_browser_and_the_result_graph_reads_at_12_px(browser, server) -> None:  # type: ignore[no-untyped-def]
    """At 1600x1000: a category filter from the URL narrows the org chart to those bodies and the leading frame, its
    labels stay at least 12 px; a Cypher result graph draws its captions at 12 px or more, with a legend in words."""
    from urllib.parse import quote

    from loaders import load_dataset

    dataset = load_dataset(MINI)
    county = dataset.bottom_jurisdictions()[-1]
    latest = dataset.snapshot_ids()[-1]
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="zh-CN")
    tab = context.new_page()
    try:
        _open(tab, server, f"explorer?j={county.id}&snap={latest}&cat=party", "结构浏览")
        chart = _org_chart(tab)
        ids = set(chart.locator("[data-id]").evaluate_all("boxes => boxes.map(b => b.getAttribute('data-id'))"))
        inside = dataset.agencies_in(latest, county.id)
        assert ids == {a.id for a in inside if a.category.value in ("party", "leadership")}
        sizes = chart.locator("[data-id]").evaluate_all(
            "boxes => boxes.map(b => parseFloat(getComputedStyle(b).fontSize))"
        )
        assert sizes and min(sizes) >= 12, sizes
        assert "cat=party" in tab.url
        _shoot(tab, "explorer-filtered")

        text = (
            "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency)-[i:IN]->(j:Jurisdiction) "
            f"WHERE a.dataset = $dataset AND a.jurisdiction = '{county.id}' RETURN a, r, b, i, j"
        )
        _open(tab, server, f"cypher?cq={quote(text)}&run=1", "Cypher 查询")
        frame = _chart_frame(tab)
        tab.wait_for_timeout(600)  # the chart fits itself once it has a size
        font = frame.evaluate("() => network.getScale() * 14")
        assert font >= 11.99, f"captions drawn at {font:.1f} px"
        legend = frame.locator(".legend").inner_text()
        assert "领导" in legend and "所在地区（IN）" in legend and "地区（Jurisdiction）" in legend
        _shoot(tab, "cypher-result-graph")
    finally:
        context.close()


def test_the_export_preview_draws_its_labels_at_12_px_or_more(page, server) -> None:  # type: ignore[no-untyped-def]
    """The SVG preview is shown at its natural size in a frame that scrolls, not shrunk to the column (~3 px text)."""
    _open(page, server, "export", "导出")
    page.get_by_text("预览图表 (SVG)").click()
    _settle(page)
    page.locator("iframe").last.wait_for(timeout=60_000)
    frame = next(f for f in reversed(page.frames) if f != page.main_frame)
    frame.locator("svg text").first.wait_for(timeout=60_000)
    sizes = frame.locator("svg text").evaluate_all(
        "ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM() || {a: 1}).a)"
    )
    assert sizes and min(sizes) >= 11.99, min(sizes)
