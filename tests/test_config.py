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
