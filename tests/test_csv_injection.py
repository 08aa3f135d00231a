"""CSV (formula) injection: every CSV orgraph writes puts a quote before a cell a spreadsheet would run as a
formula (= + - @ tab CR, as OWASP advises; graph/csvcells.py), and a CSV dataset export still loads back exactly."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from paths import MINI

import cli
from graph.csvcells import FORMULA_START, escape_cell
from graph.model import RelType
from loaders import load_dataset

PAYLOAD = "=cmd|' /C calc'!A0"
NOTES = ["-1+cmd", "+SUM(A1)", "@SUM(1)", "'=already quoted", "''-twice", "-5", "'plain"]


def _rewrite(path: Path, change: dict[str, object]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    for index, row in enumerate(rows):
        for column, make in change.items():
            row[column] = make(index, row)  # type: ignore[operator]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """mini with every agency name starting like a formula, and notes that begin with every risky character.

    Cells are written escaped, as orgraph's export writes them."""
    folder = tmp_path_factory.mktemp("csv-injection") / "mini"
    shutil.copytree(MINI, folder)
    _rewrite(
        folder / "agencies.csv",
        {
            "name_en": lambda i, r: "'" + PAYLOAD + " " + r["name_en"],
            "name_zh": lambda i, r: "'@" + r["name_zh"],
            "note": lambda i, r: escape_cell(NOTES[i % len(NOTES)]),
        },
    )
    return folder


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_safe(text: str) -> None:
    risky = [c for c in _csv_cells(text) if c.startswith(FORMULA_START) and c.strip("+-.0123456789eE")]
    assert not risky, risky[:5]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert code in (0, 3), err
    return code, out


def test_the_loader_reads_escaped_cells_as_their_text(hostile: Path) -> None:
    dataset = load_dataset(hostile)
    assert all(a.name_en.startswith(PAYLOAD) and a.name_zh.startswith("@") for a in dataset.agencies)
    assert {a.note for a in dataset.agencies} == set(NOTES)


def test_query_csv_escapes_formulas(capsys, hostile: Path) -> None:
    _, out = _run(
        capsys,
        *("query", "MATCH (a:Agency) RETURN a.name_en AS en, a.name_zh AS zh, a.note AS note, -5 AS n"),
        *("--dataset", str(hostile), "--format", "csv", "--row-cap", "5000"),
    )
    _assert_safe(out)
    cells = _csv_cells(out)
    assert any(c.startswith("'" + PAYLOAD) for c in cells)
    assert "-5" in cells  # a plain number stays a number


def test_diff_and_check_csv_escape_formulas(capsys, hostile: Path) -> None:
    _, diff = _run(capsys, "diff", "--dataset", str(hostile), "--format", "csv", "--all")
    assert ",'@" in diff
    _assert_safe(diff)
    _, check = _run(capsys, "check", "--dataset", str(hostile), "--format", "csv")
    _assert_safe(check)
    _, chain = _run(capsys, "chain", "m19-xh-emergency", "--dataset", str(hostile), "--format", "csv")
    assert "'" + PAYLOAD in chain
    _assert_safe(chain)


def test_csv_dataset_export_escapes_and_loads_back_exactly(capsys, hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    code = cli.main(["export", "--dataset", str(hostile), "--format", "csv", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    for name in ("agencies.csv", "edges.csv", "jurisdictions.csv", "functions.csv"):
        _assert_safe((out / name).read_text(encoding="utf-8"))
    before, after = load_dataset(hostile), load_dataset(out)
    assert set(after.agencies) == set(before.agencies)
    assert {e for e in after.edges if e.type is not RelType.IN} == {e for e in before.edges if e.type is not RelType.IN}
