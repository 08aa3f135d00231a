"""The layout a reader sees: no module over 400 lines, every package says in its `__init__` what it owns and what it
may import, and README's layout section and docs/layout.md name every package.

A long module is a sign that two concepts share a file; the limit keeps each file readable in one sitting.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from paths import ROOT

MAX_LINES = 400
#: Not the project's code: the virtualenv, caches and build outputs (.gitignore), which no reader maintains.
EXCLUDED = ("scripts/neo4j-server/lib", "scripts/neo4j-server/target", "scripts/neo4j-server/data", "build", "out")
EXCLUDED += ("tests/artifacts",)
#: The folders of the project's own code (tests/ has its own rule: its packages are named in the layout, below).
CODE_ROOTS = ("graph", "loaders", "usecases", "cli_commands", "views", "app_pages", "exporters", "queries", "bench")
CODE_ROOTS += ("scripts", "i18n")


def project_python_files() -> list[Path]:
    """Every .py file of the project, tests and scripts included; hidden folders and ignored outputs left out."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if any(part.startswith(".") or part == "__pycache__" or part.endswith(".egg-info") for part in rel.parts):
            continue
        if rel.as_posix().startswith(tuple(prefix + "/" for prefix in EXCLUDED)):
            continue
        found.append(path)
    return found


def code_packages() -> list[Path]:
    """Folders of our own code that are packages (an `__init__.py`), the top ones and those below."""
    folders = [ROOT / name for name in CODE_ROOTS]
    inits = [init for folder in folders for init in folder.rglob("__init__.py")]
    return sorted(i.parent for i in inits if not any(part.startswith(".") for part in i.relative_to(ROOT).parts))


def layout_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Layout\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, "README.md has no '## Layout' section"
    return match.group(1)


def test_the_files_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in project_python_files()}
    assert {"service.py", "graph/model/dataset.py", "tests/conftest.py", "scripts/build_xilingol.py"} <= names
    assert not any(n.startswith(".venv/") for n in names)


def test_every_package_says_what_it_owns_and_may_import() -> None:
    packages = code_packages()
    assert ROOT / "graph" / "model" in packages and ROOT / "app_pages" in packages
    silent = []
    for package in packages:
        init = package / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        if len(doc) < 80 or "import" not in doc.lower():
            silent.append(package.relative_to(ROOT).as_posix())
    assert silent == [], f"these packages' __init__ docstrings do not say what they own and may import: {silent}"


def test_the_readme_and_docs_name_every_package() -> None:
    """A package added or moved shows in README's layout section and in docs/layout.md."""
    section = layout_section()
    docs = (ROOT / "docs" / "layout.md").read_text(encoding="utf-8")
    names = [package.relative_to(ROOT).as_posix() + "/" for package in code_packages()]
    names += [p.relative_to(ROOT).as_posix() + "/" for p in sorted((ROOT / "tests").iterdir()) if p.is_dir()]
    names = [n for n in names if n not in ("tests/data/", "tests/artifacts/") and "__pycache__" not in n]
    # README's tree may name a folder under its parent's line (tests/: "unit/, contract/, ...")
    missing_readme = [n for n in names if n not in section and n.partition("/")[2] not in section]
    missing_docs = [n for n in names if n not in docs]
    assert missing_readme == [] and missing_docs == [], (missing_readme, missing_docs)


def test_no_module_is_over_the_limit() -> None:
    long = {
        path.relative_to(ROOT).as_posix(): n
        for path in project_python_files()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines (split them by concept): {long}"
