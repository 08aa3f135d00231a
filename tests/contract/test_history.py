"""service.history: an agency's whole life across snapshots (usecases/history.py), the same on both backends.

A life follows BECAME edges that keep the body (continued, renamed: the only such edge on both sides); every other
BECAME edge touching it is a link to another body (a predecessor or a successor)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from cli_commands.history import history_to_dict
from contract.contract_support import BACKENDS, renamed, unique_id
from graph.embedded.store import NetworkxStore
from graph.errors import InvalidRequest, NotFound
from graph.model import Dataset, Snapshot, SnapshotRole
from service import OrgService
from settings import Settings
from tests.unit.diff_builders import XH, World
from usecases.history import AgencyHistory

MakeStore = Callable[[str], Any]
A, B, C = "2018", "2019", "2020"


def world(dataset_id: str) -> Dataset:
    """Three snapshots: an office renamed and then merged into the farming bureau, which continues throughout; two
    regulators merged into one; a bureau split in two; a duty transferred; two 'continued' edges out of one body."""
    w = World()
    for snap in (A, B, C):
        w.add(f"gov-{snap}", snap, XH, name_zh="镶黄旗人民政府", name_en="Bordered Yellow Banner Government")
        w.add(f"farm-{snap}", snap, XH, name_zh="镶黄旗农牧局", name_en="Farming Bureau")
        w.rep(f"farm-{snap}", f"gov-{snap}", "leads")
    w.became("gov-2018", "gov-2019")
    w.became("gov-2019", "gov-2020")
    w.became("farm-2018", "farm-2019")
    w.became("farm-2019", "farm-2020")
    w.add("office-a", A, XH, name_zh="镶黄旗扶贫开发办公室", name_en="Poverty Alleviation Office")
    w.add("office-b", B, XH, name_zh="镶黄旗乡村振兴局", name_en="Rural Revitalization Bureau")
    w.rep("office-a", "gov-2018", "leads")
    w.rep("office-b", "farm-2019", "manages")
    w.rep("office-b", "gov-2019", "guides")
    w.host("office-b", "farm-2019", "plate")
    w.became("office-a", "office-b", "renamed")
    w.became("office-b", "farm-2020", "merged")
    w.add("bank-a", A, XH, name_zh="银行监管局", name_en="Bank Regulator")
    w.add("insurance-a", A, XH, name_zh="保险监管局", name_en="Insurance Regulator")
    w.add("regulator-b", B, XH, name_zh="银行保险监管局", name_en="Bank and Insurance Regulator")
    w.add("regulator-c", C, XH, name_zh="银行保险监管局", name_en="Bank and Insurance Regulator")
    w.became("bank-a", "regulator-b", "merged")
    w.became("insurance-a", "regulator-b", "merged")
    w.became("bank-a", "gov-2019", "transferred", function="rulemaking")
    w.became("regulator-b", "regulator-c")
    w.add("land-a", A, XH, name_zh="国土资源局", name_en="Land Bureau")
    w.add("nature-b", B, XH, name_zh="自然资源局", name_en="Natural Resources Bureau")
    w.add("forest-b", B, XH, name_zh="林业和草原局", name_en="Forestry Bureau")
    w.became("land-a", "nature-b", "split")
    w.became("land-a", "forest-b", "split")
    w.add("twin-a", A, XH, name_zh="双局", name_en="Twin Bureau")
    w.add("twin-b1", B, XH, name_zh="双局一", name_en="Twin One")
    w.add("twin-b2", B, XH, name_zh="双局二", name_en="Twin Two")
    w.became("twin-a", "twin-b1")
    w.became("twin-a", "twin-b2")
    three = (
        Snapshot(A, "2018-12-31", SnapshotRole.BEFORE),
        Snapshot(B, "2019-12-31", SnapshotRole.OTHER),
        Snapshot(C, "2020-12-31", SnapshotRole.AFTER),
    )
    return replace(w.dataset(dataset_id), snapshots=three)


@pytest.fixture(params=BACKENDS)
def service(request: pytest.FixtureRequest, make_store: MakeStore) -> OrgService:
    dataset = world(unique_id("history"))
    store = make_store(request.param)
    store.load(dataset)
    return OrgService(store, dataset, settings=Settings(backend=request.param))


def stages(history: AgencyHistory) -> list[tuple[str, str]]:
    return [(s.agency.id, s.step) for s in history.stages]


def links(history: AgencyHistory, side: str) -> list[tuple[str, str, str]]:
    chosen = history.predecessors if side == "in" else history.successors
    return [(link.change, link.other.id, link.function) for link in chosen]


def test_a_life_follows_renames_and_ends_in_a_merger(service: OrgService) -> None:
    history = service.history("office-b")
    assert stages(history) == [("office-a", ""), ("office-b", "renamed")]
    assert history.snapshots == (A, B, C)
    assert [(n.name_zh, n.first, n.last) for n in history.names] == [
        ("镶黄旗扶贫开发办公室", A, A),
        ("镶黄旗乡村振兴局", B, B),
    ]
    assert links(history, "in") == []
    assert links(history, "out") == [("merged", "farm-2020", "")]
    first, second = history.stages
    assert first.parent is not None and first.parent.id == "gov-2018"
    assert second.parent is not None and second.parent.id == "farm-2019"  # manages comes before guides
    assert [(x.rel, x.mode, x.target.id) for x in second.lines] == [
        ("REPORTS_TO", "manages", "farm-2019"),
        ("REPORTS_TO", "guides", "gov-2019"),
        ("HOSTED_BY", "plate", "farm-2019"),
    ]
    assert [(p.id, p.level) for p in second.places] == [(XH, "county"), ("xlgl", "league"), ("nmg", "region")]


def test_the_body_that_absorbs_another_keeps_its_life(service: OrgService) -> None:
    history = service.history("farm-2018")
    assert stages(history) == [("farm-2018", ""), ("farm-2019", "continued"), ("farm-2020", "continued")]
    assert links(history, "in") == [("merged", "office-b", "")]
    assert history.stages[-1].predecessors[0].other.snapshot == B


def test_a_merger_begins_a_new_life_and_ends_the_old_ones(service: OrgService) -> None:
    merged = service.history("regulator-c")
    assert stages(merged) == [("regulator-b", ""), ("regulator-c", "continued")]
    assert links(merged, "in") == [("merged", "bank-a", ""), ("merged", "insurance-a", "")]
    bank = service.history("bank-a")
    assert stages(bank) == [("bank-a", "")]
    assert links(bank, "out") == [("merged", "regulator-b", ""), ("transferred", "gov-2019", "rulemaking")]


def test_a_split_and_two_continuations_out_of_one_body_are_links(service: OrgService) -> None:
    assert links(service.history("land-a"), "out") == [("split", "forest-b", ""), ("split", "nature-b", "")]
    assert stages(service.history("nature-b")) == [("nature-b", "")]
    twin = service.history("twin-a")
    assert stages(twin) == [("twin-a", "")]  # neither of the two 'continued' successors is the body itself
    assert links(twin, "out") == [("continued", "twin-b1", ""), ("continued", "twin-b2", "")]


def test_names_resolve_to_one_body_or_list_the_candidates(service: OrgService) -> None:
    assert service.history("镶黄旗农牧局").agency == "farm-2018"  # three nodes, one body
    assert service.history("Farming Bureau").agency == "farm-2018"
    assert service.history("农牧局").agency == "farm-2018"  # without the jurisdiction's name in front
    assert service.history("扶贫办").agency == "office-a"  # a Chinese abbreviation: the characters in order
    assert service.history("银行保险监管局").agency == "regulator-b"
    assert service.history("双局").agency == "twin-a"  # the exact name wins over the two names it begins
    with pytest.raises(InvalidRequest, match=r"names 3 different bodies.*bank-a.*insurance-a.*regulator-b"):
        service.history("监管局")
    with pytest.raises(NotFound, match="no agency 'nothing-here'"):
        service.history("nothing-here")


@pytest.mark.neo4j
def test_state_council_histories_are_the_same_on_both_backends(
    make_store: MakeStore, state_council_dataset: Dataset
) -> None:
    """Lives with renames, mergers and transferred duties, and name lookups, answer alike on both backends."""
    dataset = renamed(state_council_dataset, unique_id("history-sc"))
    services = []
    for kind in ("networkx", "neo4j"):
        store = make_store(kind)
        store.load(dataset)
        services.append(OrgService(store, dataset, settings=Settings(backend=kind)))
    asked = ["国务院扶贫办", "2018-banking_insurance_regulation", "中国银行业监督管理委员会", "农业农村部", "外交部"]
    asked += ["2023-financial_regulation", "2023-rural_revitalization", "Ministry of Agriculture"]
    for text in asked:
        assert history_to_dict(services[0].history(text)) == history_to_dict(services[1].history(text)), text
    for service in services:
        with pytest.raises(InvalidRequest) as caught:
            service.history("国家乡村振兴局")  # the 2022 bureau and the 2023 plate on 农业农村部 are two bodies
        assert "2022-rural_revitalization" in str(caught.value) and "2023-rural_revitalization" in str(caught.value)


def test_every_mini_history_is_the_same_on_every_backend(store: object, mini_dataset: Dataset) -> None:
    """`store` covers networkx, the compiled cache and Neo4j; the reference is a networkx store of the dataset."""
    reference = NetworkxStore()
    reference.load(mini_dataset)
    expected = OrgService(reference, mini_dataset)
    actual = OrgService(store, mini_dataset)  # type: ignore[arg-type]
    for agency in mini_dataset.agencies:
        assert history_to_dict(actual.history(agency.id)) == history_to_dict(expected.history(agency.id)), agency.id
