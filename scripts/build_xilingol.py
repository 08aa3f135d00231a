"""Build data/xilingol (the CSV files analysts read and edit) from the readable templates below.

Run `python scripts/build_xilingol.py` after changing a template; the generated CSVs are committed too. What the seed
article states is `basis: seed`; what another cited page states is `public`; everything else is `modeled` from the
standard county structure of the 2018-2019 reform round (data/xilingol/README.md explains each choice).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "xilingol"


# ---- the twelve county-level units (seed: classes, quotas, the special-department lists) ---------------------------
@dataclass(frozen=True)
class County:
    code: str
    zh: str
    en: str
    size: str
    quota: int
    border: bool  # the 5 border banners/cities that keep a separate foreign-affairs department (seed)
    poverty: str  # national | regional | none (the 8 "国贫、区贫" banners: seed; which is which: public)
    merges: tuple[str, ...] = ()  # modeled mergers that bring the counted agencies down to the quota
    city_management: bool = False  # 城市管理综合行政执法局 (public: existed in 锡林浩特 and 二连浩特)
    literal_en: str = ""  # the literal translation of a banner name whose official English is pinyin

    @property
    def unit(self) -> str:
        return self.zh[-1]  # 旗 / 市 / 县

    @property
    def forestry(self) -> bool:  # seed: a separate forestry-and-grassland department everywhere but 二连浩特市
        return self.zh != "二连浩特市"

    @property
    def poverty_office(self) -> bool:
        return self.poverty != "none"

    @property
    def league_seat(self) -> bool:
        return self.zh == "锡林浩特市"


COUNTIES = (
    County("152502", "锡林浩特市", "Xilinhot City", "large", 37, False, "none", ("petitions",), True),
    County("152501", "二连浩特市", "Erenhot City", "large", 37, True, "none", ("petitions",), True),
    County("152522", "阿巴嘎旗", "Abag Banner", "large", 37, True, "regional", ("petitions", "science")),
    County(
        "152523",
        "苏尼特左旗",
        "Sonid Left Banner",
        "medium",
        36,
        True,
        "regional",
        ("petitions", "science", "commerce"),
    ),
    County("152524", "苏尼特右旗", "Sonid Right Banner", "large", 37, True, "national", ("petitions", "science")),
    County("152525", "东乌珠穆沁旗", "East Ujimqin Banner", "large", 37, True, "none", ("petitions",)),
    County("152526", "西乌珠穆沁旗", "West Ujimqin Banner", "large", 37, False, "none", ()),
    County("152527", "太仆寺旗", "Taibus Banner", "large", 37, False, "national", ("petitions",)),
    County(
        "152528",
        "镶黄旗",
        "Xianghuang Banner",
        "small",
        35,
        False,
        "regional",
        ("petitions", "science", "commerce"),
        literal_en="Bordered Yellow Banner",
    ),
    County(
        "152529",
        "正镶白旗",
        "Zhengxiangbai Banner",
        "large",
        37,
        False,
        "national",
        ("petitions",),
        literal_en="Plain and Bordered White Banner",
    ),
    County(
        "152530",
        "正蓝旗",
        "Zhenglan Banner",
        "large",
        37,
        False,
        "regional",
        ("petitions",),
        literal_en="Plain Blue Banner",
    ),
    County("152531", "多伦县", "Duolun County", "large", 37, False, "regional", ("petitions",)),
)
REGION, LEAGUE = "150000", "152500"


# ---- sources ----------------------------------------------------------------------------------------------------
SOURCES = [
    dict(
        id="seed",
        basis="seed",
        title="自治区党委审核批准锡林郭勒盟各旗县(市)机构改革方案",
        date="2019-01-20",
        publisher="锡林郭勒盟机构编制网 (xlgl.nmgbb.gov.cn)",
        url="https://xlgl.nmgbb.gov.cn/xlglm/newsite/ggjxs/dzqjggg/201901/t20190120_170978.html",
        note="The seed article: size classes and quotas, the special departments, the dispatched ecology offices, "
        "unified management, the ten deliberation bodies, enforcement limits.",
    ),
    dict(
        id="divisions",
        basis="public",
        title="2018年中华人民共和国县以上行政区划代码",
        date="2018",
        publisher="中华人民共和国民政部",
        url="http://www.mca.gov.cn/article/sj/xzqh/2018/",
        note="The six-digit codes of the autonomous region (150000), the league (152500) and its twelve units "
        "(1525xx). Read from a compilation of the official codes, modood/Administrative-divisions-of-China "
        "dist/areas.csv (GitHub, commit 0b7fd75e); the ministry's page itself was not retrieved.",
    ),
    dict(
        id="poverty-national",
        basis="public",
        title="国家扶贫开发工作重点县名单 (2012年调整)",
        date="2012-03",
        publisher="国务院扶贫开发领导小组办公室 (reported by cinic.org.cn, 2012-03-23)",
        url="http://cinic.org.cn/xy/nmg/154234.html",
        note="The national list of key counties for poverty alleviation: 31 in Inner Mongolia after the March 2012 "
        "adjustment, which added 苏尼特右旗 and 正镶白旗; 太仆寺旗, on the 2001 list, was not moved out. 太仆寺旗 and "
        "正镶白旗 left it as national-level poverty banners on 2020-03-04 (内蒙古自治区人民政府公告, "
        "inews.nmgnews.com.cn/system/2020/03/05/012866801.shtml). The office's own page was not retrieved.",
    ),
    dict(
        id="poverty-2018",
        basis="public",
        title="内蒙古57个贫困旗县即将迎来脱贫工作队",
        date="2018-04-29",
        publisher="baogaosu.com (copy of a news report)",
        url="https://huhehaote.baogaosu.com/xinwen/%E4%B8%AA%E8%B4%AB%E5%9B%B0%E6%97%97%E5%8E%BF%E5%8D%B3%E5%B0%86"
        "%E8%BF%8E%E6%9D%A5%E8%84%B1%E8%B4%AB%E5%B7%A5%E4%BD%9C%E9%98%9F/66688981",
        note="National-level poverty banners 太仆寺旗, 正镶白旗, 苏尼特右旗; region-level 阿巴嘎旗, 苏尼特左旗, 镶黄旗, "
        "正蓝旗, 多伦县.",
    ),
    dict(
        id="league-plan",
        basis="public",
        title="锡林郭勒盟机构改革方案 (盟级)",
        date="2019-01-20",
        publisher="锡林郭勒盟机构编制网 (xlgl.nmgbb.gov.cn)",
        url="https://xlgl.nmgbb.gov.cn/xlglm/newsite/ggjxs/dzqjggg/201901/t20190120_170979.html",
        note="The league sets up 47 party and government agencies (13 party, 34 government); the list itself was "
        "not retrievable.",
    ),
    dict(
        id="eco-vertical",
        basis="public",
        title="内蒙古生态环境保护综合执法工作重心下移",
        date="2019-04-13",
        publisher="baogaosu.com (copy of a news report)",
        url="https://huhehaote.baogaosu.com/xinwen/%E5%86%85%E8%92%99%E5%8F%A4%E7%94%9F%E6%80%81%E7%8E%AF%E5%A2%83"
        "%E4%BF%9D%E6%8A%A4%E7%BB%BC%E5%90%88%E6%89%A7%E6%B3%95/74199238",
        note="Press conference on the region's vertical-management plan for eco-environment bodies (issued "
        "2019-01-31): county eco-environment bodies are no longer set up separately but become dispatched "
        "offices of the league/city bureau; league/city bureaus are under dual management led by the region "
        "department.",
    ),
    dict(
        id="pre-merger-2016",
        basis="public",
        title="锡林郭勒盟推进综合行政执法改革试点",
        date="2016-02-13",
        publisher="victorzhang.cn (copy of an official piece)",
        url="http://www.victorzhang.cn/page/2016/0213/17053533.shtml",
        note="County 市场监督管理局 already 工商+食药+质监 (三局合一); county 生态保护局 with an enforcement brigade; "
        "城市综合行政执法局 in 锡林浩特 and 二连浩特.",
    ),
    dict(
        id="league-bureaus",
        basis="public",
        title="锡林郭勒盟自然资源局, 应急管理局, 退役军人事务局 (agency pages)",
        date="2025-02-21",
        publisher="nmg.gov.cn / xlgl.gov.cn",
        url="http://tyjrswt.nmg.gov.cn/sjwy/xwdt_sj/qqdt_sj/202502/t20250221_2670303.html",
        note="Post-reform league bureaus attested by name (also zrzyj.xlgl.gov.cn).",
    ),
    dict(
        id="region-menu",
        basis="public",
        title="内蒙古自治区人民政府 部门列表 (department menu)",
        date="2021-01-26",
        publisher="内蒙古自治区应急管理厅 website",
        url="https://yjglt.nmg.gov.cn/zwgk/zdxx/yjPlan/202101/t20210126_797148.html",
        note="The autonomous region's government and departments after the reform.",
    ),
    dict(
        id="national-plan-2018",
        basis="public",
        title="深化党和国家机构改革方案 (2018)",
        date="2018-03-21",
        publisher="新华社",
        url="http://xiongan.gov.cn/2018-03/21/c_129834228_3.htm",
        note="Which old bodies and duties formed the new ministries; county plans mirror it.",
    ),
    dict(
        id="model-county",
        basis="modeled",
        title="orgraph modeling note: county agency lists, 2018 and 2019 (data/xilingol/README.md)",
        date="",
        publisher="orgraph",
        url="",
        note="No county's name-by-name list is published; modeled from the national and regional template "
        "(research notes, sections B and C).",
    ),
    dict(
        id="model-lineage",
        basis="modeled",
        title="orgraph modeling note: lineage 2018→2019 by the national merger template (data/xilingol/README.md)",
        date="",
        publisher="orgraph",
        url="",
        note="Which old agency or duty went where, by the 2018 national plan.",
    ),
    dict(
        id="model-league",
        basis="modeled",
        title="orgraph modeling note: league and region bodies (data/xilingol/README.md)",
        date="",
        publisher="orgraph",
        url="",
        note="Only the league bodies that county units report to, and counterparts.",
    ),
]


# ---- agency templates ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class T:
    """One agency of a county in one snapshot. zh/en are formats: {g} county name, {p} county party prefix
    (镶黄旗委), {u} 旗/市/县, {en} English county name, {U} Banner/City/County."""

    type: str
    zh: str
    en: str
    category: str
    counts: bool
    up: str  # the type it reports to in the same county, or "league:TYPE"
    mode: str = "leads"
    basis: str = "modeled"
    source: str = "model-county"
    when: Callable[[County], bool] = field(default=lambda c: True)
    note: str = ""


def _merged(name: str) -> Callable[[County], bool]:
    return lambda c: name in c.merges


def _not_merged(name: str) -> Callable[[County], bool]:
    return lambda c: name not in c.merges


PARTY = "party_committee"
GOV = "government"
LEAGUE_PARTY_NOTE = (
    "the seed says the region committee 负总责 and the counties act 在自治区党委领导下; the league committee's own line "
    "to it is general knowledge (modeled)"
)
UNIFIED_ETHNIC_NOTE = (
    "the seed says only that the united front department 统一领导民族工作 (leads ethnic work); that the ethnic "
    "affairs commission therefore reports to it (归口) is our reading (modeled)"
)

COMMON_TOP = [
    T(
        PARTY,
        "中共{g}委员会",
        "CPC {en} Committee",
        "leadership",
        False,
        f"league:{PARTY}",
        basis="seed",
        source="seed",
        note="旗县(市)委",
    ),
    T(GOV, "{g}人民政府", "{en} People's Government", "leadership", False, PARTY, basis="seed", source="seed"),
]

BEFORE = COMMON_TOP + [
    T(
        "discipline_inspection",
        "中共{g}纪律检查委员会",
        "{en} Commission for Discipline Inspection",
        "discipline",
        True,
        PARTY,
    ),
    T(
        "supervision_bureau",
        "{g}监察局",
        "{en} Supervision Bureau",
        "discipline",
        False,
        GOV,
        note="合署办公 with the discipline commission; not counted separately (modeled)",
    ),
    T("party_office", "{p}办公室", "General Office of the CPC {en} Committee", "party", True, PARTY),
    T("organization", "{p}组织部", "Organization Department of the CPC {en} Committee", "party", True, PARTY),
    T("publicity", "{p}宣传部", "Publicity Department of the CPC {en} Committee", "party", True, PARTY),
    T(
        "united_front",
        "{p}统一战线工作部",
        "United Front Work Department of the CPC {en} Committee",
        "party",
        True,
        PARTY,
    ),
    T(
        "political_legal",
        "{p}政法委员会",
        "Political and Legal Affairs Commission of the CPC {en} Committee",
        "party",
        True,
        PARTY,
    ),
    T(
        "establishment_office",
        "{p}机构编制委员会办公室",
        "{en} Institutional Organization Commission Office",
        "party",
        True,
        PARTY,
    ),
    T("cyberspace", "{p}网络安全和信息化领导小组办公室", "{en} Cyberspace Affairs Office", "party", True, PARTY),
    T(
        "organs_work_committee",
        "{p}直属机关工作委员会",
        "Working Committee for Organs Directly under the {en}",
        "party",
        True,
        PARTY,
    ),
    T(
        "government_office",
        "{g}人民政府办公室",
        "General Office of the {en} People's Government",
        "government",
        True,
        GOV,
    ),
    T("development_reform", "{g}发展和改革局", "{en} Development and Reform Bureau", "government", True, GOV),
    T("education", "{g}教育局", "{en} Education Bureau", "government", True, GOV),
    T("science_technology", "{g}科学技术局", "{en} Science and Technology Bureau", "government", True, GOV),
    T("industry_it", "{g}经济和信息化局", "{en} Economy and Information Technology Bureau", "government", True, GOV),
    T(
        "ethnic_religious_affairs",
        "{g}民族宗教事务局",
        "{en} Ethnic and Religious Affairs Bureau",
        "government",
        True,
        GOV,
    ),
    T("public_security", "{g}公安局", "{en} Public Security Bureau", "government", True, GOV),
    T("civil_affairs", "{g}民政局", "{en} Civil Affairs Bureau", "government", True, GOV),
    T("justice", "{g}司法局", "{en} Justice Bureau", "government", True, GOV),
    T("legal_affairs_office", "{g}人民政府法制办公室", "{en} Legislative Affairs Office", "government", True, GOV),
    T("finance", "{g}财政局", "{en} Finance Bureau", "government", True, GOV),
    T(
        "human_resources",
        "{g}人力资源和社会保障局",
        "{en} Human Resources and Social Security Bureau",
        "government",
        True,
        GOV,
    ),
    T("land_resources", "{g}国土资源局", "{en} Land and Resources Bureau", "government", True, GOV),
    T("housing", "{g}住房和城乡建设局", "{en} Housing and Urban-Rural Development Bureau", "government", True, GOV),
    T("transport", "{g}交通运输局", "{en} Transport Bureau", "government", True, GOV),
    T("water_resources", "{g}水利局", "{en} Water Resources Bureau", "government", True, GOV),
    T("agriculture_husbandry", "{g}农牧业局", "{en} Agriculture and Animal Husbandry Bureau", "government", True, GOV),
    T("forestry", "{g}林业局", "{en} Forestry Bureau", "government", True, GOV),
    T("commerce", "{g}商务局", "{en} Commerce Bureau", "government", True, GOV),
    T(
        "culture_radio_tv",
        "{g}文化体育广电局",
        "{en} Culture, Sports, Radio and Television Bureau",
        "government",
        True,
        GOV,
    ),
    T("tourism", "{g}旅游局", "{en} Tourism Bureau", "government", True, GOV),
    T(
        "health_family_planning",
        "{g}卫生和计划生育局",
        "{en} Health and Family Planning Bureau",
        "government",
        True,
        GOV,
    ),
    T("work_safety", "{g}安全生产监督管理局", "{en} Work Safety Supervision Bureau", "government", True, GOV),
    T("audit", "{g}审计局", "{en} Audit Bureau", "government", True, GOV),
    T(
        "market_regulation",
        "{g}市场监督管理局",
        "{en} Market Supervision and Administration Bureau",
        "government",
        True,
        GOV,
        basis="public",
        source="pre-merger-2016",
        note="already 工商+食药+质监 before 2018",
    ),
    T("statistics", "{g}统计局", "{en} Statistics Bureau", "government", True, GOV),
    T("petitions", "{g}信访局", "{en} Public Complaints and Proposals Bureau", "government", True, GOV),
    T("ecology_environment", "{g}环境保护局", "{en} Environmental Protection Bureau", "government", True, GOV),
    T(
        "ecological_protection",
        "{g}生态保护局",
        "{en} Ecological Protection Bureau",
        "government",
        True,
        GOV,
        basis="public",
        source="pre-merger-2016",
        note="Xilingol-specific, set up from 2014",
    ),
    T(
        "poverty_alleviation",
        "{g}扶贫开发办公室",
        "{en} Poverty Alleviation and Development Office",
        "government",
        True,
        GOV,
        when=lambda c: c.poverty_office,
    ),
    T(
        "foreign_affairs",
        "{g}外事侨务办公室",
        "{en} Foreign and Overseas Chinese Affairs Office",
        "government",
        True,
        GOV,
        when=lambda c: c.border,
    ),
    T(
        "urban_management",
        "{g}城市综合行政执法局",
        "{en} Urban Comprehensive Law Enforcement Bureau",
        "government",
        True,
        GOV,
        basis="public",
        source="pre-merger-2016",
        when=lambda c: c.city_management,
    ),
    T(
        "government_service_center",
        "{g}政务服务中心",
        "{en} Government Service Center",
        "institution",
        False,
        "government_office",
        "manages",
    ),
    T(
        "earthquake",
        "{g}地震局",
        "{en} Earthquake Bureau",
        "other",
        False,
        "science_technology",
        "entrusted",
        note="代管 by the science and technology bureau (modeled)",
    ),
    T(
        "radio_tv_station",
        "{g}广播电视台",
        "{en} Radio and Television Station",
        "institution",
        False,
        "culture_radio_tv",
        "manages",
    ),
    T("archives", "{g}档案局", "{en} Archives Bureau", "institution", False, "party_office", "manages"),
    T(
        "enforcement_market",
        "{g}市场监管综合执法大队",
        "{en} Market Regulation Enforcement Team",
        "enforcement",
        False,
        "market_regulation",
        "manages",
    ),
    T(
        "enforcement_culture",
        "{g}文化市场综合执法大队",
        "{en} Culture Market Enforcement Team",
        "enforcement",
        False,
        "culture_radio_tv",
        "manages",
    ),
    T(
        "enforcement_transport",
        "{g}交通运输执法大队",
        "{en} Transport Enforcement Team",
        "enforcement",
        False,
        "transport",
        "manages",
    ),
    T(
        "enforcement_agriculture",
        "{g}农牧业综合执法大队",
        "{en} Agriculture and Animal Husbandry Enforcement Team",
        "enforcement",
        False,
        "agriculture_husbandry",
        "manages",
    ),
    T(
        "enforcement_ecology",
        "{g}生态保护综合执法大队",
        "{en} Ecological Protection Enforcement Brigade",
        "enforcement",
        False,
        "ecological_protection",
        "manages",
        basis="public",
        source="pre-merger-2016",
    ),
]

_FIVE_DOMAINS = lambda c: not c.league_seat  # noqa: E731  the league seat has one enforcement level with the league

AFTER = COMMON_TOP + [
    T(
        "discipline_inspection",
        "中共{g}纪律检查委员会",
        "{en} Commission for Discipline Inspection",
        "discipline",
        True,
        PARTY,
        basis="seed",
        source="seed",
        note="纪检监察机关: one counted organ with the supervisory commission (seed: the quota includes it)",
    ),
    T(
        "supervisory_commission",
        "{g}监察委员会",
        "{en} Supervisory Commission",
        "discipline",
        False,
        PARTY,
        basis="seed",
        source="seed",
        note="合署办公 with the discipline commission; counted once, as that organ",
    ),
    T("party_office", "{p}办公室", "General Office of the CPC {en} Committee", "party", True, PARTY),
    T(
        "organization",
        "{p}组织部",
        "Organization Department of the CPC {en} Committee",
        "party",
        True,
        PARTY,
        basis="seed",
        source="seed",
    ),
    T(
        "publicity",
        "{p}宣传部",
        "Publicity Department of the CPC {en} Committee",
        "party",
        True,
        PARTY,
        basis="seed",
        source="seed",
    ),
    T(
        "united_front",
        "{p}统一战线工作部",
        "United Front Work Department of the CPC {en} Committee",
        "party",
        True,
        PARTY,
        basis="seed",
        source="seed",
    ),
    T(
        "political_legal",
        "{p}政法委员会",
        "Political and Legal Affairs Commission of the CPC {en} Committee",
        "party",
        True,
        PARTY,
    ),
    T(
        "establishment_office",
        "{p}机构编制委员会办公室",
        "{en} Institutional Organization Commission Office",
        "party",
        True,
        "organization",
        "unified",
        basis="seed",
        source="seed",
        note="managed by the organization department (seed); counted as a party working organ (modeled)",
    ),
    T("cyberspace", "{p}网络安全和信息化委员会办公室", "{en} Cyberspace Affairs Office", "party", True, PARTY),
    T(
        "organs_work_committee",
        "{p}直属机关工作委员会",
        "Working Committee for Organs Directly under the {en}",
        "party",
        True,
        PARTY,
    ),
    T(
        "foreign_affairs",
        "{p}外事工作委员会办公室",
        "Foreign Affairs Office of the CPC {en} Committee",
        "party",
        True,
        PARTY,
        basis="seed",
        source="seed",
        when=lambda c: c.border,
    ),
    T(
        "government_office",
        "{g}人民政府办公室",
        "General Office of the {en} People's Government",
        "government",
        True,
        GOV,
    ),
    T("development_reform", "{g}发展和改革委员会", "{en} Development and Reform Commission", "government", True, GOV),
    T("education", "{g}教育局", "{en} Education Bureau", "government", True, GOV),
    T(
        "science_technology",
        "{g}科学技术局",
        "{en} Science and Technology Bureau",
        "government",
        True,
        GOV,
        when=_not_merged("science"),
    ),
    T(
        "industry_it",
        "{g}工业和信息化局",
        "{en} Industry and Information Technology Bureau",
        "government",
        True,
        GOV,
        when=lambda c: "science" not in c.merges,
    ),
    T(
        "industry_it",
        "{g}科学技术和工业信息化局",
        "{en} Science, Technology, Industry and Information Technology Bureau",
        "government",
        True,
        GOV,
        when=_merged("science"),
        note="科技 merged into 工信 to keep the quota (modeled)",
    ),
    T(
        "commerce_plate",
        "{g}商务局",
        "{en} Commerce Bureau",
        "other",
        False,
        "industry_it",
        "manages",
        when=_merged("commerce"),
        note="a plate (加挂牌子) on the industry bureau (modeled)",
    ),
    T("ethnic_affairs", "{g}民族事务委员会", "{en} Ethnic Affairs Commission", "government", True, GOV),
    T("public_security", "{g}公安局", "{en} Public Security Bureau", "government", True, GOV),
    T("civil_affairs", "{g}民政局", "{en} Civil Affairs Bureau", "government", True, GOV),
    T("justice", "{g}司法局", "{en} Justice Bureau", "government", True, GOV),
    T("finance", "{g}财政局", "{en} Finance Bureau", "government", True, GOV),
    T(
        "human_resources",
        "{g}人力资源和社会保障局",
        "{en} Human Resources and Social Security Bureau",
        "government",
        True,
        GOV,
    ),
    T("natural_resources", "{g}自然资源局", "{en} Natural Resources Bureau", "government", True, GOV),
    T("housing", "{g}住房和城乡建设局", "{en} Housing and Urban-Rural Development Bureau", "government", True, GOV),
    T("transport", "{g}交通运输局", "{en} Transport Bureau", "government", True, GOV),
    T("water_resources", "{g}水利局", "{en} Water Resources Bureau", "government", True, GOV),
    T("agriculture_husbandry", "{g}农牧局", "{en} Agriculture and Animal Husbandry Bureau", "government", True, GOV),
    T(
        "forestry_grassland",
        "{g}林业和草原局",
        "{en} Forestry and Grassland Bureau",
        "government",
        True,
        GOV,
        basis="seed",
        source="seed",
        when=lambda c: c.forestry,
    ),
    T("commerce", "{g}商务局", "{en} Commerce Bureau", "government", True, GOV, when=_not_merged("commerce")),
    T(
        "culture_tourism",
        "{g}文化和旅游局",
        "{en} Culture and Tourism Bureau",
        "government",
        True,
        GOV,
        basis="seed",
        source="seed",
    ),
    T("health", "{g}卫生健康委员会", "{en} Health Commission", "government", True, GOV, basis="seed", source="seed"),
    T(
        "veterans_affairs",
        "{g}退役军人事务局",
        "{en} Veterans Affairs Bureau",
        "government",
        True,
        GOV,
        basis="seed",
        source="seed",
    ),
    T(
        "emergency_management",
        "{g}应急管理局",
        "{en} Emergency Management Bureau",
        "government",
        True,
        GOV,
        basis="seed",
        source="seed",
    ),
    T("audit", "{g}审计局", "{en} Audit Bureau", "government", True, GOV),
    T("market_regulation", "{g}市场监督管理局", "{en} Market Regulation Bureau", "government", True, GOV),
    T(
        "medical_security",
        "{g}医疗保障局",
        "{en} Healthcare Security Bureau",
        "government",
        True,
        GOV,
        basis="seed",
        source="seed",
    ),
    T("statistics", "{g}统计局", "{en} Statistics Bureau", "government", True, GOV),
    T(
        "petitions",
        "{g}信访局",
        "{en} Public Complaints and Proposals Bureau",
        "government",
        True,
        GOV,
        when=_not_merged("petitions"),
    ),
    T(
        "petitions",
        "{g}信访局",
        "{en} Public Complaints and Proposals Bureau",
        "other",
        False,
        "government_office",
        "manages",
        when=_merged("petitions"),
        note="a body managed by the government office (部门管理机构), not counted (modeled)",
    ),
    T(
        "government_services",
        "{g}政务服务局",
        "{en} Government Services Bureau",
        "government",
        True,
        GOV,
        basis="seed",
        source="seed",
    ),
    T(
        "poverty_alleviation",
        "{g}扶贫开发办公室",
        "{en} Poverty Alleviation and Development Office",
        "government",
        True,
        GOV,
        basis="seed",
        source="seed",
        when=lambda c: c.poverty_office,
    ),
    T(
        "urban_management",
        "{g}城市管理综合行政执法局",
        "{en} Urban Management and Comprehensive Law Enforcement Bureau",
        "government",
        True,
        GOV,
        when=lambda c: c.city_management,
    ),
    T(
        "ecology_environment",
        "锡林郭勒盟生态环境局{g}分局",
        "Xilingol League Ecology and Environment Bureau, {en} Branch",
        "other",
        False,
        "league:ecology_environment",
        "dispatched",
        basis="seed",
        source="seed",
        note="派出机构 of the league bureau, managed directly by it; not a county department, not counted",
    ),
    T(
        "earthquake_service",
        "{g}地震服务中心",
        "{en} Earthquake Service Center",
        "institution",
        False,
        "emergency_management",
        "manages",
    ),
    T("media_center", "{g}融媒体中心", "{en} Media Convergence Center", "institution", False, "publicity", "manages"),
    T(
        "archives",
        "{g}档案史志馆",
        "{en} Archives and Local Chronicles Hall",
        "institution",
        False,
        "party_office",
        "manages",
    ),
    T(
        "enforcement_market",
        "{g}市场监管综合行政执法大队",
        "{en} Market Regulation Comprehensive Enforcement Team",
        "enforcement",
        False,
        "market_regulation",
        "manages",
        when=_FIVE_DOMAINS,
    ),
    T(
        "enforcement_culture",
        "{g}文化市场综合行政执法大队",
        "{en} Culture Market Comprehensive Enforcement Team",
        "enforcement",
        False,
        "culture_tourism",
        "manages",
        when=_FIVE_DOMAINS,
    ),
    T(
        "enforcement_transport",
        "{g}交通运输综合行政执法大队",
        "{en} Transport Comprehensive Enforcement Team",
        "enforcement",
        False,
        "transport",
        "manages",
        when=_FIVE_DOMAINS,
    ),
    T(
        "enforcement_agriculture",
        "{g}农牧业综合行政执法大队",
        "{en} Agriculture and Animal Husbandry Comprehensive Enforcement Team",
        "enforcement",
        False,
        "agriculture_husbandry",
        "manages",
        when=_FIVE_DOMAINS,
    ),
    T(
        "enforcement_ecology",
        "{g}生态环境保护综合行政执法大队",
        "{en} Ecology and Environment Enforcement Team",
        "enforcement",
        False,
        "ecology_environment",
        "manages",
        when=_FIVE_DOMAINS,
    ),
    T(
        "enforcement_urban",
        "{g}城市管理综合行政执法大队",
        "{en} Urban Management Enforcement Team",
        "enforcement",
        False,
        "urban_management",
        "manages",
        when=lambda c: c.city_management,
    ),
]

# The ten deliberation and coordination bodies (seed) and the office that serves each (hosts: modeled).
COORDINATION = [
    ("coord_rule_of_law", "全面依法治{u}委员会", "Commission for Law-Based Governance", "justice"),
    ("coord_audit", "审计委员会", "Audit Commission", "audit"),
    ("coord_reform", "全面深化改革委员会", "Commission for Comprehensively Deepening Reform", "party_office"),
    ("coord_cyberspace", "网络安全和信息化委员会", "Cyberspace Affairs Commission", "cyberspace"),
    ("coord_national_security", "国家安全委员会", "National Security Commission", "political_legal"),
    ("coord_finance_economy", "财经委员会", "Financial and Economic Affairs Commission", "development_reform"),
    ("coord_foreign_affairs", "外事工作委员会", "Foreign Affairs Commission", "foreign_affairs"),
    ("coord_education", "教育工作领导小组", "Education Work Leading Group", "education"),
    ("coord_rural", "农村牧区工作领导小组", "Rural and Pastoral Work Leading Group", "agriculture_husbandry"),
    ("coord_veterans", "退役军人事务工作领导小组", "Veterans Affairs Work Leading Group", "veterans_affairs"),
]

# Their 2018 forerunners (modeled): leading groups that the 2019 plans "strengthen and optimize" (加强和优化) into
# commissions; the audit, national-security, education and veterans bodies are new in 2019.
# (type, zh, en, office host in 2018, change to the 2019 body of the same type)
COORDINATION_2018 = [
    ("coord_rule_of_law", "依法治{u}领导小组", "Leading Group for Law-Based Governance", "justice", "renamed"),
    (
        "coord_reform",
        "全面深化改革领导小组",
        "Leading Group for Comprehensively Deepening Reform",
        "party_office",
        "renamed",
    ),
    ("coord_cyberspace", "网络安全和信息化领导小组", "Cyberspace Affairs Leading Group", "cyberspace", "renamed"),
    (
        "coord_finance_economy",
        "财经领导小组",
        "Financial and Economic Affairs Leading Group",
        "development_reform",
        "renamed",
    ),
    ("coord_foreign_affairs", "外事工作领导小组", "Foreign Affairs Leading Group", "foreign_affairs", "renamed"),
    (
        "coord_rural",
        "农村牧区工作领导小组",
        "Rural and Pastoral Work Leading Group",
        "agriculture_husbandry",
        "continued",
    ),
]

# Lineage 2018 -> 2019 by the national merger template (modeled): (old type, new type, change, function or "").
LINEAGE = [
    ("justice", "justice", "merged", ""),  # 司法局 + 政府法制办 -> 司法局 (national: 重新组建司法部)
    ("supervision_bureau", "supervisory_commission", "merged", ""),
    ("legal_affairs_office", "justice", "merged", ""),
    ("land_resources", "natural_resources", "merged", ""),
    ("work_safety", "emergency_management", "merged", ""),
    ("culture_radio_tv", "culture_tourism", "merged", ""),
    ("tourism", "culture_tourism", "merged", ""),
    ("radio_tv_station", "media_center", "merged", ""),
    ("ecological_protection", "ecology_environment", "split", ""),
    ("ecological_protection", "forestry_grassland", "split", ""),
    ("ecological_protection", "natural_resources", "split", ""),
    ("development_reform", "development_reform", "renamed", ""),
    ("industry_it", "industry_it", "renamed", ""),
    ("ethnic_religious_affairs", "ethnic_affairs", "renamed", ""),
    ("agriculture_husbandry", "agriculture_husbandry", "renamed", ""),
    ("forestry", "forestry_grassland", "renamed", ""),
    ("health_family_planning", "health", "renamed", ""),
    ("ecology_environment", "ecology_environment", "renamed", ""),
    ("government_service_center", "government_services", "renamed", ""),
    ("earthquake", "earthquake_service", "renamed", ""),
    ("archives", "archives", "renamed", ""),
    ("cyberspace", "cyberspace", "renamed", ""),
    ("foreign_affairs", "foreign_affairs", "renamed", ""),
    ("enforcement_market", "enforcement_market", "renamed", ""),
    ("enforcement_culture", "enforcement_culture", "renamed", ""),
    ("enforcement_transport", "enforcement_transport", "renamed", ""),
    ("enforcement_agriculture", "enforcement_agriculture", "renamed", ""),
    ("enforcement_ecology", "enforcement_ecology", "renamed", ""),
    ("urban_management", "urban_management", "renamed", ""),
    # duties that moved, all by the national plan (the seed says where civil service, press, film, religion and
    # overseas-Chinese affairs sit in 2019, not which old body they came from)
    ("human_resources", "organization", "transferred", "civil_service"),
    ("culture_radio_tv", "publicity", "transferred", "press_publication"),
    ("culture_radio_tv", "publicity", "transferred", "film"),
    ("ethnic_religious_affairs", "united_front", "transferred", "religious_affairs"),
    ("government_office", "united_front", "transferred", "overseas_chinese"),
    ("civil_affairs", "emergency_management", "transferred", "disaster_relief"),
    ("land_resources", "emergency_management", "transferred", "geological_disaster"),
    ("water_resources", "emergency_management", "transferred", "flood_drought"),
    ("agriculture_husbandry", "emergency_management", "transferred", "grassland_fire"),
    ("forestry", "emergency_management", "transferred", "forest_fire"),
    ("earthquake", "emergency_management", "transferred", "earthquake_rescue"),
    ("civil_affairs", "veterans_affairs", "transferred", "veterans_benefits"),
    ("human_resources", "veterans_affairs", "transferred", "officer_resettlement"),
    ("human_resources", "medical_security", "transferred", "medical_insurance"),
    ("health_family_planning", "medical_security", "transferred", "rural_cooperative_medical"),
    ("development_reform", "medical_security", "transferred", "medical_pricing"),
    ("civil_affairs", "medical_security", "transferred", "medical_assistance"),
    ("development_reform", "natural_resources", "transferred", "functional_zoning"),
    ("housing", "natural_resources", "transferred", "urban_rural_planning"),
    ("agriculture_husbandry", "forestry_grassland", "transferred", "grassland_supervision"),
    ("development_reform", "market_regulation", "transferred", "price_supervision"),
    ("development_reform", "ecology_environment", "transferred", "climate_change"),
]
# Duties the seed names (it says who holds them in 2019; which old body they left is modeled).
SEED_FUNCTIONS = {
    "civil_service",
    "press_publication",
    "film",
    "religious_affairs",
    "overseas_chinese",
    "ethnic_affairs",
    "establishment_management",
}

FUNCTIONS = [
    ("civil_service", "公务员工作", "Civil-service work"),
    ("press_publication", "新闻出版", "Press and publication"),
    ("film", "电影工作", "Film administration"),
    ("ethnic_affairs", "民族工作", "Ethnic affairs"),
    ("religious_affairs", "宗教工作", "Religious affairs"),
    ("overseas_chinese", "侨务工作", "Overseas Chinese affairs"),
    ("establishment_management", "机构编制管理", "Institutional establishment management"),
    ("disaster_relief", "救灾", "Disaster relief"),
    ("geological_disaster", "地质灾害防治", "Geological disaster prevention"),
    ("flood_drought", "水旱灾害防治", "Flood and drought control"),
    ("grassland_fire", "草原防火", "Grassland fire prevention"),
    ("forest_fire", "森林防火", "Forest fire prevention"),
    ("earthquake_rescue", "震灾应急救援", "Earthquake emergency rescue"),
    ("work_safety", "安全生产监管", "Work-safety supervision"),
    ("veterans_benefits", "优抚安置", "Benefits and placement of veterans"),
    ("officer_resettlement", "军官转业安置", "Resettlement of transferred officers"),
    ("medical_insurance", "医疗保险和生育保险", "Medical and maternity insurance"),
    ("rural_cooperative_medical", "新型农村合作医疗", "Rural cooperative medical scheme"),
    ("medical_pricing", "药品和医疗服务价格管理", "Drug and medical-service pricing"),
    ("medical_assistance", "医疗救助", "Medical assistance"),
    ("functional_zoning", "主体功能区规划", "Main functional zone planning"),
    ("urban_rural_planning", "城乡规划管理", "Urban and rural planning"),
    ("grassland_supervision", "草原监督管理", "Grassland supervision"),
    ("price_supervision", "价格监督检查", "Price supervision"),
    ("climate_change", "应对气候变化和减排", "Climate change and emission reduction"),
]
# Who holds which duty in each snapshot (HAS_FUNCTION), by agency type.
HOLDERS_2018 = {
    "human_resources": ["civil_service", "officer_resettlement", "medical_insurance"],
    "culture_radio_tv": ["press_publication", "film"],
    "ethnic_religious_affairs": ["ethnic_affairs", "religious_affairs"],
    "government_office": ["overseas_chinese"],
    "establishment_office": ["establishment_management"],
    "civil_affairs": ["disaster_relief", "veterans_benefits", "medical_assistance"],
    "land_resources": ["geological_disaster"],
    "water_resources": ["flood_drought"],
    "agriculture_husbandry": ["grassland_fire", "grassland_supervision"],
    "forestry": ["forest_fire"],
    "earthquake": ["earthquake_rescue"],
    "work_safety": ["work_safety"],
    "health_family_planning": ["rural_cooperative_medical"],
    "development_reform": ["medical_pricing", "functional_zoning", "price_supervision", "climate_change"],
    "housing": ["urban_rural_planning"],
}
HOLDERS_2019 = {
    "organization": ["civil_service"],
    "publicity": ["press_publication", "film"],
    "united_front": ["ethnic_affairs", "religious_affairs", "overseas_chinese"],
    "ethnic_affairs": ["ethnic_affairs"],
    "establishment_office": ["establishment_management"],
    "emergency_management": [
        "disaster_relief",
        "geological_disaster",
        "flood_drought",
        "grassland_fire",
        "forest_fire",
        "earthquake_rescue",
        "work_safety",
    ],
    "veterans_affairs": ["veterans_benefits", "officer_resettlement"],
    "medical_security": ["medical_insurance", "rural_cooperative_medical", "medical_pricing", "medical_assistance"],
    "natural_resources": ["functional_zoning", "urban_rural_planning"],
    "forestry_grassland": ["grassland_supervision"],
    "market_regulation": ["price_supervision"],
    "ecology_environment": ["climate_change"],
}
SEED_HOLDINGS = {
    ("organization", "civil_service"),
    ("publicity", "press_publication"),
    ("publicity", "film"),
    ("united_front", "ethnic_affairs"),
    ("united_front", "religious_affairs"),
    ("united_front", "overseas_chinese"),
}

# League and region bodies: (type, zh, en, category, up type, mode, basis, source) per snapshot.
REGION_BODIES = {
    "2018": [
        (
            PARTY,
            "中共内蒙古自治区委员会",
            "CPC Inner Mongolia Autonomous Region Committee",
            "leadership",
            "",
            "",
            "seed",
            "seed",
        ),
        (
            GOV,
            "内蒙古自治区人民政府",
            "Inner Mongolia Autonomous Region People's Government",
            "leadership",
            PARTY,
            "leads",
            "public",
            "region-menu",
        ),
        # opened 2018-11-10, so present in both snapshots; leads the league bureaus (dual management)
        (
            "ecology_environment",
            "内蒙古自治区生态环境厅",
            "Department of Ecology and Environment of Inner Mongolia",
            "government",
            GOV,
            "leads",
            "public",
            "eco-vertical",
        ),
    ],
}
REGION_BODIES["2019"] = REGION_BODIES["2018"]
LEAGUE_COMMON = [
    (
        PARTY,
        "中共锡林郭勒盟委员会",
        "CPC Xilingol League Committee",
        "leadership",
        f"region:{PARTY}",
        "leads",
        "seed",
        "seed",
    ),
    (GOV, "锡林郭勒盟行政公署", "Xilingol League Administrative Office", "leadership", PARTY, "leads", "seed", "seed"),
]
LEAGUE_BODIES = {
    "2018": LEAGUE_COMMON
    + [
        (
            "ecology_environment",
            "锡林郭勒盟环境保护局",
            "Xilingol League Environmental Protection Bureau",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        (
            "land_resources",
            "锡林郭勒盟国土资源局",
            "Xilingol League Land and Resources Bureau",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        (
            "forestry",
            "锡林郭勒盟林业局",
            "Xilingol League Forestry Bureau",
            "government",
            GOV,
            "leads",
            "public",
            "league-bureaus",
        ),
        (
            "work_safety",
            "锡林郭勒盟安全生产监督管理局",
            "Xilingol League Work Safety Supervision Bureau",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        (
            "government_service_center",
            "锡林郭勒盟政务服务中心",
            "Xilingol League Government Service Center",
            "institution",
            GOV,
            "manages",
            "modeled",
            "model-league",
        ),
        (
            "culture_radio_tv",
            "锡林郭勒盟文化新闻出版广电局",
            "Xilingol League Culture, Press, Radio and Television Bureau",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        (
            "tourism",
            "锡林郭勒盟旅游发展委员会",
            "Xilingol League Tourism Development Commission",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        (
            "health_family_planning",
            "锡林郭勒盟卫生和计划生育委员会",
            "Xilingol League Health and Family Planning Commission",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        (
            "civil_affairs",
            "锡林郭勒盟民政局",
            "Xilingol League Civil Affairs Bureau",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        (
            "human_resources",
            "锡林郭勒盟人力资源和社会保障局",
            "Xilingol League Human Resources and Social Security Bureau",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
    ],
    "2019": LEAGUE_COMMON
    + [
        (
            "ecology_environment",
            "锡林郭勒盟生态环境局",
            "Xilingol League Ecology and Environment Bureau",
            "government",
            "region:ecology_environment",
            "leads",
            "seed",
            "seed",
        ),
        (
            "natural_resources",
            "锡林郭勒盟自然资源局",
            "Xilingol League Natural Resources Bureau",
            "government",
            GOV,
            "leads",
            "public",
            "league-bureaus",
        ),
        (
            "forestry_grassland",
            "锡林郭勒盟林业和草原局",
            "Xilingol League Forestry and Grassland Bureau",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        (
            "emergency_management",
            "锡林郭勒盟应急管理局",
            "Xilingol League Emergency Management Bureau",
            "government",
            GOV,
            "leads",
            "public",
            "league-bureaus",
        ),
        (
            "veterans_affairs",
            "锡林郭勒盟退役军人事务局",
            "Xilingol League Veterans Affairs Bureau",
            "government",
            GOV,
            "leads",
            "public",
            "league-bureaus",
        ),
        (
            "medical_security",
            "锡林郭勒盟医疗保障局",
            "Xilingol League Healthcare Security Bureau",
            "government",
            GOV,
            "leads",
            "seed",
            "seed",
        ),
        (
            "government_services",
            "锡林郭勒盟政务服务局",
            "Xilingol League Government Services Bureau",
            "government",
            GOV,
            "leads",
            "seed",
            "seed",
        ),
        (
            "culture_tourism",
            "锡林郭勒盟文化和旅游局",
            "Xilingol League Culture and Tourism Bureau",
            "government",
            GOV,
            "leads",
            "seed",
            "seed",
        ),
        (
            "health",
            "锡林郭勒盟卫生健康委员会",
            "Xilingol League Health Commission",
            "government",
            GOV,
            "leads",
            "seed",
            "seed",
        ),
        (
            "civil_affairs",
            "锡林郭勒盟民政局",
            "Xilingol League Civil Affairs Bureau",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        (
            "human_resources",
            "锡林郭勒盟人力资源和社会保障局",
            "Xilingol League Human Resources and Social Security Bureau",
            "government",
            GOV,
            "leads",
            "modeled",
            "model-league",
        ),
        # 盟与盟所在地只设一个执法层级 (seed): the league's teams also cover the league seat, 锡林浩特市
        (
            "enforcement_market",
            "锡林郭勒盟市场监管综合行政执法支队",
            "Xilingol League Market Regulation Enforcement Unit",
            "enforcement",
            GOV,
            "manages",
            "modeled",
            "model-league",
        ),
        (
            "enforcement_culture",
            "锡林郭勒盟文化市场综合行政执法支队",
            "Xilingol League Culture Market Enforcement Unit",
            "enforcement",
            "culture_tourism",
            "manages",
            "modeled",
            "model-league",
        ),
        (
            "enforcement_transport",
            "锡林郭勒盟交通运输综合行政执法支队",
            "Xilingol League Transport Enforcement Unit",
            "enforcement",
            GOV,
            "manages",
            "modeled",
            "model-league",
        ),
        (
            "enforcement_agriculture",
            "锡林郭勒盟农牧业综合行政执法支队",
            "Xilingol League Agriculture and Animal Husbandry Enforcement Unit",
            "enforcement",
            GOV,
            "manages",
            "modeled",
            "model-league",
        ),
        (
            "enforcement_ecology",
            "锡林郭勒盟生态环境保护综合行政执法支队",
            "Xilingol League Ecology and Environment Enforcement Unit",
            "enforcement",
            "ecology_environment",
            "manages",
            "modeled",
            "model-league",
        ),
    ],
}
LEAGUE_LINEAGE = [
    (PARTY, PARTY, "continued"),
    (GOV, GOV, "continued"),
    ("ecology_environment", "ecology_environment", "renamed"),
    ("land_resources", "natural_resources", "merged"),
    ("forestry", "forestry_grassland", "renamed"),
    ("work_safety", "emergency_management", "merged"),
    ("government_service_center", "government_services", "renamed"),
    ("culture_radio_tv", "culture_tourism", "merged"),
    ("tourism", "culture_tourism", "merged"),
    ("health_family_planning", "health", "renamed"),
    ("civil_affairs", "civil_affairs", "continued"),
    ("human_resources", "human_resources", "continued"),
]
# Duties that formed the league's new bureaus (national plan; modeled): (old type, new type, function).
LEAGUE_TRANSFERS = [
    ("civil_affairs", "veterans_affairs", "veterans_benefits"),
    ("human_resources", "veterans_affairs", "officer_resettlement"),
    ("human_resources", "medical_security", "medical_insurance"),
    ("health_family_planning", "medical_security", "rural_cooperative_medical"),
    ("civil_affairs", "emergency_management", "disaster_relief"),
    ("agriculture_husbandry", "forestry_grassland", "grassland_supervision"),
]
# County bodies that are professionally guided (业务指导) by their league counterpart in 2019 (modeled).
GUIDED = [
    "natural_resources",
    "forestry_grassland",
    "emergency_management",
    "veterans_affairs",
    "medical_security",
    "government_services",
    "culture_tourism",
    "health",
]


def aid(place: str, snap: str, typ: str) -> str:
    return f"{place}-{snap}-{typ}"


class Builder:
    def __init__(self) -> None:
        self.agencies: list[list[str]] = []
        self.edges: list[list[str]] = []
        self.ids: set[str] = set()
        self.edge_keys: set[tuple[str, ...]] = set()

    def agency(
        self,
        place: str,
        snap: str,
        typ: str,
        zh: str,
        en: str,
        cat: str,
        counts: bool,
        basis: str,
        source: str,
        note: str = "",
    ) -> str:
        ident = aid(place, snap, typ)
        assert ident not in self.ids, ident
        self.ids.add(ident)
        self.agencies.append([ident, snap, place, zh, en, typ, cat, "true" if counts else "false", basis, source, note])
        return ident

    def edge(
        self,
        typ: str,
        start: str,
        end: str,
        *,
        mode: str = "",
        change: str = "",
        function: str = "",
        basis: str = "modeled",
        source: str = "model-county",
        note: str = "",
    ) -> None:
        key = (typ, start, end, mode or change, function)
        if key in self.edge_keys:  # e.g. two template routes to the same fact
            return
        self.edge_keys.add(key)
        self.edges.append([typ, start, end, mode, change, function, basis, source, note])


def build() -> Builder:
    b = Builder()
    for snap in ("2018", "2019"):
        for typ, zh, en, cat, up, mode, basis, source in REGION_BODIES[snap]:
            b.agency(REGION, snap, typ, zh, en, cat, False, basis, source)
            if up:  # the department menu lists the region's departments; that the government is led by the party
                # committee is general knowledge, stated by none of the sources (modeled)
                edge_basis, edge_source = ("public", "region-menu") if up == GOV else ("modeled", "model-league")
                b.edge(
                    "REPORTS_TO",
                    aid(REGION, snap, typ),
                    aid(REGION, snap, up),
                    mode=mode,
                    basis=edge_basis,
                    source=edge_source,
                    note="" if up == GOV else "general knowledge, stated by none of the sources",
                )
        for typ, zh, en, cat, up, mode, basis, source in LEAGUE_BODIES[snap]:
            b.agency(LEAGUE, snap, typ, zh, en, cat, False, basis, source)
            target = aid(REGION, snap, up.split(":", 1)[1]) if up.startswith("region:") else aid(LEAGUE, snap, up)
            # modeled: the seed names the region committee (自治区党委负总责) but states no line of the league's bodies
            edge_basis, edge_source = ("modeled", "model-league")
            if snap == "2019" and typ == "ecology_environment":  # 以自治区生态环境厅为主的双重管理 (eco-vertical)
                edge_basis, edge_source = "public", "eco-vertical"
                b.edge(
                    "REPORTS_TO",
                    aid(LEAGUE, snap, typ),
                    aid(LEAGUE, snap, GOV),
                    mode="manages",
                    basis="public",
                    source="eco-vertical",
                    note="dual management; the region department leads",
                )
            b.edge(
                "REPORTS_TO",
                aid(LEAGUE, snap, typ),
                target,
                mode=mode,
                basis=edge_basis,
                source=edge_source,
                note=LEAGUE_PARTY_NOTE if typ == PARTY else "",
            )
        # 行政公署: the autonomous region government's dispatched organ (派出机关) in the league
        b.edge(
            "REPORTS_TO",
            aid(LEAGUE, snap, GOV),
            aid(REGION, snap, GOV),
            mode="dispatched",
            basis="modeled",
            source="model-league",
            note="行政公署 is the region government's dispatched organ (派出机关)",
        )
    for typ in (PARTY, GOV, "ecology_environment"):
        b.edge("BECAME", aid(REGION, "2018", typ), aid(REGION, "2019", typ), change="continued", source="model-league")
    for old, new, change in LEAGUE_LINEAGE:
        b.edge("BECAME", aid(LEAGUE, "2018", old), aid(LEAGUE, "2019", new), change=change, source="model-league")
    league_2018 = {row[0] for row in LEAGUE_BODIES["2018"]}
    for old, new, fid in LEAGUE_TRANSFERS:
        if old in league_2018:
            b.edge(
                "BECAME",
                aid(LEAGUE, "2018", old),
                aid(LEAGUE, "2019", new),
                change="transferred",
                function=fid,
                source="model-league",
            )

    for county in COUNTIES:
        fmt = dict(g=county.zh, p=county.zh + "委", u=county.unit, en=county.en)
        present: dict[str, set[str]] = {}
        for snap, templates in (("2018", BEFORE), ("2019", AFTER)):
            types: set[str] = set()
            for t in templates:
                if not t.when(county):
                    continue
                b.agency(
                    county.code,
                    snap,
                    t.type,
                    t.zh.format(**fmt),
                    t.en.format(**fmt),
                    t.category,
                    t.counts,
                    t.basis,
                    t.source,
                    t.note,
                )
                types.add(t.type)
            for t in templates:
                if not t.when(county):
                    continue
                me = aid(county.code, snap, t.type)
                if t.up.startswith("league:"):
                    target = aid(LEAGUE, snap, t.up.split(":", 1)[1])
                elif t.up in types:
                    target = aid(county.code, snap, t.up)
                else:  # e.g. an enforcement team whose department is merged away here
                    target = aid(county.code, snap, GOV)
                seeded = t.mode in ("dispatched", "unified") and t.basis == "seed"
                b.edge(
                    "REPORTS_TO",
                    me,
                    target,
                    mode=t.mode,
                    basis="seed" if seeded else "modeled",
                    source="seed" if seeded else "model-county",
                )
            present[snap] = types
            # the county government is led by the county committee and by the government above (行政公署)
            b.edge("REPORTS_TO", aid(county.code, snap, GOV), aid(LEAGUE, snap, GOV), mode="leads")
        # 2018 leading groups (modeled), then the 2019 extras: the ten deliberation bodies, unified leadership of
        # ethnic affairs, guidance, plates
        after = present["2019"]
        for typ, zh, en, host, change in COORDINATION_2018:
            ident = b.agency(
                county.code,
                "2018",
                typ,
                f"{county.zh}委{zh.format(u=county.unit)}",
                f"{county.en} {en}",
                "coordination",
                False,
                "modeled",
                "model-county",
            )
            b.edge("REPORTS_TO", ident, aid(county.code, "2018", PARTY), mode="leads")
            host_type = host if host in present["2018"] else "government_office"
            b.edge("HOSTED_BY", ident, aid(county.code, "2018", host_type), mode="office_in")
            b.edge("BECAME", ident, aid(county.code, "2019", typ), change=change, source="model-lineage")
        for typ, zh, en, host in COORDINATION:
            ident = b.agency(
                county.code,
                "2019",
                typ,
                f"{county.zh}委{zh.format(u=county.unit)}",
                f"{county.en} {en}",
                "coordination",
                False,
                "seed",
                "seed",
            )
            b.edge("REPORTS_TO", ident, aid(county.code, "2019", PARTY), mode="leads")
            host_type = host if host in after else "government_office"
            b.edge(
                "HOSTED_BY",
                ident,
                aid(county.code, "2019", host_type),
                mode="office_in",
                note="" if host_type == host else "no separate foreign-affairs office here (modeled)",
            )
        b.edge(
            "REPORTS_TO",
            aid(county.code, "2019", "ethnic_affairs"),
            aid(county.code, "2019", "united_front"),
            mode="unified",
            source="model-county",
            note=UNIFIED_ETHNIC_NOTE,
        )
        b.edge(
            "HOSTED_BY",
            aid(county.code, "2019", "supervisory_commission"),
            aid(county.code, "2019", "discipline_inspection"),
            mode="co_located",
        )
        b.edge(
            "HOSTED_BY",
            aid(county.code, "2018", "supervision_bureau"),
            aid(county.code, "2018", "discipline_inspection"),
            mode="co_located",
        )
        if "commerce_plate" in after:
            b.edge(
                "HOSTED_BY",
                aid(county.code, "2019", "commerce_plate"),
                aid(county.code, "2019", "industry_it"),
                mode="plate",
            )
        for typ in GUIDED:
            if typ in after:
                b.edge(
                    "REPORTS_TO",
                    aid(county.code, "2019", typ),
                    aid(LEAGUE, "2019", typ),
                    mode="guides",
                    source="model-league",
                )
        # duties held
        for snap, holders in (("2018", HOLDERS_2018), ("2019", HOLDERS_2019)):
            for typ, functions in holders.items():
                if typ not in present[snap]:
                    continue
                for fid in functions:
                    seeded = snap == "2019" and (typ, fid) in SEED_HOLDINGS
                    b.edge(
                        "HAS_FUNCTION",
                        aid(county.code, snap, typ),
                        fid,
                        basis="seed" if seeded else "modeled",
                        source="seed" if seeded else "model-county",
                    )
        # lineage
        before = present["2018"]
        explicit_old = set()
        explicit_new = set()
        for old, new, change, fid in LINEAGE:
            if new == "forestry_grassland" and not county.forestry:
                new = "natural_resources"  # 二连浩特: no separate forestry department (seed); modeled destination
                change = "merged" if change == "renamed" else change
            if old not in before or new not in after:
                continue
            b.edge(
                "BECAME",
                aid(county.code, "2018", old),
                aid(county.code, "2019", new),
                change=change,
                function=fid,
                basis="modeled",
                source="model-lineage",
            )
            if change != "transferred":
                explicit_old.add(old)
                explicit_new.add(new)
        if "science" in county.merges:
            b.edge(
                "BECAME",
                aid(county.code, "2018", "science_technology"),
                aid(county.code, "2019", "industry_it"),
                change="merged",
                source="model-lineage",
            )
            explicit_old.add("science_technology")
        if "commerce" in county.merges:
            b.edge(
                "BECAME",
                aid(county.code, "2018", "commerce"),
                aid(county.code, "2019", "commerce_plate"),
                change="renamed",
                source="model-lineage",
                note="now a plate on the industry bureau",
            )
            explicit_old.add("commerce")
            explicit_new.add("commerce_plate")
        if county.league_seat:  # one enforcement level with the league (seed): the city teams join the league's
            for typ in (
                "enforcement_market",
                "enforcement_culture",
                "enforcement_transport",
                "enforcement_agriculture",
                "enforcement_ecology",
            ):
                b.edge(
                    "BECAME",
                    aid(county.code, "2018", typ),
                    aid(LEAGUE, "2019", typ),
                    change="merged",
                    source="model-lineage",
                )
                explicit_old.add(typ)
        for typ in sorted(before & after - explicit_old - explicit_new):
            b.edge(
                "BECAME",
                aid(county.code, "2018", typ),
                aid(county.code, "2019", typ),
                change="continued",
                source="model-lineage",
            )
    return b


# ---- the manifest: dataset metadata, snapshots, sources (above) and the reform's own dates (seed) ------------------
DATASET = dict(
    id="xilingol",
    title_zh="锡林郭勒盟旗县(市)机构改革 2018→2019",
    title_en="Xilingol League county-level institutional reform, 2018→2019",
    description="The league, its twelve banners, counties and cities before and after the 2019 reform of party and "
    "government agencies. Rules and counts are published (seed); each county's full list of agencies is "
    "modeled and marked so (see README.md).",
)
SNAPSHOTS = [
    dict(id="2018", date="2018-12-31", role="before", label_zh="改革前 (2018)", label_en="Before the reform (2018)"),
    dict(id="2019", date="2019-03-31", role="after", label_zh="改革后 (2019)", label_en="After the reform (2019)"),
]
EVENTS = [  # the seed's dates; its copy lost digits ("201918日" = 2019年1月8日, "111日" = 1月11日, "20193月底")
    dict(
        date="2019-01-08",
        label_zh="自治区党委深化机构改革领导小组第五次会议、自治区党委机构编制委员会第二次会议审核批准"
        "《锡林郭勒盟所属旗县(市)机构改革方案》",
        label_en="The autonomous region's leading group for deepening institutional reform and its establishment "
        "committee approve the county-level reform plan",
        source="seed",
    ),
    dict(
        date="2019-01-11",
        label_zh="盟委召开2019年第3次委员会议研究旗县(市)机构改革方案",
        label_en="The league party committee's 3rd meeting of 2019 studies the county-level plans",
        source="seed",
    ),
    dict(
        date="2019-03-31",
        label_zh="各旗县(市)机构改革基本完成 (期限: 2019年3月底前)",
        label_en="Deadline: the county-level reforms are basically completed by the end of March 2019",
        source="seed",
    ),
]
_SOURCE_KEYS = ("id", "basis", "title", "date", "publisher", "url", "note")
INTERFACE = dict(  # the app's title and Overview caption (docs/data-format.md [interface])
    title_zh="锡林郭勒盟旗县机构改革图谱",
    title_en="Xilingol county reform graph",
    caption_zh="2019 年锡林郭勒盟各旗县（市）机构改革：改革前后的机构、限额、特设机构与资料来源。",
    caption_en="The 2019 county-level institutional reform of the Xilingol League: agencies before and after, "
    "quotas, special departments and sources.",
)
LEVELS = [  # the dataset's tiers (format 2): the autonomous region, the league, its banners, counties and cities
    dict(id="region", rank=1, label_zh="自治区", label_en="Autonomous region"),
    dict(id="league", rank=2, label_zh="盟", label_en="League"),
    dict(id="county", rank=3, label_zh="旗县市", label_en="Banner, county or city"),
]
ATTRIBUTES = [  # the seed's county classification, declared so that it loads as properties on both backends
    dict(
        id="division_code",
        type="text",
        label_zh="行政区划代码",
        label_en="Division code",
        required_at=["region", "league", "county"],
    ),
    dict(
        id="division_code_source",
        type="text",
        label_zh="行政区划代码来源",
        label_en="Division code: source",
        required_at=["region", "league", "county"],
    ),
    dict(
        id="size_class",
        type="enum",
        values=["small", "medium", "large"],
        label_zh="规模",
        label_en="Size class",
        required_at=["county"],
    ),
    dict(id="border", type="boolean", label_zh="边境旗县", label_en="Border unit", required_at=["county"]),
    dict(
        id="poverty",
        type="enum",
        values=["national", "regional", "none"],
        label_zh="贫困旗县",
        label_en="Poverty banner",
        required_at=["county"],
    ),
    *[  # the source of each county attribute (docs/data-format.md: an `X_source` attribute cites X's source)
        dict(id=f"{key}_source", type="text", label_zh=f"{zh}来源", label_en=f"{en}: source", required_at=["county"])
        for key, zh, en in (
            ("size_class", "规模", "Size class"),
            ("border", "边境旗县", "Border unit"),
            ("poverty", "贫困旗县", "Poverty banner"),
        )
    ],
]


def _toml(value: str) -> str:
    """A TOML basic string (JSON string escaping is valid TOML for these texts)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _toml_value(value: object) -> str:
    """A TOML value: an integer, a string, or a list of strings."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(str(v)) for v in value) + "]"
    return _toml(str(value))


def manifest_text() -> str:
    lines = [
        "# The Xilingol League county-level institutional reform, 2018 (before) and 2019 (after).",
        "# Generated by scripts/build_xilingol.py (DATASET, SNAPSHOTS, SOURCES, EVENTS); edit there and re-run it.",
    ]
    lines += ["format_version = 2"]
    lines += [f"{key} = {_toml(value)}" for key, value in DATASET.items()]
    lines += ["", "[interface]"] + [f"{key} = {_toml(value)}" for key, value in INTERFACE.items()]
    for level in LEVELS:
        lines += ["", "[[levels]]"] + [f"{key} = {_toml_value(value)}" for key, value in level.items()]
    for attribute in ATTRIBUTES:
        lines += ["", "[[jurisdiction_attributes]]"] + [f"{k} = {_toml_value(v)}" for k, v in attribute.items()]
    for table, rows, keys in (
        ("snapshots", SNAPSHOTS, ("id", "date", "role", "label_zh", "label_en")),
        ("sources", SOURCES, _SOURCE_KEYS),
        ("events", EVENTS, ("date", "label_zh", "label_en", "source")),
    ):
        for row in rows:
            lines += ["", f"[[{table}]]"] + [f"{key} = {_toml(row.get(key, ''))}" for key in keys]
    return "\n".join(lines) + "\n"


JURISDICTION_COLUMNS = [
    "id",
    "name_zh",
    "name_en",
    "level",
    "parent",
    "division_code",
    "division_code_source",
    "size_class",
    "size_class_source",
    "agency_quota",
    "border",
    "border_source",
    "poverty",
    "poverty_source",
    "basis",
    "source",
    "note",
]
POVERTY_SOURCE = {"national": "poverty-national", "regional": "poverty-2018", "none": "seed"}


def jurisdiction_rows() -> list[list[str]]:
    """The region, the league and the twelve units. The row's own basis and source cover its name, level, parent and
    quota; each attribute cites its own source in the `X_source` column (docs/data-format.md)."""
    rows = [
        [REGION, "内蒙古自治区", "Inner Mongolia Autonomous Region", "region", "", REGION, "divisions"]
        + [""] * 7
        + ["public", "divisions", ""],
        [LEAGUE, "锡林郭勒盟", "Xilingol League", "league", REGION, LEAGUE, "divisions"]
        + [""] * 7
        + ["seed", "seed", "12 county-level units carry out the reform"],
    ]
    for c in COUNTIES:
        literal = f"official English in pinyin; literally {c.literal_en}" if c.literal_en else ""
        poverty_note = "poverty none: not among the seed's eight 国贫、区贫旗县" if c.poverty == "none" else ""
        rows.append(
            [c.code, c.zh, c.en, "county", LEAGUE, c.code, "divisions", c.size, "seed", str(c.quota)]
            + ["true" if c.border else "false", "seed", c.poverty, POVERTY_SOURCE[c.poverty]]
            + ["seed", "seed", "; ".join(n for n in (literal, poverty_note) if n)]
        )
    return rows


def write(b: Builder, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "manifest.toml").write_text(manifest_text(), encoding="utf-8")

    def dump(name: str, header: list[str], rows: list[list[str]]) -> None:
        with open(out / name, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)

    dump("jurisdictions.csv", JURISDICTION_COLUMNS, jurisdiction_rows())
    dump(
        "agencies.csv",
        [
            "id",
            "snapshot",
            "jurisdiction",
            "name_zh",
            "name_en",
            "type",
            "category",
            "counts_toward_quota",
            "basis",
            "source",
            "note",
        ],
        b.agencies,
    )
    dump(
        "functions.csv",
        ["id", "name_zh", "name_en", "basis", "source"],
        [
            [
                fid,
                zh,
                en,
                "seed" if fid in SEED_FUNCTIONS else "public",
                "seed" if fid in SEED_FUNCTIONS else "national-plan-2018",
            ]
            for fid, zh, en in FUNCTIONS
        ],
    )
    dump("edges.csv", ["type", "from", "to", "mode", "change", "function", "basis", "source", "note"], b.edges)


def main() -> int:
    builder = build()
    write(builder, OUT)
    print(f"wrote {len(builder.agencies)} agencies and {len(builder.edges)} edges to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
