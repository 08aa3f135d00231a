"""A real server's first visitor: `streamlit run app.py` against `streamlit run serve.py`, seen from chromium.

    .venv/bin/python -m bench.bench_server [--runs 3] [--dataset data/xilingol]

For each page (Explorer, Compare) and each start, a fresh server is started and waited for (/_stcore/health);
then a headless chromium (Playwright, /usr/bin/chromium) opens the page for one county as the first visitor, and
again in a new browser context as the second. Shown per visit: the server process's CPU seconds from the request
until the run has finished (/proc/PID/stat, all its threads; the server's work for that page view) and the wall
seconds until the browser shows the finished page (the browser's own loading included). Medians over --runs fresh
servers. bench/bench_pages.py measures the same with AppTest; this checks that a real server agrees.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
HEADINGS = {"explorer": "结构浏览", "compare": "改革前后对比"}
TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far, all threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


@contextmanager
def _server(script: str, dataset: Path) -> Iterator[tuple[str, subprocess.Popen[bytes], float]]:
    """`streamlit run script` on a free port; yields its URL, the process and the seconds until it was healthy."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "ORGRAPH_DATASET": str(dataset), "ORGRAPH_BACKEND": "networkx"}
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true", "--server.port"]
    command += [str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if proc.poll() is not None or time.perf_counter() - started > 120:
                raise SystemExit(f"streamlit run {script} did not start")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        yield url, proc, time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _visit(browser: object, url: str, page_name: str, pid: int) -> tuple[float, float]:
    """One visitor in a new browser context: (server CPU seconds, wall seconds) until the run has finished."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    cpu, wall = _cpu_seconds(pid), time.perf_counter()
    page.goto(url)
    page.get_by_role("heading", name=HEADINGS[page_name]).first.wait_for(timeout=120_000)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=120_000)
    wall, cpu = time.perf_counter() - wall, _cpu_seconds(pid) - cpu
    context.close()
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dataset", type=Path, default=ROOT / "data" / "xilingol")
    parser.add_argument("--county", default="152501")
    args = parser.parse_args(argv)
    # Late: Playwright is a test dependency (requirements-bench.txt / the browser suite), not the app's.
    from playwright.sync_api import sync_playwright

    print(f"{'page':<9} {'start':<9} {'ready s':>7} {'1st CPU':>8} {'1st wall':>8} {'2nd CPU':>8} {'2nd wall':>8}")
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for page_name in ("explorer", "compare"):
            for script in ("app.py", "serve.py"):
                rows = []
                for _ in range(args.runs):
                    with _server(script, args.dataset) as (url, proc, ready):
                        target = f"{url}/{page_name}?j={args.county}"
                        rows.append(
                            (
                                ready,
                                *_visit(browser, target, page_name, proc.pid),
                                *_visit(browser, target, page_name, proc.pid),
                            )
                        )
                med = [statistics.median(r[i] for r in rows) for i in range(5)]
                print(
                    f"{page_name:<9} {script:<9} {med[0]:>7.2f} {med[1]:>8.3f} {med[2]:>8.3f} {med[3]:>8.3f} "
                    f"{med[4]:>8.3f}",
                    flush=True,
                )
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
