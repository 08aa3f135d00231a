"""`-m "not neo4j"` deselects every test that needs the Neo4j server (it used to collect them and skip them), and
no test skips for a reason that no longer holds."""

from __future__ import annotations

import re
import subprocess
import sys

from paths import ROOT

FILES = ["tests/contract", "tests/unit/test_memory_store.py", "tests/test_secrets.py"]


def _collected(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args, *FILES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_not_neo4j_deselects_the_neo4j_backend() -> None:
    everything = _collected()
    without = _collected("-m", "not neo4j")
    neo4j_ids = [test for test in everything if re.search(r"\[(.*-)?neo4j(-.*)?\]", test)]
    assert neo4j_ids, "the Neo4j parameter of the store fixtures should be collected without -m"
    assert not [test for test in without if re.search(r"\[(.*-)?neo4j(-.*)?\]", test)]
    assert [t for t in without if "test_secrets.py" in t and "wrong_password" in t] == []  # uses neo4j_driver
    assert len(without) < len(everything)


def test_no_test_skips_for_data_that_has_landed() -> None:
    stale = [
        path.relative_to(ROOT)
        for path in (ROOT / "tests").rglob("*.py")
        if "has not landed yet" in path.read_text(encoding="utf-8") and path.name != "test_markers.py"
    ]
    assert not stale
