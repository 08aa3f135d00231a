"""The compiled dataset cache: start-up of `cli.py query`, first query, per-query overhead, peak memory.

Every figure is a median of several runs, and every ratio is taken against a baseline measured in the same run
(the machine is shared). Synthetic datasets are written once under --work (default /tmp/orgraph-bench-cache) and
compiled into a cache folder there; the user's cache is never touched.

    .venv/bin/python -m bench.bench_cache                     # xilingol and 100k agencies
    .venv/bin/python -m bench.bench_cache --sizes 100000 1000000 --repeat 7
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
XILINGOL = ROOT / "data" / "xilingol"
ONE_LINE = "MATCH (a:Agency) RETURN a.id AS id, a.name_zh AS name LIMIT 5"
SCAN = "MATCH (a:Agency) WHERE a.name_zh CONTAINS '应急' RETURN count(*) AS n"  # reads every agency
FIRST_QUERY = """
import sys, time
from graph.embedded.compiled import CompiledDataset
import graph.embedded.engine  # imports are start-up, measured by the cli.py runs; this times the data's part
from ladybug._backend import get_pybind_module
native = time.perf_counter()
get_pybind_module()  # LadybugDB loads its native module on the first Database: an import too, printed apart
native = time.perf_counter() - native
started, cpu = time.perf_counter(), time.process_time()
compiled = CompiledDataset.open(sys.argv[1])
rows = compiled.engine.run(sys.argv[2], {}, timeout_s=30, row_cap=10).rows
print(time.perf_counter() - started, time.process_time() - cpu, native)
"""


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (KB) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, rusage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return seconds, rusage.ru_utime + rusage.ru_stime, rusage.ru_maxrss


def median_run(argv: list[str], env: dict[str, str], repeat: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds, and the largest peak RSS (KB), of `repeat` runs."""
    runs = [run(argv, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), max(r[2] for r in runs)


def first_query(folder: Path, text: str, env: dict[str, str], repeat: int) -> tuple[float, float, float]:
    """Seconds from opening the compiled dataset (hashing the folder's file stats, checking the copy, opening the
    mirror read-only) to the first query's rows, in a fresh process whose modules are imported."""
    walls, cpus, natives = [], [], []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_QUERY, str(folder), text], cwd=ROOT, env=env, capture_output=True, text=True
        )
        wall, cpu, native = out.stdout.strip().splitlines()[-1].split()
        walls.append(float(wall))
        cpus.append(float(cpu))
        natives.append(float(native))
    return statistics.median(walls), statistics.median(cpus), statistics.median(natives)


def per_query_overhead(folder: Path, repeat: int = 500) -> tuple[float, float, float]:
    """(engine.run, the same text on a raw reused connection, a new connection per query as before) in ms."""
    import ladybug

    from graph.embedded.compiled import CompiledDataset
    from graph.embedded.engine import MAX_PATH_HOPS

    engine = CompiledDataset.open(folder).engine
    text = "MATCH (a:Agency) WHERE a.id = $id RETURN a.id AS id"
    params = {"id": "nope"}
    engine.run(text, params, timeout_s=10, row_cap=10)

    def ours() -> None:
        engine.run(text, params, timeout_s=10, row_cap=10)

    with engine.connection() as conn:

        def raw() -> None:
            conn.execute(text, params).get_all()

        def fresh() -> None:
            c = ladybug.Connection(engine.mirror.database)
            c.set_query_timeout(10_000)
            c.execute(f"CALL var_length_extend_max_depth={MAX_PATH_HOPS}")
            c.execute(text, params).get_all()
            c.close()

        medians = []
        for fn in (ours, raw, fresh):
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                fn()
                samples.append(time.perf_counter() - started)
            medians.append(statistics.median(samples) * 1000)
    return medians[0], medians[1], medians[2]


def neo4j_reload(folder: Path, work: Path) -> tuple[float, float, float]:
    """(first load, reload of the unchanged compiled dataset, the same reload without the hash) in seconds, on the
    shared Neo4j server ($NEO4J_URI, default the test server) under a dataset id of its own, deleted afterwards."""
    import re
    import shutil
    import uuid

    from graph.embedded.compiled import compile_dataset
    from graph.neo4j.store import Neo4jStore, connect_driver
    from graph.neo4j.write import delete_dataset_in_batches

    copy = work / f"neo4j-{folder.name}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(folder, copy)
    dataset_id = f"bench-cache-{uuid.uuid4().hex[:8]}"
    manifest = copy / "manifest.toml"
    text = re.sub(r'^id = ".*"$', f'id = "{dataset_id}"', manifest.read_text(encoding="utf-8"), count=1, flags=re.M)
    manifest.write_text(text, encoding="utf-8")
    compiled = compile_dataset(copy)
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    driver = connect_driver(
        uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "orgraph-test")
    )
    try:
        started = time.perf_counter()
        Neo4jStore(driver).open_compiled(compiled)
        first = time.perf_counter() - started
        started = time.perf_counter()
        Neo4jStore(driver).open_compiled(compile_dataset(copy))
        unchanged = time.perf_counter() - started
        started = time.perf_counter()
        Neo4jStore(driver).load(compiled.dataset, content_hash=compiled.key)  # the diffing load, as before
        diffing = time.perf_counter() - started
    finally:
        with driver.session() as session:
            delete_dataset_in_batches(session, dataset_id)
        driver.close()
        shutil.rmtree(copy, ignore_errors=True)
    return first, unchanged, diffing


def synthetic(n: int, work: Path) -> Path:
    folder = work / f"syn-{n}"
    if not (folder / "manifest.toml").exists():
        print(f"writing {n:,} synthetic agencies to {folder} ...", flush=True)
        subprocess.run([sys.executable, "-m", "bench.synthetic", str(n), str(folder)], cwd=ROOT, check=True)
    return folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/orgraph-bench-cache"))
    parser.add_argument("--skip-uncached", action="store_true", help="skip the --no-cache runs (slow at 1M)")
    parser.add_argument("--neo4j", action="store_true", help="also time an unchanged reload into Neo4j")
    args = parser.parse_args(argv)
    env = {**os.environ, "ORGRAPH_CACHE_DIR": str(args.work / "cache")}
    os.environ["ORGRAPH_CACHE_DIR"] = env["ORGRAPH_CACHE_DIR"]
    py = sys.executable
    folders = {"xilingol": XILINGOL} | {f"{n:,}": synthetic(n, args.work) for n in args.sizes}
    for name, folder in folders.items():
        seconds, _, rss = run([py, "cli.py", "compile", "--dataset", str(folder)], env)
        print(f"compile {name}: {seconds:.1f} s, peak RSS {rss / 1024:.0f} MB", flush=True)

    base, base_cpu, _ = median_run([py, "-c", "import networkx"], env, args.repeat)
    print(
        f"\n`python -c 'import networkx'`: {base * 1000:.0f} ms wall, {base_cpu * 1000:.0f} ms CPU (median of {args.repeat})"
    )
    print(f"one-line query: {ONE_LINE}\nscan: {SCAN}")
    query = [py, "cli.py", "query", ONE_LINE, "--dataset"]
    timings: dict[str, tuple[float, float]] = {}
    for name, folder in folders.items():
        wall, cpu, rss = median_run([*query, str(folder)], env, args.repeat)
        timings[name] = (wall, cpu)
        xil_wall, xil_cpu = timings["xilingol"]
        first = first_query(folder, ONE_LINE, env, args.repeat)
        scan = first_query(folder, SCAN, env, args.repeat)
        _, _, scan_rss = run([py, "cli.py", "query", SCAN, "--dataset", str(folder)], env)
        print(
            f"{name}: cli.py query {wall * 1000:.0f} ms wall / {cpu * 1000:.0f} ms CPU = {wall / base:.2f}x / "
            f"{cpu / base_cpu:.2f}x import networkx, {wall / xil_wall:.2f}x / {cpu / xil_cpu:.2f}x xilingol; "
            f"peak RSS {rss / 1024:.0f} MB (scan {scan_rss / 1024:.0f} MB); first query after imports "
            f"{first[0] * 1000:.1f} ms wall / {first[1] * 1000:.1f} ms CPU (after loading LadybugDB's native "
            f"module, {first[2] * 1000:.0f} ms), first scan {scan[0] * 1000:.1f} / "
            f"{scan[1] * 1000:.1f} ms",
            flush=True,
        )
    if not args.skip_uncached:
        for name, folder in folders.items():
            wall, cpu, rss = run([py, "cli.py", "--no-cache", "query", ONE_LINE, "--dataset", str(folder)], env)
            print(f"{name} --no-cache: {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {rss / 1024:.0f} MB")
    if args.neo4j:
        for name, folder in folders.items():
            if name.replace(",", "").isdigit() and int(name.replace(",", "")) > 200_000:
                continue  # a million agencies is minutes of loading on the shared server
            first, unchanged, diffing = neo4j_reload(folder, args.work)
            print(
                f"Neo4j {name}: first load {first:.2f} s, unchanged reload {unchanged:.3f} s "
                f"({unchanged / first:.1%} of the first), a diffing reload (what an unchanged one cost before) "
                f"{diffing:.2f} s ({diffing / first:.0%})"
            )
    ours, raw, fresh = per_query_overhead(XILINGOL)
    print(
        f"\nper query (xilingol, id lookup, median of 500): engine.run {ours:.3f} ms, raw execute on a reused "
        f"connection {raw:.3f} ms -> overhead {ours - raw:.3f} ms; a new connection per query (before) {fresh:.3f} ms"
    )


if __name__ == "__main__":
    main()
