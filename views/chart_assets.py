"""The fixed parts of a chart page (views/render.chart_html): the vis-network options, the CSS and the script that
formats tooltips, fits the first view, keeps the page's wheel scroll, strikes through ended bodies' labels and turns a
click on an agency into its focus on the Explorer (through the URL)."""

from __future__ import annotations

__all__ = ["CSS", "FONT", "GHOST_DASHES", "GHOST_TEXT", "OPTIONS", "PAGE_JS", "STRIKE"]

GHOST_DASHES = [2, 3]  # a dotted border: the modeled one is dashed [5, 4]
GHOST_TEXT = "#78909c"
STRIKE = "#b71c1c"
FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"hierarchical": {"enabled": False}},
    "interaction": {
        "hover": True,
        "tooltipDelay": 120,
        "navigationButtons": True,  # zoom with the buttons or Ctrl/⌘ + wheel; the wheel alone scrolls the page
        "multiselect": False,
        "dragNodes": True,
        "zoomView": False,
    },
    "edges": {"smooth": {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.45}},
    "nodes": {"margin": 8, "widthConstraint": {"maximum": 152}},
}

CSS = f"""
body {{ margin: 0; font-family: {FONT}; background: #fff; }}
#mynetwork {{ border: 1px solid #e3e7ec !important; border-radius: 8px; }}
div.vis-tooltip {{ font-family: {FONT}; font-size: 13px; background: #fff; border: 1px solid #cfd8dc;
  border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.12); padding: 8px 10px; max-width: 360px;
  white-space: normal; color: #1b1f23; }}
.tt-title {{ font-weight: 600; margin-bottom: 4px; }}
.tt-key {{ color: #607d8b; }}
.legend {{ display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 8px 4px 0 4px; font-size: 12.5px; color: #37474f; }}
.legend span.box {{ display: inline-block; width: 14px; height: 11px; border: 2px solid; border-radius: 3px;
  vertical-align: -1px; margin-right: 5px; }}
.legend svg {{ vertical-align: middle; margin-right: 4px; }}
"""

# Turn tooltip fragments (built and escaped by render.tooltip) into elements, so vis shows them formatted, not as source.
PAGE_JS = """
function orgraphTooltips(ds) { ds.forEach(function (item) { if (typeof item.title === "string") {
  var el = document.createElement("div"); el.innerHTML = item.title; ds.update({id: item.id, title: el}); } }); }
orgraphTooltips(nodes); orgraphTooltips(edges);
network = new vis.Network(container, data, options);
var orgraphMinScale = 12 / 14;  // never shrink 14 px labels below 12 px: pan or zoom out with the buttons instead
function orgraphView() { var f = orgraphFrame, box = container.getBoundingClientRect();
  if (box.width < 20 || box.height < 20) { return; }  // hidden (e.g. in a closed tab): fit when shown
  var fit = Math.min(box.width / (f[2] - f[0] + 260), box.height / (f[3] - f[1] + 140), 1.25);
  var scale = Math.max(fit, orgraphMinScale);
  var y = fit < orgraphMinScale ? f[1] - 70 + box.height / 2 / scale : (f[1] + f[3]) / 2;  // too big: show the top
  network.moveTo({position: {x: (f[0] + f[2]) / 2, y: y}, scale: scale}); }
container.addEventListener("wheel", function (e) { if (!(e.ctrlKey || e.metaKey)) { return; }
  e.preventDefault(); var s = network.getScale() * (e.deltaY < 0 ? 1.15 : 1 / 1.15);
  network.moveTo({scale: Math.max(0.2, Math.min(3, s))}); }, {passive: false});
network.once("afterDrawing", orgraphView);
// Ended bodies (node.ended): a line through each line of the label, drawn on the canvas after vis draws.
var orgraphEnded = nodes.get({filter: function (n) { return n.ended; }});
network.on("afterDrawing", function (ctx) { orgraphEnded.forEach(function (n) {
  var box = network.getBoundingBox(n.id), lines = String(n.label).split("\\n"), size = n.font.size || 14;
  var mid = (box.top + box.bottom) / 2, cx = (box.left + box.right) / 2;
  ctx.save(); ctx.strokeStyle = "STRIKE_COLOUR"; ctx.lineWidth = 1.3; ctx.font = size + "px " + n.font.face;
  lines.forEach(function (text, i) { var y = mid + (i - (lines.length - 1) / 2) * size + 1;
    var half = Math.min(ctx.measureText(text).width / 2 + 3, (box.right - box.left) / 2 - 4);
    ctx.beginPath(); ctx.moveTo(cx - half, y); ctx.lineTo(cx + half, y); ctx.stroke(); });
  ctx.restore(); }); });
// A click on an agency (node.agency) focuses it on the Explorer through the URL (?agency=<id>), as the org chart's
// boxes do: the app opens at that URL in the top window. The chart sits in st.iframe's sandbox (same origin, no top
// navigation of its own), so the link is made in the parent document and followed there.
network.on("hoverNode", function (p) { var n = nodes.get(p.node);
  container.style.cursor = n && n.agency ? "pointer" : "default"; });
network.on("blurNode", function () { container.style.cursor = "default"; });
network.on("click", function (p) { var n = p.nodes.length === 1 ? nodes.get(p.nodes[0]) : null;
  if (!n || !n.agency || window.parent === window) { return; }
  try { var top = window.parent, here = new URL(top.location.href), next = new URL(top.location.href);
    var explorer = /(^|\\/)explorer$/.test(here.pathname);
    next.pathname = here.pathname.replace(/[^\\/]*$/, "explorer"); next.hash = "";
    if (!explorer) { next.search = ""; if (here.searchParams.get("lang")) {
      next.searchParams.set("lang", here.searchParams.get("lang")); } }
    next.searchParams.set("agency", String(n.id));  // URLSearchParams encodes the id
    var link = top.document.createElement("a"); link.href = next.toString(); link.target = "_top";
    top.document.body.appendChild(link); link.click(); link.remove();
  } catch (err) { console.warn("orgraph: cannot focus", err); } });
var orgraphWidth = -1;  // refit when the frame first gets a size (charts in a hidden tab) or is resized
setInterval(function () { var w = container.getBoundingClientRect().width;
  if (w > 20 && Math.abs(w - orgraphWidth) > 20) { orgraphWidth = w; network.redraw(); orgraphView(); } }, 250);""".replace(
    "STRIKE_COLOUR", STRIKE
)
