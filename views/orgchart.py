"""The app's org chart of one jurisdiction in one snapshot, as HTML: the structure graph/orgchart.py decides (the
leading bodies in a top band, under each of them its departments in blocks by category, every sub-unit nested in the
card of the body it hangs from), the same one the Graphviz export draws. Lines never cross a box because a reporting
line is drawn as the card's own border in the mode's style (exporters/style.py, the same styles as every diagram);
lines that leave the tree are listed on the card.

Pure: `org_chart_html` only formats strings; every name is escaped there.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from exporters.style import CATEGORY_STYLE, MODE_STYLE
from graph.diff.classes import ChangeClass
from graph.model import Category
from graph.orgchart import Card, Column, OrgChart, build_org_chart

__all__ = ["Card", "ChangeMark", "OrgChart", "Column", "build_org_chart", "org_chart_html", "ORG_CHART_CSS"]

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
.orgchart .mark { display: inline-block; margin-left: 6px; padding: 0 6px; font-size: 12px; font-weight: 400;
  border: 1px solid; border-radius: 9px; line-height: 1.4; text-decoration: none; }
.orgchart .ended > .name { text-decoration: line-through; text-decoration-thickness: 2px; color: #546e7a; }
.orgchart .card.ended, .orgchart .head.ended { opacity: 0.8; background-image: repeating-linear-gradient(135deg,
  transparent 0 7px, rgba(84, 110, 122, 0.08) 7px 14px); }
"""


CHANGE_ORDER = [c.value for c in ChangeClass]  # the legend lists badges in this order


@dataclass(frozen=True, slots=True)
class ChangeMark:
    """What a comparison says of one box: a badge in the change's colours; a body that ended is struck through."""

    kind: str  # a graph.diff.classes.ChangeClass value
    label: str  # the kind in the reader's language
    fill: str
    border: str
    ended: bool = False


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _marked(agency_id: str, marks: Mapping[str, ChangeMark]) -> tuple[str, str]:
    """(extra classes, badge HTML) of a box the comparison marks; empty for the others."""
    mark = marks.get(agency_id)
    if mark is None:
        return "", ""
    badge = (
        f'<span class="mark" data-change="{_e(mark.kind)}" style="background: {mark.fill}; border-color: '
        f'{mark.border}">{_e(mark.label)}</span>'
    )
    return f" changed {_e(mark.kind)}" + (" ended" if mark.ended else ""), badge


def _card_html(
    card: Card, *, lang: str, mode_names: Mapping[str, str], focus: str | None, marks: Mapping[str, ChangeMark]
) -> str:
    a = card.agency
    look = MODE_STYLE.get(card.mode or "leads", MODE_STYLE["leads"])
    fill = CATEGORY_STYLE[a.category].fill
    changed, badge = _marked(a.id, marks)
    classes = "card" + (" modeled" if a.basis.value == "modeled" else "") + (" focus" if a.id == focus else "")
    mode_note = "" if card.mode in ("", "leads") else f" · {mode_names.get(card.mode, card.mode)}"
    title = f"{a.name('en' if lang == 'zh' else 'zh')} · {a.id}{mode_note}"
    parts = [
        f'<div class="{classes}{changed}" data-id="{_e(a.id)}" title="{_e(title)}" '
        f'style="border-left: {look.css}; background-color: {fill}"><span class="name">{_e(a.name(lang))}</span>{badge}'
    ]
    for line in card.lines:
        other = MODE_STYLE.get(line.mode, MODE_STYLE["guides"])
        parts.append(
            f'<span class="line" style="border-left: {other.css}">'
            f"{_e(mode_names.get(line.mode, line.mode))} → {_e(line.target_name)}</span>"
        )
    if card.children:
        parts.append('<div class="sub">')
        parts += [_card_html(c, lang=lang, mode_names=mode_names, focus=focus, marks=marks) for c in card.children]
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
    marks: Mapping[str, ChangeMark] | None = None,
    ended_note: str = "",
) -> str:
    """The chart as escaped HTML: cards carry `data-id` so a click can focus that agency; `marks` badges the boxes
    a comparison changed (Compare's side-by-side panes), and `ended_note` says in the legend what struck through means."""
    marks = marks or {}
    columns = []
    for column in chart.columns:
        head = column.head.agency
        head_fill = CATEGORY_STYLE[head.category].fill
        changed, badge = _marked(head.id, marks)
        parts = [
            f'<div class="column"><div class="head{" focus" if head.id == focus else ""}{changed}" '
            f'data-id="{_e(head.id)}" title="{_e(head.id)}" style="background-color: {head_fill}">'
            f'<span class="name">{_e(head.name(lang))}</span>{badge}</div>'
        ]
        if column.blocks:
            parts.append(f'<div class="trunk" style="border-left: {MODE_STYLE["leads"].css}"></div>')
        for category, cards in column.blocks:
            inner = "".join(_card_html(c, lang=lang, mode_names=mode_names, focus=focus, marks=marks) for c in cards)
            parts.append(
                f'<div class="block"><h4>{_e(category_names.get(category, category.value))} · {len(cards)}</h4>'
                f'<div class="grid">{inner}</div></div>'
            )
        parts.append("</div>")
        columns.append("".join(parts))
    out = [f'<div class="orgchart"><div class="band">{"".join(columns)}</div>']
    if chart.outside:
        inner = "".join(
            _card_html(c, lang=lang, mode_names=mode_names, focus=focus, marks=marks) for c in chart.outside
        )
        out.append(f'<div class="block outside"><h4>{_e(outside_title)}</h4><div class="grid">{inner}</div></div>')
    out.append(_legend_html(chart, mode_names, marks, ended_note))
    out.append("</div>")
    return "".join(out)


def _legend_html(
    chart: OrgChart, mode_names: Mapping[str, str], marks: Mapping[str, ChangeMark], ended_note: str
) -> str:
    """The line styles of the modes in this chart and the change badges on it, in words (the interface language)."""
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
    badges = {m.kind: m for m in marks.values()}
    items += [
        f'<span><span class="mark" style="background: {m.fill}; border-color: {m.border}">{_e(m.label)}</span></span>'
        for kind in CHANGE_ORDER
        if (m := badges.get(kind)) is not None
    ]
    if ended_note and any(m.ended for m in marks.values()):
        items.append(f'<span class="ended"><span class="name">{_e(ended_note)}</span></span>')
    return f'<div class="legend">{"".join(items)}</div>'
