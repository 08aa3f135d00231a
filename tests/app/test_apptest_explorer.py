"""Explorer page: widgets change the chart, the view round-trips through the URL, hostile names stay text."""

from __future__ import annotations

import pytest

from app_pages.common import default_scope
from graph.model import RelType
from tests.app.conftest import (
    HOSTILE_ID,
    HOSTILE_NAME,
    chart_nodes,
    iframe_pages,
    org_chart_ids,
    org_charts,
    shown_text,
)
from views import render


def test_default_view_draws_the_first_county_in_the_latest_snapshot(open_app, app_service) -> None:
    at = open_app("explorer")
    county = app_service.dataset.bottom_jurisdictions()[0].id
    latest = app_service.dataset.snapshot_ids()[-1]
    assert at.selectbox(key="w_j").value == county
    assert at.selectbox(key="w_snap").value == latest
    (chart,) = org_charts(at)  # one jurisdiction: an org chart with a box for each of its bodies
    assert org_chart_ids(chart) == {a.id for a in app_service.agencies(latest, county)}


def test_picking_another_jurisdiction_and_snapshot_redraws_and_updates_the_url(open_app, app_service) -> None:
    at = open_app("explorer")
    scopes = at.selectbox(key="w_j").options
    other = next(
        j.id
        for j in app_service.dataset.jurisdictions
        if j.id != app_service.dataset.bottom_jurisdictions()[0].id
        and app_service.agencies(app_service.dataset.snapshot_ids()[0], j.id)
    )
    first = app_service.dataset.snapshot_ids()[0]
    assert len(scopes) >= 3
    at.selectbox(key="w_j").set_value(other).run()
    at.selectbox(key="w_snap").set_value(first).run()
    assert not at.exception
    (chart,) = org_charts(at)
    assert org_chart_ids(chart) == {a.id for a in app_service.agencies(first, other)}
    assert at.query_params["j"] == [other] or at.query_params["j"] == other
    assert str(at.query_params["snap"]).strip("[]'") == first


def test_a_copied_link_reopens_the_same_agency_focus(open_app, app_service) -> None:
    chain = app_service.chain(HOSTILE_ID)
    at = open_app("explorer", params={"agency": HOSTILE_ID, "depth": "2", "lang": "en"})
    assert at.selectbox(key="w_agency").value == HOSTILE_ID
    assert at.number_input(key="w_depth").value == 2
    drawn = {n["id"] for n in chart_nodes(iframe_pages(at)[0])}
    assert drawn == {HOSTILE_ID} | {s.agency.id for s in chain}
    assert at.title[0].value == "Explorer"


def test_searching_the_hostile_name_shows_it_as_text(open_app, app_service) -> None:
    at = open_app("explorer")
    at.text_input(key="w_q").input("onerror").run()
    picker = at.selectbox(key="w_agency")
    assert HOSTILE_ID in picker.options[1] or any(HOSTILE_NAME in o for o in picker.options)
    picker.set_value(HOSTILE_ID).run()
    assert not at.exception
    assert at.subheader[0].value == render.md(HOSTILE_NAME)  # markdown-escaped: rendered as the literal name
    assert "<img" not in shown_text(at).replace("\\<", "")
    page = iframe_pages(at)[0]
    assert "<img" not in page
    label = next(n for n in chart_nodes(page) if n["id"] == HOSTILE_ID)["label"]
    assert label.replace("\n", " ") == HOSTILE_NAME
    assert at.query_params["agency"] in (HOSTILE_ID, [HOSTILE_ID])


def test_search_by_english_name_finds_the_same_agencies_as_the_service(open_app, app_service) -> None:
    latest = app_service.dataset.snapshot_ids()[-1]
    word = app_service.agencies(latest)[0].name_en.split()[0]
    scope = default_scope(app_service.dataset)  # the page ranks its own jurisdiction's bodies first
    in_place = scope if app_service.dataset.jurisdiction(scope) is not None else None
    expected = app_service.search(word, snapshot=latest, jurisdiction=in_place)
    at = open_app("explorer")
    at.text_input(key="w_q").input(word).run()
    options = at.selectbox(key="w_agency").options[1:]  # the first is "no focus"
    assert len(options) == len(expected)
    assert [o.split(" · ")[0] for o in options] == [a.name_zh for a in expected]


def test_the_whole_league_aggregates_above_the_drawing_limit_and_expands(open_app, app_service, monkeypatch) -> None:
    latest = app_service.dataset.snapshot_ids()[-1]
    agencies = app_service.agencies(latest)
    edges = [e for e in app_service.edges(latest) if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY)]
    jurisdictions = sorted({a.jurisdiction for a in agencies})
    county = app_service.dataset.bottom_jurisdictions()[0].id
    county_ids = {a.id for a in agencies if a.jurisdiction == county}
    county_cost = len(county_ids) + sum(1 for e in edges if e.start in county_ids)
    limit = len(jurisdictions) + county_cost + 1
    assert len(agencies) + len(edges) > limit, "the mini dataset is too small to exercise aggregation"
    monkeypatch.setenv("ORGRAPH_MAX_DRAWN", str(limit))

    at = open_app("explorer", params={"j": "all"})
    assert at.info, "the page must say that it aggregated"
    nodes = chart_nodes(iframe_pages(at)[0])
    assert {n["id"] for n in nodes} == {f"group:{j}" for j in jurisdictions}

    at.multiselect(key="expand_pick").select(county).run()
    assert not at.exception
    drawn = {n["id"] for n in chart_nodes(iframe_pages(at)[0])}
    assert county_ids <= drawn and f"group:{county}" not in drawn
    assert {f"group:{j}" for j in jurisdictions if j != county} <= drawn
    assert len(drawn) <= limit
    assert county in str(at.query_params["expand"])


def test_the_whole_league_is_drawn_in_full_under_the_limit(open_app, app_service) -> None:
    latest = app_service.dataset.snapshot_ids()[-1]
    at = open_app("explorer", params={"j": "all"})
    assert not at.info
    assert {n["id"] for n in chart_nodes(iframe_pages(at)[0])} == {a.id for a in app_service.agencies(latest)}


@pytest.mark.parametrize("lang,title", [("zh", "结构浏览"), ("en", "Explorer")])
def test_language_switch_changes_interface_and_labels(open_app, app_service, lang, title) -> None:
    at = open_app("explorer", params={"lang": lang})
    assert at.title[0].value == title
    county = app_service.dataset.bottom_jurisdictions()[0]
    heading = shown_text(at)
    assert (county.name_en if lang == "en" else county.name_zh) in heading.replace("\\", "")
    assert at.sidebar.radio[0].value == lang
