"""What a dataset says about itself rather than about the bodies: its cited sources, its dated snapshots, the
reform's dated steps and the texts the app shows for it (from the manifest)."""

from __future__ import annotations

from dataclasses import dataclass

from graph.model.vocabulary import Basis, SnapshotRole

__all__ = ["Interface", "ReformEvent", "Snapshot", "Source"]


@dataclass(frozen=True, slots=True)
class Source:
    """A cited source; `basis` says whether it is the seed article, another public source, or our modeling note."""

    id: str
    title: str
    basis: Basis
    date: str = ""
    url: str = ""
    publisher: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The structure at one date; `role` marks the before/after sides of a reform."""

    id: str
    date: str
    role: SnapshotRole
    label_zh: str = ""
    label_en: str = ""


@dataclass(frozen=True, slots=True)
class ReformEvent:
    """A dated step of the reform itself (approval, meeting, deadline), kept as dataset metadata."""

    date: str
    label_zh: str
    label_en: str
    source: str


@dataclass(frozen=True, slots=True)
class Interface:
    """The app's title and Overview caption for a dataset (from the manifest; empty: use the dataset title)."""

    title_zh: str = ""
    title_en: str = ""
    caption_zh: str = ""
    caption_en: str = ""
