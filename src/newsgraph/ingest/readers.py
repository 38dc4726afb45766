"""Readers: turn a path, a folder, standard input or a string into :class:`RawDocument` items.

Every reader is lazy (a generator): a folder of 100,000 files or a JSONL file of a million
lines is read one item at a time. A bad item inside a batch is yielded as a
:class:`~newsgraph.pipeline.Failure` (code and reason) and reading goes on; a source that cannot
be read at all raises an :class:`~newsgraph.errors.InputError`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import (
    BadHTML,
    BadRecord,
    BinaryInput,
    EmptyInput,
    InputError,
    InputNotFound,
    InputTooLarge,
    MissingColumn,
    UnsupportedInput,
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

def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode ``data`` as text: UTF-8 (with or without BOM), else the detected encoding.

    Raises :class:`EmptyInput` for nothing but whitespace and :class:`BinaryInput` for bytes that
    are not text in any encoding (NUL bytes, images, archives).
    """
    if not data.strip():
        raise EmptyInput("the input is empty", hint="give a file with article text", item=name)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    sample = data[:8192]
    if b"\x00" in sample or _looks_binary(sample):
        raise BinaryInput("the input is binary, not text", hint="give a text, HTML, JSONL or CSV file",
                          item=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BinaryInput("the input is not text in any encoding newsgraph can detect",
                          hint="convert it to UTF-8 first (e.g. iconv -t utf-8)", item=name)
    return str(best)


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

def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in obj.items()}
    for k in keys:
        v = lowered.get(k)
        if v not in (None, ""):
            return v
    return None


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for field, keys in META_KEYS.items():
        v = _pick(obj, keys)
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


def read_jsonl(stream: io.TextIOBase | Iterator[str], source: str) -> Iterator[RawDocument | Failure]:
    """One document per JSON line; a bad line yields a :class:`Failure` and reading goes on."""
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, None, BadRecord.code,
                          f"{where}: line {lineno} is not JSON ({exc.msg}) (write one JSON object per line)")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, None, BadRecord.code,
                          f"{where}: line {lineno} is a JSON {type(obj).__name__}, not an object "
                          "(write objects like {\"text\": ...})")
            continue
        meta = _meta(obj)
        text = _pick(obj, TEXT_COLUMNS)
        if not isinstance(text, str) or not text.strip():
            yield Failure(where, meta["id"], BadRecord.code,
                          f"{where}: line {lineno} has no \"text\" (every object needs a non-empty \"text\")")
            continue
        yield RawDocument(text=text, source=where, format="jsonl", **meta)


def read_csv(stream: io.TextIOBase, source: str, delimiter: str = ",") -> Iterator[RawDocument | Failure]:
    """One document per row; the file needs a ``text`` column (or body/content/article)."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(stream, delimiter=delimiter)
    columns = [c.lower().strip() for c in (reader.fieldnames or [])]
    if not any(c in TEXT_COLUMNS for c in columns):
        raise MissingColumn(f"the CSV has no text column (columns: {', '.join(columns) or 'none'})",
                            hint="name the article text column 'text'", item=source)
    for rowno, row in enumerate(reader, 2):
        where = f"{source}:{rowno}"
        row = {str(k).lower().strip(): v for k, v in row.items() if k is not None}
        meta = _meta(row)
        text = _pick(row, TEXT_COLUMNS)
        if not text or not str(text).strip():
            yield Failure(where, meta["id"], BadRecord.code, f"{where}: row {rowno} has an empty text column")
            continue
        yield RawDocument(text=str(text), source=where, format="csv", **meta)


def read_file(path: str | Path, *, max_mb: float = 20) -> Iterator[RawDocument | Failure]:
    """Read one file of any supported kind."""
    p = Path(path)
    if not p.exists():
        raise InputNotFound(f"no such file or folder: {p}", hint="check the path")
    if not p.is_file():
        raise UnsupportedInput(f"{p} is not a regular file", hint="give a file, a folder or -")
    with p.open("rb") as fh:
        head = fh.read(4096)
    kind = kind_of(p, head)
    if kind in ("jsonl", "csv"):
        # streamed: the size limit applies to each record's text, not to the file
        yield from _read_stream_file(p, kind, max_mb)
        return
    _check_size(p, max_mb)
    text = decode_bytes(p.read_bytes(), str(p))
    if kind == "html":
        yield from_html(text, source=str(p))
    else:
        yield from_text(text, source=str(p))


def _read_stream_file(p: Path, kind: str, max_mb: float) -> Iterator[RawDocument | Failure]:
    if p.stat().st_size == 0:
        raise EmptyInput("the file is empty", hint="give a file with one JSON object or CSV row per article",
                         item=str(p))
    with p.open("rb") as fh:
        sample = fh.read(8192)
    if b"\x00" in sample or _looks_binary(sample):
        raise BinaryInput("the file is binary, not text", hint=f"give a UTF-8 {kind.upper()} file", item=str(p))
    encoding = "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a character cut at the sample's end
            from charset_normalizer import from_bytes

            best = from_bytes(sample).best()
            encoding = best.encoding if best else "latin-1"
    limit = int(max_mb * 1024 * 1024)
    with p.open("r", encoding=encoding, errors="replace", newline="") as fh:
        items = read_jsonl(fh, str(p)) if kind == "jsonl" else read_csv(
            fh, str(p), "\t" if p.suffix.lower() == ".tsv" else ",")
        for item in items:
            if isinstance(item, RawDocument) and len(item.text) > limit:
                yield Failure(item.source, item.id, InputTooLarge.code,
                              f"{item.source}: the text is over the {max_mb:g} MB limit")
                continue
            yield item


def iter_folder(folder: Path, extensions: tuple[str, ...]) -> Iterator[Path]:
    """Files under ``folder`` with a known extension, depth first, each directory sorted; lazy."""
    stack = [folder]
    while stack:
        d = stack.pop()
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            if e.is_dir(follow_symlinks=False):
                subdirs.append(Path(e.path))
            elif e.is_file() and os.path.splitext(e.name)[1].lower() in extensions:
                yield Path(e.path)
        stack.extend(reversed(subdirs))


def read_stdin(stream: BinaryIO | None = None, *, max_mb: float = 20, kind: str | None = None
               ) -> Iterator[RawDocument | Failure]:
    """Standard input: a text, an HTML page, or JSONL (detected from the first bytes)."""
    data = (stream or sys.stdin.buffer).read(int(max_mb * 1024 * 1024) + 1)
    if len(data) > max_mb * 1024 * 1024:
        raise InputTooLarge(f"standard input is over the {max_mb:g} MB limit",
                            hint="split it, or raise the limit with NEWSGRAPH_INPUT_MAX_MB", item="stdin")
    text = decode_bytes(data, "stdin")
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
        yield from read_jsonl(io.StringIO(text), "stdin")
    else:
        yield from_text(text, source="stdin")


def _all_json_lines(text: str) -> bool:
    for line in text.splitlines()[:3]:
        if line.strip():
            try:
                if not isinstance(json.loads(line), dict):
                    return False
            except json.JSONDecodeError:
                return False
    return True


def read_inputs(paths: list[str], *, max_mb: float = 20, extensions: tuple[str, ...] = (".txt",),
                strict: bool = False) -> Iterator[RawDocument | Failure]:
    """Read every path in turn: files, folders (walked lazily) and ``-`` (standard input).

    With ``strict`` an unreadable path raises; otherwise it is yielded as a :class:`Failure` and
    reading goes on (batch behaviour).
    """
    for path in paths:
        if path == "-":
            sources: Iterator[Path | str] = iter(["-"])
        else:
            p = Path(path)
            sources = iter_folder(p, extensions) if p.is_dir() else iter([p])
        for src in sources:
            try:
                if src == "-":
                    yield from read_stdin(max_mb=max_mb)
                else:
                    yield from read_file(src, max_mb=max_mb)
            except InputError as exc:
                if strict:
                    raise
                yield Failure(str(src), None, exc.code, exc.one_line())


__all__ = ["decode_bytes", "from_html", "from_text", "iter_folder", "kind_of", "read_csv", "read_file", "read_inputs",
           "read_jsonl", "read_stdin"]
