"""Rules as data give the same answers as the hard-coded rules they replaced: per rule, snapshot and
jurisdiction, the same pass/fail and the same offending agencies, on data/xilingol (208/208 pass), on
tests/data/mini, and on every mutant of Xilingol in rule_mutants.py that breaks the rules in its own way.
The expected results were captured ONCE from the old code (tests/unit/fixtures/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.diff.compare import SnapshotData
from graph.embedded.store import NetworkxStore
from graph.model import Dataset
from graph.rules.base import RuleContext
from graph.rules.engine import RuleResult, check_dataset, dataset_rules, run_rules
from tests.conftest import MINI, XILINGOL
from tests.unit.rule_mutants import MUTANTS, SNAPSHOT

FIXTURE = Path(__file__).with_name("fixtures") / "xilingol_rule_results.json"
OLD: dict[str, list[list[object]]] = json.loads(FIXTURE.read_text(encoding="utf-8"))


def rows(results: list[RuleResult]) -> list[list[object]]:
    return [
        [r.rule.id, r.snapshot, r.jurisdiction, r.passed, sorted({a for v in r.violations for a in v.agencies})]
        for r in results
    ]


@pytest.mark.parametrize("name,path", [("xilingol", XILINGOL), ("mini", MINI)])
def test_default_check_matches_the_old_rules(name: str, path: Path) -> None:
    from loaders import load_dataset

    ds = load_dataset(path)
    store = NetworkxStore()
    store.load(ds)
    assert rows(check_dataset(store, ds)) == OLD[name]


def test_xilingol_2019_is_208_of_208() -> None:
    assert len(OLD["xilingol"]) == 208 and all(row[3] for row in OLD["xilingol"])


@pytest.mark.parametrize("mutant", sorted(MUTANTS))
def test_each_mutant_fails_exactly_where_the_old_rules_failed(mutant: str, xilingol_dataset: Dataset) -> None:
    ds = MUTANTS[mutant](xilingol_dataset)
    data = SnapshotData.from_dataset(ds, SNAPSHOT)
    context = RuleContext(SNAPSHOT, data.agencies, data.edges, ds.jurisdictions, ds.sources)
    assert rows(run_rules(context, dataset_rules(ds))) == OLD[f"mutant:{mutant}"]


def test_the_mutants_break_every_declared_rule() -> None:
    """The comparison means something: each of Xilingol's ten declared rules fails somewhere among the mutants."""
    failed = {row[0] for key, value in OLD.items() if key.startswith("mutant:") for row in value if not row[3]}
    declared = {
        "quota.within",
        "mandated.new_agencies",
        "special.poverty",
        "special.foreign_affairs",
        "special.forestry",
        "ecology.dispatched",
        "enforcement.max_teams",
        "coordination.ten_bodies",
        "coordination.office",
        "institution.names",
    }
    assert declared <= failed
