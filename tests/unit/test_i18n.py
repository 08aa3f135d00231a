"""The interface strings: one table per area of the app merged into i18n.STRINGS, each key once, in both languages,
with the same placeholders in both (a `{n}` missing from one language would raise or show raw in that one)."""

from __future__ import annotations

import string

import pytest

import i18n
from i18n import common, compare, cypher, cypher_errors, explorer, export, overview

AREAS = (common, overview, explorer, compare, cypher, export, cypher_errors)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_areas_make_up_the_table() -> None:
    assert sum(len(area.STRINGS) for area in AREAS) == len(i18n.STRINGS) > 200
    assert all(area.STRINGS for area in AREAS)
    assert i18n.t("explorer", "en") == "Explorer" and i18n.t("no_such_key", "zh") == "no_such_key"


def test_a_key_in_two_areas_is_refused() -> None:
    with pytest.raises(ValueError, match="two areas.*'overview'"):
        i18n._merge(common.STRINGS, {"overview": ("x", "x")})


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_each_string_has_both_languages_with_the_same_placeholders(key: str) -> None:
    zh, en = i18n.STRINGS[key]
    assert zh and en
    assert _fields(zh) == _fields(en)
