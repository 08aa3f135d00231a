"""The before/after comparison (graph/diff/compare.py): each kind of change on hand-made worlds.

The datasets' diffs are in test_diff_datasets.py; the same diffs read from each backend are in
tests/contract/test_diff_on_backends.py."""

from __future__ import annotations

import json

import pytest

from graph.diff.compare import diff_snapshots
from graph.diff.report import change_rows, diff_to_dict, summaries
from graph.errors import ComparisonError, NotFound
from graph.model import Category
from tests.unit.diff_builders import EL, LEAGUE, XH, World

#: every test here runs on both diff implementations (tests/unit/conftest.py)
pytestmark = pytest.mark.usefixtures("diff_path")


def run(world: World, scope: str | None = None):
    return diff_snapshots(world.data("2018"), world.data("2019"), world.jurisdictions, scope=scope)


def ids(agencies) -> list[str]:
    return [a.id for a in agencies]


def test_agency_without_successor_is_abolished_and_without_predecessor_established() -> None:
    """Established/abolished come from missing lineage, whatever the names say."""
    w = World()
    w.add("old", "2018", name_zh="镶黄旗粮食局")
    w.add("keep18", "2018", name_zh="同名机构")
    w.add("keep19", name_zh="同名机构")
    w.became("keep18", "keep19")
    w.add("new", name_zh="镶黄旗粮食局")  # same name as the abolished one, but no BECAME edge
    d = run(w)
    assert ids(d.abolished) == ["old"]
    assert ids(d.established) == ["new"]
    assert [(p.before.id, p.after.id) for p in d.continued] == [("keep18", "keep19")]


def test_renamed_and_continued_follow_the_edge_label_not_the_names() -> None:
    w = World()
    w.add("a18", "2018", name_zh="甲局")
    w.add("a19", name_zh="甲局")
    w.became("a18", "a19", "renamed")
    w.add("b18", "2018", name_zh="乙局")
    w.add("b19", name_zh="丙局")
    w.became("b18", "b19", "continued")
    d = run(w)
    assert [(p.before.id, p.after.id) for p in d.renamed] == [("a18", "a19")]
    assert [(p.before.id, p.after.id) for p in d.continued] == [("b18", "b19")]
    assert not d.established and not d.abolished


def test_merge_names_every_source_even_one_labelled_continued() -> None:
    w = World()
    for s in ("s1", "s2", "s3"):
        w.add(s, "2018")
    w.add("t")
    w.became("s1", "t", "continued")
    w.became("s2", "t", "merged")
    w.became("s3", "t", "merged")
    d = run(w)
    assert len(d.merged) == 1
    assert ids(d.merged[0].sources) == ["s1", "s2", "s3"] and d.merged[0].target.id == "t"
    assert not d.continued and not d.abolished and not d.established


def test_split_names_every_target() -> None:
    w = World()
    w.add("land", "2018")
    w.add("nr")
    w.add("forest")
    w.became("land", "nr", "split")
    w.became("land", "forest", "split")
    d = run(w)
    assert [(s.source.id, ids(s.targets)) for s in d.split] == [("land", ["forest", "nr"])]
    assert not d.renamed and not d.continued


def test_function_transfer_keeps_source_abolished_and_target_established() -> None:
    """A transfer moves a duty, not a body: it makes nobody a successor."""
    w = World()
    w.add("religion", "2018")
    w.add("civil18", "2018")
    w.add("civil19")
    w.became("civil18", "civil19")
    w.add("united")
    w.became("religion", "united", "transferred", "religious_affairs")
    w.became("civil18", "united", "transferred", "placement")
    d = run(w)
    assert ids(d.abolished) == ["religion"]
    assert ids(d.established) == ["united"]
    assert [(t.source.id, t.target.id, t.function) for t in d.transferred] == [
        ("civil18", "united", "placement"),
        ("religion", "united", "religious_affairs"),
    ]
    assert [(p.before.id, p.after.id) for p in d.continued] == [("civil18", "civil19")]


def ecology_world() -> World:
    """A county ecology bureau led by the county government becomes a dispatched office of the league bureau,
    which itself was renamed; the county government continued."""
    w = World()
    for snap, suffix in (("2018", "18"), ("2019", "19")):
        w.add(f"lg-gov{suffix}", snap, LEAGUE, category=Category.LEADERSHIP, counted=False)
        w.add(f"lg-eco{suffix}", snap, LEAGUE, type="ecology_environment")
        w.rep(f"lg-eco{suffix}", f"lg-gov{suffix}")
        w.add(f"xh-gov{suffix}", snap, XH, category=Category.LEADERSHIP, counted=False)
        w.rep(f"xh-gov{suffix}", f"lg-gov{suffix}")
        w.add(
            f"xh-eco{suffix}",
            snap,
            XH,
            type="ecology_environment",
            counted=(snap == "2018"),
        )
        w.add(f"xh-office{suffix}", snap, XH)
        w.rep(f"xh-office{suffix}", f"xh-gov{suffix}")
    w.rep("xh-eco18", "xh-gov18", "leads")
    w.rep("xh-eco18", "lg-eco18", "guides")
    w.rep("xh-eco19", "lg-eco19", "dispatched")
    w.rep("xh-eco19", "xh-gov19", "guides")
    w.became("lg-gov18", "lg-gov19")
    w.became("lg-eco18", "lg-eco19", "renamed")
    w.became("xh-gov18", "xh-gov19")
    w.became("xh-eco18", "xh-eco19", "renamed")
    w.became("xh-office18", "xh-office19")
    return w


def test_reporting_change_names_new_target_and_mode_matching_targets_by_lineage() -> None:
    d = run(ecology_world())
    assert [(r.before.id, r.after.id) for r in d.reporting] == [("xh-eco18", "xh-eco19")]
    change = d.reporting[0]
    assert [(link.mode, link.target.id) for link in change.removed] == [
        ("guides", "lg-eco18"),
        ("leads", "xh-gov18"),
    ]
    assert [(link.mode, link.target.id) for link in change.added] == [
        ("dispatched", "lg-eco19"),
        ("guides", "xh-gov19"),
    ]
    # the office still reports to the (continued) county government, and the league bureau to the
    # (continued) league government: same targets by lineage, so no change for them
    assert "xh-office18" not in {r.before.id for r in d.reporting}
    assert "lg-eco18" not in {r.before.id for r in d.reporting}


def test_reporting_to_a_new_body_is_a_change_even_with_the_same_mode() -> None:
    w = World()
    w.add("boss18", "2018")
    w.add("boss19")  # no lineage from boss18: a different body
    w.add("x18", "2018")
    w.add("x19")
    w.rep("x18", "boss18")
    w.rep("x19", "boss19")
    w.became("x18", "x19")
    d = run(w)
    assert [
        (
            r.before.id,
            ids(link.target for link in r.removed),
            ids(link.target for link in r.added),
        )
        for r in d.reporting
    ] == [("x18", ["boss18"], ["boss19"])]


def test_category_change_is_reported_per_lineage_pair() -> None:
    w = World()
    w.add("flood", "2018", category=Category.INSTITUTION, counted=False)
    w.add("emergency", category=Category.GOVERNMENT)
    w.became("flood", "emergency", "renamed")
    d = run(w)
    assert [(c.before.category, c.after.category) for c in d.categories] == [
        (Category.INSTITUTION, Category.GOVERNMENT)
    ]


def test_hosting_change_when_the_office_moves_to_an_unrelated_agency_only() -> None:
    w = World()
    for snap in ("2018", "2019"):
        w.add(f"cmte{snap}", snap, category=Category.COORDINATION, counted=False)
        w.add(f"panel{snap}", snap, category=Category.COORDINATION, counted=False)
        w.add(f"safety{snap}", snap)
    w.add("emergency")  # established: not a successor of safety2018
    for s in ("cmte", "panel", "safety"):
        w.became(f"{s}2018", f"{s}2019")
    w.host("cmte2018", "safety2018")
    w.host("cmte2019", "emergency")
    w.host("panel2018", "safety2018")
    w.host("panel2019", "safety2019")  # same host by lineage
    d = run(w)
    assert [
        (
            h.before.id,
            ids(link.target for link in h.removed),
            ids(link.target for link in h.added),
        )
        for h in d.hosting
    ] == [("cmte2018", ["safety2018"], ["emergency"])]


def test_counts_per_category_and_against_the_quota() -> None:
    w = World(quota=2)
    w.add("p18", "2018", category=Category.PARTY)
    w.add("g18", "2018")
    w.add("g18b", "2018")
    w.add("i18", "2018", category=Category.INSTITUTION, counted=False)
    w.add("p19", category=Category.PARTY)
    w.add("g19")
    w.add("i19", category=Category.INSTITUTION, counted=False)
    w.became("p18", "p19")
    d = run(w)
    quota = [c for c in d.quota_rows() if c.jurisdiction == XH]
    assert [(c.before, c.after, c.quota, c.within_quota) for c in quota] == [(3, 2, 2, True)]
    by_cat = {c.category: (c.before, c.after) for c in d.counts if c.jurisdiction == XH and c.category}
    assert by_cat == {
        Category.PARTY: (1, 1),
        Category.GOVERNMENT: (2, 1),
        Category.INSTITUTION: (1, 1),
    }
    assert d.quota_rows()[0].jurisdiction == XH  # jurisdictions without agencies have no rows


def test_scope_limits_events_but_lineage_is_read_across_jurisdictions() -> None:
    """A county body moved up to the league is not abolished in the county; other counties' events stay out."""
    w = World()
    w.add("station18", "2018", XH)
    w.add("station19", "2019", LEAGUE)
    w.became("station18", "station19")
    w.add("el-old", "2018", EL)
    w.add("lg-new", "2019", LEAGUE)
    county = run(w, XH)
    assert not county.abolished and not county.established
    assert [(p.before.id, p.after.id) for p in county.continued] == [("station18", "station19")]
    league = run(w, "league")
    assert ids(league.established) == ["lg-new"] and not league.abolished
    assert {j.level for j in league.jurisdictions} == {"league"}
    everything = run(w)
    assert ids(everything.abolished) == ["el-old"] and ids(everything.established) == ["lg-new"]
    for name in ("镶黄旗", "Bordered Yellow Banner", "bordered yellow banner", XH):
        assert run(w, name).scope == XH
    with pytest.raises(NotFound, match="no jurisdiction 'Atlantis'"):
        run(w, "Atlantis")


def test_snapshots_without_lineage_raise_a_clear_comparison_error() -> None:
    w = World()
    w.add("a", "2018")
    w.add("b", "2019")
    with pytest.raises(ComparisonError, match="have no lineage"):
        run(w)
    w.became("a", "b")
    with pytest.raises(ComparisonError, match="swap --from and --to"):
        diff_snapshots(w.data("2019"), w.data("2018"), w.jurisdictions)
    with pytest.raises(ComparisonError, match="with itself"):
        diff_snapshots(w.data("2019"), w.data("2019"), w.jurisdictions)


def test_summary_sentence_per_county_in_both_languages() -> None:
    w = World(quota=2)
    w.add("gone", "2018")
    w.add("fresh")
    w.add("s1", "2018")
    w.add("s2", "2018")
    w.add("merged")
    w.became("s1", "merged", "merged")
    w.became("s2", "merged", "merged")
    w.add("r18", "2018", counted=False)
    w.add("r19", counted=False)
    w.became("r18", "r19", "renamed")
    (summary,) = summaries(run(w, XH))
    # the two merged bodies end as surely as the abolished one: the summary counts every body that ends
    assert summary.zh == (
        "镶黄旗：新设 1 个、不再单设 3 个（撤销 1 个，因合并或拆分不再保留 2 个）、合并 1 起、更名 1 个；"
        "计入限额机构 2 个（限额 2）"
    )
    assert summary.en == (
        "Bordered Yellow Banner: 1 established, 3 ended (1 abolished, 2 merged away or split up), 1 merger, "
        "1 renamed; 2 agencies count toward the quota (quota 2)"
    )
    w.add("extra")
    (over,) = summaries(run(w, XH))
    assert over.zh.endswith("计入限额机构 3 个（限额 2，超出 1 个）") and over.en.endswith("(quota 2, over by 1)")


def test_rows_and_json_carry_the_same_changes() -> None:
    d = run(ecology_world())
    rows = change_rows(d)
    assert {(r["change"], r["before"], r["after"]) for r in rows} == {
        ("renamed", "lg-eco18", "lg-eco19"),
        ("renamed", "xh-eco18", "xh-eco19"),
        ("reporting", "xh-eco18", "xh-eco19"),
        ("moved", "xh-eco18", "xh-eco19"),  # now run from the league: its own kind of change
    }
    data = json.loads(json.dumps(diff_to_dict(d), ensure_ascii=False))
    assert [r["after"]["id"] for r in data["reporting"]] == ["xh-eco19"]
    assert [a["mode"] for a in data["reporting"][0]["added"]] == [
        "dispatched",
        "guides",
    ]
    assert {s["jurisdiction"] for s in data["summaries"]} == {LEAGUE, XH}
    league = data["summaries"][0]  # league before counties; no quota, so its agency total instead
    assert (league["jurisdiction"], league["zh"][-7:], league["en"][-10:]) == (
        LEAGUE,
        "；机构 2 个",
        "2 agencies",
    )


def test_a_county_bureau_that_becomes_a_league_branch_is_moved_with_its_new_manager() -> None:
    d = run(ecology_world(), XH)
    (move,) = d.moved
    assert (move.before.id, move.after.id, move.from_place, move.to_place) == ("xh-eco18", "xh-eco19", XH, LEAGUE)
    assert move.manager is not None and move.manager.id == "lg-eco19"
    assert not [m for m in run(ecology_world()).moved if m.before.id == "xh-office18"]  # stayed under the county


def test_a_body_moved_to_another_jurisdiction_is_moved_even_without_reporting_lines() -> None:
    w = World()
    w.add("station18", "2018", XH)
    w.add("station19", "2019", LEAGUE)
    w.became("station18", "station19")
    (move,) = run(w).moved
    assert (move.from_place, move.to_place, move.manager) == (XH, LEAGUE, None)


def test_a_rename_that_keeps_both_names_is_continued_not_renamed() -> None:
    w = World()
    w.add("a18", "2018", XH, name_zh="镶黄旗商务局", name_en="Commerce Bureau")
    w.add("a19", "2019", XH, name_zh="镶黄旗商务局", name_en="Commerce Bureau")
    w.became("a18", "a19", "renamed")
    d = run(w)
    assert not d.renamed and [(p.before.id, p.change.value) for p in d.continued] == [("a18", "continued")]


def test_ended_counts_abolished_merged_away_and_split_bodies() -> None:
    w = World()
    w.add("gone", "2018")
    w.add("s1", "2018")
    w.add("s2", "2018")
    w.add("m")
    w.became("s1", "m", "merged")
    w.became("s2", "m", "merged")
    w.add("big", "2018")
    w.add("p1")
    w.add("p2")
    w.became("big", "p1", "split")
    w.became("big", "p2", "split")
    assert ids(run(w).ended) == ["big", "gone", "s1", "s2"]
