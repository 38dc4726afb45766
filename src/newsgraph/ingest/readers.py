"""Readers: turn a path, a folder, standard input or a string into :class:`RawDocument` items.

Every reader is lazy (a generator): a folder of 100,000 files or a JSONL file of a million
lines is read one item at a time. A bad item inside a batch is yielded as a
:class:`~newsgraph.pipeline.Failure` (code and reason) and reading goes on; a source that cannot
be read at all raises an :class:`~newsgraph.errors.InputError`.

Bytes are decoded as UTF-8 (a UTF-8 or UTF-16 byte-order mark is honoured), never guessed as a
legacy code page: invalid sequences become U+FFFD and are counted in a warning on the article
(``Analysis.warnings``, printed by the CLI), or, with ``strict_encoding`` (``--strict``), refused
with NG111. File-system trouble (permissions, symbolic link loops, files that vanish, FIFOs,
sockets, devices) is NG113 for that file; special files are never opened (reading one can block).
JSON records are parsed with limits (:data:`MAX_JSON_DEPTH`, :data:`MAX_JSON_DIGITS`): beyond
them the record is refused with NG112.
"""

from __future__ import annotations

import csv
import difflib
import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from ..errors import (
    BadHTML,
    BadRecord,
    BinaryInput,
    EmptyInput,
    InputError,
    InputNotFound,
    InputTooLarge,
    InvalidEncoding,
    MissingColumn,
    RecordTooComplex,
    UnreadableInput,
)
from ..model import RawDocument
from ..pipeline import Failure

HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
CSV_EXT = {".csv", ".tsv"}
TEXT_COLUMNS = ("text", "body", "content", "article")
# keys read from a JSONL object or CSV row besides the text
META_KEYS = {"id": ("id", "article_id", "doc_id"), "title": ("title", "headline"),
             "published": ("published", "date", "publication_date", "pub_date"), "url": ("url", "link"),
             "author": ("author", "byline")}


# ---------------------------------------------------------------------------------------------
# bytes -> text
# ---------------------------------------------------------------------------------------------

class Decoded(NamedTuple):
    """Text decoded from bytes, and how many invalid byte sequences were replaced by U+FFFD."""

    text: str
    replaced: int = 0


_REPLACEMENT = "\ufffd"


def decode_utf8(data: bytes, name: str = "input", *, strict: bool = False, encoding: str = "utf-8") -> Decoded:
    """``data`` as UTF-8 (or ``encoding``): invalid sequences replaced by U+FFFD and counted, or, with
    ``strict``, refused with :class:`InvalidEncoding`. Never reinterpreted in another encoding."""
    try:
        return Decoded(data.decode(encoding))
    except UnicodeDecodeError as exc:
        if strict:
            raise InvalidEncoding(f"the input is not valid {encoding.upper()} (byte {exc.start}: "
                                  f"{data[exc.start:exc.start + 4]!r})",
                                  hint="convert it to UTF-8 (e.g. iconv -f cp1252 -t utf-8), or leave out "
                                       "--strict to read it with the bad bytes replaced", item=name) from None
    text = data.decode(encoding, errors="replace")
    genuine = data.count(_REPLACEMENT.encode(encoding)) if encoding == "utf-8" else 0
    return Decoded(text, max(1, text.count(_REPLACEMENT) - genuine))


def encoding_warning(name: str | None, replaced: int) -> str:
    """The warning an article carries when its bytes were not all valid UTF-8."""
    return (f"{name or 'input'}: {replaced} byte sequence{'s' if replaced != 1 else ''} that {'are' if replaced != 1 else 'is'} "
            "not valid UTF-8 replaced by U+FFFD (convert the input to UTF-8, or use --strict to refuse such input)")


def decode(data: bytes, name: str = "input", *, strict: bool = False) -> Decoded:
    """Decode ``data`` as text: UTF-8 (with or without BOM), or UTF-16 with its BOM.

    Raises :class:`EmptyInput` for nothing but whitespace and :class:`BinaryInput` for bytes that
    are not text (NUL bytes, images, archives). Invalid UTF-8 is replaced and counted (or, with
    ``strict``, refused with :class:`InvalidEncoding`); it is never guessed to be a legacy code page.
    """
    if not data.strip():
        raise EmptyInput("the input is empty", hint="give a file with article text", item=name)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode_utf8(data, name, strict=strict, encoding="utf-16")
    sample = data[:8192]
    if b"\x00" in sample or _looks_binary(sample):
        raise BinaryInput("the input is binary, not text", hint="give a text, HTML, JSONL or CSV file",
                          item=name)
    return decode_utf8(data, name, strict=strict)


def decode_bytes(data: bytes, name: str = "input", *, strict: bool = False) -> str:
    """The text of :func:`decode` (without the count of replaced sequences)."""
    return decode(data, name, strict=strict).text


_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf")


def _looks_binary(sample: bytes) -> bool:
    if sample.startswith(_MAGIC):
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > max(8, len(sample) // 100)


def _check_size(path: Path, max_mb: float) -> None:
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise InputTooLarge(f"the file is {size / 1048576:.1f} MB, over the {max_mb:g} MB limit",
                            hint="split it, or raise the limit with NEWSGRAPH_INPUT_MAX_MB or --max-mb",
                            item=str(path))


def kind_of(path: Path, head: bytes = b"") -> str:
    ext = path.suffix.lower()
    if ext in HTML_EXT:
        return "html"
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in CSV_EXT:
        return "csv"
    lowered = head[:512].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:256]:
        return "html"
    return "text"


# ---------------------------------------------------------------------------------------------
# one source
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Columns:
    """Which column (CSV) or field (JSONL) holds each part of an article. A name given here must be
    there (a CSV header without it is NG106, a JSONL record without it NG105); a part left None is
    found by its usual names (text: text, body, content, article; published: published, date,
    publication_date, pub_date; id: id, article_id, doc_id; url: url, link; title: title, headline)."""

    text: str | None = None
    published: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None

    def keys(self, part: str) -> tuple[str, ...]:
        given = getattr(self, part)
        if given:
            return (given.strip().lower(),)
        return TEXT_COLUMNS if part == "text" else META_KEYS[part]

    def given(self) -> dict[str, str]:
        return {p: v for p in PARTS if (v := getattr(self, p))}


PARTS = ("text", "published", "id", "url", "title")
NoteFn = Callable[[str], None]


def mapping_note(source: str, fields: list[str], columns: Columns) -> str:
    """One line saying which column or field feeds each part of the articles of ``source``."""
    lowered = {f.lower().strip(): f for f in fields}
    parts = []
    for part in PARTS:
        found = next((lowered[k] for k in columns.keys(part) if k in lowered), None)
        how = "" if getattr(columns, part) else " (detected)"
        parts.append(f"{'date' if part == 'published' else part} <- {found!r}{how}" if found else
                     f"{'date' if part == 'published' else part}: none")
    return f"{source}: " + ", ".join(parts)


def _missing_column(source: str, name: str, fields: list[str], what: str) -> str:
    near = difflib.get_close_matches(name, [f.lower() for f in fields], n=1, cutoff=0.5)
    return (f"no {what} {name!r}" + (f" (did you mean {near[0]!r}?)" if near else "")
            + f"; {what}s: {', '.join(fields) or 'none'}")


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in obj.items()}
    for k in keys:
        v = lowered.get(k)
        if v not in (None, ""):
            return v
    return None


def _meta(obj: dict[str, Any], columns: Columns | None = None) -> dict[str, Any]:
    out = {}
    for field, keys in META_KEYS.items():
        v = _pick(obj, columns.keys(field) if columns and field in PARTS else keys)
        out[field] = None if v is None else str(v)
    return out


_FRONT = re.compile(r"\A---[ \t]*\n(.{0,4000}?)\n---[ \t]*\n", re.S)


def from_text(text: str, *, source: str | None = None) -> RawDocument:
    """A plain-text article, with optional front matter for its metadata::

        ---
        title: Finland joins NATO
        published: 2023-04-04
        url: https://example.org/finland-nato
        ---
        (the article)

    Keys are those of JSONL/CSV input (title, published or date, url, id, author); unknown keys are
    ignored. Text without a well-formed block is read as it is.
    """
    norm = text.replace("\r\n", "\n")
    m = _FRONT.match(norm)
    meta: dict[str, Any] = {}
    if m:
        fields = {}
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if not sep or not key.strip().replace("_", "").isalnum():
                fields = {}
                break
            fields[key.strip().lower()] = value.strip().strip("\"'")
        if fields:
            meta = _meta(fields)
            text = norm[m.end():]
    return RawDocument(text=text, source=source, format="text", **meta)


def from_html(html: str, *, source: str | None = None, url: str | None = None) -> RawDocument:
    """Main text and metadata (title, author, date, URL) of an HTML page, via trafilatura/htmldate."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # boundary: trafilatura raises assorted lxml errors on broken markup: NG108
        raise BadHTML(f"the HTML could not be parsed: {type(exc).__name__}",
                      hint="check that the file is an HTML page", item=source) from exc
    if doc is None:
        doc_dict: dict[str, Any] = {}
    else:
        doc_dict = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (doc_dict.get("text") or "").strip()
    if not text:
        # a fragment or a page trafilatura cannot segment: fall back to its baseline extractor
        try:
            _, text, _ = trafilatura.baseline(html)
        except Exception:  # boundary: third-party parser on untrusted markup; no text is NG108 below
            text = ""
        text = (text or "").strip()
    if not text:
        raise BadHTML("no article text found in the HTML page",
                      hint="give the article page itself, or its text as a .txt file", item=source)
    published = doc_dict.get("date")
    if not published:
        try:
            from htmldate import find_date

            published = find_date(html, original_date=True, extensive_search=False)
        except Exception:  # boundary: third-party parser on untrusted markup; a page without a date is fine
            published = None
    return RawDocument(text=text, title=doc_dict.get("title"), url=doc_dict.get("url") or url,
                       published=published, author=doc_dict.get("author"), source=source, format="html")


#: JSON nested deeper than this is refused (an article record is one flat object)
MAX_JSON_DEPTH = 64
#: a JSON number with more digits than this is refused (no field of an article needs one)
MAX_JSON_DIGITS = 100


class _TooLong(ValueError):
    pass


def _parse_number(kind: type) -> Any:
    def parse(text: str) -> Any:
        if len(text) > MAX_JSON_DIGITS + 2:  # sign, point
            raise _TooLong(len(text))
        return kind(text)

    return parse


def _depth_over(obj: Any, limit: int) -> bool:
    """Is ``obj`` nested deeper than ``limit``? (iterative: no recursion on hostile input)"""
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def load_json(text: str | bytes, what: str = "the JSON") -> Any:
    """``json.loads`` with limits: :class:`RecordTooComplex` for nesting deeper than
    :data:`MAX_JSON_DEPTH` or a number longer than :data:`MAX_JSON_DIGITS` digits (Python's own parser
    fails on those with RecursionError or ValueError); invalid JSON raises ``json.JSONDecodeError``."""
    try:
        obj = json.loads(text, parse_int=_parse_number(int), parse_float=_parse_number(float))
    except _TooLong as exc:
        raise RecordTooComplex(f"{what} holds a number of {exc.args[0]} characters (the limit is {MAX_JSON_DIGITS} digits)",
                               hint="write long numbers as strings") from None
    except RecursionError:
        raise RecordTooComplex(f"{what} is nested too deeply (the limit is {MAX_JSON_DEPTH} levels)",
                               hint="an article is one flat object: {\"text\": ..., \"title\": ...}") from None
    if _depth_over(obj, MAX_JSON_DEPTH):
        raise RecordTooComplex(f"{what} is nested deeper than {MAX_JSON_DEPTH} levels",
                               hint="an article is one flat object: {\"text\": ..., \"title\": ...}")
    return obj


def read_jsonl(stream: io.TextIOBase | Iterable[str], source: str, *, replaced: list[int] | None = None,
               strict: bool = False, columns: Columns | None = None, note: NoteFn | None = None
               ) -> Iterator[RawDocument | Failure]:
    """One document per JSON line; a bad line yields a :class:`Failure` and reading goes on.

    ``replaced``, when given, is updated by the line source with the invalid UTF-8 sequences of the
    line just read (``replaced[0]``); a line with some is refused under ``strict``, else read with a
    warning. ``columns`` says which field holds what (:class:`Columns`); ``note`` hears, once, which
    fields the first record's parts came from."""
    columns = columns or Columns()
    noted = note is None
    for lineno, line in enumerate(stream, 1):
        bad = replaced[0] if replaced else 0
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        if bad and strict:
            yield Failure(where, None, InvalidEncoding.code,
                          f"{where}: line {lineno} is not valid UTF-8 (convert the file to UTF-8, or leave out --strict)")
            continue
        try:
            obj = load_json(line, f"line {lineno}")
        except json.JSONDecodeError as exc:
            yield Failure(where, None, BadRecord.code,
                          f"{where}: line {lineno} is not JSON ({exc.msg}) (write one JSON object per line)")
            continue
        except RecordTooComplex as exc:
            yield Failure(where, None, exc.code, f"{where}: {exc.one_line()}")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, None, BadRecord.code,
                          f"{where}: line {lineno} is a JSON {type(obj).__name__}, not an object "
                          "(write objects like {\"text\": ...})")
            continue
        if not noted and note is not None:
            note(mapping_note(source, [str(k) for k in obj], columns))
            noted = True
        meta = _meta(obj, columns)
        text = _pick(obj, columns.keys("text"))
        missing = [(p, n) for p, n in columns.given().items() if n.lower() not in {str(k).lower() for k in obj}]
        if missing:
            part, name = missing[0]
            yield Failure(where, meta["id"], BadRecord.code, f"{where}: line {lineno} has "
                          + _missing_column(source, name, [str(k) for k in obj], "field")
                          + f" (--{'date' if part == 'published' else part}-col names it)")
            continue
        if not isinstance(text, str) or not text.strip():
            yield Failure(where, meta["id"], BadRecord.code,
                          f"{where}: line {lineno} has no \"text\" (every object needs a non-empty \"text\"; "
                          "--text-col names another field)")
            continue
        doc = RawDocument(text=text, source=where, format="jsonl", **meta)
        if bad:
            doc.warnings.append(encoding_warning(where, bad))
        yield doc


def read_csv(stream: io.TextIOBase | Iterable[str], source: str, delimiter: str = ",", *,
             replaced: list[int] | None = None, strict: bool = False, columns: Columns | None = None,
             note: NoteFn | None = None) -> Iterator[RawDocument | Failure]:
    """One document per row; the file needs a ``text`` column (or body/content/article).

    ``replaced``: as for :func:`read_jsonl`, the invalid UTF-8 sequences read so far (a running
    total; a row gets the warning for those read since the row before)."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(stream, delimiter=delimiter)
    counted = replaced[0] if replaced else 0
    cols = columns or Columns()
    header = [str(c) for c in (reader.fieldnames or [])]
    lowered = [c.lower().strip() for c in header]
    for part, name in cols.given().items():
        if name.lower().strip() not in lowered:
            raise MissingColumn(_missing_column(source, name, header, "column"),
                                hint=f"check --{'date' if part == 'published' else part}-col", item=source)
    if not any(c in cols.keys("text") for c in lowered):
        raise MissingColumn(f"the CSV has no text column (columns: {', '.join(lowered) or 'none'})",
                            hint="name the article text column 'text', or give it with --text-col", item=source)
    if note is not None:
        note(mapping_note(source, header, cols))
    for rowno, row in enumerate(reader, 2):
        where = f"{source}:{rowno}"
        row = {str(k).lower().strip(): v for k, v in row.items() if k is not None}
        meta = _meta(row, cols)
        text = _pick(row, cols.keys("text"))
        bad = (replaced[0] if replaced else 0) - counted
        counted += bad
        if bad and strict:
            yield Failure(where, meta["id"], InvalidEncoding.code,
                          f"{where}: row {rowno} is not valid UTF-8 (convert the file to UTF-8, or leave out --strict)")
            continue
        if not text or not str(text).strip():
            yield Failure(where, meta["id"], BadRecord.code, f"{where}: row {rowno} has an empty text column")
            continue
        doc = RawDocument(text=str(text), source=where, format="csv", **meta)
        if bad:
            doc.warnings.append(encoding_warning(where, bad))
        yield doc


_SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"))


def file_problem(path: Path) -> InputError | None:
    """Why ``path`` cannot be read as a file (None when it is a regular file we may open): missing,
    a dangling link or a link loop, no permission, a folder, or a special file (never opened)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return UnreadableInput("a symbolic link to nothing (its target is missing)",
                                   hint="fix or remove the link", item=str(path))
        return InputNotFound(f"no such file or folder: {path}", hint="check the path")
    except OSError as exc:
        return _os_error(path, exc)
    if stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISDIR(st.st_mode):
        return UnreadableInput("is a folder, not a file", hint="give the folder itself to read all of it",
                               item=str(path))
    kind = next((what for test, what in _SPECIAL if test(st.st_mode)), "not a regular file")
    return UnreadableInput(f"is {kind}, not a regular file: it was not opened (reading it could block)",
                           hint="copy the data into a file", item=str(path))


def _os_error(path: Path | str, exc: OSError) -> InputError:
    """An ``OSError`` met while reading ``path``, as a coded input error that says what happened."""
    if exc.errno == errno.ELOOP:
        why = "a symbolic link loop (the link points, in the end, to itself)"
    elif isinstance(exc, PermissionError):
        why = "permission denied"
    elif isinstance(exc, FileNotFoundError):
        why = "the file vanished while it was being read"
    else:
        why = f"cannot be read: {exc.strerror or type(exc).__name__}"
    return UnreadableInput(why, hint="check the file and its permissions", item=str(path))


def read_file(path: str | Path, *, max_mb: float = 20, strict_encoding: bool = False,
              columns: Columns | None = None, note: NoteFn | None = None) -> Iterator[RawDocument | Failure]:
    """Read one file of any supported kind.

    File-system errors are :class:`UnreadableInput` (NG113): permissions, link loops, a file that
    vanishes, FIFOs, sockets and devices (those are never opened)."""
    p = Path(path)
    problem = file_problem(p)
    if problem is not None:
        raise problem
    try:
        with p.open("rb") as fh:
            head = fh.read(4096)
        kind = kind_of(p, head)
        if kind in ("jsonl", "csv"):
            # streamed: the size limit applies to each record's text, not to the file
            yield from _read_stream_file(p, kind, max_mb, strict_encoding, columns, note)
            return
        _check_size(p, max_mb)
        data = p.read_bytes()
    except OSError as exc:
        raise _os_error(p, exc) from exc
    text, replaced = decode(data, str(p), strict=strict_encoding)
    doc = from_html(text, source=str(p)) if kind == "html" else from_text(text, source=str(p))
    if replaced:
        doc.warnings.append(encoding_warning(str(p), replaced))
    yield doc


def _utf8_lines(fh: BinaryIO, replaced: list[int]) -> Iterator[str]:
    """The lines of a binary file as text (a BOM dropped); ``replaced[0]`` counts invalid UTF-8
    sequences: set per line (the line just yielded) for JSONL, a running total for CSV."""
    first = True
    for raw in fh:
        if first:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
            first = False
        line, bad = decode_utf8(raw)
        replaced[0] = bad if replaced[1] == 0 else replaced[0] + bad
        yield line


def _read_stream_file(p: Path, kind: str, max_mb: float, strict: bool = False, columns: Columns | None = None,
                      note: NoteFn | None = None) -> Iterator[RawDocument | Failure]:
    if p.stat().st_size == 0:
        raise EmptyInput("the file is empty", hint="give a file with one JSON object or CSV row per article",
                         item=str(p))
    with p.open("rb") as fh:
        sample = fh.read(8192)
    if b"\x00" in sample or _looks_binary(sample):
        raise BinaryInput("the file is binary, not text", hint=f"give a UTF-8 {kind.upper()} file", item=str(p))
    limit = int(max_mb * 1024 * 1024)
    # [count, running]: JSONL counts per line, CSV keeps a running total (a row can span lines)
    replaced = [0, 0 if kind == "jsonl" else 1]
    with p.open("rb") as fh:
        lines = _utf8_lines(fh, replaced)
        items = read_jsonl(lines, str(p), replaced=replaced, strict=strict, columns=columns, note=note
                           ) if kind == "jsonl" else read_csv(lines, str(p), "\t" if p.suffix.lower() == ".tsv" else ",",
                                                              replaced=replaced, strict=strict, columns=columns, note=note)
        for item in items:
            if isinstance(item, RawDocument) and len(item.text) > limit:
                yield Failure(item.source, item.id, InputTooLarge.code,
                              f"{item.source}: the text is over the {max_mb:g} MB limit")
                continue
            yield item


def iter_folder(folder: Path, extensions: tuple[str, ...]) -> Iterator[Path | Failure]:
    """Files under ``folder`` with a known extension, depth first, each directory sorted; lazy.

    What cannot be read is yielded as a :class:`Failure` with its reason, and the walk goes on: a
    sub-folder that cannot be listed, and, among entries with a known extension, link loops,
    dangling links, FIFOs, sockets and devices. Links to folders are not followed (no loops)."""
    stack = [folder]
    while stack:
        d = stack.pop()
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            err = _os_error(d, exc)
            yield Failure(str(d), None, err.code, f"{d}: cannot list the folder: {err.message}")
            continue
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=False):
                    subdirs.append(Path(e.path))
                    continue
            except OSError:
                pass
            if os.path.splitext(e.name)[1].lower() not in extensions:
                continue
            path = Path(e.path)
            problem = file_problem(path)
            if problem is None:
                yield path
            elif not (isinstance(problem, UnreadableInput) and problem.message.startswith("is a folder")):
                yield Failure(str(path), None, problem.code, problem.one_line())
        stack.extend(reversed(subdirs))


def read_stdin(stream: BinaryIO | None = None, *, max_mb: float = 20, kind: str | None = None,
               strict_encoding: bool = False, columns: Columns | None = None, note: NoteFn | None = None
               ) -> Iterator[RawDocument | Failure]:
    """Standard input: a text, an HTML page, or JSONL (detected from the first bytes)."""
    data = (stream or sys.stdin.buffer).read(int(max_mb * 1024 * 1024) + 1)
    if len(data) > max_mb * 1024 * 1024:
        raise InputTooLarge(f"standard input is over the {max_mb:g} MB limit",
                            hint="split it, or raise the limit with NEWSGRAPH_INPUT_MAX_MB", item="stdin")
    text, replaced = decode(data, "stdin", strict=strict_encoding)
    if replaced:
        for item in _read_stdin_text(text, kind, columns, note):
            if isinstance(item, RawDocument):
                item.warnings.append(encoding_warning("stdin", replaced))
            yield item
        return
    yield from _read_stdin_text(text, kind, columns, note)


def _read_stdin_text(text: str, kind: str | None, columns: Columns | None = None, note: NoteFn | None = None
                     ) -> Iterator[RawDocument | Failure]:
    stripped = text.lstrip()
    if kind is None:
        if stripped.lower().startswith(("<!doctype html", "<html")):
            kind = "html"
        elif stripped.startswith("{") and _all_json_lines(stripped):
            kind = "jsonl"
        else:
            kind = "text"
    if kind == "html":
        yield from_html(text, source="stdin")
    elif kind == "jsonl":
        yield from read_jsonl(io.StringIO(text), "stdin", columns=columns, note=note)
    else:
        yield from_text(text, source="stdin")


def _all_json_lines(text: str) -> bool:
    for line in text.splitlines()[:3]:
        if line.strip():
            try:
                if not isinstance(load_json(line), dict):
                    return False
            except (json.JSONDecodeError, RecordTooComplex):
                return False
    return True


def read_inputs(paths: list[str], *, max_mb: float = 20, extensions: tuple[str, ...] = (".txt",),
                strict: bool = False, strict_encoding: bool = False, columns: Columns | None = None,
                note: NoteFn | None = None) -> Iterator[RawDocument | Failure]:
    """Read every path in turn: files, folders (walked lazily) and ``-`` (standard input).

    With ``strict`` a path given here that cannot be read raises; otherwise it is yielded as a
    :class:`Failure` and reading goes on (batch behaviour). Inside a folder a bad file is always a
    :class:`Failure` and the walk goes on. ``strict_encoding`` refuses bytes that are not UTF-8
    (NG111) instead of replacing them with a warning. ``columns`` maps JSONL fields and CSV columns
    (:class:`Columns`); ``note`` hears one line per JSONL/CSV source saying which field fed what.
    """
    for path in paths:
        if path == "-":
            sources: Iterator[Path | str | Failure] = iter(["-"])
            top = True
        else:
            p = Path(path)
            top = not p.is_dir()
            sources = iter_folder(p, extensions) if not top else iter([p])
        for src in sources:
            if isinstance(src, Failure):
                yield src
                continue
            try:
                if src == "-":
                    yield from read_stdin(max_mb=max_mb, strict_encoding=strict_encoding, columns=columns, note=note)
                else:
                    yield from read_file(src, max_mb=max_mb, strict_encoding=strict_encoding, columns=columns,
                                         note=note)
            except InputError as exc:
                if strict and top:
                    raise
                yield Failure(str(src), None, exc.code, exc.one_line())


def count_items(paths: list[str], extensions: tuple[str, ...]) -> int | None:
    """How many articles ``paths`` hold, counted without parsing them (for a progress bar's total):
    one per file, one per non-blank JSONL line, one per CSV row. None when unknown (standard input)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        p = Path(path)
        files = (f for f in iter_folder(p, extensions) if isinstance(f, Path)) if p.is_dir() else iter([p])
        for f in files:
            kind = f.suffix.lower()
            try:
                if kind in JSONL_EXT:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                elif kind in CSV_EXT:
                    csv.field_size_limit(sys.maxsize)
                    with f.open(encoding="utf-8", errors="replace", newline="") as fh:
                        total += max(0, sum(1 for _ in csv.reader(fh, delimiter="\t" if kind == ".tsv" else ",")) - 1)
                else:
                    total += 1
            except (OSError, csv.Error):
                total += 1  # the reader reports it as one failed item
    return total


__all__ = ["MAX_JSON_DEPTH", "MAX_JSON_DIGITS", "PARTS", "Columns", "Decoded", "count_items", "decode", "decode_bytes",
           "decode_utf8", "encoding_warning", "file_problem", "from_html", "from_text", "iter_folder", "kind_of", "load_json",
           "mapping_note", "read_csv", "read_file", "read_inputs", "read_jsonl", "read_stdin"]
