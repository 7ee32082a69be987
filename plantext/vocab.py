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

import yaml

DATA_DIR = Path(__file__).parent / "data"

_extensions: dict[str, list[Path]] = {}
# Incremented whenever a vocabulary is extended, so that tables built from
# vocabularies (compiled patterns) know when to rebuild.
_generation = 0


def vocabulary_generation() -> int:
    return _generation


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
    """Merge a researcher's YAML file over the shipped vocabulary ``name``."""
    global _generation
    _extensions.setdefault(name, []).append(Path(path))
    _generation += 1
    load_vocabulary.cache_clear()
