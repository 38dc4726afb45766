"""Raw -> cleaned offsets for gold sets labelled on raw text (newsgraph.evaluate.align)."""

from __future__ import annotations

from newsgraph.evaluate.align import Alignment
from newsgraph.ingest.clean import clean_text


def _mapped(raw: str, words: list[str]) -> None:
    clean = clean_text(raw)
    al = Alignment(raw, clean)
    for w in words:
        s = raw.index(w)
        span = al.span(s, s + len(w))
        assert span is not None, w
        assert clean[span[0]:span[1]] == w


def test_spans_survive_collapsed_spaces():
    _mapped("Ray   said  the vote was close.\n\n\n\nLee agreed.", ["Ray", "close", "Lee"])


def test_spans_survive_a_space_put_after_a_glued_quotation_mark():
    raw = 'Ray said the plan "may cost more than they admit."Lee contends the rest is "politics."Officials said so.'
    _mapped(raw, ["Ray", "may cost more than they admit.", "Lee", "politics.", "Officials"])


def test_spans_survive_a_space_put_before_a_glued_opening_mark():
    raw = "The vote was close.“Nobody expected this,” Lee said."
    _mapped(raw, ["close", "Nobody expected this,", "Lee"])


def test_a_dropped_boilerplate_line_maps_to_none():
    raw = "Ray said no.\nAll rights reserved 2019.\nLee agreed."
    clean = clean_text(raw)
    al = Alignment(raw, clean)
    s = raw.index("All rights")
    assert al.span(s, s + 3) is None
    s = raw.index("Lee")
    assert clean[slice(*al.span(s, s + 3))] == "Lee"


def test_a_caption_after_share_buttons_maps_onto_the_caption_cleaning_keeps():
    raw = "The vote passed.\n\nFacebook Twitter Pinterest Jane Roe speaks in Leeds.\n\nShe left."
    clean = clean_text(raw)
    al = Alignment(raw, clean)
    a = raw.index("Jane Roe")
    out = al.span(a, a + len("Jane Roe"))
    assert out is not None and clean[out[0]:out[1]] == "Jane Roe"
    b = raw.index("She left")
    out = al.span(b, b + len("She left"))
    assert out is not None and clean[out[0]:out[1]] == "She left"


# a video player's notice that the clip cannot play here, as a news site prints it
_CANNOT_PLAY = "Media playback is unsupported on your device"


def test_a_caption_after_a_picture_credit_maps_onto_the_caption_cleaning_keeps():
    raw = ("The vote passed.\n\nImage copyright Wire Agency\n\nImage copyright Wire Agency Image caption Jane Roe "
           f"speaks in Leeds\n\n{_CANNOT_PLAY} Media caption Lee: 'We won'\n\nShe left.")
    _mapped(raw, ["Image caption Jane Roe", "Leeds", "Media caption Lee", "We won", "She left"])
    clean = clean_text(raw)
    al = Alignment(raw, clean)
    s = raw.index("Wire Agency")
    assert al.span(s, s + len("Wire Agency")) is None  # the credit is gone


def test_a_line_before_a_reporters_credit_maps_onto_what_cleaning_keeps():
    raw = ("The vote passed.\n\nOfficials said the count ended at noon. Jane Q. Roe in Lagos contributed to this report."
           "\n\nThe Wire Service contributed to this report.")
    _mapped(raw, ["The vote passed.", "Officials said the count ended at noon."])
    clean = clean_text(raw)
    assert "contributed" not in clean
    al = Alignment(raw, clean)
    s = raw.index("The Wire Service")
    assert al.span(s, s + len("The Wire Service")) is None
