"""Helpers of the contract suite: stores of both backends made empty, to be loaded under dataset ids of their own
(so that concurrent loads of `mini` elsewhere cannot disturb them), and small conversions.

The expected answers themselves are in contract/oracle.py. Test modules import the `make_store` fixture from
here (a conftest.py in this folder would shadow tests/conftest.py).
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

import pytest

from graph.model import Dataset, RelType

__all__ = [
    "BACKENDS",
    "STRUCTURAL",
    "Chain",
    "as_tuples",
    "renamed",
    "scenes",
    "unique_id",
]

#: The Neo4j parameter carries the neo4j mark, so `-m "not neo4j"` deselects it.
BACKENDS = ["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)]
STRUCTURAL = {RelType.REPORTS_TO, RelType.HOSTED_BY, RelType.HAS_FUNCTION, RelType.BECAME}

#: A chain or subordinate list as plain tuples (agency id, depth, mode, via): easy to read in a failure.
Chain = list[tuple[str, int, str, str]]


def unique_id(prefix: str = "contract") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def renamed(dataset: Dataset, dataset_id: str) -> Dataset:
    """The same data under another dataset id."""
    return replace(dataset, id=dataset_id)


def scenes(dataset: Dataset) -> list[tuple[str, str | None]]:
    """Every (snapshot, jurisdiction) a caller can ask for, jurisdiction None meaning all of the snapshot."""
    return [(snap, jid) for snap in dataset.snapshot_ids() for jid in [None, *(j.id for j in dataset.jurisdictions)]]


def as_tuples(steps: list[Any]) -> Chain:
    return [(s.agency.id, s.depth, s.mode, s.via) for s in steps]
