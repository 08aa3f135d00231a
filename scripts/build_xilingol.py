"""Build data/xilingol (the CSV files analysts read and edit) from the readable templates in scripts/xilingol/.

Run `python scripts/build_xilingol.py` after changing a template; the generated files are committed too. What the
seed article states is `basis: seed`; what another cited page states is `public`; everything else is `modeled` from
the standard county structure of the 2018-2019 reform round (data/xilingol/README.md explains each choice,
scripts/xilingol/README.md each template).
"""

from __future__ import annotations

import sys
from pathlib import Path

from xilingol.build import build
from xilingol.write import write

OUT = Path(__file__).resolve().parent.parent / "data" / "xilingol"


def main() -> int:
    builder = build()
    write(builder, OUT)
    print(f"wrote {len(builder.agencies)} agencies and {len(builder.edges)} edges to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
