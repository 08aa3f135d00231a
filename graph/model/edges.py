"""Relationships between nodes: one Edge per fact (IN, REPORTS_TO, HOSTED_BY, HAS_FUNCTION, BECAME)."""

from __future__ import annotations

from dataclasses import dataclass

from graph.model.vocabulary import Basis, Change, RelType

__all__ = ["Edge"]


@dataclass(frozen=True, slots=True)
class Edge:
    """A relationship `start -[type]-> end`; `source` is the citation (a Source id), not an endpoint."""

    type: RelType
    start: str
    end: str
    basis: Basis
    source: str
    mode: str | None = None  # ReportMode / HostMode value for REPORTS_TO / HOSTED_BY
    change: Change | None = None  # for BECAME
    function: str | None = None  # a Function id, for BECAME {change: transferred}
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """Identity of an edge: two edges with the same key are the same fact. (`_value_` is the value as a plain
        attribute: `.value` goes through an enum descriptor, and stores sort every edge by this key.)"""
        return (self.type._value_, self.start, self.end, self.mode or self.change or "", self.function or "")
