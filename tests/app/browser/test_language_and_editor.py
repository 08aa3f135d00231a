"""The Xilingol app in chromium at 1600x1000, with every request to another host aborted: each page in one language
holds no text of the other (allowed exceptions listed below, with why); the county's own body comes first in a search;
the Cypher editor highlights, completes from the graph, runs, explains an error in words and re-runs from history."""

from __future__ import annotations

import pytest

from tests.app.browser.support import PAGES, SMALLEST_TEXT, VISIBLE_TEXT, open_page, other_language, settle
from tests.conftest import XILINGOL

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HEADINGS = {
    "explorer": ("结构浏览", "Explorer"),
    "compare": ("改革前后对比", "Compare"),
    "cypher": ("Cypher 查询", "Cypher"),
}
HEADINGS["export"] = ("导出", "Export")

#: Allowed in the Chinese interface, and why: product and format names, the language switch itself (it names
#: both languages on purpose), the key names of the editor's shortcut hint, the search box's example (it shows that
#: an English name is searched too), and the data value `modeled` quoted where the legend explains it.
ALLOWED_ZH = ("Cypher", "orgraph", "networkx", "English", "Language", "Ctrl+Enter", "Ctrl", "应急管理局 / emergency")
ALLOWED_ZH += ("（modeled）",)
#: Allowed in the English interface: the language switch, and the search box's example.
ALLOWED_EN = ("中文", "Language / 语言", "应急管理局 / emergency")


def _chinese_only_data() -> set[str]:
    """Dataset content that exists in Chinese only (a name without an English one) may show in English."""
    from loaders import load_dataset

    dataset = load_dataset(XILINGOL)
    named = [*dataset.agencies, *dataset.jurisdictions]
    return {x.name_zh for x in named if not x.name_en} | {s.label_zh for s in dataset.snapshots if not s.label_en}


def _title(lang: str) -> str:
    from loaders import load_dataset

    return load_dataset(XILINGOL).title(lang)


@pytest.mark.parametrize("first,then", [("zh", "en"), ("en", "zh")])
@pytest.mark.parametrize("name", list(PAGES))
def test_the_language_switch_leaves_no_text_of_the_other_language(
    page, context, xilingol_server, name, first, then
) -> None:  # type: ignore[no-untyped-def]
    """Opened in one language, then switched as a person flips it (no reload, no other click)."""
    headings = dict(zip(("zh", "en"), HEADINGS.get(name, (_title("zh"), _title("en")))))
    allowed = {"zh": ALLOWED_ZH, "en": (*ALLOWED_EN, *_chinese_only_data())}
    open_page(page, xilingol_server, f"{PAGES[name]}?lang={first}", headings[first])
    assert page.locator("[data-testid='stException']").count() == 0
    assert other_language(page.evaluate(VISIBLE_TEXT), first, allowed[first]) == []
    page.get_by_text({"zh": "中文", "en": "English"}[then], exact=True).click()
    page.get_by_role("heading", name=headings[then]).first.wait_for(timeout=90_000)
    settle(page)
    assert other_language(page.evaluate(VISIBLE_TEXT), then, allowed[then]) == []
    assert context.external == []  # nothing was fetched from another host
    assert not page.dialogs


#: What each page shows beyond its first view: the Cypher page a result graph, the Export page its preview.
RESULT_GRAPH = (
    "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency) WHERE a.dataset = $dataset AND a.snapshot = $snap "
    "AND a.jurisdiction = $county RETURN a, r, b"
)


@pytest.mark.parametrize("name", list(PAGES))
def test_every_label_reads_at_12_px_or_more(page, xilingol_server, name) -> None:  # type: ignore[no-untyped-def]
    """Text, charts (vis-network zoom) and pictures (an SVG's scale) at the default zoom of a 1600x1000 window."""
    from urllib.parse import quote

    from loaders import load_dataset

    dataset = load_dataset(XILINGOL)
    county, latest = dataset.bottom_jurisdictions()[0].id, dataset.snapshot_ids()[-1]
    path = f"{PAGES[name]}?lang=zh"
    if name == "cypher":
        path += f"&cq={quote(RESULT_GRAPH)}&p_snap={latest}&p_county={county}&run=1"
    open_page(page, xilingol_server, path, HEADINGS.get(name, (_title("zh"),))[0])
    if name == "cypher":
        page.get_by_text("结果中的节点与关系").first.wait_for(timeout=60_000)
    if name == "export":
        page.get_by_text("预览图表 (SVG)").click()
        settle(page)
        svg_frame = next(f for f in reversed(page.frames) if f != page.main_frame)  # views.widgets.show_svg's frame
        svg_frame.locator("svg text").first.wait_for(timeout=60_000)
    if name == "compare":  # the county's org charts (the network pictures: the test below)
        page.locator(".orgchart").nth(1).wait_for(timeout=60_000)
    if name == "cypher":
        page.locator("iframe").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)  # a chart fits itself to its frame once it has a size
    size, text, svg_texts = page.evaluate(SMALLEST_TEXT)
    assert size >= 11.99, f"{text!r} is drawn at {size:.1f} px"
    if name == "export":
        assert svg_texts > 20, "the preview's SVG labels were measured in their frame"


def test_compare_s_network_pictures_read_at_12_px_or_more(page, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    open_page(page, xilingol_server, "compare?lang=zh&panes=network", HEADINGS["compare"][0])
    page.locator("iframe").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)  # a chart fits itself to its frame once it has a size
    size, text, _ = page.evaluate(SMALLEST_TEXT)
    assert size >= 11.99, f"{text!r} is drawn at {size:.1f} px"


def test_a_search_in_a_county_puts_that_county_s_body_first(page, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    from loaders import load_dataset

    dataset = load_dataset(XILINGOL)
    county = next(j for j in dataset.jurisdictions if j.name_zh == "镶黄旗")
    latest = dataset.snapshot_ids()[-1]
    wanted = {a.name_zh for a in dataset.agencies_in(latest, county.id) if "生态环境" in a.name_zh}
    assert wanted, "the county has an ecology body in the latest snapshot"
    open_page(page, xilingol_server, f"explorer?lang=zh&j={county.id}&snap={latest}&q=生态环境", "结构浏览")
    page.get_by_role("combobox", name="匹配的机构").first.click()
    options = [o for o in page.get_by_role("option").all_inner_texts() if o.strip() not in ("", "—")]
    assert options, "the search found bodies"
    first = options[0]
    assert first.split(" · ")[0] in wanted and county.name_zh in first, options[:5]


def test_the_cypher_editor_highlights_completes_runs_and_reruns_offline(page, context, xilingol_server) -> None:  # type: ignore[no-untyped-def]
    open_page(page, xilingol_server, "cypher?lang=zh", "Cypher 查询")
    editor = page.locator(".cy-input")
    editor.click()
    editor.fill("")
    page.keyboard.type("MATCH (a:Ag")
    listed = page.locator(".cy-list li")
    listed.first.wait_for(timeout=10_000)
    assert listed.first.inner_text().startswith("Agency")  # a label of the loaded graph, after a colon
    page.keyboard.press("Enter")
    page.keyboard.type(")-[r:REP")
    assert listed.first.inner_text().startswith("REPORTS_TO")  # a relationship type, inside [ ]
    page.keyboard.press("Tab")
    page.keyboard.type("]->(b) WHERE a.name_")
    assert {"name_zh", "name_en"} <= {t.split("\n")[0] for t in listed.all_inner_texts()}  # properties, after a dot
    page.keyboard.press("Escape")
    page.keyboard.type("zh CONTAINS '生态环境' RETURN a.name_zh AS name LIMIT 3")
    first = editor.input_value()
    assert (
        first
        == "MATCH (a:Agency)-[r:REPORTS_TO]->(b) WHERE a.name_zh CONTAINS '生态环境' RETURN a.name_zh AS name LIMIT 3"
    )
    painted = page.locator(".cy-view span").evaluate_all("spans => spans.map(s => [s.className, s.textContent])")
    for pair in (["cy-kw", "MATCH"], ["cy-lb", "Agency"], ["cy-ty", "REPORTS_TO"], ["cy-pr", "name_zh"]):
        assert pair in painted, painted
    assert ["cy-st", "'生态环境'"] in painted and ["cy-nu", "3"] in painted
    page.keyboard.press("Control+Enter")
    settle(page)
    page.get_by_text("行，用时").first.wait_for(timeout=60_000)

    editor.click()
    editor.fill("MATCH (a:Agency RETURN a")
    page.get_by_role("button", name="运行").click()
    settle(page)
    alert = page.locator("[data-testid='stAlert']").first
    alert.wait_for(timeout=60_000)
    said = alert.inner_text()
    assert "第 1 行第 17 列" in said and "RETURN" in said and "^" not in said, said

    page.locator("button").filter(has_text="MATCH (a:Agency)-[r:REPORTS_TO]").first.click()  # the first run, again
    settle(page)
    page.get_by_text("行，用时").first.wait_for(timeout=60_000)
    assert editor.input_value() == first
    assert page.locator("[data-testid='stDataFrame']").count() == 1
    assert context.external == []
