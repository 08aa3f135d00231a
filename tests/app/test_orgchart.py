"""The org chart's structure and HTML, without a browser: bands, blocks, nesting, lines elsewhere, escaping."""

from __future__ import annotations

from graph.model import Agency, Basis, Category, Edge, RelType
from views.orgchart import build_org_chart, org_chart_html


def agency(agency_id: str, category: Category, name: str | None = None) -> Agency:
    return Agency(agency_id, "s", "j", name or agency_id, agency_id, "t", category, True, Basis.PUBLIC, "x")


def reports(start: str, end: str, mode: str = "leads") -> Edge:
    return Edge(RelType.REPORTS_TO, start, end, Basis.PUBLIC, "x", mode=mode)


AGENCIES = [
    agency("party", Category.LEADERSHIP),
    agency("gov", Category.LEADERSHIP),
    agency("office", Category.PARTY),
    agency("bureau", Category.GOVERNMENT),
    agency("team", Category.ENFORCEMENT),
    agency("branch", Category.GOVERNMENT),
    agency("hostile", Category.GOVERNMENT, "<img src=x onerror=alert(1)>"),
]
EDGES = [
    reports("party", "upper-party"),
    reports("gov", "party"),
    reports("office", "party"),
    reports("bureau", "gov"),
    reports("team", "bureau", "manages"),
    reports("branch", "upper-bureau", "dispatched"),
    reports("branch", "gov", "guides"),
    reports("hostile", "gov"),
]


def test_leading_bodies_form_the_top_band_and_departments_sit_in_blocks_by_category() -> None:
    chart = build_org_chart(AGENCIES, EDGES, {"upper-bureau": "上级局"})
    assert [c.head.agency.id for c in chart.columns] == ["party", "gov"]  # the government stands beside its party
    party, gov = chart.columns
    assert [(cat, [c.agency.id for c in cards]) for cat, cards in party.blocks] == [(Category.PARTY, ["office"])]
    (category, cards) = gov.blocks[0]
    bureau = next(c for c in cards if c.agency.id == "bureau")
    assert [(k.agency.id, k.mode) for k in bureau.children] == [("team", "manages")]  # nested, with its mode
    assert [c.agency.id for c in chart.outside] == ["branch"]  # run from a body elsewhere
    lines = [(line.mode, line.target_name) for line in chart.outside[0].lines]
    assert lines == [("dispatched", "上级局"), ("guides", "gov")]
    assert chart.ids == {a.id for a in AGENCIES}


def test_every_body_appears_exactly_once() -> None:
    page = org_chart_html(
        build_org_chart(AGENCIES, EDGES, {}),
        lang="zh",
        category_names={},
        mode_names={"guides": "业务指导"},
        outside_title="elsewhere",
    )
    for a in AGENCIES:
        assert page.count(f'data-id="{a.id}"') == 1


def test_names_are_escaped_and_the_focus_is_marked() -> None:
    page = org_chart_html(
        build_org_chart(AGENCIES, EDGES, {}),
        lang="zh",
        category_names={},
        mode_names={},
        outside_title="<b>",
        focus="bureau",
    )
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;b&gt;" in page
    assert 'class="card focus" data-id="bureau"' in page


def test_a_chain_length_orders_top_bodies_that_report_to_nobody_here() -> None:
    agencies = [agency("gov", Category.LEADERSHIP), agency("party", Category.LEADERSHIP)]
    edges = [reports("gov", "upper-gov"), reports("party", "upper-party")]
    chart = build_org_chart(agencies, edges, {}, {"gov": 2, "party": 1})
    assert [c.head.agency.id for c in chart.columns] == ["party", "gov"]


def test_a_line_to_a_body_in_the_chart_names_it_in_the_reader_s_language() -> None:
    named = [
        Agency(a.id, "s", "j", f"{a.id}中", f"{a.id} en", "t", a.category, True, Basis.PUBLIC, "x") for a in AGENCIES
    ]
    for lang, gov in (("zh", "gov中"), ("en", "gov en")):
        chart = build_org_chart(named, EDGES, {"upper-bureau": "upper"}, lang=lang)
        assert [(line.mode, line.target_name) for line in chart.outside[0].lines] == [
            ("dispatched", "upper"),
            ("guides", gov),
        ]
