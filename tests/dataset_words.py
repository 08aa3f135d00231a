"""The words that belong to one dataset: what the grep test forbids in the code, and what the sweep forbids on
another dataset's pages.

Derived from the dataset's own files, never typed in: its id and titles (manifest.toml), every jurisdiction's id and
names (jurisdictions.csv) with the stems of those names (锡林郭勒盟 -> 锡林郭勒, "Xilingol League" -> Xilingol),
the names of its top bodies (agencies that report to nobody, e.g. the State Council or a league party committee),
and for six-digit administrative codes the code family (152528 -> any 1525dd).
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

#: Words a dataset uses that are everyone's vocabulary, not the dataset's (a level's name, a country). Each entry
#: says why. Matching is case-insensitive for Latin text.
ALLOWED = {
    "china": "a country's name, used generically (e.g. 'what Excel in China writes')",
    "national": "a level id and the poverty enum value 'national' are generic vocabulary",
    "region": "a level id",
    "league": "a level id",
    "county": "a level id",
    "city": "a generic place word",
    "banner": "a generic place word (a county-level unit of Inner Mongolia)",
    "state": "a generic word (a 'state' level in a federal country)",
}

#: Suffixes stripped from jurisdiction names to get their stems (the part a programmer would write alone).
_ZH_SUFFIXES = ("自治区", "自治州", "自治县", "地区", "盟", "旗", "市", "县", "区", "省", "州", "镇", "乡")
_EN_SUFFIXES = (
    "autonomous region",
    "league",
    "banner",
    "city",
    "county",
    "district",
    "province",
    "prefecture",
    "township",
    "state",
    "federation",
)
_MIN_LATIN = 3  # shorter Latin ids (e.g. "cn", "xh") are matched only as a whole quoted string, see patterns()


@dataclass(frozen=True)
class DatasetWords:
    """One dataset's words: `phrases` (plain text), `codes` (regexes for administrative code families)."""

    folder: Path
    id: str
    phrases: frozenset[str]
    short_ids: frozenset[str] = field(default_factory=frozenset)
    codes: frozenset[str] = field(default_factory=frozenset)

    def patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        """(word, compiled regex) for each word: Latin words on word boundaries, Chinese as substrings."""
        found: list[tuple[str, re.Pattern[str]]] = []
        for phrase in sorted(self.phrases):
            if re.search(r"[A-Za-z0-9]", phrase) and phrase.isascii():
                regex = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(phrase)}(?![A-Za-z0-9_])", re.IGNORECASE)
            else:
                regex = re.compile(re.escape(phrase))
            found.append((phrase, regex))
        for short in sorted(self.short_ids):  # "cn" only as a quoted string or a CSV id of its own
            found.append((short, re.compile(rf"""(?<![A-Za-z0-9_-])['"]{re.escape(short)}['"]""")))
        for code in sorted(self.codes):
            found.append((code, re.compile(rf"(?<!\d){code}(?!\d)")))
        return found

    def find(self, text: str) -> list[str]:
        """The words of this dataset that occur in `text`."""
        return [word for word, regex in self.patterns() if regex.search(text)]


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _stems(name: str) -> set[str]:
    found = {name}
    for suffix in _ZH_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            found.add(name[: -len(suffix)])
    lowered = name.lower()
    for suffix in _EN_SUFFIXES:
        if lowered.endswith(" " + suffix):
            found.add(name[: -len(suffix) - 1].strip())
    return found


def _top_bodies(folder: Path) -> set[str]:
    """Names of agencies that report to nobody: the heads of the dataset's structure (国务院, a party committee)."""
    reporting = {row["from"] for row in _rows(folder / "edges.csv") if row.get("type") in ("REPORTS_TO", "HOSTED_BY")}
    names: set[str] = set()
    for row in _rows(folder / "agencies.csv"):
        if row["id"] not in reporting:
            names |= {row.get("name_zh", ""), row.get("name_en", "")}
    return names


@cache
def dataset_words(folder: Path) -> DatasetWords:
    """The words of the dataset in `folder` (see the module docstring), without the ALLOWED generic ones."""
    manifest = tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))
    ui = manifest.get("interface", {})
    phrases = {manifest.get("id", ""), manifest.get("title_zh", ""), manifest.get("title_en", "")}
    phrases |= {ui.get("title_zh", ""), ui.get("title_en", "")}
    short: set[str] = set()
    codes: set[str] = set()
    for row in _rows(folder / "jurisdictions.csv"):
        jid = row["id"]
        if re.fullmatch(r"\d{6}", jid):
            codes.add(rf"{jid[:4]}\d\d")
        elif len(jid) < _MIN_LATIN:
            short.add(jid)
        else:
            phrases.add(jid)
        for key in ("name_zh", "name_en"):
            phrases |= _stems(row.get(key, "").strip())
    phrases |= _top_bodies(folder)
    kept = {p.strip() for p in phrases if p and p.strip() and p.strip().lower() not in ALLOWED}
    kept = {p for p in kept if len(p) >= 2 and (not p.isascii() or len(p) >= _MIN_LATIN)}
    return DatasetWords(folder, manifest.get("id", folder.name), frozenset(kept), frozenset(short), frozenset(codes))


def _own_text(folder: Path) -> str:
    """Everything the dataset's own files say (README aside): a word found here is the dataset's too."""
    parts = [p.read_text(encoding="utf-8-sig") for p in sorted(folder.iterdir()) if p.suffix in (".csv", ".toml")]
    return "\n".join(parts)


@cache
def foreign_words(folder: Path, others: tuple[Path, ...]) -> list[tuple[str, re.Pattern[str]]]:
    """The words of the `others` datasets that `folder`'s own files never use: what its pages must never show.

    Shared words (tests/data/mini is cut from data/xilingol, so they share place names) are the dataset's own."""
    own = _own_text(folder)
    found: dict[str, re.Pattern[str]] = {}
    for other in others:
        if other == folder:
            continue
        for word, regex in dataset_words(other).patterns():
            if not regex.search(own):
                found.setdefault(f"{word} ({dataset_words(other).id})", regex)
    return sorted(found.items())


@cache
def _any_foreign(folder: Path, others: tuple[Path, ...]) -> re.Pattern[str]:
    """One regex for all the foreign words: most texts have none, and one pass over a large export is quick."""
    parts = [
        f"(?i:{regex.pattern})" if regex.flags & re.IGNORECASE else f"(?:{regex.pattern})"
        for _, regex in foreign_words(folder, others)
    ]
    return re.compile("|".join(parts) or "(?!)")


def find_foreign(text: str, folder: Path, others: tuple[Path, ...]) -> list[str]:
    """The foreign words (see foreign_words) that occur in `text`, each with a little context."""
    if not _any_foreign(folder, others).search(text):
        return []
    hits = []
    for word, regex in foreign_words(folder, others):
        match = regex.search(text)
        if match:
            hits.append(f"{word}: …{text[max(0, match.start() - 40) : match.end() + 40]}…")
    return hits
