"""Explorer filters: category and reporting mode narrow the chart and the table alike, and live in the URL."""

from __future__ import annotations

from graph.filters import line_mode
from graph.model import Category, RelType
from tests.app.conftest import chart_nodes, iframe_pages, org_chart_ids, org_charts


def _table_ids(at) -> set[str]:  # type: ignore[no-untyped-def]
    (table,) = [d.value for d in at.dataframe if "id" in d.value.columns]
    return set(table["id"])


def _scope(app_service):  # type: ignore[no-untyped-def]
    latest = app_service.dataset.snapshot_ids()[-1]
    county = app_service.dataset.bottom_jurisdictions()[0].id
    return latest, county, app_service.agencies(latest, county), app_service.edges(latest, county)


def test_a_category_filter_from_the_url_narrows_the_chart_and_the_table(open_app, app_service) -> None:
    latest, county, agencies, _ = _scope(app_service)
    at = open_app("explorer", params={"cat": "party,discipline"})
    assert at.multiselect(key="w_cat").value == ["party", "discipline"]
    chosen = {a.id for a in agencies if a.category.value in ("party", "discipline")}
    frame = {a.id for a in agencies if a.category is Category.LEADERSHIP}
    assert chosen and len(chosen) < len(agencies)
    (chart,) = org_charts(at)
    assert org_chart_ids(chart) == chosen | frame  # the leading bodies stay as the chart's frame
    assert _table_ids(at) == chosen  # the table lists exactly what was chosen


def test_picking_a_reporting_mode_narrows_the_view_and_updates_the_url(open_app, app_service) -> None:
    latest, county, agencies, edges = _scope(app_service)
    at = open_app("explorer")
    assert _table_ids(at) == {a.id for a in agencies}  # unfiltered: every body of the county
    at.multiselect(key="w_mode").select("dispatched").select("guides").run()
    assert not at.exception
    assert str(at.query_params["mode"]).strip("[]'") == "dispatched,guides"
    lines = [e for e in edges if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY)]
    chosen = {e.start for e in lines if line_mode(e) in ("dispatched", "guides")}
    assert chosen and _table_ids(at) == chosen
    frame = {a.id for a in agencies if a.category is Category.LEADERSHIP}
    (chart,) = org_charts(at)
    assert org_chart_ids(chart) == chosen | frame


def test_filters_narrow_the_whole_league_chart(open_app, app_service) -> None:
    latest = app_service.dataset.snapshot_ids()[-1]
    at = open_app("explorer", params={"j": "all", "cat": "government"})
    drawn = {n["id"] for n in chart_nodes(iframe_pages(at)[0])}
    everyone = app_service.agencies(latest)
    government = {a.id for a in everyone if a.category is Category.GOVERNMENT}
    leading = {a.id for a in everyone if a.category is Category.LEADERSHIP}
    assert government <= drawn <= government | leading
    assert _table_ids(at) == government


def test_a_focused_agency_keeps_its_whole_chain_and_filters_its_subordinates(open_app, app_service) -> None:
    latest, county, agencies, _ = _scope(app_service)
    head = max(
        (a for a in agencies if a.category is Category.LEADERSHIP),
        key=lambda a: len(app_service.subordinates(a.id, depth=1)),
    )
    subs = app_service.subordinates(head.id, depth=1)
    category = min({s.agency.category.value for s in subs})  # one of the categories under it, not all of them
    kept = {s.agency.id for s in subs if s.agency.category.value == category}
    assert kept and len(kept) < len(subs)
    at = open_app("explorer", params={"agency": head.id, "cat": category})
    drawn = {n["id"] for n in chart_nodes(iframe_pages(at)[0])}
    chain = {s.agency.id for s in app_service.chain(head.id)}
    assert drawn == {head.id} | chain | kept
    tables = [set(d.value["id"]) for d in at.dataframe if "id" in d.value.columns]
    assert kept in tables  # the subordinates table, narrowed the same way


def test_the_table_of_a_large_view_is_capped_and_says_so(open_app, app_service, monkeypatch) -> None:
    latest = app_service.dataset.snapshot_ids()[-1]
    total = len(app_service.agencies(latest))
    monkeypatch.setenv("ORGRAPH_MAX_DRAWN", "10")
    at = open_app("explorer", params={"j": "all", "lang": "en"})
    assert len(_table_ids(at)) == 10 < total
    assert any(f"The first 10 of {total}" in c.value for c in at.caption)
