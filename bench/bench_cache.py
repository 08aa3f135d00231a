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
ONE_LINE = "MATCH (a:Agency) WHERE a.name_zh CONTAINS '应急' RETURN count(*) AS n"
FIRST_QUERY = """
import sys, time
started = time.perf_counter()
from graph.embedded.compiled import CompiledDataset
compiled = CompiledDataset.open(sys.argv[1])
rows = compiled.engine.run(sys.argv[2], {}, timeout_s=30, row_cap=10).rows
print(time.perf_counter() - started)
"""


def run(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, _, rusage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    out, err = proc.communicate()
    if proc.returncode not in (0, None) and proc.returncode != 0:
        raise SystemExit(f"{argv} failed: {err.decode()}")
    return seconds, rusage.ru_maxrss


def median_run(argv: list[str], env: dict[str, str], repeat: int) -> tuple[float, int]:
    runs = [run(argv, env) for _ in range(repeat)]
    return statistics.median(s for s, _ in runs), max(k for _, k in runs)


def first_query(folder: Path, env: dict[str, str], repeat: int) -> float:
    """Seconds from opening the compiled dataset to the first query's rows, inside a fresh process."""
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_QUERY, str(folder), ONE_LINE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


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
    args = parser.parse_args(argv)
    env = {**os.environ, "ORGRAPH_CACHE_DIR": str(args.work / "cache")}
    os.environ["ORGRAPH_CACHE_DIR"] = env["ORGRAPH_CACHE_DIR"]
    py = sys.executable
    folders = {"xilingol": XILINGOL} | {f"{n:,}": synthetic(n, args.work) for n in args.sizes}
    for name, folder in folders.items():
        seconds, rss = run([py, "cli.py", "compile", "--dataset", str(folder)], env)
        print(f"compile {name}: {seconds:.1f} s, peak RSS {rss / 1024:.0f} MB", flush=True)

    base, _ = median_run([py, "-c", "import networkx"], env, args.repeat)
    print(f"\n`python -c 'import networkx'`: {base * 1000:.0f} ms (median of {args.repeat})")
    query = [py, "cli.py", "query", ONE_LINE, "--dataset"]
    timings = {}
    for name, folder in folders.items():
        seconds, rss = median_run([*query, str(folder)], env, args.repeat)
        uncached, _ = median_run([py, "cli.py", "--no-cache", "query", ONE_LINE, "--dataset", str(folder)], env, 1)
        timings[name] = seconds
        first = first_query(folder, env, args.repeat)
        print(
            f"{name}: cli.py query {seconds * 1000:.0f} ms ({seconds / base:.2f}x import networkx, "
            f"{seconds / timings['xilingol']:.2f}x xilingol), peak RSS {rss / 1024:.0f} MB; "
            f"first query in-process {first * 1000:.1f} ms; --no-cache {uncached:.2f} s",
            flush=True,
        )
    ours, raw, fresh = per_query_overhead(XILINGOL)
    print(
        f"\nper query (xilingol, id lookup, median of 500): engine.run {ours:.3f} ms, raw execute on a reused "
        f"connection {raw:.3f} ms -> overhead {ours - raw:.3f} ms; a new connection per query (before) {fresh:.3f} ms"
    )


if __name__ == "__main__":
    main()
