"""Loading a compiled dataset into a real Neo4j server: the parsed copy is reused, and an unchanged reload is a
no-op found by the hash on the dataset's meta node."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from paths import MINI

from graph.embedded.compiled import compile_dataset
from graph.neo4j.store import Neo4jStore
from graph.neo4j.write import delete_dataset_in_batches
from tests.neo4j.builders import unique_id


@pytest.fixture
def folder(tmp_path: Path, neo4j_driver: Any) -> Iterator[Path]:
    """A copy of the mini dataset under an id of its own (the server is shared); dropped afterwards."""
    copy = Path(shutil.copytree(MINI, tmp_path / "mini"))
    dataset_id = unique_id("compiled")
    manifest = copy / "manifest.toml"
    manifest.write_text(
        re.sub(r'^id = "mini"', f'id = "{dataset_id}"', manifest.read_text(encoding="utf-8"), count=1, flags=re.M),
        encoding="utf-8",
    )
    yield copy
    with neo4j_driver.session() as session:
        delete_dataset_in_batches(session, dataset_id)


def _name(driver: Any, dataset_id: str, agency_id: str) -> str:
    records, _, _ = driver.execute_query(
        "MATCH (a:Agency {dataset: $ds, id: $id}) RETURN a.name_zh AS n", ds=dataset_id, id=agency_id
    )
    return records[0]["n"]


def test_an_unchanged_reload_is_a_no_op_and_a_changed_one_loads(
    folder: Path, tmp_path: Path, neo4j_driver: Any
) -> None:
    root = tmp_path / "cache"
    compiled = compile_dataset(folder, root=root)
    store = Neo4jStore(neo4j_driver)
    first = store.open_compiled(compiled)
    ds, some = compiled.dataset_id, compiled.dataset.agencies[0]
    assert first.dataset == ds and _name(neo4j_driver, ds, some.id) == some.name_zh
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (d:OrgraphDataset {dataset_id: $ds}) RETURN d.content_hash AS h", ds=ds
    )
    assert records[0]["h"] == compiled.key

    # Mark the server's copy behind orgraph's back: a reload that wrote anything would repair the mark.
    neo4j_driver.execute_query("MATCH (a:Agency {dataset: $ds, id: $id}) SET a.name_zh = 'MARK'", ds=ds, id=some.id)
    reopened = compile_dataset(folder, root=root)
    assert reopened._dataset is None
    again = Neo4jStore(neo4j_driver).open_compiled(reopened)
    assert _name(neo4j_driver, ds, some.id) == "MARK"  # nothing was written
    assert reopened._dataset is None  # nor was the parsed dataset even read
    assert (again.nodes, again.dataset) == (compiled.meta["nodes"], ds)

    (folder / "rules.toml").write_text("# changed\n", encoding="utf-8")  # any change of the files: a new hash
    changed = compile_dataset(folder, root=root)
    Neo4jStore(neo4j_driver).open_compiled(changed)
    assert _name(neo4j_driver, ds, some.id) == some.name_zh  # loaded: the diffing load repaired the mark
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (d:OrgraphDataset {dataset_id: $ds}) RETURN d.content_hash AS h", ds=ds
    )
    assert records[0]["h"] == changed.key


def test_a_load_of_a_dataset_built_in_memory_clears_the_hash(folder: Path, tmp_path: Path, neo4j_driver: Any) -> None:
    """Only a load of the very compiled files may be skipped: after any other load the next compiled one runs."""
    compiled = compile_dataset(folder, root=tmp_path / "cache")
    store = Neo4jStore(neo4j_driver)
    store.open_compiled(compiled)
    store.load(compiled.dataset)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (d:OrgraphDataset {dataset_id: $ds}) RETURN d.content_hash AS h", ds=compiled.dataset_id
    )
    assert records[0]["h"] is None
