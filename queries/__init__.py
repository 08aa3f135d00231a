"""Named Cypher queries: one `.cypher` file each in this folder, with a small comment header.

    // title_zh: 派出的生态环境机构
    // description_zh: 每个生态环境机构及其上级。
    // title: Ecology offices dispatched to the league bureau
    // description: Every county ecology body with the league bureau it reports to.
    // params: snapshot=@last_snapshot, mode=dispatched, agency_id
    MATCH (a:Agency {snapshot: $snapshot}) WHERE a.dataset = $dataset ...

`$dataset` is always supplied by the service layer (the active dataset id), so it is not listed in params.
Every other parameter either has a default that works on any dataset or is required:

- `name=text` a fixed default (e.g. `mode=dispatched`; `name=` defaults to the empty string);
- `name=@last_snapshot`, `@first_snapshot`, `@bottom_level` a default read off the dataset when the query is
  bound to it (`NamedQuery.bind`): its latest or earliest snapshot by date, its lowest populated level;
- `name` alone (or a `$name` the header does not list) is required: running the query without a value for it
  is an InvalidRequest naming the parameter (CLI exit 2), never a silent empty result.

Never write a dataset's own id, name or snapshot as a default: the grep test (tests/test_no_dataset_in_code.py)
fails on it. The app's Cypher page and the CLI start from these; tests run each of them on both backends.

May import the core of `graph` (model, errors) only; the service binds a query to its dataset and runs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from graph.errors import InvalidRequest, NotFound
from graph.model import Dataset

__all__ = ["DATASET_DEFAULTS", "NamedQuery", "QUERY_DIR", "all_queries", "get_query", "parse_query"]

QUERY_DIR = Path(__file__).resolve().parent
_HEADER = re.compile(r"^//\s*(\w+)\s*:\s*(.*)$")
_PARAM_USE = re.compile(r"\$(\w+)")


def _last_snapshot(dataset: Dataset) -> str:
    ids = dataset.snapshot_ids()
    return ids[-1] if ids else ""


def _first_snapshot(dataset: Dataset) -> str:
    ids = dataset.snapshot_ids()
    return ids[0] if ids else ""


def _bottom_level(dataset: Dataset) -> str:
    return dataset.bottom_level() or ""


#: The defaults a header may name with `@`: each is read off the dataset the query runs on.
DATASET_DEFAULTS: dict[str, Callable[[Dataset], str]] = {
    "@last_snapshot": _last_snapshot,
    "@first_snapshot": _first_snapshot,
    "@bottom_level": _bottom_level,
}


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    defaults: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    title_zh: str = ""
    description_zh: str = ""

    def title_in(self, lang: str) -> str:
        """The title in the interface language (Chinese when the file gives `title_zh`)."""
        return self.title_zh if lang == "zh" and self.title_zh else self.title

    def description_in(self, lang: str) -> str:
        return self.description_zh if lang == "zh" and self.description_zh else self.description

    @property
    def params(self) -> list[str]:
        """Every $parameter the query uses except the implicit $dataset, in order of first use."""
        seen: list[str] = []
        for name in _PARAM_USE.findall(self.text):
            if name != "dataset" and name not in seen:
                seen.append(name)
        return seen

    @property
    def required(self) -> list[str]:
        """The parameters without a default: each must be given a non-empty value."""
        return [p for p in self.params if p not in self.defaults]

    def bind(self, dataset: Dataset) -> NamedQuery:
        """This query with its `@` defaults read off `dataset` (e.g. `@last_snapshot` -> its latest snapshot id)."""
        bound = {k: DATASET_DEFAULTS[v](dataset) if v in DATASET_DEFAULTS else v for k, v in self.defaults.items()}
        return replace(self, defaults=bound)

    def missing(self, params: Mapping[str, object]) -> list[str]:
        """The required parameters `params` leaves out or leaves empty."""
        return [p for p in self.required if params.get(p) is None or params.get(p) == ""]

    def check_params(self, params: Mapping[str, object]) -> None:
        """InvalidRequest naming each required parameter without a value (a query never runs half-filled)."""
        missing = self.missing(params)
        if missing:
            names = ", ".join(f"${p}" for p in missing)
            raise InvalidRequest(
                f"named query {self.name!r} needs a value for {names} (required: it has no default that would "
                f"fit every dataset); e.g. {missing[0]}=VALUE"
            )

    @property
    def has_order_by(self) -> bool:
        return re.search(r"\border\s+by\b", self.text, re.IGNORECASE) is not None


def _parse_defaults(raw: str) -> dict[str, str]:
    """`a=1, b=@last_snapshot, c` -> {"a": "1", "b": "@last_snapshot"}: `c` has no default, so it is required."""
    pairs: dict[str, str] = {}
    for part in raw.split(","):
        if "=" in part:
            key, value = part.split("=", 1)
            value = value.strip()
            if value.startswith("@") and value not in DATASET_DEFAULTS:
                known = ", ".join(DATASET_DEFAULTS)
                raise ValueError(f"params: {key.strip()}={value}: unknown dataset default; known: {known}")
            pairs[key.strip()] = value
    return pairs


def parse_query(name: str, source: str, path: Path | None = None) -> NamedQuery:
    """Split a .cypher file into its header fields and query text."""
    header: dict[str, str] = {}
    body: list[str] = []
    for line in source.splitlines():
        match = _HEADER.match(line.strip()) if not body else None
        if match:
            header[match.group(1).lower()] = match.group(2).strip()
        elif line.strip() or body:
            body.append(line)
    return NamedQuery(
        name=name,
        title=header.get("title", name.replace("_", " ")),
        description=header.get("description", ""),
        text="\n".join(body).strip(),
        defaults=_parse_defaults(header.get("params", "")),
        path=path,
        title_zh=header.get("title_zh", ""),
        description_zh=header.get("description_zh", ""),
    )


@lru_cache(maxsize=1)
def _load_all(folder: str) -> tuple[NamedQuery, ...]:
    paths = sorted(Path(folder).glob("*.cypher"))
    return tuple(parse_query(p.stem, p.read_text(encoding="utf-8"), p) for p in paths)


def all_queries(folder: Path = QUERY_DIR) -> list[NamedQuery]:
    """Every named query in `folder`, sorted by name."""
    return list(_load_all(str(folder)))


def get_query(name: str, folder: Path = QUERY_DIR) -> NamedQuery:
    for query in all_queries(folder):
        if query.name == name:
            return query
    known = ", ".join(q.name for q in all_queries(folder)) or "none"
    raise NotFound(f"no named query {name!r}; known queries: {known}")
