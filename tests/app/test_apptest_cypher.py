"""Cypher page: named queries, parameters, results equal to the service's, errors shown plainly, URL state."""

from __future__ import annotations

import pytest

from tests.app.conftest import editor_text, type_query

CUSTOM = (
    "MATCH (a:Agency) WHERE a.dataset = $dataset AND a.snapshot = $snapshot RETURN a.id AS id ORDER BY a.id LIMIT 5"
)


def test_limits_and_backend_are_shown(open_app) -> None:
    at = open_app("cypher", params={"lang": "en"})
    caption = at.caption[0].value
    assert "timeout" in caption and "networkx" in caption and "1000" in caption


def test_a_custom_query_with_a_parameter_gives_the_service_rows(open_app, app_service) -> None:
    snapshot = app_service.dataset.snapshot_ids()[-1]
    expected = app_service.query(CUSTOM, {"snapshot": snapshot})
    at = open_app("cypher")
    type_query(at, CUSTOM)
    at.text_input(key="w_p_snapshot").input(snapshot).run()
    at.button[0].click().run()
    assert not at.error, [e.value for e in at.error]
    assert list(at.dataframe[0].value["id"]) == [row["id"] for row in expected.rows]
    assert at.get("download_button"), "results can be downloaded as CSV"


def test_a_named_query_runs_with_its_defaults_and_reopens_from_the_url(open_app, app_service) -> None:
    queries = app_service.named_queries()
    assert queries, "queries/ should hold named queries"
    query = queries[0]
    expected = app_service.run_named(query.name)
    at = open_app("cypher")
    at.selectbox(key="w_qn").set_value(query.name).run()
    assert editor_text(at) == query.text
    at.button[0].click().run()
    assert not at.error, [e.value for e in at.error]
    assert len(at.dataframe[0].value) == len(expected.rows)
    assert str(at.query_params["qn"]).strip("[]'") == query.name

    again = open_app("cypher", params={"qn": query.name, "run": "1"})
    assert editor_text(again) == query.text
    assert len(again.dataframe[0].value) == len(expected.rows)


@pytest.mark.parametrize("text", ["CREATE (n:Agency {id: 'x'}) RETURN n", "MATCH (a:Agency RETURN a"])
def test_writes_and_syntax_errors_are_shown_as_errors(open_app, text) -> None:
    at = open_app("cypher")
    type_query(at, text)
    at.button[0].click().run()
    assert not at.exception
    assert at.error and at.error[0].value.strip()
    assert not at.dataframe


def test_nodes_and_relationships_in_a_result_are_drawn(open_app, app_service) -> None:
    from tests.app.conftest import chart_nodes, iframe_pages

    text = (
        "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency) WHERE a.dataset = $dataset AND a.jurisdiction = $county "
        "RETURN a, r, b"
    )
    county = app_service.dataset.bottom_jurisdictions()[0].id
    expected = app_service.query(text, {"county": county})
    assert expected.nodes and expected.relationships
    at = open_app("cypher", params={"cq": text, "p_county": county, "run": "1"})
    assert not at.error, [e.value for e in at.error]
    drawn = {n["id"] for n in chart_nodes(iframe_pages(at)[0])}
    assert drawn == {n.key for n in expected.nodes}


@pytest.mark.parametrize(
    "text,where",
    [
        ("CREATE (n:Agency {id: 'x'}) RETURN n", {"en": "“CREATE” writes", "zh": "“CREATE”会写入"}),
        ("MATCH (a:Agency RETURN a", {"en": "line 1, column 17, at “RETURN”", "zh": "第 1 行第 17 列，“RETURN”处"}),
        ("RETURN 1; RETURN 2", {"en": "semicolon at line 1, column 9", "zh": "第 1 行第 9 列"}),
    ],
)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_errors_say_what_to_do_in_the_interface_language(open_app, text, where, language) -> None:
    """One message in the chosen language: what to do, and where the problem is in words (no parser output with
    a ^ marker, no command-line advice, no engine text in the other language)."""
    at = open_app("cypher", params={"lang": language})
    type_query(at, text)
    at.button[0].click().run()
    assert len(at.error) == 1
    shown = at.error[0].value.replace("\\", "")
    assert where[language] in shown
    assert "^" not in shown and "--backend" not in shown and "ORGRAPH_" not in shown
    assert not at.code


def test_named_queries_are_titled_in_chinese_in_the_chinese_interface(open_app, app_service) -> None:
    at = open_app("cypher", params={"lang": "zh"})
    shown = at.selectbox[0].options
    for q in app_service.named_queries():
        assert f"{q.title_zh} ({q.name})" in shown


SHARED_STATE = "MATCH (a:Agency) WHERE a.dataset = $dataset RETURN a.id AS id, a.name_zh AS name ORDER BY id"


def test_one_session_cannot_change_the_graph_every_session_shares(open_app, app_service) -> None:
    """The app's engine is one cached object for every session (st.cache_resource): a session's hostile
    queries are refused with a message, and the next session sees exactly the data it saw before."""
    from tests.security.gate_fuzz import ISSUE_TEXTS

    expected = [row["name"] for row in app_service.query(SHARED_STATE).rows]
    hostile = open_app("cypher", params={"lang": "en"})
    for text in ISSUE_TEXTS[:6]:
        type_query(hostile, text)
        hostile.button[0].click().run()
        assert not hostile.exception
        assert len(hostile.error) == 1 and hostile.error[0].value.startswith("Refused: only read-only"), text
    other = open_app("cypher")
    type_query(other, SHARED_STATE)
    other.button[0].click().run()
    assert not other.error, [e.value for e in other.error]
    assert list(other.dataframe[0].value["name"]) == expected
