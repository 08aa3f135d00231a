"""No dataset in the code: no name, id or count of a dataset under data/ appears in the code that must serve every
dataset (graph/, loaders/, service.py, cli, app.py, app_pages/, exporters/, queries/, views/, usecases/, i18n/,
settings.py).

The forbidden words are read off each dataset's own files (tests/dataset_words.py): its id and titles, its
jurisdictions' ids, names and name stems, its top bodies' names, the family of its administrative codes (1525dd),
and its counts of three digits or more (agencies, agencies per snapshot, edges, rule results). Generic words a
dataset also uses (a level name such as "county") are in dataset_words.ALLOWED, each with its reason. A new
dataset under data/ is covered without touching this test.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from dataset_words import ALLOWED, DatasetWords, dataset_words
from paths import ROOT

#: The code that must not know any dataset (folders are searched recursively).
CODE = [
    "graph",
    "loaders",
    "service.py",
    "cli.py",
    "cli",
    "cli_commands",
    "app.py",
    "app_pages",
    "exporters",
    "queries",
    "views",
    "usecases",
    "i18n",
    "settings.py",
]
TEXT_SUFFIXES = {".py", ".cypher", ".html", ".js", ".css", ".json", ".toml", ".md", ".txt", ".svg", ".j2"}

#: (file, word) pairs allowed, each with its reason. Keep this short.
FILE_ALLOWED = {
    ("settings.py", "xilingol"): "the default dataset folder is configuration ($ORGRAPH_DATASET chooses another)",
}

DATASETS = sorted(p.parent for p in (ROOT / "data").glob("*/manifest.toml"))


def code_files() -> list[Path]:
    found: list[Path] = []
    for name in CODE:
        path = ROOT / name
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found += [
                f
                for f in sorted(path.rglob("*"))
                if f.is_file() and f.suffix in TEXT_SUFFIXES and "__pycache__" not in f.parts
            ]
    return found


@cache
def dataset_counts(folder: Path) -> frozenset[int]:
    """The dataset's counts of three digits or more: agencies (all, per snapshot), edges, rule results."""
    from service import OrgService
    from settings import Settings

    service = OrgService.open(folder, settings=Settings(dataset=str(folder), backend="networkx"))
    try:
        ds = service.dataset
        counts = {len(ds.agencies), len(ds.edges), len(service.check())}
        counts |= set(Counter(a.snapshot for a in ds.agencies).values())
    finally:
        service.close()
    return frozenset(n for n in counts if n >= 100)


def occurrences(words: DatasetWords, counts: frozenset[int], files: list[Path], root: Path = ROOT) -> list[str]:
    """'file:line: word' for each forbidden word found, allowances applied."""
    patterns = words.patterns() + [(str(n), re.compile(rf"(?<![\d.,]){n}(?![\d.,])")) for n in sorted(counts)]
    found: list[str] = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for word, regex in patterns:
                if regex.search(line) and (rel, word.lower()) not in FILE_ALLOWED:
                    found.append(f"{rel}:{number}: {word!r} of {words.id}: {line.strip()[:120]}")
    return found


def test_the_code_files_are_found() -> None:
    files = {f.relative_to(ROOT).as_posix() for f in code_files()}
    assert {"service.py", "app.py", "graph/model/dataset.py", "loaders/dataset.py"} <= files
    assert any(f.startswith("queries/") and f.endswith(".cypher") for f in files)
    assert len(DATASETS) >= 2


def test_the_words_are_read_off_the_datasets() -> None:
    """The derivation finds what a reader would call each dataset's words (so the grep below means something)."""
    by_id = {dataset_words(folder).id: dataset_words(folder) for folder in DATASETS}
    xilingol, state_council = by_id["xilingol"], by_id["state-council"]
    assert {"锡林郭勒", "锡林郭勒盟", "Xilingol", "镶黄旗", "镶黄", "Xianghuang Banner"} <= xilingol.phrases
    assert xilingol.find("agency 152528-2019-emergency_management") and xilingol.find("j = '152599'")
    assert {"国务院", "State Council", "中华人民共和国"} <= state_council.phrases
    assert state_council.find("jurisdiction='cn'") and not state_council.find("zh-cn, cnt, 'cnx'")
    assert not {w for d in by_id.values() for w in d.phrases} & set(ALLOWED)
    assert 208 in dataset_counts(ROOT / "data" / "xilingol")  # its rule results: 208 (the README's figure)


@pytest.mark.parametrize("folder", DATASETS, ids=lambda p: p.name)
def test_no_word_of_the_dataset_is_in_the_code(folder: Path) -> None:
    found = occurrences(dataset_words(folder), dataset_counts(folder), code_files())
    assert not found, "dataset words in the code:\n" + "\n".join(found)


def test_a_planted_word_is_found(tmp_path: Path) -> None:
    sample = tmp_path / "graph" / "sample.py"
    sample.parent.mkdir()
    sample.write_text('TITLE = "锡林郭勒盟"\nCOUNTY = "152528"\nN = 208  # results\nOK = "county"\n', encoding="utf-8")
    found = occurrences(dataset_words(ROOT / "data" / "xilingol"), frozenset({208}), [sample], root=tmp_path)
    assert [line.split(":")[1] for line in found] == ["1", "1", "2", "3"], found  # 锡林郭勒 and 锡林郭勒盟 on line 1
