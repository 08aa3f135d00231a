"""Fixtures for the app tests: the mini dataset plus one agency with a hostile name, and an AppTest opener.

The hostile copy is made once per session in a temporary folder (tests/data/mini stays untouched); its
extra agency reports to the first leadership/government body of the county it sits in, so it is drawn.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINI, ROOT

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_NAME_EN = "Hostile <script>alert(2)</script> & [link](javascript:alert(3))"
HOSTILE_ID = "zz-hostile-agency"
APP = ROOT / "app.py"


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _append(path: Path, header: list[str], row: Mapping[str, str]) -> None:
    text = path.read_text(encoding="utf-8-sig")
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text if text.endswith("\n") else text + "\n")
        csv.DictWriter(handle, fieldnames=header).writerow({k: row.get(k, "") for k in header})


def make_hostile_copy(target: Path, source: Path = MINI) -> Path:
    """Copy `source` to `target` and add an agency whose Chinese name is an HTML injection attempt.

    The copy gets its own dataset id, so loading it into a shared Neo4j server never replaces the mini
    dataset other tests use."""
    shutil.copytree(source, target)
    manifest = target / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(re.sub(r'(?m)^id = "([^"]+)"', r'id = "\1-app-hostile"', text, count=1), encoding="utf-8")
    header, agencies = _rows(target / "agencies.csv")
    _counties_header, jurisdictions = _rows(target / "jurisdictions.csv")
    counties = {j["id"] for j in jurisdictions if j.get("level") == "county"}
    latest = max({a["snapshot"] for a in agencies})
    in_county = [a for a in agencies if a["snapshot"] == latest and a["jurisdiction"] in counties] or agencies
    boss = next((a for a in in_county if a["category"] in ("leadership", "government")), in_county[0])
    _append(
        target / "agencies.csv",
        header,
        {
            "id": HOSTILE_ID,
            "snapshot": boss["snapshot"],
            "jurisdiction": boss["jurisdiction"],
            "name_zh": HOSTILE_NAME,
            "name_en": HOSTILE_NAME_EN,
            "type": "hostile_test",
            "category": "government",
            "counts_toward_quota": "false",
            "basis": "modeled",
            "source": boss["source"],
        },
    )
    edge_header, _ = _rows(target / "edges.csv")
    _append(
        target / "edges.csv",
        edge_header,
        {
            "type": "REPORTS_TO",
            "from": HOSTILE_ID,
            "to": boss["id"],
            "mode": "leads",
            "basis": "modeled",
            "source": boss["source"],
        },
    )
    return target


@pytest.fixture(scope="session")
def app_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (MINI / "manifest.toml").exists():
        pytest.fail("tests/data/mini is missing")
    return make_hostile_copy(tmp_path_factory.mktemp("app-data") / "mini-hostile")


@pytest.fixture(scope="session")
def app_service(app_dataset: Path) -> Any:
    """The service the app should be showing, opened independently, to compute expected answers."""
    from service import OrgService
    from settings import Settings

    return OrgService.open(app_dataset, settings=Settings(dataset=str(app_dataset), backend="networkx"))


@pytest.fixture()
def app_env(monkeypatch: pytest.MonkeyPatch, app_dataset: Path) -> Path:
    monkeypatch.setenv("ORGRAPH_DATASET", str(app_dataset))
    monkeypatch.setenv("ORGRAPH_BACKEND", "networkx")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return app_dataset


OpenApp = Callable[..., Any]


@pytest.fixture()
def open_app(app_env: Path) -> Iterator[OpenApp]:
    """open_app(page="explorer", params={...}) -> an AppTest that has run that page once."""
    from streamlit.testing.v1 import AppTest

    def opener(page: str | None = None, params: Mapping[str, str] | None = None) -> Any:
        at = AppTest.from_file(str(APP), default_timeout=120)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        if page:
            at.switch_page(f"app_pages/{page}.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    yield opener


def iframe_pages(at: Any) -> list[str]:
    """The HTML of every chart the page embedded (st.iframe srcdoc)."""
    return [el.proto.srcdoc for el in at.get("iframe")]


def org_charts(at: Any) -> list[str]:
    """The HTML of every org chart the page showed (our components-v2 element; its data is JSON text)."""
    return [
        json.loads(el.proto.json) for el in at.get("bidi_component") if el.proto.component_name == "orgraph_org_chart"
    ]


def org_chart_ids(page: str) -> set[str]:
    """The agency ids of the boxes of an org chart (each box carries data-id, which a click sends back)."""
    return set(re.findall(r'data-id="([^"]+)"', page))


def shown_text(at: Any) -> str:
    """All markdown/caption/title/subheader text of a run, joined (what a reader sees outside tables)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        parts += [str(el.value) for el in getattr(at, kind)]
    return "\n".join(parts)


def chart_nodes(page: str) -> list[dict[str, Any]]:
    """The vis-network node objects of a chart page (the JSON pyvis writes)."""
    match = re.search(r"nodes = new vis\.DataSet\((.*?)\);\n", page)
    assert match, "no node data in the chart page"
    return json.loads(match.group(1))


def by_key(at: Any, kind: str, key: str) -> Any:
    return getattr(at, kind)(key=key)


def type_query(at: Any, text: str) -> Any:
    """What typing `text` into the Cypher editor (our own component, which AppTest cannot drive) leaves behind:
    the page's text in session state. Returns the app after a run, as `.input(...).run()` did."""
    at.session_state["w_cq"] = text
    return at.run()


def editor_text(at: Any) -> str:
    """The text the Cypher editor holds."""
    return str(at.session_state["w_cq"])
