"""yEd styling for GraphML: the same boxes and lines as the diagrams, so a file opens in yEd looking like an org
chart instead of a heap of grey squares.

yEd reads its own GraphML extension (yFiles `nodegraphics`/`edgegraphics` data); other readers ignore those keys,
so the file stays plain GraphML for networkx, Gephi or Neo4j's APOC.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping

from exporters.style import CATEGORY_STYLE, MODE_STYLE
from graph.model import Category

__all__ = ["add_yed_styles"]

GRAPHML = "http://graphml.graphdrawing.org/xmlns"
YFILES = "http://www.yworks.com/xml/graphml"

_SHAPE = {"leadership": "octagon", "coordination": "ellipse", "enforcement": "trapezoid"}
_LINE = {"solid": "line", "dashed": "dashed", "dotted": "dotted"}


def _q(tag: str, ns: str = GRAPHML) -> str:
    return f"{{{ns}}}{tag}"


def add_yed_styles(graphml: bytes, node_labels: Mapping[str, str], node_categories: Mapping[str, str]) -> bytes:
    """Add yFiles node and edge graphics to a GraphML document written by networkx; labels are set as XML text
    (ElementTree escapes them), never as markup."""
    ET.register_namespace("", GRAPHML)
    ET.register_namespace("y", YFILES)
    root = ET.fromstring(graphml)
    graph = root.find(_q("graph"))
    if graph is None:
        return graphml
    first_graph = list(root).index(graph)
    root.insert(
        first_graph, ET.Element(_q("key"), {"for": "node", "id": "d_yfiles_node", "yfiles.type": "nodegraphics"})
    )
    root.insert(
        first_graph, ET.Element(_q("key"), {"for": "edge", "id": "d_yfiles_edge", "yfiles.type": "edgegraphics"})
    )
    mode_key = next(
        (k.get("id") for k in root.findall(_q("key")) if k.get("for") == "edge" and k.get("attr.name") == "mode"), None
    )
    for node in graph.findall(_q("node")):
        node_id = node.get("id", "")
        category = node_categories.get(node_id, "")
        look = CATEGORY_STYLE.get(Category(category)) if category in Category._value2member_map_ else None
        shape = ET.SubElement(ET.SubElement(node, _q("data"), {"key": "d_yfiles_node"}), _q("ShapeNode", YFILES))
        ET.SubElement(
            shape, _q("Geometry", YFILES), {"x": "0", "y": "0", "width": "150", "height": "44"}
        )  # yEd lays out
        ET.SubElement(shape, _q("Fill", YFILES), {"color": look.fill if look else "#FFFFFF", "transparent": "false"})
        ET.SubElement(shape, _q("BorderStyle", YFILES), {"color": "#455A64", "type": "line", "width": "1.0"})
        label = ET.SubElement(
            shape,
            _q("NodeLabel", YFILES),
            {"fontFamily": "Noto Sans CJK SC", "fontSize": "12", "autoSizePolicy": "content"},
        )
        label.text = node_labels.get(node_id, node_id)
        ET.SubElement(shape, _q("Shape", YFILES), {"type": _SHAPE.get(category, "roundrectangle")})
    for edge in graph.findall(_q("edge")):
        mode = (
            next((d.text or "" for d in edge.findall(_q("data")) if d.get("key") == mode_key), "") if mode_key else ""
        )
        line_look = MODE_STYLE.get(mode)
        line = ET.SubElement(ET.SubElement(edge, _q("data"), {"key": "d_yfiles_edge"}), _q("PolyLineEdge", YFILES))
        ET.SubElement(
            line,
            _q("LineStyle", YFILES),
            {
                "color": line_look.colour if line_look else "#9E9E9E",
                "type": _LINE[line_look.pattern] if line_look else "dotted",
                "width": f"{line_look.width:g}" if line_look else "1",
            },
        )
        ET.SubElement(line, _q("Arrows", YFILES), {"source": "none", "target": "standard"})
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
