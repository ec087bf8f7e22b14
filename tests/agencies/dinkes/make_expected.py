"""Generate expected.toml for the Dinas Kesehatan test catalog, with the oracle (never with lkip_rules).

    python tests/agencies/dinkes/make_expected.py          # rewrite expected.toml
    python tests/agencies/dinkes/make_expected.py --show   # also print every figure

It reads the catalog and the data files with tomllib (numbers as Decimal, turned into Fractions),
evaluates every indicator for 2024, 2025 and quarters 1-4 of 2025 with the formulas written below
in Python (the formula texts of catalog.toml are not parsed here), and checks every printed figure
of data/2025.toml [reported] the way docs/achievement.md "The audit" describes. The printed figures
it finds wrong must be exactly the planted ones listed in PLANTED (with the cause and severity the
docs give them); their right figures (`computed`) come from the oracle.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from oracle import (
    HUNDRED,
    Policy,
    Target,
    Undefined,
    achievement_exact,
    aggregate_exact,
    category,
    decimals_of,
    fmt,
    rollup,
    round_to,
    serapan,
    to_fraction,
)

HERE = Path(__file__).parent
YEARS = (2024, 2025)
QUARTERS = (1, 2, 3, 4)


def read(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f, parse_float=Decimal)


CATALOG = read(HERE / "catalog.toml")
DATA = {year: read(HERE / "data" / f"{year}.toml") for year in YEARS}
INDICATORS: dict[str, dict[str, Any]] = CATALOG["indicators"]
INPUTS: dict[str, dict[str, Any]] = CATALOG["inputs"]
BUDGET: dict[str, dict[str, Any]] = CATALOG["budget"]
LAST_YEAR = CATALOG["catalog"]["period"][1]


class Missing(Exception):
    """A figure is not there."""


Get = Callable[[str, int], Fraction]
F100 = Fraction(100)

# The realisation formulas of catalog.toml, written again by hand in Python.
FORMULAS: dict[str, Callable[[Get, int], Fraction]] = {
    "uhh": lambda v, n: v("uhh_bps", n),
    "aki": lambda v, n: v("kematian_ibu", n) / v("lahir_hidup", n) * 100_000,
    "akb": lambda v, n: v("kematian_bayi", n) / v("lahir_hidup", n) * 1000,
    "stunting": lambda v, n: v("balita_stunting", n) / v("balita_diukur", n) * F100,
    "penurunan_stunting": lambda v, n: v("stunting", n - 1) - v("stunting", n),
    "insidensi_tb": lambda v, n: v("kasus_tb_baru", n) / v("jumlah_penduduk", n) * 100_000,
    "ir_dbd": lambda v, n: v("kasus_dbd", n) / v("jumlah_penduduk", n) * 100_000,
    "kasus_polio": lambda v, n: v("kasus_polio_baru", n),
    "capaian_spm": lambda v, n: (
        sum(
            (
                v(i, n)
                for i in (
                    "k6",
                    "persalinan_faskes",
                    "kn_lengkap",
                    "balita_spm",
                    "tb_spm",
                    "hiv_spm",
                    "odgj_spm",
                    "hipertensi_spm",
                    "dm_spm",
                )
            ),
            Fraction(0),
        )
        / 9
    ),
    "ikm_puskesmas": lambda v, n: v("nilai_ikm", n),
    "puskesmas_paripurna": lambda v, n: v("puskesmas_paripurna_jml", n) / v("puskesmas_total", n) * F100,
    "alos": lambda v, n: v("hari_rawat", n) / v("pasien_keluar", n),
    "bor": lambda v, n: v("hari_rawat", n) / (v("tempat_tidur", n) * 365) * F100,
    "k6": lambda v, n: v("ibu_hamil_k6", n) / v("ibu_hamil_sasaran", n) * F100,
    "persalinan_faskes": lambda v, n: v("ibu_bersalin_faskes", n) / v("ibu_bersalin_sasaran", n) * F100,
    "kn_lengkap": lambda v, n: v("bayi_kn_lengkap", n) / v("bayi_baru_lahir_sasaran", n) * F100,
    "imunisasi_idl": lambda v, n: v("bayi_idl", n) / v("bayi_sasaran_imunisasi", n) * F100,
    "balita_spm": lambda v, n: v("balita_dilayani", n) / v("balita_sasaran", n) * F100,
    "ds_balita": lambda v, n: v("partisipasi_ds", n),
    "tb_spm": lambda v, n: v("terduga_tb_dilayani", n) / v("terduga_tb_sasaran", n) * F100,
    "abj": lambda v, n: v("rumah_bebas_jentik", n) / v("rumah_diperiksa", n) * F100,
    "cfr_dbd": lambda v, n: v("kematian_dbd", n) / v("kasus_dbd", n) * F100,
    "klb_difteri": lambda v, n: v("klb_difteri_jml", n),
    "hiv_spm": lambda v, n: v("berisiko_hiv_diperiksa", n) / v("berisiko_hiv_sasaran", n) * F100,
    "odgj_spm": lambda v, n: v("odgj_dilayani", n) / v("odgj_sasaran", n) * F100,
    "hipertensi_spm": lambda v, n: v("hipertensi_dilayani", n) / v("hipertensi_sasaran", n) * F100,
    "dm_spm": lambda v, n: v("dm_dilayani", n) / v("dm_sasaran", n) * F100,
    "growth_kunjungan": lambda v, n: (
        (v("kunjungan_rawat_jalan", n) - v("kunjungan_rawat_jalan", n - 1)) / v("kunjungan_rawat_jalan", n - 1) * F100
    ),
    "pertumbuhan_penemuan_tb": lambda v, n: (
        (v("kasus_tb_baru", n) - v("kasus_tb_baru", n - 1)) / v("kasus_tb_baru", n - 1) * F100
    ),
    "mortalitas_dbd": lambda v, n: v("ir_dbd", n) * v("cfr_dbd", n) / 100,
    "ketersediaan_obat": lambda v, n: v("ketersediaan_obat_pct", n),
    "waktu_tunggu_rj": lambda v, n: v("total_waktu_tunggu", n) / v("pasien_rawat_jalan", n),
    "uhc": lambda v, n: v("peserta_jkn", n) / v("jumlah_penduduk", n) * F100,
}


def policy_of(ind: str) -> Policy:
    merged = {**CATALOG["catalog"], **INDICATORS[ind]}
    return Policy(
        polarity=merged["polarity"],
        negative_method=merged["negative_method"],
        zero_target=merged["zero_target"],
        basis=merged["basis"],
        decimals=merged["decimals"],
        rounding=merged["rounding"],
        cap=to_fraction(merged["cap"]) if "cap" in merged else None,
        floor=to_fraction(merged["floor"]) if "floor" in merged else Fraction(0),
        scale=merged["scale"],
        aggregate=merged["aggregate"],
    )


def as_target(value: Any) -> Target:
    if isinstance(value, list):
        return (to_fraction(value[0]), to_fraction(value[1]))
    return to_fraction(value)


def target_text(value: Any) -> str | list[str]:
    return [str(v) for v in value] if isinstance(value, list) else str(value)


def children(ind: str) -> list[str]:
    return [i for i, spec in INDICATORS.items() if spec.get("parent") == ind]


@dataclass
class Result:
    status: str
    target: Any = None  # as written in the catalog (Decimal, int or [lo, hi])
    realisation_exact: Fraction | None = None
    realisation: Fraction | None = None
    achievement_exact: Fraction | None = None
    achievement: Fraction | None = None
    category: str | None = None
    end_achievement_exact: Fraction | None = None
    end_achievement: Fraction | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Evaluation:
    """Every indicator for one year, optionally up to a quarter of it."""

    def __init__(self, year: int, quarter: int | None = None) -> None:
        self.year = year
        self.quarter = quarter
        self.results: dict[str, Result] = {}

    def input(self, name: str, year: int) -> Fraction:
        if year not in DATA or name not in DATA[year].get("inputs", {}):
            raise Missing(f"{name}[{year}]")
        value = DATA[year]["inputs"][name]
        if isinstance(value, dict):
            quarters = {int(k[1]): to_fraction(v) for k, v in value.items()}
            # docs/achievement.md: another year's quarterly input is rolled up to the same quarter
            upto = self.quarter if self.quarter is not None else 4
            rolled = rollup(quarters, INPUTS[name]["rollup"], upto)
            if rolled is None:
                raise Missing(f"{name}[{year}] quarter")
            return rolled
        return to_fraction(value)

    def value(self, name: str, year: int) -> Fraction:
        if name in INDICATORS:
            other = self if year == self.year else Evaluation(year, self.quarter)
            r = other.result(name)
            value = r.realisation if policy_of(name).basis == "rounded" else r.realisation_exact
            if value is None:
                raise Missing(f"{name}[{year}]")
            return value
        return self.input(name, year)

    def result(self, ind: str) -> Result:
        if ind not in self.results:
            self.results[ind] = self._compute(ind)
        return self.results[ind]

    def target(self, ind: str) -> Any:
        """The target in force: the year's; up to a quarter, the Rencana Aksi's (the year's at q4
        when there is none); never the year's for quarters 1-3 (docs/achievement.md)."""
        spec = INDICATORS[ind]
        yearly = spec.get("targets", {}).get(str(self.year))
        if self.quarter is None:
            return yearly
        by_quarter = spec.get("quarter_targets", {}).get(str(self.year))
        if by_quarter is not None:
            return by_quarter[self.quarter - 1]
        return yearly if self.quarter == 4 else None

    def _compute(self, ind: str) -> Result:
        result = self._scored(ind)
        yearly = INDICATORS[ind].get("targets", {}).get(str(self.year))
        if self.quarter is None or yearly is None or result.realisation is None:
            return result
        # up to a quarter: the progress toward the year's target, its own figure
        policy = policy_of(ind)
        basis = result.realisation if policy.basis == "rounded" else result.realisation_exact
        assert basis is not None
        try:
            progress = policy.round(achievement_exact(basis, as_target(yearly), policy))
        except Undefined:
            return result
        result.extra["year_progress"] = progress
        return result

    def _scored(self, ind: str) -> Result:
        spec = INDICATORS[ind]
        policy = policy_of(ind)
        raw_target = self.target(ind)
        if ind not in FORMULAS:
            kids = [(self.result(c), INDICATORS[c].get("weight")) for c in children(ind)]
            missing = [r for r, _ in kids if r.achievement is None]
            if missing:
                return Result(status=missing[0].status if missing[0].status != "ok" else "missing-data")
            exact = aggregate_exact(
                [
                    (r.achievement, to_fraction(w) if w is not None else None)
                    for r, w in kids
                    if r.achievement is not None
                ],
                policy.aggregate,
            )
            printed = policy.round(exact)
            return Result("ok", None, None, None, exact, printed, category(printed, policy.scale)[0])
        try:
            given = DATA.get(self.year, {}).get("realisations", {}).get(ind)
            # a realisation given in the data takes the place of the formula for that year
            exact_r = to_fraction(given) if given is not None else FORMULAS[ind](self.value, self.year)
        except Missing:
            return Result("missing-data", raw_target)
        except ZeroDivisionError:
            return Result("undefined", raw_target)
        r_printed = policy.round(exact_r)
        basis_r = r_printed if policy.basis == "rounded" else exact_r
        if raw_target is None:
            return Result("missing-data", None, exact_r, r_printed)
        end_raw = spec.get("end_target", spec.get("targets", {}).get(str(LAST_YEAR)))
        end_exact = end_printed = None
        if end_raw is not None:
            try:
                end_exact = achievement_exact(basis_r, as_target(end_raw), policy)
                end_printed = policy.round(end_exact)
            except Undefined:
                pass
        try:
            a_exact = achievement_exact(basis_r, as_target(raw_target), policy)
        except Undefined:
            return Result("undefined", raw_target, exact_r, r_printed, extra={"end_target": end_raw})
        a_printed = policy.round(a_exact)
        return Result(
            "ok",
            raw_target,
            exact_r,
            r_printed,
            a_exact,
            a_printed,
            category(a_printed, policy.scale)[0],
            end_exact,
            end_printed,
            extra={"end_target": end_raw},
        )


def trend(ind: str, now: Result, before: Result) -> str | None:
    """improved / declined / unchanged by polarity, from the printed realisations; none for stable."""
    polarity = policy_of(ind).polarity
    if polarity == "stable" or now.realisation is None or before.realisation is None:
        return None
    if now.realisation == before.realisation:
        return "unchanged"
    better = now.realisation > before.realisation
    if polarity == "negative":
        better = not better
    return "improved" if better else "declined"


# --- budget --------------------------------------------------------------------------------------


def money(year: int, line: str, key: str) -> Fraction:
    return to_fraction(DATA[year]["budget"][line][key])


def programs() -> list[str]:
    return [b for b, spec in BUDGET.items() if "parent" not in spec]


def below(ind: str) -> set[str]:
    """The indicator and every indicator under it in the cascade (by `parent`)."""
    found = {ind}
    for c in children(ind):
        found |= below(c)
    return found


def budget_lines_of(ind: str) -> list[str]:
    """The top-most budget lines supporting the indicator or an indicator below it."""
    targets = below(ind)
    lines = [b for b, spec in BUDGET.items() if targets & set(spec.get("supports", []))]

    def ancestors(b: str) -> set[str]:
        parent = BUDGET[b].get("parent")
        return {parent} | ancestors(parent) if parent else set()

    return sorted(b for b in lines if not ancestors(b) & set(lines))


# --- the audit of the printed figures --------------------------------------------------------------

# (subject, field, printed) -> (cause, severity, root field or None). Every planted error of
# data/2025.toml [reported], with the cause docs/achievement.md ("The audit") gives it.
PLANTED: dict[tuple[str, str, str], tuple[str, str, str | None]] = {
    # E1 capaian truncated: (160 - 74.18) / 80 x 100 = 107.275 exactly; half-up 107.28, printed 107.27
    ("aki", "achievement", "107.27"): ("rounding", "error", None),
    # E2 realisation copied from 2024 (46.917); the capaian printed beside it follows from it:
    # (90 - 46.917) / 45 x 100 = 95.740 (right: 86.780). Its category B is right (86.780 is B too).
    ("ir_dbd", "realisation", "46.917"): ("copied", "error", None),
    ("ir_dbd", "achievement", "95.740"): ("follows", "error", "realisation"),
    # E3 the total realisasi leaves out Program Sediaan Farmasi: the serapan and sisa beside it follow
    ("total", "realisasi", "54111739517"): ("rollup", "error", None),
    ("total", "serapan", "94.77"): ("follows", "error", "realisasi"),
    ("total", "sisa", "2985260483"): ("follows", "error", "realisasi"),
    # E4 categories contradicting the scale: 100.09 is above 100 (SB); 91.00 is "91 or more" (ST)
    ("uhh", "category", "B"): ("category", "error", None),
    ("ikm_puskesmas", "category", "T"): ("category", "error", None),
    # E5 a sub kegiatan realisasi with two digits swapped (902.187.350 printed 920.187.350) and the
    # serapan computed from it
    ("s_imunisasi", "realisasi", "920187350"): ("arithmetic", "error", None),
    ("s_imunisasi", "serapan", "98.26"): ("follows", "error", "realisasi"),
    # E6 Program SDMK realisasi copied from 2024; the serapan beside it is right (not flagged)
    ("p_sdmk", "realisasi", "934276500"): ("copied", "error", None),
    # E7 fewer decimals, right at that precision (infos)
    ("tb_spm", "realisation", "96.6"): ("precision", "info", None),
    ("hiv_spm", "achievement", "95"): ("precision", "info", None),
    ("kn_lengkap", "realisation", "99.6"): ("precision", "info", None),
    # ... and a capaian computed from the shortened 99.6: 99.60, right 99.61 (an error)
    ("kn_lengkap", "achievement", "99.60"): ("precision", "error", "realisation"),
    # E8 a malformed printed number
    ("s_surveilans", "realisasi", "481.093.27"): ("malformed", "error", None),
    # E9 a wrong target (6.0 for 6.2) and the capaian computed from it, 6.0 / 6.38 x 100 = 94.04
    ("akb", "target", "6.0"): ("two-targets", "error", None),
    ("akb", "achievement", "94.04"): ("follows", "error", "target"),
    # E10 growth printed half-up (5.91) where the indicator declares rounding "down" (5.90)
    ("growth_kunjungan", "realisation", "5.91"): ("rounding", "error", None),
    # E11 the sasaran "min" computed as a mean: mean(102.2, 86.780, 100.00) = 96.33 (right: 86.78)
    ("s_p2p", "achievement", "96.33"): ("arithmetic", "error", None),
    # E12 a serapan printed in Indonesian format with two digits swapped (right 93,68)
    ("p_upaya", "serapan", "93,86"): ("arithmetic", "error", None),
    # E13 a 2024 column printed with the 2025 realisation ("equal to another year's figure")
    ("puskesmas_paripurna", "realisation", "38.71"): ("copied", "error", None),
    # E14 a sasaran's achievement with fewer decimals, right at that precision (100.236 -> 100.2)
    ("s_mutu", "achievement", "100.2"): ("precision", "info", None),
    # E15 a serapan with fewer decimals, right at that precision (95.076... -> 95.1)
    ("s_gizi", "serapan", "95.1"): ("precision", "info", None),
}

INDICATOR_FIELDS = ("target", "realisation", "achievement", "category", "end_target", "end_achievement")
BUDGET_FIELDS = ("pagu", "pagu_murni", "realisasi", "serapan", "sisa")


def printed_text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


INDONESIAN = re.compile(r"-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?")


def printed_number(value: Any) -> Decimal | None:
    """A printed figure as a Decimal: a TOML number, or text in the report's own format
    ("8.750.000.000", "92,60", "-5,35"); None for text that is no well-formed number."""
    if not isinstance(value, str):
        return Decimal(value)
    if not INDONESIAN.fullmatch(value):
        return None
    return Decimal(value.replace(".", "").replace(",", "."))


def check_indicator(ind: str, year: int, key: str, printed: Any) -> tuple[bool, bool, str]:
    """(right at the printed precision, printed with fewer decimals than declared, right figure)."""
    policy = policy_of(ind)
    r = Evaluation(year).result(ind)
    if key == "target":
        right = r.target
        return to_fraction(printed) == to_fraction(right), False, str(right)
    if key == "category":
        assert r.category is not None
        return printed == r.category, False, r.category
    if key == "end_target":
        right = r.extra["end_target"]
        return to_fraction(printed) == to_fraction(right), False, str(right)
    exact, shown = {
        "realisation": (r.realisation_exact, r.realisation),
        "achievement": (r.achievement_exact, r.achievement),
        "end_achievement": (r.end_achievement_exact, r.end_achievement),
    }[key]
    assert exact is not None and shown is not None, (ind, key)
    number = printed_number(printed)
    assert number is not None
    k = decimals_of(number)
    ok = round_to(exact, k, policy.rounding) == to_fraction(number)
    # fewer decimals than declared but right at that precision is an info -- unless the figure
    # equals the right one in value ("994 for 994.00" is right however it is written)
    short = ok and k < policy.decimals and to_fraction(number) != shown
    return ok, short, policy.fmt(shown)


def budget_right(subject: str, year: int, key: str) -> Fraction:
    lines = programs() if subject == "total" else [subject]
    if key == "serapan":
        return serapan(budget_right(subject, year, "realisasi"), budget_right(subject, year, "pagu"))
    if key == "sisa":
        return budget_right(subject, year, "pagu") - budget_right(subject, year, "realisasi")
    return sum((money(year, b, key) for b in lines), Fraction(0))


def check_budget(subject: str, year: int, key: str, printed: Any) -> tuple[bool, bool, str]:
    right = budget_right(subject, year, key)
    text = fmt(right, 2) if key == "serapan" else fmt(right, 0)
    number = printed_number(printed)
    if number is None:
        return False, False, ""  # malformed: no number at all
    if key != "serapan":
        return to_fraction(number) == right, False, text
    # serapan: two decimals, half-up; with fewer decimals, right when the exact absorption rounds
    # to it at that precision (an info unless equal in value)
    exact = budget_right(subject, year, "realisasi") / budget_right(subject, year, "pagu") * HUNDRED
    k = decimals_of(number)
    ok = round_to(exact, min(k, 2), "half-up") == to_fraction(number)
    return ok, ok and k < 2 and to_fraction(number) != right, text


def audit_oracle() -> tuple[int, list[dict[str, Any]]]:
    """Check every printed figure; return how many there are and the planted findings."""
    checked = 0
    wrong: dict[tuple[str, str, str], str] = {}
    for subject, entries in DATA[2025].get("reported", {}).items():
        for entry in entries if isinstance(entries, list) else [entries]:
            year = entry.get("year", 2025)
            for key in INDICATOR_FIELDS + BUDGET_FIELDS:
                if key not in entry:
                    continue
                checked += 1
                printed = entry[key]
                if subject in INDICATORS:
                    ok, short, right = check_indicator(subject, year, key, printed)
                else:
                    ok, short, right = check_budget(subject, year, key, printed)
                if not ok or short:
                    wrong[(subject, key, printed_text(printed))] = right
    assert set(wrong) == set(PLANTED), (
        f"not planted but wrong: {sorted(set(wrong) - set(PLANTED))}; "
        f"planted but right: {sorted(set(PLANTED) - set(wrong))}"
    )
    findings = []
    for (subject, key, printed), (cause, severity, root) in PLANTED.items():
        finding = {"subject": subject, "field": key, "printed": printed, "computed": wrong[(subject, key, printed)]}
        finding |= {"cause": cause, "severity": severity}
        if root is not None:
            finding["root"] = root
        findings.append(finding)
    return checked, findings


# --- expected.toml ---------------------------------------------------------------------------------


def indicator_record(ind: str, r: Result) -> dict[str, Any]:
    policy = policy_of(ind)
    record: dict[str, Any] = {"status": r.status}
    if r.target is not None:
        record["target"] = target_text(r.target)
    if r.realisation is not None:
        record["realisation"] = policy.fmt(r.realisation)
    if r.achievement is not None:
        record["achievement"] = policy.fmt(r.achievement)
    if r.category is not None:
        record["category"] = r.category
    if "year_progress" in r.extra:
        record["year_progress"] = policy.fmt(r.extra["year_progress"])
    return record


def year_record(ind: str, year: int) -> dict[str, Any]:
    policy = policy_of(ind)
    r = Evaluation(year).result(ind)
    record = indicator_record(ind, r)
    if ind in FORMULAS and r.extra.get("end_target") is not None:
        record["end_target"] = target_text(r.extra["end_target"])
        if r.end_achievement is not None:
            record["end_achievement"] = policy.fmt(r.end_achievement)
    if year - 1 in DATA and ind in FORMULAS:
        before = Evaluation(year - 1).result(ind)
        if before.realisation is not None:
            record["previous_realisation"] = policy.fmt(before.realisation)
        if before.achievement is not None:
            record["previous_achievement"] = policy.fmt(before.achievement)
        t = trend(ind, r, before)
        if t is not None:
            record["trend"] = t
    bench = DATA[year].get("benchmarks", {}).get(ind)
    if bench is not None:
        # recomputed from the benchmark's own target and realisation, by the indicator's rules
        b_r = to_fraction(bench["realisation"])
        b_r = policy.round(b_r) if policy.basis == "rounded" else b_r
        record["benchmark_achievement"] = policy.fmt(
            policy.round(achievement_exact(b_r, as_target(bench["target"]), policy))
        )
    lines = budget_lines_of(ind)
    if lines and year in DATA:
        pagu = sum((money(year, b, "pagu") for b in lines), Fraction(0))
        real = sum((money(year, b, "realisasi") for b in lines), Fraction(0))
        s = serapan(real, pagu)
        record["budget"] = {"lines": lines, "pagu": fmt(pagu, 0), "realisasi": fmt(real, 0), "serapan": fmt(s, 2)}
        if r.achievement is not None:
            record["budget"]["efficiency"] = fmt(r.achievement - s, 2)
    return record


def budget_records(year: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for b in BUDGET:
        pagu, real = money(year, b, "pagu"), money(year, b, "realisasi")
        out[b] = {"pagu": fmt(pagu, 0), "realisasi": fmt(real, 0), "serapan": fmt(serapan(real, pagu), 2)}
        out[b]["sisa"] = fmt(pagu - real, 0)
    return out


def build() -> dict[str, Any]:
    expected: dict[str, Any] = {"indicators": {}, "quarters": {}, "budget": {}, "budget_total": {}}
    for ind in INDICATORS:
        expected["indicators"][ind] = {str(y): year_record(ind, y) for y in YEARS}
        expected["quarters"][ind] = {f"q{q}": indicator_record(ind, Evaluation(2025, q).result(ind)) for q in QUARTERS}
    for y in YEARS:
        expected["budget"][str(y)] = budget_records(y)
        pagu, real = budget_right("total", y, "pagu"), budget_right("total", y, "realisasi")
        expected["budget_total"][str(y)] = {
            "lines": programs(),
            "pagu": fmt(pagu, 0),
            "realisasi": fmt(real, 0),
            "serapan": fmt(serapan(real, pagu), 2),
        }
    checked, findings = audit_oracle()
    expected["audit"] = {"year": 2025, "checked": checked, "findings": findings}
    return expected


# --- a small TOML writer (strings, ints, lists of strings, tables, arrays of tables) ---------------


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def write_table(lines: list[str], path: list[str], table: dict[str, Any]) -> None:
    scalars = {k: v for k, v in table.items() if not isinstance(v, dict) and not _is_table_list(v)}
    if scalars or not path:
        if path:
            lines.append(f"\n[{'.'.join(path)}]")
        lines.extend(f"{k} = {toml_value(v)}" for k, v in scalars.items())
    for k, v in table.items():
        if isinstance(v, dict) and k != "budget":
            write_table(lines, [*path, k], v)
        elif isinstance(v, dict):
            lines.append(f"\n[{'.'.join([*path, k])}]")
            lines.extend(f"{kk} = {toml_value(vv)}" for kk, vv in v.items())
        elif _is_table_list(v):
            for item in v:
                lines.append(f"\n[[{'.'.join([*path, k])}]]")
                lines.extend(f"{kk} = {toml_value(vv)}" for kk, vv in item.items())


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def main() -> None:
    expected = build()
    lines = [
        "# GENERATED by make_expected.py from catalog.toml and data/*.toml with the Fraction oracle",
        "# (oracle.py), never with lkip_rules. Do not edit by hand: edit the catalog, the data or the",
        "# oracle and run `python tests/agencies/dinkes/make_expected.py`.",
        "#",
        "# indicators.<id>.<year>   status, target, realisation, achievement, category (printed figures),",
        "#                          end target and its achievement, last year's figures and the trend,",
        "#                          and the budget behind the indicator (lines, pagu, realisasi, serapan,",
        "#                          efficiency = achievement - serapan)",
        "# quarters.<id>.q<k>       the same for evaluate(2025, quarter=k)",
        "# budget.<year>.<line>     pagu, realisasi, serapan, sisa;  budget_total.<year>: the agency",
        "# audit                    how many printed figures data/2025.toml records, and the planted findings",
    ]
    write_table(lines, [], expected)
    (HERE / "expected.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if "--show" in sys.argv:
        for ind in INDICATORS:
            for y in YEARS:
                print(ind, y, year_record(ind, y))
            for q in QUARTERS:
                print(ind, f"2025q{q}", indicator_record(ind, Evaluation(2025, q).result(ind)))


if __name__ == "__main__":
    main()
