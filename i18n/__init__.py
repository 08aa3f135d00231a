"""Interface text in Chinese and English, one table per area of the app, and the one lookup `t`. Data labels
(agency names) come from the data, not from here.

>>> t("explorer", "en"), t("explorer", "zh")
('Explorer', '结构浏览')
>>> t("n_agencies", "en", n=3)
'3 agencies'

The tables: common.py (the shell and the words every page shares), overview.py, explorer.py, compare.py,
cypher.py, export.py and cypher_errors.py (a failed query explained). A key lives in exactly one of them; merging
them refuses a key defined twice, so one area cannot silently change another's text.

May import only its own tables; every layer that shows text imports `t` from here.
"""

from __future__ import annotations

from i18n import common, compare, cypher, cypher_errors, explorer, export, overview

__all__ = ["LANGS", "STRINGS", "t"]

LANGS = ("zh", "en")


def _merge(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """One table of every area's strings; a key defined in two areas is a mistake, refused at import."""
    merged: dict[str, tuple[str, str]] = {}
    for table in tables:
        twice = sorted(merged.keys() & table.keys())
        if twice:
            raise ValueError(f"interface strings defined in two areas of i18n/: {twice}")
        merged.update(table)
    return merged


STRINGS = _merge(
    common.STRINGS,
    overview.STRINGS,
    explorer.STRINGS,
    compare.STRINGS,
    cypher.STRINGS,
    export.STRINGS,
    cypher_errors.STRINGS,
)


def t(key: str, lang: str, **values: object) -> str:
    """The interface string `key` in `lang` ("zh" or "en"), formatted with `values`; unknown keys show as-is."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text
