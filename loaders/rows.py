"""One pydantic model per CSV file (and for the manifest): the per-row checks of docs/data-format.md.

Input here is untrusted, so every model forbids unknown fields; the error's `loc` names the column. The
CSV models use only types pydantic validates natively (no Python validators): that keeps validation of
100k rows in about a second. `validate_row` turns pydantic's errors into Problems whose messages a user can act on
(the allowed values are named), which is why the enum vocabulary per column is kept in one table.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from graph.errors import Problem
from graph.model import (
    Basis,
    Category,
    Change,
    RelType,
    SnapshotRole,
)

__all__ = [
    "ATTRIBUTE_TYPES",
    "BUILTIN_JURISDICTION_COLUMNS",
    "EDGE_TYPES",
    "LEGACY_ATTRIBUTES",
    "AgencyRow",
    "EdgeRow",
    "FunctionRow",
    "JurisdictionRow",
    "Manifest",
    "CSV_COLUMNS",
    "all_columns",
    "columns_of",
    "describe_error",
    "partial_row",
    "validate_row",
]

#: The relationship types edges.csv may list; IN edges are derived from agencies.csv and jurisdictions.csv.
EDGE_TYPES = (
    RelType.REPORTS_TO,
    RelType.HOSTED_BY,
    RelType.HAS_FUNCTION,
    RelType.BECAME,
)


def _iso_date(value: Any) -> str:
    """TOML may give a real date (unquoted) or a string; both become an ISO date string."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


Text = Annotated[str, StringConstraints(strip_whitespace=True)]
Required = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
IsoDate = Annotated[str, BeforeValidator(_iso_date)]
#: A dataset's own identifier (level ids, attribute ids): lower-case letters, digits, '_' and '-'.
Ident = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9_-]+$")]
SnakeText = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9_]*$")]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class JurisdictionRow(_Row):
    """The built-in columns; a dataset's declared attribute columns are checked by loaders/attributes.py.
    name_zh or name_en may be empty, not both (checked in checks.py, so one message names the row)."""

    id: Required
    name_zh: Text = ""
    name_en: Text = ""
    level: Ident
    parent: Text = ""
    agency_quota: int | None = None
    basis: Basis
    source: Required
    note: Text = ""


class AgencyRow(_Row):
    id: Required
    snapshot: Required
    jurisdiction: Required
    name_zh: Text = ""
    name_en: Text = ""
    type: Required
    category: Category
    counts_toward_quota: bool
    basis: Basis
    source: Required
    note: Text = ""
    agency_class: SnakeText = ""


class FunctionRow(_Row):
    id: Required
    name_zh: Text = ""
    name_en: Text = ""
    basis: Basis | None = None
    source: Text = ""


class EdgeRow(_Row):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, populate_by_name=True)

    type: RelType
    start: Required = Field(alias="from")
    end: Required = Field(alias="to")
    mode: Text = ""  # checked against the type in checks.py: its vocabulary depends on the type
    change: Change | None = None
    function: Text = ""
    basis: Basis
    source: Required
    note: Text = ""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True)


class SnapshotEntry(_Entry):
    id: Required
    date: IsoDate
    role: SnapshotRole = SnapshotRole.OTHER
    label_zh: Text = ""
    label_en: Text = ""


class SourceEntry(_Entry):
    id: Required
    title: Required
    basis: Basis
    date: Text = ""
    url: Text = ""
    publisher: Text = ""
    note: Text = ""


class EventEntry(_Entry):
    date: IsoDate
    label_zh: Text = ""  # one of the two labels must be given (checked in manifest.py)
    label_en: Text = ""
    source: Required


#: The types a declared jurisdiction attribute may have.
ATTRIBUTE_TYPES = ("text", "integer", "boolean", "enum")


class LevelEntry(_Entry):
    id: Ident
    rank: Annotated[int, Field(ge=1)]
    label_zh: Text = ""
    label_en: Text = ""


class AttributeEntry(_Entry):
    id: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]*$")]
    type: Literal["text", "integer", "boolean", "enum"]
    values: list[Required] = []
    label_zh: Text = ""
    label_en: Text = ""
    required_at: list[Required] = []


class InterfaceEntry(_Entry):
    title_zh: Text = ""
    title_en: Text = ""
    caption_zh: Text = ""
    caption_en: Text = ""


class Manifest(_Entry):
    format_version: Literal[1, 2] = 1
    id: Ident
    title_zh: Text = ""  # one of the two titles must be given (checked in manifest.py)
    title_en: Text = ""
    description: Text = ""
    snapshots: Annotated[list[SnapshotEntry], Field(min_length=1)]
    sources: list[SourceEntry] = []
    events: list[EventEntry] = []
    levels: list[LevelEntry] = []
    jurisdiction_attributes: list[AttributeEntry] = []
    interface: InterfaceEntry = InterfaceEntry()


#: Columns of jurisdictions.csv every dataset may use; a declared attribute must not reuse one of them.
BUILTIN_JURISDICTION_COLUMNS = (
    "id",
    "name_zh",
    "name_en",
    "level",
    "parent",
    "agency_quota",
    "basis",
    "source",
    "note",
)

#: Format 1 (no [[levels]] in the manifest): the attribute columns that format accepted, declared implicitly.
LEGACY_ATTRIBUTES: tuple[dict[str, Any], ...] = (
    {
        "id": "size_class",
        "type": "enum",
        "values": ["small", "medium", "large"],
        "label_zh": "规模",
        "label_en": "Size class",
    },
    {"id": "border", "type": "boolean", "label_zh": "边境", "label_en": "Border"},
    {
        "id": "poverty",
        "type": "enum",
        "values": ["national", "regional", "none"],
        "label_zh": "贫困",
        "label_en": "Poverty",
    },
)


#: Allowed values per column, for messages ("allowed values are ...").
_VOCABULARY: dict[str, tuple[str, ...]] = {
    "category": tuple(Category),
    "basis": tuple(Basis),
    "change": tuple(Change),
    "role": tuple(SnapshotRole),
    "type": EDGE_TYPES,
}


def all_columns(model: type[BaseModel]) -> tuple[str, ...]:
    """Every column of a row model by its CSV name, in declaration order (the order writers should use)."""
    return tuple(info.alias or name for name, info in model.model_fields.items())


def columns_of(model: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) column names of a row model, in declaration order, by their CSV names."""
    required: list[str] = []
    optional: list[str] = []
    for name, info in model.model_fields.items():
        (required if info.is_required() else optional).append(info.alias or name)
    return tuple(required), tuple(optional)


def describe_error(error: Any) -> tuple[str, str]:
    """(column, message) for one pydantic error dict; the column is the last named part of its loc."""
    loc = [str(part) for part in error.get("loc", ())]
    column = loc[-1] if loc else ""
    kind = error.get("type", "")
    value = error.get("input")
    if kind in {"missing", "string_too_short"}:  # a CSV row omits its empty cells, so both mean "empty"
        return column, "required cell is empty"
    if kind in {"bool_parsing", "bool_type"}:
        return column, f"{value!r} is not a boolean; use true or false (also accepted: yes/no, 1/0)"
    if kind == "enum":
        allowed = ", ".join(map(str, _VOCABULARY.get(column, ())))
        return column, f"{value!r} is not a valid {column}; allowed values are {allowed}"
    if kind in {"int_parsing", "int_from_float", "int_type"}:
        return column, f"{value!r} is not a whole number"
    if kind == "value_error":
        return column, str(error.get("ctx", {}).get("error", error.get("msg", "")))
    if kind == "string_pattern_mismatch":
        if column == "agency_class":
            return column, f"{value!r} is not a valid agency_class; use snake_case (lower-case letters, digits, '_')"
        return column, f"{value!r} is not a valid {column}; use lower-case letters, digits, '_' and '-'"
    if kind == "literal_error":
        return column, f"{value!r} is not allowed here; {error.get('msg', '')}".rstrip("; ")
    if kind == "extra_forbidden":
        return column, f"unknown key {column!r}"
    if kind == "too_short":
        return column, "at least one entry is needed"
    return column, f"{error.get('msg', 'invalid value')} (got {value!r})"


M = TypeVar("M", bound=BaseModel)


def validate_row(
    model: type[M], file: str, line: int, row: dict[str, str], problems: list[Problem], *, partial: bool = False
) -> M | None:
    """The validated row, or (after appending one Problem per bad cell) None.

    `row` holds the non-empty cells only (csvfile drops empty ones), so an optional column gets its default
    and a required one a "missing" error. With `partial`, a bad row still comes back, unvalidated
    (model_construct), with its bad or absent cells set to None: its id then still counts as defined, so
    references to it are not reported again as unknown, and its good cells are still checked elsewhere.
    """
    try:
        return model.model_validate(row)
    except ValidationError as exc:
        bad: set[str] = set()
        for error in exc.errors(include_url=False):
            column, message = describe_error(error)
            bad.add(column)
            problems.append(Problem(file, line, column, message))
        if not partial:
            return None
        return partial_row(model, {k: v for k, v in row.items() if k not in bad})


def partial_row(model: type[M], cells: dict[str, str]) -> M:
    """An unvalidated row holding `cells` as text and None for every other field (see validate_row)."""
    values: dict[str, Any] = dict.fromkeys(model.model_fields) | cells
    return model.model_construct(None, **values)


#: The CSV files of a dataset folder and their columns in order: the one list every writer uses (exporters,
#: benchmarks, the dataset builders), so a column added to a row model reaches them all.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "jurisdictions.csv": all_columns(JurisdictionRow),
    "agencies.csv": all_columns(AgencyRow),
    "functions.csv": all_columns(FunctionRow),
    "edges.csv": all_columns(EdgeRow),
}
