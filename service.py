"""The use cases the Streamlit app and the CLI share. Returns domain objects and plain results; imports no UI.

service = OrgService.open("data/<dataset folder>")  # embedded networkx backend
service.chain(agency_id)   # -> [ChainStep, ...]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from graph.diff.compare import SnapshotData, SnapshotDiff, diff_snapshots, resolve_scope
from graph.diff.compose import compose_lineage
from graph.diff.fetch import fetch_pair
from graph.embedded.compiled import CompiledDataset
from graph.embedded.store import NetworkxStore
from graph.errors import BackendUnavailable, InvalidRequest, NotFound
from graph.filters import ALL, ViewFilter
from graph.model import Agency, Dataset, Edge, Jurisdiction, RelType
from graph.rules.base import Rule
from graph.rules.engine import PresenceCell, RuleResult, check_dataset, dataset_rules, presence_matrix
from graph.search import rank_agencies
from graph.store import ChainStep, GraphStore, LoadReport, QueryResult
from queries import NamedQuery, all_queries, get_query
from settings import Settings, check_limits
from usecases.comparison import Comparison, comparison_of, scope_sides
from usecases.history import AgencyHistory, agency_history, find_agency
from usecases.info import SnapshotInfo, snapshot_info
from usecases.overview import Overview, build_overview
from usecases.profile import AgencyProfile, build_profile

if TYPE_CHECKING:
    from exporters import Selection

__all__ = ["OrgService", "Progress", "SnapshotInfo"]

#: progress(stage, done, total): called during long loads so the CLI/app can show it.
Progress = Callable[[str, int, int], None]


def make_store(settings: Settings, *, warm_cypher: bool = False) -> GraphStore:
    """The store for the configured backend; Neo4j raises BackendUnavailable (naming the URI) when unreachable.

    warm_cypher (embedded backend): build the Cypher engine's mirror in the background after loading. For a
    long-lived process (the app) only: a short CLI command would exit while that thread still runs."""
    if settings.effective_backend == "neo4j":
        # Late: the driver is only needed for the Neo4j backend, and importing it slows every embedded command.
        from graph.neo4j.store import Neo4jStore, connect_driver

        uri = settings.neo4j_uri or "bolt://127.0.0.1:7687"
        driver = connect_driver(uri, settings.neo4j_user, settings.neo4j_password)
        return Neo4jStore(driver, database=settings.neo4j_database or None)
    if settings.effective_backend != "networkx":
        raise InvalidRequest(f"unknown backend {settings.effective_backend!r}; use networkx or neo4j")
    return NetworkxStore(warm_cypher=warm_cypher)


class OrgService:
    """One dataset in one store, and everything analysts ask of it."""

    def __init__(
        self,
        store: GraphStore,
        dataset: Dataset | CompiledDataset,
        *,
        settings: Settings | None = None,
        load_report: LoadReport | None = None,
    ) -> None:
        """`dataset` may be a compiled one: then it is unpickled only when something reads `.dataset`
        (a Cypher query needs only its id)."""
        self.store = store
        self._dataset = dataset
        self.settings = settings or Settings()
        self.load_report = load_report
        self._checks: dict[tuple[str | None, tuple[str, ...] | None], list[RuleResult]] = {}
        # whole snapshots as the diff reads them, kept: a large diff builds their columns once (graph/diff/columns.py)
        self._snapshots: dict[str, SnapshotData] = {}

    @property
    def dataset(self) -> Dataset:
        source = self._dataset
        return source if isinstance(source, Dataset) else source.dataset

    @property
    def dataset_id(self) -> str:
        source = self._dataset
        return source.id if isinstance(source, Dataset) else source.dataset_id

    # ---- construction -------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        dataset_path: str | Path | None = None,
        *,
        backend: str | None = None,
        settings: Settings | None = None,
        progress: Progress | None = None,
        store: GraphStore | None = None,
        warm_cypher: bool = False,
        use_cache: bool = True,
    ) -> OrgService:
        """Validate the dataset, then load it into the configured backend (a failed load changes nothing).

        With use_cache (the default) the dataset folder is compiled once into the cache (graph/embedded/compiled.py)
        and opened from there: nothing is parsed again until its files change. use_cache=False parses the folder."""
        settings = settings or Settings.from_env()
        if backend:
            settings = replace(settings, backend=backend)
        path = Path(dataset_path or settings.dataset)
        source: Dataset | CompiledDataset
        if use_cache:
            source = CompiledDataset.open(path, root=settings.cache_dir or None, progress=progress)
        else:
            from loaders import load_dataset  # pydantic (~0.1 s to import): only when parsing, not for the cache

            source = load_dataset(path, progress=progress)
        store = store or make_store(settings, warm_cypher=warm_cypher)
        if progress:
            progress("store", 0, 1)
        if isinstance(source, Dataset):
            report = store.load(source)
        else:
            report = store.open_compiled(source)
        if progress:
            progress("store", 1, 1)
        return cls(store, source, settings=settings, load_report=report)

    @classmethod
    def open_with_fallback(
        cls,
        dataset_path: str | Path | None = None,
        *,
        settings: Settings | None = None,
        progress: Progress | None = None,
        use_cache: bool = True,
    ) -> tuple[OrgService, str | None]:
        """Open on the configured backend; if Neo4j is unreachable, open the embedded default and say why."""
        settings = settings or Settings.from_env()
        try:
            return cls.open(dataset_path, settings=settings, progress=progress, use_cache=use_cache), None
        except BackendUnavailable as exc:
            fallback = cls.open(
                dataset_path, settings=replace(settings, backend="networkx"), progress=progress, use_cache=use_cache
            )
            return fallback, f"{exc} Using the embedded networkx backend instead."

    @property
    def backend(self) -> str:
        return self.store.backend

    def close(self) -> None:
        self.store.close()

    # ---- reads ----------------------------------------------------------------------------------------
    def info(self) -> list[SnapshotInfo]:
        """Counts of jurisdictions, agencies and edges per snapshot, as the store holds them."""
        return snapshot_info(self.store, self.dataset)

    def agencies(self, snapshot: str, jurisdiction: str | None = None) -> list[Agency]:
        self._check_snapshot(snapshot)
        jid = self.resolve_jurisdiction(jurisdiction).id if jurisdiction else None
        return self.store.agencies(snapshot, jurisdiction=jid)

    def edges(self, snapshot: str, jurisdiction: str | None = None) -> list[Edge]:
        self._check_snapshot(snapshot)
        jid = self.resolve_jurisdiction(jurisdiction).id if jurisdiction else None
        return self.store.edges(snapshot, jurisdiction=jid)

    def agency(self, agency_id: str) -> Agency:
        return self.store.agency(agency_id)

    def chain(self, agency_id: str) -> list[ChainStep]:
        return self.store.reporting_chain(agency_id)

    def subordinates(self, agency_id: str, depth: int = 1) -> list[ChainStep]:
        return self.store.subordinates(agency_id, depth=depth)

    def lineage(self, agency_id: str) -> list[Edge]:
        return self.store.lineage(agency_id)

    def history(self, agency: str) -> AgencyHistory:
        """The whole life of the body `agency` (an id or name) names; usecases/history.py says how it is found."""
        return agency_history(self.store, self.dataset, find_agency(self.store, self.dataset, agency))

    def functions_of(self, agency_id: str) -> list[str]:
        """Function ids the agency holds (HAS_FUNCTION)."""
        agency = self.store.agency(agency_id)
        return sorted(
            e.end
            for e in self.store.edges(agency.snapshot, jurisdiction=agency.jurisdiction)
            if e.type is RelType.HAS_FUNCTION and e.start == agency_id
        )

    def search(
        self, text: str, snapshot: str | None = None, *, jurisdiction: str | None = None, limit: int = 50
    ) -> list[Agency]:
        """Agencies whose name (Chinese or English, with or without the jurisdiction's name in front) or id matches
        `text`, ranked: those of `jurisdiction` (an id) first, then exact, prefix, substring and all-words hits."""
        if not text.strip():
            return []
        snapshots = [snapshot] if snapshot else self.dataset.snapshot_ids()
        places = {j.id: (j.name_zh, j.name_en) for j in self.dataset.jurisdictions}
        agencies = (a for snap in snapshots for a in self.store.agencies(snap))
        return rank_agencies(text, agencies, places, scope=jurisdiction, limit=limit)

    def resolve_jurisdiction(self, name_or_id: str) -> Jurisdiction:
        """A jurisdiction by id, Chinese name or English name (case-insensitive)."""
        key = name_or_id.strip()
        for j in self.dataset.jurisdictions:
            if key in (j.id, j.name_zh) or key.lower() == j.name_en.lower():
                return j
        known = ", ".join(f"{j.id} {j.name('zh')}" for j in self.dataset.jurisdictions[:20])
        raise NotFound(f"no jurisdiction {name_or_id!r} in dataset {self.dataset.id!r}; try one of: {known}")

    def agency_profile(self, agency_id: str, depth: int = 1) -> AgencyProfile:
        """usecases.profile.AgencyProfile: chain, subordinates to `depth`, functions, lineage and sources."""
        return build_profile(self.store, self.dataset, agency_id, depth)

    def overview(self, before: str | None = None, after: str | None = None) -> Overview:
        """usecases.overview.Overview of `before` → `after` (default: the manifest's before and after roles): the
        Overview page's counts, quota rows and special-department matrix, in one call."""
        before = before or self._snapshot_with_role("before", 0)
        after = after or self._snapshot_with_role("after", -1)
        self._check_snapshot(before)
        self._check_snapshot(after)
        return build_overview(self.store, self.dataset, before, after)

    # ---- Cypher ---------------------------------------------------------------------------------------
    def query(
        self,
        text: str,
        params: Mapping[str, object] | None = None,
        *,
        timeout_s: float | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        """Run read-only Cypher on the active backend; `$dataset` is filled with the active dataset id."""
        merged: dict[str, object] = {"dataset": self.dataset_id}
        merged.update(params or {})
        timeout_s = self.settings.cypher_timeout_s if timeout_s is None else timeout_s
        row_cap = self.settings.cypher_row_cap if row_cap is None else row_cap
        check_limits(timeout_s, row_cap)  # InvalidRequest naming the limit, on every backend alike
        return self.store.run_cypher(text, merged, timeout_s=timeout_s, row_cap=row_cap)

    def named_queries(self) -> list[NamedQuery]:
        """The named queries with their defaults read off this dataset (`@last_snapshot` -> its latest)."""
        return [q.bind(self.dataset) for q in all_queries()]

    def run_named(
        self,
        name: str,
        params: Mapping[str, object] | None = None,
        *,
        timeout_s: float | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        query = get_query(name).bind(self.dataset)
        merged: dict[str, object] = dict(query.defaults)
        merged.update(params or {})
        query.check_params(merged)  # a required parameter left out: InvalidRequest naming it (CLI exit 2)
        return self.query(query.text, merged, timeout_s=timeout_s, row_cap=row_cap)

    # ---- exports (exporters/) ------------------------------------------------------------------------------
    def export_selection(
        self,
        fmt: str,
        *,
        snapshot: str | None = None,
        jurisdiction: str | None = None,
        compare: tuple[str, str] | str | None = None,
        agency: str | None = None,
        depth: int = 1,
        chain: bool = False,
        view: ViewFilter = ALL,
    ) -> Selection:
        """The exporters.Selection for these choices; jurisdiction may be an id or a name; `chain` and `view` export
        the Explorer's focus view and filters (exporters/selection.py)."""
        # Late, like every exporter import here: Graphviz, pyvis and their templates are only needed to export.
        from exporters import make_selection

        jid = self.resolve_jurisdiction(jurisdiction).id if jurisdiction else None
        choice = {"snapshot": snapshot, "jurisdiction": jid, "compare": compare, "agency": agency, "depth": depth}
        return make_selection(self.dataset, fmt, **choice, chain=chain, view=view)  # type: ignore[arg-type]

    def export(
        self,
        fmt: str,
        *,
        snapshot: str | None = None,
        jurisdiction: str | None = None,
        compare: tuple[str, str] | str | None = None,
        agency: str | None = None,
        depth: int = 1,
        chain: bool = False,
        view: ViewFilter = ALL,
        **options: object,
    ) -> bytes:
        """A diagram (svg/png/pdf), page (html) or data file (graphml/gexf/json/csv zip/cypher) as bytes."""
        from exporters import export

        choice = {"snapshot": snapshot, "jurisdiction": jurisdiction, "compare": compare, "agency": agency}
        selection = self.export_selection(fmt, **choice, depth=depth, chain=chain, view=view)  # type: ignore[arg-type]
        return export(self.store, self.dataset, selection, fmt, **options)

    def export_to(
        self,
        path: str | Path,
        fmt: str,
        *,
        snapshot: str | None = None,
        jurisdiction: str | None = None,
        compare: tuple[str, str] | str | None = None,
        agency: str | None = None,
        depth: int = 1,
        **options: object,
    ) -> Path:
        """Write the export to `path` (csv: a dataset folder, or a zip when the path ends in .zip)."""
        from exporters import export_to_path

        selection = self.export_selection(
            fmt, snapshot=snapshot, jurisdiction=jurisdiction, compare=compare, agency=agency, depth=depth
        )
        return export_to_path(self.store, self.dataset, selection, fmt, path, **options)

    # ---- comparison and rule checks (graph/diff/compare.py, graph/rules/engine.py) ------------------------------------------
    def diff(
        self, before: str | None = None, after: str | None = None, jurisdiction: str | None = None
    ) -> SnapshotDiff:
        """graph.diff.compare.SnapshotDiff of two snapshots (default: the manifest's before and after roles) within a
        jurisdiction (id, Chinese or English name), a level id (every jurisdiction of that level), or everything (None)."""
        before = before or self._snapshot_with_role("before", 0)
        after = after or self._snapshot_with_role("after", -1)
        self._check_snapshot(before)
        self._check_snapshot(after)
        jurisdictions = self.dataset.jurisdictions
        path = self._snapshots_from(before, after)
        if len(path) == 2:  # one jurisdiction's comparison reads that jurisdiction and its neighbourhood only
            scope_ids = resolve_scope(jurisdiction, jurisdictions)[1]
            old, new = fetch_pair(self.store, before, after, scope_ids, whole=self._whole_snapshot)
            return diff_snapshots(old, new, jurisdictions, scope=jurisdiction)
        # across intermediate snapshots the lineage is composed (graph/diff/compose.py) over the whole snapshots
        sides = [self._whole_snapshot(s) for s in path]
        return diff_snapshots(compose_lineage(sides), sides[-1], jurisdictions, scope=jurisdiction)

    def _whole_snapshot(self, snapshot: str) -> SnapshotData:
        """One whole snapshot as the diff reads it, read once for the service's life (its store never changes)."""
        found = self._snapshots.get(snapshot)
        if found is None:  # two sessions may both read it: the same data, no lock needed
            found = self._snapshots[snapshot] = SnapshotData.from_store(self.store, snapshot)
        return found

    def comparison(
        self, before: str | None = None, after: str | None = None, jurisdiction: str | None = None
    ) -> Comparison:
        """usecases.comparison.Comparison: the diff and the scope's two sides, read once, so a page's counts, pictures
        and table agree (scope as for diff())."""
        diff = self.diff(before, after, jurisdiction)
        return comparison_of(diff, *scope_sides(self.store, diff), {f.id: f for f in self.dataset.functions})

    def _snapshots_from(self, before: str, after: str) -> list[str]:
        """The snapshot ids from `before` to `after` inclusive, in date order; both ends as given when they are
        out of date order (the diff then says which way the lineage runs)."""
        dated = sorted(self.dataset.snapshots, key=lambda s: (s.date, self.dataset.snapshot_ids().index(s.id)))
        order = [s.id for s in dated]
        start, end = order.index(before), order.index(after)
        return order[start : end + 1] if start < end else [before, after]

    def check(self, snapshot: str | None = None, rules: list[str] | None = None) -> list[RuleResult]:
        """graph.rules.engine.RuleResult per rule and jurisdiction: the rules the dataset declares (rules.toml) and
        the built-in data-health rules; declared rules judge the "after" snapshots unless they name their own."""
        key = (snapshot, tuple(rules) if rules is not None else None)
        if key not in self._checks:  # the loaded graph never changes: the Compare page asks again on every run
            self._checks[key] = check_dataset(self.store, self.dataset, snapshot=snapshot, rule_ids=rules)
        return list(self._checks[key])

    def presence_matrix(self, snapshot: str | None = None) -> list[tuple[Rule, list[PresenceCell]]]:
        """(Rule, [PresenceCell]) per declared presence rule, judged on `snapshot` (default: the "after" one) with
        the rule's own select: the Overview's special-department matrix. Empty when the dataset has none."""
        snapshot = snapshot or self._snapshot_with_role("after", -1)
        self._check_snapshot(snapshot)
        return presence_matrix(self.store, self.dataset, snapshot)

    def rules(self) -> list[Rule]:
        """Every rule that runs on this dataset (graph.rules.base.Rule): declared ones, then data-health ones."""
        return dataset_rules(self.dataset)

    def _snapshot_with_role(self, role: str, fallback_index: int) -> str:
        ids = self.dataset.snapshot_ids()
        if not ids:
            raise NotFound(f"dataset {self.dataset.id!r} has no snapshots")
        return next((s.id for s in self.dataset.snapshots if s.role.value == role), ids[fallback_index])

    # ---- helpers ----------------------------------------------------------------------------------------
    def _check_snapshot(self, snapshot: str) -> None:
        if self.dataset.snapshot(snapshot) is None:
            known = ", ".join(self.dataset.snapshot_ids())
            raise NotFound(f"no snapshot {snapshot!r} in dataset {self.dataset.id!r}; known snapshots: {known}")
