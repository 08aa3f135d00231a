"""Exporting the view on screen: an agency's reporting chain (exactly the chain at depth 0, the Explorer's focus view
deeper) and a scope narrowed by the Explorer's category and mode filters (graph/filters.py)."""

from __future__ import annotations

from typing import Any

from exporters import Selection, collect
from graph.filters import ViewFilter, line_mode
from graph.model import Category, Dataset, RelType


def _deep(store: Any, dataset: Dataset) -> str:
    latest = dataset.snapshot_ids()[-1]
    return max((a.id for a in store.agencies(latest)), key=lambda i: len(store.reporting_chain(i)))


def test_a_chain_at_depth_0_is_exactly_the_agency_its_superiors_and_their_lines(mini_store, mini_dataset) -> None:
    agency = _deep(mini_store, mini_dataset)
    chain = mini_store.reporting_chain(agency)
    assert len(chain) >= 2
    graph = collect(mini_store, mini_dataset, Selection(agency=agency, depth=0, chain=True))
    assert graph.selection.kind == "chain" and not graph.context
    assert {a.id for a in graph.agencies} == {agency} | {s.agency.id for s in chain}
    lines = {(e.start, e.end, e.mode or "leads") for e in graph.edges}
    assert lines == {(s.via, s.agency.id, s.mode or "leads") for s in chain}


def test_a_deeper_chain_adds_the_subordinates_the_filter_keeps(mini_store, mini_dataset) -> None:
    latest = mini_dataset.snapshot_ids()[-1]
    head = max(
        (a for a in mini_store.agencies(latest) if a.category is Category.LEADERSHIP),
        key=lambda a: len(mini_store.subordinates(a.id, depth=1)),
    )
    subs = mini_store.subordinates(head.id, depth=1)
    category = min({s.agency.category.value for s in subs})
    view = ViewFilter.of([category])
    graph = collect(mini_store, mini_dataset, Selection(agency=head.id, depth=1, chain=True, view=view))
    kept = {s.agency.id for s in subs if s.agency.category.value == category}
    assert kept and len(kept) < len(subs)
    assert {a.id for a in graph.agencies} == {head.id} | {
        s.agency.id for s in mini_store.reporting_chain(head.id)
    } | kept


def test_a_filtered_scope_keeps_the_chosen_agencies_the_frame_and_only_lines_of_the_chosen_modes(
    mini_store, mini_dataset
) -> None:
    latest = mini_dataset.snapshot_ids()[-1]
    county = mini_dataset.bottom_jurisdictions()[0].id
    view = ViewFilter.of(["government"], ["leads"])
    graph = collect(mini_store, mini_dataset, Selection(snapshots=(latest,), jurisdiction=county, view=view))
    own = [a for a in graph.agencies if a.id not in graph.context]
    assert own and all(a.category in (Category.GOVERNMENT, Category.LEADERSHIP) for a in own)
    lines = [e for e in graph.edges if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY)]
    assert lines and all(line_mode(e) == "leads" for e in lines)
    everything = collect(mini_store, mini_dataset, Selection(snapshots=(latest,), jurisdiction=county))
    assert len(graph.agencies) < len(everything.agencies)


def test_an_empty_filter_chooses_everything(mini_store, mini_dataset) -> None:
    latest = mini_dataset.snapshot_ids()[-1]
    agencies, edges = mini_store.agencies(latest), mini_store.edges(latest)
    assert not ViewFilter().active
    assert ViewFilter().agencies(agencies, edges) == agencies and ViewFilter().lines(edges) == edges
