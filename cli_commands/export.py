"""`export`: a diagram, an offline page or a data file of a selection (exporters/ does the work, via the service)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cli_commands.common import EXIT_OK, Command, Parsers, open_service
from exporters import FORMATS

__all__ = ["COMMANDS", "add_parsers"]


def cmd_export(args: argparse.Namespace) -> int:
    """Write a diagram, page or data export of the selection to -o PATH (exporters/ does the work)."""
    service = open_service(args)
    try:
        options: dict[str, Any] = {}
        if args.format in ("svg", "png", "pdf", "html"):
            options.update(rankdir=args.layout, lang=args.lang)
        elif args.dataset_id:
            options["dataset_id"] = args.dataset_id
        path = service.export_to(
            args.output,
            args.format,
            snapshot=args.snapshot,
            jurisdiction=args.jurisdiction,
            compare=args.compare,
            agency=args.agency,
            depth=args.depth,
            **options,
        )
        print(f"wrote {path}", file=sys.stderr)
        return EXIT_OK
    finally:
        service.close()


def _depth(raw: str) -> int:
    try:
        depth = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number") from None
    if not 0 <= depth <= 20:
        raise argparse.ArgumentTypeError(f"{raw} is out of bounds; give a whole number from 0 to 20")
    return depth


COMMANDS: dict[str, Command] = {"export": cmd_export}


def add_parsers(parsers: Parsers) -> None:
    help_text = (
        "Export a diagram (svg, png, pdf), an offline interactive page (html) or data (graphml, gexf, "
        "json, csv dataset folder, cypher script) of a jurisdiction/snapshot, a compare pair or an "
        "agency neighbourhood."
    )
    p = parsers.sub.add_parser("export", help=help_text, description=help_text)
    parsers.common(p)
    p.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    p.add_argument("--jurisdiction", help="jurisdiction id or name (default: all)")
    p.add_argument("--snapshot", help="snapshot id (default: latest for diagrams/html, all for data)")
    p.add_argument("--compare", metavar="BEFORE:AFTER", help="before/after pair coloured by change, e.g. 2018:2019")
    p.add_argument("--agency", metavar="ID", help="draw this agency's neighbourhood instead")
    p.add_argument("--depth", type=_depth, default=1, help="neighbourhood depth for --agency (0 to 20, default 1)")
    p.add_argument("--layout", choices=["TB", "LR"], default="TB", help="top-down (TB) or left-right (LR)")
    p.add_argument("--lang", choices=["zh", "en", "both"], default="both", help="label language")
    p.add_argument("--dataset-id", help="dataset id written into data exports (default: the dataset's)")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="file to write (csv: a folder, or .zip)")
