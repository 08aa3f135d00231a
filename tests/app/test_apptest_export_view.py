"""Export of the view on screen: an agency's reporting chain (its file holds exactly the chain) and the Explorer's
filters, reached from the Explorer's "Export this view" link with the same URL state."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import streamlit as st

from graph.model import Category


@pytest.fixture()
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """The producer of every download button the page shows, by its key (dl_json, dl_svg, ...)."""
    made: dict[str, Callable[[], bytes]] = {}
    original = st.download_button

    def record(label: str, data: Any, *args: Any, **kwargs: Any) -> Any:
        made[kwargs.get("key", label)] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", record)
    monkeypatch.setattr(st.delta_generator.DeltaGenerator, "download_button", lambda self, *a, **k: record(*a, **k))
    return made


def _json(producer: Callable[[], bytes]) -> tuple[set[str], set[tuple[str, str, str]]]:
    data = json.loads(producer())
    agencies = {n["id"] for n in data["nodes"] if n["kind"] == "Agency"}
    lines = {(e["from"], e["to"], e.get("mode") or "leads") for e in data["edges"] if e["type"] == "REPORTS_TO"}
    return agencies, lines


def _deep_agency(app_service) -> str:  # type: ignore[no-untyped-def]
    latest = app_service.dataset.snapshot_ids()[-1]
    return max((a.id for a in app_service.agencies(latest)), key=lambda i: len(app_service.chain(i)))


def test_the_chain_export_holds_exactly_the_chain(open_app, app_service, downloads) -> None:
    agency = _deep_agency(app_service)
    chain = app_service.chain(agency)
    assert len(chain) >= 2
    at = open_app("export", params={"kind": "chain", "agency": agency, "depth": "0", "lang": "en"})
    assert at.radio(key="w_kind").value == "chain" and at.selectbox(key="w_agency").value == agency
    agencies, lines = _json(downloads["dl_json"])
    assert agencies == {agency} | {s.agency.id for s in chain}
    assert lines == {(s.via, s.agency.id, s.mode or "leads") for s in chain}
    svg = downloads["dl_svg"]().decode("utf-8")
    assert all(s.agency.name_en.split()[0] in svg or s.agency.name_zh in svg for s in chain)


def test_the_explorer_link_opens_its_focus_view_and_the_export_follows_the_filters(
    open_app, app_service, downloads
) -> None:
    latest = app_service.dataset.snapshot_ids()[-1]
    head = max(
        (a for a in app_service.agencies(latest) if a.category is Category.LEADERSHIP),
        key=lambda a: len(app_service.subordinates(a.id)),
    )
    subs = app_service.subordinates(head.id)
    category = min({s.agency.category.value for s in subs})
    at = open_app("explorer", params={"agency": head.id, "cat": category, "lang": "en"})
    (link,) = [p for p in at.get("page_link") if p.proto.page.endswith("export")]
    params = dict(
        link.proto.query_string.split("&")[i].split("=", 1) for i in range(link.proto.query_string.count("&") + 1)
    )
    assert params["kind"] == "chain" and params["agency"] == head.id and params["cat"] == category

    at = open_app("export", params=params)
    agencies, _ = _json(downloads["dl_json"])
    kept = {s.agency.id for s in subs if s.agency.category.value == category}
    assert agencies == {head.id} | {s.agency.id for s in app_service.chain(head.id)} | kept


def test_a_filtered_scope_export_leaves_out_what_the_filter_hides(open_app, app_service, downloads) -> None:
    latest = app_service.dataset.snapshot_ids()[-1]
    county = app_service.dataset.bottom_jurisdictions()[0].id
    at = open_app("export", params={"kind": "snapshot", "j": county, "snap": latest, "cat": "party"})
    assert at.multiselect(key="w_cat").value == ["party"]
    agencies, _ = _json(downloads["dl_json"])
    inside = app_service.agencies(latest, county)
    party = {a.id for a in inside if a.category is Category.PARTY}
    leading = {a.id for a in inside if a.category is Category.LEADERSHIP}
    own = {a for a in agencies if a in {b.id for b in inside}}  # others are greyed context (a line's far end)
    assert party and own == party | leading


def test_a_link_with_only_an_agency_opens_its_chain_in_its_place_and_snapshot(open_app, app_service) -> None:
    first = app_service.dataset.bottom_jurisdictions()[0].id  # the page's default scope
    latest = app_service.dataset.snapshot_ids()[-1]
    elsewhere = [a for a in app_service.agencies(latest) if a.jurisdiction != first]
    agency = max(elsewhere, key=lambda a: len(app_service.chain(a.id)))
    at = open_app("export", params={"agency": agency.id})
    assert at.radio(key="w_kind").value == "chain"
    assert at.selectbox(key="w_j").value == agency.jurisdiction
    assert at.selectbox(key="w_snap").value == agency.snapshot
    assert at.selectbox(key="w_agency").value == agency.id
