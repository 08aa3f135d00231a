"""The pure domain model of orgraph: jurisdictions, agencies, functions, edges, snapshots, one module per concept.

It knows nothing of storage, files or UI. Loaded data is trusted here (the loaders validate it), so the
model is plain frozen dataclasses; the enums carry the schema's vocabulary (docs/schema.md). A dataset's own
vocabulary (its levels, its extra jurisdiction attributes, its interface texts) is data: LevelDef, AttributeDef
and Interface, read from its manifest, never a fixed list here.

- vocabulary.py: the enums of the schema and the one order of reporting modes (mode_rank);
- metadata.py: sources, snapshots, the reform's dated events, the dataset's interface texts;
- jurisdictions.py: jurisdictions, the dataset's levels and declared attributes (and their inference);
- agencies.py: agencies and functions; edges.py: the relationships;
- rulespecs.py: declared rules as data (the kinds that judge them are graph/rules/);
- dataset.py: the Dataset that holds them all.

Imports only the standard library and its own modules (vocabulary <- the others <- dataset); every layer imports
it, by the names re-exported here (`from graph.model import Dataset`).
"""

from graph.model.agencies import Agency, Function
from graph.model.dataset import Dataset
from graph.model.edges import Edge
from graph.model.jurisdictions import (
    AttributeDef,
    AttributeValue,
    Jurisdiction,
    LevelDef,
    infer_attributes,
    infer_levels,
)
from graph.model.metadata import Interface, ReformEvent, Snapshot, Source
from graph.model.rulespecs import AgencySelect, RuleSpec
from graph.model.vocabulary import (
    MODES_BY_REL,
    Basis,
    Category,
    Change,
    HostMode,
    RelType,
    ReportMode,
    SnapshotRole,
    mode_rank,
)

__all__ = [
    "MODES_BY_REL",
    "Agency",
    "AgencySelect",
    "AttributeDef",
    "AttributeValue",
    "Basis",
    "Category",
    "Change",
    "Dataset",
    "Edge",
    "Function",
    "HostMode",
    "Interface",
    "Jurisdiction",
    "LevelDef",
    "ReformEvent",
    "RelType",
    "ReportMode",
    "RuleSpec",
    "Snapshot",
    "SnapshotRole",
    "Source",
    "infer_attributes",
    "infer_levels",
    "mode_rank",
]
