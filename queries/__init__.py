"""Named Cypher queries: one `.cypher` file each in this folder, with a small comment header.

    // title_zh: 派出的生态环境机构
    // description_zh: 每个生态环境机构及其上级。
    // title: Ecology offices dispatched to the league bureau
    // description: Every county ecology body with the league bureau it reports to.
    // params: snapshot=2019, county=j1
    MATCH (a:Agency {snapshot: $snapshot}) WHERE a.dataset = $dataset ...

`$dataset` is always supplied by the service layer (the active dataset id), so it is not listed in params.
The app's Cypher page and the CLI start from these; tests run each of them on both backends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.errors import NotFound

__all__ = ["NamedQuery", "QUERY_DIR", "all_queries", "get_query", "parse_query"]

QUERY_DIR = Path(__file__).resolve().parent
_HEADER = re.compile(r"^//\s*(\w+)\s*:\s*(.*)$")
_PARAM_USE = re.compile(r"\$(\w+)")


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
    def has_order_by(self) -> bool:
        return re.search(r"\border\s+by\b", self.text, re.IGNORECASE) is not None


def _parse_defaults(raw: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for part in raw.split(","):
        if "=" in part:
            key, value = part.split("=", 1)
            pairs[key.strip()] = value.strip()
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
