"""The Cypher result graph: every node captioned with its name in the interface language, and a legend in words
(node kinds and categories, relationship types and modes) in that language."""

from __future__ import annotations

import re

import pytest

from i18n import t
from tests.app.conftest import chart_nodes, iframe_pages

TEXT = (
    "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency)-[i:IN]->(j:Jurisdiction) "
    "WHERE a.dataset = $dataset AND a.jurisdiction = $county RETURN a, r, b, i, j"
)


def _legend_words(page: str) -> list[str]:
    legend = page[page.index("<div class='legend'>") :]
    return re.findall(r"</(?:span|svg)>([^<]+)</span>", legend)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_result_nodes_carry_their_names_and_the_legend_names_what_is_drawn(open_app, app_service, lang) -> None:
    county = app_service.dataset.bottom_jurisdictions()[0].id
    expected = app_service.query(TEXT, {"county": county})
    at = open_app("cypher", params={"cq": TEXT, "p_county": county, "run": "1", "lang": lang})
    assert not at.error, [e.value for e in at.error]
    (page,) = iframe_pages(at)
    nodes = {n["id"]: n for n in chart_nodes(page)}
    assert set(nodes) == {n.key for n in expected.nodes}
    for node in expected.nodes:
        name = node.properties.get(f"name_{lang}") or node.properties.get("name_zh")
        label = nodes[node.key]["label"]
        assert name and "".join(label.split()) == "".join(name.split())  # the name, wrapped
        assert nodes[node.key]["font"]["size"] >= 12

    words = _legend_words(page)
    categories = {n.properties["category"] for n in expected.nodes if "Agency" in n.labels}
    modes = {r.properties.get("mode") or "leads" for r in expected.relationships if r.type == "REPORTS_TO"}
    wanted = {t(f"cat_{c}", lang) for c in categories} | {t("node_jurisdiction", lang), t("rel_in", lang)}
    wanted |= {t(f"mode_{m}", lang) for m in modes}
    assert wanted <= set(words), (wanted, words)
    other = "en" if lang == "zh" else "zh"
    assert not {t(f"cat_{c}", other) for c in categories} & set(words)  # no word of the other language
