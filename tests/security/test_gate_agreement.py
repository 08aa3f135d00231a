"""What the gate admits, both engines read as the gate does: the edge cases of its tokenizer (comments, escapes,
backticks, numbers, unicode spaces, Chinese names, CR LF) give the value the gate's reading implies, on both
backends. The texts the gate refuses are the ones where the engines disagree (docs/cypher.md)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest

from graph.cypher_gate import admit
from graph.embedded.store import NetworkxStore
from graph.model import Dataset
from tests.neo4j import builders

make_store = builders.make_store  # the Neo4j fixture, found by pytest under this name

AGREED = [
    ("RETURN 1 /* x */ + 2 AS x", 3),
    ("RETURN 1 /**/ + 2 AS x", 3),
    ("RETURN 1 /* a * b / c */ + 2 AS x", 3),
    ("RETURN 1 // comment\n + 2 AS x", 3),
    ("RETURN 1 // comment\r\n + 2 AS x", 3),
    ("RETURN 1 // comment \u2028 + 2\n AS x", 1),
    ("RETURN 1\u3000+\u00a02\u2003AS x", 3),
    ("RETURN 'it\\'s' AS x", "it's"),
    ('RETURN "say \\"hi\\"" AS x', 'say "hi"'),
    ("RETURN 'a\\\\' AS x", "a\\"),
    ("RETURN 'x\\' SET a.y = 1 //' AS x", "x' SET a.y = 1 //"),
    ("RETURN 'tab\\tnl\\n' AS x", "tab\tnl\n"),
    ("RETURN '/* not a comment */ // nor this' AS x", "/* not a comment */ // nor this"),
    ("RETURN 1 AS `a``b`", 1),
    ("RETURN 1e3 AS x", 1000.0),
    ("RETURN .5 + 1.25 AS x", 1.75),
    ("RETURN [10, 20, 30][1] AS x", 20),
    ("RETURN size([1, 2, 3][0..2]) AS x", 2),
    ("RETURN '镶黄旗' + '应急' AS x", "镶黄旗应急"),
    ("WITH 1 AS 数量 RETURN 数量 + 1 AS x", 2),
    ("WITH 1 AS start RETURN start AS x", 1),
    ("RETURN $p AS x", "MATCH (n) DETACH DELETE n"),
    ("RETURN 1 AS x;", 1),
    ("RETURN 1 AS x ; // done", 1),
]


@pytest.fixture(scope="module")
def embedded(mini_dataset: Dataset) -> NetworkxStore:
    """One embedded store for the module: each store opens its own LadybugDB database, and they add up."""
    s = NetworkxStore()
    s.load(mini_dataset)
    return s


@pytest.fixture(params=["networkx", "neo4j"])
def store(request: pytest.FixtureRequest, mini_dataset: Dataset) -> Iterator[Any]:
    if request.param == "networkx":
        yield request.getfixturevalue("embedded")
        return
    s = request.getfixturevalue("make_store")()
    s.load(dataclasses.replace(mini_dataset, id=builders.unique_id("agree")))  # a fresh id: others share "mini"
    yield s


@pytest.mark.parametrize(("text", "value"), AGREED)
def test_both_engines_read_what_the_gate_admits_as_the_gate_reads_it(store: Any, text: str, value: Any) -> None:
    admit(text)
    result = store.run_cypher(text, {"p": "MATCH (n) DETACH DELETE n"})
    column = result.columns[0]
    assert result.rows == [{column: value}]
