"""The Cypher editor's Python side: completion read from the loaded graph, and the session's query history."""

from __future__ import annotations

from tests.app.conftest import by_key, editor_text, type_query
from views.cypher_editor import HistoryEntry, history_label, remember, vocabulary
from views.render import md

FIRST = "MATCH (a:Agency) WHERE a.dataset = $dataset RETURN count(a) AS n"
SECOND = "MATCH (j:Jurisdiction) WHERE j.dataset = $dataset RETURN j.id AS id ORDER BY id"


def test_completion_offers_what_the_loaded_graph_holds(app_service) -> None:
    """Labels, relationship types and properties come from the graph (a jurisdiction attribute that only this
    dataset declares is offered too), not from a list in the code; internal keys are not offered."""
    vocab = vocabulary(lambda text: app_service.query(text).rows)
    values = {kind: {c["value"] for c in entries} for kind, entries in vocab.items()}
    dataset = app_service.dataset
    assert values["labels"] == {"Agency", "Jurisdiction", "Function"} - (
        {"Function"} if not dataset.functions else set()
    )
    assert {"REPORTS_TO", "IN"} <= values["types"]
    assert {"name_zh", "name_en", "jurisdiction", "mode"} <= values["properties"]
    attributes = {key for j in dataset.jurisdictions for key in dict(j.attributes)}
    assert attributes and attributes <= values["properties"]
    assert not any(p.startswith("_") for p in values["properties"])
    assert {"MATCH", "RETURN", "WHERE"} <= values["keywords"] and "count" in values["functions"]
    owners = {c["value"]: c["meta"] for c in vocab["properties"]}
    assert "REPORTS_TO" in owners["mode"] and "Agency" in owners["name_zh"]


def test_the_history_keeps_each_query_once_newest_first() -> None:
    history: list[HistoryEntry] = []
    for entry in (HistoryEntry("A", {}, 1), HistoryEntry("B", {"x": "1"}, 2), HistoryEntry("A", {}, None)):
        history = remember(history, entry)
    assert [(h.text, h.rows) for h in history] == [("A", None), ("B", 2)]
    assert history_label(HistoryEntry("// a comment\nMATCH (a)\n  RETURN a")) == "MATCH (a) RETURN a"
    assert history_label(HistoryEntry("RETURN " + "1" * 100), 20).endswith("…")


def test_a_query_from_the_history_runs_again_with_its_parameters(open_app, app_service) -> None:
    at = open_app("cypher", params={"lang": "en"})
    type_query(at, FIRST)
    at.button[0].click().run()
    type_query(at, SECOND)
    at.button[0].click().run()
    shown = [b.label for b in at.button if b.key and b.key.startswith("cypher_history_")]
    assert shown == [f"✓ {md(history_label(HistoryEntry(text), 48))}" for text in (SECOND, FIRST)]
    by_key(at, "button", "cypher_history_1").click().run()
    assert editor_text(at) == FIRST
    assert not at.error, [e.value for e in at.error]
    assert int(at.dataframe[0].value["n"][0]) == len(app_service.dataset.agencies)
