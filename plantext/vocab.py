"""Language knowledge kept as data: loading the YAML files in ``plantext/data``.

Each vocabulary (comparators, units, periods, numbering styles, regions, …) is
a YAML file a researcher can read and extend.  Code asks for one by name:

>>> periods = load_vocabulary("periods")

A user file of the same shape can be merged over the shipped one with
``extend_vocabulary(name, path)``: mappings are merged key by key, lists are
appended.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

import yaml

DATA_DIR = Path(__file__).parent / "data"

_extensions: dict[str, list[Path]] = {}
# Incremented whenever a vocabulary is extended, so that tables built from
# vocabularies (compiled patterns) know when to rebuild.
_generation = 0


T = TypeVar("T")


# Caches of text worked out with the vocabularies (compact sentences), dropped
# when a vocabulary changes; registered by the modules that keep them.
_caches_to_clear: list[Callable[[], None]] = []


def clear_on_change(cache_clear: Callable[[], None]) -> None:
    """Have ``cache_clear`` called whenever a vocabulary is extended or reset."""
    _caches_to_clear.append(cache_clear)


# Each builder's last table, with the generation it was built from.
_built_tables: dict[Callable, tuple[int, object]] = {}


def vocabulary_table(build: Callable[..., T], *names: str) -> T:
    """Return ``build(*vocabularies)`` for the named vocabularies, built once.

    Building a table (a regex of every unit, say) costs far more than using it,
    so the result is kept until ``extend_vocabulary`` changes a vocabulary;
    the table is then built again.
    """
    kept = _built_tables.get(build)
    generation = _generation
    if kept is not None and kept[0] == generation:
        return kept[1]
    table = build(*(load_vocabulary(name) for name in names))
    _built_tables[build] = (generation, table)
    return table


def _merge(base, extra):
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


@lru_cache(maxsize=None)
def load_vocabulary(name: str):
    """Return the parsed ``plantext/data/<name>.yaml``, merged with user extensions."""
    path = DATA_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    for extra_path in _extensions.get(name, []):
        with Path(extra_path).open(encoding="utf-8") as handle:
            data = _merge(data, yaml.safe_load(handle))
    return data


def extend_vocabulary(name: str, path: str | Path) -> None:
    """Merge a researcher's YAML file over the shipped vocabulary ``name``;
    it applies from the next call on."""
    _extensions.setdefault(name, []).append(Path(path))
    _vocabularies_changed()


def reset_vocabularies() -> None:
    """Drop every extension: the shipped vocabularies apply again."""
    _extensions.clear()
    _vocabularies_changed()


def _vocabularies_changed() -> None:
    global _generation
    _generation += 1
    load_vocabulary.cache_clear()
    for cache_clear in _caches_to_clear:
        cache_clear()
