"""The look of every chart: size, resolution, fonts, colours, and the words drawn on it."""

from __future__ import annotations

from typing import Literal

Format = Literal["png", "svg"]
FORMATS: tuple[Format, ...] = ("png", "svg")

DPI = 300
WIDTH = 6.3  # inches: the text width of an A4 page with the usual margins (16 cm)
FONT = 8.0  # points, as printed
SMALL = 7.0

PLAIN = "#4575b4"  # a figure with no category
TARGET = "#d0d0d0"
EDGE = "#404040"
REFERENCE = "#b2182b"
MISSING = "#757575"

OUTLIER_FACTOR = 5  # a value beyond five times the median size is cut
CUT_HEADROOM = 1.6  # the axis then stops at 1.6 times the largest value that is not cut

WORDS = {
    "id": {
        "no_data": "tanpa data",
        "target": "Target",
        "range": "Rentang target",
        "realisation": "Realisasi",
        "plain": "Realisasi tanpa kategori",
        "cut": "Angka tebal: nilai yang jauh melampaui yang lain, digambar terpotong (tanda //) agar yang lain tetap "
        "terbaca.",
    },
    "en": {
        "no_data": "no data",
        "target": "Target",
        "range": "Target range",
        "realisation": "Realisation",
        "plain": "Realisation, no category",
        "cut": "Bold figures: values far above the rest, drawn cut (the // mark) so that the rest stay readable.",
    },
}

# A value written over a line or a hatch stays readable: a white ground, no border.
_BEHIND_TEXT = {"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.85}

_STYLE = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same glyphs on every machine
    "font.size": FONT,
    "axes.titlesize": FONT + 1,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "text.parse_math": False,  # a "$" in an indicator name is a dollar sign, not TeX
    "text.usetex": False,
    "svg.fonttype": "none",  # text stays text in the SVG: searchable, editable in Word or Inkscape
    "svg.hashsalt": "lkip-rules",  # the same figure gives the same file
    "hatch.linewidth": 0.6,
}
