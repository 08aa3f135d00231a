"""A tiny hand-made dataset whose reform changes are known, for tests that must know the right answer.

Xianghuang (xh): land + planning bureaus MERGED into natural resources; the environment bureau CONTINUED
but now reports to the league bureau as its dispatched branch (REPORTING changed); the audit bureau was
RENAMED; the archives bureau was REMOVED; emergency management was ADDED; the party committee and the
organisation department are UNCHANGED. One agency has a hostile name (XSS, quotes, backslash, newline).
"""

from __future__ import annotations

from graph.model import (
    Agency,
    Basis,
    Category,
    Change,
    Dataset,
    Edge,
    Function,
    Jurisdiction,
    RelType,
    Snapshot,
    SnapshotRole,
    Source,
)

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_NAME_EN = "Bureau \"Q\" 'single' \\N back\\slash\nnewline & more"

EXPECTED_CHANGES = {
    "2018-xh-land": "merged_away",  # merge sources end; the target is the new body
    "2018-xh-plan": "merged_away",
    "2019-xh-nr": "merged",
    "2018-xh-env": "moved",  # a county bureau become the league bureau's dispatched branch
    "2019-xh-env": "moved",
    "2018-xh-audit": "renamed",
    "2019-xh-audit": "renamed",
    "2018-xh-archives": "removed",
    "2019-xh-em": "added",
    "2019-xh-hostile": "added",
    "2018-xh-party": "unchanged",
    "2019-xh-party": "unchanged",
    "2018-xh-gov": "unchanged",
    "2019-xh-gov": "unchanged",
    "2018-xh-org": "unchanged",
    "2019-xh-org": "unchanged",
}


def changes_dataset(dataset_id: str = "export-changes") -> Dataset:
    sources = (
        Source(
            "seed",
            "自治区党委审核批准锡林郭勒盟各旗县(市)机构改革方案",
            Basis.SEED,
            "2019-01-20",
            "",
            "锡林郭勒盟机构编制网",
        ),
        Source("model", "建模说明 modeling note", Basis.MODELED),
    )
    snapshots = (
        Snapshot("2018", "2018-12-31", SnapshotRole.BEFORE, "改革前", "Before the reform"),
        Snapshot("2019", "2019-03-31", SnapshotRole.AFTER, "改革后", "After the reform"),
    )
    jurisdictions = (
        Jurisdiction("xlgl", "锡林郭勒盟", "Xilingol League", "league", None, Basis.SEED, "seed"),
        Jurisdiction(
            "xh",
            "镶黄旗",
            "Xianghuang Banner",
            "county",
            "xlgl",
            Basis.SEED,
            "seed",
            24,
            attributes=(("size_class", "small"), ("border", True), ("poverty", "none")),
        ),
    )
    agencies: list[Agency] = []

    def agency(
        aid: str,
        snap: str,
        jur: str,
        zh: str,
        en: str,
        kind: str,
        cat: Category,
        basis: Basis = Basis.SEED,
        quota: bool = True,
    ) -> None:
        agencies.append(
            Agency(aid, snap, jur, zh, en, kind, cat, quota, basis, "model" if basis is Basis.MODELED else "seed")
        )

    for s in ("2018", "2019"):
        agency(
            f"{s}-xlgl-gov", s, "xlgl", "锡林郭勒盟行政公署", "League Administration", "government", Category.LEADERSHIP
        )
        agency(
            f"{s}-xlgl-env",
            s,
            "xlgl",
            "盟生态环境局" if s == "2019" else "盟环境保护局",
            "League Environment Bureau",
            "ecology_environment",
            Category.GOVERNMENT,
        )
        agency(
            f"{s}-xh-party", s, "xh", "镶黄旗委员会", "Banner Party Committee", "party_committee", Category.LEADERSHIP
        )
        agency(f"{s}-xh-gov", s, "xh", "镶黄旗人民政府", "Banner Government", "government", Category.LEADERSHIP)
        agency(f"{s}-xh-org", s, "xh", "旗委组织部", "Organisation Department", "organization", Category.PARTY)
        agency(
            f"{s}-xh-env",
            s,
            "xh",
            "旗环境保护局" if s == "2018" else "盟生态环境局镶黄旗分局",
            "Environment Bureau",
            "ecology_environment",
            Category.GOVERNMENT,
        )
    agency("2018-xh-audit", "2018", "xh", "旗审计局", "Audit Bureau", "audit", Category.GOVERNMENT)
    agency("2019-xh-audit", "2019", "xh", "旗审计办公室", "Audit Office", "audit", Category.GOVERNMENT, Basis.MODELED)
    agency("2018-xh-land", "2018", "xh", "旗国土资源局", "Land Resources Bureau", "land", Category.GOVERNMENT)
    agency("2018-xh-plan", "2018", "xh", "旗规划局", "Planning Bureau", "planning", Category.GOVERNMENT)
    agency("2018-xh-archives", "2018", "xh", "旗档案局", "Archives Bureau", "archives", Category.INSTITUTION)
    agency(
        "2019-xh-nr", "2019", "xh", "旗自然资源局", "Natural Resources Bureau", "natural_resources", Category.GOVERNMENT
    )
    agency("2019-xh-em", "2019", "xh", "旗应急管理局", "Emergency Management Bureau", "emergency", Category.GOVERNMENT)
    agency(
        "2019-xh-hostile", "2019", "xh", HOSTILE_NAME, HOSTILE_NAME_EN, "other", Category.OTHER, Basis.MODELED, False
    )

    functions = (Function("religious_affairs", "宗教事务", "Religious affairs", Basis.SEED, "seed"),)
    edges: list[Edge] = []

    def rel(
        kind: RelType,
        a: str,
        b: str,
        *,
        mode: str | None = None,
        change: Change | None = None,
        basis: Basis = Basis.SEED,
        function: str | None = None,
    ) -> None:
        edges.append(
            Edge(
                kind,
                a,
                b,
                basis,
                "model" if basis is Basis.MODELED else "seed",
                mode=mode,
                change=change,
                function=function,
            )
        )

    for s in ("2018", "2019"):
        rel(RelType.REPORTS_TO, f"{s}-xlgl-env", f"{s}-xlgl-gov", mode="leads")
        rel(RelType.REPORTS_TO, f"{s}-xh-org", f"{s}-xh-party", mode="leads")
        rel(RelType.REPORTS_TO, f"{s}-xh-audit", f"{s}-xh-gov", mode="leads")
    rel(RelType.REPORTS_TO, "2018-xh-env", "2018-xh-gov", mode="leads")
    rel(RelType.REPORTS_TO, "2018-xh-env", "2018-xlgl-env", mode="guides")
    rel(RelType.REPORTS_TO, "2019-xh-env", "2019-xlgl-env", mode="dispatched")
    for a in ("2018-xh-land", "2018-xh-plan", "2018-xh-archives"):
        rel(RelType.REPORTS_TO, a, "2018-xh-gov", mode="leads")
    rel(RelType.REPORTS_TO, "2019-xh-nr", "2019-xh-gov", mode="leads")
    rel(RelType.REPORTS_TO, "2019-xh-em", "2019-xh-gov", mode="leads")
    rel(RelType.REPORTS_TO, "2019-xh-hostile", "2019-xh-gov", mode="unified", basis=Basis.MODELED)
    rel(RelType.HOSTED_BY, "2019-xh-hostile", "2019-xh-em", mode="office_in", basis=Basis.MODELED)
    rel(RelType.HAS_FUNCTION, "2019-xh-org", "religious_affairs")
    for k in ("party", "gov", "org", "env"):
        rel(RelType.BECAME, f"2018-xh-{k}", f"2019-xh-{k}", change=Change.CONTINUED)
    for k in ("gov", "env"):
        rel(RelType.BECAME, f"2018-xlgl-{k}", f"2019-xlgl-{k}", change=Change.CONTINUED)
    rel(RelType.BECAME, "2018-xh-audit", "2019-xh-audit", change=Change.RENAMED)
    rel(RelType.BECAME, "2018-xh-land", "2019-xh-nr", change=Change.MERGED)
    rel(RelType.BECAME, "2018-xh-plan", "2019-xh-nr", change=Change.MERGED)
    rel(
        RelType.BECAME,
        "2018-xh-gov",
        "2019-xh-org",
        change=Change.TRANSFERRED,
        function="religious_affairs",
        basis=Basis.MODELED,
    )
    edges += [Edge(RelType.IN, a.id, a.jurisdiction, a.basis, a.source) for a in agencies]
    edges += [Edge(RelType.IN, j.id, j.parent, j.basis, j.source) for j in jurisdictions if j.parent]
    return Dataset(
        dataset_id,
        "测试数据集：变化分类",
        "Test dataset: change classes",
        snapshots,
        sources,
        jurisdictions,
        tuple(agencies),
        functions,
        tuple(edges),
    )
