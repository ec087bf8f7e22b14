"""Results and explain: statuses' reasons, rules, evaluation, scoring, budget."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
