"""Fuzzing suite: every input kind must give a result or an ``LkipError``, quickly and in bounded memory.

- ``gen`` generates inputs once, for two drivers: Hypothesis (the pytest tests, which can
  shrink) and ``random.Random`` (``run_long.py``, which needs low overhead per example).
- ``checks`` runs one input of each kind through the library and says what is acceptable.
- ``oracle`` is an independent ``fractions.Fraction`` evaluator for arithmetic formulas.
- ``test_fuzz_*`` are the quick, deterministic CI runs, one module per input kind.
- ``run_long.py`` is for long runs by hand: worker processes (``longrun``), per-example
  timeouts, peak memory, a JSON summary and saved reproducers (``--replay`` runs one again).

Environment variables for the pytest tests:

- ``LKIP_FUZZ_EXAMPLES=10``: ten times as many examples per test.
- ``LKIP_FUZZ_SHRINK=1``: let Hypothesis shrink failures (off by default: a hang would be
  replayed hundreds of times).
- ``LKIP_FUZZ_TIMEOUT=5``: CPU seconds per example before it counts as a hang.
- ``LKIP_FUZZ_SAVE=DIR``: save each failing case under DIR, for ``run_long.py --replay``.
"""
