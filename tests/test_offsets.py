"""Every span the pipeline outputs indexes the cleaned text: ``text[start:end] == span.text`` (Hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import RawDocument

PIECES = [
    "Russian President Vladimir Putin", "said", "“We will respond,”", "he added.", "the Kremlin", "NATO",
    "the alliance", "Finland and Sweden", "joined", "accused", "Lukashenko", "‘special military operation’",
    "« Nous verrons »", '"unbalanced', "’90s", "don't", "MOSCOW (Reuters) -", "Also Read", "Comments are closed.",
    "\n\n", "\n", ",", ".", "—", "the collective West", "in Moscow", "on Monday", "last year", "Kassym-Jomart Tokayev",
    "the CSTO", "members of the CSTO", "sanctions", "against", "Ukraine", "Belarusian", "the organisation",
    "Secretary General Stanislav Zas", "urged", "talks", "in January", "Zelenskyy", "Ankara", "threatened to",
    "“Unclosed quote runs on", "a ceasefire", "peacekeepers", "deployed", "to", "Kazakhstan", "ﬁ", "é", "\u00a0",
]


def spans_of(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for a in doc["actors"]:
        out += a["mentions"]
    for q in doc["quotes"]:
        out.append({"start": q["start"], "end": q["end"], "text": q["text"]})
        out += [q[k] for k in ("speaker_mention", "cue", "clause") if q.get(k)]
    for e in doc["events"]:
        out.append(e["evidence"])
        if e.get("predicate"):
            out.append(e["predicate"])
    out += [r["evidence"] for r in doc["relations"] if r.get("evidence")]
    for p in doc["places"]:
        out += p["mentions"]
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=3, max_size=60), st.sampled_from([None, "2022-05-17"]))
def test_every_output_span_indexes_the_text(pipeline, pieces, published):
    text = " ".join(pieces)
    try:
        analysis = pipeline(RawDocument(text=text, published=published))
    except Exception as exc:  # only input errors (e.g. all boilerplate) may stop an article
        from newsgraph.errors import InputError

        assert isinstance(exc, InputError), exc
        return
    doc = analysis.to_dict()
    body = doc["article"]["text"]
    for span in spans_of(doc):
        assert body[span["start"]:span["end"]] == span["text"], span


LONG_PIECES = [*PIECES, "\n\n", "\n\n", "\n\n", "” he said. “", "«", "»", "„", "‚", "``", "''", '"', "“", "”",
               "Vladimir Putin said on Monday that", "the alliance would respond, officials said."]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LONG_PIECES), min_size=40, max_size=260), st.sampled_from([None, "2022-05-17"]),
       st.integers(min_value=120, max_value=700))
def test_every_span_of_a_sectioned_text_indexes_the_whole_text(pipeline, monkeypatch, pieces, published, size):
    """The same property when the text is analysed in sections (section size made small, so that a
    short text is cut into several, with breaks at paragraphs, lines, sentence ends or anywhere)."""
    from newsgraph import sections

    monkeypatch.setattr(sections, "SECTION_CHARS", size)
    monkeypatch.setattr(sections, "SECTION_TOKENS", max(20, size // 5))
    text = " ".join(pieces)
    try:
        analysis = pipeline(RawDocument(text=text, published=published))
    except Exception as exc:
        from newsgraph.errors import InputError

        assert isinstance(exc, InputError), exc
        return
    doc = analysis.to_dict()
    body = doc["article"]["text"]
    for span in spans_of(doc):
        assert body[span["start"]:span["end"]] == span["text"], span
    ids = [q["id"] for q in doc["quotes"]]
    assert ids == [f"q{i}" for i in range(1, len(ids) + 1)]
    assert len({e["id"] for e in doc["events"]}) == len(doc["events"])
    assert len({a["id"] for a in doc["actors"]}) == len(doc["actors"])
