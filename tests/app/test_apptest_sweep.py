"""The app sweep: every page (Overview, Explorer, Compare, Cypher, Export) on every dataset (tests/sweep.py), in
Chinese and in English, through AppTest.

Each page runs without an exception or an error message, shows the dataset's own title and names (an English-only
dataset shows its English names in the Chinese interface), and shows no word of another dataset (its place names,
top bodies, titles, ids: tests/dataset_words.py) anywhere: text, tables, charts, options.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from sweep import NAMES, Swept, swept

from tests.app.conftest import APP

LANGS = ["zh", "en"]
OpenOn = Callable[[Swept, str, Mapping[str, str]], Any]


@pytest.fixture()
def open_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenOn]:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ORGRAPH_BACKEND", "networkx")
    monkeypatch.delenv("NEO4J_URI", raising=False)

    def opener(s: Swept, page: str, params: Mapping[str, str]) -> Any:
        monkeypatch.setenv("ORGRAPH_DATASET", str(s.folder))
        at = AppTest.from_file(str(APP), default_timeout=180)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(f"app_pages/{page}.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    yield opener


def page_text(at: Any) -> str:
    """Everything a page shows: text elements, metrics, widget labels, options and values, tables, charts."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "code"):
        parts += [str(el.value) for el in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    for kind in ("selectbox", "radio", "multiselect"):
        for widget in getattr(at, kind):
            parts += [str(widget.label), *map(str, widget.options)]
    parts += [f"{w.label} {w.value}" for w in at.text_input] + [str(w.value) for w in at.text_area]
    parts += [frame.value.to_csv() for frame in at.dataframe] + [str(t.value) for t in at.table]
    parts += [el.proto.srcdoc for el in at.get("iframe")]
    parts += [el.proto.json for el in at.get("bidi_component")]
    parts += [str(el.proto.label) for el in at.get("download_button")] + [str(e.label) for e in at.expander]
    for sidebar_kind in ("caption", "markdown"):
        parts += [str(el.value) for el in getattr(at.sidebar, sidebar_kind)]
    text = "\n".join(parts)
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), text)  # JSON inside the charts' pages
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|~<>$])", r"\1", text)  # markdown escapes (render.md)


def check_page(s: Swept, at: Any, lang: str) -> str:
    assert not at.error, [e.value for e in at.error]
    text = page_text(at)
    assert not s.foreign(text), s.foreign(text)
    assert s.dataset.title(lang) in text, "the sidebar names the dataset by its own title"
    return text


#: Both languages on the small datasets; the large ones (tested at length elsewhere) in Chinese only, to keep the
#: sweep quick: what leaks across datasets does not depend on the interface language.
CASES = [(name, lang) for name in NAMES for lang in LANGS if lang == "zh" or name not in {"xilingol", "state-council"}]


@pytest.fixture(params=CASES, ids=lambda case: "-".join(case))
def case(request: pytest.FixtureRequest) -> tuple[Swept, str]:
    name, lang = request.param
    return swept(name), lang


def test_overview(case: tuple[Swept, str], open_on: OpenOn) -> None:
    s, lang = case
    text = check_page(s, open_on(s, "overview", {"lang": lang}), lang)
    for event in s.dataset.events:  # in the interface language, else in the one the dataset has
        label = (event.label_en if lang == "en" else event.label_zh) or event.label_zh or event.label_en
        assert label in text, f"event {event.date} is shown by its label in {lang}"
    bottom = s.dataset.bottom_jurisdictions()
    for j in bottom if len(bottom) > 1 else []:  # the table of the lowest tier (one jurisdiction: no table)
        assert j.name(lang) in text, f"{j.id} is shown by its name in {lang}"


def test_explorer_with_a_focused_agency(case: tuple[Swept, str], open_on: OpenOn) -> None:
    s, lang = case
    check_page(s, open_on(s, "explorer", {"lang": lang}), lang)
    agency = s.dataset.agency(s.agency_with_past())
    assert agency
    at = open_on(s, "explorer", {"lang": lang, "j": agency.jurisdiction, "snap": agency.snapshot, "agency": agency.id})
    assert agency.name(lang) in check_page(s, at, lang)


def test_compare_first_and_last_snapshot(case: tuple[Swept, str], open_on: OpenOn) -> None:
    s, lang = case
    ids = s.dataset.snapshot_ids()
    at = open_on(s, "compare", {"lang": lang, "before": ids[0], "after": ids[-1]})
    check_page(s, at, lang)


def test_cypher_runs_named_queries(case: tuple[Swept, str], open_on: OpenOn) -> None:
    s, lang = case
    at = open_on(s, "cypher", {"lang": lang, "qn": "agencies_by_category", "run": "1"})
    check_page(s, at, lang)
    assert at.dataframe and len(at.dataframe[0].value) > 0
    agency = s.agency_with_chain()
    at = open_on(s, "cypher", {"lang": lang, "qn": "reporting_chain", "p_agency_id": agency, "run": "1"})
    check_page(s, at, lang)
    assert at.dataframe and len(at.dataframe[0].value) > 0


def test_export(case: tuple[Swept, str], open_on: OpenOn) -> None:
    s, lang = case
    at = open_on(s, "export", {"lang": lang})
    check_page(s, at, lang)
    assert at.get("download_button")


@pytest.mark.parametrize("lang", LANGS)
def test_compare_composes_across_the_middle_snapshot(lang: str, open_on: OpenOn) -> None:
    """three-rounds, the city, 2017 -> 2024: the composed rename, the body established at 2019 under its 2024 name;
    names that lived only in 2019 do not appear (tests/data/three-rounds/README.md)."""
    s = swept("three-rounds")
    at = open_on(s, "compare", {"lang": lang, "before": "2017", "after": "2024", "j": "yl"})
    text = check_page(s, at, lang)
    names = {a.id: a.name(lang) for a in s.dataset.agencies}
    assert {names["17-yl-env"], names["24-yl-env"], names["24-yl-data"], names["24-yl-forestgrass"]} <= set(
        n for n in names.values() if n in text
    )
    assert names["19-yl-data"] not in text and names["19-yl-env"] not in text


def test_page_text_sees_tables_and_charts(open_on: OpenOn) -> None:
    """So that 'no foreign word' means something: the collected text holds what the tables and charts show."""
    s = swept("three-rounds")
    at = open_on(s, "explorer", {"lang": "zh", "j": "dh"})
    text = page_text(at)
    assert "24-dh-emergency" in text and "东湖区" in text, "the org chart's boxes (JSON in the page) are read"
