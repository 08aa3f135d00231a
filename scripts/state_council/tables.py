"""The State Council templates (the CSV and TOML files next to this module), read into the shapes the builder uses.

scripts/state_council/README.md says what each file and column means; data/state-council/README.md why a row is
`public` or `modeled`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from templates import read_csv, read_toml

HERE = Path(__file__).resolve().parent
CN = "cn"
CD = "constituent_department"
# snapshot -> the next one (BECAME joins consecutive snapshots only)
NEXT = {"2017": "2018", "2018": "2022", "2022": "2023"}


@dataclass(frozen=True)
class M:
    """A member of a snapshot: `up` is the key of the body it reports to (mode leads / manages) or of its host (mode
    plate: HOSTED_BY); `source` decides the row's basis."""

    key: str
    cls: str = ""
    up: str = ""
    mode: str = ""
    source: str = ""
    note: str = ""


def _members(snapshot: str) -> list[M]:
    rows = read_csv(HERE / f"members_{snapshot}.csv")
    return [M(r["key"], r["agency_class"], r["up"], r["mode"], r["source"], r["note"]) for r in rows]


# key -> (name_zh, name_en, type, category); a body whose name changes gets a new key
CATALOG: dict[str, tuple[str, str, str, str]] = {
    r["key"]: (r["name_zh"], r["name_en"], r["type"], r["category"]) for r in read_csv(HERE / "catalog.csv")
}
SNAPSHOT_MEMBERS = {snap: _members(snap) for snap in ("2017", "2018", "2022", "2023")}
# (from snapshot, from key, to key, change, function, source, note)
LINEAGE = [
    (r["snapshot"], r["from"], r["to"], r["change"], r["function"], r["source"], r["note"])
    for r in read_csv(HERE / "lineage.csv")
]
FUNCTIONS = [(r["id"], r["name_zh"], r["name_en"], r["source"]) for r in read_csv(HERE / "functions.csv")]
# Reporting and hosting lines whose source is not the row's own (the row's source names the body, not its line).
LINE_SOURCE = {(r["snapshot"], r["key"]): (r["source"], r["note"]) for r in read_csv(HERE / "line_sources.csv")}
# the note of a modeled edge that has none of its own, by source
DEFAULT_NOTES = {r["source"]: r["note"] for r in read_csv(HERE / "default_notes.csv")}
SOURCES: list[dict[str, Any]] = read_toml(HERE / "sources.toml")["sources"]
DATASET_META = read_toml(HERE / "dataset.toml")
RULES: list[dict[str, Any]] = read_toml(HERE / "rules.toml")["rules"]
_BASIS = {s["id"]: s["basis"] for s in SOURCES}


def basis_of(source: str) -> str:
    return str(_BASIS[source])
