import pytest

from kennisplein.colour import contrast, parse_hex


def test_black_on_white_is_21():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)


def test_same_colour_is_1():
    assert contrast("#4a2574", "#4a2574") == pytest.approx(1.0)


def test_known_pair():
    # #767676 on white is the classic lightest grey that passes AA (4.54:1).
    assert contrast("#767676", "#fff") == pytest.approx(4.54, abs=0.01)


def test_project_palette_passes_aa():
    assert contrast("#ffffff", "#4a2574") >= 4.5
    assert contrast("#5a2d8c", "#ffffff") >= 4.5


@pytest.mark.parametrize("bad", ["red", "#12345", "#gggggg", "123456", ""])
def test_bad_colours_are_refused(bad):
    with pytest.raises(ValueError, match="#rrggbb"):
        parse_hex(bad)
