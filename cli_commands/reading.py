"""`info` and `chain`: what the dataset holds per snapshot, and an agency's reporting chain."""

from __future__ import annotations

import argparse
from typing import Any

from cli_commands.common import EXIT_OK, Command, Parsers, format_rows, open_service

__all__ = ["COMMANDS", "add_parsers"]


def cmd_info(args: argparse.Namespace) -> int:
    service = open_service(args)
    try:
        infos = service.info()
        rows = [
            {
                "snapshot": i.snapshot,
                "role": i.role,
                "date": i.date,
                "jurisdictions": i.jurisdictions,
                "agencies": i.agencies,
                "edges": i.edges,
                **{t: n for t, n in i.edges_by_type.items()},
            }
            for i in infos
        ]
        columns = ["snapshot", "role", "date", "jurisdictions", "agencies", "edges"]
        columns += sorted({t for i in infos for t in i.edges_by_type})
        if args.format == "table":
            ds = service.dataset
            print(f"dataset {ds.id}: {ds.title_zh} / {ds.title_en} (backend: {service.backend})")
            print(f"jurisdictions: {len(ds.jurisdictions)}, functions: {len(ds.functions)}, sources: {len(ds.sources)}")
        print(format_rows(columns, [{c: r.get(c, 0) for c in columns} for r in rows], args.format))
        return EXIT_OK
    finally:
        service.close()


def cmd_chain(args: argparse.Namespace) -> int:
    service = open_service(args)
    try:
        start = service.agency(args.agency_id)
        steps = service.chain(args.agency_id)
        rows: list[dict[str, Any]] = [
            {
                "depth": 0,
                "id": start.id,
                "name_zh": start.name_zh,
                "name_en": start.name_en,
                "mode": "",
                "basis": start.basis.value,
            }
        ]
        rows += [
            {
                "depth": s.depth,
                "id": s.agency.id,
                "name_zh": s.agency.name_zh,
                "name_en": s.agency.name_en,
                "mode": s.mode,
                "basis": s.agency.basis.value,
            }
            for s in steps
        ]
        if args.format == "table":
            for row in rows:
                arrow = f"  └─{row['mode']}→ " if row["depth"] else ""
                print(f"{'  ' * max(row['depth'] - 1, 0)}{arrow}{row['name_zh']} ({row['name_en']}) [{row['id']}]")
        else:
            print(format_rows(list(rows[0]), rows, args.format))
        return EXIT_OK
    finally:
        service.close()


COMMANDS: dict[str, Command] = {"info": cmd_info, "chain": cmd_chain}


def add_parsers(parsers: Parsers) -> None:
    parsers.add("info", "Counts of jurisdictions, agencies and edges per snapshot.")
    p = parsers.add("chain", "Print the reporting chain of an agency, one line per step with the mode.")
    p.add_argument("agency_id", help="an agency id (see `query` or the app's search)")
