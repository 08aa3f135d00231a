"""Compile a dataset folder once into a content-addressed cache, and open it in milliseconds afterwards.

A compiled dataset is a folder in the cache (ORGRAPH_CACHE_DIR, default ~/.cache/orgraph) named by its key: a
hash of every regular file of the dataset folder (manifest, CSVs, rules...) plus orgraph's schema version and the
code that shapes the compiled files. It holds the parsed `Dataset` (pickled: the frozen dataclasses as they are, so
whatever the model holds is kept without a field list here) and the LadybugDB mirror the Cypher engine reads.

Every process opens the compiled folder instead of parsing CSVs and rebuilding the mirror; the parsed Dataset is
unpickled only when something asks for it (`cli.py query` never does). Writes are atomic: a compile builds in a
temporary folder inside the cache and renames it into place, so two processes compiling at once leave one good
copy. meta.json is written last and records every file's size and checksum; a folder whose files disagree with it
(truncated, corrupted, half-deleted) is rebuilt with a CacheWarning.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import secrets
import shutil
import sys
import threading
import time
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import OrgraphError
from graph.gcpause import paused_gc
from graph.model import Dataset

if TYPE_CHECKING:  # ladybug and networkx load only when a query or a build needs them
    from graph.embedded.engine import EmbeddedEngine
    from graph.embedded.mirror import Mirror

__all__ = ["SCHEMA_VERSION", "CacheWarning", "CompiledDataset", "cache_root", "compile_dataset", "dataset_key"]

#: Bump when the meaning of the compiled files changes in a way the code fingerprint below would not catch.
SCHEMA_VERSION = 2  # 2: the mirror's columns come from graph/schema.py (another column order)
DATASET_FILE, MIRROR_FILE, META_FILE = "dataset.pickle", "graph.lbug", "meta.json"
_SAMPLE = 1 << 16  # bytes hashed at each end of a big file on every open (the whole file is hashed when compiled);
# 64 KiB: a truncation or a torn write shows at the ends, and hashing 1 MiB ends cost ~25 ms of every first query
_ROOT = Path(__file__).resolve().parents[2]
#: Source files whose code decides what a compiled folder holds: a change to any of them is a new key.
_CODE = (
    "graph/schema.py",
    "graph/embedded/graphbuild.py",
    "graph/embedded/store.py",
    "graph/embedded/mirror.py",
    "graph/embedded/compiled.py",
)
_CODE_DIRS = ("graph/model", "loaders")

Progress = Callable[[str, int, int], None]


class CacheWarning(UserWarning):
    """A compiled dataset was unusable (truncated, corrupted) and is being rebuilt."""


def cache_root(explicit: str | Path | None = None) -> Path:
    """Where compiled datasets live: `explicit`, else $ORGRAPH_CACHE_DIR, else the user cache dir."""
    chosen = explicit or os.environ.get("ORGRAPH_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "orgraph"


def _code_fingerprint() -> str:
    digest = hashlib.sha256(f"{SCHEMA_VERSION}|{sys.version_info[:2]}|{_ladybug_version()}".encode())
    files = [_ROOT / name for name in _CODE]
    files += sorted(p for d in _CODE_DIRS for p in (_ROOT / d).glob("*.py"))
    for path in files:
        with contextlib.suppress(OSError):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _ladybug_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ladybug")
    except PackageNotFoundError:
        return "?"


def _dataset_files(folder: Path) -> list[Path]:
    """Every regular file the loader may read (dotfiles aside: editor and OS litter), in a fixed order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def dataset_key(folder: str | Path, root: Path | None = None) -> str:
    """The cache key of a dataset folder: a SHA-256 of its files' names and bytes and of orgraph's code.

    Reading the bytes costs a few ms per 10 MB; with `root`, a file whose size, mtime and inode are unchanged
    since the last call reuses the hash recorded then (as git's index does), so a big dataset opens at once.
    """
    folder = Path(folder).resolve()
    stats = [(p.name, p.stat()) for p in _dataset_files(folder)]
    signature = [[name, st.st_size, st.st_mtime_ns, st.st_ino] for name, st in stats]
    index = None if root is None else root / "stat-index" / (hashlib.sha256(str(folder).encode()).hexdigest() + ".json")
    code = _code_fingerprint()
    if index is not None:
        with contextlib.suppress(OSError, ValueError, KeyError):
            saved = json.loads(index.read_text())
            if saved["files"] == signature and saved["code"] == code:
                return str(saved["key"])
    digest = hashlib.sha256(code.encode())
    for name, _ in stats:
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256((folder / name).read_bytes()).digest())
    key = digest.hexdigest()
    if index is not None:
        with contextlib.suppress(OSError):
            _write_atomically(index, json.dumps({"files": signature, "code": code, "key": key}).encode())
    return key


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _file_record(path: Path, *, full: bool) -> dict[str, Any]:
    """Size, identity (mtime, inode) and checksums of a compiled file: `sample` hashes its ends; `sha256` all of it."""
    st = path.stat()
    with path.open("rb") as handle:
        head = handle.read(_SAMPLE)
        handle.seek(max(0, st.st_size - _SAMPLE))
        tail = handle.read(_SAMPLE)
    record: dict[str, Any] = {
        "size": st.st_size,
        "stat": [st.st_mtime_ns, st.st_ino],
        "sample": hashlib.sha256(head + b"\0" + tail).hexdigest(),
    }
    if full:
        record["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return record


def _intact(path: Path, record: Mapping[str, Any]) -> bool:
    """Whether a compiled file is as compiled. Its size and sampled ends are checked on every open; all its bytes
    only when it is not the very file written then (another mtime or inode: rewritten, restored, copied), so an
    untouched 1 GB mirror opens without being read, and one changed in place is still caught."""
    found = _file_record(path, full=False)
    if found["size"] != record["size"] or found["sample"] != record["sample"]:
        return False
    if found["stat"] == record["stat"]:
        return True
    return bool(hashlib.sha256(path.read_bytes()).hexdigest() == record["sha256"])


class CompiledDataset:
    """One compiled dataset in the cache: its id at once, the Dataset and the Cypher engine when first asked for.

    Opening reads only meta.json and checks the files' sizes and sampled checksums; `dataset` unpickles the parsed
    Dataset (checking its full checksum) and `engine` opens the mirror READ-ONLY with one pool of connections.
    """

    def __init__(self, folder: Path, meta: dict[str, Any]) -> None:
        self.folder = folder
        self.meta = meta
        self.key: str = meta["key"]
        self.dataset_id: str = meta["dataset_id"]
        self._dataset: Dataset | None = None
        self._mirror: Mirror | None = None
        self._lock = threading.Lock()

    @classmethod
    def open(
        cls,
        dataset_folder: str | Path,
        *,
        root: str | Path | None = None,
        progress: Progress | None = None,
    ) -> CompiledDataset:
        """The compiled form of `dataset_folder`, compiling it first when the cache has none for its key."""
        return compile_dataset(dataset_folder, root=root, progress=progress)

    @property
    def dataset(self) -> Dataset:
        """The parsed Dataset (unpickled on first use, then kept)."""
        with self._lock:
            if self._dataset is None:
                data = (self.folder / DATASET_FILE).read_bytes()
                if hashlib.sha256(data).hexdigest() != self.meta["files"][DATASET_FILE]["sha256"]:
                    raise OrgraphError(
                        f"the compiled dataset in {self.folder} is corrupted; run `python cli.py compile` again"
                    )
                with paused_gc():  # millions of small acyclic objects (see graph/gcpause.py)
                    dataset = pickle.loads(data)
                if not isinstance(dataset, Dataset):
                    raise OrgraphError(f"{self.folder / DATASET_FILE} does not hold a Dataset; compile again")
                self._dataset = dataset
            return self._dataset

    @property
    def mirror(self) -> Mirror:
        """The LadybugDB mirror, opened read-only on first use."""
        with self._lock:
            if self._mirror is None:
                from graph.embedded.mirror import MirrorInfo, open_mirror  # ladybug: only when a query comes

                self._mirror = open_mirror(self.folder / MIRROR_FILE, MirrorInfo(**self.meta["mirror"]))
            return self._mirror

    @property
    def engine(self) -> EmbeddedEngine:
        from graph.embedded.engine import engine_of

        return engine_of(self.mirror)


def _valid_meta(entry: Path, key: str) -> dict[str, Any] | None:
    """meta.json of a cache folder if every file it lists is there with its size and sampled checksum."""
    try:
        meta = json.loads((entry / META_FILE).read_text(encoding="utf-8"))
        if meta.get("key") != key or meta.get("schema") != SCHEMA_VERSION:
            return None
        if not all(_intact(entry / name, record) for name, record in meta["files"].items()):
            return None
        return dict(meta)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def compile_dataset(
    dataset_folder: str | Path,
    *,
    root: str | Path | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> CompiledDataset:
    """Compile `dataset_folder` into the cache unless a good copy of the same key is there; return it.

    Raises DatasetError (every problem listed) when the folder does not load, as load_dataset does."""
    folder = Path(dataset_folder)
    if not folder.is_dir():
        from loaders import load_dataset

        load_dataset(folder)  # raises the loader's DatasetError naming the folder
    base = cache_root(root)
    key = dataset_key(folder, base)
    entry = base / key
    if entry.exists() and not force:
        meta = _valid_meta(entry, key)
        if meta is not None:
            return CompiledDataset(entry, meta)
        warnings.warn(
            CacheWarning(f"the compiled dataset in {entry} is incomplete or corrupted; compiling it again"),
            stacklevel=2,
        )
    return _build(folder, base, key, progress)


def _build(folder: Path, base: Path, key: str, progress: Progress | None) -> CompiledDataset:
    """Build in a temporary folder of the cache, write meta.json last, then rename it into place."""
    from graph.embedded.graphbuild import build_graph
    from graph.embedded.mirror import write_mirror
    from loaders import load_dataset

    started = time.perf_counter()
    base.mkdir(parents=True, exist_ok=True)
    tmp = base / f".tmp-{key[:16]}-{os.getpid()}-{secrets.token_hex(4)}"
    tmp.mkdir()
    try:
        dataset = load_dataset(folder, progress=progress)
        if progress:
            progress("compile", 0, 1)
        (tmp / DATASET_FILE).write_bytes(pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL))
        with paused_gc():
            graph = build_graph(dataset)
            info = write_mirror(graph, tmp / MIRROR_FILE)
            counts = {"nodes": graph.number_of_nodes(), "relationships": graph.number_of_edges()}
            del graph
        files = {name: _file_record(tmp / name, full=True) for name in (DATASET_FILE, MIRROR_FILE)}
        meta = {
            "schema": SCHEMA_VERSION,
            "key": key,
            "dataset_id": dataset.id,
            "source": str(folder.resolve()),
            "compiled_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "seconds": round(time.perf_counter() - started, 3),
            **counts,
            "files": files,
            "mirror": {"labels": info.labels, "rel_types": info.rel_types, "property_keys": info.property_keys},
        }
        _write_synced(tmp / META_FILE, json.dumps(meta, ensure_ascii=False, indent=1).encode())
        entry = _publish(tmp, base / key, key)
        if progress:
            progress("compile", 1, 1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    compiled = CompiledDataset(entry, _valid_meta(entry, key) or meta)
    compiled._dataset = dataset  # just parsed: no need to read it back
    _prune(base, compiled)
    return compiled


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _publish(tmp: Path, entry: Path, key: str) -> Path:
    """Rename the built folder into place. If another process got there first with a good copy, keep theirs;
    a bad copy in the way is moved aside first (renaming a folder onto a non-empty one fails)."""
    for _ in range(3):
        try:
            os.rename(tmp, entry)
            return entry
        except OSError:
            if _valid_meta(entry, key) is not None:
                return entry
            trash = entry.with_name(f".trash-{entry.name[:16]}-{os.getpid()}-{secrets.token_hex(4)}")
            with contextlib.suppress(OSError):
                os.rename(entry, trash)
                shutil.rmtree(trash, ignore_errors=True)
    raise OrgraphError(f"could not write the compiled dataset to {entry}; check the cache folder's permissions")


def _prune(base: Path, kept: CompiledDataset) -> None:
    """Remove older compiled versions of the same dataset folder (best effort: they can only be stale)."""
    source = kept.meta.get("source")
    for meta_path in base.glob(f"*/{META_FILE}"):
        entry = meta_path.parent
        if entry == kept.folder:
            continue
        with contextlib.suppress(OSError, ValueError):
            if json.loads(meta_path.read_text(encoding="utf-8")).get("source") == source:
                trash = entry.with_name(f".trash-{entry.name[:16]}-{os.getpid()}-{secrets.token_hex(4)}")
                os.rename(entry, trash)
                shutil.rmtree(trash, ignore_errors=True)
