"""Data exports of a selection: GraphML, GEXF, node-link JSON (via networkx) and a CSV dataset folder.

Every node and relationship carries its basis and source. Attributes are the stores' properties, encoded by
graph/schema.py (docs/schema.md), except that an empty note (and a function's empty source) is left out;
`kind` says Agency/Jurisdiction/Function, `label` is what yEd and Gephi show. None is never written (GraphML has
no null): an unknown value is simply absent. The CSV folder is in the
docs/data-format.md format with a manifest, so it loads back as a dataset.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any

import networkx as nx

from exporters.selection import ExportGraph
from exporters.yed import add_yed_styles
from graph.csvcells import write_csv
from graph.errors import InvalidRequest, OrgraphError
from graph.model import Agency, Dataset, Edge, Function, Jurisdiction
from graph.schema import edge_properties, node_properties
from loaders.rows import CSV_COLUMNS

__all__ = ["CSV_FILES", "to_csv_folder", "to_csv_zip", "to_gexf", "to_graphml", "to_json", "to_networkx"]

CSV_FILES = ("jurisdictions.csv", "agencies.csv", "functions.csv", "edges.csv")
JURISDICTION_COLUMNS = list(CSV_COLUMNS["jurisdictions.csv"])
AGENCY_COLUMNS = list(CSV_COLUMNS["agencies.csv"])
FUNCTION_COLUMNS = list(CSV_COLUMNS["functions.csv"])
EDGE_COLUMNS = list(CSV_COLUMNS["edges.csv"])


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _shown(props: dict[str, Any], *empty_left_out: str) -> dict[str, Any]:
    """A stored property map (graph/schema.py's encoding) as exported: these properties left out when empty."""
    return {k: v for k, v in props.items() if not (k in empty_left_out and v == "")}


def jurisdiction_props(j: Jurisdiction, dataset_id: str) -> dict[str, Any]:
    """Built-in properties plus the dataset's declared attributes, each a property of its own (as in the stores)."""
    return _shown(node_properties(j, dataset_id), "note")


def agency_props(a: Agency, dataset_id: str) -> dict[str, Any]:
    return _shown(node_properties(a, dataset_id), "note")


def function_props(f: Function, dataset_id: str) -> dict[str, Any]:
    return _shown(node_properties(f, dataset_id), "note", "source")


def edge_props(e: Edge) -> dict[str, Any]:
    return _shown(edge_properties(e), "note")


def to_networkx(graph: ExportGraph, *, dataset_id: str | None = None) -> nx.MultiDiGraph:
    """The selection as a MultiDiGraph keyed by orgraph ids; edge keys are `TYPE:mode-or-change:function`."""
    ds_id = dataset_id or graph.dataset.id
    g = nx.MultiDiGraph(
        dataset=ds_id,
        title=graph.title("zh"),
        title_en=graph.title("en"),
        snapshots=",".join(s.id for s in graph.snapshots),
        sources="; ".join(f"{s.id}: {s.title}" for s in graph.sources()),
    )
    kinds: dict[str, str] = {}

    def add(node_id: str, kind: str, props: dict[str, Any], label: str) -> None:
        if node_id in kinds:
            raise OrgraphError(f"id {node_id!r} is both a {kinds[node_id]} and a {kind}; cannot export one graph")
        kinds[node_id] = kind
        g.add_node(node_id, kind=kind, label=label, **props)

    for j in graph.jurisdictions:
        add(j.id, "Jurisdiction", jurisdiction_props(j, ds_id), j.name_zh or j.name_en)
    for a in graph.agencies:
        add(a.id, "Agency", agency_props(a, ds_id), a.name_zh or a.name_en)
    for f in graph.functions:
        add(f.id, "Function", function_props(f, ds_id), f.name_zh or f.name_en)
    for e in graph.all_edges:
        key = f"{e.type.value}:{e.mode or _plain(e.change) or ''}:{e.function or ''}"
        g.add_edge(
            e.start,
            e.end,
            key=key,
            type=e.type.value,
            label=e.mode or _plain(e.change) or e.type.value,
            **edge_props(e),
        )
    return g


def to_graphml(graph: ExportGraph, **options: Any) -> bytes:
    """GraphML with yEd's styling added (exporters/yed.py); plain GraphML readers ignore it."""
    g = to_networkx(graph, **options)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    labels = {str(n): str(d.get("label", n)) for n, d in g.nodes(data=True)}
    categories = {str(n): str(d.get("category", "")) for n, d in g.nodes(data=True)}
    return add_yed_styles(buf.getvalue(), labels, categories)


def to_gexf(graph: ExportGraph, **options: Any) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(to_networkx(graph, **options), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def to_json(graph: ExportGraph, **options: Any) -> str:
    """Node-link JSON, UTF-8 text with Chinese unescaped. Edge ends are "from"/"to" (as in edges.csv), since
    "source" is every fact's citation; read it back with
    `nx.node_link_graph(data, edges="edges", source="from", target="to")`."""
    data = nx.node_link_data(to_networkx(graph, **options), edges="edges", source="from", target="to")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)


# ---- CSV dataset folder -----------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv(columns: list[str], rows: Iterable[dict[str, Any]]) -> str:
    """Formula-like cells get a leading quote that the loader removes again (graph/csvcells.py)."""
    return write_csv(columns, ([_cell(row.get(c)) for c in columns] for row in rows))


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are valid TOML escapes; DEL must be escaped too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _manifest(graph: ExportGraph, dataset_id: str) -> str:
    ds = graph.dataset
    sources = graph.sources()
    cited = {s.id for s in sources}
    events = list(ds.events)
    for ev in events:  # events cite sources too; keep them so the manifest stays valid
        if ev.source not in cited:
            cited.add(ev.source)
    lines = [
        "format_version = 2",
        f"id = {_toml_string(dataset_id)}",
        f"title_zh = {_toml_string(ds.title_zh)}",
        f"title_en = {_toml_string(ds.title_en)}",
        f"description = {_toml_string(ds.description or 'Exported by orgraph: ' + graph.title('en'))}",
        "",
    ]
    lines += _vocabulary_toml(ds)
    for snap in graph.snapshots:
        lines += (
            ["[[snapshots]]"]
            + [
                f"{k} = {_toml_string(str(_plain(getattr(snap, k))))}"
                for k in ("id", "date", "role", "label_zh", "label_en")
            ]
            + [""]
        )
    for src in ds.sources:
        if src.id in cited:
            lines += (
                ["[[sources]]"]
                + [
                    f"{k} = {_toml_string(str(_plain(getattr(src, k))))}"
                    for k in ("id", "basis", "title", "date", "publisher", "url", "note")
                ]
                + [""]
            )
    for ev in events:
        lines += (
            ["[[events]]"]
            + [f"{k} = {_toml_string(getattr(ev, k))}" for k in ("date", "label_zh", "label_en", "source")]
            + [""]
        )
    return "\n".join(lines)


def _vocabulary_toml(ds: Dataset) -> list[str]:
    """[interface], [[levels]] and [[jurisdiction_attributes]] of a format-2 manifest (format-1 datasets are
    written in format 2: their inferred levels and implicit attributes become declared)."""
    ui = ds.interface
    lines: list[str] = []
    texts = [(k, getattr(ui, k)) for k in ("title_zh", "title_en", "caption_zh", "caption_en") if getattr(ui, k)]
    if texts:
        lines += ["[interface]", *(f"{k} = {_toml_string(v)}" for k, v in texts), ""]
    for level in ds.levels:
        lines += ["[[levels]]", f"id = {_toml_string(level.id)}", f"rank = {level.rank}"]
        lines += [f"{k} = {_toml_string(getattr(level, k))}" for k in ("label_zh", "label_en")] + [""]
    for attr in ds.attributes:
        lines += ["[[jurisdiction_attributes]]", f"id = {_toml_string(attr.id)}", f"type = {_toml_string(attr.type)}"]
        if attr.values:
            lines.append(f"values = [{', '.join(_toml_string(v) for v in attr.values)}]")
        lines += [f"{k} = {_toml_string(getattr(attr, k))}" for k in ("label_zh", "label_en")]
        if attr.required_at:
            lines.append(f"required_at = [{', '.join(_toml_string(v) for v in attr.required_at)}]")
        lines.append("")
    return lines


def csv_files(graph: ExportGraph, *, dataset_id: str | None = None) -> dict[str, str]:
    """File name -> text of the dataset folder (manifest.toml and the four CSV files)."""
    ds_id = dataset_id or graph.dataset.id
    attribute_columns = [a.id for a in graph.dataset.attributes]
    jurisdictions = [
        {**{k: getattr(j, k) for k in JURISDICTION_COLUMNS}, **dict(j.attributes)} for j in graph.jurisdictions
    ]
    agencies = [{k: getattr(a, k) for k in AGENCY_COLUMNS} for a in graph.agencies]
    functions = [{k: getattr(f, k) for k in FUNCTION_COLUMNS} for f in graph.functions]
    edges = [
        {
            "type": e.type,
            "from": e.start,
            "to": e.end,
            "mode": e.mode,
            "change": e.change,
            "function": e.function,
            "basis": e.basis,
            "source": e.source,
            "note": e.note,
        }
        for e in graph.edges
    ]
    return {
        "manifest.toml": _manifest(graph, ds_id),
        "jurisdictions.csv": _csv(JURISDICTION_COLUMNS + attribute_columns, jurisdictions),
        "agencies.csv": _csv(AGENCY_COLUMNS, agencies),
        "functions.csv": _csv(FUNCTION_COLUMNS, functions),
        "edges.csv": _csv(EDGE_COLUMNS, edges),
    }


def to_csv_folder(graph: ExportGraph, folder: str | Path, **options: Any) -> Path:
    """Write a loadable dataset folder; refuses to overwrite a folder that already holds other files."""
    target = Path(folder)
    files = csv_files(graph, **options)
    if target.exists() and not target.is_dir():
        raise InvalidRequest(f"{target} exists and is not a folder; CSV export writes a dataset folder")
    target.mkdir(parents=True, exist_ok=True)
    foreign = sorted(p.name for p in target.iterdir() if p.name not in files and p.name != "README.md")
    if foreign:
        raise InvalidRequest(f"{target} already holds other files ({', '.join(foreign[:5])}); choose an empty folder")
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
    return target


def to_csv_zip(graph: ExportGraph, **options: Any) -> bytes:
    """The dataset folder as a zip (what the app offers for download)."""
    buf = io.BytesIO()
    folder = options.pop("folder_name", graph.dataset.id)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in csv_files(graph, **options).items():
            zf.writestr(f"{folder}/{name}", text.encode("utf-8"))
    return buf.getvalue()
