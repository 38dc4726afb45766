"""One defaults file; user file, environment and overrides on top; unknown keys are errors."""

from __future__ import annotations

import pytest

from newsgraph import config
from newsgraph.errors import ConfigError
from newsgraph.pipeline import Pipeline, registered


def test_defaults_have_every_section_and_valid_components():
    cfg = config.defaults()
    assert {"nlp", "pipeline", "components", "input", "events", "store", "api"} <= set(cfg)
    names = registered()
    for step in cfg["pipeline"]["order"]:
        assert cfg["components"][step] in names, f"{step} -> {cfg['components'][step]} is not registered"


def test_env_and_override_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_NLP_BATCH_SIZE", "7")
    assert config.load()["nlp"]["batch_size"] == 7
    f = tmp_path / "c.toml"
    f.write_text('[nlp]\nbatch_size = 3\nmodel = "en_core_web_lg"\n')
    cfg = config.load(f)
    assert cfg["nlp"]["model"] == "en_core_web_lg" and cfg["nlp"]["batch_size"] == 7  # env beats file
    with config.override(nlp={"batch_size": 99}):
        assert config.load()["nlp"]["batch_size"] == 99
    assert config.load()["nlp"]["batch_size"] == 7


@pytest.mark.parametrize("bad", [{"nlpx": {"a": 1}}, {"nlp": {"modle": "x"}}])
def test_unknown_keys_are_errors(bad):
    with pytest.raises(ConfigError):
        config.load(**bad)


def test_bad_env_value(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_NLP_BATCH_SIZE", "many")
    with pytest.raises(ConfigError) as exc:
        config.load()
    assert "NEWSGRAPH_NLP_BATCH_SIZE" in str(exc.value)


def test_unknown_component_is_named():
    cfg = config.load(components={"actors": "actors.nope"})
    with pytest.raises(ConfigError) as exc:
        Pipeline(cfg)
    assert "actors.nope" in str(exc.value)


def test_missing_model_is_a_clear_error():
    from newsgraph.errors import ModelNotInstalled
    from newsgraph.nlp import load_model

    with pytest.raises(ModelNotInstalled) as exc:
        load_model("en_core_web_nonexistent")
    assert "pip install" in str(exc.value)


# ---- the typed schema -----------------------------------------------------------------------------

def test_schema_and_defaults_name_the_same_keys():
    import tomllib
    from importlib import resources

    from newsgraph.config_schema import SECTIONS

    raw = tomllib.loads(resources.files("newsgraph").joinpath("defaults.toml").read_text("utf-8"))
    assert set(raw) == set(SECTIONS)
    for section, model in SECTIONS.items():
        assert set(raw[section]) == set(model.model_fields), section


@pytest.mark.parametrize(("value", "want"), [("false", False), ("0", False), ("off", False), ("no", False),
                                             ("true", True), ("1", True), ("yes", True), ("True", True)])
def test_environment_booleans_mean_what_they_say(monkeypatch, value, want):
    monkeypatch.setenv("NEWSGRAPH_EVENTS_ONE_SIDED", value)
    assert config.load()["events"]["one_sided"] is want


def test_environment_boolean_that_is_not_one_is_refused(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_EVENTS_ONE_SIDED", "maybe")
    with pytest.raises(ConfigError) as exc:
        config.load()
    assert exc.value.code == "NG200"
    assert "NEWSGRAPH_EVENTS_ONE_SIDED" in str(exc.value) and "true or false" in str(exc.value)


def test_a_quoted_boolean_in_a_file_is_refused(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text('[events]\none_sided = "false"\n')
    with pytest.raises(ConfigError) as exc:
        config.load(f)
    msg = str(exc.value)
    assert "events.one_sided" in msg and "'false'" in msg and str(f) in msg and "true or false" in msg


@pytest.mark.parametrize(("section", "key", "value", "words"), [
    ("nlp", "batch_size", 0, ">= 1"),
    ("nlp", "batch_size", "32", "whole number"),
    ("nlp", "batch_size", True, "whole number"),
    ("api", "port", 70000, "<= 65535"),
    ("analytics", "dup_threshold", 1.5, "<= 1.0"),
    ("analytics", "dup_bands", 3, "divide 128"),
    ("input", "extensions", ["txt"], "dot"),
    ("input", "max_mb", -1, "> 0"),
    ("pipeline", "order", ["nlp", "nlp"], "twice"),
])
def test_wrong_values_from_python_are_refused_naming_key_and_value(section, key, value, words):
    with pytest.raises(ConfigError) as exc:
        config.load(**{section: {key: value}})
    msg = str(exc.value)
    assert f"{section}.{key}" in msg and repr(value) in msg and words in msg


def test_config_set_checks_at_once_and_can_be_taken_back():
    default = config.load()["events"]["one_sided"]
    with pytest.raises(ConfigError):
        config.set(events={"one_sided": "yes"})
    assert config.load()["events"]["one_sided"] is default
    with config.set(events={"one_sided": not default}):
        assert config.load()["events"]["one_sided"] is (not default)
    assert config.load()["events"]["one_sided"] is default
    s = config.set(nlp={"batch_size": 5})
    try:
        assert config.load()["nlp"]["batch_size"] == 5
    finally:
        s.reset()
    assert config.load()["nlp"]["batch_size"] == 32


@pytest.mark.parametrize(("bad", "nearest"), [({"nlp": {"modle": "x"}}, "model"),
                                              ({"evnets": {"one_sided": True}}, "events"),
                                              ({"events": {"onesided": True}}, "one_sided")])
def test_unknown_keys_are_refused_with_the_nearest_known_key(bad, nearest):
    with pytest.raises(ConfigError) as exc:
        config.load(**bad)
    assert f"did you mean {nearest!r}" in str(exc.value)


def test_pipeline_steps_need_a_component():
    with pytest.raises(ConfigError) as exc:
        config.load(pipeline={"order": ["ingest", "nlp", "sentiment"]})
    assert "sentiment" in str(exc.value)
    cfg = config.load(pipeline={"order": ["ingest", "nlp", "sentiment"]}, components={"sentiment": "my.sentiment"})
    assert cfg["components"]["sentiment"] == "my.sentiment"


def test_environment_lists(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_INPUT_EXTENSIONS", ".txt,.html")
    assert config.load()["input"]["extensions"] == [".txt", ".html"]
    monkeypatch.setenv("NEWSGRAPH_INPUT_EXTENSIONS", '[".md"]')
    assert config.load()["input"]["extensions"] == [".md"]
