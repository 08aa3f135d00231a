"""Hostile dataset files end in one clear problem naming file:line and exit 2, never a traceback, and nothing they
hold (a control character, another file's text) reaches the graph or an export. The bad cases themselves live in
tests/data/bad (oversized-cell, unterminated-quote, nul-in-*, control-character, symlink-outside, manifest-empty);
these tests cover the limits around them and the command lines."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import DatasetError
from loaders import load_dataset
from tests.unit.test_loaders import MINI, ROOT, _apply, _case


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "dataset"
    shutil.copytree(MINI, target)
    return target


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *argv], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300
    )


def _set_note(folder: Path, agency_id: str, note: str) -> None:
    path = folder / "agencies.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(agency_id + ","))
    assert lines[index].endswith(",")  # the note is the last column and empty in mini
    lines[index] += note
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_cell_over_pythons_default_limit_but_within_the_bound_loads(copy: Path) -> None:
    """Python's csv stops at 131,072 characters; orgraph documents and allows up to MAX_CELL_CHARS."""
    note = "长" * 200_000
    _set_note(copy, "m18-lg-gov", note)
    agency = next(a for a in load_dataset(copy).agencies if a.id == "m18-lg-gov")
    assert agency.note == note


def test_an_unclosed_quote_on_the_last_line_is_reported(copy: Path) -> None:
    path = copy / "agencies.csv"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    last = text.count("\n") + 1
    path.write_text(text + '"left open', encoding="utf-8")  # no newline at the end either
    with pytest.raises(DatasetError) as caught:
        load_dataset(copy)
    assert [(p.file, p.line) for p in caught.value.problems] == [("agencies.csv", last)]
    assert "never closes" in caught.value.problems[0].message


def test_a_multiline_quoted_cell_at_the_end_is_not_mistaken_for_an_open_quote(copy: Path) -> None:
    lines = (copy / "agencies.csv").read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines[-1] += '"closed on\nthe next line"'
    (copy / "agencies.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load_dataset(copy).agencies[-1].note == "closed on\nthe next line"


def test_links_inside_the_dataset_folder_are_followed(copy: Path, tmp_path: Path) -> None:
    (copy / "tables").mkdir()
    shutil.move(copy / "agencies.csv", copy / "tables" / "agencies.csv")
    (copy / "agencies.csv").symlink_to(Path("tables") / "agencies.csv")
    linked_folder = tmp_path / "linked"
    linked_folder.symlink_to(copy, target_is_directory=True)  # the folder itself may be a link
    assert load_dataset(linked_folder) == load_dataset(MINI)


def test_a_link_to_a_system_file_is_refused_unread(copy: Path) -> None:
    """The issue's case: agencies.csv linked to /etc/passwd echoed that file's first line as a column name."""
    secret = copy.parent / "private.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (copy / "agencies.csv").unlink()
    (copy / "agencies.csv").symlink_to(secret)
    with pytest.raises(DatasetError) as caught:
        load_dataset(copy)
    assert [(p.file, p.line) for p in caught.value.problems] == [("agencies.csv", 0)]
    assert "root:x" not in str(caught.value)


def test_a_manifest_without_snapshots_is_one_problem_not_one_per_row(copy: Path) -> None:
    (copy / "manifest.toml").write_text('id = "mini"\ntitle_zh = "小"\ntitle_en = "Mini"\n', encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_dataset(copy)
    assert [(p.file, p.column) for p in caught.value.problems if p.column == "snapshots"] == [
        ("manifest.toml", "snapshots")
    ]
    assert not [p for p in caught.value.problems if "unknown snapshot" in p.message]


@pytest.mark.parametrize("case", ["oversized-cell", "unterminated-quote", "nul-in-id", "manifest-empty"])
def test_both_command_lines_exit_2_naming_file_and_line(case: str, copy: Path) -> None:
    """These gave a traceback and exit 1 (oversized, quote) or loaded (NUL) before."""
    recipe = _case(case)
    _apply(recipe, copy)
    expected = recipe["expect"][0]
    where = f"{expected['file']}:{expected['line']}" if expected["line"] else f"{expected['file']}:"
    for argv in (["-m", "loaders", str(copy)], [str(ROOT / "cli.py"), "info", "--dataset", str(copy)]):
        done = _run(*argv)
        assert done.returncode == 2, (argv, done.stderr)
        assert "Traceback" not in done.stderr
        assert where in done.stdout + done.stderr and expected["message"] in done.stdout + done.stderr


@pytest.mark.parametrize("case", ["nul-in-name", "control-character"])
def test_control_characters_never_reach_an_export(case: str, copy: Path, tmp_path: Path) -> None:
    """A NUL in a name loaded and `export --format graphml` wrote XML that does not parse, with exit 0."""
    _apply(_case(case), copy)
    out = tmp_path / "out.graphml"
    done = _run(str(ROOT / "cli.py"), "export", "--dataset", str(copy), "--format", "graphml", "-o", str(out))
    assert done.returncode == 2, done.stderr
    assert not out.exists()
