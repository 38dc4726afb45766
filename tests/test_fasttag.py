"""newsgraph.fasttag reproduces spaCy's attribute ruler + lemmatizer token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

from conftest import EXAMPLES, need_shared
from newsgraph import config, fasttag
from newsgraph.ingest.readers import read_file

COLUMNS = [POS, TAG, LEMMA, MORPH, DEP, HEAD, ENT_IOB, ENT_TYPE]

# the multi-token rules (gonna, ain't, let's, gotta), spaces and line breaks, odd casing, no tokens
TRICKY = [
    "I ain't gonna sign it, let's be clear. We gotta go. Y'all got ta see. He ain't here.",
    "AIN'T   NOBODY\n\n  said that .  Let's GO!! gonna gonna gonna",
    "", " ", "\n\n", "Moscow", "The U.S.-led coalition's 3rd strike hit 12 targets on 2 Jan. 2024, @user #tag.",
]


@pytest.fixture(scope="module")
def pair():
    name = config.load()["nlp"]["model"]
    original = spacy.load(name)
    fast = spacy.load(name)
    assert fasttag.install(fast), "the fast tagging should install on the default English pipeline"
    return original, fast


def _texts_from_examples() -> list[str]:
    return [raw.text for path in sorted((EXAMPLES / "articles").iterdir())
            for raw in read_file(path) if hasattr(raw, "text")]


def _assert_same(original, fast, texts):
    for text, a, b in zip(texts, original.pipe(texts), fast.pipe(texts), strict=True):
        diff = [(ta.text, ta.pos_, tb.pos_, ta.tag_, tb.tag_, ta.lemma_, tb.lemma_, str(ta.morph), str(tb.morph))
                for ta, tb in zip(a, b, strict=True)
                if (ta.pos, ta.tag, ta.lemma, ta.morph.key, ta.dep) != (tb.pos, tb.tag, tb.lemma, tb.morph.key, tb.dep)]
        assert not diff, f"{text[:60]!r}: {diff[:5]}"
        assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all()


def test_pipeline_swaps_the_two_components(pair):
    _, fast = pair
    assert fasttag.NAME in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert fast.pipe_names.index(fasttag.NAME) == fast.pipe_names.index("parser") + 1
    assert fasttag.install(fast)  # a second install is a no-op
    assert fast.pipe_names.count(fasttag.NAME) == 1


def test_same_output_on_tricky_strings(pair):
    _assert_same(*pair, TRICKY)


def test_same_output_on_the_demo_corpus(pair):
    texts = _texts_from_examples()
    assert len(texts) >= 10
    _assert_same(*pair, texts)


def test_same_output_run_twice_memo_warm(pair):
    # the second pass reads every answer from the memos
    _assert_same(*pair, TRICKY[:2] * 2)


def test_unsupported_patterns_keep_spacys_components():
    nlp = spacy.load(config.load()["nlp"]["model"])
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "un"}, {"OP": "?"}]], {"POS": "PROPN"})
    assert not fasttag.install(nlp)
    assert "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names
    with pytest.raises(fasttag.Unsupported):
        fasttag.FastTagging(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def test_an_added_supported_rule_is_reproduced():
    """Rules added by a user (here: a one-token and a two-token rule) are compiled like the shipped ones."""
    name = config.load()["nlp"]["model"]
    original, fast = spacy.load(name), spacy.load(name)
    for nlp in (original, fast):
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.add([[{"LOWER": {"IN": ["csto", "nato"]}}]], {"POS": "PROPN", "LEMMA": "bloc"})
        ruler.add([[{"LOWER": "hybrid"}, {"LOWER": {"REGEX": "^wars?$"}}]], {"TAG": "NN", "LEMMA": "hybridwar"}, index=-1)
    assert fasttag.install(fast)
    texts = ["Lukashenko said NATO waged a hybrid war on the CSTO.", "Hybrid wars and csto talks."]
    _assert_same(original, fast, texts)
    doc = fast(texts[0])
    assert [t.lemma_ for t in doc if t.lower_ in ("nato", "war")] == ["bloc", "hybridwar"]


def test_config_switch_turns_it_off(pair):
    from newsgraph.nlp import load_model

    with config.override(nlp={"fast_tagging": False}):
        nlp = load_model(config.load()["nlp"]["model"], config.load()["nlp"]["fast_tagging"])
    assert "attribute_ruler" in nlp.pipe_names and fasttag.NAME not in nlp.pipe_names


@pytest.mark.slow
def test_same_output_on_real_news(pair):
    """Every Wikinews dev article (skips without ../shared)."""
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    texts = []
    for path in sorted(need_shared("data", "dev", "wikinews").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            texts += [row["text"] for row in csv.DictReader(fh) if row.get("text", "").strip()]
    texts = texts[:200]
    assert texts
    _assert_same(*pair, texts)
