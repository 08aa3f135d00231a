"""Synthetic datasets for benchmarks: N counties of ~37 agencies, a league, two snapshots with a reform between.

Deterministic by seed. Each county, per snapshot: a party committee and a government (leading to the league's,
which lead to the region's), party organs and government departments, institutions managed by departments
(chains of depth 4), a coordination body hosted by a department, an ecology body (a county department in
2018, dispatched to the league ecology bureau in 2019). The reform merges two departments, renames one, splits
one, abolishes one, establishes emergency management (with a transferred function) and continues the rest.

    dataset = make_synthetic(100_000, seed=1)      # about 100k agencies over both snapshots
    write_synthetic_csv(dataset, Path("/tmp/syn"))  # the docs/data-format.md layout, loadable by loaders
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from graph.model import (
    Agency,
    AttributeDef,
    Basis,
    Category,
    Change,
    Dataset,
    Edge,
    Function,
    Jurisdiction,
    LevelDef,
    RelType,
    Snapshot,
    SnapshotRole,
    Source,
)
from loaders.rows import CSV_COLUMNS, LEGACY_ATTRIBUTES

__all__ = ["make_synthetic", "write_synthetic_csv"]

LEVELS = ("region", "league", "county")
#: The format-1 attribute columns (declared implicitly by a manifest without [[levels]]).
ATTRIBUTES = tuple(
    AttributeDef(a["id"], a["type"], tuple(a.get("values", ())), a["label_zh"], a["label_en"])
    for a in LEGACY_ATTRIBUTES
)

SNAPSHOTS = (
    Snapshot("2018", "2018-12-31", SnapshotRole.BEFORE, "改革前", "Before"),
    Snapshot("2019", "2019-03-31", SnapshotRole.AFTER, "改革后", "After"),
)
SOURCE = "synthetic"
PER_COUNTY = 37  # agencies per county and snapshot, about
FUNCTIONS = tuple(Function(f"fn{i:02d}", f"职能{i}", f"Function {i}", Basis.MODELED, SOURCE) for i in range(24))

# (suffix, category, counts, reports-to suffix or "", mode)
_TOP = [("party", Category.LEADERSHIP, False, "", ""), ("gov", Category.LEADERSHIP, False, "", "")]
_PARTY = [(f"p{i}", Category.PARTY, True, "party", "leads") for i in range(8)]
_GOV = [(f"g{i:02d}", Category.GOVERNMENT, True, "gov", "leads") for i in range(20)]
_INST = [(f"i{i}", Category.INSTITUTION, False, f"g{i:02d}", "manages") for i in range(3)]
_MISC = [
    ("disc", Category.DISCIPLINE, True, "party", "leads"),
    ("coord", Category.COORDINATION, False, "party", "leads"),
    ("enf", Category.ENFORCEMENT, False, "g05", "manages"),
]
_BEFORE = _TOP + _PARTY + _GOV + _INST + _MISC + [("eco", Category.GOVERNMENT, True, "gov", "leads")]
# after: g10+g11 merge into g10m, g12 renamed g12r, g13 split into g13a/g13b, g14 abolished, emg established
_AFTER_GOV = [t for t in _GOV if t[0] not in {"g10", "g11", "g12", "g13", "g14"}] + [
    ("g10m", Category.GOVERNMENT, True, "gov", "leads"),
    ("g12r", Category.GOVERNMENT, True, "gov", "leads"),
    ("g13a", Category.GOVERNMENT, True, "gov", "leads"),
    ("g13b", Category.GOVERNMENT, True, "gov", "leads"),
    ("emg", Category.GOVERNMENT, True, "gov", "leads"),
]
_AFTER = _TOP + _PARTY + _AFTER_GOV + _INST + _MISC + [("eco", Category.OTHER, False, "", "dispatched")]
_LINEAGE = [
    ("g10", "g10m", Change.MERGED),
    ("g11", "g10m", Change.MERGED),
    ("g12", "g12r", Change.RENAMED),
    ("g13", "g13a", Change.SPLIT),
    ("g13", "g13b", Change.SPLIT),
]
_GONE = {"g10", "g11", "g12", "g13", "g14"}


def make_synthetic(n_agencies: int, *, seed: int = 0) -> Dataset:
    """About `n_agencies` agencies over both snapshots (at least one county)."""
    rnd = random.Random(seed)
    m = Basis.MODELED
    counties = max(1, round(n_agencies / (len(_BEFORE) + len(_AFTER))))
    jurisdictions = [
        Jurisdiction("region", "合成自治区", "Synthetic Region", "region", None, m, SOURCE),
        Jurisdiction("league", "合成盟", "Synthetic League", "league", "region", m, SOURCE),
    ]
    agencies: list[Agency] = []
    edges: list[Edge] = [Edge(RelType.IN, "league", "region", m, SOURCE)]

    def add(aid: str, snap: str, jid: str, zh: str, en: str, typ: str, cat: Category, counts: bool) -> None:
        agencies.append(Agency(aid, snap, jid, zh, en, typ, cat, counts, m, SOURCE))
        edges.append(Edge(RelType.IN, aid, jid, m, SOURCE))

    def rep(start: str, end: str, mode: str) -> None:
        edges.append(Edge(RelType.REPORTS_TO, start, end, m, SOURCE, mode=mode))

    for snap in ("2018", "2019"):  # region and league bodies
        for level, jid in (("region", "region"), ("league", "league")):
            for suffix, zh in (("party", "党委"), ("gov", "政府"), ("eco", "生态环境局")):
                add(
                    f"{snap}-{jid}-{suffix}",
                    snap,
                    jid,
                    f"合成{level}{zh}",
                    f"{level} {suffix}",
                    suffix,
                    Category.GOVERNMENT if suffix == "eco" else Category.LEADERSHIP,
                    False,
                )
        rep(f"{snap}-league-party", f"{snap}-region-party", "leads")
        rep(f"{snap}-league-gov", f"{snap}-region-gov", "leads")
        rep(f"{snap}-league-eco", f"{snap}-league-gov", "leads")
        rep(f"{snap}-region-eco", f"{snap}-region-gov", "leads")
        rep(f"{snap}-region-gov", f"{snap}-region-party", "leads")
    for suffix in ("party", "gov", "eco"):
        for jid in ("region", "league"):
            edges.append(
                Edge(RelType.BECAME, f"2018-{jid}-{suffix}", f"2019-{jid}-{suffix}", m, SOURCE, change=Change.CONTINUED)
            )

    for c in range(counties):
        jid = f"c{c:06d}"
        jurisdictions.append(
            Jurisdiction(
                jid,
                f"合成县{c}",
                f"County {c}",
                "county",
                "league",
                m,
                SOURCE,
                agency_quota=33,
                attributes=(
                    ("size_class", "large"),
                    ("border", c % 5 == 0),
                    ("poverty", "none" if c % 3 else "regional"),
                ),
            )
        )
        edges.append(Edge(RelType.IN, jid, "league", m, SOURCE))
        for snap, template in (("2018", _BEFORE), ("2019", _AFTER)):
            prefix = f"{snap}-{jid}-"
            for suffix, cat, counts, parent, mode in template:
                aid = prefix + suffix
                add(aid, snap, jid, f"合成县{c}{suffix}机构", f"County {c} {suffix}", suffix, cat, counts)
                if suffix == "party":
                    rep(aid, f"{snap}-league-party", "leads")
                elif suffix == "gov":
                    rep(aid, f"{snap}-league-gov", "leads")
                    rep(aid, prefix + "party", "leads")
                elif mode == "dispatched":
                    rep(aid, f"{snap}-league-eco", "dispatched")
                else:
                    rep(aid, prefix + parent, mode)
                if cat is Category.GOVERNMENT and rnd.random() < 0.5:
                    edges.append(Edge(RelType.HAS_FUNCTION, aid, rnd.choice(FUNCTIONS).id, m, SOURCE))
            edges.append(Edge(RelType.HOSTED_BY, prefix + "coord", prefix + "g03", m, SOURCE, mode="office_in"))
        before, after = f"2018-{jid}-", f"2019-{jid}-"
        for suffix, *_ in _BEFORE:
            if suffix not in _GONE:
                edges.append(Edge(RelType.BECAME, before + suffix, after + suffix, m, SOURCE, change=Change.CONTINUED))
        for old, new, change in _LINEAGE:
            edges.append(Edge(RelType.BECAME, before + old, after + new, m, SOURCE, change=change))
        edges.append(
            Edge(
                RelType.BECAME,
                before + "g07",
                after + "emg",
                m,
                SOURCE,
                change=Change.TRANSFERRED,
                function=FUNCTIONS[c % len(FUNCTIONS)].id,
            )
        )

    return Dataset(
        id=f"synthetic-{n_agencies}-{seed}",
        title_zh="合成数据集",
        title_en="Synthetic dataset",
        snapshots=SNAPSHOTS,
        sources=(Source(SOURCE, "Synthetic benchmark data", Basis.MODELED),),
        jurisdictions=tuple(jurisdictions),
        agencies=tuple(agencies),
        functions=FUNCTIONS,
        edges=tuple(edges),
        levels=tuple(LevelDef(level, rank, level, level) for rank, level in enumerate(LEVELS, start=1)),
        attributes=ATTRIBUTES,
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "value", value))


def write_synthetic_csv(dataset: Dataset, folder: Path) -> Path:
    """Write `dataset` in the docs/data-format.md layout (manifest.toml + four CSV files)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f'id = "{dataset.id}"', f'title_zh = "{dataset.title_zh}"', f'title_en = "{dataset.title_en}"', ""]
    for s in dataset.snapshots:
        lines += [
            "[[snapshots]]",
            f'id = "{s.id}"',
            f'date = "{s.date}"',
            f'role = "{s.role.value}"',
            f'label_zh = "{s.label_zh}"',
            f'label_en = "{s.label_en}"',
            "",
        ]
    for src in dataset.sources:
        lines += ["[[sources]]", f'id = "{src.id}"', f'basis = "{src.basis.value}"', f'title = "{src.title}"', ""]
    (folder / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")

    def write(name: str, header: list[str], rows: object) -> None:
        with open(folder / name, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)  # type: ignore[arg-type]

    for name, items in (
        ("jurisdictions.csv", dataset.jurisdictions),
        ("agencies.csv", dataset.agencies),
        ("functions.csv", dataset.functions),
    ):
        columns = CSV_COLUMNS[name]
        if name == "jurisdictions.csv":  # + the attribute columns, which the row models do not know
            extra = [a.id for a in dataset.attributes]
            write(
                name,
                [*columns, *extra],
                ([_cell(getattr(j, c)) for c in columns] + [_cell(j.attribute(c)) for c in extra] for j in items),
            )
            continue
        write(name, list(columns), ([_cell(getattr(item, c)) for c in columns] for item in items))
    edge_attrs = [{"from": "start", "to": "end"}.get(c, c) for c in CSV_COLUMNS["edges.csv"]]
    write(
        "edges.csv",
        list(CSV_COLUMNS["edges.csv"]),
        ([_cell(getattr(e, attr)) for attr in edge_attrs] for e in dataset.edges if e.type is not RelType.IN),
    )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic dataset folder.")
    parser.add_argument("n", type=int, help="about how many agencies (both snapshots)")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_synthetic_csv(make_synthetic(args.n, seed=args.seed), args.folder)


if __name__ == "__main__":
    main()
