"""The app on the State Council dataset (data/state-council: one national jurisdiction, four snapshots), opened
through the documented setting ORGRAPH_DATASET: every page runs without an exception, Compare works on any two of
the four snapshots, and the Explorer shows a body's two-round lineage."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import combinations
from typing import Any

import pytest
from paths import ROOT

from tests.app.conftest import APP, shown_text

STATE_COUNCIL = ROOT / "data" / "state-council"
SNAPSHOTS = ("2017", "2018", "2022", "2023")


@pytest.fixture()
def open_sc(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """open_sc(page, params) -> an AppTest of that page on the State Council, run once without an exception."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ORGRAPH_DATASET", str(STATE_COUNCIL))
    monkeypatch.setenv("ORGRAPH_BACKEND", "networkx")
    monkeypatch.delenv("NEO4J_URI", raising=False)

    def opener(page: str, params: Mapping[str, str] | None = None) -> Any:
        at = AppTest.from_file(str(APP), default_timeout=180)
        for key, value in {"lang": "en", **(params or {})}.items():
            at.query_params[key] = value
        at.switch_page(f"app_pages/{page}.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
        return at

    yield opener


@pytest.mark.parametrize("page", ["overview", "explorer", "compare", "export"])
def test_every_page_opens_on_the_state_council(open_sc: Any, page: str) -> None:
    at = open_sc(page)
    assert "State Council" in shown_text(at) or page != "overview"


@pytest.mark.parametrize(("before", "after"), list(combinations(SNAPSHOTS, 2)))
def test_compare_any_two_of_the_four_snapshots(open_sc: Any, before: str, after: str) -> None:
    at = open_sc("compare", {"before": before, "after": after})
    assert (at.selectbox(key="w_before").value, at.selectbox(key="w_after").value) == (before, after)
    count, *changes = at.metric  # the first tile is "agencies before → after", the others count changes
    assert count.value.count("→") == 1
    assert sum(int(m.value) for m in changes) > 0  # every pair of snapshots differs in something


def test_the_explorer_shows_a_two_round_lineage(open_sc: Any) -> None:
    """国家乡村振兴局 (2022) came from 国务院扶贫办 and went into 农业农村部: the focused body shows both ends."""
    at = open_sc("explorer", {"snap": "2022", "agency": "2022-rural_revitalization", "lang": "zh"})
    tables = "".join(t.value.to_csv() for t in at.dataframe)
    assert "国家乡村振兴局" in shown_text(at)
    assert "国务院扶贫开发领导小组办公室 (2018)" in tables and "农业农村部 (2023)" in tables
