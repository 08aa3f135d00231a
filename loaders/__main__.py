"""`python -m loaders PATH`: validate a dataset folder and print every problem (exit 2) or a summary (exit 0)."""

from __future__ import annotations

import argparse
import os
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
        return _emit(str(exc), 2)
    per_snapshot = Counter(a.snapshot for a in dataset.agencies)
    snapshots = ", ".join(f"{s} {per_snapshot[s]}" for s in dataset.snapshot_ids())
    summary = (
        f"dataset {dataset.id!r} is valid: {len(dataset.jurisdictions)} jurisdictions, "
        f"{len(dataset.agencies)} agencies ({snapshots}), {len(dataset.functions)} functions, "
        f"{len(dataset.edges)} edges (including derived IN edges)"
    )
    return _emit(summary, 0)


def _emit(text: str, code: int) -> int:
    """Print `text` and return `code`; a reader that stops early (`python -m loaders X | head`) is no error."""
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
    return code


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # Chinese ids print on any console
    sys.exit(main())
