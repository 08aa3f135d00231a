"""The declared jurisdiction attributes: parse each cell by its declared type, and check `required_at`.

A dataset declares its extra jurisdictions.csv columns in manifest.toml [[jurisdiction_attributes]] (format 1
datasets get the legacy columns size_class, border, poverty implicitly). The row models cannot know these
columns, so their cells are split off before the row is validated and checked here, one Problem per bad cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from graph.errors import Problem
from graph.model import AttributeDef, AttributeValue

__all__ = ["parse_attributes"]

_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}


def _parse(attr: AttributeDef, raw: str) -> AttributeValue:
    """The typed value of one non-empty cell; raises ValueError with a message a user can act on."""
    if attr.type == "integer":
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a whole number") from None
    if attr.type == "boolean":
        low = raw.lower()
        if low in _TRUE or low in _FALSE:
            return low in _TRUE
        raise ValueError(f"{raw!r} is not a boolean; use true or false (also accepted: yes/no, 1/0)")
    if attr.type == "enum" and raw not in attr.values:
        raise ValueError(f"{raw!r} is not a valid {attr.id}; allowed values are {', '.join(attr.values)}")
    return raw


def parse_attributes(
    defs: Sequence[AttributeDef],
    file: str,
    line: int,
    cells: Mapping[str, str],
    level: str | None,
    problems: list[Problem],
) -> tuple[tuple[str, AttributeValue], ...]:
    """The row's filled attributes as (id, value) pairs in declaration order; bad cells become Problems."""
    values: list[tuple[str, AttributeValue]] = []
    for attr in defs:
        raw = cells.get(attr.id, "")
        if not raw:
            if level is not None and level in attr.required_at:
                problems.append(
                    Problem(file, line, attr.id, f"{attr.id} is required at level {level!r} (manifest required_at)")
                )
            continue
        try:
            values.append((attr.id, _parse(attr, raw)))
        except ValueError as exc:
            problems.append(Problem(file, line, attr.id, str(exc)))
    return tuple(values)
