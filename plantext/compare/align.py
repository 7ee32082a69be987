"""Aligning indicator names to the catalogue, each with a confidence and a rule.

Plans word one indicator many ways (``细颗粒物(PM2.5)浓度``,
``城市细颗粒物（PM2.5）平均浓度``, ``地级及以上城市PM2.5浓度``).  The
``Aligner`` maps a printed name to a catalogue id by the first rule that
decides, in order of certainty:

- ``alias``: the name is the catalogue name or an alias;
- ``normalised``: the same after removing units, brackets, footnote markers,
  scope words (全省, 地级及以上城市) and filler words, and unifying synonyms;
- ``pattern``: a catalogue pattern is found in the name; a name listing
  several indicators (``化学需氧量和氨氮排放总量下降``) is split and each part
  aligned (``compound``);
- ``fuzzy``: jieba-token and character similarity (rapidfuzz).

An alignment less confident than the threshold is not made: the name stays
unaligned, with its best candidate and the reason.  The scope found in the
name is kept on the alignment.  The language data (synonyms, scope and filler
words, brackets, rule confidences) is in ``plantext/data/alignment.yaml``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import jieba
import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from plantext.compare.catalogue import Catalogue, CatalogueEntry, CatalogueError
from plantext.normalize import normalize_text
from plantext.numbers import alternation, read_unit
from plantext.vocab import load_vocabulary

jieba.setLogLevel(logging.WARNING)

UNALIGNED = "none"


@dataclass(frozen=True)
class Alignment:
    """How one printed name (or one part of it) maps to the catalogue."""

    name: str  # the name aligned: as printed (a prose target's metric with its change word)
    indicator_id: str | None  # None when it stays unaligned
    confidence: float  # of the alignment; for an unaligned name, of its best candidate
    rule: str  # alias, normalised, pattern, compound, fuzzy; "none" when unaligned
    scope: str | None = None  # scope words found in the name, e.g. 地级及以上城市
    partial_scope: bool = False  # the scope covers part of the region only (a river basin)
    part: int | None = None  # position of the part in a compound name
    parts: int = 1  # number of parts of the name
    candidate: str | None = None  # unaligned: the best candidate id
    reason: str | None = None  # unaligned: why no id was given

    @property
    def aligned(self) -> bool:
        return self.indicator_id is not None


@dataclass(frozen=True)
class _Forms:
    """The forms of a name that the rules compare (see alignment.yaml)."""

    exact: str
    plain: str  # brackets removed but their Chinese kept, synonyms unified
    unscoped: str  # the plain form without scope words
    core: str  # without bracketed text, scope words and filler words
    scopes: tuple[str, ...]
    partial_scope: bool


@dataclass(frozen=True)
class _Language:
    """alignment.yaml, compiled."""

    confidence: dict[str, float]
    threshold: float
    fuzzy_scale: float
    character_weight: float
    margin: float
    bracket_map: dict[int, int]
    bracket_group: regex.Pattern
    footnotes: tuple[regex.Pattern, ...]
    synonyms: dict[str, str]
    synonym_pattern: regex.Pattern
    scope_pattern: regex.Pattern
    partial_scope_pattern: regex.Pattern
    filler_pattern: regex.Pattern
    listing_pattern: regex.Pattern
    change_words: dict[str, str]
    change_units: dict[str, tuple[str, ...]]


def _language() -> _Language:
    data = load_vocabulary("alignment")
    openings = "".join(pair[0] for pair in data["brackets"])
    closings = "".join(pair[1] for pair in data["brackets"])
    scope_words = [word for kind in data["scopes"].values() for word in kind.get("words", [])]
    scope_patterns = [pattern for kind in data["scopes"].values() for pattern in kind.get("patterns", [])]
    partial = data["scopes"]["part"]
    synonyms = {key.upper(): value for key, value in data["synonyms"].items()}
    return _Language(
        confidence=data["confidence"],
        threshold=data["threshold"],
        fuzzy_scale=data["fuzzy"]["scale"],
        character_weight=data["fuzzy"]["character_weight"],
        margin=data["fuzzy"]["margin"],
        bracket_map={**{ord(c): ord("(") for c in openings}, **{ord(c): ord(")") for c in closings}},
        bracket_group=regex.compile(r"\(([^()]*)\)"),
        footnotes=tuple(regex.compile(pattern) for pattern in data["footnote_patterns"]),
        synonyms=synonyms,
        synonym_pattern=regex.compile(alternation(synonyms)),
        scope_pattern=regex.compile("|".join([*scope_patterns, alternation(scope_words)])),
        partial_scope_pattern=regex.compile("|".join([*partial.get("patterns", []), alternation(partial.get("words", []))])),
        filler_pattern=regex.compile(alternation(data["filler_words"])),
        listing_pattern=regex.compile(alternation(data["listing_separators"])),
        change_words=data["change_words"],
        change_units={unit: tuple(forms) for unit, forms in data["change_units"].items()},
    )


class Aligner:
    """Aligns names to one catalogue; ``threshold`` defaults to alignment.yaml's."""

    def __init__(self, catalogue: Catalogue, threshold: float | None = None):
        self.catalogue = catalogue
        self.language = _language()
        self.threshold = self.language.threshold if threshold is None else threshold
        self._exact_index = self._index(lambda forms: forms.exact, "alias")
        self._core_index = self._index(lambda forms: forms.core, "normalised form")
        self._fuzzy_names = [
            (entry.id, forms.core, _tokens(forms.core))
            for entry in catalogue
            for forms in map(self.forms, entry.names)
            if forms.core
        ]
        self._cache: dict[tuple[str, str | None], list[Alignment]] = {}

    # ------------------------------------------------------------ public

    def align(self, name: str, unit: str | None = None) -> list[Alignment]:
        """One alignment for ``name``, or one per part of a compound name.

        ``unit`` is the unit printed with the name: an id whose unit it
        cannot be (a concentration in %) is never chosen.
        """
        key = (name, unit)
        if key not in self._cache:
            self._cache[key] = self._align(name, unit)
        return self._cache[key]

    def align_target(self, metric: str, unit: str | None, change: str) -> list[Alignment]:
        """Align the metric of a prose target, read with its kind of change.

        ``单位国内生产总值能源消耗`` with change ``decrease`` is aligned as
        ``单位国内生产总值能源消耗降低``, the indicator its value belongs to.
        """
        word = self.language.change_words.get(change)
        if word and word not in self.forms(metric).plain:
            metric += word
        return self.align(metric, unit)

    def forms(self, name: str) -> _Forms:
        """The exact, plain and core forms of a name (see alignment.yaml)."""
        exact = self._exact_form(name)
        cleaned = self._without_footnotes(self._without_unit_brackets(exact))
        plain = self._unify_synonyms(self._without_brackets(cleaned, keep_chinese=True))
        scopes = tuple(match.group() for match in self.language.scope_pattern.finditer(plain))
        partial = any(self.language.partial_scope_pattern.fullmatch(scope) for scope in scopes)
        unscoped = self.language.scope_pattern.sub("", plain) or plain
        core = self._unify_synonyms(self._without_brackets(cleaned, keep_chinese=False))
        core = self.language.scope_pattern.sub("", core)
        core = self.language.filler_pattern.sub("", core)
        return _Forms(exact, plain, unscoped, core, scopes, partial)

    # ------------------------------------------------------------ rules

    def _align(self, name: str, unit: str | None) -> list[Alignment]:
        forms = self.forms(name)
        found = self._by_index(forms, unit)
        if found is None:
            pattern_ids = self._pattern_ids(forms.plain, unit)
            if len(pattern_ids) == 1:
                found = (pattern_ids[0], "pattern")
            elif len(pattern_ids) > 1:
                return self._compound(name, forms, unit) or [
                    self._unaligned(name, forms, pattern_ids[0], self.language.confidence["pattern"],
                                    f"ambiguous: the name matches {', '.join(pattern_ids)}")
                ]
        if found is None:
            return [self._fuzzy(name, forms, unit)]
        indicator_id, rule = found
        confidence = self.language.confidence[rule]
        if confidence < self.threshold:
            return [self._unaligned(name, forms, indicator_id, confidence, self._below_threshold(rule, indicator_id, confidence))]
        return [self._aligned(name, forms, indicator_id, confidence, rule)]

    def _by_index(self, forms: _Forms, unit: str | None) -> tuple[str, str] | None:
        for index, form, rule in ((self._exact_index, forms.exact, "alias"), (self._core_index, forms.core, "normalised")):
            indicator_id = index.get(form)
            if indicator_id and self._usable(self.catalogue[indicator_id], forms.plain, unit):
                return indicator_id, rule
        return None

    def _pattern_ids(self, plain: str, unit: str | None) -> list[str]:
        return [
            entry.id
            for entry in self.catalogue
            if any(pattern.search(plain) for pattern in entry.patterns) and self._usable(entry, plain, unit)
        ]

    def _compound(self, name: str, forms: _Forms, unit: str | None) -> list[Alignment] | None:
        """Split a name listing several indicators; each part must align by a rule.

        The items before the last share the last item's tail
        (``化学需氧量和氨氮排放总量下降`` → ``化学需氧量排放总量下降``,
        ``氨氮排放总量下降``); the shortest tail that aligns every part to a
        different id wins.
        """
        confidence = self.language.confidence["compound"]
        items = [item for item in self.language.listing_pattern.split(forms.unscoped) if item]
        if len(items) < 2 or confidence < self.threshold:
            return None
        last = items[-1]
        for cut in range(len(last) - 1, 0, -1):
            ids = [self._rule_id(part, unit) for part in [item + last[cut:] for item in items[:-1]] + [last]]
            if None not in ids and len(set(ids)) == len(ids):
                return [
                    self._aligned(name, forms, indicator_id, confidence, "compound", position, len(ids))
                    for position, indicator_id in enumerate(ids)
                ]
        return None

    def _rule_id(self, name: str, unit: str | None) -> str | None:
        """The id a name gets by the alias, normalised or pattern rule alone."""
        forms = self.forms(name)
        found = self._by_index(forms, unit)
        if found is not None:
            return found[0]
        pattern_ids = self._pattern_ids(forms.plain, unit)
        return pattern_ids[0] if len(pattern_ids) == 1 else None

    def _fuzzy(self, name: str, forms: _Forms, unit: str | None) -> Alignment:
        """The most similar id, if similar enough, allowed, and clearly ahead of the next one."""
        scores = self._similarities(forms.core)
        if not scores:
            return self._unaligned(name, forms, None, 0.0, "the name is empty once normalised")
        confidence, best = scores[0]
        if confidence < self.threshold:
            return self._unaligned(name, forms, best, confidence, self._below_threshold("fuzzy", best, confidence))
        if not self._usable(self.catalogue[best], forms.plain, unit):
            # A less similar id is not taken in place of one ruled out.
            return self._unaligned(name, forms, best, confidence, self._veto_reason(best, forms.plain, unit))
        rivals = [(score, other) for score, other in scores[1:] if self._usable(self.catalogue[other], forms.plain, unit)]
        if rivals and confidence - rivals[0][0] < self.language.margin:
            return self._unaligned(name, forms, best, confidence,
                                   f"ambiguous: {best} ({confidence:.2f}) and {rivals[0][1]} ({rivals[0][0]:.2f})")
        return self._aligned(name, forms, best, confidence, "fuzzy")

    def _similarities(self, core: str) -> list[tuple[float, str]]:
        """(confidence, id) of every id by its most similar name, best first."""
        if not core:
            return []
        tokens = _tokens(core)
        weight = self.language.character_weight
        best: dict[str, float] = {}
        for indicator_id, other_core, other_tokens in self._fuzzy_names:
            similarity = (weight * fuzz.ratio(core, other_core) / 100
                          + (1 - weight) * Indel.normalized_similarity(tokens, other_tokens))
            best[indicator_id] = max(best.get(indicator_id, 0.0), similarity)
        scale = self.language.fuzzy_scale
        return sorted(((round(score * scale, 3), indicator_id) for indicator_id, score in best.items()),
                      key=lambda item: (-item[0], item[1]))

    def _aligned(self, name, forms, indicator_id, confidence, rule, part=None, parts=1) -> Alignment:
        return Alignment(name, indicator_id, confidence, rule, "/".join(forms.scopes) or None,
                         forms.partial_scope, part, parts)

    def _unaligned(self, name, forms, candidate, confidence, reason) -> Alignment:
        return Alignment(name, None, confidence, UNALIGNED, "/".join(forms.scopes) or None,
                         forms.partial_scope, candidate=candidate, reason=reason)

    def _below_threshold(self, rule: str, indicator_id: str, confidence: float) -> str:
        return f"{rule} match {indicator_id} ({confidence:.2f}) is below the threshold {self.threshold:.2f}"

    def _veto_reason(self, indicator_id: str, plain: str, unit: str | None) -> str:
        """Why the most similar id was not given: its unit, its change, or a word it excludes."""
        entry = self.catalogue[indicator_id]
        if not self._unit_fits(entry, unit):
            return f"unit {unit} does not fit {indicator_id} ({entry.unit or 'no unit'})"
        if not self._states_change(entry, plain):
            return f"{indicator_id} is a {entry.change} and the name does not say so"
        word = next(word for word in entry.excludes if word in plain)
        return f"the word {word} rules out {indicator_id}"

    # ------------------------------------------------------------ checks

    def _usable(self, entry: CatalogueEntry, plain: str, unit: str | None) -> bool:
        """Whether ``entry`` may be given to a name.

        The name holds none of the entry's excluded words, its unit fits, and
        when the entry is itself a change (单位GDP能耗降低) the name says so:
        ``PM2.5浓度`` is never a decrease of it, however similar.
        """
        return (
            not any(word in plain for word in entry.excludes)
            and self._unit_fits(entry, unit)
            and self._states_change(entry, plain)
        )

    def _states_change(self, entry: CatalogueEntry, plain: str) -> bool:
        return entry.change is None or self.language.change_words[entry.change] in plain

    def _unit_fits(self, entry: CatalogueEntry, unit: str | None) -> bool:
        return entry.accepts_unit(unit) or unit in self.language.change_units.get(entry.unit, ())

    def _index(self, form_of, what: str) -> dict[str, str]:
        """Form → id over every catalogue name and alias; two ids never share a form."""
        index: dict[str, str] = {}
        for entry in self.catalogue:
            for name in entry.names:
                form = form_of(self.forms(name))
                if not form:
                    continue
                if index.get(form, entry.id) != entry.id:
                    raise CatalogueError(
                        f"{' + '.join(self.catalogue.sources)}: {entry.id} and {index[form]} share the {what} {form!r}"
                    )
                index[form] = entry.id
        return index

    # ------------------------------------------------------------ forms

    def _exact_form(self, name: str) -> str:
        text = regex.sub(r"\s+", "", normalize_text(name))
        return text.translate(self.language.bracket_map).upper()

    def _without_unit_brackets(self, text: str) -> str:
        return self.language.bracket_group.sub(lambda m: "" if _is_unit(m.group(1)) else m.group(), text)

    def _without_footnotes(self, text: str) -> str:
        for pattern in self.language.footnotes:
            text = pattern.sub("", text)
        return text

    def _without_brackets(self, text: str, keep_chinese: bool) -> str:
        def replace(match: regex.Match) -> str:
            content = match.group(1)
            return content if keep_chinese and regex.search(r"\p{Han}", content) else ""

        previous = None
        while previous != text:  # nested brackets, innermost first
            previous, text = text, self.language.bracket_group.sub(replace, text)
        return text.replace("(", "").replace(")", "")

    def _unify_synonyms(self, text: str) -> str:
        return self.language.synonym_pattern.sub(lambda m: self.language.synonyms[m.group()], text)


def _is_unit(text: str) -> bool:
    found = read_unit(text)
    return found is not None and found.start == 0 and found.end == len(text)


def _tokens(text: str) -> list[str]:
    """jieba's words of ``text``, sorted: the token similarity ignores word order."""
    return sorted(jieba.lcut(text))
