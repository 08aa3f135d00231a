"""Agency search: the chosen jurisdiction first, then exact, prefix, substring and all-words hits."""

from __future__ import annotations

from graph.model import Agency, Basis, Category
from graph.search import rank_agencies

PLACES = {"p": ("甲旗", "Jia Banner"), "q": ("乙旗", "Yi Banner")}


def agency(agency_id: str, place: str, zh: str, en: str) -> Agency:
    return Agency(agency_id, "s", place, zh, en, "t", Category.GOVERNMENT, True, Basis.MODELED, "x")


AGENCIES = [
    agency("p-eco", "p", "甲旗生态环境保护综合执法大队", "Jia Banner Ecology and Environment Enforcement Team"),
    agency("p-em", "p", "甲旗应急管理局", "Jia Banner Emergency Management Bureau"),
    agency("q-eco", "q", "乙旗生态环境局", "Yi Banner Ecology and Environment Bureau"),
    agency("q-branch", "q", "盟生态环境局乙旗分局", "League Ecology and Environment Bureau, Yi Banner Branch"),
    agency("q-em", "q", "乙旗应急管理局", "Yi Banner Emergency Management Bureau"),
]


def ids(found: list[Agency]) -> list[str]:
    return [a.id for a in found]


def test_the_chosen_jurisdiction_comes_first_whatever_the_rank_elsewhere() -> None:
    assert ids(rank_agencies("生态环境", AGENCIES, PLACES, scope="q")) == ["q-eco", "q-branch", "p-eco"]
    assert ids(rank_agencies("生态环境", AGENCIES, PLACES, scope="p"))[0] == "p-eco"


def test_a_name_without_its_place_in_front_is_an_exact_hit() -> None:
    found = rank_agencies("应急管理局", AGENCIES, PLACES)
    assert ids(found) == ["p-em", "q-em"]  # both exact once the banner's name is dropped; then by id


def test_exact_before_prefix_before_substring() -> None:
    found = rank_agencies("乙旗生态环境局", AGENCIES, PLACES)
    assert ids(found) == ["q-eco", "q-branch"][: len(found)] and found[0].id == "q-eco"
    assert ids(rank_agencies("生态环境局", AGENCIES, PLACES, scope="q")) == ["q-eco", "q-branch"]


def test_several_english_words_match_in_any_order_and_case() -> None:
    assert ids(rank_agencies("management EMERGENCY", AGENCIES, PLACES, scope="q")) == ["q-em", "p-em"]
    assert ids(rank_agencies("  emergency   management ", AGENCIES, PLACES, scope="p")) == ["p-em", "q-em"]
    assert rank_agencies("emergency ecology", AGENCIES, PLACES) == []


def test_blank_text_finds_nothing_and_limit_cuts() -> None:
    assert rank_agencies(" \u3000", AGENCIES, PLACES) == []
    assert len(rank_agencies("旗", AGENCIES, PLACES, limit=2)) == 2
