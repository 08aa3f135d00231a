"""The Xilingol templates (the CSV and TOML files next to this module), read into the shapes the builder uses.

Each template is a table an analyst can edit in a spreadsheet (scripts/xilingol/README.md says what each column
means). What the seed article states is `seed`, what another cited page states `public`, the rest `modeled`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from templates import flag, read_csv, read_toml

HERE = Path(__file__).resolve().parent
REGION, LEAGUE = "150000", "152500"
PARTY = "party_committee"
GOV = "government"


@dataclass(frozen=True)
class County:
    """One of the twelve county-level units (seed: classes, quotas, the special-department lists)."""

    code: str
    zh: str
    en: str
    size: str
    quota: int
    border: bool  # the 5 border banners/cities that keep a separate foreign-affairs department (seed)
    poverty: str  # national | regional | none (the 8 "国贫、区贫" banners: seed; which is which: public)
    merges: tuple[str, ...] = ()  # modeled mergers that bring the counted agencies down to the quota
    city_management: bool = False  # 城市管理综合行政执法局 (public: existed in 锡林浩特 and 二连浩特)
    literal_en: str = ""  # the literal translation of a banner name whose official English is pinyin

    @property
    def unit(self) -> str:
        return self.zh[-1]  # 旗 / 市 / 县

    @property
    def forestry(self) -> bool:  # seed: a separate forestry-and-grassland department everywhere but 二连浩特市
        return self.zh != "二连浩特市"

    @property
    def poverty_office(self) -> bool:
        return self.poverty != "none"

    @property
    def league_seat(self) -> bool:
        return self.zh == "锡林浩特市"


def applies(when: str, county: County) -> bool:
    """A template row's `when` condition: empty (every county), a county property, or `merged:X` / `not_merged:X`
    (one of the county's modeled mergers)."""
    if not when:
        return True
    kind, _, merge = when.partition(":")
    if kind == "merged":
        return merge in county.merges
    if kind == "not_merged":
        return merge not in county.merges
    named = {
        "border": county.border,
        "poverty_office": county.poverty_office,
        "forestry": county.forestry,
        "city_management": county.city_management,
        "not_league_seat": not county.league_seat,  # the league seat has one enforcement level with the league
    }
    if when not in named:
        raise ValueError(f"unknown condition {when!r}; use one of {', '.join(named)}, merged:X or not_merged:X")
    return named[when]


@dataclass(frozen=True)
class T:
    """One agency of a county in one snapshot. zh/en are formats: {g} county name, {p} county party prefix
    (镶黄旗委), {u} 旗/市/县, {en} English county name."""

    type: str
    zh: str
    en: str
    category: str
    counts: bool
    up: str  # the type it reports to in the same county, or "league:TYPE"
    mode: str
    basis: str
    source: str
    when: str
    note: str

    def applies(self, county: County) -> bool:
        return applies(self.when, county)


def _counties() -> tuple[County, ...]:
    return tuple(
        County(
            r["code"],
            r["name_zh"],
            r["name_en"],
            r["size_class"],
            int(r["quota"]),
            flag(r["border"]),
            r["poverty"],
            tuple(r["merges"].split()),
            flag(r["city_management"]),
            r["literal_en"],
        )
        for r in read_csv(HERE / "counties.csv")
    )


def _templates(snapshot: str) -> list[T]:
    rows = read_csv(HERE / f"county_{snapshot}.csv")
    keys = ("up", "mode", "basis", "source", "when", "note")
    out = [
        T(r["type"], r["name_zh"], r["name_en"], r["category"], flag(r["counts"]), *(r[k] for k in keys)) for r in rows
    ]
    for t in out:
        applies(t.when, COUNTIES[0])  # an unknown condition fails here, not halfway through the build
    return out


def _rows(name: str, *columns: str) -> list[tuple[str, ...]]:
    return [tuple(r[c] for c in columns) for r in read_csv(HERE / name)]


def _bodies() -> dict[tuple[str, str], list[tuple[str, ...]]]:
    """(level, snapshot) -> the region's or the league's bodies: (type, zh, en, category, up, mode, basis, source)."""
    out: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    columns = ("type", "name_zh", "name_en", "category", "up", "mode", "basis", "source")
    for r in read_csv(HERE / "region_league.csv"):
        out.setdefault((r["level"], r["snapshot"]), []).append(tuple(r[c] for c in columns))
    return out


COUNTIES = _counties()
BEFORE = _templates("2018")
AFTER = _templates("2019")
# The ten deliberation and coordination bodies (seed) and the office that serves each (hosts: modeled).
COORDINATION = _rows("coordination_2019.csv", "type", "name_zh", "name_en", "office_in")
# Their 2018 forerunners (modeled): (type, zh, en, office host in 2018, change to the 2019 body of the same type).
COORDINATION_2018 = _rows("coordination_2018.csv", "type", "name_zh", "name_en", "office_in", "change_2019")
# Lineage 2018 -> 2019 by the national merger template (modeled): (old type, new type, change, function or "").
LINEAGE = _rows("lineage.csv", "old", "new", "change", "function")
FUNCTIONS = _rows("functions.csv", "id", "name_zh", "name_en", "basis")
# Who holds which duty (HAS_FUNCTION), by agency type: (snapshot, type, function, basis).
HOLDERS = _rows("holders.csv", "snapshot", "type", "function", "basis")
BODIES = _bodies()
# The league's own lineage (modeled): (old type, new type, change, function or "").
LEAGUE_LINEAGE = _rows("league_lineage.csv", "old", "new", "change", "function")
# County bodies that are professionally guided (业务指导) by their league counterpart in 2019 (modeled).
GUIDED = [r["type"] for r in read_csv(HERE / "guided.csv")]
SOURCES: list[dict[str, Any]] = read_toml(HERE / "sources.toml")["sources"]
DATASET_META = read_toml(HERE / "dataset.toml")
