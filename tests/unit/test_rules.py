"""The reform's rules (graph/rules/engine.py, graph/rules/defs.py, graph/rules/health.py): each rule passing and failing on
hand-made worlds, the registry, the quotes against the seed article, the default snapshot plan, the CLI exit codes,
and the mini and Xilingol datasets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import NotFound
from graph.model import Category, Dataset
from graph.rules.defs import (
    AREAS,
    FOREIGN_AFFAIRS_COUNTIES,
    FORESTRY_EXCEPT,
    POVERTY_COUNTIES,
)
from graph.rules.engine import (
    Phase,
    RuleContext,
    Violation,
    all_rules,
    check_dataset,
    get_rule,
    rule,
    run_rules,
)
from tests.conftest import ROOT, XILINGOL, neo4j_settings, require
from tests.unit.diff_builders import EL, LEAGUE, REGION, XH, World

SEED = Path("/work/shared/research/000_c3fa354a23c8eb67.txt")


def verdicts(world: World, rule_id: str, snapshot: str = "2019") -> dict[str, list[Violation]]:
    """jurisdiction -> violations (empty list: the rule passes there)."""
    results = run_rules(world.context(snapshot), [get_rule(rule_id)])
    return {r.jurisdiction: list(r.violations) for r in results}


def offenders(violations: list[Violation]) -> list[str]:
    return sorted(a for v in violations for a in v.agencies)


def county_world(*, quota: int = 3) -> World:
    """Leadership at league and county level, each county with a government, all reporting upwards."""
    w = World(quota=quota)
    w.add("lg-party", jurisdiction=LEAGUE, category=Category.LEADERSHIP, counted=False)
    for c in (XH, EL):
        w.add(f"{c}-gov", jurisdiction=c, category=Category.LEADERSHIP, counted=False)
        w.rep(f"{c}-gov", "lg-party")
    return w


# ---- quota -----------------------------------------------------------------------------------------------
def test_quota_passes_at_the_quota_and_fails_above_it_listing_counted_agencies() -> None:
    w = county_world(quota=2)
    for i in range(2):
        w.add(f"xh-d{i}")
        w.add(f"el-d{i}", jurisdiction=EL)
    w.add("xh-inst", category=Category.INSTITUTION, counted=False)  # not counted
    assert verdicts(w, "quota.within") == {XH: [], EL: []}
    w.add("el-d2", jurisdiction=EL)
    result = verdicts(w, "quota.within")
    assert result[XH] == []
    assert offenders(result[EL]) == ["el-d0", "el-d1", "el-d2"]
    assert "1 over the quota of 2" in result[EL][0].message_en


# ---- mandated new agencies -------------------------------------------------------------------------------
def test_mandated_agencies_by_type_or_by_name() -> None:
    w = county_world()
    w.add("sup", type="supervision", category=Category.DISCIPLINE)
    w.add("em", type="emergency_management")
    w.add("vet", name_zh="镶黄旗退役军人事务局")  # found by name
    assert [v.message_en for v in verdicts(w, "mandated.new_agencies")[XH]] == [
        "Bordered Yellow Banner lacks: medical security"
    ]
    w.add("med", name_zh="镶黄旗医疗保障局")
    assert verdicts(w, "mandated.new_agencies")[XH] == []
    assert (
        "缺少：监察委员会、应急管理、退役军人事务、医疗保障" in verdicts(w, "mandated.new_agencies")[EL][0].message_zh
    )


# ---- special departments exactly where the seed says -----------------------------------------------------------
def test_poverty_department_must_exist_in_listed_banners_and_only_there() -> None:
    w = county_world()
    assert "镶黄旗" in POVERTY_COUNTIES and "二连浩特市" not in POVERTY_COUNTIES
    result = verdicts(w, "special.poverty")
    assert len(result[XH]) == 1 and result[EL] == []
    w.add("xh-poverty", type="poverty_alleviation")
    w.add(
        "el-poverty-centre",
        EL,
        type="poverty_alleviation",
        category=Category.INSTITUTION,
        counted=False,
    )
    assert verdicts(w, "special.poverty") == {
        XH: [],
        EL: [],
    }  # an uncounted centre is no separate department
    w.add("el-poverty", jurisdiction=EL, name_zh="二连浩特市扶贫开发办公室")
    assert offenders(verdicts(w, "special.poverty")[EL]) == ["el-poverty"]


def test_foreign_affairs_department_in_border_units_only_plates_do_not_count() -> None:
    assert "二连浩特市" in FOREIGN_AFFAIRS_COUNTIES and "镶黄旗" not in FOREIGN_AFFAIRS_COUNTIES
    w = county_world()
    w.add("el-foreign", jurisdiction=EL, type="foreign_affairs", category=Category.PARTY)
    w.add(
        "xh-foreign-plate",
        type="foreign_affairs",
        category=Category.OTHER,
        counted=False,
    )
    assert verdicts(w, "special.foreign_affairs") == {XH: [], EL: []}
    w.add("xh-foreign", name_zh="镶黄旗人民政府外事办公室")
    assert offenders(verdicts(w, "special.foreign_affairs")[XH]) == ["xh-foreign"]


def test_forestry_everywhere_but_erenhot() -> None:
    assert FORESTRY_EXCEPT == ("二连浩特市",)
    w = county_world()
    w.add("xh-forest", type="forestry_grassland")
    assert verdicts(w, "special.forestry") == {XH: [], EL: []}
    w.add("el-forest", jurisdiction=EL, name_zh="二连浩特市林业和草原局")
    assert offenders(verdicts(w, "special.forestry")[EL]) == ["el-forest"]


# ---- ecology ---------------------------------------------------------------------------------------------
def test_ecology_bodies_dispatched_to_the_league_bureau() -> None:
    w = county_world()
    w.add("lg-eco", jurisdiction=LEAGUE, type="ecology_environment")
    w.add("xh-eco", type="ecology_environment", counted=False)
    w.rep("xh-eco", "lg-eco", "dispatched")
    w.add("el-eco", jurisdiction=EL, type="ecology_environment")
    w.rep("el-eco", "el-gov", "leads")
    w.rep("el-eco", "lg-eco", "guides")
    result = verdicts(w, "ecology.dispatched")
    assert result[XH] == [] and offenders(result[EL]) == ["el-eco"]


def test_ecology_body_dispatched_to_a_county_agency_or_missing_fails() -> None:
    w = county_world()
    w.add("xh-eco", type="ecology_environment")
    w.add("xh-other-eco", type="ecology_environment")
    w.rep("xh-eco", "xh-other-eco", "dispatched")  # not the league bureau
    result = verdicts(w, "ecology.dispatched")
    assert "xh-eco" in offenders(result[XH])
    assert result[EL][0].message_en == "Erenhot City has no ecology body"


# ---- enforcement teams -------------------------------------------------------------------------------------
def test_at_most_eight_enforcement_teams() -> None:
    w = county_world()
    for i in range(8):
        w.add(f"team{i}", category=Category.ENFORCEMENT, counted=False)
    assert verdicts(w, "enforcement.max_teams")[XH] == []
    w.add("team8", category=Category.ENFORCEMENT, counted=False)
    assert len(offenders(verdicts(w, "enforcement.max_teams")[XH])) == 9


# ---- coordination bodies -------------------------------------------------------------------------------------
BODY_NAMES = [
    "全面依法治旗委员会",
    "审计委员会",
    "全面深化改革委员会",
    "网络安全和信息化委员会",
    "国家安全委员会",
    "财经委员会",
    "外事工作委员会",
    "教育工作领导小组",
    "农村牧区工作领导小组",
    "退役军人事务工作领导小组",
]


def ten_bodies(w: World, jurisdiction: str, names: list[str], *, with_office: bool = True) -> None:
    host = w.add(f"{jurisdiction}-host", jurisdiction=jurisdiction, category=Category.PARTY)
    for i, name in enumerate(names):
        body = w.add(
            f"{jurisdiction}-cmte{i}",
            jurisdiction=jurisdiction,
            name_zh=f"中共{name}",
            category=Category.COORDINATION,
            counted=False,
        )
        if with_office:
            w.host(body, host, "office_in")


def test_ten_coordination_bodies_each_with_an_office() -> None:
    assert len(AREAS) == len(BODY_NAMES) == 10
    w = county_world()
    ten_bodies(w, XH, BODY_NAMES)
    ten_bodies(w, EL, BODY_NAMES[:-1])
    result = verdicts(w, "coordination.ten_bodies")
    assert result[XH] == []
    assert [v.message_en for v in result[EL]] == ["Erenhot City lacks coordination bodies for: veterans affairs"]


def test_coordination_body_without_office_fails_both_coordination_rules() -> None:
    w = county_world()
    ten_bodies(w, XH, BODY_NAMES, with_office=False)
    w.add("xh-plate-only", category=Category.COORDINATION, counted=False)
    w.host("xh-plate-only", "xh-gov", "plate")  # a plate is not an office
    assert len(offenders(verdicts(w, "coordination.ten_bodies")[XH])) == 10
    assert "xh-plate-only" in offenders(verdicts(w, "coordination.office")[XH])


# ---- public institutions' names ---------------------------------------------------------------------------------
def test_retained_institutions_not_named_wei_ban_ju() -> None:
    w = county_world()
    w.add(
        "centre",
        name_zh="镶黄旗融媒体中心",
        category=Category.INSTITUTION,
        counted=False,
    )
    w.add("bureau", name_zh="镶黄旗粮食局", category=Category.GOVERNMENT)  # a government bureau may be a 局
    assert verdicts(w, "institution.names")[XH] == []
    for i, ending in enumerate("委办局"):
        w.add(
            f"inst{i}",
            name_zh=f"镶黄旗某某{ending}",
            category=Category.INSTITUTION,
            counted=False,
        )
    assert offenders(verdicts(w, "institution.names")[XH]) == [
        "inst0",
        "inst1",
        "inst2",
    ]


# ---- data health ---------------------------------------------------------------------------------------------------
def test_every_agency_reports_to_something_except_top_bodies_plates_and_co_located() -> None:
    w = county_world()
    w.add("office")
    w.rep("office", "xh-gov")
    w.add("plate", category=Category.OTHER, counted=False)
    w.host("plate", "office", "plate")
    w.add("orphan")
    w.add("el-party", jurisdiction=EL, category=Category.LEADERSHIP, counted=False)  # league leadership exists
    w.add("region-body", jurisdiction=REGION)  # top jurisdiction
    result = verdicts(w, "structure.reports_to")
    assert offenders(result[XH]) == ["orphan"]
    assert offenders(result[EL]) == ["el-party"]
    assert result[LEAGUE] == [] and result[REGION] == []


def test_reporting_cycles_are_found_once_with_their_members() -> None:
    w = county_world()
    for x in "abc":
        w.add(x)
    w.rep("a", "b")
    w.rep("b", "c")
    w.rep("c", "a")
    w.rep("xh-gov", "lg-party")
    (violation,) = verdicts(w, "structure.no_cycles")[XH]
    assert offenders([violation]) == ["a", "b", "c"]
    assert verdicts(county_world(), "structure.no_cycles")[XH] == []


def test_every_fact_cites_an_existing_source() -> None:
    w = county_world()
    w.add("ok")
    w.rep("ok", "xh-gov")
    assert verdicts(w, "structure.cited") == {LEAGUE: [], XH: [], EL: []}
    w.add("ghost", source="nowhere")
    w.rep("ghost", "xh-gov", source="")
    messages = [v.message_en for v in verdicts(w, "structure.cited")[XH]]
    assert any("unknown source 'nowhere'" in m for m in messages)
    assert any(m.startswith("REPORTS_TO ghost → xh-gov: no source") for m in messages)


# ---- registry, quotes, plan ---------------------------------------------------------------------------------------
def test_every_reform_rule_quotes_the_seed_verbatim() -> None:
    require(SEED.exists(), f"the seed article at {SEED}")
    seed = SEED.read_text(encoding="utf-8")
    reform = [r for r in all_rules() if r.source == "seed"]
    assert len(reform) >= 9
    for r in reform:
        assert r.quote and r.title_zh and r.title_en, r.id
        for part in r.quote.split(" … "):
            assert part in seed, f"{r.id}: {part!r} is not in the seed"
    quotes = " ".join(r.quote for r in reform)
    for name in POVERTY_COUNTIES + FOREIGN_AFFAIRS_COUNTIES + FORESTRY_EXCEPT:
        assert name in quotes


def test_a_new_rule_is_one_decorated_function() -> None:
    from graph.rules import engine as registry

    @rule(
        "test.no_grain",
        title_zh="不设粮食局",
        title_en="No grain bureau",
        quote="",
        source="orgraph",
    )
    def no_grain(ctx: RuleContext) -> list[Violation]:
        return [Violation(a.jurisdiction, "粮食局", "grain", (a.id,)) for a in ctx.agencies if "粮食" in a.name_zh]

    try:
        w = county_world()
        w.add("grain", name_zh="镶黄旗粮食局")
        assert offenders(verdicts(w, "test.no_grain")[XH]) == ["grain"]
        with pytest.raises(ValueError, match="registered twice"):
            rule("test.no_grain", title_zh="x", title_en="x")(no_grain)
    finally:
        registry._REGISTRY.pop("test.no_grain", None)


def test_unknown_rule_and_snapshot_are_not_found(mini_dataset: Dataset) -> None:
    with pytest.raises(NotFound, match="no rule 'nope'"):
        get_rule("nope")
    with pytest.raises(NotFound, match="no snapshot '1999'"):
        check_dataset(object(), mini_dataset, snapshot="1999")


# ---- mini and Xilingol on the stores --------------------------------------------------------------------------------
def test_default_plan_reform_rules_on_after_snapshot_health_rules_everywhere(
    store: object, mini_dataset: Dataset
) -> None:
    results = check_dataset(store, mini_dataset)
    snapshots_by_phase = {phase: {r.snapshot for r in results if r.rule.phase is phase} for phase in Phase}
    assert snapshots_by_phase == {Phase.AFTER: {"2019"}, Phase.ANY: {"2018", "2019"}}
    explicit = check_dataset(store, mini_dataset, snapshot="2018", rule_ids=["quota.within"])
    assert [(r.jurisdiction, r.passed) for r in explicit] == [
        ("xh", False),
        ("xlht", True),
    ]  # 11 > 10 in 2018


def test_mini_results_match_its_data(store: object, mini_dataset: Dataset) -> None:
    """Mini 2019 keeps the quota, dispatches both ecology offices and is structurally sound; it lacks medical
    security bureaus and the ten coordination bodies, so those rules fail there."""
    results = {(r.rule.id, r.snapshot, r.jurisdiction): r for r in check_dataset(store, mini_dataset)}
    for jid in ("xh", "xlht"):
        assert results[("quota.within", "2019", jid)].passed
        assert results[("ecology.dispatched", "2019", jid)].passed
        assert not results[("coordination.ten_bodies", "2019", jid)].passed
        assert "medical security" in results[("mandated.new_agencies", "2019", jid)].violations[0].message_en
    health = [r for key, r in results.items() if key[0].startswith("structure.")]
    assert health and all(r.passed for r in health)


@pytest.fixture(scope="module")
def xilingol() -> Dataset:
    require((XILINGOL / "manifest.toml").exists(), f"the Xilingol dataset at {XILINGOL}")
    from loaders import load_dataset

    return load_dataset(XILINGOL)


def test_xilingol_2019_passes_every_rule(xilingol: Dataset) -> None:
    from graph.diff.compare import SnapshotData

    data = SnapshotData.from_dataset(xilingol, "2019")
    context = RuleContext("2019", data.agencies, data.edges, xilingol.jurisdictions, xilingol.sources)
    failed = [
        (r.rule.id, r.jurisdiction, [v.message_en for v in r.violations]) for r in run_rules(context) if not r.passed
    ]
    assert failed == []
    assert len({r.jurisdiction for r in run_rules(context, [get_rule("quota.within")])}) == 12


# ---- CLI ---------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", ["networkx", "neo4j"])
def test_cli_check_exit_codes_and_json(
    backend: str,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if backend == "neo4j":
        request.getfixturevalue("neo4j_driver")  # skips locally / fails in CI without a server
        for name, value in zip(("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"), neo4j_settings()):
            monkeypatch.setenv(name, value)
    from cli import main

    mini = str(ROOT / "tests" / "data" / "mini")
    assert main(["check", "--dataset", mini, "--backend", backend]) == 3
    capsys.readouterr()
    assert (
        main(
            [
                "check",
                "--dataset",
                mini,
                "--backend",
                backend,
                "--rule",
                "quota.within",
                "ecology.dispatched",
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is True and {r["id"] for r in data["rules"]} == {
        "quota.within",
        "ecology.dispatched",
    }
    assert main(["check", "--dataset", mini, "--backend", backend, "--rule", "nope"]) == 2
    assert (
        main(
            [
                "diff",
                "--dataset",
                mini,
                "--backend",
                backend,
                "--from",
                "2018",
                "--to",
                "2019",
                "--jurisdiction",
                "Bordered Yellow Banner",
                "--format",
                "json",
            ]
        )
        == 0
    )
    diff = json.loads(capsys.readouterr().out)
    assert diff["scope"] == "xh" and [a["id"] for a in diff["established"]] == ["m19-xh-veterans"]
    assert (
        main(
            [
                "diff",
                "--dataset",
                mini,
                "--backend",
                backend,
                "--from",
                "2019",
                "--to",
                "2018",
            ]
        )
        == 2  # a comparison that cannot be made is bad input
    )
    assert "swap --from and --to" in capsys.readouterr().err


@pytest.fixture(params=["networkx", "neo4j"])
def xilingol_store(request: pytest.FixtureRequest, xilingol: Dataset) -> object:
    """The Xilingol dataset loaded in a store of each backend."""
    if request.param == "networkx":
        from graph.embedded.store import NetworkxStore

        store: object = NetworkxStore()
    else:
        from graph.neo4j.store import Neo4jStore

        store = Neo4jStore(request.getfixturevalue("neo4j_driver"))
    store.load(xilingol)  # type: ignore[attr-defined]
    yield store
    store.close()  # type: ignore[attr-defined]


def test_xilingol_passes_every_rule_through_each_backend(xilingol_store: object, xilingol: Dataset) -> None:
    """The default plan (reform rules on 2019, data health on both snapshots) passes everywhere."""
    results = check_dataset(xilingol_store, xilingol)
    assert {r.snapshot for r in results} == {"2018", "2019"}
    assert [(r.rule.id, r.snapshot, r.jurisdiction) for r in results if not r.passed] == []
