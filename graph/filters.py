"""A view narrowed by category and reporting mode: the Explorer's filters, and the exports of the view on screen.

One rule for the chart and the table: a line (REPORTS_TO or HOSTED_BY) is shown when its mode is chosen; an agency
when its category is chosen and, under a mode filter, it has a line of a chosen mode. The leading bodies stay in a
chart as its frame (an org chart without its party committee and government has nowhere to hang anything), but a
table lists only what the filter chose. An empty choice means "all"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph.model import Agency, Category, Edge, RelType
from graph.store import ChainStep

__all__ = ["ALL", "LINE_TYPES", "ViewFilter", "filtered_subordinates", "line_mode"]

LINE_TYPES = (RelType.REPORTS_TO, RelType.HOSTED_BY)


def line_mode(edge: Edge) -> str:
    """A line's mode; an unnamed one is "leads" for REPORTS_TO and "hosted" for HOSTED_BY (as the charts draw them)."""
    return edge.mode or ("leads" if edge.type is RelType.REPORTS_TO else "hosted")


@dataclass(frozen=True, slots=True)
class ViewFilter:
    categories: frozenset[str] = frozenset()  # Category values; empty: every category
    modes: frozenset[str] = frozenset()  # reporting and hosting modes; empty: every mode

    @classmethod
    def of(cls, categories: Iterable[str] = (), modes: Iterable[str] = ()) -> ViewFilter:
        return cls(frozenset(categories), frozenset(modes))

    @property
    def active(self) -> bool:
        return bool(self.categories or self.modes)

    def keeps_line(self, edge: Edge) -> bool:
        return edge.type not in LINE_TYPES or not self.modes or line_mode(edge) in self.modes

    def lines(self, edges: Iterable[Edge]) -> list[Edge]:
        """The edges the view shows: lines of a chosen mode, and every edge that is not a line."""
        return [e for e in edges if self.keeps_line(e)]

    def keeps(self, agency: Agency, with_line: set[str]) -> bool:
        """Whether `agency` is chosen; `with_line` holds the ids of agencies that start a shown line."""
        if self.categories and agency.category.value not in self.categories:
            return False
        return not self.modes or agency.id in with_line

    def agencies(self, agencies: Iterable[Agency], edges: Iterable[Edge], *, frame: bool = False) -> list[Agency]:
        """The chosen agencies, in the given order; with `frame`, the leading bodies too (a chart's frame)."""
        with_line = {e.start for e in edges if e.type in LINE_TYPES and self.keeps_line(e)}
        return [a for a in agencies if self.keeps(a, with_line) or (frame and a.category is Category.LEADERSHIP)]


#: The filter that chooses everything (the default of every view).
ALL = ViewFilter()


def filtered_subordinates(view: ViewFilter, focus: str, subs: Sequence[ChainStep]) -> list[ChainStep]:
    """Subordinates the filter chooses whose superior is shown too (no step hangs from a hidden one)."""
    shown, out = {focus}, []
    for s in sorted(subs, key=lambda s: s.depth):
        mode_ok = not view.modes or (s.mode or "leads") in view.modes
        if s.via in shown and mode_ok and (not view.categories or s.agency.category.value in view.categories):
            shown.add(s.agency.id)
            out.append(s)
    return out
