"""Temporal expressions resolved against a publication date (hand-written inputs)."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.timex import DateMention, TimeValue, find_dates, parse_published, resolve_date

PUB = "2022-05-17"  # a Tuesday

# (expression, tense, expected value, expected precision)
CASES = [
    # absolute dates
    ("16 May 2022", None, "2022-05-16", "day"),
    ("May 16, 2022", None, "2022-05-16", "day"),
    ("2022-05-16", None, "2022-05-16", "day"),
    ("Friday, January 4, 2019", None, "2019-01-04", "day"),
    ("Jan. 6, 2021", None, "2021-01-06", "day"),
    ("the 9th of March, 2020", None, "2020-03-09", "day"),
    ("25/12/2021", None, "2021-12-25", "day"),
    ("early May 2021", None, "2021-05", "month"),
    ("September 2014", None, "2014-09", "month"),
    # month-day without a year: most recent not after publication, unless future tense
    ("May 16", None, "2022-05-16", "day"),
    ("May 20", "past", "2021-05-20", "day"),
    ("May 20", "future", "2022-05-20", "day"),
    ("May 20", None, "2022-05-20", "day"),  # unknown tense, three days ahead: upcoming
    ("July 30", None, "2021-07-30", "day"),  # unknown tense, months ahead: last year's
    ("on January 4th", None, "2022-01-04", "day"),
    ("December 30", None, "2021-12-30", "day"),
    ("Monday, May 16", None, "2022-05-16", "day"),
    ("March 3 last year", None, "2021-03-03", "day"),
    # months
    ("in January", None, "2022-01", "month"),
    ("in May", None, "2022-05", "month"),
    ("in June", None, "2021-06", "month"),
    ("in June", "future", "2022-06", "month"),
    ("in January", "future", "2023-01", "month"),
    ("mid-January", None, "2022-01", "month"),
    ("next January", None, "2023-01", "month"),
    ("last month", None, "2022-04", "month"),
    ("next month", None, "2022-06", "month"),
    # years
    ("last year", None, "2021", "year"),
    ("this year", None, "2022", "year"),
    ("next year", None, "2023", "year"),
    ("late last year", None, "2021", "year"),
    ("in 2019", None, "2019", "year"),
    ("2019", None, "2019", "year"),
    ("in the 1990s", None, "1990", "year"),
    ("the '80s", None, "1980", "year"),
    ("a year ago", None, "2021", "year"),
    ("last summer", None, "2021", "year"),
    # days relative to publication
    ("yesterday", None, "2022-05-16", "day"),
    ("today", None, "2022-05-17", "day"),
    ("tomorrow", None, "2022-05-18", "day"),
    ("last night", None, "2022-05-16", "day"),
    ("the day before yesterday", None, "2022-05-15", "day"),
    ("two days ago", None, "2022-05-15", "day"),
    ("3 days ago", None, "2022-05-14", "day"),
    # weekdays (news convention)
    ("Monday", None, "2022-05-16", "day"),
    ("late Monday", None, "2022-05-16", "day"),
    ("early Sunday", None, "2022-05-15", "day"),
    ("on Wednesday", None, "2022-05-11", "day"),
    ("Tuesday", None, "2022-05-17", "day"),
    ("Tuesday", "future", "2022-05-24", "day"),
    ("Wednesday", "future", "2022-05-18", "day"),
    ("last Friday", None, "2022-05-13", "day"),
    ("next Tuesday", None, "2022-05-24", "day"),
    ("Thursday night", None, "2022-05-12", "day"),
    # weeks: a span of days reported at month precision
    ("last week", None, "2022-05", "month"),
    ("earlier this week", None, "2022-05", "month"),
    ("next week", None, "2022-05", "month"),
    ("three months ago", None, "2022-02", "month"),
]

NOT_DATES = [
    "the 30th anniversary",
    "the first-ever",
    "for 30 years",
    "the third round",
    "may",  # the verb
    "January 4, 1850",  # before 1900
    "February 30, 2022",  # no such day
    "garbled 99/99/9999 ###",
    "12/05/2022",  # day-month or month-day: ambiguous
    "up to 2000 troops",
    "Black Friday",
    "in her 30s",
    "",
    "   ",
]


@pytest.mark.parametrize(("text", "tense", "value", "precision"), CASES)
def test_resolve_date(text: str, tense: str | None, value: str, precision: str) -> None:
    tv = resolve_date(text, PUB, tense=tense)
    assert tv is not None, text
    assert (tv.value, tv.precision) == (value, precision)
    assert text[tv.start:tv.end] == tv.text
    assert tv.rule


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert resolve_date(text, PUB) is None


def test_enough_cases() -> None:
    assert len(CASES) + len(NOT_DATES) >= 30


@pytest.mark.parametrize("published", [PUB, date(2022, 5, 17), "2022-05-17T08:30:00Z"])
def test_published_forms(published: object) -> None:
    tv = resolve_date("yesterday", published)  # type: ignore[arg-type]
    assert tv is not None and tv.value == "2022-05-16"


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    assert resolve_date("yesterday", None) is None
    assert resolve_date("May 16", None) is None
    assert resolve_date("garbage", "not a date") is None
    tv = resolve_date("16 May 2022", None)
    assert tv is not None and tv.value == "2022-05-16"
    assert parse_published("2022-13-45") is None


def test_decade_says_so_and_bounds_the_decade() -> None:
    tv = resolve_date("in the 1990s", PUB)
    assert tv is not None
    assert tv.rule == "decade"
    assert (tv.earliest, tv.latest) == ("1990-01-01", "1999-12-31")


def test_week_bounds() -> None:
    tv = resolve_date("last week", PUB)
    assert tv is not None
    assert (tv.earliest, tv.latest) == ("2022-05-09", "2022-05-15")


def test_offsets_inside_a_longer_text() -> None:
    text = "The ministers met late Monday in the capital."
    tv = resolve_date(text, PUB)
    assert tv is not None
    assert text[tv.start:tv.end] == "late Monday"
    assert tv.value == "2022-05-16"


def test_never_raises_on_odd_input() -> None:
    for text in ["\x00\x01", "9" * 500, "May 99", "on the 45th of Smarch", "in 0000", "Monday" * 50]:
        resolve_date(text, PUB)
        find_dates(text, PUB)


def test_find_dates_in_plain_text() -> None:
    text = "Talks began on Monday. A deal was signed in 2019 and renewed last year."
    found = find_dates(text, PUB)
    assert [m.value.value for m in found] == ["2022-05-16", "2019", "2021"]
    for m in found:
        assert isinstance(m, DateMention) and isinstance(m.value, TimeValue)
        start, end, tv = m
        assert text[start:end] == tv.text


def test_find_dates_over_a_doc_uses_tense(nlp) -> None:
    text = ("The envoys met on Friday. They will meet again on Friday in the capital. "
            "Back in the 1990s the treaty had marked its 30th anniversary, after 30 years of work.")
    doc = nlp(text)
    found = find_dates(doc, PUB)
    values = [(m.value.text, m.value.value) for m in found]
    assert ("Friday", "2022-05-13") in values
    assert ("Friday", "2022-05-20") in values
    assert ("1990s", "1990") in values
    assert all("anniversary" not in m.value.text and "30 years" not in m.value.text for m in found)
    for m in found:
        assert text[m.start:m.end] == m.value.text


def test_find_dates_skips_named_days_and_people(nlp) -> None:
    text = "Marchers recalled Bloody Sunday as April Ryan reported from the rally on Saturday."
    found = find_dates(nlp(text), PUB)
    assert [m.value.text for m in found] == ["Saturday"]
