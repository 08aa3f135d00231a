"""The pieces every Graphviz drawing of ours is made of: DOT-safe labels, an agency's wrapped name lines, and how an
agency (by category, basis and change) and a reporting or hosting line (by mode) look. The free-form diagram
(exporters/diagram.py) and the org chart of one jurisdiction (exporters/orgdiagram.py) both draw with them, so a box
or a line means the same in both.
"""

from __future__ import annotations

import textwrap

import graphviz

from exporters.style import CATEGORY_STYLE, CHANGE_COLOUR, CONTEXT_FILL, CONTEXT_FONT_COLOUR, MODE_STYLE
from graph.diff.classes import ChangeClass
from graph.model import Agency, Basis, Edge, RelType

__all__ = ["WRAP_EN", "WRAP_ZH", "agency_lines", "dot_label", "dot_text", "line_attrs", "node_attrs"]

#: Longest label line, in characters: English names run to 80 characters and would make every box huge.
WRAP_ZH, WRAP_EN = 14, 28


def dot_text(value: str) -> str:
    """A DOT string that is never taken as an HTML label nor as an escape sequence (\\N, \\G, \\l ...)."""
    return " ".join(value.replace("\\", "\\\\").splitlines())


def dot_label(*lines: str) -> graphviz.quoting.NoHtml:
    """Lines of plain text (empty ones left out) as one DOT label."""
    return graphviz.nohtml("\\n".join(dot_text(line) for line in lines if line))


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [text]


def agency_lines(agency: Agency, lang: str) -> list[str]:
    """The label lines of an agency: Chinese name, then English name (for `both`), each wrapped."""
    names = [agency.name(lang)] if lang != "both" else [agency.name_zh, agency.name_en]
    if lang == "both":  # each name once; an English-only (or Chinese-only) agency has just the one
        names = list(dict.fromkeys(n for n in names if n)) or [agency.name("zh")]
    lines: list[str] = []
    for name in names:
        lines += _wrap(name, WRAP_ZH if any(ord(ch) > 0x2E80 for ch in name) else WRAP_EN)
    return lines


def node_attrs(agency: Agency, is_context: bool, change: ChangeClass | None) -> dict[str, str]:
    """An agency's box: shape and fill by category (or fill by change class), dashed when modeled, grey as context."""
    look = CATEGORY_STYLE[agency.category]
    styles = ["filled"]
    if look.shape == "box":
        styles.append("rounded")
    if agency.basis is Basis.MODELED:
        styles.append("dashed")
    fill = CHANGE_COLOUR[change][0] if change else look.fill
    attrs = {"shape": look.shape, "fillcolor": fill, "style": ",".join(styles), "tooltip": dot_label(agency.id)}
    if is_context:
        attrs.update(fillcolor=CONTEXT_FILL, fontcolor=CONTEXT_FONT_COLOUR, color="#aaaaaa")
    if change in (ChangeClass.REMOVED, ChangeClass.MERGED_AWAY):  # bodies that end
        attrs["fontcolor"] = "#7a1f1f"
    return attrs


def line_attrs(e: Edge) -> dict[str, str]:
    """A REPORTS_TO or HOSTED_BY line, drawn superior -> subordinate (so dot ranks the superior first) with dir=back
    to keep the arrow's meaning; the mode alone decides the line, a modeled edge gets a hollow arrow instead."""
    look = MODE_STYLE.get(e.mode or "", MODE_STYLE["leads"])
    head = "normal" if e.type is RelType.REPORTS_TO else "diamond"
    return {
        "dir": "back",
        "style": look.style,
        "color": look.colour,
        "arrowtail": ("o" + head) if e.basis is Basis.MODELED else head,
        "penwidth": f"{look.width:g}",
        "tooltip": dot_label(f"{e.type.value} {e.mode} · {e.basis.value} · {e.source}"),
    }
