"""Compare page: aligned panes, the overlay, change counts, the table, and URL state."""

from __future__ import annotations

from graph.model import Change, RelType
from tests.app.conftest import chart_nodes, iframe_pages


def _defaults(service) -> tuple[str, str, str]:
    ids = service.dataset.snapshot_ids()
    before = next((s.id for s in service.dataset.snapshots if s.role.value == "before"), ids[0])
    after = next((s.id for s in service.dataset.snapshots if s.role.value == "after"), ids[-1])
    return service.dataset.bottom_jurisdictions()[0].id, before, after


def _headline(diff) -> list[int]:
    return [
        len(diff.established),
        len(diff.abolished),
        len(diff.merged),
        len(diff.split),
        len(diff.renamed),
        len(diff.transferred),
        len(diff.reporting),
    ]


def test_headline_figures_are_the_comparison_of_the_scope(open_app, app_service) -> None:
    """The figures above the charts are the same comparison as the summary and the change table."""
    county, before, after = _defaults(app_service)
    at = open_app("compare")
    assert (at.selectbox(key="w_j").value, at.selectbox(key="w_before").value, at.selectbox(key="w_after").value) == (
        county,
        before,
        after,
    )
    expected = _headline(app_service.diff(before, after, county))
    assert [int(m.value) for m in at.metric] == expected
    assert sum(expected) > 0


def test_continuing_agencies_sit_at_the_same_position_in_both_panes(open_app, app_service) -> None:
    county, before, after = _defaults(app_service)
    at = open_app("compare")
    old_page, new_page, overlay = iframe_pages(at)
    old = {n["id"]: (n["x"], n["y"]) for n in chart_nodes(old_page)}
    new = {n["id"]: (n["x"], n["y"]) for n in chart_nodes(new_page)}
    assert set(old) == {a.id for a in app_service.agencies(before, county)}
    assert set(new) == {a.id for a in app_service.agencies(after, county)}
    continued = [
        e
        for e in app_service.edges(before, county)
        if e.type is RelType.BECAME and e.change in (Change.CONTINUED, Change.RENAMED) and e.end in new
    ]
    assert continued, "the mini dataset should have continuing agencies"
    for e in continued:
        assert old[e.start] == new[e.end], f"{e.start} -> {e.end} moved"
    drawn = {n["id"] for n in chart_nodes(overlay)}
    assert set(new) <= drawn  # the overlay shows every AFTER agency, plus removed ones


def test_change_table_summary_and_rule_checks_follow_the_scope(open_app, app_service) -> None:
    from graph.diff.report import change_rows, summaries

    county, before, after = _defaults(app_service)
    diff = app_service.diff(before, after, county)
    at = open_app("compare", params={"lang": "en"})
    table = at.dataframe[0].value
    assert len(table) == len(change_rows(diff)) > 0
    kinds = {f"{r['change']}" for r in change_rows(diff)}
    assert {k.split()[0] for k in table["Change"]} <= {
        "established",
        "abolished",
        "merged",
        "split",
        "moved",
        "renamed",
        "function",
        "reporting",
        "category",
        "hosting",
    }
    assert len(kinds) > 1
    summary = [s.en for s in summaries(diff)]
    assert summary and any(
        line in shown for line in summary for shown in [m.value.replace("\\", "") for m in at.markdown]
    )
    checks = at.dataframe[1].value
    expected = [r for r in app_service.check(snapshot=after) if r.jurisdiction == county]
    assert len(checks) == len(expected) > 0
    assert (checks["Result"] == "✗").sum() == sum(1 for r in expected if not r.passed)


def test_url_state_round_trips_and_equal_snapshots_are_refused(open_app, app_service) -> None:
    county, before, after = _defaults(app_service)
    at = open_app("compare", params={"before": after, "after": after, "j": county, "lang": "en"})
    assert [w.value for w in at.warning] == ["Pick two different snapshots."]
    at.selectbox(key="w_before").set_value(before).run()
    assert "Pick two different snapshots." not in [w.value for w in at.warning] and len(iframe_pages(at)) == 3
    assert str(at.query_params["before"]).strip("[]'") == before


def test_the_whole_league_aggregates_above_the_drawing_limit(open_app, app_service, monkeypatch) -> None:
    _, before, after = _defaults(app_service)
    total = len(app_service.agencies(before)) + len(app_service.agencies(after))
    monkeypatch.setenv("ORGRAPH_MAX_DRAWN", str(total))  # twice the agencies (plus edges) cannot fit
    at = open_app("compare", params={"j": "all", "lang": "en"})
    assert len(at.info) == 2  # the panes say they aggregate; the overlay asks for one jurisdiction
    pages = iframe_pages(at)
    assert len(pages) == 2
    groups = {f"group:{a.jurisdiction}" for a in app_service.agencies(after)}
    assert {n["id"] for n in chart_nodes(pages[1])} == groups
    assert [int(m.value) for m in at.metric] == _headline(app_service.diff(before, after, None))
