"""Finding an agency by what an analyst types: ranked, scoped, in either language.

Pure: it ranks the agencies it is given. A name is matched as written and without its jurisdiction's name in
front ("某某旗应急管理局" is an exact hit for "应急管理局" in 某某旗), so the usual way of typing a bureau works.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from graph.model import Agency

__all__ = ["match_tier", "rank_agencies"]

_SPACES = re.compile(r"[\s\u3000]+")

EXACT, PREFIX, CONTAINS, ALL_WORDS = 0, 1, 2, 3


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _names(agency: Agency, place_names: tuple[str, ...]) -> list[str]:
    names = [_norm(agency.name_zh), _norm(agency.name_en), agency.id.casefold()]
    for name in names[:2]:
        for place in place_names:
            if place and name.startswith(place) and len(name) > len(place):
                names.append(name[len(place) :].strip(" ,"))
    return [n for n in names if n]


def _tier(needle: str, words: list[str], names: list[str]) -> int | None:
    """The best match tier of any name (lower is better), or None when nothing matches."""
    if needle in names:
        return EXACT
    if any(n.startswith(needle) for n in names):
        return PREFIX
    if any(needle in n for n in names):
        return CONTAINS
    if len(words) > 1 and any(all(w in n for w in words) for n in names):
        return ALL_WORDS
    if len(words) > 1 and all(any(w in n for n in names) for w in words):  # words spread over zh and en names
        return ALL_WORDS + 1
    return None


def match_tier(text: str, agency: Agency, place_names: tuple[str, ...] = ()) -> int | None:
    """How well `text` names `agency` (EXACT, PREFIX, CONTAINS, then ALL_WORDS; lower is better), None when it
    does not; `place_names` are the names of its jurisdiction, which its name may start with."""
    needle = _norm(text)
    if not needle:
        return None
    return _tier(needle, needle.split(" "), _names(agency, tuple(_norm(n) for n in place_names)))


def rank_agencies(
    text: str,
    agencies: Iterable[Agency],
    place_names: Mapping[str, tuple[str, ...]],
    *,
    scope: str | None = None,
    limit: int = 50,
) -> list[Agency]:
    """Agencies matching `text`, best first: those in `scope` (a jurisdiction id) before the others, then exact
    names, prefixes, substrings, and names holding every word; shorter names first within a tier.

    `place_names` maps a jurisdiction id to its names (any language) that an agency's name may start with.

    >>> from graph.model import Basis, Category
    >>> def a(i, j, zh, en): return Agency(i, "s", j, zh, en, "t", Category.GOVERNMENT, True, Basis.MODELED, "x")
    >>> found = rank_agencies("emergency management", [
    ...     a("1", "p", "甲应急管理局", "P Emergency Management Bureau"),
    ...     a("2", "q", "乙应急管理局", "Q Emergency Management Bureau")], {}, scope="q")
    >>> [x.id for x in found]
    ['2', '1']
    """
    needle = _norm(text)
    if not needle:
        return []
    words = needle.split(" ")
    places = {j: tuple(_norm(n) for n in names) for j, names in place_names.items()}
    ranked: list[tuple[int, int, int, str, Agency]] = []
    for agency in agencies:
        tier = _tier(needle, words, _names(agency, places.get(agency.jurisdiction, ())))
        if tier is not None:
            outside = 0 if scope is None or agency.jurisdiction == scope else 1
            ranked.append((outside, tier, len(agency.name_zh or agency.name_en), agency.id, agency))
    ranked.sort(key=lambda r: r[:4])
    return [r[4] for r in ranked[:limit]]
