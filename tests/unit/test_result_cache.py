"""kennisplein.cache.ResultCache: results kept on disk by the hash of their inputs."""
from __future__ import annotations

import json

from kennisplein.cache import ResultCache, key


def test_results_survive_a_save_and_unused_ones_are_dropped(tmp_path):
    path = tmp_path / "cache.json"
    first = ResultCache(path)
    first.put(key("a"), [1, "een"])
    first.put(key("b"), [2, "twee"])
    first.save()
    second = ResultCache(path)
    assert second.get(key("a")) == [1, "een"]
    second.save()  # "b" was not asked for in this run
    assert json.loads(path.read_text(encoding="utf-8")) == {key("a"): [1, "een"]}


def test_a_run_that_used_everything_and_added_nothing_does_not_write(tmp_path):
    path = tmp_path / "cache.json"
    first = ResultCache(path)
    first.put(key("a"), 1)
    first.save()
    again = ResultCache(path)
    assert again.get(key("a")) == 1
    path.write_text(json.dumps({key("a"): 1, "marker": 0}), encoding="utf-8")  # stands in for "the same file"
    again.save()
    assert "marker" in json.loads(path.read_text(encoding="utf-8")), "nothing new: the file is left alone"


def test_a_corrupt_cache_is_ignored(tmp_path):
    path = tmp_path / "cache.json"
    path.write_text("{kapot", encoding="utf-8")
    cache = ResultCache(path)
    assert cache.get(key("a")) is None
    cache.put(key("a"), 1)
    cache.save()
    assert ResultCache(path).get(key("a")) == 1
