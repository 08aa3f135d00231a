"""Build data/state-council (the State Council across the 2018 and 2023 reforms, four snapshots) from the tables below.

Run `python scripts/build_state_council.py` after changing a table; the generated CSVs, manifest and rules are
committed too. It prints the basis counts (public / modeled) that data/state-council/README.md reports.

How a row gets its basis (see data/state-council/README.md):
- `public`: a cited public text names the body in that state, or states the change (the plans, the notices that list
  the bodies class by class, reports of the changes between the rounds);
- `modeled`: our inference, with a note: a body listed before and after but named by no source for the snapshot in
  between (it stayed in place), an identity by unchanged name (`continued`), a party department's reporting line.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "state-council"
CN = "cn"

# ---- the catalog: key -> (name_zh, name_en, type, category) ------------------------------------------------------
# The key is the body's identity inside a snapshot (agency id = f"{snapshot}-{key}"); a body whose name changes gets a
# new key. `type` reuses the Xilingol vocabulary where the meaning is the same (county 生态环境局 = 生态环境部, ...).
CATALOG: dict[str, tuple[str, str, str, str]] = {
    # the top
    "state_council": ("国务院", "State Council", "government", "leadership"),
    "general_office": ("国务院办公厅", "General Office of the State Council", "government_office", "government"),
    # constituent departments (组成部门)
    "foreign_affairs": ("外交部", "Ministry of Foreign Affairs", "foreign_affairs", "government"),
    "national_defense": ("国防部", "Ministry of National Defense", "national_defense", "government"),
    "development_reform": (
        "国家发展和改革委员会",
        "National Development and Reform Commission",
        "development_reform",
        "government",
    ),
    "education": ("教育部", "Ministry of Education", "education", "government"),
    "science_technology": ("科学技术部", "Ministry of Science and Technology", "science_technology", "government"),
    "industry_it": ("工业和信息化部", "Ministry of Industry and Information Technology", "industry_it", "government"),
    "ethnic_affairs": ("国家民族事务委员会", "National Ethnic Affairs Commission", "ethnic_affairs", "government"),
    "public_security": ("公安部", "Ministry of Public Security", "public_security", "government"),
    "state_security": ("国家安全部", "Ministry of State Security", "state_security", "government"),
    "supervision": ("监察部", "Ministry of Supervision", "supervision_bureau", "discipline"),
    "civil_affairs": ("民政部", "Ministry of Civil Affairs", "civil_affairs", "government"),
    "justice": ("司法部", "Ministry of Justice", "justice", "government"),
    "finance": ("财政部", "Ministry of Finance", "finance", "government"),
    "human_resources": (
        "人力资源和社会保障部",
        "Ministry of Human Resources and Social Security",
        "human_resources",
        "government",
    ),
    "land_resources": ("国土资源部", "Ministry of Land and Resources", "land_resources", "government"),
    "natural_resources": ("自然资源部", "Ministry of Natural Resources", "natural_resources", "government"),
    "environmental_protection": (
        "环境保护部",
        "Ministry of Environmental Protection",
        "ecology_environment",
        "government",
    ),
    "ecology_environment": ("生态环境部", "Ministry of Ecology and Environment", "ecology_environment", "government"),
    "housing": ("住房和城乡建设部", "Ministry of Housing and Urban-Rural Development", "housing", "government"),
    "transport": ("交通运输部", "Ministry of Transport", "transport", "government"),
    "water_resources": ("水利部", "Ministry of Water Resources", "water_resources", "government"),
    "agriculture": ("农业部", "Ministry of Agriculture", "agriculture_husbandry", "government"),
    "agriculture_rural": (
        "农业农村部",
        "Ministry of Agriculture and Rural Affairs",
        "agriculture_husbandry",
        "government",
    ),
    "commerce": ("商务部", "Ministry of Commerce", "commerce", "government"),
    "culture": ("文化部", "Ministry of Culture", "culture", "government"),
    "culture_tourism": ("文化和旅游部", "Ministry of Culture and Tourism", "culture_tourism", "government"),
    "health_family_planning": (
        "国家卫生和计划生育委员会",
        "National Health and Family Planning Commission",
        "health_family_planning",
        "government",
    ),
    "health": ("国家卫生健康委员会", "National Health Commission", "health", "government"),
    "veterans_affairs": ("退役军人事务部", "Ministry of Veterans Affairs", "veterans_affairs", "government"),
    "emergency_management": ("应急管理部", "Ministry of Emergency Management", "emergency_management", "government"),
    "central_bank": ("中国人民银行", "People's Bank of China", "central_bank", "government"),
    "audit": ("审计署", "National Audit Office", "audit", "government"),
    # special directly affiliated (直属特设机构)
    "sasac": (
        "国务院国有资产监督管理委员会",
        "State-owned Assets Supervision and Administration Commission",
        "state_assets",
        "government",
    ),
    # directly affiliated (直属机构)
    "customs": ("海关总署", "General Administration of Customs", "customs", "government"),
    "taxation": ("国家税务总局", "State Taxation Administration", "taxation", "government"),
    "industry_commerce": (
        "国家工商行政管理总局",
        "State Administration for Industry and Commerce",
        "industry_commerce",
        "government",
    ),
    "quality_inspection": (
        "国家质量监督检验检疫总局",
        "General Administration of Quality Supervision, Inspection and Quarantine",
        "quality_inspection",
        "government",
    ),
    "food_drug": ("国家食品药品监督管理总局", "China Food and Drug Administration", "food_drug", "government"),
    "market_regulation": (
        "国家市场监督管理总局",
        "State Administration for Market Regulation",
        "market_regulation",
        "government",
    ),
    "press_radio_film_tv": (
        "国家新闻出版广电总局",
        "State Administration of Press, Publication, Radio, Film and Television",
        "press_radio_film_tv",
        "government",
    ),
    "radio_tv": ("国家广播电视总局", "National Radio and Television Administration", "radio_tv", "government"),
    "sport": ("国家体育总局", "General Administration of Sport", "sport", "government"),
    "work_safety": ("国家安全生产监督管理总局", "State Administration of Work Safety", "work_safety", "government"),
    "statistics": ("国家统计局", "National Bureau of Statistics", "statistics", "government"),
    "forestry": ("国家林业局", "State Forestry Administration", "forestry", "government"),
    "intellectual_property": (
        "国家知识产权局",
        "China National Intellectual Property Administration",
        "intellectual_property",
        "government",
    ),
    "tourism": ("国家旅游局", "China National Tourism Administration", "tourism", "government"),
    "religious_affairs": (
        "国家宗教事务局",
        "State Administration for Religious Affairs",
        "religious_affairs",
        "government",
    ),
    "counsellors": ("国务院参事室", "Counsellors' Office of the State Council", "counsellors", "government"),
    "offices_admin": (
        "国务院机关事务管理局",
        "Government Offices Administration of the State Council",
        "offices_administration",
        "government",
    ),
    "offices_admin_national": (
        "国家机关事务管理局",
        "National Government Offices Administration",
        "offices_administration",
        "government",
    ),
    "intl_development": (
        "国家国际发展合作署",
        "China International Development Cooperation Agency",
        "international_development",
        "government",
    ),
    "medical_security": (
        "国家医疗保障局",
        "National Healthcare Security Administration",
        "medical_security",
        "government",
    ),
    "financial_regulation": (
        "国家金融监督管理总局",
        "National Financial Regulatory Administration",
        "financial_regulation",
        "government",
    ),
    # administrative offices (办事机构)
    "overseas_chinese": (
        "国务院侨务办公室",
        "Overseas Chinese Affairs Office of the State Council",
        "overseas_chinese",
        "government",
    ),
    "hk_macao": (
        "国务院港澳事务办公室",
        "Hong Kong and Macao Affairs Office of the State Council",
        "hk_macao_affairs",
        "government",
    ),
    "legal_affairs_office": (
        "国务院法制办公室",
        "Legislative Affairs Office of the State Council",
        "legal_affairs_office",
        "government",
    ),
    "research_office": ("国务院研究室", "Research Office of the State Council", "research_office", "government"),
    "information_office": ("国务院新闻办公室", "State Council Information Office", "information_office", "other"),
    "taiwan_office": ("国务院台湾事务办公室", "Taiwan Affairs Office of the State Council", "taiwan_affairs", "other"),
    "cyberspace_admin": ("国家互联网信息办公室", "Cyberspace Administration of China", "cyberspace", "other"),
    "corruption_prevention": (
        "国家预防腐败局",
        "National Bureau of Corruption Prevention",
        "corruption_prevention",
        "other",
    ),
    # public institutions (直属事业单位) and institutions managed by a ministry
    "xinhua": ("新华通讯社", "Xinhua News Agency", "news_agency", "institution"),
    "cas": ("中国科学院", "Chinese Academy of Sciences", "academy_sciences", "institution"),
    "cass": ("中国社会科学院", "Chinese Academy of Social Sciences", "academy_social_sciences", "institution"),
    "cae": ("中国工程院", "Chinese Academy of Engineering", "academy_engineering", "institution"),
    "drc": (
        "国务院发展研究中心",
        "Development Research Center of the State Council",
        "development_research",
        "institution",
    ),
    "academy_governance": ("国家行政学院", "Chinese Academy of Governance", "academy_governance", "institution"),
    "earthquake": ("中国地震局", "China Earthquake Administration", "earthquake", "institution"),
    "meteorology": ("中国气象局", "China Meteorological Administration", "meteorology", "institution"),
    "banking_regulation": (
        "中国银行业监督管理委员会",
        "China Banking Regulatory Commission",
        "banking_regulation",
        "institution",
    ),
    "insurance_regulation": (
        "中国保险监督管理委员会",
        "China Insurance Regulatory Commission",
        "insurance_regulation",
        "institution",
    ),
    "banking_insurance_regulation": (
        "中国银行保险监督管理委员会",
        "China Banking and Insurance Regulatory Commission",
        "banking_insurance_regulation",
        "institution",
    ),
    "securities_regulation": (
        "中国证券监督管理委员会",
        "China Securities Regulatory Commission",
        "securities_regulation",
        "institution",
    ),
    "securities_regulation_direct": (
        "中国证券监督管理委员会",
        "China Securities Regulatory Commission",
        "securities_regulation",
        "government",
    ),
    "social_security_fund": (
        "全国社会保障基金理事会",
        "National Council for Social Security Fund",
        "social_security_fund",
        "institution",
    ),
    "nsfc": (
        "国家自然科学基金委员会",
        "National Natural Science Foundation of China",
        "science_foundation",
        "institution",
    ),
    "cmg": ("中央广播电视总台", "China Media Group", "radio_tv_station", "institution"),
    # national bureaus (部委管理的国家局)
    "petitions": ("国家信访局", "National Public Complaints and Proposals Administration", "petitions", "government"),
    "grain": ("国家粮食局", "State Administration of Grain", "grain", "government"),
    "grain_reserves": (
        "国家粮食和物资储备局",
        "National Food and Strategic Reserves Administration",
        "grain",
        "government",
    ),
    "energy": ("国家能源局", "National Energy Administration", "energy", "government"),
    "data": ("国家数据局", "National Data Administration", "data", "government"),
    "defense_industry": (
        "国家国防科技工业局",
        "State Administration of Science, Technology and Industry for National Defence",
        "defense_industry",
        "government",
    ),
    "tobacco": ("国家烟草专卖局", "State Tobacco Monopoly Administration", "tobacco", "government"),
    "foreign_experts": (
        "国家外国专家局",
        "State Administration of Foreign Experts Affairs",
        "foreign_experts",
        "government",
    ),
    "civil_service": ("国家公务员局", "National Civil Service Administration", "civil_service", "government"),
    "oceanic": ("国家海洋局", "State Oceanic Administration", "oceanic", "government"),
    "surveying_mapping": (
        "国家测绘地理信息局",
        "National Administration of Surveying, Mapping and Geoinformation",
        "surveying_mapping",
        "government",
    ),
    "immigration": ("国家移民管理局", "National Immigration Administration", "immigration", "government"),
    "forestry_grassland": (
        "国家林业和草原局",
        "National Forestry and Grassland Administration",
        "forestry_grassland",
        "government",
    ),
    "national_parks": ("国家公园管理局", "National Park Administration", "national_parks", "other"),
    "railway": ("国家铁路局", "National Railway Administration", "railway", "government"),
    "civil_aviation": ("中国民用航空局", "Civil Aviation Administration of China", "civil_aviation", "government"),
    "postal": ("国家邮政局", "State Post Bureau", "postal", "government"),
    "cultural_heritage": ("国家文物局", "National Cultural Heritage Administration", "cultural_heritage", "government"),
    "tcm": (
        "国家中医药管理局",
        "National Administration of Traditional Chinese Medicine",
        "traditional_medicine",
        "government",
    ),
    "disease_control": (
        "国家疾病预防控制局",
        "National Disease Control and Prevention Administration",
        "disease_control",
        "government",
    ),
    "coal_mine_safety": ("国家煤矿安全监察局", "State Administration of Coal Mine Safety", "mine_safety", "government"),
    "mine_safety": ("国家矿山安全监察局", "National Mine Safety Administration", "mine_safety", "government"),
    "fire_rescue": ("国家消防救援局", "National Fire and Rescue Administration", "fire_rescue", "government"),
    "foreign_exchange": (
        "国家外汇管理局",
        "State Administration of Foreign Exchange",
        "foreign_exchange",
        "government",
    ),
    "drug_administration": (
        "国家药品监督管理局",
        "National Medical Products Administration",
        "drug_administration",
        "government",
    ),
    "rural_revitalization": (
        "国家乡村振兴局",
        "National Rural Revitalization Administration",
        "poverty_alleviation",
        "government",
    ),
    # offices of State Council deliberation and coordination bodies (议事协调机构的办事机构)
    "poverty_alleviation": (
        "国务院扶贫开发领导小组办公室",
        "State Council Leading Group Office of Poverty Alleviation and Development",
        "poverty_alleviation",
        "coordination",
    ),
    "three_gorges": (
        "国务院三峡工程建设委员会办公室",
        "Office of the State Council Three Gorges Project Construction Committee",
        "three_gorges",
        "coordination",
    ),
    "south_north_water": (
        "国务院南水北调工程建设委员会办公室",
        "Office of the State Council South-to-North Water Diversion Project Construction Committee",
        "south_north_water",
        "coordination",
    ),
    # plates (加挂牌子) that carry the name of a body whose duties another body performs
    "press_publication": (
        "国家新闻出版署",
        "National Press and Publication Administration",
        "press_publication",
        "other",
    ),
    "film": ("国家电影局", "China Film Administration", "film", "other"),
    # party bodies and the supervisory commission (where State Council bodies went)
    "cpc_central": (
        "中国共产党中央委员会",
        "Central Committee of the Communist Party of China",
        "party_committee",
        "leadership",
    ),
    "organization": ("中共中央组织部", "Organization Department of the CPC Central Committee", "organization", "party"),
    "publicity": ("中共中央宣传部", "Publicity Department of the CPC Central Committee", "publicity", "party"),
    "united_front": (
        "中共中央统一战线工作部",
        "United Front Work Department of the CPC Central Committee",
        "united_front",
        "party",
    ),
    "party_school": ("中共中央党校", "Party School of the CPC Central Committee", "party_school", "party"),
    "external_publicity": (
        "中共中央对外宣传办公室",
        "Office of External Publicity of the CPC Central Committee",
        "external_publicity",
        "party",
    ),
    "cyberspace_group_office": (
        "中央网络安全和信息化领导小组办公室",
        "Office of the Central Leading Group for Cyberspace Affairs",
        "cyberspace",
        "party",
    ),
    "cyberspace_commission_office": (
        "中央网络安全和信息化委员会办公室",
        "Office of the Central Cyberspace Affairs Commission",
        "cyberspace",
        "party",
    ),
    "taiwan_work": (
        "中共中央台湾工作办公室",
        "Taiwan Work Office of the CPC Central Committee",
        "taiwan_affairs",
        "party",
    ),
    "hk_macao_work": (
        "中共中央港澳工作办公室",
        "Hong Kong and Macao Work Office of the CPC Central Committee",
        "hk_macao_affairs",
        "party",
    ),
    "social_work": (
        "中共中央社会工作部",
        "Social Work Department of the CPC Central Committee",
        "social_work",
        "party",
    ),
    "supervisory_commission": (
        "国家监察委员会",
        "National Supervisory Commission",
        "supervisory_commission",
        "discipline",
    ),
}

# ---- snapshots, members, reporting lines --------------------------------------------------------------------------
# A member: (key, agency_class, up, mode, source, note). `up` is the key of the body it reports to (mode leads /
# manages) or of its host (mode plate: HOSTED_BY). Source ids decide the basis (SOURCES below); the reporting line
# carries the row's basis and source unless noted in EDGE_SOURCE.
CD, SP, DA, AO, PI, NB = (
    "constituent_department",
    "special_directly_affiliated",
    "directly_affiliated",
    "administrative_office",
    "public_institution",
    "national_bureau",
)
SC = "state_council"


@dataclass(frozen=True)
class M:
    key: str
    cls: str = ""
    up: str = ""
    mode: str = ""
    source: str = ""
    note: str = ""


def cd(key: str, source: str, note: str = "") -> M:
    return M(key, CD, SC, "leads", source, note)


def sc_body(key: str, cls: str, source: str, note: str = "") -> M:
    return M(key, cls, SC, "leads", source, note)


def bureau(key: str, ministry: str, source: str, note: str = "") -> M:
    return M(key, NB, ministry, "manages", source, note)


def plate(key: str, host: str, source: str, note: str = "") -> M:
    return M(key, "", host, "plate", source, note)


PERSIST_2017 = "listed in 2013 (国发〔2013〕14号/15号) and again after the 2018 reform; the 2018 plans do not touch it"
PERSIST_2022 = "listed after the 2018 reform and again after the 2023 reform; no source for 2022 names it"

# The 25 constituent departments before 2018: the 19 that keep their names (list-2018, count-2018) and the 6 the 2018
# plan abolishes (plan-2018); the 26 after 2018 (list-2018); 2022 and 2023 (explainer-2023: "与改革之前数量上保持不变").
KEEP_19 = [
    "foreign_affairs",
    "national_defense",
    "development_reform",
    "education",
    "science_technology",
    "industry_it",
    "ethnic_affairs",
    "public_security",
    "state_security",
    "civil_affairs",
    "justice",
    "finance",
    "human_resources",
    "housing",
    "transport",
    "water_resources",
    "commerce",
    "central_bank",
    "audit",
]
GONE_6 = [
    "supervision",
    "land_resources",
    "environmental_protection",
    "agriculture",
    "culture",
    "health_family_planning",
]
NEW_7 = [
    "natural_resources",
    "ecology_environment",
    "agriculture_rural",
    "culture_tourism",
    "health",
    "veterans_affairs",
    "emergency_management",
]
CD_2018 = [
    "foreign_affairs",
    "national_defense",
    "development_reform",
    "education",
    "science_technology",
    "industry_it",
    "ethnic_affairs",
    "public_security",
    "state_security",
    "civil_affairs",
    "justice",
    "finance",
    "human_resources",
    "natural_resources",
    "ecology_environment",
    "housing",
    "transport",
    "water_resources",
    "agriculture_rural",
    "commerce",
    "culture_tourism",
    "health",
    "veterans_affairs",
    "emergency_management",
    "central_bank",
    "audit",
]
CD_2017 = [
    "foreign_affairs",
    "national_defense",
    "development_reform",
    "education",
    "science_technology",
    "industry_it",
    "ethnic_affairs",
    "public_security",
    "state_security",
    "supervision",
    "civil_affairs",
    "justice",
    "finance",
    "human_resources",
    "land_resources",
    "environmental_protection",
    "housing",
    "transport",
    "water_resources",
    "agriculture",
    "commerce",
    "culture",
    "health_family_planning",
    "central_bank",
    "audit",
]
# constituent departments the 2023 plans name (they change it or move duties to or from it)
CD_NAMED_2023 = {
    "science_technology",
    "development_reform",
    "agriculture_rural",
    "civil_affairs",
    "health",
    "human_resources",
    "central_bank",
    "industry_it",
    "ecology_environment",
}

PARTY_NOTE = "a working department of the Central Committee; the line is general knowledge, not stated by the plans"


def party(key: str, source: str, note: str = "") -> M:
    return M(key, "", "cpc_central", "leads", source, note)


SNAP_2017: list[M] = [
    M(SC, "", "", "", "plan-2018", "the State Council itself (top of the government side)"),
    sc_body("general_office", "", "plan-2018", "国务院办公厅; not counted among the 25 constituent departments"),
    *[cd(k, "list-2018", "keeps its name in 2018 (19 of the 25 do)") for k in KEEP_19],
    *[cd(k, "plan-2018", "abolished by the 2018 reform") for k in GONE_6],
    sc_body("sasac", SP, "plan-2018", "the 2018 plan moves its audit of SOE leaders to 审计署"),
    *[
        sc_body(k, DA, "plan-2018", "named by the 2018 plan")
        for k in (
            "customs",
            "taxation",
            "industry_commerce",
            "quality_inspection",
            "press_radio_film_tv",
            "work_safety",
            "food_drug",
            "forestry",
            "intellectual_property",
            "tourism",
            "religious_affairs",
        )
    ],
    *[
        sc_body(k, DA, "model-persistence", PERSIST_2017)
        for k in ("sport", "statistics", "counsellors", "offices_admin")
    ],
    plate(
        "corruption_prevention",
        "supervision",
        "plan-2018",
        "listed as a directly affiliated body with its plate on 监察部; the 2018 plan abolishes it",
    ),
    *[sc_body(k, AO, "plan-2018", "named by the 2018 plan") for k in ("overseas_chinese", "legal_affairs_office")],
    *[sc_body(k, AO, "model-persistence", PERSIST_2017) for k in ("hk_macao", "research_office")],
    plate(
        "information_office",
        "external_publicity",
        "model-persistence",
        "one body with two names with the party's external publicity office (2013 notice); " + PERSIST_2017,
    ),
    plate(
        "taiwan_office",
        "taiwan_work",
        "model-persistence",
        "one body with two names with the party's Taiwan work office (2013 notice); " + PERSIST_2017,
    ),
    plate(
        "cyberspace_admin",
        "cyberspace_group_office",
        "model-persistence",
        "one body with two names with the party's cyberspace office; " + PERSIST_2017,
    ),
    *[
        sc_body(k, PI, "plan-2018", "named by the 2018 plan")
        for k in (
            "academy_governance",
            "earthquake",
            "banking_regulation",
            "insurance_regulation",
            "social_security_fund",
            "nsfc",
        )
    ],
    *[
        sc_body(k, PI, "model-persistence", PERSIST_2017)
        for k in ("xinhua", "cas", "cass", "cae", "drc", "meteorology", "securities_regulation")
    ],
    bureau("petitions", "general_office", "model-persistence", PERSIST_2017),
    bureau("grain", "development_reform", "plan-2018"),
    bureau("energy", "development_reform", "model-persistence", PERSIST_2017),
    bureau("defense_industry", "industry_it", "model-persistence", PERSIST_2017),
    bureau("tobacco", "industry_it", "model-persistence", PERSIST_2017),
    bureau("foreign_experts", "human_resources", "plan-2018"),
    bureau("civil_service", "human_resources", "plan-2018"),
    bureau("oceanic", "land_resources", "plan-2018"),
    bureau("surveying_mapping", "land_resources", "plan-2018"),
    bureau("railway", "transport", "model-persistence", PERSIST_2017),
    bureau("civil_aviation", "transport", "model-persistence", PERSIST_2017),
    bureau("postal", "transport", "model-persistence", PERSIST_2017),
    bureau("cultural_heritage", "culture", "model-persistence", PERSIST_2017),
    bureau("tcm", "health_family_planning", "model-persistence", PERSIST_2017),
    bureau("foreign_exchange", "central_bank", "model-persistence", PERSIST_2017),
    bureau("coal_mine_safety", "work_safety", "plan-2018"),
    sc_body(
        "poverty_alleviation",
        "",
        "nrra-2021",
        "office of a State Council leading group (议事协调机构), in none of the six classes; set up 1986",
    ),
    sc_body("three_gorges", "", "plan-2018", "office of a State Council construction committee; into 水利部 in 2018"),
    sc_body(
        "south_north_water", "", "plan-2018", "office of a State Council construction committee; into 水利部 in 2018"
    ),
    M("cpc_central", "", "", "", "model-party", "the top of the party side"),
    *[
        party(
            k, "plan-2018", "named by the 2018 plan (receives State Council bodies or duties); the line: " + PARTY_NOTE
        )
        for k in ("organization", "publicity", "united_front", "party_school")
    ],
    party("external_publicity", "model-party", "merged into 中宣部 in 2018 (modeled, see README)"),
    party("cyberspace_group_office", "plan-2018", "renamed in 2018 (the leading group becomes a commission)"),
    party("taiwan_work", "model-party", PARTY_NOTE),
]

SNAP_2018: list[M] = [
    M(SC, "", "", "", "list-2018", "the State Council itself"),
    sc_body("general_office", "", "list-2018", "国务院办公厅; not counted among the 26 constituent departments"),
    *[cd(k, "list-2018", "new in 2018" if k in NEW_7 else "") for k in CD_2018],
    sc_body("sasac", SP, "notices-2018"),
    *[
        sc_body(k, DA, "plan-2018", "new in 2018")
        for k in ("market_regulation", "radio_tv", "intl_development", "medical_security")
    ],
    *[
        sc_body(k, DA, "notices-2018")
        for k in ("customs", "taxation", "sport", "statistics", "counsellors", "offices_admin")
    ],
    plate("press_publication", "publicity", "plan-2018", "a plate on 中宣部, which performs the duties"),
    plate("film", "publicity", "plan-2018", "a plate on 中宣部, which performs the duties"),
    plate("religious_affairs", "united_front", "plan-2018", "a plate on 中央统战部, which performs the duties"),
    *[sc_body(k, AO, "notices-2018") for k in ("hk_macao", "research_office")],
    plate("overseas_chinese", "united_front", "plan-2018", "a plate on 中央统战部, which performs the duties"),
    plate("information_office", "publicity", "notices-2018", "a plate on 中宣部"),
    plate("taiwan_office", "taiwan_work", "notices-2018", "one body with two names with 中台办 (party)"),
    plate(
        "cyberspace_admin",
        "cyberspace_commission_office",
        "notices-2018",
        "one body with two names with 中央网信办 (party)",
    ),
    sc_body("cmg", PI, "plan-2018", "new in 2018: 中央电视台, 中央人民广播电台 and 中国国际广播电台 merged"),
    sc_body("banking_insurance_regulation", PI, "plan-2018", "new in 2018: 银监会 and 保监会 merged"),
    *[
        sc_body(k, PI, "notices-2018")
        for k in ("xinhua", "cas", "cass", "cae", "drc", "meteorology", "securities_regulation")
    ],
    plate("academy_governance", "party_school", "plan-2018", "one body with two names with 中央党校"),
    M(
        "earthquake",
        "",
        "emergency_management",
        "manages",
        "plan-2018",
        "managed by 应急管理部 from 2018; no longer a public institution directly under the State Council",
    ),
    M(
        "social_security_fund",
        "",
        "finance",
        "manages",
        "plan-2018",
        "managed by 财政部 from 2018 (was under the State Council)",
    ),
    M("nsfc", "", "science_technology", "manages", "plan-2018", "managed by 科学技术部 from 2018"),
    bureau("petitions", "general_office", "notices-2018"),
    bureau("grain_reserves", "development_reform", "plan-2018", "new in 2018"),
    bureau("energy", "development_reform", "notices-2018"),
    bureau("defense_industry", "industry_it", "notices-2018"),
    bureau("tobacco", "industry_it", "notices-2018"),
    bureau("immigration", "public_security", "plan-2018", "new in 2018"),
    bureau("forestry_grassland", "natural_resources", "plan-2018", "new in 2018"),
    bureau("railway", "transport", "notices-2018"),
    bureau("civil_aviation", "transport", "notices-2018"),
    bureau("postal", "transport", "notices-2018"),
    bureau("cultural_heritage", "culture_tourism", "notices-2018"),
    bureau("tcm", "health", "notices-2018"),
    bureau("coal_mine_safety", "emergency_management", "plan-2018"),
    bureau("foreign_exchange", "central_bank", "notices-2018"),
    bureau("drug_administration", "market_regulation", "plan-2018", "new in 2018"),
    bureau("intellectual_property", "market_regulation", "plan-2018", "reorganised; managed by 市场监管总局"),
    plate("oceanic", "natural_resources", "plan-2018", "自然资源部对外保留国家海洋局牌子"),
    plate("foreign_experts", "science_technology", "plan-2018", "科学技术部对外保留国家外国专家局牌子"),
    plate("civil_service", "organization", "plan-2018", "中央组织部对外保留国家公务员局牌子"),
    plate("national_parks", "forestry_grassland", "plan-2018", "国家林业和草原局加挂国家公园管理局牌子"),
    sc_body("poverty_alleviation", "", "nrra-2021", "office of a State Council leading group; until February 2021"),
    M("cpc_central", "", "", "", "model-party", "the top of the party side"),
    *[
        party(k, "plan-2018", PARTY_NOTE)
        for k in ("organization", "publicity", "united_front", "party_school", "cyberspace_commission_office")
    ],
    party("taiwan_work", "model-party", PARTY_NOTE),
    M(
        "supervisory_commission",
        "",
        "",
        "",
        "plan-2018",
        "new in 2018; not a State Council body (elected by the National People's Congress)",
    ),
]

_CHANGED_2022 = {"poverty_alleviation", "coal_mine_safety"}
_NAMED_2023 = {  # bodies the 2023 plans name as they stood before the reform -> the plan that names them
    **{k: "plan-2023" for k in CD_NAMED_2023},
    "banking_insurance_regulation": "plan-2023",
    "securities_regulation": "plan-2023",
    "petitions": "plan-2023",
    "intellectual_property": "plan-2023",
    "market_regulation": "plan-2023",
    "nsfc": "plan-2023",
    "general_office": "plan-2023",
    "foreign_experts": "plan-2023",
    "hk_macao": "party-plan-2023",
    "cyberspace_commission_office": "party-plan-2023",
}


def _snap_2022() -> list[M]:
    out: list[M] = []
    for m in SNAP_2018:
        if m.key in _CHANGED_2022:
            continue
        if m.key in _NAMED_2023:
            out.append(M(m.key, m.cls, m.up, m.mode, _NAMED_2023[m.key], "named by the 2023 plans as it stood"))
        elif m.source == "model-party":
            out.append(m)
        else:
            out.append(M(m.key, m.cls, m.up, m.mode, "model-persistence", PERSIST_2022))
    out += [
        bureau(
            "rural_revitalization",
            "agriculture_rural",
            "nrra-2021",
            "from 25 February 2021, in place of 国务院扶贫办 (managed by 农业农村部: plan-2023)",
        ),
        bureau("disease_control", "health", "cdc-2021", "new on 13 May 2021 (managed by 国家卫生健康委员会)"),
        bureau("mine_safety", "emergency_management", "mine-2020", "国家煤矿安全监察局 renamed in 2020"),
    ]
    return out


SNAP_2022 = _snap_2022()

SNAP_2023: list[M] = [
    M(SC, "", "", "", "notice-2023", "the State Council itself"),
    sc_body("general_office", "", "notice-2023"),
    *[cd(k, "explainer-2023") for k in CD_2018],
    sc_body("sasac", SP, "explainer-2023"),
    sc_body("financial_regulation", DA, "plan-2023", "new in 2023"),
    sc_body("securities_regulation_direct", DA, "plan-2023", "调整为国务院直属机构 (was a public institution)"),
    sc_body("petitions", DA, "plan-2023", "调整为国务院直属机构 (was managed by 国务院办公厅)"),
    sc_body("intellectual_property", DA, "plan-2023", "调整为国务院直属机构 (was managed by 市场监管总局)"),
    *[
        sc_body(k, DA, "notice-2023")
        for k in (
            "customs",
            "taxation",
            "market_regulation",
            "radio_tv",
            "sport",
            "statistics",
            "intl_development",
            "medical_security",
            "counsellors",
        )
    ],
    sc_body(
        "offices_admin_national",
        DA,
        "explainer-bureaus",
        "the name in current listings; when 国务院机关事务管理局 took it is not established here",
    ),
    plate("press_publication", "publicity", "notice-2023", "在中央宣传部加挂牌子，由中央宣传部承担相关职责"),
    plate("film", "publicity", "model-persistence", "a plate on 中宣部 since 2018; " + PERSIST_2022.split(";")[0]),
    plate("religious_affairs", "united_front", "notice-2023", "在中央统战部加挂牌子"),
    sc_body("research_office", AO, "notice-2023"),
    plate("overseas_chinese", "united_front", "notice-2023", "在中央统战部加挂牌子"),
    plate("hk_macao", "hk_macao_work", "notice-2023", "在中共中央港澳工作办公室加挂牌子"),
    plate("taiwan_office", "taiwan_work", "notice-2023", "一个机构两块牌子, 列入中共中央直属机构序列"),
    plate("cyberspace_admin", "cyberspace_commission_office", "notice-2023", "一个机构两块牌子"),
    plate("information_office", "publicity", "notice-2023", "在中央宣传部加挂牌子"),
    *[sc_body(k, PI, "notice-2023") for k in ("xinhua", "cas", "cass", "cae", "drc", "cmg", "meteorology")],
    plate("academy_governance", "party_school", "notice-2023", "一个机构两块牌子, 作为党中央直属事业单位"),
    M(
        "earthquake",
        "",
        "emergency_management",
        "manages",
        "model-persistence",
        "managed by 应急管理部 since 2018; the 2023 plans do not touch it",
    ),
    M(
        "social_security_fund",
        "",
        "finance",
        "manages",
        "model-persistence",
        "managed by 财政部 since 2018; the 2023 plans do not touch it",
    ),
    M("nsfc", "", "science_technology", "manages", "plan-2023", "仍由科学技术部管理"),
    bureau("data", "development_reform", "plan-2023", "new in 2023"),
    *[
        bureau(k, up, "bureaus-2023")
        for k, up in (
            ("grain_reserves", "development_reform"),
            ("energy", "development_reform"),
            ("defense_industry", "industry_it"),
            ("tobacco", "industry_it"),
            ("immigration", "public_security"),
            ("forestry_grassland", "natural_resources"),
            ("railway", "transport"),
            ("civil_aviation", "transport"),
            ("postal", "transport"),
            ("cultural_heritage", "culture_tourism"),
            ("tcm", "health"),
            ("disease_control", "health"),
            ("mine_safety", "emergency_management"),
            ("foreign_exchange", "central_bank"),
            ("drug_administration", "market_regulation"),
        )
    ],
    bureau(
        "fire_rescue",
        "emergency_management",
        "fire-2023",
        "new on 6 January 2023, before the 2023 plan and not part of it (see README)",
    ),
    plate("oceanic", "natural_resources", "notice-2023", "自然资源部对外保留国家海洋局牌子"),
    plate("foreign_experts", "human_resources", "notice-2023", "人力资源和社会保障部加挂国家外国专家局牌子"),
    plate("rural_revitalization", "agriculture_rural", "notice-2023", "农业农村部加挂国家乡村振兴局牌子"),
    plate("civil_service", "organization", "model-persistence", "a plate on 中组部 since 2018; not named in 2023"),
    plate(
        "national_parks",
        "forestry_grassland",
        "model-persistence",
        "a plate on 国家林业和草原局 since 2018; not named in 2023",
    ),
    M("cpc_central", "", "", "", "model-party", "the top of the party side"),
    *[
        party(k, "notice-2023", PARTY_NOTE)
        for k in ("publicity", "united_front", "party_school", "cyberspace_commission_office", "taiwan_work")
    ],
    party("organization", "model-party", PARTY_NOTE),
    party(
        "hk_macao_work", "party-plan-2023", "new in 2023, formed on the basis of 国务院港澳办; the line: " + PARTY_NOTE
    ),
    party("social_work", "party-plan-2023", "new in 2023; the line: " + PARTY_NOTE),
    M("supervisory_commission", "", "", "", "model-persistence", "not a State Council body; " + PERSIST_2022),
]

SNAPSHOT_MEMBERS = {"2017": SNAP_2017, "2018": SNAP_2018, "2022": SNAP_2022, "2023": SNAP_2023}

# ---- lineage ---------------------------------------------------------------------------------------------------
# (from snapshot, from key, to key, change, function, source, note). Structural changes a plan states are public;
# `continued` for a body no source mentions is filled in by `lineage()` as modeled (same name in both snapshots).
LINEAGE: list[tuple[str, str, str, str, str, str, str]] = [
    # 2017 -> 2018 (plan-2018 unless noted)
    ("2017", "land_resources", "natural_resources", "merged", "", "plan-2018", ""),
    ("2017", "oceanic", "natural_resources", "merged", "", "plan-2018", "国家海洋局 stays only as a plate"),
    ("2017", "surveying_mapping", "natural_resources", "merged", "", "plan-2018", ""),
    ("2017", "development_reform", "natural_resources", "transferred", "main_functional_zones", "plan-2018", ""),
    ("2017", "housing", "natural_resources", "transferred", "urban_rural_planning", "plan-2018", ""),
    ("2017", "water_resources", "natural_resources", "transferred", "water_resources_survey", "plan-2018", ""),
    ("2017", "agriculture", "natural_resources", "transferred", "grassland_survey", "plan-2018", ""),
    ("2017", "forestry", "natural_resources", "transferred", "forest_wetland_survey", "plan-2018", ""),
    ("2017", "environmental_protection", "ecology_environment", "merged", "", "plan-2018", ""),
    ("2017", "development_reform", "ecology_environment", "transferred", "climate_change", "plan-2018", ""),
    ("2017", "land_resources", "ecology_environment", "transferred", "groundwater_pollution", "plan-2018", ""),
    ("2017", "water_resources", "ecology_environment", "transferred", "water_function_zoning", "plan-2018", ""),
    ("2017", "agriculture", "ecology_environment", "transferred", "agri_nonpoint_pollution", "plan-2018", ""),
    ("2017", "oceanic", "ecology_environment", "transferred", "marine_environment", "plan-2018", ""),
    ("2017", "south_north_water", "ecology_environment", "transferred", "south_north_environment", "plan-2018", ""),
    ("2017", "agriculture", "agriculture_rural", "merged", "", "plan-2018", ""),
    ("2017", "development_reform", "agriculture_rural", "transferred", "agri_investment", "plan-2018", ""),
    ("2017", "finance", "agriculture_rural", "transferred", "agri_comprehensive_development", "plan-2018", ""),
    ("2017", "land_resources", "agriculture_rural", "transferred", "farmland_consolidation", "plan-2018", ""),
    ("2017", "water_resources", "agriculture_rural", "transferred", "farmland_water", "plan-2018", ""),
    ("2017", "culture", "culture_tourism", "merged", "", "plan-2018", ""),
    ("2017", "tourism", "culture_tourism", "merged", "", "plan-2018", ""),
    ("2017", "health_family_planning", "health", "merged", "", "plan-2018", ""),
    (
        "2017",
        "civil_affairs",
        "health",
        "transferred",
        "ageing",
        "model-lineage",
        "the plan moves the duties of 全国老龄工作委员会办公室; that this office sat in 民政部 is not in the plan",
    ),
    ("2017", "industry_it", "health", "transferred", "tobacco_control", "plan-2018", ""),
    ("2017", "work_safety", "health", "transferred", "occupational_health", "plan-2018", ""),
    ("2017", "civil_affairs", "veterans_affairs", "transferred", "veterans_care", "plan-2018", ""),
    ("2017", "human_resources", "veterans_affairs", "transferred", "officer_resettlement", "plan-2018", ""),
    ("2017", "work_safety", "emergency_management", "merged", "", "plan-2018", ""),
    ("2017", "general_office", "emergency_management", "transferred", "emergency_response", "plan-2018", ""),
    ("2017", "public_security", "emergency_management", "transferred", "fire_control", "plan-2018", ""),
    ("2017", "civil_affairs", "emergency_management", "transferred", "disaster_relief", "plan-2018", ""),
    ("2017", "land_resources", "emergency_management", "transferred", "geological_disaster", "plan-2018", ""),
    ("2017", "water_resources", "emergency_management", "transferred", "flood_drought", "plan-2018", ""),
    ("2017", "agriculture", "emergency_management", "transferred", "grassland_fire", "plan-2018", ""),
    ("2017", "forestry", "emergency_management", "transferred", "forest_fire", "plan-2018", ""),
    ("2017", "earthquake", "emergency_management", "transferred", "earthquake_relief", "plan-2018", ""),
    ("2017", "science_technology", "science_technology", "continued", "", "plan-2018", "重新组建科学技术部"),
    (
        "2017",
        "foreign_experts",
        "science_technology",
        "merged",
        "",
        "plan-2018",
        "国家外国专家局 stays only as a plate on 科学技术部",
    ),
    ("2017", "justice", "justice", "continued", "", "plan-2018", "重新组建司法部"),
    ("2017", "legal_affairs_office", "justice", "merged", "", "plan-2018", ""),
    ("2017", "water_resources", "water_resources", "continued", "", "plan-2018", "优化水利部职责"),
    ("2017", "three_gorges", "water_resources", "merged", "", "plan-2018", ""),
    ("2017", "south_north_water", "water_resources", "merged", "", "plan-2018", ""),
    ("2017", "audit", "audit", "continued", "", "plan-2018", "优化审计署职责"),
    ("2017", "development_reform", "audit", "transferred", "project_inspection", "plan-2018", ""),
    ("2017", "finance", "audit", "transferred", "budget_supervision", "plan-2018", ""),
    ("2017", "sasac", "audit", "transferred", "soe_leader_audit", "plan-2018", ""),
    ("2017", "industry_commerce", "market_regulation", "merged", "", "plan-2018", ""),
    ("2017", "quality_inspection", "market_regulation", "merged", "", "plan-2018", ""),
    ("2017", "food_drug", "market_regulation", "merged", "", "plan-2018", ""),
    ("2017", "food_drug", "drug_administration", "split", "", "plan-2018", "单独组建国家药品监督管理局"),
    ("2017", "development_reform", "market_regulation", "transferred", "price_supervision", "plan-2018", ""),
    ("2017", "commerce", "market_regulation", "transferred", "antimonopoly", "plan-2018", ""),
    ("2017", "quality_inspection", "customs", "transferred", "entry_exit_inspection", "plan-2018", ""),
    (
        "2017",
        "intellectual_property",
        "intellectual_property",
        "continued",
        "",
        "plan-2018",
        "重新组建国家知识产权局, now managed by 市场监管总局",
    ),
    ("2017", "industry_commerce", "intellectual_property", "transferred", "trademarks", "plan-2018", ""),
    ("2017", "quality_inspection", "intellectual_property", "transferred", "geographical_indications", "plan-2018", ""),
    ("2017", "press_radio_film_tv", "radio_tv", "split", "", "plan-2018", "broadcasting stays with the new 总局"),
    ("2017", "press_radio_film_tv", "publicity", "transferred", "press_publication", "plan-2018", ""),
    ("2017", "press_radio_film_tv", "publicity", "transferred", "film", "plan-2018", ""),
    ("2017", "banking_regulation", "banking_insurance_regulation", "merged", "", "plan-2018", ""),
    ("2017", "insurance_regulation", "banking_insurance_regulation", "merged", "", "plan-2018", ""),
    ("2017", "banking_regulation", "central_bank", "transferred", "prudential_rulemaking", "plan-2018", ""),
    ("2017", "insurance_regulation", "central_bank", "transferred", "prudential_rulemaking", "plan-2018", ""),
    ("2017", "commerce", "intl_development", "transferred", "foreign_aid", "plan-2018", ""),
    ("2017", "foreign_affairs", "intl_development", "transferred", "foreign_aid", "plan-2018", ""),
    ("2017", "human_resources", "medical_security", "transferred", "medical_insurance", "plan-2018", ""),
    ("2017", "health_family_planning", "medical_security", "transferred", "rural_cooperative_medical", "plan-2018", ""),
    ("2017", "development_reform", "medical_security", "transferred", "drug_pricing", "plan-2018", ""),
    ("2017", "civil_affairs", "medical_security", "transferred", "medical_aid", "plan-2018", ""),
    ("2017", "grain", "grain_reserves", "merged", "", "plan-2018", ""),
    ("2017", "development_reform", "grain_reserves", "transferred", "strategic_reserves", "plan-2018", ""),
    ("2017", "public_security", "immigration", "transferred", "exit_entry_border", "plan-2018", ""),
    ("2017", "forestry", "forestry_grassland", "merged", "", "plan-2018", ""),
    ("2017", "agriculture", "forestry_grassland", "transferred", "grassland_supervision", "plan-2018", ""),
    *[
        ("2017", k, "forestry_grassland", "transferred", "protected_areas", "plan-2018", "")
        for k in ("land_resources", "housing", "water_resources", "agriculture", "oceanic")
    ],
    ("2017", "civil_service", "organization", "merged", "", "plan-2018", "国家公务员局并入中央组织部"),
    ("2017", "religious_affairs", "united_front", "merged", "", "plan-2018", "国家宗教事务局并入中央统战部"),
    ("2017", "overseas_chinese", "united_front", "merged", "", "plan-2018", "国务院侨务办公室并入中央统战部"),
    ("2017", "academy_governance", "party_school", "merged", "", "plan-2018", "中央党校和国家行政学院职责整合"),
    ("2017", "party_school", "party_school", "continued", "", "plan-2018", ""),
    ("2017", "supervision", "supervisory_commission", "merged", "", "plan-2018", "不再保留监察部"),
    ("2017", "corruption_prevention", "supervisory_commission", "merged", "", "plan-2018", "不再保留国家预防腐败局"),
    (
        "2017",
        "external_publicity",
        "publicity",
        "merged",
        "",
        "model-lineage",
        "the office of external publicity is not kept after 2018 and its State Council plate moves to 中宣部; the "
        "merger sentence itself was not checked",
    ),
    (
        "2017",
        "cyberspace_group_office",
        "cyberspace_commission_office",
        "renamed",
        "",
        "plan-2018",
        "the leading group becomes a commission",
    ),
    ("2017", "earthquake", "earthquake", "continued", "", "plan-2018", "中国地震局由应急管理部管理"),
    ("2017", "coal_mine_safety", "coal_mine_safety", "continued", "", "plan-2018", "由应急管理部管理"),
    ("2017", "social_security_fund", "social_security_fund", "continued", "", "plan-2018", "改由财政部管理"),
    ("2017", "nsfc", "nsfc", "continued", "", "plan-2018", "改由科学技术部管理"),
    ("2017", "taxation", "taxation", "continued", "", "plan-2018", "国税地税征管体制改革"),
    # 2018 -> 2022: the changes between the rounds
    (
        "2018",
        "poverty_alleviation",
        "rural_revitalization",
        "renamed",
        "",
        "nrra-2021",
        "the 扶贫办 sign came down and 国家乡村振兴局 went up on 25 February 2021",
    ),
    ("2018", "coal_mine_safety", "mine_safety", "renamed", "", "mine-2020", ""),
    (
        "2018",
        "health",
        "disease_control",
        "transferred",
        "disease_prevention",
        "model-lineage",
        "the new bureau's duties (傳染病防控 and public-health supervision) were 卫健委's; not stated by the report",
    ),
    # 2022 -> 2023 (plan-2023 unless noted)
    (
        "2022",
        "banking_insurance_regulation",
        "financial_regulation",
        "merged",
        "",
        "plan-2023",
        "不再保留中国银行保险监督管理委员会",
    ),
    ("2022", "central_bank", "financial_regulation", "transferred", "financial_holding_supervision", "plan-2023", ""),
    ("2022", "central_bank", "financial_regulation", "transferred", "financial_consumer_protection", "plan-2023", ""),
    ("2022", "securities_regulation", "financial_regulation", "transferred", "investor_protection", "plan-2023", ""),
    (
        "2022",
        "securities_regulation",
        "securities_regulation_direct",
        "continued",
        "",
        "plan-2023",
        "调整为国务院直属机构",
    ),
    ("2022", "development_reform", "data", "transferred", "digital_economy", "plan-2023", ""),
    ("2022", "cyberspace_commission_office", "data", "transferred", "digital_china", "plan-2023", ""),
    ("2022", "science_technology", "science_technology", "continued", "", "plan-2023", "重新组建科学技术部"),
    ("2022", "science_technology", "agriculture_rural", "transferred", "rural_science", "plan-2023", ""),
    *[
        ("2022", "science_technology", k, "transferred", "social_development_science", "plan-2023", "")
        for k in ("development_reform", "ecology_environment", "health")
    ],
    ("2022", "science_technology", "industry_it", "transferred", "hightech_industrialisation", "plan-2023", ""),
    (
        "2022",
        "science_technology",
        "human_resources",
        "transferred",
        "foreign_experts",
        "plan-2023",
        "the 国家外国专家局 plate moves with it",
    ),
    (
        "2022",
        "foreign_experts",
        "foreign_experts",
        "continued",
        "",
        "plan-2023",
        "the plate moves: 人力资源和社会保障部加挂, 科学技术部不再保留",
    ),
    (
        "2022",
        "rural_revitalization",
        "agriculture_rural",
        "merged",
        "",
        "plan-2023",
        "不再保留单设的国家乡村振兴局; its name stays as a plate on 农业农村部",
    ),
    ("2022", "agriculture_rural", "agriculture_rural", "continued", "", "plan-2023", "优化农业农村部职责"),
    ("2022", "health", "civil_affairs", "transferred", "ageing", "plan-2023", "完善老龄工作体制"),
    ("2022", "intellectual_property", "intellectual_property", "continued", "", "plan-2023", "调整为国务院直属机构"),
    ("2022", "petitions", "petitions", "continued", "", "plan-2023", "调整为国务院直属机构"),
    (
        "2022",
        "hk_macao",
        "hk_macao_work",
        "renamed",
        "",
        "party-plan-2023",
        "在国务院港澳事务办公室基础上组建中央港澳工作办公室; the State Council name stays as a plate",
    ),
    (
        "2022",
        "civil_affairs",
        "social_work",
        "transferred",
        "community_governance",
        "model-lineage",
        "the 2023 party plan's list of what 中央社会工作部 takes from 民政部 was not checked word for word",
    ),
    (
        "2022",
        "emergency_management",
        "fire_rescue",
        "transferred",
        "fire_rescue_command",
        "fire-2023",
        "应急管理部消防救援局 and 森林消防局 merged into the new bureau (January 2023, not by the 2023 plan)",
    ),
    (
        "2022",
        "offices_admin",
        "offices_admin_national",
        "renamed",
        "",
        "model-lineage",
        "same body under the name of current listings; the date of the new name is not established here",
    ),
]

FUNCTIONS: list[tuple[str, str, str]] = [
    ("main_functional_zones", "主体功能区规划", "Main functional zone planning"),
    ("urban_rural_planning", "城乡规划管理", "Urban and rural planning"),
    ("water_resources_survey", "水资源调查和确权登记管理", "Water resources survey and registration"),
    ("grassland_survey", "草原资源调查和确权登记管理", "Grassland survey and registration"),
    ("forest_wetland_survey", "森林、湿地等资源调查和确权登记管理", "Forest and wetland survey and registration"),
    ("climate_change", "应对气候变化和减排", "Climate change and emission reduction"),
    ("groundwater_pollution", "监督防止地下水污染", "Preventing groundwater pollution"),
    (
        "water_function_zoning",
        "编制水功能区划、排污口设置管理、流域水环境保护",
        "Water function zoning, outfalls, river-basin water environment",
    ),
    ("agri_nonpoint_pollution", "监督指导农业面源污染治理", "Agricultural non-point pollution"),
    ("marine_environment", "海洋环境保护", "Marine environmental protection"),
    ("south_north_environment", "南水北调工程项目区环境保护", "Environment of the South-to-North project areas"),
    ("agri_investment", "农业投资项目管理", "Agricultural investment projects"),
    ("agri_comprehensive_development", "农业综合开发项目管理", "Comprehensive agricultural development"),
    ("farmland_consolidation", "农田整治项目管理", "Farmland consolidation"),
    ("farmland_water", "农田水利建设项目管理", "Farmland water works"),
    ("ageing", "老龄工作 (全国老龄工作委员会办公室)", "Ageing work (office of the national ageing committee)"),
    ("tobacco_control", "牵头《烟草控制框架公约》履约", "Tobacco-control convention"),
    ("occupational_health", "职业安全健康监督管理", "Occupational safety and health"),
    ("veterans_care", "退役军人优抚安置", "Care and placement of veterans"),
    ("officer_resettlement", "军官转业安置", "Resettlement of demobilised officers"),
    ("emergency_response", "应急管理", "Emergency response"),
    ("fire_control", "消防管理", "Fire control"),
    ("disaster_relief", "救灾", "Disaster relief"),
    ("geological_disaster", "地质灾害防治", "Geological disaster prevention"),
    ("flood_drought", "水旱灾害防治", "Flood and drought prevention"),
    ("grassland_fire", "草原防火", "Grassland fire prevention"),
    ("forest_fire", "森林防火", "Forest fire prevention"),
    ("earthquake_relief", "震灾应急救援", "Earthquake emergency rescue"),
    ("project_inspection", "重大项目稽察", "Inspection of major projects"),
    ("budget_supervision", "中央预算执行情况和其他财政收支情况的监督检查", "Supervision of central budget execution"),
    (
        "soe_leader_audit",
        "国有企业领导干部经济责任审计和国有重点大型企业监事会",
        "Audit of SOE leaders and boards of supervisors",
    ),
    ("price_supervision", "价格监督检查与反垄断执法", "Price supervision"),
    ("antimonopoly", "经营者集中反垄断执法", "Anti-monopoly review of concentrations"),
    ("entry_exit_inspection", "出入境检验检疫管理", "Entry-exit inspection and quarantine"),
    ("trademarks", "商标管理", "Trademarks"),
    ("geographical_indications", "原产地地理标志管理", "Geographical indications"),
    ("press_publication", "新闻出版管理", "Press and publication"),
    ("film", "电影管理", "Film administration"),
    (
        "prudential_rulemaking",
        "拟订银行业、保险业重要法律法规草案和审慎监管基本制度",
        "Drafting banking and insurance laws and prudential rules",
    ),
    ("foreign_aid", "对外援助", "Foreign aid"),
    ("medical_insurance", "城镇职工和城镇居民基本医疗保险、生育保险", "Basic medical and maternity insurance"),
    ("rural_cooperative_medical", "新型农村合作医疗", "New rural cooperative medical scheme"),
    ("drug_pricing", "药品和医疗服务价格管理", "Drug and medical service pricing"),
    ("medical_aid", "医疗救助", "Medical aid"),
    ("strategic_reserves", "国家战略物资收储、轮换和管理", "Strategic material reserves"),
    ("exit_entry_border", "出入境管理、边防检查", "Exit-entry administration and border checks"),
    ("grassland_supervision", "草原监督管理", "Grassland supervision"),
    (
        "protected_areas",
        "自然保护区、风景名胜区、自然遗产、地质公园等管理",
        "Nature reserves, scenic areas, natural heritage, geoparks",
    ),
    ("disease_prevention", "传染病防控与公共卫生监督", "Disease control and public-health supervision"),
    ("financial_holding_supervision", "金融控股公司等金融集团的日常监管", "Supervision of financial holding groups"),
    ("financial_consumer_protection", "金融消费者保护", "Financial consumer protection"),
    ("investor_protection", "投资者保护", "Investor protection"),
    (
        "digital_economy",
        "统筹推进数字经济发展、数字基础设施布局、数据资源整合共享和开发利用",
        "Digital economy and data resources",
    ),
    ("digital_china", "研究拟订数字中国建设方案等", "Digital China planning"),
    ("rural_science", "组织拟订科技促进农业农村发展规划和政策", "Science for agriculture and rural areas"),
    ("social_development_science", "组织拟订科技促进社会发展规划和政策", "Science for social development"),
    ("hightech_industrialisation", "高新技术产业化", "High-tech industrialisation"),
    ("foreign_experts", "引进国外智力", "Recruiting foreign expertise"),
    ("community_governance", "指导城乡社区治理体系和治理能力建设等", "Community governance"),
    ("fire_rescue_command", "国家综合性消防救援队伍的领导指挥", "Command of the national fire and rescue teams"),
]

# ---- manifest -----------------------------------------------------------------------------------------------------
DATASET = dict(
    id="state-council",
    title_zh="国务院机构改革 2018 与 2023",
    title_en="The State Council across the 2018 and 2023 reforms",
    description="The bodies of the State Council of the People's Republic of China, class by class, before and after "
    "the 2018 and the 2023 reforms (four snapshots), with the party departments and the National "
    "Supervisory Commission that took over State Council bodies. What the plans and the notices state "
    "is public; what we inferred is modeled (see README.md).",
)
LEVELS = [dict(id="national", rank=1, label_zh="国家", label_en="National")]
SNAPSHOTS = [
    dict(id="2017", date="2017-12-31", role="before", label_zh="2018年改革前", label_en="Before the 2018 reform"),
    dict(id="2018", date="2018-12-31", role="after", label_zh="2018年改革后", label_en="After the 2018 reform"),
    dict(
        id="2022",
        date="2022-12-31",
        role="before",
        label_zh="2023年改革前",
        label_en="Before the 2023 reform (with the changes between the rounds)",
    ),
    dict(id="2023", date="2023-12-31", role="after", label_zh="2023年改革后", label_en="After the 2023 reform"),
]
SOURCES = [
    dict(
        id="plan-2018",
        basis="public",
        title="深化党和国家机构改革方案",
        date="2018-03-21",
        publisher="中共中央 (新华社)",
        url="http://xiongan.gov.cn/2018-03/21/c_129834228_3.htm",
        note="The party's plan, which includes the State Council plan approved by the 13th NPC on 2018-03-17 "
        "(国务院机构改革方案): every 组建 / 不再保留 / 划入 / 由…管理 / 加挂牌子 of 2018 cited here.",
    ),
    dict(
        id="list-2018",
        basis="public",
        title="国务院设置组成部门26个 (新华网)",
        date="2018-03-13",
        publisher="新华网 (copy at scol.com.cn)",
        url="https://focus.scol.com.cn/gcdt/201803/56095492.html",
        note="改革后，除国务院办公厅外，国务院设置组成部门26个, followed by the 26 names. Checked.",
    ),
    dict(
        id="count-2018",
        basis="public",
        title="全國人大通過國務院機構改革方案",
        date="2018-03-17",
        publisher="信報 (hkej.com)",
        url="https://www2.hkej.com/landing/articleprint/id/1792633",
        note="由原來25個部門，增加至26個 ... 其中19個部門名稱不變. Checked.",
    ),
    dict(
        id="list-2013",
        basis="public",
        title="國務院機構改革方案獲準 25個組成部門一覽 (中新社)",
        date="2013-03-14",
        publisher="中新社 (copy at shenduxp.com)",
        url="http://www.shenduxp.com/2013-03/14/content_10871171.htm",
        note="The 25 constituent departments after the 2013 reform, by name. Checked.",
    ),
    dict(
        id="notices-2013",
        basis="public",
        title="国务院关于机构设置的通知 (国发〔2013〕14号); 国务院关于部委管理的国家局设置的通知 (国发〔2013〕15号)",
        date="2013-03-19",
        publisher="国务院",
        url="",
        note="The classes and lines of 2013, which the 2018 plan started from; not retrieved while building this "
        "dataset. The 2017 snapshot uses them for the class and line of each body a 2018 source names.",
    ),
    dict(
        id="notices-2018",
        basis="public",
        title="国务院关于机构设置的通知 (国发〔2018〕6号); 国务院关于部委管理的国家局设置的通知 (国发〔2018〕7号)",
        date="2018-03-22",
        publisher="国务院",
        url="",
        note="The bodies after the 2018 reform, class by class. The texts were not retrieved while building this "
        "dataset; rows citing them follow the lists as the plan and the 2023 notice shape them (README).",
    ),
    dict(
        id="nrra-2021",
        basis="public",
        title="我国首设国家乡村振兴局 全面推进乡村振兴 (新华社)",
        date="2021-02-25",
        publisher="新华社 (copy at cnhubei.com)",
        url="http://xczx.cnhubei.com/zx/202207/t4450921.shtml",
        note="The 国务院扶贫开发领导小组办公室 sign (since 1986) comes down; 国家乡村振兴局 is set up. Checked.",
    ),
    dict(
        id="cdc-2021",
        basis="public",
        title="国家疾病预防控制局正式挂牌 (新华社)",
        date="2021-05-13",
        publisher="新华社 (copy at cn3x.com.cn)",
        url="http://www.cn3x.com.cn/content/show?catid=324891&newsid=674683",
        note="Checked.",
    ),
    dict(
        id="mine-2020",
        basis="public",
        title="煤管局现在叫国家矿山安全监察局",
        date="",
        publisher="fudaoke.com (secondary page)",
        url="https://www.fudaoke.com/exam/1533661.html",
        note="The 2020 renaming of 国家煤矿安全监察局; a secondary page, the official notice was not retrieved.",
    ),
    dict(
        id="fire-2023",
        basis="public",
        title="中国国家消防救援局6日正式挂牌 (中新社)",
        date="2023-01-06",
        publisher="中新社 (copy at icbw.com.cn)",
        url="https://www.icbw.com.cn/forum.php?mod=viewthread&ordertype=1&tid=167622",
        note="由应急管理部消防救援局和森林消防局整合而成. Checked.",
    ),
    dict(
        id="plan-2023",
        basis="public",
        title="国务院机构改革方案 (2023)",
        date="2023-03-10",
        publisher="第十四届全国人民代表大会第一次会议批准 (新华社; copy at thinkhk.com)",
        url="https://thinkhk.com/article/2023-03/10/59678.html",
        note="Thirteen items: 重新组建科学技术部, 组建国家金融监督管理总局, 证监会调整为国务院直属机构, 组建国家数据局, "
        "优化农业农村部职责 (在农业农村部加挂国家乡村振兴局牌子, 不再保留单设的国家乡村振兴局), 完善老龄工作体制, "
        "完善知识产权管理体制, 国家信访局调整为国务院直属机构 ... Item titles checked; duty details as reported.",
    ),
    dict(
        id="party-plan-2023",
        basis="public",
        title="党和国家机构改革方案 (2023)",
        date="2023-03-16",
        publisher="中共中央 国务院 (新华社; copy at bmcg.com.cn)",
        url="http://bmcg.com.cn/details/578.html",
        note="中央金融委员会, 中央科技委员会, 中央社会工作部, 中央港澳工作办公室 (on the basis of 国务院港澳事务办公室).",
    ),
    dict(
        id="notice-2023",
        basis="public",
        title="国务院关于机构设置的通知 (2023)",
        date="2023-03-16",
        publisher="国务院 (copy at hunanlz.com)",
        url="http://hunanlz.com/show.aspx?cid=26&id=8754",
        note="The bodies after the 2023 reform and the plates: 人社部加挂国家外国专家局牌子, 自然资源部对外保留国家海洋局"
        "牌子, 农业农村部加挂国家乡村振兴局牌子, 国务院港澳事务办公室在中共中央港澳工作办公室加挂牌子, 国家行政学院与"
        "中央党校一个机构两块牌子 ... The plates paragraph was checked.",
    ),
    dict(
        id="bureaus-2023",
        basis="public",
        title="国务院关于部委管理的国家局设置的通知 (2023)",
        date="2023-03-16",
        publisher="国务院",
        url="",
        note="The national bureaus after the 2023 reform; not retrieved. A secondary page (explainer-bureaus) counts "
        "17 such bureaus.",
    ),
    dict(
        id="explainer-2023",
        basis="public",
        title="根據《國務院關于機構設置的通知》,國務院有以下六類機構設置",
        date="",
        publisher="acbl.com.cn (secondary page)",
        url="http://www.acbl.com.cn/article/11258.html",
        note="The 26 constituent departments after 2023 with their plates, 与改革之前数量上保持不变; the SASAC; 14 "
        "directly affiliated bodies. Checked.",
    ),
    dict(
        id="explainer-bureaus",
        basis="public",
        title="國務院部門中的總局、局和署 (小圣杂谈)",
        date="",
        publisher="digipub.cc (secondary page)",
        url="http://m.digipub.cc/dy/article/KM9RMPQT05535L20.html?f=post2020_dy_recommends",
        note="國務院直屬的副部級國家局: 國家統計局、國家信訪局、國家知識產權局、國家醫療保障局、國家機關事務管理局; "
        "17 bureaus managed by ministries. Checked.",
    ),
    dict(
        id="model-persistence",
        basis="modeled",
        title="orgraph modeling note: bodies in place between two lists",
        date="",
        publisher="orgraph",
        url="",
        note="A body listed before and after a snapshot that no source names for the snapshot itself is assumed to "
        "have stayed in place, in the same class and under the same body (data/state-council/README.md).",
    ),
    dict(
        id="model-lineage",
        basis="modeled",
        title="orgraph modeling note: lineage the plans do not state",
        date="",
        publisher="orgraph",
        url="",
        note="`continued` between two rows of the same name that no source mentions, and the few transfers the "
        "plans imply without saying (each with a note).",
    ),
    dict(
        id="model-lines",
        basis="modeled",
        title="orgraph modeling note: reporting lines no cited source states",
        date="",
        publisher="orgraph",
        url="",
        note="Each such line has a note saying why it is drawn.",
    ),
    dict(
        id="model-party",
        basis="modeled",
        title="orgraph modeling note: the party side",
        date="",
        publisher="orgraph",
        url="",
        note="The Central Committee as the top of the party side and its departments' lines to it: general "
        "knowledge, not stated by the plans.",
    ),
]
EVENTS = [
    dict(
        date="2018-03-17",
        label_zh="十三届全国人大一次会议批准国务院机构改革方案",
        label_en="The 13th NPC approves the State Council reform plan",
        source="count-2018",
    ),
    dict(
        date="2018-03-21",
        label_zh="中共中央印发《深化党和国家机构改革方案》",
        label_en="The Central Committee publishes the plan for deepening the reform of party and state institutions",
        source="plan-2018",
    ),
    dict(
        date="2021-02-25",
        label_zh="国家乡村振兴局挂牌",
        label_en="The National Rural Revitalization Administration "
        "is set up in place of the poverty-alleviation office",
        source="nrra-2021",
    ),
    dict(
        date="2021-05-13",
        label_zh="国家疾病预防控制局挂牌",
        label_en="The National Disease Control and Prevention Administration is set up",
        source="cdc-2021",
    ),
    dict(
        date="2023-01-06",
        label_zh="国家消防救援局挂牌",
        label_en="The National Fire and Rescue Administration is set up",
        source="fire-2023",
    ),
    dict(
        date="2023-03-10",
        label_zh="十四届全国人大一次会议批准国务院机构改革方案",
        label_en="The 14th NPC approves the State Council reform plan",
        source="plan-2023",
    ),
    dict(
        date="2023-03-16",
        label_zh="中共中央、国务院印发《党和国家机构改革方案》",
        label_en="The party and state institutional reform plan is published",
        source="party-plan-2023",
    ),
]
RULES = [
    dict(
        id="constituent-departments-25-before-2018",
        kind="count",
        title_zh="2018年改革前国务院组成部门25个",
        title_en="25 constituent departments before the 2018 reform",
        quote="國務院機構改革方案,由原來25個部門,增加至26個",
        source="count-2018",
        snapshots=["2017"],
        select=dict(agency_class=["constituent_department"]),
        params=dict(exactly=25),
    ),
    dict(
        id="constituent-departments-26-2018",
        kind="count",
        title_zh="国务院组成部门26个 (2018)",
        title_en="26 constituent departments after the 2018 reform",
        quote="改革后,除国务院办公厅外,国务院设置组成部门26个",
        source="list-2018",
        snapshots=["2018"],
        select=dict(agency_class=["constituent_department"]),
        params=dict(exactly=26),
    ),
    dict(
        id="constituent-departments-26-2023",
        kind="count",
        title_zh="国务院组成部门26个, 与改革之前数量上保持不变",
        title_en="26 constituent departments before and after the 2023 reform",
        quote="國務院組成部門:有26個,與改革之前數量上保持不變",
        source="explainer-2023",
        snapshots=["2022", "2023"],
        select=dict(agency_class=["constituent_department"]),
        params=dict(exactly=26),
    ),
    dict(
        id="directly-affiliated-14-2023",
        kind="count",
        title_zh="国务院直属机构14个 (2023)",
        title_en="14 directly affiliated bodies after the 2023 reform",
        quote="國務院直屬機構:共有14個",
        source="explainer-2023",
        snapshots=["2023"],
        select=dict(agency_class=["directly_affiliated"]),
        params=dict(exactly=14),
    ),
    dict(
        id="special-directly-affiliated-1",
        kind="count",
        title_zh="国务院直属特设机构1个 (国资委)",
        title_en="One special directly affiliated body (the SASAC)",
        quote="國務院直屬特設機構:只有一個,是正部級規格,那就是國務院國有資產監督管理委員會",
        source="explainer-2023",
        snapshots=["2023"],
        select=dict(agency_class=["special_directly_affiliated"]),
        params=dict(exactly=1),
    ),
]


# ---- building -----------------------------------------------------------------------------------------------------
def aid(snap: str, key: str) -> str:
    return f"{snap}-{key}"


def basis_of(source: str) -> str:
    return next(s["basis"] for s in SOURCES if s["id"] == source)


class Builder:
    def __init__(self) -> None:
        self.agencies: list[list[str]] = []
        self.edges: list[list[str]] = []
        self.ids: set[str] = set()
        self.keys: dict[str, set[str]] = {}
        self.edge_keys: set[tuple[str, ...]] = set()

    def agency(self, snap: str, m: M) -> None:
        zh, en, typ, cat = CATALOG[m.key]
        ident = aid(snap, m.key)
        assert ident not in self.ids, ident
        self.ids.add(ident)
        self.keys.setdefault(snap, set()).add(m.key)
        self.agencies.append([ident, snap, CN, zh, en, typ, cat, m.cls, "false", basis_of(m.source), m.source, m.note])

    def edge(
        self,
        typ: str,
        start: str,
        end: str,
        *,
        mode: str = "",
        change: str = "",
        function: str = "",
        source: str,
        note: str = "",
    ) -> None:
        key = (typ, start, end, mode or change, function)
        assert key not in self.edge_keys, key
        assert start in self.ids and (typ == "HAS_FUNCTION" or end in self.ids), (start, end)
        self.edge_keys.add(key)
        if not note and basis_of(source) == "modeled":
            note = DEFAULT_NOTES[source]
        self.edges.append([typ, start, end, mode, change, function, basis_of(source), source, note])


NEXT = {"2017": "2018", "2018": "2022", "2022": "2023"}
DEFAULT_NOTES = {  # the note of a modeled edge that has none of its own
    "model-party": "a party department under the Central Committee: general knowledge, not stated by the plans",
    "model-persistence": "the line as listed before and after this snapshot; no source names it for the snapshot",
    "model-lineage": "inferred; see README",
    "model-lines": "drawn by us; see README",
}

# Reporting and hosting lines whose source is not the row's own (the row's source names the body, not its line).
LINE_SOURCE: dict[tuple[str, str], tuple[str, str]] = {
    ("2017", "poverty_alleviation"): (
        "model-lines",
        "the office of a State Council leading group: drawn to the State Council",
    ),
    ("2017", "three_gorges"): ("model-lines", "the office of a State Council committee: drawn to the State Council"),
    ("2017", "south_north_water"): (
        "model-lines",
        "the office of a State Council committee: drawn to the State Council",
    ),
    ("2018", "poverty_alleviation"): (
        "model-lines",
        "the office of a State Council leading group: drawn to the State Council",
    ),
    ("2022", "rural_revitalization"): (
        "model-lines",
        "managed by 农业农村部 in secondary sources; the 2021 report does not say",
    ),
    ("2022", "disease_control"): (
        "model-lines",
        "managed by 国家卫生健康委员会 in secondary sources; the report does not say",
    ),
    ("2022", "mine_safety"): ("model-lines", "managed by 应急管理部 as its predecessor was; the page does not say"),
    ("2023", "fire_rescue"): ("bureaus-2023", "由应急管理部管理"),
}


def build() -> Builder:
    b = Builder()
    for snap, members in SNAPSHOT_MEMBERS.items():
        for m in members:
            b.agency(snap, m)
    for snap, members in SNAPSHOT_MEMBERS.items():
        for m in members:
            if not m.up:
                continue
            source, note = LINE_SOURCE.get((snap, m.key), (m.source, ""))
            if m.up == "cpc_central":  # a party department's line to the Central Committee: general knowledge
                source, note = "model-party", ""
            elif snap == "2017" and m.cls != CD and basis_of(source) == "public" and (snap, m.key) not in LINE_SOURCE:
                # the row's source names the body before 2018; its class and line are those the 2013 notices list
                source, note = "notices-2013", ""
            typ = "HOSTED_BY" if m.mode == "plate" else "REPORTS_TO"
            b.edge(typ, aid(snap, m.key), aid(snap, m.up), mode=m.mode, source=source, note=note)
    stated: set[tuple[str, str, str]] = set()
    for snap, old, new, change, function, source, note in LINEAGE:
        b.edge(
            "BECAME", aid(snap, old), aid(NEXT[snap], new), change=change, function=function, source=source, note=note
        )
        if change != "transferred":
            stated.add((snap, old, new))
    # a body of the same key in the next snapshot that no source's sentence links: `continued`, modeled
    for snap, nxt in NEXT.items():
        for key in sorted(b.keys[snap] & b.keys[nxt]):
            if (snap, key, key) in stated:
                continue
            plate_now = any(m.key == key and m.mode == "plate" for m in SNAPSHOT_MEMBERS[nxt])
            plate_before = any(m.key == key and m.mode == "plate" for m in SNAPSHOT_MEMBERS[snap])
            if plate_now and not plate_before:
                continue  # a new plate carrying an old name: the body itself went to the host (see LINEAGE)
            b.edge(
                "BECAME",
                aid(snap, key),
                aid(nxt, key),
                change="continued",
                source="model-lineage",
                note="same body, same name in both snapshots; no source states the continuity",
            )
    return b


# ---- writing ------------------------------------------------------------------------------------------------------
def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def manifest_text() -> str:
    lines = [
        "# The State Council of the PRC across the 2018 and 2023 reforms: four snapshots.",
        "# Generated by scripts/build_state_council.py; edit there and re-run it.",
    ]
    lines += [f"{key} = {_toml(value)}" for key, value in DATASET.items()]
    lines += ["format_version = 2"]
    for table, rows, keys in (
        ("levels", LEVELS, ("id", "rank", "label_zh", "label_en")),
        ("snapshots", SNAPSHOTS, ("id", "date", "role", "label_zh", "label_en")),
        ("sources", SOURCES, ("id", "basis", "title", "date", "publisher", "url", "note")),
        ("events", EVENTS, ("date", "label_zh", "label_en", "source")),
    ):
        for row in rows:
            lines += ["", f"[[{table}]]"] + [f"{key} = {_toml(row.get(key, ''))}" for key in keys]
    return "\n".join(lines) + "\n"


def rules_text() -> str:
    lines = [
        "# What the sources state about the State Council's structure, as checks (format: /work/coord/format-spec.md,",
        "# docs/data-format.md). Generated by scripts/build_state_council.py (RULES).",
    ]
    for r in RULES:
        lines += ["", "[[rules]]"]
        for key in ("id", "kind", "title_zh", "title_en", "quote", "source", "snapshots"):
            lines.append(f"{key} = {_toml(r[key])}")
        lines.append('levels = ["national"]')
        lines += ["[rules.select]"] + [f"{k} = {_toml(v)}" for k, v in r["select"].items()]
        lines += ["[rules.params]"] + [f"{k} = {_toml(v)}" for k, v in r["params"].items()]
    return "\n".join(lines) + "\n"


def write(b: Builder, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "manifest.toml").write_text(manifest_text(), encoding="utf-8")
    (out / "rules.toml").write_text(rules_text(), encoding="utf-8")

    def dump(name: str, header: list[str], rows: list[list[str]]) -> None:
        with open(out / name, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)

    dump(
        "jurisdictions.csv",
        ["id", "name_zh", "name_en", "level", "parent", "basis", "source", "note"],
        [
            [
                CN,
                "中华人民共和国",
                "People's Republic of China",
                "national",
                "",
                "public",
                "list-2018",
                "the State Council is the Central People's Government",
            ]
        ],
    )
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
            "agency_class",
            "counts_toward_quota",
            "basis",
            "source",
            "note",
        ],
        b.agencies,
    )
    used = {row[5] for row in b.edges if row[5]}
    missing = used - {f[0] for f in FUNCTIONS}
    assert not missing, missing
    dump(
        "functions.csv",
        ["id", "name_zh", "name_en", "basis", "source"],
        [
            [fid, zh, en, "public", FUNCTION_SOURCE.get(fid, "plan-2023" if fid in _FUNCTIONS_2023 else "plan-2018")]
            for fid, zh, en in FUNCTIONS
            if fid in used
        ],
    )
    dump("edges.csv", ["type", "from", "to", "mode", "change", "function", "basis", "source", "note"], b.edges)


_FUNCTIONS_2023 = {
    "financial_holding_supervision",
    "financial_consumer_protection",
    "investor_protection",
    "digital_economy",
    "digital_china",
    "rural_science",
    "social_development_science",
    "hightech_industrialisation",
    "foreign_experts",
}
FUNCTION_SOURCE = {  # functions named by another text than the plans
    "community_governance": "party-plan-2023",
    "fire_rescue_command": "fire-2023",
    "disease_prevention": "cdc-2021",
}


def report(b: Builder) -> str:
    lines = []
    per = Counter((row[1], row[7] or "(other)") for row in b.agencies)
    for snap in SNAPSHOT_MEMBERS:
        total = sum(n for (s, _), n in per.items() if s == snap)
        parts = ", ".join(f"{cls} {n}" for (s, cls), n in sorted(per.items()) if s == snap)
        lines.append(f"{snap}: {total} agencies ({parts})")
    ab = Counter(row[9] for row in b.agencies)
    eb = Counter(row[6] for row in b.edges)
    et = Counter((row[0], row[6]) for row in b.edges)
    lines.append(f"agencies: {len(b.agencies)} (public {ab['public']}, modeled {ab['modeled']})")
    lines.append(f"edges: {len(b.edges)} (public {eb['public']}, modeled {eb['modeled']})")
    for (typ, basis), n in sorted(et.items()):
        lines.append(f"  {typ} {basis}: {n}")
    return "\n".join(lines)


def main() -> int:
    builder = build()
    write(builder, OUT)
    print(report(builder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
