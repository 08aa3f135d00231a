"""The app names a bad setting instead of a traceback, and its CSV download escapes formula-like cells
(graph/csvcells.py) as the CLI does."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
import streamlit as st

from tests.app.conftest import type_query


@pytest.mark.parametrize(("variable", "value"), [("ORGRAPH_CYPHER_ROW_CAP", "abc"), ("ORGRAPH_CYPHER_TIMEOUT_S", "-1")])
def test_a_bad_setting_is_named_on_the_page(monkeypatch, open_app, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    at = open_app("cypher", params={"lang": "en"})  # open_app asserts there was no exception
    assert any(variable in e.value for e in at.error), [e.value for e in at.error]


def test_the_query_download_escapes_formulas(monkeypatch, open_app) -> None:
    downloads: list[bytes] = []
    original = st.download_button

    def record(label: str, data: Any, *args: Any, **kwargs: Any) -> Any:
        downloads.append(data if isinstance(data, bytes) else str(data).encode("utf-8"))
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", record)
    at = open_app("cypher", params={"lang": "en"})
    type_query(at, """RETURN "=cmd|' /C calc'!A0" AS payload, '@SUM(1)' AS at, -5 AS n""")
    at.button[0].click().run()
    assert not at.error, [e.value for e in at.error]
    rows = list(csv.reader(io.StringIO(downloads[-1].decode("utf-8-sig"))))
    assert rows == [["payload", "at", "n"], ["'=cmd|' /C calc'!A0", "'@SUM(1)", "-5"]]
