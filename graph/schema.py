"""The graph schema's properties (docs/schema.md): for every node label and relationship type, the property names,
their types, and how each model field is encoded for storage and decoded back.

The one owner of these encodings: the embedded graph (graph/embedded/graphbuild.py), its LadybugDB mirror's
columns, the Neo4j loader's rows and its reader, and the exporters all take them from here, so a field added to
the model is added here once (tests/contract/test_property_roundtrip.py fails until it is). The rules:
- enums are stored as their values and read back as members;
- an optional field (None in the model) is an absent property (Neo4j stores no null);
- a Jurisdiction's `parent` is its IN edge, and each of its declared `attributes` is a property of its own;
- an Edge's `type`, `start` and `end` are the relationship's type and ends, not properties;
- every node also carries `dataset` (the dataset id), which is not a model field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from enum import StrEnum
from typing import Any, Literal

from graph.errors import OrgraphError
from graph.model import Agency, AttributeValue, Basis, Category, Change, Edge, Function, Jurisdiction, RelType

__all__ = [
    "DATASET",
    "EDGE_NOT_PROPERTIES",
    "EDGE_PROPS",
    "LABELS",
    "NODE_TYPES",
    "REL_ENDS",
    "Kind",
    "Node",
    "NodeType",
    "Prop",
    "decode_edge",
    "decode_node",
    "edge_kinds",
    "edge_properties",
    "edge_values",
    "node_encoder",
    "node_kinds",
    "node_properties",
    "node_values",
]

#: How a property is stored: text, a 64-bit integer or a boolean (docs/schema.md).
Kind = Literal["string", "integer", "boolean"]
Node = Agency | Jurisdiction | Function
#: The property every node carries besides its model fields: the id of its dataset.
DATASET = "dataset"
_EMPTY: dict[str, object] = {"string": "", "integer": 0, "boolean": False}


@dataclass(frozen=True, slots=True)
class Prop:
    """One stored property: a model field of the same name, its storage kind, and its enum when it is one."""

    name: str
    kind: Kind = "string"
    enum: type[StrEnum] | None = None
    optional: bool = False  # None in the model: the property is absent

    def decode(self, props: Mapping[str, Any], default: object) -> Any:
        """The model value of this property in a stored property map (`default` when it is absent)."""
        value = props.get(self.name)
        if value is None:
            if default is not MISSING:
                return default
            if self.optional:
                return None
            if self.enum is not None:
                raise ValueError(f"{self.name} is missing")
            return _EMPTY[self.kind]
        return self.enum(value) if self.enum is not None else value


class _Encoder:
    """The encoding of one type's properties, generated from its Prop list as straight-line Python (as dataclasses
    writes __init__): a generic per-field loop costs 2.3x on 100k agencies, and these run for every node and edge
    the embedded graph, the mirror and the Neo4j loader are built from. The names are the schema's own identifiers,
    never input."""

    def __init__(self, props: tuple[Prop, ...], lead: tuple[str, ...] = ()) -> None:
        """`lead`: fields (stored otherwise) that `values` puts first, e.g. a relationship's ends."""
        self.names = tuple(p.name for p in props)
        if not all(name.isidentifier() for name in (*self.names, *lead)):
            raise ValueError(f"schema property names must be identifiers: {self.names}")
        lines = [*self._function("values", props, lead), *self._function("properties", props, lead)]
        namespace: dict[str, Any] = {}
        exec("\n".join(lines), {"__builtins__": {"str": str, "AttributeError": AttributeError}}, namespace)  # noqa: S102 - generated from the schema above
        self.values: Callable[[object], list[Any]] = namespace["values"]
        self.values.__doc__ = "Stored values in property order, None where absent (enums as their values)."
        self.properties: Callable[[object, Mapping[str, Any]], dict[str, Any]] = namespace["properties"]
        self.properties.__doc__ = "The present properties as a map, plus `extra`."

    @staticmethod
    def _function(name: str, props: tuple[Prop, ...], lead: tuple[str, ...]) -> list[str]:
        """The source of `values(o)` or `properties(o, extra)`. An enum is read as `_value_` (the plain attribute
        behind Enum.value, a slow descriptor); a plain str where the model types an enum (a dataset built in code
        may pass one) has none, and the same body runs again with str(), which gives a StrEnum's value."""
        body: list[str] = []
        for spelling in ("{}._value_", "str({})"):
            value = {p.name: spelling.format(f"o.{p.name}") if p.enum else f"o.{p.name}" for p in props}
            if name == "values":
                items = [f"o.{n}" for n in lead] + [
                    f"(None if o.{p.name} is None else {value[p.name]})" if p.optional and p.enum else value[p.name]
                    for p in props
                ]
                lines = [f"return [{', '.join(items)}]"]
            else:
                present = ", ".join(f"{p.name!r}: {value[p.name]}" for p in props if not p.optional)
                lines = [f"d = {{{present}}}"]
                for p in props:
                    if p.optional:
                        lines += [f"if o.{p.name} is not None:", f"    d[{p.name!r}] = {value[p.name]}"]
                lines += ["d.update(extra)", "return d"]
            body += [("    try:" if not body else "    except AttributeError:"), *("        " + line for line in lines)]
        return [f"def {name}(o{', extra' if name == 'properties' else ''}):", *body]


@dataclass(frozen=True)
class NodeType:
    """A node label: its model class, its stored properties in order, and the model fields stored otherwise."""

    label: str
    model: type[Node]
    props: tuple[Prop, ...]
    not_properties: Mapping[str, str] = field(default_factory=dict)  # field -> where it is stored instead
    spread: str | None = None  # a field of (name, value) pairs, each stored as a property of its own
    encoder: _Encoder = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "encoder", _Encoder(self.props))

    @property
    def names(self) -> tuple[str, ...]:
        return self.encoder.names


def _text(*names: str) -> tuple[Prop, ...]:
    return tuple(Prop(name) for name in names)


NODE_TYPES: dict[str, NodeType] = {
    t.label: t
    for t in (
        NodeType(
            "Agency",
            Agency,
            (
                *_text("id", "snapshot", "jurisdiction", "name_zh", "name_en", "type"),
                Prop("category", enum=Category),
                Prop("counts_toward_quota", "boolean"),
                Prop("basis", enum=Basis),
                *_text("source", "note", "agency_class"),
            ),
        ),
        NodeType(
            "Jurisdiction",
            Jurisdiction,
            (
                *_text("id", "name_zh", "name_en", "level"),
                Prop("agency_quota", "integer", optional=True),
                Prop("basis", enum=Basis),
                *_text("source", "note"),
            ),
            not_properties={"parent": "its IN edge to the parent jurisdiction", "attributes": "one property each"},
            spread="attributes",
        ),
        NodeType("Function", Function, (*_text("id", "name_zh", "name_en"), Prop("basis", enum=Basis), Prop("source"))),
    )
}
#: The node labels, in load order (a relationship's ends exist before it).
LABELS: tuple[str, ...] = ("Agency", "Jurisdiction", "Function")
_TYPE_OF: dict[type, NodeType] = {t.model: t for t in NODE_TYPES.values()}

#: Properties of every relationship, whatever its type (mode: REPORTS_TO/HOSTED_BY; change, function: BECAME).
EDGE_PROPS: tuple[Prop, ...] = (
    Prop("basis", enum=Basis),
    Prop("source"),
    Prop("note"),
    Prop("mode", optional=True),
    Prop("change", enum=Change, optional=True),
    Prop("function", optional=True),
)
EDGE_NOT_PROPERTIES = {"type": "the relationship type", "start": "its start node", "end": "its end node"}
_EDGE_ENCODER = _Encoder(EDGE_PROPS, lead=("start", "end"))

#: (type, start label, end label) of every relationship the schema allows.
REL_ENDS: tuple[tuple[RelType, str, str], ...] = (
    (RelType.IN, "Agency", "Jurisdiction"),
    (RelType.IN, "Jurisdiction", "Jurisdiction"),
    (RelType.REPORTS_TO, "Agency", "Agency"),
    (RelType.HOSTED_BY, "Agency", "Agency"),
    (RelType.HAS_FUNCTION, "Agency", "Function"),
    (RelType.BECAME, "Agency", "Agency"),
)


def node_values(obj: Node) -> list[Any]:
    """A node's stored values in its type's property order, None where absent (its spread attributes not included)."""
    return _TYPE_OF[type(obj)].encoder.values(obj)


def node_properties(obj: Node, dataset_id: str) -> dict[str, Any]:
    """The property map a backend holds for a node: every property that is present, its spread attributes, and
    `dataset`."""
    return node_encoder(_TYPE_OF[type(obj)].label, dataset_id)(obj)


def node_encoder(label: str, dataset_id: str, **extra: Any) -> Callable[[Node], dict[str, Any]]:
    """node_properties for the many nodes of one label (plus `extra`, e.g. the embedded graph's `labels`)."""
    node_type = NODE_TYPES[label]
    fixed = {**extra, DATASET: dataset_id}
    properties = node_type.encoder.properties
    if node_type.spread is None:
        return lambda obj: properties(obj, fixed)
    spread = node_type.spread

    def encode(obj: Node) -> dict[str, Any]:
        props = properties(obj, fixed)
        pairs: tuple[tuple[str, AttributeValue | None], ...] = getattr(obj, spread)
        props.update((k, v) for k, v in pairs if v is not None)
        return props

    return encode


def edge_values(edge: Edge) -> list[Any]:
    """A relationship's start and end ids, then its stored values in EDGE_PROPS order, None where absent."""
    return _EDGE_ENCODER.values(edge)


def edge_properties(edge: Edge, **extra: Any) -> dict[str, Any]:
    """The property map a backend holds for a relationship (present properties only, plus `extra`)."""
    return _EDGE_ENCODER.properties(edge, extra)


def node_kinds() -> dict[str, Kind]:
    """Every node property of the schema and its kind (a backend that needs columns declares these)."""
    kinds: dict[str, Kind] = {"id": "string", DATASET: "string"}
    for node_type in NODE_TYPES.values():
        kinds.update((p.name, p.kind) for p in node_type.props)
    return kinds


def edge_kinds() -> dict[str, Kind]:
    """Every relationship property of the schema and its kind."""
    return {p.name: p.kind for p in EDGE_PROPS}


def _defaults(model: type) -> dict[str, object]:
    return {f.name: f.default for f in fields(model)}


_DEFAULTS: dict[type, dict[str, object]] = {m: _defaults(m) for m in (Agency, Jurisdiction, Function, Edge)}


def decode_node(
    label: str, props: Mapping[str, Any], *, spread_order: Sequence[str] = (), **stored_elsewhere: Any
) -> Node:
    """The model object of a stored node: its properties read back (absent ones as their field's default, else
    empty), the remaining ones as its spread attributes (in `spread_order`, e.g. the dataset's declared attributes,
    then by name), and the `not_properties` fields passed in (e.g. a Jurisdiction's parent)."""
    node_type = NODE_TYPES.get(label)
    if node_type is None:
        raise OrgraphError(f"{label!r} is not a node label of the schema (one of {', '.join(LABELS)})")
    defaults = _DEFAULTS[node_type.model]
    try:
        values = {p.name: p.decode(props, defaults[p.name]) for p in node_type.props}
    except ValueError as exc:
        raise OrgraphError(f"stored {label} {props.get('id')!r} has a value outside the schema ({exc})") from None
    if node_type.spread is not None:
        known = {*node_type.names, DATASET}
        rank = {name: i for i, name in enumerate(spread_order)}
        pairs = [(k, v) for k, v in props.items() if k not in known and v is not None]
        values[node_type.spread] = tuple(sorted(pairs, key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))
    node: Node = node_type.model(**values, **stored_elsewhere)
    return node


def decode_edge(rel_type: str, start: str, end: str, props: Mapping[str, Any]) -> Edge:
    """The Edge of a stored relationship of `rel_type` from `start` to `end` (orgraph ids)."""
    defaults = _DEFAULTS[Edge]
    try:
        values = {p.name: p.decode(props, defaults[p.name]) for p in EDGE_PROPS}
        return Edge(type=RelType(rel_type), start=start, end=end, **values)
    except ValueError as exc:
        raise OrgraphError(f"stored {rel_type} {start} -> {end} has a value outside the schema ({exc})") from None
