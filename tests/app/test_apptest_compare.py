"""Compare page: tiles in words, aligned panes, the overlay (ended bodies as ghosts), the Sankey and its legend,
the change table, the expand control of the whole scope, and URL state."""

from __future__ import annotations

import json
import re

from graph.diff.report import change_rows, summaries
from graph.model import Change, RelType
from tests.app.conftest import chart_nodes, iframe_pages, org_charts
from views.overlay import CHANGE_COLOURS
from views.sankey import FLOW_COLOURS


def _defaults(service) -> tuple[str, str, str]:
    ids = service.dataset.snapshot_ids()
    before = next((s.id for s in service.dataset.snapshots if s.role.value == "before"), ids[0])
    after = next((s.id for s in service.dataset.snapshots if s.role.value == "after"), ids[-1])
    return service.dataset.bottom_jurisdictions()[0].id, before, after


def _tiles(counts) -> list[str]:
    return [
        f"{counts.agencies_before} → {counts.agencies_after}",
        *map(str, (counts.established, counts.ended, counts.mergers, counts.moved)),
        *map(str, (counts.splits, counts.renamed, counts.transferred, counts.reporting)),
    ]


def _shown(at) -> str:
    return "\n".join(str(el.value) for kind in ("markdown", "caption", "info", "warning") for el in getattr(at, kind))


def test_headline_tiles_say_before_to_after_and_what_ended(open_app, app_service) -> None:
    """The tiles are the page's one comparison, read as words: no bare net change, ended bodies counted."""
    county, before, after = _defaults(app_service)
    at = open_app("compare", params={"lang": "en"})
    assert (at.selectbox(key="w_j").value, at.selectbox(key="w_before").value, at.selectbox(key="w_after").value) == (
        county,
        before,
        after,
    )
    counts = app_service.comparison(before, after, county).counts
    assert [m.value for m in at.metric] == _tiles(counts)
    assert [m.label for m in at.metric][:5] == [
        "Agencies (before → after)",
        "Established",
        "Ended",
        "Formed by merger",
        "Moved elsewhere",
    ]
    assert all(not m.delta for m in at.metric)  # no "↑n" that reads as "n bodies added"
    assert counts.ended == counts.abolished + counts.merged_away + counts.split_up > counts.abolished > 0
    assert f"{counts.ended} ended: {counts.abolished} abolished, {counts.merged_away} merged into another" in _shown(at)
    zh = open_app("compare")
    assert [m.label for m in zh.metric][:3] == ["机构数（改革前 → 改革后）", "新设机构", "不再单设"]
    assert f"不再单设 {counts.ended} 个：撤销 {counts.abolished} 个" in _shown(zh)


def test_continuing_agencies_sit_at_the_same_position_in_both_panes(open_app, app_service) -> None:
    county, before, after = _defaults(app_service)
    at = open_app("compare", params={"panes": "network"})  # one jurisdiction shows org charts unless asked
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
    assert set(new) <= drawn  # the overlay shows every AFTER agency, plus the ended ones


def test_ended_bodies_are_drawn_as_struck_through_ghosts(open_app, app_service) -> None:
    """Every body that ended is in the overlay, at a place of its own, as a ghost; merge sources and targets differ."""
    county, before, after = _defaults(app_service)
    comparison = app_service.comparison(before, after, county)
    at = open_app("compare", params={"lang": "en"})
    page = iframe_pages(at)[-1]  # the overlay: the last chart frame
    nodes = {n["id"]: n for n in chart_nodes(page)}
    assert comparison.ended and comparison.ended <= set(nodes)
    for agency_id, node in nodes.items():
        ghost = agency_id in comparison.ended
        assert node.get("ended", False) is ghost, agency_id
        assert (node["shapeProperties"]["borderDashes"] == [2, 3]) is ghost, agency_id
        if ghost:
            assert node["font"]["color"] == "#78909c" and node["color"]["background"] == "#fafafa"
    places = {(n["x"], n["y"]) for i, n in nodes.items() if i not in comparison.ended}
    assert not {(nodes[i]["x"], nodes[i]["y"]) for i in comparison.ended} & places  # nothing hides a ghost
    (merge,) = comparison.diff.merged
    target, sources = nodes[merge.target.id], [nodes[a.id] for a in merge.sources]
    assert target["color"]["border"] == CHANGE_COLOURS["merged"][1] and target["borderWidth"] == 3.0
    assert {s["color"]["border"] for s in sources} == {CHANGE_COLOURS["merged_away"][1]}
    assert CHANGE_COLOURS["merged"][1] != CHANGE_COLOURS["merged_away"][1]
    lineage = re.findall(r'"from": "([^"]+)"[^}]*"to": "([^"]+)"', page)
    assert {(a.id, merge.target.id) for a in merge.sources} <= set(lineage)
    assert "orgraphEnded" in page and "no longer a body of its own" in page  # the strike script and its legend
    assert "不再单设" in iframe_pages(open_app("compare"))[-1]


def test_the_moved_body_is_its_own_kind_in_tiles_table_overlay_and_sankey(open_app, app_service) -> None:
    county, before, after = _defaults(app_service)
    comparison = app_service.comparison(before, after, county)
    (move,) = comparison.diff.moved
    at = open_app("compare", params={"lang": "en"})
    assert at.metric[4].label == "Moved elsewhere" and at.metric[4].value == "1"
    table = at.dataframe[0].value
    moved = table[table["Change"] == "moved to another jurisdiction"]
    assert list(moved["From"]) == [move.before.name_en] and list(moved["To"]) == [move.after.name_en]
    place = app_service.dataset.jurisdiction(move.to_place).name_en
    assert list(moved["Note"])[0].startswith(f"now run from {place}")
    overlay = {n["id"]: n for n in chart_nodes(iframe_pages(at)[-1])}
    assert overlay[move.after.id]["color"]["border"] == CHANGE_COLOURS["moved"][1]
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert FLOW_COLOURS["moved"] in spec["data"][0]["link"]["color"]


def test_the_sankey_legend_is_words_in_the_flows_own_colours(open_app, app_service) -> None:
    for language, moved_word in (("en", "moved to another jurisdiction"), ("zh", "转隶/改为派出")):
        at = open_app("compare", params={"lang": language})
        (legend,) = [m.value for m in at.markdown if "orgraph-sankey-legend" in m.value]
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        flow_colours = set(spec["data"][0]["link"]["color"])
        assert set(re.findall(r"background:(rgba\([^)]*\))", legend)) == flow_colours
        assert moved_word in legend
        emoji = re.compile("[\U0001f000-\U0001faff\u2b1b\u2b1c\u25a0-\u25ff\u2600-\u27bf]")
        assert not emoji.search(_shown(at)), emoji.findall(_shown(at))


def test_change_table_summary_and_rule_checks_follow_the_scope(open_app, app_service) -> None:
    county, before, after = _defaults(app_service)
    diff = app_service.diff(before, after, county)
    at = open_app("compare", params={"lang": "en"})
    table = at.dataframe[0].value
    assert len(table) == len(change_rows(diff)) > 0
    words = {"established", "abolished", "merged", "split", "moved to another jurisdiction", "renamed"}
    words |= {"function transferred", "reporting line changed", "category changed", "hosting changed"}
    assert set(table["Change"]) <= words and len(set(table["Change"])) > 1
    assert not table["From"].str.contains(r"^m1[89]-", regex=True).any()  # names, not ids
    summary = [s.en for s in summaries(diff)]
    assert summary and any(line in _shown(at).replace("\\", "") for line in summary)
    checks = at.dataframe[1].value
    expected = [r for r in app_service.check(snapshot=after) if r.jurisdiction == county]
    assert len(checks) == len(expected) > 0
    assert (checks["Result"] == "✗").sum() == sum(1 for r in expected if not r.passed)


def test_url_state_round_trips_and_equal_snapshots_are_refused(open_app, app_service) -> None:
    county, before, after = _defaults(app_service)
    at = open_app("compare", params={"before": after, "after": after, "j": county, "lang": "en"})
    assert [w.value for w in at.warning] == ["Pick two different snapshots."]
    at.selectbox(key="w_before").set_value(before).run()
    assert "Pick two different snapshots." not in [w.value for w in at.warning] and len(org_charts(at)) == 2
    assert str(at.query_params["before"]).strip("[]'") == before


def test_the_whole_scope_aggregates_and_expands_one_jurisdiction(open_app, app_service, monkeypatch) -> None:
    """Above the drawing limit each jurisdiction is a box, counted as jurisdictions by the dataset's level names;
    the expand control draws one in full, shows its overlay and puts it in the URL."""
    county, before, after = _defaults(app_service)
    total = len(app_service.agencies(before)) + len(app_service.agencies(after))
    monkeypatch.setenv("ORGRAPH_MAX_DRAWN", str(total))  # twice the agencies (plus edges) cannot fit
    at = open_app("compare", params={"j": "all", "lang": "en"})
    assert len(at.info) == 2  # the panes say they aggregate; the overlay asks for a jurisdiction to expand
    pages = iframe_pages(at)
    assert len(pages) == 2
    groups = {f"group:{a.jurisdiction}" for a in app_service.agencies(after)}
    assert {n["id"] for n in chart_nodes(pages[1])} == groups
    assert [m.value for m in at.metric] == _tiles(app_service.comparison(before, after, None).counts)
    levels = {j.level for j in app_service.dataset.jurisdictions if f"group:{j.id}" in groups}
    shown = _shown(at).replace("\\", "")
    assert f"{len(groups)} jurisdictions (" in shown and f"· {len(groups)} agencies" not in shown
    for level in levels:
        assert app_service.dataset.level(level).label("en") in shown

    at.selectbox(key="w_expand").set_value(county).run()
    assert not at.exception
    assert str(at.query_params["expand"]).strip("[]'") == county
    old_page, new_page, overlay = iframe_pages(at)
    drawn = {n["id"] for n in chart_nodes(new_page)}
    assert {a.id for a in app_service.agencies(after, county)} <= drawn and f"group:{county}" not in drawn
    assert {n["id"] for n in chart_nodes(overlay)} >= {a.id for a in app_service.agencies(after, county)}
    assert not {n["id"] for n in chart_nodes(overlay)} & groups

    again = open_app("compare", params={"j": "all", "expand": county, "lang": "en"})  # a copied link reopens it
    assert again.selectbox(key="w_expand").value == county and len(iframe_pages(again)) == 3


def test_one_jurisdiction_s_panes_are_org_charts_badged_by_the_comparison(open_app, app_service) -> None:
    """Side by side, a county is its two org charts: each body the comparison changed carries a badge of its kind
    (in the overlay's colours, in words), and a body that ended is struck through; the network pictures stay one
    click away, in the URL."""
    county, before, after = _defaults(app_service)
    comparison = app_service.comparison(before, after, county)
    at = open_app("compare", params={"j": county})
    old, new = org_charts(at)
    ended = sorted(comparison.ended)
    assert ended, "the county has bodies that ended"
    for agency_id in ended:  # struck through, badged by its kind, on the before side only
        assert re.search(rf'class="[^"]*\bended\b[^"]*" data-id="{re.escape(agency_id)}"', old), agency_id
        assert f'data-id="{agency_id}"' not in new
    for agency in comparison.diff.established:
        assert re.search(rf'class="[^"]*\bchanged added\b[^"]*" data-id="{re.escape(agency.id)}"', new), agency.id
    kinds = {c.value for c in comparison.classes.values()} - {"unchanged"}
    for kind in kinds & {"added", "merged", "moved", "renamed"}:
        assert f'data-change="{kind}"' in new, kind
    assert "划线：改革后不再单设" in old and 'data-change="added"' not in old
    assert not iframe_pages(at)[:-1], "no network pane drawn besides the overlay"
    at.radio(key="w_panes").set_value("network").run()
    assert len(iframe_pages(at)) == 3 and str(at.query_params["panes"]).strip("[]'") == "network"
    assert not org_charts(at)
