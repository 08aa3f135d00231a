"""A click on a body in a vis-network chart focuses it on the Explorer through the URL (?agency=<id>), as a click in
the org chart does: in a Compare pane, in the Explorer's focus chart and in the Cypher result graph. The chart is a
canvas, so the test asks the chart's own network where the node is drawn (getPositions, then canvasToDOM) and clicks
there, as a person would."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlparse

import pytest

from tests.app.browser.support import open_page, settle
from tests.conftest import XILINGOL

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: In a chart's frame: the agencies drawn well inside the visible canvas, as [id, x, y] in the frame's CSS pixels.
VISIBLE_AGENCIES = r"""
() => {
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  const out = [];
  nodes.get({filter: (n) => n.agency}).forEach((n) => {
    const at = network.canvasToDOM(network.getPositions([n.id])[n.id]);
    if (at.x > 40 && at.x < box.width - 40 && at.y > 30 && at.y < box.height - 30) out.push([n.id, at.x, at.y]);
  });
  return out;
}
"""

RESULT = (
    "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency)\nWHERE a.dataset = $dataset AND a.snapshot = $snap "
    "AND a.jurisdiction = $county AND b.type = 'government'\nRETURN a, r, b LIMIT 6"
)


def _county():  # type: ignore[no-untyped-def]
    from loaders import load_dataset

    dataset = load_dataset(XILINGOL)
    county = next(j for j in dataset.jurisdictions if j.name_zh == "镶黄旗")
    return dataset, county, dataset.snapshot_ids()


def _chart_frames(page):  # type: ignore[no-untyped-def]
    """The frames that hold a vis-network chart, once each has drawn."""
    page.locator("iframe").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)  # a chart fits itself once its frame has a size
    found = []
    for frame in page.frames:
        if frame == page.main_frame:
            continue
        try:
            drawn = frame.evaluate("typeof network !== 'undefined' && typeof nodes !== 'undefined'")
            if drawn and frame.frame_element().is_visible():  # not one in a closed tab
                found.append(frame)
        except Exception:  # noqa: BLE001 - a frame still loading, or the org chart's: not a vis chart
            continue
    assert found, "no vis-network chart on the page"
    return found


def _click_an_agency(page, frame, avoid: str = ""):  # type: ignore[no-untyped-def]
    """Click the first agency drawn in `frame` (other than `avoid`); returns its id."""
    frame.frame_element().scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    visible = [v for v in frame.evaluate(VISIBLE_AGENCIES) if v[0] != avoid]
    assert visible, "no agency drawn inside the chart's frame"
    agency_id, x, y = visible[0]
    origin = frame.frame_element().bounding_box()
    assert origin is not None
    page.mouse.click(origin["x"] + x, origin["y"] + y)
    return str(agency_id)


def _assert_focused(page, dataset, agency_id: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_url(lambda url: parse_qs(urlparse(url).query).get("agency") == [agency_id], timeout=60_000)
    assert urlparse(page.url).path.endswith("/explorer")
    agency = dataset.agency(agency_id)
    assert agency is not None, f"{agency_id} is not an agency"
    page.get_by_role("heading", name=agency.name_zh).first.wait_for(timeout=90_000)
    assert not page.dialogs  # type: ignore[attr-defined]


def test_a_click_in_a_compare_pane_focuses_that_body_on_the_explorer(page, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    dataset, county, snaps = _county()
    open_page(
        page,
        xilingol_server,
        f"compare?lang=zh&j={county.id}&before={snaps[0]}&after={snaps[-1]}&panes=network",
        "改革前后对比",
    )
    frames = _chart_frames(page)
    agency_id = _click_an_agency(page, frames[-1])
    _assert_focused(page, dataset, agency_id)
    assert parse_qs(urlparse(page.url).query).get("lang") == ["zh"], "the language goes along"


def test_a_click_in_the_focus_chart_moves_the_focus_and_keeps_the_view(page, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    dataset, county, snaps = _county()
    start = next(a for a in dataset.agencies_in(snaps[-1], county.id) if a.type == "government")
    open_page(page, xilingol_server, f"explorer?lang=zh&j={county.id}&snap={snaps[-1]}&agency={start.id}", "结构浏览")
    page.get_by_role("heading", name=start.name_zh).first.wait_for(timeout=60_000)
    frame = _chart_frames(page)[0]
    agency_id = _click_an_agency(page, frame, avoid=start.id)
    _assert_focused(page, dataset, agency_id)
    query = parse_qs(urlparse(page.url).query)
    assert query.get("j") == [county.id] and query.get("snap") == [snaps[-1]], "the Explorer's view stays"


def test_a_click_in_the_cypher_result_graph_focuses_that_body(page, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    dataset, county, snaps = _county()
    path = f"cypher?lang=zh&cq={quote(RESULT)}&p_snap={snaps[-1]}&p_county={county.id}&run=1"
    open_page(page, xilingol_server, path, "Cypher 查询")
    settle(page)
    agency_id = _click_an_agency(page, _chart_frames(page)[0])
    _assert_focused(page, dataset, agency_id)


def test_a_click_in_a_compare_org_chart_focuses_that_body_on_the_explorer(page, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    """One county's panes are org charts: a body that ended is struck through on the before side, and a click on a
    box of the after side opens it on the Explorer."""
    dataset, county, snaps = _county()
    open_page(
        page, xilingol_server, f"compare?lang=zh&j={county.id}&before={snaps[0]}&after={snaps[-1]}", "改革前后对比"
    )
    charts = page.locator(".orgchart")
    charts.nth(1).wait_for(timeout=60_000)
    struck = charts.nth(0).locator(".ended > .name").first
    assert struck.evaluate("n => getComputedStyle(n).textDecorationLine") == "line-through"
    box = charts.nth(1).locator(".card.changed").first
    agency_id = box.get_attribute("data-id")
    assert agency_id
    box.locator(".name").first.click()
    page.wait_for_url(lambda url: urlparse(url).path.endswith("/explorer"), timeout=60_000)
    _assert_focused(page, dataset, agency_id)
