"""The canonical indicator catalogue: loading, merging and checking it.

The catalogue (``plantext/data/catalogue.yaml``) names every indicator the
comparison knows, with a stable id (``air.pm25_concentration``), a Chinese
name, aliases and patterns, the unit values are compared in, the direction
in which the indicator improves and its domain.  A researcher extends it
with files of the same shape:

>>> catalogue = load_catalogue(["my-indicators.yaml"])   # doctest: +SKIP

Each file is merged over the shipped catalogue with the rule of
``plantext.vocab``: mappings key by key, lists appended, other values
replaced.  The result is checked, and a file that breaks it is named in the
``CatalogueError``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

from plantext.vocab import _merge, load_vocabulary

DIRECTIONS = ("up", "down")
CHANGES = ("decrease", "increase")
ID_PATTERN = regex.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$")
REQUIRED_FIELDS = ("name", "domain", "unit", "direction")
OPTIONAL_FIELDS = ("change", "aliases", "patterns", "excludes", "conversions", "note")


class CatalogueError(ValueError):
    """A catalogue that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class CatalogueEntry:
    """One canonical indicator of the catalogue."""

    id: str
    name: str
    domain: str
    unit: str | None
    direction: str  # "up" or "down": the direction in which it improves
    change: str | None = None  # "decrease"/"increase" when the indicator is itself a change
    aliases: tuple[str, ...] = ()
    patterns: tuple[regex.Pattern, ...] = ()
    excludes: tuple[str, ...] = ()
    conversions: dict[str, float] = field(default_factory=dict)
    note: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)

    def accepts_unit(self, unit: str | None) -> bool:
        """Whether a value printed in ``unit`` can be a value of this indicator."""
        return unit is None or unit == self.unit or unit in self.conversions

    def convert(self, value: float | None, unit: str | None) -> tuple[float | None, str | None]:
        """``value`` printed in ``unit``, in this indicator's unit when a conversion is known."""
        if unit in self.conversions and value is not None:
            return _round(value * self.conversions[unit]), self.unit
        return value, unit


@dataclass(frozen=True)
class Catalogue:
    """The indicators by id, in catalogue order, with the domains' labels."""

    indicators: dict[str, CatalogueEntry]
    domains: dict[str, str]  # domain → Chinese label, in display order
    sources: tuple[str, ...]  # the files it was read from, shipped one first

    def __getitem__(self, indicator_id: str) -> CatalogueEntry:
        return self.indicators[indicator_id]

    def __contains__(self, indicator_id: str) -> bool:
        return indicator_id in self.indicators

    def __iter__(self):
        return iter(self.indicators.values())

    def __len__(self) -> int:
        return len(self.indicators)

    def order(self, indicator_id: str) -> tuple[int, int]:
        """Sort key: domain order, then order of appearance in the catalogue."""
        domain = self.indicators[indicator_id].domain
        return list(self.domains).index(domain), list(self.indicators).index(indicator_id)


def load_catalogue(extra_paths=()) -> Catalogue:
    """The shipped catalogue with each file of ``extra_paths`` merged over it."""
    data = load_vocabulary("catalogue")
    sources = ["plantext/data/catalogue.yaml"]
    for path in extra_paths:
        data = _merge(data, _read_user_file(Path(path)))
        sources.append(str(path))
    return build_catalogue(data, sources)


def _read_user_file(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except OSError as error:
        raise CatalogueError(f"{path}: cannot read ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise CatalogueError(f"{path}: not valid YAML ({_first_line(error)})") from None
    if not isinstance(data, dict) or not set(data) <= {"domains", "indicators"}:
        raise CatalogueError(f"{path}: a catalogue file holds `domains` and/or `indicators` mappings")
    return data


def build_catalogue(data: dict, sources=("<data>",)) -> Catalogue:
    """Check parsed catalogue data and build the ``Catalogue``."""
    where = " + ".join(map(str, sources))
    domains = data.get("domains") or {}
    entries = data.get("indicators") or {}
    if not isinstance(domains, dict) or not isinstance(entries, dict):
        raise CatalogueError(f"{where}: `domains` and `indicators` must be mappings")
    indicators = {}
    for indicator_id, entry in entries.items():
        try:
            indicators[indicator_id] = _build_indicator(indicator_id, entry, domains)
        except CatalogueError as error:
            raise CatalogueError(f"{where}: {indicator_id}: {error}") from None
    return Catalogue(indicators, dict(domains), tuple(map(str, sources)))


def _build_indicator(indicator_id: str, entry, domains: dict) -> CatalogueEntry:
    if not ID_PATTERN.match(str(indicator_id)):
        raise CatalogueError("an id is `<domain>.<name>` in lower case, digits and _")
    if not isinstance(entry, dict):
        raise CatalogueError("an entry is a mapping of fields")
    unknown = set(entry) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS)
    if unknown:
        raise CatalogueError(f"unknown field {sorted(unknown)[0]!r}")
    missing = [name for name in REQUIRED_FIELDS if name not in entry]
    if missing:
        raise CatalogueError(f"missing field {missing[0]!r}")
    domain = entry["domain"]
    if domain not in domains:
        raise CatalogueError(f"domain {domain!r} is not one of `domains`")
    if indicator_id.split(".")[0] != domain:
        raise CatalogueError(f"the id must start with its domain {domain!r}")
    if entry["direction"] not in DIRECTIONS:
        raise CatalogueError(f"direction must be one of {', '.join(DIRECTIONS)}")
    if entry.get("change") not in (None, *CHANGES):
        raise CatalogueError(f"change must be one of {', '.join(CHANGES)}")
    return CatalogueEntry(
        id=indicator_id,
        name=_text(entry["name"], "name"),
        domain=domain,
        unit=None if entry["unit"] is None else _text(entry["unit"], "unit"),
        direction=entry["direction"],
        change=entry.get("change"),
        aliases=tuple(_text(alias, "alias") for alias in entry.get("aliases") or ()),
        patterns=tuple(_compile(pattern) for pattern in entry.get("patterns") or ()),
        excludes=tuple(_text(word, "exclude") for word in entry.get("excludes") or ()),
        conversions=_conversions(entry.get("conversions") or {}),
        note=entry.get("note"),
    )


def _text(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CatalogueError(f"{what} must be non-empty text, not {value!r}")
    return value.strip()


def _compile(pattern) -> regex.Pattern:
    try:
        return regex.compile(_text(pattern, "pattern"))
    except regex.error as error:
        raise CatalogueError(f"pattern {pattern!r} is not a valid regular expression ({error})") from None


def _conversions(conversions) -> dict[str, float]:
    if not isinstance(conversions, dict):
        raise CatalogueError("conversions map a printed unit to a factor")
    for unit, factor in conversions.items():
        if isinstance(factor, bool) or not isinstance(factor, (int, float)) or factor <= 0:
            raise CatalogueError(f"conversion factor for {unit!r} must be a positive number")
    return {str(unit): float(factor) for unit, factor in conversions.items()}


def _round(value: float) -> float:
    # 0.55 万吨 × 10000 is 5500.000000000001 in binary floating point.
    return round(value, 10)


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]
