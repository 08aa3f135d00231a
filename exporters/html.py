"""A standalone interactive HTML page (pyvis / vis-network) that works offline.

pyvis's template fetches Bootstrap and vis-network from CDNs and its popup writes a node's title with
innerHTML. So: vis-network is inlined (cdn_resources="in_line"), every remaining CDN <link>/<script> tag is
removed, and every title is html.escape'd (the popup sets it as innerHTML). Labels are drawn by vis-network
on a canvas as plain text (font.multi off), so they are passed as the exact name: html.escape would show
"&amp;" in "Ecology & Environment" (vis 9.1.2's "html" label mode cannot decode entities: its
LabelSplitter.replace is called with the wrong arguments). In the page source every label and title sits in
JSON written by Jinja's tojson, which writes < > & ' as unicode escapes, so no name can close the <script> or add
markup. Nodes sit at fixed positions computed by Graphviz (physics off), so the page matches the diagram.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from pyvis.network import Network

from exporters.diagram import pipe_dot
from exporters.dotparts import agency_lines
from exporters.selection import ExportGraph, change_classes
from exporters.style import CATEGORY_STYLE, CHANGE_COLOUR, CONTEXT_FILL, MODE_STYLE, cjk_font
from graph.errors import OrgraphError
from graph.model import Agency, Basis, RelType

__all__ = ["external_urls", "render_html", "write_html"]

#: Tags that make a browser fetch something: <link href=...>, <script src=...>, <img src=...>, CSS url(...).
_FETCHING_TAG = re.compile(
    r"<(link|script)\b[^>]*\b(?:href|src)\s*=\s*[\"']?https?://[^>]*>(?:\s*</script>)?", re.IGNORECASE | re.DOTALL
)
_FETCHING_URL = re.compile(
    r"(?:\b(?:src|href|action|poster|data)\s*=\s*[\"']?|url\(\s*[\"']?|@import\s+[\"'])"
    r"(?:https?:)?//",
    re.IGNORECASE,
)
VIS_SHAPES = {"box": "box", "hexagon": "hexagon", "ellipse": "ellipse"}
SCALE = 90.0  # Graphviz inches -> vis pixels


def external_urls(page: str) -> list[str]:
    """Every place in `page` where a browser would fetch from another host (should be empty)."""
    return [m.group(0) for m in _FETCHING_URL.finditer(page)]


def render_html(graph: ExportGraph, *, rankdir: str = "TB", lang: str = "both", height: str = "800px") -> str:
    """The page as a UTF-8 string; the selection's title is shown above the graph."""
    positions = _positions(graph, rankdir, lang)
    changes = change_classes(graph, *graph.selection.compare) if graph.selection.compare else {}
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line", heading="")
    for i, a in enumerate(graph.agencies):
        x, y = positions.get(f"a{i}", (0.0, 0.0))
        net.add_node(a.id, **_node_options(a, graph, lang, changes.get(a.id)), x=x, y=y, physics=False)
    present = {a.id for a in graph.agencies}
    for e in graph.edges:
        if e.type not in (RelType.REPORTS_TO, RelType.HOSTED_BY, RelType.BECAME):
            continue
        if e.start not in present or e.end not in present:
            continue
        look = MODE_STYLE.get(e.mode or "")
        what = e.mode or (e.change.value if e.change else "")
        title = html.escape(f"{e.type.value} {what} · basis {e.basis.value} · source {e.source}")
        net.add_edge(
            e.start,
            e.end,
            title=title,
            label=what if e.type is RelType.BECAME else "",
            color=look.colour if look else "#999999",
            dashes=look.dashes if look else [2, 5],
            width=look.width if look else 1,
        )
    page = net.generate_html(notebook=False)
    # Our options replace pyvis's wholesale: its set_options() parser strips spaces from font names.
    page = re.sub(
        r"var options = .*?;\n", lambda _: f"var options = {json.dumps(_options())};\n", page, count=1, flags=re.DOTALL
    )
    return _make_offline(page, graph)


def write_html(graph: ExportGraph, path: str | Path, **options: str) -> Path:
    """Write the page to `path` (UTF-8), e.g. for the Playwright check that it opens with no network."""
    target = Path(path)
    target.write_text(render_html(graph, **options), encoding="utf-8")
    return target


def _node_options(agency: Agency, graph: ExportGraph, lang: str, change: object) -> dict[str, object]:
    look = CATEGORY_STYLE[agency.category]
    fill = CHANGE_COLOUR[change][0] if change else look.fill  # type: ignore[index]
    if agency.id in graph.context:
        fill = CONTEXT_FILL
    source = graph.dataset.source_by_id(agency.source)
    popup = [
        agency.name_zh,
        agency.name_en,
        f"id: {agency.id}",
        f"{agency.snapshot} · {agency.jurisdiction} · {look.label_zh} {agency.category.value} · type {agency.type}",
        f"basis: {agency.basis.value} · source: {source.title if source else agency.source}",
    ]
    if change:
        popup.append(f"change: {change}")
    return {
        "label": "\n".join(agency_lines(agency, lang)),  # canvas text, never HTML (see the module docstring)
        # The popup puts the title into innerHTML: escape each line, join with <br> that we write ourselves.
        "title": "<br>".join(html.escape(line) for line in popup if line),
        "shape": VIS_SHAPES.get(look.shape, "box"),
        "color": {"background": fill, "border": "#555555"},
        "shapeProperties": {"borderDashes": [5, 4] if agency.basis is Basis.MODELED else False},
        "borderWidth": 1.5,
    }


def _positions(graph: ExportGraph, rankdir: str, lang: str) -> dict[str, tuple[float, float]]:
    """Node positions from Graphviz's own layout (the `plain` format), so HTML and diagram agree."""
    plain = pipe_dot(graph, "plain", rankdir=rankdir, lang=lang, legend=False).decode("utf-8")
    positions: dict[str, tuple[float, float]] = {}
    for line in plain.splitlines():
        parts = line.split(" ", 4)
        if parts[0] == "node" and len(parts) >= 4:
            positions[parts[1].strip('"')] = (float(parts[2]) * SCALE, -float(parts[3]) * SCALE)
    return positions


def _make_offline(page: str, graph: ExportGraph) -> str:
    """Drop pyvis's CDN tags and empty headings, add our escaped title; fail loudly if a fetch remains."""
    page = _FETCHING_TAG.sub("", page)
    page = re.sub(r"<!--\s*<link.*?-->", "", page, flags=re.DOTALL)  # pyvis's commented-out node_modules tags
    page = re.sub(r"^//# sourceMappingURL=.*$", "", page, flags=re.MULTILINE)  # devtools would ask for the map
    page = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>", "", page)
    title = html.escape(graph.title("zh"))
    subtitle = html.escape(graph.title("en"))
    sources = html.escape("; ".join(s.title for s in graph.sources()))
    header = (
        f"<div style=\"font-family:'{cjk_font()}',sans-serif;text-align:center\">"
        f"<h2>{title}</h2><div>{subtitle}</div><div><small>来源 Source: {sources}</small></div></div>"
    )
    page = page.replace("<head>", f"<head>\n<title>{title}</title>", 1)
    page = re.sub(r"<body>", lambda _: "<body>\n" + header, page, count=1)
    if '<meta charset="utf-8">' not in page:
        page = page.replace("<head>", '<head>\n<meta charset="utf-8">', 1)
    leftover = external_urls(page)
    if leftover:
        raise OrgraphError(f"the HTML export would fetch from the network: {leftover[:3]}")
    return page


def _options() -> dict[str, object]:
    face = f"{cjk_font()}, sans-serif"
    return {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "navigationButtons": False, "dragNodes": True},
        "nodes": {"font": {"face": face, "size": 14, "multi": False}, "margin": 8},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": False,
            "font": {"face": face, "size": 10, "multi": False},
        },
    }
