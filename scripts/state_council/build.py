"""Build the State Council agencies and edges from the templates (tables.py): every member of every snapshot, its
reporting or hosting line, the lineage the sources state, and `continued` (modeled) for the rest.

How a row gets its basis (data/state-council/README.md): `public` when a cited text names the body in that state or
states the change; `modeled`, with a note, for our inferences (a body in place between two lists, an identity by
unchanged name, a party department's reporting line).
"""

from __future__ import annotations

from state_council.tables import (
    CATALOG,
    CD,
    CN,
    DEFAULT_NOTES,
    LINE_SOURCE,
    LINEAGE,
    NEXT,
    SNAPSHOT_MEMBERS,
    M,
    basis_of,
)


def aid(snap: str, key: str) -> str:
    return f"{snap}-{key}"


class Builder:
    """The rows of agencies.csv and edges.csv, in the order they are written."""

    def __init__(self) -> None:
        self.agencies: list[list[str]] = []
        self.edges: list[list[str]] = []
        self.ids: set[str] = set()
        self.keys: dict[str, set[str]] = {}
        self.edge_keys: set[tuple[str, ...]] = set()

    def agency(self, snap: str, m: M) -> None:
        zh, en, typ, cat = CATALOG[m.key]
        ident = aid(snap, m.key)
        assert ident not in self.ids, ident
        self.ids.add(ident)
        self.keys.setdefault(snap, set()).add(m.key)
        self.agencies.append([ident, snap, CN, zh, en, typ, cat, m.cls, "false", basis_of(m.source), m.source, m.note])

    def edge(
        self,
        typ: str,
        start: str,
        end: str,
        *,
        mode: str = "",
        change: str = "",
        function: str = "",
        source: str,
        note: str = "",
    ) -> None:
        key = (typ, start, end, mode or change, function)
        assert key not in self.edge_keys, key
        assert start in self.ids and (typ == "HAS_FUNCTION" or end in self.ids), (start, end)
        self.edge_keys.add(key)
        if not note and basis_of(source) == "modeled":
            note = DEFAULT_NOTES[source]
        self.edges.append([typ, start, end, mode, change, function, basis_of(source), source, note])


def build() -> Builder:
    b = Builder()
    for snap, members in SNAPSHOT_MEMBERS.items():
        for m in members:
            b.agency(snap, m)
    for snap, members in SNAPSHOT_MEMBERS.items():
        for m in members:
            if m.up:
                _line(b, snap, m)
    stated: set[tuple[str, str, str]] = set()
    for snap, old, new, change, function, source, note in LINEAGE:
        b.edge(
            "BECAME", aid(snap, old), aid(NEXT[snap], new), change=change, function=function, source=source, note=note
        )
        if change != "transferred":
            stated.add((snap, old, new))
    _continued(b, stated)
    return b


def _line(b: Builder, snap: str, m: M) -> None:
    """A member's reporting line (REPORTS_TO) or, for a plate, its host (HOSTED_BY)."""
    source, note = LINE_SOURCE.get((snap, m.key), (m.source, ""))
    if m.up == "cpc_central":  # a party department's line to the Central Committee: general knowledge
        source, note = "model-party", ""
    elif snap == "2017" and m.cls != CD and basis_of(source) == "public" and (snap, m.key) not in LINE_SOURCE:
        # the row's source names the body before 2018; its class and line are those the 2013 notices list
        source, note = "notices-2013", ""
    typ = "HOSTED_BY" if m.mode == "plate" else "REPORTS_TO"
    b.edge(typ, aid(snap, m.key), aid(snap, m.up), mode=m.mode, source=source, note=note)


def _continued(b: Builder, stated: set[tuple[str, str, str]]) -> None:
    """A body of the same key in the next snapshot that no source's sentence links: `continued`, modeled."""
    for snap, nxt in NEXT.items():
        for key in sorted(b.keys[snap] & b.keys[nxt]):
            if (snap, key, key) in stated:
                continue
            plate_now = any(m.key == key and m.mode == "plate" for m in SNAPSHOT_MEMBERS[nxt])
            plate_before = any(m.key == key and m.mode == "plate" for m in SNAPSHOT_MEMBERS[snap])
            if plate_now and not plate_before:
                continue  # a new plate carrying an old name: the body itself went to the host (see lineage.csv)
            b.edge(
                "BECAME",
                aid(snap, key),
                aid(nxt, key),
                change="continued",
                source="model-lineage",
                note="same body, same name in both snapshots; no source states the continuity",
            )
