"""The structure of an org chart of one jurisdiction in one snapshot, as an analyst draws it: the leading bodies in
a top band (a party committee before the government it leads), and under each of them its departments in blocks by
category, every sub-unit nested under the body it hangs from; lines that do not give a body its place are kept on it.

One structure for every drawing: the app's HTML org chart (views/orgchart.py) and the Graphviz diagram of a county
(exporters/orgdiagram.py) both draw what `build_org_chart` decides, so their bands, blocks and order agree. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from graph.model import Agency, Category, Edge, RelType, mode_rank

__all__ = ["MAX_NESTING", "Card", "Column", "OrgChart", "OtherLine", "build_org_chart"]

#: How deep sub-units nest inside a card before the rest is summarised as a count.
MAX_NESTING = 3


@dataclass(frozen=True, slots=True)
class OtherLine:
    """A line that does not give the card its place: a second reporting line, a hosting line, or the line to a body
    outside the chart."""

    mode: str
    target_id: str
    target_name: str
    hosted: bool = False


@dataclass(frozen=True, slots=True)
class Card:
    agency: Agency
    mode: str  # how it hangs from the card or band above it ("" for a top body)
    children: tuple[Card, ...] = ()
    lines: tuple[OtherLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Column:
    head: Card  # a top body (children are in the blocks, not in the head)
    blocks: tuple[tuple[Category, tuple[Card, ...]], ...]


@dataclass(frozen=True, slots=True)
class OrgChart:
    columns: tuple[Column, ...]
    outside: tuple[Card, ...] = ()  # bodies of this jurisdiction run from a body elsewhere (e.g. dispatched offices)
    ids: frozenset[str] = field(default_factory=frozenset)


def _first_lines(edges: Iterable[Edge], inside: Mapping[str, Agency]) -> tuple[dict[str, Edge], dict[str, list[Edge]]]:
    """Each agency's place-giving line (its first REPORTS_TO by the mode order; on a tie, one to a body in the chart)
    and every other line it has."""
    lines: dict[str, list[Edge]] = {}
    for e in edges:
        if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY) and e.start in inside:
            lines.setdefault(e.start, []).append(e)
    first: dict[str, Edge] = {}
    others: dict[str, list[Edge]] = {}
    for start, found in lines.items():
        reports = [e for e in found if e.type is RelType.REPORTS_TO]
        ranked = sorted(reports, key=lambda e: (mode_rank(e.mode), e.end not in inside, e.end))
        if ranked:
            first[start] = ranked[0]
        others[start] = [e for e in found if not ranked or e is not ranked[0]]
    return first, others


def _top_band(inside: Mapping[str, Agency], first: Mapping[str, Edge], roots: list[str]) -> list[str]:
    """Bodies under nobody here, and leading bodies under another leading body (a government under its party
    committee stands beside it, not inside it)."""
    top = [a for a in roots if inside[a].category is Category.LEADERSHIP]
    top += [
        a
        for a in inside
        if inside[a].category is Category.LEADERSHIP
        and a not in top
        and a in first
        and first[a].end in inside
        and inside[first[a].end].category is Category.LEADERSHIP
    ]
    return top


def build_org_chart(
    agencies: Iterable[Agency],
    edges: Iterable[Edge],
    names: Mapping[str, str],
    chain_lengths: Mapping[str, int] | None = None,
    *,
    lang: str = "zh",
) -> OrgChart:
    """The chart of `agencies` (one jurisdiction, one snapshot). `names` gives display names of bodies outside the
    chart that lines point to (agency id -> name); `chain_lengths` (agency id -> steps up its whole reporting chain,
    across jurisdictions) orders the top band, so a body that others' superiors report to comes first."""
    inside = {a.id: a for a in agencies}
    first, others = _first_lines(edges, inside)
    children: dict[str, list[str]] = {}
    roots: list[str] = []  # under nobody in the chart (a line to a body elsewhere, or none)
    for agency_id in inside:
        line = first.get(agency_id)
        if line is not None and line.end in inside:
            children.setdefault(line.end, []).append(agency_id)
        else:
            roots.append(agency_id)
    top = _top_band(inside, first, roots)
    lengths = chain_lengths or {}
    top.sort(key=lambda a: (lengths.get(a, 0), _depth(a, first, inside), a))
    loose = [a for a in roots if a not in top]  # e.g. dispatched offices of a body elsewhere
    name_of = {**names, **{a.id: a.name(lang) for a in inside.values()}}  # a line's target in the reader's language
    order = _sort_key(inside)

    def card(agency_id: str, depth: int) -> Card:
        kids = [] if depth >= MAX_NESTING else [k for k in children.get(agency_id, []) if k not in top]
        line = first.get(agency_id)
        extra = [_other(e, name_of) for e in others.get(agency_id, [])]
        if line is not None and line.end not in inside:
            extra.insert(0, _other(line, name_of))
        return Card(
            inside[agency_id],
            line.mode or "" if line is not None else "",
            tuple(card(k, depth + 1) for k in sorted(kids, key=order)),
            tuple(extra),
        )

    columns = []
    for head in top:
        under = [k for k in children.get(head, []) if k not in top]
        by_category: dict[Category, list[Card]] = {}
        for k in sorted(under, key=order):
            by_category.setdefault(inside[k].category, []).append(card(k, 1))
        blocks = tuple((c, tuple(by_category[c])) for c in Category if c in by_category)
        columns.append(Column(Card(inside[head], first[head].mode or "" if head in first else ""), blocks))
    if loose and not columns:
        columns.append(Column(card(loose.pop(0), 0), ()))
    stray = [card(a, 1) for a in sorted(loose, key=order)]
    return OrgChart(tuple(columns), tuple(stray), frozenset(inside))


def _depth(agency_id: str, first: Mapping[str, Edge], inside: Mapping[str, Agency]) -> int:
    """Steps up to a body under nobody in the chart (cycle-safe), so a party committee comes before its government."""
    seen: set[str] = set()
    while agency_id in first and first[agency_id].end in inside and agency_id not in seen:
        seen.add(agency_id)
        agency_id = first[agency_id].end
    return len(seen)


def _sort_key(inside: Mapping[str, Agency]) -> Callable[[str], tuple[bool, str, str]]:
    """Bodies that count toward the staffing quota first, then by name."""
    return lambda a: (not inside[a].counts_toward_quota, inside[a].name_zh or inside[a].name_en, a)


def _other(e: Edge, names: Mapping[str, str]) -> OtherLine:
    return OtherLine(e.mode or "", e.end, names.get(e.end, e.end), hosted=e.type is RelType.HOSTED_BY)
