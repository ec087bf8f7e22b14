"""Hypothesis profiles: 'ci' (default) keeps the suite quick; 'thorough' digs deeper.

Pick one with HYPOTHESIS_PROFILE=thorough python -m pytest.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
