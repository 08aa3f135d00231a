"""The app on a real Neo4j server: same charts as on the embedded backend, and the badge says neo4j."""

from __future__ import annotations

import pytest

from tests.app.conftest import org_chart_ids, org_charts, type_query
from tests.conftest import neo4j_settings
from views import charts

pytestmark = pytest.mark.neo4j


@pytest.fixture()
def neo4j_env(monkeypatch: pytest.MonkeyPatch, app_env, neo4j_driver) -> None:
    """Point the app at the Neo4j server (the neo4j_driver fixture proves it is up, or skips/fails)."""
    uri, user, password = neo4j_settings()
    monkeypatch.setenv("ORGRAPH_BACKEND", "neo4j")
    monkeypatch.setenv("NEO4J_URI", uri)
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)


def test_explorer_on_neo4j_draws_what_the_embedded_backend_draws(neo4j_env, open_app, app_service) -> None:
    at = open_app("explorer", params={"lang": "en"})
    assert any("neo4j" in c.value for c in at.sidebar.caption)
    (chart,) = org_charts(at)
    county = app_service.dataset.bottom_jurisdictions()[0].id
    latest = app_service.dataset.snapshot_ids()[-1]
    embedded = charts.org_chart_for(app_service, latest, county, lang="en", focus=None)  # app_service is embedded
    assert org_chart_ids(chart) == {a.id for a in app_service.agencies(latest, county)}
    assert chart == embedded  # the same boxes, names, blocks and lines


def test_cypher_page_runs_on_neo4j(neo4j_env, open_app, app_service) -> None:
    text = "MATCH (a:Agency) WHERE a.dataset = $dataset RETURN count(a) AS n"
    at = open_app("cypher")
    type_query(at, text)
    at.button[0].click().run()
    assert not at.error, [e.value for e in at.error]
    assert int(at.dataframe[0].value["n"][0]) == len(app_service.dataset.agencies)
    assert "neo4j" in at.caption[0].value
