"""The document record: title, issuing region and plan period."""

from __future__ import annotations

from typing import Iterable

import regex

from plantext.models import Period
from plantext.timeexpr import find_period
from plantext.vocab import load_vocabulary, vocabulary_table


def find_region(title: str, texts: Iterable[str] = ()) -> str | None:
    """The issuing region printed at the start of the title (全国 for a
    national plan); when the title names none, the region of the issuer of
    the cover letter among ``texts`` (the plan's first paragraphs) that
    prints the plan (``国务院办公厅关于印发…的通知`` → 全国)."""
    region = _region_of_title(title)
    if region is not None:
        return region
    issuer = next(filter(None, map(_cover_letter_issuer, texts)), None)
    return _region_of_issuer(issuer) if issuer else None


def _cover_letter_issuer(text: str) -> str | None:
    """The issuer opening a cover letter's title (国务院办公厅 of
    国务院办公厅关于印发…), or ``None`` for any other text."""
    vocab = load_vocabulary("regions")
    issuer, opener, rest = text.partition(vocab["cover_letter_opener"])
    if not opener or not issuer.strip() or not any(word in rest for word in vocab["cover_letter_words"]):
        return None
    # Of bodies issuing jointly (中共宁川市委办公室 宁川市人民政府办公室), the
    # government is printed last.
    return regex.split(r"[\s、]+", issuer.strip())[-1]


def _region_of_issuer(issuer: str) -> str | None:
    """The region of a cover letter's issuer (江苏省人民政府办公厅 → 江苏省,
    宁川市人民政府 → 宁川市, 生态环境部 → 全国); ``None`` when it names none."""
    vocab = load_vocabulary("regions")
    if issuer.startswith((*vocab["national_markers"], *vocab["national_issuers"])) or issuer.endswith(vocab["ministry_ending"]):
        return vocab["national_name"]
    suffixes = tuple(vocab["local_suffixes"])
    name = next((issuer[: -len(office)] for office in vocab["issuer_offices"] if issuer.endswith(office)), issuer)
    for province in vocab["provinces"]:
        if name.startswith(province):
            local = _place_opening(name[len(province) :], suffixes)
            return province + local if local else province
    return _place_opening(name, suffixes)


def _place_opening(name: str, suffixes: tuple[str, ...]) -> str | None:
    """The place name opening an issuer's name (宁川市 of 宁川市生态环境局): two
    to eight characters and a place suffix, or ``None``."""
    found = regex.match(r"^\p{Han}{2,8}?(?:" + "|".join(map(regex.escape, suffixes)) + ")", name)
    return found.group() if found else None


def _region_of_title(title: str) -> str | None:
    vocab = load_vocabulary("regions")
    plan_words = load_vocabulary("numbering")["titles"]["plan_words"]
    for province in vocab["provinces"]:
        if title.startswith(province):
            local = _local_after(title[len(province) :], vocab["local_suffixes"], plan_words)
            return province + local if local else province
    local = _local_after(title, vocab["local_suffixes"], plan_words)
    if local:
        return local
    if title.startswith(tuple(vocab["national_markers"])):
        return vocab["national_name"]
    return None


def _local_after(text: str, suffixes: list[str], plan_words: list[str]) -> str | None:
    """A prefecture or county name (两到八个汉字 + 市/州/县…) opening ``text``,
    in a title naming a plan (规划, 实施方案, 行动计划 …); the plan's years
    may follow the name (禾源县2024年…工作方案, 某市2023—2025年…行动方案)."""
    plan_word = "|".join(map(regex.escape, plan_words))
    years = r"(?:[0-9]{4}(?:年|年度)?(?:[—\-～~至][0-9]{4}年?)?)?"
    pattern = (
        r"^\p{Han}{2,8}?(?:" + "|".join(map(regex.escape, suffixes)) + r")"
        r"(?=[“\"《]|" + years + r"\p{Han}*(?:[“\"]\p{Han}+[”\"])?\p{Han}*(?:" + plan_word + "))"
    )
    found = regex.match(pattern, text)
    if found and not any(word in found.group() for word in plan_words) and "十" not in found.group()[:1]:
        return found.group()
    return None


def find_plan_period(title: str, texts: Iterable[str] = ()) -> Period | None:
    """The plan's period, named in its title (``“十四五”``) or printed as its
    years (``（2021—2025年）``); when the title names none, the period that
    the first of ``texts`` (the plan's paragraphs) to state one gives
    (``规划期为2021—2025年``)."""
    years = find_period(title) or _single_year(title) or next(filter(None, map(_stated_period, texts)), None)
    return Period(start=years[0], end=years[1]) if years else None


def _single_year(title: str) -> tuple[int, int] | None:
    """The year of a plan for one year, named in its title before the kind
    of plan (禾源县2024年农村人居环境整治工作方案 → 2024–2024)."""
    vocab = load_vocabulary("periods")
    years = regex.findall(vocab["single_year"], title)
    if len(years) != 1 or not any(word in title for word in vocab["single_year_plans"]):
        return None
    return int(years[0]), int(years[0])


def _stated_period(text: str) -> tuple[int, int] | None:
    """The years of a period the text states for the plan (``规划期为2021—2025年``)."""
    vocab = load_vocabulary("periods")
    for found in _period_statement_words().finditer(text):
        if text[: found.start()].endswith(tuple(vocab["period_statement_not_after"])):
            continue
        rest = _without_link(text[found.end() :].lstrip(), vocab["period_statement_links"])
        # The period must follow at once: 规划期内，… states none.
        if rest[:1] and (rest[0].isdigit() or rest[0] in _period_openings(vocab)):
            years = find_period(rest[: vocab["period_statement_reach"]])
            if years:
                return years
    return None


def _without_link(text: str, links: list[str]) -> str:
    for link in sorted(links, key=len, reverse=True):
        if text.startswith(link):
            return text[len(link) :].lstrip()
    return text


def _period_openings(vocab) -> set[str]:
    """The characters a named period may open with: a quote, or the first
    character of a spelling of one (十四五, 第十四个五年)."""
    spellings = [name for name, period in vocab["periods"].items() for name in [name, *period.get("also", [])]]
    return set(vocab["quotes"]["open"]) | {spelling[0] for spelling in spellings}


def _period_statement_words() -> regex.Pattern:
    return vocabulary_table(_build_period_statement_words, "periods")


def _build_period_statement_words(periods) -> regex.Pattern:
    return regex.compile("|".join(map(regex.escape, sorted(periods["period_statement_words"], key=len, reverse=True))))
