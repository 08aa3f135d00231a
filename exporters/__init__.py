"""Exports of a selection as diagrams (SVG/PNG/PDF), interactive HTML, or data (GraphML, GEXF, JSON, CSV, Cypher).

The CLI (`python cli.py export`) and the app's Export page both call `export` / `export_to_path` through
service.py:

    graph = collect(store, dataset, Selection(snapshots=("2019",), jurisdiction="j1"))
    svg = render(graph, "svg")

May import `graph` and its sub-packages (the change classes come from graph.diff) and loaders.rows (the CSV
columns an exported folder must have to load again); never service.py, views or the app, which call it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exporters.selection import ExportGraph, Selection, collect
from graph.errors import InvalidRequest
from graph.filters import ALL, ViewFilter
from graph.model import Dataset
from graph.store import GraphStore

__all__ = [
    "DIAGRAM_FORMATS",
    "ExportGraph",
    "FORMATS",
    "MEDIA_TYPES",
    "Selection",
    "collect",
    "export",
    "export_to_path",
    "make_selection",
    "render",
    "render_to_path",
]

DIAGRAM_FORMATS = ("svg", "png", "pdf")
FORMATS = DIAGRAM_FORMATS + ("html", "graphml", "gexf", "json", "csv", "cypher")
#: format -> (media type, file extension) for downloads; csv downloads as a zip of the dataset folder.
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "svg": ("image/svg+xml", "svg"),
    "png": ("image/png", "png"),
    "pdf": ("application/pdf", "pdf"),
    "html": ("text/html; charset=utf-8", "html"),
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "json": ("application/json", "json"),
    "csv": ("application/zip", "zip"),
    "cypher": ("text/plain; charset=utf-8", "cypher"),
}
#: Options each family of formats understands; others are refused rather than ignored.
DIAGRAM_OPTIONS = {"rankdir", "lang", "show_functions", "legend"}
HTML_OPTIONS = {"rankdir", "lang", "height"}
DATA_OPTIONS = {"dataset_id"}


def _check(fmt: str, options: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise InvalidRequest(
            f"option(s) {', '.join(unknown)} do not apply to {fmt}; allowed: {', '.join(sorted(allowed))}"
        )


def render(graph: ExportGraph, fmt: str, **options: Any) -> bytes:
    """The export as bytes (text formats UTF-8 encoded; csv as a zip of the dataset folder)."""
    fmt = fmt.lower()
    if fmt in DIAGRAM_FORMATS:
        from exporters.diagram import render_diagram

        _check(fmt, options, DIAGRAM_OPTIONS)
        return render_diagram(graph, fmt, **options)
    if fmt == "html":
        from exporters.html import render_html

        _check(fmt, options, HTML_OPTIONS)
        return render_html(graph, **options).encode("utf-8")
    _check(fmt, options, DATA_OPTIONS)
    from exporters import cypher, data

    if fmt == "graphml":
        return data.to_graphml(graph, **options)
    if fmt == "gexf":
        return data.to_gexf(graph, **options)
    if fmt == "json":
        return data.to_json(graph, **options).encode("utf-8")
    if fmt == "csv":
        return data.to_csv_zip(graph, **options)
    if fmt == "cypher":
        return cypher.to_cypher(graph, **options).encode("utf-8")
    raise InvalidRequest(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")


def render_to_path(graph: ExportGraph, fmt: str, path: str | Path, **options: Any) -> Path:
    """Write the export to `path`. csv writes a dataset folder there (a zip if `path` ends in .zip)."""
    target = Path(path)
    if fmt.lower() == "csv" and target.suffix.lower() != ".zip":
        from exporters.data import to_csv_folder

        _check(fmt, options, DATA_OPTIONS)
        return to_csv_folder(graph, target, **options)
    payload = render(graph, fmt, **options)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(payload)
    return target


def make_selection(
    dataset: Dataset,
    fmt: str,
    *,
    snapshot: str | None = None,
    jurisdiction: str | None = None,
    compare: tuple[str, str] | str | None = None,
    agency: str | None = None,
    depth: int = 1,
    chain: bool = False,
    view: ViewFilter = ALL,
) -> Selection:
    """The Selection the CLI and the app mean: `compare` may be "2018:2019"; with no snapshot, a diagram or page
    shows the latest snapshot and a data export holds every snapshot. `chain` (with `agency`) is the Explorer's focus
    view; `view` its category and mode filters."""
    if isinstance(compare, str):
        before, sep, after = compare.partition(":")
        if not sep or not before or not after:
            raise InvalidRequest(f"compare must look like BEFORE:AFTER (e.g. 2018:2019), not {compare!r}")
        compare = (before, after)
    if compare and (snapshot or agency):
        raise InvalidRequest("choose either a compare pair, a snapshot or an agency neighbourhood, not several")
    if agency:
        return Selection(agency=agency, depth=depth, jurisdiction=None, chain=chain, view=view)
    if compare:
        return Selection(compare=compare, jurisdiction=jurisdiction, view=view)
    if snapshot:
        return Selection(snapshots=(snapshot,), jurisdiction=jurisdiction, view=view)
    if fmt.lower() in DIAGRAM_FORMATS + ("html",):
        return Selection(snapshots=(dataset.snapshot_ids()[-1],), jurisdiction=jurisdiction, view=view)
    return Selection(jurisdiction=jurisdiction, view=view)


def export(store: GraphStore | None, dataset: Dataset, selection: Selection, fmt: str, **options: Any) -> bytes:
    """Fetch the selection from `store` (None: an embedded store of `dataset`) and render it."""
    return render(collect(store, dataset, selection), fmt, **options)


def export_to_path(
    store: GraphStore | None, dataset: Dataset, selection: Selection, fmt: str, path: str | Path, **options: Any
) -> Path:
    return render_to_path(collect(store, dataset, selection), fmt, path, **options)
