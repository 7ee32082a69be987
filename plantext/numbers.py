"""Numbers and quantities as printed in Chinese plan text.

- ``parse_number`` reads one number: Arabic (``7.5``, ``1,234.5``, ``８５``) or
  Chinese (``二〇三〇``, ``一千二百``, ``百分之九十``, ``三分之一``).
- ``parse_chinese_numeral`` reads an integer written in Chinese (``十一`` → 11).
- ``find_quantities`` finds every number with a unit in a sentence
  (``600万千瓦``, ``90%``, ``60%—70%``, ``翻一番``), and fractions in words
  (``三分之一``), which have none.
- ``match_comparator`` reads the words around a quantity in prose
  (``下降…以上``, ``控制在…以内``) as a comparator and a kind of change;
  ``stated_comparator`` gives only what the words say, without the prose's
  defaults, for readers with defaults of their own (a table cell).
- ``read_unit`` reads a unit (``万kW`` → ``万千瓦``); ``compact_text`` applies the
  contract's whitespace rule while keeping offsets into the printed text.

The language knowledge lives in ``plantext/data``: ``numerals.yaml`` (numeral
characters, ranges, where numbers are names), ``units.yaml`` (units,
multipliers, aliases) and ``comparators.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Sequence, TypeVar

import regex

from plantext.normalize import is_cjk, to_half_width
from plantext.vocab import clear_on_change, load_vocabulary, vocabulary_table

# An Arabic number as printed: 85, 7.5, 1,234.5 (thousands separators only in
# groups of three, so a list such as 1,2 is not one number).  [0-9] rather
# than \d, which would also match the digits of other scripts.
ARABIC_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"

Number = int | float

T = TypeVar("T")

# ---------------------------------------------------------------------------
# Patterns built from the vocabularies
# ---------------------------------------------------------------------------


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so that the longest wins."""
    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


def enclosed_pattern(pairs: list[list[str]]) -> regex.Pattern:
    """A pattern of text enclosed by one of the (opening, closing) ``pairs``, unnested."""
    return regex.compile(
        "|".join(f"{regex.escape(open_)}[^{regex.escape(open_ + close)}]*{regex.escape(close)}" for open_, close in pairs)
    )


# ---------------------------------------------------------------------------
# Whitespace: matching on compact text, reporting offsets into the original
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CompactText:
    """Text normalised as the contract says, with a map back to the original.

    Full-width digits, letters and ％ are half-width; whitespace next to a
    Chinese character or Chinese punctuation is removed, other whitespace runs
    become one space.  ``offsets[i]`` is where ``text[i]`` stands in the
    original text, so matches found here can be reported as printed.
    """

    text: str
    offsets: Sequence[int]
    # What ``derived_from`` worked out from this text, by function: kept as
    # long as the compact text is cached.
    derived: dict = field(default_factory=dict, compare=False, repr=False)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of ``self.text[start:end]`` (``end > start``)."""
        return self.offsets[start], self.offsets[end - 1] + 1


_WHITESPACE = regex.compile(r"\s+")
# Whether there is any whitespace at all: the standard ``re`` answers that
# several times faster, and its \s takes in all of ``regex``'s.
_ANY_WHITESPACE = re.compile(r"\s")


@lru_cache(maxsize=4096)
def compact_text(text: str) -> CompactText:
    """Apply the contract's whitespace and width rules, keeping original offsets.

    Cached: the extractors look at the same sentence several times."""
    half_width = to_half_width(text)
    if _ANY_WHITESPACE.search(half_width) is None:
        # Most sentences (joined lines are normalised): every character stays,
        # and a range maps the offsets without building them one by one.
        return CompactText(half_width, range(len(half_width)))
    chars: list[str] = []
    offsets: list[int] = []
    copied_to = 0
    for run in _WHITESPACE.finditer(half_width):
        chars.extend(half_width[copied_to : run.start()])
        offsets.extend(range(copied_to, run.start()))
        before = half_width[run.start() - 1] if run.start() > 0 else ""
        after = half_width[run.end()] if run.end() < len(half_width) else ""
        # Leading and trailing whitespace goes too (no character on one side).
        if before and after and not is_cjk(before) and not is_cjk(after):
            chars.append(" ")
            offsets.append(run.start())
        copied_to = run.end()
    chars.extend(half_width[copied_to:])
    offsets.extend(range(copied_to, len(half_width)))
    return CompactText("".join(chars), tuple(offsets))


# Which characters are CJK is a vocabulary (normalization.yaml).
clear_on_change(compact_text.cache_clear)


def derived_from(text: str, compute: Callable[[str], T]) -> T:
    """``compute(text)``, worked out once per text.

    The targets and the deadlines extractors both read each sentence's time
    expressions; the result is kept with the sentence's cached compact form, so
    it lives exactly as long as that (``compact_text.cache_clear()``, which a
    change of vocabulary calls, drops it too).  ``compute`` must depend on
    nothing but ``text`` and the vocabularies.
    """
    derived = compact_text(text).derived
    if compute not in derived:
        derived[compute] = compute(text)
    return derived[compute]


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Numerals:
    digits: dict[str, int]
    units: dict[str, int]
    myriads: dict[str, int]
    decimal_point: str
    share_prefixes: dict[str, str]  # 百分之 → %, 千分之 → ‰
    whole_shares: dict[str, str]  # 百分之 → 百: 百分之百 is the whole
    fraction: str
    # A whole Arabic number, optionally signed and followed by a myriad (3.5万).
    arabic: regex.Pattern
    # The Chinese numeral characters (digits, units, myriads, 点), and a run of them.
    chinese_characters: str
    chinese_run: str


def _build_numerals(vocabulary) -> _Numerals:
    characters = "".join(
        [*vocabulary["digits"], *vocabulary["units"], *vocabulary["myriads"], vocabulary["decimal_point"]]
    )
    myriads = alternation(vocabulary["myriads"])
    return _Numerals(
        digits=vocabulary["digits"],
        units=vocabulary["units"],
        myriads=vocabulary["myriads"],
        decimal_point=vocabulary["decimal_point"],
        share_prefixes=vocabulary["share_prefixes"],
        whole_shares=vocabulary["whole_shares"],
        fraction=vocabulary["fraction"],
        arabic=regex.compile(rf"(?P<number>[-−]?{ARABIC_NUMBER})(?P<myriad>{myriads})?"),
        chinese_characters=characters,
        chinese_run="[" + regex.escape(characters) + "]+",
    )


def _numerals() -> _Numerals:
    return vocabulary_table(_build_numerals, "numerals")


def parse_number(text: str) -> Number | None:
    """The number printed in ``text``, or ``None`` when ``text`` is not one number.

    Reads Arabic numbers (``7.5``, ``1,234.5``, ``８５``, ``3.5万``) and Chinese
    ones (``二〇三〇`` → 2030, ``一千二百`` → 1200, ``零点五`` → 0.5,
    ``百分之九十`` → 90, ``千分之五`` → 5, ``三分之一`` → 0.333…): a share in
    words is its number of hundredths, thousandths or ten-thousandths (the
    unit is the caller's).  The result is an ``int`` when the value is
    integral and no decimal point was printed; fractions are floats.
    """
    numerals = _numerals()
    text = to_half_width(text).strip()
    for prefix in numerals.share_prefixes:
        if text.startswith(prefix):
            rest = text[len(prefix) :]
            if rest == numerals.whole_shares.get(prefix):
                return numerals.units[rest]
            return _parse_plain_number(rest, numerals)
    if numerals.fraction in text:
        denominator_text, numerator_text = text.split(numerals.fraction, 1)
        denominator = _parse_plain_number(denominator_text, numerals)
        numerator = _parse_plain_number(numerator_text, numerals)
        if denominator is None or numerator is None:
            return None
        return _fraction(numerator, denominator)
    return _parse_plain_number(text, numerals)


def _fraction(numerator: Number, denominator: Number) -> float | None:
    """``numerator / denominator`` as a float (三分之一 → 0.333…), ``None`` for
    a denominator of 0.  ``parse_number`` and ``find_quantities`` both read
    fractions so, and give the same value for the same words."""
    if denominator == 0:
        return None
    return float(_decimal(numerator) / _decimal(denominator))


def parse_chinese_numeral(text: str) -> int | None:
    """The integer written in Chinese numerals, or ``None``.

    Without place units the digits are read one by one (``二〇三〇`` → 2030);
    with them, by place (``十一`` → 11, ``二十三`` → 23, ``一百零五`` → 105,
    ``三万`` → 30000).  Runs that are not one number, such as ``十四五``, give
    ``None``; so do colloquial abbreviations like ``一百五``.
    """
    numerals = _numerals()
    if not text or any(char not in numerals.digits and char not in numerals.units and char not in numerals.myriads for char in text):
        return None
    if not any(char in numerals.units or char in numerals.myriads for char in text):
        return _read_digit_by_digit(text, numerals)
    return _read_by_place(text, numerals)


def _read_digit_by_digit(text: str, numerals: _Numerals) -> int:
    """Read digits one by one, as years are written: 二〇三〇 → 2030."""
    value = 0
    for char in text:
        value = value * 10 + numerals.digits[char]
    return value


def _read_by_place(text: str, numerals: _Numerals) -> int | None:
    """Read a Chinese numeral with place units (十, 百, 千) and myriads (万, 亿)."""
    total = 0  # the groups already closed by a myriad
    group = 0  # the value read since the last myriad
    digit: int | None = None  # a digit waiting for its place unit
    last_place: int | None = None  # the place of the last unit or myriad read
    zero_before_digit = False
    largest_myriad = 1
    for char in text:
        if char in numerals.units:
            place = numerals.units[char]
            # 十一 starts with a bare 十; 百 and 千 need their digit.
            if digit is None and place != 10:
                return None
            group += (1 if digit is None else digit) * place
            digit, last_place, zero_before_digit = None, place, False
        elif char in numerals.myriads:
            myriad = numerals.myriads[char]
            value = group + (digit or 0)
            if value == 0 and total == 0:
                return None
            # 一万亿: a larger myriad multiplies everything before it.
            if myriad > largest_myriad:
                total = (total + value) * myriad
                largest_myriad = myriad
            else:
                total += value * myriad
            group, digit, last_place, zero_before_digit = 0, None, myriad, False
        elif numerals.digits[char] == 0:
            # 零 marks a skipped place (一百零五); it cannot follow a digit.
            if digit is not None:
                return None
            zero_before_digit = True
        else:
            # Two digits in a row (十四五) are a name, not a number.
            if digit is not None:
                return None
            digit = numerals.digits[char]
    if digit is not None:
        # A trailing digit counts as ones after 十 or 零 only: 一百五 is
        # colloquial for 150 and is not read.
        if last_place not in (None, 10) and not zero_before_digit:
            return None
        group += digit
    return total + group


def _parse_plain_number(text: str, numerals: _Numerals) -> Number | None:
    """An Arabic or Chinese number without a share prefix (百分之) or 分之."""
    arabic = numerals.arabic.fullmatch(text)
    if arabic:
        value = _parse_arabic(arabic.group("number"))
        myriad = arabic.group("myriad")
        if myriad is None:
            return value
        printed_point = "." in arabic.group("number")
        return _as_number(_decimal(value) * numerals.myriads[myriad], keep_float=printed_point)
    return _parse_chinese_number(text, numerals)


def _parse_arabic(printed: str) -> Number:
    digits = printed.replace(",", "").replace("−", "-")
    # Through Decimal: int() refuses strings of thousands of digits.
    return _as_number(Decimal(digits), keep_float="." in digits)


def _parse_chinese_number(text: str, numerals: _Numerals) -> Number | None:
    """A Chinese number, possibly with a decimal part (七点五)."""
    if numerals.decimal_point not in text:
        return parse_chinese_numeral(text)
    whole_text, fraction_text = text.split(numerals.decimal_point, 1)
    whole = parse_chinese_numeral(whole_text)
    if whole is None or not fraction_text or any(char not in numerals.digits for char in fraction_text):
        return None
    fraction_digits = "".join(str(numerals.digits[char]) for char in fraction_text)
    return float(whole + Decimal("0." + fraction_digits))


def _decimal(value: Number) -> Decimal:
    """``value`` as an exact Decimal (a float as printed: 6.67, not its binary expansion)."""
    return Decimal(value) if isinstance(value, int) else Decimal(str(value))


def _as_number(value: Decimal, keep_float: bool = False) -> Number:
    """An int when ``value`` is integral (unless a float is asked for), else a float."""
    if value == value.to_integral_value() and not keep_float:
        return int(value)
    return float(value)


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitMatch:
    """A unit found in text: ``600万千瓦`` → unit ``万千瓦``, base ``千瓦``, factor 10000."""

    start: int
    end: int
    unit: str  # normalised: ％ → %, 万kW → 万千瓦, ug/m3 → 微克/立方米
    base_unit: str | None  # the unit without its multiplier; None for shares (%)
    factor: int  # the multiplier's value, 1 without one


@dataclass(frozen=True)
class _UnitForm:
    unit: str
    base_unit: str | None
    factor: int


# How a normalised unit writes "per": 微克/立方米, 克标准煤/千瓦时.
_PER = "/"


@dataclass(frozen=True)
class _Units:
    forms: dict[str, _UnitForm]  # every printed form → what it means
    pattern: regex.Pattern  # any printed form, longest first, after an optional space
    per: regex.Pattern  # the second part of an amount per a unit: /千瓦时, /万元


def _build_units(vocabulary) -> _Units:
    names = {name: name for name in [*vocabulary["ratio_units"], *vocabulary["units"]]}
    names.update(vocabulary["aliases"])
    forms: dict[str, _UnitForm] = {}
    for printed, name in names.items():
        base_unit = None if name in vocabulary["ratio_units"] else name
        forms[printed] = _UnitForm(name, base_unit, 1)
    for printed, name in names.items():
        if name in vocabulary["ratio_units"]:
            continue
        for multiplier, factor in vocabulary["multipliers"].items():
            # A plain unit wins over a multiplier with a shorter unit: 千米 is
            # the unit 千米, not 千 × 米.
            forms.setdefault(multiplier + printed, _UnitForm(multiplier + name, name, factor))
    per = rf"(?:{alternation(vocabulary['per_separators'])})(?P<per>{alternation(vocabulary['per_units'])})"
    return _Units(forms, regex.compile(rf" ?(?P<unit>{alternation(forms)})"), regex.compile(per))


def read_unit(text: str, position: int = 0) -> UnitMatch | None:
    """The unit printed at ``text[position:]`` (after at most one space), or ``None``.

    The longest printed form wins (``万千瓦时`` before ``万千瓦``); aliases are
    normalised (``ug/m3`` → ``微克/立方米``, ``万kW`` → ``万千瓦``).  An amount may
    be per another unit (``克标准煤/千瓦时``, ``千克标准煤/万元``).
    """
    units = vocabulary_table(_build_units, "units")
    found = units.pattern.match(text, position)
    if found is None:
        return None
    form = units.forms[found.group("unit")]
    # Only an amount (not a share) that is not already per a unit can be per another.
    is_amount = form.base_unit is not None and _PER not in form.unit
    per = units.per.match(text, found.end()) if is_amount else None
    if per is None:
        return UnitMatch(found.start("unit"), found.end(), form.unit, form.base_unit, form.factor)
    suffix = _PER + per.group("per")
    return UnitMatch(found.start("unit"), per.end(), form.unit + suffix, form.base_unit + suffix, form.factor)


# ---------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A number with its unit in a sentence: ``600万千瓦``, ``90%``, ``60%—70%``,
    ``翻一番``; or a fraction in words, without unit (``三分之一``)."""

    start: int  # offsets into the text given to find_quantities
    end: int
    raw: str  # text[start:end], as printed
    value: Number
    value_high: Number | None  # the upper end of a range (60%—70% → 70)
    unit: str | None  # normalised unit: %, 万千瓦, 微克/立方米; None for 翻一番 and 三分之一
    value_base: Number | None  # value in unit_base (600万千瓦 → 6000000)
    unit_base: str | None  # the unit without multiplier (千瓦); None for shares
    share_in_words: bool = False  # printed as a share in words: 百分之九十, 千分之五
    multiple: bool = False  # 翻一番 (value 2), 翻两番 (value 4)
    fraction: bool = False  # a fraction in words, without unit: 三分之一 (value 0.333…)


@dataclass(frozen=True)
class _Reading:
    """A quantity read from compact text, before offsets are mapped back."""

    start: int
    end: int
    value: Number
    value_high: Number | None = None
    unit: UnitMatch | None = None
    share_in_words: bool = False
    multiple: bool = False
    fraction: bool = False


@dataclass(frozen=True)
class _QuantityRules:
    token: regex.Pattern  # where a quantity may begin
    # The characters a token starts with: most clauses hold none (no digit,
    # no numeral), and ``re`` tells that several times faster than the tokens.
    token_start: re.Pattern
    number_at: regex.Pattern  # an Arabic number or a run of Chinese numerals
    range_separator: regex.Pattern
    shared_unit_joiner: regex.Pattern
    shared_unit_most_numbers: int
    share_units: dict[str, str]  # the unit each share prefix names
    fraction: str  # the 分之 of 三分之一, between denominator and numerator
    ordinal_prefix: str
    names_after: regex.Pattern  # 三年行动: the quantity is part of a name
    year_suffix: str
    first_year: int
    last_year: int
    quotations: regex.Pattern
    titles: regex.Pattern
    clause_punctuation: str


def _build_quantity_rules(vocabulary) -> _QuantityRules:
    numerals = _build_numerals(vocabulary)
    digits = regex.escape("".join(vocabulary["digits"]))
    doubling = vocabulary["doubling"]
    # An Arabic number right after a Latin letter or a digit is part of a
    # name or code (PM2.5, CO2, GB3095): it never starts a quantity.
    arabic = rf"(?<![A-Za-z0-9.,]){ARABIC_NUMBER}"
    token = (
        rf"(?P<doubling>{regex.escape(doubling['before'])}(?P<times>[{digits}])?{regex.escape(doubling['after'])})"
        rf"|(?P<share>{alternation(numerals.share_prefixes)})"
        rf"|{arabic}|{numerals.chinese_run}"
    )
    year = vocabulary["calendar_year"]
    starts = doubling["before"][0] + "".join(prefix[0] for prefix in numerals.share_prefixes) + numerals.chinese_characters
    return _QuantityRules(
        token=regex.compile(token),
        token_start=re.compile("[0-9" + re.escape(starts) + "]"),
        number_at=regex.compile(rf"(?P<arabic>{arabic})|{numerals.chinese_run}"),
        range_separator=regex.compile(rf" ?(?:{alternation(vocabulary['range_separators'])}) ?"),
        shared_unit_joiner=regex.compile(alternation(vocabulary["shared_unit_joiners"])),
        shared_unit_most_numbers=vocabulary["shared_unit_most_numbers"],
        share_units=numerals.share_prefixes,
        fraction=numerals.fraction,
        ordinal_prefix=vocabulary["ordinal_prefix"],
        names_after=regex.compile(alternation(vocabulary["names_after_quantity"])),
        year_suffix=year["suffix"],
        first_year=year["first"],
        last_year=year["last"],
        quotations=enclosed_pattern(vocabulary["name_quotes"]),
        titles=enclosed_pattern(vocabulary["title_brackets"]),
        clause_punctuation=vocabulary["clause_punctuation"],
    )


def find_quantities(text: str) -> list[Quantity]:
    """Every number with a unit in ``text``, in order of appearance.

    Not quantities: calendar years (``2025年``, ``二〇三五年``, ``2021—2025年``),
    numbers in names and codes (``PM2.5``, ``国6a``, ``“1+4”``, ``“十四五”``),
    numbers in document titles (``《…》``), ordinals (``第二个``), and numbers
    without a unit.  A fraction in words (``三分之一``, ``五分之二``) is a
    quantity without unit, its value the float ``parse_number`` reads
    (0.333…); a share in words (``百分之三十``) is one of its unit (30 %).
    For Chinese numerals the multiplier is read into the value
    (``三万亩`` → 30000 亩); for Arabic ones it stays with the unit
    (``6.67万亩`` → 6.67 万亩, value_base 66700 亩).
    """
    compact = compact_text(text)
    rules = vocabulary_table(_build_quantity_rules, "numerals")
    if rules.token_start.search(compact.text) is None:
        return []
    name_spans = _name_spans(compact.text, rules)
    quantities = []
    resume_at = 0
    for token in rules.token.finditer(compact.text):
        if token.start() < resume_at or _inside_any(token.start(), name_spans):
            continue
        if compact.text[token.start() - 1 : token.start()] == rules.ordinal_prefix:
            continue
        reading = _read_quantity(compact.text, token, rules)
        if reading is None:
            continue
        resume_at = reading.end
        quantities.append(_quantity(text, compact, reading))
    return quantities


def _name_spans(text: str, rules: _QuantityRules) -> list[tuple[int, int]]:
    """Spans of document titles, and of quoted names (quotations without clause punctuation)."""
    spans = [found.span() for found in rules.titles.finditer(text)]
    for found in rules.quotations.finditer(text):
        if not any(mark in found.group() for mark in rules.clause_punctuation):
            spans.append(found.span())
    return spans


def _inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _read_quantity(text: str, token: regex.Match, rules: _QuantityRules) -> _Reading | None:
    """Read the quantity that begins at ``token``, or ``None`` if there is none."""
    if token.group("doubling"):
        times = token.group("times")
        value = 2 ** (_numerals().digits[times] if times else 1)
        return _Reading(token.start(), token.end(), value, multiple=True)
    if token.group("share"):
        number = _read_share_number(text, token.end(), token.group("share"), rules)
        if number is None:
            return None
        value, end = number
        share = UnitMatch(token.start(), token.end(), rules.share_units[token.group("share")], None, 1)
        return _Reading(token.start(), end, value, unit=share, share_in_words=True)
    return _read_number_with_unit(text, token.start(), rules)


def _read_share_number(text: str, position: int, prefix: str, rules: _QuantityRules) -> tuple[Number, int] | None:
    """The number of a share in words after its ``prefix`` and where it ends:
    九十 of 百分之九十, and the whole of 百分之百 (100)."""
    number = _read_number(text, position, rules)
    if number is not None:
        return number
    numerals = _numerals()
    whole = numerals.whole_shares.get(prefix)
    if whole and text.startswith(whole, position):
        return numerals.units[whole], position + len(whole)
    return None


def _read_number_with_unit(text: str, start: int, rules: _QuantityRules) -> _Reading | None:
    """A number, or a range of two, followed by a unit: 6.67万亩, 60%—70%, 60-70%;
    or a fraction in words (三分之一), which has no unit."""
    low = _read_number(text, start, rules)
    if low is None:
        return None
    low_value, low_end = low
    if text.startswith(rules.fraction, low_end):
        return _read_fraction(text, start, low_value, low_end + len(rules.fraction), rules)
    low_unit = read_unit(text, low_end)
    reading = None
    if low_unit is not None:
        reading = _Reading(start, low_unit.end, low_value, unit=low_unit)
    high = _read_range_end(text, low_unit.end if low_unit else low_end, rules)
    if high is not None:
        high_value, high_unit = high
        if low_unit is None or low_unit.unit == high_unit.unit:
            reading = _Reading(start, high_unit.end, low_value, high_value, high_unit)
    if reading is None:
        reading = _with_unit_printed_after(text, start, low_value, low_end, rules)
    if reading is None or _is_calendar_year(reading, rules) or rules.names_after.match(text, reading.end):
        return None
    return reading


def _with_unit_printed_after(
    text: str, start: int, value: Number, end: int, rules: _QuantityRules
) -> _Reading | None:
    """A bare number joined to a number with a unit, which it shares: the 30
    of ``30和50微克/立方米`` (or of ``30、40和50万吨``) is 30 微克/立方米;
    ``None`` otherwise.  Only a few bare numbers may come between: a long
    run of them is a table's, and looking further would cost time for each."""
    position = end
    for _ in range(rules.shared_unit_most_numbers):
        joiner = rules.shared_unit_joiner.match(text, position)
        number = _read_number(text, joiner.end(), rules) if joiner else None
        if number is None:
            return None
        position = number[1]
        unit = read_unit(text, position)
        if unit is not None:
            # A range (50—60微克/立方米) prints its unit for itself.
            return None if _read_range_end(text, unit.end, rules) else _Reading(start, end, value, unit=unit)
    return None


def _read_fraction(
    text: str, start: int, denominator: Number, position: int, rules: _QuantityRules
) -> _Reading | None:
    """The fraction whose denominator, printed first, ends where its numerator
    begins at ``position`` (三分之|一); ``None`` without a numerator or for a
    denominator of 0.  Nothing after it is its unit (三分之一以上: 以上 is the
    comparator's)."""
    numerator = _read_number(text, position, rules)
    if numerator is None:
        return None
    value = _fraction(numerator[0], denominator)
    if value is None or rules.names_after.match(text, numerator[1]):
        return None
    return _Reading(start, numerator[1], value, fraction=True)


def _read_range_end(text: str, position: int, rules: _QuantityRules) -> tuple[Number, UnitMatch] | None:
    """The upper end of a range starting at ``position`` (a separator, a number, a unit)."""
    separator = rules.range_separator.match(text, position)
    if separator is None:
        return None
    number = _read_number(text, separator.end(), rules)
    if number is None:
        return None
    value, end = number
    unit = read_unit(text, end)
    if unit is None:
        return None
    return value, unit


def _read_number(text: str, position: int, rules: _QuantityRules) -> tuple[Number, int] | None:
    """The number printed at ``text[position:]`` and where it ends.

    A run of Chinese numerals is read as its longest prefix that is a number:
    in ``一百万千瓦`` the number is ``一百万`` and the unit ``千瓦``.
    """
    found = rules.number_at.match(text, position)
    if found is None:
        return None
    if found.group("arabic"):
        return _parse_arabic(found.group()), found.end()
    numerals = _numerals()
    for end in range(found.end(), position, -1):
        value = _parse_chinese_number(text[position:end], numerals)
        if value is not None:
            return value, end
    return None


def _is_calendar_year(reading: _Reading, rules: _QuantityRules) -> bool:
    """True for 2025年, 二〇三五年 and 2021—2025年: dates, not counts of years."""
    if reading.unit is None or reading.unit.unit != rules.year_suffix:
        return False
    return any(
        isinstance(value, int) and rules.first_year <= value <= rules.last_year
        for value in (reading.value, reading.value_high)
    )


def _quantity(text: str, compact: CompactText, reading: _Reading) -> Quantity:
    start, end = compact.original_span(reading.start, reading.end)
    unit = reading.unit
    value_base = unit_base = None
    if unit is not None and unit.base_unit is not None:
        value_base = _as_number(_decimal(reading.value) * unit.factor)
        unit_base = unit.base_unit
    return Quantity(
        start=start,
        end=end,
        raw=text[start:end],
        value=reading.value,
        value_high=reading.value_high,
        unit=unit.unit if unit else None,
        value_base=value_base,
        unit_base=unit_base,
        share_in_words=reading.share_in_words,
        multiple=reading.multiple,
        fraction=reading.fraction,
    )


# ---------------------------------------------------------------------------
# Comparators in prose
# ---------------------------------------------------------------------------


def match_comparator(before: str, after: str) -> tuple[str, str]:
    """The comparator and kind of change a quantity is stated with in prose.

    ``before`` is the text of the clause before the quantity, ``after`` the
    text after it.  A word right after the quantity (以上, 以内, 左右) decides
    the comparator; else a word right before it (不低于, 超过, 约); else the
    verb nearest before it (达到, 控制在, 下降); else the default (a bare amount
    to reach is a floor, ``>=``).  The verb also gives the change: ``level``,
    ``increase`` or ``decrease``; ``multiple`` (翻一番) is carried by the
    quantity itself (``Quantity.multiple``).

    >>> match_comparator("化学需氧量排放总量下降", "以上")
    ('>=', 'decrease')
    >>> match_comparator("细颗粒物浓度控制在", "以内")
    ('<=', 'level')
    """
    default = load_vocabulary("comparators")["default"]
    comparator, change = stated_comparator(before, after)
    return comparator or default["comparator"], change or default["change"]


def stated_comparator(before: str, after: str) -> tuple[str | None, str | None]:
    """What the words around a number say of its comparator and change, as
    ``match_comparator`` reads them but without its defaults: ``None`` for
    what no word gives.  A table cell reads its words so and has a default
    of its own (a printed number is ``=``).

    >>> stated_comparator("下降到", "")
    ('<=', 'level')
    >>> stated_comparator("下降", "")
    (None, 'decrease')
    >>> stated_comparator("", "")
    (None, None)
    """
    vocabulary = load_vocabulary("comparators")
    before = compact_text(before).text
    after = compact_text(after).text
    verb = _nearest_verb(before, vocabulary["verbs"]) or {}
    comparator = (
        _word_at_start(after, vocabulary["after_number"])
        or _word_at_end(before, vocabulary["before_number"])
        or verb.get("comparator")
    )
    return comparator, verb.get("change")


def _word_at_start(text: str, words: dict[str, str]) -> str | None:
    """The meaning of the longest word of ``words`` that ``text`` starts with."""
    matching = [word for word in words if text.startswith(word)]
    return words[max(matching, key=len)] if matching else None


def _word_at_end(text: str, words: dict[str, str]) -> str | None:
    """The meaning of the longest word of ``words`` that ``text`` ends with."""
    matching = [word for word in words if text.endswith(word)]
    return words[max(matching, key=len)] if matching else None


def _nearest_verb(text: str, verbs: dict[str, dict]) -> dict | None:
    """The verb of ``verbs`` that ends last in ``text`` (the longest, on a tie)."""
    best_word, best_end = None, -1
    for word in verbs:
        found_at = text.rfind(word)
        if found_at < 0:
            continue
        end = found_at + len(word)
        if end > best_end or (end == best_end and len(word) > len(best_word)):
            best_word, best_end = word, end
    return verbs[best_word] if best_word else None
