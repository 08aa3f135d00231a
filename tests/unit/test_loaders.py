"""The dataset loader: the mini dataset loads completely, and every class of bad input is reported with its
file, line, column and an actionable message (tests/data/bad/<case>/case.toml), all problems at once."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from graph.errors import DatasetError, Problem
from graph.model import Change, Dataset, HostMode, RelType, ReportMode
from loaders import load_dataset

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "mini"
BAD = ROOT / "tests" / "data" / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if (p / "case.toml").is_file())
CSV_FILES = ("jurisdictions.csv", "agencies.csv", "functions.csv", "edges.csv")


def _case(name: str) -> dict[str, Any]:
    return tomllib.loads((BAD / name / "case.toml").read_text(encoding="utf-8"))


def _apply(recipe: dict[str, Any], folder: Path) -> None:
    """Apply one case's edits to the dataset copy in `folder` (format: tests/data/bad/README.md)."""
    for edit in recipe.get("edit", []):
        path = folder / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert text.count(edit["old"]) == 1, f"{edit['old']!r} must occur exactly once in {edit['file']}"
        path.write_text(text.replace(edit["old"], edit["new"]), encoding="utf-8")
    for append in recipe.get("append", []):
        path = folder / append["file"]
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text + ("" if text.endswith("\n") else "\n") + append["text"] + "\n",
            encoding="utf-8",
        )
    for drop in recipe.get("drop_column", []):
        path = folder / drop["file"]
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        index = rows[0].index(drop["column"])
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([r[:index] + r[index + 1 :] for r in rows])
        path.write_text(buffer.getvalue(), encoding="utf-8")
    for encode in recipe.get("encode", []):
        path = folder / encode["file"]
        path.write_bytes(path.read_text(encoding="utf-8").encode(encode["encoding"]))
    for inject in recipe.get("inject", []):
        path = folder / inject["file"]
        raw = path.read_bytes()
        at = raw.index(inject["after"].encode("utf-8")) + len(inject["after"].encode("utf-8"))
        chunk = bytes.fromhex(inject["hex"]) if "hex" in inject else inject["text"].encode("utf-8")
        path.write_bytes(raw[:at] + chunk * inject.get("repeat", 1) + raw[at:])
    for write in recipe.get("write", []):
        (folder / write["file"]).write_text(write["text"], encoding="utf-8")
    for link in recipe.get("symlink", []):  # made at run time: git cannot hold such links portably
        path = folder / link["file"]
        target = (folder / link["target"]).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
        path.symlink_to(target)
    for delete in recipe.get("delete", []):
        (folder / delete["file"]).unlink()


def _problems(folder: Path) -> list[Problem]:
    with pytest.raises(DatasetError) as caught:
        load_dataset(folder)
    return caught.value.problems


def _matches(problem: Problem, expected: dict[str, Any]) -> bool:
    return (
        problem.file == expected["file"]
        and problem.line == expected["line"]
        and problem.column == expected["column"]
        and expected["message"] in problem.message
    )


@pytest.fixture()
def mini_copy(tmp_path: Path) -> Path:
    target = tmp_path / "dataset"
    shutil.copytree(MINI, target)
    return target


# --- the valid mini dataset -------------------------------------------------------------------------------


def test_mini_loads_every_row_of_every_file() -> None:
    """Every CSV row becomes one node or edge, in file order, and the manifest's metadata comes along."""
    dataset = load_dataset(MINI)
    rows = {name: list(csv.DictReader((MINI / name).open(encoding="utf-8"))) for name in CSV_FILES}
    assert [a.id for a in dataset.agencies] == [r["id"] for r in rows["agencies.csv"]]
    assert [j.id for j in dataset.jurisdictions] == [r["id"] for r in rows["jurisdictions.csv"]]
    assert [f.id for f in dataset.functions] == [r["id"] for r in rows["functions.csv"]]
    listed = [e for e in dataset.edges if e.type is not RelType.IN]
    assert [(e.type.value, e.start, e.end) for e in listed] == [
        (r["type"], r["from"], r["to"]) for r in rows["edges.csv"]
    ]
    manifest = tomllib.loads((MINI / "manifest.toml").read_text(encoding="utf-8"))
    assert dataset.id == manifest["id"]
    assert [s.id for s in dataset.snapshots] == [s["id"] for s in manifest["snapshots"]]
    assert [s.id for s in dataset.sources] == [s["id"] for s in manifest["sources"]]
    assert len(dataset.events) == len(manifest["events"])


def test_in_edges_are_derived_from_agency_and_jurisdiction_rows() -> None:
    """Each agency gets an IN edge to its jurisdiction and each jurisdiction one to its parent, with the row's basis/source."""
    dataset = load_dataset(MINI)
    in_edges = {(e.start, e.end): e for e in dataset.edges_of(RelType.IN)}
    expected = {(a.id, a.jurisdiction): (a.basis, a.source) for a in dataset.agencies}
    expected |= {(j.id, j.parent): (j.basis, j.source) for j in dataset.jurisdictions if j.parent}
    assert {k: (e.basis, e.source) for k, e in in_edges.items()} == expected
    assert len(dataset.edges_of(RelType.IN)) == len(expected)


def test_mini_exercises_the_whole_schema() -> None:
    """Other suites rely on mini using every mode and change, Chinese names and a county at its quota."""
    dataset = load_dataset(MINI)
    modes = Counter(e.mode for e in dataset.edges if e.mode)
    assert set(modes) == {m.value for m in ReportMode} | {m.value for m in HostMode}
    assert {e.change for e in dataset.edges_of(RelType.BECAME)} == set(Change)
    transferred = [e for e in dataset.edges_of(RelType.BECAME) if e.change is Change.TRANSFERRED]
    assert transferred and all(e.function for e in transferred)
    xh = dataset.jurisdiction("xh")
    assert xh is not None and xh.name_zh == "镶黄旗" and xh.attribute("border") is True
    counted = [a for a in dataset.agencies_in("2019", "xh") if a.counts_toward_quota]
    assert len(counted) == xh.agency_quota
    starts = {e.start for e in dataset.edges_of(RelType.BECAME)}
    ends = {e.end for e in dataset.edges_of(RelType.BECAME)}
    assert [a.id for a in dataset.agencies_in("2018") if a.id not in starts] == ["m18-xh-grain"]
    assert [a.id for a in dataset.agencies_in("2019") if a.id not in ends] == ["m19-xh-veterans"]


def test_progress_reports_each_file_up_to_its_row_count() -> None:
    calls: list[tuple[str, int, int]] = []
    dataset = load_dataset(MINI, progress=lambda stage, done, total: calls.append((stage, done, total)))
    finals = {stage: (done, total) for stage, done, total in calls}
    assert finals["agencies.csv"] == (len(dataset.agencies), len(dataset.agencies))
    assert finals["checks"] == (1, 1)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig"])
def test_gb18030_and_bom_files_load_like_utf8(mini_copy: Path, encoding: str) -> None:
    """What Excel in China saves (GB18030) and a UTF-8 BOM both load to exactly the same Dataset."""
    for name in (*CSV_FILES, "manifest.toml"):
        path = mini_copy / name
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    assert (mini_copy / "agencies.csv").read_bytes() != (MINI / "agencies.csv").read_bytes()
    assert load_dataset(mini_copy) == load_dataset(MINI)


def test_crlf_whitespace_and_column_order_do_not_matter(mini_copy: Path) -> None:
    """Spreadsheets write CRLF, pad cells, reorder columns and add empty trailing columns and blank lines;
    none of that changes the data."""
    path = mini_copy / "agencies.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    order = list(reversed(range(len(rows[0]))))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([[f" {r[i]} " for i in order] + ["", ""] for r in rows])
    path.write_text(buffer.getvalue() + "\r\n,,\r\n", encoding="utf-8", newline="")
    assert load_dataset(mini_copy) == load_dataset(MINI)


# --- bad input --------------------------------------------------------------------------------------------


def test_every_bad_case_folder_is_a_known_recipe() -> None:
    assert len(CASES) >= 30
    for name in CASES:
        recipe = _case(name)
        assert recipe.get("problem") and recipe.get("expect"), name


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_reported_with_file_line_and_column(name: str, mini_copy: Path) -> None:
    """Exactly the expected problems are reported, each naming file, line and column with an actionable message."""
    recipe = _case(name)
    _apply(recipe, mini_copy)
    problems = _problems(mini_copy)
    expected = recipe["expect"]
    missing = [e for e in expected if not any(_matches(p, e) for p in problems)]
    assert not missing, f"expected {missing}\ngot {[str(p) for p in problems]}"
    assert len(problems) == len(expected), [str(p) for p in problems]


def test_several_problems_are_reported_at_once(mini_copy: Path) -> None:
    """One load reports the problems of many files and checks together, not just the first one."""
    names = [
        "bad-enum",
        "unknown-parent",
        "became-backwards",
        "reports-to-cycle",
        "function-missing",
        "manifest-missing-key",
    ]
    expected: list[dict[str, Any]] = []
    for name in names:
        recipe = _case(name)
        _apply(recipe, mini_copy)
        expected += recipe["expect"]
    problems = _problems(mini_copy)
    for e in expected:
        assert any(_matches(p, e) for p in problems), (e, [str(p) for p in problems])
    assert len(problems) == len(expected)
    assert {p.file for p in problems} == {
        "manifest.toml",
        "jurisdictions.csv",
        "agencies.csv",
        "edges.csv",
    }


def test_error_message_lists_every_problem_as_file_line_column(mini_copy: Path) -> None:
    _apply(_case("bad-bool"), mini_copy)
    with pytest.raises(DatasetError) as caught:
        load_dataset(mini_copy)
    text = str(caught.value)
    assert "'mini'" in text and "2 problem(s)" in text
    assert "agencies.csv:7 [counts_toward_quota]: 'maybe' is not a boolean" in text
    assert "jurisdictions.csv:4 [border]:" in text


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_multiline_cell_reports_the_line_the_row_starts_on(mini_copy: Path, newline: str) -> None:
    """A quoted note spanning lines must not shift the line numbers of later rows (LF or CRLF files)."""
    path = mini_copy / "agencies.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    plate = next(i for i, x in enumerate(lines) if x.endswith("a plate on the government office"))
    lines[plate] = lines[plate].replace("a plate on the government office", '"a plate on\nthe government office"')
    grain = next(i for i, x in enumerate(lines) if x.startswith("m18-xh-grain,"))
    lines[grain] = lines[grain].replace("m18-xh-grain,2018,", "m18-xh-grain,2017,")
    path.write_bytes(("\n".join(lines) + "\n").replace("\n", newline).encode("utf-8"))
    problems = _problems(mini_copy)
    assert plate < grain  # so the expected line is one more than the row's index + 1
    assert [(p.file, p.line, p.column) for p in problems] == [("agencies.csv", grain + 2, "snapshot")]


def test_a_missing_folder_is_one_clear_problem(tmp_path: Path) -> None:
    problems = _problems(tmp_path / "nowhere")
    assert len(problems) == 1 and "no such dataset folder" in problems[0].message


# --- python -m loaders ------------------------------------------------------------------------------------


def _run_cli(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "loaders", str(path)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_cli_accepts_a_valid_folder() -> None:
    result = _run_cli(MINI)
    dataset: Dataset = load_dataset(MINI)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(dataset.agencies)} agencies" in result.stdout and "valid" in result.stdout


def test_cli_prints_problems_and_exits_2(mini_copy: Path) -> None:
    _apply(_case("unknown-jurisdiction"), mini_copy)
    result = _run_cli(mini_copy)
    assert result.returncode == 2
    assert "agencies.csv:47 [jurisdiction]: unknown jurisdiction 'xianghuang'" in result.stdout
