"""Names Neo4j accepts that LadybugDB reserves (`AS end`, `AS order`, `(end:Agency)`) answer the same on both
backends; a keyword spelled like such a name (`CASE … end`, `ORDER BY x desc`) stays a keyword.

Needs the Neo4j test server (fails in CI without it).
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.cypher_diff import differential_pair
from graph.cypher_gate import tokenize
from graph.embedded.reserved import RESERVED_ON_LADYBUG, reserved_quotes
from graph.model import Dataset


def _quoted(text: str) -> list[str]:
    return [text[start : start + len(name) - 2] for start, name in sorted(reserved_quotes(tokenize(text)).items())]


def test_only_the_names_a_query_defines_are_quoted() -> None:
    assert _quoted("MATCH (a) RETURN a.id AS end ORDER BY end") == ["end", "end"]
    text = "UNWIND [1] AS desc WITH desc AS x, CASE WHEN desc > 0 THEN 1 end AS end RETURN x, end ORDER BY x desc"
    quoted = reserved_quotes(tokenize(text))
    assert [text[s:].split()[0].strip(",") for s in sorted(quoted)] == ["desc", "desc", "desc", "end", "end"]
    assert _quoted("MATCH (a) WHERE a.id STARTS WITH 'x' RETURN a ORDER BY a.id DESC") == []
    assert _quoted("MATCH (end:Agency) RETURN end.id AS x, {end: 1} AS m") == ["end", "end"]
    assert _quoted("MATCH (a) WHERE (NOT EXISTS { MATCH (a)--() }) RETURN a") == []


def _cases(dataset: Dataset) -> list[tuple[str, list[dict[str, Any]]]]:
    """(query, the rows it must give, computed from the data) for reserved words as aliases and variables."""
    ids = sorted(a.id for a in dataset.agencies)
    names = {a.id: a.name_zh for a in dataset.agencies}
    by_category: dict[str, int] = {}
    for agency in dataset.agencies:
        by_category[agency.category.value] = by_category.get(agency.category.value, 0) + 1
    return [
        ("MATCH (a:Agency {dataset: $dataset}) RETURN a.id AS end ORDER BY end LIMIT 3", [{"end": i} for i in ids[:3]]),
        (
            "MATCH (a:Agency {dataset: $dataset}) WITH a.id AS order, a.name_zh AS in WHERE order >= $first "
            "RETURN order, in ORDER BY order DESC LIMIT 2",
            [{"order": i, "in": names[i]} for i in ids[::-1][:2]],
        ),
        (
            "MATCH (a:Agency {dataset: $dataset}) WITH a.category AS case, count(*) AS n "
            "RETURN case, CASE WHEN n > 1 THEN 'many' ELSE 'one' END AS size ORDER BY case",
            [{"case": c, "size": "many" if n > 1 else "one"} for c, n in sorted(by_category.items())],
        ),
        ("UNWIND [3, 1, 2] AS desc RETURN desc ORDER BY desc desc", [{"desc": 3}, {"desc": 2}, {"desc": 1}]),
        (
            "MATCH (end:Agency {dataset: $dataset}) WHERE end.id IN $some RETURN end.id AS where ORDER BY where",
            [{"where": i} for i in ids[:2]],
        ),
    ]


@pytest.mark.neo4j
def test_reserved_words_as_names_answer_as_on_neo4j(neo4j_driver: Any, mini_dataset: Dataset) -> None:
    assert {"END", "ORDER", "IN", "DESC", "CASE", "WHERE"} <= RESERVED_ON_LADYBUG
    ids = sorted(a.id for a in mini_dataset.agencies)
    with differential_pair(mini_dataset, neo4j_driver, prefix="reserved") as pair:
        params = {"dataset": pair.dataset_id, "first": ids[0], "some": ids[:2]}
        for text, expected in _cases(mini_dataset):
            for store in (pair.embedded, pair.neo4j):
                result = store.run_cypher(text, params)
                assert result.rows == expected, (store.backend, text)
                assert result.columns == list(expected[0]), (store.backend, text)
