"""The PolNeAR scorer: brat parsing, span matching, counting, and a run on a few real articles.

The brat files here are written by hand; the real split is read from ../shared only in the slow
test, which skips when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import EvalError
from newsgraph.evaluate.polnear import (
    GoldArticle,
    GoldAttribution,
    evaluate_polnear,
    exact_match,
    format_report,
    load_polnear,
    overlap_match,
    parse_ann,
    score_article,
)
from newsgraph.model import Actor, Analysis, Article, Mention, Quote, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

TEXT = ("“The dam will hold,” the engineer said. “We checked it twice.”\n\n"
        "He added that repairs would start soon.\n\n"
        "Officials believe the river will fall.")
ANN = """T1\tContent 0 20;40 62\t“The dam will hold,” “We checked it twice.”
T2\tSource 21 33\tthe engineer
T3\tCue 34 38\tsaid
T4\tAttribution 34 38\tsaid
E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2
T5\tSource 64 66\tHe
T6\tCue 67 72\tadded
T7\tContent 73 102\tthat repairs would start soon
T8\tAttribution 67 72\tadded
E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7
T9\tSource 105 114\tOfficials
T10\tCue 115 122\tbelieve
T11\tContent 123 142\tthe river will fall
T12\tAttribution 115 122\tbelieve
E3\tAttribution:T12 Source:T9 Cue:T10 Content:T11
#1\tAnnotatorNotes T1\ta note line the parser must skip
"""


def test_text_and_offsets_agree() -> None:
    assert TEXT[21:33] == "the engineer" and TEXT[64:66] == "He" and TEXT[73:102] == "that repairs would start soon"
    assert TEXT[105:114] == "Officials" and TEXT[123:142] == "the river will fall"


def test_parse_ann_reads_discontinuous_spans_and_skips_notes() -> None:
    attrs = parse_ann(ANN)
    assert len(attrs) == 3
    assert attrs[0].content == [(0, 20), (40, 62)] and attrs[0].source == [(21, 33)]
    assert attrs[1].cue == [(67, 72)]


def test_overlap_match_against_whole_or_piece() -> None:
    gold = [(0, 20), (40, 62)]
    assert overlap_match((1, 18), gold) > 0  # one piece of a split quote
    assert overlap_match((41, 61), gold) > 0
    assert overlap_match((0, 5), gold) == 0  # too small a share of the piece
    assert overlap_match((0, 200), [(10, 20)]) == 0  # a huge span does not match a small gold


def test_exact_match_ignores_marks_punctuation_and_that() -> None:
    assert exact_match(TEXT, (1, 18), [(0, 20), (40, 62)])
    assert exact_match(TEXT, (78, 102), [(73, 102)])  # "repairs would ..." vs "that repairs would ..."
    assert not exact_match(TEXT, (78, 95), [(73, 102)])


def analysis_with(quotes: list[Quote], actors: list[Actor] | None = None) -> Analysis:
    import spacy

    nlp = spacy.blank("en")
    return Analysis(article=Article(id="a", text=TEXT), doc=nlp(TEXT), quotes=quotes, actors=actors or [])


def q(start: int, end: int, kind: str, mention: tuple[int, int] | None, speaker: str | None = None) -> Quote:
    m = Span.of(TEXT, *mention) if mention else None
    return Quote(id="x", text=TEXT[start:end], start=start, end=end, kind=kind, speaker=speaker, speaker_mention=m)


def gold() -> GoldArticle:
    attrs = parse_ann(ANN)
    for a in attrs:
        a.quoted = "“" in TEXT[a.content[0][0]:a.content[-1][1]]
    return GoldArticle("a", TEXT, None, attrs)


def test_score_article_counts_views() -> None:
    quotes = [q(1, 18, "direct", (21, 33)), q(41, 61, "direct", (21, 33)), q(78, 102, "indirect", (64, 66))]
    rep = score_article(gold(), analysis_with(quotes), frozenset({"say", "add"}))
    allv = rep.content["all"]["overlap"]
    assert (allv.sys_total, allv.sys_correct, allv.gold_total, allv.gold_found) == (3, 3, 3, 2)
    quoted = rep.content["quoted"]["overlap"]
    assert (quoted.sys_total, quoted.gold_total, quoted.gold_found) == (2, 1, 1)
    assert rep.speaker["all"].total == 2 and rep.speaker["all"].strict == 2


def test_speaker_resolved_through_the_actor_of_a_pronoun() -> None:
    he = Actor(id="eng", name="engineer", kind="person", mentions=[Mention(21, 33, "the engineer"),
                                                                      Mention(64, 66, "He")])
    quotes = [q(78, 102, "indirect", (21, 33), speaker="eng")]  # mention elsewhere, same actor
    rep = score_article(gold(), analysis_with(quotes, [he]), frozenset({"add"}))
    acc = rep.speaker["all"]
    assert acc.total == 1 and acc.strict == 0 and acc.resolved == 1


def test_load_polnear_and_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        load_polnear(tmp_path)
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "site_2016-01-02_dam.txt").write_text(TEXT, "utf-8")
    (tmp_path / "attributions" / "site_2016-01-02_dam_aaaa.ann").write_text(ANN, "utf-8")
    (tmp_path / "attributions" / "site_2016-01-02_dam_bbbb.ann").write_text("", "utf-8")  # 2nd annotator
    arts = load_polnear(tmp_path)
    assert len(arts) == 1 and arts[0].published == "2016-01-02" and len(arts[0].attributions) == 3
    assert arts[0].attributions[0].quoted and not arts[0].attributions[2].quoted


def test_gold_attribution_length() -> None:
    assert GoldAttribution(content=[(0, 4), (10, 12)], source=[], cue=[]).content_len == 6


@pytest.mark.slow
def test_evaluate_a_few_dev_articles() -> None:
    path = SHARED / "data" / "dev" / "polnear" / "dev"
    if not path.exists():
        pytest.skip("../shared/data/dev/polnear/dev is not available")
    rep = evaluate_polnear(path, limit=4, quotes="quotes.rules")
    assert rep.articles == 4 and rep.system_quotes > 0
    table = format_report(rep)
    assert "speaker accuracy" in table and "quoted" in table
    assert 0 < rep.content["quoted"]["overlap"].f1 <= 1
    assert rep.to_dict()["content"]["all"]["overlap"]["gold"] > 0


def test_collect_errors_lists_missed_gold_and_unmatched_quotes(nlp) -> None:
    from newsgraph.evaluate.polnear import collect_errors, format_report

    quotes = [q(1, 18, "direct", (21, 33)), q(105, 114, "indirect", None)]  # the second matches no content
    analysis = Analysis(article=Article(id="a", text=TEXT), doc=nlp(TEXT), quotes=quotes)
    g = gold()
    rep = score_article(g, analysis, frozenset({"say", "add"}))
    collect_errors(g, analysis, frozenset({"say", "add"}), rep, show=5)
    assert [m["text"] for m in rep.missed] == ["that repairs would start soon"]  # "believe" is not speech
    assert rep.missed[0]["cue"] == "added" and rep.missed[0]["source"] == "He"
    assert [m["text"] for m in rep.unmatched] == ["Officials"]
    collect_errors(g, analysis, frozenset({"say", "add"}), rep, show=1)  # already full: nothing added
    assert len(rep.missed) == 1 and len(rep.unmatched) == 1
    table = format_report(rep)
    assert "no system quote matched" in table and "'that repairs would start soon'" in table
