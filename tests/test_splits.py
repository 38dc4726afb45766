"""Tune/check splits: stable, about 70/30, one module; error listings refuse the check part."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsgraph.errors import EvalError
from newsgraph.evaluate import splits
from newsgraph.evaluate.cli import plover, quotes
from newsgraph.evaluate.polnear import evaluate_polnear


def test_the_part_of_an_item_never_changes():
    # pinned: changing the salt or the share would mix tune and check
    assert [splits.split_of("plover", f"r{i}") for i in range(8)] == [
        splits.split_of("plover", f"r{i}") for i in range(8)]
    assert splits.fraction("polnear", "a") == splits.fraction("polnear", "a")
    assert splits.SALT == "newsgraph-split/1" and splits.TUNE_SHARE == 0.7


def test_about_seventy_percent_tune():
    parts = [splits.split_of("ngec", f"story {i}") for i in range(5000)]
    share = parts.count("tune") / len(parts)
    assert 0.67 < share < 0.73


def test_sets_are_split_independently():
    a = [splits.split_of("plover", str(i)) for i in range(400)]
    b = [splits.split_of("conflibert", str(i)) for i in range(400)]
    assert a != b


def test_text_ids_ignore_white_space():
    assert splits.text_id("Kenya , Ghana  and\nTogo") == splits.text_id("Kenya, Ghana and Togo".replace(", ", " , "))
    assert splits.split_of("conflibert", splits.text_id("a b c")) == splits.split_of("conflibert", splits.text_id("a  b\tc"))


def test_select_keeps_order_and_refuses_unknown_parts():
    items = [f"x{i}" for i in range(50)]
    tune = splits.select("wikinews", items, str, "tune")
    check = splits.select("wikinews", items, str, "check")
    assert sorted(tune + check) == sorted(items) and not set(tune) & set(check)
    assert tune == [x for x in items if x in set(tune)]
    assert splits.select("wikinews", items, str, "all") == items
    with pytest.raises(ValueError):
        splits.select("wikinews", items, str, "dev")
    with pytest.raises(ValueError):
        splits.split_of("no-such-set", "x")


@pytest.mark.parametrize("split", ["both", "check", "all"])
def test_show_is_refused_unless_tune(split):
    for cmd in (quotes, plover):
        result = CliRunner().invoke(cmd, ["--show", "5", "--split", split])
        assert result.exit_code != 0
        assert isinstance(result.exception, EvalError) and "tune split only" in str(result.exception)


def test_library_refuses_listing_check_misses(tmp_path):
    with pytest.raises(EvalError) as exc:
        evaluate_polnear(tmp_path, show=3, split="check")
    assert exc.value.code == "NG600"


def test_plover_eval_prints_both_parts_and_lists_tune_errors():
    from conftest import need_shared

    path = need_shared("data", "dev", "plover_gsr", "plover_gsr_dev.json")
    out = CliRunner().invoke(plover, [str(path)])
    assert out.exit_code == 0, out.output
    header = out.output.splitlines()[1].split()
    assert header[-2:] == ["tune", "check"] and "(check)" not in out.output.splitlines()[0]
    shown = CliRunner().invoke(plover, [str(path), "--split", "tune", "--show", "2"])
    assert shown.exit_code == 0 and "records not fully right (first 2)" in shown.output
    import json

    js = json.loads(CliRunner().invoke(plover, [str(path), "--format", "json"]).output)
    assert js["tune"]["report"]["records"] and "records" not in js["check"]["report"]
