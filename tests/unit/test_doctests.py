"""The examples in docstrings run and hold (`make lint` runs them too, with pytest --doctest-modules)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("graph", "loaders", "exporters", "views", "queries", "cli_commands")
MODULES = ("service", "settings", "cli", "i18n")


def _modules() -> list[str]:
    names = list(MODULES)
    for package in PACKAGES:
        module = importlib.import_module(package)
        names.append(package)
        names += [info.name for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}.")]
    return sorted(names)


ALL = _modules()


def test_the_doctests_are_found() -> None:
    with_examples = [name for name in ALL if doctest.DocTestFinder().find(importlib.import_module(name))]
    found = sum(len(t.examples) for name in ALL for t in doctest.DocTestFinder().find(importlib.import_module(name)))
    assert len(with_examples) >= 10 and found >= 20, (with_examples, found)


@pytest.mark.parametrize("name", ALL)
def test_doctests_pass(name: str) -> None:
    failed, _ = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS, verbose=False)
    assert failed == 0, f"{failed} doctest example(s) failed in {name} (see the output above)"
