"""Loaders: read a dataset folder (docs/data-format.md), validate all of it, and build a graph.model.Dataset.

`load_dataset(path)` raises graph.errors.DatasetError listing every problem found, or returns the Dataset.
`python -m loaders PATH` validates a folder from the command line.

- csvfile.py reads one CSV file; rows.py checks each row (pydantic); manifest.py and rules.py read the TOML files;
  attributes.py parses the declared jurisdiction attributes;
- parsed.py holds the validated rows; node_checks.py and edge_checks.py check them across files (checks.py runs
  both); dataset.py ties it together: validate everything, then build.

May import the core of `graph` (model, errors) and `graph.rules.kinds` (a declared rule is checked against its
kind's parameters); nothing of the backends, the diff, the service, exporters or the app.
"""

from .dataset import Progress, load_dataset

__all__ = ["Progress", "load_dataset"]
