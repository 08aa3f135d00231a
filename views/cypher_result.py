"""A Cypher result as the Cypher page shows it: table cells, the CSV download, and the nodes and relationships it
holds as a chart (captions in the interface language, category colours, reporting-mode line styles)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from graph.csvcells import write_csv
from graph.layout import tree_layout
from graph.store import GraphNode, QueryResult
from i18n import t
from views import render

__all__ = ["caption", "cell", "result_chart", "result_csv"]

#: Relationship types that give the layout its tree (the others are drawn between the placed nodes).
_TREE_TYPES = ("REPORTS_TO", "IN", "HOSTED_BY")


def cell(value: Any) -> Any:
    """Table cells: nodes (dicts) and lists as compact JSON, so the grid shows them as text."""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def result_csv(result: QueryResult) -> bytes:
    """The rows as the CLI writes them (formula-like cells are escaped by write_csv), with a BOM for Excel."""
    rows = (["" if cell(row.get(c)) is None else str(cell(row.get(c))) for c in result.columns] for row in result.rows)
    return write_csv(result.columns, rows).encode("utf-8-sig")


#: Node kinds other than Agency: (fill, border) and the interface string that names them in the legend.
_KINDS: dict[str, tuple[tuple[str, str], str]] = {
    "Jurisdiction": (render.GROUP_COLOURS, "node_jurisdiction"),
    "Function": (("#f3ebe6", "#8d6e63"), "node_function"),
}
_OTHER = (render.CONTEXT_COLOURS, "node_other")
#: Relationship types other than REPORTS_TO (styled by its mode): line style and the string that names it.
_REL_STYLES = {"HOSTED_BY": ("hosted", "mode_hosted"), "BECAME": ("became", "rel_became")}
_REL_STYLES |= {"IN": ("in", "rel_in"), "HAS_FUNCTION": ("function", "rel_has_function")}


def _name(node: GraphNode, lang: str) -> str:
    """A node's name in `lang`, else in the other language, else its title or id."""
    props = node.properties
    other = "name_zh" if lang == "en" else "name_en"
    return str(props.get(f"name_{lang}") or props.get(other) or props.get("title") or props.get("id") or node.key)


def caption(node: GraphNode, lang: str) -> str:
    """A node's caption: its name in `lang` wrapped to a narrow box (render.wrap_label)."""
    return render.wrap_label(_name(node, lang), lang)


def _link_style(rel_type: str, props: Mapping[str, Any]) -> str:
    if rel_type == "REPORTS_TO":
        mode = str(props.get("mode") or "leads")
        return mode if mode in render.MODE_STYLES else "leads"
    return _REL_STYLES.get(rel_type, ("aggregate", ""))[0]


def _look(node: GraphNode) -> tuple[tuple[str, str], str]:
    """(fill, border) and the legend key: an agency by its category, other kinds by kind."""
    category = str(node.properties.get("category", ""))
    if "Agency" in node.labels and category in render.CATEGORY_COLOURS:
        return render.CATEGORY_COLOURS[category], f"cat_{category}"
    return next((_KINDS[k] for k in node.labels if k in _KINDS), _OTHER)


def result_chart(
    result: QueryResult, lang: str, max_drawn: int
) -> tuple[list[render.ChartNode], list[render.ChartLink], render.Legend]:
    """The result's nodes (at most `max_drawn`) laid out as a tree, captioned with their name in `lang`, and the
    legend of what is drawn (node kinds and categories, relationship types and modes) in words in `lang`."""
    keys = [n.key for n in result.nodes][:max_drawn]
    pairs = [(r.start, r.end) for r in result.relationships if r.type in _TREE_TYPES]
    positions = tree_layout(keys, pairs)
    nodes, boxes, modeled = [], {}, False
    for n in result.nodes:
        if n.key not in positions:
            continue
        props = dict(n.properties)
        (fill, border), legend_key = _look(n)
        boxes[legend_key] = (t(legend_key, lang), fill, border)
        modeled |= props.get("basis") == "modeled"
        rows = [(":".join(n.labels), n.key)] + [
            (k, str(v)) for k, v in sorted(props.items()) if k not in ("name_zh", "name_en")
        ]
        nodes.append(
            render.ChartNode(
                id=n.key,
                label=caption(n, lang),
                x=positions[n.key][0],
                y=positions[n.key][1],
                fill=fill,
                border=border,
                dashed=props.get("basis") == "modeled",
                tooltip=render.tooltip(_name(n, lang), rows),
                category=legend_key,
                agency="Agency" in n.labels and props.get("id") == n.key,  # a click focuses it on the Explorer
            )
        )
    drawn = {n.id for n in nodes}
    links = [
        render.ChartLink(
            r.start,
            r.end,
            _link_style(r.type, r.properties),
            tooltip=render.tooltip(r.type, [(k, str(v)) for k, v in sorted(r.properties.items())]),
        )
        for r in result.relationships
        if r.start in drawn and r.end in drawn
    ]
    return (
        nodes,
        links,
        render.Legend(
            boxes=list(boxes.values()),
            lines=[(_line_words(style, lang), style) for style in dict.fromkeys(link.style for link in links)],
            dashed_note=t("modeled_dashed", lang) if modeled else "",
        ),
    )


def _line_words(style: str, lang: str) -> str:
    """A line style in words: a reporting or hosting mode by its name, other relationship types by theirs."""
    named = {s: key for s, key in _REL_STYLES.values()}
    return t(named.get(style, f"mode_{style}"), lang) if style != "aggregate" else t("node_other", lang)
