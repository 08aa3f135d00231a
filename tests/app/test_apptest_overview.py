"""Overview and the app shell: counts as the service gives them, language switch, backend badge, fallback."""

from __future__ import annotations

import pytest

from exporters import FORMATS


def test_overview_counts_match_the_service(open_app, app_service) -> None:
    at = open_app(params={"lang": "en"})
    metrics = {m.label: m.value for m in at.metric}
    dataset = app_service.dataset
    tier = dataset.level(dataset.bottom_level()).label("en")  # the lowest tier, named by the dataset
    assert int(metrics[tier]) == len(dataset.bottom_jurisdictions())
    values = [int(v) for k, v in metrics.items() if k.startswith("Agencies")]
    ids = app_service.dataset.snapshot_ids()
    expected = {len(app_service.agencies(s)) for s in ids}
    assert set(values) <= expected and len(values) == 2
    assert int(metrics["Sources"]) == len(app_service.dataset.sources)
    matrix = at.dataframe[0].value
    assert len(matrix) == len(app_service.dataset.bottom_jurisdictions())


@pytest.mark.parametrize("lang,word", [("zh", "总览"), ("en", "Overview")])
def test_language_switch_reaches_the_sidebar(open_app, lang, word) -> None:
    at = open_app(params={"lang": lang})
    assert at.sidebar.radio[0].value == lang
    at.sidebar.radio[0].set_value("en" if lang == "zh" else "zh").run()
    assert str(at.query_params["lang"]).strip("[]'") == ("en" if lang == "zh" else "zh")


def test_backend_in_use_is_shown(open_app) -> None:
    at = open_app(params={"lang": "en"})
    assert any("networkx" in c.value for c in at.sidebar.caption)


def test_unreachable_neo4j_is_reported_and_the_embedded_backend_offered(open_app, monkeypatch) -> None:
    monkeypatch.delenv("ORGRAPH_BACKEND")
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")  # nothing listens on the discard port
    at = open_app(params={"lang": "en"})
    assert at.error and "bolt://127.0.0.1:9" in at.error[0].value
    assert not at.metric
    at.button[0].click().run()
    assert not at.error and at.metric
    assert any("networkx" in c.value for c in at.sidebar.caption)


def test_export_page_offers_every_format(open_app) -> None:
    at = open_app("export", params={"lang": "en"})
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [f"Download {fmt.upper()}" for fmt in FORMATS if fmt in ("svg", "png", "pdf", "html")] + [
        f"Download {fmt.upper()}" for fmt in FORMATS if fmt not in ("svg", "png", "pdf", "html")
    ]
    at.radio(key="w_kind").set_value("compare").run()
    assert not at.exception and str(at.query_params["kind"]).strip("[]'") == "compare"


def test_a_page_switch_reuses_the_loaded_graph_and_keeps_the_jurisdiction(app_dataset, tmp_path, monkeypatch) -> None:
    """The dataset is loaded once per process (st.cache_resource), not once per page or per run."""
    import shutil

    from streamlit.testing.v1 import AppTest

    import loaders
    from graph.embedded import compiled
    from tests.app.conftest import APP

    fresh = tmp_path / "fresh-copy"
    shutil.copytree(app_dataset, fresh)  # a path no earlier test has cached
    monkeypatch.setenv("ORGRAPH_DATASET", str(fresh))
    monkeypatch.setenv("ORGRAPH_BACKEND", "networkx")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    loads: list[str] = []
    real, real_open = loaders.load_dataset, compiled.compile_dataset

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        loads.append(str(path))  # opening the compiled copy (the same files may be compiled already)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(compiled, "compile_dataset", counting)
    at = AppTest.from_file(str(APP), default_timeout=120)
    last_county = real(fresh).bottom_jurisdictions()[-1].id
    at.query_params["j"] = last_county
    at.switch_page("app_pages/explorer.py")
    at.run()
    at.switch_page("app_pages/compare.py")
    at.run()
    assert not at.exception
    assert at.selectbox(key="w_j").value == last_county
    at.switch_page("app_pages/overview.py")
    at.run()
    assert loads == [str(fresh)]


def test_special_matrix_marks_exactly_what_the_rule_check_fails(open_app, app_service) -> None:
    """The matrix is judged by each presence rule's own select (type or name): its ✗ cells are the check's failures."""
    summary = app_service.overview()
    assert summary.presence, "the mini dataset declares presence rules"
    failing = {(r.rule.id, r.jurisdiction) for r in app_service.check(summary.after) if not r.passed}
    for column in summary.presence:
        for cell in column.cells:
            assert (cell.present != cell.expected) == ((column.rule.id, cell.jurisdiction) in failing)
    at = open_app(params={"lang": "en"})
    matrix = at.dataframe[0].value
    for column in summary.presence:
        marks = list(matrix[column.rule.title_en])
        assert [m.startswith("✓") for m in marks] == [c.present for c in column.cells]
        assert sum("✗" in m for m in marks) == sum(c.present != c.expected for c in column.cells)


def test_overview_is_one_typed_result(app_service) -> None:
    summary = app_service.overview()
    before, after = summary.before, summary.after
    assert summary.agencies_before == len(app_service.agencies(before))
    assert summary.agencies_after == len(app_service.agencies(after))
    for row in summary.quota:
        counted = [a for a in app_service.agencies(after, row.jurisdiction.id) if a.counts_toward_quota]
        assert row.after == len(counted) and row.quota == row.jurisdiction.agency_quota
    assert 0.0 < summary.published_share <= 1.0
