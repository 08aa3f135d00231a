"""Where the test data lives (importable from any test module; conftest.py files are not)."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MINI = TESTS / "data" / "mini"
XILINGOL = ROOT / "data" / "xilingol"
STATE_COUNCIL = ROOT / "data" / "state-council"
