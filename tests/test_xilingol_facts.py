"""The published facts of the seed article hold in data/xilingol, through the store API and through the named
queries, on both backends. Expected values are written from the seed, not read back from the CSV files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from graph.model import Basis, Category, Dataset, RelType
from service import OrgService
from tests.conftest import BACKENDS

QUOTAS = {
    "锡林浩特市": 37,
    "二连浩特市": 37,
    "阿巴嘎旗": 37,
    "苏尼特左旗": 36,
    "苏尼特右旗": 37,
    "东乌珠穆沁旗": 37,
    "西乌珠穆沁旗": 37,
    "太仆寺旗": 37,
    "镶黄旗": 35,
    "正镶白旗": 37,
    "正蓝旗": 37,
    "多伦县": 37,
}
SIZE = {"镶黄旗": "small", "苏尼特左旗": "medium"}
POVERTY = {"苏尼特右旗", "太仆寺旗", "正镶白旗", "阿巴嘎旗", "苏尼特左旗", "正蓝旗", "镶黄旗", "多伦县"}
FOREIGN = {"二连浩特市", "阿巴嘎旗", "东乌珠穆沁旗", "苏尼特左旗", "苏尼特右旗"}
FORESTRY = set(QUOTAS) - {"二连浩特市"}
NEW_AGENCIES = {"supervisory_commission", "emergency_management", "veterans_affairs", "medical_security"}
COORDINATION_AREAS = 10


@pytest.fixture(scope="module")
def dataset(xilingol_dataset: Dataset) -> Dataset:
    return xilingol_dataset


@pytest.fixture(scope="module", params=BACKENDS)
def service(request: pytest.FixtureRequest, dataset: Dataset) -> Iterator[OrgService]:
    """The Xilingol dataset in a store of each backend, behind the service API the app and CLI use."""
    if request.param == "networkx":
        from graph.embedded.store import NetworkxStore

        store = NetworkxStore()
    else:
        from graph.neo4j.store import Neo4jStore

        store = Neo4jStore(request.getfixturevalue("neo4j_driver"))
    store.load(dataset)
    yield OrgService(store, dataset)
    store.close()


def counties(service: OrgService) -> dict[str, str]:
    """County name -> id."""
    return {j.name_zh: j.id for j in service.dataset.bottom_jurisdictions()}


def test_dataset_has_the_twelve_units_with_their_classes(dataset: Dataset) -> None:
    by_name = {j.name_zh: j for j in dataset.bottom_jurisdictions()}
    assert set(by_name) == set(QUOTAS)
    for name, quota in QUOTAS.items():
        assert by_name[name].agency_quota == quota
        assert by_name[name].attribute("size_class") == SIZE.get(name, "large")
        assert by_name[name].attribute("border") is (name in FOREIGN)
        assert (by_name[name].attribute("poverty") != "none") is (name in POVERTY)
    league = dataset.jurisdiction("152500")
    assert league is not None and league.name_zh == "锡林郭勒盟" and league.parent == "150000"


def test_reform_dates_are_dataset_metadata(dataset: Dataset) -> None:
    dates = {e.date for e in dataset.events}
    assert {"2019-01-08", "2019-01-11", "2019-03-31"} <= dates
    assert [s.role.value for s in dataset.snapshots] == ["before", "after"]


def test_counted_agencies_equal_the_quota_in_2019(service: OrgService) -> None:
    for name, jid in counties(service).items():
        counted = [a for a in service.agencies("2019", jid) if a.counts_toward_quota]
        assert len(counted) == QUOTAS[name], name


@pytest.mark.parametrize(
    "agency_type, expected",
    [("poverty_alleviation", POVERTY), ("foreign_affairs", FOREIGN), ("forestry_grassland", FORESTRY)],
)
def test_special_departments_exactly_where_the_seed_says(
    service: OrgService, agency_type: str, expected: set[str]
) -> None:
    names = {j.id: j.name_zh for j in service.dataset.bottom_jurisdictions()}
    having = {
        names[a.jurisdiction] for a in service.agencies("2019") if a.type == agency_type and a.jurisdiction in names
    }
    assert having == expected


def test_county_ecology_bodies_are_dispatched_offices_of_the_league_bureau(service: OrgService) -> None:
    for name, jid in counties(service).items():
        (eco19,) = [a for a in service.agencies("2019", jid) if a.type == "ecology_environment"]
        assert not eco19.counts_toward_quota
        first = service.chain(eco19.id)[0]
        assert first.mode == "dispatched", name
        assert first.agency.jurisdiction == "152500" and first.agency.type == "ecology_environment"
        (eco18,) = [a for a in service.agencies("2018", jid) if a.type == "ecology_environment"]
        up18 = service.chain(eco18.id)[0]
        assert up18.agency.jurisdiction == jid and up18.agency.type == "government", name


def test_new_agencies_exist_in_2019_and_not_in_2018(service: OrgService) -> None:
    for name, jid in counties(service).items():
        types19 = {a.type for a in service.agencies("2019", jid)}
        types18 = {a.type for a in service.agencies("2018", jid)}
        assert NEW_AGENCIES <= types19, name
        assert not NEW_AGENCIES & types18, name
    # none of them merely continues an older body of the same kind
    for agency in service.agencies("2019"):
        if agency.type in NEW_AGENCIES:
            for edge in service.lineage(agency.id):
                if edge.end == agency.id:
                    assert edge.change is not None and edge.change.value != "continued"


def test_unified_management_by_the_party_departments(service: OrgService) -> None:
    for name, jid in counties(service).items():
        by_type = {a.type: a for a in service.agencies("2019", jid)}
        ups = {e.start: e for e in service.edges("2019", jid) if e.type is RelType.REPORTS_TO and e.mode == "unified"}
        assert ups[by_type["establishment_office"].id].end == by_type["organization"].id, name
        assert ups[by_type["ethnic_affairs"].id].end == by_type["united_front"].id, name
        held = Counter((e.start, e.end) for e in service.edges("2019", jid) if e.type is RelType.HAS_FUNCTION)
        assert held[(by_type["organization"].id, "civil_service")] == 1
        for fid in ("press_publication", "film"):
            assert held[(by_type["publicity"].id, fid)] == 1
        for fid in ("religious_affairs", "overseas_chinese", "ethnic_affairs"):
            assert held[(by_type["united_front"].id, fid)] == 1


def test_ten_coordination_bodies_each_with_its_office(service: OrgService) -> None:
    for name, jid in counties(service).items():
        bodies = [a for a in service.agencies("2019", jid) if a.category is Category.COORDINATION]
        assert len(bodies) == COORDINATION_AREAS, name
        hosted = {e.start for e in service.edges("2019", jid) if e.type is RelType.HOSTED_BY and e.mode == "office_in"}
        assert {b.id for b in bodies} <= hosted, name


def test_at_most_eight_enforcement_teams_covering_the_five_domains(service: OrgService) -> None:
    domains = {
        "enforcement_market",
        "enforcement_ecology",
        "enforcement_culture",
        "enforcement_transport",
        "enforcement_agriculture",
    }
    for name, jid in counties(service).items():
        teams = [a for a in service.agencies("2019", jid) if a.category is Category.ENFORCEMENT]
        assert len(teams) <= 8, name
        covered = {a.type for a in teams}
        if name == "锡林浩特市":  # one enforcement level with the league (seed): the league's units cover the seat
            covered |= {a.type for a in service.agencies("2019", "152500") if a.category is Category.ENFORCEMENT}
        assert domains <= covered, name


def test_counterparts_at_every_level(service: OrgService) -> None:
    for agency_type in ("government_services", "culture_tourism", "health"):
        places = {a.jurisdiction for a in service.agencies("2019") if a.type == agency_type}
        assert "152500" in places and set(counties(service).values()) <= places, agency_type


def test_every_agency_and_edge_is_cited_and_seed_means_the_seed(dataset: Dataset) -> None:
    sources = {s.id: s for s in dataset.sources}
    for item in (*dataset.agencies, *dataset.edges, *dataset.jurisdictions):
        assert item.source in sources
        assert sources[item.source].basis is item.basis, item
    assert Counter(a.basis for a in dataset.agencies)[Basis.MODELED] > 0


def test_named_queries_state_the_same_facts(service: OrgService) -> None:
    quota = {r["jurisdiction"]: (r["quota"], r["counted"]) for r in service.run_named("quota_counts").rows}
    assert quota == {name: (q, q) for name, q in QUOTAS.items()}
    special = service.run_named("special_departments").rows
    for dept, expected in (
        ("poverty_alleviation", POVERTY),
        ("foreign_affairs", FOREIGN),
        ("forestry_grassland", FORESTRY),
    ):
        assert {r["jurisdiction"] for r in special if r["department"] == dept} == expected
    eco = service.run_named("ecology_dispatched").rows
    county_rows = [r for r in eco if r["jurisdiction_id"] in counties(service).values()]
    assert len(county_rows) == 12 and {r["mode"] for r in county_rows} == {"dispatched"}
    assert {r["target_jurisdiction"] for r in county_rows} == {"152500"}
    new = Counter(r["type"] for r in service.run_named("new_agencies").rows)
    assert new == {t: 12 for t in NEW_AGENCIES}
    assert all(r["teams"] <= 8 for r in service.run_named("enforcement_teams").rows if r["level"] == "county")
    offices = Counter(r["jurisdiction"] for r in service.run_named("coordination_offices").rows)
    assert offices == {jid: COORDINATION_AREAS for jid in counties(service).values()}
    unified = {(r["type"], r["manager_type"]) for r in service.run_named("unified_management").rows}
    assert {("establishment_office", "organization"), ("ethnic_affairs", "united_front")} <= unified
    rows = service.run_named("reporting_chain", {"agency_id": "152528-2019-emergency_management"}).rows  # any mode
    steps = service.chain("152528-2019-emergency_management")  # the main line
    reachable = {r["id"]: r["steps"] for r in rows}
    assert {s.agency.id for s in steps} <= set(reachable)
    assert all(reachable[s.agency.id] <= s.depth for s in steps)
    assert "152500-2019-emergency_management" in reachable  # guided by the league bureau


# ---- lineage, reporting lines, institutions (seed rules), and the remaining named queries -------------------------
MANDATED_SOURCES = {  # where the seed puts each duty in 2019 (组织部 / 宣传部 / 统战部)
    "organization": {"civil_service"},
    "publicity": {"press_publication", "film"},
    "united_front": {"religious_affairs", "overseas_chinese"},
}
FORBIDDEN_INSTITUTION_ENDINGS = ("委", "办", "局")  # 改革后保留设置的事业单位,名称不再称"委、办、局"


def test_new_bodies_are_formed_by_mergers_and_transferred_duties(service: OrgService) -> None:
    """Emergency management, veterans affairs, medical security and the supervisory commission are new in 2019: each
    has predecessors, all by merger or transfer of duties; the party departments receive the duties the seed gives
    them from some 2018 body."""
    for name, jid in counties(service).items():
        by_type = {a.type: a for a in service.agencies("2019", jid)}
        for agency_type in NEW_AGENCIES:
            incoming = [e for e in service.lineage(by_type[agency_type].id) if e.end == by_type[agency_type].id]
            assert incoming, (name, agency_type)
            assert {e.change.value for e in incoming} <= {"merged", "transferred"}, (name, agency_type)
        for department, duties in MANDATED_SOURCES.items():
            target = by_type[department].id
            moved = {e.function for e in service.lineage(target) if e.end == target and e.change.value == "transferred"}
            assert duties <= moved, (name, department)
            assert all(service.agency(e.start).snapshot == "2018" for e in service.lineage(target) if e.end == target)


def test_every_2018_agency_has_a_successor(service: OrgService) -> None:
    for agency in service.agencies("2018"):
        assert any(e.start == agency.id for e in service.lineage(agency.id)), agency.id


def test_the_seed_states_no_lineage(dataset: Dataset) -> None:
    """The seed says which body holds what in 2019, never which old body it came from: no BECAME edge is `seed`."""
    became = dataset.edges_of(RelType.BECAME)
    assert became and not [e for e in became if e.basis is Basis.SEED]


def test_every_agency_reports_to_an_agency_of_its_snapshot(service: OrgService) -> None:
    """Only the region party committee is a top; everything else has a REPORTS_TO line within its snapshot."""
    for snapshot in ("2018", "2019"):
        ids = {a.id for a in service.agencies(snapshot)}
        starts = {e.start for e in service.edges(snapshot) if e.type is RelType.REPORTS_TO and e.end in ids}
        tops = [a for a in service.agencies(snapshot) if a.id not in starts]
        assert [(a.jurisdiction, a.type) for a in tops] == [("150000", "party_committee")], snapshot
        for name, jid in counties(service).items():  # every county chain ends at the region party committee
            (committee,) = [a for a in service.agencies(snapshot, jid) if a.type == "party_committee"]
            assert service.chain(committee.id)[-1].agency.id == tops[0].id, name


def test_retained_institutions_are_not_named_wei_ban_ju(service: OrgService) -> None:
    institutions = [a for a in service.agencies("2019") if a.category is Category.INSTITUTION]
    assert institutions
    assert [a.name_zh for a in institutions if a.name_zh.endswith(FORBIDDEN_INSTITUTION_ENDINGS)] == []


def test_league_seat_has_one_enforcement_level_with_the_league(service: OrgService) -> None:
    """盟与盟所在地只设一个执法层级: 锡林浩特市 keeps no team of its own for the five domains the league covers."""
    league = {a.type for a in service.agencies("2019", "152500") if a.category is Category.ENFORCEMENT}
    seat = {
        a.type for a in service.agencies("2019", counties(service)["锡林浩特市"]) if a.category is Category.ENFORCEMENT
    }
    assert len(league) == 5 and not league & seat


def test_remaining_named_queries(service: OrgService) -> None:
    county_ids = set(counties(service).values())
    rows = service.run_named("counterparts_every_level").rows
    for agency_type in ("government_services", "culture_tourism", "health"):
        places = {r["jurisdiction_id"] for r in rows if r["type"] == agency_type}
        assert places == county_ids | {"152500"}, agency_type
    held = {
        (r["jurisdiction"], r["department"], r["function"])
        for r in service.run_named("party_department_functions").rows
    }
    for jid in county_ids:
        for department, duties in MANDATED_SOURCES.items():
            assert {(jid, department, d) for d in duties} <= held
        assert (jid, "united_front", "ethnic_affairs") in held
    lineage = service.run_named("lineage_of_agency", {"agency_id": "152528-2019-emergency_management"}).rows
    assert lineage and {r["change"] for r in lineage} <= {"merged", "transferred"}
    merged = service.run_named("merged_agencies", {"jurisdiction": counties(service)["锡林浩特市"]}).rows
    assert merged and any(r["new_jurisdiction"] == "152500" for r in merged)  # city teams into the league's
    by_category = service.run_named("agencies_by_category").rows
    assert sum(r["agencies"] for r in by_category) == len(service.agencies("2019"))
    assert {r["category"] for r in by_category if r["agencies"]} >= {"party", "government", "coordination"}
    shares = {(r["snapshot"], r["basis"]): r["agencies"] for r in service.run_named("modeled_share").rows}
    assert sum(shares.values()) == len(service.agencies("2018")) + len(service.agencies("2019"))
    assert shares[("2019", "seed")] > 0 and shares[("2019", "modeled")] > 0


def test_search_in_a_banner_puts_that_banners_bodies_first(service: OrgService) -> None:
    """生态环境 in 镶黄旗 lists 镶黄旗's bodies before the other thirteen jurisdictions'; English words work too."""
    found = service.search("生态环境", snapshot="2019", jurisdiction="152528")
    assert found[0].jurisdiction == "152528"
    in_banner = [a for a in found if a.jurisdiction == "152528"]
    assert found[: len(in_banner)] == in_banner and len(found) > len(in_banner)
    english = service.search("emergency management", snapshot="2019", jurisdiction="152528")
    assert english[0].id == "152528-2019-emergency_management"


def test_no_row_claims_more_than_its_source(dataset: Dataset) -> None:
    """The seed says the united front department 统一领导民族工作, not that the ethnic affairs commission reports to it;
    each county attribute cites its own source (the division codes, the poverty lists), not the row's."""
    unified = [e for e in dataset.edges_of(RelType.REPORTS_TO) if e.mode == "unified" and "ethnic_affairs" in e.start]
    assert len(unified) == 12 and all(e.basis is Basis.MODELED and "统一领导民族工作" in e.note for e in unified)
    sources = {s.id for s in dataset.sources}
    for j in dataset.jurisdictions:
        assert j.attribute("division_code") == j.id and j.attribute("division_code_source") == "divisions"
        if j.level == "county":
            assert {j.attribute(f"{a}_source") for a in ("size_class", "border", "poverty")} <= sources
            poverty = j.attribute("poverty")
            expected = {"national": "poverty-national", "regional": "poverty-2018", "none": "seed"}[str(poverty)]
            assert j.attribute("poverty_source") == expected, j.name_zh
    english = {j.name_zh: j.name_en for j in dataset.jurisdictions}
    assert english["镶黄旗"] == "Xianghuang Banner" and english["正镶白旗"] == "Zhengxiangbai Banner"
    assert english["正蓝旗"] == "Zhenglan Banner"
