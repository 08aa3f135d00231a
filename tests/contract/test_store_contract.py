"""The GraphStore contract (graph/store.py) on both backends, with the mini dataset loaded.

Expected values come from the loaded Dataset through contract/oracle.py (which shares no code with the stores),
and the facts of tests/data/mini/README.md are asserted as written there, so a wrong expectation helper
cannot hide a wrong store.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from contract import oracle
from contract.contract_support import STRUCTURAL, as_tuples, scenes
from graph.errors import CypherError, NotFound, WriteRefused
from graph.model import Dataset, RelType

# ---- agencies --------------------------------------------------------------------------------------------


def test_agencies_of_every_snapshot_and_jurisdiction_sorted_by_id(store: Any, mini_dataset: Dataset) -> None:
    for snapshot, jurisdiction in scenes(mini_dataset):
        got = store.agencies(snapshot, jurisdiction=jurisdiction)
        assert [a.id for a in got] == sorted(a.id for a in got), (snapshot, jurisdiction)
        assert got == oracle.agencies(mini_dataset, snapshot, jurisdiction), (snapshot, jurisdiction)


@pytest.mark.parametrize(
    "snapshot, jurisdiction, total, counted",
    [
        ("2018", "xlgl", 3, 1),
        ("2018", "xh", 20, 11),
        ("2018", "xlht", 4, 2),
        ("2019", "xlgl", 3, 1),
        ("2019", "xh", 19, 10),
        ("2019", "xlht", 4, 1),
    ],
)
def test_agency_counts_of_the_mini_readme(
    store: Any, snapshot: str, jurisdiction: str, total: int, counted: int
) -> None:
    got = store.agencies(snapshot, jurisdiction=jurisdiction)
    assert len(got) == total
    assert sum(a.counts_toward_quota for a in got) == counted
    assert {a.snapshot for a in got} == {snapshot} and {a.jurisdiction for a in got} == {jurisdiction}


def test_a_snapshot_or_jurisdiction_that_does_not_exist_has_no_agencies(store: Any) -> None:
    assert store.agencies("1999") == []
    assert store.agencies("2019", jurisdiction="nowhere") == []
    assert len(store.agencies("2018")) + len(store.agencies("2019")) == 53


def test_every_agency_reads_back_as_loaded(store: Any, mini_dataset: Dataset) -> None:
    for agency in mini_dataset.agencies:
        assert store.agency(agency.id) == agency
    ecology = store.agency("m19-xh-ecology")
    assert ecology.name_zh == "锡林郭勒盟生态环境局镶黄旗分局"
    assert ecology.counts_toward_quota is False and ecology.jurisdiction == "xh"


@pytest.mark.parametrize("read", ["agency", "reporting_chain", "subordinates", "lineage"])
def test_an_unknown_agency_is_not_found_and_named(store: Any, read: str) -> None:
    with pytest.raises(NotFound, match="m19-no-such-agency"):
        getattr(store, read)("m19-no-such-agency")


# ---- edges -----------------------------------------------------------------------------------------------


def test_edges_of_every_snapshot_and_jurisdiction(store: Any, mini_dataset: Dataset) -> None:
    for snapshot, jurisdiction in scenes(mini_dataset):
        got = store.edges(snapshot, jurisdiction=jurisdiction)
        assert [e.key for e in got] == sorted(e.key for e in got), (snapshot, jurisdiction)
        assert {e.type for e in got} <= STRUCTURAL
        assert got == oracle.edges(mini_dataset, snapshot, jurisdiction), (snapshot, jurisdiction)


def test_edges_are_the_92_rows_of_edges_csv_split_by_snapshot(store: Any) -> None:
    before, after = store.edges("2018"), store.edges("2019")
    counts = Counter(e.type for e in before + after)
    assert counts == {RelType.REPORTS_TO: 49, RelType.HOSTED_BY: 6, RelType.HAS_FUNCTION: 9, RelType.BECAME: 28}
    assert RelType.BECAME not in {e.type for e in after}  # lineage leaves 2018 only
    assert ("REPORTS_TO", "m19-xh-ecology", "m19-lg-ecology", "dispatched", "") in {e.key for e in after}
    transferred = [e for e in before if e.key[:2] == ("BECAME", "m18-xh-religion")]
    assert [(e.end, e.change.value, e.function) for e in transferred] == [
        ("m19-xh-united", "transferred", "religious_affairs")
    ]
    hosted = {(e.start, e.end, e.mode) for e in after if e.type is RelType.HOSTED_BY}
    assert ("m19-xh-foreign", "m19-xh-office", "plate") in hosted


# ---- reporting chain --------------------------------------------------------------------------------------


def test_the_enforcement_branch_climbs_through_the_dispatched_office(store: Any) -> None:
    assert as_tuples(store.reporting_chain("m19-xh-eco-enforce")) == [
        ("m19-xh-ecology", 1, "manages", "m19-xh-eco-enforce"),
        ("m19-lg-ecology", 2, "dispatched", "m19-xh-ecology"),
        ("m19-lg-gov", 3, "leads", "m19-lg-ecology"),
        ("m19-lg-party", 4, "leads", "m19-lg-gov"),
    ]


def test_the_dispatched_county_office_reports_to_the_league_bureau_before_its_county(store: Any) -> None:
    first = store.reporting_chain("m19-xh-ecology")[0]
    assert (first.agency.id, first.mode, first.via, first.depth) == (
        "m19-lg-ecology",
        "dispatched",
        "m19-xh-ecology",
        1,
    )
    assert "m19-xh-gov" not in {s.agency.id for s in store.reporting_chain("m19-xh-ecology")}
    assert store.reporting_chain("m19-xlht-ecology")[0].agency.id == "m19-lg-ecology"


def test_every_chain_nearest_first_with_modes_and_via(store: Any, mini_dataset: Dataset) -> None:
    lengths: Counter[int] = Counter()
    for agency in mini_dataset.agencies:
        chain = store.reporting_chain(agency.id)
        assert chain == oracle.reporting_chain(mini_dataset, agency.id), agency.id
        assert [s.depth for s in chain] == list(range(1, len(chain) + 1))
        if chain:
            assert [s.via for s in chain] == [agency.id] + [s.agency.id for s in chain[:-1]]
            assert chain[-1].agency.id == f"m{agency.id[1:3]}-lg-party", agency.id
            assert chain[-1].agency == mini_dataset.agency(chain[-1].agency.id)
        lengths[len(chain)] += 1
    assert lengths == {4: 3, 3: 24, 2: 14, 1: 6, 0: 6}
    for top in ("m18-lg-party", "m19-lg-party", "m18-xh-supervision", "m19-xh-foreign"):
        assert store.reporting_chain(top) == []


# ---- subordinates ----------------------------------------------------------------------------------------


def test_subordinates_of_the_league_ecology_bureau_at_depth_1_and_2(store: Any) -> None:
    assert as_tuples(store.subordinates("m19-lg-ecology")) == [
        ("m19-xh-ecology", 1, "dispatched", "m19-lg-ecology"),
        ("m19-xlht-ecology", 1, "dispatched", "m19-lg-ecology"),
    ]
    assert as_tuples(store.subordinates("m19-lg-ecology", depth=2)) == [
        ("m19-xh-ecology", 1, "dispatched", "m19-lg-ecology"),
        ("m19-xlht-ecology", 1, "dispatched", "m19-lg-ecology"),
        ("m19-xh-eco-enforce", 2, "manages", "m19-xh-ecology"),
    ]


def test_subordinates_count_every_mode_even_guides(store: Any) -> None:
    below = {s.agency.id: s.mode for s in store.subordinates("m19-xh-gov")}
    assert below["m19-xh-ecology"] == "guides"
    assert below["m19-xh-veterans"] == "leads"
    entrusted = as_tuples(store.subordinates("m19-xh-propaganda"))
    assert ("m19-xh-media", 1, "entrusted", "m19-xh-propaganda") in entrusted


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_subordinates_of_every_agency(store: Any, mini_dataset: Dataset, depth: int) -> None:
    for agency in mini_dataset.agencies:
        got = store.subordinates(agency.id, depth=depth)
        assert got == oracle.subordinates(mini_dataset, agency.id, depth), (agency.id, depth)
        assert got == sorted(got, key=lambda s: (s.depth, s.agency.id))
    whole_league = store.subordinates("m19-lg-party", depth=depth)
    assert max(s.depth for s in whole_league) == depth  # the 2019 tree is 4 deep


# ---- lineage ---------------------------------------------------------------------------------------------


def _lineage(store: Any, agency_id: str) -> list[tuple[str, str, str, str | None]]:
    return [(e.start, e.end, e.change.value, e.function) for e in store.lineage(agency_id)]


def test_lineage_backwards_from_a_merger_and_forwards_into_a_split(store: Any) -> None:
    assert _lineage(store, "m19-xh-emergency") == [
        ("m18-xh-flood", "m19-xh-emergency", "merged", None),
        ("m18-xh-safety", "m19-xh-emergency", "merged", None),
    ]
    assert _lineage(store, "m18-xh-landres") == [
        ("m18-xh-landres", "m19-xh-forest", "split", None),
        ("m18-xh-landres", "m19-xh-nr", "split", None),
    ]
    # backwards from one half of the split: its own edge only, not its sibling's
    assert _lineage(store, "m19-xh-nr") == [("m18-xh-landres", "m19-xh-nr", "split", None)]


def test_lineage_carries_moved_functions_and_is_empty_for_abolished_and_new_bodies(store: Any) -> None:
    assert _lineage(store, "m18-xh-culture") == [
        ("m18-xh-culture", "m19-xh-culture", "renamed", None),
        ("m18-xh-culture", "m19-xh-propaganda", "transferred", "film_administration"),
    ]
    assert ("m18-xh-culture", "m19-xh-propaganda", "transferred", "film_administration") in _lineage(
        store, "m19-xh-propaganda"
    )
    assert store.lineage("m18-xh-grain") == [] and store.lineage("m19-xh-veterans") == []


def test_lineage_of_every_agency(store: Any, mini_dataset: Dataset) -> None:
    for agency in mini_dataset.agencies:
        got = store.lineage(agency.id)
        assert got == oracle.lineage(mini_dataset, agency.id), agency.id
        assert [e.key for e in got] == sorted(e.key for e in got)
        assert {e.type for e in got} <= {RelType.BECAME}


# ---- ad-hoc Cypher ---------------------------------------------------------------------------------------


def test_run_cypher_reads_the_active_dataset(store: Any, mini_dataset: Dataset) -> None:
    result = store.run_cypher(
        "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency) WHERE a.dataset = $dataset AND r.mode = $mode "
        "RETURN a.id AS office, b.name_zh AS bureau ORDER BY office",
        {"mode": "dispatched"},
    )
    assert result.backend == store.backend and result.columns == ["office", "bureau"]
    bureau = mini_dataset.agency("m19-lg-ecology").name_zh
    assert result.rows == [
        {"office": "m19-xh-ecology", "bureau": bureau},
        {"office": "m19-xlht-ecology", "bureau": bureau},
    ]


@pytest.mark.parametrize(
    "write",
    [
        "MATCH (a:Agency) WHERE a.dataset = $dataset DETACH DELETE a",
        "MATCH (a:Agency {id: 'm19-xh-gov'}) SET a.name_zh = '改了'",
        "CREATE (:Agency {id: 'intruder', dataset: $dataset})",
    ],
)
def test_writes_are_refused_and_change_nothing(store: Any, mini_dataset: Dataset, write: str) -> None:
    with pytest.raises(WriteRefused):
        store.run_cypher(write)
    count = store.run_cypher("MATCH (a:Agency) WHERE a.dataset = $dataset RETURN count(*) AS n")
    assert count.rows == [{"n": len(mini_dataset.agencies)}]
    assert store.agency("m19-xh-gov") == mini_dataset.agency("m19-xh-gov")


def test_a_syntax_error_is_a_cypher_error(store: Any) -> None:
    with pytest.raises(CypherError):
        store.run_cypher("MATCH (a:Agency RETURN a")
