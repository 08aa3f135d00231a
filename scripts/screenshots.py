"""The README's screenshots: each page of the app on data/xilingol in headless chromium at 1600x1000, in Chinese,
with no request leaving the machine. Writes docs/screenshots/{overview,explorer,compare,cypher,export}.png, and
state-council.png (the Explorer on data/state-council), each cut to a 256-colour palette to stay small.

    .venv/bin/python scripts/screenshots.py            # needs /usr/bin/chromium and fonts-noto-cjk
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import load_dataset  # noqa: E402  (after the path is set, so the script runs from anywhere)
from tests.app.browser.support import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, open_page, serve, settle  # noqa: E402

DATASET = ROOT / "data" / "xilingol"
STATE_COUNCIL = ROOT / "data" / "state-council"
OUT = ROOT / "docs" / "screenshots"
RESULT = (
    "MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency)\nWHERE a.dataset = $dataset AND a.snapshot = $snap AND a.jurisdiction = $county\n"
    "RETURN a.name_zh AS name, r.mode AS mode, b.name_zh AS reports_to\nORDER BY name LIMIT 12"
)


def _shrink(path: Path) -> None:
    """A 256-colour palette keeps text and flat charts sharp at a third of the size (no pngquant needed)."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def _shoot(dataset: Path, shots: dict[str, tuple[str, str]]) -> None:
    """Serve `dataset`, open each page at 1600x1000 in Chinese with every other host aborted, and save it."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, serve(dataset, Path(tmp) / "streamlit.log") as url:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            for name, (path, heading) in shots.items():
                context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
                context.route("**/*", lambda r: r.continue_() if "//127.0.0.1" in r.request.url else r.abort())
                page = context.new_page()
                open_page(page, url, path, heading)
                if name == "cypher":  # show completion: the properties of the graph after a dot
                    page.locator(".cy-input").click()
                    page.keyboard.press("Control+End")
                    page.keyboard.type(" // a.na")
                    page.locator(".cy-list li").first.wait_for(timeout=10_000)
                if name == "export":
                    page.get_by_text("预览图表 (SVG)").click()
                    settle(page)
                    page.get_by_text("预览图表 (SVG)").scroll_into_view_if_needed()  # the toggle, then the preview
                    page.mouse.wheel(0, 560)
                page.wait_for_timeout(2000)  # charts fit themselves once they have a size
                page.screenshot(path=str(OUT / f"{name}.png"))
                _shrink(OUT / f"{name}.png")
                print(OUT / f"{name}.png", (OUT / f"{name}.png").stat().st_size // 1024, "KiB")
                context.close()
            browser.close()


def main() -> None:
    dataset = load_dataset(DATASET)
    county = next(j for j in dataset.bottom_jurisdictions() if j.name_zh == "镶黄旗")
    before, after = dataset.snapshot_ids()[0], dataset.snapshot_ids()[-1]
    shots = {
        "overview": ("?lang=zh", dataset.title("zh")),
        "explorer": (f"explorer?lang=zh&j={county.id}&snap={after}", "结构浏览"),
        "compare": (f"compare?lang=zh&j={county.id}&before={before}&after={after}", "改革前后对比"),
        "cypher": (f"cypher?lang=zh&cq={quote(RESULT)}&p_snap={after}&p_county={county.id}&run=1", "Cypher 查询"),
        "export": (f"export?lang=zh&j={county.id}&snap={after}", "导出"),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    _shoot(DATASET, shots)
    national = load_dataset(STATE_COUNCIL).snapshot_ids()[-1]
    _shoot(STATE_COUNCIL, {"state-council": (f"explorer?lang=zh&snap={national}", "结构浏览")})


if __name__ == "__main__":
    main()
