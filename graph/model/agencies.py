"""The bodies and their duties: an agency in one snapshot, and a function (a duty) agencies hold and hand on."""

from __future__ import annotations

from dataclasses import dataclass

from graph.model.vocabulary import Basis, Category

__all__ = ["Agency", "Function"]


@dataclass(frozen=True, slots=True)
class Agency:
    """One agency in one snapshot; the same body in another snapshot is another Agency joined by BECAME."""

    id: str
    snapshot: str
    jurisdiction: str
    name_zh: str
    name_en: str
    type: str
    category: Category
    counts_toward_quota: bool
    basis: Basis
    source: str
    note: str = ""
    agency_class: str = ""  # optional free snake_case class (e.g. constituent_department); "" when not given

    def name(self, lang: str = "zh") -> str:
        """The display name in `lang` ("zh" or "en"), falling back to the other language when empty."""
        if lang == "en":
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en


@dataclass(frozen=True, slots=True)
class Function:
    """A duty (e.g. religious affairs) that agencies hold and that can move between them."""

    id: str
    name_zh: str
    name_en: str
    basis: Basis = Basis.MODELED
    source: str = ""

    def name(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en
