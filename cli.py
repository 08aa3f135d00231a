"""orgraph's command line: a thin layer over service.py (the app uses the same service).

Exit codes: 0 ok, 2 bad input (dataset problems, unknown ids, bad Cypher, an argument or setting out of bounds:
graph.errors.InvalidRequest), 1 any other failure;
`check` exits 3 when a rule fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from exporters import FORMATS
from graph.csvcells import write_csv
from graph.diff.report import CHANGE_COLUMNS, COUNT_COLUMNS, change_rows, count_rows, diff_to_dict, summaries
from graph.embedded.compiled import compile_dataset
from graph.errors import (
    ComparisonError,
    CypherError,
    CypherSyntaxError,
    DatasetError,
    InvalidRequest,
    NotFound,
    OrgraphError,
    UnsupportedCypher,
)
from graph.rules.engine import RESULT_COLUMNS, dataset_rules, result_rows, results_to_dict
from loaders import load_dataset
from queries import all_queries
from service import OrgService
from settings import SETTINGS, Settings, bounded

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT, EXIT_RULE_FAILED = 0, 1, 2, 3

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


# ---- output helpers --------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def format_table(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out)


def format_rows(columns: Sequence[str], rows: Sequence[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":  # cells a spreadsheet would run as formulas get a leading quote (graph/csvcells.py)
        return write_csv(columns, ([_cell(row.get(c)) for c in columns] for row in rows)).rstrip("\n")
    return format_table(columns, rows)


def _progress(stage: str, done: int, total: int) -> None:
    """Progress on stderr, so stdout stays clean for --format json/csv."""
    if sys.stderr.isatty() or total >= 10000:
        end = "\n" if done >= total else "\r"
        print(f"  {stage}: {done}/{total}", end=end, file=sys.stderr, flush=True)


def open_service(args: argparse.Namespace) -> OrgService:
    """Open the dataset; a Neo4j server that is configured but unreachable falls back to the embedded
    backend with a warning, unless --backend neo4j asked for it explicitly."""
    settings = Settings.from_env()
    path = args.dataset or settings.dataset
    use_cache = not getattr(args, "no_cache", False)
    if getattr(args, "backend", None):
        settings = replace(settings, backend=args.backend)
        return OrgService.open(path, settings=settings, progress=_progress, use_cache=use_cache)
    service, warning = OrgService.open_with_fallback(path, settings=settings, progress=_progress, use_cache=use_cache)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return service


def command(name: str) -> Callable[[Command], Command]:
    def register(fn: Command) -> Command:
        COMMANDS[name] = fn
        return fn

    return register


# ---- commands ----------------------------------------------------------------------------------------------
@command("query")
def cmd_query(args: argparse.Namespace) -> int:
    service = open_service(args)
    try:
        params = dict(_parse_param(p) for p in args.param or [])
        kwargs: dict[str, Any] = {}
        if args.timeout is not None:
            kwargs["timeout_s"] = args.timeout
        if args.row_cap is not None:
            kwargs["row_cap"] = args.row_cap
        if args.named:
            result = service.run_named(args.named, params, **kwargs)
        else:
            if not args.cypher:
                raise InvalidRequest("give a Cypher query, or --named NAME (see `python cli.py queries`)")
            result = service.query(args.cypher, params, **kwargs)
        print(format_rows(result.columns, result.rows, args.format))
        if result.truncated:
            print(f"(truncated at {len(result.rows)} rows; raise --row-cap to see more)", file=sys.stderr)
        return EXIT_OK
    finally:
        service.close()


def _parse_param(raw: str) -> tuple[str, Any]:
    """`name=value` gives a string; `name:=json` a typed value (number, list, bool), as in httpie."""
    if ":=" in raw and raw.index(":=") < raw.index("=") + 1:
        name, value = raw.split(":=", 1)
        try:
            return name, json.loads(value)
        except json.JSONDecodeError as exc:
            raise InvalidRequest(f"parameter {name!r}: {value!r} is not valid JSON ({exc.msg})") from exc
    if "=" not in raw:
        raise InvalidRequest(f"parameter {raw!r} must look like name=text or name:=json")
    name, value = raw.split("=", 1)
    return name, value


@command("compile")
def cmd_compile(args: argparse.Namespace) -> int:
    """Compile the dataset into the cache now, so the next command opens it in milliseconds."""
    settings = Settings.from_env()
    path, root = args.dataset or settings.dataset, settings.cache_dir or None
    compiled = compile_dataset(path, root=root, progress=_progress, force=args.force)
    row = {"dataset": compiled.dataset_id, "key": compiled.key[:16], "folder": str(compiled.folder)}
    row.update({k: compiled.meta.get(k, 0) for k in ("nodes", "relationships", "seconds")})
    print(format_rows(list(row), [row], args.format))
    return EXIT_OK


@command("queries")
def cmd_queries(args: argparse.Namespace) -> int:
    rows = [{"name": q.name, "title": q.title, "params": ", ".join(q.params)} for q in all_queries()]
    print(format_rows(["name", "title", "params"], rows, args.format))
    return EXIT_OK


@command("info")
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


@command("chain")
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


@command("export")
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


@command("diff")
def cmd_diff(args: argparse.Namespace) -> int:
    """What changed between two snapshots, from the lineage (graph/diff/compare.py), with a summary per jurisdiction."""
    service = open_service(args)
    try:
        diff = service.diff(args.before, args.after, args.jurisdiction)
        if args.format == "json":
            print(json.dumps(diff_to_dict(diff), ensure_ascii=False, indent=2))
            return EXIT_OK
        rows = change_rows(diff, include_continued=args.all)
        if args.format == "csv":
            print(format_rows(CHANGE_COLUMNS, rows, "csv"))
            return EXIT_OK
        print(f"{diff.before} → {diff.after}, scope: {diff.scope or 'all'}")
        print(format_rows(CHANGE_COLUMNS, rows, "table"))
        print()
        print(format_rows(COUNT_COLUMNS, count_rows(diff), "table"))
        print()
        for summary in summaries(diff):
            print(summary.zh)
            print(summary.en)
        return EXIT_OK
    finally:
        service.close()


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    """Run the dataset's declared rules (its rules.toml) and the built-in data-health rules; exit 3 when any
    fails. A dataset without rules.toml declares no rules: check says so and exits 0 unless data health fails."""
    if args.list:
        return _list_rules(args)
    service = open_service(args)
    try:
        results = service.check(args.snapshot, args.rule)
        declared = len(service.dataset.rules)
        if args.format == "json":
            print(json.dumps({"declared_rules": declared, **results_to_dict(results)}, ensure_ascii=False, indent=2))
        else:
            print(format_rows(RESULT_COLUMNS, result_rows(results, lang=args.lang), args.format))
        failed = [r for r in results if not r.passed]
        if args.format == "table":
            if not declared:
                print(f"\n{_no_rules(service.dataset.id)}", file=sys.stderr)
            print(f"\n{len(results) - len(failed)} of {len(results)} results pass", file=sys.stderr)
        return EXIT_RULE_FAILED if failed else EXIT_OK
    finally:
        service.close()


def _no_rules(dataset_id: str) -> str:
    return (
        f"dataset {dataset_id!r} declares no rules (no rules.toml in its folder): only the built-in data-health "
        'rules ran. See docs/data-format.md, "rules.toml".'
    )


def _list_rules(args: argparse.Namespace) -> int:
    """The dataset's rules with the sentences they rest on (declared first, then the built-in data-health rules)."""
    dataset = load_dataset(args.dataset or Settings.from_env().dataset)
    rows = [
        {
            "rule": r.id,
            "kind": r.kind or "health",
            "title": (r.title_zh or r.title_en) if args.lang == "zh" else (r.title_en or r.title_zh),
            "source": r.source,
            "quote": r.quote,
        }
        for r in dataset_rules(dataset)
    ]
    print(format_rows(["rule", "kind", "title", "source", "quote"], rows, args.format))
    if not dataset.rules and args.format == "table":
        print(f"\n{_no_rules(dataset.id)}", file=sys.stderr)
    return EXIT_OK


# ---- parser ------------------------------------------------------------------------------------------------
def _option(key: str, kind: type[float] | type[int]) -> Callable[[str], float]:
    """An argparse type within settings.BOUNDS[key]: a bad value exits 2 naming the option (argparse does that)."""

    def parse(raw: str) -> float:
        try:
            return bounded(key, raw, kind, label="value")
        except InvalidRequest as exc:
            raise argparse.ArgumentTypeError(str(exc).removeprefix("value: ")) from None

    return parse


def _depth(raw: str) -> int:
    try:
        depth = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number") from None
    if not 0 <= depth <= 20:
        raise argparse.ArgumentTypeError(f"{raw} is out of bounds; give a whole number from 0 to 20")
    return depth


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python cli.py", description="orgraph: government agencies as a graph.")
    no_cache_help = "parse the dataset folder instead of opening its compiled copy in $ORGRAPH_CACHE_DIR"
    parser.add_argument("--no-cache", action="store_true", help=no_cache_help)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--dataset", help="dataset folder (default: $ORGRAPH_DATASET or data/xilingol)")
        p.add_argument("--no-cache", action="store_true", default=argparse.SUPPRESS, help=no_cache_help)
        backend_help = "storage backend (default: networkx, or neo4j when NEO4J_URI is set)"
        p.add_argument("--backend", choices=["networkx", "neo4j"], help=backend_help)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        common(p)
        p.add_argument("--format", choices=["table", "json", "csv"], default="table", help="output format")
        return p

    p = add("query", "Run a read-only Cypher query (or a named one) and print the rows.")
    p.add_argument("cypher", nargs="?", help="the Cypher text")
    p.add_argument("--named", metavar="NAME", help="run a named query from queries/ instead")
    param_help = "a $parameter: name=text, or name:=json for numbers and lists"
    p.add_argument("--param", "-p", action="append", metavar="NAME=VALUE", help=param_help)
    p.add_argument(
        "--timeout",
        type=_option("cypher_timeout_s", float),
        help="time limit in seconds (default: setting cypher_timeout_s)",
    )
    p.add_argument(
        "--row-cap", type=_option("cypher_row_cap", int), help="most rows returned (default: setting cypher_row_cap)"
    )

    p = add("compile", "Compile the dataset into the cache ($ORGRAPH_CACHE_DIR) ahead of time.")
    p.add_argument("--force", action="store_true", help="compile again even if an up-to-date copy is cached")
    add("queries", "List the named queries in queries/.")
    add("info", "Counts of jurisdictions, agencies and edges per snapshot.")
    p = add("chain", "Print the reporting chain of an agency, one line per step with the mode.")
    p.add_argument("agency_id", help="an agency id (see `query` or the app's search)")

    p = add(
        "diff",
        "Compare two snapshots from the lineage: established, abolished, merged, split, renamed, "
        "transferred, reporting/category/hosting changes, counts against the quota, a summary per county.",
    )
    p.add_argument("--from", dest="before", metavar="SNAPSHOT", help="earlier snapshot (default: role before)")
    p.add_argument("--to", dest="after", metavar="SNAPSHOT", help="later snapshot (default: role after)")
    p.add_argument("--jurisdiction", help="id, Chinese or English name, or 'league' (default: everything)")
    p.add_argument("--all", action="store_true", help="also list agencies that simply continued")
    p = add(
        "check",
        "Check the dataset's rules (its rules.toml) and the data-health rules per jurisdiction; exit 3 when a rule "
        "fails, 0 when all pass or the dataset declares no rules and its data is sound.",
    )
    p.add_argument(
        "--snapshot",
        help="snapshot to judge (default: each declared rule its own snapshots, else those of role 'after'; "
        "data-health rules every snapshot)",
    )
    p.add_argument("--rule", nargs="+", action="extend", metavar="ID", help="only these rules (see --list)")
    p.add_argument("--list", action="store_true", help="list the dataset's rules and the sentences they rest on")
    p.add_argument("--lang", choices=["zh", "en"], default="en", help="language of titles and messages")

    help_text = (
        "Export a diagram (svg, png, pdf), an offline interactive page (html) or data (graphml, gexf, "
        "json, csv dataset folder, cypher script) of a jurisdiction/snapshot, a compare pair or an "
        "agency neighbourhood."
    )
    p = sub.add_parser("export", help=help_text, description=help_text)
    common(p)
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

    parser.epilog = "settings (environment): " + "; ".join(f"{s.env}: {s.help}" for s in SETTINGS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (DatasetError, NotFound, CypherError, ComparisonError, InvalidRequest) as exc:
        print(f"error: {exc}", file=sys.stderr)
        if isinstance(exc, (UnsupportedCypher, CypherSyntaxError)) and "Neo4j backend runs it" in str(exc):
            print("hint: run it with --backend neo4j", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OrgraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        raise  # run() quiets it


def run() -> int:
    """main() for the console: a reader that stops early (`cli.py ... | head`) ends the output quietly."""
    try:
        code = main()
        sys.stdout.flush()  # a pipe closed early surfaces here (or in main) rather than as a message at exit
        return code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(run())
