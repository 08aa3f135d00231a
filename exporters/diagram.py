"""Static structure diagrams (SVG, PNG, PDF) drawn by Graphviz `dot`.

An org chart of a jurisdiction and snapshot (or of every jurisdiction, clustered), an agency's
neighbourhood, or a before/after comparison coloured by change class. Superiors are ranked above (or left
of) the agencies that report to them; the arrow still points from subordinate to superior. Every label
uses a CJK font named in the output, so Chinese names render as Chinese glyphs.
"""

from __future__ import annotations

import html
from collections import defaultdict

import graphviz

from exporters.dotparts import agency_lines, dot_label, line_attrs, node_attrs
from exporters.layout_hints import grid_edges, wrap_edges
from exporters.orgdiagram import add_org_chart, org_chart_of
from exporters.selection import ExportGraph, change_classes
from exporters.style import (
    CATEGORY_STYLE,
    CHANGE_COLOUR,
    MODE_STYLE,
    cjk_font,
)
from graph.diff.classes import ChangeClass
from graph.errors import InvalidRequest, OrgraphError
from graph.model import Agency, Basis, Change, Edge, RelType

__all__ = ["DIAGRAM_FORMATS", "diagram_source", "render_diagram"]

DIAGRAM_FORMATS = ("svg", "png", "pdf")
CHANGE_ZH = {"continued": "延续", "renamed": "更名", "merged": "合并", "split": "拆分", "transferred": "职责划转"}
MAX_SOURCES_IN_TITLE = 3


def diagram_source(
    graph: ExportGraph,
    *,
    rankdir: str = "TB",
    lang: str = "both",
    show_functions: bool = False,
    legend: bool = True,
    hints: bool = True,
) -> graphviz.Digraph:
    """The DOT graph of a selection; `rankdir` TB (top-down) or LR (left-right), `lang` zh, en or both."""
    if rankdir not in ("TB", "LR"):
        raise InvalidRequest(f"layout must be TB (top-down) or LR (left-right), not {rankdir!r}")
    if lang not in ("zh", "en", "both"):
        raise InvalidRequest(f"lang must be zh, en or both, not {lang!r}")
    font = cjk_font()
    dot = graphviz.Digraph(name=graph.dataset.id, engine="dot")
    dot.attr(
        "graph",
        rankdir=rankdir,
        fontname=font,
        labelloc="t",
        labeljust="c",
        fontsize="18",
        newrank="true" if hints else "false",
        nodesep="0.25",
        ranksep="0.6",
        charset="UTF-8",
        label=_title(graph),
    )
    dot.attr("node", fontname=font, fontsize="11", style="filled", penwidth="1.2")
    dot.attr("edge", fontname=font, fontsize="9")
    compare = graph.selection.compare
    changes = change_classes(graph, *compare) if compare else {}
    ids = {a.id: f"a{i}" for i, a in enumerate(graph.agencies)}
    chart = org_chart_of(graph, rankdir) if hints else None
    if chart is not None:  # one jurisdiction in one snapshot: the app's org chart
        add_org_chart(dot, graph, chart, ids, lang, legend)
        clusters = []
    else:
        clusters = _add_agencies(dot, graph, ids, lang, changes)
    fids = {f.id: f"f{i}" for i, f in enumerate(graph.functions)}
    for e in graph.edges:
        if chart is not None and e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY):
            continue  # the org chart drew them
        if e.type is RelType.BECAME and e.change is Change.CONTINUED and changes:
            if changes.get(e.start) is ChangeClass.UNCHANGED and changes.get(e.end) is ChangeClass.UNCHANGED:
                continue  # the white fill already says "same body, same place": spare the reader the line
        _add_edge(dot, e, ids, fids, show_functions)
    if show_functions:
        for f in graph.functions:
            dot.node(
                fids[f.id],
                dot_label(f.name_zh if lang != "en" else f.name_en or f.name_zh),
                shape="plaintext",
                style="",
                fontsize="9",
                fontcolor="#555555",
            )
    links = [
        (ids[e.end], ids[e.start])
        for e in graph.edges
        if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY) and e.start in ids and e.end in ids
    ]
    cluster_of = {name: n for n, members in enumerate(clusters) for name in members}
    inside = [(a, b) for a, b in links if cluster_of.get(a, -1) == cluster_of.get(b, -2)] if clusters else links
    for a, b in wrap_edges(inside) if hints and chart is None else []:
        dot.edge(a, b, style="invis")
    for a, b in grid_edges(clusters, inside, rankdir=rankdir) if hints else []:
        dot.edge(a, b, style="invis", weight="0")  # weight 0: stack the clusters without dragging them sideways
    if not hints:
        dot.attr("graph", splines="polyline")
    if legend:
        _add_legend(dot, graph, changes)
    return dot


def render_diagram(graph: ExportGraph, fmt: str = "svg", **options: object) -> bytes:
    """The diagram as SVG, PNG or PDF bytes (runs `dot`)."""
    if fmt not in DIAGRAM_FORMATS:
        raise InvalidRequest(f"diagram format must be one of {', '.join(DIAGRAM_FORMATS)}, not {fmt!r}")
    return pipe_dot(graph, fmt, **options)


def pipe_dot(graph: ExportGraph, fmt: str, **options: object) -> bytes:
    """Run dot; if it trips on our layout hints (dot has known rank/spline failures with clusters, e.g.
    "trouble in init_rank" or "lost edge"), draw again without them rather than fail the export."""
    errors = []
    for hints in (True, False):
        dot = diagram_source(graph, **{**options, "hints": hints})  # type: ignore[arg-type]
        try:
            return bytes(dot.pipe(format=fmt, quiet=True))
        except graphviz.ExecutableNotFound as exc:
            raise OrgraphError(
                "Graphviz `dot` is not installed; install the Debian package graphviz (make system-deps) "
                "to draw diagrams"
            ) from exc
        except graphviz.CalledProcessError as exc:
            errors.append(exc)
    stderr = errors[-1].stderr.decode("utf-8", "replace") if isinstance(errors[-1].stderr, bytes) else ""
    raise OrgraphError(f"Graphviz failed to draw the diagram: {stderr.strip()[-400:]}") from errors[-1]


def _title(graph: ExportGraph) -> graphviz.quoting.NoHtml:
    sources = graph.sources()
    shown = "; ".join(
        f"{s.title}"
        + (f" ({s.publisher}{', ' if s.publisher and s.date else ''}{s.date})" if s.publisher or s.date else "")
        + (" [建模 modeled]" if s.basis is Basis.MODELED else "")
        for s in sources[:MAX_SOURCES_IN_TITLE]
    )
    if len(sources) > MAX_SOURCES_IN_TITLE:
        shown += f"; 等 {len(sources)} 项来源 ({len(sources)} sources)"
    return dot_label(graph.title("zh"), graph.title("en"), f"来源 Source: {shown}" if shown else "")


def _add_agencies(
    dot: graphviz.Digraph, graph: ExportGraph, ids: dict[str, str], lang: str, changes: dict[str, ChangeClass]
) -> list[list[str]]:
    """Nodes grouped into clusters by snapshot and jurisdiction whenever the selection spans several;
    returns the node names of each cluster of selected (not context) agencies, for the grid layout."""
    groups: dict[tuple[str, str, bool], list[Agency]] = defaultdict(list)
    for a in graph.agencies:
        groups[(a.snapshot, a.jurisdiction, a.id in graph.context)].append(a)
    clustered = len(groups) > 1
    clusters: list[list[str]] = []
    for n, ((snap, jid, is_context), members) in enumerate(
        sorted(groups.items(), key=lambda kv: _group_order(graph, kv[0]))
    ):
        target = graphviz.Digraph(name=f"cluster_{n}") if clustered else dot
        if clustered:
            j = graph.dataset.jurisdiction(jid)
            jname = j.name("en" if lang == "en" else "zh") if j else jid
            caption = f"{snap} · {jname}" + (" (上级/关联 context)" if is_context else "")
            target.attr(
                label=dot_label(caption),
                style="rounded,dashed" if is_context else "rounded",
                color="#bbbbbb" if is_context else "#666666",
                fontsize="13",
            )
        for a in members:
            target.node(
                ids[a.id], dot_label(*agency_lines(a, lang)), **node_attrs(a, a.id in graph.context, changes.get(a.id))
            )
        if clustered:
            dot.subgraph(target)
            if not is_context:
                clusters.append([ids[a.id] for a in members])
    return clusters


def _group_order(graph: ExportGraph, key: tuple[str, str, bool]) -> tuple[int, bool, int, str]:
    """Clusters in time order, selected before context, then in the dataset's jurisdiction order."""
    snap, jid, is_context = key
    snaps = [s.id for s in graph.snapshots]
    jurs = [j.id for j in graph.dataset.jurisdictions]
    return (
        snaps.index(snap) if snap in snaps else len(snaps),
        is_context,
        jurs.index(jid) if jid in jurs else len(jurs),
        jid,
    )


def _add_edge(dot: graphviz.Digraph, e: Edge, ids: dict[str, str], fids: dict[str, str], show_functions: bool) -> None:
    modeled = e.basis is Basis.MODELED
    if e.type in (RelType.REPORTS_TO, RelType.HOSTED_BY):
        dot.edge(ids[e.end], ids[e.start], **line_attrs(e))
    elif e.type is RelType.BECAME:
        dot.edge(
            ids[e.start],
            ids[e.end],
            style="dotted",
            color="#888888",
            constraint="false",
            label=dot_label(
                "" if e.change is Change.CONTINUED else CHANGE_ZH.get(e.change.value if e.change else "", "")
            ),
            fontcolor="#666666",
            arrowhead="onormal" if modeled else "normal",
        )
    elif e.type is RelType.HAS_FUNCTION and show_functions:
        dot.edge(ids[e.start], fids[e.end], style="dotted" if modeled else "solid", color="#bbbbbb", arrowhead="none")


LINE_SAMPLE = {"solid": "────", "dashed": "╌╌╌╌", "dotted": "┈┈┈┈"}
BOLD_SAMPLE = {"solid": "━━━━", "dashed": "╍╍╍╍", "dotted": "┅┅┅┅"}


def _add_legend(dot: graphviz.Digraph, graph: ExportGraph, changes: dict[str, ChangeClass]) -> None:
    """One compact HTML-table node listing only what the diagram uses, in words in both languages: categories (or
    change classes), edge modes, and how modeled facts look. Its text is ours (escaped), never data."""
    rows: list[str] = []

    def row(cell_attrs: str, sample: str, text: str) -> None:
        rows.append(f'<TR><TD {cell_attrs}>{html.escape(sample)}</TD><TD ALIGN="LEFT">{html.escape(text)}</TD></TR>')

    if changes:
        for cls in ChangeClass:
            if cls in changes.values():
                fill, zh = CHANGE_COLOUR[cls]
                row(f'BGCOLOR="{fill}" BORDER="1"', "  ", f"{zh} {cls.value.replace('_', ' ')}")
    else:
        for category in sorted({a.category for a in graph.agencies}, key=list(CATEGORY_STYLE).index):
            look = CATEGORY_STYLE[category]
            row(f'BGCOLOR="{look.fill}" BORDER="1"', "  ", f"{look.label_zh} {look.label_en}")
    row('BORDER="1" STYLE="dashed"', "  ", "虚线边框 = 建模推断 modeled; 空心箭头 = 建模关系 modeled edge")
    modes = sorted({e.mode for e in graph.edges if e.mode and e.mode in MODE_STYLE}, key=list(MODE_STYLE).index)
    for mode in modes:
        line_look = MODE_STYLE[mode]
        sample = (BOLD_SAMPLE if line_look.width >= 2.5 else LINE_SAMPLE)[line_look.pattern]
        rows.append(
            f'<TR><TD><FONT COLOR="{line_look.colour}">{sample}</FONT></TD>'
            f'<TD ALIGN="LEFT">{html.escape(f"{line_look.label_zh} {line_look.label_en}")}</TD></TR>'
        )
    table = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
        '<TR><TD COLSPAN="2"><B>图例 Legend</B></TD></TR>' + "".join(rows) + "</TABLE>>"
    )
    dot.node("legend", table, shape="box", style="rounded", color="#999999", fontsize="9")
