"""One whole assessment of the bundled catalog against a hand-written Decimal function doing the same work.

Run by hand:  python benchmarks/bench_assess_bundled.py [--agencies 200] [--repeats 5]

The bundled catalog (Dinas Koperasi dan UKM Kota Bekasi, 60 indicators): realisations given in
the data for some, ratios, growth over the year before, averages and plain inputs for the others,
kegiatan and program indicators weighted by the pagu of their budget lines, sasaran the mean of
their indicators, one scale of four bands. Its 2024 and 2025 figures are varied per synthetic
agency (scaled 50-150 %, 3 % missing, 2 % zero), the budget is the catalog's own.

The baseline below writes those rules by hand: each formula's arithmetic, the rounding to two
places half-up, the achievement against the target (realisation as printed x 100 / target,
floored at 0), the band, the statuses (missing-data, undefined, a parent taking its first
failing child's), the pagu looked up for each weighted child. Only configuration is read from
the catalog before timing (targets, and a check that the hand-written tables match its
structure). The library paths are what an app calls: ``Data.from_values`` with the agency's
figures, then ``Catalog.assess`` or ``Catalog.evaluate``. All three are checked equal on every
agency before timing; the ratios are to the baseline measured in the same rounds.
"""

from __future__ import annotations

import argparse
import random
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bench_assess import per_assessment, print_per_assessment

import lkip_rules

YEAR, BEFORE = 2025, 2024
Row = tuple[Decimal | None, Decimal | None, str | None, str]  # realisation, achievement, category, status
Figures = dict[str, Any]  # {"values": {input: {year: v}}, "given": {indicator: {year: v}}, "budget": {...}}

# -- the catalog's rules, written by hand ---------------------------------------------------------

SUBS = ["izin_usp", "pengawasan", "kesehatan", "diklat", "pengembangan_mikro", "kemitraan_mikro",
        "kelembagaan_mikro", "sdm_mikro", "lapkin", "gaji_asn", "lapkeu", "logistik", "cetak", "bacaan",
        "tamu", "rapat", "jasa_kantor", "kend_jabatan", "kend_operasional", "peralatan_mesin"]  # fmt: skip
PLAIN = {
    "nilai_akip": "skor_akip",
    "ip_asn": "skor_ip_asn",
    "proporsi_pdrb_perdagangan": "pdrb_perdagangan_proporsi",
    "proporsi_pdrb_industri": "pdrb_industri_proporsi",
    **{f"kinerja_s_{sub}": f"output_s_{sub}" for sub in SUBS},
}
RATIOS = {
    "koperasi_berkualitas": ("koperasi_meningkat_kualitas", "koperasi_aktif"),
    "umkm_naik_kelas": ("usaha_mikro_jadi_kecil", "usaha_mikro_terdata"),
    "koperasi_nib_simpan_pinjam": ("koperasi_usp_nib", "koperasi_aktif"),
    "koperasi_patuh_regulasi": ("koperasi_diperiksa", "koperasi_aktif"),
    "koperasi_tersertifikasi_sehat": ("koperasi_tersertifikasi", "koperasi_aktif"),
    "sdm_koperasi_meningkat": ("pengurus_dilatih", "pengurus_koperasi"),
    "mikro_informal_ke_formal": ("usaha_mikro_nib", "usaha_mikro_terdata"),
    "usaha_informal_diberdayakan": ("pkl_tdu_diberdayakan", "pkl_tdu"),
    "kinerja_keuangan_penunjang": ("realisasi_penunjang", "pagu_penunjang"),
}
GROWTH = {
    "peningkatan_volume_koperasi": "volume_usaha_koperasi",
    "peningkatan_volume_umkm": "volume_usaha_umkm",
    "pertumbuhan_volume_koperasi": "volume_usaha_koperasi",
    "pertumbuhan_wirausaha": "wirausaha",
}
AVERAGES = {
    "keselarasan_perencanaan": ("keselarasan_program", "keselarasan_kegiatan", "keselarasan_subkegiatan"),
    "bmd_akuntabel": ("bmd_rkbmd", "bmd_lap_semester1", "bmd_tl_bpk"),
}
# Budget-weighted parents, children first: (parent, [(child, the budget line whose pagu weighs it)]).
KEGIATAN = {
    "izin_usp": ["izin_usp"], "pengawasan": ["pengawasan"], "kesehatan": ["kesehatan"], "diklat": ["diklat"],
    "pengembangan_mikro": ["pengembangan_mikro"], "pemberdayaan_mikro": ["kemitraan_mikro", "kelembagaan_mikro",
    "sdm_mikro"], "perencanaan": ["lapkin"], "adm_keuangan": ["gaji_asn", "lapkeu"], "adm_umum": ["logistik", "cetak",
    "bacaan", "tamu", "rapat"], "jasa_penunjang": ["jasa_kantor"], "pemeliharaan_bmd": ["kend_jabatan",
    "kend_operasional", "peralatan_mesin"],
}  # fmt: skip
PROGRAMS = {
    "izin_usp": ["izin_usp"], "pengawasan": ["pengawasan"], "kesehatan": ["kesehatan"], "diklat": ["diklat"],
    "pengembangan_umkm": ["pengembangan_mikro"], "pemberdayaan_umkm": ["pemberdayaan_mikro"],
    "penunjang": ["perencanaan", "adm_keuangan", "adm_umum", "jasa_penunjang", "pemeliharaan_bmd"],
}  # fmt: skip
WEIGHTED = [
    *((f"kinerja_k_{k}", [(f"kinerja_s_{s}", f"s_{s}") for s in subs]) for k, subs in KEGIATAN.items()),
    *((f"kinerja_p_{p}", [(f"kinerja_k_{k}", f"k_{k}") for k in ks]) for p, ks in PROGRAMS.items()),
]
MEANS = {
    "daya_saing_koperasi_umkm": ["koperasi_berkualitas", "umkm_naik_kelas"],
    "akuntabilitas_diskopukm": ["nilai_akip"],
    "daya_saing_koperasi_umkm_rpd": ["peningkatan_volume_koperasi", "peningkatan_volume_umkm"],
}
CENT, HUNDRED, ZERO = Decimal("0.01"), Decimal(100), Decimal(0)
BANDS = [("SB", Decimal(100)), ("B", Decimal(80)), ("C", Decimal(55))]  # lkip-4: above each bound; else K


def band(achievement: Decimal) -> str:
    for code, bound in BANDS:
        if achievement > bound:
            return code
    return "K"


def realised(ind: str, now: dict[str, Any], before: dict[str, Any]) -> tuple[Decimal | None, str]:
    """The realisation of a scored indicator in YEAR, or why it has none."""
    if ind in PLAIN:
        value = now.get(PLAIN[ind])
        return (value, "ok") if value is not None else (None, "missing-data")
    if ind in RATIOS:
        num, den = (now.get(name) for name in RATIOS[ind])
        if num is None or den is None:
            return None, "missing-data"
        return (num / den * HUNDRED, "ok") if den else (None, "undefined")
    if ind in GROWTH:
        value, last = now.get(GROWTH[ind]), before.get(GROWTH[ind])
        if value is None or last is None:
            return None, "missing-data"
        return ((value - last) / last * HUNDRED, "ok") if last else (None, "undefined")
    parts = [now.get(name) for name in AVERAGES[ind]]
    if any(part is None for part in parts):
        return None, "missing-data"
    return sum(parts, ZERO) / len(parts), "ok"  # type: ignore[arg-type]


def parent(rows: dict[str, Row], children: list[str], weights: list[Decimal | None] | None) -> Row:
    statuses = [rows[child][3] for child in children]
    failing = [status for status in statuses if status != "ok"]
    if failing:
        return (None, None, None, "error" if "error" in failing else failing[0])
    achieved = [rows[child][1] for child in children]
    if weights is None:
        exact = sum(achieved, ZERO) / len(achieved)  # type: ignore[arg-type]
    elif any(weight is None for weight in weights):
        return (None, None, None, "missing-data")
    else:
        exact = sum(a * w for a, w in zip(achieved, weights, strict=True)) / sum(weights)  # type: ignore[operator, arg-type]
    printed = exact.quantize(CENT, ROUND_HALF_UP)
    return (None, printed, band(printed), "ok")


def by_hand(figures: Figures, targets: dict[str, Decimal]) -> dict[str, Row]:
    """Every indicator of the bundled catalog for one agency in YEAR, by its rules."""
    values, given, budget = figures["values"], figures["given"], figures["budget"]
    now = {name: by_year.get(YEAR) for name, by_year in values.items()}
    before = {name: by_year.get(BEFORE) for name, by_year in values.items()}
    rows: dict[str, Row] = {}
    for ind, target in targets.items():
        value = given.get(ind, {}).get(YEAR)
        status = "ok"
        if value is None:
            value, status = realised(ind, now, before)
        if value is None:
            rows[ind] = (None, None, None, status)
            continue
        printed = value.quantize(CENT, ROUND_HALF_UP)
        if not target:
            rows[ind] = (printed, None, None, "undefined")
            continue
        exact = printed * HUNDRED / target
        achieved = ZERO if exact < 0 else exact.quantize(CENT, ROUND_HALF_UP)
        rows[ind] = (printed, achieved, band(achieved), "ok")
    for ind, children in WEIGHTED:
        pagu = [budget.get(line, {}).get(YEAR, {}).get("pagu") for _, line in children]
        rows[ind] = parent(rows, [child for child, _ in children], pagu)
    for ind, children in MEANS.items():
        rows[ind] = parent(rows, children, None)
    return rows


def matches_the_catalog(catalog: lkip_rules.Catalog) -> dict[str, Decimal]:
    """The targets of YEAR, after checking that the tables above are the catalog's structure."""
    scored = [*PLAIN, *RATIOS, *GROWTH, *AVERAGES]
    assert sorted([*scored, *(p for p, _ in WEIGHTED), *MEANS]) == sorted(catalog.indicators)
    for ind, children in WEIGHTED:
        assert catalog.indicators[ind].aggregate == "budget-weighted"
        assert [c.id for c in catalog.children(ind)] == [child for child, _ in children]
        assert all(catalog.budget_lines_of(child) == [line] for child, line in children)
    for ind, children in MEANS.items():
        assert catalog.indicators[ind].aggregate == "mean" and [c.id for c in catalog.children(ind)] == children
    targets = {ind: catalog.indicators[ind].target_for(YEAR, None) for ind in scored}
    assert all(isinstance(t, Decimal) for t in targets.values()), "single targets only"
    return targets  # type: ignore[return-value]


# -- the library ------------------------------------------------------------------------------------


def data_of(figures: Figures) -> lkip_rules.Data:
    return lkip_rules.Data.from_values(figures["values"], realisations=figures["given"], budget=figures["budget"])


def with_assess(catalog: lkip_rules.Catalog, figures: Figures) -> dict[str, Row]:
    found = catalog.assess(YEAR, data_of(figures))
    return {ind: (a.realisation, a.achievement, a.category, a.status) for ind, a in found.items()}


def with_evaluate(catalog: lkip_rules.Catalog, figures: Figures) -> dict[str, Row]:
    results = catalog.evaluate(YEAR, data_of(figures))
    return {
        r.id: (r.realisation, r.achievement, r.category.code if r.category else None, r.status)
        for r in results.indicators.values()
    }


# -- the run ----------------------------------------------------------------------------------------


def agencies(catalog: lkip_rules.Catalog, count: int, seed: int = 7) -> list[Figures]:
    """The catalog's figures of BEFORE and YEAR, varied per agency; its own budget."""
    draw = random.Random(seed)
    budget = {
        line: {YEAR: {"pagu": figures.pagu, "realisasi": figures.realisasi}}
        for line, figures in catalog.data.years[YEAR].budget.items()
    }
    sets = []
    for _ in range(count):
        values: dict[str, dict[int, Decimal | None]] = {}
        given: dict[str, dict[int, Decimal | None]] = {}
        for year in (BEFORE, YEAR):
            year_data = catalog.data.years[year]
            for into, figures in ((values, year_data.inputs), (given, year_data.realisations)):
                for name, value in figures.items():
                    assert isinstance(value, Decimal)
                    roll = draw.random()
                    if roll < 0.03:
                        varied = None
                    elif roll < 0.05:
                        varied = ZERO
                    else:
                        exponent = min(0, value.as_tuple().exponent)  # type: ignore[type-var]
                        varied = (value * draw.randint(50, 150) / 100).quantize(Decimal(1).scaleb(exponent))
                    into.setdefault(name, {})[year] = varied
        sets.append({"values": values, "given": given, "budget": budget})
    return sets


def report(agency_count: int, repeats: int) -> None:
    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    targets = matches_the_catalog(catalog)
    sets = agencies(catalog, agency_count)
    statuses: set[str] = set()
    for number, figures in enumerate(sets):
        theirs = by_hand(figures, targets)
        assert with_assess(catalog, figures) == theirs, f"agency {number}: the baseline must give what assess gives"
        assert with_evaluate(catalog, figures) == theirs, f"agency {number}: the baseline must give what evaluate gives"
        statuses |= {row[3] for row in theirs.values()}
    runs = {
        "hand-written Decimal (baseline)": lambda f: by_hand(f, targets),
        "Catalog.assess": lambda f: with_assess(catalog, f),
        "Catalog.evaluate": lambda f: with_evaluate(catalog, f),
    }
    per = per_assessment(runs, sets, len(catalog.indicators), repeats)
    print(f"bundled catalog: {len(sets)} agencies x {len(catalog.indicators)} indicators, outputs checked equal")
    print(f"(statuses seen: {', '.join(sorted(statuses))}); median of {repeats} rounds")
    print_per_assessment(per)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--agencies", type=int, default=200)
    options.add_argument("--repeats", type=int, default=5)
    args = options.parse_args()
    report(args.agencies, args.repeats)


if __name__ == "__main__":
    main()
