"""Graphviz diagrams: every county and snapshot draws as SVG, PNG and PDF with Chinese names in a named,
installed CJK font; modeled facts look modeled; the before/after diagram colours agencies by change."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from html import escape
from pathlib import Path

import pytest

from exporters import Selection, collect, render, render_to_path
from exporters.diagram import diagram_source, pipe_dot
from exporters.orgdiagram import org_chart_of
from exporters.selection import change_classes
from exporters.style import CATEGORY_STYLE, CHANGE_COLOUR, MODE_STYLE, cjk_font
from graph.model import Basis, Dataset
from tests.export.builders import EXPECTED_CHANGES, HOSTILE_NAME

MAGIC = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}
SVG_NS = {"svg": "http://www.w3.org/2000/svg"}


def _svg_texts(svg: bytes) -> tuple[str, set[str]]:
    """All text drawn in the SVG (joined) and the font families it names."""
    root = ET.fromstring(svg)
    texts = root.findall(".//svg:text", SVG_NS)
    return "\n".join(t.text or "" for t in texts), {t.get("font-family", "") for t in texts}


def _squeeze(text: str) -> str:
    return "".join(text.split())


def test_cjk_font_is_installed_and_is_what_fontconfig_uses() -> None:
    """The font named in diagrams exists here, so Chinese renders as glyphs and not as empty boxes."""
    assert shutil.which("dot"), "Graphviz dot is missing: install the Debian package graphviz"
    font = cjk_font()
    matched = subprocess.run(
        ["fc-match", "-f", "%{family}", f"{font}:lang=zh"], capture_output=True, text=True, check=True
    ).stdout
    assert font in matched.split(","), f"fontconfig resolves {font!r} to {matched!r}: the CJK font is not installed"


def _check_every_county(dataset: Dataset, store: object, out: Path) -> list[str]:
    problems = []
    font = cjk_font()
    for county in dataset.bottom_jurisdictions():
        for snap in dataset.snapshot_ids():
            graph = collect(store, dataset, Selection(snapshots=(snap,), jurisdiction=county.id))  # type: ignore[arg-type]
            if not graph.agencies:
                continue
            for fmt in ("svg", "png", "pdf"):
                path = render_to_path(graph, fmt, out / f"{county.id}-{snap}.{fmt}")
                data = path.read_bytes()
                if not data.startswith(MAGIC[fmt]) or len(data) < 1000:
                    problems.append(f"{path.name}: not a {fmt} file ({len(data)} bytes)")
            text, fonts = _svg_texts((out / f"{county.id}-{snap}.svg").read_bytes())
            flat = _squeeze(text)  # labels wrap long names over several <text> lines
            missing = [a.name_zh for a in graph.agencies if _squeeze(a.name_zh) not in flat]
            if missing:
                problems.append(f"{county.id}/{snap}: Chinese names missing from the SVG: {missing[:5]}")
            if fonts != {font}:
                problems.append(f"{county.id}/{snap}: SVG text fonts {fonts}, expected only {font!r}")
            if county.name_zh not in text:
                problems.append(f"{county.id}/{snap}: the title does not name {county.name_zh}")
        snaps = dataset.snapshot_ids()
        if len(snaps) >= 2:  # the before/after diagram of every county draws too, both ways round
            graph = collect(store, dataset, Selection(compare=(snaps[0], snaps[-1]), jurisdiction=county.id))  # type: ignore[arg-type]
            for rankdir in ("TB", "LR"):
                text, fonts = _svg_texts(render(graph, "svg", rankdir=rankdir))
                if county.name_zh not in text or fonts != {font}:
                    problems.append(f"{county.id} compare {rankdir}: title or font wrong ({fonts})")
    return problems


def test_every_mini_county_and_snapshot_draws_in_three_formats(
    mini_dataset: Dataset, mini_store: object, out_dir: Path
) -> None:
    assert mini_dataset.bottom_jurisdictions(), "the mini dataset has no county"
    assert _check_every_county(mini_dataset, mini_store, out_dir) == []


@pytest.mark.slow
def test_every_xilingol_county_and_snapshot_draws_in_three_formats(
    xilingol_dataset: Dataset, xilingol_store: object, out_dir: Path
) -> None:
    assert _check_every_county(xilingol_dataset, xilingol_store, out_dir) == []


def test_whole_snapshot_is_clustered_by_jurisdiction(mini_dataset: Dataset, mini_store: object) -> None:
    snap = mini_dataset.snapshot_ids()[-1]
    graph = collect(mini_store, mini_dataset, Selection(snapshots=(snap,)))  # type: ignore[arg-type]
    source = diagram_source(graph).source
    used = {a.jurisdiction for a in graph.agencies}
    assert len(re.findall(r"subgraph cluster_\d+", source)) == len(used)
    svg_text, _ = _svg_texts(render(graph, "svg"))
    for jid in used:
        j = mini_dataset.jurisdiction(jid)
        assert j is not None and j.name_zh in svg_text


def test_modeled_agency_is_drawn_with_a_dashed_outline(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection(snapshots=("2019",), jurisdiction="xh"))  # type: ignore[arg-type]
    svg = render(graph, "svg").decode("utf-8")
    root = ET.fromstring(svg)
    by_name = {}
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("class") != "node":
            continue
        texts = "".join(t.text or "" for t in g.iter("{http://www.w3.org/2000/svg}text"))
        shapes = [el for el in g.iter() if el.tag.endswith(("polygon", "path", "ellipse"))]
        by_name[texts] = any(el.get("stroke-dasharray") for el in shapes)
    modeled = [a for a in graph.agencies if a.basis is Basis.MODELED]
    published = [a for a in graph.agencies if a.basis is not Basis.MODELED and a.id not in graph.context]
    assert modeled and published
    for a in modeled:
        assert any(dashed for text, dashed in by_name.items() if text.startswith(a.name_zh)), a.id
    for a in published:
        assert not any(dashed for text, dashed in by_name.items() if text.startswith(a.name_zh + a.name_en)), a.id


def test_change_classes_follow_became_lineage(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection(compare=("2018", "2019"), jurisdiction="xh"))  # type: ignore[arg-type]
    got = {k: v.value for k, v in change_classes(graph, "2018", "2019").items()}
    assert got == EXPECTED_CHANGES
    # an ExportGraph made without the store's whole snapshots diffs its own facts, with the same answer here
    alone = {k: v.value for k, v in change_classes(replace(graph, changes={}), "2018", "2019").items()}
    assert alone == EXPECTED_CHANGES


def test_compare_diagram_colours_each_agency_by_its_change(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection(compare=("2018", "2019"), jurisdiction="xh"))  # type: ignore[arg-type]
    source = diagram_source(graph, rankdir="LR").source
    ids = {a.id: f"a{i}" for i, a in enumerate(graph.agencies)}
    for agency_id, cls in change_classes(graph, "2018", "2019").items():
        fill = CHANGE_COLOUR[cls][0]
        line = next(ln for ln in source.splitlines() if ln.strip().startswith(ids[agency_id] + " "))
        assert f'fillcolor="{fill}"' in line, (agency_id, cls, line)
    svg_text, _ = _svg_texts(render(graph, "svg", rankdir="LR"))
    for zh in (
        "合并 merged",
        "并入他机构 merged away",
        "撤销 removed",
        "新设 added",
        "更名 renamed",
        "转隶/改为派出 moved",
    ):
        assert zh in svg_text  # the legend explains every colour used


def test_hostile_name_is_drawn_as_text(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection(snapshots=("2019",), jurisdiction="xh"))  # type: ignore[arg-type]
    svg = render(graph, "svg").decode("utf-8")
    assert escape(HOSTILE_NAME, quote=False) in svg
    assert "<img" not in svg
    text, _ = _svg_texts(svg.encode("utf-8"))
    assert _squeeze(HOSTILE_NAME) in _squeeze(text) and _squeeze("\\N back\\slash") in _squeeze(text)


def test_neighbourhood_holds_the_agency_and_its_direct_links(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection(agency="2019-xh-gov", depth=1))  # type: ignore[arg-type]
    assert {a.id for a in graph.agencies} == {
        "2019-xh-gov",
        "2019-xh-audit",
        "2019-xh-nr",
        "2019-xh-em",
        "2019-xh-hostile",
    }
    deeper = collect(changes_store, changes, Selection(agency="2019-xh-env", depth=2))  # type: ignore[arg-type]
    assert {a.id for a in deeper.agencies} == {"2019-xh-env", "2019-xlgl-env", "2019-xlgl-gov"}
    assert render(deeper, "svg", rankdir="LR").startswith(b"<?xml")


def test_every_reporting_mode_has_its_own_line_and_a_legend_in_words() -> None:
    """领导 and 管理, 业务指导 and 挂靠 (and every other pair) differ in pattern, width or colour; no shape names."""
    looks = {mode: (s.pattern, s.width, s.colour) for mode, s in MODE_STYLE.items()}
    assert len(set(looks.values())) == len(looks)
    assert looks["leads"] != looks["manages"] and looks["guides"] != looks["plate"]
    for style in MODE_STYLE.values():
        assert style.label_zh and style.label_en and style.css.endswith(style.colour)


def test_the_legend_names_no_graphviz_shape(changes: Dataset, changes_store: object) -> None:
    graph = collect(changes_store, changes, Selection(snapshots=("2019",), jurisdiction="xh"))  # type: ignore[arg-type]
    svg_text, _ = _svg_texts(render(graph, "svg"))
    legend = svg_text[svg_text.index("图例 Legend") :]
    assert not any(shape in legend.split() for shape in ("doubleoctagon", "house", "hexagon", "component", "note"))
    assert "政府部门 government" in svg_text


def test_a_county_is_drawn_as_the_app_s_org_chart(changes: Dataset, changes_store: object) -> None:
    """The leading bodies side by side in the top band, in the app's order; under them their departments in blocks
    by category, the head's line to each block in its mode's style; the other lines move nothing."""
    graph = collect(changes_store, changes, Selection(snapshots=("2019",), jurisdiction="xh"))  # type: ignore[arg-type]
    chart = org_chart_of(graph, "TB")
    assert chart is not None and org_chart_of(graph, "LR") is None
    ids = {a.id: f"a{i}" for i, a in enumerate(graph.agencies)}
    plain = pipe_dot(graph, "plain", legend=False).decode("utf-8")
    at = {
        p[1]: (float(p[2]), float(p[3])) for p in (line.split(" ", 4) for line in plain.splitlines()) if p[0] == "node"
    }
    heads = [ids[column.head.agency.id] for column in chart.columns]
    assert len(heads) == 2 and len({at[h][1] for h in heads}) == 1, "one top band"
    assert [at[h][0] for h in heads] == sorted(at[h][0] for h in heads), "in the app's order, left to right"
    band = at[heads[0]][1]
    assert all(y < band for node, (_, y) in at.items() if node not in heads), "everything else below the band"
    source = diagram_source(graph).source
    leads = MODE_STYLE["leads"]
    for column in chart.columns:
        for category, cards in column.blocks:
            look = CATEGORY_STYLE[category]
            assert f"{look.label_zh} {look.label_en} · {len(cards)}" in source
    block_lines = [ln for ln in source.splitlines() if "lhead=cluster_b" in ln]
    looks = {(s.colour, s.style) for s in MODE_STYLE.values()}
    drawn = {(re.findall(r'color="([^"]+)"', ln)[0], re.findall(r"style=\"?([a-z,]+)", ln)[0]) for ln in block_lines}
    assert (leads.colour, leads.style) in drawn and drawn <= looks, drawn
    hosted = next(ln for ln in source.splitlines() if "office_in" in ln)  # the line that gives no place
    assert "constraint=false" in hosted
