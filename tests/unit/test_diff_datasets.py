"""The diff of real datasets (mini and data/xilingol): the changes each README lists, and every county ecology body
turning into a dispatched office of the league."""

from __future__ import annotations

import pytest

from graph.diff.compare import SnapshotData, diff_snapshots
from graph.diff.report import summaries
from graph.model import Dataset, RelType

#: every test here runs on both diff implementations (tests/unit/conftest.py)
pytestmark = pytest.mark.usefixtures("diff_path")


def ids(agencies) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.id for a in agencies]


# ---- the mini dataset, on both backends ---------------------------------------------------------------------
def _pure(dataset: Dataset, scope: str | None = None):
    return diff_snapshots(
        SnapshotData.from_dataset(dataset, "2018"),
        SnapshotData.from_dataset(dataset, "2019"),
        dataset.jurisdictions,
        scope=scope,
    )


def test_mini_known_changes(mini_dataset: Dataset) -> None:
    """The lineage answers the mini README lists (grain has no successor; religion only hands over a duty)."""
    d = _pure(mini_dataset)
    assert ids(d.established) == ["m19-xh-veterans"]
    assert ids(d.abolished) == ["m18-xh-grain", "m18-xh-religion"]
    assert [(ids(m.sources), m.target.id) for m in d.merged] == [
        (["m18-xh-flood", "m18-xh-safety"], "m19-xh-emergency")
    ]
    assert [(s.source.id, ids(s.targets)) for s in d.split] == [("m18-xh-landres", ["m19-xh-forest", "m19-xh-nr"])]
    became = mini_dataset.edges_of(RelType.BECAME)
    assert {(p.before.id, p.after.id) for p in d.renamed} == {
        (e.start, e.end) for e in became if e.change and e.change.value == "renamed"
    }
    assert len(d.continued) == sum(1 for e in became if e.change and e.change.value == "continued")
    assert {(t.source.id, t.function) for t in d.transferred} == {
        ("m18-xh-religion", "religious_affairs"),
        ("m18-xh-culture", "film_administration"),
    }


def test_every_county_ecology_body_becomes_dispatched_in_mini(
    mini_dataset: Dataset,
) -> None:
    assert_ecology_dispatched(mini_dataset)


def assert_ecology_dispatched(dataset: Dataset) -> None:
    """Every after-snapshot county ecology body with a predecessor shows a new `dispatched` line to the league."""
    d = _pure(dataset)
    counties = {j.id for j in dataset.jurisdictions if j.level == "county"}
    bodies = {
        a.id
        for a in dataset.agencies
        if a.snapshot == d.after and a.jurisdiction in counties and a.type == "ecology_environment"
    }
    assert bodies, "the dataset has county ecology bodies"
    dispatched = {
        r.after.id
        for r in d.reporting
        if any(link.mode == "dispatched" and link.target.jurisdiction not in counties for link in r.added)
    }
    assert bodies <= dispatched


# ---- the Xilingol dataset ----------------------------------------------------------------------------------------
def test_xilingol_reports_every_county_ecology_body_turning_dispatched(
    xilingol_dataset: Dataset,
) -> None:
    assert_ecology_dispatched(xilingol_dataset)


def test_xilingol_summary_per_county(xilingol_dataset: Dataset) -> None:
    d = _pure(xilingol_dataset)
    by_id = {s.jurisdiction: s for s in summaries(d)}
    for county in xilingol_dataset.bottom_jurisdictions():
        if county.id in by_id:
            assert by_id[county.id].zh.startswith(f"{county.name_zh}：新设 ")
            assert f"（限额 {county.agency_quota}" in by_id[county.id].zh
    assert {c.id for c in xilingol_dataset.bottom_jurisdictions()} <= set(by_id)
