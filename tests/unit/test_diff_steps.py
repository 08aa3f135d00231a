"""The diff's steps, each on its own: matching lineage, then the scope that decides what is reported."""

from __future__ import annotations

from graph.diff.lineage import Scope as _Scope
from graph.diff.lineage import match_lineage as _match
from graph.model import Agency, Basis, Category, Change, Edge, RelType


def became(start: str, end: str, change: Change) -> Edge:
    return Edge(RelType.BECAME, start, end, Basis.MODELED, "s", change=change)


def agency(agency_id: str, jurisdiction: str) -> Agency:
    return Agency(
        agency_id, "2019", jurisdiction, agency_id, agency_id, "t", Category.GOVERNMENT, True, Basis.MODELED, "s"
    )


def test_matching_lists_successors_and_predecessors_and_keeps_the_first_label_of_a_pair() -> None:
    before = {"a": agency("a", "j"), "b": agency("b", "j")}
    lineage = _match(
        [became("a", "x", Change.MERGED), became("b", "x", Change.MERGED), became("a", "x", Change.RENAMED)], before
    )
    assert lineage.pred == {"x": ["a", "b"]}
    assert lineage.succ == {"a": ["x"], "b": ["x"]}
    assert lineage.first_change["a"] is Change.MERGED
    assert lineage.labelled_merged == {"x"}


def test_matching_ignores_edges_from_outside_the_before_snapshot() -> None:
    lineage = _match([became("elsewhere", "x", Change.SPLIT)], {"a": agency("a", "j")})
    assert lineage.succ == {} and lineage.labelled_split == set()


def test_an_event_is_in_scope_when_any_agency_in_it_is() -> None:
    scope = _Scope({"j1"})
    assert scope.has(agency("a", "j2"), agency("b", "j1"))
    assert not scope.has(agency("a", "j2"))
    assert _Scope(None).has(agency("a", "anywhere"))
