"""Places and their tiers: a jurisdiction, the dataset's levels (LevelDef) and its declared extra jurisdiction
columns (AttributeDef). Levels and attributes are data read from the manifest, or inferred from the rows when a
dataset declares none (format 1, or a dataset built in code)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.model.vocabulary import Basis

__all__ = ["AttributeDef", "AttributeValue", "Jurisdiction", "LevelDef", "infer_attributes", "infer_levels"]

#: The value of a declared jurisdiction attribute (text and enum values are str).
AttributeValue = str | int | bool


@dataclass(frozen=True, slots=True)
class LevelDef:
    """One tier of a dataset's jurisdictions (e.g. national, province, county); rank 1 is the top."""

    id: str
    rank: int
    label_zh: str = ""
    label_en: str = ""

    def label(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.label_en or self.label_zh or self.id
        return self.label_zh or self.label_en or self.id


@dataclass(frozen=True, slots=True)
class AttributeDef:
    """An extra column of jurisdictions.csv the dataset declares; loaded as a property on every backend."""

    id: str
    type: str  # text | integer | boolean | enum
    values: tuple[str, ...] = ()  # the allowed values of an enum
    label_zh: str = ""
    label_en: str = ""
    required_at: tuple[str, ...] = ()  # level ids where the cell must be filled

    def label(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.label_en or self.label_zh or self.id
        return self.label_zh or self.label_en or self.id


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """A place (country, province, county, ...). `level` is one of the dataset's LevelDef ids; `attributes` holds
    the dataset's declared extra columns that are filled (as (name, value) pairs in declared order: hashable)."""

    id: str
    name_zh: str
    name_en: str
    level: str
    parent: str | None
    basis: Basis
    source: str
    agency_quota: int | None = None
    note: str = ""
    attributes: tuple[tuple[str, AttributeValue], ...] = ()

    def attribute(self, name: str) -> AttributeValue | None:
        """The value of a declared attribute, None when its cell is empty (or it is not declared)."""
        return next((value for key, value in self.attributes if key == name), None)

    def name(self, lang: str = "zh") -> str:
        """The display name in `lang`, falling back to the other language when empty."""
        if lang == "en":
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en


def infer_levels(jurisdictions: Iterable[Jurisdiction]) -> tuple[LevelDef, ...]:
    """The levels a dataset without declared ones uses: its distinct `level` values, ranked by their smallest
    depth in the parent tree (1 = top), labelled with their ids."""
    items = list(jurisdictions)
    parent = {j.id: j.parent for j in items}
    depth_of: dict[str, int] = {}
    for j in items:
        depth, current, seen = 1, j.parent, {j.id}
        while current and current not in seen:  # a loop (refused by the loaders) cannot hang this
            seen.add(current)
            depth, current = depth + 1, parent.get(current)
        depth_of[j.level] = min(depth_of.get(j.level, depth), depth)
    ordered = sorted(depth_of, key=lambda level: (depth_of[level], level))
    return tuple(LevelDef(level, rank, level, level) for rank, level in enumerate(ordered, start=1))


def infer_attributes(jurisdictions: Iterable[Jurisdiction]) -> tuple[AttributeDef, ...]:
    """Declarations for attributes that jurisdictions carry without a declaration, typed by their values."""
    kinds: dict[str, set[type]] = {}
    for j in jurisdictions:
        for key, value in j.attributes:
            kinds.setdefault(key, set()).add(type(value))
    names = {bool: "boolean", int: "integer"}
    return tuple(
        AttributeDef(key, names.get(next(iter(types)), "text") if len(types) == 1 else "text")
        for key, types in kinds.items()
    )
