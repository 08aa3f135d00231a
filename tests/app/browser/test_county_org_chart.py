"""The county org chart of data/xilingol (镶黄旗) in chromium at 1600x1000, as an analyst first sees it: the party
committee heads the top band in the first screen, next to the government; no box covers another; every label is at
least 12 px; the mouse wheel scrolls the page; a click on a box focuses that body through the URL (a copied link opens
the same focus) and the breadcrumb leads back."""

from __future__ import annotations

import pytest

from tests.app.browser.support import SMALLEST_TEXT, VIEWPORT, open_page, settle
from tests.conftest import XILINGOL

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Pairs of boxes whose rectangles intersect, leaving out a card and the cards nested in it.
OVERLAPS = r"""
(boxes) => {
  const out = [];
  const rects = boxes.map((b) => b.getBoundingClientRect());
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (boxes[i].contains(boxes[j]) || boxes[j].contains(boxes[i])) continue;
      const a = rects[i], b = rects[j];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
        out.push([boxes[i].dataset.id, boxes[j].dataset.id]);
      }
    }
  }
  return out;
}
"""


def _county():  # type: ignore[no-untyped-def]
    from loaders import load_dataset

    dataset = load_dataset(XILINGOL)
    county = next(j for j in dataset.jurisdictions if j.name_zh == "镶黄旗")
    latest = dataset.snapshot_ids()[-1]
    return dataset, county, latest, dataset.agencies_in(latest, county.id)


def test_the_party_committee_heads_the_top_band_and_no_box_covers_another(page, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    dataset, county, latest, agencies = _county()
    open_page(page, xilingol_server, f"explorer?lang=zh&j={county.id}&snap={latest}", "结构浏览")
    chart = page.locator(".orgchart").first
    chart.wait_for(timeout=60_000)
    party = next(a for a in agencies if a.type == "party_committee")
    government = next(a for a in agencies if a.type == "government")
    heads = chart.locator(".head")
    assert heads.first.get_attribute("data-id") == party.id  # the first (leftmost) head of the top band
    top, first = chart.bounding_box(), chart.locator(f"[data-id='{party.id}']").bounding_box()
    beside = chart.locator(f"[data-id='{government.id}']").first.bounding_box()
    assert top is not None and first is not None and beside is not None
    assert first["y"] - top["y"] < 80, "the party committee opens the chart"
    assert first["y"] + first["height"] <= VIEWPORT["height"], "seen without scrolling"
    assert abs(beside["y"] - first["y"]) < 5 and beside["x"] > first["x"], "the government beside it, in the band"
    boxes = chart.locator("[data-id]")
    assert {boxes.nth(i).get_attribute("data-id") for i in range(boxes.count())} >= {a.id for a in agencies}
    assert boxes.evaluate_all(OVERLAPS) == []
    sizes = boxes.evaluate_all("bs => bs.map(b => parseFloat(getComputedStyle(b).fontSize))")
    assert min(sizes) >= 12, min(sizes)
    page.mouse.move(first["x"] + 200, first["y"] + 300)
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(800)
    moved = chart.bounding_box()
    assert moved is not None and moved["y"] < top["y"] - 100, "the wheel scrolls the page, not a zoom of the chart"


def test_a_click_on_a_box_focuses_that_body_through_the_url(page, context, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    dataset, county, latest, agencies = _county()
    open_page(page, xilingol_server, f"explorer?lang=zh&j={county.id}&snap={latest}", "结构浏览")
    target = next(a for a in agencies if a.type == "ecology_environment")
    page.locator(".orgchart").first.locator(f"[data-id='{target.id}']").first.click()
    settle(page)
    page.wait_for_url(f"**agency={target.id}**", timeout=60_000)
    heading = page.get_by_role("heading", name=target.name_zh).first
    heading.wait_for(timeout=60_000)
    page.locator("iframe").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)  # the chain chart fits itself once it has a size
    size, text, _ = page.evaluate(SMALLEST_TEXT)
    assert size >= 11.99, f"{text!r} is drawn at {size:.1f} px in the focus view"

    copy = context.new_page()  # the URL is the whole state: a copied link opens the same focus
    copy.goto(page.url)
    copy.get_by_role("heading", name=target.name_zh).first.wait_for(timeout=90_000)
    copy.close()

    page.get_by_role("button", name="← 返回整体结构").click()
    settle(page)
    page.wait_for_url(lambda url: "agency=" not in url, timeout=60_000)
    page.locator(".orgchart").first.wait_for(timeout=60_000)
    assert not page.dialogs  # type: ignore[attr-defined]


@pytest.mark.parametrize("name,heading", [("compare", "改革前后对比"), ("export", "导出")])
def test_the_county_s_compare_and_export_views_read_at_12_px(page, xilingol_server, name, heading) -> None:  # type: ignore[no-untyped-def]
    """One county, not the default scope: the Compare panes and the Export preview at the default zoom."""
    dataset, county, latest, agencies = _county()
    open_page(page, xilingol_server, f"{name}?lang=zh&j={county.id}&snap={latest}", heading)
    if name == "export":
        _preview(page)
    else:  # the county's panes are its two org charts
        page.locator(".orgchart").nth(1).wait_for(timeout=60_000)
    size, text, _ = page.evaluate(SMALLEST_TEXT)
    assert size >= 11.99, f"{text!r} is drawn at {size:.1f} px"


def _preview(page):  # type: ignore[no-untyped-def]
    """The Export page's SVG preview: the frame views.widgets.show_svg draws it in, once its text is there."""
    page.get_by_text("预览图表 (SVG)").click()
    settle(page)
    page.locator("iframe").last.wait_for(timeout=60_000)  # under load the frame may come after the run ends
    frame = next(f for f in reversed(page.frames) if f != page.main_frame)
    frame.locator("svg text").first.wait_for(timeout=60_000)
    return frame


def test_the_export_preview_puts_the_party_committee_in_its_top_band(page, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    dataset, county, latest, agencies = _county()
    open_page(page, xilingol_server, f"export?lang=zh&j={county.id}&snap={latest}", "导出")
    frame = _preview(page)
    party = next(a for a in agencies if a.type == "party_committee")
    tops = frame.locator("svg text").evaluate_all(
        f"ts => ts.filter(t => t.textContent.includes('{party.name_zh}')).map(t => t.getBoundingClientRect().y)"
    )
    assert tops and min(tops) < 200, f"the party committee is drawn at y={tops} in the preview"


def test_the_export_preview_opens_on_the_party_committee(page, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    """A county's diagram is wider than the frame; the frame opens scrolled to its top box, the party committee,
    which is in view whole (not at the left edge of a drawing whose top band is off to the right)."""
    dataset, county, latest, agencies = _county()
    open_page(page, xilingol_server, f"export?lang=zh&j={county.id}&snap={latest}", "导出")
    frame = _preview(page)
    party = next(a for a in agencies if a.type == "party_committee")
    frame.wait_for_function("() => window.scrollX > 0", timeout=30_000)
    box = frame.locator("g.node", has_text=party.name_zh).first.evaluate(
        "n => { const r = n.getBoundingClientRect(); return [r.left, r.right, window.innerWidth, window.scrollX]; }"
    )
    left, right, width, scrolled = box
    assert scrolled > 0 and 0 <= left and right <= width, f"party committee box {left:.0f}-{right:.0f} of {width}"
