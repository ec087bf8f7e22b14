"""What one fuzz input must do, for each input kind: shared by the pytest tests and run_long.py.

Each ``check_*`` runs one case through the library and returns ``"ok"`` or ``"lkip"`` (some
step refused the input with an ``LkipError``, which is acceptable). Anything else escapes:
another exception is a crash, and :class:`FuzzFailure` is a broken promise that raised
nothing (the compiled path disagreeing with the reference, a traceback printed by the
command line, an Infinity in the results). :func:`signature` names a failure so that the
same bug found a thousand times is counted once.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import pickle
import reprlib
import signal
import tempfile
import traceback
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import FrameType
from typing import Any

import attrs

import lkip_rules
from lkip_rules import Data, LkipError, load_catalog, load_data, parse_formula
from lkip_rules.formula import COMPILE_AFTER
from tests.fuzz import oracle
from tests.fuzz.strategies import ApiCase, ArithCase, CliCase, Figure, FilesCase, FormulaCase

LIBRARY = str(Path(lkip_rules.__file__).resolve().parent)
MAX_EXPLAINED = 30
"""Indicators explained per catalog: explain() evaluates the whole catalog each time, so
explaining every one of thousands would time the harness, not the library."""
BIG = 200
"""Indicators past which a catalog is checked with one call of each kind (see check_catalog)."""


class FuzzFailure(AssertionError):
    """A promise broken without an exception: ``tag`` is stable (for counting), ``detail`` is not."""

    def __init__(self, tag: str, detail: str = "") -> None:
        super().__init__(f"{tag}\n{detail}" if detail else tag)
        self.tag = tag


class Hang(BaseException):
    """Raised by the timer inside library code; a BaseException so ``except Exception`` lets it through."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` wherever the code is after ``seconds`` of CPU time (main thread only).

    CPU time, not wall time, so that a busy machine does not turn slowness into hangs (code
    that waits without computing is caught by run_long.py's wall-clock watchdog). The timer
    repeats every quarter second, because an exception raised inside a ``__del__`` is
    swallowed by Python and one alarm alone could be lost.
    """

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds:g} s of CPU time")

    previous = signal.signal(signal.SIGPROF, alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds, 0.25)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


class Steps:
    """Runs library calls one after another, counting refusals (LkipError); the rest escapes."""

    def __init__(self) -> None:
        self.refused = 0

    def run(self, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, **kwargs)
        except LkipError:
            self.refused += 1
            return None
        except BaseException as exc:
            exc.add_note(f"fuzz step: {getattr(call, '__qualname__', call)}{_short(args)[:300]}")
            raise

    @property
    def outcome(self) -> str:
        return "lkip" if self.refused else "ok"


# -- formulas -----------------------------------------------------------------------------------

Outcome = tuple[str, Any]  # ("value", Decimal) or ("error", error class name)


def _outcome(evaluate: Callable[..., Any], values: object, year: object) -> Outcome:
    """What one evaluation gave: a Decimal, or the name of the LkipError; anything else escapes."""
    try:
        result = evaluate(values, year=year)
    except LkipError as exc:
        return ("error", type(exc).__name__)
    if not isinstance(result, Decimal):
        raise FuzzFailure("evaluate returned something that is not a Decimal", safe_repr(result, 400))
    return ("value", result)


def _what(outcome: Outcome) -> str:
    """An outcome in a few stable words, for the failure's tag."""
    status, found = outcome
    if status == "error":
        return str(found)
    return "a finite value" if found.is_finite() else str(found)


def _same(a: Outcome, b: Outcome) -> bool:
    """Equal errors, or equal values digit for digit (so 1.0 and 1.00 differ)."""
    if a[0] != b[0]:
        return False
    return a[1] == b[1] if a[0] == "error" else str(a[1]) == str(b[1])


Context = Callable[[], str]  # the inputs in words, made only when something failed


def _finite(path: str, got: Outcome, context: Context) -> None:
    """Never Infinity or NaN: a result is a finite Decimal or an error."""
    if got[0] == "value" and not got[1].is_finite():
        raise FuzzFailure(f"{path} returns {got[1]}", context())


def _compare(path: str, got: Outcome, reference: Outcome, context: Context) -> None:
    """``got`` equals the reference's outcome and is finite."""
    if not _same(got, reference):
        tag = f"{path} gives {_what(got)} where the reference gives {_what(reference)}"
        raise FuzzFailure(tag, f"{context()}\n{path}: {got[1]!r}\nreference: {reference[1]!r}")
    _finite(path, got, context)


def check_formula(case: FormulaCase) -> str:
    """Parse, then evaluate nine or more times (so the compiled path takes over) next to a
    formula compiled at once and the reference interpreter; all three must agree."""
    try:
        formula = parse_formula(case.text, known_names=case.known_names)  # type: ignore[arg-type]
    except LkipError:
        return "lkip"
    _round_trip(formula)
    forced = parse_formula(case.text, known_names=case.known_names)  # type: ignore[arg-type]
    forced.compiled()
    refused = False
    for number, (values, year) in enumerate(case.calls, start=1):
        context = functools.partial(_context, case.text, number, year, values)
        warm = "evaluate() once compiled" if number > COMPILE_AFTER else "evaluate() warming up"
        try:
            reference = _outcome(formula.evaluate_reference, values, year)
            _finite("the reference path", reference, context)
            _compare(warm, _outcome(formula.evaluate, values, year), reference, context)
            _compare("the compiled path", _outcome(forced.evaluate, values, year), reference, context)
        except Exception as exc:
            if not isinstance(exc, FuzzFailure):
                exc.add_note(context())
            raise
        refused = refused or reference[0] == "error"
    return "lkip" if refused else "ok"


def _context(text: str, call: int | str, year: object, values: object) -> str:
    return f"formula {text[:300]!r}, call {call}, year={year!r}, values={_short(values)}"


def _round_trip(formula: lkip_rules.Formula) -> None:
    """The canonical text (what explain and reports print) must parse back to the same tree."""
    text = str(formula)
    try:
        again = parse_formula(text)
    except LkipError:
        return
    if again.tree != formula.tree:
        raise FuzzFailure("canonical text parses to a different tree", f"{formula.source[:300]!r} -> {text[:300]!r}")


class _Repr(reprlib.Repr):
    """repr() that survives ints past Python's 4300-digit limit (shown as evaluable hex)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.maxstring = self.maxother = self.maxlong = limit
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = limit // 10
        self.maxlevel = 12

    def repr_int(self, x: int, level: int) -> str:
        try:
            return repr(x)
        except ValueError:
            return f"int({hex(x)!r}, 16)"


def safe_repr(value: object, limit: int = 100_000) -> str:
    """repr() for reproducers and messages, safe for any value a case holds."""
    return _Repr(limit).repr(value)


def _short(value: object) -> str:
    return safe_repr(value, 400)


def check_arith(case: ArithCase) -> str:
    """Arithmetic against the Fraction oracle; compiled against reference."""
    try:
        formula = parse_formula(case.text)
    except LkipError:
        return "lkip"
    context = functools.partial(_context, case.text, "-", case.year, case.values)
    reference = _outcome(formula.evaluate_reference, case.values, case.year)
    _compare("the compiled path", _outcome(formula.compiled(), case.values, case.year), reference, context)
    _finite("the reference path", reference, context)
    try:
        expected: Fraction | str = oracle.evaluate(formula.tree, oracle.exact(case.values), case.year)
    except tuple(oracle.EXPECTED) as exc:
        expected = oracle.EXPECTED[type(exc)]
    if isinstance(expected, str):
        if reference != ("error", expected):
            raise FuzzFailure(f"reference gives {_what(reference)} where the oracle expects {expected}", context())
        return "lkip"
    if reference[0] != "value" or Fraction(reference[1]) != expected:
        tag = f"reference gives {_what(reference)} that differs from the Fraction oracle"
        raise FuzzFailure(tag, f"{context()}\nreference: {reference[1]!r}\noracle: {float(expected)!r} = {expected}")
    return "ok"


# -- files: catalogs and data -------------------------------------------------------------------


def materialise(files: Mapping[str, bytes], root: Path) -> Path:
    """Write a case's files under ``root`` (a fresh temporary folder) and return it."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def assert_finite(found: object, where: str = "results") -> None:
    """Every Decimal in ``found`` (attrs records, mappings, sequences) is finite."""
    stack: list[tuple[object, str]] = [(found, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, Decimal):
            if not item.is_finite():
                raise FuzzFailure("a non-finite number in the results", f"{path} = {item}")
        elif attrs.has(type(item)):
            stack += [(getattr(item, a.name), f"{path}.{a.name}") for a in attrs.fields(type(item))]  # type: ignore[arg-type]
        elif isinstance(item, Mapping):
            stack += [(value, f"{path}[{key!r}]") for key, value in item.items()]
        elif isinstance(item, (list, tuple)):
            stack += [(value, f"{path}[{i}]") for i, value in enumerate(item)]


def check_catalog(case: FilesCase, root: Path) -> str:
    """load -> validate -> evaluate every data year (and to a quarter) -> explain each indicator -> audit.

    A catalog of over BIG indicators gets one year, one explanation and no quarter: every
    call is still made, but the example's time stays that of one call, so a hang is one call
    taking too long rather than many calls adding up.
    """
    from lkip_rules.audit import audit
    from lkip_rules.explain import explain

    steps = Steps()
    catalog = steps.run(load_catalog, materialise(case.files, root) / case.entry)
    if catalog is None:
        return steps.outcome
    steps.run(catalog.validate)
    data = steps.run(lambda: catalog.data) or Data()
    big = len(catalog.indicators) > BIG
    years = (sorted(data.years)[-1:] if big else sorted(data.years)[:4]) or [catalog.info.period[0]]
    for year in years:
        _evaluate(steps, catalog, year, data)
    if not big:
        _evaluate(steps, catalog, years[-1], data, quarter=2)
    for number, indicator in enumerate(list(catalog.indicators)[: 1 if big else MAX_EXPLAINED]):
        steps.run(explain, catalog, indicator, years[-1], lang="en" if number % 2 else "id", data=data)
    for year in years:
        steps.run(audit, catalog, year, data)
    return steps.outcome


def _evaluate(steps: Steps, catalog: lkip_rules.Catalog, year: int, data: Data, quarter: int | None = None) -> None:
    results = steps.run(catalog.evaluate, year, data, quarter=quarter)
    if results is not None:
        assert_finite(results)
        steps.run(results.to_dict)


def merged_data(base: Data, extra: Any) -> Data:
    """``extra`` laid over ``base``: ``Data.merge`` (``overlay`` in older versions of the library)."""
    combine = getattr(base, "merge", None) or base.overlay  # type: ignore[attr-defined]
    return combine(extra)  # type: ignore[no-any-return]


@functools.cache
def bundled_catalog() -> lkip_rules.Catalog:
    """The bundled catalog, loaded once per process (evaluation does not change it)."""
    return load_catalog(lkip_rules.BUNDLED_CATALOG)


def check_data(case: FilesCase, root: Path) -> str:
    """A TOML, CSV or XLSX data file: read it, lay it over the bundled catalog's figures,
    evaluate and audit its years; then the same file through ``lkip evaluate/check --data``."""
    from lkip_rules.audit import audit
    from lkip_rules.datafiles import read
    from lkip_rules.validation import data_files

    path = materialise(case.files, root) / case.entry
    steps = Steps()
    data = steps.run(read, path)
    if data is not None and case.expected is not None:
        check_figures(data, case.expected)
    if data is not None:
        catalog = bundled_catalog()
        steps.run(lambda: list(data_files(catalog, data)))
        merged = steps.run(merged_data, catalog.data, data)
        for year in sorted(data.years)[:3] if merged is not None else []:
            _evaluate(steps, catalog, year, merged)
            steps.run(audit, catalog, year, merged)
    fmt = ("csv", "json", "table", "markdown")[case.size() % 4]
    codes = [run_cli(["evaluate", "--data", str(path), "--format", fmt]), run_cli(["check", "--data", str(path)])]
    return "lkip" if steps.refused or any(codes) else "ok"


def check_figures(data: Data, expected: list[Figure]) -> None:
    """Nothing dropped or changed silently: a clean file read without error holds exactly its figures."""
    found: dict[tuple[str, int, int | None], Decimal] = {}
    for year, year_data in data.years.items():
        for name, value in year_data.inputs.items():
            items = value.items() if isinstance(value, Mapping) else [(None, value)]
            found.update({(name, year, quarter): number for quarter, number in items})
    wanted = {(name, year, quarter): Decimal(value.replace(",", ".")) for name, year, quarter, value in expected}
    if found != wanted:
        missing = sorted(set(wanted) - set(found), key=str)[:5]
        extra = sorted(set(found) - set(wanted), key=str)[:5]
        changed = [key for key in wanted.keys() & found.keys() if wanted[key] != found[key]][:5]
        raise FuzzFailure(
            "the file was read without error but its figures differ",
            f"missing {missing}, extra {extra}, changed {[(k, wanted[k], found[k]) for k in changed]}",
        )


# -- the command line ---------------------------------------------------------------------------


def run_cli(argv: list[str]) -> int:
    """Run ``lkip`` in-process; a crash re-raises its exception, a traceback or odd exit fails,
    and what ``evaluate`` exports is checked (JSON that parses, no live spreadsheet formulas)."""
    from click.testing import CliRunner

    from lkip_rules.cli import main

    result = CliRunner().invoke(main, argv, catch_exceptions=True)
    error = result.exception
    if error is not None and not isinstance(error, SystemExit):
        assert result.exc_info is not None
        raise error.with_traceback(result.exc_info[2])
    text = result.output
    context = f"lkip {' '.join(argv)[:500]}\n{text[-1500:]}"
    if "Traceback" in text:
        raise FuzzFailure("the command printed a traceback", context)
    if result.exit_code not in (0, 1, 2):
        raise FuzzFailure(f"exit code {result.exit_code}", context)
    if result.exit_code and not text.strip():
        raise FuzzFailure("the command failed without a message", context)
    if result.exit_code == 0 and argv[:1] == ["evaluate"]:
        check_export(argv, result.stdout, context)
    return result.exit_code


def _option(argv: list[str], name: str, default: str | None = None) -> str | None:
    return argv[argv.index(name) + 1] if name in argv[:-1] else default


def check_export(argv: list[str], stdout: str, context: str) -> None:
    """``evaluate`` output: JSON parses; CSV and XLSX cells never start a live formula."""
    fmt, output = _option(argv, "--format", "table"), _option(argv, "--output")
    if output is not None and fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(Path(output).read_bytes()))  # whatever the file is named
        cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
        if any(cell.data_type == "f" for cell in cells):
            raise FuzzFailure("the xlsx export carries a live formula", context)
        return
    text = Path(output).read_text("utf-8") if output is not None else stdout
    if fmt == "json":
        try:
            json.loads(text)
        except ValueError as exc:
            raise FuzzFailure("evaluate --format json printed text that is not JSON", f"{exc}\n{context}") from None
    if fmt == "csv" and any(cell.startswith("=") for row in csv.reader(io.StringIO(text)) for cell in row):
        raise FuzzFailure("the csv export carries a cell starting with '='", context)


def check_cli(case: CliCase, root: Path) -> str:
    """One command line, its ``{root}`` replaced by the case's folder."""
    materialise(case.files, root)
    argv = [arg.replace("{root}", str(root)) for arg in case.argv]
    return "lkip" if run_cli(argv) else "ok"


# -- API arguments ------------------------------------------------------------------------------


def _data_argument(spec: tuple[Any, ...]) -> dict[str, Any]:
    """The ``data`` keyword for a spec: omitted, None, empty, from values, or junk."""
    if spec[0] == "default":
        return {}
    if spec[0] == "none":
        return {"data": None}
    if spec[0] == "empty":
        return {"data": Data()}
    if spec[0] == "values":
        return {"data": Data.from_values(spec[1])}
    return {"data": spec[1]}


def _api_call(case: ApiCase, root: Path) -> Any:
    """Make the call the case describes."""
    from lkip_rules.audit import audit
    from lkip_rules.datafiles import read
    from lkip_rules.explain import explain

    p = case.params
    catalog = bundled_catalog()
    if case.op in ("load_catalog", "load_data", "read"):
        path = p["path"].replace("{root}", str(root)) if isinstance(p["path"], str) else p["path"]
        return {"load_catalog": load_catalog, "load_data": load_data, "read": read}[case.op](path)
    if case.op == "parse":
        return parse_formula(p["text"], known_names=p["known"])
    if case.op == "from_values":
        return catalog.evaluate(2025, Data.from_values(p["values"], realisations=p["realisations"]))
    if case.op == "formula_values":
        return parse_formula("koperasi_aktif + koperasi_usp_nib[N-1]").evaluate(p["values"], year=p["year"])
    data: dict[str, Any] = _data_argument(p["data"])
    if case.op in ("evaluate", "to_dict"):
        results = catalog.evaluate(p["year"], quarter=p["quarter"], **data)
        return results.to_dict() if case.op == "to_dict" else results
    if case.op == "explain":
        return explain(catalog, p["id"], p["year"], lang=p["lang"], **data)
    if case.op == "audit":
        return audit(catalog, p["year"], **data)
    if case.op == "merge":
        return merged_data(catalog.data, data.get("data"))
    return getattr(catalog, case.op)(**data)


def check_api(case: ApiCase, root: Path) -> str:
    """A public call with odd arguments: a result, or an LkipError."""
    materialise(case.files, root)
    try:
        found = _api_call(case, root)
    except LkipError:
        return "lkip"
    assert_finite(found)
    return "ok"


# -- running, naming and saving -----------------------------------------------------------------

CHECKS: dict[str, Callable[[Any, Path], str]] = {
    "formula": lambda case, root: check_formula(case),
    "arith": lambda case, root: check_arith(case),
    "catalog": check_catalog,
    "data": check_data,
    "csv": check_data,
    "xlsx": check_data,
    "cli": check_cli,
    "api": check_api,
}


def run(case: Any, seconds: float | None = None) -> str:
    """Check ``case`` in a fresh folder under a time limit (for the pytest tests).

    A hang becomes a FuzzFailure naming where it was stopped; with LKIP_FUZZ_SAVE=DIR set,
    failing cases are also saved there for replay with run_long.py --replay.
    """
    seconds = seconds or float(os.environ.get("LKIP_FUZZ_TIMEOUT", "5"))
    with tempfile.TemporaryDirectory(prefix="lkip-fuzz-") as folder:
        try:
            with time_limit(seconds):
                return CHECKS[case.kind](case, Path(folder))
        except Hang as exc:
            _save_if_asked(case, exc)
            raise FuzzFailure(f"hang: over {seconds:g} s", signature(exc)) from exc
        except BaseException as exc:
            _save_if_asked(case, exc)
            raise


def _save_if_asked(case: Any, exc: BaseException) -> None:
    target = os.environ.get("LKIP_FUZZ_SAVE")
    if target:
        save_case(case, Path(target) / f"{case.kind}-{abs(hash(signature(exc))) % 10**8}", exc)


def innermost_library_frame(exc: BaseException) -> traceback.FrameSummary | None:
    """Where in lkip_rules the exception arose (else the innermost frame at all)."""
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [frame for frame in frames if frame.filename.startswith(LIBRARY)]
    return inside[-1] if inside else (frames[-1] if frames else None)


def signature(exc: BaseException) -> str:
    """Exception type and innermost library frame: one name per distinct bug."""
    if isinstance(exc, FuzzFailure):
        return f"FuzzFailure: {exc.tag}"
    frame = innermost_library_frame(exc)
    where = "?" if frame is None else f"{os.path.relpath(frame.filename, os.path.dirname(LIBRARY))}:{frame.name}"
    return f"{type(exc).__name__} @ {where}"


def describe(case: Any) -> str:
    """What a person reads first: the text, the notes, the arguments."""
    lines = [f"kind: {case.kind}"]
    for name in ("text", "known_names", "op", "params", "argv", "entry", "notes", "year", "values"):
        if hasattr(case, name):
            lines.append(f"{name}: {safe_repr(getattr(case, name))}")
    if isinstance(case, FormulaCase):
        lines += [
            f"call {i}: year={year!r} values={safe_repr(values)}" for i, (values, year) in enumerate(case.calls, 1)
        ]
    return "\n".join(lines) + "\n"


def save_case(case: Any, folder: Path, exc: BaseException | None = None) -> Path:
    """The case as files a person can open, plus a pickle that run_long.py --replay runs again."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "case.txt").write_text(describe(case), "utf-8", errors="backslashreplace")
    with contextlib.suppress(Exception):
        (folder / "case.pickle").write_bytes(pickle.dumps(case))
    for rel, data in getattr(case, "files", {}).items():
        path = folder / "files" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if exc is not None:
        trace = "".join(traceback.format_exception(exc))
        (folder / "error.txt").write_text(f"{signature(exc)}\n\n{trace[-20000:]}", "utf-8", errors="backslashreplace")
    return folder
