"""Query errors from both real engines and the gate, explained in each language: the position in words (the
reader's own line and column, also when the embedded engine parsed a rewrite), no parser ^^^, no command-line
advice, and no text of the other language."""

from __future__ import annotations

import re

import pytest

from graph.errors import OrgraphError
from views.cypher_messages import explain, where

#: (query, the words that must appear in the English detail) — the same cases run on every backend.
CASES = [
    ("MATCH (a:Agency RETURN a", "line 1, column 17, at “RETURN”"),
    ("MATCH (a:Agency)\nRETURN a.id +", "line 2, column"),
    ("RETURN 'abc", "line 1, column 8"),
    ("CREATE (n:Agency {id: 'x'}) RETURN n", "“CREATE” writes to the graph"),
    ("RETURN 1; RETURN 2", "semicolon at line 1, column 9"),
    ("MATCH (a) RETURN foo(a)", "function foo()"),
    ("MATCH (a:Agency)\nRETRUN a", "“RETRUN” is neither a read keyword"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "“LOAD” reads or writes files"),
    ("CALL db.labels()", "procedure"),
    ("", "The query is empty"),
]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _error(store, text: str) -> OrgraphError:  # type: ignore[no-untyped-def]
    with pytest.raises(OrgraphError) as info:
        store.run_cypher(text, {"dataset": "mini"}, timeout_s=10, row_cap=100)
    return info.value


@pytest.mark.parametrize("text,expected", CASES)
def test_an_error_is_explained_in_each_language(store, text: str, expected: str) -> None:
    exc = _error(store, text)
    english = explain(exc, text, "en")
    chinese = explain(exc, text, "zh")
    assert expected in english.detail, (str(exc), english)
    for said in (english, chinese):
        shown = said.headline + said.detail
        assert "^^^" not in shown and "--backend" not in shown and "ORGRAPH_" not in shown
    assert not CJK.search(english.headline + english.detail)
    assert CJK.search(chinese.headline) and CJK.search(chinese.detail)
    latin = re.sub(r"“[^”]*”|\$\w+|[A-Z][A-Za-z_ ]*\(?\)?|\w+\(\)|/\*|e\.g\.", "", chinese.detail)
    assert not re.search(r"[a-z]{4,}", latin), chinese.detail  # only quoted query text and Cypher words are Latin


def test_the_place_is_said_in_words() -> None:
    query = "MATCH (a)\n  WHERE a.x = 1\nRETURN a"
    offset = query.index("WHERE")
    assert where(query, offset, "en") == "line 2, column 3, at “WHERE”"
    assert where(query, offset, "zh") == "第 2 行第 3 列，“WHERE”处"
    assert where(query, len(query), "en") == "line 3, column 9 (the end of the query)"


def test_a_parameter_left_empty_is_named_in_each_language() -> None:
    from graph.errors import InvalidRequest
    from queries import all_queries

    query = next(q for q in all_queries() if q.required)
    with pytest.raises(InvalidRequest) as info:
        query.check_params({})
    for lang in ("zh", "en"):
        said = explain(info.value, query.text, lang)
        assert f"${query.required[0]}" in said.detail and not said.original
    assert "参数" in explain(info.value, query.text, "zh").detail
