"""The read-only gate under attack: the issue-10 texts and a seeded fuzzer of bypass attempts are refused by the
gate on both backends and through the CLI; harmless look-alikes run; nothing changes and no file is ever read."""

from __future__ import annotations

import dataclasses
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import BACKENDS, neo4j_settings
from paths import MINI, ROOT

import cli
from bench.cypher_corpus import CORPUS
from graph.cypher_gate import admit
from graph.embedded.store import NetworkxStore
from graph.errors import CypherError, CypherSyntaxError, WriteRefused
from graph.model import Dataset
from tests.neo4j import builders
from tests.security.gate_fuzz import ISSUE_TEXTS, LEGIT_READS, Case, attacks, lookalikes, mutants

make_store = builders.make_store  # the Neo4j fixture, found by pytest under this name

SEED = 20261205
ATTACKS = 3000
MUTANTS = 2000
PASSWD_LINE = "root:x:0:0"


@pytest.fixture(scope="module")
def marker(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    """A file whose content must never come back from a query, and a scratch folder: (path, content, folder)."""
    folder = tmp_path_factory.mktemp("gate")
    content = f"GATE-MARKER-{uuid.uuid4().hex}"
    path = folder / "marker.csv"
    path.write_text(f"{content}\n{content}\n", encoding="utf-8")
    return str(path), content, str(folder / "scratch")


def _attacks(marker: tuple[str, str, str]) -> list[Case]:
    return attacks(ATTACKS, seed=SEED, marker=marker[0], scratch=marker[2])


def _legit_corpus() -> list[str]:
    named = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.cypher"))]
    schema_md = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    block = re.search(r"```cypher\n(.*?)```", schema_md, re.S)
    examples = [q.strip() for q in block.group(1).split("\n\n")] if block else []
    return [*LEGIT_READS, *named, *(c.text for c in CORPUS), *examples]


# ---- the gate alone ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ISSUE_TEXTS)
def test_every_issue_text_is_refused_saying_what_and_why(text: str) -> None:
    with pytest.raises(WriteRefused, match=r"^refused: .+ \(.*offset \d+"):
        admit(text)


def test_the_fuzzers_attacks_are_all_refused_by_the_gate(marker: tuple[str, str, str]) -> None:
    cases = _attacks(marker)
    admitted = []
    for case in cases:
        try:
            admit(case.text)
        except (WriteRefused, CypherSyntaxError):
            continue
        admitted.append(case)
    assert len(cases) >= ATTACKS
    assert not admitted, "admitted attacks:\n" + "\n".join(f"{c.text!r}  [{c.how}]" for c in admitted[:20])


def test_no_legitimate_read_is_refused() -> None:
    corpus = _legit_corpus()
    refused = []
    for text in corpus:
        try:
            admit(text)
        except CypherError as exc:
            refused.append(f"{text!r}: {exc}")
    assert len(corpus) >= 90
    assert not refused, "\n".join(refused)


def test_a_trailing_semicolon_and_comment_are_cut_off_before_the_engines() -> None:
    assert admit("RETURN 1 AS x ; // done").text == "RETURN 1 AS x"
    with pytest.raises(WriteRefused, match="several statements"):
        admit("RETURN 1 AS x; ;")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("MATCH (a) WITH a LIMIT 1SET a.x = 1", "glued"),
        ("MATCH (a) RETURN a LIMIT 1e3SET", "glued"),
        ("MATCH (a) RETURN a LIMIT 0x1FSET", "glued"),
        ("MATCH (a) RETURN a LIMIT 1.SET", "glued"),
        ("MATCH (a) RETURN a LIMIT 1. ", "glued"),
        ("MATCH (a) RETURN a LIMIT $1SET", "glued"),
        ("MATCH (a) RETURN a$b", "glued"),
        ("MATCH (a) RETURN $ a", "parameter name"),
        ("RETURN 'a\\u0027 SET x' AS s", "escape"),
        ("RETURN 1 AS `a\\u0060 SET x`", "escape"),
        ("RETURN 1 // \\u000a SET x", "escape"),
        ("RETURN 'a\\qb' AS s", "escape"),
        ("RETURN 'a''b' AS s", "quote"),
        ("RETURN 1 /* a /* b */ AS x", "inside"),
        ("RETURN 1 /* **/ AS x /* */", "\\*\\*/"),
        ("RETURN 1 // c\r SET x", "carriage return"),
        ("RETURN 1\rAS x", "carriage return"),
        ("ＲＥＴＵＲＮ 1", "FULLWIDTH"),
        ("RETURN 1 AS x\u200bSET", "ZERO WIDTH"),
        ("RETURN 1 AS\u180ex", "MONGOLIAN"),
        ("MATCH (a)\u2014[r]->(b) RETURN a", "EM DASH"),
        ("RETURN 1 AS ѕet", "CYRILLIC"),
        ("RETURN 1 AS x; RETURN 2 AS x", "several statements"),
        ("EXPLAIN MATCH (n) RETURN n", "prefix"),
        ("PROFILE MATCH (n) RETURN n", "prefix"),
        ("MATCH (n) CALL { WITH n RETURN n.id AS x } RETURN x", "procedure"),
        ("MATCH (n) RETURN apoc.text.join(['a'], '')", "namespaced"),
        ("MATCH (n) RETURN nextval('s')", "read-only functions"),
        ("MATCH (n) FINISH", "read clauses"),
        ("MATCH (n) WHERE n.x = 1 RETURN m", "bound"),
        ("OPTIONAL CALL db.labels()", "OPTIONAL without MATCH"),
        ("MATCH (n) RETURN n UNION CALL db.labels()", "UNION branch"),
    ],
)
def test_the_tokenizer_refuses_what_an_engine_could_read_differently(text: str, why: str) -> None:
    with pytest.raises(WriteRefused, match=why):
        admit(text)


@pytest.mark.parametrize("text", ["RETURN 'open", "RETURN 1 AS `open", "RETURN 1 /* open", "", "  // only a comment"])
def test_unterminated_or_empty_text_is_a_syntax_error(text: str) -> None:
    with pytest.raises(CypherSyntaxError):
        admit(text)


def test_glued_numbers_split_as_the_engines_split_them() -> None:
    texts = [t.text for t in admit("MATCH (a)-[*1..3]->(b) RETURN a LIMIT 1 SKIP .5").tokens]
    assert texts[texts.index("*") + 1 : texts.index("*") + 4] == ["1", "..", "3"]
    assert texts[-4:] == ["LIMIT", "1", "SKIP", ".5"]


# ---- both backends ---------------------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def gated(request: pytest.FixtureRequest, mini_dataset: Dataset) -> Iterator[tuple[Any, Any]]:
    """(store, state()) with the mini dataset under a fresh id; state() reads every node, relationship and
    property through the backend itself (for the embedded one: its query engine, i.e. the shared mirror)."""
    dataset = dataclasses.replace(mini_dataset, id=builders.unique_id("gate"))
    if request.param == "networkx":
        store = NetworkxStore()
        store.load(dataset)
        yield store, lambda: _engine_state(store)
        return
    driver = request.getfixturevalue("neo4j_driver")
    store = request.getfixturevalue("make_store")()
    store.load(dataset)

    def state() -> tuple[Any, ...]:
        probes, _, _ = driver.execute_query("MATCH (n:GateProbe) RETURN count(n) AS n")
        return (*builders.graph_state(driver, dataset.id), probes[0]["n"])

    yield store, state


def _engine_state(store: NetworkxStore) -> tuple[Any, ...]:
    nodes = store.run_cypher("MATCH (n) RETURN n", row_cap=100_000).rows
    rels = store.run_cypher("MATCH (a)-[r]->(b) RETURN a.id AS src, r AS r, b.id AS dst", row_cap=100_000).rows
    graph = store.graph
    return (
        sorted(map(repr, nodes)),
        sorted(map(repr, rels)),
        sorted((n, repr(sorted(d.items()))) for n, d in graph.nodes(data=True)),
        sorted((u, v, repr(sorted(d.items()))) for u, v, d in graph.edges(data=True)),
    )


def _leaks(value: Any, secret: str) -> bool:
    text = repr(value)
    return secret in text or PASSWD_LINE in text


def test_attacks_and_lookalikes_change_nothing_and_read_no_file(
    gated: tuple[Any, Any], marker: tuple[str, str, str]
) -> None:
    store, state = gated
    before = state()
    for case in _attacks(marker):
        with pytest.raises((WriteRefused, CypherSyntaxError)):
            store.run_cypher(case.text, case.params)
    ran = 0
    for case in lookalikes(marker=marker[0], scratch=marker[2]):
        try:
            result = store.run_cypher(case.text, case.params)
        except CypherError:
            continue  # refused or not supported: fine, nothing ran
        ran += 1
        assert not _leaks(result.rows, marker[1]), case
        if case.how == "as a parameter value":
            assert result.rows == [{"n": 0}], case
        if case.how == "as a returned parameter value":
            assert result.rows == [{"p": case.params["p"]}], case
    assert ran >= 200
    assert state() == before


def test_random_mutants_run_only_as_reads(gated: tuple[Any, Any], marker: tuple[str, str, str]) -> None:
    """Hostile fragments spliced into reads at random: whatever the gate admits runs as a read or fails in
    the engine; nothing changes, nothing leaks, nothing crashes (only CypherError comes back)."""
    store, state = gated
    before = state()
    admitted = 0
    for case in mutants(MUTANTS, seed=SEED, marker=marker[0]):
        try:
            admit(case.text)
        except CypherError:
            continue
        admitted += 1
        try:
            result = store.run_cypher(case.text, case.params)
        except CypherError:
            continue
        assert not _leaks(result.rows, marker[1]), case
    assert admitted >= 50
    assert state() == before


@pytest.mark.parametrize("text", ISSUE_TEXTS)
def test_the_issue_texts_are_refused_on_both_backends(gated: tuple[Any, Any], text: str) -> None:
    store, state = gated
    before = state()
    with pytest.raises(WriteRefused, match="refused"):
        store.run_cypher(text, {"p": 1})
    assert state() == before


# ---- through the CLI -------------------------------------------------------------------------------------


@pytest.fixture
def mini_copy(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """The mini dataset under a fresh id, so a Neo4j load is this test's own."""
    dataset_id = builders.unique_id("gatecli")
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    manifest = folder / "manifest.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('id = "mini"', f'id = "{dataset_id}"', 1), encoding="utf-8"
    )
    yield folder, dataset_id


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_cli_exits_2_with_the_refusal_and_changes_nothing(
    backend: str,
    mini_copy: tuple[Path, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    folder, dataset_id = mini_copy
    count = "MATCH (n) WHERE n.dataset = $dataset RETURN count(*) AS n"
    if backend == "neo4j":
        driver = request.getfixturevalue("neo4j_driver")
        uri, user, password = neo4j_settings()
        monkeypatch.setenv("NEO4J_URI", uri)
        monkeypatch.setenv("NEO4J_USER", user)
        monkeypatch.setenv("NEO4J_PASSWORD", password)
        request.addfinalizer(lambda: builders.drop_dataset(driver, dataset_id))
    args = ["--dataset", str(folder), "--backend", backend, "--format", "json"]
    assert cli.main(["query", count, *args]) == 0
    before = capsys.readouterr().out
    for text in ISSUE_TEXTS:
        assert cli.main(["query", text, *args]) == 2, text
        err = capsys.readouterr().err
        assert "refused" in err, (text, err)
    assert cli.main(["query", count, *args]) == 0
    assert capsys.readouterr().out == before
