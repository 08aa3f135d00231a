"""Loaders: read a dataset folder (docs/data-format.md), validate all of it, and build a graph.model.Dataset.

`load_dataset(path)` raises graph.errors.DatasetError listing every problem found, or returns the Dataset.
`python -m loaders PATH` validates a folder from the command line.
"""

from .dataset import Progress, load_dataset

__all__ = ["Progress", "load_dataset"]
