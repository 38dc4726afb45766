"""Hostile inputs, generated when the tests run (none is stored in the repository).

Each :class:`Case` writes one input under a folder and returns the path to hand to newsgraph: a
file, a folder, or an odd file-system object. The families: huge, empty, binary, mixed and invalid
encodings, unbalanced quotation marks (straight, curly, guillemets, low-9, ASCII doubled), deep
JSON, giant numbers, control characters, right-to-left marks, run-on sentences of 100,000 tokens,
zip bombs and pathological HTML, and file-system objects (FIFOs, sockets, devices, link loops).
``fast`` cases (cheap, one of each family) run in ``make test``; all run in ``make test-slow``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import socket
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WORDS = ["the", "minister", "said", "that", "talks", "with", "Moscow", "would", "resume", "on", "Monday", "while", "officials", "in", "Kyiv", "warned", "of", "new", "strikes", "and", "NATO", "allies", "agreed", "to", "send", "more", "aid", "to", "Ukraine"]
NAMES = ["Vladimir Putin", "Joe Biden", "NATO", "the Kremlin", "Alexander Lukashenko", "Kyiv", "the CSTO"]
MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "‹", "›", "„", "‚", "``", "''", "「", "」"]


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]
    fast: bool = False
    budget: float = 20.0  # [input] max_seconds for this input


def prose(n_chars: int, seed: int = 0) -> str:
    """Plausible news prose of about ``n_chars`` characters, in paragraphs."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_chars:
        sent = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25)))
        sent = f"{rng.choice(NAMES)} {sent}, {rng.choice(NAMES)} said."
        out.append(sent)
        size += len(sent) + 1
        if rng.random() < 0.25:
            out.append("\n\n")
    return " ".join(out)


def _file(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        p = folder / name
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return p

    return make


def _lazy(name: str, build: Callable[[], bytes | str]) -> Callable[[Path], Path]:
    """Like :func:`_file`, but the content is built only when the case runs (big inputs)."""
    def make(folder: Path) -> Path:
        return _file(name, build())(folder)

    return make


def _jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------- families

def huge() -> list[Case]:
    return [
        Case("huge-2mb-prose", _lazy("big.txt", lambda: prose(2_000_000, 1)), budget=15),
        Case("huge-19mb-prose", _lazy("bigger.txt", lambda: prose(19 * 1024 * 1024, 2)), budget=15),
        Case("huge-2mb-one-line", _lazy("line.txt", lambda: prose(2_000_000, 3).replace("\n", " ")), budget=15),
        Case("huge-1mb-one-word", _lazy("word.txt", lambda: "a" * 1_000_000), budget=15),
        Case("huge-300kb-straight-quotes", _lazy("q.txt", lambda: '"' * 300_000), budget=15),
        Case("huge-300kb-mixed-spaced-marks", _lazy("qmix.txt", lambda: ("“ « „ ‘ ‚ ‹ ' \" ” » ’ › `` '' x " * 12_000)[:300_000]),
             budget=15),
        Case("huge-jsonl-record-2mb", _lazy("big.jsonl", lambda: _jsonl(json.dumps({"id": "big", "text": prose(2_000_000, 4)}))),
             budget=15),
        Case("huge-over-limit-21mb", _lazy("limit.txt", lambda: b"x " * (21 * 512 * 1024)), budget=15),
        Case("huge-60kb-prose", _file("medium.txt", prose(60_000, 5)), fast=True),
    ]


def empty() -> list[Case]:
    out = [Case("empty-file", _file("empty.txt", b""), fast=True)]
    for i, blank in enumerate([" ", "\n\n\n", "\t \r\n", "\ufeff", "\u200b\u200b", "\u00a0\u3000", "Also Read\n\nComments are closed.",
                               "---\ntitle: only front matter\n---\n", "<html><body></body></html>"]):
        out.append(Case(f"empty-{i}", _file(f"blank{i}.{'html' if blank.startswith('<') else 'txt'}", blank), fast=i == 1))
    out += [Case("empty-jsonl", _file("e.jsonl", b"\n\n"), fast=True),
            Case("empty-jsonl-text", _file("e2.jsonl", _jsonl('{"text": ""}', '{"text": "   "}', '{"id": "x"}'))),
            Case("empty-csv-header-only", _file("e.csv", b"id,text\n")),
            Case("empty-csv-no-text-column", _file("e2.csv", b"id,title\n1,Hello\n"))]
    return out


def binary() -> list[Case]:
    out = []
    for seed in range(12):
        rng = random.Random(seed)
        out.append(Case(f"binary-random-{seed}", _file(f"r{seed}.txt", bytes(rng.randrange(256) for _ in range(rng.randint(10, 20000)))),
                        fast=seed == 0))
    gz = gzip.compress(b"<html><body><p>" + b"A" * 2_000_000 + b"</p></body></html>")
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.html", "<p>" + "B" * 5_000_000 + "</p>")
    out += [Case("binary-png", _file("img.txt", b"\x89PNG\r\n\x1a\n" + bytes(300)), fast=True),
            Case("binary-pdf", _file("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4)),
            Case("binary-nul-text", _file("nul.txt", b"Talks\x00resumed\x00in Geneva.")),
            Case("binary-utf16-no-bom", _file("u16.txt", prose(3000, 6).encode("utf-16-le"))),
            Case("binary-utf32", _file("u32.txt", prose(3000, 7).encode("utf-32"))),
            Case("binary-jsonl", _file("b.jsonl", bytes(range(256)) * 8)),
            Case("binary-csv", _file("b.csv", b"\x00\x01" * 500)),
            Case("zip-bomb-gzip-as-html", _file("bomb.html", gz), fast=True),
            Case("zip-bomb-zip-as-html", _file("bomb2.html", zbuf.getvalue()))]
    return out


def encodings() -> list[Case]:
    text = "Der Außenminister sprach über die Lage in Kyjiw; « la situation » est grave — 情况严重."
    out = []
    for codec in ("cp1252", "latin-1", "cp1251", "shift_jis", "gb18030", "koi8-r", "iso-8859-7", "mac-roman"):
        try:
            data = text.encode(codec, errors="replace")
        except LookupError:
            continue
        out.append(Case(f"encoding-{codec}", _file(f"enc-{codec}.txt", data), fast=codec == "cp1252"))
    bad = [b"\xc3\x28", b"\xa0\xa1", b"\xe2\x28\xa1", b"\xe2\x82\x28", b"\xf0\x28\x8c\xbc", b"\xf8\xa1\xa1\xa1\xa1",
           b"\xed\xa0\x80", b"\xc0\xaf", b"\xef\xbf\xbf", b"\xf4\x90\x80\x80", b"\x80" * 50, b"\xff\xfe\xfd"]
    for i, seq in enumerate(bad):
        out.append(Case(f"encoding-invalid-{i}", _file(f"inv{i}.txt", b"Talks in Geneva " + seq + b" resumed on Monday."),
                        fast=i == 6))
    mixed = (b"Ministers met. " + "Außenminister".encode("cp1252") + b" und " + "Kyjiw".encode("utf-16-le"))
    out += [Case("encoding-mixed", _file("mixed.txt", mixed)),
            Case("encoding-bom-then-cp1252", _file("bom.txt", b"\xef\xbb\xbf" + text.encode("cp1252", errors="replace"))),
            Case("encoding-jsonl-invalid-bytes", _file("inv.jsonl", b'{"text": "Talks in K\xf6ln ended."}\n{"text": "Fine."}\n')),
            Case("encoding-csv-invalid-bytes", _file("inv.csv", b"id,text\n1,M\xfcnchen talks\n2,Fine.\n")),
            Case("encoding-jsonl-surrogates", _file("sur.jsonl", _jsonl(json.dumps({"id": "s\ud800", "text": "Talks \udfff ended.",
                                                                                     "title": "\ud83d"}))), fast=True)]
    return out


def quotes() -> list[Case]:
    out = []
    for seed in range(30):
        rng = random.Random(100 + seed)
        words = []
        for _ in range(rng.randint(50, 3000)):
            w = rng.choice(WORDS + NAMES)
            if rng.random() < 0.3:
                m = rng.choice(MARKS)
                w = m + w if rng.random() < 0.5 else w + m
            if rng.random() < 0.02:
                w += "\n\n"
            words.append(w)
        out.append(Case(f"quotes-random-{seed}", _file(f"q{seed}.txt", " ".join(words)), fast=seed == 0))
    for m in MARKS:
        name = "".join(f"{ord(c):x}" for c in m)
        out.append(Case(f"quotes-only-{name}", _file(f"only-{name}.txt", f"{m}Putin said {m}" * 400 + m * 2000)))
    out += [
        Case("quotes-unclosed-at-start", _file("open.txt", "“" + prose(20_000, 8)), fast=True),
        Case("quotes-guillemets-nested", _file("guil.txt", "« Il a dit « non » et « oui » » " * 500)),
        Case("quotes-low9", _file("low9.txt", "„Das ist gut“, sagte Scholz. ‚Nein‘, sagte er. " * 300)),
        Case("quotes-ascii-doubled", _file("ascii.txt", "``We will win,'' he said. ``No'' " * 400)),
        Case("quotes-said-chain", _file("chain.txt", " ".join(f"{rng_name(i)} said “{WORDS[i % len(WORDS)]}”" for i in range(3000)))),
        Case("quotes-said-chain-no-marks", _file("chain2.txt", " ".join(f"{rng_name(i)} said that" for i in range(5000)) + " it rained.")),
        Case("quotes-spaced-nested-openers", _file("spaced.txt", "\" 'Call me,' I said, \" 'no,' she said. " * 2000)),
        Case("quotes-one-paragraph-many", _file("para.txt", " ".join(f"“Point {i},” said Putin." for i in range(3000)))),
    ]
    return out


def rng_name(i: int) -> str:
    return NAMES[i % len(NAMES)]


def deep_json() -> list[Case]:
    out = []
    for depth in (65, 100, 1000, 10_000, 100_000):
        line = '{"text": "Talks resumed.", "deep": ' + "[" * depth + "]" * depth + "}"
        out.append(Case(f"json-depth-{depth}", _file(f"d{depth}.jsonl", _jsonl(line, json.dumps({"text": "Fine."}))),
                        fast=depth == 100_000))
    out += [Case("json-deep-objects", _file("do.jsonl", _jsonl('{"text": "x", "a": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}"))),
            Case("json-deep-as-text", _file("dt.jsonl", _jsonl('{"text": ' + "[" * 2000 + '"x"' + "]" * 2000 + "}"))),
            Case("json-unbalanced", _file("ub.jsonl", _jsonl("[" * 100_000, "{" * 50_000, '{"text": "ok"}'))),
            Case("json-top-level-array", _file("arr.jsonl", _jsonl("[1, 2, 3]", '"just a string"', "null", "42"))),
            Case("json-duplicate-keys", _file("dup.jsonl", _jsonl('{"text": "a", "text": "Talks ended.", "id": 1, "id": [1]}'))),
            Case("json-non-string-fields", _file("ns.jsonl", _jsonl(json.dumps({"text": "Talks.", "id": {"a": 1},
                                                                                   "published": [2022], "title": 3.5, "url": None}))))]
    return out


def numbers() -> list[Case]:
    out = []
    for digits in (101, 500, 4300, 5000, 100_000):
        for where in ("id", "published", "extra"):
            line = '{"text": "Talks resumed in Geneva.", "' + where + '": ' + "9" * digits + "}"
            out.append(Case(f"number-{where}-{digits}", _file(f"n-{where}-{digits}.jsonl", _jsonl(line)),
                            fast=(digits, where) == (5000, "id")))
    out += [Case("number-float-huge", _file("f.jsonl", _jsonl('{"text": "Talks.", "x": 1e999999, "y": -1e-999999}'))),
            Case("number-nan", _file("nan.jsonl", _jsonl('{"text": "Talks.", "x": NaN, "y": Infinity, "z": -Infinity}'))),
            Case("number-long-fraction", _file("fr.jsonl", _jsonl('{"text": "Talks.", "x": 0.' + "1" * 5000 + "}"))),
            Case("number-as-text", _file("nt.jsonl", _jsonl('{"text": ' + "1" * 5000 + "}"))),
            Case("number-csv", _file("n.csv", ("id,published,text\n" + "9" * 5000 + "," + "9" * 5000 + ",Talks ended.\n").encode()))]
    return out


def controls() -> list[Case]:
    out = []
    for c in [*list(range(0, 32)), 127, *list(range(128, 160)), 8232, 8233, 65279, 65534, 65535]:
        if c in (9, 10, 13):
            continue
        ch = chr(c)
        text = f"Vladimir Putin{ch} said on{ch}{ch} Monday that “talks{ch}” would resume.{ch}\n{ch}NATO{ch} agreed."
        out.append(Case(f"control-{c:04x}", _file(f"c{c:04x}.txt", text.encode("utf-8", "surrogatepass")),
                        fast=c in (0x0b, 0x85, 0x2028)))
    out += [Case("control-jsonl-escaped", _file("ce.jsonl", _jsonl(json.dumps({"text": "Talks\u0000in\u0007Geneva\u001b[31m ended.",
                                                                                 "id": "ctl"})))),
            Case("control-jsonl-id", _file("cid.jsonl", _jsonl(json.dumps({"text": "Talks ended.", "id": "a\nb\x00c"}))), fast=True),
            Case("control-ansi", _file("ansi.txt", "\x1b[2J\x1b[31mPutin\x1b[0m said hello. " * 200))]
    return out


def rtl() -> list[Case]:
    marks = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c"]
    out = []
    for i, m in enumerate(marks):
        text = f"{m}Vladimir Putin{m} said {m}“no”{m}. " * 300
        out.append(Case(f"rtl-{ord(m):04x}", _file(f"rtl{i}.txt", text), fast=m == "\u202e"))
    out += [Case("rtl-arabic", _file("ar.txt", "قال الرئيس فلاديمير بوتين إن المحادثات ستستأنف. " * 500)),
            Case("rtl-hebrew-mixed", _file("he.txt", "אמר ראש הממשלה “Netanyahu” said שלום. " * 500)),
            Case("rtl-override-names", _file("ov.txt", "\u202enitup rimidalv\u202c met \u202eOTAN\u202c in Brussels. " * 300))]
    return out


def run_ons() -> list[Case]:
    rng = random.Random(7)
    return [
        Case("runon-100k-tokens", _lazy("runon.txt", lambda: " ".join(rng.choice([*WORDS, "Putin", "NATO"]) for _ in range(100_000))),
             budget=15),
        Case("runon-100k-names", _lazy("names.txt", lambda: " ".join(["Putin"] * 100_000)), budget=15),
        Case("runon-100k-commas", _lazy("commas.txt", lambda: ", ".join(rng.choice(WORDS) for _ in range(100_000))), budget=15),
        Case("runon-5k-tokens", _file("runon5k.txt", " ".join(rng.choice(WORDS + NAMES) for _ in range(5000))), fast=True),
        Case("runon-long-word-punct", _file("punct.txt", "!?" * 20_000)),
        Case("runon-emoji", _file("emoji.txt", "😀" * 20_000 + " Putin said hello.")),
        Case("runon-cjk", _file("cjk.txt", "普京说谈判将在星期一恢复" * 3000)),
        Case("runon-combining", _file("comb.txt", "a" + "\u0301" * 20_000 + " Putin said.")),
    ]


def html() -> list[Case]:
    body = prose(5000, 9)
    out = [
        Case("html-nested-divs-10k", _file("n10k.html", "<html><body>" + "<div>" * 10_000 + body + "</div>" * 10_000 + "</body></html>"),
             fast=True),
        Case("html-nested-divs-100k", _file("n100k.html", "<html><body>" + "<div>" * 100_000 + body + "</body></html>")),
        Case("html-billion-laughs", _file("laughs.xhtml", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                                            + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                                                      for i in range(1, 10))
                                            + ']><html><body><p>&lol9;</p><p>' + body + "</p></body></html>"), fast=True),
        Case("html-external-entity", _file("xxe.xhtml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                                          '<html><body><p>&e;</p><p>' + body + "</p></body></html>")),
        Case("html-huge-attribute", _file("attr.html", '<html><body><p title="' + "x" * 2_000_000 + '">' + body + "</p></body></html>")),
        Case("html-huge-comment", _file("comm.html", "<html><body><!--" + "y" * 2_000_000 + "--><p>" + body + "</p></body></html>")),
        Case("html-many-paragraphs", _file("many.html", "<html><body>" + "<p>Putin said “no”.</p>" * 50_000 + "</body></html>")),
        Case("html-script-only", _file("script.html", "<html><head><script>" + "var a=1;" * 100_000 + "</script></head><body></body></html>")),
        Case("html-data-url", _file("data.html", '<html><body><img src="data:image/png;base64,' + "A" * 1_000_000 + '"><p>' + body
                                    + "</p></body></html>")),
        Case("html-unclosed-everything", _file("unclosed.html", "<html><body><p><b><i><table><tr><td>" * 2000 + body)),
        Case("html-meta-charset-lie", _file("lie.html", b'<html><head><meta charset="utf-16"></head><body><p>'
                                            + "Außenminister sprach.".encode("cp1252") + b"</p></body></html>")),
        Case("html-xss-payloads", _file("xss.html", '<html><head><title><script>alert(1)</script></title>'
                                        '<link rel="canonical" href="javascript:alert(2)"></head><body><article><h1>'
                                        '<img src=x onerror=alert(3)></h1><p>' + body + "</p></article></body></html>")),
        Case("html-nul-bytes", _file("nul.html", b"<html><body><p>Talks\x00\x00 resumed.</p></body></html>")),
    ]
    return out


def fs_objects() -> list[Case]:
    def fifo(folder: Path) -> Path:
        p = folder / "pipe.txt"
        os.mkfifo(p)
        return p

    def sock(folder: Path) -> Path:
        p = folder / "sock.txt"
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(p))
        s.close()
        return p

    def link(target: str, name: str) -> Callable[[Path], Path]:
        def make(folder: Path) -> Path:
            p = folder / name
            os.symlink(target, p)
            return p

        return make

    def loop2(folder: Path) -> Path:
        os.symlink("b.txt", folder / "a.txt")
        os.symlink("a.txt", folder / "b.txt")
        return folder / "a.txt"

    def folder_of(*makers: Callable[[Path], Path]) -> Callable[[Path], Path]:
        def make(folder: Path) -> Path:
            d = folder / "tree"
            d.mkdir()
            for m in makers:
                m(d)
            (d / "good.txt").write_text(prose(800, 10), "utf-8")
            return d

        return make

    def unreadable(folder: Path) -> Path:
        p = folder / "locked.txt"
        p.write_text("Nobody may read this.", "utf-8")
        p.chmod(0)
        return p

    def odd_name(raw: bytes) -> Callable[[Path], Path]:
        def make(folder: Path) -> Path:
            p = folder / os.fsdecode(raw)
            p.write_text(prose(500, 11), "utf-8")
            return p

        return make

    def dir_loop(folder: Path) -> Path:
        d = folder / "loopdir"
        d.mkdir()
        os.symlink("..", d / "up")
        os.symlink(".", d / "self")
        (d / "x.txt").write_text("Talks ended.", "utf-8")
        return d

    def dir_named_txt(folder: Path) -> Path:
        d = folder / "folder.txt"
        d.mkdir()
        return d

    return [
        Case("fs-fifo", fifo, fast=True),
        Case("fs-socket", sock),
        Case("fs-dev-zero", link("/dev/zero", "zero.txt"), fast=True),
        Case("fs-dev-null", link("/dev/null", "null.txt")),
        Case("fs-dev-urandom", link("/dev/urandom", "urandom.txt")),
        Case("fs-self-loop", link("self.txt", "self.txt"), fast=True),
        Case("fs-two-link-loop", loop2),
        Case("fs-dangling", link("missing.txt", "dangling.txt")),
        Case("fs-unreadable", unreadable),
        Case("fs-folder-of-odd-things", folder_of(fifo, sock, link("self.txt", "self.txt"), unreadable,
                                                  link("/dev/zero", "zero.txt"), link("missing.txt", "dangling.txt")), fast=True),
        Case("fs-dir-loop", dir_loop),
        Case("fs-folder-named-txt", dir_named_txt),
        Case("fs-name-not-utf8", odd_name(b"caf\xe9-\xff.txt")),
        Case("fs-name-newline", odd_name(b"line\nbreak.txt")),
        Case("fs-name-long", odd_name(b"n" * 240 + b".txt")),
        Case("fs-name-leading-dash", odd_name(b"--db=evil.txt")),
        Case("fs-proc-file", link("/proc/self/mem", "mem.txt")),
    ]


def cases() -> list[Case]:
    out = huge() + empty() + binary() + encodings() + quotes() + deep_json() + numbers() + controls() + rtl() + run_ons() + html() \
        + fs_objects()
    names = [c.name for c in out]
    assert len(names) == len(set(names)), "case names repeat"
    return out


__all__ = ["Case", "cases", "prose"]
