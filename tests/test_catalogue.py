"""The indicator catalogue: the shipped entries, unit conversions, user extensions, checks."""

from __future__ import annotations

import pytest

from plantext.compare.align import Aligner
from plantext.compare.catalogue import CatalogueError, build_catalogue, load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


# The indicators the comparison of the bundled plans rests on.
# (id, name, unit, direction, domain)
CORE_INDICATORS = [
    ("air.pm25_concentration", "细颗粒物（PM2.5）浓度", "微克/立方米", "down", "air"),
    ("air.pm25_reduction", "细颗粒物（PM2.5）浓度下降", "%", "up", "air"),
    ("air.good_days_ratio", "空气质量优良天数比例", "%", "up", "air"),
    ("water.surface_good_ratio", "地表水达到或好于Ⅲ类水体比例", "%", "up", "water"),
    ("water.surface_worst_ratio", "地表水劣Ⅴ类水体比例", "%", "down", "water"),
    ("ecology.forest_cover", "森林覆盖率", "%", "up", "ecology"),
    ("climate.co2_intensity_reduction", "单位国内生产总值二氧化碳排放降低", "%", "up", "climate"),
    ("climate.energy_intensity_reduction", "单位国内生产总值能源消耗降低", "%", "up", "climate"),
    ("risk.radiation_accidents", "重大放射源辐射事故", None, "down", "risk"),
]


@pytest.mark.parametrize("indicator_id, name, unit, direction, domain", CORE_INDICATORS)
def test_core_indicators_have_their_name_unit_direction_and_domain(catalogue, indicator_id, name, unit, direction, domain):
    entry = catalogue[indicator_id]
    assert (entry.name, entry.unit, entry.direction, entry.domain) == (name, unit, direction, domain)


def test_every_shipped_id_starts_with_its_domain_and_every_domain_has_a_label(catalogue):
    assert len(catalogue) >= 80
    for entry in catalogue:
        assert entry.id.split(".")[0] == entry.domain
        assert entry.domain in catalogue.domains


def test_the_shipped_catalogue_gives_no_two_ids_one_normalised_name(catalogue):
    Aligner(catalogue)  # builds the name indexes, which refuse a shared form


# (id, value, printed unit) → (value, unit) in the catalogue's unit
CONVERSIONS = [
    ("air.pm25_concentration", 0.035, "毫克/立方米", 35.0, "微克/立方米"),
    ("emissions.nox_key_project_reduction", 5500, "吨", 0.55, "万吨"),
    ("ecology.desertified_land_treated", 2, "万公顷", 30.0, "万亩"),
    ("ecology.redline_area", 250000, "平方公里", 25.0, "万平方公里"),
    ("ecology.forest_cover", 24.1, "%", 24.1, "%"),  # already in the catalogue's unit
    ("climate.clean_power_capacity", 3, "个", 3, "个"),  # no conversion known: left as printed
]


@pytest.mark.parametrize("indicator_id, value, unit, expected_value, expected_unit", CONVERSIONS)
def test_values_convert_to_the_catalogue_unit(catalogue, indicator_id, value, unit, expected_value, expected_unit):
    assert catalogue[indicator_id].convert(value, unit) == (expected_value, expected_unit)


def test_a_user_file_adds_aliases_to_an_entry_and_new_entries(tmp_path):
    extra = tmp_path / "my.yaml"
    extra.write_text(
        "domains:\n"
        "  transport: 交通运输\n"
        "indicators:\n"
        "  air.pm25_concentration:\n"
        "    aliases: [微细颗粒物年均值]\n"
        "  transport.freight_co2_intensity_reduction:\n"
        "    name: 营运车辆单位运输周转量二氧化碳排放下降\n"
        "    domain: transport\n"
        "    unit: '%'\n"
        "    direction: up\n"
        "    change: decrease\n",
        encoding="utf-8",
    )
    catalogue = load_catalogue([extra])

    assert catalogue["air.pm25_concentration"].aliases[-1] == "微细颗粒物年均值"
    assert "PM2.5浓度" in catalogue["air.pm25_concentration"].aliases  # shipped aliases stay
    assert catalogue["transport.freight_co2_intensity_reduction"].domain == "transport"
    assert catalogue.sources == ("plantext/data/catalogue.yaml", str(extra))
    aligner = Aligner(catalogue)
    assert aligner.align("微细颗粒物年均值")[0].indicator_id == "air.pm25_concentration"
    assert (aligner.align_target("营运车辆单位运输周转量二氧化碳排放", "%", "decrease")[0].indicator_id
            == "transport.freight_co2_intensity_reduction")


# A user entry that breaks a rule → words of the error message
BROKEN_ENTRIES = [
    ({"name": "x", "domain": "air", "unit": "%", "direction": "sideways"}, "direction must be one of up, down"),
    ({"name": "x", "domain": "air", "unit": "%", "direction": "up", "colour": "red"}, "unknown field 'colour'"),
    ({"name": "x", "domain": "air", "unit": "%"}, "missing field 'direction'"),
    ({"name": "x", "domain": "water", "unit": "%", "direction": "up"}, "the id must start with its domain 'water'"),
    ({"name": "x", "domain": "space", "unit": "%", "direction": "up"}, "domain 'space' is not one of `domains`"),
    ({"name": "x", "domain": "air", "unit": "%", "direction": "up", "patterns": ["(unclosed"]}, "not a valid regular expression"),
    ({"name": "x", "domain": "air", "unit": "%", "direction": "up", "conversions": {"吨": -1}}, "must be a positive number"),
    ({"name": "x", "domain": "air", "unit": "%", "direction": "up", "change": "sideways"}, "change must be one of"),
]


@pytest.mark.parametrize("entry, message", BROKEN_ENTRIES)
def test_a_broken_entry_is_refused_naming_the_entry(entry, message):
    data = {"domains": {"air": "大气环境", "water": "水环境"}, "indicators": {"air.test_entry": entry}}
    with pytest.raises(CatalogueError) as raised:
        build_catalogue(data, ["my.yaml"])
    assert str(raised.value).startswith("my.yaml: air.test_entry: ")
    assert message in str(raised.value)


def test_a_user_file_that_is_not_yaml_is_named_in_the_error(tmp_path):
    extra = tmp_path / "broken.yaml"
    extra.write_text("indicators: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"broken\.yaml: not valid YAML"):
        load_catalogue([extra])


def test_an_alias_shared_by_two_ids_is_refused(tmp_path):
    extra = tmp_path / "clash.yaml"
    extra.write_text("indicators:\n  air.pm10_concentration:\n    aliases: [细颗粒物浓度]\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="air.pm10_concentration and air.pm25_concentration share the alias"):
        Aligner(load_catalogue([extra]))
