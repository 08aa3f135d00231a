"""`python -m loaders PATH`: validate a dataset folder and print every problem (exit 2) or a summary (exit 0)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from graph.errors import DatasetError

from .dataset import load_dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m loaders",
        description="Validate an orgraph dataset folder (docs/data-format.md).",
    )
    parser.add_argument("path", help="the dataset folder (holds manifest.toml and the CSV files)")
    args = parser.parse_args(argv)
    try:
        dataset = load_dataset(args.path)
    except DatasetError as exc:
        print(str(exc))
        return 2
    per_snapshot = Counter(a.snapshot for a in dataset.agencies)
    snapshots = ", ".join(f"{s} {per_snapshot[s]}" for s in dataset.snapshot_ids())
    print(
        f"dataset {dataset.id!r} is valid: {len(dataset.jurisdictions)} jurisdictions, "
        f"{len(dataset.agencies)} agencies ({snapshots}), {len(dataset.functions)} functions, "
        f"{len(dataset.edges)} edges (including derived IN edges)"
    )
    return 0


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # Chinese ids print on any console
    sys.exit(main())
