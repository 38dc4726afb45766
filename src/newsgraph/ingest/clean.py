"""The ``ingest`` step: clean the raw text, find the headline and the dateline, fix the date and id.

The cleaned text is what every offset indexes into. Cleaning works on whole lines: site
boilerplate lines ("Also Read", "Comments are closed.", share/subscribe lines, cookie notices)
and lines that link to other stories ("More: <headline>", a video player's list entry) are
dropped, whitespace inside lines is normalised, and runs of blank lines collapse to one
blank line. The headline stays in the text as its first line (the headline is a sentence too).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from .. import limits
from ..errors import BadDate, BadRecord, EmptyInput
from ..model import Analysis, Article, RawDocument, Span, content_hash, scrub
from ..pipeline import Context, component

# ------------------------------------------------------------------------------------------------
# boilerplate
# ------------------------------------------------------------------------------------------------

_BOILERPLATE = [
    r"also read:?",
    r"read (also|more|next)\b.{0,80}",
    r"(related|recommended|trending|popular)( (stories|articles|news|posts|reading|content))?:?",
    r"(you may|you might|we think you('ll| will)) (also )?like.{0,40}",
    r"comments? (are|is) closed\.?",
    r"(leave|post|add|write) a (comment|reply).{0,40}",
    r"\d+ comments?",
    r"(share|tweet|email|print|save)( (this|the) (article|story|post|page))?( on \w+)?\.?",
    r"share (on|via) (facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit).{0,40}",
    r"(facebook|twitter|whatsapp|linkedin|telegram|pinterest|reddit|email|copy link)( \| ?\w+){0,8}",
    r"(follow|like) us on .{1,80}",
    r"(subscribe|sign up)( now)?( (to|for) (our|the) (free )?(daily |weekly )?(newsletter|updates|channel).{0,80})?\.?",
    r"(get|receive) (our|the) (latest|daily|weekly) .{0,60}(newsletter|updates|inbox).{0,40}",
    r"(click|tap) here .{0,80}",
    r"advertisement|sponsored( content)?|ad feedback|story continues below( advertisement)?",
    r"(this|our) (website|site) uses cookies.{0,200}",
    r"we use cookies.{0,200}",
    r"(accept|reject|manage) (all )?cookies.{0,40}",
    r"(all rights reserved|copyright ©|© \d{4}).{0,120}",
    r"(download|get) (the|our) app.{0,80}",
    r"(watch|listen)( now)?:.{0,80}",
    r"(skip to (main )?content|back to top|scroll to top)\.?",
    r"(tags?|topics?|filed under):.{0,120}",
    r"(first published|last updated|updated)( on)?:? .{0,60}",
    r"photo:? .{0,120}(getty|reuters|ap|afp|file)( images)?\)?\.?",
]
BOILERPLATE_RE = re.compile(r"^\W{0,3}(?:" + "|".join(_BOILERPLATE) + r")\W{0,3}$", re.IGNORECASE)
_MAX_BOILERPLATE_LINE = 200

# links to other pages that a site leaves in the running text: a label and another story's headline
# ("More: <headline>", "( Also on <site>: <headline>)", "Read or Share this story: <url>"), or a
# video player's list entry ("JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 02:11"),
# or a wire photo's caption ("FILE PHOTO: <what it shows>. REUTERS/<photographer>").
# The headline names people and has colons and quotation marks, so read as text it gives quotes and
# events that are not this article's. The labels are matched with their case: "More:" opening a line
# is a link, "more" in a sentence is not.
_LINK_LINES = [
    r"\(\s?Also on [^:()]{2,40}: [^()]{3,250}\)?",
    r"Read or [Ss]hare this story: \S+",
    r"More [Oo]n [Tt]his(?:\.{3}|…).{0,250}",
    r"(?:More|MORE|Related|RELATED|Read [Mm]ore|READ MORE|See [Aa]lso|SEE ALSO|Also [Rr]ead|ALSO READ"
    r"|Related [Cc]overage|RELATED COVERAGE):\s?\S.{0,250}",
    r"JUST WATCHED .{1,250}? Replay More Videos (?:\.{3}|…) MUST WATCH .{1,250}",
    # a wire photo's caption left in the text ("FILE PHOTO: <what it shows>. REUTERS/<photographer>",
    # also "FILE PHOTO - <what it shows> ...")
    r"(?:FILE PHOTO|PHOTO|File [Pp]hoto)(?::| [-–—]) .{10,600}",
]
LINK_LINE_RE = re.compile(r"^(?:" + "|".join(_LINK_LINES) + r")$")
_MAX_LINK_LINE = 650

# characters that only take space or break offsets: zero-width, soft hyphen, BOM, and the
# bidirectional marks, embeddings, overrides and isolates (display hints: they glue words to
# punctuation for the tokenizer and can disguise text in a reader's display)
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


# a run of punctuation or symbols longer than this gets a space every PUNCT_RUN characters: spaCy's
# tokenizer peels prefixes and suffixes off a whitespace-free chunk one at a time, copying the rest
# each time, so its cost grows with the square of such a run (300 KB of quotation marks: hours)
PUNCT_RUN = 64
_PUNCT_RUN = re.compile(rf"[^\w\s]{{{PUNCT_RUN + 1},}}")


def _break_run(m: re.Match[str]) -> str:
    run = m.group()
    return " ".join(run[i:i + PUNCT_RUN] for i in range(0, len(run), PUNCT_RUN))


def break_runs(line: str) -> str:
    """``line`` with a space every :data:`PUNCT_RUN` characters of a longer run of punctuation."""
    return _PUNCT_RUN.sub(_break_run, line)


# a sentence glued to the next one at a quotation mark ('... he intended."Smith contends'): the page
# lost the space there, and the tokenizer reads the mark and the next word as one token, so the
# sentence has no subject. A curly mark says which side it belongs to. A straight one is read from
# the marks before it on the line: one with a space on one side opens or closes a quotation by that
# side, a curly one by its shape, others toggle; after an open quotation the glued mark closes it
_MARKS = re.compile(r'["“”]')
_GLUED_AFTER = ".?!,"


def unglue_quotes(line: str) -> str:
    """``line`` with a space between a sentence's end and a quotation mark glued to the next word
    ("...intended."Smith", "...intended.""Next")."""
    if '"' not in line and "“" not in line and "”" not in line:
        return line
    out, pos, is_open = [], 0, False
    for m in _MARKS.finditer(line):
        i, mark = m.start(), m.group()
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        glued = (before in _GLUED_AFTER or (before in '"”' and i > 1 and line[i - 2] in _GLUED_AFTER)) and (
            after.isupper() or (after in '"“' and line[i + 2:i + 3].isupper()))
        if mark == "“":
            closing = False
        elif mark == "”":
            closing = True
        elif glued:
            closing = is_open
        elif before.isspace() or before in "([{—–-":
            closing = False
        elif after.isspace() or after in ".,;:!?)]}—–-":
            closing = True
        else:
            closing = is_open
        if glued:
            spaced = pos == i and bool(out) and out[-1].endswith(" ")  # (after a glued closing mark)
            out.append(line[pos:i])
            out.append(f"{mark} " if closing else mark if spaced else f" {mark}")
            pos = i + 1
        is_open = not closing
    out.append(line[pos:])
    return "".join(out)


# share buttons a site glues to the start of a photo caption ("Facebook Twitter Pinterest <caption>"):
# three or more services in a row open the line (or are all of it); the caption after them is the
# article's
_SHARE_PREFIX = re.compile(r"^(?:(?:Facebook|Twitter|Pinterest|LinkedIn|WhatsApp|Email|Reddit|Messenger|Tumblr)(?:\s+|$)){3,}")


# labels a site leaves at the start of a line, before a caption: a video player's notice that the
# clip cannot play here, and a picture's credit ("Image copyright <credit> Image caption <caption>").
# The credit is the photographer's or the agency's, not a party to the story (read as text, "Reuters"
# or "Getty Images" became an actor and the sayer of the caption's words). The caption stays with its
# label, which tells the quotation finder that a caption names who speaks (speaker._caption_label)
_PLAYBACK = re.compile(r"Media playback is (?:unsupported|not supported) on (?:your|this) device\s*")
_CAPTION = re.compile(r"(?:^|\s)((?:Image|Media) caption\s)")
_CREDIT_ONLY = 80  # a credit with no caption is a short line, not a sentence


def strip_media_labels(line: str) -> str:
    """``line`` without a player's notice or a picture's credit at its start (the caption stays)."""
    if not line.startswith(("Media ", "Image ")):
        return line
    notice = _PLAYBACK.match(line)
    if notice is not None:
        line = line[notice.end():]
    if line.startswith(("Image copyright ", "Image source")):
        cap = _CAPTION.search(line)
        if cap is not None:
            return line[cap.start(1):]
        short = len(line) <= _CREDIT_ONLY and not line.endswith((".", "!", "?", '"', "”"))
        return "" if short else line
    return line


# a wire story's closing credit ("Jane Roe in Lagos and a news agency contributed to this
# report."): the reporters named are not parties to the story (read as text, they became actors and
# the credit a document's statement); the credit is the line's last sentence
_CREDIT = re.compile(r"\bcontribut\w*(?: [\w,]+){0,4} (?:to|for) this (?:report|story|article|investigation)\.?\)?$")
# a sentence end before the credit: a stop after a word of two or more letters (not an initial, "E.",
# or a title, "Mr.") and a space before a capital or a bullet
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Mt))(?<!\bMrs|\bGen|\bSen|\bRep|\bGov|\bCol|\bSgt)"
                           r"[.!?][”\"’']?\s+(?=[A-Z•])")


def strip_credit(line: str) -> str:
    """``line`` without a closing reporters' credit (all of it when the credit is the whole line)."""
    m = _CREDIT.search(line) if "contribut" in line else None
    if m is None:
        return line
    ends = [e for e in _SENTENCE_END.finditer(line, 0, m.start())]
    return line[:ends[-1].start() + 1].rstrip() if ends else ""


def share_prefix_end(line: str) -> int:
    """Where a line's text starts after the share buttons glued to its start (0: none)."""
    body = line.lstrip(" \t\u00a0")
    m = _SHARE_PREFIX.match(body) if body[:1] in "FTPLWERM" else None
    return len(line) - len(body) + m.end() if m else 0


def is_boilerplate(line: str) -> bool:
    """A line of the site, not of the article: boilerplate ("Comments are closed.") or a link to
    another story ("More: <headline>")."""
    s = line.strip()
    return bool(s) and ((len(s) <= _MAX_BOILERPLATE_LINE and bool(BOILERPLATE_RE.match(s)))
                        or (len(s) <= _MAX_LINK_LINE and bool(LINK_LINE_RE.match(s))))


# a name glued to the next words with no space ("...McCarthyOcasio-Cortez blasts ..."): a capital
# after two or more small letters (not "McCarthy", "DeSantis"); the repeated surname and "MORE" decide
_GLUED_NAME = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z]|[A-Z]{2,5}\b)")  # "RoeOther", "RoeGOP"
_MORE = re.compile(r"\bMORE\b")
_LINK_SPAN = 400


def drop_link_headlines(line: str) -> str:
    """Drop headlines a site pasted into the running text after a linked name: "House Leader Jane
    Roe Jane Q. RoeOther story headline Another headline MORE said ...". The linked person's full
    name is glued to the first headline and the run ends in "MORE"; the article's own words are the
    name before it, which ends in the same surname, and what follows "MORE"."""
    out, pos = [], 0
    for m in _GLUED_NAME.finditer(line):
        if m.start() < pos:
            continue
        more = _MORE.search(line, m.start(), m.start() + _LINK_SPAN)
        if more is None:
            continue
        base = max(pos, m.start() - 80)
        words = list(re.finditer(r"[A-Z][\w.’'-]*", line[base:m.start()]))
        if not words:
            continue
        surname = words[-1].group(0)  # the surname glued to the headline
        for w in reversed(words[-5:-1]):  # the article's own mention ends in the same surname
            if w.group(0).rstrip(".,;:’'") == surname:
                start = base + w.end()
                break
        else:
            continue
        out.append(line[pos:start].rstrip())
        pos = more.end()
    if not out:
        return line
    out.append(line[pos:])
    text = ""
    for part in (o.strip() for o in out):
        if part:  # no space before what ends a word or a clause ("Trump’s", "Roe (D-Va.)", "Roe, who")
            text = f"{text}{part}" if not text or part[0] in "’',.;:!?)" else f"{text} {part}"
    return text


def clean_text(text: str) -> str:
    """Normalise line ends and spaces, drop boilerplate lines, collapse blank runs; a run of more than
    :data:`PUNCT_RUN` punctuation marks or symbols gets a space every :data:`PUNCT_RUN` characters."""
    text = unicodedata.normalize("NFC", scrub(text) or "").translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    blank = False
    for n, raw_line in enumerate(text.split("\n")):
        if n % 4096 == 4095:
            limits.check("while cleaning the text")
        line = _SPACES.sub(" ", raw_line).strip()
        if len(line) > PUNCT_RUN:
            line = break_runs(line)
        if "MORE" in line:
            line = drop_link_headlines(line)
        line = unglue_quotes(line)
        line = line[share_prefix_end(line):]
        line = strip_media_labels(line)
        line = strip_credit(line)
        if not line:
            blank = bool(out)
            continue
        if is_boilerplate(line):
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------
# dates
# ------------------------------------------------------------------------------------------------

MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "May", "january")."""
    return MONTHS[name.rstrip(".").lower()[:3]]

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

MIN_DATE = date(1900, 1, 1)


def parse_date(value: str | date | datetime | None, *, what: str = "date") -> str | None:
    """Normalise a publication date to ``YYYY-MM-DD``; None stays None.

    Accepts ISO dates and datetimes, "May 17, 2022", "17 May 2022", "Tuesday, May 17, 2022",
    "2022/05/17". Raises :class:`BadDate` for text that is no date, a date before 1900 or one
    in the future.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    else:
        d = _parse_date_text(str(value).strip())
        if d is None:
            raise BadDate(f"'{value}' is not a date newsgraph can read",
                          hint="write it as YYYY-MM-DD, e.g. 2022-05-17")
    if d < MIN_DATE:
        raise BadDate(f"the {what} {d.isoformat()} is before 1900", hint="check the year")
    if d > date.today():
        raise BadDate(f"the {what} {d.isoformat()} is in the future", hint="check the year and month")
    return d.isoformat()


def _parse_date_text(s: str) -> date | None:
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$", s)
    if m:
        y, mo, d = map(int, m.groups())
        return _safe_date(y, mo, d)
    m = re.match(r"^(\d{4})(\d{2})(\d{2})$", s)
    if m:
        return _safe_date(*map(int, m.groups()))
    s2 = re.sub(rf"^{_WEEKDAY},?\s+", "", s, flags=re.I)
    m = re.match(rf"^({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", s2, re.I)
    if m:
        return _safe_date(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
    m = re.match(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})\b", s2, re.I)
    if m:
        return _safe_date(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------------
# headline and dateline
# ------------------------------------------------------------------------------------------------

# Wikinews: "Friday, January 4, 2019" alone on the first line of the body
WIKINEWS_DATELINE = re.compile(rf"^\s*({_WEEKDAY},\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}})\s*$", re.I)
_AGENCY = r"\((?:Reuters|AP|AFP|dpa|DPA|Xinhua|TASS|Interfax|Bloomberg|UPI|IANS|PTI|ANI|Anadolu|RIA Novosti|Sputnik|EFE|ANSA|Kyodo|Yonhap|BelTA|Kazinform|Armenpress|Newsgraph|[A-Z][A-Za-z.]{1,20})\)"
# "New Delhi:", "MOSCOW (Reuters) -", "BRUSSELS, May 16 (AFP) —", "Kyiv, Ukraine —", "WASHINGTON —"
PLACE_DATELINE = re.compile(
    rf"^(?P<place>(?:[A-Z][A-Za-z'’.\-]+|[A-Z]{{2,}})(?:[ \-](?:[A-Z][A-Za-z'’.\-]+|[A-Z]{{2,}}|de|al|el|of)){{0,3}})"
    rf"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){{0,2}}))?"
    rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    rf"\s*(?P<agency>{_AGENCY})?\s*(?P<sep>[:\-–—]+)\s+(?=\S)"
)
_NOT_PLACES = {"update", "updated", "breaking", "exclusive", "opinion", "analysis", "editorial", "note", "photo",
               "video", "watch", "live", "correction", "by", "editor's note", "q", "a", "warning", "read", "file"}
# a wire photo's caption opening the body: "FILE - In this ... photo, ..." or a paragraph closed by
# the photo's credit "(AP Photo/Jane Roe)", "(... via AP, File)"
_PHOTO_CAPTION = re.compile(r"^\s*FILE\s*[-–—]|\((?:AP|Reuters|AFP)\s+Photo\b[^()]*\)\s*$|\bvia AP(?:,\s*File)?\)\s*$")


def after_photo_captions(text: str, start: int, most: int = 3) -> int:
    """Where the story starts after the photo captions a wire article may open with (at most
    ``most``): the dateline ("FORT LAUDERDALE, Fla. (AP) —") opens the first paragraph after them."""
    pos = start
    for _ in range(most):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if not _PHOTO_CAPTION.search(text[pos:end]):
            break
        nxt = end
        while nxt < len(text) and text[nxt] in "\n \t":
            nxt += 1
        if nxt >= len(text):
            break
        pos = nxt
    return pos if pos != start and find_dateline(text, pos)[2] is not None else start


def find_dateline(text: str, start: int) -> tuple[Span | None, str | None, Span | None]:
    """The dateline at ``start``: (place span or None, date text or None, whole-dateline span)."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end]
    m = WIKINEWS_DATELINE.match(line)
    if m:
        s = start + m.start(1)
        return None, m.group(1), Span.of(text, s, start + m.end(1))
    m = PLACE_DATELINE.match(line)
    if not m:
        return None, None, None
    place = m.group("place")
    if place.lower() in _NOT_PLACES:
        return None, None, None
    if m.group("sep") == "-" and not (m.group("agency") or m.group("date") or place.isupper()):
        return None, None, None  # "Well-known - ..." is a dash, not a dateline, unless CAPS/agency/date
    # a sentence that merely starts with a capitalised word and a colon ("Note: ...") is excluded
    # above; require the place to be short
    if len(place) > 40 or len(place.split()) > 4:
        return None, None, None
    if m.group("sep") == ":" and not (m.group("agency") or m.group("date")) \
            and re.search(rf"(?m)^[ \t]*{re.escape(place)}[ \t]*:", text[line_end:]):
        return None, None, None  # "JANE ROE: ..." opening turn after turn: a transcript's speaker, written once a turn
    whole = Span.of(text, start + m.start(), start + m.end("sep"))
    return Span.of(text, start + m.start("place"), start + m.end("place")), m.group("date"), whole


def _looks_like_headline(line: str, next_is_blank: bool) -> bool:
    s = line.strip()
    if not s or len(s) > 200 or len(s.split()) > 30:
        return False
    if PLACE_DATELINE.match(s) and len(s) > 80:
        return False
    if s.endswith((".", "?", "!", ":", ",")) and not next_is_blank:
        return False
    if s[0].islower():
        return False
    return next_is_blank or not s.endswith((".", ",", ";"))


#: the longest article id (a URL path segment, a database key): longer ones are refused
MAX_ID = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def check_id(value: str | None, source: str | None = None) -> str | None:
    """An article id as given (trimmed), or :class:`BadRecord` when it cannot serve as one: longer
    than :data:`MAX_ID` characters, holding control characters, or ``.``/``..`` (which URLs
    resolve away). Any other character is fine: ids are percent-encoded in URLs, and the API's
    routes take ids with ``/``."""
    if value is None:
        return None
    value = scrub(str(value).strip()) or None
    if value is None:
        return None
    if len(value) > MAX_ID or _CONTROL.search(value) or value in (".", ".."):
        what = (f"over {MAX_ID} characters" if len(value) > MAX_ID else "holding control characters"
                if _CONTROL.search(value) else "a path segment of its own (. or ..)")
        raise BadRecord(f"the article id {value[:40]!r}... is {what}" if len(value) > 40 else
                        f"the article id {value!r} is {what}",
                        hint=f"give ids of at most {MAX_ID} printable characters, or none (a content hash is used)",
                        item=source)
    return value


def build_article(raw: RawDocument, published: str | None = None) -> Article:
    """Clean ``raw`` and locate headline, dateline, body; compute the content-hash id."""
    text = clean_text(raw.text)
    title = clean_text(raw.title).replace("\n", " ") if raw.title else None
    if not text.strip():
        raise EmptyInput("there is no article text after cleaning", hint="give a file with article text",
                         item=raw.source)
    title_span: Span | None = None
    lines = text.split("\n")
    first = lines[0]
    if title:
        same = first.strip() == title.strip() or (
            not WIKINEWS_DATELINE.match(first) and first.strip().rstrip(".").lower() == title.strip().rstrip(".").lower())
        if same:
            title_span = Span.of(text, 0, len(first))
        else:
            text = f"{title}\n\n{text}"
            title_span = Span.of(text, 0, len(title))
    elif len(lines) > 1 and _looks_like_headline(first, next_is_blank=lines[1] == "") and \
            not WIKINEWS_DATELINE.match(first) and not PLACE_DATELINE.match(first):
        title = first.strip()
        title_span = Span.of(text, 0, len(first))
    body_start = 0
    if title_span is not None:
        body_start = title_span.end
        while body_start < len(text) and text[body_start] == "\n":
            body_start += 1
    place, date_text, whole = find_dateline(text, after_photo_captions(text, body_start))
    dateline = None
    dateline_span = None
    if place is not None:
        dateline, dateline_span = place.text, place
    elif whole is not None:  # a Wikinews date line: the date is the dateline
        dateline, dateline_span = whole.text, whole
    pub = published or raw.published
    pub_norm = None
    if pub:
        pub_norm = parse_date(pub, what="publication date")
    elif date_text and whole is not None and place is None:
        try:
            pub_norm = parse_date(date_text, what="dateline date")
        except BadDate:
            pub_norm = None
    lead_start = body_start
    if whole is not None:
        lead_start = whole.end
        while lead_start < len(text) and text[lead_start].isspace():
            lead_start += 1
    h = content_hash(text)
    return Article(
        id=check_id(raw.id, raw.source) or h, text=text, title=title, url=scrub(raw.url), published=pub_norm,
        dateline=dateline, author=scrub(raw.author), source=scrub(raw.source), content_hash=h, title_span=title_span,
        dateline_span=dateline_span, body_start=body_start, lead_start=lead_start,
    )


@component("ingest.clean")
def ingest_component(analysis: Analysis, ctx: Context) -> Analysis:
    raw: RawDocument = analysis.scratch["raw"]
    analysis.article = build_article(raw, published=analysis.article.published)
    return analysis


__all__ = ["INVISIBLE", "MAX_ID", "PUNCT_RUN", "break_runs", "build_article", "check_id", "clean_text", "find_dateline", "is_boilerplate", "parse_date"]
