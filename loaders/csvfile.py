"""Reading one CSV file of a dataset: decode it, check its header, and keep each row's line number.

Analysts edit these files in Excel, which in China often saves GB18030 and elsewhere adds a UTF-8 BOM, so
decoding tries UTF-8 (with or without BOM) first and GB18030 second. Line numbers are physical lines with
the header as line 1, so an error message points at the line a text editor shows (quoted cells may span
lines; a row is reported at the line it starts on).

Hostile files get one clear problem each, never a traceback: a cell over MAX_CELL_CHARS, a quote that is never
closed, a NUL byte or other control character (reported at its own line, then removed so it cannot reach the
graph or an export), and a link that leads out of the dataset folder (refused unread).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.csvcells import unescape_cell
from graph.errors import Problem

__all__ = ["MAX_CELL_CHARS", "CsvTable", "decode", "read_inside", "read_table"]

#: The longest cell a dataset file may hold, in characters (docs/data-format.md). Python's csv module stops at
#: 131,072 by default; a longer cell is almost always a quote that never closes and swallowed the file.
MAX_CELL_CHARS = 1_048_576
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters no cell may hold: C0 controls but tab, LF and CR (XML, GraphML and most tools cannot carry them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The same as bytes: in UTF-8 and GB18030 these bytes only ever stand for themselves, and one `in` per byte is a
# memchr, far faster than a regular expression over a large file (bench/bench_loaders.py).
_CONTROL_BYTES = tuple(bytes([code]) for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))


@dataclass(slots=True)
class CsvTable:
    """The rows of one file as (line, {column: cell}); only known columns and non-empty cells are kept
    (cells are stripped: padding from a spreadsheet is never meaningful).

    A row with more cells than the header is reported here and kept in `misshapen`: its cells are shifted,
    so only its id is trusted. `usable` is False when the header lacks a required column: its rows are then not validated, and other
    files' references into it are not checked either (they would only repeat the same problem).
    """

    file: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    usable: bool = True
    misshapen: set[int] = field(default_factory=set)  # lines of rows with too many cells (already reported)


def decode(raw: bytes) -> str:
    """UTF-8 (a leading BOM is dropped), else GB18030; raises UnicodeDecodeError when neither fits."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _decode_problem(file: str, raw: bytes, error: UnicodeDecodeError) -> Problem:
    if raw.startswith(_UTF16_BOMS):
        hint = "it looks like UTF-16 (Excel's 'Unicode text')"
    else:
        # Report where UTF-8 failed: that is the byte a user can find in a hex editor or text editor.
        try:
            raw.decode("utf-8-sig")
            position = error.start
        except UnicodeDecodeError as utf8_error:
            position = utf8_error.start
        line = raw.count(b"\n", 0, position) + 1
        hint = f"the first byte that is not UTF-8 is on line {line} (byte {position})"
    return Problem(
        file,
        0,
        "",
        f"cannot decode the file: it is neither UTF-8 nor GB18030 ({hint}); save it as CSV UTF-8",
    )


def read_inside(folder: Path, file: str, problems: list[Problem], *, missing: str) -> bytes | None:
    """The bytes of `folder/file`, or None after reporting why not: missing, unreadable, or a link that leads out
    of the dataset folder (a dataset must never make orgraph read, echo or export a file it does not hold)."""
    path = folder / file
    try:
        target = path.resolve()
        if not target.is_relative_to(folder.resolve()):
            message = f"the file is a link to {target}, outside the dataset folder; copy that file into the folder"
            problems.append(Problem(file, 0, "", message))
            return None
        return path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(file, 0, "", missing))
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        problems.append(Problem(file, 0, "", f"cannot read the file: {getattr(exc, 'strerror', None) or exc}"))
    return None


def _control_problems(file: str, text: str, problems: list[Problem]) -> str:
    """Report each line holding a control character (the line a text editor shows), and return the text without
    them so that the rest of the file is still checked, without knock-on problems."""
    for number, physical in enumerate(io.StringIO(text, newline=""), start=1):
        found = _CONTROL.search(physical)
        if found:
            char = found.group()
            what = "a NUL byte (U+0000)" if char == "\x00" else f"the control character U+{ord(char):04X}"
            message = f"the line holds {what} at character {found.start() + 1}; remove it (no cell may hold one)"
            problems.append(Problem(file, number, "", message))
    return _CONTROL.sub("", text)


def _quote_left_open(text: str, start: int, *, spans: int) -> bool:
    """True when the last row (starting at physical line `start`, `spans` lines long) opens a quote the file never
    closes: the lenient reader then takes the rest of the file as one cell without a word."""
    if spans == 1:
        body = text.rstrip("\r\n")
        if '"' not in body[max(body.rfind("\n"), body.rfind("\r")) + 1 :]:
            return False  # the usual case, decided without rereading the file
    tail = "".join(itertools.islice(io.StringIO(text, newline=""), start - 1, None))
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _csv_error(file: str, line: int, exc: csv.Error) -> Problem:
    if "field limit" in str(exc):
        message = (
            f"a cell from this line on is longer than {MAX_CELL_CHARS:,} characters, the most a cell may hold; "
            "if a quote opens here and never closes, close it"
        )
    else:
        message = f"cannot read this line as CSV ({exc})"
    return Problem(file, line, "", message)


def read_table(
    folder: Path,
    file: str,
    *,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    problems: list[Problem],
    accept_unknown: bool = False,
) -> CsvTable | None:
    """Read `folder/file`, appending every header and shape problem to `problems`.

    Returns None when the file is missing or cannot be decoded at all. With `accept_unknown` (the manifest that
    declares the extra columns could not be read), unknown columns are kept rather than reported.
    """
    raw = read_inside(folder, file, problems, missing=f"file is missing; a dataset folder needs {file}")
    if raw is None:
        return None
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        problems.append(_decode_problem(file, raw, exc))
        return None
    if any(code in raw for code in _CONTROL_BYTES):
        text = _control_problems(file, text, problems)

    csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        header_cells = next(reader)
    except csv.Error as exc:
        problems.append(_csv_error(file, 1, exc))
        return None
    except StopIteration:
        problems.append(
            Problem(
                file,
                1,
                "",
                f"file is empty; the first line must be the header: {','.join(required)}",
            )
        )
        return None
    header = [cell.strip() for cell in header_cells]
    table = CsvTable(file, header)
    allowed = set(required) | set(optional)
    seen: set[str] = set()
    keep: list[tuple[int, str]] = []  # (cell index, column) of the known columns
    unnamed: list[int] = []  # spreadsheets often save trailing empty columns; harmless while their cells are empty
    for index, column in enumerate(header):
        if column == "":
            unnamed.append(index)
        elif column in seen:
            problems.append(Problem(file, 1, column, f"column {column!r} appears twice in the header"))
        elif column in allowed or accept_unknown:
            keep.append((index, column))
        else:
            message = f"unknown column {column!r}; allowed columns are {', '.join(required + optional)}"
            problems.append(Problem(file, 1, column, message))
        seen.add(column)
    for column in required:
        if column not in seen:
            table.usable = False
            problems.append(Problem(file, 1, column, f"missing required column {column!r}"))

    width = len(header)
    plain = len(keep) == width
    quoted = b"'" in raw  # a cell may be escaped against formula injection (graph/csvcells.py): check each
    line = reader.line_num
    last_start = 0
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(_csv_error(file, start, exc))
            table.usable = False  # the rest of the file is unread: checking references into it would only mislead
            return table
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # a blank line, or one of only commas (a spreadsheet's empty row)
        if len(cells) > width:
            problems.append(
                Problem(
                    file,
                    start,
                    "",
                    f"row has {len(cells)} cells but the header has {width} columns (an unquoted comma inside a cell?)",
                )
            )
            table.misshapen.add(start)
        filled = [i + 1 for i in unnamed if i < len(cells) and cells[i].strip()] if unnamed else None
        if filled:
            message = (
                f"a value in column {filled[0]}, which has no name in the header; name the column or clear the cell"
            )
            problems.append(Problem(file, start, "", message))
        if plain and len(cells) == width:  # fast path: every column known, no short row
            row = {column: cell for column, cell in zip(header, map(str.strip, cells)) if cell}
        else:
            row = {column: cell for index, column in keep if index < len(cells) and (cell := cells[index].strip())}
        if quoted:
            row = {column: unescape_cell(cell) if cell[0] == "'" else cell for column, cell in row.items()}
        table.rows.append((start, row))
        last_start = start
    if last_start and _quote_left_open(text, last_start, spans=line - last_start + 1):
        message = (
            f"a quote opens on this line and never closes, so lines {last_start}-{line} were read as one cell; "
            "close the quote (or double a quote inside a quoted cell)"
        )
        problems.append(Problem(file, last_start, "", message))
        table.usable = False
    return table
