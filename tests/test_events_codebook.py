"""The CAMEO/PLOVER codebook and the verb-pattern dictionary (no spaCy needed)."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events import codebook as cb
from newsgraph.events.dictionary import Region, compile_terms, load_dictionary, parse_line, read_sets


def test_codebook_lookups_and_quads():
    book = cb.load_codebook()
    attack = book.get("190")
    assert attack is not None and attack.plover == "ASSAULT" and attack.quad == "material conflict"
    assert attack.goldstein == -10.0
    assert book.get("111").plover == "ACCUSE" and book.get("111").quad == "verbal conflict"
    assert book.get("043").mode == "visit"
    # statements have no PLOVER event; appeals are REQUEST (with the mode of the matching demand)
    assert book.get("010").plover is None
    assert book.get("0253").plover == "REQUEST" and book.get("0253").mode == "yield"
    # economic sanctions are SANCTION (documented departure from CAMEO2PLOVER-2021)
    assert book.get("163").plover == "SANCTION"
    # an unlisted sub-code falls back to its parent
    assert book.get("1909").code == "190"


def test_every_plover_event_has_a_quad():
    assert set(cb.QUAD_OF_PLOVER) == set(cb.PLOVER_EVENTS)
    assert len(cb.PLOVER_EVENTS) == 16
    book = cb.load_codebook()
    for code in ("030", "040", "051", "060", "070", "0841", "100", "112", "120", "130", "141", "154",
                 "163", "173", "183", "193", "202"):
        row = book.get(code)
        assert row is not None and row.plover in cb.PLOVER_EVENTS, code


@pytest.mark.parametrize(("code", "penta"), [
    ("010", 0), ("020", 0), ("036", 1), ("051", 1), ("061", 2), ("0841", 2), ("090", 3), ("112", 3),
    ("163", 3), ("141", 4), ("154", 4), ("173", 4), ("190", 4), (None, 0),
])
def test_penta_classes(code, penta):
    assert cb.penta_class(code) == penta


def test_derivations_follow_cameo():
    assert cb.intent_code("074") == "0334"      # will deploy peacekeepers -> intent
    assert cb.intent_code("0841") == "0353"     # will release -> intent to release
    assert cb.threat_code("163") == "1312"      # will impose sanctions -> threaten to sanction
    assert cb.threat_code("190") == "1384"      # will attack -> threaten conventional attack
    assert cb.reject_code("070") == "122"       # will not help -> reject request for aid
    assert cb.reject_code("030") == "120"
    assert cb.request_code("0841") == "1053"    # demand the release
    assert cb.request_code("0841", appeal=True) == "0253"


def test_parse_line_and_specificity():
    sets = {"&aid": ["aid", "food", "medical supply"]}
    bare = parse_line(["v", "send", "-", "-", "-", "-", "-", "070", "t:to", ""], sets, "newsgraph", 1)
    specific = parse_line(["v", "send", "", "&aid", "to", "", "", "073", "", "food"], sets, "newsgraph", 2)
    assert bare.code == "070" and bare.slot("t") == ("to",)
    assert specific.specificity > bare.specificity
    region = Region(["send", "medical", "supply"])
    assert region.match(specific.obj)  # the phrase "medical supply" is one alternative
    assert not Region(["send", "weapons"]).match(specific.obj)
    assert parse_line(["v", "slam", "", "", "", "", "", "---"], sets, "x", 3).code is None


def test_parse_line_rejects_bad_rows():
    with pytest.raises(ConfigError):
        parse_line(["x", "send"], {}, "user", 1)
    with pytest.raises(ConfigError):
        parse_line(["v", "send", "", "", "", "", "", "seventy"], {}, "user", 1)
    with pytest.raises(ConfigError):
        compile_terms("&nosuchset", {})


def test_prefix_words_and_sets():
    terms = compile_terms("sanction*|embargo", {})
    assert Region(["sanctions"]).match(terms)
    assert Region(["embargo"]).match(terms)
    assert not Region(["embargoes"]).match(compile_terms("embargo", {}))
    assert read_sets("&x\ta|b c\n# note\n") == {"&x": ["a", "b c"]}


def test_builtin_dictionary_prefers_our_patterns():
    d = load_dictionary()
    assert d.has("v", "slam") and d.has("n", "saber-rattling")
    first = d.entries("v", "slam")[0]
    assert first.origin == "newsgraph" and any(
        e.origin == "newsgraph" and e.code == "111" for e in d.entries("v", "slam"))
    # PETRARCH2's patterns serve verbs we do not list
    assert any(e.origin == "petrarch2" for lemma in ("expedite", "bombard") for e in d.entries("v", lemma)) \
        or d.has("v", "expedite")


def test_user_table_extends_and_owns(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "set\t&gadget\tgizmo|widget\n"
        "v\tbamboozle\t-\t-\t-\t-\t-\t112\tt:dobj\tmy own verb\n"
        "v\tsend\t-\t&gadget\t-\t-\t-\t072\tt:to\tgadgets are arms here\n"
        "v\tslam\t-\t-\t-\t-\t-\t110\town\treplace the built-in slam\n", "utf-8")
    d = load_dictionary(str(extra))
    assert d.entries("v", "bamboozle")[0].code == "112"
    assert any(e.origin == "user" and e.code == "072" for e in d.entries("v", "send"))
    assert any(e.origin == "newsgraph" for e in d.entries("v", "send"))  # merged, not replaced
    assert [e.code for e in d.entries("v", "slam")] == ["110"]           # "own" replaces ours
    with pytest.raises(ConfigError):
        load_dictionary(str(tmp_path / "absent.tsv"))
