"""An org chart of one jurisdiction in one snapshot, as an analyst draws it: the leading bodies in a top band, and
under each of them its departments in blocks by category, every sub-unit nested in the card of the body it hangs
from. Lines never cross a box because a reporting line is drawn as the card's own border in the mode's style
(exporters/style.py, the same styles as every diagram); lines that leave the tree are listed on the card.

Pure except for `org_chart_html`, which only formats strings; every name is escaped there.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from exporters.style import CATEGORY_STYLE, MODE_STYLE
from graph.model import Agency, Category, Edge, RelType, mode_rank

__all__ = ["Card", "OrgChart", "Column", "build_org_chart", "org_chart_html", "ORG_CHART_CSS"]

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
    # The top band: bodies under nobody here, and leading bodies under another leading body (a government under its
    # party committee stands beside it, not inside it).
    top = [a for a in roots if inside[a].category is Category.LEADERSHIP]
    top += [
        a
        for a in inside
        if inside[a].category is Category.LEADERSHIP
        and a not in top
        and first.get(a) is not None
        and first[a].end in inside
        and inside[first[a].end].category is Category.LEADERSHIP
    ]
    lengths = chain_lengths or {}
    top.sort(key=lambda a: (lengths.get(a, 0), _depth(a, first, inside), a))
    loose = [a for a in roots if a not in top]  # e.g. dispatched offices of a body elsewhere
    name_of = {**names, **{a.id: a.name(lang) for a in inside.values()}}  # a line's target in the reader's language

    def card(agency_id: str, depth: int) -> Card:
        kids = [] if depth >= MAX_NESTING else [k for k in children.get(agency_id, []) if k not in top]
        line = first.get(agency_id)
        extra = [_other(e, name_of) for e in others.get(agency_id, [])]
        if line is not None and line.end not in inside:
            extra.insert(0, _other(line, name_of))
        return Card(
            inside[agency_id],
            line.mode or "" if line is not None else "",
            tuple(card(k, depth + 1) for k in sorted(kids, key=_sort_key(inside))),
            tuple(extra),
        )

    columns = []
    for head in top:
        under = [k for k in children.get(head, []) if k not in top]
        by_category: dict[Category, list[Card]] = {}
        for k in sorted(under, key=_sort_key(inside)):
            by_category.setdefault(inside[k].category, []).append(card(k, 1))
        blocks = tuple((c, tuple(by_category[c])) for c in Category if c in by_category)
        columns.append(Column(Card(inside[head], first[head].mode or "" if head in first else ""), blocks))
    if loose and not columns:
        columns.append(Column(card(loose.pop(0), 0), ()))
    stray = [card(a, 1) for a in sorted(loose, key=_sort_key(inside))]
    return OrgChart(tuple(columns), tuple(stray), frozenset(inside))


def _depth(agency_id: str, first: Mapping[str, Edge], inside: Mapping[str, Agency]) -> int:
    """Steps up to a body under nobody in the chart (cycle-safe), so a party committee comes before its government."""
    seen: set[str] = set()
    while agency_id in first and first[agency_id].end in inside and agency_id not in seen:
        seen.add(agency_id)
        agency_id = first[agency_id].end
    return len(seen)


def _sort_key(inside: Mapping[str, Agency]):  # type: ignore[no-untyped-def]
    return lambda a: (not inside[a].counts_toward_quota, inside[a].name_zh or inside[a].name_en, a)


def _other(e: Edge, names: Mapping[str, str]) -> OtherLine:
    return OtherLine(e.mode or "", e.end, names.get(e.end, e.end), hosted=e.type is RelType.HOSTED_BY)


ORG_CHART_CSS = """
.orgchart { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 14px; color: #1b1f23; }
.orgchart .band { display: flex; gap: 16px; align-items: stretch; }
.orgchart .column { flex: 1 1 0; min-width: 220px; display: flex; flex-direction: column; gap: 10px; }
.orgchart .head { text-align: center; font-weight: 700; font-size: 16px; padding: 10px 8px; border-radius: 6px;
  border: 2px solid #455a64; cursor: pointer; }
.orgchart .trunk { align-self: center; width: 0; height: 14px; }
.orgchart .block { border: 1px solid #cfd8dc; border-radius: 6px; padding: 6px 8px 8px; background: #fafbfc; }
.orgchart .block > h4 { margin: 0 0 6px; font-size: 13px; font-weight: 600; color: #455a64; }
.orgchart .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 6px; }
.orgchart .card { border-radius: 4px; padding: 5px 7px; cursor: pointer; background: #fff; line-height: 1.3; }
.orgchart .card:hover, .orgchart .head:hover { box-shadow: 0 0 0 2px #90caf9; }
.orgchart .card.focus, .orgchart .head.focus { box-shadow: 0 0 0 3px #f9a825; }
.orgchart .card.modeled { border-top: 1px dashed #78909c; border-right: 1px dashed #78909c;
  border-bottom: 1px dashed #78909c; }
.orgchart .card .sub { margin: 5px 0 0 6px; display: flex; flex-direction: column; gap: 4px; }
.orgchart .line { display: block; font-size: 12px; color: #37474f; margin-top: 3px; padding-left: 4px; }
.orgchart .outside { margin-top: 14px; }
.orgchart .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 12px; margin-top: 10px; }
.orgchart .legend span.swatch { display: inline-block; width: 30px; margin-right: 5px; vertical-align: middle; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _card_html(card: Card, *, lang: str, mode_names: Mapping[str, str], focus: str | None) -> str:
    a = card.agency
    look = MODE_STYLE.get(card.mode or "leads", MODE_STYLE["leads"])
    fill = CATEGORY_STYLE[a.category].fill
    classes = "card" + (" modeled" if a.basis.value == "modeled" else "") + (" focus" if a.id == focus else "")
    mode_note = "" if card.mode in ("", "leads") else f" · {mode_names.get(card.mode, card.mode)}"
    title = f"{a.name('en' if lang == 'zh' else 'zh')} · {a.id}{mode_note}"
    parts = [
        f'<div class="{classes}" data-id="{_e(a.id)}" title="{_e(title)}" '
        f'style="border-left: {look.css}; background: {fill}">{_e(a.name(lang))}'
    ]
    for line in card.lines:
        other = MODE_STYLE.get(line.mode, MODE_STYLE["guides"])
        parts.append(
            f'<span class="line" style="border-left: {other.css}">'
            f"{_e(mode_names.get(line.mode, line.mode))} → {_e(line.target_name)}</span>"
        )
    if card.children:
        parts.append('<div class="sub">')
        parts += [_card_html(c, lang=lang, mode_names=mode_names, focus=focus) for c in card.children]
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def org_chart_html(
    chart: OrgChart,
    *,
    lang: str,
    category_names: Mapping[Category, str],
    mode_names: Mapping[str, str],
    outside_title: str,
    focus: str | None = None,
) -> str:
    """The chart as escaped HTML: cards carry `data-id` so a click can focus that agency."""
    columns = []
    for column in chart.columns:
        head = column.head.agency
        head_fill = CATEGORY_STYLE[head.category].fill
        parts = [
            f'<div class="column"><div class="head{" focus" if head.id == focus else ""}" data-id="{_e(head.id)}" '
            f'title="{_e(head.id)}" style="background: {head_fill}">{_e(head.name(lang))}</div>'
        ]
        if column.blocks:
            parts.append(f'<div class="trunk" style="border-left: {MODE_STYLE["leads"].css}"></div>')
        for category, cards in column.blocks:
            inner = "".join(_card_html(c, lang=lang, mode_names=mode_names, focus=focus) for c in cards)
            parts.append(
                f'<div class="block"><h4>{_e(category_names.get(category, category.value))} · {len(cards)}</h4>'
                f'<div class="grid">{inner}</div></div>'
            )
        parts.append("</div>")
        columns.append("".join(parts))
    out = [f'<div class="orgchart"><div class="band">{"".join(columns)}</div>']
    if chart.outside:
        inner = "".join(_card_html(c, lang=lang, mode_names=mode_names, focus=focus) for c in chart.outside)
        out.append(f'<div class="block outside"><h4>{_e(outside_title)}</h4><div class="grid">{inner}</div></div>')
    out.append(_legend_html(chart, mode_names))
    out.append("</div>")
    return "".join(out)


def _legend_html(chart: OrgChart, mode_names: Mapping[str, str]) -> str:
    """The line styles of the modes in this chart, in words (the interface language)."""
    used: set[str] = set()

    def walk(cards: Iterable[Card]) -> None:
        for c in cards:
            used.add(c.mode or "leads")
            used.update(line.mode for line in c.lines)
            walk(c.children)

    for column in chart.columns:
        walk(card for _, cards in column.blocks for card in cards)
    walk(chart.outside)
    items = [
        f'<span><span class="swatch" style="border-top: {MODE_STYLE[m].css}"></span>{_e(mode_names.get(m, m))}</span>'
        for m in MODE_STYLE
        if m in used
    ]
    return f'<div class="legend">{"".join(items)}</div>'
