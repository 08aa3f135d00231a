"""`python cli.py export` writes every format for the mini dataset, and refuses a bad selection with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cli
from exporters import FORMATS, Selection, make_selection
from graph.errors import OrgraphError
from graph.model import Dataset

STARTS = {
    "svg": b"<?xml",
    "png": b"\x89PNG",
    "pdf": b"%PDF-",
    "html": b"<html",
    "graphml": b"<?xml",
    "gexf": b"<?xml",
    "json": b"{",
    "cypher": b"// orgraph export",
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_writes_each_format(fmt: str, mini_path: Path, mini_dataset: Dataset, tmp_path: Path) -> None:
    county = mini_dataset.bottom_jurisdictions()[0]
    out = tmp_path / f"out.{fmt}"
    code = cli.main(
        [
            "export",
            "--dataset",
            str(mini_path),
            "--backend",
            "networkx",
            "--format",
            fmt,
            "--jurisdiction",
            county.name_zh,
            "-o",
            str(out),
        ]
    )
    assert code == cli.EXIT_OK
    if fmt == "csv":
        from loaders import load_dataset

        back = load_dataset(out)
        assert {a.jurisdiction for a in back.agencies} >= {county.id}
        return
    data = out.read_bytes()
    assert data.startswith(STARTS[fmt]), data[:40]
    if fmt in ("svg", "html", "graphml", "json", "cypher"):
        assert county.name_zh in data.decode("utf-8")


def test_cli_compare_and_neighbourhood(mini_path: Path, mini_dataset: Dataset, tmp_path: Path) -> None:
    snaps = mini_dataset.snapshot_ids()
    if len(snaps) >= 2:
        code = cli.main(
            [
                "export",
                "--dataset",
                str(mini_path),
                "--backend",
                "networkx",
                "--format",
                "svg",
                "--compare",
                f"{snaps[0]}:{snaps[-1]}",
                "--jurisdiction",
                mini_dataset.bottom_jurisdictions()[0].id,
                "--layout",
                "LR",
                "-o",
                str(tmp_path / "cmp.svg"),
            ]
        )
        assert code == 0 and "图例" in (tmp_path / "cmp.svg").read_text(encoding="utf-8")
    agency = mini_dataset.agencies[0]
    code = cli.main(
        [
            "export",
            "--dataset",
            str(mini_path),
            "--backend",
            "networkx",
            "--format",
            "json",
            "--agency",
            agency.id,
            "--depth",
            "2",
            "-o",
            str(tmp_path / "n.json"),
        ]
    )
    assert code == 0
    nodes = {n["id"] for n in json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))["nodes"]}
    assert agency.id in nodes


def test_cli_unknown_snapshot_exits_2_naming_it(
    mini_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(
        [
            "export",
            "--dataset",
            str(mini_path),
            "--backend",
            "networkx",
            "--format",
            "svg",
            "--snapshot",
            "1999",
            "-o",
            str(tmp_path / "x.svg"),
        ]
    )
    assert code == cli.EXIT_BAD_INPUT
    assert "1999" in capsys.readouterr().err
    assert not (tmp_path / "x.svg").exists()


def test_make_selection_defaults(mini_dataset: Dataset) -> None:
    latest = mini_dataset.snapshot_ids()[-1]
    assert make_selection(mini_dataset, "svg") == Selection(snapshots=(latest,))
    assert make_selection(mini_dataset, "graphml") == Selection()
    assert make_selection(mini_dataset, "png", compare="a:b").compare == ("a", "b")
    with pytest.raises(OrgraphError, match="BEFORE:AFTER"):
        make_selection(mini_dataset, "svg", compare="2018")
