"""Rules as data (graph/rules/): each generic kind passing and failing on hand-made worlds, and the data-health
rules. The rules files themselves are tested in test_rules_files.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import Problem
from graph.model import Category, RelType, RuleSpec
from graph.rules.base import RuleContext, Violation
from graph.rules.engine import bind, run_rules
from graph.rules.health import HEALTH_RULES
from graph.rules.kinds import KINDS
from loaders.rules import RuleRefs, parse_rules
from tests.unit.diff_builders import EL, LEAGUE, REGION, XH, World


def refs(world: World) -> RuleRefs:
    places = {j.id: str(j.level) for j in world.jurisdictions}
    return RuleRefs(places, frozenset(places.values()), frozenset({"2018", "2019"}), frozenset({"src", "seed"}))


def spec(world: World, body: str, kind: str) -> RuleSpec:
    """One rule of `kind` with the given TOML body, parsed by the real loader against the world's ids."""
    problems: list[Problem] = []
    text = f'[[rules]]\nid = "t.{kind}"\nkind = "{kind}"\ntitle_en = "t"\nquote = "q"\nsource = "seed"\n{body}'
    (parsed,) = parse_rules(text, refs(world), problems) or (None,)
    assert not problems, [str(p) for p in problems]
    assert parsed is not None
    return parsed


def verdicts(world: World, rule: RuleSpec | str, snapshot: str = "2019") -> dict[str, list[Violation]]:
    """jurisdiction -> violations (empty list: the rule passes there)."""
    r = next(h for h in HEALTH_RULES if h.id == rule) if isinstance(rule, str) else bind(rule)
    results = run_rules(world.context(snapshot), [r])
    return {res.jurisdiction: list(res.violations) for res in results}


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


COUNTY = 'levels = ["county"]\n'


# ---- quota and count -------------------------------------------------------------------------------------------
def test_quota_at_most_passes_at_the_quota_and_fails_above_it_listing_counted_agencies() -> None:
    w = county_world(quota=2)
    rule = spec(w, COUNTY + '[rules.params]\nmode = "at_most"\n', "quota")
    for i in range(2):
        w.add(f"xh-d{i}")
        w.add(f"el-d{i}", jurisdiction=EL)
    w.add("xh-inst", category=Category.INSTITUTION, counted=False)  # not counted
    assert verdicts(w, rule) == {XH: [], EL: []}  # the league has no quota: not judged
    w.add("el-d2", jurisdiction=EL)
    result = verdicts(w, rule)
    assert result[XH] == [] and offenders(result[EL]) == ["el-d0", "el-d1", "el-d2"]
    assert "1 over the quota of 2" in result[EL][0].message_en


def test_quota_exact_fails_below_the_quota_too() -> None:
    w = county_world(quota=2)
    rule = spec(w, COUNTY + '[rules.params]\nmode = "exact"\n', "quota")
    w.add("xh-d0")
    w.add("el-d0", jurisdiction=EL)
    w.add("el-d1", jurisdiction=EL)
    result = verdicts(w, rule)
    assert "quota is exactly 2" in result[XH][0].message_en and result[EL] == []


@pytest.mark.parametrize(
    "params,teams,passes",
    [
        ("at_most = 2", 2, True),
        ("at_most = 2", 3, False),
        ("exactly = 2", 1, False),
        ("exactly = 2", 2, True),
        ("at_least = 2", 1, False),
        ("at_least = 1\nat_most = 3", 3, True),
    ],
)
def test_count_of_selected_bodies(params: str, teams: int, passes: bool) -> None:
    w = county_world()
    rule = spec(
        w,
        COUNTY + f'[rules.select]\ncategory = ["enforcement"]\nlabel_en = "teams"\n[rules.params]\n{params}\n',
        "count",
    )
    for i in range(teams):
        w.add(f"team{i}", category=Category.ENFORCEMENT, counted=False)
    result = verdicts(w, rule)
    assert (result[XH] == []) is passes
    if not passes:
        assert offenders(result[XH]) == [f"team{i}" for i in range(teams)] and "teams" in result[XH][0].message_en


def test_count_by_agency_class_at_a_level() -> None:
    """The State Council's kind of rule: N bodies of a class at the national (here: league) level."""
    w = county_world()
    rule = spec(
        w,
        'levels = ["league"]\n[rules.select]\nagency_class = ["constituent_department"]\n[rules.params]\nexactly = 0\n',
        "count",
    )
    assert verdicts(w, rule) == {LEAGUE: []}


# ---- presence ------------------------------------------------------------------------------------------------------
SPECIAL = '[rules.select]\ncounts_toward_quota = true\nany_of = [{ type = ["poverty_alleviation"] }, { name_keywords = ["扶贫"] }]\n'


def test_present_only_in_the_listed_places_by_type_or_by_name() -> None:
    w = county_world()
    rule = spec(w, COUNTY + SPECIAL + f'[rules.params]\nwhere = ["{XH}"]\n', "present_only_in")
    result = verdicts(w, rule)
    assert len(result[XH]) == 1 and result[EL] == []
    w.add("xh-poverty", type="poverty_alleviation")
    w.add("el-centre", jurisdiction=EL, type="poverty_alleviation", category=Category.INSTITUTION, counted=False)
    assert verdicts(w, rule) == {XH: [], EL: []}  # an uncounted centre is not selected
    w.add("el-poverty", jurisdiction=EL, name_zh="二连浩特市扶贫开发办公室")
    assert offenders(verdicts(w, rule)[EL]) == ["el-poverty"]


def test_present_except_the_listed_places() -> None:
    w = county_world()
    rule = spec(w, COUNTY + SPECIAL + f'[rules.params]\nwhere = ["{EL}"]\n', "present_except")
    w.add("xh-poverty", type="poverty_alleviation")
    assert verdicts(w, rule) == {XH: [], EL: []}
    w.add("el-poverty", jurisdiction=EL, type="poverty_alleviation")
    assert offenders(verdicts(w, rule)[EL]) == ["el-poverty"]


GROUPS = """[rules.params]
groups = [
  { label_en = "emergency", type = ["emergency_management"] },
  { label_en = "veterans", name_keywords = ["退役军人"] },
]
"""


def test_present_in_every_each_group_everywhere() -> None:
    w = county_world()
    rule = spec(w, COUNTY + GROUPS, "present_in_every")
    w.add("xh-em", type="emergency_management")
    w.add("xh-vet", name_zh="镶黄旗退役军人事务局")
    w.add("el-em", jurisdiction=EL, type="emergency_management")
    result = verdicts(w, rule)
    assert result[XH] == [] and [v.message_en for v in result[EL]] == ["Erenhot City lacks: veterans"]


def test_present_in_every_with_an_office() -> None:
    w = county_world()
    rule = spec(
        w,
        COUNTY + '[rules.select]\ncategory = ["coordination"]\n' + GROUPS + 'hosted = "office_in"\n',
        "present_in_every",
    )
    for c in (XH, EL):
        w.add(f"{c}-em", jurisdiction=c, type="emergency_management", category=Category.COORDINATION, counted=False)
        w.add(
            f"{c}-vet",
            jurisdiction=c,
            name_zh="退役军人事务工作领导小组",
            category=Category.COORDINATION,
            counted=False,
        )
        w.host(f"{c}-em", f"{c}-gov")
    w.host(f"{XH}-vet", f"{XH}-gov")
    w.host(f"{EL}-vet", f"{EL}-gov", "plate")  # a plate is not an office
    result = verdicts(w, rule)
    assert result[XH] == [] and offenders(result[EL]) == [f"{EL}-vet"]


def test_new_in_every_needs_a_body_without_structural_predecessor() -> None:
    w = county_world()
    rule = spec(w, COUNTY + '[rules.select]\ntype = ["emergency_management"]\n', "new_in_every")
    w.add("xh-safety", "2018", type="work_safety")
    w.add("xh-em", type="emergency_management")
    w.became("xh-safety", "xh-em", "merged")
    w.add("el-civil", "2018", jurisdiction=EL, type="civil_affairs")
    w.add("el-em", jurisdiction=EL, type="emergency_management")
    w.became("el-civil", "el-em", "transferred", function="f")  # a duty moved in: still new
    data = w.context("2019")
    incoming = tuple(e for e in w.dataset().edges if e.type is RelType.BECAME)  # from 2018 into 2019
    ctx = RuleContext("2019", data.agencies, data.edges, data.jurisdictions, data.sources, incoming)
    result = {r.jurisdiction: r.passed for r in run_rules(ctx, [bind(rule)])}
    assert result == {XH: False, EL: True}
    merged_ok = spec(
        w,
        COUNTY + '[rules.select]\ntype = ["emergency_management"]\n[rules.params]\nallow_merged = true\n',
        "new_in_every",
    )
    assert all(r.passed for r in run_rules(ctx, [bind(merged_ok)]))


# ---- names and lines ---------------------------------------------------------------------------------------------------
def test_name_suffix_forbidden_for_a_category() -> None:
    w = county_world()
    rule = spec(
        w,
        '[rules.select]\ncategory = ["institution"]\n[rules.params]\nsuffixes = ["委", "办", "局"]\n',
        "name_suffix_forbidden",
    )
    w.add("centre", name_zh="镶黄旗融媒体中心", category=Category.INSTITUTION, counted=False)
    w.add("bureau", name_zh="镶黄旗粮食局")  # a government bureau may be a 局
    assert verdicts(w, rule)[XH] == []
    for i, ending in enumerate("委办局"):
        w.add(f"inst{i}", name_zh=f"镶黄旗某某{ending}", category=Category.INSTITUTION, counted=False)
    assert offenders(verdicts(w, rule)[XH]) == ["inst0", "inst1", "inst2"]


ECO = (
    COUNTY
    + """[rules.select]
type = ["ecology_environment"]
label_en = "ecology body"
[rules.params]
by = { type = ["ecology_environment"], level = ["league"], label_en = "the league bureau" }
"""
)


def test_dispatched_by_a_body_the_by_select_picks() -> None:
    w = county_world()
    rule = spec(w, ECO, "dispatched_by")
    w.add("lg-eco", jurisdiction=LEAGUE, type="ecology_environment")
    w.add("xh-eco", type="ecology_environment", counted=False)
    w.rep("xh-eco", "lg-eco", "dispatched")
    w.add("el-eco", jurisdiction=EL, type="ecology_environment")
    w.rep("el-eco", "el-gov", "leads")
    w.rep("el-eco", "lg-eco", "guides")
    result = verdicts(w, rule)
    assert result[XH] == [] and offenders(result[EL]) == ["el-eco"]
    assert "not a dispatched office of the league bureau" in result[EL][0].message_en


def test_dispatched_to_a_county_body_or_missing_fails() -> None:
    w = county_world()
    rule = spec(w, ECO, "dispatched_by")
    w.add("xh-eco", type="ecology_environment")
    w.add("xh-other-eco", type="ecology_environment")
    w.rep("xh-eco", "xh-other-eco", "dispatched")  # not at league level
    result = verdicts(w, rule)
    assert "xh-eco" in offenders(result[XH])
    assert result[EL][0].message_en == "Erenhot City has no ecology body"


def test_hosted_by_each_selected_body() -> None:
    w = county_world()
    rule = spec(w, '[rules.select]\ncategory = ["coordination"]\n', "hosted_by")
    w.add("office-ok", category=Category.COORDINATION, counted=False)
    w.host("office-ok", "xh-gov")
    w.add("plate-only", category=Category.COORDINATION, counted=False)
    w.host("plate-only", "xh-gov", "plate")
    assert offenders(verdicts(w, rule)[XH]) == ["plate-only"]


def test_every_kind_is_documented_and_tested_here() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    for kind in KINDS.values():
        assert kind.doc and f'"{kind.id}"' in source, kind.id
        assert all(p.doc for p in kind.params.values()), kind.id


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
