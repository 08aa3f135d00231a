"""Rules files (loaders/rules.py): data/xilingol/rules.toml quoted verbatim from the seed article, a dataset without
rules, a malformed rules file, and the CLI's `check` exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli import main
from graph.embedded.store import NetworkxStore
from graph.errors import DatasetError, NotFound
from graph.model import Dataset
from graph.rules.engine import check_dataset
from graph.rules.health import HEALTH_RULES
from loaders import load_dataset
from service import OrgService
from tests.conftest import MINI, XILINGOL, require

SEED = Path("/work/shared/research/000_c3fa354a23c8eb67.txt")


# ---- Xilingol's rules file, the plan, datasets without rules ------------------------------------------------------------
def test_every_xilingol_rule_quotes_the_seed_verbatim_and_names_its_places(xilingol_dataset: Dataset) -> None:
    require(SEED.exists(), f"the seed article at {SEED}")
    seed = SEED.read_text(encoding="utf-8")
    assert len(xilingol_dataset.rules) == 10 and len(xilingol_dataset.rules) + len(HEALTH_RULES) == 13
    for r in xilingol_dataset.rules:
        assert r.quote and r.title_zh and r.title_en and r.source == "seed", r.id
        for part in r.quote.split(" … "):
            assert part in seed, f"{r.id}: {part!r} is not in the seed"
        for jid in r.param("where", ()):  # type: ignore[union-attr]
            j = xilingol_dataset.jurisdiction(jid)
            assert j is not None and j.name_zh in r.quote, (r.id, jid)


def test_unknown_rule_and_snapshot_are_not_found(mini_dataset: Dataset) -> None:
    with pytest.raises(NotFound, match="no rule 'nope'"):
        check_dataset(object(), mini_dataset, rule_ids=["nope"])  # type: ignore[arg-type]
    with pytest.raises(NotFound, match="no snapshot '1999'"):
        check_dataset(object(), mini_dataset, snapshot="1999")  # type: ignore[arg-type]


@pytest.fixture
def mini_without_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "no-rules"
    shutil.copytree(MINI, folder)
    (folder / "rules.toml").unlink()
    return folder


def test_a_dataset_without_rules_has_only_health_results(mini_without_rules: Path) -> None:
    ds = load_dataset(mini_without_rules)
    store = NetworkxStore()
    store.load(ds)
    assert ds.rules == ()
    assert {r.rule.id for r in check_dataset(store, ds)} == {h.id for h in HEALTH_RULES}


# ---- CLI ---------------------------------------------------------------------------------------------------------------
def test_cli_check_without_rules_says_so_and_exits_0(
    mini_without_rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--dataset", str(mini_without_rules), "--backend", "networkx"]) == 0
    assert "declares no rules" in capsys.readouterr().err
    assert main(["check", "--dataset", str(mini_without_rules), "--backend", "networkx", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["declared_rules"] == 0 and data["passed"] is True
    assert main(["check", "--dataset", str(mini_without_rules), "--list"]) == 0
    captured = capsys.readouterr()
    assert "declares no rules" in captured.err and "quota.within" not in captured.out


def test_cli_check_list_shows_the_datasets_rules_with_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--dataset", str(XILINGOL), "--list", "--format", "json"]) == 0
    listed = {r["rule"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["special.forestry"]["kind"] == "present_except"
    assert listed["special.forestry"]["quote"] == "除二连浩特市外在其他林业和草原管理任务重的地区单独设置林草部门"
    assert listed["structure.cited"]["kind"] == "health"


def test_cli_a_malformed_rules_file_is_bad_input_naming_file_and_line(
    mini_without_rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (MINI / "rules.toml").read_text(encoding="utf-8")
    (mini_without_rules / "rules.toml").write_text(text.replace('kind = "count"', 'kind = "tally"'), encoding="utf-8")
    assert main(["check", "--dataset", str(mini_without_rules), "--backend", "networkx"]) == 2
    assert (
        "rules.toml:96 [rules[6].kind]: rule 'enforcement.max_teams': unknown kind 'tally'" in capsys.readouterr().err
    )
    assert main(["check", "--dataset", str(mini_without_rules), "--list"]) == 2


def test_a_bad_rules_file_fails_the_load_and_leaves_the_store_as_it_was(mini_without_rules: Path) -> None:
    store = NetworkxStore()
    store.load(load_dataset(MINI))
    before = store.agencies("2019")
    (mini_without_rules / "rules.toml").write_text('[[rules]]\nid = "x"\nkind = "count"\n', encoding="utf-8")
    with pytest.raises(DatasetError, match=r"rules.toml:1 .*quote is required"):
        OrgService.open(mini_without_rules, store=store)
    assert store.agencies("2019") == before
