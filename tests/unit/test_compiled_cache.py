"""The compiled dataset cache (graph/embedded/compiled.py) and the read-only engine that opens it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import pytest
from paths import MINI, ROOT

from graph.embedded.compiled import (
    DATASET_FILE,
    META_FILE,
    MIRROR_FILE,
    CacheWarning,
    CompiledDataset,
    cache_root,
    compile_dataset,
    dataset_key,
)
from graph.embedded.engine import engine_of, run_embedded
from graph.embedded.store import NetworkxStore
from loaders import load_dataset

COUNT = "MATCH (a:Agency) RETURN count(*) AS n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A private copy of the mini dataset (tests change its files)."""
    return Path(shutil.copytree(MINI, tmp_path / "mini"))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / META_FILE).exists())


def test_the_session_cache_is_not_the_users() -> None:
    assert cache_root() == Path(os.environ["ORGRAPH_CACHE_DIR"])
    assert Path.home() / ".cache" not in cache_root().parents


def test_a_compiled_dataset_opens_without_compiling_again_and_equals_the_parsed_one(folder: Path, root: Path) -> None:
    first = compile_dataset(folder, root=root)
    again = CompiledDataset.open(folder, root=root)
    assert again.folder == first.folder and again.meta["compiled_at"] == first.meta["compiled_at"]
    assert again._dataset is None  # nothing unpickled until asked for
    assert again.dataset == load_dataset(folder)
    assert again.dataset_id == "mini"
    assert {p.name for p in again.folder.iterdir()} == {DATASET_FILE, MIRROR_FILE, META_FILE}
    assert again.engine.run(COUNT, {}, timeout_s=5, row_cap=10).rows == [{"n": len(again.dataset.agencies)}]


def test_changing_any_file_of_the_folder_compiles_again_and_drops_the_old_copy(folder: Path, root: Path) -> None:
    first = compile_dataset(folder, root=root)
    (folder / "rules.toml").write_text("# no rules yet\n", encoding="utf-8")  # a file the loader may read later
    second = compile_dataset(folder, root=root)
    assert second.key != first.key
    csv = folder / "agencies.csv"
    some = first.dataset.agencies[0]
    csv.write_text(csv.read_text(encoding="utf-8").replace(some.name_zh, some.name_zh + "（新）", 1), encoding="utf-8")
    third = compile_dataset(folder, root=root)
    assert third.key not in (first.key, second.key)
    assert third.dataset.agencies[0].name_zh == some.name_zh + "（新）"
    found = third.engine.run(
        "MATCH (a:Agency {id: $id}) RETURN a.name_zh AS n", {"id": some.id}, timeout_s=5, row_cap=1
    )
    assert found.rows == [{"n": some.name_zh + "（新）"}]
    assert _entries(root) == [third.folder]  # older copies of this folder were pruned
    assert dataset_key(folder, root) == dataset_key(folder) == third.key  # the stat shortcut agrees with the bytes


@pytest.mark.parametrize("name", [MIRROR_FILE, DATASET_FILE, META_FILE])
def test_a_truncated_cache_is_detected_and_rebuilt_with_a_warning(folder: Path, root: Path, name: str) -> None:
    compiled = compile_dataset(folder, root=root)
    path = compiled.folder / name
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.warns(CacheWarning, match="compiling it again"):
        rebuilt = CompiledDataset.open(folder, root=root)
    assert rebuilt.meta["compiled_at"] >= compiled.meta["compiled_at"]
    assert rebuilt.engine.run(COUNT, {}, timeout_s=5, row_cap=10).rows == [{"n": len(load_dataset(folder).agencies)}]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        CompiledDataset.open(folder, root=root)  # good again: no second warning


@pytest.mark.parametrize("name", [MIRROR_FILE, DATASET_FILE])
def test_a_byte_changed_in_place_is_detected_and_rebuilt_with_a_warning(folder: Path, root: Path, name: str) -> None:
    compiled = compile_dataset(folder, root=root)
    path = compiled.folder / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size; in a big file, not at the ends either
    path.write_bytes(bytes(data))
    with pytest.warns(CacheWarning):
        rebuilt = CompiledDataset.open(folder, root=root)
    assert (rebuilt.folder / name).read_bytes() != bytes(data)
    assert rebuilt.dataset == load_dataset(folder)


_COMPILE = """
import sys
from graph.embedded.compiled import compile_dataset
c = compile_dataset(sys.argv[1], root=sys.argv[2])
print(c.folder, c.dataset_id)
"""


def test_two_processes_compiling_at_once_leave_one_good_copy(folder: Path, root: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _COMPILE, str(folder), str(root)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1  # both use the same folder
    assert len(_entries(root)) == 1
    assert not [p for p in root.iterdir() if p.name.startswith((".tmp-", ".trash-"))]
    compiled = CompiledDataset.open(folder, root=root)
    assert compiled.dataset == load_dataset(folder)


def test_a_write_sent_straight_to_the_engine_fails_and_changes_nothing(folder: Path, root: Path) -> None:
    """The mirror is opened read-only: even a write that never meets the gate cannot run."""
    engine = compile_dataset(folder, root=root).engine
    before = engine.run(COUNT, {}, timeout_s=5, row_cap=10).rows
    writes = [
        "MATCH (a:Agency) SET a.name_zh = 'PWNED'",
        "CREATE (:Agency {id: 'intruder'})",
        "MATCH (a:Agency) DETACH DELETE a",
        "CREATE NODE TABLE Evil(id STRING, PRIMARY KEY (id))",
    ]
    for text in writes:
        with engine.connection() as conn, pytest.raises(RuntimeError, match="read-only"):
            conn.execute(text)
    assert engine.run(COUNT, {}, timeout_s=5, row_cap=10).rows == before
    pwned = engine.run("MATCH (a:Agency) WHERE a.name_zh = 'PWNED' RETURN count(*) AS n", {}, timeout_s=5, row_cap=1)
    assert pwned.rows == [{"n": 0}]


def test_an_in_memory_graphs_mirror_is_read_only_too(mini_dataset: object) -> None:
    store = NetworkxStore()
    store.load(mini_dataset)  # type: ignore[arg-type]
    run_embedded(store.graph, COUNT, {}, timeout_s=5, row_cap=10)
    from graph.embedded.mirror import mirror_of

    with engine_of(mirror_of(store.graph)).connection() as conn, pytest.raises(RuntimeError, match="read-only"):
        conn.execute("MATCH (a:Agency) SET a.name_zh = 'PWNED'")


def test_connections_are_reused_and_shared_safely_between_threads(folder: Path, root: Path) -> None:
    compiled = compile_dataset(folder, root=root)
    engine = compiled.engine
    expected = [{"n": len(compiled.dataset.agencies)}]
    for _ in range(20):
        assert engine.run(COUNT, {}, timeout_s=5, row_cap=10).rows == expected
    assert len(engine._idle) == 1  # one connection served twenty queries one after the other
    answers: list[object] = []

    def ask() -> None:
        for _ in range(10):
            answers.append(engine.run(COUNT, {}, timeout_s=5, row_cap=10).rows)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [expected] * 40
    assert 1 <= len(engine._idle) <= 4


def test_the_store_answers_cypher_from_the_compiled_copy_without_building_the_graph(folder: Path, root: Path) -> None:
    compiled = compile_dataset(folder, root=root)
    compiled = CompiledDataset.open(folder, root=root)  # a fresh process's view: nothing loaded yet
    store = NetworkxStore()
    report = store.open_compiled(compiled)
    assert report.nodes == compiled.meta["nodes"] > 0
    result = store.run_cypher("MATCH (a:Agency {dataset: $dataset}) RETURN count(*) AS n")
    assert store._graph is None and compiled._dataset is None
    assert result.rows == [{"n": len(load_dataset(folder).agencies)}]
    some = load_dataset(folder).agencies[0]
    assert store.agency(some.id) == some  # a read that needs the indexes builds them then
    assert store.graph.number_of_nodes() == compiled.meta["nodes"]


def test_relationship_endpoints_are_reported_from_the_compiled_copy(folder: Path, root: Path) -> None:
    store = NetworkxStore()
    store.open_compiled(compile_dataset(folder, root=root))
    result = store.run_cypher("MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency) RETURN r LIMIT 3")
    assert len(result.relationships) == 3
    ends = {end for r in result.relationships for end in (r.start, r.end)}
    assert ends <= {n.key for n in result.nodes}
    assert all(n.labels == ("Agency",) and n.properties["id"] == n.key for n in result.nodes)


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "cli.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        env={**os.environ, **(env or {})},
    )


def test_cli_compile_then_query_from_the_cache_and_no_cache_bypasses_it(folder: Path, root: Path) -> None:
    env = {"ORGRAPH_CACHE_DIR": str(root)}
    compiled = _cli("compile", "--dataset", str(folder), "--format", "json", env=env)
    assert compiled.returncode == 0, compiled.stderr
    row = json.loads(compiled.stdout)[0]
    assert row["dataset"] == "mini" and Path(row["folder"]).parent == root
    query = ["query", COUNT, "--dataset", str(folder), "--format", "json"]
    cached = _cli(*query, env=env)
    assert cached.returncode == 0, cached.stderr
    assert json.loads(cached.stdout) == [{"n": len(load_dataset(folder).agencies)}]
    assert _entries(root) == [Path(row["folder"])]

    shutil.rmtree(root)
    bypass = _cli("--no-cache", *query, env=env)
    assert bypass.returncode == 0, bypass.stderr
    assert json.loads(bypass.stdout) == json.loads(cached.stdout)
    assert not root.exists()  # --no-cache wrote nothing
    after = _cli(*query[:-2], "--no-cache", env=env)  # also accepted after the command
    assert after.returncode == 0 and not root.exists()
