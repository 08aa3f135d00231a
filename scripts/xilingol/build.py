"""Build the Xilingol agencies and edges from the templates (tables.py): the region and the league, then each county.

Which line or lineage is `seed`, `public` or `modeled` is decided here where a template cannot say it alone (e.g. a
reporting line is `seed` only for the dispatched and unified lines the seed states); data/xilingol/README.md
explains each modeling choice.
"""

from __future__ import annotations

from xilingol.tables import (
    AFTER,
    BEFORE,
    BODIES,
    COORDINATION,
    COORDINATION_2018,
    COUNTIES,
    GOV,
    GUIDED,
    HOLDERS,
    LEAGUE,
    LEAGUE_LINEAGE,
    LINEAGE,
    PARTY,
    REGION,
    County,
)

SNAPSHOTS = ("2018", "2019")
LEAGUE_PARTY_NOTE = (
    "the seed says the region committee 负总责 and the counties act 在自治区党委领导下; the league committee's own line "
    "to it is general knowledge (modeled)"
)
UNIFIED_ETHNIC_NOTE = (
    "the seed says only that the united front department 统一领导民族工作 (leads ethnic work); that the ethnic "
    "affairs commission therefore reports to it (归口) is our reading (modeled)"
)
# the league seat's 2018 enforcement teams join the league's 2019 units (盟与盟所在地只设一个执法层级, seed)
SEAT_TEAMS = (
    "enforcement_market",
    "enforcement_culture",
    "enforcement_transport",
    "enforcement_agriculture",
    "enforcement_ecology",
)


def aid(place: str, snap: str, typ: str) -> str:
    return f"{place}-{snap}-{typ}"


class Builder:
    """The rows of agencies.csv and edges.csv, in the order they are written."""

    def __init__(self) -> None:
        self.agencies: list[list[str]] = []
        self.edges: list[list[str]] = []
        self.ids: set[str] = set()
        self.edge_keys: set[tuple[str, ...]] = set()

    def agency(
        self,
        place: str,
        snap: str,
        typ: str,
        names: tuple[str, str],
        cat: str,
        counts: bool,
        basis: str,
        source: str,
        note: str = "",
    ) -> str:
        ident = aid(place, snap, typ)
        assert ident not in self.ids, ident
        self.ids.add(ident)
        counted = "true" if counts else "false"
        self.agencies.append([ident, snap, place, *names, typ, cat, counted, basis, source, note])
        return ident

    def edge(
        self,
        typ: str,
        start: str,
        end: str,
        *,
        mode: str = "",
        change: str = "",
        function: str = "",
        basis: str = "modeled",
        source: str = "model-county",
        note: str = "",
    ) -> None:
        key = (typ, start, end, mode or change, function)
        if key in self.edge_keys:  # e.g. two template routes to the same fact
            return
        self.edge_keys.add(key)
        self.edges.append([typ, start, end, mode, change, function, basis, source, note])


def build() -> Builder:
    b = Builder()
    for snap in SNAPSHOTS:
        _region(b, snap)
        _league(b, snap)
    for typ in (PARTY, GOV, "ecology_environment"):
        b.edge("BECAME", aid(REGION, "2018", typ), aid(REGION, "2019", typ), change="continued", source="model-league")
    league_2018 = {row[0] for row in BODIES[("league", "2018")]}
    for old, new, change, fid in LEAGUE_LINEAGE:
        assert old in league_2018, f"league_lineage.csv: no league body {old!r} in 2018"
        b.edge(
            "BECAME",
            aid(LEAGUE, "2018", old),
            aid(LEAGUE, "2019", new),
            change=change,
            function=fid,
            source="model-league",
        )
    for county in COUNTIES:
        present = {snap: _county_agencies(b, county, snap) for snap in SNAPSHOTS}
        _county_bodies(b, county, present)
        _county_duties(b, county, present)
        _county_lineage(b, county, present)
    return b


def _region(b: Builder, snap: str) -> None:
    for typ, zh, en, cat, up, mode, basis, source in BODIES[("region", snap)]:
        b.agency(REGION, snap, typ, (zh, en), cat, False, basis, source)
        if up:  # the department menu lists the region's departments; that the government is led by the party
            # committee is general knowledge, stated by none of the sources (modeled)
            edge_basis, edge_source = ("public", "region-menu") if up == GOV else ("modeled", "model-league")
            b.edge(
                "REPORTS_TO",
                aid(REGION, snap, typ),
                aid(REGION, snap, up),
                mode=mode,
                basis=edge_basis,
                source=edge_source,
                note="" if up == GOV else "general knowledge, stated by none of the sources",
            )


def _league(b: Builder, snap: str) -> None:
    for typ, zh, en, cat, up, mode, basis, source in BODIES[("league", snap)]:
        b.agency(LEAGUE, snap, typ, (zh, en), cat, False, basis, source)
        target = aid(REGION, snap, up.split(":", 1)[1]) if up.startswith("region:") else aid(LEAGUE, snap, up)
        # modeled: the seed names the region committee (自治区党委负总责) but states no line of the league's bodies
        edge_basis, edge_source = ("modeled", "model-league")
        if snap == "2019" and typ == "ecology_environment":  # 以自治区生态环境厅为主的双重管理 (eco-vertical)
            edge_basis, edge_source = "public", "eco-vertical"
            b.edge(
                "REPORTS_TO",
                aid(LEAGUE, snap, typ),
                aid(LEAGUE, snap, GOV),
                mode="manages",
                basis="public",
                source="eco-vertical",
                note="dual management; the region department leads",
            )
        b.edge(
            "REPORTS_TO",
            aid(LEAGUE, snap, typ),
            target,
            mode=mode,
            basis=edge_basis,
            source=edge_source,
            note=LEAGUE_PARTY_NOTE if typ == PARTY else "",
        )
    # 行政公署: the autonomous region government's dispatched organ (派出机关) in the league
    b.edge(
        "REPORTS_TO",
        aid(LEAGUE, snap, GOV),
        aid(REGION, snap, GOV),
        mode="dispatched",
        basis="modeled",
        source="model-league",
        note="行政公署 is the region government's dispatched organ (派出机关)",
    )


def _county_agencies(b: Builder, county: County, snap: str) -> set[str]:
    """The county's agencies of one snapshot and their reporting lines; returns the agency types present."""
    fmt = dict(g=county.zh, p=county.zh + "委", u=county.unit, en=county.en)
    templates = [t for t in (BEFORE if snap == "2018" else AFTER) if t.applies(county)]
    types: set[str] = set()
    for t in templates:
        names = (t.zh.format(**fmt), t.en.format(**fmt))
        b.agency(county.code, snap, t.type, names, t.category, t.counts, t.basis, t.source, t.note)
        types.add(t.type)
    for t in templates:
        me = aid(county.code, snap, t.type)
        if t.up.startswith("league:"):
            target = aid(LEAGUE, snap, t.up.split(":", 1)[1])
        elif t.up in types:
            target = aid(county.code, snap, t.up)
        else:  # e.g. an enforcement team whose department is merged away here
            target = aid(county.code, snap, GOV)
        seeded = t.mode in ("dispatched", "unified") and t.basis == "seed"
        b.edge(
            "REPORTS_TO",
            me,
            target,
            mode=t.mode,
            basis="seed" if seeded else "modeled",
            source="seed" if seeded else "model-county",
        )
    # the county government is led by the county committee and by the government above (行政公署)
    b.edge("REPORTS_TO", aid(county.code, snap, GOV), aid(LEAGUE, snap, GOV), mode="leads")
    return types


def _county_bodies(b: Builder, county: County, present: dict[str, set[str]]) -> None:
    """The deliberation bodies (2018 leading groups, modeled; the ten of 2019, seed), unified leadership of ethnic
    affairs, the co-located discipline organs, plates and guidance."""
    code, after = county.code, present["2019"]
    for typ, zh, en, host, change in COORDINATION_2018:
        names = (f"{county.zh}委{zh.format(u=county.unit)}", f"{county.en} {en}")
        ident = b.agency(code, "2018", typ, names, "coordination", False, "modeled", "model-county")
        b.edge("REPORTS_TO", ident, aid(code, "2018", PARTY), mode="leads")
        host_type = host if host in present["2018"] else "government_office"
        b.edge("HOSTED_BY", ident, aid(code, "2018", host_type), mode="office_in")
        b.edge("BECAME", ident, aid(code, "2019", typ), change=change, source="model-lineage")
    for typ, zh, en, host in COORDINATION:
        names = (f"{county.zh}委{zh.format(u=county.unit)}", f"{county.en} {en}")
        ident = b.agency(code, "2019", typ, names, "coordination", False, "seed", "seed")
        b.edge("REPORTS_TO", ident, aid(code, "2019", PARTY), mode="leads")
        host_type = host if host in after else "government_office"
        b.edge(
            "HOSTED_BY",
            ident,
            aid(code, "2019", host_type),
            mode="office_in",
            note="" if host_type == host else "no separate foreign-affairs office here (modeled)",
        )
    b.edge(
        "REPORTS_TO",
        aid(code, "2019", "ethnic_affairs"),
        aid(code, "2019", "united_front"),
        mode="unified",
        source="model-county",
        note=UNIFIED_ETHNIC_NOTE,
    )
    for snap, typ in (("2019", "supervisory_commission"), ("2018", "supervision_bureau")):
        b.edge("HOSTED_BY", aid(code, snap, typ), aid(code, snap, "discipline_inspection"), mode="co_located")
    if "commerce_plate" in after:
        b.edge("HOSTED_BY", aid(code, "2019", "commerce_plate"), aid(code, "2019", "industry_it"), mode="plate")
    for typ in GUIDED:
        if typ in after:
            b.edge("REPORTS_TO", aid(code, "2019", typ), aid(LEAGUE, "2019", typ), mode="guides", source="model-league")


def _county_duties(b: Builder, county: County, present: dict[str, set[str]]) -> None:
    for snap, typ, fid, basis in HOLDERS:
        if typ in present[snap]:
            b.edge(
                "HAS_FUNCTION",
                aid(county.code, snap, typ),
                fid,
                basis=basis,
                source="seed" if basis == "seed" else "model-county",
            )


def _county_lineage(b: Builder, county: County, present: dict[str, set[str]]) -> None:
    """BECAME edges 2018 -> 2019 (all modeled): the template's, the county's own mergers, then `continued`."""
    code, before, after = county.code, present["2018"], present["2019"]
    explicit_old: set[str] = set()
    explicit_new: set[str] = set()
    for old, new, change, fid in LINEAGE:
        if new == "forestry_grassland" and not county.forestry:
            new = "natural_resources"  # 二连浩特: no separate forestry department (seed); modeled destination
            change = "merged" if change == "renamed" else change
        if old not in before or new not in after:
            continue
        b.edge(
            "BECAME",
            aid(code, "2018", old),
            aid(code, "2019", new),
            change=change,
            function=fid,
            basis="modeled",
            source="model-lineage",
        )
        if change != "transferred":
            explicit_old.add(old)
            explicit_new.add(new)
    if "science" in county.merges:
        b.edge(
            "BECAME",
            aid(code, "2018", "science_technology"),
            aid(code, "2019", "industry_it"),
            change="merged",
            source="model-lineage",
        )
        explicit_old.add("science_technology")
    if "commerce" in county.merges:
        b.edge(
            "BECAME",
            aid(code, "2018", "commerce"),
            aid(code, "2019", "commerce_plate"),
            change="renamed",
            source="model-lineage",
            note="now a plate on the industry bureau",
        )
        explicit_old.add("commerce")
        explicit_new.add("commerce_plate")
    if county.league_seat:  # one enforcement level with the league (seed): the city teams join the league's
        for typ in SEAT_TEAMS:
            b.edge("BECAME", aid(code, "2018", typ), aid(LEAGUE, "2019", typ), change="merged", source="model-lineage")
            explicit_old.add(typ)
    for typ in sorted(before & after - explicit_old - explicit_new):
        b.edge("BECAME", aid(code, "2018", typ), aid(code, "2019", typ), change="continued", source="model-lineage")
