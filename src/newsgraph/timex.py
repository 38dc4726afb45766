"""Temporal expressions: find dates in news text and resolve them against the publication date.

A small pattern-based resolver (no dependency, no network). :func:`resolve_date` resolves one
expression; :func:`find_dates` finds every date in a text or spaCy ``Doc`` (its DATE/TIME
entities and these patterns), inferring each one's tense from the parse.

News conventions it follows, relative to the publication date ``P``:

* "May 16" (no year): the most recent May 16 on or before ``P``; in future tense the next one
  on or after ``P``; when the tense is unknown and the date falls within 60 days after ``P``,
  that upcoming date (a report does not name last year's date without its year). A weekday
  given with it ("Monday, May 16") picks the year that matches.
* "in January": the most recent January not after ``P``'s month; future: the next one not before.
  "last January" / "next January" are strictly before / after ``P``'s month.
* "Monday", "late Monday", "on Wednesday": the most recent such day on or before ``P``; future
  tense: the next one after ``P``. "last Friday" is strictly before, "next Tuesday" strictly after.
* "yesterday", "today", "tomorrow", "tonight", "last night", "two days ago": day precision.
* "last week", "earlier this week", "next weekend": a span of days, reported at month precision
  (the month of the span's middle) with ``earliest``/``latest`` bounding the days.
* "last month", "next month": month; "last year", "this year", "in 2019": year.
* "in the 1990s": year precision, the value is the decade's first year (rule ``decade``) and
  ``earliest``/``latest`` cover the decade.
* Not dates: ordinals ("the 30th anniversary", "the first-ever"), durations ("for 30 years"),
  years before 1900 and impossible dates ("February 30"). Never raises on text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

PRECISIONS = ("day", "month", "year")
MIN_YEAR = 1900
# a month-day this close after publication, in a clause of unknown tense, is upcoming (not a year ago)
NEAR_FUTURE_DAYS = 60
MAX_YEAR = 2100

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
}
# named days that are not "the most recent Friday" ("Black Friday", "Bloody Sunday")
NAMED_DAYS = frozenset({"black", "cyber", "super", "bloody", "good", "ash", "easter", "palm", "holy", "maundy",
                        "shrove", "giving", "orange", "clean"})
# words after which a bare month name is a date ("in May", "since January")
MONTH_CUES = frozenset({"in", "since", "until", "till", "by", "during", "from", "through", "before", "after",
                        "of", "and", "or", "to", "between", "early", "late", "mid", "last", "next", "this",
                        "throughout", "around", "end", "beginning", "start", "middle", "on"})
# cues before a year that also precede counts ("by 2000 votes", "up to 2000 troops")
WEAK_YEAR_CUES = frozenset({"by", "from", "of", "around", "and", "to"})
FUNCTION_WORDS = frozenset({"to", "and", "or", "until", "till", "through", "when", "while", "as", "after", "before",
                            "in", "on", "at", "with", "the", "a", "an", "that", "which", "was", "were", "is", "are",
                            "had", "has", "have", "but", "for", "of", "by", "onwards"})
FUTURE_WORDS = re.compile(r"\b(?:will|shall|'ll|’ll|wo n't|going to|is to|are to|due to|set to|plans? to|"
                          r"planned|scheduled|expected to|intends? to|slated)\b", re.IGNORECASE)
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![\w])")
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>\d{4})(?!\d)"
_MOD = r"(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
_YREL = r"(?:\s+(?P<yrel>this|last|next)\s+year)?"


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A resolved date: ``value`` at ``precision``, found at ``text[start:end]`` by ``rule``.

    ``earliest``/``latest`` (ISO dates) bound the days the expression covers: one day for
    "yesterday", Monday..Sunday for "last week", the whole decade for "the 1990s".
    """

    value: str  # YYYY-MM-DD | YYYY-MM | YYYY
    precision: str  # day | month | year
    start: int
    end: int
    text: str
    rule: str
    earliest: str = ""
    latest: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "start": self.start, "end": self.end,
                "text": self.text, "rule": self.rule, "earliest": self.earliest, "latest": self.latest}


class DateMention(NamedTuple):
    """A date found in a text: its character span and its value (unpacks as a 3-tuple)."""

    start: int
    end: int
    value: TimeValue


# ---------------------------------------------------------------------------------------------
# calendar helpers
# ---------------------------------------------------------------------------------------------
def parse_published(published: date | datetime | str | None) -> date | None:
    """The reference date from a date, datetime or "YYYY-MM-DD..." string; None if unusable."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(published))
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _ok_year(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


@dataclass(frozen=True, slots=True)
class _Value:
    """A resolution before it is tied to a span."""

    value: str
    precision: str
    earliest: date
    latest: date


def _day(d: date) -> _Value | None:
    return _Value(d.isoformat(), "day", d, d) if _ok_year(d.year) else None


def _month(y: int, m: int) -> _Value | None:
    if not _ok_year(y) or not 1 <= m <= 12:
        return None
    return _Value(f"{y:04d}-{m:02d}", "month", date(y, m, 1), _month_end(y, m))


def _year(y: int) -> _Value | None:
    return _Value(f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31)) if _ok_year(y) else None


def _span(a: date, b: date) -> _Value | None:
    """Several days: reported at month precision (the month of the middle day)."""
    mid = a + (b - a) / 2
    if not (_ok_year(a.year) and _ok_year(b.year)):
        return None
    return _Value(f"{mid.year:04d}-{mid.month:02d}", "month", a, b)


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_of(name: str) -> int | None:
    """Month number of a month name; None for lower-case words ("may", "march" are verbs)."""
    if not name[:1].isupper():
        return None
    return MONTHS.get(name.rstrip(".").lower())


def _weekday_of(name: str | None) -> int | None:
    if not name or not name[:1].isupper():
        return None
    return WEEKDAYS.get(name.lower())


def _future(tense: str | None) -> bool:
    return tense == "future"


# ---------------------------------------------------------------------------------------------
# rules: each a pattern and a handler (match, reference date, tense) -> value
# ---------------------------------------------------------------------------------------------
Handler = Callable[[re.Match[str], "date | None", "str | None"], "_Value | None"]


def _h_iso(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    d = _date(int(m["year"]), int(m["m"]), int(m["d"]))
    return _day(d) if d else None


def _h_full(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    mon = _month_of(m["mon"])
    if mon is None or (m["wd"] and _weekday_of(m["wd"]) is None):
        return None
    d = _date(int(m["year"]), mon, int(m["day"]))
    return _day(d) if d else None


def _h_numeric(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    """12/05/2022 is ambiguous (day-month or month-day): resolved only when one reading is impossible."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
    readings = {d for d in (_date(y, b, a), _date(y, a, b)) if d}
    return _day(readings.pop()) if len(readings) == 1 else None


def _h_month_year(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    mon = _month_of(m["mon"])
    return _month(int(m["year"]), mon) if mon else None


def _year_for_day(mon: int, day: int, wd: int | None, ref: date, tense: str | None) -> int | None:
    """The year of "May 16" relative to ``ref``: past (default) on or before, future on or after."""
    if wd is not None:  # "Monday, May 16": the year whose May 16 is a Monday, nearest to ref
        years = [y for y in (ref.year - 1, ref.year, ref.year + 1)
                 if (d := _date(y, mon, day)) is not None and d.weekday() == wd]
        if years:
            return min(years, key=lambda y: (abs((_date(y, mon, day) or ref) - ref), -y if _future(tense) else y))
    y = ref.year
    d = _date(y, mon, day) or _date(y - 1, mon, day)  # Feb 29 in a non-leap year
    if d is None:
        return None
    if _future(tense):
        return y if d >= ref else y + 1
    if tense is None and ref < d <= ref + timedelta(days=NEAR_FUTURE_DAYS):
        return y  # tense unknown: "the vote on May 20" three days ahead is this year's, not last year's
    return y if d <= ref else y - 1


def _yrel_year(m: re.Match[str], ref: date) -> int | None:
    yrel = m.groupdict().get("yrel")
    if not yrel:
        return None
    return ref.year + {"this": 0, "last": -1, "next": 1}[yrel.lower()]


def _h_day_month(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    mon = _month_of(m["mon"])
    if mon is None or ref is None or (m["wd"] and _weekday_of(m["wd"]) is None):
        return None
    day = int(m["day"])
    y = _yrel_year(m, ref) or _year_for_day(mon, day, _weekday_of(m["wd"]), ref, tense)
    d = _date(y, mon, day) if y else None
    return _day(d) if d else None


def _h_month(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    mon = _month_of(m["mon"])
    if mon is None or ref is None:
        return None
    rel = (m["rel"] or "").lower()
    y = _yrel_year(m, ref)
    if y is None:
        if rel == "last":
            y = ref.year if mon < ref.month else ref.year - 1
        elif rel in ("next", "coming"):
            y = ref.year if mon > ref.month else ref.year + 1
        elif rel == "this":
            y = ref.year
        elif _future(tense):
            y = ref.year if mon >= ref.month else ref.year + 1
        else:
            y = ref.year if mon <= ref.month else ref.year - 1
    return _month(y, mon)


def _h_weekday(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    wd = _weekday_of(m["wd"])
    if wd is None or ref is None:
        return None
    rel = (m["rel"] or "").lower()
    back = (ref.weekday() - wd) % 7  # days back to the most recent such day (0 = ref itself)
    ahead = (wd - ref.weekday()) % 7  # days ahead to the next such day (0 = ref itself)
    if rel == "last" or rel == "past":
        d = ref - timedelta(days=back or 7)
    elif rel in ("next", "coming"):
        d = ref + timedelta(days=ahead or 7)
    elif rel == "this":
        d = ref + timedelta(days=ahead) if _future(tense) else ref - timedelta(days=back)
    elif _future(tense):
        d = ref + timedelta(days=ahead or 7)
    else:
        d = ref - timedelta(days=back)
    return _day(d)


def _h_relday(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    if ref is None:
        return None
    w = " ".join(m["w"].lower().split())
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
               "this morning": 0, "this afternoon": 0, "this evening": 0,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    return _day(ref + timedelta(days=offsets[w]))


def _h_relunit(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    if ref is None:
        return None
    rel = m["rel"].lower()
    mod = (m["mod"] or "").lower()
    unit = m["unit"].lower()
    step = {"last": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "year":
        return _year(ref.year + step)
    if unit == "month":
        return _month(*_shift_month(ref.year, ref.month, step))
    monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
    if unit == "weekend":
        sat = monday + timedelta(days=5)
        if rel == "last" and sat + timedelta(days=1) >= ref:
            sat -= timedelta(weeks=1)
        return _span(sat, sat + timedelta(days=1))
    first, last = monday, monday + timedelta(days=6)
    if step == 0 and mod == "earlier":
        last = max(first, ref - timedelta(days=1))
    elif step == 0 and mod == "later":
        first = min(last, ref + timedelta(days=1))
    return _span(first, last)


def _h_ago(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    if ref is None:
        return None
    raw = " ".join(m["n"].lower().split())
    n = int(raw) if raw.isdigit() else NUMBERS.get(raw)
    if n is None:
        return None
    unit = m["unit"].lower()
    if unit == "day":
        return _day(ref - timedelta(days=n))
    if unit == "week":
        d = ref - timedelta(weeks=n)
        return _span(d - timedelta(days=3), d + timedelta(days=3))
    if unit == "month":
        return _month(*_shift_month(ref.year, ref.month, -n))
    return _year(ref.year - n * (10 if unit == "decade" else 1))


def _h_year(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    """ "in 2019"; after a weak cue ("by", "to", "around") not before a noun ("up to 2000 troops")."""
    cue = m.group(0)[: m.start("year") - m.start()].strip(" -").lower()
    nxt = re.match(r"\s+([a-z]+)", m.string[m.end():])
    if cue in WEAK_YEAR_CUES and nxt and nxt.group(1) not in FUNCTION_WORDS:
        return None
    return _year(int(m["year"]))


def _h_decade(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    if m["dec"]:
        start = int(m["dec"])
    else:
        two = int(m["dec2"])
        start = 2000 + two if ref is not None and 2000 + two <= ref.year else 1900 + two
    if not _ok_year(start):
        return None
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((m["mod"] or "").lower(), (0, 9))
    return _Value(f"{start:04d}", "year", date(start + lo, 1, 1), date(start + hi, 12, 31))


def _h_season(m: re.Match[str], ref: date | None, tense: str | None) -> _Value | None:
    first, last = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["year"]:
        y = int(m["year"])
    elif ref is None or not rel:
        return None
    else:
        y = _season_year(first, last, rel, ref, tense)
    end_year = y + 1 if first > last else y
    a = date(y, first, 1)
    b = _month_end(end_year, last)
    return _Value(f"{end_year if first > last else y:04d}", "year", a, b) if _ok_year(y) else None


def _season_year(first: int, last: int, rel: str, ref: date, tense: str | None) -> int:
    """Start year of "last summer" / "this winter" / "next spring" relative to ``ref``."""
    def bounds(y: int) -> tuple[date, date]:
        return date(y, first, 1), _month_end(y + 1 if first > last else y, last)

    if rel == "last":
        y = ref.year
        while bounds(y)[1] >= ref:
            y -= 1
        return y
    if rel == "next":
        y = ref.year - 1
        while bounds(y)[0] <= ref:
            y += 1
        return y
    # this/early/late: the season that contains ref, else the nearest one in this calendar year
    for y in (ref.year - 1, ref.year):
        a, b = bounds(y)
        if a <= ref <= b:
            return y
    return ref.year


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, re.IGNORECASE)


# (rule name, pattern, handler); longer matches win, then the earlier rule
RULES: list[tuple[str, re.Pattern[str], Handler]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _h_iso),
    ("day-month-year", _rx(rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON},?\s+{_YEAR}"), _h_full),
    ("month-day-year", _rx(rf"\b(?:{_WD},?\s+)?{_MON}\s+{_DAY},?\s+{_YEAR}"), _h_full),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b"), _h_numeric),
    ("month-year", _rx(rf"\b(?:{_MOD}[\s-]+)?{_MON},?\s+(?:of\s+)?{_YEAR}"), _h_month_year),
    ("day-month", _rx(rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}{_YREL}(?!,?\s*\d)"), _h_day_month),
    ("month-day", _rx(rf"\b(?:{_WD},?\s+)?{_MON}\s+{_DAY}{_YREL}(?!,?\s*\d)"), _h_day_month),
    ("month", _rx(rf"\b(?:(?P<rel>last|next|this|coming)\s+)?(?:{_MOD}[\s-]+)?{_MON}{_YREL}(?!\s*\d)"), _h_month),
    ("weekday", _rx(rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?(?:(?P<mod>early|late)\s+(?:on\s+)?)?{_WD}"
                    r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?!,?\s*(?:\d|January|February|March|April"
                    r"|May|June|July|August|September|October|November|December))"), _h_weekday),
    ("relative-day", _rx(r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
                         r"tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b"), _h_relday),
    ("relative-unit", _rx(r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>last|this|next|coming)\s+"
                          r"(?P<unit>week|weekend|month|year)\b(?!s)"), _h_relunit),
    ("ago", _rx(r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"a\s+couple\s+of)\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"), _h_ago),
    ("year", _rx(r"\b(?:in|since|until|till|by|during|from|through|throughout|before|after|of|around|circa|"
                 r"early|late|mid|year|and|to)[\s-]+(?P<year>\d{4})\b(?!\s*[-–]\s*\d)(?!['’]?s\b)(?![\d%]|[.,]\d)"),
     _h_year),
    ("decade", _rx(r"(?:\b(?P<mod>early|mid|late)[\s-]+)?(?:\b(?P<dec>\d{3}0)|(?<!\w)['’](?P<dec2>\d0))s\b"),
     _h_decade),
    ("season", _rx(r"\b(?:(?P<rel>last|this|next|early|late)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
                   r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?\b"), _h_season),
]
_BARE_YEAR = re.compile(r"^\s*(?:the\s+year\s+)?(?P<year>\d{4})\s*$", re.IGNORECASE)
_RULE_ORDER = {name: i for i, (name, _, _) in enumerate(RULES)}


def _preceding_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _plausible(name: str, m: re.Match[str], text: str, bare_months_ok: bool) -> bool:
    """Context checks a pattern cannot express: cues for bare months, named days, ordinals."""
    if name == "month" and not (m["rel"] or m["mod"] or m["yrel"] or bare_months_ok) \
            and _preceding_word(text, m.start()) not in MONTH_CUES:
        return False
    if name == "weekday" and not m["rel"] and _preceding_word(text, m.start()) in NAMED_DAYS:
        return False
    ordinal_noun = re.match(r"\s*(?:anniversary|century)", text[m.end():])
    return not (name in ("day-month", "day-month-year") and ordinal_noun)


_TenseFn = Callable[[int, int], "str | None"]


def _scan(text: str, ref: date | None, tense_at: _TenseFn, *, bare_months_ok: bool = False
          ) -> list[tuple[int, int, str, _Value]]:
    """All pattern matches that resolve, as (start, end, rule, value); overlapping ones included."""
    out = []
    for name, rx, handler in RULES:
        for m in rx.finditer(text):
            if not _plausible(name, m, text, bare_months_ok):
                continue
            try:
                v = handler(m, ref, tense_at(m.start(), m.end()))
            except (ValueError, OverflowError, KeyError):  # garbled numbers: not a date
                v = None
            if v is not None:
                s, e = (m.start("year"), m.end("year")) if name == "year" else (m.start(), m.end())
                out.append((s, e, name, v))
    return out


def _choose(found: list[tuple[int, int, str, _Value]]) -> list[tuple[int, int, str, _Value]]:
    """Non-overlapping matches, longest first, then earliest rule."""
    found = sorted(found, key=lambda f: (-(f[1] - f[0]), _RULE_ORDER.get(f[2], 99), f[0]))
    kept: list[tuple[int, int, str, _Value]] = []
    for f in found:
        if all(f[1] <= k[0] or k[1] <= f[0] for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f[0])


def _tv(text: str, s: int, e: int, rule: str, v: _Value, offset: int = 0) -> TimeValue:
    return TimeValue(v.value, v.precision, s + offset, e + offset, text[s:e], rule,
                     v.earliest.isoformat(), v.latest.isoformat())


def _text_tense(text: str) -> _TenseFn:
    """Tense from the words of the clause around a date (for plain text without a parse)."""
    def tense_at(start: int, end: int) -> str | None:
        left = re.split(r"[.!?;]\s|,\s|\bthat\b|\bsaid\b", text[:start])[-1]
        right = re.split(r"[.!?;](?:\s|$)|,\s|\bthat\b|\bsaid\b", text[end:])[0]
        return "future" if FUTURE_WORDS.search(left) or FUTURE_WORDS.search(right) else None
    return tense_at


def resolve_date(text: str, published: date | datetime | str | None, *, tense: str | None = None
                 ) -> TimeValue | None:
    """The first date expression in ``text``, resolved against ``published``; None if there is none.

    ``tense`` ("past", "future" or None = unknown, treated as past by news convention) decides
    which way bare weekdays, months and month-days go. Offsets are into ``text``.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    ref = parse_published(published)
    bare = _BARE_YEAR.match(text)
    if bare:
        v = _year(int(bare["year"]))
        return _tv(text, bare.start("year"), bare.end("year"), "year", v) if v else None
    tense_fn: _TenseFn = (lambda s, e: tense) if tense is not None else _text_tense(text)
    chosen = _choose(_scan(text, ref, tense_fn, bare_months_ok=len(text.split()) <= 3))
    if not chosen:
        return None
    s, e, rule, v = chosen[0]
    return _tv(text, s, e, rule, v)


# ---------------------------------------------------------------------------------------------
# over a spaCy Doc
# ---------------------------------------------------------------------------------------------
_NOT_DATE_LABELS = frozenset({"PERSON", "ORG", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "FAC", "GPE", "NORP"})


def doc_tense(doc: Any, start: int, end: int) -> str | None:
    """Tense of the clause a date at [start, end) belongs to, from the dependency parse.

    "future" for will/shall/'ll, "going to"/"plans to"/"is expected to" + verb, "is scheduled",
    and the present progressive ("is meeting on Monday"); "past" for past-tense verbs; else None.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    verb = tok
    kids = list(verb.children)
    lowers = {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")}
    if lowers & {"will", "shall", "'ll", "’ll", "wo"}:
        return "future"
    if "to" in lowers:  # an infinitive ("to be held on August 9", "plans to meet Monday") looks ahead
        return "future"
    if verb.tag_ == "VBG" and lowers & {"is", "are", "am", "'s", "'re"}:
        return "future"
    if verb.lemma_.lower() in {"schedule", "set", "slate", "plan", "expect", "due"} and lowers & {"is", "are"}:
        return "future"
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(k.lower_ == "due" for k in kids):
        return "future"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and lowers):
        return "past"
    return None


def find_dates(doc_or_text: Any, published: date | datetime | str | None, *, tense: str | None = None
               ) -> list[DateMention]:
    """Every date in a spaCy Doc or a string, resolved against ``published``, in text order.

    With a Doc, DATE/TIME entities license bare years ("2019") and bare month names ("May"),
    names inside other entities ("Bloody Sunday", "April Ryan") are skipped, and each date's
    tense comes from its clause (:func:`doc_tense`) unless ``tense`` is given.
    """
    is_doc = not isinstance(doc_or_text, str) and hasattr(doc_or_text, "ents")
    text = doc_or_text.text if is_doc else (doc_or_text if isinstance(doc_or_text, str) else "")
    if not text:
        return []
    ref = parse_published(published)
    if tense is not None:
        tense_fn: _TenseFn = lambda s, e: tense  # noqa: E731
    elif is_doc:
        tense_fn = lambda s, e: doc_tense(doc_or_text, s, e)  # noqa: E731
    else:
        tense_fn = _text_tense(text)
    found = _scan(text, ref, tense_fn)
    if is_doc:
        found += _entity_dates(doc_or_text, text, ref, tense_fn)
        blocked = [(e.start_char, e.end_char) for e in doc_or_text.ents if e.label_ in _NOT_DATE_LABELS]
        found = [f for f in found if not any(b[0] <= f[0] and f[1] <= b[1] for b in blocked)]
    return [DateMention(s, e, _tv(text, s, e, rule, v)) for s, e, rule, v in _choose(found)]


def _entity_dates(doc: Any, text: str, ref: date | None, tense_fn: _TenseFn) -> list[tuple[int, int, str, _Value]]:
    """Dates that only a DATE entity licenses: a bare year, a bare month name."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        bare = _BARE_YEAR.match(ent.text)
        if bare:
            v = _year(int(bare["year"]))
            if v:
                out.append((ent.start_char + bare.start("year"), ent.start_char + bare.end("year"), "year", v))
            continue
        for s, e, rule, v in _scan(ent.text, ref, lambda s, e, o=ent.start_char: tense_fn(s + o, e + o),
                                   bare_months_ok=True):
            if rule == "month":
                out.append((s + ent.start_char, e + ent.start_char, rule, v))
    return out


__all__ = ["PRECISIONS", "DateMention", "TimeValue", "doc_tense", "find_dates", "parse_published", "resolve_date"]
