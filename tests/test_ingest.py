"""Readers and cleaning: every input kind, boilerplate, headline, dateline, dates, bad input."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import (
    BadDate,
    BadHTML,
    BinaryInput,
    EmptyInput,
    InputNotFound,
    InputTooLarge,
    InvalidEncoding,
    MissingColumn,
)
from newsgraph.ingest.clean import build_article, clean_text, find_dateline, is_boilerplate, parse_date
from newsgraph.ingest.readers import decode, decode_bytes, from_html, read_file, read_inputs, read_stdin
from newsgraph.model import RawDocument
from newsgraph.pipeline import Failure

ARTICLE = """Leaders pledge closer security ties at regional summit

ASTANA, July 4 (Newsgraph) - Heads of state met in the Kazakh capital on Thursday and agreed to deepen
their cooperation, the host said.

"We have taken an important step," the president told reporters.

Also Read
Share this article
Comments are closed.
"""


# ---------------------------------------------------------------- cleaning

@pytest.mark.parametrize("line", [
    "Also Read", "Also read:", "Comments are closed.", "Share this article", "Subscribe to our newsletter",
    "Follow us on Twitter and Facebook", "We use cookies to improve your experience. By continuing you agree.",
    "Advertisement", "Read more: Ten things to know", "Related stories", "Click here to subscribe",
    "Share on Facebook", "© 2024 Example Media. All rights reserved.", "Skip to content",
    # links to other stories
    "More: Harbour strike enters its second week as talks stall",
    "More:Senator Doe says the budget vote 'cannot wait'",
    "RELATED: Governor signs water bill after months of delay",
    "SEE ALSO: Why the mayor's plan faces a skeptical council",
    "( Also on EXAMPLE NEWS: Council rejects bridge funding)",
    "Read or Share this story: https://example.com/s/abc123",
    "More On This... Ferry service resumes after storm",
    "JUST WATCHED Minister: 'We will rebuild the port' Replay More Videos ... MUST WATCH Minister: "
    "'We will rebuild the port' 02:11",
    # a wire photo's caption
    "FILE PHOTO: Ministers arrive for talks at the harbour office in Valletta, Malta, May 2, 2019. "
    "EXAMPLE/Jane Roe/File Photo",
    "PHOTO: The mayor speaks at a rally in Leeds, March 6, 2019. (Jane Roe/Example, FILE)",
    "FILE PHOTO - The finance minister attends a budget hearing in Lisbon, Portugal, April 3, 2019. "
    "EXAMPLE/Jane Roe",
])
def test_boilerplate_lines_are_recognised(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Also read by many was the statement of the minister, who said the talks had failed.",
    "The president said he would share the report with parliament next week.",
    "Comments by the minister drew sharp criticism from the opposition.",
    "Subscribers to the treaty agreed to meet again in autumn.",
    # sentences that open like a link label
    "More than 200 people were evacuated from the coastal villages on Sunday.",
    "More importantly, the minister said: 'We will not sign this deal.'",
    "Related talks in Geneva ended without agreement, officials said.",
    "Also on Monday: the council voted against the plan, its chairman said.",
    "See also the minister's remarks to parliament, which drew criticism.",
    "He said he had just watched the video and would reply more fully later.",
    "Photographs of the meeting were released by the ministry on Monday, officials said.",
    "A file photo of the minister was shown on state television during the report.",
    "Photo - and video - evidence was shown to the court on Monday, the prosecutor said.",
])
def test_sentences_are_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_clean_text_drops_boilerplate_and_collapses_blank_lines():
    text = clean_text("Title\r\n\r\n\r\n\r\nBody  line\u00a0one.\n\nAlso Read\n\n\nComments are closed.")
    assert text == "Title\n\nBody line one."


def test_headline_and_agency_dateline():
    art = build_article(RawDocument(text=ARTICLE), published="2024-07-05")
    assert art.title == "Leaders pledge closer security ties at regional summit"
    assert art.dateline == "ASTANA"
    assert art.text[art.dateline_span.start:art.dateline_span.end] == "ASTANA"
    assert "Also Read" not in art.text and "Comments are closed" not in art.text
    assert art.published == "2024-07-05"
    assert art.id == art.content_hash and len(art.id) == 16


@pytest.mark.parametrize(("first_line", "place"), [
    ("New Delhi: Ministers met on Monday.", "New Delhi"),
    ("MOSCOW (Reuters) - The Kremlin said on Monday.", "MOSCOW"),
    ("BRUSSELS, May 16 (AFP) — Ambassadors agreed.", "BRUSSELS"),
    ("WASHINGTON — The White House said.", "WASHINGTON"),
    ("Kyiv, Ukraine — Air raid sirens sounded.", "Kyiv"),
    ("BISHKEK: Border guards reported shooting.", "BISHKEK"),
])
def test_place_datelines(first_line, place):
    span, _, whole = find_dateline(first_line, 0)
    assert span is not None and span.text == place
    assert whole is not None and first_line.startswith(whole.text)


@pytest.mark.parametrize("first_line", [
    "The minister said on Monday that talks would resume.",
    "Note: this article was updated.",
    "In a statement, the ministry said: the talks failed.",
])
def test_no_dateline_in_ordinary_sentences(first_line):
    span, _, _ = find_dateline(first_line, 0)
    assert span is None


@pytest.mark.parametrize("captions", [
    "FILE - In this March 3, 2019, file photo, farmers march past the ministry in Accra, Ghana. (AP Photo/Jane Roe, File)",
    "FILE - In this photo, the port of Lome stands idle.\n\nFILE - In this photo, trucks queue at the border. "
    "(Kofi Boateng/Daily Graphic via AP, File)",
    "Farmers march past the ministry in Accra, Ghana, on Monday. (AP Photo/Jane Roe)",
])
def test_the_dateline_follows_the_photo_captions_a_wire_story_opens_with(captions):
    """A wire story may open with its photos' captions ("FILE - In this ... photo, ..."): "FILE" is
    no place, and the dateline opens the first paragraph after them."""
    raw = RawDocument(text=f"Farmers march on the capital\n\n{captions}\n\nACCRA, Ghana (AP) — Farmers marched on "
                           "the capital on Monday to protest against the new fuel tax.")
    art = build_article(raw, published="2019-03-04")
    assert art.dateline == "ACCRA"


def test_a_caption_with_no_dateline_after_it_gives_none():
    raw = RawDocument(text="Farmers march on the capital\n\nFILE - In this photo, farmers march in Accra.\n\n"
                           "Farmers marched on the capital on Monday to protest against the new fuel tax.")
    assert build_article(raw, published="2019-03-04").dateline is None


def test_wikinews_dateline_gives_the_date():
    raw = RawDocument(text="Friday, January 4, 2019\n\n\nThe council met yesterday.", title="Council meets")
    art = build_article(raw)
    assert art.dateline == "Friday, January 4, 2019"
    assert art.published == "2019-01-04"
    assert art.text.startswith("Council meets\n\nFriday, January 4, 2019")
    assert art.title_span.text == "Council meets"


def test_given_title_not_duplicated():
    raw = RawDocument(text="Council meets\n\nThe council met.", title="Council meets")
    art = build_article(raw)
    assert art.text.count("Council meets") == 1


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-05-17", "2022-05-17"), ("2022-05-17T08:30:00Z", "2022-05-17"), ("May 17, 2022", "2022-05-17"),
    ("17 May 2022", "2022-05-17"), ("Tuesday, May 17, 2022", "2022-05-17"), ("2022/5/7", "2022-05-07"),
    ("Sept. 3, 2021", "2021-09-03"), (date(2020, 1, 2), "2020-01-02"), (None, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["1899-12-31", (date.today() + timedelta(days=2)).isoformat(), "yesterday-ish",
                                   "2022-13-45"])
def test_parse_date_rejects(value):
    with pytest.raises(BadDate) as exc:
        parse_date(value)
    assert exc.value.code == "NG109"


# ---------------------------------------------------------------- readers and bad input

def test_decode_never_guesses_a_legacy_encoding():
    text = "Der Außenminister äußerte sich zur Lage in Kyjiw und über die Sanktionen gegen Moskau."
    assert decode_bytes(text.encode("utf-8-sig")) == text
    assert decode_bytes(text.encode("utf-16")) == text
    # cp1252 bytes are not reinterpreted: each invalid byte becomes U+FFFD, and they are counted
    got = decode(text.encode("cp1252"))
    assert got.text == text.replace("ß", "\ufffd").replace("ä", "\ufffd").replace("ü", "\ufffd")
    assert got.replaced == 4
    # a genuine U+FFFD in valid UTF-8 is not counted as a replacement
    assert decode("ok \ufffd".encode() + b" \xff").replaced == 1
    with pytest.raises(InvalidEncoding) as exc:
        decode(text.encode("cp1252"), "x", strict=True)
    assert exc.value.code == "NG111"


@pytest.mark.parametrize(("data", "error"), [
    (b"", EmptyInput), (b"   \n\n ", EmptyInput), (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", BinaryInput),
    (bytes(range(256)) * 4, BinaryInput), (b"%PDF-1.7\n%\xe2\xe3", BinaryInput),
])
def test_decode_rejects(data, error):
    with pytest.raises(error):
        decode_bytes(data, "x")


def test_read_file_errors(tmp_path):
    with pytest.raises(InputNotFound):
        list(read_file(tmp_path / "missing.txt"))
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (300 * 1024))
    with pytest.raises(InputTooLarge) as exc:
        list(read_file(big, max_mb=1))
    assert "NEWSGRAPH_INPUT_MAX_MB" in str(exc.value)


def test_html_metadata_via_trafilatura():
    html = """<!doctype html><html><head><title>Ministers agree | Example News</title>
    <meta property="og:title" content="Ministers agree on border talks">
    <meta name="author" content="Ana Writer">
    <meta property="article:published_time" content="2023-04-04T10:00:00Z">
    <link rel="canonical" href="https://example.org/news/ministers-agree"></head>
    <body><nav>Home | World | Politics</nav><div class="cookie">We use cookies. Accept all</div>
    <article><h1>Ministers agree on border talks</h1>
    <p>The foreign ministers of the two neighbouring states agreed on Tuesday to resume talks on the
    disputed border, officials said after a four-hour meeting in the capital.</p>
    <p>"We have chosen dialogue over confrontation," one of the ministers told reporters after the talks,
    adding that experts would meet again within a month to draft a map of the frontier.</p>
    </article><footer>Copyright Example News</footer></body></html>"""
    raw = from_html(html, source="page.html")
    assert raw.title == "Ministers agree on border talks"
    assert raw.published == "2023-04-04"
    assert raw.url == "https://example.org/news/ministers-agree"
    assert raw.author == "Ana Writer"
    assert "dialogue over confrontation" in raw.text
    assert "We use cookies" not in raw.text and "Home | World" not in raw.text


def test_html_without_text_is_bad_html():
    with pytest.raises(BadHTML):
        from_html("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")


def test_jsonl_bad_lines_are_recorded_and_reading_goes_on(tmp_path):
    p = tmp_path / "wire.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a1", "text": "The minister resigned on Monday.", "published": "2022-01-03"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a4", "title": "no text"}),
        json.dumps({"id": "a5", "text": "Talks resumed.", "url": "https://example.org/5"}),
    ]), "utf-8")
    items = list(read_file(p))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "Failure", "Failure", "RawDocument"]
    assert items[0].id == "a1" and items[0].published == "2022-01-03"
    assert items[1].code == "NG105" and ":2" in items[1].source
    assert items[3].id == "a4"
    assert items[4].url == "https://example.org/5"


def test_csv_reader_and_missing_column(tmp_path):
    good = tmp_path / "a.csv"
    good.write_text('id,title,published,url,text\nb1,Head,2023-01-02,https://x.org,"Body, with comma."\n'
                    'b2,Empty,,,\n', "utf-8")
    items = list(read_file(good))
    assert items[0].text == "Body, with comma." and items[0].id == "b1"
    assert isinstance(items[1], Failure)
    bad = tmp_path / "b.csv"
    bad.write_text("id,headline\n1,Hello\n", "utf-8")
    with pytest.raises(MissingColumn):
        list(read_file(bad))


def test_folder_is_walked_and_bad_items_do_not_stop_the_batch(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Ministers met in Geneva.", "utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Talks ended without agreement.", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "notes.bin").write_bytes(b"ignored: unknown extension")
    items = list(read_inputs([str(tmp_path)], extensions=(".txt",)))
    ok = [i for i in items if not isinstance(i, Failure)]
    bad = {i.code for i in items if isinstance(i, Failure)}
    assert len(ok) == 2 and bad == {"NG102", "NG103"}


def test_stdin_kinds():
    items = list(read_stdin(io.BytesIO(b'{"text": "One."}\n{"text": "Two."}\n')))
    assert [i.text for i in items] == ["One.", "Two."]
    items = list(read_stdin(io.BytesIO(b"Plain text from a pipe.")))
    assert items[0].text == "Plain text from a pipe."


# ---------------------------------------------------------------- offsets hold

line_st = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.lists(line_st, min_size=1, max_size=8), st.sampled_from(["Also Read", "Comments are closed.", ""]))
def test_cleaned_spans_index_the_cleaned_text(lines, junk):
    raw = RawDocument(text="\n".join([*lines, junk]) + "\nThe talks went on.")
    try:
        art = build_article(raw)
    except EmptyInput:
        return
    for span in (art.title_span, art.dateline_span):
        if span is not None:
            assert art.text[span.start:span.end] == span.text
    assert art.text == clean_text(art.text)  # cleaning is idempotent


def test_front_matter_carries_metadata_and_is_not_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("---\ntitle: Talks resume\npublished: 2023-04-04\nurl: https://example.org/a\n---\n"
                 "Talks resume\n\nGENEVA - Negotiators met again on Tuesday.\n", "utf-8")
    (raw,) = list(read_file(p))
    assert raw.published == "2023-04-04" and raw.url == "https://example.org/a" and raw.title == "Talks resume"
    assert raw.text.startswith("Talks resume") and "---" not in raw.text


def test_text_with_dashes_but_no_front_matter_is_kept(tmp_path):
    p = tmp_path / "b.txt"
    body = "---\nThis is a separator line, not metadata at all\n---\nThe talks resumed.\n"
    p.write_text(body, "utf-8")
    (raw,) = list(read_file(p))
    assert raw.text == body and raw.published is None


def test_a_label_opening_turn_after_turn_is_a_transcript_speaker_not_a_dateline():
    text = ("HALE PORTER: Welcome back to the programme.\n\nNINA OSEI: Thanks for having me.\n\n"
            "HALE PORTER: Let us start with the budget.")
    assert find_dateline(text, 0)[0] is None
    # written once, a colon dateline is still one
    once = "BISHKEK: Border guards reported shooting.\n\nThe ministry said the border was calm."
    assert find_dateline(once, 0)[0].text == "BISHKEK"


def test_headlines_pasted_after_a_linked_name_are_dropped():
    line = ("Senate Leader Jane Roe Jane Quinn RoeCity council delays vote on budget Storm closes schools "
            "MORE (D-Ore.) said the bill would pass. Rep. Tom Ash Thomas Alan AshMayor resigns MORE’s aide agreed.")
    assert clean_text(line) == "Senate Leader Jane Roe (D-Ore.) said the bill would pass. Rep. Tom Ash’s aide agreed."


def test_a_pasted_headline_may_open_with_an_acronym():
    line = "President Lee Tom Ray LeeGOP senators balk at long trial Storm closes schools MORE on Monday said no."
    assert clean_text(line) == "President Lee on Monday said no."


@pytest.mark.parametrize("line", [
    "Gov. Ron DeSantis said MORE people would come to the state.",
    "The McCarthy hearings and MacArthur's recall drew MORE attention than any story that year.",
])
def test_capitals_and_more_in_ordinary_text_stay(line):
    assert clean_text(line) == line


@pytest.mark.parametrize("line, expected", [
    # a straight mark after an odd number of them closes a quotation: the space goes after it
    ('She said the plan "may cost more than they admit."Ray contends the rest is politics.',
     'She said the plan "may cost more than they admit." Ray contends the rest is politics.'),
    ('"Ask the voters," Ray said."We will win." The Herald is reporting that polls opened late.',
     '"Ask the voters," Ray said. "We will win." The Herald is reporting that polls opened late.'),
    # curly marks say which side they are on
    ("Lee called it “a failure.”Officials declined to comment.",
     "Lee called it “a failure.” Officials declined to comment."),
    ("The vote was close.“Nobody expected this,” Lee said.",
     "The vote was close. “Nobody expected this,” Lee said."),
])
def test_a_quotation_mark_glued_to_the_next_sentence_is_parted(line, expected):
    assert clean_text(line) == expected


@pytest.mark.parametrize("line", [
    'He measured the board at 5.5"wide and cut it.',
    'The sign read "OPEN." Nobody came.',
    "Ray said “no.” Lee agreed.",
])
def test_quotation_marks_with_their_spaces_stay(line):
    assert clean_text(line) == line


def test_glued_marks_are_read_from_the_marks_before_them():
    # a curly closing mark ends the quotation a straight mark opened: the next glued mark opens one
    line = 'He said "the rest is noise.”Lee said."We will win."Polls opened late. It is "over.""Nobody knew," Ray said.'
    assert clean_text(line) == ('He said "the rest is noise.” Lee said. "We will win." Polls opened late. '
                                'It is "over." "Nobody knew," Ray said.')


def test_share_buttons_glued_to_a_caption_are_dropped_and_the_caption_kept():
    text = ("The vote passed on Monday.\n\nFacebook Twitter Pinterest Jane Roe speaks in Leeds. Photograph: A. Person\n\n"
            "Facebook Twitter Pinterest\n\nFacebook Twitter and Google were fined on Monday.")
    out = clean_text(text)
    assert "Pinterest" not in out
    assert "Jane Roe speaks in Leeds." in out
    assert "Facebook Twitter and Google were fined" in out  # two names in prose are prose


# a video player's notice that the clip cannot play here, as a news site prints it
_CANNOT_PLAY = "Media playback is unsupported on your device"


@pytest.mark.parametrize("line, kept", [
    ("Image copyright Wire Agency Image caption The mayor opened the new bridge on Friday",
     "Image caption The mayor opened the new bridge on Friday"),
    ("Image copyright Staff Photographer via Picture Desk", ""),
    ("Image source: Screenshot from a video site", ""),
    (f"{_CANNOT_PLAY} Media caption 'We will not give up,' says the union leader",
     "Media caption 'We will not give up,' says the union leader"),
    (_CANNOT_PLAY, ""),
    ("Image caption Farmers queued at the border post", "Image caption Farmers queued at the border post"),
])
def test_a_picture_credit_and_a_player_notice_are_dropped_and_the_caption_kept(line, kept):
    text = f"The council met on Monday.\n\n{line}\n\nThe vote was close."
    out = clean_text(text)
    assert "copyright" not in out and "playback" not in out and "source:" not in out
    assert out.split("\n") == ["The council met on Monday.", "", *([kept, ""] if kept else []), "The vote was close."]


@pytest.mark.parametrize("line", [
    "Image copyright law changed last year, the court said.",
    "Image captions are hard to write, the editor said.",
    "Media companies said the rules were unfair.",
    "Imagery from the satellite showed the damage.",
])
def test_prose_that_starts_like_a_label_is_kept(line):
    assert clean_text(line) == line


@pytest.mark.parametrize("line, kept", [
    ("The Wire Service contributed to this report.", ""),
    ("• Jane Roe contributed to this report.", ""),
    ("Staff writers Ann B. Lee in Accra, Kofi Mensah and the Wire Service contributed to this story.", ""),
    ("Officials said the count ended at noon. Jane Q. Roe in Lagos contributed to this report.",
     "Officials said the count ended at noon."),
    ("Ann Lee reported from Accra; Kofi Mensah wrote from Lome. Jane Roe and Tom Poe contributed to this report.",
     "Ann Lee reported from Accra; Kofi Mensah wrote from Lome."),
])
def test_a_reporters_credit_closing_a_line_is_dropped(line, kept):
    assert clean_text(f"The council met on Monday.\n\n{line}") == "The council met on Monday." + (f"\n\n{kept}" if kept else "")


def test_a_contribution_in_prose_is_kept():
    line = "Three agencies contributed to this report, which found the dam was unsafe."
    assert clean_text(line) == line
