"""One helper to pause Python's cyclic garbage collector around a bulk build.

Loading, diffing and building graphs allocate millions of small acyclic objects; the collector's repeated full
passes over them made a 100k-agency load more than twice as slow (bench/bench_loaders.py, bench/bench_networkx.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause cyclic GC for the block and restore the previous state after it, even on error.

    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
