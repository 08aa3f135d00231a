"""The rules of the 2019 Xilingol county-level reform, each with the seed sentence it rests on, and the data-health
rules every snapshot must meet. Adding a rule is one decorated function here (see graph/rules/engine.py).

Agency kinds are matched by canonical `type` code or, failing that, by a keyword of the Chinese name, because the
seed names departments, not codes. A "separately set up" (单独设置) department is one that counts toward the quota
(a party working organ, government department or discipline organ), not a plate or an institution.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from graph.model import Agency, Category, HostMode, Level, ReportMode
from graph.rules.engine import RuleContext, Violation, counted, is_coordination, rule

__all__ = [
    "AREAS",
    "FOREIGN_AFFAIRS_COUNTIES",
    "FORESTRY_EXCEPT",
    "MANDATED",
    "POVERTY_COUNTIES",
    "Kind",
]

COUNTY = (Level.COUNTY,)


class Kind:
    """A kind of agency: any of `types`, or a name containing any of `keywords`."""

    def __init__(self, zh: str, en: str, types: Iterable[str], keywords: Iterable[str]) -> None:
        self.zh, self.en = zh, en
        self.types, self.keywords = frozenset(types), tuple(keywords)

    def matches(self, agency: Agency) -> bool:
        return agency.type in self.types or any(k in agency.name_zh for k in self.keywords)


SUPERVISION = Kind(
    "监察委员会",
    "supervisory commission",
    {"supervision", "supervisory_commission"},
    ["监察委员会"],
)
EMERGENCY = Kind("应急管理", "emergency management", {"emergency_management"}, ["应急管理"])
VETERANS = Kind("退役军人事务", "veterans affairs", {"veterans_affairs"}, ["退役军人事务"])
MEDICAL = Kind(
    "医疗保障",
    "medical security",
    {"medical_security", "healthcare_security"},
    ["医疗保障"],
)
MANDATED = (SUPERVISION, EMERGENCY, VETERANS, MEDICAL)

POVERTY = Kind("扶贫", "poverty alleviation", {"poverty_alleviation"}, ["扶贫"])
FOREIGN = Kind("外事", "foreign affairs", {"foreign_affairs"}, ["外事"])
FORESTRY = Kind("林草", "forestry and grassland", {"forestry_grassland"}, ["林业和草原", "林草"])
ECOLOGY_TYPE = "ecology_environment"

# The county lists, as the seed names them (matched to jurisdictions by name_zh).
POVERTY_COUNTIES = (
    "苏尼特右旗",
    "太仆寺旗",
    "正镶白旗",
    "阿巴嘎旗",
    "苏尼特左旗",
    "正蓝旗",
    "镶黄旗",
    "多伦县",
)
FOREIGN_AFFAIRS_COUNTIES = (
    "二连浩特市",
    "阿巴嘎旗",
    "东乌珠穆沁旗",
    "苏尼特左旗",
    "苏尼特右旗",
)
FORESTRY_EXCEPT = ("二连浩特市",)

# The ten deliberation and coordination bodies (name keywords of the coordination agency).
AREAS = (
    Kind("全面依法治旗县(市)", "rule of law", {"cmte_rule_of_law"}, ["依法治"]),
    Kind("审计", "audit", {"cmte_audit"}, ["审计"]),
    Kind("全面深化改革", "comprehensive reform", {"cmte_reform"}, ["深化改革"]),
    Kind(
        "网络安全和信息化",
        "cyberspace",
        {"cmte_cyberspace"},
        ["网络安全和信息化", "网信"],
    ),
    Kind("国安", "national security", {"cmte_national_security"}, ["国家安全", "国安"]),
    Kind("财经", "finance and economy", {"cmte_finance_economy"}, ["财经"]),
    Kind("外事", "foreign affairs", {"cmte_foreign_affairs"}, ["外事"]),
    Kind("教育", "education", {"cmte_education"}, ["教育"]),
    Kind("农村牧区", "rural and pastoral work", {"cmte_rural"}, ["农村牧区"]),
    Kind("退役军人事务", "veterans affairs", {"cmte_veterans"}, ["退役军人"]),
)

ENFORCEMENT_TEAM_LIMIT = 8
INSTITUTION_FORBIDDEN_ENDINGS = ("委", "办", "局")


def _ids(agencies: Iterable[Agency]) -> tuple[str, ...]:
    return tuple(sorted(a.id for a in agencies))


@rule(
    "quota.within",
    title_zh="计入限额的机构数不突破机构限额",
    title_en="Counted agencies stay within the quota",
    quote="严格执行机构限额和编制总量“两个不突破”要求",
    levels=COUNTY,
    only_with_quota=True,
)
def quota_within(ctx: RuleContext) -> list[Violation]:
    out = []
    for j in ctx.populated(COUNTY):
        agencies = counted(ctx.of(j.id))
        if j.agency_quota is not None and len(agencies) > j.agency_quota:
            over = len(agencies) - j.agency_quota
            out.append(
                Violation(
                    j.id,
                    f"{j.name_zh} 计入限额机构 {len(agencies)} 个，超出限额 {j.agency_quota} 个中的 {over} 个",
                    f"{j.name_en}: {len(agencies)} counted agencies, {over} over the quota of {j.agency_quota}",
                    _ids(agencies),
                )
            )
    return out


@rule(
    "mandated.new_agencies",
    title_zh="新组建机构全部设置（监察委、应急、退役军人、医保）",
    title_en="Mandated new agencies exist (supervision, emergency, veterans, medical security)",
    quote="如组建旗县(市)监察委员会 … 对中央要求的应急管理、退役军人事务、医疗保障等重点领域新组建机构,全部上下一致坚决落实",
    levels=COUNTY,
)
def mandated_new_agencies(ctx: RuleContext) -> list[Violation]:
    out = []
    for j in ctx.populated(COUNTY):
        agencies = ctx.of(j.id)
        missing = [k for k in MANDATED if not any(k.matches(a) for a in agencies)]
        if missing:
            out.append(
                Violation(
                    j.id,
                    f"{j.name_zh} 缺少：{'、'.join(k.zh for k in missing)}",
                    f"{j.name_en} lacks: {', '.join(k.en for k in missing)}",
                )
            )
    return out


def _exactly_where(ctx: RuleContext, kind: Kind, should_have: Callable[[str], bool]) -> list[Violation]:
    """A separately set up (counted) department of `kind` in exactly the counties `should_have` names."""
    out = []
    for j in ctx.populated(COUNTY):
        found = [a for a in counted(ctx.of(j.id)) if kind.matches(a)]
        if should_have(j.name_zh) and not found:
            out.append(
                Violation(
                    j.id,
                    f"{j.name_zh} 应单独设置{kind.zh}部门，但没有",
                    f"{j.name_en} should have a separate {kind.en} department but has none",
                )
            )
        elif not should_have(j.name_zh) and found:
            out.append(
                Violation(
                    j.id,
                    f"{j.name_zh} 不在原文所列地区，却单独设置了{kind.zh}部门",
                    f"{j.name_en} is not among the places the source names, yet has a separate {kind.en} department",
                    _ids(found),
                )
            )
    return out


@rule(
    "special.poverty",
    title_zh="扶贫部门单独设置于所列8个国贫、区贫旗县",
    title_en="Poverty alleviation departments exactly in the 8 poverty banners",
    quote="苏尼特右旗、太仆寺旗、正镶白旗、阿巴嘎旗、苏尼特左旗、正蓝旗、镶黄旗、多伦县等国贫、区贫旗县单独设置扶贫部门",
    levels=COUNTY,
)
def special_poverty(ctx: RuleContext) -> list[Violation]:
    return _exactly_where(ctx, POVERTY, lambda name: name in POVERTY_COUNTIES)


@rule(
    "special.foreign_affairs",
    title_zh="外事部门单独设置于所列5个边境旗市",
    title_en="Foreign affairs departments exactly in the 5 border units",
    quote="二连浩特市、阿巴嘎旗、东乌珠穆沁旗、苏尼特左旗、苏尼特右旗等5个边境旗市按要求单独设置外事部门",
    levels=COUNTY,
)
def special_foreign_affairs(ctx: RuleContext) -> list[Violation]:
    return _exactly_where(ctx, FOREIGN, lambda name: name in FOREIGN_AFFAIRS_COUNTIES)


@rule(
    "special.forestry",
    title_zh="除二连浩特市外单独设置林草部门",
    title_en="Forestry and grassland departments everywhere but Erenhot",
    quote="除二连浩特市外在其他林业和草原管理任务重的地区单独设置林草部门",
    levels=COUNTY,
)
def special_forestry(ctx: RuleContext) -> list[Violation]:
    return _exactly_where(ctx, FORESTRY, lambda name: name not in FORESTRY_EXCEPT)


@rule(
    "ecology.dispatched",
    title_zh="旗县生态环境部门为盟生态环境局派出机构、由其直接管理",
    title_en="County ecology bodies are dispatched offices managed directly by the league bureau",
    quote="将旗县(市)生态环境部门作为盟生态环境局的派出机构,由盟生态环境局直接管理",
    levels=COUNTY,
)
def ecology_dispatched(ctx: RuleContext) -> list[Violation]:
    out = []
    for j in ctx.populated(COUNTY):
        bodies = [a for a in ctx.of(j.id) if a.type == ECOLOGY_TYPE]
        if not bodies:
            out.append(
                Violation(
                    j.id,
                    f"{j.name_zh} 没有生态环境部门",
                    f"{j.name_en} has no ecology body",
                )
            )
        for a in bodies:
            ok = any(
                e.mode == ReportMode.DISPATCHED.value
                and e.end in ctx.by_id
                and ctx.by_id[e.end].type == ECOLOGY_TYPE
                and ctx.level_of(ctx.by_id[e.end]) is Level.LEAGUE
                for e in ctx.reports.get(a.id, ())
            )
            if not ok:
                out.append(
                    Violation(
                        j.id,
                        f"{a.name_zh} 不是盟生态环境局的派出机构",
                        f"{a.name_en} is not a dispatched office of the league ecology bureau",
                        (a.id,),
                    )
                )
    return out


@rule(
    "enforcement.max_teams",
    title_zh="旗县执法队伍不超过8支",
    title_en="At most 8 law-enforcement teams per county",
    quote="旗县(市)执法队伍不超过8支",
    levels=COUNTY,
)
def enforcement_max_teams(ctx: RuleContext) -> list[Violation]:
    out = []
    for j in ctx.populated(COUNTY):
        teams = [a for a in ctx.of(j.id) if a.category is Category.ENFORCEMENT]
        if len(teams) > ENFORCEMENT_TEAM_LIMIT:
            out.append(
                Violation(
                    j.id,
                    f"{j.name_zh} 有执法队伍 {len(teams)} 支（上限 {ENFORCEMENT_TEAM_LIMIT}）",
                    f"{j.name_en} has {len(teams)} enforcement teams (limit {ENFORCEMENT_TEAM_LIMIT})",
                    _ids(teams),
                )
            )
    return out


def _has_office(ctx: RuleContext, agency: Agency) -> bool:
    return any(e.mode == HostMode.OFFICE_IN.value and e.end in ctx.by_id for e in ctx.hosted.get(agency.id, ()))


@rule(
    "coordination.ten_bodies",
    title_zh="10个方面的议事协调机构及其办事机构",
    title_en="The ten deliberation and coordination bodies, each with its office",
    quote="加强和优化党委全面依法治旗县(市)、审计、全面深化改革、网络安全和信息化、国安、财经、外事、教育、农村牧区、退役军人事务等10个方面的议事协调机构及办事机构",
    levels=COUNTY,
)
def coordination_ten_bodies(ctx: RuleContext) -> list[Violation]:
    out = []
    for j in ctx.populated(COUNTY):
        bodies = [a for a in ctx.of(j.id) if is_coordination(a)]
        missing, homeless = [], []
        for area in AREAS:
            matching = [a for a in bodies if area.matches(a)]
            if not matching:
                missing.append(area)
            elif not any(_has_office(ctx, a) for a in matching):
                homeless += matching
        if missing:
            out.append(
                Violation(
                    j.id,
                    f"{j.name_zh} 缺少议事协调机构：{'、'.join(k.zh for k in missing)}",
                    f"{j.name_en} lacks coordination bodies for: {', '.join(k.en for k in missing)}",
                )
            )
        if homeless:
            out.append(
                Violation(
                    j.id,
                    f"{j.name_zh} 有议事协调机构未设办事机构（HOSTED_BY office_in）",
                    f"{j.name_en}: coordination bodies without an office (HOSTED_BY office_in)",
                    _ids(homeless),
                )
            )
    return out


@rule(
    "coordination.office",
    title_zh="每个议事协调机构都有办事机构（办公室设在某部门）",
    title_en="Every coordination body has its office in an agency (HOSTED_BY office_in)",
    quote="进一步规范管理合署办公机构、挂牌机构、议事协调机构、临时机构、派出机构",
)
def coordination_office(ctx: RuleContext) -> list[Violation]:
    return [
        Violation(
            a.jurisdiction,
            f"{a.name_zh} 没有办事机构",
            f"{a.name_en} has no office (HOSTED_BY office_in)",
            (a.id,),
        )
        for a in ctx.agencies
        if is_coordination(a) and not _has_office(ctx, a)
    ]


@rule(
    "institution.names",
    title_zh="保留的事业单位名称不再称“委、办、局”",
    title_en="Retained public institutions are not named 委, 办 or 局",
    quote="改革后保留设置的事业单位,名称不再称“委、办、局”",
)
def institution_names(ctx: RuleContext) -> list[Violation]:
    return [
        Violation(
            a.jurisdiction,
            f"事业单位 {a.name_zh} 名称以“{a.name_zh[-1]}”结尾",
            f"public institution {a.name_en} has a name ending in {a.name_zh[-1]}",
            (a.id,),
        )
        for a in ctx.agencies
        if a.category is Category.INSTITUTION and a.name_zh.endswith(INSTITUTION_FORBIDDEN_ENDINGS)
    ]
