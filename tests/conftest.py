"""Hypothesis profiles.

- ``ci`` (the default for ``python -m pytest``): derandomized and without an example database, so a
  run on a fresh clone tries exactly the same examples every time and never flakes.
- ``thorough``: random, 3,000 examples per property, run by hand to find new cases:
  ``HYPOTHESIS_PROFILE=thorough python -m pytest``. A failure it finds is a bug to fix (and a case
  to keep as an example test), never a strategy to narrow.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=3000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
