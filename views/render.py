"""Domain objects -> what the app shows: pyvis HTML charts, plotly figures, table rows.

This is the ONLY place where text from the data is escaped for HTML. Three sinks, three rules:
- chart labels are drawn by vis-network on a canvas (fillText), which never parses markup, so a label is
  the exact name (`canvas_text`): vis 9.1.2's "html" label mode cannot decode `&amp;`, and html.escape
  would show "&amp;" in "生态环境 & 林草局". In the page source, labels and titles sit in JSON written by
  Jinja's tojson, which writes < > & ' as unicode escapes, so no name can close the <script> or add markup;
- tooltips are built here as small HTML fragments with every value `html.escape`d, and turned into DOM
  elements by a short script (vis would otherwise show them as source text, and pyvis's own link popup writes
  them with innerHTML; both are safe because the values are escaped);
- markdown (agency names in page text) is backslash-escaped (`md`), so `<img …>` or `[x](javascript:…)` stay
  text; plotly labels are html.escape'd (`plot_text`).
The HTML page itself is UTF-8 and loads nothing from the network (vis-network inlined, bootstrap CDN removed).
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from exporters.style import MODE_STYLE
from graph.model import Agency, Basis, Category, Edge, RelType
from views.chart_assets import CSS, FONT, GHOST_DASHES, GHOST_TEXT, OPTIONS, PAGE_JS, STRIKE

__all__ = [
    "CATEGORY_COLOURS",
    "MODE_STYLES",
    "safe_link",
    "ChartLink",
    "ChartNode",
    "agency_node",
    "canvas_text",
    "chart_html",
    "md",
    "plot_text",
    "structure_links",
    "tooltip",
    "wrap_label",
]

#: fill, border per category: pale fills with a strong border read well on screen and in print.
CATEGORY_COLOURS: dict[str, tuple[str, str]] = {
    Category.LEADERSHIP.value: ("#fde2e1", "#b3261e"),
    Category.PARTY.value: ("#fdebd8", "#c2410c"),
    Category.GOVERNMENT.value: ("#dbe8f6", "#1f5fa8"),
    Category.DISCIPLINE.value: ("#e6e0f3", "#5b3f9e"),
    Category.COORDINATION.value: ("#fdf3c8", "#a16207"),
    Category.INSTITUTION.value: ("#d9f0ec", "#0f766e"),
    Category.ENFORCEMENT.value: ("#e3f1dc", "#3f7d20"),
    Category.OTHER.value: ("#eceff1", "#546e7a"),
}
CONTEXT_COLOURS = ("#f5f5f5", "#9e9e9e")  # agencies outside the scope drawn for context (e.g. a league bureau)
GROUP_COLOURS = ("#eef2f7", "#34495e")  # an aggregated jurisdiction

#: line style key -> (colour, dash pattern or False, width): every reporting and hosting mode as exporters/style.py
#: draws it (one table for the app, the Graphviz diagrams and the HTML export), plus the app's own extra lines.
MODE_STYLES: dict[str, tuple[str, list[int] | bool, float]] = {
    **{mode: (look.colour, look.dashes, look.width) for mode, look in MODE_STYLE.items()},
    "hosted": ("#9e9e9e", [9, 5], 1.0),
    "became": ("#6a1b9a", [6, 4], 1.4),
    "aggregate": ("#607d8b", False, 1.0),
    "in": ("#b0bec5", [2, 5], 1.0),  # Cypher results: an agency or jurisdiction IN a jurisdiction
    "function": ("#8d6e63", [1, 3], 1.2),  # Cypher results: HAS_FUNCTION
}


def canvas_text(text: str) -> str:
    """Text for a vis-network label: the canvas draws it verbatim (font.multi stays off), so it is unchanged;
    control characters other than the newlines we put in are dropped.

    >>> canvas_text("<img src=x onerror=alert(1)> & co")
    '<img src=x onerror=alert(1)> & co'
    """
    return "".join(ch for ch in text if ch == "\n" or ch.isprintable())


def plot_text(text: str) -> str:
    """Text for a plotly label: plotly reads a few tags (<b>, <a href>…) in labels, and decodes entities."""
    return html.escape(text, quote=False)


def md(text: str) -> str:
    """Text safe inside st.markdown: markdown and HTML punctuation backslash-escaped.

    >>> md("<b>*x*</b>")
    '\\\\<b\\\\>\\\\*x\\\\*\\\\</b\\\\>'
    """
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$&])", r"\\\1", text)


def tooltip(title: str, rows: Iterable[tuple[str, str]] = ()) -> str:
    """A tooltip as an HTML fragment; every value is escaped here. `href` is broken with an entity because
    pyvis switches to a popup that writes the title with innerHTML when it sees that word."""
    parts = [f"<div class='tt-title'>{html.escape(title)}</div>"]
    parts += [f"<div><span class='tt-key'>{html.escape(k)}</span> {html.escape(v)}</div>" for k, v in rows if v]
    return "".join(parts).replace("href", "hr&#101;f")


@dataclass(frozen=True, slots=True)
class ChartNode:
    id: str
    label: str  # plain text; escaped when drawn
    x: float
    y: float
    fill: str
    border: str
    tooltip: str = ""  # an HTML fragment made by tooltip()
    dashed: bool = False
    bold: bool = False
    shape: str = "box"
    size: int = 14
    border_width: float = 1.5
    category: str = ""  # for the legend
    context: bool = False  # drawn for context, outside the scope
    ended: bool = False  # a body that no longer exists as itself: drawn as a ghost, its label struck through
    agency: bool = False  # an agency: a click focuses it on the Explorer (chart_assets.PAGE_JS)


@dataclass(frozen=True, slots=True)
class ChartLink:
    start: str
    end: str
    style: str  # a key of MODE_STYLES
    tooltip: str = ""
    label: str = ""
    arrows: bool = True
    width: float | None = None


@dataclass(frozen=True, slots=True)
class Legend:
    """Swatches and line styles shown under a chart (escaped when drawn)."""

    boxes: list[tuple[str, str, str]] = field(default_factory=list)  # (text, fill, border)
    lines: list[tuple[str, str]] = field(default_factory=list)  # (text, style key)
    dashed_note: str = ""
    ended_note: str = ""  # what a ghost (faded, dotted, struck-through) box means


def safe_link(url: str) -> str | None:
    """A source's URL when it is an http(s) link, else None: a link column must never run `javascript:` or open a
    local file.

    >>> safe_link("https://example.org/a"), safe_link("javascript:alert(1)"), safe_link(" file:///etc/passwd")
    ('https://example.org/a', None, None)
    """
    url = url.strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def agency_node(
    agency: Agency,
    pos: tuple[float, float],
    *,
    lang: str,
    rows: Iterable[tuple[str, str]] = (),
    colours: tuple[str, str] | None = None,
    context: bool = False,
    bold: bool = False,
    size: int = 14,
) -> ChartNode:
    """A chart node for an agency: colour by category (or the given colours), dashed border when modeled."""
    fill, border = colours or (
        CONTEXT_COLOURS if context else CATEGORY_COLOURS.get(agency.category.value, CATEGORY_COLOURS["other"])
    )
    other = agency.name_en if lang == "zh" else agency.name_zh
    return ChartNode(
        id=agency.id,
        label=wrap_label(agency.name(lang), lang),
        x=pos[0],
        y=pos[1],
        fill=fill,
        border=border,
        tooltip=tooltip(agency.name(lang), [("", other), *rows]),
        dashed=agency.basis is Basis.MODELED,
        bold=bold,
        border_width=3.0 if bold else 1.5,
        category=agency.category.value,
        context=context,
        size=size,
        agency=True,
    )


def structure_links(edges: Iterable[Edge], drawn: set[str], *, mode_names: Mapping[str, str]) -> list[ChartLink]:
    """REPORTS_TO and HOSTED_BY edges between drawn agencies, styled by mode."""
    links = []
    for e in edges:
        if e.start not in drawn or e.end not in drawn:
            continue
        if e.type is RelType.REPORTS_TO:
            mode = e.mode or "leads"
            links.append(
                ChartLink(e.start, e.end, mode, tooltip=tooltip(mode_names.get(mode, mode), [("basis", e.basis.value)]))
            )
        elif e.type is RelType.HOSTED_BY:
            mode = e.mode or ""
            links.append(ChartLink(e.start, e.end, "hosted", tooltip=tooltip(mode_names.get(mode, mode))))
    return links


def chart_html(
    nodes: Sequence[ChartNode],
    links: Sequence[ChartLink],
    *,
    height: int = 620,
    legend: Legend | None = None,
    frame: tuple[float, float, float, float] | None = None,
    direction: str = "TB",
) -> str:
    """A self-contained UTF-8 HTML page drawing the chart with fixed positions and physics off.

    The first view shows `frame` (min x, min y, max x, max y; default: the nodes' bounding box), so two charts
    given the same frame show a continuing agency at the same spot on screen.
    """
    if frame is None:
        frame = bounding_box(nodes)
    # Late: pyvis imports IPython (~0.1 s), and a county's Explorer, drawn as the org chart, needs no pyvis chart.
    from pyvis.network import Network

    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    net.templateEnv = _pyvis_templates()
    for n in nodes:
        net.add_node(
            n.id,
            label=canvas_text(n.label),
            title=n.tooltip or None,
            x=n.x,
            y=n.y,
            shape=n.shape,
            color={
                "background": n.fill,
                "border": n.border,
                "highlight": {"background": n.fill, "border": "#111111"},
                "hover": {"background": n.fill, "border": "#111111"},
            },
            borderWidth=n.border_width,
            size=n.size,
            shapeProperties={
                "borderDashes": GHOST_DASHES if n.ended else [5, 4] if n.dashed else False,
                "borderRadius": 4,
            },
            font={"size": n.size, "color": GHOST_TEXT if n.ended else "#1b1f23", "face": FONT},
            **({"ended": True} if n.ended else {}),
            **({"agency": True} if n.agency else {}),
        )
    opacity = 0.9 if len(links) <= 30 else 0.5  # many lines: lighter, so boxes stay readable
    for link in links:
        colour, dashes, width = MODE_STYLES.get(link.style, MODE_STYLES["leads"])
        extra = {"label": canvas_text(link.label)} if link.label else {}
        net.add_edge(
            link.start,
            link.end,
            title=link.tooltip or None,
            color={"color": colour, "highlight": "#111111", "hover": colour, "opacity": opacity},
            dashes=dashes,
            width=link.width or width,
            arrows={"to": {"enabled": link.arrows, "scaleFactor": 0.55}},
            font={"size": 11, "color": "#37474f", "strokeWidth": 3, "face": FONT},
            **extra,
        )
    page = net.generate_html(notebook=False)
    # Our options replace pyvis's wholesale (its set_options() parser would rewrite them).
    options = json.loads(json.dumps(OPTIONS))
    options["edges"]["smooth"]["forceDirection"] = "horizontal" if direction == "LR" else "vertical"
    page = re.sub(
        r"var options = .*?;\n", lambda _: f"var options = {json.dumps(options)};\n", page, count=1, flags=re.DOTALL
    )
    return _finish(page, height, legend, frame)


def bounding_box(nodes: Iterable[ChartNode]) -> tuple[float, float, float, float]:
    xs = [n.x for n in nodes] or [0.0]
    ys = [n.y for n in nodes] or [0.0]
    return (min(xs), min(ys), max(xs), max(ys))


def fit_height(nodes: Sequence[ChartNode], width: float, *, low: int = 300, high: int = 720) -> int:
    """A chart height (px) that shows the nodes at a readable scale in a pane about `width` px wide,
    without a band of empty canvas above and below a flat chart."""
    x0, y0, x1, y1 = bounding_box(nodes)
    scale = min(width / (x1 - x0 + 260), 1.25)
    return int(max(low, min(high, (y1 - y0 + 170) * scale)))


@functools.cache
def _pyvis_templates() -> Environment:
    """pyvis gives every Network a new jinja Environment, so its page template was compiled again for every chart
    (~0.1 s each, three per Compare run); one Environment for the process compiles it once."""
    import pyvis  # late, as in chart_html

    return Environment(loader=FileSystemLoader(str(Path(pyvis.__file__).parent / "templates")))


def _finish(page: str, height: int, legend: Legend | None, frame: tuple[float, float, float, float]) -> str:
    """Strip pyvis's CDN tags and empty headings, add our style, tooltip script and legend."""
    page = re.sub(r"<link[^>]*cdn\.jsdelivr\.net[^>]*/>\s*", "", page)
    page = re.sub(r"<script[^>]*cdn\.jsdelivr\.net[^>]*>\s*</script>\s*", "", page)
    page = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>\s*", "", page)
    script = f"var orgraphFrame = {json.dumps(list(frame))};\n" + PAGE_JS
    page = page.replace("network = new vis.Network(container, data, options);", script, 1)
    page = page.replace("<head>", '<head>\n<meta name="viewport" content="width=device-width">', 1)
    page = page.replace("</head>", f"<style>{CSS}</style>\n</head>", 1)
    if legend:
        page = page.replace("</body>", _legend_html(legend) + "\n</body>", 1)
    if not page.lstrip().lower().startswith("<!doctype"):
        page = "<!DOCTYPE html>\n" + page
    return page


def _legend_html(legend: Legend) -> str:
    parts = [
        f"<span><span class='box' style='background:{fill};border-color:{border}'></span>{html.escape(text)}</span>"
        for text, fill, border in legend.boxes
    ]
    for text, style in legend.lines:
        colour, dashes, width = MODE_STYLES[style]
        dash = " ".join(str(d) for d in dashes) if dashes else "none"
        parts.append(
            f"<span><svg width='34' height='10'><line x1='1' y1='5' x2='33' y2='5' stroke='{colour}' "
            f"stroke-width='{max(width, 1.5)}' stroke-dasharray='{dash}'/></svg>{html.escape(text)}</span>"
        )
    if legend.ended_note:
        parts.append(
            f"<span><span class='box' style='background:#fafafa;border-color:{GHOST_TEXT};border-style:dotted'>"
            f"</span><s style='color:{STRIKE}'><span style='color:{GHOST_TEXT}'>{html.escape(legend.ended_note)}"
            "</span></s></span>"
        )
    if legend.dashed_note:
        parts.append(
            f"<span><span class='box' style='background:#fff;border-color:#607d8b;border-style:dashed'>"
            f"</span>{html.escape(legend.dashed_note)}</span>"
        )
    return "<div class='legend'>" + "".join(parts) + "</div>"


def wrap_label(text: str, lang: str) -> str:
    """A name broken so its box stays narrow: 9 characters a line in Chinese, about 18 at spaces in English."""
    return _wrap(text, 9 if lang == "zh" else 18)


def _wrap(text: str, width: int) -> str:
    """Break long names so boxes stay narrow (Chinese by characters, English at spaces)."""
    if len(text) <= width:
        return text
    if " " in text:
        lines, line = [], ""
        for word in text.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        return "\n".join(lines)
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))
