"""A Cypher result as the Cypher page shows it: table cells, the CSV download, and the nodes and relationships it
holds as a chart (captions in the interface language, category colours, reporting-mode line styles)."""

from __future__ import annotations

import json
from typing import Any

from graph.csvcells import write_csv
from graph.layout import tree_layout
from graph.store import QueryResult
from views import render

__all__ = ["cell", "result_chart", "result_csv"]

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


def _link_style(rel_type: str, props: dict[str, Any]) -> str:
    if rel_type == "REPORTS_TO":
        return str(props.get("mode") or "leads")
    return "became" if rel_type == "BECAME" else "hosted"


def result_chart(
    result: QueryResult, lang: str, max_drawn: int
) -> tuple[list[render.ChartNode], list[render.ChartLink]]:
    """The result's nodes (at most `max_drawn`) laid out as a tree, captioned with their name in `lang`."""
    keys = [n.key for n in result.nodes][:max_drawn]
    pairs = [(r.start, r.end) for r in result.relationships if r.type in _TREE_TYPES]
    positions = tree_layout(keys, pairs)
    nodes = []
    for n in result.nodes:
        if n.key not in positions:
            continue
        props = dict(n.properties)
        name = str(props.get("name_en" if lang == "en" else "name_zh") or props.get("name_zh") or n.key)
        category = str(props.get("category", ""))
        fill, border = render.CATEGORY_COLOURS.get(category, render.GROUP_COLOURS)
        rows = [(":".join(n.labels), n.key)] + [
            (k, str(v)) for k, v in sorted(props.items()) if k not in ("name_zh", "name_en")
        ]
        nodes.append(
            render.ChartNode(
                id=n.key,
                label=name,
                x=positions[n.key][0],
                y=positions[n.key][1],
                fill=fill,
                border=border,
                dashed=props.get("basis") == "modeled",
                tooltip=render.tooltip(name, rows),
                category=category if category in render.CATEGORY_COLOURS else "",
            )
        )
    drawn = {n.id for n in nodes}
    links = [
        render.ChartLink(
            r.start,
            r.end,
            _link_style(r.type, dict(r.properties)),
            tooltip=render.tooltip(r.type, [(k, str(v)) for k, v in sorted(r.properties.items())]),
        )
        for r in result.relationships
        if r.start in drawn and r.end in drawn
    ]
    return nodes, links
