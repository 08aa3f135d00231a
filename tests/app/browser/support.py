"""What the browser tests share: the app served by `streamlit run` on a free port, a chromium page at 1600x1000, waiting
for a run to finish, and reading the text a person sees (shadow roots and same-origin chart frames included)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # the repository (no import of tests.conftest: scripts use this too)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1600, "height": 1000}
#: Page name -> URL path (the Overview is the default page, served at /).
PAGES = {"overview": "", "explorer": "explorer", "compare": "compare", "cypher": "cypher", "export": "export"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen, timeout_s: float = 90.0) -> None:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer at {url} within {timeout_s:.0f} s")


@contextmanager
def serve(dataset: Path, log_path: Path, script: str = "app.py") -> Iterator[str]:
    """`streamlit run script` (app.py, or serve.py: the same app warmed up at start) on `dataset` with the embedded
    backend; yields its URL and stops it afterwards."""
    port = _free_port()
    env = {**os.environ, "ORGRAPH_DATASET": str(dataset), "ORGRAPH_BACKEND": "networkx", "PYTHONPATH": str(ROOT)}
    env.pop("NEO4J_URI", None)
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    command += ["--server.fileWatcherType", "none"]  # an edited source file must not pop up a "rerun?" status
    with log_path.open("w+", encoding="utf-8") as log:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, proc)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished the current run (no 'running' indicator)."""
    page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=90_000)
    page.wait_for_timeout(700)


def open_page(page, server: str, path: str, heading: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/{path}")
    page.get_by_role("heading", name=heading).first.wait_for(timeout=90_000)
    page.wait_for_load_state("networkidle")
    settle(page)


#: The text of every visible element, input values (a dropdown's choice is one) and same-origin frames included;
#: code (the Cypher editor, st.code) and icon ligatures (":material/…:" names) are not language.
VISIBLE_TEXT = r"""
() => {
  const out = [];
  const code = '.cy-root, [data-testid="stCode"], .stIconMaterial, [data-testid="stIconMaterial"]';
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest(code);
  };
  const walk = (root) => {
    const it = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = it.currentNode; n; n = it.nextNode()) {
      if (n.nodeType === 3) {
        if (n.textContent.trim() && n.parentElement && shown(n.parentElement)) out.push(n.textContent.trim());
        continue;
      }
      if (n.shadowRoot) walk(n.shadowRoot);
      if ((n.tagName === 'INPUT' || n.tagName === 'TEXTAREA') && shown(n)) out.push(n.value || n.placeholder || '');
      if (n.tagName === 'IFRAME') { try { if (n.contentDocument) walk(n.contentDocument.body); } catch (e) { /* other origin */ } }
    }
  };
  walk(document.body);
  return out.filter(Boolean);
}
"""

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: An English word: three letters or more, not part of an id (ids mix letters with digits, `_`, `-` or `.`).
ENGLISH_WORD = re.compile(r"(?<![\w.\-/])[A-Za-z][a-z]{2,}(?![\w.\-/])")


def other_language(texts: Iterable[str], lang: str, allowed: Iterable[str]) -> list[str]:
    """The texts that hold words of the language not chosen, after removing every allowed string from them."""
    kept = sorted(allowed, key=len, reverse=True)
    found = []
    for text in texts:
        rest = text
        for ok in kept:
            rest = rest.replace(ok, " ")
        if (CJK.search(rest) if lang == "en" else ENGLISH_WORD.search(rest)) is not None:
            found.append(text)
    return sorted(set(found))


#: The smallest text on the page in CSS pixels as drawn: DOM text (SVG text scaled by its element's screen matrix,
#: so an inline Graphviz picture in a frame counts at the size it is shown) and every vis-network chart (its node font
#: times the chart's zoom). Returns [size, text, how many SVG texts were measured].
SMALLEST_TEXT = r"""
() => {
  let best = [Infinity, ''];
  let svgTexts = 0;
  const take = (size, text) => { if (size < best[0]) best = [size, text]; };
  const skip = '.stIconMaterial, [data-testid="stIconMaterial"]';
  const walk = (root, win) => {
    const it = root.ownerDocument ? root.ownerDocument.createTreeWalker(root, 5) : document.createTreeWalker(root, 5);
    for (let n = it.currentNode; n; n = it.nextNode()) {
      if (n.nodeType === 3) {
        const p = n.parentElement;
        if (!p || !n.textContent.trim() || p.closest(skip)) continue;
        const r = p.getBoundingClientRect();
        const s = win.getComputedStyle(p);
        if (r.width <= 1 || r.height <= 1 || s.visibility === 'hidden' || s.display === 'none') continue;
        const ctm = p instanceof win.SVGElement && p.getScreenCTM ? p.getScreenCTM() : null;
        if (ctm) svgTexts += 1;
        take(parseFloat(s.fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1), n.textContent.trim().slice(0, 40));
        continue;
      }
      if (n.shadowRoot) walk(n.shadowRoot, win);
      if (n.tagName === 'IFRAME') {
        try {
          const w = n.contentWindow;
          if (w.network && w.nodes) {
            const fonts = w.nodes.get().map((x) => (x.font && x.font.size) || 14);
            if (fonts.length) take(Math.min(...fonts) * w.network.getScale(), 'vis-network label');
          }
          if (n.contentDocument) walk(n.contentDocument.body, w);
        } catch (e) { /* another origin */ }
      }
    }
  };
  walk(document.body, window);
  return [...best, svgTexts];
}
"""
