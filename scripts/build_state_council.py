"""Build data/state-council (the State Council across the 2018 and 2023 reforms, four snapshots) from the readable
templates in scripts/state_council/ (the catalog of bodies, the members of each snapshot, the lineage, the sources).

Run `python scripts/build_state_council.py` after changing a template; the generated CSVs, manifest and rules are
committed too. It prints the basis counts (public / modeled) that data/state-council/README.md reports.
"""

from __future__ import annotations

import sys
from pathlib import Path

from state_council.build import build
from state_council.write import report, write

OUT = Path(__file__).resolve().parent.parent / "data" / "state-council"


def main() -> int:
    builder = build()
    write(builder, OUT)
    print(report(builder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
