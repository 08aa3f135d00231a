"""The published facts of the 2018 and 2023 State Council reforms hold in data/state-council, through the service API
and through Cypher, on both backends. Expected values are written from the sources (the plans, the Xinhua list of the
26 departments, the reports of the changes between the rounds), not read back from the CSV files."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from paths import ROOT

from graph.model import Basis, Dataset, RelType
from service import OrgService

STATE_COUNCIL = ROOT / "data" / "state-council"
SNAPSHOTS = ["2017", "2018", "2022", "2023"]

# 国务院机构改革方案获准 25个组成部门一览 (2013) / 国务院设置组成部门26个 (Xinhua, 2018-03-13)
CONSTITUENT_2017 = {
    "外交部", "国防部", "国家发展和改革委员会", "教育部", "科学技术部", "工业和信息化部", "国家民族事务委员会", "公安部",
    "国家安全部", "监察部", "民政部", "司法部", "财政部", "人力资源和社会保障部", "国土资源部", "环境保护部",
    "住房和城乡建设部", "交通运输部", "水利部", "农业部", "商务部", "文化部", "国家卫生和计划生育委员会", "中国人民银行",
    "审计署",
}  # fmt: skip
CONSTITUENT_2018 = {
    "外交部", "国防部", "国家发展和改革委员会", "教育部", "科学技术部", "工业和信息化部", "国家民族事务委员会", "公安部",
    "国家安全部", "民政部", "司法部", "财政部", "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部",
    "交通运输部", "水利部", "农业农村部", "商务部", "文化和旅游部", "国家卫生健康委员会", "退役军人事务部", "应急管理部",
    "中国人民银行", "审计署",
}  # fmt: skip
CONSTITUENT = {"2017": CONSTITUENT_2017, "2018": CONSTITUENT_2018, "2022": CONSTITUENT_2018, "2023": CONSTITUENT_2018}

# 组建 … in the 2018 plan; the changes between the rounds; 组建 … in the 2023 plans
NEW_2018 = {
    "自然资源部", "生态环境部", "农业农村部", "文化和旅游部", "国家卫生健康委员会", "退役军人事务部", "应急管理部",
    "国家市场监督管理总局", "国家广播电视总局", "国家国际发展合作署", "国家医疗保障局", "中国银行保险监督管理委员会",
    "中央广播电视总台", "国家移民管理局", "国家林业和草原局", "国家药品监督管理局", "国家粮食和物资储备局", "国家监察委员会",
}  # fmt: skip
NEW_BETWEEN = {"国家乡村振兴局", "国家疾病预防控制局", "国家矿山安全监察局"}
NEW_2023 = {"国家金融监督管理总局", "国家数据局", "中共中央港澳工作办公室", "中共中央社会工作部"}

# 不再保留 … : the body, and where it went (the structural successors, by name)
ABOLISHED_2018 = {
    "国土资源部": {"自然资源部"},
    "国家海洋局": {"自然资源部"},
    "国家测绘地理信息局": {"自然资源部"},
    "环境保护部": {"生态环境部"},
    "农业部": {"农业农村部"},
    "文化部": {"文化和旅游部"},
    "国家旅游局": {"文化和旅游部"},
    "国家卫生和计划生育委员会": {"国家卫生健康委员会"},
    "国家安全生产监督管理总局": {"应急管理部"},
    "国务院法制办公室": {"司法部"},
    "国家工商行政管理总局": {"国家市场监督管理总局"},
    "国家质量监督检验检疫总局": {"国家市场监督管理总局"},
    "国家食品药品监督管理总局": {"国家市场监督管理总局", "国家药品监督管理局"},
    "国家新闻出版广电总局": {"国家广播电视总局"},
    "中国银行业监督管理委员会": {"中国银行保险监督管理委员会"},
    "中国保险监督管理委员会": {"中国银行保险监督管理委员会"},
    "国家林业局": {"国家林业和草原局"},
    "国家粮食局": {"国家粮食和物资储备局"},
    "国家外国专家局": {"科学技术部"},
    "国家公务员局": {"中共中央组织部"},
    "国家宗教事务局": {"中共中央统一战线工作部"},
    "国务院侨务办公室": {"中共中央统一战线工作部"},
    "国家行政学院": {"中共中央党校"},
    "监察部": {"国家监察委员会"},
    "国家预防腐败局": {"国家监察委员会"},
    "国务院三峡工程建设委员会办公室": {"水利部"},
    "国务院南水北调工程建设委员会办公室": {"水利部"},
}
CHANGED_BETWEEN = {"国务院扶贫开发领导小组办公室": {"国家乡村振兴局"}, "国家煤矿安全监察局": {"国家矿山安全监察局"}}
ABOLISHED_2023 = {
    "中国银行保险监督管理委员会": {"国家金融监督管理总局"},
    "国家乡村振兴局": {"农业农村部"},
    "国务院港澳事务办公室": {"中共中央港澳工作办公室"},
}
# plates (加挂牌子) the plans and notices state: (snapshot, plate, host)
PLATES = [
    ("2018", "国家海洋局", "自然资源部"),
    ("2018", "国家公务员局", "中共中央组织部"),
    ("2018", "国家新闻出版署", "中共中央宣传部"),
    ("2018", "国家电影局", "中共中央宣传部"),
    ("2018", "国家宗教事务局", "中共中央统一战线工作部"),
    ("2018", "国务院侨务办公室", "中共中央统一战线工作部"),
    ("2018", "国家外国专家局", "科学技术部"),
    ("2023", "国家外国专家局", "人力资源和社会保障部"),
    ("2023", "国家乡村振兴局", "农业农村部"),
    ("2023", "国务院港澳事务办公室", "中共中央港澳工作办公室"),
    ("2023", "国家海洋局", "自然资源部"),
]
NEXT = {"2017": "2018", "2018": "2022", "2022": "2023"}
# bodies other than the constituent departments that manage a national bureau (国发〔2013〕15号, 〔2018〕7号)
MANAGERS = {"国务院办公厅", "国家安全生产监督管理总局", "国家市场监督管理总局"}


@pytest.fixture(scope="module")
def dataset(state_council_dataset: Dataset) -> Dataset:
    return state_council_dataset


@pytest.fixture(scope="module", params=["networkx", "neo4j"])
def service(request: pytest.FixtureRequest, dataset: Dataset) -> Iterator[OrgService]:
    """The State Council dataset in a store of each backend, behind the service API the app and CLI use."""
    if request.param == "networkx":
        from graph.embedded.store import NetworkxStore

        store = NetworkxStore()
    else:
        from graph.neo4j.store import Neo4jStore

        store = Neo4jStore(request.getfixturevalue("neo4j_driver"))
    store.load(dataset)
    yield OrgService(store, dataset)
    store.close()


def named(service: OrgService, snapshot: str, name_zh: str, *, plates: bool = False) -> list[str]:
    """Ids of the agencies of that name in the snapshot; without plates unless asked (a plate may carry the name of
    a body the plan abolished)."""
    hosted = {e.start for e in service.edges(snapshot) if e.type is RelType.HOSTED_BY and e.mode == "plate"}
    return [a.id for a in service.agencies(snapshot) if a.name_zh == name_zh and (plates or a.id not in hosted)]


def structural_successors(service: OrgService, agency_id: str) -> set[str]:
    """Names of the agencies a body BECAME by any change but a transfer of duties."""
    return {
        service.agency(e.end).name_zh
        for e in service.lineage(agency_id)
        if e.type is RelType.BECAME
        and e.start == agency_id
        and e.change is not None
        and e.change.value != "transferred"
    }


def diff_successors(diff: object, agency_id: str) -> set[str]:
    """Ids of the after-agencies a before-agency went to, as a SnapshotDiff states it."""
    out = {p.after.id for p in (*diff.continued, *diff.renamed) if p.before.id == agency_id}  # type: ignore[attr-defined]
    out |= {m.target.id for m in diff.merged if agency_id in {s.id for s in m.sources}}  # type: ignore[attr-defined]
    out |= {t.id for s in diff.split if s.source.id == agency_id for t in s.targets}  # type: ignore[attr-defined]
    return out


# ---- the dataset ---------------------------------------------------------------------------------------------------
def test_one_national_jurisdiction_and_four_snapshots(dataset: Dataset) -> None:
    assert [(j.id, j.parent) for j in dataset.jurisdictions] == [("cn", None)]
    assert dataset.snapshot_ids() == SNAPSHOTS
    assert [s.role.value for s in dataset.snapshots] == ["before", "after", "before", "after"]


def test_every_row_cites_a_source_of_its_own_basis_and_modeled_rows_say_why(dataset: Dataset) -> None:
    sources = {s.id: s for s in dataset.sources}
    for item in (*dataset.agencies, *dataset.edges, *dataset.jurisdictions):
        assert item.source in sources, item
        assert sources[item.source].basis is item.basis, item
    for item in (*dataset.agencies, *dataset.edges):
        if item.basis is Basis.MODELED and getattr(item, "type", None) is not RelType.IN:  # IN is derived
            assert item.note.strip(), item
    assert {a.basis for a in dataset.agencies} == {Basis.PUBLIC, Basis.MODELED}


def test_lineage_joins_consecutive_snapshots_only(dataset: Dataset) -> None:
    snap = {a.id: a.snapshot for a in dataset.agencies}
    for edge in dataset.edges_of(RelType.BECAME):
        assert NEXT[snap[edge.start]] == snap[edge.end], edge


# ---- through the service API, on both backends ---------------------------------------------------------------------
@pytest.mark.parametrize("snapshot", SNAPSHOTS)
def test_constituent_departments(service: OrgService, snapshot: str) -> None:
    got = {a.name_zh for a in service.agencies(snapshot) if a.agency_class == "constituent_department"}  # type: ignore[attr-defined]
    assert got == CONSTITUENT[snapshot]
    assert len(got) == (25 if snapshot == "2017" else 26)


@pytest.mark.parametrize(
    "before, after, new",
    [("2017", "2018", NEW_2018), ("2018", "2022", NEW_BETWEEN), ("2022", "2023", NEW_2023)],
)
def test_new_bodies_of_each_round(service: OrgService, before: str, after: str, new: set[str]) -> None:
    names_before = {a.name_zh for a in service.agencies(before)}
    names_after = {a.name_zh for a in service.agencies(after)}
    assert new <= names_after
    assert not new & names_before
    # a new body does not merely continue an older one
    for name in new:
        (aid,) = named(service, after, name)
        into = [e for e in service.lineage(aid) if e.type is RelType.BECAME and e.end == aid]
        assert all(e.change is not None and e.change.value != "continued" for e in into), name


@pytest.mark.parametrize(
    "before, gone", [("2017", ABOLISHED_2018), ("2018", CHANGED_BETWEEN), ("2022", ABOLISHED_2023)]
)
def test_abolished_bodies_and_where_each_went(service: OrgService, before: str, gone: dict[str, set[str]]) -> None:
    after = NEXT[before]
    for name, where in gone.items():
        (aid,) = named(service, before, name, plates=True)  # 国家预防腐败局 was itself a plate on 监察部
        assert structural_successors(service, aid) == where, name
        assert not named(service, after, name), name  # no body of that name goes on (a plate may)
    diff = service.diff(before, after)
    abolished = {a.id for a in diff.abolished}
    for name, where in gone.items():
        (aid,) = named(service, before, name, plates=True)
        assert aid not in abolished, name  # it went somewhere
        assert {service.agency(t).name_zh for t in diff_successors(diff, aid)} == where, name


def test_duties_moved_by_the_2018_plan(service: OrgService) -> None:
    """A few transfers the plan states word for word (划入 …)."""
    diff = service.diff("2017", "2018")
    moved = {(t.source.name_zh, t.target.name_zh, t.function) for t in diff.transferred}
    assert {
        ("国家发展和改革委员会", "生态环境部", "climate_change"),
        ("公安部", "应急管理部", "fire_control"),
        ("民政部", "退役军人事务部", "veterans_care"),
        ("国家新闻出版广电总局", "中共中央宣传部", "press_publication"),
        ("国家新闻出版广电总局", "中共中央宣传部", "film"),
        ("商务部", "国家市场监督管理总局", "antimonopoly"),
    } <= moved


def test_reporting_lines_by_class(service: OrgService) -> None:
    for snapshot in SNAPSHOTS:
        by_id = {a.id: a for a in service.agencies(snapshot)}
        lines = {e.start: e for e in service.edges(snapshot) if e.type is RelType.REPORTS_TO}
        for agency in by_id.values():
            cls = agency.agency_class  # type: ignore[attr-defined]
            if cls == "national_bureau":
                assert lines[agency.id].mode == "manages", agency.id
                assert by_id[lines[agency.id].end].name_zh in MANAGERS | CONSTITUENT[snapshot]
            elif cls:
                assert lines[agency.id].mode == "leads", agency.id
                assert by_id[lines[agency.id].end].name_zh == "国务院", agency.id


@pytest.mark.parametrize("snapshot, plate, host", PLATES)
def test_plates_are_hosted_by_the_body_doing_the_work(
    service: OrgService, snapshot: str, plate: str, host: str
) -> None:
    by_id = {a.id: a for a in service.agencies(snapshot)}
    hosted = [
        by_id[e.end].name_zh
        for e in service.edges(snapshot)
        if e.type is RelType.HOSTED_BY and e.mode == "plate" and by_id[e.start].name_zh == plate
    ]
    assert hosted == [host]


def test_class_changes_of_2023(service: OrgService) -> None:
    """证监会 and 国家知识产权局 / 国家信访局 become directly affiliated (调整为国务院直属机构)."""
    for name, before in (("中国证券监督管理委员会", "public_institution"), ("国家知识产权局", "national_bureau"),
                         ("国家信访局", "national_bureau")):  # fmt: skip
        (old,) = named(service, "2022", name)
        (new,) = named(service, "2023", name)
        assert service.agency(old).agency_class == before  # type: ignore[attr-defined]
        assert service.agency(new).agency_class == "directly_affiliated"  # type: ignore[attr-defined]
        assert service.chain(new)[0].agency.name_zh == "国务院"


# ---- through Cypher, on both backends --------------------------------------------------------------------------------
def test_cypher_counts_constituent_departments(service: OrgService) -> None:
    rows = service.query(
        "MATCH (a:Agency) WHERE a.dataset = $dataset AND a.agency_class = 'constituent_department' "
        "RETURN a.snapshot AS snapshot, count(a) AS n ORDER BY snapshot"
    ).rows
    assert {r["snapshot"]: r["n"] for r in rows} == {"2017": 25, "2018": 26, "2022": 26, "2023": 26}


def test_cypher_national_bureaus_are_managed_by_their_ministry(service: OrgService) -> None:
    rows = service.query(
        "MATCH (b:Agency)-[r:REPORTS_TO]->(m:Agency) WHERE b.dataset = $dataset AND b.agency_class = 'national_bureau' "
        "RETURN r.mode AS mode, count(b) AS n"
    ).rows
    assert {r["mode"]: r["n"] for r in rows} == {"manages": 16 + 16 + 18 + 17}
    rows = service.query(
        "MATCH (b:Agency {name_zh: '国家移民管理局'})-[r:REPORTS_TO]->(m:Agency) WHERE b.dataset = $dataset "
        "RETURN b.snapshot AS snapshot, m.name_zh AS ministry ORDER BY snapshot"
    ).rows
    assert [(r["snapshot"], r["ministry"]) for r in rows] == [
        ("2018", "公安部"),
        ("2022", "公安部"),
        ("2023", "公安部"),
    ]


@pytest.mark.parametrize(
    "start, end",
    [
        ("环境保护部", "生态环境部"),
        ("中国银行业监督管理委员会", "国家金融监督管理总局"),
        ("中国保险监督管理委员会", "国家金融监督管理总局"),
        ("国务院扶贫开发领导小组办公室", "农业农村部"),
    ],
)
def test_cypher_two_round_lineage(service: OrgService, start: str, end: str) -> None:
    """Three structural BECAME steps lead from the 2017 body to the 2023 one."""
    rows = service.query(
        "MATCH (a:Agency)-[r1:BECAME]->(b:Agency)-[r2:BECAME]->(c:Agency)-[r3:BECAME]->(d:Agency) "
        "WHERE a.dataset = $dataset AND a.snapshot = '2017' AND a.name_zh = $start AND r1.change <> 'transferred' "
        "AND r2.change <> 'transferred' AND r3.change <> 'transferred' "
        "RETURN b.name_zh AS b, c.name_zh AS c, d.name_zh AS d",
        {"start": start},
    ).rows
    assert end in {r["d"] for r in rows}


def test_cypher_where_the_party_took_state_council_bodies(service: OrgService) -> None:
    rows = service.query(
        "MATCH (a:Agency)-[r:BECAME]->(p:Agency) WHERE a.dataset = $dataset AND a.snapshot = '2017' "
        "AND p.category = 'party' AND r.change = 'merged' RETURN a.name_zh AS body, p.name_zh AS party"
    ).rows
    got = {(r["body"], r["party"]) for r in rows}
    assert {
        ("国家公务员局", "中共中央组织部"),
        ("国家宗教事务局", "中共中央统一战线工作部"),
        ("国务院侨务办公室", "中共中央统一战线工作部"),
        ("国家行政学院", "中共中央党校"),
    } <= got


# ---- composed diffs (2017 -> 2023, through 2018 and 2022) -------------------------------------------------------------------------------------
def test_composed_diff_environment(service: OrgService) -> None:
    diff = service.diff("2017", "2023")
    (old,) = named(service, "2017", "环境保护部")
    assert {service.agency(t).name_zh for t in diff_successors(diff, old)} == {"生态环境部"}
    assert old not in {a.id for a in diff.abolished}


def test_composed_diff_financial_regulators(service: OrgService) -> None:
    diff = service.diff("2017", "2023")
    (target,) = named(service, "2023", "国家金融监督管理总局")
    (merge,) = [m for m in diff.merged if m.target.id == target]
    assert {"中国银行业监督管理委员会", "中国保险监督管理委员会"} <= {a.name_zh for a in merge.sources}
    assert target not in {a.id for a in diff.established}


def test_composed_diff_poverty_office_into_agriculture(service: OrgService) -> None:
    diff = service.diff("2017", "2023")
    (old,) = named(service, "2017", "国务院扶贫开发领导小组办公室")
    assert "农业农村部" in {service.agency(t).name_zh for t in diff_successors(diff, old)}
    assert old not in {a.id for a in diff.abolished}
    # 国家乡村振兴局 was set up and folded in between the two ends: it is in neither snapshot of the comparison
    assert not named(service, "2023", "国家乡村振兴局")
