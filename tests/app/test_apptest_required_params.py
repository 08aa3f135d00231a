"""Cypher page: a named query whose required parameter is left empty says which parameter it needs, and runs
once it is given."""

from __future__ import annotations

from tests.app.conftest import shown_text


def test_an_empty_required_parameter_is_named_and_a_given_one_runs(open_app, app_service) -> None:
    query = next(q for q in app_service.named_queries() if q.name == "reporting_chain")
    assert query.required == ["agency_id"]
    at = open_app("cypher", params={"lang": "en"})
    at.selectbox(key="w_qn").set_value(query.name).run()
    at.button[0].click().run()
    assert not at.exception and not at.dataframe
    assert at.error and "agency\\_id" in at.error[0].value, shown_text(at)  # markdown-escaped

    agency = next(a for a in app_service.dataset.agencies if app_service.chain(a.id))
    expected = app_service.run_named(query.name, {"agency_id": agency.id})
    at.text_input(key="w_p_agency_id").input(agency.id).run()
    at.button[0].click().run()
    assert not at.error, [e.value for e in at.error]
    assert list(at.dataframe[0].value["id"]) == [r["id"] for r in expected.rows]
