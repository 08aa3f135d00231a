"""Hand-made worlds for the diff and rule tests: a region, the league and two counties, two snapshots.

Each test adds exactly the agencies and edges it needs, so every expected answer can be read off the test.
"""

from __future__ import annotations

from graph.diff.compare import SnapshotData
from graph.model import (
    Agency,
    Basis,
    Category,
    Change,
    Dataset,
    Edge,
    Jurisdiction,
    RelType,
    Snapshot,
    SnapshotRole,
    Source,
)
from graph.rules.base import RuleContext

REGION, LEAGUE, XH, EL = (
    "nmg",
    "xlgl",
    "xh",
    "el",
)  # 镶黄旗 is on the poverty list; 二连浩特市 on the border list


def _county(jid: str, zh: str, en: str, quota: int) -> Jurisdiction:
    return Jurisdiction(
        jid,
        zh,
        en,
        "county",
        LEAGUE,
        Basis.SEED,
        "seed",
        quota,
        attributes=(("size_class", "small"), ("border", False), ("poverty", "none")),
    )


class World:
    """A dataset under construction; `add` returns the agency id so edges read like the sentence they model."""

    def __init__(self, *, quota: int = 3) -> None:
        self.jurisdictions = [
            Jurisdiction(
                REGION,
                "内蒙古自治区",
                "Inner Mongolia",
                "region",
                None,
                Basis.PUBLIC,
                "src",
            ),
            Jurisdiction(
                LEAGUE,
                "锡林郭勒盟",
                "Xilingol League",
                "league",
                REGION,
                Basis.PUBLIC,
                "src",
            ),
            _county(XH, "镶黄旗", "Bordered Yellow Banner", quota),
            _county(EL, "二连浩特市", "Erenhot City", quota),
        ]
        self.agencies: list[Agency] = []
        self.edges: list[Edge] = []

    def add(
        self,
        aid: str,
        snapshot: str = "2019",
        jurisdiction: str = XH,
        *,
        type: str = "office",
        category: Category = Category.GOVERNMENT,
        counted: bool = True,
        name_zh: str | None = None,
        name_en: str | None = None,
        source: str = "src",
    ) -> str:
        self.agencies.append(
            Agency(
                aid,
                snapshot,
                jurisdiction,
                name_zh or f"机构{aid}",
                name_en or f"Agency {aid}",
                type,
                category,
                counted,
                Basis.MODELED,
                source,
            )
        )
        return aid

    def rep(self, start: str, end: str, mode: str = "leads", source: str = "src") -> None:
        self.edges.append(Edge(RelType.REPORTS_TO, start, end, Basis.MODELED, source, mode=mode))

    def host(self, start: str, end: str, mode: str = "office_in") -> None:
        self.edges.append(Edge(RelType.HOSTED_BY, start, end, Basis.MODELED, "src", mode=mode))

    def became(
        self,
        start: str,
        end: str,
        change: str = "continued",
        function: str | None = None,
    ) -> None:
        self.edges.append(
            Edge(
                RelType.BECAME,
                start,
                end,
                Basis.MODELED,
                "src",
                change=Change(change),
                function=function,
            )
        )

    def dataset(self, dataset_id: str = "diff-test") -> Dataset:
        return Dataset(
            id=dataset_id,
            title_zh="测试",
            title_en="test",
            snapshots=(
                Snapshot("2018", "2018-12-31", SnapshotRole.BEFORE),
                Snapshot("2019", "2019-03-31", SnapshotRole.AFTER),
            ),
            sources=(
                Source("src", "modeling note", Basis.MODELED),
                Source("seed", "seed article", Basis.SEED),
            ),
            jurisdictions=tuple(self.jurisdictions),
            agencies=tuple(self.agencies),
            functions=(),
            edges=tuple(self.edges),
        )

    def data(self, snapshot: str) -> SnapshotData:
        return SnapshotData.from_dataset(self.dataset(), snapshot)

    def context(self, snapshot: str = "2019") -> RuleContext:
        data = self.data(snapshot)
        ds = self.dataset()
        return RuleContext(snapshot, data.agencies, data.edges, ds.jurisdictions, ds.sources)
