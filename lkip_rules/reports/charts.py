"""PNG charts like the report's Gambar 3.1-3.6, with matplotlib (imported only here)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from lkip_rules._optional import require
from lkip_rules.locale import Lang
from lkip_rules.results import IndicatorResult, Results

if TYPE_CHECKING:
    from lkip_rules.catalog import Catalog

CHARTED_LEVELS = ("sasaran", "iku", "program")


def write_all(catalog: Catalog, results: Results, directory: Path, lang: Lang) -> list[Path]:
    """One chart per sasaran, IKU and program indicator with figures, and one summary."""
    matplotlib = require("matplotlib", "charts")
    matplotlib.use("Agg")  # files only; never a window
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for result in results:
        if result.level in CHARTED_LEVELS and (result.realisation is not None or result.achievement is not None):
            written.append(indicator_chart(result, directory / f"{result.id}.png", lang))
    written.append(summary_chart(results, directory / "capaian.png", lang))
    return written


def _f(value: Decimal | tuple[Decimal, Decimal] | None) -> float:
    # Floats only for drawing; every number shown as text comes from the Decimal.
    if isinstance(value, tuple):
        value = value[1]
    return float(value) if value is not None else 0.0


def indicator_chart(r: IndicatorResult, path: Path, lang: Lang) -> Path:
    """Target and realisation this year and last year, and the Renstra end target."""
    import matplotlib.pyplot as plt

    en = lang == "en"
    bars: list[tuple[str, Decimal | tuple[Decimal, Decimal] | None, str]] = []
    if r.previous is not None:
        bars.append((f"{'Realisation' if en else 'Realisasi'} {r.previous.year}", r.previous.realisation, "#9ecae1"))
    if r.target is not None:
        bars.append((f"Target {r.year}", r.target, "#fdae6b"))
    if r.realisation is not None:
        bars.append((f"{'Realisation' if en else 'Realisasi'} {r.year}", r.realisation, "#3182bd"))
    if r.end_target is not None:
        bars.append((f"{'End target' if en else 'Target akhir'} {r.end_target.year}", r.end_target.target, "#e6550d"))
    if not bars:  # an aggregated indicator: its achievement
        bars.append((f"{'Achievement' if en else 'Capaian'} {r.year} (%)", r.achievement, "#31a354"))
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    labels = [b[0] for b in bars]
    heights = [_f(b[1]) for b in bars]
    drawn = ax.bar(labels, heights, color=[b[2] for b in bars])
    ax.bar_label(drawn, labels=[_label(b[1], lang) for b in bars], padding=3)
    ax.set_title(_wrap(r.name), fontsize=10)
    ax.set_ylabel(r.unit or "")
    ax.set_ylim(0, max([*heights, 1.0]) * 1.2)
    if r.achievement is not None:
        achieved = f"{'Achievement' if en else 'Capaian'}: {_label(r.achievement, lang)}%"
        ax.text(0.99, 0.97, achieved, transform=ax.transAxes, ha="right", va="top")
    ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def summary_chart(results: Results, path: Path, lang: Lang) -> Path:
    """Achievement of every indicator that has one, with the 100% line."""
    import matplotlib.pyplot as plt

    scored = [r for r in results if r.achievement is not None]
    fig, ax = plt.subplots(figsize=(8, max(3, 0.35 * len(scored) + 1)), dpi=100)
    names = [r.name if len(r.name) <= 45 else r.name[:44] + "…" for r in scored]
    values = [_f(r.achievement) for r in scored]
    drawn = ax.barh(names, values, color="#3182bd")
    ax.bar_label(drawn, labels=[_label(r.achievement, lang) for r in scored], padding=3, fontsize=7)
    ax.axvline(100, color="#e6550d", linewidth=1)
    ax.invert_yaxis()
    ax.set_title(f"{'Achievement' if lang == 'en' else 'Capaian kinerja'} {results.year} (%)")
    ax.tick_params(axis="y", labelsize=7)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def _label(value: Decimal | tuple[Decimal, Decimal] | None, lang: Lang) -> str:
    from lkip_rules.locale import number

    if isinstance(value, tuple):
        return f"{number(value[0], lang)}-{number(value[1], lang)}"
    return number(value, lang)


def _wrap(text: str, width: int = 70) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])
