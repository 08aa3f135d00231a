"""The CLI sweep: every command on every dataset (tests/data/* and data/*, see tests/sweep.py), in process.

Each command exits as documented (0; 2 for bad input such as a missing required parameter or a backwards
comparison; `check` 3 only where the dataset's README says rules fail), never raises, and prints nothing of another
dataset (its place names, top bodies, titles, ids: tests/dataset_words.py). A dataset the team has never seen
must load, diff, check and export; these are five we have.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sweep import CHECK_EXIT, LARGE, NAMES, Swept, swept

import cli
from exporters import FORMATS
from loaders import load_dataset
from queries import all_queries

BINARY = {"png", "pdf"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok(s: Swept, capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> str:
    """Run `argv` on the dataset; assert its exit code and that it shows no other dataset's words; its stdout."""
    got, out, err = run(capsys, *argv, "--dataset", str(s.folder))
    assert got == code, (argv, got, err[-2000:])
    assert "Traceback" not in err
    assert not s.foreign(out + err), (argv, s.foreign(out + err))
    return out


@pytest.fixture(params=NAMES)
def s(request: pytest.FixtureRequest) -> Swept:
    return swept(request.param)


def test_info_chain_query_and_compile(s: Swept, capsys: pytest.CaptureFixture[str]) -> None:
    info = ok(s, capsys, "info", "--format", "json")
    assert {row["snapshot"] for row in json.loads(info)} == set(s.dataset.snapshot_ids())
    chain = json.loads(ok(s, capsys, "chain", s.agency_with_chain(), "--format", "json"))
    assert chain, "the agency has a reporting line"
    rows = json.loads(
        ok(s, capsys, "query", "MATCH (a:Agency) WHERE a.dataset = $dataset RETURN count(*) AS n", "--format", "json")
    )
    assert rows == [{"n": len(s.dataset.agencies)}]
    ok(s, capsys, "compile")
    ok(s, capsys, "chain", "no-such-agency", code=2)


def test_every_named_query(s: Swept, capsys: pytest.CaptureFixture[str]) -> None:
    """With its defaults read off the dataset; a required agency id given, and then left out (exit 2)."""
    agency = {"reporting_chain": s.agency_with_chain(), "lineage_of_agency": s.agency_with_past()}
    answered = 0
    for query in all_queries():
        params = [f"-p{p}={agency[query.name]}" for p in query.required]
        rows = json.loads(ok(s, capsys, "query", "--named", query.name, *params, "--format", "json"))
        answered += bool(rows)
        if query.required:
            assert rows, f"{query.name} finds nothing for {agency[query.name]}"
            ok(s, capsys, "query", "--named", query.name, code=2)
    assert answered >= 4, "most named queries answer on any dataset (by category, basis, mergers, chains, lineage)"


def test_diff_between_every_pair_of_snapshots(s: Swept, capsys: pytest.CaptureFixture[str]) -> None:
    for before, after in s.snapshot_pairs():
        table = ok(s, capsys, "diff", "--from", before, "--to", after)
        assert f"{before} → {after}" in table
        data = json.loads(ok(s, capsys, "diff", "--from", before, "--to", after, "--format", "json"))
        assert (data["before"], data["after"]) == (before, after)
        ok(s, capsys, "diff", "--from", after, "--to", before, code=2)  # backwards: bad input, said so
    level = s.dataset.bottom_level()
    assert level and ok(s, capsys, "diff", "--jurisdiction", level)


def test_check_exits_as_the_dataset_says(s: Swept, capsys: pytest.CaptureFixture[str]) -> None:
    expected = CHECK_EXIT.get(s.name, 0)
    ok(s, capsys, "check", code=expected)
    _, out, err = run(capsys, "check", "--dataset", str(s.folder))
    declared = json.loads(ok(s, capsys, "check", "--format", "json", code=expected))["declared_rules"]
    has_rules = (s.folder / "rules.toml").exists()
    assert (declared > 0) == has_rules
    if not has_rules:
        assert "declares no rules" in out + err and "rules.toml" in out + err
    ok(s, capsys, "check", "--list")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_in_every_format(s: Swept, fmt: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / f"export.{fmt}" if fmt != "csv" else tmp_path / "export-csv"
    scope: list[str] = []
    if s.name in LARGE and fmt in ("svg", "png", "pdf", "html"):  # the whole dataset drawn takes a minute
        scope = ["--jurisdiction", s.dataset.bottom_jurisdictions()[0].id]
    ok(s, capsys, "export", "--format", fmt, *scope, "-o", str(target))
    files = sorted(target.rglob("*")) if target.is_dir() else [target]
    assert files and all(f.stat().st_size > 0 for f in files if f.is_file())
    if fmt not in BINARY:
        text = "\n".join(f.read_text(encoding="utf-8-sig") for f in files if f.is_file())
        assert not s.foreign(text), s.foreign(text)
    if fmt == "csv":  # the exported folder is a dataset again, with the same agencies
        assert {a.id for a in load_dataset(target).agencies} == {a.id for a in s.dataset.agencies}
