"""Places: gazetteer resolution, disambiguation by context, actor-versus-place use, datelines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsgraph import config
from newsgraph.gazetteer import get_gazetteer, name_key
from newsgraph.model import Analysis, Article, Place, Span
from newsgraph.places import PlaceContext, default_resolver, places_component, resolve_place

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _kb() -> Any:
    try:
        from newsgraph.kb import get_kb

        return get_kb()
    except Exception:  # the KB is optional for places: the gazetteer answers alone
        return None


@dataclass
class Ctx:
    config: dict[str, Any]
    kb: Any


@pytest.fixture(scope="session")
def ctx() -> Ctx:
    return Ctx(config.load(), _kb())


@pytest.fixture
def run(nlp, ctx):
    """Analyse ``text`` for places; returns the analysis."""

    def _run(text: str, *, dateline: str | None = None, dateline_span: Span | None = None) -> Analysis:
        article = Article(id="t", text=text, published="2022-05-17", dateline=dateline, dateline_span=dateline_span)
        analysis = places_component(Analysis(article=article, doc=nlp(text)), ctx)
        for place in analysis.places:  # every span holds its text
            assert place.mentions
            for m in place.mentions:
                assert text[m.start:m.end] == m.text
        assert len({p.id for p in analysis.places}) == len(analysis.places)
        return analysis

    return _run


def by_id(analysis: Analysis) -> dict[str, Place]:
    return {p.id: p for p in analysis.places}


def mentions(analysis: Analysis, place_id: str) -> list[str]:
    return [m.text for m in by_id(analysis)[place_id].mentions]


MOSCOW_RU = "geonames:524901"
MOSCOW_ID = "geonames:5601538"


# ---- resolve_place ------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "context", "place_id", "feature"), [
    ("Moscow", (), MOSCOW_RU, "city"),
    ("MOSCOW", (), MOSCOW_RU, "city"),
    ("Georgia", (), "country:GEO", "country"),
    ("the United States", (), "country:USA", "country"),
    ("the U.S.", (), "country:USA", "country"),
    ("the Kremlin", (), "region:kremlin", "seat"),
    ("Black Sea", (), "region:black-sea", "region"),
    ("Nagorno-Karabakh", (), "region:nagorno-karabakh", "region"),
    ("Kiev", (), "geonames:703448", "city"),
    ("Kyiv", (), "geonames:703448", "city"),
    ("Washington", (), "geonames:4140963", "city"),
    ("New Delhi", (), "geonames:1261481", "city"),
    ("Mexico", (), "country:MEX", "country"),
    ("Donetsk region", (), "geonames:709716", "admin1"),
    ("Paris", ("USA",), "geonames:2988507", "city"),  # a country alone does not outweigh a capital
])
def test_resolve_place(name: str, context: tuple[str, ...], place_id: str, feature: str) -> None:
    place = resolve_place(name, list(context))
    assert place is not None, name
    assert (place.id, place.feature) == (place_id, feature)
    assert place.lat is not None and place.lon is not None
    assert place.mentions == []


def test_resolve_place_unknown_and_blocs() -> None:
    assert resolve_place("Qwxzyville") is None
    assert resolve_place("") is None
    assert resolve_place("the West") is None
    assert resolve_place("the collective West") is None


def test_curated_region_carries_country_or_none() -> None:
    assert resolve_place("Crimea").country == "UKR"  # type: ignore[union-attr]
    assert resolve_place("Gaza Strip").country == "PSE"  # type: ignore[union-attr]
    assert resolve_place("the Middle East").country is None  # type: ignore[union-attr]


def test_resolution_records_its_rule() -> None:
    r = default_resolver()
    assert r.resolve("Idaho").rule == "only-candidate"  # type: ignore[union-attr]
    georgia = r.resolve("Georgia", PlaceContext.of_countries(["GEO"]))
    assert georgia is not None and georgia.entry.id == "country:GEO"
    assert georgia.rule in {"prior-country", "context-country"}
    assert r.resolve("Donetsk region").rule == "region-word"  # type: ignore[union-attr]


def test_name_key_normalises_spelling() -> None:
    assert name_key("St. Petersburg") == name_key("Saint-Petersburg")
    assert name_key("the U.S.") == name_key("US") == "us"
    assert name_key("Zürich") == "zurich"


# ---- the component ------------------------------------------------------------------------------
def test_moscow_is_the_russian_capital_by_default(run) -> None:
    a = run("Diplomats gathered in Moscow for the talks.")
    assert list(by_id(a)) == [MOSCOW_RU]
    assert by_id(a)[MOSCOW_RU].country == "RUS"


def test_moscow_idaho_by_qualifier(run) -> None:
    a = run("Police in Moscow, Idaho, arrested a suspect.")
    assert MOSCOW_ID in by_id(a) and MOSCOW_RU not in by_id(a)
    assert by_id(a)[MOSCOW_ID].country == "USA"
    assert mentions(a, "geonames:5596512") == ["Idaho"]


def test_moscow_idaho_by_context(run) -> None:
    a = run("The college town of Moscow was quiet. Farmers across Idaho expect rain this week.")
    assert MOSCOW_ID in by_id(a) and MOSCOW_RU not in by_id(a)


def test_georgia_the_country_next_to_tbilisi(run) -> None:
    a = run("Protesters marched in Tbilisi. Elsewhere in Georgia the roads were closed.")
    assert "country:GEO" in by_id(a)
    assert "geonames:4197000" not in by_id(a)


def test_georgia_the_country_next_to_the_caucasus(run) -> None:
    a = run("Pipelines across the Caucasus pass through Georgia on their way west.")
    assert "country:GEO" in by_id(a) and "region:caucasus" in by_id(a)


def test_georgia_the_state_next_to_atlanta(run) -> None:
    a = run("Voters in Georgia queued for hours at polling stations in Atlanta.")
    assert "geonames:4197000" in by_id(a)
    assert by_id(a)["geonames:4197000"].feature == "admin1"
    assert "country:GEO" not in by_id(a)


def test_paris_texas(run) -> None:
    a = run("The rodeo moved from Paris, Texas, to a bigger arena in Dallas.")
    assert "geonames:4717560" in by_id(a)
    assert "geonames:2988507" not in by_id(a)


def _countries(a) -> set[str | None]:
    return {p.country for p in a.places}


@pytest.mark.parametrize("text", [
    "The mill in Athens, W.Va., closed on Friday after a long strike.",
    "The mill in Athens, WV, closed on Friday after a long strike.",
    "The mill in Athens, West Virginia, closed on Friday after a long strike.",
])
def test_a_small_town_stays_in_the_state_written_after_it(run, text: str) -> None:
    # the gazetteer has no Athens in West Virginia: the state itself, never the Greek capital
    a = run(text)
    assert _countries(a) == {"USA"}
    place = next(p for p in a.places if any(m.text == "Athens" for m in p.mentions))
    assert place.name == "West Virginia"


def test_an_abbreviated_state_picks_the_town_inside_it(run) -> None:
    a = run("Farmers met in Springfield, Ill., and in Athens, Ga., to plan the harvest.")
    assert _countries(a) == {"USA"}
    assert {p.feature for p in a.places if p.name in {"Springfield", "Athens"}} == {"city"}


@pytest.mark.parametrize("text, names", [
    ("Storms hit Arkansas, Oklahoma, Alabama and Tennessee overnight.", {"Arkansas", "Oklahoma"}),
    ("Aid flights reached Liberia, Sierra Leone and Guinea this week.", {"Liberia", "Sierra Leone"}),
    ("Rallies were held in Chicago, New York and Boston on Saturday.", {"Chicago", "Boston"}),
])
def test_a_list_of_places_is_no_qualification(run, text: str, names: set[str]) -> None:
    # a comma between two places is a list unless the second contains the first
    assert names <= {p.name for p in run(text).places}


def test_resolve_place_with_a_qualifier() -> None:
    assert resolve_place("Athens", qualifier="W.Va.").country == "USA"
    assert resolve_place("Athens", qualifier="Ohio").feature == "city"
    assert resolve_place("Arkansas", qualifier="Oklahoma", listing=True).name == "Arkansas"
    assert resolve_place("Athens").country == "GRC"


def test_capital_as_metonym_is_no_place(run) -> None:
    a = run("Moscow said the talks had failed. Washington warned of new sanctions.")
    assert a.places == []
    why = {d["text"]: d["why"] for d in a.scratch["places.mentions"]}
    assert why["Moscow"].startswith("metonym") and why["Washington"].startswith("metonym")


def test_capital_used_locationally_is_a_place_with_only_those_mentions(run) -> None:
    text = "Moscow said on Monday that envoys would meet in Moscow next week."
    a = run(text)
    assert mentions(a, MOSCOW_RU) == ["Moscow"]
    assert by_id(a)[MOSCOW_RU].mentions[0].start == text.rindex("Moscow")


def test_country_as_subject_is_an_actor_not_a_place(run) -> None:
    a = run("Russia accused its neighbour of provocations. Fighting continued in Ukraine and Belarus.")
    assert "country:RUS" not in by_id(a)
    assert "country:UKR" in by_id(a) and "country:BLR" in by_id(a)


def test_relational_to_is_not_locative(run) -> None:
    a = run("The ambassador to Belarus travelled to Armenia.")
    assert "country:BLR" not in by_id(a)
    assert "country:ARM" in by_id(a)


def test_seat_of_government(run) -> None:
    a = run("Leaders arrived at the Kremlin. The Kremlin later denied the report.")
    assert mentions(a, "region:kremlin") == ["Kremlin"]
    assert by_id(a)["region:kremlin"].feature == "seat"


def test_black_sea_and_disputed_regions(run) -> None:
    a = run("Warships patrolled the Black Sea while shelling went on in Donbas and Crimea.")
    places = by_id(a)
    assert {"region:black-sea", "region:donbas", "region:crimea"} <= set(places)
    black_sea = places["region:black-sea"]
    assert black_sea.country is None and black_sea.lat is not None
    assert places["region:crimea"].country == "UKR"


def test_blocs_are_never_places(run) -> None:
    a = run("The collective West imposed sanctions, and the West sent arms to the region.")
    assert a.places == []


def test_mentions_of_one_place_are_merged(run) -> None:
    a = run("Sirens sounded in Kyiv. Residents of Kiev sheltered in the metro, and Kyiv's mayor spoke.")
    kyiv = by_id(a)["geonames:703448"]
    assert [m.text for m in kyiv.mentions] == ["Kyiv", "Kiev", "Kyiv"]


def test_dateline_is_a_place(run) -> None:
    text = "MOSCOW: Officials met to discuss grain exports."
    a = run(text, dateline="MOSCOW", dateline_span=Span.of(text, 0, 6))
    assert mentions(a, MOSCOW_RU) == ["MOSCOW"]


def test_dateline_without_span_is_skipped(run) -> None:
    a = run("Officials met to discuss grain exports.", dateline="New Delhi", dateline_span=None)
    assert a.places == []


def test_wikinews_date_dateline_is_not_a_place(run) -> None:
    text = "Friday, January 4, 2019\nOfficials met to discuss grain exports."
    a = run(text, dateline="Friday, January 4, 2019", dateline_span=Span.of(text, 0, 23))
    assert a.places == []


def test_without_a_doc_only_curated_names_and_dateline(ctx) -> None:
    text = "NEW DELHI: Ships waited in the Black Sea."
    article = Article(id="t", text=text, dateline="NEW DELHI", dateline_span=Span.of(text, 0, 9))
    a = places_component(Analysis(article=article), ctx)
    assert {p.id for p in a.places} == {"geonames:1261481", "region:black-sea"}


def test_component_is_registered() -> None:
    from newsgraph.pipeline import get_component

    assert get_component("places.gazetteer") is places_component


def test_gazetteer_tables_load() -> None:
    g = get_gazetteer()
    assert len(g.countries) >= 240
    assert g.capitals["RUS"].id == MOSCOW_RU
    assert g.capitals["IND"].name == "New Delhi"


@pytest.mark.shared
def test_gazetteer_build_is_reproducible(tmp_path: Path) -> None:
    source = SHARED / "data" / "kb"
    if not (source / "geonames_admin").exists():
        pytest.skip("../shared/data/kb is not available")
    from newsgraph.gazetteer import build

    build.build(source, tmp_path)
    for name in ("countries.tsv", "admin1.tsv", "cities.tsv"):
        assert (tmp_path / name).read_bytes() == (build.DATA / name).read_bytes(), name
